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


# Measured 2026-11-22 (precision, recall, exact-set agreement on rows incoPat labelled). chatbot and openai
# carry the full IPC list; iflytek only IPC主分类, so incoPat's labels from its other symbols are out of reach.
AGREEMENT = {
    "chatbot_2798.xlsx": (0.996, 0.999, 0.991),
    "openai_72.xlsx": (1.0, 1.0, 1.0),
    "iflytek_3816.xlsx": (0.998, 0.586, 0.499),
}


@pytest.mark.shared_data
@pytest.mark.parametrize("name", AGREEMENT)
def test_agreement_with_incopat_labels(tmp_path: Path, datasets: Path, name: str) -> None:
    with Corpus(tmp_path / "h") as c:
        import_file(c, datasets / "cn-patent-container/incopat" / name)
        classify_sei(c)
        rows = c.query("SELECT sei_codes, vendor_sei_codes FROM patents WHERE vendor_sei_codes IS NOT NULL")
    tp = fp = fn = exact = 0
    for ours, theirs in zip(rows["sei_codes"].to_pylist(), rows["vendor_sei_codes"].to_pylist(), strict=True):
        a, b = set(ours or []), set(theirs)
        tp, fp, fn, exact = tp + len(a & b), fp + len(a - b), fn + len(b - a), exact + (a == b)
    got = (tp / (tp + fp), tp / (tp + fn), exact / rows.num_rows)
    assert got == pytest.approx(AGREEMENT[name], abs=0.0015)
