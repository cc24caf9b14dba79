"""The lapsed-patent compilation in English (``seip --lang en report lapsed``): every message has an English
text, and one English render of the real corpus (PDF and workbook) reads in English, its Chinese left only
in the data (titles, applicants, abstracts) and in the official terms kept in brackets."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from seip import i18n
from seip.cli import app
from seip.reports import lapsed_text
from seip.store import Corpus
from tests.reports import _pdf

HAN = re.compile(r"[\u4e00-\u9fff]+")
#: Chinese terms the English documents keep on purpose, in brackets after their English rendering.
KEPT = ("失效专利文献汇编", "战略性新兴产业", "国家知识产权局")
AS_OF = dt.date(2024, 6, 30)
SINCE = dt.date(2020, 1, 1)
HEADER = ["Rank", "Publication number", "Application number", "Title", "Applicants", "Province", "City",
          "Filing date", "Grant date", "Patent type", "Main IPC", "Group", "SEI categories", "Reason", "Date ended",
          "Basis of the end date", "Date unknown: not before", "Value score", "Core patent",
          "Legal status as exported", "Abstract (excerpt)"]  # fmt: skip
#: Chinese words of the same places in the Chinese compilation (chapters, charts, labels, sheets).
CHINESE_STATIC = ["主要发现", "概况", "失效专利汇编", "方法说明", "失效原因构成", "各年失效专利数量", "失效专利按原因",
                  "原申请（专利权）人", "按价值度从高到低", "价值度", "申请号", "数据截至", "研究范围", "未缴年费终止"]  # fmt: skip


def test_every_message_has_an_english_text() -> None:
    keys = [k for k in i18n.MESSAGES if k.startswith("lap_")]
    assert len(keys) > 100
    for key in keys:
        zh, en = i18n.MESSAGES[key]
        plain = en
        for term in KEPT:
            plain = plain.replace(term, "")
        assert en.strip() and not HAN.search(plain), key
        # The same numbers go into both (English adds only its plural endings and verb agreement).
        assert _pdf.template_fields(zh) <= _pdf.template_fields(en) and _pdf.template_fields(
            en
        ) - _pdf.template_fields(zh) <= {
            "s",
            "are",
        }, key
    terms = [
        lapsed_text.REASONS,
        lapsed_text.BASIS,
        lapsed_text.BOOK_BASIS,
        lapsed_text.YES_NO,
        lapsed_text.HEADERS,
    ]
    i18n.set_lang("en")
    try:
        english = [v for tm in terms for v in tm.values()]
    finally:
        i18n.set_lang("zh")
    chinese = [v for tm in terms for v in tm.values()]
    assert all(v and not HAN.search(v) for v in english)
    assert all(HAN.search(v) for v in chinese)  # and Chinese again once the language is back


def test_sector_follows_the_language(english) -> None:
    from seip.taxonomy.sei import categories

    cat = categories()["1.5"]
    assert lapsed_text.sector("1.5") == cat.name_en and lapsed_text.sector("1") == cat.top_name_en
    assert lapsed_text.sector(None) == "Strategic Emerging Industries"
    i18n.set_lang("zh")
    assert lapsed_text.sector("1.5") == "人工智能产业" and lapsed_text.sector(None) == "战略性新兴产业"


# --- one English render of the real corpus ------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(report_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Industry 1 in Beijing, rendered once in English (PDF, HTML, workbook); the language is reset after."""
    out = tmp_path_factory.mktemp("lapsed_en") / "lapsed.pdf"
    args = ["--lang", "en", "report", "lapsed", "--sei", "1", "--region", "北京", "--since", SINCE.isoformat(),
            "--as-of", AS_OF.isoformat(), "--limit", "40", "--out", str(out), "--home", str(report_home), "--json"]  # fmt: skip
    try:
        result = CliRunner().invoke(app, args, catch_exceptions=False)
    finally:
        i18n.set_lang("zh")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _expected(home: Path) -> list[dict]:
    """The Beijing entries of industry 1 as the analysis layer gives them, computed here."""
    from seip.analysis._backend import connect, tables
    from seip.analysis.lapsed import lapsed_table

    with Corpus(home, read_only=True) as c:
        rows = lapsed_table(tables(connect(c)), as_of=AS_OF, sei="1", since=SINCE).to_pyarrow().to_pylist()
    return [r for r in rows if r["province"] == "北京市"]


def _sheet(path: str, name: str) -> list[list]:
    return CalamineWorkbook.from_path(path).get_sheet_by_name(name).to_python()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.shared_data
def test_pdf_reads_in_english(rendered: dict) -> None:
    from seip.taxonomy.sei import categories

    pdf = Path(rendered["files"]["pdf"])
    text = _flat(_pdf.text(pdf))
    industry = categories()["1.1"].top_name_en
    total = rendered["total"]
    assert f"Compilation of Lapsed Patents: {industry} — Beijing" in text
    for heading in ("Key findings", "Overview", "The Compilation", "Method and Data", "Reasons for lapse",
                    "Lapsed patents by year of lapse", "Year ended", "Former applicant / owner"):  # fmt: skip
        assert heading in text, heading
    assert (
        f"As of 30 Jun 2024, {total:,} patent application{'s' if total != 1 else ''} in {industry} (SEI 1)"
        in text
    )
    assert (
        "with the first applicant in Beijing" in text
        and "counting those that ended on or after 1 Jan 2020" in text
    )
    for word in CHINESE_STATIC:
        assert word not in text, word
    # The 40 most valuable entries are there, numbered as in the workbook.
    rows = _sheet(rendered["files"]["xlsx"], "Lapsed patents")[1:]
    first, last = rows[0], rows[min(40, len(rows)) - 1]
    for r in (first, last):
        assert f"{int(r[0])}. {r[1]}" in text
    # What Chinese is left comes from the data (entries) or is an official term kept in brackets.
    data = " ".join(str(c) for r in rows for c in r) + " ".join(KEPT)
    assert HAN.search(text)  # the data's Chinese is extracted, so the check below can fail
    left = {w for w in HAN.findall(text) if w not in data}
    assert not left, sorted(left)[:10]
    assert _pdf.pages(pdf) >= 5
    assert '<html lang="en">' in Path(rendered["files"]["html"]).read_text(encoding="utf-8")


@pytest.mark.shared_data
def test_workbook_in_english(rendered: dict, report_home: Path) -> None:
    from seip.analysis.lapsed import REASONS
    from seip.taxonomy.sei import categories

    book = rendered["files"]["xlsx"]
    expected = _expected(report_home)
    names = CalamineWorkbook.from_path(book).sheet_names
    codes = sorted({c for r in expected for c in r["sei_codes"].split() if c.startswith("1.")})
    assert names[:4] == ["Cover", "Contents", "Lapsed patents", "By reason"]
    assert [n.split()[0] for n in names[4:]] == codes
    for name in names[4:]:  # English category names, cut at a word to fit 31 characters
        full = f"{name.split()[0]} {categories()[name.split()[0]].name_en}"
        assert len(name) <= 31 and full.startswith(name) and (name == full or full[len(name)] == " "), name
    rows = _sheet(book, "Lapsed patents")
    assert rows[0] == HEADER
    body = rows[1:]
    assert rendered["total"] == len(body) == len(expected) > 0
    assert [r[1] for r in body] == [r["pub_number"] for r in expected]
    english = {k: v[1] for k, v in REASONS.items()}
    assert Counter(r[13] for r in body) == Counter(english[r["reason"]] for r in expected)
    assert {r[18] for r in body} <= {"yes", "no"} and {r[15] for r in body} <= {
        "legal event",
        "statutory term",
        "unknown",
    }
    summary = {r[0]: r[1] for r in _sheet(book, "By reason")[3:] if r and r[0] in english.values()}
    assert summary == {english[k]: float(v) for k, v in Counter(r["reason"] for r in expected).items()}
    for sheet in ("Cover", "Contents", "By reason"):
        cells = " ".join(str(c) for r in _sheet(book, sheet) for c in r)
        assert not HAN.search(cells), (sheet, HAN.findall(cells)[:5])
    cover = " ".join(str(c) for r in _sheet(book, "Cover") for c in r)
    assert f"Compilation of Lapsed Patents: {categories()['1.1'].top_name_en} — Beijing" in cover
    assert "Ended on or after" in cover and "2020-01-01" in cover
