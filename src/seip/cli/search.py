"""Search commands: ``seip search``, ``seip similar`` and ``seip index rebuild|sync|status``.

May import: everything.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from seip import i18n
from seip.cli._app import HomeOpt, JsonOpt, app, err, open_corpus, out, print_json
from seip.i18n import t

i18n.register(
    {
        "search_s_total": ("命中 {n} 件（第 {a}–{b} 件，用时 {ms} 毫秒）", "{n} hits ({a}–{b} shown, {ms} ms)"),
        "search_s_indexing": ("更新检索索引", "updating the search index"),
        "search_s_exported": ("已导出 {n} 件到 {path}", "exported {n} hits to {path}"),
        "search_s_index_done": ("检索索引：{n} 件专利", "search index: {n} patents"),
        "search_s_synced": ("检索索引已同步：{n} 件新增、更新或删除", "search index in step: {n} patents added, updated or removed"),
        "search_s_stale": ("需同步", "stale"),
        "search_s_current": ("已同步", "in step"),
        "search_s_missing": ("尚未建立（运行 seip index rebuild）", "not built yet (run seip index rebuild)"),
        "search_f_year": ("申请年", "filing year"),
        "search_f_sei": ("战新产业", "SEI category"),
        "search_f_sei_top": ("战新产业（一级）", "SEI (top level)"),
        "search_f_applicant": ("申请人", "applicant"),
        "search_f_province": ("省份", "province"),
        "search_f_type": ("专利类型", "patent type"),
        "search_f_legal_status": ("法律状态", "legal status"),
        "search_f_office": ("国别", "office"),
        "search_sim_of": ("与 {what} 最相似的专利", "patents most similar to {what}"),
    }
)  # fmt: skip

index_app = typer.Typer(no_args_is_help=True, help="检索索引的建立与同步 / search index")
app.add_typer(index_app, name="index")


def _progress():
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=not err.is_terminal,
    )


def _with_bar(bar: Progress, label: str):
    task = bar.add_task(label, total=None)
    return lambda done, total: bar.update(task, completed=done, total=total)


def _rich(marked: str) -> str:
    """``<em>`` highlights (HTML-safe text) as rich markup."""
    parts = re.split(r"(</?em>)", marked)
    text, bold = [], False
    for p in parts:
        if p in ("<em>", "</em>"):
            bold = p == "<em>"
            continue
        s = escape(html.unescape(p))
        text.append(f"[bold red]{s}[/]" if bold and s else s)
    return "".join(text)


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="检索式，如 'TI=锂电池 AND AD>=2020' / query")],
    limit: Annotated[int, typer.Option("--limit", help="每页件数 / hits per page")] = 20,
    page: Annotated[int, typer.Option("--page", help="页码（从 1 开始）/ page number")] = 1,
    sort: Annotated[
        str, typer.Option("--sort", help="relevance | date | date_asc | filed | filed_asc")
    ] = "relevance",
    facets: Annotated[bool, typer.Option("--facets/--no-facets", help="统计分面 / facet counts")] = True,
    export: Annotated[
        Path | None, typer.Option("--export", help="导出命中结果到 .xlsx 或 .csv / export hits")
    ] = None,
    export_limit: Annotated[int, typer.Option("--export-limit", help="最多导出件数 / hits exported")] = 5000,
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """命令行检索（字段、AND/OR/NOT、括号、短语、分类号前缀、日期范围），返回命中数、结果与分面统计。

    Example: seip search 'TI=锂电池 AND AD>=2020' --limit 20 --export hits.xlsx
    """
    from seip.store.search import search
    from seip.store.search.execute import SORTS
    from seip.store.search.export import export_hits

    if sort not in SORTS:
        raise typer.BadParameter(f"--sort: {', '.join(SORTS)}")
    with open_corpus(home, read_only=True) as corpus, _progress() as bar:
        result = search(
            corpus,
            query,
            limit=limit,
            offset=max(page - 1, 0) * limit,
            sort=sort,
            with_facets=facets,
            progress=_with_bar(bar, t("search_s_indexing")),
        )
        exported = export_hits(corpus, query, export, limit=export_limit, sort=sort) if export else None
    if as_json:
        print_json(result.to_json())
    else:
        _print_result(result)
    if exported is not None:
        (err if as_json else out).print(t("search_s_exported", n=f"{exported:,}", path=export))


def _print_result(result) -> None:
    a = result.offset + 1 if result.hits else 0
    out.print(
        t(
            "search_s_total",
            n=f"{result.total:,}",
            a=a,
            b=result.offset + len(result.hits),
            ms=f"{result.took_ms:.0f}",
        )
    )
    for i, h in enumerate(result.hits, start=result.offset + 1):
        score = f"  [dim]{h.score:.2f}[/]" if h.score is not None else ""
        out.print(f"[bold]{i:>3}. {escape(h.pub_number)}[/]  {_rich(h.title_marked)}{score}")
        meta = [
            "; ".join(h.applicants[:3]),
            h.app_date or "",
            i18n.label(h.legal_status or "unknown"),
            h.ipc_main or "",
            ",".join(h.sei_codes),
        ]
        out.print("      [dim]" + escape(" · ".join(m for m in meta if m)) + "[/]")
        if h.snippet:
            out.print("      " + _rich(h.snippet))
    _print_facets(result.facets)


def _print_facets(facets: dict) -> None:
    for name, rows in facets.items():
        if not isinstance(rows, list) or not rows:
            continue
        shown = rows if name == "year" else rows[:10]
        items = "  ".join(f"{escape(str(r['label']))} {r['count']:,}" for r in shown)
        out.print(f"[bold]{t('search_f_' + name)}[/]: {items}")


@app.command("similar")
def similar_cmd(
    pub: Annotated[str | None, typer.Argument(help="专利公开号 / publication number")] = None,
    text: Annotated[str | None, typer.Option("--text", help="按一段文字查找 / find by text")] = None,
    limit: Annotated[int, typer.Option("--limit", help="返回件数 / results")] = 10,
    valid: Annotated[bool, typer.Option("--valid", help="只看当前有效专利 / only patents in force")] = False,
    exclude_applicant: Annotated[
        list[str] | None,
        typer.Option("--exclude-applicant", help="排除某申请人（可重复）/ leave out an applicant"),
    ] = None,
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """相似专利（文本向量余弦相似度）：按公开号或一段文字；--valid --exclude-applicant 用于侵权风险初筛。

    Example: seip similar CN112345678A --valid --exclude-applicant 华为技术有限公司
    """
    from seip.store.search.similar import similar

    with open_corpus(home, read_only=True) as corpus:
        result = similar(
            corpus,
            pub=pub,
            text=text,
            limit=limit,
            valid_only=valid,
            exclude_applicants=exclude_applicant or [],
        )
    if as_json:
        print_json(result.to_json())
        return
    out.print(t("search_sim_of", what=escape(pub or (text or "")[:40])))
    for i, h in enumerate(result.hits, start=1):
        meta = " · ".join(x for x in ("; ".join(h.applicants[:3]), h.app_date or "", h.ipc_main or "") if x)
        status = i18n.label(h.legal_status or "unknown")
        out.print(f"[bold]{i:>3}. {escape(h.pub_number)}[/]  {h.score:.3f}  {escape(h.title or '')}")
        out.print(f"      [dim]{escape(meta)} · {escape(status)}[/]")


@index_app.command("rebuild")
def index_rebuild(home: HomeOpt = None, as_json: JsonOpt = False) -> None:
    """从头重建检索索引（建好后整体替换，检索不受影响）。

    Example: seip index rebuild
    """
    from seip.store.search import rebuild

    with open_corpus(home, read_only=True) as corpus, _progress() as bar:
        n = rebuild(corpus, progress=_with_bar(bar, t("search_s_indexing")))
    print_json({"indexed": n}) if as_json else out.print(t("search_s_index_done", n=f"{n:,}"))


@index_app.command("sync")
def index_sync(home: HomeOpt = None, as_json: JsonOpt = False) -> None:
    """把检索索引与专利库同步（新增、更新、删除的专利；重新分类之后也用它）。

    Example: seip index sync --json
    """
    from seip.store.search import sync

    with open_corpus(home, read_only=True) as corpus, _progress() as bar:
        n = sync(corpus, progress=_with_bar(bar, t("search_s_indexing")))
    print_json({"synced": n}) if as_json else out.print(t("search_s_synced", n=f"{n:,}"))


@index_app.command("status")
def index_status(home: HomeOpt = None, as_json: JsonOpt = False) -> None:
    """检索索引的状态：文档数、段数、是否与专利库同步。

    Example: seip index status --json
    """
    from seip.store.search import status

    with open_corpus(home, read_only=True) as corpus:
        data = status(corpus)
    if as_json:
        print_json(data)
        return
    if not data["exists"]:
        out.print(f"{escape(data['path'])}: {t('search_s_missing')}")
        return
    state = t("search_s_stale") if data["stale"] else t("search_s_current")
    out.print(f"{escape(data['path'])}: {data['docs']:,} · {data['segments']} segments · {state}")
