"""The search fields: their names in English and Chinese, what kind of value each takes, and how values are read.

May import: seip.records, seip.taxonomy, seip.errors, stdlib.

One table (:data:`FIELDS`) drives the parser (which names exist), the compiler (which index fields a
search field covers) and docs/search.md (the field list is printed from it by ``seip search --fields``).
Values of the structured kinds are checked here, so a wrong value is a syntax error that points at it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from seip import i18n
from seip.records.regions import regions
from seip.records.schema import LEGAL_STATUSES, PATENT_TYPES
from seip.taxonomy.sei import categories

#: Kinds of field and what a value means for each.
KINDS = {
    "text": "exact substring for Chinese, case-insensitive word or phrase for other scripts",
    "ipc": "IPC/CPC symbol or field-wise prefix (H01M*, H01M10*, H01M10/05*)",
    "sei": "SEI 2018 code: top level (1) or second level (1.5)",
    "number": "publication or application number; a trailing * is a prefix",
    "date": "date, month or year; with = >= <= > < and ranges a..b",
    "country": "two-letter office code",
    "province": "province, with or without its suffix (广东 / 广东省)",
    "city": "prefecture-level city, with or without 市",
    "type": "patent type",
    "status": "legal status, or 有效/失效 (valid/invalid) for in force today",
}


@dataclass(frozen=True)
class Field:
    """One search field: its code, the names a user may type, its kind, and the index fields it reads."""

    code: str
    names: tuple[str, ...]
    kind: str
    targets: tuple[str, ...]
    zh: str
    en: str


FIELDS: tuple[Field, ...] = (
    Field("TX", ("TX", "ALL", "全文", "全部", "文本"), "text", ("ti", "ab", "cl"), "标题、摘要和首项权利要求（默认字段）", "title, abstract and first claim (default)"),
    Field("TI", ("TI", "TITLE", "标题", "名称", "发明名称"), "text", ("ti",), "标题（中文及英文）", "title (Chinese and English)"),
    Field("AB", ("AB", "ABSTRACT", "摘要"), "text", ("ab",), "摘要（中文及英文）", "abstract (Chinese and English)"),
    Field("CL", ("CL", "CLAIMS", "权利要求", "权利要求书"), "text", ("cl",), "首项权利要求（库中保存的权利要求）", "first claim (the claim the corpus keeps)"),
    Field("TIAB", ("TIAB", "标题摘要", "名称摘要"), "text", ("ti", "ab"), "标题或摘要", "title or abstract"),
    Field("PA", ("PA", "APPLICANT", "申请人", "专利权人", "权利人"), "text", ("pa",), "申请人（原文及规范化名称）", "applicant (as given and normalised)"),
    Field("IN", ("IN", "INVENTOR", "发明人", "设计人"), "text", ("inv",), "发明人", "inventor"),
    Field("IPC", ("IPC", "IC", "分类号", "IPC分类号"), "ipc", ("ipc",), "IPC 分类号（逐级前缀）", "IPC symbol (field-wise prefix)"),
    Field("CPC", ("CPC", "CPC分类号"), "ipc", ("cpc",), "CPC 分类号（逐级前缀）", "CPC symbol (field-wise prefix)"),
    Field("SEI", ("SEI", "战新", "新兴产业", "战略性新兴产业"), "sei", ("sei", "seitop"), "战略性新兴产业分类（2018）", "strategic emerging industry (SEI 2018)"),
    Field("PN", ("PN", "公开号", "公告号", "公开公告号"), "number", ("pnq",), "公开（公告）号", "publication number"),
    Field("AN", ("AN", "申请号"), "number", ("anq",), "申请号", "application number"),
    Field("AD", ("AD", "申请日"), "date", ("ad",), "申请日", "filing date"),
    Field("PD", ("PD", "公开日", "公告日", "公开公告日"), "date", ("pd",), "公开（公告）日", "publication date"),
    Field("GD", ("GD", "授权日", "授权公告日"), "date", ("gd",), "授权日", "grant date"),
    Field("PRD", ("PRD", "优先权日"), "date", ("prd",), "优先权日", "priority date"),
    Field("CO", ("CO", "OFFICE", "国别", "公开国别", "受理局"), "country", ("co",), "公开国别/受理局", "publishing office"),
    Field("PR", ("PR", "PROVINCE", "省份", "省"), "province", ("pr",), "第一申请人所在省份", "province of the first applicant"),
    Field("CT", ("CT", "CITY", "城市", "地市"), "city", ("ct",), "第一申请人所在地市", "city of the first applicant"),
    Field("TYPE", ("TYPE", "PT", "类型", "专利类型"), "type", ("ty",), "专利类型", "patent type"),
    Field("LS", ("LS", "STATUS", "法律状态"), "status", ("ls",), "法律状态；有效/失效 指当前是否有效", "legal status; valid/invalid: in force today"),
)  # fmt: skip

DEFAULT = "TX"
_BY_NAME = {name.upper(): f for f in FIELDS for name in f.names}


def lang() -> str:
    """The current interface language, ``zh`` or ``en``."""
    return i18n.t("search_lang")


def field_named(name: str) -> Field | None:
    """The field a user's name refers to (Latin names in any case), or None."""
    return _BY_NAME.get(name.upper())


def by_code(code: str) -> Field:
    """The field with ``code``."""
    return next(f for f in FIELDS if f.code == code)


class ValueProblem(ValueError):
    """A value does not fit its field; the message says what was expected (the parser adds the position)."""


# ---------------------------------------------------------------------------------------------- dates
_DATE = re.compile(r"^(\d{4})(?:[-./]?(\d{1,2})(?:[-./]?(\d{1,2}))?)?$")
i18n.register(
    {
        "search_lang": ("zh", "en"),
        "search_v_f_date": ("应为日期，如 2020、2020-05、2020-05-01 或 20200501", "expected a date such as 2020, 2020-05, 2020-05-01 or 20200501"),
        "search_v_f_not_date": ("不是有效的日历日期", "not a calendar date"),
        "search_v_f_range_op": ("区间 a..b 只能与“=”连用（AD=2018..2022）", "a range a..b goes with '=' (AD=2018..2022)"),
        "search_v_f_range_end": ("区间至少需要一端", "a range needs at least one end"),
        "search_v_f_ipc": ("应为 IPC/CPC 分类号或前缀，如 H01M、H01M10、H01M10/05、H01M10/05* 或 H01*", "expected an IPC/CPC symbol or prefix such as H01M, H01M10, H01M10/05, H01M10/05* or H01*"),
        "search_v_f_sei": ("应为战新产业代码：一级 1–9 或二级如 1.5", "expected an SEI 2018 code: 1–9 or a second-level code such as 1.5"),
        "search_v_f_type": ("应为 {values}", "expected one of {values}"),
        "search_v_f_status": ("应为 {values}，或 有效/valid、失效/invalid", "expected one of {values}, 有效/valid or 失效/invalid"),
        "search_v_f_province": ("应为省级行政区，如 广东、广东省、北京市", "expected a Chinese province-level division (广东, 广东省, 北京市…)"),
        "search_v_f_city": ("应为城市名，如 深圳 或 深圳市", "expected a city name such as 深圳 or 深圳市"),
        "search_v_f_country": ("应为两位国别代码，如 CN、US、EP、WO", "expected a two-letter office code such as CN, US, EP, WO"),
        "search_v_f_number": ("应为专利号，如 CN112345678A 或 CN1123*", "expected a patent number such as CN112345678A or CN1123*"),
    }
)  # fmt: skip


def date_bounds(text: str) -> tuple[int, int]:
    """The first and last day (as ``yyyymmdd`` integers) that a year, month or date denotes.

    >>> date_bounds("2020"), date_bounds("2020-02"), date_bounds("20200501")
    ((20200101, 20201231), (20200201, 20200229), (20200501, 20200501))
    """
    m = _DATE.match(text.strip())
    if not m:
        raise ValueProblem(i18n.t("search_v_f_date"))
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if mo is None:
            return y * 10000 + 101, y * 10000 + 1231
        first = dt.date(y, int(mo), 1)
        if d is None:
            nxt = dt.date(y + (first.month == 12), first.month % 12 + 1, 1)
            last = nxt - dt.timedelta(days=1)
            return _ymd(first), _ymd(last)
        day = dt.date(y, int(mo), int(d))
    except ValueError:
        raise ValueProblem(i18n.t("search_v_f_not_date")) from None
    return _ymd(day), _ymd(day)


def _ymd(d: dt.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def date_range(op: str, text: str) -> tuple[int | None, int | None]:
    """Inclusive ``yyyymmdd`` bounds (None = open) of ``FIELD op text``; ``a..b`` only with ``=``.

    A year or month is an interval: ``>= 2020`` starts on 2020-01-01, ``> 2020`` after 2020-12-31.

    >>> date_range("=", "2018..2022"), date_range(">", "2020"), date_range("<", "2020-03")
    ((20180101, 20221231), (20210101, None), (None, 20200229))
    """
    if ".." in text:
        if op != "=":
            raise ValueProblem(i18n.t("search_v_f_range_op"))
        lo, _, hi = text.partition("..")
        if not lo and not hi:
            raise ValueProblem(i18n.t("search_v_f_range_end"))
        return (date_bounds(lo)[0] if lo else None), (date_bounds(hi)[1] if hi else None)
    first, last = date_bounds(text)
    if op == "=":
        return first, last
    if op == ">=":
        return first, None
    if op == "<=":
        return None, last
    if op == ">":
        return _next_day(last), None
    return None, _prev_day(first)  # "<"


def _next_day(ymd: int) -> int:
    return _ymd(dt.date(ymd // 10000, ymd // 100 % 100, ymd % 100) + dt.timedelta(days=1))


def _prev_day(ymd: int) -> int:
    return _ymd(dt.date(ymd // 10000, ymd // 100 % 100, ymd % 100) - dt.timedelta(days=1))


# ------------------------------------------------------------------------------------ classification
_IPC_VALUE = re.compile(r"^([A-HY])(?:(\d\d)(?:([A-Z])(?:(\d{1,4})(?:/(\d{1,6}))?)?)?)?(\*)?$")


def subgroup_digits(digits: str) -> str:
    """Subgroup digits as a decimal fraction (trailing zeros beyond two digits carry no meaning), as in
    :mod:`seip.taxonomy.ipc_keys`."""
    return digits.rstrip("0").ljust(2, "0")


def ipc_key(value: str) -> tuple[str, str]:
    """What an IPC/CPC search value means: ``("term", key)`` for one key of the index, or
    ``("regex", pattern)`` over the keys for a section, a class, or a subgroup prefix (digit by digit).

    Levels are compared field by field (``B60L8*`` is main group 8 and never B60L80/00). A bare group
    (``H01M10``) or ``H01M10*`` is the whole group; ``H01M10/05`` is that subgroup exactly
    (``/050`` is the same subgroup); ``H01M10/05*`` is every subgroup of group 10 whose digits start with 05.

    >>> ipc_key("H01M*"), ipc_key("b60l8*"), ipc_key("H01M10/050"), ipc_key("H01M10/050*")
    (('term', 'H01M'), ('term', 'B60L 8'), ('term', 'H01M 10/05'), ('regex', 'H01M 10/(050.*|05)'))
    >>> ipc_key("H01*"), ipc_key("H")
    (('regex', 'H01[A-Z]'), ('regex', 'H[0-9]{2}[A-Z]'))
    """
    v = re.sub(r"\s+", "", value).upper()
    m = _IPC_VALUE.match(v)
    if not m:
        raise ValueProblem(i18n.t("search_v_f_ipc"))
    section, cls, sub, group, subgroup, star = m.groups()
    if cls is None:  # the index keeps subclass, group and subgroup keys; a class is every subclass in it
        return "regex", f"{section}[0-9]{{2}}[A-Z]"
    if sub is None:
        return "regex", f"{section}{cls}[A-Z]"
    head = section + cls + sub
    if group is None:
        return "term", head
    g = f"{head} {int(group)}"
    if subgroup is None:
        return "term", g
    if (
        star
    ):  # subgroups whose digits start with these; "/050*" also covers "/05", the same subgroup as "/050"
        same = [subgroup[:cut] for cut in range(2, len(subgroup)) if not subgroup[cut:].strip("0")]
        alts = [f"{subgroup}.*", *(h for h in same if h == subgroup_digits(h))]
        return "regex", f"{g}/({'|'.join(alts)})"
    return "term", f"{g}/{subgroup_digits(subgroup)}"


# ------------------------------------------------------------------------------ the enumerated kinds
def sei_value(value: str) -> tuple[str, str]:
    """(index field, code) of an SEI value: ``1`` / ``1*`` → top level, ``1.5`` → second level."""
    v = value.strip().rstrip("*").rstrip(".")
    cats = categories()
    if v in cats:
        return "sei", v
    if v in {c.top_code for c in cats.values()}:
        return "seitop", v
    raise ValueProblem(i18n.t("search_v_f_sei"))


def type_values() -> dict[str, str]:
    """Accepted names of patent types → canonical value."""
    names = {t: t for t in PATENT_TYPES}
    names.update({"发明": "invention", "实用新型": "utility_model", "外观设计": "design", "外观": "design"})
    names.update({"utility": "utility_model", "utility model": "utility_model", "新型": "utility_model"})
    return names


#: Chinese names of legal statuses (as ``seip.i18n`` shows them) and common synonyms.
_STATUS_ZH = {
    "审中": "pending", "在审": "pending", "公开": "pending", "实审": "pending", "授权": "granted",
    "授权有效": "granted", "未缴年费失效": "lapsed", "未缴年费": "lapsed", "期限届满": "expired",
    "届满": "expired", "撤回": "withdrawn", "驳回": "rejected", "放弃": "abandoned", "无效宣告": "invalidated",
    "全部无效": "invalidated", "未知": "unknown",
}  # fmt: skip
_VALIDITY = {"有效": 1, "valid": 1, "in force": 1, "失效": 0, "无效": 0, "invalid": 0, "lapsed all": 0}


def status_value(value: str) -> tuple[str, str | int]:
    """(index field, value) of a legal status value: a canonical status, its Chinese name, or validity."""
    v = value.strip()
    if v.lower() in LEGAL_STATUSES:
        return "ls", v.lower()
    if v in _STATUS_ZH:
        return "ls", _STATUS_ZH[v]
    if v.lower() in _VALIDITY:
        return "valid", _VALIDITY[v.lower()]
    raise ValueProblem(i18n.t("search_v_f_status", values=", ".join(LEGAL_STATUSES)))


@cache
def _province_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in regions():
        if r.level == "province" and r.current:
            out[r.name] = r.name
            out[r.short_name] = r.name
    return out


def province_value(value: str) -> str:
    """The full province name (``广东`` → ``广东省``)."""
    v = value.strip()
    names = _province_names()
    if v in names:
        return names[v]
    raise ValueProblem(i18n.t("search_v_f_province"))


def city_values(value: str) -> list[str]:
    """Spellings of a city as stored (``深圳`` → ``深圳``, ``深圳市``)."""
    v = value.strip()
    if not v:
        raise ValueProblem(i18n.t("search_v_f_city"))
    return sorted({v, v if v.endswith(("市", "州", "盟", "地区")) else v + "市"})


def country_value(value: str) -> str:
    """A two-letter office code, upper case."""
    v = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", v):
        raise ValueProblem(i18n.t("search_v_f_country"))
    return v


def number_value(value: str) -> tuple[str, str]:
    """``("term", NUMBER)`` or ``("prefix", PREFIX)`` for a publication or application number.

    Spaces, dots and slashes are ignored, so ``CN 202010123456.7`` finds ``CN2020101234567``.
    """
    v = re.sub(r"[\s./,-]", "", value).upper()
    star = v.endswith("*")
    v = v.rstrip("*")
    if not re.fullmatch(r"[A-Z]{0,3}[0-9A-Z]*", v) or not v or "*" in v:
        raise ValueProblem(i18n.t("search_v_f_number"))
    return ("prefix", v) if star else ("term", v)
