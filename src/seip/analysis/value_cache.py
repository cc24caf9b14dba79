"""The value of every patent (:func:`seip.analysis.value.value_columns`), computed once per corpus state, as-of day
and exclusion set, and kept as Parquet beside the other analysis caches.

May import: seip.analysis, seip.store, stdlib, ibis.

A full valuation reads every patent and legal event (1.5–2 minutes at 10 million patents): commands and reports
that need values of a selection read this file instead of valuing the whole corpus inside each query.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import ibis

from seip.analysis import value
from seip.analysis._backend import Engine, Tables, corpus_state

__all__ = ["cached_values"]


def cached_values(
    engine: Engine, tables: Tables, as_of: dt.date, exclude: tuple[str, ...] = ()
) -> ibis.Table:
    """:func:`seip.analysis.value.value_columns` of ``tables`` as of ``as_of``. On DuckDB it is written once per
    corpus state and query to ``<analysis cache>/<corpus state>/`` and read back, so a write to the corpus or a
    new way of computing the value starts afresh; on Spark the expression itself is returned."""
    expr = value.value_columns(tables.patents, tables.legal_events, as_of=as_of, exclude=exclude)
    if engine.name != "duckdb" or engine.corpus is None:
        return expr
    corpus = engine.corpus
    sql = str(ibis.to_sql(expr, dialect="duckdb"))
    key = hashlib.sha256(sql.encode()).hexdigest()[:12]
    name = f"value_{as_of:%Y%m%d}" + "".join(f"_{x}" for x in exclude)
    root = Path(os.environ.get("SEIP_ANALYSIS_CACHE") or corpus.home / "tmp" / "analysis")
    path = root / corpus_state(corpus) / f"{name}_{key}.parquet"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written under a private name and renamed: a reader never sees half a file.
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        corpus.con.execute(f"COPY ({sql}) TO '{tmp}' (FORMAT parquet)")
        tmp.rename(path)
    # Parquet round trips may widen types: give back the expression's own schema.
    return engine.backend.read_parquet(str(path), table_name=f"_seip_{name}_{key}").cast(expr.schema())
