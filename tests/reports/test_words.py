"""The words every report shares (:mod:`seip.reports.words`): each follows the language when called, Chinese by
default and English under ``--lang en``. Cheap: nothing is rendered here."""

from __future__ import annotations

import datetime as dt

import pytest

from seip import i18n
from seip.reports import words as W


@pytest.fixture(autouse=True)
def _chinese_after():
    """Each test may switch to English; the next starts in Chinese again."""
    yield
    i18n.set_lang("zh")


@pytest.fixture
def ai():
    from seip.taxonomy.sei import categories

    return categories()["1.5"]


@pytest.mark.parametrize(
    ("k", "word"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
                    (21, "21st"), (22, "22nd"), (31, "31st"), (101, "101st"), (111, "111th")],
)  # fmt: skip
def test_ordinals(k: int, word: str) -> None:
    assert W.ordinal(k) == word


def test_counts_and_plurals() -> None:
    assert W.plural(1, "patent") == "1 patent" and W.plural(12345, "patent") == "12,345 patents"
    assert W.plural(2, "SEI category", "SEI categories") == "2 SEI categories"
    assert W.ending(1) == "" and W.ending(2) == "s" and W.ending(0) == "s"
    assert W.count(1234.6) == "1,235" and W.count(None) == "—"
    assert W.pct(0.1234) == "12.3%" and W.pct(0.1234, 2) == "12.34%" and W.pct(None) == "—"
    assert (
        W.num(3.0) == "3" and W.num(2500.0) == "2,500" and W.num(0.5) == "0.50" and W.num(1.234, 1) == "1.2"
    )


def test_words_in_english(ai) -> None:
    i18n.set_lang("en")
    assert W.en()
    assert W.day(dt.date(2026, 11, 3)) == f"3 {W.MONTHS[10]} 2026" == "3 Nov 2026" and W.day(None) == "—"
    assert W.listing(["a", "b", "c"]) == "a, b and c" and W.listing(["a"]) == "a" and W.listing([]) == ""
    assert W.listing(["A (1, 2)", "B"], en_sep="; ") == "A (1, 2); B"
    assert W.semi(["a", 1]) == "a; 1" and W.paren("x") == " (x)"
    assert W.cap("enterprise") == "Enterprise" and W.cap(None) == ""
    assert W.title_case("new-generation information technology and services") == (
        "New-Generation Information Technology and Services"
    )
    assert W.place("北京市") == "Beijing" and W.place("内蒙古自治区") == "Inner Mongolia"
    assert W.place("黑龙江省") == "Heilongjiang" and W.place("全国") == "National"
    assert (
        W.place("台湾省") == "台湾省" and W.place(None) == ""
    )  # no English name in the package data: as stored
    assert W.sei_name("1.5") == ai.name_en and W.sei_label("1.5") == f"1.5 {ai.name_en}"
    assert W.sei_name("1.5", headline=True) == "Artificial Intelligence"
    assert W.sei_name("1", headline=True) == "New-Generation Information Technology"
    assert W.sei_name("1.4", headline=True) == "Internet, Cloud Computing and Big-Data Services"
    assert W.sei_name("1") == ai.top_name_en and W.industry("1") == f"{ai.top_name_en} industry"
    assert W.sei_name("9.99") == "9.99" and W.sei_name(None) == "" and W.sei_label("9.99") == "9.99"


def test_words_in_chinese_by_default(ai) -> None:
    assert i18n.lang() == "zh" and not W.en()
    assert W.day(dt.date(2026, 11, 3)) == "2026-11-03"
    assert W.long_day(dt.date(2026, 11, 3)) == "2026年11月3日"
    assert W.listing(["甲", "乙", "丙"]) == "甲、乙、丙" and W.listing(["甲", "乙"], en_sep="; ") == "甲、乙"
    assert W.semi(["甲", "乙"]) == "甲；乙" and W.paren("注") == "（注）"
    assert W.cap("iPhone") == "iPhone"
    assert W.place("北京市") == "北京市" and W.place("全国") == "全国"
    assert W.sei_name("1.5") == W.sei_name("1.5", headline=True) == ai.name == "人工智能"
    assert W.sei_label("1.5") == f"1.5 {ai.name}" and W.industry("1.5") == f"{ai.name}产业"
    assert W.industry("1") == ai.top_name  # 新一代信息技术产业 already says 产业
