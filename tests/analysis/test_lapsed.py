"""Lapsed-patent compilation: reasons, dates and their basis, the `since` rule, one row per application, the order
by value, the xlsx/csv/parquet files, the CLI, the real corpus against an independent count, DuckDB = Spark."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from seip.analysis import lapsed, value
from seip.analysis._backend import connect, tables
from seip.cli import app
from seip.store import Corpus
from tests.analysis.conftest import spark_or_skip
from tests.analysis.test_value import LAPSE, cn, ev, scratch_corpus

AS_OF = dt.date(2024, 1, 1)
SINCE = dt.date(2020, 1, 1)

RECORDS = [
    cn(1, legal_status="lapsed", claims_count=30, cited_by_count=9, legal_events=[ev("2021-03-01", *LAPSE)]),
    cn(2, legal_status="lapsed", legal_events=[ev("2019-01-01", *LAPSE)]),  # ended before 2020
    cn(3, app_date="2001-02-01", legal_status="expired"),  # term: 2021-02-01
    cn(4, legal_status="lapsed", grant_date="2020-06-01"),  # undated, but not before 2020-06-01
    cn(5, legal_status="lapsed", grant_date="2018-01-01"),  # undated, may have ended before 2020
    cn(6, pub_number="CN100000006A", legal_status="withdrawn", pub_date="2021-05-01"),
    cn(7, pub_number="CN100000007A", legal_status="rejected", legal_events=[ev("2022-01-01", "RJ01", "驳回")]),
    cn(8, legal_status="invalidated", legal_events=[ev("2020-07-01", "IW01", "专利权全部无效")]),
    cn(9, legal_status="abandoned", legal_events=[ev("2020-08-01", "AV01", "放弃专利权")]),
    {"pub_number": "WO2015000010A1", "app_date": "2015-03-01", "pub_date": "2015-09-01", "patent_type": "invention",
     "ipc": ["H01M10/05"], "ipc_main": "H01M10/05", "legal_status": "expired"},
    # One application published twice: the grant (lapsed, dated) speaks for it.
    cn(11, pub_number="CN100000011A", pub_date="2016-01-01", legal_status="pending"),
    cn(11, legal_status="lapsed", pub_date="2017-01-01", legal_events=[ev("2022-05-01", *LAPSE)]),
    cn(12),  # in force
    *[cn(n, claims_count=n % 5, cited_by_count=n % 3) for n in range(13, 20)],
]  # fmt: skip


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scratch_corpus(tmp_path_factory.mktemp("lapsed") / "home", RECORDS)


def _table(home: Path, engine: str = "duckdb", **kw):
    with Corpus(home, read_only=True) as c:
        return lapsed.lapsed_table(tables(connect(c, engine)), as_of=AS_OF, **kw).to_pyarrow()


def test_reasons_dates_and_bases(home: Path) -> None:
    rows = {r["pub_number"]: r for r in _table(home).to_pylist()}
    expected = {
        "CN100000001B": ("lapsed", dt.date(2021, 3, 1), "event", None),
        "CN100000002B": ("lapsed", dt.date(2019, 1, 1), "event", None),
        "CN100000003B": ("expired", dt.date(2021, 2, 1), "term", None),
        "CN100000004B": ("lapsed", None, "unknown", dt.date(2020, 6, 1)),
        "CN100000005B": ("lapsed", None, "unknown", dt.date(2018, 1, 1)),
        "CN100000006A": ("withdrawn", None, "unknown", dt.date(2021, 5, 1)),
        "CN100000007A": ("rejected", dt.date(2022, 1, 1), "event", None),
        "CN100000008B": ("invalidated", dt.date(2020, 7, 1), "event", None),
        "CN100000009B": ("abandoned", dt.date(2020, 8, 1), "event", None),
        "CN100000011B": ("lapsed", dt.date(2022, 5, 1), "event", None),
    }
    assert {
        p: (r["reason"], r["end_date"], r["end_basis"], r["ended_after"]) for p, r in rows.items()
    } == expected


def test_since_keeps_only_what_surely_ended_since(home: Path) -> None:
    got = set(_table(home, since=SINCE)["pub_number"].to_pylist())
    assert got == {"CN100000001B", "CN100000003B", "CN100000004B", "CN100000006A", "CN100000007A",
                   "CN100000008B", "CN100000009B", "CN100000011B"}  # fmt: skip
    undated = set(_table(home, since=SINCE, include_undated=True)["pub_number"].to_pylist())
    assert undated == got | {"CN100000005B"}
    rights = set(_table(home, since=SINCE, reasons=("lapsed", "expired"))["pub_number"].to_pylist())
    assert rights == {"CN100000001B", "CN100000003B", "CN100000004B", "CN100000011B"}


def test_most_valuable_first(home: Path) -> None:
    t = _table(home)
    with Corpus(home, read_only=True) as c:
        e = connect(c)
        v = value.value_columns(e.table("patents"), e.table("legal_events"), as_of=AS_OF).to_pyarrow()
    scores = {r["pub_number"]: r["value_score"] for r in v.to_pylist()}
    rows = t.to_pylist()
    assert [r["value_score"] for r in rows] == [scores[r["pub_number"]] for r in rows]
    key = [(-(r["value_score"] if r["value_score"] is not None else -1), r["pub_number"]) for r in rows]
    assert key == sorted(key) and [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["pub_number"] == "CN100000001B"  # 30 claims, 9 citations


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".parquet"])
def test_cli_writes_the_compilation(home: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"失效专利{suffix}"
    args = [
        "lapsed",
        "--since",
        "2020",
        "--as-of",
        "2024-01-01",
        "--out",
        str(out),
        "--home",
        str(home),
        "--json",
    ]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["total"] == 8 and data["rows"][0]["pub_number"] == "CN100000001B"
    if suffix == ".parquet":
        assert pq.read_table(out).column("pub_number").to_pylist() == [r["pub_number"] for r in data["rows"]]
    elif suffix == ".csv":
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 9 and lines[0].startswith('"pub_number"')
    else:
        import fastexcel

        book = fastexcel.read_excel(str(out))
        assert book.sheet_names == ["失效专利", "说明"]
        sheet = book.load_sheet(0).to_arrow()
        assert sheet.num_rows == 8 and sheet.column_names[:2] == ["公开（公告）号", "申请号"]
        assert sheet.column("序号").to_pylist() == list(range(1, 9))
        assert "未缴年费终止" in sheet.column("失效原因").to_pylist()
        notes = book.load_sheet(1, header_row=None).to_arrow()
        assert notes.num_rows >= 5


def test_cli_refuses_unknown_reason_and_format(home: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["lapsed", "--reason", "sleeping", "--home", str(home)])
    assert res.exit_code == 1 and "sleeping" in str(res.exception)
    res = CliRunner().invoke(app, ["lapsed", "--out", str(tmp_path / "x.doc"), "--home", str(home)])
    assert res.exit_code == 1 and "x.doc" in str(res.exception)


@pytest.mark.shared_data
def test_real_corpus_against_independent_count(real_engines: dict) -> None:
    t = tables(real_engines["duckdb"])
    got = lapsed.lapsed_table(t, as_of=AS_OF, sei="1.5").to_pyarrow()
    apps = t.applications.select("akey", "legal_status", "pub_country", "sei_codes").to_pyarrow().to_pylist()
    expected = [
        a for a in apps
        if a["legal_status"] in lapsed.END_CATEGORY and a["pub_country"] != "WO" and "1.5" in (a["sei_codes"] or [])
    ]  # fmt: skip
    assert got.num_rows == len(expected) > 500
    reasons = {}
    for a in expected:
        reasons[a["legal_status"]] = reasons.get(a["legal_status"], 0) + 1
    assert dict(zip(*[got.group_by("reason").aggregate([("reason", "count")]).column(i).to_pylist()
                      for i in (0, 1)], strict=True)) == reasons  # fmt: skip


@pytest.mark.shared_data
@pytest.mark.slow
def test_duckdb_and_spark_agree(real_engines: dict) -> None:
    spark_or_skip(real_engines)
    # Spark's table names are session-wide: another test may have pointed "patents" at its own corpus since.
    spark = connect(real_engines["duckdb"].corpus, "pyspark")
    got = {}
    for name, e in (("duckdb", real_engines["duckdb"]), ("pyspark", spark)):
        got[name] = lapsed.lapsed_table(tables(e), as_of=AS_OF, sei="1", since=SINCE).to_pyarrow()
    assert got["duckdb"].num_rows > 100
    assert got["duckdb"].equals(got["pyspark"])
