"""SEI classification throughput (issue 3, point 4: ≥ 1 million patents per minute).

Run: .venv/bin/python benchmarks/bench_classify.py [--n 1000000] [--seed 1] [--reclassify]
     .venv/bin/python benchmarks/bench_classify.py --home HOME      # the patents of a corpus (e.g. the real one)

Measures, on ``n`` synthetic patents (generated in memory first, not timed) or on the patents of the corpus in
``HOME`` (read first, not timed):

* ``classify``: seip.taxonomy.classify.classify over batches of 122,880 rows (the import's batch), the function
  the import runs on every batch (IPC mode, main symbol, strict mode with its Aho–Corasick term search, WIPO
  fields); wall and CPU seconds (all threads), so that a figure taken while other work shares the machine
  still says what the classifier costs;
* with ``--reclassify``: the corpus is imported into a scratch SEIP_HOME (not timed) and
  ``seip.store.classify.reclassify`` (stream out of DuckDB, classify, compare, UPDATE) is timed end to end.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from seip.synthetic import generate_batches
from seip.taxonomy.classify import INPUT_COLUMNS, classify


def _inputs(args: argparse.Namespace) -> pa.Table:
    if args.home:
        from seip.store import Corpus

        with Corpus(args.home, read_only=True) as corpus:
            return corpus.query(f"SELECT {', '.join(INPUT_COLUMNS)} FROM patents")
    return pa.Table.from_batches(list(generate_batches(args.n, args.seed))).select(list(INPUT_COLUMNS))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=122_880)
    ap.add_argument("--home", help="classify the patents of this corpus instead of synthetic ones")
    ap.add_argument("--reclassify", action="store_true")
    args = ap.parse_args()
    inputs = _inputs(args)
    n = inputs.num_rows
    classify(inputs.slice(0, 1000))  # load package data outside the timing
    load = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    given = strict = 0
    for start in range(0, n, args.batch):
        out = classify(inputs.slice(start, args.batch))
        given += len(out["sei_codes"]) - out["sei_codes"].null_count
        strict += len(out["sei_codes_strict"]) - out["sei_codes_strict"].null_count
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"classify: {n:,} patents in {secs:.2f} s = {n / secs * 60:,.0f} patents/min "
        f"({cpu:.2f} CPU s = {n / cpu * 60:,.0f} per CPU-minute); {given:,} in a category, {strict:,} in strict "
        f"mode; load average {load:.2f} → {os.getloadavg()[0]:.2f}"
    )
    if args.reclassify:
        from seip.store import Corpus
        from seip.store.classify import reclassify
        from seip.store.files import write_batches
        from seip.store.importing import import_file

        with tempfile.TemporaryDirectory() as d:
            data = Path(d) / "gen.parquet"
            write_batches(generate_batches(args.n, args.seed), data)
            del inputs
            with Corpus(Path(d) / "home") as corpus:
                import_file(corpus, data)
                t0 = time.perf_counter()
                counts = reclassify(corpus)
                secs = time.perf_counter() - t0
            print(
                f"reclassify: {counts['patents']:,} patents in {secs:.2f} s = "
                f"{counts['patents'] / secs * 60:,.0f} patents/min ({counts['changed']} changed)"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    print(f"peak RSS {peak:.2f} GB; {platform.machine()}, {platform.python_version()}")


if __name__ == "__main__":
    main()
