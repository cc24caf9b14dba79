"""Text vectors (seip.store.vectors): build throughput (docs/s, fit included), sync of new patents, load time.

Usage:
    .venv/bin/python benchmarks/bench_vectors.py --n 100000
    .venv/bin/python benchmarks/bench_vectors.py --n 1000000 --keep /tmp/bench1m   # keeps the corpus home
    .venv/bin/python benchmarks/bench_vectors.py --home /tmp/bench1m                # reuse a corpus home
    .venv/bin/python benchmarks/bench_vectors.py --real                             # ../shared/datasets

A synthetic corpus of N patents (seed 1) is generated and imported first (not timed), with 1% held back; the
build is timed, then the held-back 1% is imported and `sync` timed (the append path). Prints one JSON line; the
figures go to docs/PERFORMANCE.md by hand, with date and machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"


def _cpu() -> float:
    """CPU seconds of this process (user + system): the machine is shared, so wall time alone overstates."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def make_corpus(home: Path, n: int) -> Path:
    """Import N synthetic patents into ``home`` except the last 1%; returns the Parquet file holding that 1%."""
    import pyarrow.parquet as pq

    from seip.store import Corpus
    from seip.store.files import write_batches
    from seip.store.importing import import_file
    from seip.synthetic import generate_batches

    home.mkdir(parents=True, exist_ok=True)
    data = home / "all.parquet"
    write_batches(generate_batches(n, 1), data)
    table = pq.read_table(data)
    head, tail = home / "head.parquet", home / "tail.parquet"
    pq.write_table(table.slice(0, n - n // 100), head)
    pq.write_table(table.slice(n - n // 100), tail)
    data.unlink()
    with Corpus(home) as corpus:
        if import_file(corpus, head).status != "ok":
            raise SystemExit("import failed")
    return tail


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--home", type=Path, help="an existing corpus home made by --keep")
    ap.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    ap.add_argument("--real", action="store_true", help="the real exports of ../shared/datasets")
    args = ap.parse_args()

    from seip.store import Corpus, vectors
    from seip.store.importing import import_file

    tmp = None
    if args.home:
        home, tail = args.home, args.home / "tail.parquet"
    elif args.real:
        from seip.testing import build_corpus, real_patent_files

        tmp = Path(tempfile.mkdtemp())
        home, tail = build_corpus(tmp / "home", real_patent_files(DATASETS)), None
    else:
        tmp = None if args.keep else Path(tempfile.mkdtemp())
        home = args.keep or tmp / "home"
        tail = make_corpus(home, args.n)
    shutil.rmtree(home / "vectors", ignore_errors=True)
    result: dict[str, object] = {}
    with Corpus(home) as corpus:
        if tail is not None and tail.exists():
            # The held-back 1% goes in only after the build (a reused home may hold it already).
            corpus.con.execute(f"DELETE FROM patents WHERE pub_number IN (SELECT pub_number FROM '{tail}')")
        n = corpus.count()
        cpu0 = _cpu()
        start = time.perf_counter()
        vs = vectors.build(corpus, progress=lambda d, t: print(f"\r{d:,}/{t:,}", end="", file=sys.stderr))
        secs = time.perf_counter() - start
        print(file=sys.stderr)
        result.update(
            docs=n, build_s=round(secs, 1), build_docs_per_s=round(n / secs), dims=vs.matrix.shape[1]
        )
        result["build_cpu_s"] = round(_cpu() - cpu0, 1)
        result["fit_docs"] = vectors.status(corpus)["fit_docs"]
        if tail is not None and tail.exists():
            import_file(corpus, tail)
            start = time.perf_counter()
            added = vectors.sync(corpus)
            secs = time.perf_counter() - start
            result.update(sync_docs=added, sync_s=round(secs, 2), sync_docs_per_s=round(added / secs))
        start = time.perf_counter()
        vs = vectors.load(corpus)
        float(vs.matrix[-1].sum())
        result["load_s"] = round(time.perf_counter() - start, 3)
        size = sum(p.stat().st_blocks * 512 for p in vectors.folder(corpus).iterdir())
        result["disk_mb"] = round(size / 2**20)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result))
    if tmp is not None:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
