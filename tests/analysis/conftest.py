"""Engines for the analysis tests: every expression runs on DuckDB and on Spark, which must agree.

``real_engines`` opens the session's real corpus (tests using it carry ``shared_data``) once on each engine.
Spark is part of CI (``seip[spark]`` is installed by scripts/setup); where the extra is missing the Spark half
skips with that reason, never silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from seip.analysis._backend import Engine, connect
from seip.store import Corpus


def _engines(home: Path) -> Iterator[dict[str, Engine | str]]:
    corpus = Corpus(home, read_only=True)
    engines: dict[str, Engine | str] = {"duckdb": connect(corpus, "duckdb")}
    try:
        import pyspark  # noqa: F401

        engines["pyspark"] = connect(corpus, "pyspark")
    except ImportError:
        engines["pyspark"] = "pyspark is not installed: pip install 'seip[spark]'"
    yield engines
    corpus.close()


@pytest.fixture(scope="session")
def real_engines(real_corpus: Path) -> Iterator[dict[str, Engine | str]]:
    """``{"duckdb": Engine, "pyspark": Engine}`` on the real corpus (a string instead says why Spark is absent)."""
    yield from _engines(real_corpus)


@pytest.fixture(scope="session")
def demo_engines(demo_corpus: Path) -> Iterator[dict[str, Engine | str]]:
    """The same on the synthetic demo corpus."""
    yield from _engines(demo_corpus)


def spark_or_skip(engines: dict[str, Engine | str]) -> Engine:
    """The Spark engine, or a skip that says why it is missing."""
    spark = engines["pyspark"]
    if isinstance(spark, str):
        pytest.skip(spark)
    return spark
