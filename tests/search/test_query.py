"""The query language: fields in Chinese and English, operators, precedence, groups, and errors that point."""

from __future__ import annotations

import pytest

from seip import i18n
from seip.store.search import fields as F
from seip.store.search.query import CARET, Bool, Not, SearchSyntaxError, Term, parse, positive_text


def _terms(node) -> list[tuple[str, str, str]]:
    if isinstance(node, Term):
        return [(node.field, node.op, node.value)]
    if isinstance(node, Not):
        return [("NOT", *t[1:]) for t in _terms(node.child)]
    return [t for c in node.children for t in _terms(c)]


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("TI=锂电池", "标题=锂电池"),
        ("AB=电池", "摘要：电池"),
        ("CL=电机", "权利要求=电机"),
        ("PA=华为", "申请人=华为"),
        ("IN=张三", "发明人=张三"),
        ("AD>=2020", "申请日≥2020"),
        ("PD<2019-05", "公开日<2019-05"),
        ("GD=2018..2020", "授权日=2018..2020"),
        ("PR=广东", "省份=广东"),
        ("LS=有效", "法律状态=有效"),
        ("PN=CN1123*", "公开号=CN1123*"),
        ("AN=CN2020101234567", "申请号=CN2020101234567"),
        ("CO=CN", "国别=CN"),
        ("TYPE=发明", "专利类型=发明"),
        ("IPC=H01M10/05*", "分类号=H01M10/05*"),
    ],
)
def test_chinese_field_names_mean_the_same(english: str, chinese: str) -> None:
    assert parse(english) == parse(chinese).__class__(**{**parse(chinese).__dict__, "start": parse(english).start,
                                                         "end": parse(english).end})  # fmt: skip


def test_field_names_are_case_insensitive_and_colon_works() -> None:
    assert _terms(parse("ti:锂电池")) == _terms(parse("TI=锂电池")) == [("TI", "=", "锂电池")]


def test_unfielded_terms_search_all_text_and_are_anded() -> None:
    node = parse("锂电池 正极")
    assert isinstance(node, Bool) and node.op == "and"
    assert _terms(node) == [("TX", "=", "锂电池"), ("TX", "=", "正极")]


def test_precedence_not_and_or() -> None:
    node = parse("a OR b AND NOT c")
    assert isinstance(node, Bool) and node.op == "or"
    right = node.children[1]
    assert isinstance(right, Bool) and right.op == "and" and isinstance(right.children[1], Not)


def test_chinese_operators_only_standing_alone() -> None:
    assert _terms(parse("锂电池 与 正极 或 负极 非 钠")) == _terms(parse("锂电池 AND 正极 OR 负极 NOT 钠"))
    assert _terms(parse("电池与电机")) == [("TX", "=", "电池与电机")]
    assert _terms(parse("TX=与")) == [("TX", "=", "与")]


def test_field_applies_to_a_group() -> None:
    node = parse("TI=(锂电池 OR 钠电池) AND PA=华为")
    assert _terms(node) == [("TI", "=", "锂电池"), ("TI", "=", "钠电池"), ("PA", "=", "华为")]
    assert _terms(parse("TI=(电池 AND AB=正极)")) == [("TI", "=", "电池"), ("AB", "=", "正极")]


def test_quotes_and_full_width_punctuation() -> None:
    assert _terms(parse('TI="lithium ion battery"')) == [("TI", "=", "lithium ion battery")]
    assert _terms(parse("TI=“锂 电池”")) == [("TI", "=", "锂 电池")]
    assert _terms(parse("（TI＝电池）")) == [("TI", "=", "电池")]
    assert parse('TI="a b"').quoted and not parse("TI=ab").quoted


def test_positive_text_skips_negated_terms_and_filters() -> None:
    node = parse("TI=电池 AND NOT AB=钠 AND IPC=H01M* AND NOT (NOT 正极)")
    assert [t.value for t in positive_text(node)] == ["电池", "正极"]


@pytest.mark.parametrize(
    ("query", "pos", "fragment"),
    [
        ("TI=锂电池 AND (", 12, "expected a search term"),
        ("TI=锂电池 AND (正极", 11, "expected ')'"),
        ("锂电池 )", 4, "unmatched ')'"),
        ('TI="锂电池', 3, "closing quote"),
        ("XX=1", 0, "unknown field 'XX'"),
        ("TI=", 3, "expected a value"),
        ("TI= )", 4, "expected a value"),
        ("AD>=电池", 4, "expected a date"),
        ("AD=2020-13", 3, "not a calendar date"),
        ("AD>=2018..2020", 4, "a range a..b goes with '='"),
        ("TI>锂", 3, "compares dates"),
        ("IPC=H01MM", 4, "IPC/CPC symbol"),
        ("SEI=10", 4, "SEI 2018 code"),
        ("PR=火星", 3, "province-level"),
        ("LS=sleeping", 3, "expected one of pending"),
        ("TYPE=xyz", 5, "expected one of"),
        ("CO=CHN", 3, "two-letter office code"),
        ("PN=C*N", 3, "patent number"),
        ("TI=，。", 3, "no letters"),
        ("", 0, "the query is empty"),
        ("AD>=(2020)", 4, "cannot take a group"),
    ],
)
def test_errors_point_at_the_position(query: str, pos: int, fragment: str) -> None:
    i18n.set_lang("en")
    try:
        with pytest.raises(SearchSyntaxError) as info:
            parse(query)
    finally:
        i18n.set_lang("zh")
    err = info.value
    assert err.pos == pos, str(err)
    assert fragment in str(err)
    assert "\n" not in str(err) and f"column {pos + 1}" in str(err)
    assert query[:pos] + CARET + query[pos:] in str(err)


def test_errors_are_chinese_by_default() -> None:
    with pytest.raises(SearchSyntaxError) as info:
        parse("TI=锂电池 AND (")
    assert "检索式错误（第 13 个字符）" in str(info.value)


@pytest.mark.parametrize(
    ("op", "value", "expected"),
    [
        ("=", "2020", (20200101, 20201231)),
        ("=", "2020-02", (20200201, 20200229)),
        ("=", "2019.2", (20190201, 20190228)),
        ("=", "20200315", (20200315, 20200315)),
        (">=", "2020", (20200101, None)),
        (">", "2020", (20210101, None)),
        ("<=", "2020-06", (None, 20200630)),
        ("<", "2020-01-01", (None, 20191231)),
        ("=", "2018..2022", (20180101, 20221231)),
        ("=", "2018..", (20180101, None)),
        ("=", "..2018-06", (None, 20180630)),
    ],
)
def test_date_semantics(op: str, value: str, expected: tuple) -> None:
    assert F.date_range(op, value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("H01M*", ("term", "H01M")),
        ("H01M", ("term", "H01M")),
        ("B60L8*", ("term", "B60L 8")),
        ("B60L8", ("term", "B60L 8")),
        ("B60L80*", ("term", "B60L 80")),
        ("h01m 10/05", ("term", "H01M 10/05")),
        ("H01M10/050", ("term", "H01M 10/05")),
        ("H01M10/0525", ("term", "H01M 10/0525")),
        ("H01M10/05*", ("regex", "H01M 10/(05.*)")),
        ("H01M10/050*", ("regex", "H01M 10/(050.*|05)")),
        ("H01*", ("regex", "H01[A-Z]")),
    ],
)
def test_classification_values_field_wise(value: str, expected: tuple) -> None:
    assert F.ipc_key(value) == expected


def test_group_prefix_never_reaches_a_longer_group_number() -> None:
    """``B60L8*`` is main group 8: its key differs from that of B60L80/00 at the group level."""
    import re

    from seip.taxonomy.ipc_keys import symbol_keys

    _, key = F.ipc_key("B60L8*")
    assert symbol_keys("B60L8/00")["group"] == key != symbol_keys("B60L80/00")["group"]
    _, pattern = F.ipc_key("H01M10/05*")
    assert re.fullmatch(pattern, "H01M 10/0525") and not re.fullmatch(pattern, "H01M 100/05")
    assert not re.fullmatch(pattern, "H01M 10/06")


def test_other_value_kinds() -> None:
    assert F.sei_value("1") == ("seitop", "1") and F.sei_value("1.5") == ("sei", "1.5")
    assert F.sei_value("1*") == ("seitop", "1")
    assert F.status_value("授权有效") == ("ls", "granted") and F.status_value("失效") == ("valid", 0)
    assert F.province_value("广西") == "广西壮族自治区" and F.province_value("北京") == "北京市"
    assert F.city_values("深圳") == ["深圳", "深圳市"]
    assert F.number_value("cn 202010123456.7") == ("term", "CN2020101234567")
    assert F.number_value("CN1123*") == ("prefix", "CN1123")
