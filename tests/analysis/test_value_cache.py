"""The cached valuation equals value_columns, is computed once per corpus state, and starts afresh after a write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from seip.analysis import value
from seip.analysis._backend import connect, tables
from seip.analysis.value_cache import cached_values
from seip.store import Corpus
from tests.analysis.test_value import FIXTURE, cn, scratch_corpus

DAY = dt.date(2021, 1, 1)


def _values(home: Path) -> tuple:
    with Corpus(home, read_only=True) as c:
        e = connect(c)
        tb = tables(e)
        got = cached_values(e, tb, DAY).order_by("pub_number").to_pyarrow()
        want = value.value_columns(tb.patents, tb.legal_events, as_of=DAY).order_by("pub_number").to_pyarrow()
    return got, want


def test_cache_equals_value_columns_and_follows_the_corpus(tmp_path: Path) -> None:
    home = scratch_corpus(tmp_path / "home", FIXTURE)
    got, want = _values(home)
    assert got.num_rows == len(FIXTURE) and got.equals(want)
    files = sorted((home / "tmp" / "analysis").rglob("*value_20210101*.parquet"))
    assert len(files) == 1
    again, _ = _values(home)  # read back, not recomputed
    assert (
        again.equals(want) and sorted((home / "tmp" / "analysis").rglob("*value_20210101*.parquet")) == files
    )
    # A write to the corpus is a new state: the new patent is valued.
    scratch_corpus(home, [cn(500, ipc=["H01M10/05"], claims_count=3)])
    after, want_after = _values(home)
    assert after.num_rows == len(FIXTURE) + 1 and after.equals(want_after)
