"""Writing one file's normalised batches into the corpus, each row once, inside the caller's transaction.

May import: seip.records, seip.taxonomy, seip.errors, stdlib, duckdb, pyarrow, polars, numpy.

New publication numbers go straight into ``patents`` as their batch arrives (the usual case: one write per
row, no staging copy), in inserts of whole DuckDB row groups (:data:`ROW_GROUP` rows: a smaller append costs
about 25 % more CPU, measured, because it goes through the write-ahead log and a checkpoint). Numbers already in
the corpus before this import go to the temporary ``incoming`` table and are merged at the end by
:mod:`seip.store.merge`. A number met again later in the same file is a duplicate: the later row replaces the
earlier one wherever it went, and ``dups`` records it (and whether the two rows disagree). After
:meth:`Loader.finish`, the view ``dedup`` holds one row per number of the file as it arrived, which the quality
checks read.

Routing without a join per batch: :class:`_KeyFilter` holds 64-bit hashes of the numbers this import has
written and, for a file of more than one batch, of the numbers already in the corpus. A number that matches
neither is new for certain; one that matches only the corpus goes to ``incoming`` (a hash collision is found
and put right by one join in :meth:`Loader.finish`); one this import has written already takes the exact path
(joins in DuckDB), which also serves the first batch of a file imported into a non-empty corpus, so that small
files never read the corpus's keys.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa

from seip.errors import StoreError
from seip.records.normalize import EVENT_SCHEMA, Normalized
from seip.records.schema import CONTENT_FIELDS, FIELD_NAMES
from seip.store.checks import RowStats, row_stats
from seip.store.classify import reclassify_table
from seip.store.corpus import PATENT_COLUMNS, Corpus
from seip.store.merge import content_struct, merged_select
from seip.taxonomy.classify import INPUT_COLUMNS

COLS = ", ".join(FIELD_NAMES)
INTO = f"INSERT INTO patents ({COLS}, first_import_id, last_import_id)"  # by name: migrated tables differ in order
TEMP_TABLES = ("incoming", "rej", "ev", "dups", "cls", "m", "changed")
#: DuckDB's row group size: appends of whole row groups are written compressed, straight to the file.
ROW_GROUP = 122_880


class Loader:
    """Loads the batches of one import (``import_id``) and merges at the end; new rows are written in inserts
    of ``chunk`` rows (the last one shorter)."""

    def __init__(self, corpus: Corpus, import_id: int, chunk: int = ROW_GROUP) -> None:
        self.corpus = corpus
        self.con = corpus.con
        self.id = import_id
        self.chunk = max(1, chunk)
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
        self._seen = _KeyFilter()  # numbers this import has written (to patents or incoming)
        # Numbers of the corpus before this import: read only for a file of more than one batch.
        self._existing: _KeyFilter | None = _KeyFilter() if self.corpus_was_empty else None
        self._batches = 0
        self._staged = False  # rows sent to incoming on a hash match alone
        self._pending: list[pa.Table] = []  # new rows waiting for a whole chunk
        self._pending_rows = 0
        self.stats = RowStats()  # the checks' figures over the rows written (= dedup after finish)

    def add(self, out: Normalized) -> None:
        """Write one normalised batch. The checks' figures are taken here, not on the read-ahead thread, which
        has more to do (reading, normalising, classifying)."""
        self._side_tables(out)
        if not out.records.num_rows:
            return
        self.records += out.records.num_rows
        self.stats.add(row_stats(out.records))
        batch = self._dedup_batch(out.records)
        keys = pl.from_arrow(batch.select(["pub_number"])).to_series()
        if self._existing is None and self._batches:
            self._existing = _KeyFilter.of_patents(self.corpus)
        self._batches += 1
        h = _KeyFilter.hash(keys)
        seen = self._seen.contains(h)
        old = self._existing.contains(h) if self._existing is not None else np.ones(len(h), dtype=bool)
        exact = seen | (old & (self._existing is None))
        staged = old & ~exact
        self._seen.add(h)
        if exact.any():
            self._flush(whole=False)  # the joins of the exact path must see every row written so far
            self._with(_rows(batch, exact), "_b", self._route)
        if staged.any():
            self._staged = True
            sql = f"INSERT INTO incoming SELECT {COLS} FROM _s"
            self._with(_rows(batch, staged), "_s", lambda: self.con.execute(sql))
        new = ~(exact | staged)
        if new.any():
            self._pending.append(_rows(batch, new))
        self._pending_rows = sum(t.num_rows for t in self._pending)
        self._flush(whole=True)

    def _with(self, table: pa.Table, name: str, fn: object) -> None:
        self.con.register(name, table)
        try:
            fn()  # type: ignore[operator]
        finally:
            self.con.unregister(name)

    def _flush(self, *, whole: bool) -> None:
        """Insert the pending new rows: whole chunks only, or (``whole=False``) all of them."""
        if not self._pending_rows or (whole and self._pending_rows < self.chunk):
            return
        table = pa.concat_tables(self._pending)
        end = table.num_rows - table.num_rows % self.chunk if whole else table.num_rows
        for start in range(0, end, self.chunk):
            part = table.slice(start, min(self.chunk, end - start))
            if part.column(0).num_chunks > 1:
                part = part.combine_chunks()  # one Arrow chunk: DuckDB appends it as one row group
            self._with(
                part, "_n", lambda: self.con.execute(f"{INTO} SELECT {COLS}, {self.id}, {self.id} FROM _n")
            )
        rest = table.slice(end)
        self._pending = [rest] if rest.num_rows else []
        self._pending_rows = rest.num_rows

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
        dropped = df.filter(~pl.col("_i").is_in(last.implode()))["_i"].to_list()
        self.stats.add(row_stats(records.take(pa.array(dropped, pa.int64()))), -1)
        return records.take(pa.array(sorted(last.to_list())))

    def _route(self) -> None:
        """The exact path for the rows registered as ``_b``: where each number is, decided by joins."""
        con, cur = self.con, self.id
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
                which = f"pub_number IN (SELECT pub_number FROM cls WHERE k = '{kind}')"
                self.stats.add(
                    row_stats(con.sql(f"SELECT {COLS} FROM {table} WHERE {which}").to_arrow_table()), -1
                )
                con.execute(f"DELETE FROM {table} WHERE {which}")
        if kinds.get("fresh") or kinds.get("mine"):
            con.execute(f"""{INTO} SELECT {COLS}, {cur}, {cur} FROM _b
                WHERE pub_number IN (SELECT pub_number FROM cls WHERE k IN ('fresh', 'mine'))""")
        if kinds.get("old") or kinds.get("inc"):
            con.execute(f"""INSERT INTO incoming SELECT {COLS} FROM _b
                WHERE pub_number IN (SELECT pub_number FROM cls WHERE k IN ('old', 'inc'))""")

    def finish(self) -> dict[str, int]:
        """Merge the numbers that were already in the corpus; returns the counts of the import."""
        con, cur = self.con, self.id
        self._flush(whole=False)
        if self._staged:  # a hash that matched the corpus by collision sent a new number to incoming
            con.execute(
                "CREATE OR REPLACE TEMP TABLE cls AS SELECT pub_number FROM incoming ANTI JOIN patents USING (pub_number)"
            )
            if self.corpus.count("cls"):
                con.execute(
                    f"{INTO} SELECT {COLS}, {cur}, {cur} FROM incoming SEMI JOIN cls USING (pub_number)"
                )
                con.execute("DELETE FROM incoming WHERE pub_number IN (SELECT pub_number FROM cls)")
        if self._existing is not None and not self.corpus_was_empty:
            # The filter of the corpus's numbers decided that these rows were new: prove it (one join).
            twice = self.corpus.one(f"""SELECT count(*) FROM (SELECT pub_number FROM patents WHERE first_import_id = {cur})
                SEMI JOIN (SELECT pub_number FROM patents WHERE first_import_id IS DISTINCT FROM {cur}) USING (pub_number)""")
            if twice[0]:
                raise StoreError(
                    f"{twice[0]} numbers would be stored twice (a fault of the loader; nothing was changed)"
                )
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


def _rows(table: pa.Table, mask: np.ndarray) -> pa.Table:
    """The rows of ``table`` where ``mask`` is true (the table itself when all are)."""
    return table if mask.all() else table.filter(pl.Series(mask).to_arrow())


def _inputs(alias: str) -> str:
    """A struct of the columns the taxonomy is computed from, for change detection."""
    return "{" + ", ".join(f"'{c}': {alias}.{c}" for c in INPUT_COLUMNS) + "}"


class _KeyFilter:
    """A set of publication numbers as sorted 64-bit hashes (80 MB at 10M numbers). A hash match only sends a
    row to a path that checks it exactly; a miss is certain."""

    def __init__(self) -> None:
        self._chunks: list[np.ndarray] = []

    @staticmethod
    def hash(keys: pl.Series) -> np.ndarray:
        return keys.hash(seed=0).to_numpy()

    @classmethod
    def of_patents(cls, corpus: Corpus) -> _KeyFilter:
        """The numbers of the ``patents`` table, streamed."""
        out = cls()
        reader = corpus.con.sql("SELECT pub_number FROM patents").to_arrow_reader(1 << 20)
        for batch in reader:
            out._chunks.append(cls.hash(pl.from_arrow(batch.column(0)).alias("k")))  # type: ignore[union-attr]
        out._fold()
        return out

    def _fold(self) -> None:
        if self._chunks:
            merged = np.concatenate(self._chunks)  # a new array (even of one chunk): safe to sort in place
            self._chunks = [merged]
            merged.sort()  # in place: 80 MB more at 10M numbers, not 160

    def add(self, hashes: np.ndarray) -> None:
        self._chunks.append(np.sort(hashes))
        if len(self._chunks) > 16:  # keep lookups cheap: fold into one sorted array
            self._fold()

    def contains(self, hashes: np.ndarray) -> np.ndarray:
        """For each hash: may it be in the set?"""
        found = np.zeros(len(hashes), dtype=bool)
        for chunk in self._chunks:
            if len(chunk):
                pos = np.minimum(np.searchsorted(chunk, hashes), len(chunk) - 1)
                found |= chunk[pos] == hashes
        return found
