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
