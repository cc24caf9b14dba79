"""Search fixtures: copies of the session corpora with a search index, built once per session.

The session corpora are shared read-only; the index lives beside the corpus file, so each gets its own copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seip.store import Corpus
from seip.store.search import sync


def _indexed_copy(src: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src / "corpus.duckdb", dest / "corpus.duckdb")
    with Corpus(dest, read_only=True) as corpus:
        sync(corpus)
    return dest


@pytest.fixture(scope="session")
def real_search(real_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of ``real_corpus`` with its search index (tests using it carry ``shared_data``)."""
    return _indexed_copy(real_corpus, tmp_path_factory.mktemp("real_search"))


@pytest.fixture(scope="session")
def demo_search(demo_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the synthetic ``demo_corpus`` (20,000 patents) with its search index."""
    return _indexed_copy(demo_corpus, tmp_path_factory.mktemp("demo_search"))
