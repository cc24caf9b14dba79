"""Resident population of the 2020 census by province and prefecture city: the per-10,000 denominators.

May import: seip.errors, stdlib, pyarrow, ibis.

Data: ``data/population_2020.csv`` (national, 31 provinces, 357 cities), written by
scripts/build_census_data.py from ../shared/datasets/cn-census-leiii (see docs/DATA_SOURCES.md). Names are
those of the ``province`` and ``city`` columns of the patents table (``黑龙江省``, ``哈尔滨市``; municipalities
are both province and city), so the join is by name.
"""

from __future__ import annotations

import functools
import importlib.resources
from dataclasses import dataclass

import ibis
import pyarrow as pa
import pyarrow.csv as pacsv

from seip.errors import SeipError

__all__ = ["SOURCE", "Region", "RegionError", "population", "population_table", "resolve_region"]

SOURCE = "2020 census (7th national census), github.com/leiii/census"
LEVELS = ("national", "province", "city")
NATIONAL = "全国"


class RegionError(SeipError):
    """A region name that is no Chinese province or prefecture city of the census."""


@dataclass(frozen=True)
class Region:
    """A region of the population table."""

    level: str
    name: str
    province: str | None
    population: int


@functools.cache
def population() -> pa.Table:
    """The package table: level, code, province, name, short_name, population (int64)."""
    path = importlib.resources.files("seip.analysis") / "data" / "population_2020.csv"
    with importlib.resources.as_file(path) as p:
        return pacsv.read_csv(
            p,
            convert_options=pacsv.ConvertOptions(
                column_types={"code": pa.string(), "population": pa.int64()}, strings_can_be_null=True
            ),
        )


def population_table() -> ibis.Table:
    """The population table as an ibis memtable (level, province, name, population), joinable on any engine.

    Province rows carry their own name in ``province``; the national row has ``province`` NULL.
    """
    t = population().select(["level", "province", "name", "population"])
    return ibis.memtable(t)


@functools.cache
def _index() -> dict[str, list[Region]]:
    index: dict[str, list[Region]] = {}
    for r in population().to_pylist():
        region = Region(r["level"], r["name"], r["province"], r["population"])
        for key in {r["name"], r["short_name"]}:
            index.setdefault(key, []).append(region)
    for alias in ("中国", "China", "CN", "national"):
        index[alias] = index[NATIONAL]
    return index


def resolve_region(name: str) -> Region:
    """The region a user means by ``name``: a full or short province or city name, or 全国.

    A short name shared by a province and a city means the province, as in applicant addresses
    (``吉林`` → 吉林省; write ``吉林市`` for the city).

    >>> resolve_region("黑龙江").name, resolve_region("哈尔滨").province
    ('黑龙江省', '黑龙江省')
    >>> resolve_region("全国").population
    1409778724
    """
    hits = _index().get(name.strip())
    if not hits:
        raise RegionError(
            f"{name!r} is no province or prefecture city of the 2020 census (try the full name, e.g. 黑龙江省)"
        )
    return min(hits, key=lambda r: LEVELS.index(r.level))
