"""The indicator registry: one entry per id, complete whatever is imported first, and documented."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from seip.analysis.registry import INDICATORS, OFFICIAL_COLUMNS, indicator, markdown, official

DOC = Path(__file__).resolve().parents[2] / "docs" / "indicators.md"
BEGIN, END = "<!-- BEGIN registry -->", "<!-- END registry -->"


def test_ids_are_unique_and_definitions_bilingual() -> None:
    for i in INDICATORS.values():
        assert i.definition_zh and i.definition_en and i.definition_zh != i.definition_en, i.id
    try:
        indicator("stats", "重复", "duplicate")(lambda tables: tables)
    except ValueError as exc:
        assert "already registered" in str(exc)
    else:
        raise AssertionError("a second function could take an existing id")


def test_required_official_ids() -> None:
    ids = [i.id for i in official()]
    for need in ("valid_invention_patents", "valid_invention_per_10k", "high_value_invention_patents",
                 "high_value_invention_per_10k"):  # fmt: skip
        assert need in ids
    assert OFFICIAL_COLUMNS == ("level", "province", "region", "numerator", "denominator", "value")


def test_registry_is_complete_whichever_module_comes_first() -> None:
    code = (
        "import seip.analysis.{m}; from seip.analysis.registry import INDICATORS; print(sorted(INDICATORS))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code.format(m=m)], capture_output=True, text=True, check=True
        ).stdout
        for m in ("stats", "indicators", "registry")
    }
    assert seen == {repr(sorted(INDICATORS)) + "\n"}


def test_docs_list_every_indicator() -> None:
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    section = BEGIN + "\n" + markdown() + END
    if os.environ.get("SEIP_UPDATE_SNAPSHOTS"):
        DOC.write_text(head + section + rest.split(END, 1)[1], encoding="utf-8")
        text = DOC.read_text(encoding="utf-8")
    assert section in text, (
        "docs/indicators.md lists other indicators: regenerate (see the page's Engines section)"
    )
    for i in INDICATORS.values():
        assert f"`{i.id}`" in text.split(BEGIN)[0] or i.kind != "official", (
            f"{i.id} has no section of its own"
        )
