"""The loader's routes (seip.store._load): new numbers written in whole chunks, numbers of the corpus staged for
the merge without a join, hash collisions put right; the result never depends on the route."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from seip.records.schema import SCHEMA
from seip.store import Corpus, _load, checks
from seip.store.importing import import_file
from seip.synthetic import generate_batches


def _files(tmp_path: Path) -> tuple[Path, Path]:
    """``a``: 600 patents; ``b``: 300 of them (a third with a new title), 500 new ones and 40 repeated rows."""
    rows = pa.Table.from_batches(list(generate_batches(1100, seed=7)))
    a = rows.slice(0, 600)
    b = pl.from_arrow(pa.concat_tables([rows.slice(300, 800), rows.slice(700, 40)]))
    b = b.with_columns(
        pl.when(pl.int_range(pl.len()) % 3 == 0)
        .then(pl.lit("一种改过标题的电池"))
        .otherwise("title")
        .alias("title")
    )
    pq.write_table(a, tmp_path / "a.parquet")
    b.write_parquet(tmp_path / "b.parquet")
    return tmp_path / "a.parquet", tmp_path / "b.parquet"


def _run(tmp_path: Path, name: str, batch_size: int) -> tuple[list[dict], str]:
    a, b = _files(tmp_path)
    with Corpus(tmp_path / name) as c:
        counts = [import_file(c, f, batch_size=batch_size).counts() for f in (a, b, b)]
        rows = c.con.execute("SELECT * EXCLUDE (source_file) FROM patents ORDER BY pub_number").fetchall()
        qa = c.con.execute(
            "SELECT import_id, check_name, field, value FROM qa_metrics ORDER BY ALL"
        ).fetchall()
    return counts, hashlib.sha256(repr((rows, qa)).encode()).hexdigest()


@pytest.mark.parametrize("batch_size", [64, 1000])
def test_routes_agree_whatever_the_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_size: int
) -> None:
    counts, digest = _run(tmp_path, "exact", batch_size)
    assert counts[1] == {
        "rows_read": 840,
        "imported": 500,
        "updated": 100,
        "unchanged": 200,
        "duplicates_in_file": 40,
        "quarantined": 0,
    }
    assert counts[2]["unchanged"] == 800 and counts[2]["imported"] == counts[2]["updated"] == 0
    # A hash of 16 values: nearly every new number collides with one of the corpus or of the file, so rows
    # take the exact path or are staged and moved back at the end; the outcome must not change.
    monkeypatch.setattr(
        _load._KeyFilter, "hash", staticmethod(lambda keys: (keys.hash(seed=0) % 16).to_numpy())
    )
    assert _run(tmp_path, "collide", batch_size) == (counts, digest)
    # The quality checks from the loader's sums equal those from a scan of dedup.
    scan = checks.run_import_checks
    monkeypatch.setattr(checks, "run_import_checks", lambda con, import_id, stats=None: scan(con, import_id))
    assert _run(tmp_path, "scanned", batch_size) == (counts, digest)


def test_row_stats_equal_the_sql_definition() -> None:
    """Every space DuckDB's trim removes, and some it keeps, at either end; NUL bytes; empty strings and list
    items; numbers of a wrong shape."""
    import duckdb

    spaces = [*checks.TRIMMED, "\t", "\n", "\u200b", "\ufeff"]
    titles = (
        [s + "一种电池" for s in spaces] + ["一种电池" + s for s in spaces] + ["", "a\x00b", None, "一种"]
    )
    n = len(titles)
    rows = [
        {
            "pub_number": ["CN110000001A", "cn1", "CN-12A", "US7"][i % 4] if i % 5 else f"CN11{i:07d}A",
            "title": titles[i],
            "abstract": titles[n - 1 - i],
            "applicants": [["甲", None], [""], [], None, ["乙"]][i % 5],
            "ipc": [["G06F16/33", ""], None][i % 2],
        }
        for i in range(n)
    ]
    table = pa.Table.from_pylist(rows, schema=SCHEMA)
    con = duckdb.connect()
    con.register("t", table)
    ours, sql = checks.row_stats(table), checks.scan_stats(con, "t")
    assert sorted(ours.bad_keys) == sorted(sql.bad_keys) and set(sql.bad_keys) == {"CN-12A", "cn1"}
    ours.bad_keys = sql.bad_keys = []
    assert ours == sql
    assert sum(checks.row_stats(table).problems["whitespace"]) == 2 * 2 * len(checks.TRIMMED)


def test_new_rows_go_in_whole_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []
    real = _load.Loader._with

    def spy(self: _load.Loader, table: pa.Table, name: str, fn: object) -> None:
        if name == "_n":
            sizes.append(table.num_rows)
        real(self, table, name, fn)

    monkeypatch.setattr(_load.Loader, "_with", spy)
    a, _ = _files(tmp_path)
    with Corpus(tmp_path / "home") as c:
        assert import_file(c, a, batch_size=70).imported == 600
    assert sizes == [70] * 8 + [40]


def test_a_filter_that_misses_fails_the_import_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were the filter of the corpus's numbers ever to miss one, the number would be stored twice: the import
    proves it did not, and otherwise fails and is undone."""
    a, b = _files(tmp_path)
    with Corpus(tmp_path / "home") as c:
        import_file(c, a, batch_size=64)
        before = c.con.execute("SELECT * FROM patents ORDER BY ALL").fetchall()
        monkeypatch.setattr(_load._KeyFilter, "of_patents", classmethod(lambda cls, corpus: cls()))
        r = import_file(c, b, batch_size=64)
        assert r.status == "failed" and "stored twice" in (r.error or "")
        assert c.con.execute("SELECT * FROM patents ORDER BY ALL").fetchall() == before
