"""The navigation report (``seip report navigation``) end to end, stage by stage.

Usage:
    .venv/bin/python benchmarks/bench_navigation.py --home /tmp/b1m --sei 1.1 --region 黑龙江省
    .venv/bin/python benchmarks/bench_navigation.py --home /tmp/b1m --sei 1.1 --region 黑龙江省 --fresh   # cold
    .venv/bin/python benchmarks/bench_navigation.py --home H --sei 1.5 --region 北京市 --no-map --out r.pdf

Target (issue 6): the report of an SEI category with 100,000 patents in under 60 s, like the landscape report.
``--fresh`` first deletes ``<home>/tmp/analysis`` (the application table and the valuation kept per corpus state),
so the run pays for them as the first report after an import does. The text vectors are brought up to date
before the clock starts (import keeps them in step; bench_vectors.py measures them). Prints one JSON line; the
figures go to docs/PERFORMANCE.md by hand, with date, machine and load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path


def cpu_seconds() -> float:
    """CPU time of this process (user + system): closer than the wall clock to what a quiet machine takes."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return round(r.ru_utime + r.ru_stime, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--home", type=Path, required=True, help="a corpus home (e.g. 1,000,000 synthetic patents)"
    )
    ap.add_argument(
        "--sei", default="1.1", help="SEI category (1.1 holds about 100,000 of 1,000,000 synthetic)"
    )
    ap.add_argument("--region", default="黑龙江省")
    ap.add_argument("--out", type=Path, help="report file (default: a temporary .pdf)")
    ap.add_argument("--no-map", action="store_true", help="leave the patent map out")
    ap.add_argument("--fresh", action="store_true", help="drop the kept analysis tables first (a cold run)")
    args = ap.parse_args()

    from seip.reports.navigation import navigation
    from seip.store import Corpus, vectors

    if args.fresh:
        shutil.rmtree(args.home / "tmp" / "analysis", ignore_errors=True)
    with Corpus(args.home, read_only=True) as corpus:
        if not args.no_map:
            vectors.sync(corpus)
        stages: dict[str, float] = {}
        last = [time.perf_counter(), "start"]

        def mark(stage: str) -> None:
            now = time.perf_counter()
            stages[last[1]] = round(stages.get(last[1], 0) + now - last[0], 1)
            last[:] = [now, stage]
            print(f"{stage}…", file=sys.stderr)

        start, cpu0 = time.perf_counter(), cpu_seconds()
        last[0] = start
        out = args.out or Path(tempfile.mkdtemp()) / "navigation.pdf"
        data, files = navigation(
            corpus, out, region=args.region, sei=args.sei, with_map=not args.no_map, progress=mark
        )
        mark("done")
        result = {
            "applications": data.k["apps"],
            "region": data.k["region"],
            "seconds": round(time.perf_counter() - start, 1),
            "cpu_s": round(cpu_seconds() - cpu0, 1),
            "stages": stages,
            "pages_pdf": str(files["pdf"]),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "fresh": args.fresh,
            "map": not args.no_map,
        }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
