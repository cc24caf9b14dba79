"""The legal events that end a right, and the end dates the cached application table carries for each application.

May import: seip.analysis (its own modules), stdlib, ibis.

Two analyses date the end of a right from legal events: the official stocks at a past date
(:func:`seip.analysis.indicators.cn_rights`: the latest event of any right-ending category) and the lapsed-patent
compilation (:func:`seip.analysis.lapsed.end_dates`: the latest event of the category that matches the legal
status). Joining the legal events to every application in every query means reading every application key; so
:func:`event_columns` computes both dates once, with the application table, per corpus state
(:func:`seip.analysis._backend.tables`). A table that lacks the columns (a search result narrowed by
:func:`seip.analysis.stats.restrict`, whose documents are only those that matched) is dated by the joins, as before.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from seip.analysis.value import term_end

__all__ = ["END_CATEGORY", "END_EVENTS", "EVENT_COLUMNS", "event_columns", "statutory_end"]

#: Legal-event categories (seip.records.status.event_category) that end a right.
END_EVENTS = ("lapse", "expiry", "invalidation", "abandonment")
#: Legal status → the legal-event category that dates it.
END_CATEGORY: dict[str, str] = {
    "lapsed": "lapse",
    "expired": "expiry",
    "invalidated": "invalidation",
    "abandoned": "abandonment",
    "withdrawn": "withdrawal",
    "rejected": "rejection",
}
#: Columns :func:`event_columns` adds: ``end_event`` = the date of the latest dated legal event of a category in
#: :data:`END_EVENTS`; ``status_end`` = the date of the latest dated legal event of the category that matches the
#: application's legal status (:data:`END_CATEGORY`); NULL where there is none.
EVENT_COLUMNS = ("end_event", "status_end")


def statutory_end(apps: ir.Table) -> ir.DateValue:
    """The end of term of each application (:func:`seip.analysis.value.term_end`): the application table's
    ``term_end`` where it has one (computed once per corpus state), else computed here."""
    return apps.term_end if "term_end" in apps.columns else term_end(apps)


def event_columns(apps: ir.Table, patents: ir.Table, events: ir.Table) -> ir.Table:
    """``apps`` (rows of :func:`seip.analysis.stats.applications`) with :data:`EVENT_COLUMNS`, from the legal
    events of every document of each application (one pass over the events: the latest date per category), and
    ``term_end``, the statutory end of term (:func:`seip.analysis.value.term_end`, as a date)."""
    cats = sorted({*END_EVENTS, *END_CATEGORY.values()})
    ev = events.filter(events.category.isin(cats) & events.event_date.notnull())
    docs = patents.select(
        _pub=patents.pub_number, _akey=ibis.coalesce(patents.app_number, patents.pub_number)
    )
    docs = docs.semi_join(ev, docs._pub == ev.pub_number)  # only the documents that have such events
    j = ev.join(docs, ev.pub_number == docs._pub)
    last = j.group_by(j._akey).aggregate(
        _end_event=j.event_date.max(where=j.category.isin(END_EVENTS)),
        **{f"_last_{c}": j.event_date.max(where=j.category == c) for c in cats},
    )
    a = apps.left_join(last, apps.akey == last._akey)
    status_end = ibis.cases(
        *[(a.legal_status == s, a[f"_last_{c}"]) for s, c in END_CATEGORY.items()], else_=ibis.null("date")
    )
    return a.select(
        *apps.columns, end_event=a._end_event, status_end=status_end, term_end=term_end(a).cast("date")
    )
