"""Shared fixtures: where ../shared lives, and a fresh corpus per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("SEIP_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DATASETS = SHARED / "datasets"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip ``shared_data`` tests with a clear reason when ../shared/datasets is absent."""
    if DATASETS.is_dir():
        return
    skip = pytest.mark.skip(
        reason=f"needs the shared datasets at {DATASETS} (set SEIP_SHARED to point elsewhere)"
    )
    for item in items:
        if "shared_data" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def datasets() -> Path:
    """Path of ../shared/datasets (tests using it must carry the ``shared_data`` marker)."""
    return DATASETS


@pytest.fixture(scope="session")
def shared() -> Path:
    """Path of ../shared."""
    return SHARED


@pytest.fixture(scope="session")
def real_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Home of a corpus holding every real patent file of ../shared/datasets, built once per session.

    Open it with ``Corpus(real_corpus, read_only=True)``; never write to it. Tests using it carry the
    ``shared_data`` marker.
    """
    from seip.testing import build_corpus, real_patent_files

    if not DATASETS.is_dir():
        pytest.skip(f"needs the shared datasets at {DATASETS}")
    return build_corpus(tmp_path_factory.mktemp("real") / "home", real_patent_files(DATASETS))


@pytest.fixture(scope="session")
def demo_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Home of a synthetic corpus of 20,000 patents (seed 0), built once per session; open it read-only."""
    from seip.testing import build_demo_corpus

    return build_demo_corpus(tmp_path_factory.mktemp("demo") / "home")
