"""SEI classification throughput (issue 3, point 4: ≥ 1 million patents per minute).

Run: .venv/bin/python benchmarks/bench_classify.py [--n 1000000] [--seed 1] [--reclassify]

Measures, on ``n`` synthetic patents (generated in memory first, not timed):

* ``classify``: seip.taxonomy.classify.classify over batches of 100,000 rows, the function the import runs on every
  batch (IPC mode, main symbol, strict mode with its Aho–Corasick term search, WIPO fields);
* with ``--reclassify``: the corpus is imported into a scratch SEIP_HOME (not timed) and
  ``seip.store.classify.reclassify`` (stream out of DuckDB, classify, compare, UPDATE) is timed end to end.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=100_000)
    ap.add_argument("--reclassify", action="store_true")
    args = ap.parse_args()
    table = pa.Table.from_batches(list(generate_batches(args.n, args.seed)))
    inputs = table.select(list(INPUT_COLUMNS))
    classify(inputs.slice(0, 1000))  # load package data outside the timing
    t0 = time.perf_counter()
    given = strict = 0
    for start in range(0, inputs.num_rows, args.batch):
        out = classify(inputs.slice(start, args.batch))
        given += len(out["sei_codes"]) - out["sei_codes"].null_count
        strict += len(out["sei_codes_strict"]) - out["sei_codes_strict"].null_count
    secs = time.perf_counter() - t0
    print(
        f"classify: {args.n:,} patents in {secs:.2f} s = {args.n / secs * 60:,.0f} patents/min; "
        f"{given:,} in a category, {strict:,} in strict mode"
    )
    if args.reclassify:
        from seip.store import Corpus
        from seip.store.classify import reclassify
        from seip.store.files import write_batches
        from seip.store.importing import import_file

        with tempfile.TemporaryDirectory() as d:
            data = Path(d) / "gen.parquet"
            write_batches(table.to_batches(), data)
            del table, inputs
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
