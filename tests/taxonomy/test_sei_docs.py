"""docs/sei.md reports what the classifier does on the real corpus: its measured block must be current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from seip.store import Corpus

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.shared_data
def test_measured_block_of_sei_md_is_current(real_corpus: Path) -> None:
    spec = importlib.util.spec_from_file_location("measure_sei", ROOT / "scripts" / "measure_sei.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    with Corpus(real_corpus, read_only=True) as corpus:
        block = mod.render(corpus)
    text = (ROOT / "docs" / "sei.md").read_text(encoding="utf-8")
    assert block in text, "docs/sei.md is out of date: run scripts/measure_sei.py"
