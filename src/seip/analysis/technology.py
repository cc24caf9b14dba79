"""Technology composition of a selection: WIPO technology fields and IPC main groups, with recent growth
(the hotspots of landscape and navigation reports).

May import: seip.analysis, seip.taxonomy, stdlib, ibis.

Unit: applications, each described by the record that speaks for it (:func:`seip.analysis.stats.applications`);
full counting — an application with symbols in three main groups counts once in each, so shares add up to
more than 100%. ``recent`` counts filings in the ``window`` years up to ``last`` (the last complete filing
year), ``previous`` the ``window`` years before; ``growth`` = recent ÷ previous − 1, NULL when previous is 0.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from seip.analysis._backend import Tables

__all__ = ["KINDS", "composition"]

#: kind → (the value's column name, what it is)
KINDS = {
    "wipo": ("wipo_field", "WIPO technology field (1–35) of any IPC symbol"),
    "ipc_group": ("ipc_group", "IPC main group (G06F16 = G06F 16/00 and its subgroups) of any IPC symbol"),
}


def _values(tables: Tables, kind: str) -> ir.Table:
    """(akey, app_date, value): the distinct values of each application's speaking record."""
    apps = tables.applications.select("akey", "pub_number", "app_date")
    p = tables.patents
    if kind == "wipo":
        values = p.wipo_fields.unique()
    else:
        # "G06F16/33" → "G06F16"; a bare subclass ("G06F") names no main group and is left out.
        groups = p.ipc.map(lambda s: s.re_extract(r"^([A-H][0-9]{2}[A-Z][0-9]+)/", 1))
        values = groups.filter(lambda g: g != "").unique()
    docs = p.select("pub_number", _v=values)
    joined = apps.join(docs, "pub_number")
    return joined.select("akey", "app_date", value=joined._v.unnest())


def composition(tables: Tables, kind: str, *, last: int, window: int = 3) -> ir.Table:
    """Applications per WIPO field (``kind="wipo"``) or IPC main group (``"ipc_group"``) of ``tables``:
    ``count``, ``share`` of the selection's applications, ``recent``, ``previous``, ``growth`` and ``rank``
    (by count, ties sharing a rank)."""
    if kind not in KINDS:
        raise ValueError(f"unknown composition {kind!r}: choose from {', '.join(KINDS)}")
    name = KINDS[kind][0]
    v = _values(tables, kind)
    v = v.filter(v.value.notnull())
    year = v.app_date.year()
    recent = (year > last - window) & (year <= last)
    previous = (year > last - 2 * window) & (year <= last - window)
    # Values are distinct per application, so rows count applications.
    counts = v.group_by(v.value).aggregate(
        count=v.count(), recent=recent.fill_null(False).sum(), previous=previous.fill_null(False).sum()
    )
    total = tables.applications.count().as_scalar()
    return counts.select(
        **{name: counts.value},
        count=counts["count"],
        share=counts["count"].cast("float64") / total.cast("float64"),
        recent=counts.recent,
        previous=counts.previous,
        growth=ibis.ifelse(
            counts.previous > 0, counts.recent.cast("float64") / counts.previous.cast("float64") - 1.0, None
        ),
        rank=ibis.rank().over(order_by=ibis.desc(counts["count"])) + 1,
    )
