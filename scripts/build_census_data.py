"""Build the resident-population package data of ``seip.analysis`` from the 2020 census (run from the repository root).

Writes
  src/seip/analysis/data/population_2020.csv   national, province and prefecture-city resident population
and replaces the "seip.analysis population" section of docs/DATA_SOURCES.md.

    python scripts/build_census_data.py [--shared ../shared]

Sources (../shared/datasets/cn-census-leiii, github.com/leiii/census @ 0ba0f1e, MIT, © 2022 Lei Dong; figures of
the 7th national census, 2020):

* provinces and the national total: rows of ``census_county_2020_v1.xlsx`` whose 区划代码 ends in ``0000`` and
  the first row (全国), column ``人口数_合计``;
* prefecture-level cities, and county-level cities administered directly by a province (仙桃市, 济源市 …):
  ``census_city_2010-2020_v1.csv``, column ``popu_2020``.

Short names (``黑龙江``, ``哈尔滨``) come from seip's own division table (src/seip/records/data/cn_regions.csv), matched
by the six-digit code, so that a region given on the command line resolves the way applicant addresses do.

The output is committed: an installed seip never needs ../shared.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "seip" / "analysis" / "data" / "population_2020.csv"
REGIONS = ROOT / "src" / "seip" / "records" / "data" / "cn_regions.csv"
DOC = ROOT / "docs" / "DATA_SOURCES.md"
BEGIN = "<!-- BEGIN seip.analysis population (written by scripts/build_census_data.py) -->"
END = "<!-- END seip.analysis population -->"
COUNTY_FILE = "cn-census-leiii/census_county_2020_v1.xlsx"
CITY_FILE = "cn-census-leiii/census_city_2010-2020_v1.csv"
#: Hong Kong and Macao: the patents table gives them no province (their applicants carry country HK/MO).
_SAR = ("81", "82")


def _short_names() -> dict[str, str]:
    with REGIONS.open(encoding="utf-8", newline="") as fh:
        return {r["adcode"]: r["short_name"] for r in csv.DictReader(fh) if r["current"] == "1"}


def build(datasets: Path) -> tuple[list[dict[str, object]], dict[str, object]]:
    """Rows of population_2020.csv and the figures the data-sources page quotes."""
    county = pl.read_excel(
        datasets / COUNTY_FILE, columns=["区划代码", "省", "人口数_合计"], infer_schema_length=0
    )
    national = county.filter(pl.col("省") == "全国")
    if national.height != 1:
        raise SystemExit(f"{COUNTY_FILE}: expected one 全国 row, found {national.height}")
    provinces = county.filter(pl.col("区划代码").str.replace(r"\.0$", "").str.ends_with("0000"))
    city = pl.read_csv(
        datasets / CITY_FILE, infer_schema=False, columns=["city", "city_code", "province", "popu_2020"]
    )
    shorts = _short_names()
    rows: list[dict[str, object]] = [
        {
            "level": "national",
            "code": "",
            "province": "",
            "name": "全国",
            "short_name": "中国",
            "population": int(national["人口数_合计"][0]),
        }
    ]
    for code, prov, pop in provinces.select("区划代码", "省", "人口数_合计").iter_rows():
        code = code.removesuffix(".0")
        rows.append(
            {
                "level": "province",
                "code": code,
                "province": prov,
                "name": prov,
                "short_name": shorts.get(code, prov),
                "population": int(pop),
            }
        )
    dropped: list[str] = []
    for name, code, prov, pop in city.iter_rows():
        if code[:2] in _SAR:
            continue
        if not pop:
            dropped.append(name)
            continue
        rows.append(
            {
                "level": "city",
                "code": code,
                "province": prov,
                "name": name,
                "short_name": shorts.get(code, name),
                "population": int(float(pop)),
            }
        )
    prov_total = sum(int(r["population"]) for r in rows if r["level"] == "province")
    if prov_total != rows[0]["population"]:
        raise SystemExit(f"provinces sum to {prov_total:,}, the national row says {rows[0]['population']:,}")
    city_sum: dict[str, int] = {}
    for r in rows:
        if r["level"] == "city":
            city_sum[str(r["province"])] = city_sum.get(str(r["province"]), 0) + int(r["population"])
    gaps = {
        str(r["name"]): int(r["population"]) - city_sum.get(str(r["name"]), 0)
        for r in rows
        if r["level"] == "province" and city_sum.get(str(r["name"]), 0) != r["population"]
    }
    stats = {
        "national": rows[0]["population"],
        "provinces": sum(r["level"] == "province" for r in rows),
        "cities": sum(r["level"] == "city" for r in rows),
        "dropped": dropped,
        "gaps": gaps,
    }
    return rows, stats


def write_doc(stats: dict[str, object]) -> None:
    gaps = "; ".join(f"{k} {v:+,}" for k, v in stats["gaps"].items())  # type: ignore[union-attr]
    section = f"""{BEGIN}
## seip.analysis — resident population, 2020 census (`population_2020.csv`)

Package data in `src/seip/analysis/data/`, built by `scripts/build_census_data.py`; used as the denominator of
every per-10,000-population indicator (`seip indicators`, docs/indicators.md).

| level | rows | source file (../shared/datasets/) | column |
|---|---|---|---|
| national (全国) | 1 ({stats["national"]:,}) | `{COUNTY_FILE}`, first row | `人口数_合计` |
| province | {stats["provinces"]} | `{COUNTY_FILE}`, rows whose 区划代码 ends in `0000` | `人口数_合计` |
| prefecture city (and county-level cities under a province) | {stats["cities"]} | `{CITY_FILE}` | `popu_2020` |

Source: github.com/leiii/census @ 0ba0f1e (Lei Dong et al., compiled from the 7th national census yearbook and
local census bulletins), MIT licence (© 2022 Lei Dong). Short names are seip's own (`records/data/cn_regions.csv`,
matched by code). The 31 provinces sum exactly to the national figure. Not carried: Hong Kong and Macao (the
patents table gives their applicants no province) and {len(stats["dropped"])} XPCC cities without a census figure
({", ".join(stats["dropped"])}). The cities of a province need not sum to it (province total minus its cities:
{gaps}): the city table leaves out areas such as the XPCC cities and some directly administered districts.
{END}"""
    text = DOC.read_text(encoding="utf-8")
    if BEGIN in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    rows, stats = build(args.shared / "datasets")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    write_doc(stats)
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
