"""README's main command: ``seip demo`` generates, imports, summarises and ends by writing a landscape report."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from seip.cli import app
from tests.reports import _pdf


def test_demo_ends_with_a_landscape_report(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = CliRunner().invoke(app, ["demo", "--n", "3000", "--home", str(home)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # The steps in order, the report last.
    steps = [line for line in lines if line.startswith("演示：")]
    assert [s.split()[1] for s in steps] == ["generate", "import", "info", "sei", "report"]
    written = [line.split(": ", 1)[1] for line in lines if line.startswith("已写出: ")]
    assert [Path(p).suffix for p in written] == [".pdf", ".html", ".xlsx"]
    pdf = Path(written[0])
    assert pdf.is_file() and pdf.parent == home / "reports"
    assert _pdf.pages(pdf) >= 10
    text = _pdf.text(pdf).replace(" ", "")
    assert "黑龙江省新一代信息技术产业专利态势报告" in text and "产业产业" not in text
