"""Writing one file's normalised batches into the corpus, each row once, inside the caller's transaction.

May import: seip.records, stdlib, duckdb, pyarrow, polars.

New publication numbers go straight into ``patents`` as their batch arrives (the usual case: one write per
row, no staging copy). Numbers already in the corpus before this import go to the temporary ``incoming``
table and are merged at the end by :mod:`seip.store.merge`. A number met again later in the same file is a
duplicate: the later row replaces the earlier one wherever it went, and ``dups`` records it (and whether the
two rows disagree). After :meth:`Loader.finish`, the view ``dedup`` holds one row per number of the file as
it arrived, which the quality checks read.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa

from seip.records.normalize import EVENT_SCHEMA, Normalized
from seip.records.schema import CONTENT_FIELDS, FIELD_NAMES
from seip.store.classify import reclassify_table
from seip.store.corpus import PATENT_COLUMNS, Corpus
from seip.store.merge import content_struct, merged_select
from seip.taxonomy.classify import INPUT_COLUMNS

COLS = ", ".join(FIELD_NAMES)
INTO = f"INSERT INTO patents ({COLS}, first_import_id, last_import_id)"  # by name: migrated tables differ in order
TEMP_TABLES = ("incoming", "rej", "ev", "dups", "cls", "m", "changed")


class Loader:
    """Loads the batches of one import (``import_id``) and merges at the end."""

    def __init__(self, corpus: Corpus, import_id: int) -> None:
        self.corpus = corpus
        self.con = corpus.con
        self.id = import_id
        self.records = 0
        self.con.execute(f"CREATE TEMP TABLE incoming ({PATENT_COLUMNS})")
        self.con.execute(
            "CREATE TEMP TABLE rej (source_row BIGINT, pub_number VARCHAR, field VARCHAR, value VARCHAR, "
            "reason VARCHAR, raw VARCHAR)"
        )
        self.con.execute(
            "CREATE TEMP TABLE ev (pub_number VARCHAR, event_date DATE, code VARCHAR, description VARCHAR, "
            "authority VARCHAR, influence VARCHAR, category VARCHAR)"
        )
        self.con.execute("CREATE TEMP TABLE dups (pub_number VARCHAR, conflicting BOOLEAN)")
        self.corpus_was_empty = corpus.count() == 0
        self._written = _KeyFilter()  # numbers this import has written to patents

    def add(self, out: Normalized) -> None:
        """Write one normalised batch."""
        self._side_tables(out)
        if not out.records.num_rows:
            return
        self.records += out.records.num_rows
        batch = self._dedup_batch(out.records)
        keys = pl.from_arrow(batch.select(["pub_number"])).to_series()
        self.con.register("_b", batch)
        try:
            self._route(keys)
        finally:
            self.con.unregister("_b")

    def _side_tables(self, out: Normalized) -> None:
        for name, table, cols in (("rej", out.rejects, None), ("ev", out.events, EVENT_SCHEMA.names)):
            if table.num_rows:
                self.con.register("_t", table)
                select = ", ".join(cols) if cols else "source_row, pub_number, field, value, reason, raw"
                self.con.execute(f"INSERT INTO {name} SELECT {select} FROM _t")
                self.con.unregister("_t")

    def _dedup_batch(self, records: pa.Table) -> pa.Table:
        """Inside one batch the last row of a number wins; the others are recorded as duplicates."""
        keys = pl.from_arrow(records.select(["pub_number"])).to_series()
        if keys.n_unique() == len(keys):
            return records
        df = pl.from_arrow(records).with_row_index("_i")
        last = df.group_by("pub_number").agg(pl.col("_i").max())["_i"]
        dup_numbers = set(df.filter(~pl.col("_i").is_in(last.implode()))["pub_number"].to_list())
        rows = df.filter(pl.col("pub_number").is_in(list(dup_numbers))).select(CONTENT_FIELDS)
        versions: dict[str, list[tuple]] = {}
        for rec in rows.iter_rows():
            versions.setdefault(rec[0], []).append(rec)  # CONTENT_FIELDS starts with pub_number
        self.con.executemany(
            "INSERT INTO dups VALUES (?, ?)",
            [[k, len(set(map(repr, v))) > 1] for k, v in versions.items() for _ in range(len(v) - 1)],
        )
        return records.take(pa.array(sorted(last.to_list())))

    def _route(self, keys: pl.Series) -> None:
        con, cur = self.con, self.id
        if self.corpus_was_empty and not self._written.may_contain(keys):
            # Bulk load into an empty corpus: every number is new unless this file wrote it already.
            con.execute(f"{INTO} SELECT {COLS}, {cur}, {cur} FROM _b")
            self._written.add(keys)
            return
        con.execute(f"""CREATE OR REPLACE TEMP TABLE cls AS
            SELECT b.pub_number, CASE WHEN i.pub_number IS NOT NULL THEN 'inc' WHEN p.pub_number IS NULL THEN 'fresh'
                                      WHEN p.first_import_id = {cur} THEN 'mine' ELSE 'old' END AS k
            FROM (SELECT pub_number FROM _b) b
            LEFT JOIN patents p ON p.pub_number = b.pub_number
            LEFT JOIN incoming i ON i.pub_number = b.pub_number""")
        kinds = dict(con.execute("SELECT k, count(*) FROM cls GROUP BY k").fetchall())
        for kind, table in (("mine", "patents"), ("inc", "incoming")):
            if kinds.get(kind):  # seen earlier in this file: the later row replaces it
                con.execute(f"""INSERT INTO dups SELECT b.pub_number,
                    NOT ({content_struct("b")} IS NOT DISTINCT FROM {content_struct("o")})
                    FROM _b b JOIN {table} o ON o.pub_number = b.pub_number
                    WHERE b.pub_number IN (SELECT pub_number FROM cls WHERE k = '{kind}')""")
                con.execute(
                    f"DELETE FROM {table} WHERE pub_number IN (SELECT pub_number FROM cls WHERE k = '{kind}')"
                )
        if kinds.get("fresh") or kinds.get("mine"):
            con.execute(f"""{INTO} SELECT {COLS}, {cur}, {cur} FROM _b
                WHERE pub_number IN (SELECT pub_number FROM cls WHERE k IN ('fresh', 'mine'))""")
            self._written.add(keys)
        if kinds.get("old") or kinds.get("inc"):
            con.execute(f"""INSERT INTO incoming SELECT {COLS} FROM _b
                WHERE pub_number IN (SELECT pub_number FROM cls WHERE k IN ('old', 'inc'))""")

    def finish(self) -> dict[str, int]:
        """Merge the numbers that were already in the corpus; returns the counts of the import."""
        con, cur = self.con, self.id
        existing = self.corpus.count("incoming")
        updated = 0
        if existing:
            con.execute(f"""CREATE TEMP TABLE m AS SELECT {merged_select("n", "o")}, o.first_import_id AS first_import_id
                FROM incoming n JOIN patents o ON o.pub_number = n.pub_number""")
            # The taxonomy columns came with the incoming row; redo them where the merge kept stored IPC or text.
            reclassify_table(
                self.corpus,
                "m",
                f"""pub_number IN (SELECT x.pub_number FROM m x JOIN incoming n USING (pub_number)
                    WHERE {_inputs("x")} IS DISTINCT FROM {_inputs("n")})""",
            )
            con.execute(f"""CREATE TEMP TABLE changed AS SELECT m.* FROM m JOIN patents o ON o.pub_number = m.pub_number
                WHERE NOT ({content_struct("m")} IS NOT DISTINCT FROM {content_struct("o")})""")
            updated = self.corpus.count("changed")
            if updated:
                con.execute("DELETE FROM patents WHERE pub_number IN (SELECT pub_number FROM changed)")
                con.execute(f"{INTO} SELECT {COLS}, first_import_id, {cur} FROM changed")
        con.execute(f"""CREATE OR REPLACE TEMP VIEW dedup AS
            SELECT {COLS} FROM patents WHERE first_import_id = {cur} UNION ALL SELECT {COLS} FROM incoming""")
        duplicates = self.corpus.count("dups")
        imported = self.records - duplicates - existing
        return {
            "imported": imported,
            "updated": updated,
            "unchanged": existing - updated,
            "duplicates_in_file": duplicates,
        }

    def drop(self) -> None:
        """Remove the temporary tables (after commit or rollback)."""
        self.con.execute("DROP VIEW IF EXISTS dedup")
        for t in TEMP_TABLES:
            self.con.execute(f"DROP TABLE IF EXISTS {t}")


def _inputs(alias: str) -> str:
    """A struct of the columns the taxonomy is computed from, for change detection."""
    return "{" + ", ".join(f"'{c}': {alias}.{c}" for c in INPUT_COLUMNS) + "}"


class _KeyFilter:
    """Which publication numbers this import wrote: sorted 64-bit hashes (80 MB at 10M rows), so that a bulk
    load need not scan the growing table for every batch. A hash match only sends the batch to the exact
    path (a join in DuckDB); it never decides on its own."""

    def __init__(self) -> None:
        self._chunks: list[np.ndarray] = []

    @staticmethod
    def _hash(keys: pl.Series) -> np.ndarray:
        return keys.hash(seed=0).to_numpy()

    def add(self, keys: pl.Series) -> None:
        self._chunks.append(np.sort(self._hash(keys)))
        if len(self._chunks) > 16:  # keep lookups cheap: fold into one sorted array
            self._chunks = [np.sort(np.concatenate(self._chunks))]

    def may_contain(self, keys: pl.Series) -> bool:
        h = self._hash(keys)
        for chunk in self._chunks:
            pos = np.minimum(np.searchsorted(chunk, h), len(chunk) - 1)
            if np.any(chunk[pos] == h):
                return True
        return False
