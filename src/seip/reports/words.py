"""The words of the reports in the current language (Chinese, or English under ``--lang en``): counts, plurals,
ordinals, dates, lists, province and SEI names. One copy for every report module; each report's own sentences
stay in its ``*_text`` module.

May import: seip.i18n, seip.records (its package data), seip.taxonomy.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from seip import i18n

#: English month abbreviations, locale-free (not ``%b``).
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Words a headline keeps in lower case (after its first word).
_SMALL = {"and", "or", "of", "the", "for", "in", "on", "with", "a", "an", "to"}

i18n.register(
    {
        "w_national": ("全国", "National"),
        "w_industry": ("{name}产业", "{name} industry"),
    }
)


def en() -> bool:
    return i18n.lang() == "en"


def count(x: Any) -> str:
    """An integer count with thousands separators ('—' when missing)."""
    return "—" if x is None else f"{round(x):,}"


def pct(x: Any, digits: int = 1) -> str:
    return "—" if x is None else f"{x:.{digits}%}"


def num(x: Any, digits: int = 2) -> str:
    """A measured value: integers as integers, else ``digits`` decimals (trailing zeros kept for columns)."""
    if x is None:
        return "—"
    if float(x).is_integer() and abs(x) >= 1:
        return f"{int(x):,}"
    return f"{x:,.{digits}f}"


def plural(x: Any, one: str, many: str | None = None) -> str:
    """``1 patent``, ``1,234 patents`` (English words; ``many`` for irregular plurals)."""
    return f"{count(x)} {one if x == 1 else many or one + 's'}"


def ending(k: int | None) -> str:
    """The English plural ending of a count, for messages that spell ``{n} patent{s}``: ``s`` unless exactly one."""
    return "" if k == 1 else "s"


def ordinal(k: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd`` (English)."""
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def day(d: dt.date | None) -> str:
    """A date as the reports print it: ``2026-11-30``, or ``30 Nov 2026`` in English ('—' when missing)."""
    if d is None:
        return "—"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if en() else d.isoformat()


def long_day(d: dt.date) -> str:
    """A date in running text where Chinese writes it out: ``2026年11月30日``, or ``30 Nov 2026`` in English."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if en() else f"{d.year}年{d.month}月{d.day}日"


def listing(items: Iterable[str], en_sep: str = "") -> str:
    """A list in a sentence: ``a、b、c``, or ``a, b and c`` in English (joined by ``en_sep`` instead when the items
    hold commas themselves)."""
    items = list(items)
    if not en():
        return "、".join(items)
    if en_sep or len(items) < 2:
        return en_sep.join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def semi(items: Iterable[Any]) -> str:
    """Items that hold commas themselves, or the values in one table cell: ``甲；乙`` / ``A; B``."""
    return ("; " if en() else "；").join(map(str, items))


def paren(text: str) -> str:
    """A bracketed aside: ``（…）`` / `` (…)``."""
    return f" ({text})" if en() else f"（{text}）"


def cap(text: str | None) -> str:
    """A value label as a table or legend shows it: first letter upper case in English (enterprise → Enterprise)."""
    if not text:
        return text or ""
    return text[:1].upper() + text[1:] if en() else text


def title_case(text: str) -> str:
    """English headline case: New-generation information technology → New-Generation Information Technology."""
    out = []
    for i, w in enumerate(text.split(" ")):
        small = i and w.lower() in _SMALL
        out.append(w.lower() if small else "-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out)


@cache
def _provinces_en() -> dict[str, str]:
    """Province-level names → English (pinyin, ``Inner Mongolia``), from the package's pinyin table; the last
    spelling listed wins (it lists the conventional English name after the pinyin one)."""
    path = resources.files("seip.records").joinpath("data", "cn_pinyin.csv")
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["city"] in ("", r["province"])]
    return {r["province"]: " ".join(w.capitalize() for w in r["pinyin"].split(" ")) for r in rows}


def place(name: str | None) -> str:
    """A province (or 全国) as the reports print it: as stored in Chinese, in English when the package knows its
    name (``Heilongjiang``, ``National``; as stored otherwise)."""
    if not name or not en():
        return name or ""
    if name == "全国":
        return i18n.t("w_national")
    return _provinces_en().get(name, name)


def sei_name(code: str | None, *, headline: bool = False) -> str:
    """The name of an SEI second-level category or first-level industry in the current language (the taxonomy's
    English names, in headline case with ``headline``; the code when unknown)."""
    from seip.taxonomy.sei import categories

    if not code:
        return ""
    cat = categories().get(code)
    top = cat or next((c for c in categories().values() if c.top_code == code), None)
    if top is None:
        return code
    if not en():
        return cat.name if cat else top.top_name
    name = cat.name_en if cat else top.top_name_en
    return title_case(name) if headline else name


def sei_label(code: str | None) -> str:
    """``1.5 人工智能`` / ``1.5 Artificial intelligence`` (the code alone when unknown)."""
    name = sei_name(code)
    return f"{code} {name}" if name and name != code else str(code or "")


def industry(code: str | None) -> str:
    """``人工智能产业``, ``新一代信息技术产业``: the SEI name as an industry (its name when it already says so);
    ``Artificial intelligence industry``, ``Digital creative industries`` in English."""
    name = sei_name(code)
    said = name.lower().endswith(("industry", "industries")) if en() else name.endswith("产业")
    return name if said else i18n.t("w_industry", name=name)
