"""Dates of patent documents: reading every spelling the sources use, and plausibility checks.

May import: stdlib.

:func:`parse_date` turns a cell (``datetime``, Excel serial, ``YYYYMMDD``, ``YYYY/MM/DD``, ``YYYY年M月D日`` …)
into a :class:`datetime.date`; :func:`check_date` says whether a readable date is plausible for its field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

__all__ = ["EARLIEST", "EXCEL_SERIAL_RANGE", "FUTURE_SLACK", "check_date", "parse_date"]

#: Anything before this is not a patent date (the oldest documents in real exports are 1850s US grants).
EARLIEST = dt.date(1850, 1, 1)
#: Excel serials (1900 date system) accepted: 1901-01-01 … 2100-12-31. Smaller numbers ("1") are not dates.
EXCEL_SERIAL_RANGE = (367, 73415)
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 after Excel's fictitious 1900-02-29
#: Days a date may lie after today before it is "in_future": publication and grant dates are announced
#: ahead (gazette issues are loaded into databases up to two weeks before their date); filing and
#: priority dates only get one day, for time zones (a date in Beijing is still yesterday in the US).
FUTURE_SLACK = {"pub_date": 14, "grant_date": 14, "event_date": 14}
DEFAULT_SLACK = 1

# YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY/M/D, with an optional time (" 00:00:00", "T12:30:00Z").
_SEPARATED = re.compile(
    r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T?\d{6})?")  # 20230511, 20230511T120000
_CHINESE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
_SERIAL = re.compile(r"\d{1,5}(?:\.\d+)?")
# "No date" placeholders written by exports: Patentics 0-- and 00000000, 0000-00-00, dashes, N/A.
_PLACEHOLDER = re.compile(r"[0\-/.: ]*0[0\-/.: ]*|[-/]+|n/?a|null|none|nan|无|暂无", re.IGNORECASE)


def _from_serial(value: float, raw: object) -> dt.date:
    lo, hi = EXCEL_SERIAL_RANGE
    if not lo <= value <= hi:
        raise ValueError(f"number {raw!r} is not a plausible Excel date serial")
    return _EXCEL_EPOCH + dt.timedelta(days=int(value))


def _make(y: str, m: str, d: str, raw: object) -> dt.date:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        raise ValueError(f"impossible calendar date {raw!r}") from None


def parse_date(raw: object) -> dt.date | None:
    """Read a date from whatever a source wrote.

    Parameters
    ----------
    raw : ``datetime.date``/``datetime.datetime``; an Excel serial (int/float, or a string such as ``"43831"``
        or ``"43831.0"``; 1900 date system, accepted only within :data:`EXCEL_SERIAL_RANGE`); or text:
        ``YYYYMMDD``, ``YYYY-MM-DD``, ``YYYY/MM/DD``, ``YYYY.MM.DD``, ``YYYY/M/D``, any of these with a time
        (``2019-01-01 00:00:00``, ``2019-01-01T08:00:00Z``), ``YYYY年M月D日``. Full-width digits accepted.

    Returns
    -------
    datetime.date or None
        None for None, NaN, blank text and "no date" placeholders (Patentics ``0--`` and ``00000000``,
        ``0000-00-00``, ``-``, ``N/A``, 无).

    Raises
    ------
    ValueError
        Unreadable text (``2019-13``), a number outside the serial range (``1``, which Patentics writes in
        授权公告日 of some old US grants), or an impossible calendar date (``2019-02-30``).

    Examples
    --------
    >>> parse_date("20230511")
    datetime.date(2023, 5, 11)
    >>> parse_date("2022/1/7")
    datetime.date(2022, 1, 7)
    >>> parse_date("2021年9月3日")
    datetime.date(2021, 9, 3)
    >>> parse_date(43831)
    datetime.date(2020, 1, 1)
    >>> parse_date("1887/06/09")
    datetime.date(1887, 6, 9)
    >>> parse_date("2019-02-30")
    Traceback (most recent call last):
    ...
    ValueError: impossible calendar date '2019-02-30'
    """
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, bool):
        raise ValueError(f"not a date: {raw!r}")
    if isinstance(raw, int):
        if 10_000_000 <= raw <= 99_991_231:
            return parse_date(str(raw))
        return _from_serial(raw, raw)
    if isinstance(raw, float):
        if raw != raw:  # NaN: an empty numeric cell
            return None
        if raw.is_integer() and 10_000_000 <= raw <= 99_991_231:
            return parse_date(str(int(raw)))
        return _from_serial(raw, raw)
    if not isinstance(raw, str):
        if hasattr(raw, "__float__"):  # numpy / Decimal numbers
            return parse_date(float(raw))
        raise ValueError(f"not a date: {raw!r}")
    s = raw.strip()
    if not s:
        return None
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s).strip()
    m = _COMPACT.fullmatch(s)
    if m is None and _PLACEHOLDER.fullmatch(s):
        return None
    if m:
        if s == "00000000":
            return None
        return _make(m.group(1), m.group(2), m.group(3), raw)
    m = _SEPARATED.fullmatch(s)
    if m:
        return _make(m.group(1), m.group(3), m.group(4), raw)
    m = _CHINESE.fullmatch(s)
    if m:
        return _make(m.group(1), m.group(2), m.group(3), raw)
    if _SERIAL.fullmatch(s):
        return _from_serial(float(s), raw)
    raise ValueError(f"unreadable date {raw!r}")


def check_date(
    d: dt.date,
    field: str,
    *,
    today: dt.date | None = None,
    app_date: dt.date | None = None,
) -> str | None:
    """Plausibility problem of a date, as a short code, or None when it looks right.

    Parameters
    ----------
    d : the date.
    field : its field (``pub_date``, ``app_date``, ``grant_date``, ``priority_date``, ``event_date`` …);
        sets the slack allowed after today and which comparison with ``app_date`` applies.
    today : reference day (default: today).
    app_date : filing date of the same document, when known.

    Returns
    -------
    str or None
        ``"before_1850"``: earlier than :data:`EARLIEST`;
        ``"in_future"``: later than ``today`` plus :data:`FUTURE_SLACK` (14 days for publication, grant and
        event dates; 1 day for every other field);
        ``"before_app_date"``: a ``pub_date`` or ``grant_date`` before the filing date;
        ``"after_app_date"``: a ``priority_date`` after the filing date (a priority is always earlier).

    Notes
    -----
    The 19th-century dates in ford_autodriving_7552.xlsx (``1887/06/09`` …, text because Excel cannot store
    dates before 1900) are genuine: they belong to US406502A (filed 1887, granted 1889) and similar old
    US/GB documents, so they pass. Only dates before 1850 are implausible by themselves.

    Examples
    --------
    >>> check_date(dt.date(1887, 6, 9), "app_date") is None
    True
    >>> check_date(dt.date(1620, 1, 1), "app_date")
    'before_1850'
    >>> check_date(dt.date(2030, 1, 1), "pub_date", today=dt.date(2024, 1, 1))
    'in_future'
    >>> check_date(dt.date(2024, 1, 10), "pub_date", today=dt.date(2024, 1, 1)) is None
    True
    >>> check_date(dt.date(2018, 1, 1), "pub_date", app_date=dt.date(2019, 3, 1))
    'before_app_date'
    """
    if d < EARLIEST:
        return "before_1850"
    ref = today or dt.date.today()
    if d > ref + dt.timedelta(days=FUTURE_SLACK.get(field, DEFAULT_SLACK)):
        return "in_future"
    if app_date is not None:
        if field in ("pub_date", "grant_date") and d < app_date:
            return "before_app_date"
        if field == "priority_date" and d > app_date:
            return "after_app_date"
    return None
