"""The indicator report (知识产权统计指标报告): ``seip report indicators --region 黑龙江省 [--year Y]
[--targets FILE.yaml]``.

May import: seip.analysis, seip.store, seip.taxonomy, seip.reports, seip.errors, stdlib, ibis.

Every official indicator of :func:`seip.analysis.registry.official` for one province or city: its definition
(the registry's own words), value, numerator and denominator, the region against every province (rank and
chart), the cities of the region, the trend over the years (the same indicator at the end of each year, as
``seip indicators --year`` gives it), the plan targets of :mod:`seip.analysis.targets` with their progress
against the time elapsed, which of CNIPA's high-value criteria could be evaluated
(:func:`seip.analysis.highvalue.explain_criteria`), and every assumption. Nothing is computed here that the
analysis layer does not compute; the trend runs each indicator on the region's applications only (every
indicator counts per application, so the region's row is the same and the query far smaller).

Chinese by default, English under ``--lang en``: every word comes from :mod:`seip.reports.indicator_text`, read when
the report is built. Region names stay as stored (the corpus is Chinese).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seip.analysis.population import SOURCE as POPULATION_SOURCE
from seip.i18n import t
from seip.reports import charts as C
from seip.reports import indicator_text as X
from seip.reports.builder import Bullets, Note, Report, Section, render
from seip.reports.indicator_data import FLOWS, Figures, IndicatorData, IndicatorReportError, gather
from seip.reports.published import Table, check_out
from seip.reports.words import count, day, en, listing, ordinal, pct
from seip.store import Corpus

__all__ = ["IndicatorData", "IndicatorReportError", "build_report", "gather", "indicator_report"]


# --- words -------------------------------------------------------------------------------------------------


def val(f: Figures, v: Any) -> str:
    """A value in the indicator's unit: per-10,000 figures with 4 decimals below 1, else counts."""
    if v is None:
        return "—"
    if f.per_10k:
        return f"{v:.4f}" if abs(v) < 1 else f"{v:,.2f}"
    return count(v)


def _unit(f: Figures) -> str:
    if f.per_10k:
        return t("indr_u_per_10k")
    return t(
        {"overseas_families": "indr_u_families", "pct_applications": "indr_u_applications"}.get(
            f.id, "indr_u_patents"
        )
    )


def _when(d: IndicatorData, *, lead: bool = False) -> str:
    """The reference date as a noun (``end of 2022``) or, with ``lead``, to open a sentence (``At the end of …``)."""
    if d.year is not None:
        return t("indr_at_year_end" if lead else "indr_year_end", year=d.year)
    return t("indr_at_corpus_now" if lead else "indr_corpus_now", cutoff=day(d.cutoff))


def _place(d: IndicatorData, f: Figures) -> str:
    if d.region.level != "province" or f.rank is None:
        return ""
    return t("indr_place", rank=ordinal(f.rank) if en() else f.rank)


def _findings(d: IndicatorData) -> list[str]:
    out = []
    name = d.region.name
    v, v10 = d.get("valid_invention_patents"), d.get("valid_invention_per_10k")
    if v and v10:
        und = t("indr_f_undetermined", k=count(v.here["undetermined"])) if v.here["undetermined"] else ""
        out.append(t("indr_f_valid", when=_when(d, lead=True), region=name, v=val(v, v.here["value"]), undetermined=und,
                     v10=val(v10, v10.here["value"]), place=_place(d, v10), national=val(v10, v10.national["value"])))  # fmt: skip
    h, h10 = d.get("high_value_invention_patents"), d.get("high_value_invention_per_10k")
    if h and h10:
        share = h.here["value"] / v.here["value"] if v and v.here["value"] else None
        out.append(t("indr_f_high_value", h=val(h, h.here["value"]), share=pct(share), h10=val(h10, h10.here["value"]),
                     place=_place(d, h10)))  # fmt: skip
    done = [c["name"] for c in d.criteria if c["evaluated"]]
    missing = [c["name"] for c in d.criteria if not c["evaluated"]]
    out.append(
        t("indr_f_criteria", k=len(done), done=listing(done) or t("indr_f_criteria_none"))
        + (t("indr_f_criteria_missing", missing=listing(missing)) if missing else t("indr_f_criteria_end"))
    )
    s, p, o = d.get("sei_invention_patents"), d.get("pct_applications"), d.get("overseas_families")
    if s and p and o:
        when = t("indr_f_sei_year", year=d.year) if d.year is not None else t("indr_f_sei_all")
        out.append(t("indr_f_sei", s=val(s, s.here["value"]), p=val(p, p.here["value"]), o=val(o, o.here["value"]),
                     when=when))  # fmt: skip
    if v and len(v.trend) >= 2:
        a, b = v.trend[0], v.trend[-1]
        last = (
            t("indr_f_trend_now")
            if b["period"] == t("indr_now")
            else t("indr_f_trend_year", year=b["period"])
        )
        out.append(t("indr_f_trend", a=a["period"], av=val(v, a["value"]), b=last, bv=val(v, b["value"])))
    if d.plan:
        for g in d.plan["targets"]:
            if g["computable"]:
                out.append(
                    t("indr_f_target", name=X.target_name(g), base_year=d.plan["base_year"], base=f"{g['base']:g}",
                      target_year=d.plan["target_year"], target=f"{g['target']:g}",
                      growth=pct(g.get("progress_by_growth")), expected=pct(d.plan["expected"]),
                      state=t("indr_f_on_track" if g.get("on_track_by_growth") else "indr_f_behind"))
                )  # fmt: skip
    if v and v.cities and v.cities[0]["value"]:
        top = v.cities[0]
        out.append(t("indr_f_city", city=top["region"], v=val(v, top["value"])))
    return out


# --- chapters ----------------------------------------------------------------------------------------------


def _overview(d: IndicatorData) -> Section:
    rows = [{"name": X.name(f.id), "value": val(f, f.here["value"]), "unit": _unit(f),
             "numerator": f.here["numerator"], "denominator": f.here.get("denominator"),
             "undetermined": f.here.get("undetermined"), "national": val(f, f.national["value"]), "rank": f.rank}
            for f in d.figures]  # fmt: skip
    keys = ("name", "value", "unit", "numerator", "denominator", "undetermined", "national", "rank")
    cols = {k: t(f"indr_c_{k}") for k in keys}
    if d.region.level != "province":
        cols.pop("rank")
    table = C.DataTable(cols, rows, t("indr_overview_title", region=d.region.name, when=_when(d)),
                        {"numerator": "int", "denominator": "int", "undetermined": "int"})  # fmt: skip
    return Section(t("indr_ch_overview"), [t("indr_overview", region=d.region.name, when=_when(d)), table])


def _indicator(d: IndicatorData, f: Figures) -> Section:
    name = X.name(f.id)
    digits = {"value": 4} if f.per_10k else {}
    fmt = {} if f.per_10k else {"value": "int"}
    here = f.here
    blocks: list = [
        Note(t("indr_definition", text=f.indicator.definition())),
        t("indr_value", when=_when(d, lead=True), region=d.region.name, name=name, v=val(f, here["value"]),
          unit=_unit(f), numerator=count(here["numerator"]),
          denominator=t("indr_v_denominator", k=count(here["denominator"])) if here.get("denominator") else "",
          undetermined=t("indr_v_undetermined", k=count(here["undetermined"])) if here.get("undetermined") else "",
          place=_place(d, f), national=val(f, f.national["value"])),
    ]  # fmt: skip
    if d.region.level == "province":
        marks = (t("indr_here"), t("indr_others"))
        rows = [{**r, "mark": marks[0] if r["region"] == d.region.name else marks[1]} for r in f.provinces]
        table = Table({"region": t("indr_province"), "value": name, "mark": "", "rank": t("indr_rank"),
                       "numerator": t("indr_c_numerator"), "undetermined": t("indr_c_undetermined")}, rows,
                      formats={**fmt, "numerator": "int", "undetermined": "int"}, digits=digits)  # fmt: skip
        fig = C.bar(f"{f.id}_provinces", t("indr_provinces_fig", name=name), table, "region", "value", color="mark",
                    horizontal=True, sort_by_value=True, height=470,
                    note=t("indr_provinces_note", when=_when(d, lead=True)))  # fmt: skip
        fig.spec["encoding"]["color"]["scale"] = {
            "domain": list(marks),
            "range": [C.PALETTE[3], C.PALETTE[0]],
        }
        blocks.append(fig)
    trend = Table({"period": t("indr_year_end_col"), "value": name, "numerator": t("indr_c_numerator"),
                   "undetermined": t("indr_c_undetermined")}, f.trend,
                  formats={**fmt, "numerator": "int", "undetermined": "int"}, digits=digits)  # fmt: skip
    flow = f.id in FLOWS
    note = t("indr_flow_note" if flow else "indr_stock_note")
    title = t("indr_flow_fig" if flow else "indr_stock_fig", region=d.region.name, name=name)
    blocks.append(C.line(f"{f.id}_trend", title, trend, "period", "value", note=note))
    blocks.append(trend)
    return Section(name, blocks)


def _criteria(d: IndicatorData) -> list:
    rows = [{"name": c["name"], "evaluated": c["evaluated"], "patents": c["patents"],
             "region_patents": c["region_patents"], "basis": c["basis"]} for c in d.criteria]  # fmt: skip
    table = C.DataTable({"name": t("indr_k_name"), "evaluated": t("indr_k_evaluated"), "patents": t("indr_k_patents"),
                         "region_patents": t("indr_k_region", region=d.region.name), "basis": t("indr_k_basis")}, rows,
                        t("indr_k_title"), {"patents": "int", "region_patents": "int"})  # fmt: skip
    return [t("indr_criteria"), table]


def _targets(d: IndicatorData) -> Section:
    if d.plan is None:
        return Section(t("indr_ch_targets"), [d.plan_note])
    p = d.plan
    ok = [g for g in p["targets"] if g["computable"]]
    series = (t("indr_s_plan"), t("indr_s_growth"), t("indr_s_time"))
    bars = [{"name": X.target_name(g), "series": s, "value": v} for g in ok
            for s, v in zip(series, (g.get("progress"), g.get("progress_by_growth"), p["expected"]), strict=True)
            if v is not None]  # fmt: skip
    chart = C.DataTable(
        {"name": t("indr_t_target"), "series": t("indr_t_series"), "value": t("indr_t_value")}, bars,
        formats={"value": "pct"},
    )  # fmt: skip
    fig = C.bar("plan_progress", t("indr_t_fig"), chart, "name", "value", color="series", horizontal=True,
                stack=False, height=60 + 60 * max(len(ok), 1), note=t("indr_t_fig_note"))  # fmt: skip
    fig.spec["encoding"]["x"]["axis"] = {"format": "%"}
    fig.spec["encoding"]["y"]["axis"]["labelLimit"] = 320  # target names in full (English ones are long)
    rows = [{"name": X.target_name(g), "unit": X.target_unit(g), "base": g["base"], "target": g["target"],
             "computed": g["computed"], "computed_base": g["computed_base"], "progress": g.get("progress"),
             "growth": g.get("progress_by_growth"),
             "state": t("indr_t_not_patent" if not g["computable"] else
                        "indr_t_on_track" if g.get("on_track_by_growth") else "indr_t_behind")} for g in p["targets"]]  # fmt: skip
    cols = {
        "name": t("indr_c_name"),
        "unit": t("indr_c_unit"),
        "base": t("indr_t_base", year=p["base_year"]),
        "target": t("indr_t_goal", year=p["target_year"]),
    }
    cols |= {k: t(f"indr_t_{k}") for k in ("computed", "computed_base", "progress", "growth", "state")}
    table = Table(cols, rows, X.plan_word(p["plan"]), {"progress": "pct", "growth": "pct"},
                  digits={"computed": 4, "computed_base": 4})  # fmt: skip
    blocks: list = [
        t("indr_t_intro", plan=X.plan_word(p["plan"]), source=X.plan_word(p["source"]), base_year=p["base_year"],
          target_year=p["target_year"], when=_when(d), expected=pct(p["expected"])),
        fig, table,
    ]  # fmt: skip
    if p["reference"]:
        ref = [{**r, "name": X.target_name(r), "unit": X.target_unit(r), "coverage": r.get("coverage")}
               for r in p["reference"]]  # fmt: skip
        blocks.append(Table({"name": t("indr_c_name"), "unit": t("indr_c_unit"), "base": t("indr_t_ref_base"),
                             "computed": t("indr_t_computed"), "coverage": t("indr_t_coverage")}, ref,
                            t("indr_t_ref_title"), {"coverage": "pct"}, digits={"computed": 4}, percent={"coverage": 3}))  # fmt: skip
        low = [r for r in ref if r["coverage"] is not None and r["coverage"] < 0.5]
        if low:
            blocks.append(
                t(
                    "indr_t_low",
                    region=d.region.name,
                    name=low[0]["name"],
                    coverage=pct(low[0]["coverage"], 2),
                )
            )
    cmd = "seip targets" + (f" --year {d.year}" if d.year else "") + " --json"
    blocks.append(Note(t("indr_t_reproduce", cmd=cmd)))
    return Section(t("indr_ch_targets"), blocks)


def _cities(d: IndicatorData) -> Section:
    province = d.region.name if d.region.level == "province" else d.region.province
    names = sorted({c["region"] for f in d.figures for c in f.cities})
    rows = []
    for city in names:
        row: dict[str, Any] = {"city": city}
        for f in d.figures:
            c = next((x for x in f.cities if x["region"] == city), None)
            row[f.id] = c["value"] if c else None
        rows.append(row)
    rows.sort(key=lambda r: (-(r.get("valid_invention_patents") or 0), r["city"]))
    ids = [f.id for f in d.figures]
    table = Table({"city": t("indr_city")} | {i: X.SHORT.get(i, i) for i in ids}, rows,
                  t("indr_cities_title", province=province), {i: "int" for i in ids if not i.endswith("per_10k")},
                  digits={i: 4 for i in ids if i.endswith("per_10k")})  # fmt: skip
    blocks: list = [t("indr_cities", province=province, when=_when(d)), table]
    per = d.get("valid_invention_per_10k")
    if per and per.cities:
        tab = Table({"region": t("indr_city"), "value": X.name("valid_invention_per_10k")}, per.cities,
                    digits={"value": 4})  # fmt: skip
        blocks.insert(1, C.bar("cities_per_10k", t("indr_cities_fig", province=province), tab, "region", "value",
                               horizontal=True, sort_by_value=True, height=max(160, 22 * len(per.cities))))  # fmt: skip
    return Section(t("indr_ch_cities"), blocks)


def _method(d: IndicatorData) -> Section:
    stock = t("indr_m_stock_year", year=d.year) if d.year is not None else t("indr_m_stock_now")
    cmd = (
        f"seip indicators --region {d.region.name}"
        + (f" --year {d.year}" if d.year is not None else "")
        + " --json"
    )
    return Section(t("indr_ch_method"), [
        Bullets([
            t("indr_m_unit"), t("indr_m_region"), t("indr_m_when", stock=stock),
            t("indr_m_population", source=POPULATION_SOURCE), t("indr_m_criteria"), t("indr_m_flows"),
            t("indr_m_corpus"), t("indr_m_reproduce", cmd=cmd),
        ]),
        d.sources,
    ])  # fmt: skip


def build_report(d: IndicatorData, publisher: str = "") -> Report:
    """The indicator report as a :class:`Report`, in the current language."""
    sections = [_overview(d), _targets(d)]
    placed: set[str] = set()
    for key, ids in X.CHAPTERS:
        figs = [f for f in d.figures if f.id in ids]
        placed |= {f.id for f in figs}
        if figs:
            sec = Section(t(f"indr_ch_{key}"), [], [_indicator(d, f) for f in figs])
            if key == "high_value":
                sec.children.append(Section(t("indr_ch_criteria"), _criteria(d)))
            sections.append(sec)
    rest = [f for f in d.figures if f.id not in placed]
    if rest:
        sections.append(Section(t("indr_ch_other"), [], [_indicator(d, f) for f in rest]))
    sections += [_cities(d), _method(d)]
    title = t("indr_title", region=d.region.name)
    when = _when(d)
    subtitle = t("indr_subtitle", when=when[:1].upper() + when[1:])
    provenance = [(t("indr_p_region"), d.region.name), (t("indr_p_when"), when), (t("indr_p_cutoff"), d.cutoff.isoformat()),
                  (t("indr_p_plan"), X.plan_word(d.plan["plan"]) if d.plan else "—"),
                  (t("indr_p_generated"), dt.date.today().isoformat())]  # fmt: skip
    return Report(title, subtitle, publisher, dt.date.today(), _findings(d), sections, provenance)


def indicator_report(
    corpus: Corpus,
    out: str | Path,
    *,
    region: str,
    year: int | None = None,
    targets: Path | None = None,
    publisher: str = "",
    formats: tuple[str, ...] | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[IndicatorData, dict[str, Path]]:
    """Gather, write and render the indicator report; returns the figures and the files written by format."""
    from seip.reports.fonts import cjk_fonts

    cjk_fonts()
    out, formats = check_out(out, formats)
    data = gather(corpus, region=region, year=year, targets=targets, progress_=progress)
    if progress:
        progress("compose")
    return data, render(build_report(data, publisher), out, formats, progress=progress)
