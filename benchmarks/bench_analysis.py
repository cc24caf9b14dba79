"""Time every statistics and indicator table of issue 5 (points 1–3) on a corpus, on DuckDB and optionally Spark.

    .venv/bin/python benchmarks/bench_analysis.py --home /path/to/corpus-home [--spark] [--repeat 2]
    .venv/bin/python benchmarks/bench_analysis.py --generate 1000000 --home /tmp/bench1m   # build it first

Prints one Markdown row per table: engine, table, seconds (best of ``--repeat`` runs, each including ibis
compilation and fetching the result as Arrow) and result rows. The first line times the one-off preparation of
the application table for the corpus state (``tables()``), which later tables reuse; it is reused from an earlier
run unless ``--fresh`` drops it. Figures go to
docs/PERFORMANCE.md with the machine, the date and what else ran.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from seip.analysis import stats  # noqa: E402
from seip.analysis._backend import connect, corpus_state, tables  # noqa: E402
from seip.analysis.registry import INDICATORS, official  # noqa: E402
from seip.analysis.targets import load_plan, plan_expressions  # noqa: E402
from seip.store import Corpus  # noqa: E402

STATS = [
    ["year"],
    ["province"],
    ["year", "province"],
    ["sei"],
    ["sei", "province"],
    ["ipc4"],
    ["applicant"],
    ["applicant_type"],
    ["city"],
    ["patent_type", "legal_status"],
    ["office", "year"],
]


def _time(fn, repeat: int) -> tuple[float, float, int]:
    """Best wall seconds of ``repeat`` runs, the CPU seconds of that run (every thread of the process: DuckDB's
    and Python's) and the rows of the result."""
    best, cpu, rows = float("inf"), 0.0, 0
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        rows = fn()
        wall = time.perf_counter() - t0
        if wall < best:
            best, cpu = wall, time.process_time() - c0
    return best, cpu, rows


def _row(engine: str, name: str, wall: float, cpu: float | None, rows: object) -> None:
    cpu_s = f"{cpu:.2f}" if cpu is not None else ""
    print(f"| {engine} | {name} | {wall:.2f} | {cpu_s} | {rows} |", flush=True)


def _wanted(name: str, only: list[str]) -> bool:
    return not only or any(o in name for o in only)


def run(home: Path, engine: str, repeat: int, fresh: bool, only: list[str]) -> None:
    with Corpus(home, read_only=True) as corpus:
        n = corpus.count()
        root = Path(os.environ.get("SEIP_ANALYSIS_CACHE") or home / "tmp" / "analysis")
        cache = root / corpus_state(corpus)
        if fresh and cache.exists():
            for p in cache.glob(f"{engine}_*.parquet"):
                shutil.rmtree(p) if p.is_dir() else p.unlink()

        def made() -> set[Path]:
            return set(cache.glob(f"{engine}_*.parquet")) if cache.exists() else set()

        before = made()
        t0, c0 = time.perf_counter(), time.process_time()
        tb = tables(connect(corpus, engine))
        apps = tb.applications.count().to_pyarrow().as_py()
        how = "prepare" if made() - before else "reuse"
        _row(engine, f"{how}: the application table ({n:,} documents → {apps:,} applications)",
             time.perf_counter() - t0, time.process_time() - c0, f"{apps:,}")  # fmt: skip
        before = made()
        t0, c0 = time.perf_counter(), time.process_time()
        tb = tables(connect(corpus, engine), stats.LIST_DIMENSIONS)
        sizes = ", ".join(f"{d} {f.count().to_pyarrow().as_py():,}" for d, f in tb.facets.items())
        how = "prepare" if made() - before else "reuse"
        _row(
            engine,
            f"{how}: the facets ({sizes} rows)",
            time.perf_counter() - t0,
            time.process_time() - c0,
            "",
        )
        a, fc = tb.applications, tb.facets
        jobs = [
            (f"stats --by {','.join(by)}", lambda by=by: stats.stats_table(a, by, facets=fc)) for by in STATS
        ]
        jobs += [
            ("concentration applicant", lambda: stats.concentration(a, ["applicant"], facets=fc)),
            (
                "concentration province,applicant",
                lambda: stats.concentration(a, ["province", "applicant"], facets=fc),
            ),
            (
                "concentration sei_top,applicant (two list dimensions)",
                lambda: stats.concentration(a, ["sei_top", "applicant"], facets=fc),
            ),
            ("growth province,year", lambda: stats.growth(a, ["province", "year"], since=2012, until=2022)),
            ("cooperation links", lambda: stats.cooperation_links(a)),
        ]
        for ind in [*official(), INDICATORS["high_value_criteria"]]:
            for year in (None, 2020):
                name = f"{ind.id} {'--year ' + str(year) if year else '(today)'}"
                jobs.append((name, lambda ind=ind, year=year: ind(tb, year=year)))
        for name, fn in jobs:
            if _wanted(name, only):
                s, c, r = _time(lambda fn=fn: fn().to_pyarrow().num_rows, repeat)
                _row(engine, name, s, c, f"{r:,}")
        name = "targets (Heilongjiang plan, --year 2023)"
        if _wanted(name, only):
            plan = load_plan()
            s, c, r = _time(
                lambda: sum(e.to_pyarrow().num_rows for e in plan_expressions(plan, tb, year=2023).values()),
                repeat,
            )
            _row(engine, name, s, c, f"{r:,}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument(
        "--generate", type=int, help="first build a synthetic corpus of this many patents in --home"
    )
    ap.add_argument("--spark", action="store_true", help="also run on Spark (seip[spark])")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--fresh", action="store_true", help="drop a cached application table first, to time it")
    ap.add_argument("--only", default="", help="comma-separated parts of table names: time only those")
    args = ap.parse_args(argv)
    only = [o for o in args.only.split(",") if o]
    if args.generate:
        from seip.testing import build_demo_corpus

        t0 = time.perf_counter()
        build_demo_corpus(args.home, n=args.generate, seed=1)
        print(f"built {args.generate:,} patents in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("| engine | table | seconds | CPU seconds | rows |\n|---|---|---|---|---|")
    run(args.home, "duckdb", args.repeat, args.fresh, only)
    if args.spark:
        run(args.home, "pyspark", 1, args.fresh, only)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
