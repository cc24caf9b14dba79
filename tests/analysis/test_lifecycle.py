"""Technology life cycle: yearly counts and coefficients against a hand-built corpus, the stage rules, incomplete
years, the real corpus against an independent count, the CLI (with --query) and DuckDB = Spark."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seip.analysis import lapsed, lifecycle
from seip.analysis._backend import connect, tables
from seip.cli import app
from seip.store import Corpus
from tests.analysis.conftest import spark_or_skip
from tests.analysis.test_value import LAPSE, cn, ev, scratch_corpus

CUTOFF = dt.date(2023, 3, 1)  # the last publication of the fixture: 2020 is the last complete filing year


def _records() -> list[dict]:
    """H01M filings 2010–2022: a(y) = y − 2009 inventions, 2 utility models a year; applicants 公司0…公司4."""
    recs, n = [], 0
    for y in range(2010, 2023):
        for i in range(y - 2009):
            n += 1
            recs.append(cn(n, app_date=f"{y}-04-01", pub_date=f"{min(y + 1, 2023)}-01-01", applicants=[f"公司{i % 5}"],
                           ipc=["H01M4/00"], legal_status="pending"))  # fmt: skip
        for j in range(2):
            n += 1
            # The 2010–2012 utility models have expired (term: 10 years from filing).
            status = "expired" if y <= 2012 else "granted"
            recs.append(cn(n, app_date=f"{y}-05-01", pub_date=f"{min(y + 1, 2023)}-02-01", patent_type="utility_model",
                           applicants=[f"公司{j}", "联合大学"], ipc=["H01M2/10"], legal_status=status))  # fmt: skip
    # Two 2012 inventions lapsed in 2019 (dated by events); one lapsed without a date.
    assert [r["app_date"][:4] for r in recs[7:10]] == ["2012"] * 3 and recs[7]["patent_type"] == "invention"
    recs[7].update(legal_status="lapsed", legal_events=[ev("2019-06-01", *LAPSE)])
    recs[8].update(legal_status="lapsed", legal_events=[ev("2019-08-01", *LAPSE)])
    recs[9].update(legal_status="lapsed")
    # The same application published twice (A, then B) counts once.
    last = recs[-3]
    assert last["patent_type"] == "invention" and last["app_date"].startswith("2022")
    twin = dict(last, pub_number=last["pub_number"].replace("B", "A"), pub_date="2023-03-01")
    other = cn(999, app_date="2018-01-01", ipc=["G06F16/00"])  # not H01M
    return [*recs, twin, other]


RECORDS = _records()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scratch_corpus(tmp_path_factory.mktemp("lifecycle") / "home", RECORDS)


def _run(home: Path, engine: str = "duckdb", **sel) -> tuple[list[dict], dict]:
    with Corpus(home, read_only=True) as c:
        t = tables(connect(c, engine))
        cutoff = lifecycle.data_cutoff(t.patents).to_pyarrow()["cutoff"][0].as_py()
        assert cutoff == CUTOFF
        s = lifecycle.select(t, **sel)
        years = lifecycle.yearly(s, lapsed.end_dates(t, as_of=cutoff), cutoff=cutoff).to_pyarrow().to_pylist()
        win = lifecycle.windows(s, last_year=lifecycle.last_complete_year(cutoff)).to_pyarrow().to_pylist()[0]
    return years, win


def test_yearly_counts_by_hand(home: Path) -> None:
    years, win = _run(home, ipc="H01M")
    rows = {r["year"]: r for r in years}
    assert sorted(rows) == list(range(2010, 2024))  # first filing year … cut-off year, 2023 with zeros
    for y in range(2010, 2023):
        a = y - 2009
        assert (rows[y]["a"], rows[y]["b"], rows[y]["applications"]) == (a, 2, a + 2), y
        assert rows[y]["applicants"] == min(a, 5) + (1 if a < 2 else 0) + 1, y  # 公司0…, 公司1 (UM), 联合大学
        assert rows[y]["a_5y"] == sum(k - 2009 for k in range(max(2010, y - 4), y + 1)), y
        assert rows[y]["v"] == pytest.approx(a / rows[y]["a_5y"], abs=1e-6)
        assert rows[y]["alpha"] == pytest.approx(a / (a + 2), abs=1e-6)
    # Ended rights: 2 lapses dated 2019; the 2010–2012 utility models expire 2020, 2021, 2022 (2 a year).
    assert {y: r["c"] for y, r in rows.items() if r["c"]} == {2019: 2, 2020: 2, 2021: 2, 2022: 2}
    assert rows[2019]["beta"] == pytest.approx((10 + 2) / (10 + 2 + 2), abs=1e-6)
    assert years[0]["ended_undated"] == 1
    assert [y for y, r in rows.items() if not r["complete"]] == [2021, 2022, 2023]
    # J = 2018–2020, B = 2015–2017.
    assert win["applications_j"] == sum(y - 2009 + 2 for y in (2018, 2019, 2020))
    assert win["applications_b"] == sum(y - 2009 + 2 for y in (2015, 2016, 2017))
    assert (win["applicants_j"], win["applicants_b"]) == (6, 6)


def test_sei_and_ipc_selections(home: Path) -> None:
    by_ipc, _ = _run(home, ipc="H01M4")  # main group H01M4/…: the inventions only
    assert {r["b"] for r in by_ipc} == {0} and sum(r["a"] for r in by_ipc) == sum(range(1, 14))
    by_group, _ = _run(home, ipc="H01M2/10")
    assert sum(r["applications"] for r in by_group) == 26
    with Corpus(home, read_only=True) as c:
        codes = c.query("SELECT DISTINCT unnest(sei_codes) AS s FROM patents")
        code = sorted(codes["s"].to_pylist())[0]
        expected = c.one(
            "SELECT count(DISTINCT coalesce(app_number, pub_number)) FROM patents WHERE list_contains(sei_codes, ?)",
            [code],
        )[0]
    by_sei, _ = _run(home, sei=code)
    assert sum(r["applications"] for r in by_sei) == expected > 0


@pytest.mark.parametrize(
    ("cutoff", "year"),
    [(dt.date(2023, 6, 29), 2020), (dt.date(2023, 6, 30), 2021), (dt.date(2023, 12, 31), 2021),
     (dt.date(2024, 1, 1), 2021)],
)  # fmt: skip
def test_last_complete_year(cutoff: dt.date, year: int) -> None:
    assert lifecycle.last_complete_year(cutoff) == year


def _judge(n: tuple[int, int], p: tuple[int, int], c_j: int = 0) -> str:
    """The stage for N_J, N_B and P_J, P_B (spread over the windows), with c_J rights ended in J."""
    years = [{"year": y, "a": 0, "b": 0, "c": 0, "v": None} for y in range(2015, 2021)]
    years[-1].update(a=n[0], c=c_j)
    return lifecycle.judge(
        years,
        {"applications_j": n[0], "applications_b": n[1], "applicants_j": p[0], "applicants_b": p[1]},
        cutoff=CUTOFF,
    ).stage


@pytest.mark.parametrize(
    ("n", "p", "c_j", "stage"),
    [
        ((10, 10), (5, 5), 0, "undetermined"),  # 20 < 30
        ((90, 20), (40, 10), 0, "emerging"),  # both more than doubled from a base under 50
        ((90, 60), (40, 10), 0, "growth"),  # +50 % and ×4, but a base of 60
        ((120, 100), (50, 30), 0, "growth"),  # exactly +20 % counts as growth
        ((110, 100), (60, 50), 0, "mature"),  # +10 %: level
        ((110, 100), (40, 50), 0, "mature"),  # applications level, applicants fewer: consolidation
        ((70, 100), (30, 50), 0, "decline"),  # both fell by 20 % or more
        ((95, 100), (50, 50), 200, "decline"),  # filings fell a little, and more rights ended than were filed
    ],
)
def test_stage_rules(n: tuple[int, int], p: tuple[int, int], c_j: int, stage: str) -> None:
    assert _judge(n, p, c_j) == stage


def test_judgement_reports_rules_and_values(home: Path) -> None:
    years, win = _run(home, ipc="H01M")
    j = lifecycle.judge(years, win, cutoff=CUTOFF).as_dict()
    assert j["window_j"] == [2018, 2020] and j["window_b"] == [2015, 2017]
    n_j, n_b = win["applications_j"], win["applications_b"]
    assert j["values"]["g_N"] == pytest.approx(n_j / n_b - 1, abs=1e-4)
    held = [r["stage"] for r in j["rules"] if r["held"]]
    assert j["stage"] == held[0]
    assert j["stage"] == "mature"  # applications +47 %, applicants level (6 and 6)


def test_cli_lifecycle_and_query(home: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["lifecycle", "--ipc", "H01M", "--home", str(home), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    direct, _ = _run(home, ipc="H01M")
    assert data["years"] == json.loads(json.dumps(direct, default=str))
    assert data["judgement"]["stage"] == "mature"
    # --query: the search index restricts the selection to matching publications.
    from seip.store.search import rebuild

    with Corpus(home) as c:
        rebuild(c)
    res = CliRunner().invoke(app, ["lifecycle", "--query", "电池12", "--home", str(home), "--json"])
    assert res.exit_code == 0, res.output
    assert sum(r["applications"] for r in json.loads(res.stdout)["years"]) == 1
    res = CliRunner().invoke(app, ["lifecycle", "--home", str(home)])
    assert res.exit_code == 1 and "--sei" in str(res.exception)


@pytest.mark.shared_data
def test_real_corpus_against_independent_count(real_engines: dict) -> None:
    e = real_engines["duckdb"]
    t = tables(e)
    cutoff = lifecycle.data_cutoff(t.patents).to_pyarrow()["cutoff"][0].as_py()
    years = lifecycle.yearly(lifecycle.select(t, sei="1.5"), lapsed.end_dates(t, as_of=cutoff), cutoff=cutoff)
    got = {r["year"]: r for r in years.to_pyarrow().to_pylist()}
    apps = t.applications.select(
        "akey", "app_date", "patent_type", "sei_codes", "applicants_std"
    ).to_pyarrow()
    count: dict[int, int] = defaultdict(int)
    inventions: dict[int, int] = defaultdict(int)
    people: dict[int, set] = defaultdict(set)
    for r in apps.to_pylist():
        if r["app_date"] is None or "1.5" not in (r["sei_codes"] or []):
            continue
        y = r["app_date"].year
        count[y] += 1
        inventions[y] += r["patent_type"] == "invention"
        people[y].update(r["applicants_std"] or [])
    assert sum(count.values()) > 10_000
    for y in range(min(count), cutoff.year + 1):
        assert (got[y]["applications"], got[y]["a"], got[y]["applicants"]) == (
            count[y],
            inventions[y],
            len(people[y]),
        ), y


@pytest.mark.shared_data
@pytest.mark.slow
def test_duckdb_and_spark_agree(real_engines: dict) -> None:
    spark_or_skip(real_engines)
    # Spark's table names are session-wide: another test may have pointed "patents" at its own corpus since.
    spark = connect(real_engines["duckdb"].corpus, "pyspark")
    got = {}
    for name, e in (("duckdb", real_engines["duckdb"]), ("pyspark", spark)):
        t = tables(e)
        cutoff = dt.date(2023, 5, 26)
        s = lifecycle.select(t, ipc="G06F")
        got[name] = (
            lifecycle.yearly(s, lapsed.end_dates(t, as_of=cutoff), cutoff=cutoff).to_pyarrow(),
            lifecycle.windows(s, last_year=2020).to_pyarrow(),
        )
    assert got["duckdb"][0].num_rows > 20
    assert got["duckdb"][0].equals(got["pyspark"][0])
    assert got["duckdb"][1].equals(got["pyspark"][1])
