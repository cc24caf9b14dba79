"""The value of every patent (:func:`seip.analysis.value.value_columns`), computed once per corpus state, as-of day
and exclusion set, and kept with the other analysis caches.

May import: seip.analysis, seip.store, stdlib, ibis.

A full valuation reads every patent and legal event (1.5–2 minutes at 10 million patents): commands and reports
that need values of a selection read the cached table instead of valuing the whole corpus inside each query.
"""

from __future__ import annotations

import datetime as dt

import ibis

from seip.analysis import value
from seip.analysis._backend import Engine, Tables, _cached

__all__ = ["cached_values"]


def cached_values(
    engine: Engine, tables: Tables, as_of: dt.date, exclude: tuple[str, ...] = ()
) -> ibis.Table:
    """:func:`seip.analysis.value.value_columns` of ``tables`` as of ``as_of``, written once per corpus state and
    query by the engine's analysis cache (as the application table is) and read back: a write to the corpus, or
    a new way of computing the value, starts afresh."""
    expr = value.value_columns(tables.patents, tables.legal_events, as_of=as_of, exclude=exclude)
    if engine.corpus is None:  # an engine over tables, not a corpus: nothing to key a cache by
        return expr
    name = f"value_{as_of:%Y%m%d}" + "".join(f"_{x}" for x in exclude)
    # Parquet round trips widen some types (dates, counts): give back the expression's own schema.
    return _cached(engine, name, expr)[0].cast(expr.schema())
