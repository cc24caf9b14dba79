"""The engines analysis runs on: the corpus's own DuckDB, or Spark fed from the corpus as Parquet.

May import: seip.store, stdlib, ibis, pyarrow.

Analysis functions take ibis tables and return ibis expressions; they never execute. The caller picks the
engine with :func:`connect` and gets the tables with :func:`tables`, then runs ``expr.to_pyarrow()``.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import ibis

from seip.errors import SeipError
from seip.store import Corpus

ENGINES = ("duckdb", "pyspark")
#: Names ibis draws at random (``ibis_table_unnest_column_<26 chars>``): not part of what a query computes.
_RANDOM_NAME = re.compile(r"\b(ibis_[a-z_]+?)_[a-z0-9]{26}\b")
#: Corpus tables analysis may read.
TABLES = ("patents", "legal_events")
#: Tables seip's analysis commands add to a corpus (``seip import-awards``); absent until first written.
OPTIONAL_TABLES = ("awards",)


@dataclass
class Engine:
    """An ibis backend holding the corpus tables, found by their corpus names.

    ``views`` maps a corpus name to the name the backend knows the table by: one Spark session serves every
    corpus a process opens, so Spark's views carry the corpus state in their names (two corpora never share a
    ``patents`` view).
    """

    name: str
    backend: ibis.BaseBackend
    corpus: Corpus | None = None
    views: dict[str, str] = field(default_factory=dict)

    def table(self, name: str) -> ibis.Table:
        return self.backend.table(self.views.get(name, name))

    def has(self, name: str) -> bool:
        """Whether the corpus holds table ``name`` (optional tables appear when first written)."""
        try:  # ibis's list_tables() calls a DuckDB 1.x API that DuckDB 2 removed
            self.table(name)
        except Exception:
            return False
        return True


@dataclass(frozen=True)
class Tables:
    """The inputs of every analysis function, as ibis tables on one engine.

    ``applications`` is :func:`seip.analysis.stats.applications` of ``patents``: one row per application,
    the unit every count uses, with the end dates of :func:`seip.analysis.rights.event_columns`. ``awards`` is
    the corpus's imported award and pledge lists (:mod:`seip.analysis.awards`), or an empty table of the same
    schema when none was imported, so that expressions never depend on whether it exists.
    """

    patents: ibis.Table
    legal_events: ibis.Table
    awards: ibis.Table
    applications: ibis.Table
    #: list dimension → one row per application and value (:func:`seip.analysis.stats.facet`), as asked for
    facets: Mapping[str, ibis.Table] = field(default_factory=dict)


def tables(engine: Engine, facets: Sequence[str] = ()) -> Tables:
    """The corpus tables of ``engine`` bundled for analysis functions, with the ``facets`` (list dimensions of
    :data:`seip.analysis.stats.DIMENSIONS`) a caller is about to count by.

    The application table is computed once per corpus state, by the engine itself, and kept as Parquet in
    ``<home>/tmp/analysis/`` or ``$SEIP_ANALYSIS_CACHE`` (folding documents into applications is a full sort of
    the corpus, too slow to repeat in every statistic), sorted by :data:`seip.analysis.stats.APPLICATION_ORDER`
    so that filters on the office and the region skip most of it; so are the facets, those of
    :data:`seip.analysis.stats.SORTED_FACETS` sorted by value.
    """
    from seip.analysis.awards import SCHEMA as AWARDS_SCHEMA
    from seip.analysis.rights import event_columns
    from seip.analysis.stats import APPLICATION_ORDER, SORTED_FACETS, applications, facet

    awards = (
        engine.table("awards")
        if engine.has("awards")
        else ibis.memtable(AWARDS_SCHEMA.to_pyarrow().empty_table(), schema=AWARDS_SCHEMA)
    )
    patents, events = engine.table("patents"), engine.table("legal_events")
    apps = event_columns(applications(patents), patents, events)
    if engine.corpus is None:
        return Tables(patents, events, awards, apps, {d: facet(apps, d) for d in dict.fromkeys(facets)})
    apps, key = _cached(engine, "applications", apps.order_by(list(APPLICATION_ORDER)))
    made = {}
    for d in dict.fromkeys(facets):
        f = facet(apps, d)
        # A facet is read from the application table: its key carries that table's, so a new one starts afresh.
        made[d] = _cached(engine, f"facet_{d}", f.order_by("value") if d in SORTED_FACETS else f, key)[0]
    return Tables(patents, events, awards, apps, made)


def corpus_state(corpus: Corpus) -> str:
    """A tag that changes whenever the corpus file does (any write: import, SEI classification, award lists)."""
    stamps = [
        (p.name, p.stat().st_mtime_ns, p.stat().st_size)
        for p in (corpus.path, corpus.path.with_name(corpus.path.name + ".wal"))
        if p.exists()
    ]
    return hashlib.sha256(repr((str(corpus.path.resolve()), stamps)).encode()).hexdigest()[:16]


def _cached(engine: Engine, name: str, expr: ibis.Table, depends: str = "") -> tuple[ibis.Table, str]:
    """``expr`` written once per corpus state to Parquet and read back as table ``name``, with the key of its
    query (``depends``: the key of a cached table it reads, so that a new version of that one starts afresh)."""
    corpus = engine.corpus
    assert corpus is not None
    root = (
        Path(os.environ["SEIP_ANALYSIS_CACHE"])
        if os.environ.get("SEIP_ANALYSIS_CACHE")
        else corpus.home / "tmp" / "analysis"
    )
    sql = str(ibis.to_sql(expr, dialect="duckdb"))
    # Keyed by the corpus state and by the query (less the names ibis draws at random for unnested columns), so
    # that a new seip computing it differently starts afresh.
    query = hashlib.sha256((depends + _RANDOM_NAME.sub(r"\1", sql)).encode()).hexdigest()[:12]
    folder = root / corpus_state(corpus)
    path = folder / f"{engine.name}_{name}_{query}.parquet"
    if not path.exists():
        if not folder.exists():
            _forget_old_states(root)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        if engine.name == "pyspark":
            _spark_session().sql(engine.backend.compile(expr)).write.parquet(str(tmp))
        else:
            corpus.con.execute(f"COPY ({sql}) TO '{tmp}' (FORMAT parquet)")
        tmp.rename(path)
    view = f"_seip_{name}_{folder.name}" if engine.name == "pyspark" else f"_seip_{name}"
    return engine.backend.read_parquet(str(path), table_name=view), query


def _forget_old_states(root: Path, keep_seconds: float = 600) -> None:
    """Delete the tables of earlier corpus states (each is as large as the corpus's lists), except those written
    in the last ``keep_seconds``: another process may still be reading them."""
    if not root.is_dir():
        return
    now = time.time()
    for old in root.iterdir():
        if old.is_dir() and now - old.stat().st_mtime > keep_seconds:
            shutil.rmtree(old, ignore_errors=True)


def connect(corpus: Corpus, engine: str = "duckdb") -> Engine:
    """The corpus as ibis tables on ``engine`` (``duckdb``: in place, no copy; ``pyspark``: via Parquet)."""
    if engine == "duckdb":
        # Analysis only reads, in group-bys and sorts over the whole corpus: the import's bounded memory limit
        # (512 MB) would make them spill or fail at 10 million rows.
        corpus.con.execute(f"SET memory_limit = '{os.environ.get('SEIP_ANALYSIS_MEMORY', '4GB')}'")
        return Engine("duckdb", ibis.duckdb.from_connection(corpus.con), corpus)
    if engine == "pyspark":
        backend, views = _spark_backend(corpus)
        return Engine("pyspark", backend, corpus, views)
    raise SeipError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")


def _spark_session():
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SeipError("the Spark engine needs the optional extra: pip install 'seip[spark]'") from None
    os.environ.setdefault("JAVA_HOME", _java17() or os.environ.get("JAVA_HOME", ""))
    session = (
        SparkSession.builder.master(os.environ.get("SEIP_SPARK_MASTER", "local[2]"))
        .appName("seip")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        # Progress bars would interleave with seip's own output on the terminal.
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "8")
        # Spark would create ./spark-warehouse in whatever directory seip runs from.
        .config("spark.sql.warehouse.dir", str(Path(tempfile.gettempdir()) / "seip-spark-warehouse"))
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def _java17() -> str | None:
    """A Java 17 home (Spark 4.0 runs on 17; the machine may also carry newer Javas)."""
    for p in sorted(Path("/usr/lib/jvm").glob("java-17-openjdk*")):
        if (p / "bin" / "java").exists():
            return str(p)
    return None


def _spark_backend(corpus: Corpus) -> tuple[ibis.BaseBackend, dict[str, str]]:
    """Spark reading the corpus tables from Parquet snapshots named after the corpus state (reused while the
    corpus does not change), and the view name of each table."""
    session = _spark_session()
    backend = ibis.pyspark.connect(session)
    present = {r[0] for r in corpus.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    names = [*TABLES, *(t for t in OPTIONAL_TABLES if t in present)]
    state = corpus_state(corpus)
    folder = corpus.home / "tmp" / "spark" / state
    views = {}
    for name in names:
        path = folder / f"{name}.parquet"
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            corpus.con.execute(f"COPY {name} TO '{tmp}' (FORMAT parquet)")
            tmp.rename(path)
        views[name] = f"{name}_{state}"
        backend.read_parquet(str(path), table_name=views[name])
    return backend, views
