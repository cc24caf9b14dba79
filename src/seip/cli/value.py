"""Value, life cycle, early warning, watchlists and lapsed patents: ``seip value``, ``seip lifecycle``,
``seip warn``, ``seip watch add|list|remove|run``, ``seip lapsed``.

May import: everything.

Thin wrappers: each parses, calls :mod:`seip.analysis.value`, :mod:`~seip.analysis.lifecycle`,
:mod:`~seip.analysis.warning`, :mod:`~seip.analysis.watch` or :mod:`~seip.analysis.lapsed`, executes the
expressions on the chosen engine and prints (rich, or ``--json``).
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager
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
        "v_not_found": ("专利库中没有 {pub}", "{pub} is not in the corpus"),
        "v_score": ("价值分", "value score"),
        "v_cohort": ("比较组", "cohort"),
        "v_coverage": ("可评估权重", "weight evaluated"),
        "v_rank": ("同组排名", "rank in cell"),
        "v_core": ("核心专利", "core patent"),
        "v_dimension": ("维度", "dimension"),
        "v_component": ("指标", "component"),
        "v_raw": ("原始值", "raw"),
        "v_max": ("组内最大", "cohort max"),
        "v_norm": ("归一值", "normalised"),
        "v_weight": ("权重", "weight"),
        "v_eff": ("有效权重", "effective weight"),
        "v_contrib": ("贡献", "contribution"),
        "v_not_eval": ("未评估", "not evaluated"),
        "v_no_events": ("本局法律事件不完整", "legal events incomplete for the office"),
        "v_small": ("比较组不足10件", "cohort under 10 patents"),
        "v_missing": ("数据缺失", "data missing"),
        "v_excluded": ("评分不足一半权重，不给分", "under half the weight evaluated: no score"),
        "v_all": ("全部", "all"),
        "v_years_all": ("所有年份", "all years"),
        "v_working": ("计算中…", "computing…"),
        "lc_stage": ("技术生命周期阶段", "life-cycle stage"),
        "lc_incomplete": ("不完整（公开滞后）", "incomplete (publication lag)"),
        "lc_rules": (
            "判断规则（依次检验，首条成立者为准）",
            "rules (in order; the first that holds decides)",
        ),
        "lc_need": ("请指定 --sei、--ipc 或 --query", "give --sei, --ipc or --query"),
        "w_none": ("{year} 年无 {level} 及以上预警", "no alerts at {level} or above for {year}"),
        "w_level": ("预警级别", "level"),
        "w_history": ("历史", "history"),
        "w_basis": ("依据", "basis"),
        "w_indicator": ("指标", "indicator"),
        "w_region": ("地区", "region"),
        "w_title": ("名称", "title"),
        "watch_added": ("已添加监视 #{id}", "watch #{id} added"),
        "watch_removed": ("已删除监视 #{id}", "watch #{id} removed"),
        "watch_empty": ("尚无监视（seip watch add …）", "no watches yet (seip watch add …)"),
        "watch_new": (
            "新增 {n} 件，更新 {u} 件，新法律事件 {e} 条（共匹配 {m} 件）",
            "{n} new, {u} updated, {e} new legal events ({m} matched)",
        ),
        "lapsed_written": ("已写出 {n} 件失效专利到 {path}", "wrote {n} lapsed patents to {path}"),
        "lapsed_reason": ("失效原因", "reason"),
        "lapsed_date": ("失效日期", "date ended"),
        "lang_code": ("zh", "en"),
    }
)
EngineOpt = Annotated[str, typer.Option("--engine", help="计算引擎 duckdb|pyspark / engine")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="评估日 YYYY-MM-DD（默认今天）/ as-of day")]
SeiOpt = Annotated[str | None, typer.Option("--sei", help="战略性新兴产业代码，如 1.5 或 1 / SEI code")]


class CliInputError(SeipError):
    """An option value that cannot be used."""


def _day(text: str | None, default: dt.date | None = None) -> dt.date | None:
    """``YYYY`` (1 January) or ``YYYY-MM-DD``."""
    if text is None:
        return default
    try:
        return dt.date(int(text), 1, 1) if text.isdigit() else dt.date.fromisoformat(text)
    except ValueError:
        raise CliInputError(f"not a date: {text!r} (use YYYY or YYYY-MM-DD)") from None


@contextmanager
def _spinner(show: bool):
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=err, disable=not show) as bar:
        task = bar.add_task(t("v_working"), total=None)
        yield lambda text: bar.update(task, description=text)


class _Session:
    """The corpus on one engine, with the value of every patent computed once per corpus state and day."""

    def __init__(self, corpus, engine: str) -> None:
        from seip.analysis._backend import connect, tables

        self.corpus = corpus
        if (
            engine == "duckdb"
        ):  # analysis reads big joins and sorts: give DuckDB room (the corpus keeps 512 MB)
            corpus.con.execute(f"SET memory_limit = '{os.environ.get('SEIP_ANALYSIS_MEMORY', '4GB')}'")
        self.engine = connect(corpus, engine)
        self.tables = tables(self.engine)

    def values(self, as_of: dt.date, exclude: tuple[str, ...] = ()):
        """Every patent's value, computed once per corpus state and day (:mod:`seip.analysis.value_cache`)."""
        from seip.analysis.value_cache import cached_values

        return cached_values(self.engine, self.tables, as_of, exclude)


@contextmanager
def _engine(home: Path | None, engine: str):
    with open_corpus(home, read_only=True) as corpus:
        yield _Session(corpus, engine)


def _fmt(x: object, digits: int = 4) -> str:
    if x is None:
        return "—"
    if isinstance(x, float):
        return f"{x:.{digits}f}".rstrip("0").rstrip(".") if x != int(x) else f"{int(x)}"
    return str(x)


# ---------------------------------------------------------------------------------------------- value


@app.command("value")
def value_cmd(
    pub: Annotated[
        str | None, typer.Argument(help="公开号；省略则列出价值最高的专利 / publication number")
    ] = None,
    sei: SeiOpt = None,
    core: Annotated[bool, typer.Option("--core", help="只列核心专利 / core patents only")] = False,
    limit: Annotated[int, typer.Option(help="列出条数 / rows listed")] = 20,
    as_of: AsOfOpt = None,
    engine: EngineOpt = "duckdb",
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """专利价值度：法律、技术、经济三个维度的每项指标（原始值、归一值、权重），以及核心专利。

    Example: seip value CN112345678A --json
    """
    from seip.analysis import lifecycle, value

    day = _day(as_of, dt.date.today())
    with _spinner(not as_json and err.is_terminal), _engine(home, engine) as session:
        tb = session.tables
        if pub is None:
            sel = lifecycle.select(tb, sei=sei)
            v = session.values(day).semi_join(sel.patents, "pub_number")
            if core:
                v = v.filter(v.core)
            v = v.filter(v.value_score.notnull()).order_by([v.value_score.desc(), v.pub_number]).limit(limit)
            rows = v.join(tb.patents.select("pub_number", "title"), "pub_number").to_pyarrow().to_pylist()
            rows.sort(key=lambda r: (-r["value_score"], r["pub_number"]))
            return _print_value_list(rows, as_json)
        from seip.records.numbers import normalize_pub_number

        number = normalize_pub_number(pub) or pub.strip().upper()
        co = value.cohort_of(tb.patents, number).to_pyarrow().to_pylist()
        if not co:
            raise CliInputError(t("v_not_found", pub=pub))
        v = value.value_in_cohort(tb.patents, tb.legal_events, number, co[0], as_of=day)
        row = v.to_pyarrow().to_pylist()[0]
        info = tb.patents.filter(tb.patents.pub_number == number).select("title", "legal_status").to_pyarrow()
    data = value.explanation(row, info.to_pylist()[0], day)
    if as_json:
        print_json(data)
    else:
        _print_value(data)


def _print_value(d: dict) -> None:
    from seip.analysis.value import DIMENSION_NAMES

    zh = i18n.t("lang_code") != "en"
    c = d["cohort"]
    field = t("v_all") if c["field"] == "*" else c["field"]
    year = t("v_years_all") if c["year"] == 0 else str(c["year"])
    status = i18n.label(d["legal_status"] or "")
    out.print(f"[bold]{escape(d['pub_number'])}[/] {escape(d['title'] or '')}  [{escape(status)}]")
    score = _fmt(d["value_score"], 2) if d["value_score"] is not None else t("v_excluded")
    dims = "  ".join(f"{DIMENSION_NAMES[k][0 if zh else 1]} {_fmt(v, 2)}" for k, v in d["dimensions"].items())
    out.print(f"{t('v_score')}: [bold]{score}[/]  ({dims})  {t('v_coverage')} {_fmt(d['coverage'])}")
    rank = f"{_fmt(d['cell_rank'])}/{d['cell_scored']}"
    core = f"  [bold green]{t('v_core')}[/]" if d["core"] else ""
    out.print(
        f"{t('v_cohort')}: {c['office']} · {field} · {year} ({c['patents']:,})  {t('v_rank')}: {rank}{core}"
    )
    cols = ("v_dimension", "v_component", "v_raw", "v_max", "v_norm", "v_weight", "v_eff", "v_contrib")
    table = Table(*[t(k) for k in cols])
    why = {"no_legal_events": "v_no_events", "cohort_too_small": "v_small", "data_missing": "v_missing"}
    missing = []
    for x in d["components"]:
        name = x["name_zh"] if zh else x["name_en"]
        raw = i18n.label(x["raw"]) if isinstance(x["raw"], str) else _fmt(x["raw"], 2)
        if not x["evaluated"]:
            missing.append(f"{name}（{t(why[x['why_not']])}）" if zh else f"{name} ({t(why[x['why_not']])})")
        table.add_row(
            DIMENSION_NAMES[x["dimension"]][0 if zh else 1][: 2 if zh else 9],
            name,
            escape(raw),
            _fmt(x["cohort_max"]),
            _fmt(x["normalised"]) if x["evaluated"] else "—",
            _fmt(x["weight"]),
            _fmt(x["effective_weight"]),
            _fmt(x["contribution"], 2),
        )
    out.print(table)
    if missing:
        out.print(f"{t('v_not_eval')}: " + ("；" if zh else "; ").join(missing))


def _print_value_list(rows: list[dict], as_json: bool) -> None:
    if as_json:
        print_json(rows)
        return
    table = Table("#", "pub_number", t("v_score"), t("v_rank"), t("v_core"), t("w_title"))
    for i, r in enumerate(rows, 1):
        table.add_row(
            str(i),
            r["pub_number"],
            _fmt(r["value_score"], 2),
            f"{r['cell_rank']}/{r['cell_scored']}",
            "✓" if r["core"] else "",
            escape((r["title"] or "")[:50]),
        )
    out.print(table)


# ------------------------------------------------------------------------------------------ lifecycle


@app.command("lifecycle")
def lifecycle_cmd(
    sei: SeiOpt = None,
    ipc: Annotated[str | None, typer.Option("--ipc", help="IPC 分类号前缀，如 H01M / IPC prefix")] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="检索式（seip search 语法）/ search query")
    ] = None,
    cutoff: Annotated[str | None, typer.Option(help="数据截止日（默认最晚公开日）/ data cut-off")] = None,
    engine: EngineOpt = "duckdb",
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """技术生命周期：逐年申请量与申请人数、技术生长率/成熟系数/衰老系数，以及阶段判断（萌芽/成长/成熟/衰退）。

    Example: seip lifecycle --sei 1.5 --json
    """
    from seip.analysis import lapsed, lifecycle, stats

    if not (sei or ipc or query):
        raise CliInputError(t("lc_need"))
    with _spinner(not as_json and err.is_terminal), _engine(home, engine) as session:
        corpus, tb = session.corpus, session.tables
        sel = lifecycle.select(tb, sei=sei, ipc=ipc)
        if query:
            from seip.store.search import match_numbers

            sel = stats.restrict(sel, match_numbers(corpus, query))
        day = _day(cutoff) or lifecycle.data_cutoff(tb.patents).to_pyarrow()["cutoff"][0].as_py()
        if day is None:
            raise CliInputError("the corpus has no publication dates: give --cutoff")
        # The selection is read by five queries: fetch it once (a few columns, one row per application).
        import ibis

        apps = sel.applications.select(*lifecycle.COLUMNS).to_pyarrow()
        sel = lifecycle.narrowed(tb, ibis.memtable(apps))
        ends = lapsed.end_dates(sel, as_of=day)
        years = lifecycle.yearly(sel, ends, cutoff=day).to_pyarrow().to_pylist()
        last = lifecycle.last_complete_year(day)
        win = lifecycle.windows(sel, last_year=last).to_pyarrow().to_pylist()[0]
    verdict = lifecycle.judge(years, win, cutoff=day).as_dict()
    data = {
        "selection": {"sei": sei, "ipc": ipc, "query": query},
        "cutoff": day.isoformat(),
        "years": years,
        "judgement": verdict,
    }
    if as_json:
        print_json(data)
        return
    table = Table("year", "applications", "a", "b", "c", "applicants", "v", "α", "β", "")
    for r in years:
        table.add_row(
            str(r["year"]),
            f"{r['applications']:,}",
            str(r["a"]),
            str(r["b"]),
            str(r["c"]),
            f"{r['applicants']:,}",
            _fmt(r["v"], 3),
            _fmt(r["alpha"], 3),
            _fmt(r["beta"], 3),
            "" if r["complete"] else t("lc_incomplete"),
        )
    out.print(table)
    en = i18n.t("lang_code") == "en"
    out.print(
        f"[bold]{t('lc_stage')}: {verdict['stage_en'] if en else verdict['stage_zh']}[/]  "
        f"J={verdict['window_j']} B={verdict['window_b']}  {verdict['values']}"
    )
    out.print(t("lc_rules") + ":")
    for r in verdict["rules"]:
        decided = r["stage"] == verdict["stage"]
        out.print(f"  {'→' if decided else '·'} {r['stage']}: {r['condition']}")
        if decided:
            break


# --------------------------------------------------------------------------------------------- warn


@app.command("warn")
def warn_cmd(
    sei: SeiOpt = None,
    region: Annotated[str | None, typer.Option(help="省份，如 黑龙江省 / province")] = None,
    year: Annotated[int | None, typer.Option(help="评估年（默认最近完整申请年）/ evaluation year")] = None,
    indicator: Annotated[list[str] | None, typer.Option(help="只算这些指标 / only these indicators")] = None,
    rules: Annotated[Path | None, typer.Option(help="指标体系 YAML / indicator system file")] = None,
    min_level: Annotated[int, typer.Option(help="最低级别 0–4（0 含无警）/ lowest level shown")] = 1,
    sql: Annotated[bool, typer.Option("--sql", help="附上可复现的 SQL / add the SQL")] = False,
    as_of: AsOfOpt = None,
    engine: EngineOpt = "duckdb",
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """专利预警：按战略性新兴产业 × 地区计算预警指标（YAML 定义），列出 轻警/中警/重警/巨警 及其证据。

    Example: seip warn --sei 1.5 --region 黑龙江省 --json
    """
    from seip.analysis import lifecycle, value, warning
    from seip.analysis import watch as watching

    system = warning.load_rules(rules)
    specs = [system.get(i) for i in indicator] if indicator else list(system.indicators)
    day = _day(as_of, dt.date.today())
    show = not as_json and err.is_terminal
    with _spinner(show) as say, _engine(home, engine) as session:
        corpus, tb = session.corpus, session.tables
        cut = lifecycle.data_cutoff(tb.patents).to_pyarrow()["cutoff"][0].as_py() or day
        y = year or lifecycle.last_complete_year(min(cut, day))
        cores = {s.measure for s in specs} & set(warning.STATE_MEASURES)
        if cores and not sql:  # with --sql every alert's SQL must stand alone: no cached tables
            say(t("v_working"))
            cached = {"values": session.values(day), "intrinsic": session.values(day, value.INTRINSIC)}
        else:
            cached = {}
        ctx = warning.Context(
            tb, system, year=y, as_of=day, sei=sei, competitors=watching.competitors(corpus), **cached
        )
        rows, sqls = [], {}
        for s in specs:
            say(f"{s.id} …")
            expr = warning.indicator_values(ctx, s, region=region)
            rows += expr.to_pyarrow().to_pylist()
            if sql:
                import ibis

                sqls[s.id] = str(ibis.to_sql(expr, dialect="duckdb"))
    alerts = warning.alerts(rows, system, year=y, min_level=min_level, as_of=day, rules_file=rules)
    for a in alerts:
        if sql:
            a["sql"] = sqls[a["indicator"]]
    if as_json:
        print_json({"year": y, "as_of": day.isoformat(), "rules": system.source, "alerts": alerts})
        return
    en = i18n.t("lang_code") == "en"
    if not alerts:
        out.print(t("w_none", year=y, level=(warning.LEVELS_EN if en else system.levels)[min_level]))
        return
    table = Table(
        t("w_level"), t("w_indicator"), "SEI", t("w_region"), t("value"), t("w_basis"), t("w_history")
    )
    for a in alerts:
        hist = " ".join(f"{h['year']}:{_fmt(h['value'], 3)}" for h in a["history"])
        name = (a["name_en"] if en else a["name_zh"]) + (f" · {a['subject']}" if a["subject"] else "")
        table.add_row(
            a["level_en"] if en else a["level_zh"],
            escape(name),
            a["sei"],
            a["region"],
            _fmt(a["value"], 3),
            f"{_fmt(a['numerator'], 3)} / {_fmt(a['denominator'], 3)}",
            hist,
        )
    out.print(table)


# -------------------------------------------------------------------------------------------- watch

watch_app = typer.Typer(no_args_is_help=True, help="监视：申请人、IPC、关键词、产业的新动态 / watchlists")
app.add_typer(watch_app, name="watch")


@watch_app.command("add")
def watch_add(
    kind: Annotated[str, typer.Argument(help="applicant|ipc|keyword|sei")],
    value: Annotated[str, typer.Argument(help="申请人名称、IPC、关键词或产业代码 / what to watch")],
    label: Annotated[str | None, typer.Option(help="备注 / label")] = None,
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """添加监视（申请人、IPC 分类、关键词或战略性新兴产业）。

    Example: seip watch add applicant 宁德时代 --label 竞争对手
    """
    from seip.analysis import watch

    with open_corpus(home) as corpus:
        w = watch.add(corpus, kind, value, label)
    print_json(w) if as_json else out.print(t("watch_added", id=w["watch_id"]))


@watch_app.command("list")
def watch_list(home: HomeOpt = None, as_json: JsonOpt = False) -> None:
    """列出所有监视及其最近一次运行。

    Example: seip watch list --json
    """
    from seip.analysis import watch

    with open_corpus(home, read_only=True) as corpus:
        rows = watch.listing(corpus)
    if as_json:
        print_json(rows)
        return
    if not rows:
        return out.print(t("watch_empty"))
    table = Table("#", "kind", "value", "label", "last run", "last new")
    for w in rows:
        keys = ("watch_id", "kind", "value", "label", "last_run_at", "last_new")
        table.add_row(*(escape(_fmt(w[k])) for k in keys))
    out.print(table)


@watch_app.command("remove")
def watch_remove(
    watch_id: Annotated[int, typer.Argument(help="监视编号 / watch id")],
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """删除一个监视及其运行记录。

    Example: seip watch remove 3
    """
    from seip.analysis import watch

    with open_corpus(home) as corpus:
        w = watch.remove(corpus, watch_id)
    print_json(w) if as_json else out.print(t("watch_removed", id=watch_id))


@watch_app.command("run")
def watch_run(
    ids: Annotated[list[int] | None, typer.Argument(help="监视编号（默认全部）/ watch ids")] = None,
    limit: Annotated[int, typer.Option(help="每个监视列出的新专利数 / new patents listed")] = 20,
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """运行监视：报告自上次运行以来新增、更新的专利和新的法律事件。

    Example: seip watch run --json
    """
    from seip.analysis import watch

    with _spinner(not as_json and err.is_terminal) as say, open_corpus(home) as corpus:
        results = watch.run(
            corpus, ids, limit=limit, progress=lambda w: say(f"#{w['watch_id']} {w['value']}")
        )
    if as_json:
        print_json(results)
        return
    if not results:
        out.print(t("watch_empty"))
    for r in results:
        out.print(
            f"[bold]#{r['watch_id']} {r['kind']} {escape(r['value'])}[/]: "
            + t("watch_new", n=r["new_patents"], u=r["updated_patents"], e=r["new_events"], m=r["matched"])
        )
        for p in r["new"]:
            out.print(f"  {p['pub_number']}  {p['pub_date'] or ''}  {escape((p['title'] or '')[:60])}")


# ------------------------------------------------------------------------------------------- lapsed


@app.command("lapsed")
def lapsed_cmd(
    sei: SeiOpt = None,
    ipc: Annotated[str | None, typer.Option("--ipc", help="IPC 分类号前缀 / IPC prefix")] = None,
    since: Annotated[
        str | None, typer.Option(help="失效日不早于 YYYY 或 YYYY-MM-DD / ended on or after")
    ] = None,
    reason: Annotated[
        list[str] | None, typer.Option(help="失效原因（可多次）/ reasons: lapsed, expired…")
    ] = None,
    include_undated: Annotated[bool, typer.Option(help="含失效日期未知者 / keep undated")] = False,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="写出 .xlsx/.csv/.parquet / write to")
    ] = None,
    limit: Annotated[int, typer.Option(help="屏幕/JSON 显示条数 / rows shown")] = 50,
    as_of: AsOfOpt = None,
    engine: EngineOpt = "duckdb",
    home: HomeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """失效专利文献汇编：失效原因与日期，按价值从高到低排列。

    Example: seip lapsed --sei 1.5 --since 2020 --out 失效专利.xlsx
    """
    from seip.analysis import lapsed

    reasons = tuple(reason) if reason else tuple(lapsed.END_CATEGORY)
    bad = [r for r in reasons if r not in lapsed.END_CATEGORY]
    if bad:
        raise CliInputError(f"unknown reason {', '.join(bad)}: choose from {', '.join(lapsed.END_CATEGORY)}")
    day = _day(as_of, dt.date.today())
    start = _day(since)
    with _spinner(not as_json and err.is_terminal), _engine(home, engine) as session:
        expr = lapsed.lapsed_table(
            session.tables,
            as_of=day,
            sei=sei,
            ipc=ipc,
            since=start,
            reasons=reasons,
            include_undated=include_undated,
            values=session.values(day),
        )
        table = expr.to_pyarrow()
    if out_file is not None:
        selection = {"sei": sei, "ipc": ipc, "since": since, "reasons": reasons, "as_of": day}
        lapsed.write(table, out_file, selection, en=i18n.t("lang_code") == "en")
    rows = table.slice(0, limit).to_pylist()
    if as_json:
        print_json({"total": table.num_rows, "out": str(out_file) if out_file else None, "rows": rows})
        return
    if out_file is not None:
        out.print(t("lapsed_written", n=table.num_rows, path=out_file))
    view = Table("#", "pub_number", t("lapsed_reason"), t("lapsed_date"), t("v_score"), t("w_title"))
    for r in rows:
        when = str(r["end_date"]) if r["end_date"] else f"≥{r['ended_after'] or '?'}"
        view.add_row(
            str(r["rank"]),
            r["pub_number"],
            i18n.label(r["reason"]),
            when,
            _fmt(r["value_score"], 2),
            escape((r["title"] or "")[:40]),
        )
    out.print(view)
