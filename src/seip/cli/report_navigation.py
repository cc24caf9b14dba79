"""``seip report navigation``: the industry patent navigation report (产业专利导航报告, GB/T 39551).

May import: everything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from seip import i18n
from seip.cli._app import HomeOpt, JsonOpt, err, open_corpus, out, print_json
from seip.cli.reports import _stages, report_app
from seip.i18n import t

i18n.register(
    {
        "nav_stage_analysis": ("选取专利", "selecting patents"),
        "nav_stage_value": ("专利价值度", "patent value"),
        "nav_stage_lifecycle": ("技术生命周期", "technology life cycle"),
        "nav_stage_direction": ("产业发展方向", "industry direction"),
        "nav_stage_region": ("区域定位", "the region's position"),
        "nav_stage_talent": ("发明人与团队", "inventors and teams"),
        "nav_stage_paths": ("发展路径与清单", "paths and lists"),
        "nav_stage_map": ("专利地图", "patent map"),
        "nav_done": (
            "{title}：{region}居第 {rank} 位（共 {peers} 个），目标分支 {targets}",
            "{title}: {region} ranks {rank} of {peers}; target branches {targets}",
        ),
        "nav_stage_of_map": ("专利地图：{stage}", "patent map: {stage}"),
    }
)
_MAP_STAGES = {"select", "vectors", "layout", "clusters", "labels"}


@report_app.command("navigation")
def navigation_cmd(
    out_path: Annotated[Path, typer.Option("--out", help="输出文件 .pdf/.html/.xlsx / output file")],
    region: Annotated[str, typer.Option("--region", help="省份或地级市，如 黑龙江省 / province or city")],
    sei: Annotated[str | None, typer.Option("--sei", help="战新产业代码，如 1.5 / SEI code")] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="检索式（同 seip search）/ search query")
    ] = None,
    publisher: Annotated[str, typer.Option("--publisher", help="编制单位（封面）/ publisher")] = "",
    only: Annotated[
        str | None, typer.Option("--formats", help="只写这些格式，如 pdf,xlsx（默认三种）/ formats")
    ] = None,
    with_map: Annotated[
        bool, typer.Option("--map/--no-map", help="含专利地图（默认含）/ include the patent map")
    ] = True,
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """产业专利导航报告（GB/T 39551）：产业发展方向、区域产业定位（结构、企业、技术、人才、运营）、发展路径、重点企业/发明人团队/许可收购/失效专利清单。

    Example: seip report navigation --sei 1.5 --region 黑龙江省 --out 人工智能导航.pdf
    """
    from seip.reports.builder import FORMATS, ReportError
    from seip.reports.fonts import cjk_fonts, pdf_font_subsetting_is_fast
    from seip.reports.navigation import navigation, summary
    from seip.reports.words import listing as join

    cjk_fonts()
    formats = tuple(f.strip().lower() for f in only.split(",") if f.strip()) if only else None
    if out_path.suffix.lower().lstrip(".") not in FORMATS:
        raise ReportError(f"{out_path}: the output must end in .pdf, .html or .xlsx")
    if not out_path.parent.exists():
        raise ReportError(f"{out_path.parent}: no such folder")
    unknown = [f for f in formats or () if f not in FORMATS]
    if unknown:
        raise ReportError(f"unknown format(s) {', '.join(unknown)}: choose from {', '.join(FORMATS)}")
    if "pdf" in (formats or FORMATS) and not pdf_font_subsetting_is_fast():
        err.print(t("harfbuzz_subset_missing"))

    def stage(name: str) -> str:
        if name in _MAP_STAGES:
            return t("nav_stage_of_map", stage=t(f"rc_stage_{name}"))
        return t(f"nav_stage_{name}") if f"nav_stage_{name}" in i18n.MESSAGES else t(f"rc_stage_{name}")

    with open_corpus(home, read_only=True) as corpus, _stages() as bar:
        task = bar.add_task(t("nav_stage_analysis"), total=None)
        data, files = navigation(
            corpus, out_path, region=region, sei=sei, query=query, publisher=publisher, formats=formats,
            with_map=with_map, progress=lambda name: bar.update(task, description=stage(name)),
        )  # fmt: skip
    facts = summary(data)
    if as_json:
        print_json({**facts, "files": {k: str(v) for k, v in files.items()}})
        return
    n = facts["numbers"]
    out.print(t("nav_done", title=facts["title"], region=data.region, rank=n["rank"] or "—", peers=n["peers"],
                targets=join(facts["targets"], en_sep=", ") or "—"))  # fmt: skip
    for path in files.values():
        out.print(f"{t('rc_written')}: {escape(str(path))}")
