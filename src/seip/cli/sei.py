"""``seip sei …``: the SEI thematic patent databases (list, show, export, explain, classify).

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

i18n.register(
    {
        "sei_help": ("战略性新兴产业专题专利数据库", "SEI thematic patent databases"),
        "sei_code": ("代码", "code"),
        "sei_name": ("名称", "category"),
        "sei_patents": ("专利", "patents"),
        "sei_inventions": ("发明", "inventions"),
        "sei_valid_inv": ("有效发明", "valid inventions"),
        "sei_growth": ("{year}年增速", "growth {year}"),
        "sei_strict": ("严格模式", "strict"),
        "sei_summary": (
            "战略性新兴产业专题库（分类号模式）：{n} 件专利归入至少一个类别（共 {total} 件）；严格模式 {strict} 件",
            "SEI thematic databases (IPC mode): {n} of {total} patents in at least one category; strict mode {strict}",
        ),
        "sei_classified": (
            "已重新归类 {n} 件专利，其中 {changed} 件的类别有变化",
            "reclassified {n} patents; {changed} changed",
        ),
        "sei_not_found": ("专利库中没有 {pub}", "{pub} is not in the corpus"),
        "sei_no_codes": (
            "{pub} 的IPC分类号不属于任何战略性新兴产业类别",
            "no IPC symbol of {pub} is in any SEI category",
        ),
        "sei_given": ("归入", "given"),
        "sei_refused": ("未归入", "refused"),
        "sei_main_mark": ("（主分类号）", " (main symbol)"),
        "sei_symbol": ("分类号", "symbol"),
        "sei_rule": ("规则", "rule"),
        "sei_included_by": ("包含范围", "included by"),
        "sei_excluded_by": ("排除范围", "excluded by"),
        "sei_text": ("严格模式依据", "strict evidence"),
        "sei_exported": (
            "已导出 {code} {name}：{n} 件专利 → {path}",
            "exported {code} {name}: {n} patents → {path}",
        ),
        "sei_reason_term": ("文本含“{x}”", "text contains “{x}”"),
        "sei_reason_ipc": ("本规则无关键词，仅按分类号", "rule has no keyword phrase: IPC alone"),
        "sei_reason_noterm": ("文本不含本规则任何产品词", "text has none of the rule's product terms"),
        "sei_reason_neg": ("文本含排除词“{x}”", "text contains the negative term “{x}”"),
        "col_year": ("申请年", "filing year"),
        "col_applicant": ("申请人", "applicant"),
        "col_applicant_type": ("申请人类型", "applicant type"),
        "col_group": ("IPC主组", "IPC group"),
        "col_count": ("数量", "count"),
        "col_valid": ("有效", "in force"),
        "col_total": ("合计", "total"),
        "sei_reason_nozh": ("无中文文本，不参与严格模式", "no Chinese text: not classified in strict mode"),
    }
)

sei_app = typer.Typer(
    no_args_is_help=True, help="战略性新兴产业专题专利数据库 / SEI thematic patent databases"
)
app.add_typer(sei_app, name="sei")

StrictOpt = Annotated[bool, typer.Option("--strict", help="严格模式（文本须含规则关键词）/ strict mode")]


def _engine(corpus):
    from seip.analysis._backend import connect

    return connect(corpus, "duckdb")


@sei_app.command("list")
def list_cmd(home: HomeOpt = None, strict: StrictOpt = False, as_json: JsonOpt = False) -> None:
    """全部40个类别：专利数、发明、有效发明、增速。

    Example: seip sei list --json
    """
    from seip.analysis import thematic as th

    with open_corpus(home, read_only=True) as corpus:
        patents = _engine(corpus).table("patents")
        ref = th.reference_year(patents).to_pyarrow().as_py()
        rows = {
            r["code"]: r
            for r in th.category_counts(patents, ref_year=ref or 0, strict=strict).to_pyarrow().to_pylist()
        }
    names = th.category_names()
    data = []
    for code, (zh, en) in names.items():
        if "." not in code:
            continue
        r = rows.get(code, {})
        data.append(
            {
                "code": code,
                "name": en if i18n.lang() == "en" else zh,
                "patents": r.get("patents", 0),
                "inventions": r.get("inventions", 0),
                "valid_inventions": r.get("valid_inventions", 0),
                "reference_year": ref,
                "filed_reference_year": r.get("filed_ref", 0),
                "filed_previous_year": r.get("filed_prev", 0),
                "growth": r.get("growth"),
            }
        )
    data.sort(key=lambda d: [int(x) for x in d["code"].split(".")])
    if as_json:
        print_json({"mode": "strict" if strict else "ipc", "categories": data})
        return
    table = Table(
        t("sei_code"),
        t("sei_name"),
        t("sei_patents"),
        t("sei_inventions"),
        t("sei_valid_inv"),
        t("sei_growth", year=ref),
        title=t("sei_help") + (f"（{t('sei_strict')}）" if strict else ""),
    )
    for d in data:
        g = "" if d["growth"] is None else f"{d['growth']:+.1%}"
        table.add_row(
            d["code"], d["name"], f"{d['patents']:,}", f"{d['inventions']:,}", f"{d['valid_inventions']:,}", g
        )
    out.print(table)


@sei_app.command("show")
def show(
    code: Annotated[str, typer.Argument(help="类别代码，如 1.5 或 1 / category code")],
    home: HomeOpt = None,
    strict: StrictOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """一个专题库的概况：年度与类型、主要申请人、IPC主组、省份、法律状态、公开国别。

    Example: seip sei show 1.5
    """
    from seip.analysis import thematic as th
    from seip.analysis.thematic_book import check_code

    check_code(code)
    with open_corpus(home, read_only=True) as corpus:
        patents = _engine(corpus).table("patents")
        tables = {k: v.to_pyarrow().to_pylist() for k, v in th.profile(patents, code, strict=strict).items()}
        n = th.in_category(patents, code, strict=strict).count().to_pyarrow().as_py()
    zh, en = th.category_names()[code]
    if as_json:
        print_json(
            {
                "code": code,
                "name": en if i18n.lang() == "en" else zh,
                "mode": "strict" if strict else "ipc",
                "patents": n,
                **tables,
            }
        )
        return
    out.print(f"[bold]{code} {escape(en if i18n.lang() == 'en' else zh)}[/]  {t('sei_patents')} {n:,}")
    out.print(_year_table(tables.pop("by_year_type")))
    for key, rows in tables.items():
        if not rows:
            continue
        table = Table(*(_header(c) for c in rows[0]), title=t(f"sheet_{key}"))
        for r in rows[:20]:
            table.add_row(*(i18n.label(str(v)) if v is not None else "" for v in r.values()))
        out.print(table)


def _header(column: str) -> str:
    key = f"col_{column}"
    return t(key) if key in i18n.MESSAGES else i18n.label(column)


def _year_table(rows: list[dict], years: int = 15) -> Table:
    """Filings per year (rows, the latest ``years``) and patent type (columns)."""
    types = ["invention", "utility_model", "design"]
    grid: dict[int, dict[str, int]] = {}
    for r in rows:
        if r["year"] is not None:
            grid.setdefault(r["year"], {})[r["patent_type"] or "unknown"] = r["count"]
    present = [x for x in [*types, "unknown"] if any(x in g for g in grid.values())]
    table = Table(
        t("col_year"), *(i18n.label(x) for x in present), t("col_total"), title=t("sheet_by_year_type")
    )
    for year in sorted(grid)[-years:]:
        g = grid[year]
        table.add_row(str(year), *(f"{g.get(x, 0):,}" for x in present), f"{sum(g.values()):,}")
    return table


@sei_app.command("export")
def export_cmd(
    code: Annotated[str, typer.Argument(help="类别代码，如 1.5 / category code")],
    out_path: Annotated[Path, typer.Option("--out", help="输出的 .xlsx 文件 / output workbook")],
    home: HomeOpt = None,
    strict: StrictOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """把一个专题库导出为工作簿：说明页（方法与日期）、规则、统计表、全部专利。

    Example: seip sei export 1.5 --out 人工智能.xlsx
    """
    from seip.analysis import thematic as th
    from seip.analysis.thematic_book import write_workbook

    with open_corpus(home, read_only=True) as corpus:
        counts = write_workbook(corpus, code, out_path, strict=strict)
    zh, en = th.category_names()[code]
    if as_json:
        print_json({"code": code, "out": str(out_path), **counts})
        return
    out.print(
        t(
            "sei_exported",
            code=code,
            name=en if i18n.lang() == "en" else zh,
            n=f"{counts['patents']:,}",
            path=out_path,
        )
    )


@sei_app.command("explain")
def explain(
    pub_number: Annotated[str, typer.Argument(help="公开号，如 CN112345678A / publication number")],
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """说明一件专利为何归入（或未归入）各类别：分类号、规则、包含或排除范围、严格模式依据。

    Example: seip sei explain CN112345678A
    """
    from seip.records.numbers import normalize_pub_number
    from seip.taxonomy.classify import INPUT_COLUMNS
    from seip.taxonomy.explain import as_dicts, explain_patent

    try:
        pub = normalize_pub_number(pub_number)
    except ValueError:
        pub = pub_number.strip().upper()
    with open_corpus(home, read_only=True) as corpus:
        rows = corpus.query(
            f"SELECT {', '.join(INPUT_COLUMNS)} FROM patents WHERE pub_number = ?", [pub]
        ).to_pylist()
    if not rows:
        raise SeipError(t("sei_not_found", pub=pub))
    result = explain_patent(rows[0])
    if as_json:
        print_json(
            {
                "pub_number": pub,
                "ipc": rows[0]["ipc"],
                "ipc_main": rows[0]["ipc_main"],
                "codes": as_dicts(result),
            }
        )
        return
    out.print(f"[bold]{pub}[/]  IPC: {escape(', '.join(rows[0]['ipc'] or []))}")
    if not result:
        out.print(t("sei_no_codes", pub=pub))
        return
    for e in result:
        mark = t("sei_given") if e.given else t("sei_refused")
        strict = f"{t('sei_strict')}: {t('sei_given') if e.strict_given else t('sei_refused')}"
        out.print(
            f"[bold]{e.code} {escape(e.name)}[/]  {mark}  {strict}{t('sei_main_mark') if e.main else ''}"
        )
        table = Table(
            t("sei_symbol"),
            t("sei_rule"),
            t("sei_included_by"),
            t("sei_excluded_by"),
            t("sei_text"),
            box=None,
        )
        for r in e.rules:
            table.add_row(r.symbol, r.rule_id, r.included_by, r.excluded_by or "", _reason(r.strict))
        out.print(table)


def _reason(code: str) -> str:
    kind, _, x = code.partition(":")
    return {
        "term": lambda: t("sei_reason_term", x=x),
        "ipc-only": lambda: t("sei_reason_ipc"),
        "no-term": lambda: t("sei_reason_noterm"),
        "negative": lambda: t("sei_reason_neg", x=x),
        "no-chinese-text": lambda: t("sei_reason_nozh"),
    }.get(kind, lambda: "")()


@sei_app.command("classify")
def classify_cmd(home: HomeOpt = None, as_json: JsonOpt = False) -> None:
    """重新归类全部专利（导入时已自动归类；参照关系数据更新后运行）。

    Example: seip sei classify
    """
    from seip.store.classify import reclassify

    with open_corpus(home) as corpus:
        show = not as_json and err.is_terminal
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), console=err, disable=not show
        ) as bar:
            task = bar.add_task("sei", total=None)
            counts = reclassify(corpus, progress=lambda n: bar.update(task, description=f"{n:,}"))
            if counts["changed"]:
                from seip.store.search import sync

                sync(corpus)  # the SEI field of the index
    if as_json:
        print_json(counts)
        return
    out.print(t("sei_classified", n=f"{counts['patents']:,}", changed=f"{counts['changed']:,}"))


def summary_line(corpus) -> str:
    """One sentence on the thematic databases of the corpus (for ``seip demo``)."""
    n, strict, total = corpus.one("SELECT count(sei_codes), count(sei_codes_strict), count(*) FROM patents")
    return t("sei_summary", n=f"{n:,}", total=f"{total:,}", strict=f"{strict:,}")
