"""The engines analysis runs on: the corpus's own DuckDB, or Spark fed from the corpus as Parquet.

May import: seip.store, stdlib, ibis, pyarrow.

Analysis functions take ibis tables and return ibis expressions; they never execute. The caller picks the
engine with :func:`connect` and gets the tables with :func:`tables`, then runs ``expr.to_pyarrow()``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import ibis

from seip.errors import SeipError
from seip.store import Corpus

ENGINES = ("duckdb", "pyspark")
#: Corpus tables analysis may read.
TABLES = ("patents", "legal_events")


@dataclass
class Engine:
    """An ibis backend holding the corpus tables under their corpus names."""

    name: str
    backend: ibis.BaseBackend

    def table(self, name: str) -> ibis.Table:
        return self.backend.table(name)


def connect(corpus: Corpus, engine: str = "duckdb") -> Engine:
    """The corpus as ibis tables on ``engine`` (``duckdb``: in place, no copy; ``pyspark``: via Parquet)."""
    if engine == "duckdb":
        return Engine("duckdb", ibis.duckdb.from_connection(corpus.con))
    if engine == "pyspark":
        return Engine("pyspark", _spark_backend(corpus))
    raise SeipError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")


def _spark_session():
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SeipError("the Spark engine needs the optional extra: pip install 'seip[spark]'") from None
    os.environ.setdefault("JAVA_HOME", _java17() or os.environ.get("JAVA_HOME", ""))
    return (
        SparkSession.builder.master(os.environ.get("SEIP_SPARK_MASTER", "local[2]"))
        .appName("seip")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate()
    )


def _java17() -> str | None:
    """A Java 17 home (Spark 4.0 runs on 17; the machine may also carry newer Javas)."""
    for p in sorted(Path("/usr/lib/jvm").glob("java-17-openjdk*")):
        if (p / "bin" / "java").exists():
            return str(p)
    return None


def _spark_backend(corpus: Corpus) -> ibis.BaseBackend:
    """Spark reading the corpus tables from Parquet snapshots named after the corpus state (reused while the
    corpus does not change)."""
    session = _spark_session()
    backend = ibis.pyspark.connect(session)
    state = corpus.one("SELECT coalesce(max(import_id), 0), count(*) FROM import_log")
    counts = [corpus.count(t) for t in TABLES]
    tag = hashlib.sha256(repr((str(corpus.path.resolve()), state, counts)).encode()).hexdigest()[:16]
    folder = corpus.home / "tmp" / "spark" / tag
    for name in TABLES:
        path = folder / f"{name}.parquet"
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            corpus.con.execute(f"COPY {name} TO '{tmp}' (FORMAT parquet)")
            tmp.rename(path)
        backend.read_parquet(str(path), table_name=name)
    return backend
