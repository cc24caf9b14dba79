"""Corpus commands: import, info, quarantine, check, export, generate, demo.

May import: everything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn
from rich.table import Table

from seip import i18n
from seip.cli._app import HomeOpt, JsonOpt, app, err, open_corpus, out, print_json
from seip.errors import SeipError
from seip.i18n import t


@app.command("import")
def import_cmd(
    files: Annotated[list[Path], typer.Argument(help="要导入的文件（格式自动识别）/ files, any mix")],
    home: HomeOpt = None,
    as_json: JsonOpt = False,
    index: Annotated[
        bool,
        typer.Option("--index/--no-index", help="导入后更新检索索引 / update the search index afterwards"),
    ] = True,
) -> None:
    """导入专利文件（incoPat、Patentics、CNIPA/PatSnap 表格、USPTO XML、EPO OPS XML、JSONL、Parquet），并更新检索索引。

    Example: seip import ~/Downloads/*.xlsx ipg120327.xml
    """
    from seip.store.importing import COUNT_KEYS, import_file

    results = []
    with open_corpus(home) as corpus:
        show = not as_json and err.is_terminal
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), console=err, disable=not show
        ) as bar:
            for f in files:
                task = bar.add_task(f"{f.name}", total=None)
                res = import_file(
                    corpus,
                    f,
                    progress=lambda n, task=task, f=f: bar.update(
                        task, description=f"{f.name}: {n:,} {t('rows_read')}"
                    ),
                )
                bar.remove_task(task)
                results.append(res)
                if not as_json:
                    _print_result(res)
            if index and any(r.imported or r.updated for r in results):
                _sync_index(corpus, bar)
    totals = {k: sum(getattr(r, k) for r in results) for k in COUNT_KEYS}
    if as_json:
        print_json({"files": [_result_json(r) for r in results], "totals": totals})
    elif len(results) > 1:
        out.print(f"[bold]{t('total')}[/]: " + "  ".join(f"{t(k)} {v:,}" for k, v in totals.items()))
    if any(r.status != "ok" for r in results):
        raise typer.Exit(1)


def _sync_index(corpus, bar: Progress) -> None:
    """Bring the search index in step with the corpus; a failure is reported, never undoes the import (the
    next search syncs again)."""
    from seip.store.search import sync

    task = bar.add_task(t("indexing"), total=None)
    try:
        sync(corpus, progress=lambda done, total: bar.update(task, completed=done, total=total))
    except SeipError as exc:
        err.print(f"[yellow]{t('index_failed')}[/] {escape(str(exc))}")
    finally:
        bar.remove_task(task)


def _result_json(r) -> dict:
    return {
        "file": r.file,
        "format": r.source_format,
        "status": r.status,
        "error": r.error,
        "import_id": r.import_id,
        **r.counts(),
        "events_added": r.events_added,
        "unmapped_columns": r.unmapped_columns,
        "ignored_columns": r.ignored_columns,
        "quality": [
            c.__dict__ for c in r.checks if c.status != "ok" or (c.name == "empty_share" and c.value > 0.5)
        ],
    }


def _print_result(r) -> None:
    if r.status != "ok":
        err.print(f"[red]{t('failed')}[/] {escape(r.error or '')}")
        return
    counts = "  ".join(f"{t(k)} {v:,}" for k, v in r.counts().items())
    out.print(
        f"[bold]{escape(r.file)}[/] {escape(f'[{r.source_format}]')}  {counts}"
        + (f"  {t('events_added')} {r.events_added:,}" if r.events_added else "")
    )
    if r.unmapped_columns:
        out.print(f"  {t('unmapped')}: {escape(', '.join(r.unmapped_columns))}")
    _print_quality(r.checks)


def _print_quality(checks: list) -> None:
    empty = sorted((c for c in checks if c.name == "empty_share" and c.value > 0), key=lambda c: -c.value)
    flags = [
        c
        for c in checks
        if c.kind == "metric" and (c.name.startswith("flag_") or c.name == "invalid_symbols")
    ]
    failed = [c for c in checks if c.kind == "check" and c.status == "fail"]
    dups = next((c for c in checks if c.name == "duplicates_conflicting" and c.value), None)
    line = f"  {t('qa_title')}: {t('qa_empty')} " + ", ".join(f"{c.field} {c.value:.0%}" for c in empty[:6])
    out.print(line)
    if flags:
        out.print(
            f"  {t('qa_flags')}: "
            + "; ".join(f"{c.field} {c.name.removeprefix('flag_')} {int(c.value)}" for c in flags)
        )
    if dups:
        out.print(f"  {t('qa_dups')}: {int(dups.value)} ({escape(dups.detail or '')})")
    out.print(
        f"  {t('qa_failed_checks')}: " + ", ".join(f"{c.name}/{c.field} {int(c.value)}" for c in failed)
        if failed
        else f"  {t('qa_ok')}"
    )


@app.command()
def info(home: HomeOpt = None, as_json: JsonOpt = False) -> None:
    """专利库概况：按来源、国别、类型、年份、法律状态统计。

    Example: seip info --json
    """
    from seip.store.summary import corpus_info

    with open_corpus(home, read_only=True) as corpus:
        data = corpus_info(corpus)
    if as_json:
        print_json(data)
        return
    out.print(
        f"[bold]{t('corpus')}[/]: {t('patents')} {data['patents']:,}  {t('valid')} {data['valid']:,}  "
        f"{t('legal_events')} {data['legal_events']:,}  {t('quarantined_rows')} {data['quarantined_rows']:,}  "
        f"{t('invalid_ipc_symbols')} {data['invalid_ipc_symbols']:,}"
    )
    out.print(
        f"{t('sei_classified_info')} {data['sei']['classified']:,}  {t('sei_strict_info')} "
        f"{data['sei']['classified_strict']:,}  {t('unknown_ipc_symbols')} {data['unknown_ipc_symbols']:,}"
        + (f" ({escape(data['unknown_ipc_examples'][:80])})" if data["unknown_ipc_symbols"] else "")
        + f"  {t('bare_ipc_subclasses')} {data['bare_ipc_subclasses']:,}"
    )
    for key in (
        "source_format",
        "pub_country",
        "patent_type",
        "legal_status",
        "app_year",
        "province",
        "quality_flags",
    ):
        items = data[key]
        if key == "app_year":
            items = dict(sorted(items.items(), reverse=True)[:25])
        table = Table(title=t(key), show_header=False, box=None)
        for k, v in list(items.items())[:25]:
            table.add_row(i18n.label(str(k)), f"{v:,}")
        out.print(table)


@app.command()
def quarantine(
    home: HomeOpt = None,
    file: Annotated[str | None, typer.Option(help="按文件名筛选 / filter by file")] = None,
    limit: Annotated[int, typer.Option(help="最多显示行数 / rows to show")] = 200,
    as_json: JsonOpt = False,
) -> None:
    """列出被隔离的行：文件、行号、字段、原因。

    Example: seip quarantine --file chatbot --json
    """
    from seip.store.summary import quarantine_rows

    with open_corpus(home, read_only=True) as corpus:
        rows = quarantine_rows(corpus, file, limit)
    if as_json:
        print_json(rows)
        return
    if not rows:
        out.print(t("no_quarantine"))
        return
    table = Table(t("file"), t("row"), t("field"), t("value"), t("reason"))
    for r in rows:
        table.add_row(
            Path(r["file"]).name, str(r["source_row"]), r["field"] or "", (r["value"] or "")[:40], r["reason"]
        )
    out.print(table)


@app.command()
def check(
    home: HomeOpt = None,
    import_id: Annotated[int | None, typer.Option(help="导入批次 / import id")] = None,
    as_json: JsonOpt = False,
) -> None:
    """数据质量报告（默认最近一次导入）。

    Example: seip check --json
    """
    from seip.store.summary import last_checks

    with open_corpus(home, read_only=True) as corpus:
        iid, rows = last_checks(corpus, import_id)
    if as_json:
        print_json({"import_id": iid, "results": rows})
        return
    table = Table(
        "kind", "check", t("field"), t("value"), "detail", "status", title=f"{t('qa_title')} #{iid}"
    )
    for r in rows:
        if r["check_name"] == "empty_share" and not r["value"]:
            continue
        table.add_row(
            r["kind"],
            r["check_name"],
            r["field"] or "",
            f"{r['value']:g}",
            (r["detail"] or "")[:60],
            r["status"],
        )
    out.print(table)


@app.command()
def export(
    out_path: Annotated[Path, typer.Option("--out", help="输出文件 / output file")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv|xlsx|jsonl|parquet（默认按扩展名）")
    ] = None,
    where: Annotated[
        list[str] | None,
        typer.Option("--where", help="筛选，如 pub_country=CN、app_date>=2020-01-01、ipc=G06F16/33"),
    ] = None,
    home: HomeOpt = None,
) -> None:
    """导出专利库（可筛选），字段名与导入格式一致，可再次导入。

    Example: seip export --format xlsx --out all.xlsx --where pub_country=CN
    """
    from seip.store.export import export as do_export

    with open_corpus(home, read_only=True) as corpus:
        n = do_export(corpus, out_path, fmt, where or [])
    out.print(t("exported", n=f"{n:,}", path=out_path))


@app.command()
def generate(
    out_path: Annotated[Path, typer.Option("--out", help="输出文件（.jsonl/.parquet/.csv/.xlsx）")] = Path(
        "demo.jsonl"
    ),
    n: Annotated[int, typer.Option("--n", help="条数 / rows")] = 10_000,
    seed: Annotated[int, typer.Option("--seed", help="随机种子 / seed")] = 0,
) -> None:
    """生成合成专利数据（source_format = synthetic），用于演示和性能测试，不能替代真实数据。

    Example: seip generate --n 1000000 --seed 1 --out big.parquet
    """
    from seip.store.files import write_batches
    from seip.synthetic import generate_batches

    written = write_batches(generate_batches(n, seed), out_path)
    out.print(t("generated", n=f"{written:,}", path=out_path))


@app.command()
def demo(
    home: HomeOpt = None,
    n: Annotated[int, typer.Option("--n", help="演示数据条数 / rows")] = 20_000,
    seed: Annotated[int, typer.Option("--seed")] = 0,
) -> None:
    """演示：生成合成专利库、导入、显示概况和战略性新兴产业专题库，并写出一份产业专利态势报告。

    Example: seip demo --n 20000
    """
    from seip.store import default_home

    target = home or default_home()
    data = target / "demo" / f"synthetic_{n}_{seed}.parquet"
    out.print(t("demo_step", step=f"seip generate --n {n} --seed {seed} --out {data}"))
    generate(data, n, seed)
    out.print(t("demo_step", step=f"seip import {data}"))
    import_cmd([data], home, False)
    out.print(t("demo_step", step="seip info"))
    info(home, False)
    from seip.cli.sei import list_cmd

    out.print(t("demo_step", step="seip sei list"))
    list_cmd(home, False, False)
    from seip.cli.reports import landscape_cmd

    # The main job ends with a published document: the landscape report of one whole industry.
    report = target / "reports" / t("demo_report_file")
    report.parent.mkdir(parents=True, exist_ok=True)
    out.print(t("demo_step", step=f"seip report landscape --sei 1 --region 黑龙江省 --out {report}"))
    landscape_cmd(report, "1", "黑龙江省", None, "", None, home, False)
