"""The figures behind the landscape report (态势报告), gathered from the analysis layer and executed once.

May import: seip.analysis, seip.store, seip.taxonomy, seip.reports (patent_map), seip.errors, stdlib, ibis,
pyarrow.

Nothing is computed here that the analysis layer computes: counts, shares, growth, concentration and links
come from :mod:`seip.analysis.stats`, the life cycle from :mod:`seip.analysis.lifecycle`, value and core
patents from :mod:`seip.analysis.value`, high-value patents from :mod:`seip.analysis.indicators`, lapsed
patents from :mod:`seip.analysis.lapsed`, alerts from :mod:`seip.analysis.warning`, the map from
:mod:`seip.reports.patent_map`. This module selects (SEI category, search query, region), executes, and keeps
plain rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ibis
import pyarrow as pa
import pyarrow.compute as pc

from seip.analysis import indicators, lapsed, lifecycle, stats, technology, warning
from seip.analysis._backend import Tables, connect, tables
from seip.analysis.value_cache import cached_values
from seip.errors import SeipError
from seip.reports.patent_map import PatentMap, build_map
from seip.store import Corpus

Rows = list[dict[str, Any]]
TOP = 15  # rows of the ranking charts
RECENT = 15  # filing years shown in the trend charts
REPORT_LAYOUT = (
    6_000  # patents the report's map lays out with PaCMAP (the rest placed by neighbours): a page-size map
)


class LandscapeError(SeipError):
    """The selection is empty, or an option is malformed."""


@dataclass
class Landscape:
    """Executed figures of one landscape report (rows are plain dicts)."""

    sei: str | None
    region: str | None
    query: str | None
    cutoff: dt.date
    last_complete: int
    totals: dict[str, Any]
    years: Rows  # applications by filing year (+ growth)
    years_by_type: Rows
    grants: Rows
    cagr: dict[str, Any]
    lifecycle_years: Rows
    judgement: dict[str, Any]
    applicants: Rows
    applicant_types: Rows
    applicant_years: Rows
    concentration: dict[str, Any]
    links: Rows
    provinces: Rows
    offices: Rows
    ipc: Rows
    sei_parts: Rows
    region_view: dict[str, Any] | None
    top_value: Rows
    core_count: int
    scored_count: int
    high_value: dict[str, Any]
    lapsed_rows: Rows
    lapsed_by_reason: Rows
    lapsed_total: int
    alerts: Rows
    warning_source: str
    patent_map: PatentMap | None
    sources: Rows
    documents: int
    wipo: Rows = field(default_factory=list)  # applications per WIPO technology field (+ recent growth)
    ipc_groups: Rows = field(default_factory=list)  # per IPC main group (+ recent growth)
    extra: dict[str, Any] = field(default_factory=dict)


def _rows(expr: ibis.Table) -> Rows:
    return expr.to_pyarrow().to_pylist()


def _in_region(sel: Tables, region: str) -> Tables:
    """The applications of ``sel`` whose first applicant is in ``region`` (a province), and their documents."""
    apps = sel.applications.filter(sel.applications.province == region)
    docs = sel.patents.semi_join(
        apps, ibis.coalesce(sel.patents.app_number, sel.patents.pub_number) == apps.akey
    )
    return Tables(docs, sel.legal_events, sel.awards, apps)


def gather(
    corpus: Corpus,
    *,
    sei: str | None = None,
    region: str | None = None,
    query: str | None = None,
    with_map: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Landscape:
    """Run every analysis the landscape report shows, for the SEI category and/or query (and region)."""
    say = progress or (lambda _: None)
    say("analysis")
    engine = connect(corpus)
    tb = tables(engine)
    sel = lifecycle.select(tb, sei=sei)
    numbers = None
    if query:
        from seip.store.search import match_numbers

        numbers = match_numbers(corpus, query)
        sel = stats.restrict(sel, numbers)
    apps = sel.applications
    n_apps = int(apps.count().to_pyarrow().as_py())
    if n_apps == 0:
        raise LandscapeError("no patents match the selection (SEI code, query)")
    cutoff = lifecycle.data_cutoff(tb.patents).to_pyarrow()["cutoff"][0].as_py() or dt.date.today()
    last = lifecycle.last_complete_year(cutoff)
    first_shown = last - RECENT + 3

    years = _rows(stats.stats_table(apps, ["year"], since=first_shown).order_by("year"))
    by_type = _rows(
        stats.stats_table(apps, ["year", "patent_type"], since=first_shown).order_by(["year", "patent_type"])
    )
    grants = _rows(stats.stats_table(apps, ["year"], year_by="grant", since=first_shown).order_by("year"))
    cagr = _rows(stats.growth(apps, ["year"], since=last - 4, until=last))[0]
    types = {r["patent_type"]: r["count"] for r in _rows(stats.stats_table(apps, ["patent_type"]))}
    status = {r["legal_status"]: r["count"] for r in _rows(stats.stats_table(apps, ["legal_status"]))}
    documents = int(sel.patents.count().to_pyarrow().as_py())

    say("lifecycle")
    ends = lapsed.end_dates(tb, as_of=cutoff)
    life_years = _rows(lifecycle.yearly(sel, ends, cutoff=cutoff))
    win = _rows(lifecycle.windows(sel, last_year=last))[0]
    judgement = lifecycle.judge(life_years, win, cutoff=cutoff).as_dict()

    say("applicants")
    ranked = stats.stats_table(apps, ["applicant"])
    top_apps = _rows(ranked.filter(ranked.applicant.notnull()).order_by(["rank", "applicant"]).limit(TOP))
    app_types = _rows(stats.stats_table(apps, ["applicant_type"]).order_by(ibis.desc("count")))
    leaders = [r["applicant"] for r in top_apps[:10]]
    ay = stats.stats_table(apps, ["applicant", "year"], since=last - 7, until=cutoff.year)
    applicant_years = (
        _rows(ay.filter(ay.applicant.isin(leaders)).order_by(["applicant", "year"])) if leaders else []
    )
    conc = _rows(stats.concentration(apps, ["applicant"]))[0]
    links = stats.cooperation_links(apps)
    links = _rows(links.order_by([ibis.desc("count"), "enterprise", "partner"]).limit(10))

    say("regions")
    prov = stats.stats_table(apps, ["province"])
    provinces = _rows(prov.filter(prov.province.notnull()).order_by(["rank", "province"]))
    offices = _rows(stats.stats_table(apps, ["office"]).order_by(ibis.desc("count")))
    ipc = stats.stats_table(apps, ["ipc4"])
    ipc_rows = _rows(ipc.filter(ipc.ipc4.notnull()).order_by(["rank", "ipc4"]).limit(TOP))
    sei_rows: Rows = []
    if not sei or "." not in sei:
        s = stats.stats_table(apps, ["sei"])
        sei_rows = _rows(s.filter(s.sei.notnull()).order_by(["rank", "sei"]).limit(TOP))
    wipo = _rows(technology.composition(sel, "wipo", last=last).order_by(["rank", "wipo_field"]))
    groups = technology.composition(sel, "ipc_group", last=last)
    ipc_groups = _rows(groups.order_by(["rank", "ipc_group"]).limit(3 * TOP))
    region_view = _region_view(sel, region, provinces, last) if region else None

    say("value")
    values = cached_values(engine, tb, cutoff)  # valued once per corpus state and day, shared with commands
    v = values.semi_join(sel.patents, "pub_number")
    counts = _rows(v.aggregate(scored=v.value_score.notnull().sum(), core=v.core.fill_null(False).sum()))[0]
    best = v.filter(v.value_score.notnull()).order_by([ibis.desc("value_score"), "pub_number"]).limit(20)
    p = tb.patents.select("pub_number", "title", "applicants_std", "app_date", "legal_status", "ipc_main")
    top_value = _rows(best.join(p, "pub_number").order_by([ibis.desc("value_score"), "pub_number"]))
    hv = indicators.high_value_patents(sel)
    hv_row = _rows(hv.aggregate(valid=hv.count(), high=hv.high_value.fill_null(False).sum()))[0]
    crit = _rows(hv.select(c=hv.criteria.unnest()).group_by("c").aggregate(n=ibis._.count()))

    say("lapsed")
    lt = lapsed.lapsed_table(tb, as_of=cutoff, sei=sei, values=values).to_pyarrow()
    if numbers is not None:
        lt = lt.filter(pc.is_in(lt.column("pub_number"), value_set=numbers))
    if region:
        lt = lt.filter(pc.equal(lt.column("province"), pa.scalar(region)))
    by_reason = lt.group_by("reason").aggregate([("pub_number", "count")]).to_pylist()

    say("warning")
    rules = warning.load_rules()
    ctx = warning.Context(tb, rules, year=last, as_of=cutoff, sei=sei)
    alert_rows = warning.alerts(_rows(warning.warning_values(ctx, region=region)), rules, year=last)

    pm = None
    if with_map:
        say("map")
        pm = build_map(
            corpus, sei=sei, query=query, region=region, title="", layout_sample=REPORT_LAYOUT, progress=say
        )

    sources = corpus.query(
        """SELECT source_format, count(*) AS files, sum(rows_read) AS rows_read, sum(imported) AS imported,
                  min(started_at) AS first, max(finished_at) AS last
           FROM import_log WHERE status = 'ok' GROUP BY 1 ORDER BY 3 DESC"""
    ).to_pylist()
    totals = {
        "applications": n_apps,
        "documents": documents,
        "types": types,
        "status": status,
        "valid": int(hv_row["valid"] or 0),
    }
    return Landscape(
        sei, region, query, cutoff, last, totals, years, by_type, grants, cagr, life_years, judgement, top_apps,
        app_types, applicant_years, conc, links, provinces, offices, ipc_rows, sei_rows, region_view, top_value,
        int(counts["core"] or 0), int(counts["scored"] or 0),
        {"valid": int(hv_row["valid"] or 0), "high": int(hv_row["high"] or 0), "criteria": crit},
        lt.slice(0, 20).to_pylist(), by_reason, lt.num_rows, alert_rows, str(rules.source), pm, sources, documents,
        wipo=wipo, ipc_groups=ipc_groups,
    )  # fmt: skip


def _region_view(sel: Tables, region: str, provinces: Rows, last: int) -> dict[str, Any]:
    """The region's place among provinces, its trend, leading applicants, cities and applicant types."""
    here = next((r for r in provinces if r["province"] == region), None)
    rs = _in_region(sel, region)
    a = rs.applications
    ranked = stats.stats_table(a, ["applicant"])
    city = stats.stats_table(a, ["city"])
    return {
        "name": region,
        "count": here["count"] if here else 0,
        "share": here["share"] if here else 0.0,
        "rank": here["rank"] if here else None,
        "provinces": len(provinces),
        "years": _rows(stats.stats_table(a, ["year"], since=last - 9).order_by("year")),
        "applicants": _rows(
            ranked.filter(ranked.applicant.notnull()).order_by(["rank", "applicant"]).limit(10)
        ),
        "cities": _rows(city.filter(city.city.notnull()).order_by(["rank", "city"]).limit(10)),
        "types": _rows(stats.stats_table(a, ["applicant_type"]).order_by(ibis.desc("count"))),
    }
