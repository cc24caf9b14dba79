"""A realistic synthetic patent corpus, for demos and benchmarks (``seip generate``).

May import: seip.records, stdlib, numpy, pyarrow.

Rows are canonical records (:data:`seip.records.schema.SCHEMA`) marked ``source_format = "synthetic"``: about 75 %
Chinese documents (invention applications and grants, utility models, designs), the rest US/WO/EP/JP/KR/DE;
IPC symbols drawn with the worldwide PATSTAT frequencies; Chinese titles, abstracts and claims written from a
per-field technical vocabulary; recurring applicants with Zipf-distributed portfolios located by 2020 census
population; dates and legal status consistent with type and age. The SEI columns are left for seip.taxonomy.

Generation is vectorised (NumPy, Arrow compute), one batch at a time, so memory is bounded by ``batch_size``.
Randomness is counter-based (a hash of seed, variable and row number), so a row does not depend on the rows
generated with it: the same ``(n, seed, today)`` gives the same rows whatever ``batch_size``, and a longer run
starts with the rows of a shorter one. Numbers are allocated in row order by office, kind and year, so that
``pub_number`` is unique across the whole run.

>>> batch = next(generate_batches(3, seed=1, today=datetime.date(2026, 1, 1)))
>>> batch.schema.equals(SCHEMA), batch.num_rows, batch.column("source_format")[0].as_py()
(True, 3, 'synthetic')
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from seip.records.schema import LEGAL_STATUSES, PATENT_TYPES, SCHEMA
from seip.synthetic import _draw as d
from seip.synthetic import _life, _people, _text
from seip.synthetic._numbers import CN, OFFICES, Numbering
from seip.synthetic._tables import draw_in, ipc

__all__ = ["NAME", "generate_batches"]

NAME = "synthetic"

_OFFICE = d.cdf([75, 8, 5, 4, 4, 2, 2])  # CN US WO EP JP KR DE
_CN_TYPE = d.cdf([48, 40, 12])  # invention, utility model, design
#: Applicant country (index in _people.COUNTRIES: CN US JP KR DE FR GB CH NL SE) per foreign office.
_COUNTRY = {
    1: d.cdf([18, 55, 8, 6, 5, 2, 2, 2, 1, 1]),
    2: d.cdf([38, 20, 14, 8, 8, 3, 3, 2, 2, 2]),
    3: d.cdf([12, 22, 12, 5, 22, 8, 5, 5, 5, 4]),
    4: d.cdf([7, 8, 75, 3, 4, 1, 1, 1, 0, 0]),
    5: d.cdf([6, 7, 5, 80, 2, 0, 0, 0, 0, 0]),
    6: d.cdf([6, 10, 7, 2, 70, 2, 0, 3, 0, 0]),
}
_HOME_OFFICE = np.array([0, 1, 4, 5, 6, 3, 3, 3, 3, 3])  # applicant country → office of its home filings
_N_IPC = (d.cdf([30, 25, 18, 12, 8, 7]), d.cdf([50, 25, 13, 7, 3, 2]))
_FAMILY = (d.cdf([85, 7, 4, 2, 1, 0.6, 0.4]), d.cdf([25, 25, 20, 12, 8, 6, 4]))
#: Forward citations per year since publication and mean backward citations, per office (CN: per type).
_CITED_RATE = {"inv": 0.35, "um": 0.25, "design": 0.02, 1: 1.6, 2: 0.5, 3: 0.7, 4: 0.5, 5: 0.4, 6: 0.5}
_CITES_MEAN = {"inv": 5.0, "um": 3.0, "design": 0.2, 1: 18.0, 2: 5.0, 3: 5.0, 4: 6.0, 5: 6.0, 6: 6.0}
_FAMILY_MULT, _FAMILY_SPAN = 282_475_249, 900_000_000  # 7**10 is coprime with 9e8: a bijection of row numbers


def generate_batches(
    n: int, seed: int = 0, batch_size: int = 100_000, today: datetime.date | None = None
) -> Iterator[pa.RecordBatch]:
    """Yield ``n`` synthetic canonical records in batches of ``batch_size`` rows (the last may be shorter).

    ``today`` (default: the current date) is the date of the snapshot: nothing is published later, and legal
    status is as of that day. Pass it explicitly for output that does not change from one day to the next.
    """
    if n < 0 or batch_size < 1:
        raise ValueError("n must be >= 0 and batch_size >= 1")
    today = today or datetime.date.today()
    if isinstance(today, datetime.datetime):
        today = today.date()
    if today < datetime.date(2008, 1, 1):
        raise ValueError("today must be 2008-01-01 or later (filings start in 2005)")
    gen = _Generator(seed, today)
    for start in range(0, n, batch_size):
        yield gen.block(start, min(batch_size, n - start))


def _binomial_cdf(trials: int, p: float) -> np.ndarray:
    return d.cdf([math.comb(trials, k) * p**k * (1 - p) ** (trials - k) for k in range(trials + 1)])


_CLAIMS = (_binomial_cdf(19, 0.42), _binomial_cdf(19, 0.35))  # claims - 1: invention, utility model


def _skewed(st: d.Rand, name: str) -> np.ndarray:
    """Mean-1 heavy-tailed factor (exponential × log-normal): most documents get few citations, some many."""
    return -np.log1p(-st.u(name)) * np.exp(0.7 * st.normal(name + "_spread") - 0.245)


class _Generator:
    def __init__(self, seed: int, today: datetime.date) -> None:
        self.seed = seed
        self.today = (today - datetime.date(1970, 1, 1)).days
        self.cum_days = d.day_sampler(_life.YEAR_WEIGHTS, _life.FIRST_DAY, self.today)
        self.numbers = Numbering(today.year)
        self.family_shift = (
            int(d.hash64(np.array([seed & 0xFFFFFFFFFFFFFFFF], np.uint64), 99)[0]) % _FAMILY_SPAN
        )
        self.offices = pa.array(OFFICES)
        self.types = pa.array(PATENT_TYPES)
        self.statuses = pa.array(LEGAL_STATUSES)
        self.raw = pa.array(_life.RAW)
        _text.pools(), _people.warm()  # build the cached pools up front

    def block(self, start: int, size: int) -> pa.RecordBatch:
        """Rows ``start … start + size - 1``. Blocks must be generated in row order: numbers are allocated."""
        st = d.Rand(self.seed, start, size)
        office = d.pick(_OFFICE, st.u("office"))
        cn = office == CN
        ptype = np.where(cn, d.pick(_CN_TYPE, st.u("patent_type")), 0)
        design = cn & (ptype == 2)
        cols: dict[str, pa.Array] = {}
        field, ipc_cols = self._ipc(st, office, ptype)
        cols.update(ipc_cols)
        product = (st.u("design_product") * _text.pools().n_designs).astype(np.int64)
        field = np.where(design, _text.pools().design_field[product], field)
        country = np.zeros(size, dtype=np.int64)
        for o, cum in _COUNTRY.items():
            sel = office == o
            country[sel] = d.pick(cum, st.u(f"country_{o}")[sel])
        texts = _text.render(field, np.where(cn, ptype, 0), ~cn, product, st.u("text", 5))
        people = _people.applicants(st, cn, ptype, field, country)
        life = _life.lifecycle(st, office, ptype, self.today, self.cum_days)
        year = d.year_of
        cols.update(
            self.numbers.assign(
                office,
                ptype,
                year(life["app_date"]),
                year(life["pub1"]),
                year(np.maximum(life["grant_date"], 0)),
                life["granted"],
                country,
            )
        )
        cols.update(self._family(st, office, ptype, country, life))
        for name in ("pub_date", "app_date", "priority_date"):
            cols[name] = pa.array(life[name].astype(np.int32), type=pa.date32())
        grant = life["grant_date"]
        cols["grant_date"] = pa.array(grant.astype(np.int32), type=pa.date32(), mask=grant < 0)
        cols["pub_country"] = d.take(self.offices, office)
        cols["patent_type"] = d.take(self.types, ptype)
        cols["legal_status"] = d.take(self.statuses, life["legal_status"])
        cols["legal_status_raw"] = d.take(self.raw, life["legal_status_raw"])
        cols["is_valid"] = pa.array(life["is_valid"])
        u = st.u("claims")
        claims = 1 + np.where(cn & (ptype == 1), d.pick(_CLAIMS[1], u), d.pick(_CLAIMS[0], u))
        claims = np.where((st.u("claims_ten") < 0.3) & ~design, 10, claims)
        cols["claims_count"] = pa.array(claims, type=pa.int64(), mask=design)
        cols["source_format"] = pa.repeat(NAME, size)
        cols["source_row"] = pa.array(np.arange(start + 1, start + size + 1, dtype=np.int64))
        cols.update(texts)
        cols.update(people)
        arrays = [_null_if_empty(cols[f.name]) if f.name in cols else pa.nulls(size, f.type) for f in SCHEMA]
        return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)

    def _ipc(
        self, st: d.Rand, office: np.ndarray, ptype: np.ndarray
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        """1–6 IPC symbols, main first: the main one by worldwide frequency (utility models: no material fields),
        the others mostly from the same subclass or class."""
        t = ipc()
        n = len(office)
        um = (office == CN) & (ptype == 1)
        design = (office == CN) & (ptype == 2)
        last = len(t.symbols)
        u, mode = st.u("ipc_uniform", 6), st.u("ipc_mode", 6)

        def draw(rows: np.ndarray, lo: np.ndarray, hi: np.ndarray, uu: np.ndarray) -> np.ndarray:
            out = np.empty(len(rows), dtype=np.int64)
            sel = um[rows]
            out[~sel] = draw_in(t.cum_all, lo[~sel], hi[~sel], uu[~sel])
            out[sel] = draw_in(t.cum_um, lo[sel], hi[sel], uu[sel])
            return out

        rows = np.arange(n)
        main = draw(rows, np.zeros(n, dtype=np.int64), np.full(n, last), u[:, 0])
        count = np.where(
            design, 0, 1 + np.where(um, d.pick(_N_IPC[1], mode[:, 0]), d.pick(_N_IPC[0], mode[:, 0]))
        )
        sym = np.full((n, 6), -1, dtype=np.int64)
        sym[:, 0] = np.where(design, -1, main)
        for j in range(1, 6):
            r = np.flatnonzero(count > j)
            m, mr = mode[r, j], main[r]
            same_sub, same_cls = m < 0.45, m < 0.70
            lo = np.where(same_sub, t.sub_lo[mr], np.where(same_cls, t.cls_lo[mr], 0))
            hi = np.where(same_sub, t.sub_hi[mr], np.where(same_cls, t.cls_hi[mr], last))
            s = draw(r, lo, hi, u[r, j])
            dup = (sym[r, :j] == s[:, None]).any(axis=1)
            sym[r, j] = np.where(dup, -1, s)
        keep = sym >= 0
        counts = keep.sum(axis=1)
        symbols = d.take(t.symbols, sym[keep])
        cpc_share = np.select([office == CN, np.isin(office, (1, 2, 3))], [0.05, 0.9], 0.6)
        with_cpc = st.u("cpc") < cpc_share
        cols = {
            "ipc": d.lists(counts, symbols),
            "ipc_main": d.take(t.symbols, sym[:, 0]),
            "cpc": d.lists(counts * with_cpc, symbols.filter(pa.array(np.repeat(with_cpc, counts)))),
        }
        return t.field[main], cols

    def _family(
        self, st: d.Rand, office: np.ndarray, ptype: np.ndarray, country: np.ndarray, life: dict
    ) -> dict[str, pa.Array]:
        n = len(office)
        cn = office == CN
        rows = np.arange(n)
        home = _HOME_OFFICE[country]
        size = 1 + np.where(
            cn, d.pick(_FAMILY[0], st.u("family_size")), d.pick(_FAMILY[1], st.u("family_size_abroad"))
        )
        size = np.where(home != office, np.maximum(size, 2), size)
        keys = st.u("family_order", 7)
        keys[rows, home] = -1.0
        keys[rows, office] = -2.0
        order = np.argsort(keys, axis=1)
        members = order[np.arange(7)[None, :] < size[:, None]]
        ident = (self.family_shift + st.rows.astype(np.int64) * _FAMILY_MULT) % _FAMILY_SPAN
        # Citations grow with age; foreign offices cite and are cited more.
        age = np.maximum(self.today - life["pub1"], 0) / 365.25
        kinds = [cn & (ptype == 0), cn & (ptype == 1), cn & (ptype == 2)] + [office == o for o in range(1, 7)]
        rate = np.select(kinds, list(_CITED_RATE.values()))
        mean = np.select(kinds, list(_CITES_MEAN.values()))
        cited = rate * age * _skewed(st, "cited_by")
        cites = mean * _skewed(st, "cites") + st.u("cites_rounding")
        return {
            "family_id": pc.cast(pa.array(100_000_000 + ident), pa.string()),
            "family_size": pa.array(size.astype(np.int64)),
            "family_countries": d.lists(size, d.take(self.offices, members)),
            "cited_by_count": pa.array(np.floor(cited).astype(np.int64)),
            "cites_count": pa.array(np.floor(cites).astype(np.int64)),
        }


def _null_if_empty(col: pa.Array) -> pa.Array:
    """Canonical records never hold an empty list: no value is null (as the normaliser writes it)."""
    if not pa.types.is_list(col.type):
        return col
    empty = pc.equal(pc.list_value_length(col), 0)
    return pc.if_else(empty, pa.scalar(None, col.type), col)
