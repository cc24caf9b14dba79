"""``seip sei …`` in-process on the real corpus: list, show, export, explain, classify, and their --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seip.cli import app
from seip.store import Corpus

runner = CliRunner()
pytestmark = pytest.mark.shared_data


def _json(*args: str) -> object:
    result = runner.invoke(app, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_list_counts_match_the_corpus(real_corpus: Path) -> None:
    data = _json("sei", "list", "--home", str(real_corpus))
    cats = {c["code"]: c for c in data["categories"]}
    assert len(cats) == 40 and data["mode"] == "ipc"
    with Corpus(real_corpus, read_only=True) as c:
        n = c.one("SELECT count(*) FROM patents WHERE list_contains(sei_codes, '1.5')")[0]
        vi = c.one(
            "SELECT count(*) FROM patents WHERE list_contains(sei_codes, '1.5') AND patent_type = 'invention' AND is_valid"
        )[0]
        ref = c.one("SELECT year(max(pub_date)) - 2 FROM patents")[0]
        a, b = c.one(
            f"""SELECT count(*) FILTER (WHERE year(app_date) = {ref}), count(*) FILTER (WHERE year(app_date) = {ref - 1})
                FROM patents WHERE list_contains(sei_codes, '1.5')"""
        )
    assert (cats["1.5"]["patents"], cats["1.5"]["valid_inventions"]) == (n, vi) and n > 1000
    assert cats["1.5"]["reference_year"] == ref
    assert cats["1.5"]["growth"] == pytest.approx((a - b) / b, abs=1e-4)
    strict = {
        c["code"]: c for c in _json("sei", "list", "--strict", "--home", str(real_corpus))["categories"]
    }
    assert 0 < strict["1.5"]["patents"] < n


def test_show_profile(real_corpus: Path) -> None:
    data = _json("sei", "show", "1.5", "--home", str(real_corpus))
    assert data["patents"] == sum(r["count"] for r in data["by_year_type"])
    assert (
        data["patents"]
        == sum(r["count"] for r in data["legal_status"])
        == sum(r["count"] for r in data["offices"])
    )
    counts = [r["count"] for r in data["top_applicants"]]
    assert counts == sorted(counts, reverse=True) and len(counts) == 20
    assert all(r["group"][:4].isalnum() for r in data["top_ipc_groups"])
    top = _json("sei", "show", "1", "--home", str(real_corpus))
    assert top["patents"] >= data["patents"]


def test_unknown_code_is_one_line(real_corpus: Path) -> None:
    result = runner.invoke(app, ["sei", "show", "1.9", "--home", str(real_corpus)])
    assert result.exit_code == 1 and "unknown SEI code" in str(result.exception)


def test_explain_json_and_text(real_corpus: Path) -> None:
    with Corpus(real_corpus, read_only=True) as c:
        pub, codes = c.one(
            "SELECT pub_number, sei_codes FROM patents WHERE len(sei_codes) >= 2 AND pub_country = 'CN' ORDER BY pub_number LIMIT 1"
        )
    data = _json("sei", "explain", pub, "--home", str(real_corpus))
    assert sorted(e["code"] for e in data["codes"] if e["given"]) == codes
    assert all(r["included_by"] for e in data["codes"] for r in e["rules"])
    text = runner.invoke(app, ["sei", "explain", pub, "--home", str(real_corpus)]).stdout
    assert pub in text and "归入" in text
    missing = runner.invoke(app, ["sei", "explain", "CN1A", "--home", str(real_corpus)])
    assert missing.exit_code == 1


def test_export_workbook(real_corpus: Path, tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    out = tmp_path / "人工智能.xlsx"
    data = _json("sei", "export", "1.5", "--out", str(out), "--home", str(real_corpus))
    wb = CalamineWorkbook.from_path(str(out))
    assert wb.sheet_names[0] == "说明" and "专利" in wb.sheet_names and "规则" in wb.sheet_names
    cover = wb.get_sheet_by_name("说明").to_python()
    assert "人工智能" in str(cover[0][0]) and any("参照关系表" in str(row) for row in cover)
    patents = wb.get_sheet_by_name("专利").to_python()
    assert len(patents) - 1 == data["patents"] > 1000
    rules = wb.get_sheet_by_name("规则").to_python()
    assert all(r[0].startswith("1.5#") for r in rules[1:])


def test_classify_json(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text("公开号,发明名称,分类号\nCN110000001A,一种人工智能方法,G06F9/44\n", encoding="utf-8")
    home = tmp_path / "h"
    assert runner.invoke(app, ["import", str(f), "--home", str(home)]).exit_code == 0
    assert _json("sei", "classify", "--home", str(home)) == {"patents": 1, "changed": 0}
