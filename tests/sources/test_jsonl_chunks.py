"""Canonical JSONL read in large chunks: every line keeps its number whatever the chunk and read sizes, blank
lines and CRs included, and a bad line is quarantined alone (seip.sources.canonical_jsonl)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from seip.sources import canonical_jsonl
from seip.store import Corpus
from seip.store.importing import import_file


def _expected(lines: list[str]) -> dict[int, str | None]:
    """Line number → pub_number for every line that is not blank (None for a line that is not a record)."""
    out: dict[int, str | None] = {}
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            out[n] = None
            continue
        out[n] = obj["pub_number"] if isinstance(obj.get("pub_number"), str) else None
    return out


def _read(path: Path, batch_size: int) -> dict[int, str | None]:
    out: dict[int, str | None] = {}
    for batch in canonical_jsonl.read(path, batch_size):
        rows = batch.to_pydict()
        errors = rows.get("_error", [None] * batch.num_rows)
        for n, pub, err in zip(rows["source_row"], rows["pub_number"], errors, strict=True):
            assert n not in out, f"line {n} read twice"
            out[n] = None if err else pub
    return out


@pytest.mark.parametrize("seed", range(6))
def test_line_numbers_survive_any_chunking(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    records = [
        json.dumps({"pub_number": f"CN1{i:08d}A", "title": "一种电池"}, ensure_ascii=False) for i in range(40)
    ]
    odd = ["", "   ", "\r", "{broken", '{"pub_number": 5}']
    lines = [
        rng.choice(records) if rng.random() < 0.8 else rng.choice(odd) for _ in range(rng.randint(5, 60))
    ]
    newline = rng.choice(["\n", "\r\n"])
    f = tmp_path / "x.jsonl"
    f.write_text(newline.join(lines) + rng.choice(["", newline]), encoding="utf-8")
    monkeypatch.setattr(canonical_jsonl, "_READ_BYTES", rng.choice([7, 64, 1 << 20]))  # chunks cut mid-read
    expected = _expected(f.read_bytes().decode("utf-8").split("\n"))  # newlines only, as a reader sees them
    assert _read(f, rng.choice([1, 3, 8, 1000])) == expected


def test_a_broken_line_is_quarantined_and_the_rest_imported(tmp_path: Path) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text(
        '{"pub_number": "CN110000001A", "title": "一种电池"}\n{broken\n\n{"pub_number": "CN110000002A"}\n',
        encoding="utf-8",
    )
    with Corpus(tmp_path / "home") as c:
        r = import_file(c, f)
        assert r.status == "ok", r.error
        assert r.counts() == {
            "rows_read": 3,
            "imported": 2,
            "updated": 0,
            "unchanged": 0,
            "duplicates_in_file": 0,
            "quarantined": 1,
        }
        assert c.con.execute("SELECT source_row, field FROM quarantine").fetchall() == [(2, "*row*")]
