"""The landscape report in English (``seip --lang en report landscape``): its messages and helpers, and one
English render from the real corpus, read back from the PDF and the workbook."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from seip import i18n
from seip.cli import app
from seip.reports import charts
from seip.reports import landscape_text as L
from seip.store import Corpus
from tests.reports import _pdf
from tests.reports.test_landscape import CHAPTERS as ZH_CHAPTERS

runner = CliRunner()
HAN = re.compile(r"[\u4e00-\u9fff]")
#: Chinese terms the English text keeps on purpose, in brackets, so a reader can match official documents.
KEPT = ("高价值发明专利", "战略性新兴产业")
PREFIXES = ("ls_", "rc_", "chart_")  # the landscape report's, its commands' and the chart module's messages
EN_CHAPTERS = ["Filing trends", "Technology life cycle", "Key applicants", "Geographic distribution",
               "Position of Guangdong", "Technology composition", "Patent map and technology breakdown",
               "High-value and core patents", "Lapsed patents worth reusing", "Patent early warning",
               "Method and data"]  # fmt: skip


def test_every_message_has_an_english_text() -> None:
    import seip.cli.reports  # (registers the rc_ messages)
    import seip.reports.landscape  # noqa: F401  (registers ls_ and chart_ messages)

    keys = [k for k in i18n.MESSAGES if k.startswith(PREFIXES)]
    assert len(keys) > 150
    english = {k: i18n.MESSAGES[k][1] for k in keys}
    bad = {k: en for k, en in english.items() if not en.strip() or HAN.search(_without_kept(en))}
    assert not bad
    for term in KEPT:  # the exceptions are really used, so the list stays honest
        assert any(term in en for en in english.values()), term


def _without_kept(text: str) -> str:
    for term in KEPT:
        text = text.replace(term, "")
    return text


def test_helpers_write_english(english: None) -> None:
    assert (
        L.sei_name("1.5") == "Artificial Intelligence"
    )  # headline case (the words themselves: test_words.py)
    assert L.file_stem("landscape", "1.5", "北京市") == "artificial-intelligence-beijing-patent-landscape"
    assert L.file_stem("map", "1.5", None) == "artificial-intelligence-patent-map"
    table = charts.DataTable({"ok": "OK", "names": "Names"}, [{"ok": True, "names": ["A", "B"]}])
    assert [table.cell(table.rows[0], k) for k in table.columns] == ["Yes", "A; B"]


def test_helpers_keep_chinese_by_default() -> None:
    assert i18n.lang() == "zh"
    assert L.sei_name("1.5") == "人工智能"
    assert L.file_stem("landscape", "1.5", "北京市") == "北京市人工智能产业专利态势报告"
    assert L.file_stem("map", "1.5", None) == "人工智能专利地图"
    table = charts.DataTable({"ok": "是否", "names": "名称"}, [{"ok": False, "names": ["甲", "乙"]}])
    assert [table.cell(table.rows[0], k) for k in table.columns] == ["否", "甲；乙"]


@pytest.fixture(scope="module")
def report(report_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One English render (SEI 2.2 with Guangdong) written under its default name, as ``--out`` is left out."""
    folder = tmp_path_factory.mktemp("landscape_en")
    args = ["--lang", "en", "report", "landscape", "--sei", "2.2", "--region", "广东省", "--json"]
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        try:
            result = runner.invoke(app, [*args, "--home", str(report_home)], catch_exceptions=False)
        finally:
            i18n.set_lang("zh")
    assert result.exit_code == 0, result.output
    return {k: folder / v for k, v in json.loads(result.stdout)["files"].items()}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.shared_data
def test_english_pdf(report: dict[str, Path], report_home: Path, tmp_path: Path) -> None:
    assert report["pdf"].name == "aviation-equipment-guangdong-patent-landscape.pdf"
    text = _flat(_pdf.text(report["pdf"]))
    assert "Aviation Equipment Patent Landscape Report — Guangdong" in text
    assert "Key findings" in text and "Contents" in text and "Figure 1" in text and "Table 1" in text
    for chapter in EN_CHAPTERS:
        assert chapter in text, chapter
    squeezed = re.sub(r"\s+", "", text)
    for zh in [
        *ZH_CHAPTERS,
        "主要发现",
        "目录",
        "申请量（件）",
        "申请人类型",
        "数据来源",
        "技术分解表",
        "研究范围",
    ]:
        assert zh.replace("北京市", "广东省") not in squeezed, zh
    # The findings carry the corpus's numbers in English sentences.
    with Corpus(report_home, read_only=True) as c:
        lo, hi = c.one(
            """SELECT count(*) FILTER (WHERE every_doc), count(*) FROM (
                 SELECT bool_and(list_contains(sei_codes, '2.2')) AS every_doc FROM patents
                 GROUP BY coalesce(app_number, pub_number) HAVING bool_or(list_contains(sei_codes, '2.2')))"""
        )
    found = re.search(r"there are ([\d,]+) patent applications in Aviation Equipment \(SEI 2\.2\)", text)
    assert found and lo <= int(found.group(1).replace(",", "")) <= hi
    assert re.search(
        r"Guangdong accounts for [\d,]+ applications? \([\d.]+%\), ranking \d+(st|nd|rd|th)", text
    )
    assert re.search(
        r"the field is in (the emerging|the growth|the mature|the decline|an undetermined) stage", text
    )
    from PIL import Image, ImageStat

    for page in _pdf.to_png(report["pdf"], tmp_path / "pages", first=1, last=3):
        assert ImageStat.Stat(Image.open(page).convert("L")).stddev[0] > 5


@pytest.mark.shared_data
def test_english_workbook_and_html(report: dict[str, Path]) -> None:
    wb = CalamineWorkbook.from_path(str(report["xlsx"]))
    names = wb.sheet_names
    # Sheet names lose their spaces in the builder ("Figure1"); what matters here is that they are English.
    assert names[0] == "Contents" and names[-1].replace(" ", "") == "Aboutthedata"
    assert all(re.fullmatch(r"(Figure|Table) ?\d+", n) for n in names[1:-1]), names
    contents = wb.get_sheet_by_name("Contents").to_python()
    assert contents[0][0] == "Aviation Equipment Patent Landscape Report — Guangdong"
    assert all(not HAN.search(str(r[1])) for r in contents[3:] if r and r[1]), "captions are English"
    first = wb.get_sheet_by_name(names[1]).to_python()
    assert first[2][:3] == ["Filing year", "Applications", "YoY growth"]
    for name in names[1:-1]:
        header = wb.get_sheet_by_name(name).to_python()[2]
        assert all(h and not HAN.search(str(h)) for h in header), (name, header)
    about = wb.get_sheet_by_name(names[-1]).to_python()
    assert [r[0] for r in about][:3] == ["Scope", "Region", "Query"] and about[1][1] == "Guangdong"
    html = report["html"].read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Aviation Equipment Patent Landscape Report" in html
