"""Import throughput (rows/s, end to end: detect, read, normalise, stage, merge, checks) and peak memory.

Usage:
    .venv/bin/python benchmarks/bench_import.py --n 1000000 --formats csv,jsonl,parquet,xlsx
    .venv/bin/python benchmarks/bench_import.py --real          # every real export in ../shared/datasets

Each import runs in a fresh process (peak RSS is that process's). Prints one JSON line per run; the figures
go to docs/PERFORMANCE.md by hand, with date and machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"


def real_files() -> list[Path]:
    files = [p for p in (DATASETS / "cn-patent-container").glob("*/*") if p.parent.name != "other"]
    files += [p for p in (DATASETS / "patentsview-db").glob("*/*.xml") if p.name != "pa040101.two.xml"]
    files += list((DATASETS / "epo-ops-samples").glob("legal/*.xml"))
    return sorted(files)


def one(paths: list[str], home: str) -> None:
    """Child process: import ``paths`` into ``home`` and print the measurement."""
    from seip.store import Corpus
    from seip.store.importing import import_file

    start = time.perf_counter()
    rows = 0
    with Corpus(home) as corpus:
        for p in paths:
            r = import_file(corpus, p)
            if r.status != "ok":
                raise SystemExit(f"import failed: {r.error}")
            rows += r.rows_read
    secs = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "rows": rows,
                "seconds": round(secs, 2),
                "rows_per_s": round(rows / secs),
                "peak_rss_mb": round(peak_mb),
            }
        )
    )


def run_child(paths: list[Path], label: str) -> dict:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as home:
        out = subprocess.run(
            [sys.executable, __file__, "--one", home, *map(str, paths)],
            capture_output=True,
            text=True,
            check=True,
        )
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
    ap.add_argument("--one", nargs="+")
    args = ap.parse_args()
    if args.one:
        one(args.one[1:], args.one[0])
        return
    if args.real:
        run_child(real_files(), "all real files")
        return
    from seip.store.files import write_batches
    from seip.synthetic import generate_batches

    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        for fmt in args.formats.split(","):
            path = Path(tmp) / f"synthetic_{args.n}.{fmt}"
            t0 = time.perf_counter()
            write_batches(generate_batches(args.n, seed=1), path)
            gen = time.perf_counter() - t0
            res = run_child([path], f"{args.n:,} synthetic rows, {fmt}")
            print(json.dumps({"generated_in_s": round(gen, 1), "file_mb": round(path.stat().st_size / 1e6)}))
            path.unlink()
            del res


if __name__ == "__main__":
    main()
