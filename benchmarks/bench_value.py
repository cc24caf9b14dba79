"""Speed of patent value, life cycle, lapsed compilation and early warning on a corpus (issue 5, points 4–7).

Usage:
    .venv/bin/python benchmarks/bench_value.py --home CORPUS_HOME [--sei 1.5] [--spark] [--repeat 2]
    .venv/bin/python benchmarks/bench_value.py --build 10000000 --home /tmp/bench10m   # make the corpus first

Each step runs ``--repeat`` times; the best wall time is printed as one JSON line per step. The figures go to
docs/PERFORMANCE.md by hand, with date and machine. Steps:

* ``applications``: building the application table cache (once per corpus state, shared with ``seip stats``);
* ``value_all``: the value of every patent (aggregated to one row, so that transferring 10 million rows to
  Python is not what is measured); ``value_cache``: the same written to Parquet, as the commands keep it
  per corpus state and day (``value_cache_intrinsic``: without validity and term, for ``core_lapsed``);
* ``value_one``: ``seip value PUB`` (the patent's cohort only);
* ``lifecycle``: yearly table and windows of one SEI category;
* ``lapsed``: the compilation of one SEI category since 2020, executed to Arrow (cached valuation);
* ``warn_<id>``: each early-warning indicator for every SEI category × region (cached valuation).

Runs with the commands' settings: DuckDB memory ``SEIP_ANALYSIS_MEMORY`` (default 4GB) for analysis.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import time
from pathlib import Path

_CPU = [0.0]  # CPU seconds of the best run of the last _best (every thread of the process)


def _best(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        out = fn()
        wall = time.perf_counter() - start
        if wall < best:
            best, _CPU[0] = wall, time.process_time() - cpu
    return best, out


def _report(step: str, engine: str, secs: float, **extra: object) -> None:
    row = {"step": step, "engine": engine, "seconds": round(secs, 2), "cpu_seconds": round(_CPU[0], 2)}
    print(json.dumps({**row, **extra}, ensure_ascii=False), flush=True)


def run(home: Path, engine: str, sei: str, repeat: int, skip: frozenset[str] = frozenset()) -> None:
    import ibis

    from seip.analysis import lapsed, lifecycle, value, warning
    from seip.cli.value import _Session  # what the commands use: analysis memory, cached valuation
    from seip.store import Corpus

    with Corpus(home, read_only=True) as corpus:
        secs, session = _best(lambda: _Session(corpus, engine), 1)
        tb = session.tables
        _report("applications", engine, secs, patents=corpus.count())
        as_of = dt.date(2024, 1, 1)
        cutoff = lifecycle.data_cutoff(tb.patents).to_pyarrow()["cutoff"][0].as_py()

        def value_all():
            v = value.value_columns(tb.patents, tb.legal_events, as_of=as_of)
            return v.aggregate(n=v.count(), core=v.core.sum(), mean=v.value_score.mean()).to_pyarrow()

        if "value_all" not in skip:
            secs, out = _best(value_all, repeat)
            _report("value_all", engine, secs, **{k: out[k][0].as_py() for k in ("n", "core")})
        secs, values = _best(lambda: session.values(as_of), 1)
        _report("value_cache", engine, secs)
        secs, intrinsic = _best(lambda: session.values(as_of, value.INTRINSIC), 1)
        _report("value_cache_intrinsic", engine, secs)

        pub = tb.patents.filter(tb.patents.pub_country == "CN").pub_number.min().to_pyarrow().as_py()

        def value_one():
            c = value.cohort_of(tb.patents, pub).to_pyarrow().to_pylist()[0]
            return value.value_in_cohort(tb.patents, tb.legal_events, pub, c, as_of=as_of).to_pyarrow()

        if "value_one" not in skip:
            secs, _ = _best(value_one, repeat)
            _report("value_one", engine, secs, pub_number=pub)

        def life():  # as `seip lifecycle` does it: the selection fetched once
            sel = lifecycle.select(tb, sei=sei)
            apps = sel.applications.select(*lifecycle.COLUMNS).to_pyarrow()
            sel = lifecycle.narrowed(tb, ibis.memtable(apps))
            y = lifecycle.yearly(sel, lapsed.end_dates(sel, as_of=cutoff), cutoff=cutoff).to_pyarrow()
            w = lifecycle.windows(sel, last_year=lifecycle.last_complete_year(cutoff)).to_pyarrow()
            return y, w

        secs, _ = _best(life, repeat)
        _report("lifecycle", engine, secs, sei=sei)

        def compile_lapsed():
            since = dt.date(2020, 1, 1)
            return lapsed.lapsed_table(tb, as_of=as_of, sei=sei, since=since, values=values).to_pyarrow()

        secs, out = _best(compile_lapsed, repeat)
        _report("lapsed", engine, secs, sei=sei, rows=out.num_rows)

        rules = warning.load_rules()
        year = lifecycle.last_complete_year(cutoff)
        ctx = warning.Context(tb, rules, year=year, as_of=as_of, values=values, intrinsic=intrinsic)
        total, cpu = 0.0, 0.0
        for spec in rules.indicators:
            secs, out = _best(lambda spec=spec: warning.indicator_values(ctx, spec).to_pyarrow(), repeat)
            total += secs
            cpu += _CPU[0]
            _report(f"warn_{spec.id}", engine, secs, rows=out.num_rows)
        _CPU[0] = cpu
        _report("warn_all", engine, total)


def build(home: Path, n: int) -> None:
    from seip.testing import build_demo_corpus

    start = time.perf_counter()
    build_demo_corpus(home, n=n, seed=1)
    _report("build", "duckdb", time.perf_counter() - start, patents=n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--build", type=int, help="first build a synthetic corpus of this many patents at --home")
    ap.add_argument("--sei", default="1.5")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--spark", action="store_true", help="also run on Spark (seip[spark])")
    ap.add_argument("--skip", default="", help="comma-separated steps not to time (value_all, value_one)")
    args = ap.parse_args()
    skip = frozenset(x for x in args.skip.split(",") if x)
    print(json.dumps({"machine": platform.machine(), "python": platform.python_version(),
                      "date": dt.date.today().isoformat(), "load_average": os.getloadavg()}))  # fmt: skip
    if args.build:
        build(args.home, args.build)
    run(args.home, "duckdb", args.sei, args.repeat, skip)
    if args.spark:
        run(args.home, "pyspark", args.sei, 1, skip)
    print(json.dumps({"load_average_after": os.getloadavg()}))


if __name__ == "__main__":
    main()
