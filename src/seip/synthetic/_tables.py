"""Package data of the generator (IPC frequencies, cities), loaded once with importlib.resources."""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources

import numpy as np
import pyarrow as pa

from seip.synthetic import _draw as d
from seip.synthetic._vocab import FIELDS


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("seip.synthetic").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def field_of(symbol: str) -> int:
    """Index in ``FIELDS`` of the technology field of an IPC symbol (longest matching prefix).

    >>> FIELDS[field_of("G06N3/08")].key, FIELDS[field_of("H01M4/36")].key, FIELDS[field_of("A61K36/00")].key
    ('ai', 'batmat', 'pharma')
    """
    table = _prefixes()
    group = symbol.split("/")[0] + "/"
    for key in (group, symbol[:4], symbol[:3], symbol[:1]):
        if key in table:
            return table[key]
    raise ValueError(f"no field for IPC symbol {symbol!r}")  # pragma: no cover - every section has a default


@functools.cache
def _prefixes() -> dict[str, int]:
    table: dict[str, int] = {}
    for i, f in enumerate(FIELDS):
        for prefix in f.ipc:
            if prefix in table:
                raise ValueError(f"IPC prefix {prefix} in two fields")
            table[prefix] = i
    return table


@dataclass(frozen=True)
class Ipc:
    symbols: pa.Array
    field: np.ndarray  # field index per symbol
    sub_lo: np.ndarray  # [sub_lo, sub_hi) = symbols of the same subclass
    sub_hi: np.ndarray
    cls_lo: np.ndarray  # [cls_lo, cls_hi) = symbols of the same class
    cls_hi: np.ndarray
    cum_all: np.ndarray  # cumulative weights, every symbol
    cum_um: np.ndarray  # cumulative weights, utility models (no material fields)
    subclass_share: dict[str, float]  # the PATSTAT subclass distribution of the table


@functools.cache
def ipc() -> Ipc:
    rows = _read("ipc_frequencies.csv")
    sub_total: dict[str, float] = {}
    sub_kept: dict[str, float] = {}
    groups: list[tuple[str, float]] = []
    for r in rows:
        sub, count = r["symbol"][:4], float(r["count"])
        sub_total[sub] = sub_total.get(sub, 0.0) + count
        if r["kind"] == "group":
            sub_kept[sub] = sub_kept.get(sub, 0.0) + count
            groups.append((r["symbol"], count))
    groups.sort()
    symbols = [s for s, _ in groups]
    # A subclass's "rest" weight is spread over its kept groups in proportion to their counts.
    weight = np.array([c * sub_total[s[:4]] / sub_kept[s[:4]] for s, c in groups])
    field = np.array([field_of(s) for s in symbols], dtype=np.int64)
    subs = np.array([s[:4] for s in symbols])
    classes = np.array([s[:3] for s in symbols])

    def ranges(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        ends = np.r_[starts[1:], len(keys)]
        which = np.repeat(np.arange(len(starts)), ends - starts)
        return starts[which], ends[which]

    sub_lo, sub_hi = ranges(subs)
    cls_lo, cls_hi = ranges(classes)
    um_ok = np.array([FIELDS[f].style != "material" for f in field])
    total = sum(sub_total.values())
    return Ipc(
        symbols=pa.array(symbols),
        field=field,
        sub_lo=sub_lo,
        sub_hi=sub_hi,
        cls_lo=cls_lo,
        cls_hi=cls_hi,
        cum_all=np.cumsum(weight),
        cum_um=np.cumsum(weight * um_ok),
        subclass_share={s: c / total for s, c in sorted(sub_total.items())},
    )


def draw_in(cum: np.ndarray, lo: np.ndarray, hi: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Index in [lo, hi) drawn with the weights behind the cumulative ``cum``."""
    base = np.where(lo > 0, cum[np.maximum(lo - 1, 0)], 0.0)
    x = base + u * (cum[hi - 1] - base)
    order = np.argsort(x)  # sorted needles make the binary searches cache-friendly (2-3× faster)
    found = np.empty(len(x), dtype=np.int64)
    found[order] = np.searchsorted(cum, x[order], side="right")
    return np.clip(found, lo, hi - 1)


@dataclass(frozen=True)
class Cities:
    city: pa.Array
    province: pa.Array
    province_of: np.ndarray  # province index per city
    provinces: tuple[str, ...]
    cum_pop: np.ndarray  # draw a city by population
    cum_big: np.ndarray  # by population squared (where big applicants sit)
    addr_head: pa.Array  # "黑龙江省哈尔滨市" (municipalities: "北京市")
    prefix: pa.Array  # 3 firm-name prefixes per city: short, full, province short
    short: pa.Array
    districts: pa.Array
    dist_off: np.ndarray
    dist_cnt: np.ndarray
    index: dict[str, int]


@functools.cache
def cities() -> Cities:
    rows = _read("cities.csv")
    provinces = tuple(dict.fromkeys(r["province"] for r in rows))
    pop = np.array([float(r["population_2020"]) for r in rows])
    districts: list[str] = []
    off, cnt = [], []
    prefix: list[str] = []
    for r in rows:
        names = r["districts"].split(";") if r["districts"] else ["高新技术产业开发区", "经济技术开发区"]
        off.append(len(districts))
        cnt.append(len(names))
        districts.extend(names)
        full = r["city"] if r["city"].endswith("市") else r["city_short"]
        prefix.extend((r["city_short"], full, r["province_short"]))
    return Cities(
        city=pa.array([r["city"] for r in rows]),
        province=pa.array([r["province"] for r in rows]),
        province_of=np.array([provinces.index(r["province"]) for r in rows]),
        provinces=provinces,
        cum_pop=d.cdf(pop),
        cum_big=d.cdf(pop**2),
        addr_head=pa.array(
            [r["city"] if r["city"] == r["province"] else r["province"] + r["city"] for r in rows]
        ),
        prefix=pa.array(prefix),
        short=pa.array([r["city_short"] for r in rows]),
        districts=pa.array(districts),
        dist_off=np.array(off),
        dist_cnt=np.array(cnt),
        index={r["city"]: i for i, r in enumerate(rows)},
    )
