"""Export → import round trips: a record exported and imported again is unchanged, in every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from seip.errors import SeipError
from seip.records.schema import CONTENT_FIELDS
from seip.store import Corpus
from seip.store.export import export, where_sql
from seip.store.importing import import_file

REAL = [
    "cn-patent-container/incopat/iflytek_3816.xlsx",
    "cn-patent-container/patentics-csv/global_lyft.csv",
    "cn-patent-container/patentics-xlsx/thundersoft_cn_511.xlsx",
    "epo-ops-samples/legal/example_3.xml",
    "patentsview-db/single-docs/ipg120327.18.xml",
    "cn-patent-container/incopat/ford_autodriving_7552.xlsx",
]


def _content(corpus: Corpus) -> list[tuple]:
    return corpus.con.execute(
        f"SELECT {', '.join(CONTENT_FIELDS)} FROM patents ORDER BY pub_number"
    ).fetchall()


@pytest.fixture(scope="module")
def source_corpus(tmp_path_factory: pytest.TempPathFactory, datasets: Path):
    if not datasets.is_dir():
        pytest.skip(f"needs the shared datasets at {datasets}")
    home = tmp_path_factory.mktemp("src")
    with Corpus(home) as c:
        for name in REAL:
            assert import_file(c, datasets / name).status == "ok"
    return home


@pytest.mark.shared_data
@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv", "xlsx"])
def test_round_trip(source_corpus: Path, tmp_path: Path, fmt: str) -> None:
    with Corpus(source_corpus, read_only=True) as src:
        expected = _content(src)
        out = tmp_path / f"all.{fmt}"
        assert export(src, out) == len(expected)
    with Corpus(tmp_path / "fresh") as dst:
        r = import_file(dst, out)
        assert r.status == "ok", r.error
        assert r.counts()["imported"] == len(expected) and r.quarantined == 0
        assert _content(dst) == expected
        again = import_file(dst, out)
        assert again.counts()["unchanged"] == len(expected)


@pytest.mark.shared_data
def test_reimport_of_export_into_same_corpus_is_unchanged(source_corpus: Path, tmp_path: Path) -> None:
    home = tmp_path / "copy"
    home.mkdir()
    (home / "corpus.duckdb").write_bytes((source_corpus / "corpus.duckdb").read_bytes())
    with Corpus(home) as c:
        before = _content(c)
        out = tmp_path / "x.jsonl"
        export(c, out)
        r = import_file(c, out)
        assert r.updated == 0 and r.imported == 0 and r.unchanged == len(before)
        assert _content(c) == before


@pytest.mark.shared_data
def test_where_filters(source_corpus: Path, tmp_path: Path) -> None:
    with Corpus(source_corpus, read_only=True) as c:
        n_cn = c.con.execute("SELECT count(*) FROM patents WHERE pub_country = 'CN'").fetchall()[0][0]
        assert export(c, tmp_path / "cn.csv", where=["pub_country=CN"]) == n_cn > 0
        n = c.con.execute("SELECT count(*) FROM patents WHERE list_contains(ipc, 'G10L15/22')").fetchall()[0][
            0
        ]
        assert export(c, tmp_path / "ipc.jsonl", where=["ipc=G10L15/22"]) == n > 0


def test_where_errors() -> None:
    with pytest.raises(SeipError, match="unknown field 'nope'"):
        where_sql(["nope=1"])
    with pytest.raises(SeipError, match="expected FIELD OP VALUE"):
        where_sql(["pub_country"])


def test_generated_corpus_imports_unchanged(tmp_path: Path) -> None:
    """Synthetic records are already canonical: importing them changes no value; the taxonomy columns, which
    the generator leaves empty, are those the classifier gives."""
    import datetime as dt

    import pyarrow as pa

    from seip.store.classify import with_taxonomy
    from seip.store.files import write_batches
    from seip.synthetic import generate_batches

    table = pa.Table.from_batches(list(generate_batches(20_000, seed=3, today=dt.date(2026, 11, 22))))
    out = tmp_path / "gen.parquet"
    write_batches(table.to_batches(), out)
    with Corpus(tmp_path / "h") as c:
        r = import_file(c, out, today=dt.date(2026, 11, 22))
        assert r.counts()["imported"] == 20_000
        got = c.query(f"SELECT {', '.join(CONTENT_FIELDS)} FROM patents ORDER BY pub_number")
    want = with_taxonomy(table).select(list(CONTENT_FIELDS)).sort_by("pub_number")
    assert table.column("sei_codes").null_count == table.num_rows  # the generator leaves them to the import
    assert got.column("sei_codes").null_count < 0.6 * table.num_rows
    diffs = {
        f: sum(a != b for a, b in zip(got[f].to_pylist(), want[f].to_pylist(), strict=True))
        for f in CONTENT_FIELDS
    }
    assert {f: n for f, n in diffs.items() if n} == {}
