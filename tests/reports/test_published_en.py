"""The English words of the published documents (warning bulletin, indicator report, their shared helpers): every
message and label has an English text free of Chinese, save the Chinese terms kept on purpose; the shared helpers
follow the language (the words they share with every report: test_words.py). Cheap: nothing is rendered here (the English PDFs are checked in test_bulletin.py and
test_indicator_report.py)."""

from __future__ import annotations

import re

from seip import i18n
from seip.reports import bulletin_text, indicator_text, published
from tests.reports import _pdf

HAN = re.compile(r"[\u4e00-\u9fff]")
PREFIXES = ("bul_", "indr_", "pd_")
#: Chinese terms the English text keeps in brackets, so a reader can match official documents.
KEPT = ("高价值发明专利", "“十四五”黑龙江省知识产权发展主要指标")


def _without_kept(text: str) -> str:
    for term in KEPT:
        text = text.replace(term, "")
    return text


def test_kept_terms_are_the_report_modules_own() -> None:
    assert set(KEPT) == set(indicator_text.KEPT_CHINESE)


def test_every_message_has_english_without_chinese() -> None:
    mine = {k: v for k, v in i18n.MESSAGES.items() if k.startswith(PREFIXES)}
    assert len(mine) > 200
    for key, (zh, en) in mine.items():
        assert en.strip() or not zh.strip(), key
        assert not HAN.search(_without_kept(en)), (key, en)
        # Both texts format with the fields either names (no stray or unbalanced braces).
        fields = _pdf.template_fields(zh) | _pdf.template_fields(en)
        assert zh.format_map(dict.fromkeys(fields, "x")) and en.format_map(dict.fromkeys(fields, "x")), key
    assert any(term in en for _, en in mine.values() for term in KEPT)


def test_every_label_table_answers_in_english(english) -> None:
    for terms in (*bulletin_text.TERMS, *indicator_text.TERMS, published.PATENT_TYPES):
        assert len(terms) > 0
        for key in terms:
            assert not HAN.search(_without_kept(terms[key])), (key, terms[key])
    assert all(not HAN.search(v) for v in bulletin_text.SHORT_EN.values())


def test_label_tables_stay_chinese_by_default() -> None:
    assert bulletin_text.MEASURES["concentration"] == "集中度"
    assert indicator_text.NAMES["valid_invention_per_10k"] == "每万人口发明专利拥有量"
    assert published.PATENT_TYPES["utility_model"] == "实用新型"


def test_region_label_follows_the_language(english) -> None:
    assert (
        published.region_label("全国") == "China (national)" and published.region_label("北京市") == "北京市"
    )
    assert published.PATENT_TYPES["utility_model"] == "utility model"
    i18n.set_lang("zh")
    assert published.region_label("全国") == "全国"


def test_level_names_follow_the_language(english) -> None:
    from seip.analysis.warning import load_rules

    rules = load_rules()
    assert bulletin_text.levels(rules) == ["None", "Light", "Moderate", "Severe", "Extreme"]
    assert bulletin_text.level(rules, 3, capital=False) == "severe"
    i18n.set_lang("zh")
    assert bulletin_text.levels(rules) == list(rules.levels)


def test_plan_words_of_the_shipped_plan(english) -> None:
    from seip.analysis.targets import load_plan

    plan = load_plan()
    names = [indicator_text.target_name(vars(t)) for t in [*plan.targets, *plan.reference]]
    assert not any(HAN.search(n) for n in names), names
    assert indicator_text.plan_word(plan.name).endswith(f"({plan.name})")
    assert not HAN.search(indicator_text.plan_word(plan.source))
    assert not any(HAN.search(indicator_text.target_unit(vars(t))) for t in plan.targets)
    # Another plan keeps its own words.
    assert indicator_text.target_name({"name": "某市专利目标", "unit": "件"}) == "某市专利目标"
