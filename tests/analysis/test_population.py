"""Census population package data: current with its source, and region names resolved as users write them."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from seip.analysis.population import RegionError, population, resolve_region

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.shared_data
def test_package_data_is_current(datasets) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_census_data", ROOT / "scripts" / "build_census_data.py"
    )
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    rows, _ = mod.build(datasets)
    shipped = population().to_pylist()
    assert [(r["level"], r["name"], r["population"]) for r in rows] == [
        (r["level"], r["name"], r["population"]) for r in shipped
    ], "src/seip/analysis/data/population_2020.csv is out of date: run scripts/build_census_data.py"
    # Independently of the script (csv module, not polars): the city figures.
    with (datasets / "cn-census-leiii" / "census_city_2010-2020_v1.csv").open(encoding="utf-8-sig") as fh:
        cities = {r["city"]: int(float(r["popu_2020"])) for r in csv.DictReader(fh) if r["popu_2020"]}
    for r in shipped:
        if r["level"] == "city":
            assert cities[r["name"]] == r["population"], r["name"]


def test_provinces_sum_to_the_nation() -> None:
    rows = population().to_pylist()
    national = [r["population"] for r in rows if r["level"] == "national"]
    provinces = [r for r in rows if r["level"] == "province"]
    assert len(provinces) == 31 and national == [sum(r["population"] for r in provinces)]


def test_resolve_region() -> None:
    assert resolve_region("黑龙江").name == resolve_region("黑龙江省").name == "黑龙江省"
    assert resolve_region("吉林").level == "province" and resolve_region("吉林市").level == "city"
    assert resolve_region("仙桃").province == "湖北省"  # a county-level city under the province
    assert (
        resolve_region("北京").level == "province"
    )  # the municipality as a province; its city row is 北京市 too
    with pytest.raises(RegionError, match="火星"):
        resolve_region("火星")
