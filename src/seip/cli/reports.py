"""Report commands: ``seip map`` (the patent map) and ``seip report landscape`` (态势报告).

May import: everything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from seip import i18n
from seip.cli._app import HomeOpt, JsonOpt, app, err, open_corpus, out, print_json
from seip.i18n import t

i18n.register(
    {
        "rc_stage_select": ("选取专利", "selecting patents"),
        "rc_stage_vectors": ("更新文本向量", "updating text vectors"),
        "rc_stage_layout": ("PaCMAP 布局", "PaCMAP layout"),
        "rc_stage_clusters": ("HDBSCAN 聚类", "HDBSCAN clustering"),
        "rc_stage_labels": ("提取主题词", "naming the clusters"),
        "rc_stage_draw": ("绘制地图", "drawing the map"),
        "rc_map_done": (
            "专利地图：{n} 件专利，{k} 个技术分支（{c} 件归入分支）",
            "patent map: {n} patents, {k} technology branches ({c} patents in a branch)",
        ),
        "rc_left_out": ("{n} 件无可用文本，未上图", "{n} patents without usable text were left out"),
        "rc_written": ("已写出", "written"),
        "rc_map_title": ("专利地图：{what}", "Patent map: {what}"),
        "rc_all": ("全部专利", "all patents"),
        "rc_query": ("检索式 {q}", "query {q}"),
        "rc_sei": ("{name}（{code}）", "{name} (SEI {code})"),
        "rc_stage_pdf": ("排版 PDF", "typesetting the PDF"),
        "rc_stage_html": ("生成 HTML", "writing the HTML"),
        "rc_stage_xlsx": ("写出 XLSX 附表", "writing the XLSX appendix"),
        "rc_stage_analysis": ("统计分析", "analysing"),
        "rc_stage_lifecycle": ("技术生命周期", "technology life cycle"),
        "rc_stage_applicants": ("申请人分析", "applicants"),
        "rc_stage_regions": ("区域与技术构成", "regions and technologies"),
        "rc_stage_value": ("价值度与高价值专利", "value and high-value patents"),
        "rc_stage_lapsed": ("失效专利", "lapsed patents"),
        "rc_stage_warning": ("专利预警", "early warning"),
        "rc_stage_map": ("专利地图", "patent map"),
    }
)


def _stages():
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
    )


@app.command("map")
def map_cmd(
    out_path: Annotated[
        Path | None,
        typer.Option("--out", help="输出文件 .png/.svg/.html（默认按产业命名的 .png）/ output file"),
    ] = None,
    sei: Annotated[str | None, typer.Option("--sei", help="战新产业代码，如 1.5 / SEI code")] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="检索式（同 seip search）/ search query")
    ] = None,
    applicant: Annotated[
        str | None, typer.Option("--applicant", help="叠加：申请人 / overlay: applicant")
    ] = None,
    years: Annotated[
        str | None, typer.Option("--years", help="叠加：申请年，如 2018..2022 / overlay: years")
    ] = None,
    valid: Annotated[bool, typer.Option("--valid", help="叠加：仅有效专利 / overlay: in force only")] = False,
    seed: Annotated[int, typer.Option("--seed", help="随机种子（结果可复现）/ random seed")] = 0,
    title: Annotated[str | None, typer.Option("--title", help="地图标题 / map title")] = None,
    xlsx: Annotated[
        bool, typer.Option("--xlsx/--no-xlsx", help="同时写出技术分解表 .xlsx / also write the table")
    ] = True,
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """专利地图：文本向量 + PaCMAP 布局 + HDBSCAN 聚类，绘制为等高线地形图，并输出技术分解表。

    Example: seip map --sei 1.5 --applicant 科大讯飞 --years 2018..2022 --out 人工智能地图.png
    """
    from seip.reports import landscape_text as L
    from seip.reports.fonts import cjk_fonts
    from seip.reports.patent_map import build_map, parse_years
    from seip.reports.topo import check_output, write

    cjk_fonts()
    out_path = check_output(out_path or Path(L.file_stem("map", sei, None) + ".png"))
    span = parse_years(years)
    what = " · ".join(
        x
        for x in (
            t("rc_sei", name=L.sei_name(sei), code=sei) if sei else "",
            t("rc_query", q=query) if query else "",
        )
        if x
    )
    with open_corpus(home, read_only=True) as corpus, _stages() as bar:
        task = bar.add_task(t("rc_stage_select"), total=None)
        pm = build_map(
            corpus, sei=sei, query=query, applicant=applicant, years=span, valid=valid, seed=seed,
            title=title or t("rc_map_title", what=what or t("rc_all")),
            progress=lambda stage: bar.update(task, description=t(f"rc_stage_{stage}")),
        )  # fmt: skip
        bar.update(task, description=t("rc_stage_draw"))
        files = write(pm, out_path, xlsx=xlsx)
    if as_json:
        print_json({**pm.to_json(), "files": {k: str(v) for k, v in files.items()}})
        return
    clustered = int((pm.cluster >= 0).sum())
    out.print(t("rc_map_done", n=f"{len(pm.pub_numbers):,}", k=len(pm.clusters), c=f"{clustered:,}"))
    if pm.left_out:
        out.print(t("rc_left_out", n=f"{pm.left_out:,}"))
    from seip.reports.topo import breakdown

    tbl = breakdown(pm)
    table = Table(*[tbl.columns[k] for k in ("id", "label", "size", "share", "applicants")])
    for row in tbl.rows:
        table.add_row(*(escape(tbl.cell(row, k)) for k in ("id", "label", "size", "share", "applicants")))
    out.print(table)
    for path in files.values():
        out.print(f"{t('rc_written')}: {escape(str(path))}")


report_app = typer.Typer(no_args_is_help=True, help="分析报告（PDF/HTML/XLSX）/ analysis reports")
app.add_typer(report_app, name="report")


@report_app.command("landscape")
def landscape_cmd(
    out_path: Annotated[
        Path | None,
        typer.Option("--out", help="输出文件 .pdf/.html/.xlsx（默认按产业与地区命名的 .pdf）/ output file"),
    ] = None,
    sei: Annotated[str | None, typer.Option("--sei", help="战新产业代码，如 1.5 / SEI code")] = None,
    region: Annotated[str | None, typer.Option("--region", help="省份，如 黑龙江省 / province")] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="检索式（同 seip search）/ search query")
    ] = None,
    publisher: Annotated[str, typer.Option("--publisher", help="编制单位（封面）/ publisher")] = "",
    only: Annotated[
        str | None, typer.Option("--formats", help="只写这些格式，如 pdf,xlsx（默认三种）/ formats")
    ] = None,
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """产业专利态势报告：趋势、生命周期、申请人、地域、技术构成、专利地图、高价值与核心专利、失效专利、预警、方法说明。

    Example: seip report landscape --sei 1.5 --region 黑龙江省 --out 人工智能态势.pdf
    """
    from seip.reports.builder import FORMATS, ReportError
    from seip.reports.fonts import cjk_fonts, pdf_font_subsetting_is_fast
    from seip.reports.landscape import default_out, landscape

    cjk_fonts()
    out_path = out_path or default_out(sei, region)
    formats = tuple(f.strip().lower() for f in only.split(",") if f.strip()) if only else None
    if "pdf" in (formats or FORMATS) and not pdf_font_subsetting_is_fast():
        err.print(t("harfbuzz_subset_missing"))
    if out_path.suffix.lower().lstrip(".") not in FORMATS:
        raise ReportError(f"{out_path}: the output must end in .pdf, .html or .xlsx")
    if not out_path.parent.exists():
        raise ReportError(f"{out_path.parent}: no such folder")
    with open_corpus(home, read_only=True) as corpus, _stages() as bar:
        task = bar.add_task(t("rc_stage_analysis"), total=None)
        files = landscape(
            corpus, out_path, sei=sei, region=region, query=query, publisher=publisher, formats=formats,
            progress=lambda stage: bar.update(task, description=t(f"rc_stage_{stage}")),
        )  # fmt: skip
    if as_json:
        print_json({"files": {k: str(v) for k, v in files.items()}})
        return
    for path in files.values():
        out.print(f"{t('rc_written')}: {escape(str(path))}")
