"""Fixtures for report tests: a private copy of the real corpus (maps write text vectors beside it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seip import i18n


@pytest.fixture(scope="session")
def report_home(real_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the session's real corpus that report tests may add vectors and indexes to."""
    home = tmp_path_factory.mktemp("reports") / "home"
    home.mkdir()
    shutil.copy(real_corpus / "corpus.duckdb", home / "corpus.duckdb")
    return home


@pytest.fixture(scope="session")
def small_map(report_home: Path):
    """The patent map of SEI 2.2 (about 2,800 real patents), built once."""
    from seip.reports.patent_map import build_map
    from seip.store import Corpus

    with Corpus(report_home, read_only=True) as corpus:
        return build_map(corpus, sei="2.2", applicant="DJI", title="专利地图：2.2")


@pytest.fixture
def seip_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run the ``seip`` entry point itself (as the installed command does, one-line errors included) with the
    given arguments: returns (exit code, stderr)."""
    import sys

    from seip.cli import main

    def run(*args: str) -> tuple[int, str]:
        monkeypatch.setattr(sys, "argv", ["seip", *args])
        with pytest.raises(SystemExit) as exc:
            main()
        return exc.value.code, capsys.readouterr().err

    return run


@pytest.fixture
def english():
    """Reports in English for one test, Chinese again afterwards."""
    i18n.set_lang("en")
    try:
        yield
    finally:
        i18n.set_lang("zh")
