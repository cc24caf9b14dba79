"""Early warning: the YAML system, every measure against an independent count on a hand-built corpus, levels,
alerts with history, the CLI's evidence reproducing an alert, watched competitors, and DuckDB = Spark."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seip.analysis import value, warning
from seip.analysis._backend import connect, tables
from seip.cli import app
from seip.store import Corpus
from tests.analysis.test_value import LAPSE, TRANSFER, cn, ev, scratch_corpus

YEAR, AS_OF = 2020, dt.date(2023, 6, 1)
A, B, C = "黑龙江省", "广东省", "江苏省"
#: Applications per province and filing year (SEI 1.5 through IPC G06N3/08).
FILINGS = {
    A: {2013: 10, 2014: 10, 2015: 10, 2016: 10, 2017: 20, 2018: 20, 2019: 20, 2020: 8},
    B: dict.fromkeys(range(2013, 2021), 30),
    C: {**dict.fromkeys(range(2013, 2020), 5), 2020: 25},
}
FOREIGN = {**dict.fromkeys(range(2013, 2020), 2), 2020: 12}
BIG = "巨头科技股份有限公司"


def _records() -> list[dict]:
    recs, n = [], 0

    def add(**kw) -> dict:
        nonlocal n
        n += 1
        rec = cn(n, ipc=["G06N3/08"], **kw)
        recs.append(rec)
        return rec

    for prov, years in FILINGS.items():
        for y, k in years.items():
            for i in range(k):
                who = BIG if prov == B else f"{prov}企业{i}"
                add(app_date=f"{y}-03-01", pub_date=f"{y + 1}-09-01", province=prov, applicants=[who],
                    claims_count=1 + i % 7, cited_by_count=i % 4, family_size=1)  # fmt: skip
    for y, k in FOREIGN.items():
        for i in range(k):
            add(app_date=f"{y}-03-01", pub_date=f"{y + 1}-09-01", province=None, applicant_country="US",
                applicants=[f"Foreign Corp {i}"])  # fmt: skip
    # Transfers of the region's patents: one a year in 2017–2019, six in 2020.
    a_recs = [r for r in recs if r["province"] == A]
    for i, y in enumerate([2017, 2018, 2019, 2020, 2020, 2020, 2020, 2020, 2020]):
        a_recs[i]["legal_events"] = [ev(f"{y}-05-01", *TRANSFER)]
    # Twelve old inventions of the region (filed 2004: the term ends 2024-06-01): the best is core; one core
    # patent lapsed on 2023-01-01.
    for i in range(12):
        add(app_date="2004-06-01", pub_date="2005-12-01", province=A, applicants=[f"老企业{i}"],
            claims_count=5 + i, cited_by_count=i, family_size=1)  # fmt: skip
    recs[-1]["legal_status"] = "lapsed"
    recs[-1]["legal_events"] = [ev("2023-01-01", *LAPSE)]
    return recs


RECORDS = _records()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    h = scratch_corpus(tmp_path_factory.mktemp("warning") / "home", RECORDS)
    with Corpus(h, read_only=True) as c:
        assert c.one("SELECT count(*) FROM patents WHERE sei_codes <> ['1.5']")[0] == 0
    return h


@pytest.fixture(scope="module")
def rules() -> warning.Rules:
    return warning.load_rules()


@pytest.fixture(scope="module")
def computed(home: Path, rules: warning.Rules) -> dict[tuple, dict]:
    with Corpus(home, read_only=True) as c:
        ctx = warning.Context(tables(connect(c)), rules, year=YEAR, as_of=AS_OF, competitors=("巨头",))
        rows = warning.warning_values(ctx).to_pyarrow().to_pylist()
    return {(r["indicator"], r["region"], r["subject"], r["year"]): r for r in rows}


def _get(
    computed: dict, ind: str, region: str = warning.NATIONAL, year: int = YEAR, subject: str = ""
) -> dict:
    return computed[(ind, region, subject, year)]


def test_rules_file_is_valid(rules: warning.Rules) -> None:
    assert rules.levels == ("无警", "轻警", "中警", "重警", "巨警")
    ids = [s.id for s in rules.indicators]
    for needed in ("foreign_share", "concentration_cr4", "concentration_hhi", "region_growth", "region_share_change",
                   "region_rank_change", "competitor_filings", "invalidation_surge", "litigation_surge",
                   "transfer_surge", "core_expiring", "core_lapsed"):  # fmt: skip
        assert needed in ids


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("levels: [a, b]\nindicators: []", "five levels"),
        ("levels: [a,b,c,d,e]\nindicators: [{id: x, measure: nope, scope: sei, direction: high, thresholds: [1,2,3,4]}]",
         "unknown measure"),
        ("levels: [a,b,c,d,e]\nindicators: [{id: x, measure: growth, scope: sei, direction: high, thresholds: [4,3,2,1]}]",
         "rising for high"),
        ("levels: [a,b,c,d,e]\nindicators: [{id: x, measure: region_rank, scope: sei, direction: high, thresholds: [1,2,3,4]}]",
         "scope must be"),
        ("levels: [a,b,c,d,e]\nindicators: [{id: x, measure: growth, scope: sei, direction: up, thresholds: [1,2,3,4]}]",
         "high or low"),
        ("levels: [a,b,c,d,e]\nindicators:\n - {id: x, measure: growth, scope: sei, direction: high, thresholds: [1,2,3,4]}\n"
         " - {id: x, measure: growth, scope: sei, direction: high, thresholds: [1,2,3,4]}", "appears twice"),
        ("levels: [a,b,c,d,e]\nindicators: [{id: x}]", "missing"),
        ("[", "not valid YAML"),
    ],
)  # fmt: skip
def test_bad_rules_files(tmp_path: Path, text: str, message: str) -> None:
    f = tmp_path / "rules.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(warning.WarningRulesError, match=message):
        warning.load_rules(f)


def test_foreign_share_and_growth(computed: dict) -> None:
    r = _get(computed, "foreign_share")
    total = sum(FILINGS[p][YEAR] for p in FILINGS) + FOREIGN[YEAR]
    assert (r["numerator"], r["denominator"]) == (FOREIGN[YEAR], total)
    assert r["value"] == pytest.approx(12 / 75) and r["level"] == 1  # 0.16: ≥ 0.15, < 0.25
    g = _get(computed, "foreign_growth")
    assert g["value"] == pytest.approx(12 / 2 - 1) and g["base"] == 2
    assert g["level"] is None  # a trailing mean of 2 is under min_base 10: not evaluated


def test_region_growth_share_and_rank(computed: dict) -> None:
    def share(p: str, y: int) -> float:
        return FILINGS[p][y] / sum(FILINGS[q][y] for q in FILINGS)

    for p in FILINGS:
        for y in range(YEAR - 4, YEAR + 1):
            mean = sum(FILINGS[p][y - k] for k in (1, 2, 3)) / 3
            g = _get(computed, "region_growth", p, y)
            assert g["value"] == pytest.approx(FILINGS[p][y] / mean - 1) and g["base"] == pytest.approx(mean)
            s = _get(computed, "region_share_change", p, y)
            trailing = sum(share(p, y - k) for k in (1, 2, 3)) / 3
            assert s["value"] == pytest.approx(share(p, y) / trailing - 1)
    # 黑龙江: 8 against a mean of 20 (−60 %, 巨警); its share fell from 20/55 to 8/63 (−65 %, 巨警).
    assert _get(computed, "region_growth", A)["level"] == 4
    assert _get(computed, "region_share_change", A)["level"] == 4
    assert _get(computed, "region_growth", B)["level"] == 0
    # Ranks: 2019 B 1, A 2, C 3; 2020 B 1, C 2, A 3: 黑龙江 lost one place (轻警), 江苏 gained one.
    rank = _get(computed, "region_rank_change", A)
    assert (rank["numerator"], rank["denominator"], rank["value"], rank["level"]) == (3, 2, 1, 1)
    assert _get(computed, "region_rank_change", C)["value"] == -1
    assert _get(computed, "region_rank_change", C)["level"] is None  # mean of 5 applications < 10


def test_concentration_matches_an_independent_count(computed: dict) -> None:
    counts = Counter()
    for r in RECORDS:
        if r["app_date"].startswith(str(YEAR)) and r.get("applicant_country", "CN") in ("CN", "US"):
            counts.update(set(r["applicants"]))
    total = sum(counts.values())
    shares = sorted((v / total for v in counts.values()), reverse=True)
    cr4 = _get(computed, "concentration_cr4")
    assert cr4["value"] == pytest.approx(sum(shares[:4]), abs=1e-6)
    assert cr4["denominator"] == 75  # applications of the year
    hhi = _get(computed, "concentration_hhi")
    assert hhi["value"] == pytest.approx(sum(s * s for s in shares) * 10_000, abs=1e-4)
    assert cr4["level"] == 1  # (30 + 3) / 75 = 0.44: ≥ 0.35, < 0.50
    assert cr4["numerator"] == len(counts)  # distinct applicants


def test_concentration_is_that_of_seip_stats(home: Path, computed: dict) -> None:
    from seip.analysis import stats

    with Corpus(home, read_only=True) as c:
        apps = tables(connect(c)).applications
        rows = stats.concentration(apps, ["sei", "year", "applicant"], since=2016, until=YEAR).to_pyarrow()
    for r in rows.to_pylist():
        assert _get(computed, "concentration_cr4", year=r["year"])["value"] == pytest.approx(
            r["cr4"], abs=1e-6
        )
        assert _get(computed, "concentration_hhi", year=r["year"])["value"] == pytest.approx(
            r["hhi"], abs=1e-4
        )


def test_competitor_and_transfer_surge(computed: dict) -> None:
    # 巨头 files 30 a year, each published the next September: 30 new publications in 2020 (from 2019).
    comp = _get(computed, "competitor_filings", subject="巨头")
    assert (comp["value"], comp["denominator"], comp["level"]) == (30, 30, 3)  # ≥ 20, < 50
    surge = _get(computed, "transfer_surge", A)
    assert (surge["numerator"], surge["denominator"], surge["value"]) == (6, 1, 6)
    assert surge["level"] == 4
    assert _get(computed, "transfer_surge", A, 2019)["level"] is None  # one transfer < min_base 3
    assert not any(k[0] == "litigation_surge" for k in computed)  # no litigation: no rows at all


def test_core_patents_expiring_and_lapsed(home: Path, computed: dict) -> None:
    with Corpus(home, read_only=True) as c:
        e = connect(c)
        v = (
            value.value_table(e.table("patents"), e.table("legal_events"), as_of=AS_OF)
            .to_pyarrow()
            .to_pylist()
        )
    core_valid = [r for r in v if r["core"] and r["validity_norm"] == 1.0]
    expiring = [r for r in core_valid if r["term_end"] <= dt.date(2025, 6, 1)]
    by_pub = {r["pub_number"]: r for r in RECORDS}
    assert {by_pub[r["pub_number"]]["province"] for r in core_valid} >= {A}
    in_a = [r for r in core_valid if by_pub[r["pub_number"]]["province"] == A]
    x = _get(computed, "core_expiring", A)
    assert (x["numerator"], x["denominator"]) == (len([r for r in expiring if r in in_a]), len(in_a))
    assert x["numerator"] == 1
    lapsed = _get(computed, "core_lapsed", A)
    assert (lapsed["value"], lapsed["level"]) == (1, 1)


def test_alerts_have_history_and_order(computed: dict, rules: warning.Rules) -> None:
    alerts = warning.alerts(list(computed.values()), rules, year=YEAR)
    assert alerts and all(a["level"] >= 1 for a in alerts)
    assert [a["level"] for a in alerts] == sorted((a["level"] for a in alerts), reverse=True)
    growth = next(a for a in alerts if a["indicator"] == "region_growth" and a["region"] == A)
    assert [h["year"] for h in growth["history"]] == [2016, 2017, 2018, 2019]
    assert growth["history"][1]["value"] == pytest.approx(20 / 10 - 1)
    assert growth["level_zh"] == "巨警" and growth["thresholds"] == [-0.1, -0.2, -0.35, -0.5]


def test_custom_thresholds_move_levels(home: Path, tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(
        "levels: [无警, 轻警, 中警, 重警, 巨警]\noffice: CN\nhistory: 1\ntrailing: 3\nindicators:\n"
        "  - {id: fs, measure: foreign_share, scope: sei, direction: high, thresholds: [0.1, 0.12, 0.14, 0.16],"
        " min_base: 0}\n",
        encoding="utf-8",
    )
    mine = warning.load_rules(f)
    with Corpus(home, read_only=True) as c:
        ctx = warning.Context(tables(connect(c)), mine, year=YEAR, as_of=AS_OF)
        rows = warning.warning_values(ctx).to_pyarrow().to_pylist()
    assert {r["year"]: r["level"] for r in rows} == {2019: 0, 2020: 4}  # 0.16 meets the 巨警 threshold


def test_cli_warn_evidence_reproduces(home: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["watch", "add", "applicant", "巨头", "--home", str(home), "--json"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["warn", "--region", A, "--year", str(YEAR), "--as-of", AS_OF.isoformat(),
                              "--home", str(home), "--json"])  # fmt: skip
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    found = {(a["indicator"], a["region"], a["subject"]): a for a in data["alerts"]}
    assert (
        "competitor_filings",
        warning.NATIONAL,
        "巨头",
    ) in found  # the watched applicant is the competitor
    assert ("region_growth", A, None) in found and not any(a["region"] in (B, C) for a in data["alerts"])
    alert = found[("region_growth", A, None)]
    again = runner.invoke(app, [*alert["command"].split()[1:], "--home", str(home)])
    assert again.exit_code == 0, again.output
    rows = [a for a in json.loads(again.stdout)["alerts"] if a["region"] == A]
    assert [(a["indicator"], a["value"], a["level"]) for a in rows] == [
        (alert["indicator"], alert["value"], alert["level"])
    ]
    res = runner.invoke(app, ["warn", "--rules", str(home / "nope.yaml"), "--home", str(home)])
    assert isinstance(res.exception, warning.WarningRulesError) and "nope.yaml" in str(res.exception)


def test_cli_errors_are_one_line(
    home: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seip.cli import main

    monkeypatch.setattr(
        sys, "argv", ["seip", "warn", "--rules", str(home / "nope.yaml"), "--home", str(home)]
    )
    with pytest.raises(SystemExit) as exc:
        main()
    err = capsys.readouterr().err
    assert exc.value.code == 1 and "nope.yaml" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_duckdb_and_spark_agree(home: Path, rules: warning.Rules) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'seip[spark]'")
    got = {}
    with Corpus(home, read_only=True) as c:
        for engine in ("duckdb", "pyspark"):
            ctx = warning.Context(
                tables(connect(c, engine)), rules, year=YEAR, as_of=AS_OF, competitors=("巨头",)
            )
            t = warning.warning_values(ctx).to_pyarrow()
            got[engine] = t.sort_by(
                [(k, "ascending") for k in ("indicator", "sei", "region", "subject", "year")]
            )
    assert got["duckdb"].num_rows > 50
    assert set(got["duckdb"]["indicator"].to_pylist()) >= {
        "transfer_surge",
        "core_lapsed",
        "competitor_filings",
    }
    assert got["duckdb"].equals(got["pyspark"])


def test_add_months() -> None:
    assert warning.add_months(dt.date(2023, 6, 1), 24) == dt.date(2025, 6, 1)
    assert warning.add_months(dt.date(2024, 2, 29), -12) == dt.date(2023, 2, 28)
    seen = defaultdict(int)
    for m in range(-30, 30):
        seen[warning.add_months(dt.date(2020, 1, 31), m).day] += 1
    assert set(seen) <= {28, 29, 30, 31}
