"""SEI thematic patent databases (战略性新兴产业专题专利数据库) as a user sees them: every category with its
counts, and one category's profile (years, types, applicants, IPC groups, provinces, legal status, offices).

May import: seip.analysis, seip.taxonomy, seip.store, stdlib, ibis.

A patent is in category X when X is in its ``sei_codes`` (IPC mode, the practice of the commercial databases)
or, with ``strict=True``, in its ``sei_codes_strict`` (the text confirms the rule's keyword phrase; see
docs/sei.md). Years are filing (application) years. Functions return ibis expressions and never execute.

Growth is measured on the **reference year**: the latest filing year whose applications are all published,
that is two years before the latest publication date in the corpus (inventions publish 18 months after
filing). Later years are incomplete and would show a false decline.
"""

from __future__ import annotations

import ibis

from seip.taxonomy.sei import categories

#: Number of top rows in a profile's ranked lists.
TOP = 20
_GROUP = r"^([A-HY]\d\d[A-Z]\d{1,4})/"


def codes_column(strict: bool) -> str:
    """The column a category is read from."""
    return "sei_codes_strict" if strict else "sei_codes"


def reference_year(patents: ibis.Table) -> ibis.Scalar:
    """The latest filing year known to be complete: two years before the latest publication year."""
    return patents.pub_date.max().year() - 2


def _explode(patents: ibis.Table, strict: bool) -> ibis.Table:
    t = patents.select(
        "pub_number",
        "patent_type",
        "is_valid",
        year=patents.app_date.year(),
        code=patents[codes_column(strict)].unnest(),
    )
    return t


def category_counts(patents: ibis.Table, *, ref_year: int, strict: bool = False) -> ibis.Table:
    """One row per category with patents: code, patents, inventions, valid inventions (有效发明专利), the
    filings of ``ref_year`` and the year before, and the growth between them (NULL without a base)."""
    t = _explode(patents, strict)
    inv = t.patent_type == "invention"
    agg = t.group_by("code").aggregate(
        patents=t.count(),
        inventions=inv.sum(),
        valid_inventions=(inv & t.is_valid.fill_null(False)).sum(),
        filed_ref=(t.year == ref_year).sum(),
        filed_prev=(t.year == ref_year - 1).sum(),
    )
    growth = ibis.cases(
        (agg.filed_prev > 0, (agg.filed_ref - agg.filed_prev) / agg.filed_prev.cast("float64")),
        else_=ibis.null("float64"),
    )
    return agg.mutate(growth=growth.round(4)).order_by("code")


def in_category(patents: ibis.Table, code: str, *, strict: bool = False) -> ibis.Table:
    """The patents of category ``code`` (a second-level code such as ``1.5``, or a first-level digit)."""
    if "." in code:
        return patents.filter(patents[codes_column(strict)].contains(code))
    if strict:
        return patents.filter(
            patents.sei_codes_strict.filter(lambda c: c.startswith(f"{code}.")).length() > 0
        )
    return patents.filter(patents.sei_top.contains(code))


def by_year_type(patents: ibis.Table) -> ibis.Table:
    """Filings per year and patent type, with valid ones."""
    t = patents.mutate(year=patents.app_date.year())
    return (
        t.group_by("year", "patent_type")
        .aggregate(count=t.count(), valid=t.is_valid.fill_null(False).sum())
        .order_by("year", "patent_type")
    )


def top_applicants(patents: ibis.Table, n: int = TOP) -> ibis.Table:
    """The ``n`` applicants (normalised names) with most patents, with their type and valid patents."""
    t = patents.select(
        "pub_number",
        "is_valid",
        pair=patents.applicants_std.zip(patents.applicant_types).unnest(),
    )
    t = t.select("pub_number", "is_valid", applicant=t.pair["f1"], applicant_type=t.pair["f2"]).filter(
        lambda x: x.applicant.notnull()
    )
    agg = t.group_by("applicant").aggregate(
        count=t.pub_number.nunique(),
        valid=t.is_valid.fill_null(False).sum(),
        applicant_type=t.applicant_type.max(),  # the type is a function of the name
    )
    return agg.order_by([ibis.desc("count"), "applicant"]).limit(n)


def top_ipc_groups(patents: ibis.Table, n: int = TOP) -> ibis.Table:
    """The ``n`` IPC main groups (``H01M10``) with most patents."""
    t = patents.select("pub_number", symbol=patents.ipc.unnest())
    t = t.select("pub_number", group=t.symbol.re_extract(_GROUP, 1)).filter(lambda x: x.group != "")
    agg = t.group_by("group").aggregate(count=t.pub_number.nunique())
    return agg.order_by([ibis.desc("count"), "group"]).limit(n)


def counts_by(patents: ibis.Table, column: str) -> ibis.Table:
    """Patents per value of ``column`` (province, legal_status, pub_country…), most first."""
    agg = patents.group_by(column).aggregate(count=patents.count())
    return agg.order_by([ibis.desc("count"), column])


def profile(patents: ibis.Table, code: str, *, strict: bool = False) -> dict[str, ibis.Table]:
    """Every table of ``seip sei show``: name → expression."""
    p = in_category(patents, code, strict=strict)
    return {
        "by_year_type": by_year_type(p),
        "top_applicants": top_applicants(p),
        "top_ipc_groups": top_ipc_groups(p),
        "provinces": counts_by(p.filter(p.province.notnull()), "province"),
        "legal_status": counts_by(p, "legal_status"),
        "offices": counts_by(p, "pub_country"),
    }


def category_names() -> dict[str, tuple[str, str]]:
    """Code → (Chinese name, English name) for the 40 categories and the 9 industries."""
    names: dict[str, tuple[str, str]] = {}
    for c in categories().values():
        names[c.code] = (c.name, c.name_en)
        names[c.top_code] = (c.top_name, c.top_name_en)
    return names
