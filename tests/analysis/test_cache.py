"""The tables analysis keeps per corpus state: recomputed when the corpus changes, and the same answers as the
queries they stand for (application table with its event dates, sorted facets, count-histogram ranks)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import ibis
import pytest

from seip.analysis import indicators as ind
from seip.analysis import lapsed, stats
from seip.analysis._backend import Engine, Tables, connect, corpus_state, tables
from seip.analysis.rights import EVENT_COLUMNS
from seip.store import Corpus
from seip.testing import build_corpus
from tests.analysis.conftest import HAND_RECORDS
from tests.analysis.test_indicators import _APPS


def _sorted(rows: list[dict]) -> list[tuple]:
    return sorted((tuple(r.items()) for r in rows), key=repr)


def _plain(corpus: Corpus) -> Engine:
    """DuckDB on the corpus without a corpus attached: nothing cached, every table computed in the query."""
    return Engine("duckdb", ibis.duckdb.from_connection(corpus.con))


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_cache_follows_the_corpus_state(tmp_path: Path) -> None:
    home = build_corpus(tmp_path / "home", [_jsonl(tmp_path / "a.jsonl", HAND_RECORDS[:10])])
    root = home / "tmp" / "analysis"
    with Corpus(home, read_only=True) as corpus:
        first = corpus_state(corpus)
        tb = tables(connect(corpus), ["applicant"])
        before = stats.stats_table(tb.applications, ["applicant"], facets=tb.facets).to_pyarrow().to_pylist()
    kept = {p.name.rsplit("_", 1)[0] for p in (root / first).glob("*.parquet")}
    assert kept == {"duckdb_applications", "duckdb_facet_applicant"}
    build_corpus(home, [_jsonl(tmp_path / "b.jsonl", HAND_RECORDS[10:])])  # an import: a new corpus state
    with Corpus(home, read_only=True) as corpus:
        assert corpus_state(corpus) != first
        tb = tables(connect(corpus), ["applicant"])
        after = stats.stats_table(tb.applications, ["applicant"], facets=tb.facets).to_pyarrow().to_pylist()
        fresh = stats.stats_table(tables(_plain(corpus)).applications, ["applicant"]).to_pyarrow().to_pylist()
        n = corpus.one(f"SELECT count(*) FROM ({_APPS})")[0]
        assert tb.applications.count().to_pyarrow().as_py() == n
        assert (root / corpus_state(corpus)).is_dir()
    assert sum(r["count"] for r in after) > sum(r["count"] for r in before)
    assert _sorted(after) == _sorted(fresh)


def test_cached_tables_are_sorted(hand_duckdb: Engine) -> None:
    tb = tables(hand_duckdb, ["applicant"])
    apps = tb.applications.select(*stats.APPLICATION_ORDER).to_pyarrow().to_pylist()
    key = [tuple((v is None, v or "") for v in r.values()) for r in apps]  # NULLs last, as DuckDB sorts
    assert len(set(key)) > 3 and key == sorted(key)
    names = tb.facets["applicant"].value.to_pyarrow().to_pylist()
    assert len(set(names)) > 3 and names == sorted(names, key=lambda v: (v is None, v or ""))


def test_event_dates_stand_for_the_joins(hand_duckdb: Engine) -> None:
    """The end dates the application table carries give what joining the legal events gives."""
    tb = tables(hand_duckdb)
    assert set(EVENT_COLUMNS) <= set(tb.applications.columns)
    dated = tb.applications.filter(tb.applications.end_event.notnull()).count().to_pyarrow().as_py()
    assert dated >= 2  # records 2 and 11 carry lapse events
    bare = tb.applications.select(*[c for c in tb.applications.columns if c not in EVENT_COLUMNS])
    joined = Tables(tb.patents, tb.legal_events, tb.awards, bare)
    for year in (2019, 2020):
        for fn in (ind.lapsed_patents, ind.valid_invention_patents, ind.high_value_invention_patents):
            assert _sorted(fn(tb, year=year).to_pyarrow().to_pylist()) == _sorted(
                fn(joined, year=year).to_pyarrow().to_pylist()
            ), (fn.__name__, year)
    as_of = dt.date(2024, 1, 1)
    got = lapsed.end_dates(tb, as_of=as_of).to_pyarrow().to_pylist()
    assert any(r["end_basis"] == "event" for r in got)
    assert _sorted(got) == _sorted(lapsed.end_dates(joined, as_of=as_of).to_pyarrow().to_pylist())


def test_search_results_are_dated_by_their_own_documents(hand_duckdb: Engine) -> None:
    narrowed = stats.restrict(tables(hand_duckdb), ["CN102000002B", "CN105000005B"])
    assert not set(EVENT_COLUMNS) & set(narrowed.applications.columns)
    rows = ind.lapsed_patents(narrowed, year=2020).to_pyarrow().to_pylist()
    assert {r["region"]: r["numerator"] for r in rows if r["level"] == "province"}["黑龙江省"] == 1


@pytest.mark.shared_data
def test_real_ranks_and_concentration_match_sql(real_corpus: Path) -> None:
    with Corpus(real_corpus, read_only=True) as corpus:
        tb = tables(connect(corpus), ["applicant"])
        by = ["province", "applicant"]
        got = stats.stats_table(tb.applications, by, facets=tb.facets).to_pyarrow().to_pylist()
        conc = stats.concentration(tb.applications, by, facets=tb.facets).to_pyarrow().to_pylist()
        counts = f"""SELECT province, a, count(*) AS c FROM (SELECT province, unnest(list_distinct(applicants_std))
            AS a FROM ({_APPS})) WHERE a IS NOT NULL GROUP BY ALL"""
        ranks = corpus.con.execute(
            f"SELECT province, a, c, rank() OVER (PARTITION BY province ORDER BY c DESC) FROM ({counts})"
        ).fetchall()
        cr = corpus.con.execute(
            f"""SELECT province, count(*), sum(c) FILTER (WHERE pos <= 4) / sum(c), sum(c * c) / sum(c) ^ 2 * 10000
            FROM (SELECT *, row_number() OVER (PARTITION BY province ORDER BY c DESC, a) AS pos FROM ({counts}))
            GROUP BY province"""
        ).fetchall()
    mine = {(r["province"], r["applicant"]): (r["count"], r["rank"]) for r in got if r["applicant"]}
    assert len(ranks) > 1000 and mine == {(p, a): (c, r) for p, a, c, r in ranks}
    theirs = {p: (n, c4, h) for p, n, c4, h in cr}
    assert len(conc) == len(theirs) > 10
    for r in conc:
        n, c4, h = theirs[r["province"]]
        assert r["values"] == n and r["cr4"] == pytest.approx(c4, rel=1e-12)
        assert r["hhi"] == pytest.approx(h, rel=1e-12)
