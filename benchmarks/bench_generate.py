"""Synthetic corpus generation speed and memory: rows/s and peak RSS for N rows, printed as one JSON line.

    python benchmarks/bench_generate.py 1000000 [--seed 0] [--batch-size 100000]

Batches are generated and dropped (nothing is written), so the figure is the generator's own cost; peak RSS is
the process's maximum resident set size (it includes the interpreter and the imported libraries).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="rows to generate")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=100_000)
    args = parser.parse_args(argv)

    import pyarrow as pa

    from seip.synthetic import generate_batches

    today = datetime.date(2026, 1, 1)  # fixed snapshot date: the same rows on every run
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    warm = next(generate_batches(1, seed=args.seed, today=today))  # package data and text pools, built once
    setup = time.perf_counter() - start
    rows = nbytes = batches = 0
    start = time.perf_counter()
    for batch in generate_batches(args.n, seed=args.seed, batch_size=args.batch_size, today=today):
        rows += batch.num_rows
        nbytes += batch.nbytes
        batches += 1
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {
                "benchmark": "generate",
                "rows": rows,
                "batches": batches,
                "batch_size": args.batch_size,
                "seconds": round(seconds, 3),
                "rows_per_s": round(rows / seconds) if seconds else None,
                "setup_seconds": round(setup, 3),
                "arrow_mb": round(nbytes / 2**20, 1),
                "bytes_per_row": round(nbytes / rows) if rows else None,
                "peak_rss_mb": round(peak / 1024, 1),
                "rss_before_mb": round(rss_before / 1024, 1),
                "schema_fields": len(warm.schema),
                "python": platform.python_version(),
                "pyarrow": pa.__version__,
                "cpus": os.cpu_count(),
                "machine": platform.machine(),
                "date": datetime.date.today().isoformat(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
