"""The warning bulletin (专利预警通报): ``seip report warning [--sei 1.5] [--region 黑龙江省] [--year Y]``.

May import: seip.analysis, seip.store, seip.taxonomy, seip.reports, seip.errors, stdlib, altair.

Everything measured comes, through :mod:`seip.reports.bulletin_data`, from :mod:`seip.analysis.warning` (the
YAML indicator system, levels 无警…巨警) and,
for the watchlists, :mod:`seip.analysis.watch` — read only: a bulletin never records a watch run, so the next
``seip watch run`` still reports the same news. The bulletin says, in order: how many alerts at each level (most
severe first, in sentences written from the counts), every alert with its evidence (value, the threshold that set
its level, the history drawn against the thresholds, numerator and denominator, the command that reproduces
it), what is new for the watched items, what to do per kind of indicator, every indicator value of every SEI
category × region, and the method (the rules with their thresholds).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import altair as alt

from seip.analysis import warning
from seip.reports import charts as C
from seip.reports.builder import Bullets, Note, Report, Section, render
from seip.reports.bulletin_data import Bulletin, BulletinError, Rows, gather
from seip.reports.published import check_out, industry, n, num, pct, sei_key, sei_label
from seip.store import Corpus

__all__ = ["Bulletin", "BulletinError", "build_report", "bulletin", "gather"]
DETAILS = 30  # alerts given a subsection of their own (the most severe first); the others are in the tables
LEVEL_COLOURS = ["#9e9e9e", "#e0b800", "#e07b00", "#c62828", "#6a0d0d"]
#: What each measure's numerator and denominator are ({} = the value; ``%`` marks shares).
PARTS: dict[str, tuple[str, str]] = {
    "foreign_share": ("外国申请人的申请 {} 件", "申请人国别已知的申请 {} 件"),
    "growth": ("当年申请 {} 件", "前三年平均 {} 件"),
    "concentration": ("不同申请人 {} 个", "申请 {} 件"),
    "region_share": ("当年占全国 {}%", "前三年平均占全国 {}%"),
    "region_rank": ("当年全国第 {} 位", "上年第 {} 位"),
    "competitor_filings": ("当年新公开申请 {} 件", "前三年平均 {} 件"),
    "event_surge": ("当年发生事件的申请 {} 件", "前三年平均 {} 件"),
    "core_expiring": ("期限将满的核心专利 {} 件", "有效核心专利 {} 件"),
    "core_lapsed": ("近期失效的核心专利 {} 件", ""),
}
#: Recommended responses per measure (the kind of indicator), for government, associations and firms.
RESPONSES: dict[str, str] = {
    "foreign_share": "国外申请人在该领域布局较重：组织对重点国外申请人的专利分析与侵权风险排查；企业在产品上市、出口前开展自由实施（FTO）分析；对威胁较大的核心专利评估无效宣告的可能，必要时通过产业联盟、专利池统一应对。",
    "growth": "申请量较近三年明显变化：核实增长或下降来自哪些申请人和技术分支；对国外申请人的集中布局，提示相关企业跟踪其新公开专利并调整研发与布局方向。",
    "concentration": "少数申请人掌握多数专利，存在技术垄断和许可壁垒：识别龙头申请人的核心专利和布局空白，围绕核心专利开展外围、改进专利布局，准备许可或交叉许可谈判。",
    "region_share": "本地区在全国的份额下降：分析份额流失的技术分支和主体，对重点企业、高校院所开展专利导航和高价值专利培育，落实专利资助与奖励政策，加强产学研合作。",
    "region_rank": "本地区全国排名下降：与排名上升的省份对比主体结构和技术方向，把指标纳入目标考核与年度推进计划，跟踪下一年度变化。",
    "competitor_filings": "关注的竞争对手有新公开的申请：跟踪其技术方向和权利要求范围，评估与本企业产品的关系；对授权前的申请可提出公众意见，对授权后的专利评估无效宣告。",
    "event_surge": "无效、诉讼或转让事件增多：排查本地区核心专利的稳定性并做好答辩准备；对诉讼启动维权援助和应诉指导（12330）；对集中转让关注关键技术外流或被收购，引导本地承接转化。",
    "core_expiring": "核心专利将在两年内期满：权利人应提前布局改进和替代技术、接续专利保护；对他人核心专利的到期，相关企业可提前准备技术承接和产品上市。",
    "core_lapsed": "核心专利近期失效：核实失效原因，因未缴年费失效的评估请求恢复权利的可能（专利法实施细则规定的期限内）；他人的失效核心专利可组织二次开发（见失效专利文献汇编）。",
}
UNITS = {"share": "占比", "ratio": "相对变化", "index": "指数", "places": "位次", "applications": "件",
         "patents": "件"}  # fmt: skip


# --- words -------------------------------------------------------------------------------------------------


def _scope(b: Bulletin) -> str:
    what = f"战略性新兴产业 {sei_label(b.sei)}" if b.sei else "全部战略性新兴产业"
    return what + (f"、{b.region}" if b.region else "、全国及各省份")


def fmt_value(v: float | None, unit: str) -> str:
    """A warning value in its unit: shares as %, relative changes as signed %, places and counts as integers."""
    if v is None:
        return "—"
    if unit == "share":
        return pct(v)
    if unit == "ratio":
        return f"{v:+.1%}"
    if unit in ("places", "applications", "patents"):
        return f"{v:+.0f}" if unit == "places" else n(v)
    return num(v, 1)


def _threshold(spec: warning.Spec, level: int) -> float:
    return spec.thresholds[level - 1]


def _subject(a: dict) -> str:
    who = f"（{a['subject']}）" if a.get("subject") else ""
    return f"{a['name_zh']}{who} · {sei_label(a['sei'])} · {a['region']}"


def _findings(b: Bulletin) -> list[str]:
    levels = b.rules.levels
    now = [r for r in b.rows if r["year"] == b.year]
    evaluated = sum(r["level"] is not None for r in now)
    out = [
        f"本通报依据专利预警指标体系（{Path(b.rules.source).name}，{len(b.rules.indicators)} 项指标），评估{_scope(b)}"
        f" {b.year} 年（最近完整申请年）的专利态势，数据截至 {b.cutoff:%Y-%m-%d}，评估日 {b.as_of:%Y-%m-%d}。"
        f"共计算指标值 {n(len(now))} 个，其中 {n(evaluated)} 个基数达到评估要求。"
    ]
    count = Counter(a["level"] for a in b.alerts)
    if not b.alerts:
        out.append(f"{b.year} 年没有指标达到{levels[1]}及以上，未发出预警。")
    else:
        parts = "、".join(f"{levels[k]} **{count[k]}** 项" for k in (4, 3, 2, 1) if count[k])
        out.append(f"共发出预警 **{len(b.alerts)}** 项：{parts}。")
        top = b.alerts[0]["level"]
        worst = [a for a in b.alerts if a["level"] == top]
        for a in worst[:3]:
            spec = b.rules.get(a["indicator"])
            out.append(
                f"**{a['level_zh']}**：{_subject(a)}，指标值 {fmt_value(a['value'], a['unit'])}，"
                f"{'达到' if spec.direction == 'high' else '低于'}{a['level_zh']}阈值 {fmt_value(_threshold(spec, top), a['unit'])}。"
            )
        if len(worst) > 3:
            out.append(f"另有 {len(worst) - 3} 项{levels[top]}，见“预警详情”与附表。")
        kinds = Counter(a["name_zh"] for a in b.alerts).most_common(1)[0]
        seis = len({a["sei"] for a in b.alerts if a["name_zh"] == kinds[0]})
        out.append(f"预警最多的指标是{kinds[0]}（{kinds[1]} 项，涉及 {seis} 个产业分类）。")
    if b.region:
        mine = [a for a in b.alerts if a["region"] == b.region]
        out.append(
            f"{b.region}本地区指标预警 {len(mine)} 项"
            + (
                f"，最高为{mine[0]['level_zh']}（{mine[0]['name_zh']}，{sei_label(mine[0]['sei'])}）。"
                if mine
                else "。"
            )
        )
    if b.watches:
        new = sum(w["new_patents"] for w in b.watches)
        ev = sum(w["new_events"] for w in b.watches)
        out.append(
            f"监视清单 {len(b.watches)} 项，自各自上次运行以来共有新专利 {n(new)} 件、新法律事件 {n(ev)} 条。"
        )
    return out


# --- chapters ----------------------------------------------------------------------------------------------


def _overview(b: Bulletin) -> Section:
    levels = b.rules.levels
    count = Counter(a["level"] for a in b.alerts)
    by_level = C.DataTable({"level": "预警级别", "count": "预警（项）"},
                           [{"level": levels[k], "count": count[k]} for k in (4, 3, 2, 1)], "各级别预警数量",
                           {"count": "int"})  # fmt: skip
    kinds = Counter((a["name_zh"], a["level_zh"]) for a in b.alerts)
    by_kind = C.DataTable({"name": "预警指标", "level": "预警级别", "count": "预警（项）"},
                          [{"name": k[0], "level": k[1], "count": v} for k, v in sorted(kinds.items())],
                          formats={"count": "int"})  # fmt: skip
    rows = [{"no": i, "level": a["level_zh"], "name": a["name_zh"] + (f"（{a['subject']}）" if a["subject"] else ""),
             "sei": sei_label(a["sei"]), "region": a["region"], "value": fmt_value(a["value"], a["unit"]),
             "threshold": fmt_value(_threshold(b.rules.get(a["indicator"]), a["level"]), a["unit"])}
            for i, a in enumerate(b.alerts, 1)]  # fmt: skip
    table = C.DataTable({"no": "序号", "level": "级别", "name": "预警指标", "sei": "产业分类", "region": "地区",
                         "value": "指标值", "threshold": "触发阈值"}, rows, f"{b.year} 年预警一览（按严重程度）")  # fmt: skip
    blocks: list = [
        f"警级分为{'、'.join(levels)}五级。{b.year} 年共发出预警 {len(b.alerts)} 项，下表按严重程度排列，"
        f"前 {min(DETAILS, len(b.alerts))} 项在“预警详情”中逐项列出证据。",
        by_level,
    ]
    if b.alerts:
        order = list(levels[1:])[::-1]
        fig = C.bar("alert_kinds", "各指标预警数量", by_kind, "name", "count", color="level", horizontal=True,
                    note="按预警指标和级别统计。")  # fmt: skip
        fig.spec["encoding"]["color"]["scale"] = {"domain": order, "range": LEVEL_COLOURS[1:][::-1]}
        fig.spec["encoding"]["color"]["sort"] = order
        blocks += [fig, table]
    return Section("预警概况", blocks)


def _history_figure(
    key: str, title: str, rows: Rows, spec: warning.Spec, levels: tuple[str, ...]
) -> C.Figure:
    """The indicator over the years, points coloured by level, the four thresholds as dashed rules."""
    table = C.DataTable({"year": "年份", "value": "指标值", "level": "级别", "numerator": "分子",
                         "denominator": "分母", "base": "基数"}, rows, formats={"value": "num", "numerator": "num",
                         "denominator": "num", "base": "num"})  # fmt: skip
    data = alt.Data(
        values=[{k: r[k] for k in ("year", "value", "level")} for r in rows if r["value"] is not None]
    )
    x = alt.X("year:O", title="申请年")
    y = alt.Y("value:Q", title=f"{spec.name_zh}（{UNITS.get(spec.unit, spec.unit)}）")
    scale = alt.Scale(domain=[*levels, "未评估"], range=[*LEVEL_COLOURS, "#d0d0d0"])
    line = alt.Chart(data).mark_line(color=C.PALETTE[0]).encode(x=x, y=y)
    points = alt.Chart(data).mark_point(filled=True, size=70).encode(
        x=x, y=y, color=alt.Color("level:N", scale=scale, title="级别"),
        tooltip=[alt.Tooltip("year:O", title="年份"), alt.Tooltip("value:Q", title="指标值", format=".4~g"),
                 alt.Tooltip("level:N", title="级别")],
    )  # fmt: skip
    marks = alt.Data(values=[{"t": t, "label": f"{levels[i + 1]} {t:g}", "level": levels[i + 1]}
                             for i, t in enumerate(spec.thresholds)])  # fmt: skip
    rules = (
        alt.Chart(marks)
        .mark_rule(strokeDash=[4, 3], opacity=0.8)
        .encode(y="t:Q", color=alt.Color("level:N", scale=scale, legend=None))
    )
    text = (
        alt.Chart(marks)
        .mark_text(align="right", dy=-5, fontSize=9)
        .encode(
            y="t:Q",
            text="label:N",
            x=alt.value(C.WIDTH - 4),
            color=alt.Color("level:N", scale=scale, legend=None),
        )
    )
    chart = alt.layer(rules, text, line, points).properties(width=C.WIDTH, height=200)
    out = chart.to_dict()
    out["config"] = C.theme()
    return C.Figure(key, title, out, table, "虚线为各级阈值；灰点为基数不足、未评估的年份。")


def _detail(b: Bulletin, i: int, a: dict) -> Section:
    spec = b.rules.get(a["indicator"])
    lvl = a["level"]
    unit = a["unit"]
    rel = "不低于" if spec.direction == "high" else "不高于"
    nxt = (
        f"；升为{b.rules.levels[lvl + 1]}的阈值为 {fmt_value(spec.thresholds[lvl], unit)}" if lvl < 4 else ""
    )
    top, bottom = PARTS[spec.measure]

    def part(v: float | None, text: str) -> str:
        return text.replace("{}%", pct(v)) if text.endswith("%") else text.format(num(v, 1))

    basis = part(a["numerator"], "分子：" + top) + (
        "；" + part(a["denominator"], "分母：" + bottom) if bottom else ""
    )
    series = sorted((r for r in b.rows if (r["indicator"], r["sei"], r["region"], r["subject"] or None)
                     == (a["indicator"], a["sei"], a["region"], a["subject"])), key=lambda r: r["year"])  # fmt: skip
    hist = [
        {**r, "level": b.rules.levels[r["level"]] if r["level"] is not None else "未评估"} for r in series
    ]
    blocks: list = [
        f"{a['year']} 年{spec.name_zh}为 **{fmt_value(a['value'], unit)}**，{rel}{a['level_zh']}阈值 "
        f"{fmt_value(_threshold(spec, lvl), unit)}{nxt}。{basis}；基数 {num(a['base'], 1)}（最低基数 {num(spec.min_base)}）。",
    ]
    if len(hist) > 1:
        blocks.append(_history_figure(f"alert_{i}", f"{spec.name_zh}历年变化（{sei_label(a['sei'])}，{a['region']}）",
                                      hist, spec, b.rules.levels))  # fmt: skip
    else:
        blocks.append("该指标描述评估日的状态，没有历年序列。")
    blocks.append(Note(f"复现命令：{a['command']}"))
    return Section(f"【{a['level_zh']}】{_subject(a)}", blocks)


def _details(b: Bulletin) -> Section:
    shown = b.alerts[:DETAILS]
    blocks: list = [
        f"以下逐项列出{'全部' if len(shown) == len(b.alerts) else f'最严重的 {len(shown)} 项'}预警的证据：指标值、"
        "确定级别的阈值、分子与分母、历年变化及复现命令。"
    ]
    if not b.alerts:
        blocks = [f"{b.year} 年没有达到{b.rules.levels[1]}及以上的指标。"]
    return Section("预警详情", blocks, [_detail(b, i, a) for i, a in enumerate(shown, 1)])


def _watches(b: Bulletin) -> Section:
    if not b.watches:
        return Section("监视动态", ["专利库中没有监视清单（seip watch add applicant|ipc|keyword|sei …）。"])
    kinds = {"applicant": "申请人", "ipc": "IPC 分类", "keyword": "关键词", "sei": "产业分类"}
    rows = [{"id": w["watch_id"], "kind": kinds.get(w["kind"], w["kind"]), "value": w["value"], "label": w["label"],
             "matched": w["matched"], "new": w["new_patents"], "updated": w["updated_patents"], "events": w["new_events"]}
            for w in b.watches]  # fmt: skip
    summary = C.DataTable({"id": "编号", "kind": "类型", "value": "监视对象", "label": "备注", "matched": "匹配专利",
                           "new": "新专利", "updated": "更新", "events": "新法律事件"}, rows, "各监视对象的新动态",
                          {"matched": "int", "new": "int", "updated": "int", "events": "int"})  # fmt: skip
    blocks: list = [
        "监视清单（seip watch）中每个对象自其上次运行以来的新动态；本通报只读取，不推进监视进度，"
        "下次运行 seip watch run 仍会报告这些内容。",
        summary,
    ]
    new = [{"watch": w["value"], **p} for w in b.watches for p in w["new"]]
    if new:
        blocks.append(C.DataTable({"watch": "监视对象", "pub_number": "公开号", "title": "名称", "applicants": "申请人",
                                   "pub_date": "公开日"}, new, "新专利（每个监视对象最多 10 件）"))  # fmt: skip
    return Section("监视动态", blocks)


def _responses(b: Bulletin) -> Section:
    fired = {b.rules.get(a["indicator"]).measure for a in b.alerts}
    items = []
    for spec in b.rules.indicators:
        if spec.measure in RESPONSES and spec.measure not in {i[0] for i in items}:
            items.append((spec.measure, spec.name_zh))
    bullets = [f"**{name}{'（本期有预警）' if m in fired else ''}**：{RESPONSES[m]}" for m, name in items]
    return Section("应对建议", [
        "按指标类型给出政府部门、行业组织和企事业单位可采取的应对措施；本期发出预警的类型已标出。",
        Bullets(bullets),
    ])  # fmt: skip


def _matrix(b: Bulletin) -> Section:
    now = [r for r in b.rows if r["year"] == b.year]
    blocks: list = [f"{b.year} 年每个产业分类 × 地区的全部指标值；括号内为预警级别，* 表示基数不足、未评估。"]
    for scope, title in (("sei", "全国指标"), ("sei_region", "地区指标")):
        specs = [s for s in b.rules.indicators if s.scope == scope]
        cells: dict[tuple, dict] = {}
        for r in now:
            s = b.rules.get(r["indicator"])
            if s.scope != scope or r["value"] is None:
                continue
            key = (r["sei"], r["region"])
            text = fmt_value(r["value"], s.unit)
            if r["level"] is None:
                text += "*"
            elif r["level"] > 0:
                text += f"（{b.rules.levels[r['level']]}）"
            if r["subject"]:  # a watched competitor: one entry per competitor, named
                text = f"{r['subject']} {text}"
            row = cells.setdefault(key, {"sei": sei_label(r["sei"]), "region": r["region"]})
            row[s.id] = f"{row[s.id]}；{text}" if s.id in row else text
        if not cells:
            continue
        cols = {"sei": "产业分类", "region": "地区"} | {s.id: s.name_zh for s in specs}
        rows = [cells[k] for k in sorted(cells, key=lambda k: (sei_key(k[0]), k[1]))]
        blocks.append(C.DataTable(cols, rows, f"{title}（{b.year} 年）"))
    return Section("附表：指标值总表", blocks)


def _method(b: Bulletin) -> Section:
    names = {"foreign_share": "外国申请人占比", "growth": "较前三年均值增长", "concentration": "集中度",
             "region_share": "全国占比变化", "region_rank": "全国排名变化", "competitor_filings": "竞争对手新公开申请",
             "event_surge": "法律事件激增", "core_expiring": "核心专利即将期满", "core_lapsed": "核心专利近期失效"}  # fmt: skip
    rows = [{"id": s.id, "name": s.name_zh, "measure": names.get(s.measure, s.measure),
             "scope": "全国" if s.scope == "sei" else "省份", "direction": "越高越警" if s.direction == "high" else "越低越警",
             **{f"t{i}": fmt_value(t, s.unit) for i, t in enumerate(s.thresholds, 1)}, "min_base": s.min_base}
            for s in b.rules.indicators]  # fmt: skip
    lv = b.rules.levels
    table = C.DataTable({"id": "编号", "name": "指标", "measure": "测度", "scope": "范围", "direction": "方向",
                         "t1": lv[1], "t2": lv[2], "t3": lv[3], "t4": lv[4], "min_base": "最低基数"}, rows,
                        f"预警指标体系与阈值（{Path(b.rules.source).name}）", {"min_base": "num"})  # fmt: skip
    cmd = "seip warn" + (f" --sei {b.sei}" if b.sei else "") + (f" --region {b.region}" if b.region else "")
    cmd += f" --year {b.year} --as-of {b.as_of.isoformat()} --min-level 0 --json"
    cmd += f" --rules {b.rules_file}" if b.rules_file else ""
    return Section("方法说明", [
        f"研究范围：{_scope(b)}。评估年 {b.year} 年（按申请日；默认为最近完整申请年：发明专利申请自申请日起 18 个月公开），"
        f"并列出此前 {b.rules.history} 年；“较前三年均值”取评估年之前 {b.rules.trailing} 年。只统计向"
        f"{b.rules.office or '各专利局'}提出的申请，一件申请（同一申请号的多个公开文本）计 1 件，地区为第一申请人所在省份。",
        table,
        Bullets([
            f"方向为“越高越警”的指标：指标值 ≥ 第一个阈值为{lv[1]}，≥ 第二个为{lv[2]}，≥ 第三个为{lv[3]}，≥ 第四个为{lv[4]}，否则{lv[0]}；"
            "“越低越警”的指标以 ≤ 比较。",
            "基数（指标所依据的件数）低于最低基数的不评估：几件专利算出的占比不说明问题。",
            "核心专利：同一局、同一 IPC 小类、同一申请年中价值度前 10% 的专利（专利价值度见 docs/analysis.md）。",
            "关注的竞争对手来自监视清单中的申请人（seip watch add applicant …）。",
            f"全部指标值可复现：{cmd}；每项预警的复现命令列在其证据之后；加 --sql 可得 DuckDB SQL。",
            "阈值的依据见 docs/analysis.md（Early warning）；可复制指标体系文件修改阈值后以 --rules 指定。",
        ]),
        b.sources,
    ])  # fmt: skip


def build_report(b: Bulletin, publisher: str = "") -> Report:
    title = f"{b.region or ''}{industry(b.sei) if b.sei else '战略性新兴产业'}专利预警通报"
    subtitle = f"{b.year} 年 · 数据截至 {b.cutoff:%Y-%m-%d}"
    sections = [_overview(b), _details(b), _watches(b), _responses(b), _matrix(b), _method(b)]
    provenance = [("研究范围", _scope(b)), ("评估年", str(b.year)), ("评估日", b.as_of.isoformat()),
                  ("数据截止日", b.cutoff.isoformat()), ("预警指标体系", b.rules.source),
                  ("预警（项）", str(len(b.alerts))), ("生成日期", dt.date.today().isoformat())]  # fmt: skip
    return Report(title, subtitle, publisher, dt.date.today(), _findings(b), sections, provenance)


def bulletin(
    corpus: Corpus,
    out: str | Path,
    *,
    sei: str | None = None,
    region: str | None = None,
    year: int | None = None,
    as_of: dt.date | None = None,
    rules_file: Path | None = None,
    publisher: str = "",
    formats: tuple[str, ...] | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Bulletin, dict[str, Path]]:
    """Gather, write and render the bulletin; returns the figures and the files written by format."""
    from seip.reports.fonts import cjk_fonts

    cjk_fonts()
    out, formats = check_out(out, formats)
    data = gather(
        corpus, sei=sei, region=region, year=year, as_of=as_of, rules_file=rules_file, progress=progress
    )
    if progress:
        progress("compose")
    return data, render(build_report(data, publisher), out, formats, progress=progress)
