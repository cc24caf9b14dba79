"""Statistics: hand-computed answers on the hand-made corpus, the real corpus against plain SQL, and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import math

import ibis
import polars as pl
import pytest
from typer.testing import CliRunner

from seip.analysis import stats
from seip.analysis._backend import Engine, connect, tables
from seip.cli import app
from seip.errors import SeipError
from seip.store import Corpus
from tests.analysis.test_indicators import _APPS


def _counts(engine: Engine, by: list[str], **kw) -> dict:
    rows = stats.stats_table(tables(engine).applications, by, **kw).to_pyarrow().to_pylist()
    return {tuple(r[d] for d in by) if len(by) > 1 else r[by[0]]: r for r in rows}


def test_documents_fold_into_applications(hand_duckdb: Engine) -> None:
    apps = {r["akey"]: r for r in tables(hand_duckdb).applications.to_pyarrow().to_pylist()}
    assert len(apps) == 16  # 17 documents
    one = apps["CN2008100000010"]
    assert one["documents"] == 2 and one["pub_number"] == "CN101000001B"  # the later publication speaks
    assert (one["pub_date"], one["grant_date"]) == (dt.date(2009, 7, 1), dt.date(2011, 5, 4))
    assert all(r["documents"] == 1 for k, r in apps.items() if k != "CN2008100000010")


def test_hand_counts_shares_ranks(hand_duckdb: Engine) -> None:
    prov = _counts(hand_duckdb, ["province"])
    assert {k: r["count"] for k, r in prov.items()} == {"黑龙江省": 10, "北京市": 5, None: 1}
    assert prov["北京市"]["share"] == 5 / 16 and prov["北京市"]["rank"] == 2 and prov[None]["rank"] is None
    assert {k: r["count"] for k, r in _counts(hand_duckdb, ["office"]).items()} == {
        "CN": 13,
        "WO": 2,
        "US": 1,
    }
    sei = _counts(hand_duckdb, ["sei"])
    assert (sei["1.5"]["count"], sei[None]["count"], sei["1.5"]["share"]) == (4, 12, 4 / 16)
    types = _counts(hand_duckdb, ["applicant_type"])
    assert {k: r["count"] for k, r in types.items()} == {"enterprise": 13, "university": 4}


def test_hand_years_growth_and_year_by(hand_duckdb: Engine) -> None:
    yp = _counts(hand_duckdb, ["year", "province"], since=2018)
    assert yp[(2019, "北京市")]["count"] == 4 and yp[(2019, "北京市")]["share"] == 4 / 6
    assert yp[(2019, "黑龙江省")]["yoy"] == pytest.approx(1 / 2 - 1)  # 2018: 2, 2019: 1
    assert yp[(2019, "北京市")]["yoy"] is None  # no 2018 filing
    granted = _counts(hand_duckdb, ["year"], year_by="grant")
    assert sum(r["count"] for r in granted.values()) == 13 and granted[2019]["count"] == 4
    assert _counts(hand_duckdb, ["year"], year_by="pub")[2009]["count"] == 1  # first publication of record 1
    g = stats.growth(tables(hand_duckdb).applications, ["province", "year"], since=2018, until=2020)
    cagr = {r["province"]: r for r in g.to_pyarrow().to_pylist()}
    assert cagr["黑龙江省"]["cagr"] == pytest.approx(math.sqrt(1 / 2) - 1)
    assert cagr["北京市"]["cagr"] is None  # nothing filed in 2018


def test_hand_concentration_and_links(hand_duckdb: Engine) -> None:
    apps = tables(hand_duckdb).applications
    c = stats.concentration(apps, ["province"]).to_pyarrow().to_pylist()[0]
    assert c["values"] == 2 and c["cr4"] == pytest.approx(1.0)
    assert c["hhi"] == pytest.approx(((10 / 15) ** 2 + (5 / 15) ** 2) * 10_000)
    links = stats.cooperation_links(apps).to_pyarrow().to_pylist()
    names = apps.filter(apps.akey == "CN2019100000080").to_pyarrow().to_pylist()[0]["applicants_std"]
    assert links == [{"enterprise": names[0], "partner": names[1], "partner_type": "university", "count": 1}]


def test_bad_requests_raise() -> None:
    for by in ([], ["year", "year"], ["colour"]):
        with pytest.raises(stats.StatsError):
            stats._check(by, "app")
    with pytest.raises(stats.StatsError):
        stats._check(["year"], "priority")
    with pytest.raises(stats.StatsError, match="after"):
        stats._in_period(ibis.table({"app_date": "date"}, name="t"), "app", 2020, 2010)


@pytest.mark.shared_data
def test_real_counts_match_sql(real_corpus) -> None:
    with Corpus(real_corpus, read_only=True) as corpus:
        apps = tables(connect(corpus)).applications
        by_province = dict(
            corpus.con.execute(f"SELECT province, count(*) FROM ({_APPS}) GROUP BY 1").fetchall()
        )
        by_ipc4 = dict(
            corpus.con.execute(
                f"""SELECT s, count(*) FROM (SELECT akey, unnest(list_distinct(list_transform(ipc, lambda x: x[1:4]))) AS s
                FROM ({_APPS})) GROUP BY 1"""
            ).fetchall()
        )
        granted = dict(
            corpus.con.execute(
                """SELECT y, count(*) FROM (SELECT coalesce(app_number, pub_number) AS k, year(min(coalesce(grant_date,
                CASE WHEN pub_country = 'CN' AND left(pub_kind, 1) IN ('B','C','U','Y','S') THEN pub_date END))) AS y
                FROM patents GROUP BY 1) WHERE y IS NOT NULL GROUP BY 1"""
            ).fetchall()
        )
        prov = stats.stats_table(apps, ["province"]).to_pyarrow().to_pylist()
        ipc4 = stats.stats_table(apps, ["ipc4"]).to_pyarrow().to_pylist()
        years = stats.stats_table(apps, ["year"], year_by="grant").to_pyarrow().to_pylist()
    assert {r["province"]: r["count"] for r in prov} == by_province
    assert {r["ipc4"]: r["count"] for r in ipc4 if r["ipc4"] is not None} == by_ipc4
    assert {r["year"]: r["count"] for r in years} == granted
    total = sum(by_province.values())
    assert all(r["share"] == pytest.approx(r["count"] / total) for r in prov)


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("by", "own"),
    [
        (["sei"], "sei"),
        (["year", "applicant_type"], "applicant_type"),
        (["ipc4", "province"], "ipc4"),
        (["sei_top", "applicant"], "applicant"),  # the applicant facet carries the SEI top level
        (["applicant_type", "sei"], "sei"),
    ],
)
def test_facets_count_as_unnesting_does(real_corpus, by: list[str], own: str) -> None:
    with Corpus(real_corpus, read_only=True) as corpus:
        assert stats.facet_for([d for d in by if d in stats.LIST_DIMENSIONS]) == own
        tb = tables(connect(corpus), [own])
        assert set(tb.facets) == {own}
        kw = {"since": 2012, "until": 2020}
        plain = stats.stats_table(tb.applications, by, **kw).to_pyarrow().to_pylist()
        fast = stats.stats_table(tb.applications, by, facets=tb.facets, **kw).to_pyarrow().to_pylist()
        conc = [
            stats.concentration(tb.applications, by, facets=f, **kw).to_pyarrow().to_pylist()
            for f in (None, tb.facets)
        ]
    key = lambda r: tuple((v is None, str(v)) for v in r.values())  # noqa: E731
    assert len(plain) > 5 and sorted(plain, key=key) == sorted(fast, key=key)
    assert sorted(conc[0], key=key) == sorted(conc[1], key=key)


def test_no_facet_serves_two_long_lists_or_three() -> None:
    assert stats.facet_for(["sei", "applicant"]) is None  # neither facet carries the other
    assert stats.facet_for(["sei", "applicant", "sei_top"]) is None
    assert stats.facet_for([]) is None
    assert stats.facet_for(["sei_top", "applicant_type"]) in {"sei_top", "applicant_type"}


runner = CliRunner()


def test_cli_json_contract(hand_corpus) -> None:
    res = runner.invoke(
        app, ["stats", "--home", str(hand_corpus), "--by", "year,province", "--since", "2018", "--json"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["by"] == ["year", "province"] and data["year_by"] == "app"
    assert all({"year", "province", "count", "share", "rank", "yoy"} <= set(r) for r in data["rows"])
    assert sum(r["count"] for r in data["rows"]) == 9  # filed 2018–2020
    assert data["growth"] and data["concentration"]


def test_cli_links_top_and_xlsx(hand_corpus, tmp_path) -> None:
    res = runner.invoke(app, ["stats", "--home", str(hand_corpus), "--links", "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["by"] == ["enterprise", "partner"]
    out = tmp_path / "s.xlsx"
    res = runner.invoke(
        app, ["stats", "--home", str(hand_corpus), "--by", "applicant_type", "--top", "1", "--xlsx", str(out)]
    )
    assert res.exit_code == 0, res.output
    sheet = pl.read_excel(out, sheet_name="rows")
    assert sheet["applicant_type"].to_list() == ["enterprise"] and sheet["count"].to_list() == [13]


def test_cli_errors_are_one_line(hand_corpus) -> None:
    res = runner.invoke(app, ["stats", "--home", str(hand_corpus), "--by", "colour"])
    assert res.exit_code == 1 and isinstance(res.exception, SeipError) and "colour" in str(res.exception)


def test_cli_query_restricts_to_the_search(hand_corpus) -> None:
    res = runner.invoke(
        app, ["stats", "--home", str(hand_corpus), "--by", "province", "--query", "PA=清华大学", "--json"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["query"] == "PA=清华大学"
    assert [(r["province"], r["count"]) for r in data["rows"]] == [("北京市", 1)]  # record 8 only
