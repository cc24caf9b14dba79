"""Dates and legal status of a document, consistent with its type, office and age on ``today``.

All dates are epoch days (``date32``). Filings grow with the real Chinese totals (CNIPA yearly applications of the
three types, in millions); a document is only in the corpus once published, so the last 18 months thin out for
inventions, as in any real export. Rules:

* priority ≤ application ≤ first publication ≤ today; the grant of an invention comes after its publication;
  utility models and designs are published when granted (kind U / S);
* invention: pending (实质审查 / 公开) until the examination decision, then granted, withdrawn, rejected or abandoned;
* after grant: lapsed when annuities stop (未缴年费), expired at the end of the term counted from filing
  (20 years invention, 10 utility model, design 10 years, 15 for applications from 2021-06-01), rarely
  invalidated (全部无效) or, for utility models, abandoned (放弃); ``is_valid`` only for ``granted``;
* PCT applications (WO): pending within 30 months of priority, then ``expired`` (PCT有效期满).
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from seip.records.schema import LEGAL_STATUSES
from seip.synthetic import _draw as d
from seip.synthetic._numbers import CN, DE, EP, JP, KR, US, WO

#: Patent applications filed in China per year (millions, all three types; later years held flat).
YEAR_WEIGHTS = {
    2005: 0.48,
    2006: 0.57,
    2007: 0.69,
    2008: 0.83,
    2009: 0.98,
    2010: 1.22,
    2011: 1.63,
    2012: 2.05,
    2013: 2.38,
    2014: 2.36,
    2015: 2.80,
    2016: 3.46,
    2017: 3.70,
    2018: 4.32,
    2019: 4.38,
    2020: 5.19,
    2021: 5.24,
    2022: 5.36,
    2023: 5.30,
}
FIRST_DAY = (dt.date(2005, 1, 1) - dt.date(1970, 1, 1)).days
DESIGN_15Y = (dt.date(2021, 6, 1) - dt.date(1970, 1, 1)).days
STATUS = {s: i for i, s in enumerate(LEGAL_STATUSES)}
RAW = (
    "实质审查",
    "公开",
    "授权",
    "未缴年费",
    "期限届满",
    "撤回",
    "驳回",
    "放弃",
    "全部无效",
    "进入国家阶段-PCT有效期内",
    "未进入国家阶段-PCT有效期内",
    "进入国家阶段-PCT有效期满",
    "未进入国家阶段-PCT有效期满",
)
_RAW_OF = {
    "granted": 2,
    "lapsed": 3,
    "expired": 4,
    "withdrawn": 5,
    "rejected": 6,
    "abandoned": 7,
    "invalidated": 8,
}
#: Share of documents claiming an earlier priority, per office (CN per type: invention, utility model, design).
_PRIORITY = {US: 0.55, WO: 0.75, EP: 0.70, JP: 0.30, KR: 0.35, DE: 0.20}
_PRIORITY_CN = (0.04, 0.02, 0.01)
#: Median years from filing to the examination decision, per office.
_EXAM_YEARS = {CN: 2.5, US: 2.4, WO: 2.0, EP: 3.5, JP: 2.5, KR: 1.8, DE: 2.8}
_OUTCOME_CN = d.cdf([57, 25, 16, 2])  # granted, withdrawn, rejected, abandoned
_OUTCOME_ABROAD = d.cdf([65, 15, 10, 10])
#: Mean years a granted right is kept beyond its first year (invention CN, utility model, design, foreign).
_KEEP = (7.0, 3.0, 2.5, 9.0)


def civil(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(year, month, day) of epoch days (H. Hinnant's civil_from_days, integer arithmetic)."""
    z = np.asarray(days, dtype=np.int64) + 719468
    era = np.floor_divide(z, 146097)
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = np.where(mp < 10, mp + 3, mp - 9)
    return yoe + era * 400 + (month <= 2), month, day


def epoch_days(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Inverse of :func:`civil` (days_from_civil)."""
    y = year - (month <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    doy = (153 * np.where(month > 2, month - 3, month + 9) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def add_months(days: np.ndarray, months: np.ndarray | int) -> np.ndarray:
    """Same day ``months`` later; a day the month lacks (29 February) moves to the 1st of the next month.

    >>> import datetime as dt
    >>> epoch = dt.date(1970, 1, 1)
    >>> [epoch + dt.timedelta(int(x)) for x in add_months(np.array([(dt.date(2004, 2, 29) - epoch).days]), 12)]
    [datetime.date(2005, 3, 1)]
    """
    year, month, day = civil(days)
    total = year * 12 + (month - 1) + months
    year, month = total // 12, total % 12 + 1
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    length = np.where(month == 2, 28 + leap, 30 + ((month + (month >= 8)) % 2))
    overflow = day > length
    return epoch_days(
        np.where(overflow & (month == 12), year + 1, year),
        np.where(overflow, month % 12 + 1, month),
        np.where(overflow, 1, day),
    )


def lifecycle(st: d.Rand, office: np.ndarray, ptype: np.ndarray, today: int, cum: np.ndarray) -> dict:
    n = len(office)
    cn = office == CN
    inv, um, design = cn & (ptype == 0), cn & (ptype == 1), cn & (ptype == 2)
    wo = office == WO
    # Priority offset (application - priority) and lag from priority to first publication.
    share = np.select([inv, um, design], _PRIORITY_CN, 0.0) + np.select(
        [office == o for o in _PRIORITY], list(_PRIORITY.values()), 0.0
    )
    u = st.u("priority_offset")
    has_priority = st.u("has_priority") < share
    offset = np.where(
        ~has_priority, 0, np.where(cn, np.where(design, 30 + u * 150, 30 + u * 330), 300 + u * 65)
    )
    offset = offset.astype(np.int64)
    u = st.u("publication_lag")
    early = st.u("early_publication") < 0.4
    lag = 548 + (u * 14).astype(np.int64)
    lag = np.where(inv & early, np.maximum(100 + (u * 440).astype(np.int64), offset + 60), lag)
    lag = np.where(um, offset + 100 + (u * 230).astype(np.int64), lag)
    lag = np.where(design, offset + 70 + (u * 200).astype(np.int64), lag)
    priority = d.sample_days(cum, FIRST_DAY, today - lag, st.u("priority_date"))
    app = priority + offset
    pub1 = priority + lag
    # Examination of inventions (utility models and designs: granted at publication; WO: never examined).
    median = np.select([office == o for o in _EXAM_YEARS], list(_EXAM_YEARS.values()))
    years = np.clip(median * np.exp(0.35 * st.normal("exam_years")), 0.8, 8.0)
    decision = np.maximum(app + (years * 365.25).astype(np.int64), pub1 + 60)
    decision = np.where(um | design, pub1, decision)
    u = st.u("outcome")
    outcome = np.where(cn, d.pick(_OUTCOME_CN, u), d.pick(_OUTCOME_ABROAD, u))
    outcome = np.where(um | design, 0, outcome)
    pending = (decision > today) & ~wo
    granted = (outcome == 0) & ~pending & ~wo
    grant = np.where(granted, decision, -1)
    # After grant: annuities stop, term ends, invalidation, abandonment (utility models).
    keep = np.select([inv, um, design], _KEEP[:3], _KEEP[3])
    lapse = grant + (365.25 * (1.0 + -np.log1p(-st.u("keep_years")) * keep)).astype(np.int64)
    term = np.where(um, 10, np.where(design, np.where(app >= DESIGN_15Y, 15, 10), 20))
    expiry = add_months(app, 12 * term)
    never = np.iinfo(np.int64).max
    u = st.u("invalidated")
    invalid = np.where(u < 0.004, grant + 365 + (u / 0.004 * 5 * 365).astype(np.int64), never)
    u = st.u("abandoned_right")
    abandon = np.where(um & (u < 0.03), grant + 30 + (u / 0.03 * 700).astype(np.int64), never)
    events = np.stack([invalid, abandon, lapse, expiry], axis=1)
    first_event = events.argmin(axis=1)
    event_day = events.min(axis=1)
    after = np.array([STATUS["invalidated"], STATUS["abandoned"], STATUS["lapsed"], STATUS["expired"]])
    status = np.where(event_day <= today, after[first_event], STATUS["granted"])
    refused = np.array([STATUS["granted"], STATUS["withdrawn"], STATUS["rejected"], STATUS["abandoned"]])
    status = np.where(granted, status, refused[outcome])
    status = np.where(pending, STATUS["pending"], status)
    wo_open = today < add_months(priority, 30)
    status = np.where(wo, np.where(wo_open, STATUS["pending"], STATUS["expired"]), status)
    # Raw (incoPat) wording.
    u = st.u("raw_wording")
    raw = np.full(n, 0)
    for name, code in _RAW_OF.items():
        raw[status == STATUS[name]] = code
    raw[pending & (today - pub1 < 365) & (u < 0.4)] = 1
    raw[wo] = np.where(wo_open, np.where(u < 0.6, 9, 10), np.where(u < 0.7, 11, 12))[wo]
    kind_b = granted & ~um & ~design
    return {
        "priority_date": priority,
        "app_date": app,
        "pub1": pub1,
        "pub_date": np.where(kind_b, grant, pub1),
        "grant_date": grant,
        "granted": granted,
        "legal_status": status,
        "legal_status_raw": raw,
        "is_valid": status == STATUS["granted"],
    }
