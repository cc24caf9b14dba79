"""The figures behind the warning bulletin (:mod:`seip.reports.bulletin`), gathered from the analysis layer and
executed once: every indicator of the early-warning system (:mod:`seip.analysis.warning`) for the selection, the
alerts with their evidence, and what is new for each watch (:mod:`seip.analysis.watch`), read without recording a
run.

May import: seip.analysis, seip.store, seip.taxonomy, seip.reports, seip.errors, stdlib, ibis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis

from seip.analysis import lifecycle, warning, watch
from seip.analysis._backend import Engine, Tables, connect, tables
from seip.analysis.population import RegionError, resolve_region
from seip.analysis.value import INTRINSIC
from seip.analysis.value_cache import cached_values
from seip.errors import SeipError
from seip.reports import charts as C
from seip.reports.published import cutoff, sources
from seip.store import Corpus

Rows = list[dict[str, Any]]


class BulletinError(SeipError):
    """The bulletin cannot be made as asked (a region that is no province)."""


@dataclass
class Bulletin:
    """Executed figures of one bulletin."""

    sei: str | None
    region: str | None
    year: int
    as_of: dt.date
    cutoff: dt.date
    rules: warning.Rules
    rules_file: Path | None
    rows: Rows  # every indicator value of the years shown (warning.COLUMNS)
    alerts: Rows  # level ≥ 1 in the evaluation year, most severe first, with evidence and command
    watches: Rows  # per watch: what is new since its last run (never recorded)
    sources: C.DataTable


def _core_values(engine: Engine, tb: Tables, as_of: dt.date, exclude: tuple[str, ...] = ()) -> ibis.Table:
    """Core patents' value columns (from the valuation cached per corpus state and day), held in memory: the
    two core measures read them."""
    v = cached_values(engine, tb, as_of, exclude)
    return ibis.memtable(v.filter(v.core).to_pyarrow())


def watch_news(corpus: Corpus, tb: Tables, limit: int = 10) -> Rows:
    """Per watch, what ``seip watch run`` would report now (new and updated patents, new legal events since its
    last run or since it was added), without recording a run."""
    found = []
    watches = watch.listing(corpus)
    if not watches:
        return found
    until = int(corpus.one("SELECT coalesce(max(import_id), 0) FROM import_log")[0])
    for w in watches:
        last = corpus.one(
            "SELECT until_import_id FROM watch_runs WHERE watch_id = ? ORDER BY run_id DESC LIMIT 1",
            [w["watch_id"]],
        )
        since = int(last[0]) if last else int(w["baseline_import_id"] or 0)
        ex = watch.news(tb.patents, tb.legal_events, w["kind"], w["value"], since=since, until=until)
        counts = ex["counts"].to_pyarrow().to_pylist()[0]
        found.append(
            {**w, "since_import_id": since, "until_import_id": until, **{k: int(v) for k, v in counts.items()},
             "new": ex["new"].limit(limit).to_pyarrow().to_pylist(),
             "events": ex["events"].limit(limit).to_pyarrow().to_pylist()}
        )  # fmt: skip
    return found


def gather(
    corpus: Corpus,
    *,
    sei: str | None = None,
    region: str | None = None,
    year: int | None = None,
    as_of: dt.date | None = None,
    rules_file: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> Bulletin:
    """Compute every indicator of the system for the selection and read the watchlists."""
    say = progress or (lambda _: None)
    if region:
        try:
            r = resolve_region(region)
        except RegionError as exc:
            raise BulletinError(str(exc)) from None
        if r.level != "province":
            raise BulletinError(f"{region}: the warning indicators are computed per province (e.g. 黑龙江省)")
        region = r.name
    rules = warning.load_rules(rules_file)
    say("analysis")
    engine = connect(corpus)
    tb = tables(engine)
    cut = cutoff(tb)
    day = as_of or dt.date.today()
    y = year or lifecycle.last_complete_year(min(cut, day))
    cached: dict[str, ibis.Table] = {}
    if {s.measure for s in rules.indicators} & set(warning.STATE_MEASURES):
        say("value")
        cached = {
            "values": _core_values(engine, tb, day),
            "intrinsic": _core_values(engine, tb, day, INTRINSIC),
        }
    ctx = warning.Context(
        tb, rules, year=y, as_of=day, sei=sei, competitors=watch.competitors(corpus), **cached
    )
    rows: Rows = []
    for spec in rules.indicators:
        say("warning")
        rows += warning.indicator_values(ctx, spec, region=region).to_pyarrow().to_pylist()
    found = warning.alerts(rows, rules, year=y, as_of=day, rules_file=rules_file)
    say("watch")
    news = watch_news(corpus, tb)
    return Bulletin(sei, region, y, day, cut, rules, rules_file, rows, found, news, sources(corpus))
