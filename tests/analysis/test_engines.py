"""Written once, runs on two engines: every registered indicator gives the same table on DuckDB and on Spark.

Each entry of :data:`seip.analysis.registry.INDICATORS` runs with its ``example`` arguments on the real corpus on
both engines; the tables must hold the same rows after sorting (floats equal to 1e-9 relative: the engines sum
in different orders). The compiled DuckDB SQL of each entry is snapshotted in tests/analysis/snapshots/<id>/out.sql
so that a changed query shows in review without running Spark; regenerate after an intended change with

    SEIP_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest -q tests/analysis/test_engines.py -k snapshot
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

import ibis
import pyarrow as pa
import pytest

from seip.analysis._backend import Engine, tables
from seip.analysis.registry import INDICATORS
from tests.analysis.conftest import spark_or_skip

SNAPSHOTS = Path(__file__).parent / "snapshots"
#: Names ibis draws at random for memtables and unnested columns (``ibis_pyarrow_memtable_<26 chars>``).
_RANDOM = re.compile(r"\b(ibis_[a-z_]+?)_([a-z0-9]{26})\b")


def _rows(table: pa.Table) -> list[tuple]:
    """Rows as tuples in a total order (lists sorted inside, NULL before values), floats kept for tolerance."""

    def norm(v: object) -> object:
        if isinstance(v, list):
            return tuple(sorted(map(repr, v)))
        return v

    rows = [tuple(norm(r[c]) for c in table.column_names) for r in table.to_pylist()]
    return sorted(
        rows, key=lambda r: tuple((v is not None, repr(v) if not isinstance(v, float) else v) for v in r)
    )


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12) or (math.isnan(a) and math.isnan(b))
    return a == b


@pytest.mark.shared_data
@pytest.mark.slow
@pytest.mark.parametrize("ind_id", list(INDICATORS))
def test_duckdb_and_spark_agree(real_engines: dict[str, Engine | str], ind_id: str) -> None:
    spark = spark_or_skip(real_engines)
    duck = real_engines["duckdb"]
    assert isinstance(duck, Engine)
    ind = INDICATORS[ind_id]
    left = ind(tables(duck), **ind.example).to_pyarrow()
    right = ind(tables(spark), **ind.example).to_pyarrow()
    assert left.column_names == right.column_names
    assert left.num_rows == right.num_rows
    assert left.num_rows > 0, (
        f"{ind_id}: the example gives no rows on the real corpus, so nothing is compared"
    )
    for a, b in zip(_rows(left), _rows(right), strict=True):
        assert all(_same(x, y) for x, y in zip(a, b, strict=True)), f"{ind_id}: {a} != {b}"


@pytest.mark.slow
@pytest.mark.parametrize("ind_id", ["high_value_invention_patents", "lapsed_patents"])
def test_duckdb_and_spark_agree_on_lists_and_events(
    hand_engines: dict[str, Engine | str], ind_id: str
) -> None:
    """The real corpus has no award or pledge lists and few legal events: these paths agree on the hand corpus."""
    spark = spark_or_skip(hand_engines)
    duck = hand_engines["duckdb"]
    assert isinstance(duck, Engine)
    left = INDICATORS[ind_id](tables(duck), year=2020).to_pyarrow()
    right = INDICATORS[ind_id](tables(spark), year=2020).to_pyarrow()
    assert sum(left.column("numerator").to_pylist()) > 0
    assert _rows(left) == _rows(right)


def _sql(ind_id: str, engine: Engine) -> str:
    ind = INDICATORS[ind_id]
    sql = str(ibis.to_sql(ind(tables(engine), **ind.example), dialect="duckdb"))
    seen: dict[str, int] = {}  # each random name becomes its order of first appearance
    sql = _RANDOM.sub(lambda m: f"{m.group(1)}_{seen.setdefault(m.group(2), len(seen))}", sql)
    return sql.rstrip() + "\n"


@pytest.mark.parametrize("ind_id", list(INDICATORS))
def test_sql_snapshot(hand_duckdb: Engine, ind_id: str) -> None:
    duck = hand_duckdb
    path = SNAPSHOTS / ind_id / "out.sql"
    sql = _sql(ind_id, duck)
    if os.environ.get("SEIP_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql, encoding="utf-8")
    assert path.exists(), (
        f"no snapshot for {ind_id}: run with SEIP_UPDATE_SNAPSHOTS=1 (see this module's docstring)"
    )
    assert sql == path.read_text(encoding="utf-8"), f"the SQL of {ind_id} changed: review, then regenerate"
