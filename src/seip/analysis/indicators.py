"""Official IP indicators (``seip indicators``): valid and high-value invention patents, per 10,000 residents, by
province and city; SEI invention patents; PCT applications; overseas families; lapsed and expired patents.

May import: seip.analysis (its own modules), seip.i18n, stdlib, ibis.

Every indicator is registered with ``kind="official"`` and returns one row per region (national, 31 provinces,
their cities) with :data:`seip.analysis.registry.OFFICIAL_COLUMNS` plus ``undetermined``. docs/indicators.md
defines each figure; the rules shared by all of them:

* **Unit**: a patent application (documents of one application folded: :func:`seip.analysis.stats.applications`).
* **Domestic**: the first applicant is in mainland China (``applicant_country = 'CN'``; Hong Kong, Macao and
  Taiwan are not domestic, as in CNIPA's 国内(不含港澳台) figures). The region is the first applicant's province
  and city; the holder today is taken to be the first applicant (transfers are not followed).
* **Stock at a date** (``year`` given: 31 December of that year; else the corpus as it stands): a right is in
  force when granted on or before the date and not ended by then. Rights valid today are taken to have been in
  force since grant. A right that has ended carries its end date from the legal events (lapse, expiry,
  invalidation, abandonment; the latest one), an expired right failing that the end of its term. A right that
  ended on a date the data do not give, or whose status or grant date is unknown, is **undetermined**: not
  counted, and reported in the ``undetermined`` column so the figure can be read as a lower bound.
* **Flows** (PCT applications, overseas families) count filings in the year given, or all filings without one.
"""

from __future__ import annotations

import datetime as dt

import ibis
import ibis.expr.types as ir

from seip.analysis._backend import Tables
from seip.analysis.highvalue import PLEDGE_MIN, coverage, has_sei, high_value_counts, with_criteria
from seip.analysis.population import population_table
from seip.analysis.registry import indicator
from seip.analysis.rights import END_EVENTS, statutory_end

__all__ = [
    "END_EVENTS",
    "as_of_date",
    "by_region",
    "cn_rights",
    "criteria_coverage",
    "high_value_patents",
    "valid_inventions",
]

#: Statuses of a right that ended before its term: unpaid fees, invalidation, surrender.
LAPSED = ("lapsed", "invalidated", "abandoned")


def as_of_date(year: int | None) -> dt.date | None:
    """31 December of ``year`` (None: the corpus as it stands)."""
    return dt.date(year, 12, 31) if year is not None else None


def _end_events(tables: Tables) -> ir.Table:
    """Per application: ``_end_event``, the date of its latest right-ending legal event."""
    ev, p = tables.legal_events, tables.patents
    ev = ev.filter(ev.category.isin(END_EVENTS) & ev.event_date.notnull())
    keys = p.select(_pub=p.pub_number, _akey=ibis.coalesce(p.app_number, p.pub_number))
    keys = keys.semi_join(ev, keys._pub == ev.pub_number)  # only the documents that have such events
    j = ev.join(keys, ev.pub_number == keys._pub)
    return j.group_by(j._akey).aggregate(_end_event=j.event_date.max())


def cn_rights(tables: Tables, *, year: int | None = None) -> ir.Table:
    """CN applications with the state of their right at the end of ``year`` (or today).

    Adds to the application table: ``end_date`` (first day not in force, where known), ``in_force`` (True,
    False, or NULL = undetermined), ``ended`` (``lapsed`` = ended before term, ``expired`` = term ended, or
    NULL) and ``ended_unknown`` (a right now lapsed, granted by the date, that may or may not have ended by
    then: its end date is not in the data), all as of the date.
    """
    as_of = as_of_date(year)
    a = tables.applications
    a = a.filter(a.pub_country == "CN")
    if as_of is None:  # today the status says it all; dated events matter only for a past date
        a = a.mutate(_akey=ibis.null("string"), _end_event=ibis.null("date"))
    elif "end_event" in a.columns:  # dated once per corpus state (seip.analysis.rights)
        a = a.mutate(_akey=ibis.null("string"), _end_event=a.end_event)
    else:
        ends = _end_events(tables)
        a = a.left_join(ends, a.akey == ends._akey)
    status = a.legal_status
    term = statutory_end(a)
    end_date = ibis.cases(
        (a.is_valid.fill_null(False), ibis.null("date")),
        (status == "expired", ibis.coalesce(a._end_event, term)),
        (status.isin(LAPSED), a._end_event),
        else_=ibis.null("date"),
    )
    granted_right = (status.isin(["lapsed", "invalidated", "expired"]) | a.grant_date.notnull()) & ~(
        status.isin(["pending", "withdrawn", "rejected"])
    )
    a = a.mutate(end_date=end_date, _granted=granted_right)
    if as_of is None:
        in_force = a.is_valid
        ended = ibis.cases(
            (status == "expired", "expired"),
            (status.isin(LAPSED) & a._granted, "lapsed"),
            else_=ibis.null("string"),
        )
        unknown = ibis.literal(False)
    else:
        cut = ibis.literal(as_of, "date")
        in_force = ibis.cases(
            (a.grant_date.isnull(), ibis.ifelse(a.is_valid == False, False, ibis.null("boolean"))),  # noqa: E712
            (a.grant_date > cut, False),
            (a.is_valid, True),
            (a.is_valid.isnull(), ibis.null("boolean")),
            (a.end_date.notnull(), a.end_date > cut),
            (term <= cut, False),
            else_=ibis.null("boolean"),
        )
        ended_by = a._granted & (a.end_date <= cut)
        ended = ibis.cases(
            (ended_by & (status == "expired"), "expired"),
            (ended_by & status.isin(LAPSED), "lapsed"),
            else_=ibis.null("string"),
        )
        unknown = (
            a._granted
            & status.isin(LAPSED)
            & a.end_date.isnull()
            & (a.grant_date.isnull() | (a.grant_date <= cut))
        )
    a = a.mutate(in_force=in_force, ended=ended, ended_unknown=unknown.fill_null(False))
    # select, not drop: ibis orders the EXCLUDE list of a multi-column drop by hash (the SQL would vary by run)
    return a.select(*[c for c in a.columns if c not in ("_akey", "_end_event", "_granted")])


def valid_inventions(tables: Tables, *, year: int | None = None) -> ir.Table:
    """Domestic CN invention applications with ``in_force`` at the end of ``year`` (or today): True rows are
    the valid invention patents (有效发明专利), NULL rows undetermined."""
    r = cn_rights(tables, year=year)
    return r.filter((r.patent_type == "invention") & (r.applicant_country == "CN"))


def by_region(
    rows: ir.Table,
    counted: ir.BooleanValue,
    undetermined: ir.BooleanValue | None = None,
    *,
    per_10k: bool = False,
) -> ir.Table:
    """Count ``rows`` where ``counted`` holds, nationally, by province and by city, with the population.

    Returns :data:`~seip.analysis.registry.OFFICIAL_COLUMNS` plus ``undetermined`` for every region of the
    population table (zero where no row falls in it) and every region that has rows but no census figure.
    ``per_10k``: ``value`` = numerator × 10,000 ÷ population, ``denominator`` = population; else ``value`` =
    numerator and ``denominator`` NULL.
    """
    r = rows.mutate(
        _n=counted.fill_null(False).cast("int64"),
        _u=(undetermined.fill_null(False) if undetermined is not None else ibis.literal(False)).cast("int64"),
    )
    # One pass over the rows, by city; provinces and the nation are sums of that small table.
    g = r.group_by(["province", "city"]).aggregate(numerator=r._n.sum(), undetermined=r._u.sum())
    sums = dict(numerator=g.numerator.sum(), undetermined=g.undetermined.sum())
    null_str = ibis.null("string")
    nat = g.aggregate(**sums).mutate(
        level=ibis.literal("national"), province=null_str, region=ibis.literal("全国")
    )
    prov = g.filter(g.province.notnull()).group_by("province").aggregate(**sums)
    prov = prov.mutate(level=ibis.literal("province"), region=prov.province)
    city = g.filter(g.city.notnull())
    city = city.mutate(level=ibis.literal("city"), region=city.city)
    cols = ["level", "province", "region", "numerator", "undetermined"]
    counts = ibis.union(nat.select(cols), prov.select(cols), city.select(cols))
    pop = population_table()
    j = pop.outer_join(counts, [pop.level == counts.level, pop.name == counts.region])
    numerator = j.numerator.fill_null(0)
    population = j.population
    out = j.select(
        level=ibis.coalesce(j.level, j.level_right),
        province=ibis.coalesce(j.province, j.province_right),
        region=ibis.coalesce(j.name, j.region),
        numerator=numerator,
        denominator=population if per_10k else ibis.null("int64"),
        value=(numerator.cast("float64") * 10_000 / population) if per_10k else numerator.cast("float64"),
        undetermined=j.undetermined.fill_null(0),
    )
    return out


_DOMESTIC_ZH = "专利权人（第一申请人）在中国内地（不含港澳台），按其所在省、市归属"
_DOMESTIC_EN = (
    "first applicant in mainland China (Hong Kong, Macao and Taiwan excluded), counted where it is located"
)
_STOCK_ZH = "统计时点：给定年份年末（--year），否则为专利库现状；无法确定当时是否有效的计入“待定”"
_STOCK_EN = (
    "as of 31 December of the year given (--year), else the corpus as it stands; rights whose state then cannot "
    "be told are reported as undetermined"
)
_POP_ZH = "人口为2020年第七次全国人口普查常住人口"
_POP_EN = "population: resident population of the 2020 census"


@indicator(
    "valid_invention_patents",
    f"有效发明专利拥有量：国家知识产权局授予、在统计时点仍有效的发明专利件数；{_DOMESTIC_ZH}；{_STOCK_ZH}。",
    f"Valid invention patents: CNIPA invention patents in force at the date; {_DOMESTIC_EN}; {_STOCK_EN}.",
    kind="official",
    example={"year": 2020},
)
def valid_invention_patents(tables: Tables, *, year: int | None = None) -> ir.Table:
    v = valid_inventions(tables, year=year)
    return by_region(v, v.in_force, v.in_force.isnull())


@indicator(
    "valid_invention_per_10k",
    f"每万人口发明专利拥有量：有效发明专利拥有量 ÷ 常住人口 × 10000；{_POP_ZH}。",
    f"Valid invention patents per 10,000 residents: valid invention patents ÷ population × 10,000; {_POP_EN}.",
    kind="official",
    example={"year": 2020},
)
def valid_invention_per_10k(tables: Tables, *, year: int | None = None) -> ir.Table:
    v = valid_inventions(tables, year=year)
    return by_region(v, v.in_force, v.in_force.isnull(), per_10k=True)


def high_value_patents(
    tables: Tables, *, year: int | None = None, pledge_min: float = PLEDGE_MIN
) -> ir.Table:
    """Valid domestic invention patents at the end of ``year`` (or today) with the CNIPA criteria each meets
    (:func:`seip.analysis.highvalue.with_criteria`); rows with ``in_force`` NULL are undetermined."""
    v = valid_inventions(tables, year=year)
    v = v.filter(v.in_force.isnull() | v.in_force)
    return with_criteria(v, tables, as_of=as_of_date(year), pledge_min=pledge_min)


_HV_ZH = (
    "高价值发明专利拥有量：有效发明专利中符合下列任一条件的件数（国家知识产权局口径）：(1)战略性新兴产业的发明专利；"
    "(2)在海外有同族专利权；(3)维持年限超过10年；(4)实现较高质押融资金额（默认累计≥1000万元）；"
    "(5)获得国家科学技术奖或中国专利奖。每件专利列出所符合的条件，输出说明哪些条件能在本库评估"
)
_HV_EN = (
    "High-value invention patents: valid invention patents meeting any of CNIPA's five criteria: (1) in a "
    "strategic emerging industry; (2) a patent family member abroad; (3) maintained for more than 10 years; "
    "(4) a high pledge financing amount (default: at least 10 million yuan in total); (5) the national S&T "
    "award or the China Patent Award. Each patent lists the criteria it meets; the output says which criteria "
    "could be evaluated on this corpus"
)


@indicator(
    "high_value_invention_patents",
    f"{_HV_ZH}；{_DOMESTIC_ZH}；{_STOCK_ZH}。",
    f"{_HV_EN}; {_DOMESTIC_EN}; {_STOCK_EN}.",
    kind="official",
    example={"year": 2020},
)
def high_value_invention_patents(
    tables: Tables, *, year: int | None = None, pledge_min: float = PLEDGE_MIN
) -> ir.Table:
    h = _high_value_rows(tables, year, pledge_min)
    return by_region(h, h.counted, h.undetermined)


@indicator(
    "high_value_invention_per_10k",
    f"每万人口高价值发明专利拥有量：高价值发明专利拥有量 ÷ 常住人口 × 10000；{_POP_ZH}。",
    f"High-value invention patents per 10,000 residents: high-value invention patents ÷ population × 10,000; {_POP_EN}.",
    kind="official",
    example={"year": 2020},
)
def high_value_invention_per_10k(
    tables: Tables, *, year: int | None = None, pledge_min: float = PLEDGE_MIN
) -> ir.Table:
    h = _high_value_rows(tables, year, pledge_min)
    return by_region(h, h.counted, h.undetermined, per_10k=True)


def _high_value_rows(tables: Tables, year: int | None, pledge_min: float) -> ir.Table:
    """What the two high-value indicators count: :func:`high_value_patents` reduced to ``province``, ``city``,
    ``counted`` (in force and high-value) and ``undetermined`` (undetermined and high-value), without listing the
    criteria of every patent (:func:`seip.analysis.highvalue.high_value_counts`)."""

    def valid(t: Tables) -> ir.Table:
        v = valid_inventions(t, year=year)
        return v.filter(v.in_force.isnull() | v.in_force)

    return high_value_counts(valid, tables, as_of=as_of_date(year), pledge_min=pledge_min)


@indicator(
    "sei_invention_patents",
    f"战略性新兴产业发明专利拥有量：有效发明专利中属于战略性新兴产业（《战略性新兴产业分类(2018)》，按国家知识产权局2021年参照关系表）的件数；{_DOMESTIC_ZH}；{_STOCK_ZH}。",
    f"SEI invention patents: valid invention patents in a strategic emerging industry (SEI 2018, via CNIPA's 2021 IPC concordance); {_DOMESTIC_EN}; {_STOCK_EN}.",
    kind="official",
    example={"year": 2020},
)
def sei_invention_patents(tables: Tables, *, year: int | None = None) -> ir.Table:
    v = valid_inventions(tables, year=year)
    sei = has_sei(v)
    return by_region(v, v.in_force & sei, v.in_force.isnull() & sei)


@indicator(
    "pct_applications",
    f"PCT国际专利申请量：申请人为国内的PCT国际申请件数（以WO公布文本计，按国际申请日所在年份；不给年份时为库中全部）；{_DOMESTIC_ZH}。国际申请自优先权日起18个月公布，最近两年不完整。",
    f"PCT applications: international applications (WO publications) of domestic applicants, by the year of the international filing date (all years without --year); {_DOMESTIC_EN}. They are published 18 months after priority: the last two years are incomplete.",
    kind="official",
    example={"year": 2020},
)
def pct_applications(tables: Tables, *, year: int | None = None) -> ir.Table:
    a = tables.applications
    a = a.filter((a.pub_country == "WO") & (a.applicant_country == "CN"))
    if year is not None:
        a = a.filter(a.app_date.year() == year)
    return by_region(a, ibis.literal(True))


@indicator(
    "overseas_families",
    f"海外专利布局（按同族计）：至少有一件成员向中国以外的专利局（不含WIPO）提出（或同族国家含境外）、且族内最早申请为国内申请人的专利族数，按该最早申请归属地区；同族按 family_id，无族号的申请自成一族；给定年份时按族内最早申请（优先权）日所在年份；{_DOMESTIC_ZH}。",
    f"Overseas filings by family: patent families with at least one member filed (or listed in family_countries) at an office other than CNIPA (WIPO not counted) whose earliest filing is a domestic applicant's, counted where that filing's applicant is; families by family_id, an application without one being its own family; with --year, by the year of the family's earliest filing or priority date; {_DOMESTIC_EN}.",
    kind="official",
    example={"year": 2020},
)
def overseas_families(tables: Tables, *, year: int | None = None) -> ir.Table:
    a = tables.applications
    f = a.filter(a.family_lead & (a.applicant_country == "CN"))  # one row per family, its earliest filing
    if year is not None:
        f = f.filter(f.family_first.year() == year)
    return by_region(f, f.family_abroad)


@indicator(
    "lapsed_patents",
    f"失效专利（提前终止）：国家知识产权局授予的发明、实用新型和外观设计专利中，因未缴年费、放弃或被宣告无效而在统计时点前终止的件数（不含期限届满）；{_DOMESTIC_ZH}；{_STOCK_ZH}。",
    f"Lapsed patents: CNIPA patents of all three types whose right ended before its term (unpaid fees, surrender, invalidation) by the date; term expiry not included; {_DOMESTIC_EN}; {_STOCK_EN}.",
    kind="official",
    example={"year": 2020},
)
def lapsed_patents(tables: Tables, *, year: int | None = None) -> ir.Table:
    r = cn_rights(tables, year=year)
    r = r.filter(r.applicant_country == "CN")
    return by_region(r, r.ended == "lapsed", r.ended_unknown)


@indicator(
    "expired_patents",
    f"期限届满专利：国家知识产权局授予的发明、实用新型和外观设计专利中保护期在统计时点前届满的件数（发明20年、实用新型10年、外观设计10年（2021年6月1日起申请的15年），自申请日起算）；{_DOMESTIC_ZH}；{_STOCK_ZH}。",
    f"Expired patents: CNIPA patents of all three types whose term ended by the date (invention 20 years, utility model 10, design 10, or 15 when filed from 2021-06-01, counted from filing); {_DOMESTIC_EN}; {_STOCK_EN}.",
    kind="official",
    example={"year": 2020},
)
def expired_patents(tables: Tables, *, year: int | None = None) -> ir.Table:
    r = cn_rights(tables, year=year)
    r = r.filter(r.applicant_country == "CN")
    return by_region(r, r.ended == "expired")


@indicator(
    "high_value_criteria",
    "高价值发明专利各条件的可评估性：有效发明专利数、具备各条件所需数据的件数、导入清单行数、符合各条件的件数。",
    "What the high-value criteria rest on: valid invention patents, patents carrying the data each criterion needs, rows of imported lists, and patents meeting each criterion.",
    example={"year": 2020},
)
def criteria_coverage(tables: Tables, *, year: int | None = None, pledge_min: float = PLEDGE_MIN) -> ir.Table:
    v = valid_inventions(tables, year=year)
    return coverage(v.filter(v.in_force), tables, as_of=as_of_date(year), pledge_min=pledge_min)
