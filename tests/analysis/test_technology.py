"""Technology composition: WIPO fields and IPC main groups against a hand-built corpus and an independent count
of the real corpus; DuckDB = Spark."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from seip.analysis import lifecycle, technology
from seip.analysis._backend import connect, tables
from seip.store import Corpus
from seip.taxonomy.wipo import wipo_fields
from tests.analysis.conftest import spark_or_skip
from tests.analysis.test_value import cn, scratch_corpus

# Filing years: 2015, 2016 (previous window 2015–2017), 2019, 2020 (recent window 2018–2020 for last = 2020).
RECORDS = [
    # Two main groups (H01M10, H01M4); H01M 10/05 and 10/052 fold into one. Field 1 (electrical machinery).
    cn(1, app_date="2015-03-01", ipc=["H01M10/05", "H01M10/052", "H01M4/00"]),
    cn(2, app_date="2016-03-01", ipc=["H01M4/13"]),
    cn(3, app_date="2019-03-01", ipc=["H01M10/44", "G06F16/33"]),
    cn(4, app_date="2020-03-01", ipc=["H01M10/05"]),
    # A bare subclass names no main group; the application still counts in the total (share denominator).
    cn(5, app_date="2020-06-01", ipc=["H01M"]),
    # The same application published twice (A and B) is one application.
    cn(6, app_date="2019-05-01", ipc=["A61K31/00"], pub_number="CN100000006A", pub_date="2020-01-01"),
    cn(6, app_date="2019-05-01", ipc=["A61K31/00"]),
]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scratch_corpus(tmp_path_factory.mktemp("technology") / "home", RECORDS)


def _rows(home: Path, kind: str) -> dict:
    with Corpus(home, read_only=True) as c:
        t = technology.composition(tables(connect(c)), kind, last=2020).to_pyarrow().to_pylist()
    return {r[technology.KINDS[kind][0]]: r for r in t}


def test_ipc_groups_by_hand(home: Path) -> None:
    got = _rows(home, "ipc_group")
    assert set(got) == {"H01M10", "H01M4", "G06F16", "A61K31"}
    # H01M10: applications 1, 3, 4 (2015; 2019, 2020) → recent 2, previous 1, growth +100%.
    h10 = got["H01M10"]
    assert (h10["count"], h10["recent"], h10["previous"], h10["rank"]) == (3, 2, 1, 1)
    assert h10["growth"] == pytest.approx(1.0)
    assert h10["share"] == pytest.approx(3 / 6)  # six applications in the corpus
    # H01M4: 1 and 2, both in the previous window → growth −100%.
    assert (got["H01M4"]["count"], got["H01M4"]["recent"], got["H01M4"]["growth"]) == (
        2,
        0,
        pytest.approx(-1.0),
    )
    # No previous filings → growth undefined, never infinite.
    assert got["G06F16"]["growth"] is None and got["G06F16"]["previous"] == 0
    # The twice-published application counts once.
    assert got["A61K31"]["count"] == 1
    assert got["H01M4"]["rank"] == 2 and got["G06F16"]["rank"] == got["A61K31"]["rank"] == 3


def test_wipo_fields_by_hand(home: Path) -> None:
    got = _rows(home, "wipo")
    names = wipo_fields()
    assert names[1].field_en == "Electrical machinery, apparatus, energy" and names[1].field_zh
    # H01M → field 1 for applications 1–5; G06F → 6 (computer technology); A61K31 → 16 (pharmaceuticals).
    assert got[1]["count"] == 5 and got[6]["count"] == 1 and got[16]["count"] == 1
    assert (got[1]["recent"], got[1]["previous"]) == (3, 2)


def test_wipo_names_cover_every_field() -> None:
    names = wipo_fields()
    assert sorted(names) == list(range(1, 36))
    assert {f.sector_zh for f in names.values()} == {"电气工程", "仪器", "化学", "机械工程", "其他领域"}
    assert all(f.field_zh and f.field_zh != f.field_en for f in names.values())


def test_unknown_kind(home: Path) -> None:
    with Corpus(home, read_only=True) as c, pytest.raises(ValueError, match="ipc_group"):
        technology.composition(tables(connect(c)), "cpc", last=2020)


@pytest.mark.shared_data
def test_real_corpus_against_independent_count(real_engines: dict) -> None:
    t = lifecycle.select(tables(real_engines["duckdb"]), sei="1.5")
    got = {
        r["ipc_group"]: r["count"]
        for r in technology.composition(t, "ipc_group", last=2021).to_pyarrow().to_pylist()
    }
    apps = t.applications.select("pub_number").to_pyarrow().column("pub_number").to_pylist()
    ipc = {r["pub_number"]: r["ipc"] for r in t.patents.select("pub_number", "ipc").to_pyarrow().to_pylist()}
    expected: Counter = Counter()
    for pub in apps:
        expected.update({s.split("/")[0] for s in ipc.get(pub) or [] if "/" in s})
    assert len(expected) > 100
    assert got == dict(expected)


@pytest.mark.shared_data
@pytest.mark.slow
def test_duckdb_and_spark_agree(real_engines: dict) -> None:
    spark_or_skip(real_engines)
    spark = connect(real_engines["duckdb"].corpus, "pyspark")
    out = {}
    for name, e in (("duckdb", real_engines["duckdb"]), ("pyspark", spark)):
        t = lifecycle.select(tables(e), sei="1.5")
        out[name] = [
            technology.composition(t, k, last=2021).order_by(technology.KINDS[k][0]).to_pyarrow()
            for k in technology.KINDS
        ]
    assert out["duckdb"][0].num_rows > 20
    for a, b in zip(out["duckdb"], out["pyspark"], strict=True):
        assert a.equals(b)
