"""The layer table of DESIGN.md, checked: data flows one way (sources → records → store → … → cli)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import seip
from seip.sources import SOURCES, source_modules

PKG = Path(seip.__file__).parent
#: package → seip packages it may import (besides itself and seip.errors).
ALLOWED = {
    "records": set(),
    "sources": {"records"},
    "taxonomy": {"records"},
    "synthetic": {"records"},
    "store": {"records", "sources", "taxonomy"},
    "analysis": {"store", "taxonomy", "records"},
    "reports": {"analysis", "store", "records", "taxonomy"},
    "web": {"analysis", "store", "records", "taxonomy", "reports"},
}


def _seip_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = (
            [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else ([a.name for a in node.names] if isinstance(node, ast.Import) else [])
        )
        for name in names:
            parts = name.split(".")
            if parts[0] == "seip" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_import_only_below(layer: str) -> None:
    folder = PKG / layer
    if not folder.is_dir():
        pytest.skip(f"seip/{layer} does not exist yet")
    bad = {}
    for path in folder.rglob("*.py"):
        extra = _seip_imports(path) - ALLOWED[layer] - {layer, "errors", "i18n"}
        if extra:
            bad[str(path.relative_to(PKG))] = sorted(extra)
    assert not bad


def test_source_modules_share_one_surface() -> None:
    assert len(source_modules()) == len(SOURCES)
    names = [m.NAME for m in source_modules()]
    assert len(set(names)) == len(names)
    for mod in source_modules():
        assert isinstance(mod.COLUMNS, dict) and callable(mod.detect) and callable(mod.read), mod.__name__


def test_modules_stay_small() -> None:
    too_big = {
        str(p.relative_to(PKG)): n
        for p in PKG.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert not too_big
