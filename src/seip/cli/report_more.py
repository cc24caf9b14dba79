"""Published documents of the ``seip report`` group: ``warning`` (预警通报), ``indicators`` (知识产权统计指标报告)
and ``lapsed`` (失效专利文献汇编).

May import: everything.

Thin wrappers over :mod:`seip.reports.bulletin`, :mod:`seip.reports.indicator_report` and
:mod:`seip.reports.lapsed_report`: parse, call, print the files written (or ``--json``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from seip import i18n
from seip.cli._app import HomeOpt, JsonOpt, err, open_corpus, out, print_json
from seip.cli.reports import _stages, report_app
from seip.errors import SeipError
from seip.i18n import t

i18n.register(
    {
        "rm_stage_analysis": ("统计分析", "analysing"),
        "rm_stage_value": ("专利价值度", "patent value"),
        "rm_stage_warning": ("预警指标", "warning indicators"),
        "rm_stage_watch": ("监视清单", "watchlists"),
        "rm_stage_indicators": ("统计指标", "indicators"),
        "rm_stage_criteria": ("高价值条件", "high-value criteria"),
        "rm_stage_targets": ("规划目标", "plan targets"),
        "rm_stage_lapsed": ("失效专利", "lapsed patents"),
        "rm_stage_map": ("专利地图", "patent map"),
        "rm_stage_select": ("专利地图：选取专利", "map: selecting patents"),
        "rm_stage_vectors": ("专利地图：文本向量", "map: text vectors"),
        "rm_stage_layout": ("专利地图：布局", "map: layout"),
        "rm_stage_clusters": ("专利地图：聚类", "map: clusters"),
        "rm_stage_labels": ("专利地图：主题词", "map: labels"),
        "rm_stage_compose": ("组织报告与图表", "composing the report"),
        "rm_stage_pdf": ("排版 PDF", "typesetting the PDF"),
        "rm_stage_html": ("生成 HTML", "writing the HTML"),
        "rm_stage_xlsx": ("写出 XLSX", "writing the XLSX"),
        "rm_alerts": ("预警 {n} 项：{levels}", "{n} alerts: {levels}"),
        "rm_lapsed": ("失效专利 {n} 件", "{n} lapsed patents"),
        "rm_written": ("已写出", "written"),
    }
)

OutOpt = Annotated[Path, typer.Option("--out", help="输出文件 .pdf/.html/.xlsx / output file")]
FormatsOpt = Annotated[
    str | None, typer.Option("--formats", help="只写这些格式，如 pdf,xlsx（默认三种）/ formats")
]
PublisherOpt = Annotated[str, typer.Option("--publisher", help="编制单位（封面）/ publisher")]
SeiOpt = Annotated[str | None, typer.Option("--sei", help="战新产业代码，如 1.5 或 1 / SEI code")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="评估日 YYYY-MM-DD（默认今天）/ as-of day")]


class ReportOptionError(SeipError):
    """An option value the report commands cannot use."""


def _day(text: str | None) -> dt.date | None:
    """``YYYY`` (1 January) or ``YYYY-MM-DD``."""
    if text is None:
        return None
    try:
        return dt.date(int(text), 1, 1) if text.isdigit() else dt.date.fromisoformat(text)
    except ValueError:
        raise ReportOptionError(f"not a date: {text!r} (use YYYY or YYYY-MM-DD)") from None


def _run(home: Path | None, only: str | None, call):
    """Run ``call(corpus, formats, progress)`` on the corpus with a progress line on stderr; returns its result."""
    from seip.reports.builder import FORMATS
    from seip.reports.fonts import cjk_fonts, pdf_font_subsetting_is_fast
    from seip.reports.published import parse_formats

    cjk_fonts()
    formats = parse_formats(only)
    if "pdf" in (formats or FORMATS) and not pdf_font_subsetting_is_fast():
        err.print(t("harfbuzz_subset_missing"))
    with open_corpus(home, read_only=True) as corpus, _stages() as bar:
        task = bar.add_task(t("rm_stage_analysis"), total=None)
        return call(corpus, formats, lambda stage: bar.update(task, description=t(f"rm_stage_{stage}")))


def _print_files(files: dict[str, Path]) -> None:
    for path in files.values():
        out.print(f"{t('rm_written')}: {escape(str(path))}")


@report_app.command("warning")
def warning_cmd(
    out_path: OutOpt,
    sei: SeiOpt = None,
    region: Annotated[str | None, typer.Option("--region", help="省份，如 黑龙江省 / province")] = None,
    year: Annotated[int | None, typer.Option("--year", help="评估年（默认最近完整申请年）/ year")] = None,
    rules: Annotated[
        Path | None, typer.Option("--rules", help="预警指标体系 YAML / indicator system")
    ] = None,
    as_of: AsOfOpt = None,
    publisher: PublisherOpt = "",
    only: FormatsOpt = None,
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """专利预警通报：各级预警的数量与说明、逐项证据（阈值、历年变化、分子分母、复现命令）、监视动态、应对建议、指标值总表、方法。

    Example: seip report warning --sei 1.5 --region 黑龙江省 --out 预警通报.pdf
    """
    from seip.reports.bulletin import bulletin

    data, files = _run(home, only, lambda corpus, formats, say: bulletin(
        corpus, out_path, sei=sei, region=region, year=year, as_of=_day(as_of), rules_file=rules,
        publisher=publisher, formats=formats, progress=say))  # fmt: skip
    levels = {lv: sum(a["level"] == k for a in data.alerts) for k, lv in enumerate(data.rules.levels) if k}
    if as_json:
        print_json({"files": {k: str(v) for k, v in files.items()}, "year": data.year, "as_of": data.as_of,
                    "alerts": len(data.alerts), "levels": levels, "watches": len(data.watches)})  # fmt: skip
        return
    from seip.reports.bulletin_text import level
    from seip.reports.words import listing

    shown = [f"{level(data.rules, k)} {sum(a['level'] == k for a in data.alerts)}" for k in range(4, 0, -1)]
    out.print(t("rm_alerts", n=len(data.alerts), levels=listing(shown)))
    _print_files(files)


@report_app.command("indicators")
def indicators_cmd(
    out_path: OutOpt,
    region: Annotated[str, typer.Option("--region", help="省或市，如 黑龙江省 / province or city")],
    year: Annotated[
        int | None, typer.Option("--year", help="统计到该年年末 / as of the end of this year")
    ] = None,
    targets: Annotated[
        Path | None, typer.Option("--targets", help="规划目标 YAML（默认黑龙江“十四五”）/ plan file")
    ] = None,
    publisher: PublisherOpt = "",
    only: FormatsOpt = None,
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """知识产权统计指标报告：全部官方指标的定义、数值、分子分母、全国排名、各市、历年趋势、规划目标进度、高价值条件与假设。

    Example: seip report indicators --region 黑龙江省 --year 2022 --out 指标报告.pdf
    """
    from seip.reports.indicator_report import indicator_report

    data, files = _run(home, only, lambda corpus, formats, say: indicator_report(
        corpus, out_path, region=region, year=year, targets=targets, publisher=publisher,
        formats=formats, progress=say))  # fmt: skip
    if as_json:
        values = {f.id: {"value": f.here["value"], "numerator": f.here["numerator"], "rank": f.rank}
                  for f in data.figures}  # fmt: skip
        print_json({"files": {k: str(v) for k, v in files.items()}, "region": data.region.name, "year": data.year,
                    "indicators": values, "plan": data.plan["plan"] if data.plan else None})  # fmt: skip
        return
    _print_files(files)


@report_app.command("lapsed")
def lapsed_cmd(
    out_path: OutOpt,
    sei: SeiOpt = None,
    since: Annotated[
        str | None, typer.Option("--since", help="失效日不早于 YYYY 或 YYYY-MM-DD / ended on or after")
    ] = None,
    region: Annotated[str | None, typer.Option("--region", help="第一申请人省份 / province")] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="检索式（同 seip search）/ search query")
    ] = None,
    group: Annotated[
        str, typer.Option("--group", help="PDF 分组：ipc（IPC小类）或 branch（专利地图分支）/ grouping")
    ] = "ipc",
    limit: Annotated[
        int, typer.Option("--limit", help="PDF 列出的条目数（0 = 全部；工作簿总是全部）/ entries in the PDF")
    ] = 300,
    as_of: AsOfOpt = None,
    publisher: PublisherOpt = "",
    only: FormatsOpt = None,
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """失效专利文献汇编：格式化工作簿（封面、目录、全部条目按价值排序、按失效原因、按产业分类）与 PDF（概况、图表、分组条目）。

    Example: seip report lapsed --sei 1.5 --since 2020 --out 失效专利汇编.pdf
    """
    from seip.reports.lapsed_report import lapsed_report

    data, files = _run(home, only, lambda corpus, formats, say: lapsed_report(
        corpus, out_path, sei=sei, since=_day(since), region=region, query=query, group_by=group, limit=limit,
        as_of=_day(as_of), publisher=publisher, formats=formats, progress=say))  # fmt: skip
    if as_json:
        print_json({"files": {k: str(v) for k, v in files.items()}, "total": data.total,
                    "as_of": data.as_of, "since": data.since})  # fmt: skip
        return
    out.print(t("rm_lapsed", n=f"{data.total:,}"))
    _print_files(files)
