"""CNIPA's high-value invention patents (高价值发明专利): the five criteria, evaluated per patent.

May import: seip.analysis (its own modules), seip.i18n, stdlib, ibis.

CNIPA counts as high-value a valid invention patent that meets any of (CNIPA press conference, Q2 2021; the
definition behind 每万人口高价值发明专利拥有量 in the 14th five-year plans):

1. ``sei``: it belongs to a strategic emerging industry (SEI 2018 via CNIPA's 2021 IPC concordance);
2. ``overseas_family``: it has a patent family member abroad (同族专利权 outside China);
3. ``maintained_10y``: it has been maintained for more than 10 years (counted from the filing date);
4. ``high_pledge``: it secured a high pledge financing amount;
5. ``award``: it won the national science and technology award or the China Patent Award.

What this corpus can and cannot show is stated by :func:`explain_criteria`; docs/indicators.md has the full
rules. Functions here add criteria to a table of valid inventions built by :mod:`seip.analysis.indicators`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ibis
import ibis.expr.types as ir

from seip import i18n
from seip.analysis._backend import Tables

__all__ = [
    "CRITERIA",
    "PLEDGE_MIN",
    "coverage",
    "explain_criteria",
    "has_sei",
    "high_value_counts",
    "with_criteria",
]

#: criterion id → (Chinese, English) short name, in CNIPA's order.
CRITERIA: dict[str, tuple[str, str]] = {
    "sei": ("战略性新兴产业发明专利", "in a strategic emerging industry"),
    "overseas_family": ("在海外有同族专利权", "has a patent family member abroad"),
    "maintained_10y": ("维持年限超过10年", "maintained for more than 10 years"),
    "high_pledge": ("实现较高质押融资金额", "secured a high pledge financing amount"),
    "award": ("获国家科学技术奖或中国专利奖", "won the national S&T award or the China Patent Award"),
}
#: CNIPA publishes no amount for "high" pledge financing. seip's default is 1,000万元 (10 million yuan): the
#: line CNIPA's own statistics draw between small 普惠性 loans (below it) and larger ones. ``pledge_min`` changes it.
PLEDGE_MIN = 1000.0


def _cutoff(as_of: dt.date | None) -> ir.DateValue:
    return ibis.literal(as_of, "date") if as_of is not None else ibis.today()


def _keyed_lists(tables: Tables) -> ir.Table:
    """The imported lists with ``akey``: the application number given, else that of the corpus record with the
    publication number given, else that publication number. One pass over the patents serves both lists."""
    a, p = tables.awards, tables.patents
    look = p.select(_pub=p.pub_number, _app=ibis.coalesce(p.app_number, p.pub_number))
    look = look.semi_join(a, look._pub == a.pub_number)
    j = a.left_join(look, a.pub_number == look._pub)
    return j.mutate(akey=ibis.coalesce(j.app_number, j._app, j.pub_number))


def _pledged(lists: ir.Table, as_of: dt.date | None, pledge_min: float) -> ir.Table:
    a = lists.filter(lists.kind == "pledge", lists.amount.notnull())
    if as_of is not None:
        when = ibis.coalesce(a.event_date, ibis.date(a.year.cast("int32"), 12, 31))
        a = a.filter(when.isnull() | (when <= as_of))
    s = a.group_by("akey").aggregate(_amount=a.amount.sum())
    return s.filter(s._amount >= pledge_min).select(_pledge_key=s.akey, pledge_amount=s._amount)


def _awarded(lists: ir.Table, as_of: dt.date | None) -> ir.Table:
    a = lists.filter(lists.kind == "award", lists.qualifies)
    if as_of is not None:  # an award without a year is taken to precede any date asked about
        a = a.filter(a.year.isnull() | (a.year <= as_of.year))
    return a.group_by("akey").aggregate(award_count=a.count()).rename(_award_key="akey")


def has_sei(v: ir.Table) -> ir.BooleanValue:
    """Whether the application has an SEI code (the application table's ``has_sei`` where it has one)."""
    return (v.has_sei if "has_sei" in v.columns else v.sei_codes.length() > 0).fill_null(False)


def _maintained(v: ir.Table, as_of: dt.date | None) -> ir.BooleanValue:
    return (v.app_date + ibis.interval(years=10) < _cutoff(as_of)).fill_null(False)


def _listed(tables: Tables, as_of: dt.date | None, pledge_min: float) -> tuple[ir.Table, ir.Table]:
    lists = _keyed_lists(tables)
    return _pledged(lists, as_of, pledge_min), _awarded(lists, as_of)


def with_criteria(
    valid: ir.Table, tables: Tables, *, as_of: dt.date | None = None, pledge_min: float = PLEDGE_MIN
) -> ir.Table:
    """``valid`` (rows of the application table, :func:`seip.analysis.stats.applications`) with a boolean
    column per criterion, ``criteria`` (the ids met, in CNIPA's order),
    ``high_value`` (any met) and the evidence ``pledge_amount`` (万元) and ``award_count``.

    ``as_of`` None means today: the 10 years run to the current date and every list row counts.
    """
    pledged, aw = _listed(tables, as_of, pledge_min)
    v = valid.left_join(pledged, valid.akey == pledged._pledge_key)
    v = v.left_join(aw, v.akey == aw._award_key)
    flags = {
        "sei": has_sei(v),
        "overseas_family": v.family_abroad,
        "maintained_10y": _maintained(v, as_of),
        "high_pledge": v._pledge_key.notnull(),
        "award": v._award_key.notnull(),
    }
    v = v.mutate(**flags, award_count=v.award_count.fill_null(0))
    met = ibis.array([ibis.ifelse(v[c], c, None) for c in CRITERIA])
    v = v.mutate(criteria=met.filter(lambda c: c.notnull()))
    v = v.mutate(high_value=v.criteria.length() > 0)
    return v.select(*[c for c in v.columns if c not in ("_pledge_key", "_award_key")])


def high_value_counts(
    valid: Callable[[Tables], ir.Table],
    tables: Tables,
    *,
    as_of: dt.date | None = None,
    pledge_min: float = PLEDGE_MIN,
) -> ir.Table:
    """``province``, ``city``, ``counted`` (in force and high-value) and ``undetermined`` (``in_force`` NULL and
    high-value) for the rows ``valid(tables)`` gives (valid inventions with ``in_force``): what
    :func:`with_criteria` says, without joining the imported lists to every patent.

    A patent that meets one of the first three criteria (read from its own row) counts at once. Those that meet
    none are looked up in the pledge and award lists, through ``valid`` applied to the applications on the lists
    (usually none or a few: the patents' keys are then not even read). Every row counts at most once."""
    v = valid(tables)
    base = _own_criteria(v, as_of)
    own = v.select("province", "city", counted=v.in_force & base, undetermined=v.in_force.isnull() & base)
    pledged, aw = _listed(tables, as_of, pledge_min)
    keys = pledged.select(_k=pledged._pledge_key).union(aw.select(_k=aw._award_key))
    a = tables.applications
    on_lists = Tables(
        tables.patents, tables.legal_events, tables.awards, a.semi_join(keys, a.akey == keys._k)
    )
    r = valid(on_lists)
    r = r.filter(~_own_criteria(r, as_of))
    return own.union(r.select("province", "city", counted=r.in_force, undetermined=r.in_force.isnull()))


def _own_criteria(v: ir.Table, as_of: dt.date | None) -> ir.BooleanValue:
    """Any of the criteria a patent's own row tells (SEI, family abroad, maintained 10 years), never NULL."""
    return has_sei(v) | v.family_abroad.fill_null(False) | _maintained(v, as_of)


def coverage(
    valid: ir.Table, tables: Tables, *, as_of: dt.date | None = None, pledge_min: float = PLEDGE_MIN
) -> ir.Table:
    """One row saying what the criteria could rest on, for the valid inventions in ``valid``:

    ``patents`` (valid inventions), ``with_sei_data`` / ``with_family_data`` / ``with_app_date`` (patents
    carrying the data a criterion needs), ``pledge_rows`` / ``award_rows`` (rows of imported lists, awards
    counting only the two national awards), ``pledge_events`` (pledge legal events of CN patents: dates, no
    amounts) and ``meets_<criterion>`` (patents meeting it).
    """
    c = with_criteria(valid, tables, as_of=as_of, pledge_min=pledge_min)
    a, ev = tables.awards, tables.legal_events
    counts = c.aggregate(
        patents=c.count(),
        with_sei_data=(c.has_sei if "has_sei" in c.columns else c.sei_codes).notnull().sum(),
        with_family_data=(c.family_countries.notnull() | c.family_id.notnull()).sum(),
        with_app_date=c.app_date.notnull().sum(),
        **{f"meets_{k}": c[k].sum() for k in CRITERIA},
    )
    lists = a.aggregate(
        pledge_rows=(a.kind == "pledge").sum(), award_rows=((a.kind == "award") & a.qualifies).sum()
    )
    pledges = ev.filter((ev.category == "pledge") & ev.pub_number.startswith("CN"))
    events = pledges.aggregate(pledge_events=pledges.count())
    return (
        counts.cross_join(lists)
        .cross_join(events)
        .mutate(pledge_rows=ibis._.pledge_rows.fill_null(0), award_rows=ibis._.award_rows.fill_null(0))
    )


_TEXT = {
    "sei_yes": (
        "已评估：专利库的战略性新兴产业分类（CNIPA 2021参照关系表）",
        "evaluated: the corpus's SEI classification (CNIPA 2021 concordance)",
    ),
    "sei_no": (
        "未评估：专利库尚未做战略性新兴产业分类",
        "not evaluated: the corpus has no SEI classification yet",
    ),
    "family_yes": (
        "已评估：{n}/{m} 件带同族数据；境外同族按有无判断，无法核实其是否已授权（上限）",
        "evaluated on {n} of {m} patents carrying family data; a foreign family member counts whether or not it "
        "was granted (an upper bound)",
    ),
    "family_no": ("未评估：专利库没有同族数据", "not evaluated: the corpus carries no family data"),
    "years_yes": (
        "已评估：按申请日计算维持年限（{n}/{m} 件有申请日）",
        "evaluated from the filing date ({n} of {m} patents have one)",
    ),
    "pledge_yes": (
        "已评估：导入的质押清单 {n} 行，累计金额≥{x:g}万元计入",
        "evaluated: {n} rows of imported pledge lists; a cumulative amount of at least {x:g}万元 counts",
    ),
    "pledge_no": (
        "未评估：未导入质押金额清单（seip import-awards --kind pledge）；专利库有 {e} 条质押法律事件，但无金额",
        "not evaluated: no pledge list imported (seip import-awards --kind pledge); the corpus holds {e} pledge "
        "legal events, without amounts",
    ),
    "award_yes": (
        "已评估：导入的国家级获奖清单 {n} 行",
        "evaluated: {n} rows of imported national award lists",
    ),
    "award_no": (
        "未评估：未导入获奖清单（seip import-awards）",
        "not evaluated: no award list imported (seip import-awards)",
    ),
}


def _t(key: str, **kw: object) -> str:
    zh, en = _TEXT[key]
    return (en if i18n.t("lang_code") == "en" else zh).format(**kw)


def explain_criteria(row: dict, pledge_min: float = PLEDGE_MIN) -> list[dict]:
    """Per criterion: ``id``, ``name``, ``evaluated`` (bool), ``basis`` (what it rests on, or why it could not
    be evaluated) and ``patents`` meeting it, from one executed row of :func:`coverage`."""
    m = row["patents"]
    state = {
        "sei": (row["with_sei_data"] > 0, _t("sei_yes") if row["with_sei_data"] else _t("sei_no")),
        "overseas_family": (
            row["with_family_data"] > 0,
            _t("family_yes", n=row["with_family_data"], m=m) if row["with_family_data"] else _t("family_no"),
        ),
        "maintained_10y": (row["with_app_date"] > 0, _t("years_yes", n=row["with_app_date"], m=m)),
        "high_pledge": (
            row["pledge_rows"] > 0,
            _t("pledge_yes", n=row["pledge_rows"], x=pledge_min)
            if row["pledge_rows"]
            else _t("pledge_no", e=row["pledge_events"]),
        ),
        "award": (
            row["award_rows"] > 0,
            _t("award_yes", n=row["award_rows"]) if row["award_rows"] else _t("award_no"),
        ),
    }
    en = i18n.t("lang_code") == "en"
    return [
        {
            "id": k,
            "name": CRITERIA[k][1] if en else CRITERIA[k][0],
            "evaluated": bool(state[k][0]),
            "basis": state[k][1],
            "patents": int(row[f"meets_{k}"] or 0),
        }
        for k in CRITERIA
    ]
