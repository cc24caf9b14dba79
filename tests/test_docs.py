"""Docs that are generated must be current; every command must be documented."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from seip.cli import app

ROOT = Path(__file__).resolve().parents[1]


def test_sources_md_is_current() -> None:
    spec = importlib.util.spec_from_file_location("build_docs", ROOT / "scripts" / "build_docs.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    assert (ROOT / "docs" / "sources.md").read_text(encoding="utf-8") == mod.render(), (
        "docs/sources.md is out of date: run scripts/build_docs.py"
    )


def test_every_command_is_in_cli_md() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for cmd in app.registered_commands:
        name = cmd.name or cmd.callback.__name__  # type: ignore[union-attr]
        assert f"`seip {name}" in text, f"seip {name} is not documented in docs/cli.md"
    for group in app.registered_groups:
        for cmd in group.typer_instance.registered_commands:
            name = f"{group.name} {cmd.name or cmd.callback.__name__}"  # type: ignore[union-attr]
            assert f"`seip {name}" in text, f"seip {name} is not documented in docs/cli.md"
