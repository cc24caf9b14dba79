"""Official indicators: hand-computed answers on the hand-made corpus, and the real corpus against plain SQL."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from seip.analysis import indicators as ind
from seip.analysis._backend import Engine, connect, tables
from seip.analysis.highvalue import CRITERIA, explain_criteria
from seip.analysis.population import population, resolve_region
from seip.analysis.registry import INDICATORS, OFFICIAL_COLUMNS, official
from seip.cli import app
from seip.errors import SeipError
from seip.store import Corpus

REGIONS = ("全国", "黑龙江省", "哈尔滨市", "大庆市", "北京市")
# (indicator, year) → {region: (numerator, undetermined)}, worked out record by record from
# tests/analysis/conftest.py HAND_RECORDS (the comments there say what each record is for).
HAND = {
    ("valid_invention_patents", None): {"全国": (5, 1), "黑龙江省": (3, 1), "哈尔滨市": (1, 1), "大庆市": (2, 0), "北京市": (2, 0)},
    ("valid_invention_patents", 2020): {"全国": (4, 2), "黑龙江省": (2, 2), "哈尔滨市": (1, 2), "大庆市": (1, 0), "北京市": (2, 0)},
    ("high_value_invention_patents", None): {"全国": (4, 1), "黑龙江省": (3, 1), "哈尔滨市": (1, 1), "大庆市": (2, 0), "北京市": (1, 0)},
    ("high_value_invention_patents", 2020): {"全国": (3, 1), "黑龙江省": (2, 1), "哈尔滨市": (1, 1), "大庆市": (1, 0), "北京市": (1, 0)},
    ("sei_invention_patents", None): {"全国": (1, 0), "黑龙江省": (1, 0), "哈尔滨市": (1, 0), "大庆市": (0, 0), "北京市": (0, 0)},
    ("sei_invention_patents", 2020): {"全国": (1, 0), "黑龙江省": (1, 0), "哈尔滨市": (1, 0), "大庆市": (0, 0), "北京市": (0, 0)},
    ("pct_applications", None): {"全国": (2, 0), "黑龙江省": (1, 0), "哈尔滨市": (1, 0), "大庆市": (0, 0), "北京市": (1, 0)},
    ("pct_applications", 2020): {"全国": (1, 0), "黑龙江省": (1, 0), "哈尔滨市": (1, 0), "大庆市": (0, 0), "北京市": (0, 0)},
    ("overseas_families", None): {"全国": (2, 0), "黑龙江省": (2, 0), "哈尔滨市": (1, 0), "大庆市": (1, 0), "北京市": (0, 0)},
    ("overseas_families", 2020): {"全国": (0, 0), "黑龙江省": (0, 0), "哈尔滨市": (0, 0), "大庆市": (0, 0), "北京市": (0, 0)},
    ("lapsed_patents", None): {"全国": (3, 0), "黑龙江省": (3, 0), "哈尔滨市": (3, 0), "大庆市": (0, 0), "北京市": (0, 0)},
    ("lapsed_patents", 2020): {"全国": (2, 1), "黑龙江省": (2, 1), "哈尔滨市": (2, 1), "大庆市": (0, 0), "北京市": (0, 0)},
    ("expired_patents", None): {"全国": (1, 0), "黑龙江省": (0, 0), "哈尔滨市": (0, 0), "大庆市": (0, 0), "北京市": (1, 0)},
    ("expired_patents", 2020): {"全国": (1, 0), "黑龙江省": (0, 0), "哈尔滨市": (0, 0), "大庆市": (0, 0), "北京市": (1, 0)},
}  # fmt: skip
PER_10K = {
    "valid_invention_per_10k": "valid_invention_patents",
    "high_value_invention_per_10k": "high_value_invention_patents",
}


def _level(region: str) -> str:
    return resolve_region(region).level


def _by_region(engine: Engine, ind_id: str, year: int | None) -> dict[str, dict]:
    rows = INDICATORS[ind_id](tables(engine), year=year).to_pyarrow().to_pylist()
    return {r["region"]: r for r in rows if r["level"] == _level(r["region"]) or r["level"] == "national"}


@pytest.mark.parametrize(("ind_id", "year"), list(HAND))
def test_hand_counts(hand_duckdb: Engine, ind_id: str, year: int | None) -> None:
    got = _by_region(hand_duckdb, ind_id, year)
    for region, (numerator, undetermined) in HAND[(ind_id, year)].items():
        r = got[region]
        assert (r["numerator"], r["undetermined"]) == (numerator, undetermined), (ind_id, year, region)
        assert r["value"] == float(numerator) and r["denominator"] is None


@pytest.mark.parametrize("year", [None, 2020])
@pytest.mark.parametrize("ind_id", list(PER_10K))
def test_hand_per_10k(hand_duckdb: Engine, ind_id: str, year: int | None) -> None:
    got = _by_region(hand_duckdb, ind_id, year)
    for region, (numerator, undetermined) in HAND[(PER_10K[ind_id], year)].items():
        r, pop = got[region], resolve_region(region).population
        assert (r["numerator"], r["denominator"], r["undetermined"]) == (numerator, pop, undetermined)
        assert r["value"] == pytest.approx(numerator * 10_000 / pop, rel=1e-12)


def test_official_tables_share_one_shape(hand_duckdb: Engine) -> None:
    pop = population().to_pylist()
    for i in official():
        t = i(tables(hand_duckdb), year=2020).to_pyarrow()
        assert t.column_names == [*OFFICIAL_COLUMNS, "undetermined"], i.id
        regions = {(r["level"], r["region"]) for r in t.to_pylist()}
        assert {(r["level"], r["name"]) for r in pop} <= regions, f"{i.id}: a census region is missing"
        assert len(regions) == t.num_rows, f"{i.id}: a region appears twice"


def test_criteria_per_patent(hand_duckdb: Engine) -> None:
    rows = ind.high_value_patents(tables(hand_duckdb)).to_pyarrow().to_pylist()
    got = {r["akey"]: (sorted(r["criteria"]), r["in_force"]) for r in rows}
    assert got == {
        "CN2008100000010": (sorted(["sei", "overseas_family", "maintained_10y"]), True),
        "CN2017100000043": (["overseas_family"], True),
        "CN2018100000052": (
            ["award"],
            True,
        ),  # China Patent Award 2022; the provincial award of 1 does not count
        "CN2019100000080": (["high_pledge"], True),  # 1,500万元
        "CN2019100000095": ([], True),  # 500万元 is no high amount
        "CN2005100000159": (["maintained_10y"], None),  # status unknown: undetermined
    }
    low = ind.high_value_patents(tables(hand_duckdb), pledge_min=400).to_pyarrow().to_pylist()
    assert {r["akey"]: r["criteria"] for r in low}["CN2019100000095"] == ["high_pledge"]


def test_criteria_coverage_says_what_was_evaluated(hand_duckdb: Engine, real_engines) -> None:
    hand = ind.criteria_coverage(tables(hand_duckdb), year=2020).to_pyarrow().to_pylist()[0]
    assert (hand["patents"], hand["meets_high_pledge"], hand["meets_award"], hand["pledge_rows"]) == (
        4,
        1,
        0,
        2,
    )
    assert all(c["evaluated"] for c in explain_criteria(hand))
    real = ind.criteria_coverage(tables(real_engines["duckdb"])).to_pyarrow().to_pylist()[0]
    explained = {c["id"]: c for c in explain_criteria(real)}
    assert list(explained) == list(CRITERIA)
    assert not explained["award"]["evaluated"] and not explained["high_pledge"]["evaluated"]
    assert explained["sei"]["evaluated"] and explained["maintained_10y"]["evaluated"]
    assert explained["overseas_family"]["evaluated"] == (real["with_family_data"] > 0)


# The real corpus, against plain SQL over the same tables (one row per application: the record with a known
# validity, then the latest import, publication date and number, as the analysis defines it).
_APPS = """
SELECT * FROM (SELECT *, coalesce(app_number, pub_number) AS akey, row_number() OVER (
    PARTITION BY coalesce(app_number, pub_number)
    ORDER BY is_valid IS NOT NULL DESC, coalesce(last_import_id, 0) DESC, coalesce(pub_date, DATE '0001-01-01') DESC,
             pub_number DESC) AS pos FROM patents) WHERE pos = 1
"""


@pytest.mark.shared_data
def test_real_valid_inventions_match_sql(real_corpus) -> None:
    with Corpus(real_corpus, read_only=True) as corpus:
        sql = dict(
            corpus.con.execute(
                f"""SELECT coalesce(province, '全国'), count(*) FROM ({_APPS}) WHERE pub_country = 'CN'
                AND patent_type = 'invention' AND applicant_country = 'CN' AND is_valid
                GROUP BY ROLLUP (province)"""
            ).fetchall()
        )
        national = corpus.one(
            f"SELECT count(*) FROM ({_APPS}) WHERE pub_country = 'CN' AND patent_type = 'invention' "
            "AND applicant_country = 'CN' AND is_valid"
        )[0]
        got = ind.valid_invention_per_10k(tables(connect(corpus))).to_pyarrow().to_pylist()
    provinces = {r["region"]: r for r in got if r["level"] == "province"}
    assert national > 0 and {r["region"]: r for r in got}["全国"]["numerator"] == national
    for name, r in provinces.items():
        assert r["numerator"] == sql.get(name, 0), name
        if r["numerator"]:
            assert r["value"] == pytest.approx(
                r["numerator"] * 10_000 / resolve_region(name).population, rel=1e-12
            )


@pytest.mark.shared_data
def test_real_pct_applications_match_sql(real_corpus) -> None:
    with Corpus(real_corpus, read_only=True) as corpus:
        expected = corpus.one(
            "SELECT count(DISTINCT coalesce(app_number, pub_number)) FROM patents WHERE pub_country = 'WO' "
            "AND applicant_country = 'CN' AND year(app_date) = 2020"
        )[0]
        got = ind.pct_applications(tables(connect(corpus)), year=2020).to_pyarrow().to_pylist()
    assert expected > 0 and {r["region"]: r for r in got}["全国"]["numerator"] == expected


runner = CliRunner()


def test_cli_json_contract(hand_corpus) -> None:
    res = runner.invoke(
        app, ["indicators", "--home", str(hand_corpus), "--region", "黑龙江省", "--year", "2020", "--json"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    ids = {d["indicator"] for d in data}
    assert {
        "valid_invention_patents",
        "valid_invention_per_10k",
        "high_value_invention_patents",
        "high_value_invention_per_10k",
    } <= ids
    for d in data:
        assert {"indicator", "region", "value", "numerator", "denominator", "definition"} <= set(d)
        assert d["region"] == "黑龙江省" or d["province"] == "黑龙江省"
        assert d["assumptions"] and d["as_of"] == "2020-12-31"
    hv = next(
        d for d in data if d["indicator"] == "high_value_invention_per_10k" and d["region"] == "黑龙江省"
    )
    assert hv["numerator"] == HAND[("high_value_invention_patents", 2020)]["黑龙江省"][0]
    assert {c["id"] for c in hv["criteria"]} == set(CRITERIA)


def test_cli_lists_high_value_patents_with_criteria(hand_corpus) -> None:
    res = runner.invoke(
        app, ["indicators", "--home", str(hand_corpus), "--patents", "--region", "大庆", "--json"]
    )
    assert res.exit_code == 0, res.output
    rows = {r["pub_number"]: r["criteria"] for r in json.loads(res.stdout)}
    assert rows == {"CN104000004B": ["overseas_family"], "CN105000005B": ["award"]}


def test_cli_english_and_errors(hand_corpus) -> None:
    res = runner.invoke(
        app,
        [
            "--lang",
            "en",
            "indicators",
            "--home",
            str(hand_corpus),
            "--indicator",
            "pct_applications",
            "--json",
        ],
    )
    assert res.exit_code == 0
    assert all(d["definition"].startswith("PCT applications") for d in json.loads(res.stdout))
    bad = runner.invoke(app, ["indicators", "--home", str(hand_corpus), "--region", "火星"])
    assert bad.exit_code == 1 and isinstance(bad.exception, SeipError) and "火星" in str(bad.exception)
    wrong = runner.invoke(app, ["indicators", "--home", str(hand_corpus), "--indicator", "stats"])
    assert wrong.exit_code == 1 and isinstance(wrong.exception, SeipError) and "stats" in str(wrong.exception)
