"""Technology life cycle (技术生命周期) of an SEI category, an IPC symbol or a search result.

May import: seip.analysis (its own modules), seip.store, seip.taxonomy, seip.records, stdlib, ibis.

:func:`yearly` and :func:`windows` are ibis expressions (nothing here executes); :func:`judge` reads their small
executed results and names the stage. Definitions, thresholds and their reasons: docs/analysis.md
("Technology life cycle"). In short, per filing year *t* of the selection:

* ``applications``: applications (:func:`seip.analysis.stats.applications`: one per application number, an
  application published twice, A then B, counts once); ``a`` inventions, ``b`` utility models, ``designs``;
* ``applicants``: distinct normalised applicants (every co-applicant counts);
* ``c``: rights that ended in year *t* (lapsed, expired, invalidated, abandoned), dated by a legal event or, for
  expiry, by the statutory term; ended rights without a datable end are counted in ``ended_undated``;
* ``v = a / A`` 技术生长率 with ``A`` (column ``a_5y``) the inventions filed in the five years *t*-4…*t*;
  ``alpha = a / (a + b)`` 技术成熟系数; ``beta = (a + b) / (a + b + c)`` 技术衰老系数;
* ``complete``: the year's filings are all published by the data cut-off (end of the year + 18 months, the
  publication delay of inventions); incomplete years are shown but never used in the judgement.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from seip.analysis._backend import Tables
from seip.analysis.value import round_half_up

#: Months from the end of a filing year until all its applications are published (inventions: 18 months).
PUBLICATION_LAG_MONTHS = 18
V_YEARS = 5  # A in v = a/A: inventions filed in the last five years, the year itself included
JUDGE_YEARS = 3  # the judgement compares the last 3 complete years (J) with the 3 before (B)
MIN_FILINGS = 30  # fewer applications than this in J and B together: no stage is named
GROWTH = 0.20  # ±20 % between the two windows counts as growth or decline
EMERGING_GROWTH = 1.0  # doubling…
EMERGING_BASE = 50  # …from fewer than 50 applications in B
AGEING_BETA = 0.5  # beta below this: more rights ended than applications were filed

STAGES = {
    "emerging": ("萌芽期", "emerging"),
    "growth": ("成长期", "growth"),
    "mature": ("成熟期", "mature"),
    "decline": ("衰退期", "decline"),
    "undetermined": ("无法判断（数据不足）", "undetermined (too little data)"),
}
ENDED_STATUSES = ("lapsed", "expired", "invalidated", "abandoned")


def select(tables: Tables, *, sei: str | None = None, ipc: str | None = None) -> Tables:
    """``tables`` narrowed to one SEI code (``1.5``; a first-level code ``1`` takes the whole industry) and/or
    to applications with an IPC symbol starting with ``ipc`` (``H01M``, ``H01M10`` = main group H01M10/…,
    ``H01M10/05``). A search result narrows with :func:`seip.analysis.stats.restrict`."""
    apps, docs = tables.applications, tables.patents
    if not (sei or ipc):
        return tables
    if sei:
        codes = apps.sei_codes if "." in sei else apps.sei_top
        apps = apps.filter(codes.contains(sei).fill_null(False))
    if ipc:
        prefix = ipc_prefix(ipc)
        # Any document of the application carrying a matching symbol selects the application.
        hit = docs.filter(docs.ipc.map(lambda s: s.startswith(prefix)).anys().fill_null(False))
        keys = hit.select(k=ibis.coalesce(hit.app_number, hit.pub_number))
        apps = apps.semi_join(keys, apps.akey == keys.k)
    return narrowed(tables, apps)


#: Columns of the application table the life cycle (and :func:`seip.analysis.lapsed.end_dates`) read.
COLUMNS = ("akey", "pub_number", "pub_country", "app_date", "pub_date", "grant_date", "patent_type",
           "legal_status", "applicants_std")  # fmt: skip


def narrowed(tables: Tables, apps: ir.Table) -> Tables:
    """``tables`` restricted to the applications ``apps`` (a subset of ``tables.applications``, possibly
    materialised by the caller) and their documents."""
    docs = tables.patents
    docs = docs.semi_join(apps, ibis.coalesce(docs.app_number, docs.pub_number) == apps.akey)
    return Tables(docs, tables.legal_events, tables.awards, apps)


def ipc_prefix(ipc: str) -> str:
    """The prefix a canonical IPC symbol must start with: a main group without ``/`` gets one (``H01M10`` must
    not match ``H01M100/…``).

    >>> ipc_prefix("h01m 10"), ipc_prefix("H01M"), ipc_prefix("H01M10/05")
    ('H01M10/', 'H01M', 'H01M10/05')
    """
    s = ipc.replace(" ", "").upper()
    return s + "/" if len(s) > 4 and "/" not in s else s


def last_complete_year(cutoff: dt.date, lag_months: int = PUBLICATION_LAG_MONTHS) -> int:
    """The last filing year whose applications are all published by ``cutoff``.

    >>> last_complete_year(dt.date(2023, 5, 26)), last_complete_year(dt.date(2023, 6, 30))
    (2020, 2021)
    """
    year = cutoff.year
    while True:
        months = 12 * (year + 1) + lag_months  # first day after the lag, counted in months from year 0
        first_after = dt.date(months // 12, months % 12 + 1, 1)
        if first_after - dt.timedelta(days=1) <= cutoff:
            return year
        year -= 1


def data_cutoff(patents: ir.Table) -> ir.Table:
    """One row, ``cutoff``: the latest publication date of the corpus (what the data can know)."""
    return patents.aggregate(cutoff=patents.pub_date.max())


def yearly(selection: Tables, ended: ir.Table, *, cutoff: dt.date) -> ir.Table:
    """Applications, applicants, a, b, c, v, alpha, beta and ``complete`` per filing year, from the first
    filing year of the selection to the cut-off year (years without filings appear with zeros).

    ``ended`` is :func:`seip.analysis.lapsed.end_dates` of the corpus (only applications of the selection
    count).
    """
    s = selection.applications
    year = s.app_date.year().cast("int64")
    dated = s.filter(year.notnull()).mutate(year=year)
    counts = dated.group_by("year").aggregate(
        applications=dated.count(),
        a=dated.count(where=dated.patent_type == "invention"),
        b=dated.count(where=dated.patent_type == "utility_model"),
        designs=dated.count(where=dated.patent_type == "design"),
    )
    people = s.select(year=year, applicant=s.applicants_std.unnest())
    people = people.group_by("year").aggregate(applicants=people.applicant.nunique())
    e = ended.filter(ended.reason.isin(list(ENDED_STATUSES))).semi_join(s, "akey")
    undated = e.filter(e.end_date.isnull()).aggregate(ended_undated=ibis._.count())
    e_year = e.end_date.year().cast("int64")
    e = e.filter(e_year.notnull()).mutate(year=e_year)
    ends = e.group_by("year").aggregate(c=e.count())
    bounds = counts.aggregate(lo=counts.year.min())
    spine = bounds.select(year=ibis.range(bounds.lo, ibis.literal(cutoff.year + 1)).unnest())
    t = spine.left_join(counts, "year").left_join(people, "year").left_join(ends, "year")
    zero = {c: t[c].fill_null(0) for c in ("applications", "a", "b", "designs", "applicants", "c")}
    t = t.select("year", **zero)
    big_a = t.a.sum().over(ibis.window(order_by=t.year, preceding=V_YEARS - 1, following=0))
    ab, abc = t.a + t.b, t.a + t.b + t.c
    t = t.mutate(
        a_5y=big_a,
        v=ibis.cases((big_a > 0, round_half_up(t.a / big_a, 6)), else_=ibis.null("float64")),
        alpha=ibis.cases((ab > 0, round_half_up(t.a / ab, 6)), else_=ibis.null("float64")),
        beta=ibis.cases((abc > 0, round_half_up(ab / abc, 6)), else_=ibis.null("float64")),
        complete=t.year <= last_complete_year(cutoff),
    )
    return t.cross_join(undated).order_by("year")


def windows(selection: Tables, *, last_year: int) -> ir.Table:
    """One row: applications and distinct applicants in J (``last_year``-2…``last_year``) and in B (the three
    years before)."""
    s = selection.applications
    year = s.app_date.year().cast("int64")
    j0, b0 = last_year - JUDGE_YEARS + 1, last_year - 2 * JUDGE_YEARS + 1
    apps = s.aggregate(
        applications_j=s.count(where=year.between(j0, last_year)),
        applications_b=s.count(where=year.between(b0, j0 - 1)),
    )
    people = s.select(year=year, applicant=s.applicants_std.unnest())
    py = people.year
    who = people.aggregate(
        applicants_j=people.applicant.nunique(where=py.between(j0, last_year)),
        applicants_b=people.applicant.nunique(where=py.between(b0, j0 - 1)),
    )
    return apps.cross_join(who)


@dataclass
class Judgement:
    """The stage named by the rules, with every value and rule that led to it."""

    stage: str
    last_complete_year: int
    window_j: tuple[int, int]
    window_b: tuple[int, int]
    values: dict[str, float | int | None]
    rules: list[dict]

    def as_dict(self) -> dict:
        return {
            "stage": self.stage,
            "stage_zh": STAGES[self.stage][0],
            "stage_en": STAGES[self.stage][1],
            "last_complete_year": self.last_complete_year,
            "window_j": list(self.window_j),
            "window_b": list(self.window_b),
            "values": self.values,
            "rules": self.rules,
        }


def _growth(new: int, base: int) -> float | None:
    """new / base - 1; +inf from a base of 0 (anything is growth from nothing); None when both are 0."""
    if base:
        return new / base - 1
    return math.inf if new else None


def judge(years: list[dict], win: dict, *, cutoff: dt.date) -> Judgement:
    """Name the stage from the executed :func:`yearly` rows and :func:`windows` row (rules in order, the first
    that holds decides):

    1. undetermined: fewer than ``MIN_FILINGS`` applications in J and B together;
    2. emerging: applications and applicants at least doubled (``EMERGING_GROWTH``) from a base under
       ``EMERGING_BASE`` applications;
    3. growth: applications and applicants both grew by at least ``GROWTH``;
    4. decline: both fell by at least ``GROWTH``, or applications fell while beta over J is below
       ``AGEING_BETA`` (more rights ended than were filed);
    5. mature: anything else (filings level, or filings and applicants moving apart: consolidation).
    """
    last = last_complete_year(cutoff)
    j0, b0 = last - JUDGE_YEARS + 1, last - 2 * JUDGE_YEARS + 1
    rows = {r["year"]: r for r in years}

    def total(key: str, lo: int, hi: int) -> int:
        return sum(int(rows[y][key]) for y in range(lo, hi + 1) if y in rows)

    n_j, n_b = int(win["applications_j"]), int(win["applications_b"])
    p_j, p_b = int(win["applicants_j"]), int(win["applicants_b"])
    g_n, g_p = _growth(n_j, n_b), _growth(p_j, p_b)
    a_j, ab_j, c_j = total("a", j0, last), total("a", j0, last) + total("b", j0, last), total("c", j0, last)
    beta_j = ab_j / (ab_j + c_j) if ab_j + c_j else None
    alpha_j = a_j / ab_j if ab_j else None

    # A growth exactly at a threshold meets it (120/100 - 1 is 0.19999999999999996 in binary).
    def ge(g: float | None, x: float) -> bool:
        return g is not None and g >= x - 1e-9

    def le(g: float | None, x: float) -> bool:
        return g is not None and g <= x + 1e-9

    checks = [
        ("undetermined", f"N_J + N_B < {MIN_FILINGS}", n_j + n_b < MIN_FILINGS),
        (
            "emerging",
            f"g_N >= {EMERGING_GROWTH} and g_P >= {EMERGING_GROWTH} and N_B < {EMERGING_BASE}",
            ge(g_n, EMERGING_GROWTH) and ge(g_p, EMERGING_GROWTH) and n_b < EMERGING_BASE,
        ),
        ("growth", f"g_N >= {GROWTH} and g_P >= {GROWTH}", ge(g_n, GROWTH) and ge(g_p, GROWTH)),
        (
            "decline",
            f"(g_N <= -{GROWTH} and g_P <= -{GROWTH}) or (g_N < 0 and beta_J < {AGEING_BETA})",
            (le(g_n, -GROWTH) and le(g_p, -GROWTH))
            or (g_n is not None and g_n < 0 and beta_j is not None and beta_j < AGEING_BETA),
        ),
        ("mature", "otherwise", True),
    ]
    stage = next(name for name, _, held in checks if held)

    def num(x: float | None) -> float | None:
        return None if x is None or math.isinf(x) else round(x, 4)

    values = {
        "N_J": n_j,
        "N_B": n_b,
        "P_J": p_j,
        "P_B": p_b,
        "g_N": num(g_n),
        "g_P": num(g_p),
        "alpha_J": num(alpha_j),
        "beta_J": num(beta_j),
        "v_last": rows[last]["v"] if last in rows else None,
    }
    rules = [{"stage": name, "condition": cond, "held": held} for name, cond, held in checks]
    return Judgement(stage, last, (j0, last), (b0, j0 - 1), values, rules)
