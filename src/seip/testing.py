"""Corpora for tests, docs and benchmarks: the real exports of ../shared/datasets and the synthetic demo.

May import: everything below the CLI.

Tests build these once per session (see tests/conftest.py) and open them read-only.
"""

from __future__ import annotations

from pathlib import Path

from seip.store import Corpus
from seip.store.importing import import_file

#: USPTO 2001–2004 ``pap`` DTD: refused with a clear message, so never part of a corpus.
REFUSED = {"pa040101.two.xml"}


def real_patent_files(datasets: Path) -> list[Path]:
    """Every real patent file in ../shared/datasets that imports (57 files, about 53,000 patents)."""
    return sorted(
        [p for p in (datasets / "cn-patent-container").glob("*/*") if p.parent.name != "other"]
        + [p for p in (datasets / "patentsview-db").glob("*/*.xml") if p.name not in REFUSED]
        + [p for p in (datasets / "uspto-ppd-samples").glob("xml*/*") if p.suffix in ("", ".xml")]
        + list((datasets / "epo-ops-samples").glob("legal/*.xml"))
        + list((datasets / "epo-ops-samples").glob("family/*.xml"))
        + list((datasets / "epo-ops-samples").glob("published/*biblio*.xml"))
        + list((datasets / "epo-ops-samples").glob("published/*full_cycle*.xml"))
    )


def build_corpus(home: Path, files: list[Path]) -> Path:
    """Import ``files`` into a corpus at ``home`` (classified on import); returns ``home``. Raises on a failed file."""
    with Corpus(home) as corpus:
        for f in files:
            res = import_file(corpus, f)
            if res.status != "ok":
                raise RuntimeError(f"{f}: {res.error}")
    return home


def build_demo_corpus(home: Path, n: int = 20_000, seed: int = 0) -> Path:
    """A synthetic corpus of ``n`` patents at ``home`` (``source_format = synthetic``); returns ``home``."""
    from seip.store.files import write_batches
    from seip.synthetic import generate_batches

    home.mkdir(parents=True, exist_ok=True)
    data = home / f"synthetic_{n}_{seed}.parquet"
    write_batches(generate_batches(n, seed), data)
    return build_corpus(home, [data])
