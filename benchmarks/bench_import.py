"""Import throughput (rows/s, end to end: detect, read, normalise, classify, load, merge, checks), CPU time and
peak memory.

Usage:
    .venv/bin/python benchmarks/bench_import.py --n 1000000 --formats csv,jsonl,parquet,xlsx
    .venv/bin/python benchmarks/bench_import.py --files big.parquet big.jsonl   # files already generated
    .venv/bin/python benchmarks/bench_import.py --real          # every real export in ../shared/datasets
    .venv/bin/python benchmarks/bench_import.py --files big.parquet --stages   # where the time goes

Each import runs in a fresh process (peak RSS is that process's). Prints one JSON line per run with wall and CPU
seconds (the process's user + system time, all threads: on a machine other work shares, CPU seconds say more
than the wall clock) and the load average before and after. ``--stages`` runs the stages one after the other
(no read-ahead thread) and gives CPU and wall seconds per stage. The figures go to docs/PERFORMANCE.md by hand,
with date and machine.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"


def real_files() -> list[Path]:
    files = [p for p in (DATASETS / "cn-patent-container").glob("*/*") if p.parent.name != "other"]
    files += [p for p in (DATASETS / "patentsview-db").glob("*/*.xml") if p.name != "pa040101.two.xml"]
    files += list((DATASETS / "epo-ops-samples").glob("legal/*.xml"))
    return sorted(files)


class _AtOnce:
    """An executor that runs what it is given at once, in the caller's thread."""

    def __init__(self, *a: object, **kw: object) -> None:
        pass

    def __enter__(self) -> _AtOnce:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def submit(self, fn: Callable, *a: object, **kw: object) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*a, **kw))
        except Exception as exc:  # handed to the caller through the future, as an executor does
            future.set_exception(exc)
        return future


def _stages() -> dict[str, list[float]]:
    """Time the stages of seip.store.importing one after the other: [CPU s, wall s] per stage."""
    from seip.store import _load, checks, importing

    spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])

    def timed(name: str, fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*a: object, **kw: object) -> object:
            c, w = time.process_time(), time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                spent[name][0] += time.process_time() - c
                spent[name][1] += time.perf_counter() - w

        return wrapper

    def one_by_one(batches: Iterable, norm: Any) -> Iterator:
        read = timed("read", lambda it: next(it, None))
        it = iter(batches)
        while (batch := read(it)) is not None:
            if batch.num_rows:
                out = timed("normalize", norm.normalize)(batch)
                out.records = timed("classify", importing.with_taxonomy)(out.records)
                yield batch.num_rows, out

    importing._read_ahead = one_by_one
    importing.ThreadPoolExecutor = _AtOnce  # the file's hash too: stage timings must not overlap
    _load.row_stats = timed("check_figures", _load.row_stats)
    importing.file_sha256 = timed("sha256", importing.file_sha256)
    _load.Loader.add = timed("load", _load.Loader.add)
    _load.Loader.finish = timed("merge", _load.Loader.finish)
    checks.run_import_checks = timed("checks", checks.run_import_checks)
    return spent


def one(paths: list[str], home: str, stages: bool) -> None:
    """Child process: import ``paths`` into ``home`` and print the measurement."""
    spent = _stages() if stages else None
    from seip.store import Corpus
    from seip.store.importing import import_file

    load = os.getloadavg()[0]
    start, cpu = time.perf_counter(), time.process_time()
    rows = 0
    with Corpus(home) as corpus:
        for p in paths:
            r = import_file(corpus, p)
            if r.status != "ok":
                raise SystemExit(f"import failed: {r.error}")
            rows += r.rows_read
    secs, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {
        "rows": rows,
        "seconds": round(secs, 2),
        "rows_per_s": round(rows / secs),
        "cpu_seconds": round(cpu, 2),
        "rows_per_cpu_s": round(rows / cpu),
        "peak_rss_mb": round(peak_mb),
        "load_average": [round(load, 2), round(os.getloadavg()[0], 2)],
    }
    if spent is not None:
        out["stages_cpu_wall_s"] = {k: [round(c, 2), round(w, 2)] for k, (c, w) in spent.items()}
    print(json.dumps(out))


def run_child(paths: list[Path], label: str, stages: bool = False) -> dict:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as home:
        cmd = [sys.executable, __file__, *(["--stages"] if stages else []), "--one", home, *map(str, paths)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    res = json.loads(out.stdout.strip().splitlines()[-1])
    res.update(
        label=label, machine=f"{platform.machine()} {os.cpu_count()} cores", date=time.strftime("%Y-%m-%d")
    )
    print(json.dumps(res, ensure_ascii=False), flush=True)
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--formats", default="csv,jsonl,parquet")
    ap.add_argument("--real", action="store_true")
    ap.add_argument("--files", nargs="+", help="import these files (one process each) instead of generating")
    ap.add_argument("--stages", action="store_true", help="CPU and wall seconds per stage, no read-ahead")
    ap.add_argument("--one", nargs="+")
    args = ap.parse_args()
    if args.one:
        one(args.one[1:], args.one[0], args.stages)
        return
    if args.real:
        run_child(real_files(), "all real files", args.stages)
        return
    if args.files:
        for f in args.files:
            run_child([Path(f)], Path(f).name, args.stages)
        return
    from seip.store.files import write_batches
    from seip.synthetic import generate_batches

    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        for fmt in args.formats.split(","):
            path = Path(tmp) / f"synthetic_{args.n}.{fmt}"
            t0 = time.perf_counter()
            write_batches(generate_batches(args.n, seed=1), path)
            gen = time.perf_counter() - t0
            run_child([path], f"{args.n:,} synthetic rows, {fmt}", args.stages)
            print(json.dumps({"generated_in_s": round(gen, 1), "file_mb": round(path.stat().st_size / 1e6)}))
            path.unlink()


if __name__ == "__main__":
    main()
