"""SEI categories and WIPO fields in the corpus: on every imported batch, after a merge, and on demand.

May import: seip.records, seip.taxonomy, stdlib, duckdb, pyarrow.

The classification itself is :func:`seip.taxonomy.classify.classify` (columns, polars). Here it is applied to
the corpus: :func:`with_taxonomy` fills the columns of a normalised batch before it is written (the import's
read-ahead thread runs it, so it overlaps with DuckDB's inserts), :func:`reclassify_table` redoes the rows of a
table whose IPC or text changed in a merge, and :func:`reclassify` redoes the whole corpus, for example after
the package data changed (``seip sei classify``).
"""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa

from seip.store.corpus import Corpus
from seip.taxonomy.classify import INPUT_COLUMNS, OUTPUT_COLUMNS, classify

_SET = ", ".join(f"{c} = c.{c}" for c in OUTPUT_COLUMNS)
_INPUTS = ", ".join(INPUT_COLUMNS)


def with_taxonomy(records: pa.Table) -> pa.Table:
    """``records`` (canonical schema) with the SEI and WIPO columns computed from its IPC symbols and text."""
    if not records.num_rows:
        return records
    result = classify(records)
    for name in OUTPUT_COLUMNS:
        records = records.set_column(records.schema.get_field_index(name), name, result.column(name))
    return records


def reclassify_table(corpus: Corpus, table: str, where: str = "TRUE") -> int:
    """Recompute the taxonomy columns of the rows of ``table`` that ``where`` selects; returns their number."""
    con = corpus.con
    rows = con.sql(f"SELECT pub_number, {_INPUTS} FROM {table} WHERE {where}").to_arrow_table()
    if not rows.num_rows:
        return 0
    result = classify(rows)
    con.register("c", pa.table([rows["pub_number"], *result.columns], ["pub_number", *result.column_names]))
    try:
        con.execute(f"UPDATE {table} SET {_SET} FROM c WHERE {table}.pub_number = c.pub_number")
    finally:
        con.unregister("c")
    return rows.num_rows


def reclassify(
    corpus: Corpus, *, batch_size: int = 200_000, progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    """Recompute the taxonomy columns of every patent, streamed in batches, in one transaction; returns how
    many patents were read and how many changed."""
    con = corpus.con
    reader = con.cursor()  # a second connection streams the patents while the first writes
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _cls AS SELECT pub_number, "
            + ", ".join(OUTPUT_COLUMNS)
            + " FROM patents LIMIT 0"
        )
        stream = reader.sql(f"SELECT pub_number, {_INPUTS} FROM patents").to_arrow_reader(batch_size)
        done = 0
        for batch in stream:
            rows = pa.Table.from_batches([batch])
            result = classify(rows)
            con.register(
                "_c", pa.table([rows["pub_number"], *result.columns], ["pub_number", *OUTPUT_COLUMNS])
            )
            con.execute("INSERT INTO _cls SELECT * FROM _c")
            con.unregister("_c")
            done += rows.num_rows
            if progress is not None:
                progress(done)
        same = " AND ".join(f"patents.{c} IS NOT DISTINCT FROM c.{c}" for c in OUTPUT_COLUMNS)
        changed = int(
            con.execute(
                f"SELECT count(*) FROM patents JOIN _cls c USING (pub_number) WHERE NOT ({same})"
            ).fetchall()[0][0]
        )
        con.execute(
            f"UPDATE patents SET {_SET} FROM _cls c WHERE patents.pub_number = c.pub_number AND NOT ({same})"
        )
        if changed:
            corpus.bump_version()
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        reader.close()
        con.execute("DROP TABLE IF EXISTS _cls")
    return {"patents": done, "changed": changed}
