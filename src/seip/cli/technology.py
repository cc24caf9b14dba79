"""``seip technology``: technology composition (技术构成) by WIPO field or IPC main group, with recent growth.

May import: everything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from seip import i18n
from seip.cli._app import HomeOpt, JsonOpt, app, out, print_json
from seip.cli.stats import EngineOpt, StatsCommandError, _tables, _xlsx
from seip.i18n import t

i18n.register(
    {
        "tc_title": (
            "技术构成：{what}（近三年 {a}—{b}，前三年 {c}—{d}）",
            "technology composition: {what} (recent {a}–{b}, previous {c}–{d})",
        ),
        "tc_wipo": ("WIPO 技术领域", "WIPO technology field"),
        "tc_ipc_group": ("IPC 大组", "IPC main group"),
        "tc_name": ("名称", "name"),
        "tc_field": ("领域", "field"),
        "tc_count": ("申请量", "applications"),
        "tc_share": ("占比", "share"),
        "tc_recent": ("近三年", "recent"),
        "tc_previous": ("前三年", "previous"),
        "tc_growth": ("增长", "growth"),
        "tc_rank": ("排名", "rank"),
    }
)


@app.command("technology")
def technology_cmd(
    by: Annotated[
        str, typer.Option("--by", help="wipo|ipc_group（WIPO 技术领域或 IPC 大组）/ what to count by")
    ] = "wipo",
    sei: Annotated[str | None, typer.Option("--sei", help="战新产业代码，如 1.5 / SEI code")] = None,
    query: Annotated[str | None, typer.Option("--query", help="检索式 / search query")] = None,
    last: Annotated[
        int | None, typer.Option("--last", help="近三年的最后一年（默认最近完整申请年）/ last year")
    ] = None,
    top: Annotated[int, typer.Option("--top", help="显示前 N 名 / show the top N")] = 20,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="写入 Excel 文件 / write an xlsx file")] = None,
    engine: EngineOpt = "duckdb",
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """技术构成：按 WIPO 35 个技术领域或 IPC 大组统计申请量、占比、近三年与前三年申请量及增长（技术热点）。

    Example: seip technology --by ipc_group --sei 1.5 --top 30 --json
    """
    from seip.analysis import lifecycle, stats, technology
    from seip.taxonomy.wipo import wipo_fields

    if by not in technology.KINDS:
        raise StatsCommandError(f"--by {by}: choose wipo or ipc_group")
    with _tables(home, engine, as_json) as (corpus, tb):
        sel = lifecycle.select(tb, sei=sei)
        if query:
            from seip.store.search import match_numbers

            sel = stats.restrict(sel, match_numbers(corpus, query))
        if last is None:
            cutoff = lifecycle.data_cutoff(tb.patents).to_pyarrow()["cutoff"][0].as_py()
            if cutoff is None:
                raise StatsCommandError("the corpus has no publication dates: give --last")
            last = lifecycle.last_complete_year(cutoff)
        col = technology.KINDS[by][0]
        rows = technology.composition(sel, by, last=last).order_by(["rank", col]).to_pyarrow().to_pylist()
    en = i18n.lang() == "en"
    names = wipo_fields()
    for r in rows:
        r["name"] = names[r[col]].name(en) if by == "wipo" else None
    if as_json:
        print_json({"by": by, "sei": sei, "query": query, "recent": [last - 2, last],
                    "previous": [last - 5, last - 3], "rows": rows})  # fmt: skip
        return
    title = t("tc_title", what=t(f"tc_{by}"), a=last - 2, b=last, c=last - 5, d=last - 3)
    table = Table(*([t("tc_field"), t("tc_name")] if by == "wipo" else [t("tc_ipc_group")]), title=title)
    for key in ("count", "share", "recent", "previous", "growth", "rank"):
        table.add_column(t(f"tc_{key}"), justify="right")
    for r in rows[:top]:
        growth = "—" if r["growth"] is None else f"{r['growth']:+.1%}"
        name = [escape(r["name"])] if by == "wipo" else []
        table.add_row(str(r[col]), *name, f"{r['count']:,}", f"{r['share']:.1%}", f"{r['recent']:,}",
                      f"{r['previous']:,}", growth, str(r["rank"]))  # fmt: skip
    out.print(table)
    if xlsx:
        _xlsx(xlsx, {by: rows})
