"""The landscape report (产业专利态势报告): ``seip report landscape --sei 1.5 [--region 黑龙江省] [--query Q]``.

May import: seip.reports, seip.analysis, seip.store, seip.taxonomy, seip.i18n, stdlib.

Sentences are generated from the numbers of :mod:`seip.reports.landscape_data`; every chapter has its charts
and tables, and the method chapter states the sources, the cut-off, the unit of count and every rule used.
The report text is Chinese (the builder's own words follow ``--lang``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seip import i18n
from seip.reports import charts as C
from seip.reports.builder import Bullets, Note, Report, Section, render
from seip.reports.landscape_data import Landscape, gather
from seip.reports.landscape_tech import technology
from seip.reports.topo import figure as map_figure
from seip.store import Corpus

APPLICANT_TYPES = {"enterprise": "企业", "university": "高校", "institute": "科研院所", "individual": "个人",
                   "government": "机关团体", "other": "其他", None: "未知"}  # fmt: skip
OFFICES = {"CN": "中国", "US": "美国", "EP": "欧洲专利局", "WO": "世界知识产权组织（PCT）", "JP": "日本", "KR": "韩国",
           "DE": "德国", "GB": "英国", "FR": "法国", "AU": "澳大利亚", "CA": "加拿大", "TW": "中国台湾", "RU": "俄罗斯",
           "IN": "印度"}  # fmt: skip
REASONS = {"lapsed": "未缴年费终止", "expired": "期限届满", "withdrawn": "撤回", "rejected": "驳回", "abandoned": "放弃",
           "invalidated": "无效宣告"}  # fmt: skip


def fmt_count(x: Any) -> str:
    return "—" if x is None else f"{int(x):,}"


def fmt_pct(x: Any) -> str:
    return "—" if x is None else f"{x:.1%}"


def _industry(name: str) -> str:
    """新一代信息技术产业 stays as it is; 人工智能 becomes 人工智能产业."""
    return name if name.endswith("产业") else f"{name}产业"


def _scope(d: Landscape) -> str:
    from seip.taxonomy.sei import categories

    parts = []
    if d.sei:
        cat = categories().get(d.sei)
        name = (
            cat.name
            if cat
            else next((c.top_name for c in categories().values() if c.top_code == d.sei), d.sei)
        )
        parts.append(f"{_industry(name)}（战略性新兴产业 {d.sei}）")
    if d.query:
        parts.append(f"检索式“{d.query}”命中的专利")
    return "、".join(parts) or "专利库全部专利"


def _title(d: Landscape) -> str:
    from seip.taxonomy.sei import categories

    cat = categories().get(d.sei or "")
    top = next((c.top_name for c in categories().values() if c.top_code == d.sei), None)
    name = cat.name if cat else (top or "")
    return f"{d.region or ''}{_industry(name) if name else ''}专利态势报告"


def _note(d: Landscape) -> str:
    return f"数据来源：seip 专利库，截至 {d.cutoff:%Y-%m-%d}；统计单位：件（一件专利申请的多个公开文本合并计数）。"


def _findings(d: Landscape) -> list[str]:
    t = d.totals
    inv = t["types"].get("invention", 0)
    out = [
        f"截至 {d.cutoff.year}年{d.cutoff.month}月{d.cutoff.day}日（专利库最新公开日），{_scope(d)}共有专利申请 **{fmt_count(t['applications'])}** 件"
        f"（公开文献 {fmt_count(d.documents)} 件），其中发明专利申请 {fmt_count(inv)} 件，占 {fmt_pct(inv / t['applications'])}。"
    ]
    complete = [r for r in d.years if r["year"] is not None and r["year"] <= d.last_complete]
    if complete:
        peak = max(complete, key=lambda r: r["count"])
        growth = d.cagr.get("cagr")
        out.append(
            f"{d.last_complete - 4}—{d.last_complete} 年申请量年均增长 **{fmt_pct(growth)}**，{peak['year']} 年申请最多"
            f"（{fmt_count(peak['count'])} 件）；{d.last_complete + 1} 年以后的申请因公开滞后尚不完整，未计入判断。"
        )
    j = d.judgement
    v = j["values"]
    out.append(
        f"按技术生命周期规则，该领域处于**{j['stage_zh']}**：{j['window_j'][0]}—{j['window_j'][1]} 年申请量较前三年"
        f"变化 {fmt_pct(v['g_N'])}，申请人数量变化 {fmt_pct(v['g_P'])}。"
    )
    c = d.concentration
    if d.applicants:
        top = d.applicants[0]
        out.append(
            f"共有申请人 {fmt_count(c['values'])} 个，前四位合计占 {fmt_pct(c['cr4'])}，HHI 为 {c['hhi']:.0f}（{_market(c['hhi'])}）；"
            f"申请量居首的是 **{top['applicant']}**（{fmt_count(top['count'])} 件，占 {fmt_pct(top['share'])}）。"
        )
    if d.provinces:
        lead = "、".join(f"{r['province']}（{fmt_count(r['count'])} 件）" for r in d.provinces[:3])
        text = f"国内申请人按省份以 {lead} 居前。"
        if d.region_view:
            rv = d.region_view
            text += (
                f"{rv['name']}共有 {fmt_count(rv['count'])} 件，占 {fmt_pct(rv['share'])}，居第 {rv['rank']} 位。"
                if rv["rank"]
                else f"{rv['name']}在本领域尚无专利申请。"
            )
        out.append(text)
    if d.patent_map is not None and d.patent_map.clusters:
        big = d.patent_map.clusters[0]
        out.append(
            f"专利地图将 {fmt_count(len(d.patent_map.pub_numbers))} 件专利归为 {len(d.patent_map.clusters)} 个技术分支，"
            f"规模最大的是“{big.label}”（{fmt_count(big.size)} 件）。"
        )
    out.append(
        f"可评价值的专利 {fmt_count(d.scored_count)} 件中核心专利 {fmt_count(d.core_count)} 件；有效发明专利 {fmt_count(d.high_value['valid'])} 件，"
        f"其中符合国家知识产权局高价值发明专利口径的 {fmt_count(d.high_value['high'])} 件。"
    )
    out.append(
        f"已失效（终止、届满、撤回、驳回、放弃、无效）的专利申请 {fmt_count(d.lapsed_total)} 件，价值最高的 20 件列于“可再利用的失效专利”一章，可供二次开发。"
    )
    if d.alerts:
        worst = d.alerts[0]
        out.append(
            f"{d.last_complete} 年预警指标中 {len(d.alerts)} 项达到轻警及以上，最高为**{worst['level_zh']}**（{worst['name_zh']}）。"
        )
    else:
        out.append(f"{d.last_complete} 年各项预警指标均未达到轻警。")
    return out


def _market(hhi: float) -> str:
    """Reading of the HHI after the US merger guidelines (below 1,500 unconcentrated, above 2,500 highly)."""
    if hhi is None:
        return "无法计算"
    return "竞争格局分散" if hhi < 1500 else ("中度集中" if hhi <= 2500 else "高度集中")


def _trend(d: Landscape) -> Section:
    years = [r for r in d.years if r["year"] is not None]
    tbl = C.DataTable(
        {"year": "申请年", "count": "申请量（件）", "yoy": "同比增长"},
        years,
        formats={"count": "int", "yoy": "pct"},
    )
    kinds = [
        {**r, "type": i18n.t(r["patent_type"]) if r["patent_type"] else "未知"}
        for r in d.years_by_type
        if r["year"]
    ]
    by_type = C.DataTable(
        {"year": "申请年", "type": "专利类型", "count": "申请量（件）"}, kinds, formats={"count": "int"}
    )
    grants = {r["year"]: r["count"] for r in d.grants if r["year"]}
    both = [{"year": r["year"], "series": "申请量", "count": r["count"]} for r in years]
    both += [{"year": y, "series": "授权量", "count": n} for y, n in sorted(grants.items())]
    fg = C.DataTable(
        {"year": "年份", "series": "指标", "count": "数量（件）"}, both, formats={"count": "int"}
    )
    late = f"{d.last_complete + 1} 年及以后的数据因公开滞后不完整。"
    return Section("申请趋势", [
        f"{_scope(d)}的申请量逐年变化如图所示。{late}",
        C.bar_line("trend", "专利申请量及同比增长", tbl, "year", "count", "yoy", note=_note(d)),
        C.bar("trend_type", "各类型专利申请量", by_type, "year", "count", color="type", note=_note(d)),
        C.line("filed_granted", "申请量与授权量", fg, "year", "count", color="series",
               note="授权量按授权年统计，授权日缺失时以中国授权公告文本（B/C/U/Y/S）的公开日代替。"),
    ])  # fmt: skip


def lifecycle_section(d: Landscape) -> Section:
    j, v = d.judgement, d.judgement["values"]
    rows = [r for r in d.lifecycle_years if r["year"] >= d.last_complete - 14]
    path = C.DataTable({"year": "申请年", "applicants": "申请人数量", "applications": "申请量（件）"},
                       [r for r in rows if r["complete"]], formats={"applicants": "int", "applications": "int"})  # fmt: skip
    cols = {"year": "申请年", "applications": "申请量", "applicants": "申请人数", "a": "发明", "b": "实用新型", "c": "失效",
            "v": "技术生长率 v", "alpha": "成熟系数 α", "beta": "衰老系数 β", "complete": "数据完整"}  # fmt: skip
    table = C.DataTable(cols, rows, "技术生命周期指标（按申请年）",
                        {"applications": "int", "applicants": "int", "a": "int", "b": "int", "c": "int", "v": "num",
                         "alpha": "num", "beta": "num"})  # fmt: skip
    rules = [f"{'✔' if r['held'] else '✘'} {r['stage']}：{r['condition']}" for r in j["rules"]]
    return Section("技术生命周期", [
        f"以申请人数量为横轴、申请量为纵轴，按年份连线，可观察技术所处阶段。比较 {j['window_j'][0]}—{j['window_j'][1]} 年（J）与 "
        f"{j['window_b'][0]}—{j['window_b'][1]} 年（B）：申请量 {fmt_count(v['N_B'])} → {fmt_count(v['N_J'])}（{fmt_pct(v['g_N'])}），"
        f"申请人 {fmt_count(v['P_B'])} → {fmt_count(v['P_J'])}（{fmt_pct(v['g_P'])}），判断为 **{j['stage_zh']}**。",
        C.path("lifecycle", "技术生命周期图（申请人数量—申请量）", path, "applicants", "applications", "year", note=_note(d)),
        table,
        Note("v = 当年发明申请 ÷ 近五年发明申请；α = 发明 ÷（发明 + 实用新型）；β =（发明 + 实用新型）÷（发明 + 实用新型 + 失效）。"),
        "判断规则依次检验，第一条成立者为结论：",
        Bullets(rules),
    ])  # fmt: skip


def _applicants(d: Landscape) -> Section:
    c = d.concentration
    top = C.DataTable({"applicant": "申请人", "count": "申请量（件）", "share": "占比"}, d.applicants, "主要申请人",
                      {"count": "int", "share": "pct"})  # fmt: skip
    kinds = [{"type": APPLICANT_TYPES.get(r["applicant_type"], r["applicant_type"]), "count": r["count"], "share": r["share"]}
             for r in d.applicant_types]  # fmt: skip
    types = C.DataTable(
        {"type": "申请人类型", "count": "申请量（件）", "share": "占比"},
        kinds,
        formats={"count": "int", "share": "pct"},
    )
    heat = C.DataTable(
        {"applicant": "申请人", "year": "申请年", "count": "申请量（件）"},
        d.applicant_years,
        formats={"count": "int"},
    )
    links = C.DataTable({"enterprise": "企业", "partner": "合作高校/院所", "partner_type": "类型", "count": "合作申请（件）"},
                        [{**r, "partner_type": APPLICANT_TYPES.get(r["partner_type"])} for r in d.links],
                        "产学研合作申请（前10位）", {"count": "int"})  # fmt: skip
    blocks: list = [
        f"共有申请人 {fmt_count(c['values'])} 个；前四位申请人合计占 {fmt_pct(c['cr4'])}（CR4），赫芬达尔—赫希曼指数 HHI = {c['hhi']:.0f}，"
        f"{_market(c['hhi'])}（HHI < 1500 为分散，1500—2500 为中度集中，> 2500 为高度集中）。",
        C.bar(
            "applicants",
            "主要申请人申请量",
            top,
            "applicant",
            "count",
            horizontal=True,
            sort_by_value=True,
            height=330,
            note=_note(d),
        ),
        top,
        C.donut(
            "applicant_types",
            "申请人类型构成",
            types,
            "type",
            "count",
            note="共同申请按每位申请人的类型分别计数，占比之和可能大于 100%。",
        ),
    ]
    if d.applicant_years:
        blocks.append(
            C.heatmap(
                "applicant_years", "主要申请人近年申请量", heat, "year", "applicant", "count", note=_note(d)
            )
        )
    blocks += [links] if d.links else ["本领域没有企业与高校或科研院所的共同申请。"]
    return Section("创新主体", blocks)


def _regions(d: Landscape) -> Section:
    prov = C.DataTable(
        {"province": "省份", "count": "申请量（件）", "share": "占比"},
        d.provinces[:15],
        formats={"count": "int", "share": "pct"},
    )
    offices = [
        {"office": OFFICES.get(r["office"], r["office"] or "未知"), "count": r["count"], "share": r["share"]}
        for r in d.offices[:8]
    ]
    rest = sum(r["count"] for r in d.offices[8:])
    if rest:
        offices.append({"office": "其他", "count": rest, "share": rest / d.totals["applications"]})
    off = C.DataTable(
        {"office": "受理局", "count": "申请量（件）", "share": "占比"},
        offices,
        formats={"count": "int", "share": "pct"},
    )
    section = Section("区域分布", [
        "国内申请按第一申请人所在省份统计；受理局反映专利布局的国家和地区。",
        C.bar("provinces", "各省份申请量（前15位）", prov, "province", "count", horizontal=True, sort_by_value=True, height=330, note=_note(d)),
        C.donut("offices", "受理局构成", off, "office", "count", note=_note(d)),
    ])  # fmt: skip
    rv = d.region_view
    if rv:
        yrs = C.DataTable({"year": "申请年", "count": "申请量（件）", "yoy": "同比增长"}, [r for r in rv["years"] if r["year"]],
                          formats={"count": "int", "yoy": "pct"})  # fmt: skip
        cities = C.DataTable(
            {"city": "城市", "count": "申请量（件）", "share": "占比"},
            rv["cities"],
            formats={"count": "int", "share": "pct"},
        )
        apps = C.DataTable({"applicant": "申请人", "count": "申请量（件）", "share": "占比"}, rv["applicants"], f"{rv['name']}主要申请人",
                           {"count": "int", "share": "pct"})  # fmt: skip
        kinds = "、".join(
            f"{APPLICANT_TYPES.get(r['applicant_type'])} {fmt_pct(r['share'])}" for r in rv["types"][:4]
        )
        blocks: list = [
            (f"{rv['name']}共有专利申请 {fmt_count(rv['count'])} 件，占全国（国内申请）{fmt_pct(rv['share'])}，在 {rv['provinces']} 个有申请的省份中"
             f"居第 {rv['rank']} 位。申请人类型：{kinds}。") if rv["rank"] else f"{rv['name']}在本领域尚无专利申请。",
        ]  # fmt: skip
        if rv["count"]:
            blocks += [
                C.bar_line(
                    "region_trend",
                    f"{rv['name']}申请量及同比增长",
                    yrs,
                    "year",
                    "count",
                    "yoy",
                    note=_note(d),
                )
            ]
            blocks += (
                [
                    C.bar(
                        "region_cities",
                        f"{rv['name']}各城市申请量",
                        cities,
                        "city",
                        "count",
                        horizontal=True,
                        sort_by_value=True,
                        note=_note(d),
                    )
                ]
                if rv["cities"]
                else []
            )
            blocks += [apps]
        section.children.append(Section(f"{rv['name']}的位置", blocks))
    return section


def _map(d: Landscape) -> Section:
    pm = d.patent_map
    if pm is None or not pm.clusters:
        return Section("专利地图与技术分解", ["所选专利太少或缺少可用文本，未生成专利地图。"])
    fig = map_figure(pm)
    return Section("专利地图与技术分解", [
        f"依据标题、摘要和首项权利要求的文本相似度，将 {fmt_count(len(pm.pub_numbers))} 件专利布局为二维地图：等高线越高，专利越密集；"
        f"聚类得到 {len(pm.clusters)} 个技术分支，以各分支最具区分度的关键词命名（c-TF-IDF）。"
        + (f"红点为{d.region}申请人的专利。" if d.region else ""),
        fig,
        C.DataTable({k: v for k, v in fig.table.columns.items() if k != "examples"}, fig.table.rows, "技术分解表",
                    fig.table.formats),
    ])  # fmt: skip


def _value(d: Landscape) -> Section:
    rows = [{"pub_number": r["pub_number"], "title": r["title"], "applicant": (r["applicants_std"] or [""])[0],
             "app_date": r["app_date"], "status": i18n.t(r["legal_status"] or "unknown"), "value_score": r["value_score"],
             "core": bool(r["core"])} for r in d.top_value]  # fmt: skip
    top = C.DataTable({"pub_number": "公开号", "title": "名称", "applicant": "申请人", "app_date": "申请日", "status": "法律状态",
                       "value_score": "价值度", "core": "核心专利"}, rows, "价值度最高的专利（前20件）", {"value_score": "num"})  # fmt: skip
    names = {"sei": "属于战略性新兴产业", "overseas_family": "有海外同族", "maintained_10y": "维持超过10年",
             "high_pledge": "较高质押融资额", "award": "获国家科技奖或中国专利奖"}  # fmt: skip
    crit = C.DataTable({"criterion": "高价值条件", "count": "符合的有效发明（件）"},
                       [{"criterion": names.get(r["c"], r["c"]), "count": r["n"]} for r in d.high_value["criteria"]],
                       "高价值发明专利各条件", {"count": "int"})  # fmt: skip
    return Section("高价值与核心专利", [
        f"专利价值度由法律、技术、经济三个维度的可测指标加权得到（0—100），在同一受理局 × IPC 小类 × 申请年的群组内归一；"
        f"群组内排名前 10% 的为核心专利。本领域可评分专利 {fmt_count(d.scored_count)} 件，核心专利 {fmt_count(d.core_count)} 件。",
        top,
        f"有效发明专利 {fmt_count(d.high_value['valid'])} 件，其中符合国家知识产权局高价值发明专利口径（满足五项条件之一）的 "
        f"{fmt_count(d.high_value['high'])} 件。",
        crit,
        Note("质押金额与获奖条件需导入相应清单（seip import-awards）后才能评估；未导入时按未满足计。"),
    ])  # fmt: skip


def _lapsed(d: Landscape) -> Section:
    reasons = C.DataTable({"reason": "失效原因", "count": "件数"},
                          [{"reason": REASONS.get(r["reason"], r["reason"]), "count": r["pub_number_count"]}
                           for r in sorted(d.lapsed_by_reason, key=lambda r: -r["pub_number_count"])], "失效专利按原因", {"count": "int"})  # fmt: skip
    rows = [{"rank": r["rank"], "pub_number": r["pub_number"], "title": r["title"], "applicants": r["applicants"],
             "reason": REASONS.get(r["reason"], r["reason"]), "end_date": r["end_date"] or (f"不早于 {r['ended_after']}" if r["ended_after"] else None),
             "value_score": r["value_score"]} for r in d.lapsed_rows]  # fmt: skip
    top = C.DataTable({"rank": "序号", "pub_number": "公开号", "title": "名称", "applicants": "原申请人", "reason": "失效原因",
                       "end_date": "失效日期", "value_score": "价值度"}, rows, "价值最高的失效专利（前20件）", {"value_score": "num"})  # fmt: skip
    return Section("可再利用的失效专利", [
        f"已失效的专利申请共 {fmt_count(d.lapsed_total)} 件。失效专利的技术方案可以自由实施，价值较高者适合二次开发。完整清单可用 "
        f"`seip lapsed{' --sei ' + d.sei if d.sei else ''} --out 失效专利.xlsx` 导出。",
        reasons,
        top,
    ])  # fmt: skip


def _warning(d: Landscape) -> Section:
    if not d.alerts:
        return Section(
            "专利预警",
            [
                f"按预警指标体系（{Path(d.warning_source).name}），{d.last_complete} 年没有指标达到轻警及以上。"
            ],
        )
    rows = [{"level": a["level_zh"], "name": a["name_zh"] + (f"（{a['subject']}）" if a["subject"] else ""), "sei": a["sei"],
             "region": a["region"], "value": a["value"], "basis": f"{a['numerator']} / {a['denominator']}",
             "history": "；".join(f"{h['year']}: {h['value']:.3g}" for h in a["history"] if h["value"] is not None)}
            for a in d.alerts]  # fmt: skip
    table = C.DataTable({"level": "警级", "name": "预警指标", "sei": "产业", "region": "地区", "value": "指标值", "basis": "分子 / 分母",
                         "history": "历史值"}, rows, f"{d.last_complete} 年预警", {"value": "num"})  # fmt: skip
    return Section("专利预警", [
        f"按预警指标体系（{Path(d.warning_source).name}）评估 {d.last_complete} 年（最近完整申请年），警级分为无警、轻警、中警、重警、巨警。",
        table,
        Note("每项预警的定义、阈值与可复现的命令见 seip warn --json。"),
    ])  # fmt: skip


def _method(d: Landscape) -> Section:
    src = C.DataTable({"source_format": "数据格式", "files": "文件数", "rows_read": "读取行数", "imported": "新增专利", "last": "最近导入"},
                      d.sources, "数据来源（导入记录）", {"files": "int", "rows_read": "int", "imported": "int"})  # fmt: skip
    return Section("方法与数据说明", [
        f"研究范围：{_scope(d)}{('，区域分析以第一申请人所在省份为' + d.region) if d.region else ''}。数据截止日 {d.cutoff:%Y-%m-%d}"
        f"（专利库最新公开日），最近完整申请年 {d.last_complete} 年（发明专利申请自申请日起 18 个月公开）。",
        src,
        Bullets([
            "统计单位为专利申请（件）：同一申请号的多个公开文本合并为 1 件，以最近导入且有效性已知的文本为准。",
            "年份按申请日；授权量按授权日。列表维度（申请人、申请人类型、IPC 小类、产业分类）对每个取值分别计数。",
            "战略性新兴产业分类依据《战略性新兴产业分类（2018）》及国家知识产权局《战略性新兴产业分类与国际专利分类参照关系表（2021）》。",
            "技术生命周期、专利价值度、高价值发明专利、失效专利与预警指标的定义与阈值见 docs/analysis.md 与 docs/indicators.md。",
            "专利地图：文本向量（rjieba 分词与汉字二元组的 TF-IDF，经截断 SVD 降至 256 维）、PaCMAP 二维布局、HDBSCAN 聚类、c-TF-IDF 命名；见 docs/reports.md。",
            "图表背后的全部数据见同名 .xlsx 附表。",
        ]),
    ])  # fmt: skip


def build_report(d: Landscape, publisher: str = "") -> Report:
    """The landscape report of gathered figures."""
    sections = [_trend(d), lifecycle_section(d), _applicants(d), _regions(d), technology(d, _note(d)), _map(d), _value(d), _lapsed(d),
                _warning(d), _method(d)]  # fmt: skip
    subtitle = " · ".join(x for x in (_scope(d), f"数据截至 {d.cutoff:%Y-%m-%d}") if x)
    provenance = [("研究范围", _scope(d)), ("地区", d.region or "全国"), ("检索式", d.query or "—"),
                  ("数据截止日", d.cutoff.isoformat()), ("专利申请（件）", str(d.totals["applications"])),
                  ("公开文献（件）", str(d.documents)), ("预警指标体系", d.warning_source),
                  ("生成日期", dt.date.today().isoformat())]  # fmt: skip
    return Report(_title(d), subtitle, publisher, dt.date.today(), _findings(d), sections, provenance)


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
