"""The figures behind the indicator report (:mod:`seip.reports.indicator_report`), gathered from the analysis
layer and executed once: every official indicator (:func:`seip.analysis.registry.official`) for all regions at the
date asked about, its trend for the report's region, the plan's progress (:mod:`seip.analysis.targets`) and the
evaluability of the high-value criteria (:mod:`seip.analysis.highvalue`).

May import: seip.analysis, seip.store, seip.taxonomy, seip.reports, seip.errors, stdlib, ibis.

The trend runs each indicator on the region's applications only: every official indicator counts per
application, so the region's row is the same as on the whole corpus (tests/reports/test_indicator_report.py
checks it) and each query far smaller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ibis

from seip import i18n
from seip.analysis import indicators as ind
from seip.analysis import lifecycle
from seip.analysis._backend import Tables, connect, tables
from seip.analysis.highvalue import PLEDGE_MIN, coverage, explain_criteria
from seip.analysis.population import Region, RegionError, resolve_region
from seip.analysis.registry import Indicator, official
from seip.analysis.targets import DEFAULT_PLAN, Plan, load_plan, plan_expressions, progress
from seip.errors import SeipError
from seip.reports import charts as C
from seip.reports import indicator_text  # noqa: F401  (registers the ind_ messages used here)
from seip.reports.published import cutoff, sources
from seip.store import Corpus

Rows = list[dict[str, Any]]
TREND = 6  # years in every trend
FLOWS = ("pct_applications", "overseas_families")  # filings of the year, not a stock at its end


class IndicatorReportError(SeipError):
    """The region or the plan file cannot be used for the report."""


@dataclass
class Figures:
    """One indicator for the report's region: the value, its place among provinces, cities, the trend."""

    indicator: Indicator
    here: dict[str, Any]
    national: dict[str, Any]
    provinces: Rows  # ranked, value descending
    cities: Rows
    trend: Rows  # period, value, numerator, undetermined
    rank: int | None

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def per_10k(self) -> bool:
        return self.here.get("denominator") is not None or self.id.endswith("per_10k")


@dataclass
class IndicatorData:
    region: Region
    year: int | None
    cutoff: dt.date
    figures: list[Figures]
    criteria: Rows  # explain_criteria of the corpus, with the region's patents per criterion
    plan: dict | None  # targets.progress, for the region's plan
    plan_note: str
    sources: C.DataTable
    extra: dict[str, Any] = field(default_factory=dict)

    def get(self, indicator_id: str) -> Figures | None:
        return next((f for f in self.figures if f.id == indicator_id), None)


def _rows(expr: ibis.Table) -> Rows:
    return expr.to_pyarrow().to_pylist()


def local_tables(tb: Tables, region: Region) -> Tables:
    """``tb`` narrowed to the applications whose first applicant is in ``region`` (materialised once)."""
    a = tb.applications
    a = a.filter(a.province == region.name) if region.level == "province" else a.filter(a.city == region.name)
    return lifecycle.narrowed(tb, ibis.memtable(a.to_pyarrow()))


def _plan(region: Region, targets: Path | None) -> tuple[Plan | None, str]:
    if targets is not None:
        plan = load_plan(targets)
        if plan.region != region.name:
            raise IndicatorReportError(
                f"{targets}: the plan is for {plan.region}, the report for {region.name}"
            )
        return plan, ""
    plan = load_plan()
    if plan.region == region.name:
        return plan, ""
    return None, i18n.t("indr_no_plan", file=DEFAULT_PLAN, plan_region=plan.region, region=region.name)


def _figures(
    i: Indicator, tb: Tables, local: Tables, region: Region, year: int | None, years: list[int]
) -> Figures:
    kw = {"pledge_min": PLEDGE_MIN} if "high_value" in i.id else {}
    rows = _rows(i(tb, year=year, **kw))
    here = next((r for r in rows if r["level"] == region.level and r["region"] == region.name), None) or {
        "value": 0.0, "numerator": 0, "denominator": None, "undetermined": 0}  # fmt: skip
    national = next(r for r in rows if r["level"] == "national")
    provinces = sorted(
        (r for r in rows if r["level"] == "province"), key=lambda r: (-(r["value"] or 0), r["region"])
    )
    for r in provinces:  # ties share a rank
        r["rank"] = 1 + sum((p["value"] or 0) > (r["value"] or 0) for p in provinces)
    province = region.name if region.level == "province" else region.province
    cities = sorted((r for r in rows if r["level"] == "city" and r["province"] == province),
                    key=lambda r: (-(r["value"] or 0), r["region"]))  # fmt: skip
    # A region without any patent counted has no place in the ranking (ties at zero say nothing).
    rank = next((r["rank"] for r in provinces if r["region"] == region.name and r["value"]), None)
    trend = []
    for y in years:
        got = [
            r
            for r in _rows(i(local, year=y, **kw))
            if r["level"] == region.level and r["region"] == region.name
        ]
        r = got[0] if got else {"value": 0.0, "numerator": 0, "undetermined": 0}
        trend.append(
            {
                "period": str(y),
                "value": r["value"],
                "numerator": r["numerator"],
                "undetermined": r["undetermined"],
            }
        )
    if year is None:
        trend.append(
            {"period": i18n.t("indr_now"), **{k: here[k] for k in ("value", "numerator", "undetermined")}}
        )
    return Figures(i, here, national, provinces, cities, trend, rank)


def gather(
    corpus: Corpus,
    *,
    region: str,
    year: int | None = None,
    targets: Path | None = None,
    progress_: Callable[[str], None] | None = None,
) -> IndicatorData:
    """Compute every official indicator for ``region`` (a province or city) as of the end of ``year`` (or the
    corpus as it stands), its trend, the plan's progress and the evaluability of the high-value criteria."""
    say = progress_ or (lambda _: None)
    try:
        r = resolve_region(region)
    except RegionError as exc:
        raise IndicatorReportError(str(exc)) from None
    if r.level == "national":
        raise IndicatorReportError(
            "the indicator report is for one province or city (e.g. 黑龙江省, 哈尔滨市)"
        )
    plan, plan_note = _plan(r, targets)
    say("analysis")
    tb = tables(connect(corpus))
    cut = cutoff(tb)
    last = year if year is not None else cut.year - 1
    years = list(range(last - TREND + 1, last + 1))
    local = local_tables(tb, r)
    figures = []
    for i in official():
        say("indicators")
        figures.append(_figures(i, tb, local, r, year, years))
    say("criteria")
    as_of = ind.as_of_date(year)
    row = _rows(ind.criteria_coverage(tb, year=year))[0]
    v = ind.valid_inventions(local, year=year)
    mine = explain_criteria(_rows(coverage(v.filter(v.in_force), local, as_of=as_of))[0])
    criteria = [
        {**c, "region_patents": m["patents"]} for c, m in zip(explain_criteria(row), mine, strict=True)
    ]
    prog = None
    if plan is not None:
        say("targets")
        results = {k: e.to_pyarrow() for k, e in plan_expressions(plan, local, year=year).items()}
        prog = progress(plan, results, year=year, today=dt.date.today())
    return IndicatorData(r, year, cut, figures, criteria, prog, plan_note, sources(corpus))
