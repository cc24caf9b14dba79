"""Patent value: hand-computed scores on a small corpus, an independent re-implementation cross-checked on the real
corpus, cohorts, missing data, core patents, the term rules, and DuckDB = Spark."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
from pathlib import Path

import ibis
import pytest

from seip.analysis import value
from seip.analysis._backend import connect, tables
from seip.store import Corpus
from seip.store.importing import import_file
from tests.analysis.conftest import spark_or_skip

AS_OF = dt.date(2024, 1, 1)


def scratch_corpus(home: Path, records: list[dict], today: dt.date = AS_OF) -> Path:
    """A corpus at ``home`` made by importing ``records`` (canonical fields, JSONL; ``legal_events`` as lists of
    ``{event_date, code, description}``). Shared by the analysis tests that need facts the real corpus lacks."""
    home.mkdir(parents=True, exist_ok=True)
    f = home.parent / f"{home.name}-{len(list(home.parent.glob('*.jsonl')))}.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    with Corpus(home) as c:
        res = import_file(c, f, today=today)
        assert res.status == "ok", res.error
        assert res.quarantined == 0
    return home


def cn(n: int, **kw) -> dict:
    """A CN invention record with sensible defaults (application CN2015100000nn, filed 2015-03-01)."""
    rec = {
        "pub_number": f"CN1000{n:05d}B",
        "app_number": f"CN20151000{n:04d}",
        "app_date": "2015-03-01",
        "pub_date": "2016-06-01",
        "patent_type": "invention",
        "title": f"电池{n}",
        "applicants": [f"公司{n}"],
        "applicant_country": "CN",
        "province": "黑龙江省",
        "ipc": ["H01M10/05"],
        "legal_status": "granted",
    }
    rec.update(kw)
    if rec["patent_type"] != "invention":  # the kind code tells the type of a CN document
        rec["pub_number"] = rec["pub_number"][:-1] + {"utility_model": "U", "design": "S"}[rec["patent_type"]]
    if "ipc" in kw and "ipc_main" not in kw:
        rec["ipc_main"] = kw["ipc"][0] if kw["ipc"] else None
    return rec


def ev(day: str, code: str | None, description: str) -> dict:
    return {"event_date": day, "code": code, "description": description}


LICENCE = ("EC01", "专利实施许可合同备案的生效")
PLEDGE = ("PE01", "专利权质押合同登记的生效")
TRANSFER = ("TR01", "专利权的转移")
OPPOSITION = (None, "无效宣告请求")
LITIGATION = (None, "侵权诉讼")
LAPSE = ("CF01", "专利权的终止")

FIXTURE = [
    cn(1, ipc=["H01M10/05", "H01M4/00", "H02J7/00"], claims_count=10, cited_by_count=5, family_size=3,
       family_countries=["CN", "US", "EP"],
       legal_events=[ev("2018-05-01", *LICENCE), ev("2019-05-01", *PLEDGE), ev("2019-06-01", *OPPOSITION),
                     ev("2020-01-01", *TRANSFER), ev("2020-01-01", "TR02", "专利申请权、专利权的转移")]),
    cn(2, ipc=["H01M2/10"], claims_count=20, cited_by_count=0, family_size=1, family_countries=["CN"],
       legal_events=[ev("2017-02-01", *TRANSFER), ev("2018-02-01", *TRANSFER)]),
    cn(3, ipc=["H01M4/13", "H01G11/00", "C01B32/00"], claims_count=5, cited_by_count=2, family_size=2,
       legal_status="pending"),
    cn(4, ipc=["H01M8/00"], claims_count=8, cited_by_count=10, family_size=5,
       family_countries=["CN", "JP", "KR", "US", "EP"], legal_status="lapsed",
       legal_events=[ev("2019-09-01", *LITIGATION), ev("2020-03-01", *LAPSE)]),
    cn(5, claims_count=None, cited_by_count=1, family_size=1, family_countries=["CN"]),
    # Annual-fee events make the CN legal history complete (10 of 15 CN patents have events: ≥ half).
    *[cn(n, claims_count=n, cited_by_count=n % 3, family_size=1, legal_events=[ev("2017-03-01", None, "年费缴纳")])
      for n in range(6, 13)],
    # A small cell (H01G, 2015: 3 patents) normalised within IPC class H01 (15 patents).
    *[cn(n, ipc=["H01G9/00"], claims_count=30, cited_by_count=1, family_size=1) for n in (13, 14, 15)],
    # An office with two patents: counts cannot be normalised (cohort under 10).
    {"pub_number": "JP2015000001A", "app_date": "2015-01-01", "pub_date": "2016-07-01", "patent_type": "invention",
     "ipc": ["H01M10/05"], "ipc_main": "H01M10/05", "legal_status": "granted", "claims_count": 3,
     "cited_by_count": 1},
    {"pub_number": "JP2015000002A", "app_date": "2015-01-01", "pub_date": "2016-07-01", "patent_type": "invention",
     "ipc": ["H01M10/05"], "ipc_main": "H01M10/05", "legal_status": "unknown", "claims_count": 4},
]  # fmt: skip


@pytest.fixture(scope="module")
def fixture_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scratch_corpus(tmp_path_factory.mktemp("value") / "home", FIXTURE)


@pytest.fixture(scope="module")
def fixture_rows(fixture_home: Path) -> dict[str, dict]:
    with Corpus(fixture_home, read_only=True) as c:
        e = connect(c)
        t = value.value_table(e.table("patents"), e.table("legal_events"), as_of=AS_OF).to_pyarrow()
    return {r["pub_number"]: r for r in t.to_pylist()}


def test_patent_1_by_hand(fixture_rows: dict[str, dict]) -> None:
    r = fixture_rows["CN100000001B"]
    # Cell CN·H01M·2015 holds 12 patents (≥ 10): it is its own cohort. Cohort maxima: claims 20 (patent 2),
    # forward citations 10 (4), IPC subclasses 3 (3: H01M, H01G, C01B), family size 5 (4), offices 5 (4);
    # among patents with legal events (1, 2, 4): invalidation 1, litigation 1, licences 1, transfers 2, pledges 1.
    assert (r["cohort_level"], r["cohort_patents"], r["cohort_field"]) == (0, 12, "H01M")
    years_left = (dt.date(2035, 3, 1) - AS_OF).days / 365.25  # invention: 20 years from 2015-03-01
    legal = 100 * (0.3 * 1 + 0.3 * years_left / 20 + 0.2 * 10 / 20 + 0.1 * 1 / 1 + 0.1 * 0 / 1)
    technical = 100 * (0.5 * 5 / 10 + 0.25 * 2 / 3 + 0.25 * 3 / 5)  # H01M and H02J: 2 subclasses
    # Two transfer records on one day are one transfer; patent 2 has two, on two days.
    economic = 100 * (0.4 * 3 / 5 + 0.2 * 1 / 1 + 0.2 * 1 / 2 + 0.2 * 1 / 1)
    assert r["transfers_raw"] == 1 and r["transfers_max"] == 2
    assert r["value_legal"] == pytest.approx(legal, abs=1e-4)
    assert r["value_technical"] == pytest.approx(technical, abs=1e-4)
    assert r["value_economic"] == pytest.approx(economic, abs=1e-4)
    assert r["value_score"] == pytest.approx((legal + technical + economic) / 3, abs=1e-4)
    assert r["value_coverage"] == pytest.approx(1.0)


def test_missing_data_renormalises(fixture_rows: dict[str, dict]) -> None:
    # Patent 5: no claims count, no events of its own (CN events are complete: it had none), offices listed.
    r = fixture_rows["CN100000005B"]
    assert r["claims_norm"] is None and r["events_known"] and r["licences_raw"] == 0
    years_left = (dt.date(2035, 3, 1) - AS_OF).days / 365.25
    assert r["value_legal"] == pytest.approx(100 * (0.3 * 1 + 0.3 * years_left / 20) / 0.8, abs=1e-4)
    assert r["coverage_legal"] == pytest.approx(0.8)
    assert r["value_economic"] == pytest.approx(100 * 0.4 * (1 / 5) / 1.0, abs=1e-4)
    # Patent 3 (pending, offices unknown): economic rests on licences, transfers and pledges (0.6).
    r3 = fixture_rows["CN100000003B"]
    assert r3["coverage_economic"] == pytest.approx(0.6) and r3["value_economic"] == 0.0
    assert r3["validity_norm"] == 0.5
    assert r3["value_coverage"] == pytest.approx((1.0 + 1.0 + 0.6) / 3, abs=1e-6)


def test_small_cells_and_offices(fixture_rows: dict[str, dict]) -> None:
    r = fixture_rows["CN100000013B"]
    assert (r["cohort_level"], r["cohort_field"], r["cohort_patents"]) == (1, "H01", 15)
    assert r["claims_max"] == 30 and r["claims_norm"] == 1.0
    assert fixture_rows["CN100000001B"]["claims_max"] == 20  # H01M's own cohort is not widened
    jp = fixture_rows["JP2015000001A"]
    assert (jp["cohort_level"], jp["cohort_field"], jp["cohort_year"], jp["cohort_patents"]) == (4, "*", 0, 2)
    assert jp["claims_norm"] is None and jp["forward_citations_norm"] is None  # counts need 10 peers
    assert not jp["events_known"] and jp["licences_raw"] is None  # no JP legal events at all
    # Only validity and term are left (0.6 of legal, 0.2 of the whole): under half the system, no score.
    assert jp["value_legal"] is not None and jp["value_score"] is None
    assert (
        fixture_rows["JP2015000002A"]["value_legal"] is None
    )  # status unknown: validity and term unknown too


def test_core_is_top_tenth_of_a_cell_of_ten(fixture_rows: dict[str, dict]) -> None:
    cell = [r for r in fixture_rows.values() if r["cell_field"] == "H01M" and r["cell_office"] == "CN"]
    scored = sorted((r for r in cell if r["value_score"] is not None), key=lambda r: -r["value_score"])
    assert len(scored) == 12 and all(r["cell_scored"] == 12 for r in scored)
    # floor(12 × 10 %) = 1: the best one only.
    assert [r["pub_number"] for r in scored if r["core"]] == [scored[0]["pub_number"]]
    assert scored[0]["cell_rank"] == 1
    assert not any(r["core"] for r in fixture_rows.values() if r["cell_field"] == "H01G")  # 3 in the cell


def test_explain_adds_up(fixture_rows: dict[str, dict]) -> None:
    for r in fixture_rows.values():
        if r["value_score"] is None:
            continue
        parts = value.explain(r)
        assert sum(p["effective_weight"] for p in parts) == pytest.approx(1.0, abs=1e-5)
        total = sum(p["contribution"] for p in parts if p["contribution"] is not None)
        assert total == pytest.approx(r["value_score"], abs=1e-3)


def test_exclude_components(fixture_home: Path) -> None:
    with Corpus(fixture_home, read_only=True) as c:
        e = connect(c)
        v = value.value_table(e.table("patents"), e.table("legal_events"), as_of=AS_OF, exclude=("validity",))
        r = v.filter(v.pub_number == "CN100000004B").to_pyarrow().to_pylist()[0]
        with pytest.raises(ValueError, match="unknown value components"):
            value.value_table(e.table("patents"), e.table("legal_events"), as_of=AS_OF, exclude=("beauty",))
    # Validity leaves the system: coverage counts against the 0.7 kept, and all of it was evaluated.
    assert r["validity_norm"] is None and r["coverage_legal"] == pytest.approx(1.0)
    kept = {"remaining_term": 0.3, "claims": 0.2, "invalidation": 0.1, "litigation": 0.1}
    legal = 100 * sum(w * r[f"{k}_norm"] for k, w in kept.items()) / 0.7
    assert r["value_legal"] == pytest.approx(legal, abs=1e-4)


@pytest.mark.parametrize(
    ("ptype", "office", "app", "grant", "end"),
    [
        ("invention", "CN", "2015-03-01", None, "2035-03-01"),
        ("utility_model", "CN", "2016-02-29", None, "2026-02-28"),
        ("design", "CN", "2021-05-31", None, "2031-05-31"),
        ("design", "CN", "2021-06-01", None, "2036-06-01"),
        ("design", "US", "2015-05-12", "2016-01-05", "2030-01-05"),
        ("design", "US", "2015-05-13", "2016-01-05", "2031-01-05"),
        ("design", "JP", "2015-05-13", "2016-01-05", None),
    ],
)
def test_term_end(ptype: str, office: str, app: str, grant: str | None, end: str | None) -> None:
    day = dt.date.fromisoformat
    t = ibis.memtable(
        {"patent_type": [ptype], "pub_country": [office], "app_date": [day(app)],
         "grant_date": [day(grant) if grant else None]},
        schema={"patent_type": "string", "pub_country": "string", "app_date": "date", "grant_date": "date"},
    )  # fmt: skip
    got = ibis.duckdb.connect().to_pyarrow(t.select(end=value.term_end(t)))["end"][0].as_py()
    assert got == (day(end) if end else None)


# ------------------------------------------------------------------------- independent re-implementation

WEIGHTS = {
    "legal": {"validity": 0.3, "remaining_term": 0.3, "claims": 0.2, "invalidation": 0.1, "litigation": 0.1},
    "technical": {"forward_citations": 0.5, "ipc_scope": 0.25, "family_size": 0.25},
    "economic": {"family_countries": 0.4, "licences": 0.2, "transfers": 0.2, "pledges": 0.2},
}
EVENTS = {"invalidation": {"opposition", "invalidation"}, "litigation": {"litigation"}, "licences": {"licence"},
          "transfers": {"transfer"}, "pledges": {"pledge"}}  # fmt: skip
DEAD = {"lapsed", "expired", "withdrawn", "rejected", "abandoned", "invalidated"}


def _years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _end(p: dict) -> dt.date | None:
    t, app, grant, office = p["patent_type"], p["app_date"], p["grant_date"], p["pub_country"]
    if t == "invention" and app:
        return _years(app, 20)
    if t == "utility_model" and app:
        return _years(app, 10)
    if t == "design" and office == "US" and grant and app:
        return _years(grant, 15 if app >= dt.date(2015, 5, 13) else 14)
    if t == "design" and office == "CN" and app:
        return _years(app, 15 if app >= dt.date(2021, 6, 1) else 10)
    return None


def _round(x: float, digits: int) -> float:
    """Half up, as the module rounds: normalised values to 6 decimals, scores to 4."""
    return math.floor(x * 10.0**digits + 0.5) / 10.0**digits


def reference(patents: list[dict], events: list[dict], as_of: dt.date) -> dict[str, dict]:
    """The documented rules written out again in plain Python (docs/analysis.md, "Patent value")."""
    days: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for e in events:
        days[e["pub_number"]][e["category"]].add(e["event_date"])
    offices: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for p in patents:
        offices[p["pub_country"] or ""][0] += p["pub_number"] in days
        offices[p["pub_country"] or ""][1] += 1
    raw = {}
    for p in patents:
        end, status = _end(p), p["legal_status"]
        r = {"cell": (p["pub_country"] or "", (p["ipc_main"] or "")[:4] or "-",
                      p["app_date"].year if p["app_date"] else -1)}  # fmt: skip
        over = end is not None and end <= as_of
        r["validity"] = 0.0 if status in DEAD else ({"granted": 1.0, "pending": 0.5}.get(status) if not over or
                                                    status not in ("granted", "pending") else 0.0)  # fmt: skip
        if status in DEAD:
            r["remaining_term"] = 0.0
        elif status in ("granted", "pending") and end is not None:
            r["remaining_term"] = _round(min(max((end - as_of).days, 0) / 365.25 / 20, 1.0), 6)
        else:
            r["remaining_term"] = None
        r["claims"], r["forward_citations"] = p["claims_count"], p["cited_by_count"]
        r["ipc_scope"] = len({s[:4] for s in p["ipc"]}) if p["ipc"] else None
        r["family_size"] = p["family_size"]
        r["family_countries"] = len(set(p["family_countries"])) if p["family_countries"] else None
        with_events, n = offices[p["pub_country"] or ""]
        ev = days.get(p["pub_number"], {})
        for k, cats in EVENTS.items():  # events count where at least half the office's patents have some
            r[k] = sum(len(ev.get(c, ())) for c in cats) if with_events / n >= 0.5 else None
        raw[p["pub_number"]] = r
    counted = [k for d in WEIGHTS.values() for k in d if k not in ("validity", "remaining_term")]
    groups: dict[tuple, list[str]] = defaultdict(list)
    for pub, r in raw.items():
        office, field, year = r["cell"]
        keys = [(0, office, field, year), (1, office, field[:3], year), (2, office, field[:1], year),
                (3, office, year), (4, office)]  # fmt: skip
        r["keys"] = keys
        for k in keys:
            groups[k].append(pub)
    out = {}
    for pub, r in raw.items():
        key = next((k for k in r["keys"][:4] if len(groups[k]) >= 10), r["keys"][4])
        members = groups[key]
        norm = {"validity": r["validity"], "remaining_term": r["remaining_term"]}
        for k in counted:
            known = [raw[m][k] for m in members if raw[m][k] is not None]
            if r[k] is None or len(members) < 10:
                norm[k] = None
            else:
                norm[k] = _round(r[k] / max(known), 6) if max(known) > 0 else 0.0  # 6 decimals
        dims, cov = {}, {}
        for d, ws in WEIGHTS.items():
            c = sum(w for k, w in ws.items() if norm[k] is not None)
            cov[d] = c
            x = 100 * sum(w * norm[k] for k, w in ws.items() if norm[k] is not None) / c if c else 0.0
            dims[d] = _round(x, 4) if c >= 0.4 - 1e-9 else None  # published with 4 decimals
        scored = [d for d in dims if dims[d] is not None]
        coverage = sum(cov[d] / 3 for d in scored)
        # Equal dimension weights, summed in the module's order (the same doubles, so the same ties).
        num = sum((dims[d] if dims[d] is not None else 0.0) * (1 / 3) for d in WEIGHTS)
        den = sum(1 / 3 if dims[d] is not None else 0.0 for d in WEIGHTS)
        score = num / den if scored and coverage >= 0.5 - 1e-9 else None
        out[pub] = {
            "norm": norm,
            "dims": dims,
            "score": score,
            "cell": r["cell"],
            "level": r["keys"].index(key),
        }
    cells: dict[tuple, list[str]] = defaultdict(list)
    for pub, o in out.items():
        if o["score"] is not None:
            cells[o["cell"]].append(pub)
    for pubs in cells.values():
        rounded = {p: _round(out[p]["score"], 4) for p in pubs}
        for p in pubs:
            rank = 1 + sum(1 for q in pubs if rounded[q] > rounded[p])
            out[p]["rank"] = rank
            out[p]["core"] = len(pubs) >= 10 and rank <= math.floor(len(pubs) * 0.1)
    return out


def _compare(computed: dict[str, dict], ref: dict[str, dict]) -> None:
    assert computed.keys() == ref.keys()
    for pub, r in computed.items():
        x = ref[pub]
        assert r["cohort_level"] == x["level"], pub
        for k, v in x["norm"].items():
            assert (r[f"{k}_norm"] is None) == (v is None), (pub, k)
            if v is not None:
                assert r[f"{k}_norm"] == pytest.approx(v, abs=1e-6), (pub, k)
        assert (r["value_score"] is None) == (x["score"] is None), pub
        if x["score"] is not None:
            assert r["value_score"] == pytest.approx(x["score"], abs=1e-3), pub
            assert r["cell_rank"] == x["rank"], pub
            assert r["core"] == x["core"], pub
        else:
            assert not r["core"]


def _executed(home: Path, engine: str = "duckdb") -> tuple[dict, list, list]:
    with Corpus(home, read_only=True) as c:
        e = connect(c, engine)
        t = value.value_table(e.table("patents"), e.table("legal_events"), as_of=AS_OF).to_pyarrow()
        cols = "pub_number, pub_country, ipc_main, ipc, app_date, grant_date, patent_type, legal_status, " \
               "claims_count, cited_by_count, family_size, family_countries"  # fmt: skip
        patents = c.query(f"SELECT {cols} FROM patents").to_pylist()
        events = c.query("SELECT pub_number, event_date, category FROM legal_events").to_pylist()
    return {r["pub_number"]: r for r in t.to_pylist()}, patents, events


def test_fixture_against_reference(fixture_home: Path) -> None:
    computed, patents, events = _executed(fixture_home)
    _compare(computed, reference(patents, events, AS_OF))


@pytest.mark.shared_data
def test_real_corpus_against_reference(real_corpus: Path) -> None:
    computed, patents, events = _executed(real_corpus)
    ref = reference(patents, events, AS_OF)
    _compare(computed, ref)
    assert sum(1 for r in computed.values() if r["core"]) > 100  # the cross-check covers core patents


@pytest.mark.shared_data
def test_value_of_one_patent_equals_whole_corpus(real_engines: dict) -> None:
    """``seip value PUB`` computes on the patent's cohort only; that must not change any number."""
    e = real_engines["duckdb"]
    p, ev = e.table("patents"), e.table("legal_events")
    whole = value.value_table(p, ev, as_of=AS_OF)
    picks = {}
    for level in range(5):
        rows = (
            whole.filter(whole.cohort_level == level).order_by("pub_number").limit(1).to_pyarrow().to_pylist()
        )
        if rows:
            picks[rows[0]["pub_number"]] = rows[0]
    assert len(picks) >= 4
    for pub, row in picks.items():
        co = value.cohort_of(p, pub).to_pyarrow().to_pylist()[0]
        assert {k: co[k] for k in co} == {k: row[k] for k in co}
        v = value.value_in_cohort(p, ev, pub, co, as_of=AS_OF)
        assert v.to_pyarrow().to_pylist()[0] == row


@pytest.mark.shared_data
@pytest.mark.slow
def test_duckdb_and_spark_agree(real_engines: dict) -> None:
    spark_or_skip(real_engines)
    # Spark's table names are session-wide: another test may have pointed "patents" at its own corpus since.
    spark = connect(real_engines["duckdb"].corpus, "pyspark")
    got = {}
    for name, e in (("duckdb", real_engines["duckdb"]), ("pyspark", spark)):
        t = tables(e)
        got[name] = (
            value.value_table(t.patents, t.legal_events, as_of=AS_OF).to_pyarrow().sort_by("pub_number")
        )
    assert got["duckdb"].num_rows > 50_000
    assert got["duckdb"].equals(got["pyspark"])
