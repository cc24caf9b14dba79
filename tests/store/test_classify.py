"""SEI classification in DuckDB agrees with the reference matcher (seip.taxonomy.sei) on the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from seip.store import Corpus
from seip.store.classify import classify_sei
from seip.store.importing import import_file
from seip.taxonomy.sei import classify_symbols


@pytest.mark.shared_data
def test_sql_classification_equals_reference_matcher(tmp_path: Path, datasets: Path) -> None:
    files = sorted((datasets / "cn-patent-container").glob("incopat/*.xlsx"))
    files += sorted((datasets / "cn-patent-container").glob("patentics-*/*"))
    with Corpus(tmp_path / "h") as c:
        for f in files:
            assert import_file(c, f).status == "ok"
        n = classify_sei(c)
        rows = c.query("SELECT pub_number, ipc, sei_codes, sei_top FROM patents").to_pylist()
    assert len(rows) > 50_000 and 0.5 * len(rows) < n < len(rows)
    for r in rows:
        want = classify_symbols(r["ipc"] or [])
        assert (r["sei_codes"] or []) == want, r["pub_number"]
        assert (r["sei_top"] or []) == sorted({code.split(".")[0] for code in want})


def test_reclassification_clears_codes_that_no_longer_apply(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text(
        "公开号,发明名称,分类号\nCN110000001A,一种方法,G06F9/44\nCN110000002A,一种货架,A47F5/10\n",
        encoding="utf-8",
    )
    with Corpus(tmp_path / "h") as c:
        import_file(c, f)
        assert classify_sei(c) == 1
        assert c.query("SELECT sei_codes FROM patents ORDER BY pub_number")["sei_codes"].to_pylist() == [
            ["1.5"],
            None,
        ]
        c.con.execute("UPDATE patents SET ipc = ['A47F5/10'] WHERE pub_number = 'CN110000001A'")
        assert classify_sei(c) == 0
        assert c.one("SELECT count(sei_codes) FROM patents") == (0,)
