"""Opening the corpus and its tables.

May import: seip.records, seip.errors, stdlib, duckdb, pyarrow.

Tables (DDL below, generated from :mod:`seip.records.schema` so it cannot drift):

* ``patents``: one row per ``pub_number`` with every canonical field, plus ``first_import_id`` and
  ``last_import_id``;
* ``legal_events``: ``pub_number``, date, code, description, authority, influence, category, import id;
* ``quarantine``: every rejected row: file, its SHA-256, row, field, value, reason, the raw row as JSON;
* ``import_log``: one row per file per import run, with the six counts of ``seip import``;
* ``qa_metrics``: the data-quality checks computed after each import (:mod:`seip.store.checks`);
* ``corpus_meta``: ``version``, a counter every committed change of the patents increments (an import, a
  reclassification), so that derived data (Spark snapshots, the search index, vectors) can tell it is stale.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pyarrow as pa

from seip.errors import StoreError
from seip.records.schema import SCHEMA

DB_NAME = "corpus.duckdb"


def default_home() -> Path:
    """``$SEIP_HOME`` or ``./seip-data``."""
    return Path(os.environ.get("SEIP_HOME") or "seip-data")


def duck_type(t: pa.DataType) -> str:
    """DuckDB column type of an Arrow type used in the schema."""
    if pa.types.is_list(t):
        return duck_type(t.value_type) + "[]"
    return {pa.string(): "VARCHAR", pa.date32(): "DATE", pa.int64(): "BIGINT", pa.bool_(): "BOOLEAN"}[t]


#: Long free texts are stored with zstd: DuckDB's own choice for them (FSST) cost 2.5× the CPU to write and 3× the
#: space (measured on a million synthetic patents: abstract + first claim 287 MB → 90 MB, 6.9 → 2.6 CPU s).
ZSTD_FIELDS = ("abstract", "abstract_en", "first_claim")
PATENT_COLUMNS = ",\n  ".join(
    f"{f.name} {duck_type(f.type)}" + (" USING COMPRESSION zstd" if f.name in ZSTD_FIELDS else "")
    for f in SCHEMA
)

DDL = f"""
CREATE TABLE IF NOT EXISTS patents (
  {PATENT_COLUMNS},
  first_import_id BIGINT,
  last_import_id BIGINT
);
CREATE TABLE IF NOT EXISTS legal_events (
  pub_number VARCHAR, event_date DATE, code VARCHAR, description VARCHAR, authority VARCHAR,
  influence VARCHAR, category VARCHAR, import_id BIGINT
);
CREATE TABLE IF NOT EXISTS quarantine (
  import_id BIGINT, file VARCHAR, file_sha256 VARCHAR, source_format VARCHAR, source_row BIGINT,
  pub_number VARCHAR, field VARCHAR, value VARCHAR, reason VARCHAR, raw VARCHAR
);
CREATE SEQUENCE IF NOT EXISTS import_seq START 1;
CREATE TABLE IF NOT EXISTS import_log (
  import_id BIGINT, file VARCHAR, file_sha256 VARCHAR, file_size BIGINT, source_format VARCHAR,
  started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR, error VARCHAR,
  rows_read BIGINT, imported BIGINT, updated BIGINT, unchanged BIGINT, duplicates_in_file BIGINT,
  quarantined BIGINT, events_added BIGINT, unmapped_columns VARCHAR[], ignored_columns VARCHAR[]
);
CREATE TABLE IF NOT EXISTS corpus_meta (key VARCHAR PRIMARY KEY, value BIGINT);
INSERT OR IGNORE INTO corpus_meta VALUES ('version', 0);
CREATE TABLE IF NOT EXISTS qa_metrics (
  import_id BIGINT, kind VARCHAR, check_name VARCHAR, field VARCHAR, value DOUBLE, detail VARCHAR,
  status VARCHAR
);
"""


class Corpus:
    """The patent corpus in ``home`` (created on first use).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d, Corpus(d) as c:
    ...     c.count()
    0
    """

    def __init__(self, home: str | Path | None = None, *, read_only: bool = False) -> None:
        self.home = Path(home) if home is not None else default_home()
        self.path = self.home / DB_NAME
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no corpus here yet (run `seip import` first, or set SEIP_HOME)")
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            config = {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
            self.con = duckdb.connect(str(self.path), read_only=read_only, config=config)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"{self.path}: cannot open the corpus ({exc})") from None
        self.con.execute(f"SET temp_directory = '{self.home / 'tmp'}'")
        self.con.execute("SET preserve_insertion_order = false")
        # Bounded memory: DuckDB spills to temp_directory beyond this (default would be 80% of RAM).
        self.con.execute(f"SET memory_limit = '{os.environ.get('SEIP_MEMORY_LIMIT', '512MB')}'")
        self.con.execute("SET enable_progress_bar = false")
        if not read_only:
            self.con.execute(DDL)
            self._migrate()
            self.recover()

    def _migrate(self) -> None:
        """Add the canonical fields a corpus made by an older seip lacks (NULL until re-imported or, for the
        taxonomy columns, ``seip sei classify``)."""
        have = {r[0] for r in self.con.execute("DESCRIBE patents").fetchall()}
        for f in SCHEMA:
            if f.name not in have:
                self.con.execute(f"ALTER TABLE patents ADD COLUMN {f.name} {duck_type(f.type)}")

    def recover(self) -> list[int]:
        """Undo imports a dead process left ``running``: delete the rows they committed; returns their ids."""
        stale = [
            r[0]
            for r in self.con.execute("SELECT import_id FROM import_log WHERE status = 'running'").fetchall()
        ]
        for import_id in stale:
            self.con.execute("DELETE FROM patents WHERE first_import_id = ?", [import_id])
            self.con.execute(
                "UPDATE import_log SET status = 'interrupted', error = 'the process ended during the import; "
                "its rows were removed' WHERE import_id = ?",
                [import_id],
            )
        return stale

    def version(self) -> int:
        """The data version: changes whenever a committed write changed the patents or their events."""
        try:
            row = self.one("SELECT value FROM corpus_meta WHERE key = 'version'")
        except duckdb.CatalogException:  # a corpus made before the table existed, opened read-only
            return 0
        return int(row[0]) if row else 0

    def bump_version(self) -> None:
        """Record a change of the data (call inside the writing transaction)."""
        self.con.execute("UPDATE corpus_meta SET value = value + 1 WHERE key = 'version'")

    def close(self) -> None:
        """Close the database (DuckDB keeps one writer per file)."""
        self.con.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def one(self, sql: str, params: list | None = None) -> tuple:
        """The first row of a query (the whole result is fetched: DuckDB 2 refuses new work on a connection
        whose last result is unfinished)."""
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0] if rows else ()

    def count(self, table: str = "patents") -> int:
        """Number of rows in ``table``."""
        return int(self.one(f"SELECT count(*) FROM {table}")[0])

    def query(self, sql: str, params: list | None = None) -> pa.Table:
        """Run a read query and return an Arrow table."""
        return self.con.sql(sql, params=params or None).to_arrow_table()
