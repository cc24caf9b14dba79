"""Patent statistics (``seip stats``): counts, shares, rankings, year-on-year growth, CAGR, concentration (CR4,
HHI) and co-applicant links between enterprises and universities or institutes (产学研合作).

May import: seip.analysis (its own modules), seip.records, stdlib, ibis, pyarrow.

Unit of count: a **patent application** (件), not a document. A corpus row is one published document, and one
application usually has several (CN…A and CN…B, US…A1 and US…B2). :func:`applications` folds them into one
row per application (key: ``app_number``, else ``pub_number``). Dimensions that hold lists (SEI codes,
IPC subclasses, applicants, applicant types) count an application once under each of its values (full
counting), so shares of a list dimension may sum to more than 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from seip.analysis._backend import Tables
from seip.analysis._ranks import count_histogram, top_counts
from seip.analysis.registry import indicator
from seip.analysis.rights import EVENT_COLUMNS
from seip.errors import SeipError

__all__ = [
    "DIMENSIONS",
    "LIST_DIMENSIONS",
    "YEAR_BY",
    "StatsError",
    "applications",
    "concentration",
    "cooperation_links",
    "facet",
    "facet_for",
    "growth",
    "restrict",
    "stats_table",
]

#: ``--by`` names → what they count (scalar columns of the application, or lists counted in full).
DIMENSIONS: dict[str, str] = {
    "year": "year of the application, publication or grant date (--year-by)",
    "sei": "SEI second-level category (list)",
    "sei_top": "SEI industry, first level (list)",
    "ipc4": "IPC subclass of any IPC symbol (list)",
    "province": "province of the first applicant",
    "city": "prefecture city of the first applicant",
    "applicant": "applicant, normalised name (list)",
    "applicant_type": "applicant type (list)",
    "patent_type": "invention / utility_model / design",
    "legal_status": "canonical legal status",
    "office": "publishing office (pub_country)",
}
#: The list dimensions (full counting): each may have a facet (:func:`facet`).
LIST_DIMENSIONS = ("sei", "sei_top", "ipc4", "applicant", "applicant_type")
_LIST_DIMS = {
    "sei": "sei_codes",
    "sei_top": "sei_top",
    "ipc4": "ipc4",
    "applicant": "applicant_set",
    "applicant_type": "applicant_type_set",
}
_SCALAR_DIMS = {
    "province": "province",
    "city": "city",
    "patent_type": "patent_type",
    "legal_status": "legal_status",
    "office": "pub_country",
}
#: ``--year-by`` → the date whose year counts: filing, first publication, grant.
YEAR_BY = {"app": "app_date", "pub": "pub_date", "grant": "grant_date"}
#: CN kind codes published at grant: their publication date is the grant date when the export gives none.
GRANT_KINDS = ("B", "C", "U", "Y", "S")
#: Columns :func:`applications` carries by default (beyond the key and the dates).
DEFAULT_COLUMNS = (
    "pub_number",
    "pub_country",
    "patent_type",
    "legal_status",
    "is_valid",
    "applicant_country",
    "province",
    "city",
    "applicants_std",
    "applicant_types",
    "sei_codes",
    "sei_top",
    "family_id",
    "family_countries",
)
#: Offices that are no "abroad": China itself and WIPO (a PCT application is not yet a right anywhere).
NOT_ABROAD = ("CN", "WO")
#: Distinct-value lists :func:`applications` derives, so that each list dimension unnests without repeats.
DERIVED_LISTS = {"ipc4": "ipc", "applicant_set": "applicants_std", "applicant_type_set": "applicant_types"}


class StatsError(SeipError):
    """A statistics request that cannot be answered (unknown dimension, bad year range)."""


def restrict(tables: Tables, pub_numbers: pa.Array | Sequence[str]) -> Tables:
    """``tables`` narrowed to the documents whose ``pub_number`` is in ``pub_numbers`` (a search result) and
    to their applications (each still described by the record that speaks for it), on any engine."""
    keep = ibis.memtable(pa.table({"_keep": pa.array(pub_numbers, pa.string())}))
    p = tables.patents.semi_join(keep, tables.patents.pub_number == keep._keep)
    keys = p.select(_akey=ibis.coalesce(p.app_number, p.pub_number))
    apps = tables.applications.semi_join(keys, tables.applications.akey == keys._akey)
    # The event dates of the application table come from all its documents; here only the matched documents
    # count, so those dates are left out and the analyses join the events of these documents.
    apps = apps.select(*[c for c in apps.columns if c not in EVENT_COLUMNS])
    facets = {d: f.semi_join(keys, f.akey == keys._akey) for d, f in tables.facets.items()}
    return Tables(p, tables.legal_events, tables.awards, apps, facets)


def applications(patents: ir.Table, columns: Sequence[str] = DEFAULT_COLUMNS) -> ir.Table:
    """One row per application: key ``akey`` (``app_number``, else ``pub_number``), its dates, ``columns`` taken
    from the record that speaks for it, and distinct-value lists for counting.

    The record that speaks for an application is the one with a known validity, then the most recent import,
    then the latest publication, then the greatest ``pub_number`` (so the choice is total and the same on every
    engine). Dates: ``app_date`` the earliest given, ``pub_date`` the first publication, ``grant_date`` the
    earliest grant date given, else the publication date of a CN grant document (kind B, C, U, Y, S);
    ``priority_date`` the earliest given. ``documents`` counts the records folded in. ``ipc4`` (IPC subclasses),
    ``applicant_set`` and ``applicant_type_set`` hold the distinct values of the speaking record's ``ipc``,
    ``applicants_std`` and ``applicant_types``; ``coop_pairs`` lists the application's enterprise ×
    university/institute pairs of co-applicants (:func:`cooperation_links`), NULL where there are none;
    ``has_sei`` says whether it has an SEI code (NULL: not classified; a boolean the official indicators read
    instead of the list).

    Families (with the default columns): ``family`` = ``family_id``, else the application's own key;
    ``abroad`` = filed at an office other than CNIPA and WIPO, or listing one in ``family_countries``;
    ``family_abroad`` = some application of the family is abroad; ``family_first`` = the family's earliest
    priority or filing date; ``family_lead`` = this is the family's earliest filing (then the smallest key), the
    application that speaks for the family.
    """
    p = patents
    grant = ibis.coalesce(
        p.grant_date,
        ibis.ifelse((p.pub_country == "CN") & p.pub_kind.substr(0, 1).isin(GRANT_KINDS), p.pub_date, None),
    )
    p = p.mutate(akey=ibis.coalesce(p.app_number, p.pub_number), _grant=grant)
    by_app = ibis.window(group_by=p.akey)
    speaker = ibis.window(
        group_by=p.akey,
        order_by=[
            ibis.desc(p.is_valid.notnull()),
            ibis.desc(p.last_import_id.fill_null(0)),
            ibis.desc(p.pub_date.fill_null(dt.date(1, 1, 1))),
            ibis.desc(p.pub_number),
        ],
    )
    # A window, not a group-by with arg_max: DuckDB's ordered aggregates copy every list value they pass.
    ranked = p.mutate(
        _pos=ibis.row_number().over(speaker),
        _app_date=p.app_date.min().over(by_app),
        _pub_date=p.pub_date.min().over(by_app),
        _priority_date=p.priority_date.min().over(by_app),
        _grant_date=p._grant.min().over(by_app),
        _documents=p.count().over(by_app),
    )
    ranked = ranked.filter(ranked._pos == 0)
    derived = {
        k: ranked[v].map(lambda s: s.substr(0, 4)).unique() if k == "ipc4" else ranked[v].unique()
        for k, v in DERIVED_LISTS.items()
    }
    apps = ranked.select(
        "akey",
        app_date=ranked._app_date,
        pub_date=ranked._pub_date,
        priority_date=ranked._priority_date,
        grant_date=ranked._grant_date,
        documents=ranked._documents,
        **{c: ranked[c] for c in columns},
        **derived,
    )
    if "sei_codes" in columns:
        apps = apps.mutate(has_sei=apps.sei_codes.length() > 0)
    if {"applicants_std", "applicant_types"} <= set(columns):
        apps = apps.mutate(coop_pairs=_coop_pairs(apps))
    if not {"pub_country", "family_id", "family_countries"} <= set(columns):
        return apps
    foreign = apps.family_countries.filter(lambda c: ~c.isin(NOT_ABROAD)).length() > 0
    apps = apps.mutate(
        family=ibis.coalesce(apps.family_id, apps.akey),
        abroad=~apps.pub_country.isin(NOT_ABROAD) | foreign.fill_null(False),
    )
    fam = ibis.window(group_by=apps.family)
    first = ibis.window(
        group_by=apps.family, order_by=[apps.app_date.fill_null(dt.date(9999, 12, 31)), apps.akey]
    )
    return apps.mutate(
        family_abroad=apps.abroad.any().over(fam),
        family_first=ibis.coalesce(apps.priority_date, apps.app_date).min().over(fam),
        family_lead=ibis.row_number().over(first) == 0,
    )


def _coop_pairs(apps: ir.Table) -> ir.ArrayValue:
    """(enterprise, partner, partner_type) for every enterprise × university/institute pair of co-applicants,
    from the aligned ``applicants_std`` and ``applicant_types``; NULL where there is no such pair (most rows)."""
    kinds = apps.applicant_type_set
    both = kinds.contains("enterprise") & (kinds.contains("university") | kinds.contains("institute"))
    named = apps.applicants_std.zip(apps.applicant_types).filter(lambda p: p.f1.notnull())
    firms = named.filter(lambda p: p.f2 == "enterprise").map(lambda p: p.f1)
    academia = named.filter(lambda p: p.f2.isin(["university", "institute"]))
    pairs = firms.map(
        lambda e: academia.map(
            lambda a: ibis.struct({"enterprise": e, "partner": a.f1, "partner_type": a.f2})
        )
    ).flatten()
    return ibis.ifelse(both.fill_null(False), pairs.unique(), ibis.null(pairs.type()))


def _check(by: Sequence[str], year_by: str) -> None:
    if not by:
        raise StatsError("--by needs at least one dimension")
    bad = [d for d in by if d not in DIMENSIONS]
    if bad:
        raise StatsError(f"unknown dimension {', '.join(bad)}: choose from {', '.join(DIMENSIONS)}")
    if len(set(by)) != len(by):
        raise StatsError("a dimension appears twice in --by")
    if year_by not in YEAR_BY:
        raise StatsError(f"--year-by must be one of {', '.join(YEAR_BY)}")


def _in_period(apps: ir.Table, year_by: str, since: int | None, until: int | None) -> ir.Table:
    """Applications with ``year`` (of ``year_by``), bounded by ``since``/``until``; ``grant`` keeps granted ones."""
    if since is not None and until is not None and since > until:
        raise StatsError(f"--since {since} comes after --until {until}")
    apps = apps.mutate(year=apps[YEAR_BY[year_by]].year().cast("int64"))
    if year_by == "grant" or since is not None or until is not None:
        apps = apps.filter(apps.year.notnull())
    if since is not None:
        apps = apps.filter(apps.year >= since)
    if until is not None:
        apps = apps.filter(apps.year <= until)
    return apps


#: Columns a facet carries besides the value: what any ``--by`` or period filter may need.
FACET_COLUMNS = ("akey", "app_date", "pub_date", "grant_date", *_SCALAR_DIMS.values())
#: Short lists (a handful of values per application) that the facets of the other list dimensions also carry, so
#: that counting by two list dimensions (``sei_top,applicant``) unnests one short list per facet row instead of
#: crossing two lists of every application (measured at 10M: see docs/PERFORMANCE.md).
CARRIED_LISTS = ("sei_top", "applicant_type")


def facet(apps: ir.Table, dim: str) -> ir.Table:
    """One row per application and distinct value of list dimension ``dim`` (``value``; NULL for an application
    with none), with :data:`FACET_COLUMNS` and the lists of :data:`CARRIED_LISTS` (but ``dim``'s own). Counting by
    one list dimension, or by it and a carried one, reads this instead of unnesting the lists of every
    application (``Tables.facets``: computed once per corpus state)."""
    col = apps[_LIST_DIMS[dim]].unique()
    carried = [_LIST_DIMS[d] for d in CARRIED_LISTS if d != dim]
    return apps.select(*FACET_COLUMNS, *carried, value=_unnest(col))


def facet_for(listed: Sequence[str]) -> str | None:
    """The facet that serves a count by the list dimensions ``listed``: the one list dimension, or, of two, the
    one whose facet carries the other (:data:`CARRIED_LISTS`); None when no facet serves (three lists, or two
    that are both long)."""
    if len(listed) == 1:
        return listed[0]
    if len(listed) == 2:
        for own, other in (listed, listed[::-1]):
            if other in CARRIED_LISTS and own != other:
                return own
    return None


#: Order of the cached application table: filters on the office and the region (official indicators, regional
#: reports, plan targets) then skip the row groups of other offices and provinces.
APPLICATION_ORDER = ("pub_country", "province", "city")
#: Facets kept sorted by value: counting by a value of millions of distinct names (applicants) hashes far fewer
#: cache lines when equal names arrive together (DuckDB then also splits the aggregate by value ranges).
SORTED_FACETS = ("applicant",)


def _unnest(col: ir.ArrayValue) -> ir.Value:
    """The values of ``col``, one row each, an empty or NULL list giving one NULL row.

    An unnest in the select list, not ``Table.unnest``: DuckDB runs the latter as a lateral join (a hash join
    on a row index), 10–15× slower over 10 million lists."""
    return ibis.ifelse(col.length() > 0, col, ibis.literal([None], col.type())).unnest()


def _rows(
    apps: ir.Table, by: Sequence[str], period: dict, facets: Mapping[str, ir.Table] | None = None
) -> ir.Table:
    """(akey, <dims>) rows in the period: one per application and combination of its list values, so that
    counting rows counts applications. A facet at hand (:func:`facet_for`) serves one list dimension, or two
    when it carries the other."""
    listed = [d for d in by if d in _LIST_DIMS]
    own = facet_for(listed)
    if own is not None and facets and own in facets:
        f = _in_period(facets[own], **period)

        def pick(d: str) -> ir.Value:
            if d == "year":
                return f.year
            if d in _SCALAR_DIMS:
                return f[_SCALAR_DIMS[d]]
            return f.value if d == own else f[_LIST_DIMS[d]]

        rows = f.select(akey=f.akey, **{d: pick(d) for d in by})
        for d in listed:
            if d != own:  # the carried short list, one row per value (an empty list: one NULL row)
                rows = rows.select(*[_unnest(rows[c]).name(c) if c == d else rows[c] for c in rows.columns])
        return rows
    apps = _in_period(apps, **period)
    cols: dict[str, ir.Value] = {"akey": apps.akey}
    for d in by:
        if d == "year":
            cols[d] = apps.year
        elif d in _SCALAR_DIMS:
            cols[d] = apps[_SCALAR_DIMS[d]]
        else:
            cols[d] = apps[_LIST_DIMS[d]]
    rows = apps.select(**cols)
    for d in listed:  # one unnest per select: two in one select would be zipped, not crossed
        rows = rows.select(*[_unnest(rows[c]).name(c) if c == d else rows[c] for c in rows.columns])
    return rows


def stats_table(
    apps: ir.Table,
    by: Sequence[str],
    *,
    year_by: str = "app",
    since: int | None = None,
    until: int | None = None,
    facets: Mapping[str, ir.Table] | None = None,
) -> ir.Table:
    """Counts of applications by ``by`` with their share, rank and (when ``year`` is in ``by``) growth.

    ``apps`` is the application table (:func:`applications`, ``Tables.applications``). Columns: the
    dimensions, then ``count`` (applications), ``share`` (count ÷ applications in the group of the other
    dimensions but the last: the whole selection when ``by`` has one dimension), ``rank`` (1 = most, ties share
    a rank; within that group, NULL values unranked) and, with ``year``, ``yoy`` (growth on the year before,
    NULL when that year has none). ``since``/``until`` bound the year (of ``year_by``) whether or not ``year``
    is a dimension; ``year_by="grant"`` counts granted applications only. Applications with no value for a
    list dimension count under NULL. ``facets`` (``Tables.facets``) speed up counting by one list dimension.
    """
    _check(by, year_by)
    period = {"year_by": year_by, "since": since, "until": until}
    by = list(by)
    parent, last = by[:-1], by[-1]
    rows = _rows(apps, by, period, facets)
    counts = _ranked(rows.group_by(by).aggregate(count=rows.count()), parent, last)
    if parent:
        prow = _rows(apps, parent, period, facets)
        totals = prow.group_by(parent).aggregate(_total=prow.count())
        joined = counts.join(totals, [counts[c].identical_to(totals[c]) for c in parent])
        out = joined.select(*by, "count", "_total", "_rank")
    else:
        out = counts.mutate(_total=_in_period(apps, **period).count().as_scalar())
    out = out.select(
        *by,
        "count",
        "_total",
        share=out["count"] / out._total,
        rank=ibis.ifelse(out[last].isnull(), None, out._rank),
    )
    if "year" in by:
        others = [c for c in by if c != "year"]
        wy = ibis.window(group_by=[out[c] for c in others], order_by=out.year)
        prev_year, prev = out.year.lag().over(wy), out["count"].lag().over(wy)
        out = out.mutate(yoy=ibis.ifelse(prev_year == out.year - 1, out["count"] / prev - 1, None))
    return out.drop("_total")


def concentration(
    apps: ir.Table,
    by: Sequence[str],
    *,
    year_by: str = "app",
    since: int | None = None,
    until: int | None = None,
    facets: Mapping[str, ir.Table] | None = None,
) -> ir.Table:
    """Concentration of the last dimension of ``by`` within each group of the others: ``values`` (distinct
    non-NULL values), ``cr4`` (share of the four largest) and ``hhi`` (Herfindahl–Hirschman index, 0–10,000).

    Shares here are count ÷ the sum of counts of the group (so they sum to 1 even for list dimensions counted
    in full); NULL values are left out. Ties at the fourth place are broken by the value, in code-point order.
    """
    _check(by, year_by)
    rows = _rows(apps, by, {"year_by": year_by, "since": since, "until": until}, facets)
    parent, last = list(by[:-1]), by[-1]
    rows = rows.filter(rows[last].notnull())
    counts = rows.group_by(list(by)).aggregate(count=rows.count())
    total = counts["count"].sum().cast("float64")
    hhi = (counts["count"] * counts["count"]).sum().cast("float64") / (total * total) * 10_000
    if not parent:  # the four largest of one ranking: a top-N, no window
        top = counts.order_by([ibis.desc("count"), last]).limit(4)
        return counts.aggregate(values=counts.count(), cr4=top["count"].sum().as_scalar() / total, hhi=hhi)
    # CR4 per group is the sum of its four largest counts (whichever tied value is taken, the sum is the same);
    # HHI is Σcount² ÷ (Σcount)², exact in integers. Both follow from how many values have each count.
    h = top_counts(counts, parent, 4)
    total = h._sum.cast("float64")
    hhi = h._squares.cast("float64") / (total * total) * 10_000
    return h.select(*parent, values=h._values, cr4=h._top.cast("float64") / total, hhi=hhi)


def _ranked(counts: ir.Table, parent: Sequence[str], last: str) -> ir.Table:
    """``counts`` with ``_rank``: 1 + the non-NULL values of ``last`` with a larger count in the same group of
    ``parent`` (SQL ``rank()``, computed from :func:`count_histogram` instead of a sort of every row)."""
    nn = counts.filter(counts[last].notnull())
    hist = count_histogram(nn, parent)
    hist = hist.select(
        **{f"_g{i}": hist[c] for i, c in enumerate(parent)}, _c=hist["count"], _rank=hist._before + 1
    )
    cond = [counts[c].identical_to(hist[f"_g{i}"]) for i, c in enumerate(parent)]
    j = counts.left_join(hist, [*cond, counts["count"] == hist._c])
    return j.select(*counts.columns, "_rank")


def growth(
    apps: ir.Table,
    by: Sequence[str],
    *,
    year_by: str = "app",
    since: int | None = None,
    until: int | None = None,
    facets: Mapping[str, ir.Table] | None = None,
) -> ir.Table:
    """Compound annual growth rate of each group of ``by`` (``year`` must be one of them) over the period.

    The period runs from ``since`` to ``until``, or from the first to the last year present in the selection
    (the recent years are usually incomplete: publication lags filing by 18 months; pass ``until``). Columns:
    the other dimensions, ``first_year``, ``last_year``, ``first_count``, ``last_count`` and ``cagr`` =
    (last ÷ first)^(1 ÷ (last_year − first_year)) − 1, NULL when the first count is 0 or the period is empty.
    """
    if "year" not in by:
        raise StatsError("CAGR needs year among the dimensions (--by year,…)")
    counts = stats_table(apps, by, year_by=year_by, since=since, until=until, facets=facets)
    others = [c for c in by if c != "year"]
    everything = ibis.window()
    c = counts.mutate(
        first_year=ibis.literal(since, "int64") if since is not None else counts.year.min().over(everything),
        last_year=ibis.literal(until, "int64") if until is not None else counts.year.max().over(everything),
    )
    agg = dict(
        first_year=c.first_year.min(),
        last_year=c.last_year.max(),
        first_count=c["count"].sum(where=c.year == c.first_year).fill_null(0),
        last_count=c["count"].sum(where=c.year == c.last_year).fill_null(0),
    )
    g = c.group_by(others).aggregate(**agg) if others else c.aggregate(**agg)
    span = (g.last_year - g.first_year).cast("float64")
    ratio = g.last_count.cast("float64") / g.first_count.cast("float64")
    return g.mutate(cagr=ibis.ifelse((g.first_count > 0) & (span > 0), ratio ** (1 / span) - 1, None))


def cooperation_links(
    apps: ir.Table,
    *,
    year_by: str = "app",
    since: int | None = None,
    until: int | None = None,
) -> ir.Table:
    """Co-applicant links between an enterprise and a university or research institute (产学研合作).

    One row per (``enterprise``, ``partner``, ``partner_type``) with ``count`` = applications filed jointly,
    from the pairs :func:`applications` lists in ``coop_pairs``.
    """
    _check(["year"], year_by)
    apps = _in_period(apps, year_by, since, until)
    apps = apps.filter(apps.coop_pairs.notnull())
    apps = apps.select(pair=apps.coop_pairs.unnest())  # in the select list: see _unnest
    pairs = apps.select(
        enterprise=apps.pair.enterprise, partner=apps.pair.partner, partner_type=apps.pair.partner_type
    )
    return pairs.group_by(["enterprise", "partner", "partner_type"]).aggregate(count=pairs.count())


_STATS_ZH = "专利申请量统计：按所选维度计数（件，按申请合并公开文本），并给出占比、排名与同比增长。"
_STATS_EN = (
    "Patent counts by the chosen dimensions (applications, documents of one application folded), with share, "
    "rank and year-on-year growth."
)


@indicator("stats", _STATS_ZH, _STATS_EN, example={"by": ["year", "province"], "year_by": "app"})
def _stats(tables: Tables, **kw) -> ir.Table:
    return stats_table(tables.applications, facets=tables.facets, **kw)


@indicator(
    "concentration",
    "集中度：所选维度末项在其余维度每组内的CR4（前四位占比）与HHI（赫芬达尔-赫希曼指数，0–10000）。",
    "Concentration: CR4 (share of the four largest) and HHI (0–10,000) of the last dimension within each "
    "group of the others.",
    example={"by": ["sei_top", "applicant"]},
)
def _concentration(tables: Tables, **kw) -> ir.Table:
    return concentration(tables.applications, facets=tables.facets, **kw)


@indicator(
    "growth",
    "年均复合增长率（CAGR）：各组首末年份申请量之比开（年数）次方减一。",
    "Compound annual growth rate (CAGR) of each group between the first and the last year.",
    example={"by": ["province", "year"], "since": 2010, "until": 2020},
)
def _growth(tables: Tables, **kw) -> ir.Table:
    return growth(tables.applications, facets=tables.facets, **kw)


@indicator(
    "cooperation_links",
    "产学研合作：企业与高校、科研院所共同申请的专利件数，按合作对统计。",
    "Industry–academia links: applications filed jointly by an enterprise and a university or institute, per pair.",
    example={},
)
def _links(tables: Tables, **kw) -> ir.Table:
    return cooperation_links(tables.applications, **kw)
