"""Statistics commands: ``seip stats``, ``seip indicators``, ``seip import-awards`` and ``seip targets``.

May import: everything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
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


class StatsCommandError(SeipError):
    """A statistics command given arguments it cannot use (an unknown or non-official indicator)."""


i18n.register(
    {
        "st_working": ("正在计算（首次分析会先整理申请表）", "computing (the first analysis prepares the application table)"),
        "st_rows": ("共 {n} 行", "{n} rows"),
        "st_concentration": ("集中度（CR4、HHI）", "concentration (CR4, HHI)"),
        "st_growth": ("年均复合增长率", "compound annual growth"),
        "st_links": ("产学研合作（企业—高校/科研院所）", "industry–academia links (enterprise – university/institute)"),
        "st_year_by": ("年份按{x}", "year by {x}"),
        "st_app": ("申请日", "filing date"),
        "st_pub": ("公开日", "publication date"),
        "st_grant": ("授权日", "grant date"),
        "st_written": ("已写入 {path}", "written to {path}"),
        "ind_as_of": ("统计时点：{x}", "as of: {x}"),
        "ind_today": ("专利库现状", "the corpus as it stands"),
        "ind_undetermined": ("待定", "undetermined"),
        "ind_criteria": ("高价值发明专利条件", "high-value criteria"),
        "ind_region": ("地区", "region"),
        "ind_national": ("全国", "national"),
        "ind_city": ("市", "city"),
        "ind_valid_invention_patents": ("有效发明专利", "valid invention patents"),
        "ind_valid_invention_per_10k": ("每万人口发明专利拥有量", "valid inventions per 10k residents"),
        "ind_high_value_invention_patents": ("高价值发明专利", "high-value invention patents"),
        "ind_high_value_invention_per_10k": ("每万人口高价值发明专利拥有量", "high-value inventions per 10k residents"),
        "ind_sei_invention_patents": ("战略性新兴产业发明专利", "SEI invention patents"),
        "ind_pct_applications": ("PCT国际申请", "PCT applications"),
        "ind_overseas_families": ("海外同族（族）", "overseas families"),
        "ind_lapsed_patents": ("失效专利", "lapsed patents"),
        "ind_expired_patents": ("期满专利", "expired patents"),
        "ind_assume_unit": (
            "以专利申请为单位（同一申请的多个公开文本合并）；权利人取第一申请人，不跟踪转让",
            "unit: one application (its documents folded); the holder is the first applicant, transfers not followed",
        ),
        "ind_assume_year": (
            "{y}年末：今日有效的专利视为自授权起持续有效；已失效但数据无失效日期、或状态/授权日未知的计入“待定”（不计入数值，数值为下限）",
            "end of {y}: rights valid today are taken as in force since grant; rights that ended on a date the data "
            "do not give, or of unknown status or grant date, are undetermined (not counted: the value is a lower bound)",
        ),
        "ind_assume_today": (
            "按专利库中的法律状态；状态未知的计入“待定”", "by the legal status in the corpus; unknown statuses are undetermined"
        ),
        "ind_assume_hv_year": (
            "条件(1)(2)按现有分类与同族数据判断（不回溯到{y}年）；条件(3)(4)(5)按{y}年末及以前的日期判断",
            "criteria (1) and (2) use the classification and family data as they stand (not as of {y}); (3), (4) "
            "and (5) use dates up to the end of {y}",
        ),
        "ind_assume_pop": (
            "人口一律用2020年第七次全国人口普查常住人口", "population: the 2020 census for every year"
        ),
        "tg_plan": ("规划", "plan"),
        "tg_expected": ("时间进度", "time elapsed"),
        "tg_not_computable": ("非专利指标，无法由专利库计算", "not a patent figure: not computable from the corpus"),
        "aw_result": (
            "{file}：读取 {read} 行，入库 {stored} 行（符合条件的国家级奖项 {q} 行），与专利库匹配 {m} 行，拒绝 {r} 行",
            "{file}: {read} rows read, {stored} stored ({q} national awards that count), {m} matched in the corpus, "
            "{r} rejected",
        ),
    }
)  # fmt: skip

#: Column headers of the tables these commands print (JSON keeps the field names).
_COLUMNS = {
    "year": ("年份", "year"), "sei": ("战新产业", "SEI category"), "sei_top": ("战新产业（一级）", "SEI industry"),
    "ipc4": ("IPC小类", "IPC subclass"), "province": ("省份", "province"), "city": ("城市", "city"),
    "applicant": ("申请人", "applicant"), "applicant_type": ("申请人类型", "applicant type"),
    "patent_type": ("专利类型", "patent type"), "legal_status": ("法律状态", "legal status"), "office": ("国别", "office"),
    "count": ("件数", "count"), "share": ("占比", "share"), "rank": ("排名", "rank"), "yoy": ("同比增长", "YoY growth"),
    "values": ("取值数", "values"), "cr4": ("CR4", "CR4"), "hhi": ("HHI", "HHI"), "first_year": ("起始年", "first year"),
    "last_year": ("截止年", "last year"), "first_count": ("起始年件数", "first count"),
    "last_count": ("截止年件数", "last count"), "cagr": ("年均复合增长率", "CAGR"), "enterprise": ("企业", "enterprise"),
    "partner": ("合作方", "partner"), "partner_type": ("合作方类型", "partner type"), "name": ("名称", "name"),
    "unit": ("单位", "unit"), "base": ("基期值", "base"), "target": ("目标值", "target"),
    "computed": ("计算值", "computed"), "computed_base": ("基期计算值", "computed, base year"),
    "progress": ("进度", "progress"), "progress_by_growth": ("按增长计进度", "progress by growth"),
    "coverage": ("覆盖率", "coverage"), "evaluated": ("已评估", "evaluated"), "patents": ("件数", "patents"),
    "basis": ("依据", "basis"), "app_number": ("申请号", "application"), "pub_number": ("公开号", "publication"),
    "title": ("名称", "title"), "criteria": ("符合条件", "criteria met"), "in_force": ("有效", "in force"),
    "app_date": ("申请日", "filed"), "grant_date": ("授权日", "granted"),
}  # fmt: skip
i18n.register({f"stcol_{k}": v for k, v in _COLUMNS.items()})

EngineOpt = Annotated[str, typer.Option("--engine", help="计算引擎 duckdb|pyspark / engine")]
YearOpt = Annotated[int | None, typer.Option("--year", help="统计到该年年末 / as of the end of this year")]


@contextlib.contextmanager
def _tables(home: Path | None, engine: str, quiet: bool, facets: list[str] | None = None) -> Iterator:
    """The corpus's analysis tables on ``engine`` (with the ``facets`` to count by), with a spinner while the
    caller computes."""
    from seip.analysis._backend import connect, tables

    with open_corpus(home, read_only=True) as corpus:
        show = not quiet and err.is_terminal
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), console=err, disable=not show
        ) as bar:
            bar.add_task(t("st_working"), total=None)
            yield corpus, tables(connect(corpus, engine), facets or ())


def _table(title: str, rows: list[dict], columns: list[str] | None = None, limit: int | None = None) -> None:
    if not rows:
        return
    columns = columns or list(rows[0])
    table = Table(*(t(f"stcol_{c}") if c in _COLUMNS else c for c in columns), title=title)
    for r in rows[:limit]:
        table.add_row(*(_fmt(r.get(c)) for c in columns))
    out.print(table)


def _fmt(v: object) -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "✓" if v else "✗"
    if isinstance(v, float):
        return f"{v:.4f}" if abs(v) < 100 else f"{v:,.1f}"
    if isinstance(v, int):
        return f"{v:,}" if abs(v) >= 10_000 else str(v)  # years stay 2020, not 2,020
    if isinstance(v, list):
        return escape(", ".join(map(str, v)))
    return escape(i18n.label(str(v)))


def _xlsx(path: Path, sheets: dict[str, list[dict]]) -> None:
    import polars as pl
    import xlsxwriter

    with xlsxwriter.Workbook(path) as wb:
        for name, rows in sheets.items():
            if rows:
                pl.from_dicts(rows, infer_schema_length=None).write_excel(workbook=wb, worksheet=name[:31])
    out.print(t("st_written", path=path))


@app.command("stats")
def stats_cmd(
    by: Annotated[str, typer.Option("--by", help="维度，逗号分隔 / dimensions, comma-separated")] = "year",
    year_by: Annotated[str, typer.Option("--year-by", help="年份依据 app|pub|grant / year of")] = "app",
    since: Annotated[int | None, typer.Option("--since", help="起始年 / first year")] = None,
    until: Annotated[int | None, typer.Option("--until", help="截止年 / last year")] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="检索式，只统计命中的专利 / search query")
    ] = None,
    links: Annotated[bool, typer.Option("--links", help="产学研合作对 / industry–academia links")] = False,
    top: Annotated[
        int | None, typer.Option("--top", help="每组只保留前 N 名 / keep the top N per group")
    ] = None,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="写入 Excel 文件 / write an xlsx file")] = None,
    engine: EngineOpt = "duckdb",
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """专利统计：计数、占比、排名、同比增长、年均复合增长率、集中度（CR4、HHI）和产学研合作。

    维度：year sei sei_top ipc4 province city applicant applicant_type patent_type legal_status office。
    Example: seip stats --by year,province --year-by app --since 2015 --json
    """
    import ibis

    from seip.analysis import stats

    dims = [d.strip() for d in by.split(",") if d.strip()]
    listed = [d for d in dims if d in stats.LIST_DIMENSIONS]
    own = stats.facet_for(listed)
    facets = (
        [own] if own and not links else []
    )  # a facet serves a count by one list dimension (and a short one)
    with _tables(home, engine, as_json, facets) as (corpus, tb):
        if query:
            from seip.store.search import match_numbers

            tb = stats.restrict(tb, match_numbers(corpus, query))
        period = {"year_by": year_by, "since": since, "until": until}
        extra: dict[str, list[dict]] = {}
        if links:
            dims = ["enterprise", "partner"]
            rows = stats.cooperation_links(tb.applications, **period).order_by(
                [ibis.desc("count"), "enterprise", "partner"]
            )
        else:
            expr = stats.stats_table(tb.applications, dims, facets=tb.facets, **period)
            rows = expr.filter(expr["rank"] <= top) if top else expr
            rows = rows.order_by([*dims[:-1], "rank", dims[-1]])
            if dims[-1] != "year":
                extra["concentration"] = _run(
                    stats.concentration(tb.applications, dims, facets=tb.facets, **period)
                )
            if "year" in dims:
                extra["growth"] = _run(stats.growth(tb.applications, dims, facets=tb.facets, **period))
        data = {"by": dims, **period, "query": query, "rows": _run(rows), **extra}
    if as_json:
        print_json(data)
    else:
        names = ", ".join(t(f"stcol_{d}") for d in dims)
        title = t("st_links") if links else f"{names} · {t('st_year_by', x=t('st_' + year_by))}"
        _table(title, data["rows"], limit=None if top or len(data["rows"]) <= 60 else 60)
        out.print(t("st_rows", n=len(data["rows"])))
        _table(t("st_concentration"), extra.get("concentration", []), limit=40)
        _table(t("st_growth"), extra.get("growth", []), limit=40)
    if xlsx:
        _xlsx(xlsx, {"rows": data["rows"], **extra})


def _run(expr) -> list[dict]:
    return expr.to_pyarrow().to_pylist()


def _region_filter(expr, region: str | None):
    """Without a region: the nation and the provinces; a province: it and its cities; a city: itself."""
    from seip.analysis.population import resolve_region

    if region is None:
        return expr.filter(expr.level != "city")
    r = resolve_region(region)
    if r.level == "province":
        return expr.filter((expr.province == r.name) | ((expr.level == "national") & (r.level == "national")))
    return expr.filter((expr.level == r.level) & (expr.region == r.name))


@app.command("indicators")
def indicators_cmd(
    region: Annotated[
        str | None, typer.Option("--region", help="省或市，如 黑龙江省 / province or city")
    ] = None,
    year: YearOpt = None,
    indicator: Annotated[
        list[str] | None, typer.Option("--indicator", help="只计算这些指标 / only these")
    ] = None,
    patents: Annotated[
        bool, typer.Option("--patents", help="列出高价值发明专利及其条件 / list them")
    ] = False,
    pledge_min: Annotated[
        float, typer.Option("--pledge-min", help="较高质押金额（万元）/ 10k yuan")
    ] = 1000.0,
    limit: Annotated[int, typer.Option("--limit", help="--patents 最多列出件数 / rows")] = 200,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="写入 Excel 文件 / write an xlsx file")] = None,
    engine: EngineOpt = "duckdb",
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """官方统计指标：有效发明专利、每万人口发明专利拥有量、高价值发明专利（五项条件）及每万人口拥有量、战略性新兴产业发明专利、PCT申请、海外同族、失效与期满专利。

    Example: seip indicators --region 黑龙江省 --year 2020 --json
    """
    from seip.analysis import indicators as ind
    from seip.analysis.highvalue import explain_criteria
    from seip.analysis.registry import INDICATORS, official

    names = {i.id for i in official()}
    unknown = [i for i in indicator or [] if i not in names]
    if unknown:
        raise StatsCommandError(
            f"not an official indicator: {', '.join(unknown)} (choose from {', '.join(names)})"
        )
    chosen = [INDICATORS[i] for i in indicator] if indicator else official()
    with _tables(home, engine, as_json) as (_, tb):
        if patents:
            data = _high_value_list(tb, region, year, pledge_min, limit)
        else:
            hv = {"pledge_min": pledge_min}
            criteria = None
            if any("high_value" in i.id for i in chosen):
                criteria = explain_criteria(_run(ind.criteria_coverage(tb, year=year, **hv))[0], pledge_min)
            data = []
            for i in chosen:
                kw = hv if "high_value" in i.id else {}
                rows = _run(
                    _region_filter(i(tb, year=year, **kw), region).order_by(["level", "province", "region"])
                )
                for r in sorted(rows, key=lambda r: ("national", "province", "city").index(r["level"])):
                    data.append(_indicator_row(i, r, year, criteria if "high_value" in i.id else None))
    if as_json:
        print_json(data)
        return
    if patents:
        _table(t("ind_criteria"), data, limit=limit)
    else:
        _indicator_matrix(data, year)
    if xlsx:
        plain = [{k: v for k, v in d.items() if k not in ("criteria", "assumptions")} for d in data]
        _xlsx(xlsx, {"high_value" if patents else "indicators": plain})


def _indicator_matrix(data: list[dict], year: int | None) -> None:
    """Regions down and indicators across when the terminal is wide enough; otherwise indicators down and the
    regions across in as many blocks as the width needs (never cut numbers short). ``value (+undetermined)``."""
    ids = list(dict.fromkeys(d["indicator"] for d in data))
    regions = list(dict.fromkeys((d["level"], d["region"]) for d in data))
    cell = {(d["indicator"], d["level"], d["region"]): d for d in data}

    def value(i: str, level: str, region: str) -> str:
        d = cell.get((i, level, region))
        if d is None or d["value"] is None:
            return "—"
        v = f"{d['value']:.4f}" if d["denominator"] is not None else f"{d['numerator']:,}"
        return v + (f" (+{d['undetermined']:,})" if d["undetermined"] else "")

    def name(level: str, region: str) -> str:
        # Cities are indented under their province; the national row says so.
        return ("  " if level == "city" else "") + escape(region)

    wide = 14 + sum(max(len(i18n.label(f"ind_{i}")) * 2, 12) + 3 for i in ids)
    if out.width >= wide:
        table = Table(t("ind_region"))
        for i in ids:
            table.add_column(i18n.label(f"ind_{i}"), justify="right")
        for level, region in regions:
            table.add_row(name(level, region), *(value(i, level, region) for i in ids))
        out.print(table)
    else:
        per = max(1, (out.width - 34) // 14)
        for start in range(0, len(regions), per):
            block = regions[start : start + per]
            table = Table("")
            for level, region in block:
                table.add_column(name(level, region), justify="right")
            for i in ids:
                table.add_row(i18n.label(f"ind_{i}"), *(value(i, level, region) for level, region in block))
            out.print(table)
    out.print(
        t("ind_as_of", x=f"{year}-12-31" if year else t("ind_today")) + f"; (+n) = {t('ind_undetermined')}"
    )
    for note in data[0]["assumptions"] if data else []:
        out.print(f"· {escape(note)}")
    hv_rows = [d for d in data if "criteria" in d]
    if hv_rows:
        _table(t("ind_criteria"), hv_rows[0]["criteria"], ["name", "evaluated", "patents", "basis"])


def _indicator_row(i, r: dict, year: int | None, criteria: list[dict] | None) -> dict:
    notes = [t("ind_assume_unit"), t("ind_assume_year", y=year) if year else t("ind_assume_today")]
    if r["denominator"] is not None:
        notes.append(t("ind_assume_pop"))
    if criteria is not None and year:
        notes.append(t("ind_assume_hv_year", y=year))
    row = {
        "indicator": i.id,
        "region": r["region"],
        "level": r["level"],
        "province": r["province"],
        "value": r["value"],
        "numerator": r["numerator"],
        "denominator": r["denominator"],
        "undetermined": r["undetermined"],
        "definition": i.definition(),
        "as_of": f"{year}-12-31" if year else None,
        "assumptions": notes,
    }
    if criteria is not None:
        row["criteria"] = criteria
    return row


def _high_value_list(tb, region: str | None, year: int | None, pledge_min: float, limit: int) -> list[dict]:
    from seip.analysis.indicators import high_value_patents
    from seip.analysis.population import resolve_region

    h = high_value_patents(tb, year=year, pledge_min=pledge_min)
    h = h.filter(h.high_value)
    if region:
        r = resolve_region(region)
        if r.level == "province":
            h = h.filter(h.province == r.name)
        elif r.level == "city":
            h = h.filter(h.city == r.name)
    p = tb.patents.select("pub_number", "title")
    h = h.left_join(p, h.pub_number == p.pub_number)
    h = h.select(
        app_number=h.akey,
        pub_number=h.pub_number,
        title=h.title,
        applicant=h.applicants_std[0],
        province=h.province,
        city=h.city,
        app_date=h.app_date,
        grant_date=h.grant_date,
        criteria=h.criteria,
        in_force=h.in_force,
    )
    return _run(h.order_by(["province", "city", "app_number"]).limit(limit))


@app.command("import-awards")
def import_awards_cmd(
    file: Annotated[Path, typer.Argument(help="获奖或质押清单（CSV/xlsx）/ award or pledge list")],
    kind: Annotated[str, typer.Option("--kind", help="award|pledge")] = "award",
    award: Annotated[str | None, typer.Option("--award", help="清单无奖项列时的奖项名 / award name")] = None,
    year: Annotated[int | None, typer.Option("--year", help="清单无年度列时的年度 / award year")] = None,
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """导入国家科学技术奖、中国专利奖获奖清单或专利质押金额清单（高价值发明专利条件4、5）。

    Example: seip import-awards 第二十四届中国专利奖.xlsx --award 中国专利奖 --year 2023
    """
    from seip.analysis.awards import import_list

    with open_corpus(home) as corpus:
        res = import_list(corpus, file, kind, name=award, year=year)
    if as_json:
        print_json(res.__dict__)
        return
    out.print(
        t(
            "aw_result",
            file=escape(res.file),
            read=res.rows_read,
            stored=res.stored,
            q=res.qualifying,
            m=res.matched,
            r=len(res.rejected),
        )
    )
    for r in res.rejected[:20]:
        err.print(f"  {t('row')} {r['row']}: {escape(str(r.get('value', '')))} {escape(str(r['reason']))}")


@app.command("targets")
def targets_cmd(
    plan: Annotated[
        Path | None, typer.Option("--plan", help="规划目标 YAML（默认黑龙江“十四五”）/ plan file")
    ] = None,
    year: YearOpt = None,
    engine: EngineOpt = "duckdb",
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """规划目标监测：将规划主要指标与专利库计算值比较并给出进度。

    Example: seip targets --year 2023 --json
    """
    from seip.analysis.targets import load_plan, plan_expressions, progress

    p = load_plan(plan)
    with _tables(home, engine, as_json) as (_, tb):
        results = {k: e.to_pyarrow() for k, e in plan_expressions(p, tb, year=year).items()}
    data = progress(p, results, year=year, today=dt.date.today())
    if as_json:
        print_json(data)
        return
    out.print(
        f"[bold]{escape(data['plan'])}[/] · {escape(data['region'])} · {data['base_year']}→{data['target_year']}"
    )
    out.print(f"{t('tg_expected')}: {data['expected']:.0%}")
    cols = ["name", "unit", "base", "target", "computed", "computed_base", "progress", "progress_by_growth"]
    _table(t("tg_plan"), [r for r in data["targets"] if r["computable"]], cols)
    for r in data["targets"]:
        if not r["computable"]:
            out.print(f"· {escape(r['name'])}: {t('tg_not_computable')}")
    _table("reference", data["reference"], ["name", "unit", "base", "computed", "coverage"])
