"""docs/search.md documents every field, every name a field answers to, and every sort order."""

from __future__ import annotations

from pathlib import Path

from seip.store.search.execute import SORTS
from seip.store.search.facets import FACETS
from seip.store.search.fields import FIELDS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "search.md").read_text(encoding="utf-8")


def test_every_field_and_name_is_documented() -> None:
    for f in FIELDS:
        row = next((line for line in DOC.splitlines() if line.startswith(f"| `{f.code}` |")), None)
        assert row is not None, f"{f.code} has no row in docs/search.md"
        for name in f.names:
            assert name in row, f"{name} ({f.code}) is not in its row of docs/search.md"


def test_sorts_and_facets_are_documented() -> None:
    for sort in SORTS:
        assert f"`{sort}`" in DOC
    for facet in FACETS:
        assert f"`{facet}`" in DOC
