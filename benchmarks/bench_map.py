"""Patent map (``seip map``) end to end: selection, layout, clustering, labels and drawing, stage by stage.

Usage:
    .venv/bin/python benchmarks/bench_map.py --home /tmp/bench100k            # a corpus home (vectors built first)
    .venv/bin/python benchmarks/bench_map.py --n 100000 --keep /tmp/bench100k # generate, import, then map
    .venv/bin/python benchmarks/bench_map.py --home H --sei 1.5 --out map.png
    .venv/bin/python benchmarks/bench_map.py --home H --landscape --out report.pdf  # the whole landscape report

Targets (issue 6, point 8): a map of 100,000 patents in under 90 s; with ``--landscape``, the landscape report
(PDF, HTML and XLSX, map included) of 100,000 patents in under 60 s. The text vectors are built before the clock
starts (import keeps them in step; their cost is measured by bench_vectors.py). Prints one JSON line; the
figures go to docs/PERFORMANCE.md by hand, with date and machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cpu_seconds() -> float:
    """CPU time of this process (user + system): on a busy shared machine, closer to what a quiet one would take
    than the wall clock (numba, OpenBLAS and DuckDB here run on one thread each)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return round(r.ru_utime + r.ru_stime, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, help="an existing corpus home")
    ap.add_argument("--n", type=int, default=100_000, help="synthetic patents to generate when no --home")
    ap.add_argument("--keep", type=Path, help="generate the corpus here and keep it")
    ap.add_argument("--sei", help="map one SEI category (default: every patent)")
    ap.add_argument("--out", type=Path, help="map or report file (default: a temporary .png / .pdf)")
    ap.add_argument("--landscape", action="store_true", help="time `seip report landscape` instead")
    args = ap.parse_args()

    from seip.reports.patent_map import build_map
    from seip.reports.topo import write
    from seip.store import Corpus, vectors

    home = args.home
    if home is None:
        from seip.store.files import write_batches
        from seip.store.importing import import_file
        from seip.synthetic import generate_batches

        home = args.keep or Path(tempfile.mkdtemp()) / "home"
        home.mkdir(parents=True, exist_ok=True)
        data = home / f"synthetic_{args.n}.parquet"
        write_batches(generate_batches(args.n, 1), data)
        with Corpus(home) as corpus:
            if import_file(corpus, data).status != "ok":
                raise SystemExit("import failed")
    with Corpus(home, read_only=True) as corpus:
        start = time.perf_counter()
        vectors.sync(corpus)
        result: dict[str, object] = {"vectors_sync_s": round(time.perf_counter() - start, 1)}
        stages: dict[str, float] = {}
        last = [time.perf_counter(), "select"]

        def mark(stage: str) -> None:
            now = time.perf_counter()
            stages[last[1]] = round(now - last[0], 1)
            last[:] = [now, stage]
            print(f"{stage}…", file=sys.stderr)

        start = last[0] = time.perf_counter()
        cpu0 = cpu_seconds()
        if args.landscape:
            from seip.reports.landscape import landscape

            out = args.out or Path(tempfile.mkdtemp()) / "report.pdf"
            files = landscape(corpus, out, sei=args.sei, progress=mark)
            mark("done")
            result.update(seconds=round(time.perf_counter() - start, 1), stages=stages, out=str(files["pdf"]))
            result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            result["cpu_s"] = cpu_seconds() - cpu0
            print(json.dumps(result, ensure_ascii=False))
            return
        pm = build_map(corpus, sei=args.sei, seed=0, title="benchmark", progress=mark)
        mark("draw")
        out = args.out or Path(tempfile.mkdtemp()) / "map.png"
        write(pm, out, xlsx=False)
        mark("done")
        total = time.perf_counter() - start
        result["cpu_s"] = cpu_seconds() - cpu0
    result.update(
        patents=len(pm.pub_numbers),
        clusters=len(pm.clusters),
        seconds=round(total, 1),
        stages=stages,
        out=str(out),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    )
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
