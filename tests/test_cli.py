"""The ``seip`` command in-process: the --json contract of import, one-line errors, info, quarantine, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seip.cli import app
from seip.store.importing import COUNT_KEYS

runner = CliRunner()


def _run(*args: str, home: Path) -> object:
    return runner.invoke(
        app, [*args, "--home", str(home)] if args[0] != "--lang" else [*args], catch_exceptions=False
    )


def _csv(tmp_path: Path) -> Path:
    f = tmp_path / "cnipa.csv"
    f.write_text(
        "公开（公告）号,发明名称,申请（专利权）人,申请日,主分类号\n"
        "CN110000001A,一种电池,哈尔滨工业大学,2019.01.02,H01M  10/05\n"
        ",没有号码,某公司,2019.01.03,G06F 16/33\n",
        encoding="utf-8",
    )
    return f


def test_import_json_contract(tmp_path: Path) -> None:
    bad = tmp_path / "empty.csv"
    bad.write_bytes(b"")
    result = _run("import", str(_csv(tmp_path)), str(bad), "--json", home=tmp_path / "h")
    assert result.exit_code == 1  # one file failed
    data = json.loads(result.stdout)
    assert set(data) == {"files", "totals"}
    assert list(data["totals"]) == list(COUNT_KEYS)
    assert data["totals"] == {
        "rows_read": 2,
        "imported": 1,
        "updated": 0,
        "unchanged": 0,
        "duplicates_in_file": 0,
        "quarantined": 1,
    }
    good, empty = data["files"]
    assert all(k in good and k in empty for k in COUNT_KEYS)
    assert good["format"] == "generic_table" and good["status"] == "ok"
    assert empty["status"] == "failed" and empty["error"].endswith("file is empty")


def test_import_prints_counts_in_chinese_and_english(tmp_path: Path) -> None:
    f = _csv(tmp_path)
    zh = _run("import", str(f), home=tmp_path / "h")
    assert (
        zh.exit_code == 0
        and "读取行数 2" in zh.stdout
        and "隔离 1" in zh.stdout
        and "数据质量报告" in zh.stdout
    )
    en = runner.invoke(app, ["--lang", "en", "import", str(f), "--home", str(tmp_path / "h")])
    assert en.exit_code == 0 and "rows read 2" in en.stdout and "unchanged 1" in en.stdout


def test_garbage_is_one_line_without_traceback(tmp_path: Path) -> None:
    f = tmp_path / "noise.bin"
    f.write_bytes(bytes(range(256)) * 10)
    result = _run("import", str(f), home=tmp_path / "h")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "binary data" in result.output


def test_info_quarantine_export(tmp_path: Path) -> None:
    home = tmp_path / "h"
    _run("import", str(_csv(tmp_path)), home=home)
    info = json.loads(_run("info", "--json", home=home).stdout)
    assert info["patents"] == 1 and info["quarantined_rows"] == 1
    assert info["pub_country"] == {"CN": 1} and info["source_format"] == {"generic_table": 1}
    q = json.loads(_run("quarantine", "--json", home=home).stdout)
    assert [(r["source_row"], r["field"], r["reason"]) for r in q] == [
        (3, "pub_number", "missing publication number")
    ]
    out = tmp_path / "all.xlsx"
    result = _run("export", "--out", str(out), "--where", "pub_country=CN", home=home)
    assert result.exit_code == 0 and out.stat().st_size > 0
    check = json.loads(_run("check", "--json", home=home).stdout)
    assert any(r["check_name"] == "pub_number_canonical" and r["status"] == "ok" for r in check["results"])


def test_info_without_corpus_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["info", "--home", str(tmp_path / "nothing")])
    assert result.exit_code != 0
    assert "no corpus here yet" in str(result.exception) or "no corpus here yet" in result.output


@pytest.mark.parametrize("cmd", ["import", "info", "quarantine", "check", "export", "generate", "demo"])
def test_every_command_has_help_with_example(cmd: str) -> None:
    result = runner.invoke(app, [cmd, "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout
