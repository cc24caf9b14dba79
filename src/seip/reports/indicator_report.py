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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seip.analysis.population import SOURCE as POPULATION_SOURCE
from seip.reports import charts as C
from seip.reports.builder import Bullets, Note, Report, Section, render
from seip.reports.indicator_data import FLOWS, Figures, IndicatorData, IndicatorReportError, gather
from seip.reports.published import Table, check_out, n, pct
from seip.store import Corpus

__all__ = ["IndicatorData", "IndicatorReportError", "build_report", "gather", "indicator_report"]
NAMES = {
    "valid_invention_patents": "有效发明专利拥有量",
    "valid_invention_per_10k": "每万人口发明专利拥有量",
    "high_value_invention_patents": "高价值发明专利拥有量",
    "high_value_invention_per_10k": "每万人口高价值发明专利拥有量",
    "sei_invention_patents": "战略性新兴产业发明专利拥有量",
    "pct_applications": "PCT国际专利申请量",
    "overseas_families": "海外专利布局（专利族）",
    "lapsed_patents": "失效专利（提前终止）",
    "expired_patents": "期限届满专利",
}
#: Column headers of the cities' table, short enough for nine columns on A4.
SHORT = {
    "valid_invention_patents": "有效发明",
    "valid_invention_per_10k": "每万人口发明",
    "high_value_invention_patents": "高价值发明",
    "high_value_invention_per_10k": "每万人口高价值",
    "sei_invention_patents": "战新发明",
    "pct_applications": "PCT申请",
    "overseas_families": "海外专利族",
    "lapsed_patents": "失效",
    "expired_patents": "期满",
}
CHAPTERS = [
    ("有效发明专利", ("valid_invention_patents", "valid_invention_per_10k")),
    ("高价值发明专利", ("high_value_invention_patents", "high_value_invention_per_10k")),
    ("战略性新兴产业与国际布局", ("sei_invention_patents", "pct_applications", "overseas_families")),
    ("失效与期满专利", ("lapsed_patents", "expired_patents")),
]


# --- words -------------------------------------------------------------------------------------------------


def val(f: Figures, v: Any) -> str:
    """A value in the indicator's unit: per-10,000 figures with 4 decimals below 1, else counts."""
    if v is None:
        return "—"
    if f.per_10k:
        return f"{v:.4f}" if abs(v) < 1 else f"{v:,.2f}"
    return n(v)


def _unit(f: Figures) -> str:
    return "件/万人" if f.per_10k else ("个" if f.id == "overseas_families" else "件")


def _when(d: IndicatorData) -> str:
    return f"{d.year} 年末" if d.year is not None else f"专利库现状（数据截至 {d.cutoff:%Y-%m-%d}）"


def _place(d: IndicatorData, f: Figures) -> str:
    if d.region.level != "province" or f.rank is None:
        return ""
    return f"，在 31 个省份中居第 {f.rank} 位"


def _findings(d: IndicatorData) -> list[str]:
    out = []
    name = d.region.name
    v, v10 = d.get("valid_invention_patents"), d.get("valid_invention_per_10k")
    if v and v10:
        out.append(
            f"{_when(d)}，专利库中{name}（第一申请人所在地）有效发明专利 **{val(v, v.here['value'])}** 件"
            + (f"（另有 {n(v.here['undetermined'])} 件无法确定是否有效）" if v.here["undetermined"] else "")
            + f"，每万人口发明专利拥有量 **{val(v10, v10.here['value'])}** 件{_place(d, v10)}；全国为 {val(v10, v10.national['value'])} 件。"
        )
    h, h10 = d.get("high_value_invention_patents"), d.get("high_value_invention_per_10k")
    if h and h10:
        share = h.here["value"] / v.here["value"] if v and v.here["value"] else None
        out.append(
            f"高价值发明专利 **{val(h, h.here['value'])}** 件（占有效发明专利 {pct(share)}），每万人口 "
            f"**{val(h10, h10.here['value'])}** 件{_place(d, h10)}。"
        )
    done = [c["name"] for c in d.criteria if c["evaluated"]]
    missing = [c["name"] for c in d.criteria if not c["evaluated"]]
    out.append(
        f"高价值发明专利五项条件中可在本库评估的有 {len(done)} 项（{'、'.join(done) or '无'}）"
        + (f"；无法评估：{'、'.join(missing)}，按未满足计，数值为下限。" if missing else "。")
    )
    s, p, o = d.get("sei_invention_patents"), d.get("pct_applications"), d.get("overseas_families")
    if s and p and o:
        out.append(
            f"战略性新兴产业发明专利 {val(s, s.here['value'])} 件；PCT 国际申请 {val(p, p.here['value'])} 件、海外布局专利族 "
            f"{val(o, o.here['value'])} 个（{f'{d.year} 年申请' if d.year is not None else '库中全部申请'}）。"
        )
    if v and len(v.trend) >= 2:
        a, b = v.trend[0], v.trend[-1]
        out.append(
            f"有效发明专利由 {a['period']} 年末的 {val(v, a['value'])} 件变为"
            f"{'现状的' if b['period'] == '现状' else b['period'] + ' 年末的'} {val(v, b['value'])} 件。"
        )
    if d.plan:
        for t in d.plan["targets"]:
            if t["computable"]:
                out.append(
                    f"规划目标“{t['name']}”{d.plan['base_year']} 年 {t['base']:g} → {d.plan['target_year']} 年 {t['target']:g}："
                    f"按专利库增长计算的进度 {pct(t.get('progress_by_growth'))}，时间进度 {pct(d.plan['expected'])}，"
                    f"{'达到' if t.get('on_track_by_growth') else '落后于'}时间进度。"
                )
    if v and v.cities and v.cities[0]["value"]:
        top = v.cities[0]
        out.append(f"各市（地）中{top['region']}有效发明专利最多（{val(v, top['value'])} 件）。")
    return out


# --- chapters ----------------------------------------------------------------------------------------------


def _overview(d: IndicatorData) -> Section:
    rows = [{"name": NAMES.get(f.id, f.id), "value": val(f, f.here["value"]), "unit": _unit(f),
             "numerator": f.here["numerator"], "denominator": f.here.get("denominator"),
             "undetermined": f.here.get("undetermined"), "national": val(f, f.national["value"]), "rank": f.rank}
            for f in d.figures]  # fmt: skip
    cols = {"name": "指标", "value": "数值", "unit": "单位", "numerator": "分子", "denominator": "分母（常住人口）",
            "undetermined": "待定", "national": "全国", "rank": "省份排名"}  # fmt: skip
    if d.region.level != "province":
        cols.pop("rank")
    table = C.DataTable(cols, rows, f"{d.region.name}知识产权统计指标（{_when(d)}）",
                        {"numerator": "int", "denominator": "int", "undetermined": "int"})  # fmt: skip
    return Section("指标总览", [
        f"以下为{d.region.name}的全部官方统计指标（{_when(d)}）。分子为统计的件数，每万人口指标的分母为 2020 年第七次全国人口普查"
        "常住人口；“待定”为无法确定在统计时点是否有效的件数，未计入数值（数值为下限，数值 + 待定为上限）。",
        table,
    ])  # fmt: skip


def _indicator(d: IndicatorData, f: Figures) -> Section:
    name = NAMES.get(f.id, f.id)
    digits = {"value": 4} if f.per_10k else {}
    fmt = {} if f.per_10k else {"value": "int"}
    blocks: list = [
        Note(f"定义：{f.indicator.definition_zh}"),
        f"{_when(d)}{d.region.name}{name} **{val(f, f.here['value'])}** {_unit(f)}（分子 {n(f.here['numerator'])}"
        + (f"，分母 {n(f.here['denominator'])}" if f.here.get("denominator") else "")
        + (f"，待定 {n(f.here['undetermined'])}" if f.here.get("undetermined") else "")
        + f"）{_place(d, f)}；全国 {val(f, f.national['value'])} {_unit(f)}。",
    ]
    if d.region.level == "province":
        rows = [{**r, "mark": "本地区" if r["region"] == d.region.name else "其他省份"} for r in f.provinces]
        table = Table({"region": "省份", "value": name, "mark": "", "rank": "排名", "numerator": "分子",
                       "undetermined": "待定"}, rows, formats={**fmt, "numerator": "int", "undetermined": "int"},
                      digits=digits)  # fmt: skip
        fig = C.bar(f"{f.id}_provinces", f"各省份{name}", table, "region", "value", color="mark", horizontal=True,
                    sort_by_value=True, height=470, note=f"{_when(d)}；本地区以深色标出。")  # fmt: skip
        fig.spec["encoding"]["color"]["scale"] = {
            "domain": ["本地区", "其他省份"],
            "range": [C.PALETTE[3], C.PALETTE[0]],
        }
        blocks.append(fig)
    trend = Table({"period": "年末", "value": name, "numerator": "分子", "undetermined": "待定"}, f.trend,
                  formats={**fmt, "numerator": "int", "undetermined": "int"}, digits=digits)  # fmt: skip
    flow = f.id in FLOWS
    note = ("按申请（优先权）日所在年份统计当年申请；国际申请自优先权日起 18 个月公布，最近两年不完整。" if flow
            else "各年为当年 12 月 31 日的存量；“现状”为专利库现状。")  # fmt: skip
    title = f"{d.region.name}{name}{'（按申请年）' if flow else '历年变化'}"
    blocks.append(C.line(f"{f.id}_trend", title, trend, "period", "value", note=note))
    blocks.append(trend)
    return Section(name, blocks)


def _criteria(d: IndicatorData) -> list:
    rows = [{"name": c["name"], "evaluated": c["evaluated"], "patents": c["patents"], "region_patents": c["region_patents"],
             "basis": c["basis"]} for c in d.criteria]  # fmt: skip
    table = C.DataTable({"name": "条件", "evaluated": "可评估", "patents": "全库符合（件）",
                         "region_patents": f"{d.region.name}符合（件）", "basis": "依据"}, rows,
                        "高价值发明专利条件的可评估性", {"patents": "int", "region_patents": "int"})  # fmt: skip
    return [
        "国家知识产权局口径：有效发明专利满足五项条件之一即为高价值发明专利。下表说明每项条件能否在本库评估、依据什么；"
        "不能评估的条件按未满足计，因此高价值发明专利数为下限。质押金额和获奖清单可用 seip import-awards 导入。",
        table,
    ]


def _targets(d: IndicatorData) -> Section:
    if d.plan is None:
        return Section("规划目标监测", [d.plan_note])
    p = d.plan
    ok = [t for t in p["targets"] if t["computable"]]
    bars = [{"name": t["name"], "series": s, "value": v} for t in ok
            for s, v in (("按规划数计算的进度", t.get("progress")), ("按专利库增长计算的进度", t.get("progress_by_growth")),
                         ("时间进度", p["expected"])) if v is not None]  # fmt: skip
    chart = C.DataTable(
        {"name": "目标", "series": "进度", "value": "完成程度"}, bars, formats={"value": "pct"}
    )
    fig = C.bar("plan_progress", "规划目标完成进度与时间进度", chart, "name", "value", color="series", horizontal=True,
                stack=False, height=60 + 60 * max(len(ok), 1),
                note="完成程度 = 已完成的变化 ÷ 规划要求的变化；时间进度 = 规划期已过去的比例。")  # fmt: skip
    fig.spec["encoding"]["x"]["axis"] = {"format": "%"}
    rows = [{"name": t["name"], "unit": t["unit"], "base": t["base"], "target": t["target"], "computed": t["computed"],
             "computed_base": t["computed_base"], "progress": t.get("progress"), "growth": t.get("progress_by_growth"),
             "state": ("非专利指标，专利库无法计算" if not t["computable"] else
                       "达到时间进度" if t.get("on_track_by_growth") else "落后于时间进度")} for t in p["targets"]]  # fmt: skip
    table = Table({"name": "指标", "unit": "单位", "base": f"{p['base_year']} 基期值", "target": f"{p['target_year']} 目标值",
                   "computed": "专利库计算值", "computed_base": "基期计算值", "progress": "按规划数进度", "growth": "按增长进度",
                   "state": "判断"}, rows, f"{p['plan']}", {"progress": "pct", "growth": "pct"},
                  digits={"computed": 4, "computed_base": 4})  # fmt: skip
    blocks: list = [
        f"规划：{p['plan']}（{p['source']}），基期 {p['base_year']} 年，目标年 {p['target_year']} 年；统计时点为{_when(d)}，"
        f"规划期已过去 {pct(p['expected'])}。",
        fig, table,
    ]  # fmt: skip
    if p["reference"]:
        ref = [{**r, "coverage": r.get("coverage")} for r in p["reference"]]
        blocks.append(Table({"name": "指标", "unit": "单位", "base": "规划公布的基期值", "computed": "专利库计算值",
                             "coverage": "覆盖率"}, ref, "专利库覆盖程度（规划公布的基期数值与计算值）",
                            {"coverage": "pct"}, digits={"computed": 4}, percent={"coverage": 3}))  # fmt: skip
        low = [r for r in ref if r["coverage"] is not None and r["coverage"] < 0.5]
        if low:
            blocks.append(
                f"专利库只覆盖{d.region.name}专利的一部分（{low[0]['name']}覆盖率 {pct(low[0]['coverage'], 2)}），"
                "按规划数计算的进度不能说明完成情况；按专利库增长计算的进度把专利库自基期以来的增长与规划要求的增长相比，"
                "适用于均匀抽样的专利库。"
            )
    blocks.append(Note("进度定义见 docs/indicators.md（Plan targets）；复现：seip targets"
                       + (f" --year {d.year}" if d.year else "") + " --json。"))  # fmt: skip
    return Section("规划目标监测", blocks)


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
    table = Table({"city": "市（地）"} | {i: SHORT.get(i, i) for i in ids}, rows, f"{province}各市（地）指标",
                  {i: "int" for i in ids if not i.endswith("per_10k")},
                  digits={i: 4 for i in ids if i.endswith("per_10k")})  # fmt: skip
    blocks: list = [
        f"{province}各市（地）按第一申请人所在城市统计（{_when(d)}）；表头为简称，指标定义见前文各节。",
        table,
    ]
    per = d.get("valid_invention_per_10k")
    if per and per.cities:
        t = Table({"region": "市（地）", "value": "每万人口发明专利拥有量"}, per.cities, digits={"value": 4})
        blocks.insert(1, C.bar("cities_per_10k", f"{province}各市（地）每万人口发明专利拥有量", t, "region", "value",
                               horizontal=True, sort_by_value=True, height=max(160, 22 * len(per.cities))))  # fmt: skip
    return Section("各市（地）指标", blocks)


def _method(d: IndicatorData) -> Section:
    stock = (f"{d.year} 年 12 月 31 日：在该日前授权且未终止的为有效；今日有效的专利视为自授权起一直有效；已失效但数据没有失效日期、"
             "或法律状态、授权日未知的计入“待定”" if d.year is not None else
             "专利库现状：按记录的法律状态判断是否有效，状态未知的计入“待定”")  # fmt: skip
    cmd = (
        f"seip indicators --region {d.region.name}"
        + (f" --year {d.year}" if d.year is not None else "")
        + " --json"
    )
    return Section("说明与假设", [
        Bullets([
            "统计单位为专利申请（件）：同一申请的多个公开文本合并计 1 件，以代表文本为准。",
            "地区为第一申请人所在省、市；专利权人取第一申请人，不跟踪权利转让。国内指中国内地（不含港澳台）。",
            f"统计时点：{stock}。",
            f"人口为 2020 年第七次全国人口普查常住人口，各年一律使用（{POPULATION_SOURCE}）。",
            "高价值发明专利的条件(1)(2)按现有分类和同族数据判断（不回溯），条件(3)(4)(5)按统计时点及以前的日期判断。",
            "PCT 国际申请与海外布局按申请年计流量；未给年份时为库中全部申请。",
            "专利库是所导入数据的集合，不是官方统计全量：数值反映专利库覆盖的部分，规划进度应结合覆盖率阅读。",
            f"全部数值可复现：{cmd}；趋势各点即 --year 为该年时的值。定义见 docs/indicators.md。",
        ]),
        d.sources,
    ])  # fmt: skip


def build_report(d: IndicatorData, publisher: str = "") -> Report:
    sections = [_overview(d), _targets(d)]
    placed: set[str] = set()
    for title, ids in CHAPTERS:
        figs = [f for f in d.figures if f.id in ids]
        placed |= {f.id for f in figs}
        if figs:
            sec = Section(title, [], [_indicator(d, f) for f in figs])
            if title == "高价值发明专利":
                sec.children.append(Section("高价值条件的可评估性", _criteria(d)))
            sections.append(sec)
    rest = [f for f in d.figures if f.id not in placed]
    if rest:
        sections.append(Section("其他指标", [], [_indicator(d, f) for f in rest]))
    sections += [_cities(d), _method(d)]
    title = f"{d.region.name}知识产权统计指标报告"
    subtitle = f"{_when(d)} · 每万人口指标按 2020 年人口普查"
    provenance = [("地区", d.region.name), ("统计时点", _when(d)), ("数据截止日", d.cutoff.isoformat()),
                  ("规划", d.plan["plan"] if d.plan else "—"), ("生成日期", dt.date.today().isoformat())]  # fmt: skip
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
