"""Watchlists (专利监视): applicants, IPC symbols, keywords or SEI categories a user follows, and what is new
for each since the last look.

May import: seip.analysis (its own modules), seip.store, seip.taxonomy, seip.errors, stdlib, ibis.

Two small tables live in the corpus's DuckDB, created here (``CREATE … IF NOT EXISTS``) on first use:

* ``watchlist``: ``watch_id``, ``kind``, ``value``, ``label``, ``created_at`` and ``baseline_import_id`` (the
  last import when the watch was added: the first run reports what came after it);
* ``watch_runs``: one row per watch per run: the import ids it covered (``since_import_id`` <
  first/last import ≤ ``until_import_id``) and what it found.

"New since the last run" is read from the corpus's own import ids: a **new** patent was first imported after
the watermark, an **updated** one was changed by a later import (its content differed: seip keeps
``last_import_id`` for real changes only), a **new legal event** was imported after it. :func:`matches` and
:func:`news` are ibis expressions; :func:`run` executes them on the corpus and records the run (it writes, so
it works on the corpus's DuckDB, never on Spark). The end of this module registers the indicators of value,
life cycle, lapsed patents and early warning in ``seip.analysis.registry``.
"""

from __future__ import annotations

import datetime as dt
import re

import ibis
import ibis.expr.types as ir

from seip.analysis._backend import Tables
from seip.analysis.lifecycle import ipc_prefix
from seip.errors import SeipError
from seip.store import Corpus
from seip.taxonomy.sei import categories

KINDS = ("applicant", "ipc", "keyword", "sei")
DDL = """
CREATE SEQUENCE IF NOT EXISTS watch_seq START 1;
CREATE SEQUENCE IF NOT EXISTS watch_run_seq START 1;
CREATE TABLE IF NOT EXISTS watchlist (
  watch_id BIGINT, kind VARCHAR, value VARCHAR, label VARCHAR, created_at TIMESTAMP, baseline_import_id BIGINT
);
CREATE TABLE IF NOT EXISTS watch_runs (
  run_id BIGINT, watch_id BIGINT, run_at TIMESTAMP, since_import_id BIGINT, until_import_id BIGINT,
  matched BIGINT, new_patents BIGINT, updated_patents BIGINT, new_events BIGINT
);
"""
_IPC = re.compile(r"^[A-H]\d{2}[A-Z](\d{1,4}(/\d{1,6})?)?$")
TEXT_FIELDS = ("title", "title_en", "abstract", "abstract_en")


class WatchError(SeipError):
    """A watch that cannot be added, found or run."""


def ensure(corpus: Corpus) -> None:
    """Create the watch tables if they are missing (the corpus must be open for writing)."""
    corpus.con.execute(DDL)


def _exists(corpus: Corpus) -> bool:
    return bool(corpus.one("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'watchlist'")[0])


def check(kind: str, value: str) -> str:
    """The value to store for a watch of ``kind``, or a :class:`WatchError` saying what is wrong.

    >>> check("ipc", "h01m 10/05"), check("sei", "1.5"), check("applicant", " 华为 ")
    ('H01M10/05', '1.5', '华为')
    """
    if kind not in KINDS:
        raise WatchError(f"unknown watch kind {kind!r}: choose one of {', '.join(KINDS)}")
    v = value.strip()
    if not v:
        raise WatchError("a watch needs a value")
    if kind == "ipc":
        v = v.replace(" ", "").upper()
        if not _IPC.match(v):
            raise WatchError(f"{value!r} is not an IPC symbol (e.g. H01M, H01M10, H01M10/05)")
    if kind == "sei":
        cats = categories()
        if v not in cats and v not in {c.top_code for c in cats.values()}:
            raise WatchError(f"{value!r} is not an SEI code (e.g. 1.5, or 1 for the whole industry)")
    return v


def matches(patents: ir.Table, kind: str, value: str) -> ir.BooleanValue:
    """Whether a patent falls under a watch: an applicant name containing ``value`` (case-insensitive, given or
    normalised names), an IPC symbol starting with it (a main group ``H01M10`` means ``H01M10/…``), a title or
    abstract containing it (case-insensitive), or the SEI code (a first-level code takes the industry)."""
    p = patents
    if kind == "applicant":
        needle = value.lower()
        hit = [
            p[c].map(lambda x, n=needle: x.lower().contains(n)).anys().fill_null(False)
            for c in ("applicants", "applicants_std")
        ]
        return hit[0] | hit[1]
    if kind == "ipc":
        prefix = ipc_prefix(value)
        return p.ipc.map(lambda s, x=prefix: s.startswith(x)).anys().fill_null(False)
    if kind == "keyword":
        needle = value.lower()
        hits = [p[c].lower().contains(needle).fill_null(False) for c in TEXT_FIELDS]
        return hits[0] | hits[1] | hits[2] | hits[3]
    if kind == "sei":
        codes = p.sei_codes if "." in value else p.sei_top
        return codes.contains(value).fill_null(False)
    raise WatchError(f"unknown watch kind {kind!r}")


def news(patents: ir.Table, events: ir.Table, kind: str, value: str, *, since: int, until: int) -> dict:
    """Expressions for one watch over imports ``since`` < id ≤ ``until``: ``counts`` (one row: ``matched``,
    ``new_patents``, ``updated_patents``, ``new_events``), ``new`` (the new patents, latest publication
    first) and ``events`` (the new legal events of matched patents, latest first)."""
    m = patents.filter(matches(patents, kind, value))
    first, last = m.first_import_id, m.last_import_id
    is_new = (first > since) & (first <= until)
    is_updated = (first <= since) & (last > since) & (last <= until)
    ev = events.filter(events.import_id > since, events.import_id <= until)
    ev = ev.semi_join(m, "pub_number")
    counts = m.aggregate(
        matched=m.count(), new_patents=m.count(where=is_new), updated_patents=m.count(where=is_updated)
    ).cross_join(ev.aggregate(new_events=ev.count()))
    new = m.filter(is_new).select(
        "pub_number", "title", "pub_date", "legal_status", applicants=m.applicants.join("; ")
    )
    new = new.order_by([ibis.desc(new.pub_date), new.pub_number])
    ev = ev.select("pub_number", "event_date", "category", "code", "description")
    return {"counts": counts, "new": new, "events": ev.order_by([ibis.desc(ev.event_date), ev.pub_number])}


def _watermark(corpus: Corpus) -> int:
    return int(corpus.one("SELECT coalesce(max(import_id), 0) FROM import_log")[0])


def add(corpus: Corpus, kind: str, value: str, label: str | None = None) -> dict:
    """Add a watch (an identical one is an error naming it); returns it as a dict."""
    ensure(corpus)
    v = check(kind, value)
    dup = corpus.one("SELECT watch_id FROM watchlist WHERE kind = ? AND value = ?", [kind, v])
    if dup:
        raise WatchError(f"{kind} {v!r} is already watched (watch {dup[0]})")
    watch_id = int(corpus.one("SELECT nextval('watch_seq')")[0])
    corpus.con.execute(
        "INSERT INTO watchlist VALUES (?, ?, ?, ?, ?, ?)",
        [watch_id, kind, v, label, dt.datetime.now().replace(microsecond=0), _watermark(corpus)],
    )
    return get(corpus, watch_id)


def get(corpus: Corpus, watch_id: int) -> dict:
    rows = [w for w in listing(corpus) if w["watch_id"] == watch_id]
    if not rows:
        raise WatchError(f"no watch {watch_id} (see `seip watch list`)")
    return rows[0]


def listing(corpus: Corpus) -> list[dict]:
    """Every watch with its last run (``last_run_at``, ``last_new``), in id order; empty before the first add."""
    if not _exists(corpus):
        return []
    # Both tables are created together (DDL), so watch_runs exists whenever watchlist does.
    t = corpus.query(
        """SELECT w.watch_id, w.kind, w.value, w.label, w.created_at, w.baseline_import_id, r.last_run_at,
        r.last_new FROM watchlist w LEFT JOIN (
          SELECT watch_id, max(run_at) AS last_run_at, arg_max(new_patents, run_id) AS last_new
          FROM watch_runs GROUP BY watch_id) r USING (watch_id)
        ORDER BY w.watch_id"""
    )
    return t.to_pylist()


def remove(corpus: Corpus, watch_id: int) -> dict:
    """Delete a watch and its runs; returns what was deleted."""
    w = get(corpus, watch_id)
    corpus.con.execute("DELETE FROM watch_runs WHERE watch_id = ?", [watch_id])
    corpus.con.execute("DELETE FROM watchlist WHERE watch_id = ?", [watch_id])
    return w


def run(corpus: Corpus, ids: list[int] | None = None, *, limit: int = 20, progress=None) -> list[dict]:
    """Run watches (all, or ``ids``) on the corpus's DuckDB: for each, what is new since its last run (or
    since it was added), with up to ``limit`` new patents and new events; records the run."""
    ensure(corpus)
    watches = listing(corpus)
    if ids:
        unknown = sorted(set(ids) - {w["watch_id"] for w in watches})
        if unknown:
            raise WatchError(f"no watch {', '.join(map(str, unknown))} (see `seip watch list`)")
        watches = [w for w in watches if w["watch_id"] in ids]
    backend = ibis.duckdb.from_connection(corpus.con)
    patents, events = backend.table("patents"), backend.table("legal_events")
    until = _watermark(corpus)
    out = []
    for w in watches:
        prev = corpus.one(
            "SELECT until_import_id FROM watch_runs WHERE watch_id = ? ORDER BY run_id DESC LIMIT 1",
            [w["watch_id"]],
        )
        since = int(prev[0]) if prev else int(w["baseline_import_id"] or 0)
        ex = news(patents, events, w["kind"], w["value"], since=since, until=until)
        counts = ex["counts"].to_pyarrow().to_pylist()[0]
        result = {
            **w,
            "since_import_id": since,
            "until_import_id": until,
            **{k: int(v) for k, v in counts.items()},
            "new": ex["new"].limit(limit).to_pyarrow().to_pylist(),
            "events": ex["events"].limit(limit).to_pyarrow().to_pylist(),
        }
        run_id = int(corpus.one("SELECT nextval('watch_run_seq')")[0])
        corpus.con.execute(
            "INSERT INTO watch_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                run_id,
                w["watch_id"],
                dt.datetime.now().replace(microsecond=0),
                since,
                until,
                result["matched"],
                result["new_patents"],
                result["updated_patents"],
                result["new_events"],
            ],
        )
        out.append(result)
        if progress is not None:
            progress(w)
    return out


def competitors(corpus: Corpus) -> tuple[str, ...]:
    """Values of the applicant watches: the competitors the early warning follows."""
    if not _exists(corpus):
        return ()
    rows = corpus.con.execute(
        "SELECT value FROM watchlist WHERE kind = 'applicant' ORDER BY watch_id"
    ).fetchall()
    return tuple(r[0] for r in rows)


# Registry entries of value, life cycle, lapsed patents and early warning. They live here, at the end of the last
# module the registry loads (it loads modules in name order, and docs/indicators.md lists them in that order),
# and import their modules only when called: registering at the top of value.py would load the registry, and
# with it every module, while value.py is half-defined.


def _day(x: str | dt.date) -> dt.date:
    return x if isinstance(x, dt.date) else dt.date.fromisoformat(x)


def _register() -> None:
    from seip.analysis import lifecycle
    from seip.analysis.lapsed import end_dates, lapsed_table
    from seip.analysis.registry import indicator
    from seip.analysis.value import value_columns

    @indicator(
        "patent_value",
        "专利价值度：法律、技术、经济三维度得分（0–100）、同组排名与核心专利标记（docs/analysis.md）。",
        "Patent value: legal, technical and economic scores (0–100), rank in the cell and core flag.",
        example={"as_of": "2024-01-01"},
    )
    def _value(tables: Tables, *, as_of: str | dt.date) -> ir.Table:
        return value_columns(tables.patents, tables.legal_events, as_of=_day(as_of))

    @indicator(
        "tech_lifecycle",
        "技术生命周期：逐年申请量、申请人数、技术生长率、成熟系数、衰老系数与数据完整性。",
        "Technology life cycle: applications, applicants, growth rate v, maturity α and ageing β per year.",
        example={"sei": "1.5", "cutoff": "2023-05-26"},
    )
    def _lifecycle(
        tables: Tables, *, cutoff: str | dt.date, sei: str | None = None, ipc: str | None = None
    ) -> ir.Table:
        day = _day(cutoff)
        sel = lifecycle.select(tables, sei=sei, ipc=ipc)
        return lifecycle.yearly(sel, end_dates(tables, as_of=day), cutoff=day)

    @indicator(
        "lapsed_compilation",
        "失效专利文献汇编：失效原因、失效日期及其依据，按价值分从高到低。",
        "Lapsed-patent compilation: reason, date ended and its basis, most valuable first.",
        example={"sei": "1.5", "since": "2020-01-01", "as_of": "2024-01-01"},
    )
    def _lapsed(
        tables: Tables, *, as_of: str | dt.date, sei: str | None = None, since: str | dt.date | None = None
    ) -> ir.Table:
        return lapsed_table(tables, as_of=_day(as_of), sei=sei, since=_day(since) if since else None)

    @indicator(
        "early_warning",
        "专利预警指标：每个战略性新兴产业 × 地区的指标值、分子、分母、基数与预警级别（0 无警 … 4 巨警）。",
        "Early-warning indicators per SEI category × region: value, numerator, denominator, base and level.",
        example={
            "year": 2020,
            "as_of": "2023-06-01",
            "indicators": ["foreign_share", "region_growth", "region_rank_change", "transfer_surge"],
        },
    )
    def _warning(
        tables: Tables,
        *,
        year: int,
        as_of: str | dt.date,
        indicators: list[str] | None = None,
        competitors: tuple[str, ...] = (),
    ) -> ir.Table:
        from seip.analysis.warning import Context, Rules, load_rules, warning_values

        rules = load_rules()
        if indicators:
            rules = Rules(rules.levels, rules.office, rules.history, rules.trailing,
                          tuple(rules.get(i) for i in indicators), rules.source)  # fmt: skip
        ctx = Context(tables, rules, year=year, as_of=_day(as_of), competitors=tuple(competitors))
        return warning_values(ctx)


_register()
