"""The lapsed-patent compilation (战略性新兴产业失效专利文献汇编): ``seip report lapsed --sei 1.5 [--since 2020]
[--region 省份] [--query Q] --out 失效专利汇编.pdf``.

May import: seip.analysis, seip.store, seip.taxonomy, seip.reports, seip.errors, stdlib, ibis, pyarrow.

The entries are :func:`seip.analysis.lapsed.lapsed_table` (reason and date of the end, most valuable first),
narrowed to a search query (before the table is made, so an application counts when any of its documents
matches) and to the first applicant's province, with an abstract excerpt and a group: the IPC subclass of the
main classification, or the technology branch of the patent map (:mod:`seip.reports.patent_map`). Two documents
come out: a formatted workbook of every entry (:mod:`seip.reports.lapsed_book`) and a PDF/HTML (cover, findings,
charts of reasons and years, then the most valuable entries grouped), both with the same stem.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from seip.analysis import lapsed, stats
from seip.analysis._backend import connect, tables
from seip.analysis.value_cache import cached_values
from seip.errors import SeipError
from seip.reports import charts as C
from seip.reports.builder import FORMATS, Bullets, Note, Report, Section, render
from seip.reports.published import PATENT_TYPES, check_out, cutoff, industry, ipc_titles, n, pct, sources
from seip.store import Corpus

LIMIT = 300  # entries printed in the PDF (the workbook holds all)
EXCERPT = 180  # characters of the abstract
BASIS = {"event": "法律事件日期", "term": "按法定期限推算", "unknown": "日期未知"}
UNGROUPED = "未归入技术分支"


class LapsedReportError(SeipError):
    """The selection is empty or an option cannot be used."""


@dataclass
class Compilation:
    """Every entry (an Arrow table, most valuable first) and what the documents say about them."""

    sei: str | None
    region: str | None
    query: str | None
    since: dt.date | None
    as_of: dt.date
    cutoff: dt.date
    group_by: str
    entries: pa.Table  # lapsed_table columns + abstract, group
    sources: C.DataTable

    @property
    def total(self) -> int:
        return self.entries.num_rows

    def selection(self) -> dict[str, Any]:
        return {"sei": self.sei, "region": self.region, "query": self.query, "since": self.since,
                "as_of": self.as_of}  # fmt: skip


def _abstracts(tb, pubs: pa.Array) -> pa.Table:
    keep = ibis.memtable(pa.table({"_p": pubs}))
    p = tb.patents
    p = p.semi_join(keep, p.pub_number == keep._p)
    return p.select(
        "pub_number", abstract=ibis.coalesce(p.abstract, p.abstract_en, p.first_claim)
    ).to_pyarrow()


def _branches(corpus: Corpus, sei: str | None, query: str | None, pubs: pa.Array, say) -> pa.Array:
    """The patent-map branch of each entry (``n. label``), ``UNGROUPED`` outside every branch."""
    from seip.reports.landscape_data import REPORT_LAYOUT
    from seip.reports.patent_map import build_map

    pm = build_map(corpus, sei=sei, query=query, title="", layout_sample=REPORT_LAYOUT, progress=say)
    names = [UNGROUPED] * (len(pm.clusters) + 1)  # branch ids run 1, 2, … by size; -1 = in no branch
    for c in pm.clusters:
        names[c.id] = f"{c.id}. {c.label}"
    pos = pc.index_in(pubs, value_set=pm.pub_numbers).fill_null(-1).to_numpy(zero_copy_only=False)
    branch = np.where(pos >= 0, pm.cluster[np.maximum(pos, 0)], -1)
    return pa.array(names).take(pa.array(np.where(branch > 0, branch, 0)))


def gather(
    corpus: Corpus,
    *,
    sei: str | None = None,
    since: dt.date | None = None,
    region: str | None = None,
    query: str | None = None,
    group_by: str = "ipc",
    as_of: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> Compilation:
    """The compilation's entries: lapsed_table of the selection with abstract excerpt and group."""
    say = progress or (lambda _: None)
    if group_by not in ("ipc", "branch"):
        raise LapsedReportError(
            f"--group {group_by!r}: choose ipc (IPC subclass) or branch (patent-map branch)"
        )
    if region:
        from seip.analysis.population import RegionError, resolve_region

        try:
            r = resolve_region(region)
        except RegionError as exc:
            raise LapsedReportError(str(exc)) from None
        if r.level != "province":
            raise LapsedReportError(f"{region}: give a province (the first applicant's province is compared)")
        region = r.name
    say("analysis")
    engine = connect(corpus)
    tb = tables(engine)
    cut = cutoff(tb)
    day = as_of or dt.date.today()
    say("value")
    values = cached_values(engine, tb, day)
    sel = tb
    if query:
        from seip.store.search import match_numbers

        sel = stats.restrict(tb, match_numbers(corpus, query))
    say("lapsed")
    t = lapsed.lapsed_table(sel, as_of=day, sei=sei, since=since, values=values).to_pyarrow()
    if region:
        t = t.filter(pc.equal(t.column("province"), pa.scalar(region)))
    if t.num_rows == 0:
        raise LapsedReportError("no lapsed patents match the selection (SEI code, since, region, query)")
    # Renumber after the region filter: rank is the place in this compilation.
    t = t.set_column(t.schema.get_field_index("rank"), "rank", pa.array(range(1, t.num_rows + 1), pa.int64()))
    ab = _abstracts(tb, t.column("pub_number"))
    idx = pc.index_in(t.column("pub_number"), value_set=ab.column("pub_number"))
    text = pc.utf8_trim_whitespace(ab.column("abstract").take(idx))
    short = pc.utf8_slice_codeunits(text, 0, EXCERPT)
    long = pc.greater(pc.utf8_length(text), EXCERPT)
    t = t.append_column("abstract", pc.if_else(long, pc.binary_join_element_wise(short, "…", ""), text))
    if group_by == "branch":
        say("map")
        group = _branches(corpus, sei, query, t.column("pub_number"), say)
    else:
        group = pc.fill_null(pc.utf8_slice_codeunits(t.column("ipc_main"), 0, 4), "未分类")
    t = t.append_column("group", group)
    return Compilation(sei, region, query, since, day, cut, group_by, t, sources(corpus))


# --- words -------------------------------------------------------------------------------------------------


def scope(d: Compilation) -> str:
    parts = [f"{industry(d.sei)}（战略性新兴产业 {d.sei}）" if d.sei else "专利库全部专利"]
    if d.query:
        parts.append(f"检索式“{d.query}”命中")
    if d.region:
        parts.append(f"第一申请人在{d.region}")
    return "、".join(parts)


def title(d: Compilation) -> str:
    return f"{d.region or ''}{industry(d.sei) if d.sei else '战略性新兴产业'}失效专利文献汇编"


def counts(t: pa.Table, column: str) -> list[tuple[Any, int]]:
    """Values of ``column`` with their row counts, largest first (ties by value)."""
    g = t.group_by(column).aggregate([(column, "count")]).to_pylist()
    return sorted(((r[column], r[f"{column}_count"]) for r in g), key=lambda x: (-x[1], str(x[0])))


def end_years(t: pa.Table) -> list[dict[str, Any]]:
    """Entries by year of lapse and reason: the year ended where known (``dated``), else the earliest year it
    can have happened (``ended_after``)."""
    dated = pc.is_valid(t.column("end_date"))
    y = pc.year(pc.coalesce(t.column("end_date"), t.column("ended_after")))
    g = pa.table({"year": y, "reason": t.column("reason"), "dated": dated})
    g = g.filter(pc.is_valid(y)).group_by(["year", "reason", "dated"]).aggregate([("year", "count")])
    return sorted(({"year": r["year"], "reason": lapsed.REASONS[r["reason"]][0], "dated": r["dated"],
                    "count": r["year_count"]} for r in g.to_pylist()),
                  key=lambda r: (r["year"], r["reason"], not r["dated"]))  # fmt: skip


def holders(t: pa.Table, top: int = 10) -> list[tuple[str, int]]:
    first = pc.utf8_trim_whitespace(
        pc.list_element(pc.split_pattern(pc.fill_null(t.column("applicants"), ""), "; "), 0)
    )
    return [(k, v) for k, v in counts(pa.table({"h": first}), "h") if k][:top]


def _findings(d: Compilation, shown: int) -> list[str]:
    t = d.entries
    since = f"失效日不早于 {d.since:%Y-%m-%d}" if d.since else "不限失效时间"
    undated = t.num_rows - pc.sum(pc.is_valid(t.column("end_date"))).as_py()
    out = [
        f"截至 {d.as_of:%Y-%m-%d}，{scope(d)}已失效（终止、届满、无效、放弃、撤回、驳回）的专利申请共 **{n(d.total)}** 件（{since}；"
        f"失效日期未知的 {n(undated)} 件按其可能的最早失效日判断）。数据截至 {d.cutoff:%Y-%m-%d}。"
    ]
    reasons = counts(t, "reason")
    out.append(
        "按失效原因："
        + "，".join(f"{lapsed.REASONS[r][0]} {n(k)} 件（{pct(k / d.total)}）" for r, k in reasons)
        + "。"
    )
    years = Counter()
    for r in end_years(t):
        if r["dated"]:
            years[r["year"]] += r["count"]
    if years:
        y, k = max(years.items(), key=lambda x: (x[1], x[0]))
        out.append(f"有确切失效日期的 {n(sum(years.values()))} 件中，{y} 年失效最多（{n(k)} 件）。")
    else:
        out.append(
            "数据中没有这些专利的失效日期（法律事件），图表按其可能的最早失效年份（授权日或公开日所在年份）统计。"
        )
    scored = pc.sum(pc.is_valid(t.column("value_score"))).as_py()
    core = pc.sum(t.column("core")).as_py() or 0
    best = t.slice(0, 1).to_pylist()[0]
    if scored:
        out.append(
            f"可评价值度的 {n(scored)} 件中，按价值度属于其群组前 10% 的核心专利 {n(core)} 件；价值最高的是 {best['pub_number']}"
            f"“{best['title']}”（{best['value_score']:.1f}，{lapsed.REASONS[best['reason']][0]}）。"
        )
    groups = counts(t, "group")
    word = "IPC 小类" if d.group_by == "ipc" else "技术分支"
    out.append(f"涉及{word} {len(groups)} 个，最多的是 {groups[0][0]}（{n(groups[0][1])} 件）。")
    top = holders(t, 3)
    if top:
        out.append("原申请（专利权）人以 " + "、".join(f"{h}（{n(k)} 件）" for h, k in top) + " 居前。")
    out.append(
        f"汇编一章按{word}分组列出价值最高的 {n(shown)} 件" + ("（即全部）" if shown == d.total else "")
        + "；全部条目见同名 .xlsx 工作簿（按价值排序，含按失效原因和按产业分类的工作表）。"
    )  # fmt: skip
    return out


# --- chapters ----------------------------------------------------------------------------------------------


def _overview(d: Compilation) -> Section:
    t = d.entries
    reasons = C.DataTable({"reason": "失效原因", "count": "件数", "share": "占比"},
                          [{"reason": lapsed.REASONS[r][0], "count": k, "share": k / d.total} for r, k in counts(t, "reason")],
                          "失效专利按原因", {"count": "int", "share": "pct"})  # fmt: skip
    by_year: Counter = Counter()
    for r in end_years(t):
        by_year[(r["year"], "有确切失效日期" if r["dated"] else "日期未知（最早可能年份）")] += r["count"]
    years = C.DataTable({"year": "失效年份", "basis": "日期", "count": "件数"},
                        [{"year": y, "basis": b, "count": k} for (y, b), k in sorted(by_year.items())],
                        formats={"count": "int"})  # fmt: skip
    kinds = C.DataTable({"type": "专利类型", "count": "件数"},
                        [{"type": PATENT_TYPES.get(k, k or "未知"), "count": v} for k, v in counts(t, "patent_type")],
                        "失效专利按类型", {"count": "int"})  # fmt: skip
    titles = ipc_titles()
    groups = [{"group": g, "title": titles.get(g, "") if d.group_by == "ipc" else "", "count": k}
              for g, k in counts(t, "group")[:15]]  # fmt: skip
    gt = C.DataTable({"group": "IPC 小类" if d.group_by == "ipc" else "技术分支", "title": "小类名称（英文）",
                      "count": "件数"}, groups, formats={"count": "int"})  # fmt: skip
    if d.group_by != "ipc":
        gt.columns.pop("title")
    top = C.DataTable({"holder": "原申请（专利权）人", "count": "件数"},
                      [{"holder": h, "count": k} for h, k in holders(t)], "失效专利较多的原申请人（前10位）", {"count": "int"})  # fmt: skip
    blocks: list = [
        "失效专利的技术方案已进入公有领域，可以自由实施；价值度较高者适合二次开发、改进后重新申请，或作为规避设计的参考。"
        "下图为失效原因和失效年份的分布。",
        C.donut("reasons", "失效原因构成", reasons, "reason", "count", note=f"共 {n(d.total)} 件。"),
        reasons,
    ]
    if years.rows:
        fig = C.bar("end_years", "各年失效专利数量", years, "year", "count", color="basis",
                    note="失效年份取法律事件日期或法定期限；数据没有失效日期的，按其可能的最早失效年份"
                    "（权利：授权日；申请：公开日）计入，以浅色标出。")  # fmt: skip
        fig.spec["encoding"]["color"]["scale"] = {"domain": ["有确切失效日期", "日期未知（最早可能年份）"],
                                                  "range": [C.PALETTE[0], "#a9c4de"]}  # fmt: skip
        blocks.append(fig)
    blocks += [
        C.bar("groups", f"失效专利较多的{'IPC 小类' if d.group_by == 'ipc' else '技术分支'}（前15位）", gt, "group",
              "count", horizontal=True, sort_by_value=True, height=max(160, 22 * len(groups))),
        kinds,
    ]  # fmt: skip
    if top.rows:
        blocks.append(top)
    return Section("概况", blocks)


def _entry(r: dict[str, Any]) -> list:
    who = r["applicants"] or "—"
    if r["end_date"]:
        end = f"{r['end_date']}（{BASIS[r['end_basis']]}）"
    else:
        end = f"日期未知，不早于 {r['ended_after']}" if r["ended_after"] else "日期未知"
    score = f"{r['value_score']:.1f}" if r["value_score"] is not None else "—"
    meta = [f"原申请（专利权）人：{who}", f"申请号 {r['app_number'] or '—'}", f"申请日 {r['app_date'] or '—'}",
            f"授权日 {r['grant_date'] or '—'}", f"失效：{lapsed.REASONS[r['reason']][0]}，{end}",
            f"价值度 {score}{'（核心专利）' if r['core'] else ''}", f"IPC {r['ipc_main'] or '—'}"]  # fmt: skip
    blocks: list = [
        f"**{r['rank']}. {r['pub_number']}　{r['title'] or '（无标题）'}**",
        Note("｜".join(meta)),
    ]
    if r["abstract"]:
        blocks.append(Note(f"摘要：{r['abstract']}"))
    return blocks


def _compilation(d: Compilation, limit: int) -> Section:
    shown = d.entries.slice(0, limit) if limit else d.entries
    titles = ipc_titles()
    order = [g for g, _ in counts(shown, "group")]
    children = []
    rows = shown.to_pylist()
    for g in order:
        mine = [r for r in rows if r["group"] == g]
        name = f"{g}（{titles[g]}）" if d.group_by == "ipc" and g in titles else g
        blocks = [f"{n(len(mine))} 件，按价值度从高到低。"]
        for r in mine:
            blocks += _entry(r)
        children.append(Section(name, blocks))
    word = "IPC 小类（主分类号）" if d.group_by == "ipc" else "专利地图技术分支"
    intro = (f"按{word}分组，组按件数从多到少，组内按价值度从高到低；序号为全部失效专利中的价值排序。"
             + (f"本章列出价值最高的 {n(len(rows))} 件，全部 {n(d.total)} 件见同名 .xlsx 工作簿。" if len(rows) < d.total else ""))  # fmt: skip
    return Section("失效专利汇编", [intro], children)


def _method(d: Compilation) -> Section:
    notes = lapsed.notes(d.selection(), d.total)
    group = ("IPC 小类取主分类号的前四位" if d.group_by == "ipc" else
             "技术分支为专利地图（文本向量、PaCMAP 布局、HDBSCAN 聚类、c-TF-IDF 命名）的分支，见 docs/reports.md")  # fmt: skip
    cmd = (
        "seip lapsed"
        + (f" --sei {d.sei}" if d.sei else "")
        + (f" --since {d.since:%Y-%m-%d}" if d.since else "")
    )
    cmd += f" --as-of {d.as_of:%Y-%m-%d} --out 失效专利.xlsx"
    return Section("方法说明", [
        f"研究范围：{scope(d)}。评估日 {d.as_of:%Y-%m-%d}，数据截止日 {d.cutoff:%Y-%m-%d}（专利库最新公开日）。",
        Bullets([f"**{k}**：{v}" for k, v in notes[1:]] + [
            f"**分组**：{group}。",
            "**地区**：第一申请人所在省份。**检索式**：一件申请的任一公开文本命中即选入。",
            f"**复现**：{cmd}（不含地区和检索式条件）；定义见 docs/analysis.md（Lapsed patents）。",
        ]),
        d.sources,
    ])  # fmt: skip


def build_report(d: Compilation, publisher: str = "", limit: int = LIMIT) -> Report:
    shown = min(limit, d.total) if limit else d.total
    since = f"失效日不早于 {d.since:%Y-%m-%d} · " if d.since else ""
    provenance = [("研究范围", scope(d)), ("失效日不早于", d.since.isoformat() if d.since else "—"),
                  ("评估日", d.as_of.isoformat()), ("数据截止日", d.cutoff.isoformat()), ("失效专利（件）", str(d.total)),
                  ("生成日期", dt.date.today().isoformat())]  # fmt: skip
    return Report(title(d), f"{since}数据截至 {d.cutoff:%Y-%m-%d}", publisher, dt.date.today(), _findings(d, shown),
                  [_overview(d), _compilation(d, limit), _method(d)], provenance)  # fmt: skip


def lapsed_report(
    corpus: Corpus,
    out: str | Path,
    *,
    sei: str | None = None,
    since: dt.date | None = None,
    region: str | None = None,
    query: str | None = None,
    group_by: str = "ipc",
    limit: int = LIMIT,
    as_of: dt.date | None = None,
    publisher: str = "",
    formats: tuple[str, ...] | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Compilation, dict[str, Path]]:
    """Gather the compilation and write the workbook (``.xlsx``) and the PDF/HTML with the same stem."""
    from seip.reports.fonts import cjk_fonts
    from seip.reports.lapsed_book import write_book

    cjk_fonts()
    out, formats = check_out(out, formats)
    if limit < 0:
        raise LapsedReportError("--limit must be 0 (every entry) or more")
    d = gather(corpus, sei=sei, since=since, region=region, query=query, group_by=group_by, as_of=as_of,
               progress=progress)  # fmt: skip
    written: dict[str, Path] = {}
    typeset = tuple(f for f in formats if f != "xlsx")
    if typeset:
        if progress:
            progress("compose")
        report = build_report(d, publisher, limit)
        written.update(render(report, out.with_suffix(f".{typeset[0]}"), typeset, progress=progress))
    if "xlsx" in formats:
        if progress:
            progress("xlsx")
        written["xlsx"] = write_book(d, out.with_suffix(".xlsx"), publisher)
    return d, {f: written[f] for f in FORMATS if f in written}
