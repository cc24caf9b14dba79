"""The three published documents end to end, stage by stage: ``seip report warning``, ``seip report
indicators`` and ``seip report lapsed``.

Usage:
    .venv/bin/python benchmarks/bench_reports.py --home /tmp/real                      # all three
    .venv/bin/python benchmarks/bench_reports.py --home /tmp/m1 --only lapsed --sei 1
    .venv/bin/python benchmarks/bench_reports.py --home H --region 黑龙江省 --sei 1.5 --since 2020
    .venv/bin/python benchmarks/bench_reports.py --home H --only warning --sei "" --region ""   # every SEI, every province

Each document is written to a temporary folder (PDF, HTML and XLSX). The first analysis after an import builds
the cached application table (docs/indicators.md, "Engines"); run once with ``--warm`` to time that apart.
Analysis caches go to a temporary folder unless ``$SEIP_ANALYSIS_CACHE`` is set, so a corpus of someone
else's is only read. Prints one JSON line per document; the figures go to docs/PERFORMANCE.md by hand, with
date, machine and load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return round(r.ru_utime + r.ru_stime, 1)


class Stages:
    """Wall seconds per progress stage, as the commands report them."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.last = (time.perf_counter(), "start")

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        name = self.last[1]
        self.times[name] = round(self.times.get(name, 0.0) + now - self.last[0], 2)
        self.last = (now, stage)
        print(f"  {stage}…", file=sys.stderr)

    def close(self) -> dict[str, float]:
        self("end")
        return self.times


def run(name: str, corpus, call) -> dict:
    stages = Stages()
    cpu0, start = cpu_seconds(), time.perf_counter()
    data, files = call(corpus, stages)
    out = {
        "document": name,
        "wall_s": round(time.perf_counter() - start, 1),
        "cpu_s": round(cpu_seconds() - cpu0, 1),
    }
    out["stages_s"] = stages.close()
    out["files"] = {k: os.path.getsize(v) for k, v in files.items()}
    if "pdf" in files:
        import subprocess

        info = subprocess.run(["pdfinfo", str(files["pdf"])], capture_output=True, text=True).stdout
        out["pages"] = int(next(x.split()[-1] for x in info.splitlines() if x.startswith("Pages:")))
    return out | {"size": data}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, required=True, help="a corpus home (opened read-only)")
    ap.add_argument("--only", choices=["warning", "indicators", "lapsed"], action="append")
    ap.add_argument("--region", default="黑龙江省")
    ap.add_argument("--sei", default="1.5")
    ap.add_argument("--since", default="2020-01-01")
    ap.add_argument("--year", type=int, help="the indicator report's year (default: the corpus as it stands)")
    ap.add_argument("--warm", action="store_true", help="build the cached application table before timing")
    args = ap.parse_args()
    os.environ.setdefault("SEIP_ANALYSIS_CACHE", tempfile.mkdtemp(prefix="seip-bench-cache-"))

    import datetime as dt

    from seip.analysis._backend import connect, tables
    from seip.reports.bulletin import bulletin
    from seip.reports.indicator_report import indicator_report
    from seip.reports.lapsed_report import lapsed_report
    from seip.store import Corpus

    folder = Path(tempfile.mkdtemp(prefix="seip-bench-reports-"))
    since = dt.date.fromisoformat(args.since)
    chosen = args.only or ["warning", "indicators", "lapsed"]
    with Corpus(args.home, read_only=True) as corpus:
        patents = corpus.count()
        if args.warm:
            start = time.perf_counter()
            tables(connect(corpus)).applications.count().to_pyarrow()
            print(json.dumps({"warm_applications_s": round(time.perf_counter() - start, 1)}), flush=True)
        jobs = {
            "warning": lambda c, say: _sized(bulletin(c, folder / "预警通报.pdf", sei=args.sei or None, region=args.region or None,
                                                       progress=say), lambda d: {"alerts": len(d.alerts)}),
            "indicators": lambda c, say: _sized(indicator_report(c, folder / "指标报告.pdf", region=args.region,
                                                                 year=args.year, progress=say),
                                                lambda d: {"indicators": len(d.figures)}),
            "lapsed": lambda c, say: _sized(lapsed_report(c, folder / "失效专利汇编.pdf", sei=args.sei or None, since=since,
                                                          progress=say), lambda d: {"entries": d.total}),
        }  # fmt: skip
        for name in chosen:
            print(f"{name}…", file=sys.stderr)
            result = run(name, corpus, jobs[name])
            print(json.dumps({"patents": patents, "sei": args.sei, "region": args.region, **result},
                             ensure_ascii=False), flush=True)  # fmt: skip


def _sized(result, size):
    data, files = result
    return size(data), files


if __name__ == "__main__":
    main()
