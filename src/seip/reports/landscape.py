"""The landscape report (产业专利态势报告): ``seip report landscape --sei 1.5 [--region 黑龙江省] [--query Q]``.

May import: seip.reports, seip.analysis, seip.store, seip.taxonomy, seip.i18n, stdlib.

Sentences are generated from the numbers of :mod:`seip.reports.landscape_data`; every chapter has its charts
and tables, and the method chapter states the sources, the cut-off, the unit of count and every rule used.
The words are in :mod:`seip.reports.landscape_text` and follow the language read when the report is built:
Chinese by default, English under ``--lang en``. Data (applicants, titles, map labels) stay as stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seip import i18n
from seip.analysis import lapsed
from seip.i18n import t
from seip.reports import charts as C
from seip.reports import landscape_text as L
from seip.reports import words as W
from seip.reports.builder import Bullets, Note, Report, Section, render
from seip.reports.landscape_data import Landscape, gather
from seip.reports.landscape_tech import technology
from seip.reports.topo import figure as map_figure
from seip.reports.topo import subtitle as map_subtitle
from seip.store import Corpus

#: Labels of the canonical values (Chinese, or English under ``--lang en``); ``None`` = not known.
APPLICANT_TYPES = i18n.Terms(
    {
        k: (i18n.MESSAGES[k or "unknown"])
        for k in ("enterprise", "university", "institute", "individual", "government", "other", None)
    }
)
OFFICES = i18n.Terms({"CN": ("中国", "China"), "US": ("美国", "United States"), "EP": ("欧洲专利局", "European Patent Office"),
                      "WO": ("世界知识产权组织（PCT）", "WIPO (PCT)"), "JP": ("日本", "Japan"), "KR": ("韩国", "Korea"),
                      "DE": ("德国", "Germany"), "GB": ("英国", "United Kingdom"), "FR": ("法国", "France"),
                      "AU": ("澳大利亚", "Australia"), "CA": ("加拿大", "Canada"), "TW": ("中国台湾", "Taiwan, China"),
                      "RU": ("俄罗斯", "Russia"), "IN": ("印度", "India")})  # fmt: skip
REASONS = i18n.Terms(lapsed.REASONS)


def _hhi(x: float | None) -> str:
    return "—" if x is None else f"{x:.0f}"


def _industry(name: str) -> str:
    """新一代信息技术产业 stays as it is; 人工智能 becomes 人工智能产业 (English names stay as they are)."""
    return name if W.en() or name.endswith("产业") else f"{name}产业"


def _scope(d: Landscape, *, within: bool = False) -> str:
    """What the report covers, as a label (cover, appendix) or, ``within``, as the phrase after "applications"
    in a sentence (``in Artificial Intelligence (SEI 1.5)``); the same words in Chinese."""
    parts = []
    if d.sei:
        parts.append(
            t("ls_in_sei" if within else "ls_scope_sei", name=_industry(L.sei_name(d.sei)), code=d.sei)
        )
    if d.query:
        parts.append(t("ls_in_query" if within else "ls_scope_query", q=d.query))
    if not parts:
        return t("ls_in_all" if within else "ls_scope_all")
    return ("、" if not W.en() else (" " if within else ", ")).join(parts)


def _title(d: Landscape) -> str:
    name = L.sei_name(d.sei) if d.sei else ""
    name = "" if name == d.sei else name
    if W.en():
        return t(
            "ls_title",
            industry=f"{name} " if name else "",
            region=f" — {W.place(d.region)}" if d.region else "",
        )
    return t("ls_title", industry=_industry(name) if name else "", region=d.region or "")


def _cutoff(d: Landscape) -> str:
    """The cut-off as notes and the cover print it: ISO in Chinese, 30 Nov 2026 in English."""
    return W.long_day(d.cutoff)


def _note(d: Landscape) -> str:
    return t("ls_note", date=_cutoff(d))


def _findings(d: Landscape) -> list[str]:
    tot = d.totals
    apps, inv = tot["applications"], tot["types"].get("invention", 0)
    out = [t("ls_find_scale", date=W.long_day(d.cutoff), scope=_scope(d, within=True), n=W.count(apps),
             docs=W.count(d.documents), docs_en=W.plural(d.documents, "document"), inv=W.count(inv),
             share=W.pct(inv / apps))]  # fmt: skip
    complete = [r for r in d.years if r["year"] is not None and r["year"] <= d.last_complete]
    if complete:
        peak = max(complete, key=lambda r: r["count"])
        out.append(t("ls_find_growth", a=d.last_complete - 4, b=d.last_complete, g=W.pct(d.cagr.get("cagr")),
                     peak=peak["year"], n=W.count(peak["count"]), apps=W.plural(peak["count"], "application"),
                     next=d.last_complete + 1))  # fmt: skip
    j = d.judgement
    v = j["values"]
    out.append(t("ls_find_stage", stage=L.stage(j["stage"]), j0=j["window_j"][0], j1=j["window_j"][1],
                 gn=W.pct(v["g_N"]), gp=W.pct(v["g_P"])))  # fmt: skip
    c = d.concentration
    if d.applicants:
        top = d.applicants[0]
        out.append(t("ls_find_applicants", n=W.count(c["values"]), applicants=W.plural(c["values"], "applicant"),
                     cr4=W.pct(c["cr4"]), hhi=_hhi(c["hhi"]), market=_market(c["hhi"]), top=top["applicant"],
                     count=W.count(top["count"]), apps=W.plural(top["count"], "application"),
                     share=W.pct(top["share"])))  # fmt: skip
    if d.provinces:
        lead = W.listing(
            [t("ls_prov_item", p=W.place(r["province"]), n=W.count(r["count"])) for r in d.provinces[:3]]
        )
        text = t("ls_find_provinces", lead=lead)
        if d.region_view:
            rv = d.region_view
            name = W.place(rv["name"])
            text += (
                t("ls_find_region", name=name, n=W.count(rv["count"]), apps=W.plural(rv["count"], "application"),
                  share=W.pct(rv["share"]), rank=rv["rank"], ordinal=W.ordinal(rv["rank"]))
                if rv["rank"]
                else t("ls_region_none", name=name)
            )  # fmt: skip
        out.append(text)
    if d.patent_map is not None and d.patent_map.clusters:
        big, n, k = d.patent_map.clusters[0], len(d.patent_map.pub_numbers), len(d.patent_map.clusters)
        out.append(t("ls_find_map", n=W.count(n), k=k, label=big.label, size=W.count(big.size),
                     patents=W.plural(n, "patent"), branches=W.plural(k, "technology branch", "technology branches"),
                     size_en=W.plural(big.size, "patent")))  # fmt: skip
    out.append(t("ls_find_value", scored=W.count(d.scored_count), core=W.count(d.core_count),
                 valid=W.count(d.high_value["valid"]), high=W.count(d.high_value["high"])))  # fmt: skip
    out.append(t("ls_find_lapsed", n=W.count(d.lapsed_total), apps=W.plural(d.lapsed_total, "application")))
    if d.alerts:
        worst = d.alerts[0]
        out.append(t("ls_find_alerts", year=d.last_complete, k=len(d.alerts), level=L.level(worst),
                     indicators=W.plural(len(d.alerts), "indicator"), name=L.indicator(worst)))  # fmt: skip
    else:
        out.append(t("ls_find_no_alerts", year=d.last_complete))
    return out


def _market(hhi: float | None) -> str:
    """Reading of the HHI after the US merger guidelines (below 1,500 unconcentrated, above 2,500 highly)."""
    if hhi is None:
        return t("ls_market_none")
    return t("ls_market_low" if hhi < 1500 else ("ls_market_mid" if hhi <= 2500 else "ls_market_high"))


def _cols(**keys: str) -> dict[str, str]:
    """Column headings: data key → the label of message ``ls_col_<name>``."""
    return {k: t(f"ls_col_{name}") for k, name in keys.items()}


def _trend(d: Landscape) -> Section:
    years = [r for r in d.years if r["year"] is not None]
    tbl = C.DataTable(
        _cols(year="year", count="apps", yoy="yoy"), years, formats={"count": "int", "yoy": "pct"}
    )
    kinds = [{**r, "type": W.cap(i18n.t(r["patent_type"])) if r["patent_type"] else t("ls_unknown")}
             for r in d.years_by_type if r["year"]]  # fmt: skip
    by_type = C.DataTable(_cols(year="year", type="type", count="apps"), kinds, formats={"count": "int"})
    grants = {r["year"]: r["count"] for r in d.grants if r["year"]}
    both = [{"year": r["year"], "series": t("ls_series_apps"), "count": r["count"]} for r in years]
    both += [{"year": y, "series": t("ls_series_grants"), "count": n} for y, n in sorted(grants.items())]
    fg = C.DataTable(_cols(year="calendar", series="series", count="count"), both, formats={"count": "int"})
    late = t("ls_trend_late", year=d.last_complete + 1)
    return Section(t("ls_trend"), [
        t("ls_trend_text", scope=_scope(d, within=True), late=late),
        C.bar_line("trend", t("ls_fig_trend"), tbl, "year", "count", "yoy", note=_note(d)),
        C.bar("trend_type", t("ls_fig_trend_type"), by_type, "year", "count", color="type", note=_note(d)),
        C.line("filed_granted", t("ls_fig_filed_granted"), fg, "year", "count", color="series", note=t("ls_grant_note")),
    ])  # fmt: skip


def lifecycle_section(d: Landscape) -> Section:
    """The life-cycle chapter (also the navigation report's): it reads only ``judgement``, ``lifecycle_years``,
    ``last_complete`` and ``cutoff`` of ``d``."""
    j, v = d.judgement, d.judgement["values"]
    rows = [r for r in d.lifecycle_years if r["year"] >= d.last_complete - 14]
    path = C.DataTable(_cols(year="year", applicants="applicants_n", applications="apps"),
                       [r for r in rows if r["complete"]], formats={"applicants": "int", "applications": "int"})  # fmt: skip
    cols = _cols(year="year", applications="applications", applicants="applicants", a="a", b="b", c="c", v="v",
                 alpha="alpha", beta="beta", complete="complete")  # fmt: skip
    table = C.DataTable(cols, rows, t("ls_life_table"),
                        {"applications": "int", "applicants": "int", "a": "int", "b": "int", "c": "int", "v": "num",
                         "alpha": "num", "beta": "num"})  # fmt: skip
    rules = [t("ls_life_rule", mark="✔" if r["held"] else "✘", stage=L.stage_name(r["stage"]),
               condition=t("ls_otherwise") if r["condition"] == "otherwise" else r["condition"])
             for r in j["rules"]]  # fmt: skip
    return Section(t("ls_life"), [
        t("ls_life_text", j0=j["window_j"][0], j1=j["window_j"][1], b0=j["window_b"][0], b1=j["window_b"][1],
          nb=W.count(v["N_B"]), nj=W.count(v["N_J"]), gn=W.pct(v["g_N"]), pb=W.count(v["P_B"]),
          pj=W.count(v["P_J"]), gp=W.pct(v["g_P"]), stage=L.stage(j["stage"])),
        C.path("lifecycle", t("ls_fig_life"), path, "applicants", "applications", "year", note=_note(d)),
        table,
        Note(t("ls_life_note")),
        t("ls_life_rules"),
        Bullets(rules),
    ])  # fmt: skip


def _applicants(d: Landscape) -> Section:
    c = d.concentration
    top = C.DataTable(_cols(applicant="applicant", count="apps", share="share"), d.applicants, t("ls_tab_applicants"),
                      {"count": "int", "share": "pct"})  # fmt: skip
    kinds = [{"type": W.cap(APPLICANT_TYPES.get(r["applicant_type"], r["applicant_type"])), "count": r["count"],
              "share": r["share"]} for r in d.applicant_types]  # fmt: skip
    types = C.DataTable(_cols(type="applicant_type", count="apps", share="share"), kinds,
                        formats={"count": "int", "share": "pct"})  # fmt: skip
    heat = C.DataTable(
        _cols(applicant="applicant", year="year", count="apps"), d.applicant_years, formats={"count": "int"}
    )
    links = C.DataTable(_cols(enterprise="enterprise", partner="partner", partner_type="partner_type", count="joint"),
                        [{**r, "partner_type": W.cap(APPLICANT_TYPES.get(r["partner_type"]))} for r in d.links],
                        t("ls_tab_links"), {"count": "int"})  # fmt: skip
    blocks: list = [
        t("ls_applicants_text", n=W.count(c["values"]), applicants=W.plural(c["values"], "applicant"),
          cr4=W.pct(c["cr4"]), hhi=_hhi(c["hhi"]), market=_market(c["hhi"])),
        C.bar("applicants", t("ls_fig_applicants"), top, "applicant", "count", horizontal=True, sort_by_value=True,
              height=330, note=_note(d)),
        top,
        C.donut("applicant_types", t("ls_fig_applicant_types"), types, "type", "count", note=t("ls_types_note")),
    ]  # fmt: skip
    if d.applicant_years:
        blocks.append(C.heatmap("applicant_years", t("ls_fig_applicant_years"), heat, "year", "applicant", "count",
                                note=_note(d)))  # fmt: skip
    blocks += [links] if d.links else [t("ls_no_links")]
    return Section(t("ls_applicants"), blocks)


def _regions(d: Landscape) -> Section:
    prov = C.DataTable(_cols(province="province", count="apps", share="share"),
                       [{**r, "province": W.place(r["province"])} for r in d.provinces[:15]],
                       formats={"count": "int", "share": "pct"})  # fmt: skip
    offices = [{"office": OFFICES.get(r["office"], r["office"] or t("ls_unknown")), "count": r["count"],
                "share": r["share"]} for r in d.offices[:8]]  # fmt: skip
    rest = sum(r["count"] for r in d.offices[8:])
    if rest:
        offices.append({"office": t("ls_other"), "count": rest, "share": rest / d.totals["applications"]})
    off = C.DataTable(
        _cols(office="office", count="apps", share="share"), offices, formats={"count": "int", "share": "pct"}
    )
    section = Section(t("ls_regions"), [
        t("ls_regions_text"),
        C.bar("provinces", t("ls_fig_provinces"), prov, "province", "count", horizontal=True, sort_by_value=True,
              height=330, note=_note(d)),
        C.donut("offices", t("ls_fig_offices"), off, "office", "count", note=_note(d)),
    ])  # fmt: skip
    rv = d.region_view
    if rv:
        section.children.append(_region(d, rv))
    return section


def _region(d: Landscape, rv: dict[str, Any]) -> Section:
    """The region's position: rank, trend, cities, leading applicants."""
    name = W.place(rv["name"])
    yrs = C.DataTable(_cols(year="year", count="apps", yoy="yoy"), [r for r in rv["years"] if r["year"]],
                      formats={"count": "int", "yoy": "pct"})  # fmt: skip
    cities = C.DataTable(_cols(city="city", count="apps", share="share"),
                         [{**r, "city": W.place(r["city"])} for r in rv["cities"]],
                         formats={"count": "int", "share": "pct"})  # fmt: skip
    apps = C.DataTable(_cols(applicant="applicant", count="apps", share="share"), rv["applicants"],
                       t("ls_tab_region_applicants", name=name), {"count": "int", "share": "pct"})  # fmt: skip
    kinds = W.listing(
        [f"{W.cap(APPLICANT_TYPES.get(r['applicant_type']))} {W.pct(r['share'])}" for r in rv["types"][:4]],
        en_sep=", ",
    )
    blocks: list = [
        t("ls_region_text", name=name, n=W.count(rv["count"]), apps=W.plural(rv["count"], "patent application"),
          share=W.pct(rv["share"]), k=rv["provinces"], rank=rv["rank"], ordinal=W.ordinal(rv["rank"]), kinds=kinds)
        if rv["rank"] else t("ls_region_empty", name=name),
    ]  # fmt: skip
    if rv["count"]:
        blocks.append(C.bar_line("region_trend", t("ls_fig_region_trend", name=name), yrs, "year", "count", "yoy",
                                 note=_note(d)))  # fmt: skip
        if rv["cities"]:
            blocks.append(C.bar("region_cities", t("ls_fig_region_cities", name=name), cities, "city", "count",
                                horizontal=True, sort_by_value=True, note=_note(d)))  # fmt: skip
        blocks.append(apps)
    return Section(t("ls_region_section", name=name), blocks)


def _map(d: Landscape) -> Section:
    pm = d.patent_map
    if pm is None or not pm.clusters:
        return Section(t("ls_map"), [t("ls_map_none")])
    if W.en():
        # English names for the overlay (a province) in the legend and note; headings as in the other tables.
        pm = dataclasses.replace(pm, overlay_label=W.place(pm.overlay_label))
        fig = map_figure(pm, note=W.semi(map_subtitle(pm).split("；")))
        fig.table.columns = {key: W.cap(label) for key, label in fig.table.columns.items()}
    else:
        fig = map_figure(pm)
    n, k = len(pm.pub_numbers), len(pm.clusters)
    text = t("ls_map_text", n=W.count(n), k=k, patents=W.plural(n, "patent"),
             branches=W.plural(k, "technology branch", "technology branches"))  # fmt: skip
    return Section(t("ls_map"), [
        text + (t("ls_map_region", region=W.place(d.region)) if d.region else ""),
        fig,
        C.DataTable({k: v for k, v in fig.table.columns.items() if k != "examples"}, fig.table.rows,
                    t("ls_tab_breakdown"), fig.table.formats),
    ])  # fmt: skip


def _value(d: Landscape) -> Section:
    rows = [{"pub_number": r["pub_number"], "title": r["title"], "applicant": (r["applicants_std"] or [""])[0],
             "app_date": r["app_date"], "status": W.cap(i18n.t(r["legal_status"] or "unknown")),
             "value_score": r["value_score"], "core": bool(r["core"])} for r in d.top_value]  # fmt: skip
    top = C.DataTable(_cols(pub_number="pub", title="title", applicant="applicant", app_date="app_date", status="status",
                            value_score="value", core="core"), rows, t("ls_tab_top_value"), {"value_score": "num"})  # fmt: skip
    crit = [{"criterion": t(f"ls_crit_{r['c']}") if f"ls_crit_{r['c']}" in i18n.MESSAGES else r["c"], "count": r["n"]}
            for r in d.high_value["criteria"]]  # fmt: skip
    crit_table = C.DataTable(
        _cols(criterion="criterion", count="criterion_n"), crit, t("ls_tab_criteria"), {"count": "int"}
    )
    return Section(t("ls_value"), [
        t("ls_value_text", scored=W.count(d.scored_count), scored_en=W.plural(d.scored_count, "patent"),
          core=W.count(d.core_count)),
        top,
        t("ls_high_text", valid=W.count(d.high_value["valid"]), high=W.count(d.high_value["high"])),
        crit_table,
        Note(t("ls_value_note")),
    ])  # fmt: skip


def _lapsed(d: Landscape) -> Section:
    by_reason = sorted(d.lapsed_by_reason, key=lambda r: -r["pub_number_count"])
    reasons = C.DataTable(_cols(reason="reason", count="reason_n"),
                          [{"reason": W.cap(REASONS.get(r["reason"], r["reason"])), "count": r["pub_number_count"]}
                           for r in by_reason], t("ls_tab_reasons"), {"count": "int"})  # fmt: skip
    rows = [{"rank": r["rank"], "pub_number": r["pub_number"], "title": r["title"], "applicants": r["applicants"],
             "reason": W.cap(REASONS.get(r["reason"], r["reason"])),
             "end_date": r["end_date"] or (t("ls_not_before", date=r["ended_after"]) if r["ended_after"] else None),
             "value_score": r["value_score"]} for r in d.lapsed_rows]  # fmt: skip
    top = C.DataTable(_cols(rank="rank", pub_number="pub", title="title", applicants="former", reason="reason",
                            end_date="end_date", value_score="value"), rows, t("ls_tab_lapsed"), {"value_score": "num"})  # fmt: skip
    return Section(t("ls_lapsed"), [
        t("ls_lapsed_text", n=W.count(d.lapsed_total), apps=W.plural(d.lapsed_total, "application"),
          sei=" --sei " + d.sei if d.sei else ""),
        reasons,
        top,
    ])  # fmt: skip


def _warning(d: Landscape) -> Section:
    source = Path(d.warning_source).name
    if not d.alerts:
        return Section(t("ls_warning"), [t("ls_warning_none", source=source, year=d.last_complete)])
    rows = [{"level": L.level(a), "name": L.indicator(a) + (t("ls_subject", s=a["subject"]) if a["subject"] else ""),
             "sei": a["sei"], "region": W.place(a["region"]), "value": a["value"],
             "basis": f"{a['numerator']} / {a['denominator']}",
             "history": W.semi(f"{h['year']}: {h['value']:.3g}" for h in a["history"] if h["value"] is not None)}
            for a in d.alerts]  # fmt: skip
    cols = _cols(level="level", name="indicator", sei="sei", region="region", value="indicator_value", basis="basis",
                 history="history")  # fmt: skip
    table = C.DataTable(cols, rows, t("ls_tab_alerts", year=d.last_complete), {"value": "num"})
    return Section(t("ls_warning"), [
        t("ls_warning_text", source=source, year=d.last_complete),
        table,
        Note(t("ls_warning_note")),
    ])  # fmt: skip


def _method(d: Landscape) -> Section:
    src = C.DataTable(_cols(source_format="source_format", files="files", rows_read="rows_read", imported="imported",
                            last="last"), d.sources, t("ls_tab_sources"),
                      {"files": "int", "rows_read": "int", "imported": "int"})  # fmt: skip
    region = t("ls_method_region", region=W.place(d.region)) if d.region else ""
    return Section(t("ls_method"), [
        t("ls_method_scope", scope=_scope(d, within=True), region=region, date=_cutoff(d), year=d.last_complete),
        src,
        Bullets([t(f"ls_method_{i}") for i in range(1, 7)]),
    ])  # fmt: skip


def build_report(d: Landscape, publisher: str = "") -> Report:
    """The landscape report of gathered figures, in the current language."""
    sections = [_trend(d), lifecycle_section(d), _applicants(d), _regions(d), technology(d, _note(d)), _map(d), _value(d), _lapsed(d),
                _warning(d), _method(d)]  # fmt: skip
    subtitle = " · ".join((_scope(d), t("ls_subtitle_date", date=_cutoff(d))))
    provenance = [(t("ls_prov_scope"), _scope(d)), (t("ls_prov_region"), W.place(d.region) or t("ls_prov_all_regions")),
                  (t("ls_prov_query"), d.query or "—"), (t("ls_prov_cutoff"), d.cutoff.isoformat()),
                  (t("ls_prov_apps"), str(d.totals["applications"])), (t("ls_prov_docs"), str(d.documents)),
                  (t("ls_prov_rules"), d.warning_source), (t("ls_prov_generated"), dt.date.today().isoformat())]  # fmt: skip
    return Report(_title(d), subtitle, publisher, dt.date.today(), _findings(d), sections, provenance)


def default_out(sei: str | None = None, region: str | None = None, suffix: str = ".pdf") -> Path:
    """The file ``seip report landscape`` writes when ``--out`` is not given, named in the current language."""
    return Path(L.file_stem("landscape", sei, region) + suffix)


def landscape(
    corpus: Corpus,
    out: str | Path,
    *,
    sei: str | None = None,
    region: str | None = None,
    query: str | None = None,
    publisher: str = "",
    formats: tuple[str, ...] | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Path]:
    """Gather, write and render the landscape report; returns the files written by format."""
    from seip.reports.fonts import cjk_fonts

    cjk_fonts()
    data = gather(corpus, sei=sei, region=region, query=query, progress=progress)
    report = build_report(data, publisher)
    return render(report, out, formats, progress=(lambda f: progress(f)) if progress else None)
