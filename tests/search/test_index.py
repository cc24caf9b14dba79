"""The index follows the corpus: new, updated, reclassified and removed patents; rebuilds and crashes never
leave search answering from a half-built index."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from seip.store import Corpus
from seip.store.files import write_batches
from seip.store.importing import import_file
from seip.store.search import SearchIndexError, count, match_numbers, rebuild, search, status, sync
from seip.store.search import index as I
from seip.store.search.compile import compile_query
from seip.store.search.execute import SORTS
from seip.store.search.query import parse
from seip.synthetic import generate_batches


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A writable corpus of 1,500 synthetic patents, not yet indexed."""
    data = tmp_path / "a.parquet"
    write_batches(generate_batches(1500, 3), data)
    with Corpus(tmp_path / "h") as c:
        assert import_file(c, data).status == "ok"
    return tmp_path / "h"


def _retitled(home: Path, tmp_path: Path, n: int, title: str) -> tuple[Path, list[str]]:
    """A file re-publishing ``n`` patents of the corpus with a new title (an update on import)."""
    with Corpus(home, read_only=True) as c:
        rows = c.query(
            f"SELECT * EXCLUDE (first_import_id, last_import_id) FROM patents ORDER BY pub_number LIMIT {n}"
        )
    keep = [f for f in rows.schema.names if f in pq.read_schema(next(tmp_path.glob("a.parquet"))).names]
    rows = rows.select(keep)
    rows = rows.set_column(rows.schema.get_field_index("title"), "title", pa.array([title] * n))
    out = tmp_path / f"update_{n}.parquet"
    pq.write_table(rows, out)
    return out, rows.column("pub_number").to_pylist()


def test_first_search_builds_the_index_and_later_ones_reuse_it(home: Path) -> None:
    with Corpus(home, read_only=True) as c:
        assert not status(c)["exists"]
        total = search(c, "一种").total
        st = status(c)
        assert st["exists"] and not st["stale"] and st["docs"] == c.count() == 1500
        assert total == count(c, "一种") > 0
        assert sync(c) == 0  # nothing changed


def test_import_then_search_sees_new_and_updated_patents(home: Path, tmp_path: Path) -> None:
    with Corpus(home, read_only=True) as c:
        sync(c)
    update, changed = _retitled(home, tmp_path, 40, "一种量子纠缠通信中继器")
    more = tmp_path / "b.parquet"
    write_batches(generate_batches(300, 99), more)
    with Corpus(home) as c:
        assert import_file(c, update).updated == 40
        assert import_file(c, more).imported > 0
    with Corpus(home, read_only=True) as c:
        assert status(c)["stale"]
        retitled = set(
            c.query("SELECT pub_number FROM patents WHERE title = '一种量子纠缠通信中继器'")
            .column(0)
            .to_pylist()
        )
        assert len(retitled & set(changed)) > 30  # (the second file may publish some of them again)
        assert set(match_numbers(c, "TI=量子纠缠通信中继器").to_pylist()) == retitled  # synced on demand
        assert status(c)["docs"] == c.count()
        fresh = set(c.query("SELECT pub_number FROM patents WHERE last_import_id = 3").column(0).to_pylist())
        assert fresh and fresh <= set(match_numbers(c, "PD>=1900").to_pylist())


def test_sync_picks_up_reclassification_and_removals(home: Path) -> None:
    with Corpus(home) as c:
        sync(c)
        some = c.query("SELECT pub_number FROM patents ORDER BY pub_number LIMIT 25").column(0).to_pylist()
        c.con.execute(
            "UPDATE patents SET sei_codes = ['9.2'], sei_top = ['9'] WHERE pub_number IN ?", [some[:10]]
        )
        c.con.execute("DELETE FROM patents WHERE pub_number IN ?", [some[10:]])
        assert sync(c) == 25
        assert set(match_numbers(c, "SEI=9.2").to_pylist()) >= set(some[:10])
        assert not set(match_numbers(c, "PD>=1900").to_pylist()) & set(some[10:])
        assert status(c)["docs"] == c.count()


def test_crash_while_syncing_leaves_the_live_index_answering(home: Path, tmp_path: Path, monkeypatch) -> None:
    with Corpus(home, read_only=True) as c:
        sync(c)
        before = set(match_numbers(c, "一种").to_pylist())
        live_before = I.live(c).path
    update, changed = _retitled(home, tmp_path, 30, "一种超导磁悬浮轴承")
    with Corpus(home) as c:
        import_file(c, update)
    real_rows = I.add_rows

    def dies(*args, **kw):
        real_rows(*args, **kw)
        raise KeyboardInterrupt  # the process is stopped after adding documents, before the commit

    monkeypatch.setattr(I, "add_rows", dies)
    with Corpus(home, read_only=True) as c, pytest.raises(KeyboardInterrupt):
        sync(c)
    monkeypatch.setattr(I, "_publish", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    monkeypatch.setattr(I, "add_rows", real_rows)
    with Corpus(home, read_only=True) as c, pytest.raises(OSError):
        sync(c)  # committed into the new generation, but it never went live
    with Corpus(home, read_only=True) as c:
        assert I.live(c).path == live_before
        assert set(I.live(c).keys.column("pub_number").to_pylist()) >= before
        live = I.live(c)
        new_title = compile_query(parse("TI=超导磁悬浮轴承"), live.schema)
        assert live.searcher().search(new_title, 1).count == 0  # nothing of the failed syncs is visible
    monkeypatch.undo()
    with Corpus(home, read_only=True) as c:
        assert set(match_numbers(c, "TI=超导磁悬浮轴承").to_pylist()) == set(changed)
        gens = sorted(p.name for p in (home / "search").glob("gen-*"))
        assert gens == [I.live(c).path.name]  # the failed generations were removed


def test_rebuild_switches_atomically(home: Path) -> None:
    with Corpus(home, read_only=True) as c:
        sync(c)
        first = I.live(c).path
        results = set(match_numbers(c, "TYPE=发明").to_pylist())
        assert rebuild(c) == 1500
        assert I.live(c).path != first and not first.exists()
        assert set(match_numbers(c, "TYPE=发明").to_pylist()) == results


def test_index_of_another_schema_version_is_rebuilt(home: Path) -> None:
    with Corpus(home, read_only=True) as c:
        sync(c)
        path = I.live(c).path
        state = (path / "state.json").read_text()
        (path / "state.json").write_text(state.replace('"schema": 1', '"schema": 0'))
        I._OPEN.clear()
        assert I.live(c) is None and status(c)["stale"]
        assert search(c, "一种").total > 0 and I.live(c).path != path


def test_pages_sorting_and_totals(home: Path) -> None:
    with Corpus(home, read_only=True) as c:
        full = search(c, "TYPE=发明", limit=1000, sort="date")
        assert full.total == len(full.hits) and all(h.score is None for h in full.hits)
        dates = [h.pub_date for h in full.hits]
        assert dates == sorted(dates, reverse=True)
        page2 = search(c, "TYPE=发明", limit=7, offset=7, sort="date")
        assert [h.pub_number for h in page2.hits] == [h.pub_number for h in full.hits[7:14]]
        ranked = search(c, "电池", limit=50)
        scores = [h.score for h in ranked.hits]
        assert scores == sorted(scores, reverse=True) and scores[0] > 0
        filed = search(c, "TYPE=发明", limit=100, sort="filed_asc")
        assert [h.app_date for h in filed.hits] == sorted(h.app_date for h in filed.hits)
        assert set(SORTS) == {"relevance", "date", "date_asc", "filed", "filed_asc"}


def test_unwritable_index_is_a_clear_error(home: Path) -> None:
    (home / "search").write_text("not a directory")
    with (
        Corpus(home, read_only=True) as c,
        pytest.raises(SearchIndexError, match="cannot write the search index"),
    ):
        sync(c)
