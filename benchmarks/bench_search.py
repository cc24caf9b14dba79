"""Search speed: indexing throughput, incremental sync, and p50/p95 latency of a fixed set of typical queries;
optionally the quality of similar-patent neighbours.

Usage:
    .venv/bin/python benchmarks/bench_search.py --home /tmp/seip-bench --n 1000000 --seed 1
    .venv/bin/python benchmarks/bench_search.py --home /tmp/seip-bench --skip-build      # latency only
    .venv/bin/python benchmarks/bench_search.py --quality-home /tmp/real-home             # neighbour quality

``--home`` is a scratch corpus under /tmp (never the repository): when it holds no corpus, ``--n`` synthetic
patents are generated (``seip generate``) and imported. Prints one JSON line per measurement; the figures go
to docs/PERFORMANCE.md by hand, with date and machine (and whatever else was running).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

#: The fixed query set, by kind. Run each ``--repeat`` times after one warm-up run.
QUERIES: dict[str, list[str]] = {
    "single term": ["电池", "传感器", "控制方法", "图像处理", "neural network"],
    "fielded Boolean": [
        "TI=电池 AND PA=大学",
        "TI=(电池 OR 电机) AND NOT CO=US",
        "IPC=H01M* AND PR=广东",
        "PA=大学 AND TYPE=发明 AND LS=有效",
        "CL=电机 NOT TI=汽车",
    ],
    "date range": [
        "AD=2018..2022 AND SEI=5",
        "PD>=2020 AND TI=传感器",
        "AD=2015..2020 AND IPC=G06F*",
        "GD>=2019-06 AND 数据",
        "AD<2015 AND TYPE=实用新型",
    ],
}


def emit(**kw: object) -> None:
    print(json.dumps(kw, ensure_ascii=False), flush=True)


def ensure_corpus(home: Path, n: int, seed: int) -> None:
    from seip.store import Corpus
    from seip.store.files import write_batches
    from seip.store.importing import import_file
    from seip.synthetic import generate_batches

    if (home / "corpus.duckdb").exists():
        return
    home.mkdir(parents=True, exist_ok=True)
    data = home / f"synthetic_{n}_{seed}.parquet"
    start = time.perf_counter()
    write_batches(generate_batches(n, seed), data)
    with Corpus(home) as corpus:
        res = import_file(corpus, data)
    emit(step="corpus", rows=res.rows_read, seconds=round(time.perf_counter() - start, 1))


def build(home: Path) -> None:
    from seip.store import Corpus
    from seip.store.search import rebuild, status

    with Corpus(home, read_only=True) as corpus:
        wall, cpu = time.perf_counter(), time.process_time()
        n = rebuild(corpus)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        st = status(corpus)
    size = sum(f.stat().st_size for f in Path(st["path"]).iterdir()) / 1e6
    emit(
        step="index build",
        docs=n,
        seconds=round(wall, 1),
        docs_per_s=round(n / wall),
        cpu_seconds=round(cpu, 1),
        docs_per_cpu_s=round(n / cpu),
        segments=st["segments"],
        index_mb=round(size),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    )


def incremental(home: Path, n: int) -> None:
    """Import ``n`` new synthetic patents into a copy of the corpus and time the sync that follows."""
    from seip.store import Corpus
    from seip.store.files import write_batches
    from seip.store.importing import import_file
    from seip.store.search import sync
    from seip.synthetic import generate_batches

    copy = home.with_name(home.name + "-sync")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(home, copy)
    data = copy / "more.parquet"
    write_batches(generate_batches(n, 12345), data)
    with Corpus(copy) as corpus:
        res = import_file(corpus, data)
        start = time.perf_counter()
        done = sync(corpus)
        emit(step="sync after import", imported=res.imported, updated=res.updated, synced=done,
             seconds=round(time.perf_counter() - start, 1))  # fmt: skip
    shutil.rmtree(copy, ignore_errors=True)


def latency(home: Path, repeat: int) -> None:
    from seip.store import Corpus
    from seip.store.search import match_numbers, search

    with Corpus(home, read_only=True) as corpus:
        search(corpus, "电池")  # opens the index once, as a long-running process (web, notebook) would
        for facets in (False, True):
            for kind, queries in QUERIES.items():
                times, totals = [], []
                for q in queries:
                    search(corpus, q, with_facets=facets)
                    for _ in range(repeat):
                        r = search(corpus, q, limit=20, with_facets=facets)
                        times.append(r.took_ms)
                    totals.append(r.total)
                emit(step="latency", kind=kind, facets=facets, queries=len(queries), runs=len(times),
                     p50_ms=round(statistics.median(times), 1), p95_ms=round(_p95(times), 1),
                     max_ms=round(max(times), 1), hits=totals)  # fmt: skip
        for q in ("电池", "PA=大学", "AD>=2000"):
            start = time.perf_counter()
            n = len(match_numbers(corpus, q))
            emit(step="match_numbers", query=q, matches=n, ms=round((time.perf_counter() - start) * 1000, 1))


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]


def quality(home: Path, sample: int) -> None:
    from seip.store import Corpus
    from seip.store.search.similar import neighbour_agreement

    with Corpus(home, read_only=True) as corpus:
        start = time.perf_counter()
        res = neighbour_agreement(corpus, sample=sample, k=10)
        emit(
            step="similar quality",
            corpus=corpus.count(),
            seconds=round(time.perf_counter() - start, 1),
            **res,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument(
        "--sync-n", type=int, default=10_000, help="patents imported before timing a sync (0: skip)"
    )
    ap.add_argument(
        "--quality-home", type=Path, help="corpus home whose similar-patent neighbours are measured"
    )
    ap.add_argument("--quality-sample", type=int, default=2000)
    args = ap.parse_args()
    emit(
        step="machine",
        python=sys.version.split()[0],
        machine=platform.machine(),
        date=time.strftime("%Y-%m-%d"),
    )
    if args.home:
        ensure_corpus(args.home, args.n, args.seed)
        if not args.skip_build:
            build(args.home)
            if args.sync_n:
                incremental(args.home, args.sync_n)
        latency(args.home, args.repeat)
    if args.quality_home:
        quality(args.quality_home, args.quality_sample)


if __name__ == "__main__":
    main()
