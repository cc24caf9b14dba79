"""Lapsed-patent compilation (失效专利文献汇编): patents no longer in force, with the reason and the date they
ended, most valuable first.

May import: seip.analysis (its own modules), seip.store, seip.taxonomy, seip.records, seip.errors, stdlib,
ibis, pyarrow, xlsxwriter.

Expressions only (nothing here executes). Definitions: docs/analysis.md ("Lapsed patents").

* **Which documents.** Those whose legal status says the right, or the application, has ended: ``lapsed``
  (annual fees unpaid, 未缴年费终止), ``expired`` (term ended, 期限届满), ``invalidated`` (无效宣告),
  ``abandoned`` (放弃), ``withdrawn`` (撤回 / 视为撤回) and ``rejected`` (驳回). The last two were never rights
  but their content is free to use all the same. One row per application, described by the record that
  speaks for it (:func:`seip.analysis.stats.applications`).
* **Date of the end.** The latest legal event of the matching category (lapse, expiry, invalidation…);
  else, for ``expired``, the statutory end of term (:func:`seip.analysis.value.term_end`); else unknown, with
  the earliest day the end can have happened (``ended_after``: the grant for rights, the publication for
  applications). PCT applications (WO) are left out: the end of the international phase ends no right.
* **Since.** ``since`` keeps documents that ended on or after that day, and those of unknown date whose
  ``ended_after`` is already on or after it (they certainly ended since); others of unknown date only with
  ``include_undated``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from seip.analysis._backend import Tables
from seip.analysis.lifecycle import select
from seip.analysis.rights import END_CATEGORY, statutory_end
from seip.analysis.value import value_columns
from seip.errors import SeipError

REASONS: dict[str, tuple[str, str]] = {
    "lapsed": ("未缴年费终止", "lapsed (fees unpaid)"),
    "expired": ("期限届满", "expired"),
    "invalidated": ("无效宣告", "invalidated"),
    "abandoned": ("放弃", "abandoned"),
    "withdrawn": ("撤回", "withdrawn"),
    "rejected": ("驳回", "rejected"),
}
RIGHTS = ("lapsed", "expired", "invalidated", "abandoned")  # ended after grant


class LapsedError(SeipError):
    """The compilation cannot be written as asked."""


def end_dates(tables: Tables, *, as_of: dt.date) -> ir.Table:
    """Every application that has ended (as :func:`seip.analysis.stats.applications` describes it): ``akey``,
    ``pub_number`` (the record that speaks for it), ``reason`` (its legal status), ``end_date`` (NULL =
    unknown), ``end_basis`` (``event``, ``term`` or ``unknown``) and ``ended_after``."""
    apps = tables.applications
    # A PCT application (WO) whose international phase has ended lost no right: it is never listed.
    a = apps.filter(apps.legal_status.isin(list(END_CATEGORY)), apps.pub_country.fill_null("") != "WO")
    if "status_end" in a.columns:  # dated once per corpus state (seip.analysis.rights)
        j = a.mutate(event_end=a.status_end)
    else:
        docs = tables.patents.select(
            "pub_number", akey=ibis.coalesce(tables.patents.app_number, tables.patents.pub_number)
        )
        ev = tables.legal_events
        ev = ev.filter(ev.category.isin(list(END_CATEGORY.values()))).inner_join(docs, "pub_number")
        last = ev.group_by(["akey", "category"]).aggregate(event_end=ev.event_date.max())
        a = a.mutate(end_category=a.legal_status.cases(*END_CATEGORY.items()))
        j = a.left_join(last, [a.akey == last.akey, a.end_category == last.category])
    statutory = statutory_end(j)
    # A term that has not run out by ``as_of`` cannot date an expiry (the status and the dates disagree).
    by_term = (j.legal_status == "expired") & statutory.notnull() & (statutory <= ibis.date(as_of))
    end = ibis.cases((j.event_end.notnull(), j.event_end), (by_term, statutory), else_=ibis.null("date"))
    basis = ibis.cases((j.event_end.notnull(), "event"), (by_term, "term"), else_="unknown")
    after = ibis.cases(
        (j.legal_status.isin(list(RIGHTS)) & j.grant_date.notnull(), j.grant_date), else_=j.pub_date
    )
    return j.select(
        "akey",
        "pub_number",
        reason=j.legal_status,
        end_date=end,
        end_basis=basis,
        ended_after=ibis.cases((end.isnull(), after), else_=ibis.null("date")),
    )


def lapsed_table(
    tables: Tables,
    *,
    as_of: dt.date,
    sei: str | None = None,
    ipc: str | None = None,
    since: dt.date | None = None,
    reasons: tuple[str, ...] = tuple(END_CATEGORY),
    include_undated: bool = False,
    values: ir.Table | None = None,
) -> ir.Table:
    """The compilation: one row per ended application of the selection (described by the record that speaks
    for it), most valuable first (value score descending, unscored last, then publication number), numbered
    from 1 in ``rank``. ``values`` is :func:`seip.analysis.value.value_columns` of the whole corpus as of
    ``as_of`` when the caller has it already (a cached table); else it is computed."""
    chosen = select(tables, sei=sei, ipc=ipc)
    ends = end_dates(chosen, as_of=as_of)
    ends = ends.filter(ends.reason.isin(list(reasons)))
    if since is not None:
        lo = ibis.date(since)
        ok = (ends.end_date >= lo) | (ends.end_date.isnull() & (ends.ended_after >= lo))
        if include_undated:
            ok = ok | ends.end_date.isnull()
        ends = ends.filter(ok.fill_null(False))
    p = tables.patents
    p = ends.inner_join(p, "pub_number")
    v = values if values is not None else value_columns(tables.patents, tables.legal_events, as_of=as_of)
    p = p.left_join(v.select("pub_number", "value_score", "core"), "pub_number")
    out = p.select(
        "pub_number",
        "app_number",
        "title",
        applicants=p.applicants.join("; "),
        province=p.province,
        city=p.city,
        app_date=p.app_date,
        grant_date=p.grant_date,
        patent_type=p.patent_type,
        ipc_main=p.ipc_main,
        sei_codes=p.sei_codes.join(" "),
        reason=p.reason,
        legal_status_raw=p.legal_status_raw,
        end_date=p.end_date,
        end_basis=p.end_basis,
        ended_after=p.ended_after,
        value_score=p.value_score,
        core=p.core.fill_null(False),
    )
    order = [ibis.desc(out.value_score, nulls_first=False), out.pub_number]
    return out.mutate(rank=ibis.row_number().over(order_by=order) + 1).order_by("rank")


#: Column headers of the xlsx compilation (Chinese, English).
XLSX_HEADERS: dict[str, tuple[str, str]] = {
    "rank": ("序号", "rank"),
    "pub_number": ("公开（公告）号", "publication number"),
    "app_number": ("申请号", "application number"),
    "title": ("名称", "title"),
    "applicants": ("申请（专利权）人", "applicants"),
    "province": ("省份", "province"),
    "city": ("城市", "city"),
    "app_date": ("申请日", "filing date"),
    "grant_date": ("授权日", "grant date"),
    "patent_type": ("专利类型", "patent type"),
    "ipc_main": ("IPC主分类", "main IPC"),
    "sei_codes": ("战略性新兴产业分类", "SEI categories"),
    "reason": ("失效原因", "reason"),
    "legal_status_raw": ("原始法律状态", "legal status as exported"),
    "end_date": ("失效日期", "date ended"),
    "end_basis": ("日期依据", "basis of the date"),
    "ended_after": ("失效日期未知：不早于", "date unknown: not before"),
    "value_score": ("价值分", "value score"),
    "core": ("核心专利", "core patent"),
}


def notes(selection: dict, rows: int, en: bool = False) -> list[tuple[str, str]]:
    """The definitions sheet of the xlsx compilation: what was selected and how every column was made."""
    sel = ", ".join(f"{k}={v}" for k, v in selection.items() if v not in (None, (), []))
    zh = [
        ("失效专利文献汇编", f"{rows} 件；条件：{sel}"),
        ("排序", "按价值分从高到低（无价值分者在后），同分按公开号"),
        (
            "失效原因",
            "未缴年费终止 lapsed / 期限届满 expired / 无效宣告 invalidated / 放弃 abandoned / 撤回 withdrawn / 驳回 rejected；PCT国际申请不列入",
        ),
        (
            "失效日期",
            "法律事件日期（event）；期限届满者按法定期限推算（term）：发明20年、实用新型10年、外观设计10年（2021-06-01起申请15年）；否则未知（unknown），并给出不早于的日期（授权日或公开日）",
        ),
        ("价值分", "专利价值度（0–100），法律、技术、经济三个维度，定义见 docs/analysis.md"),
        ("核心专利", "同一局、同一IPC小类、同一申请年中价值分前10%（至少10件可比专利）"),
        ("一件一行", "同一申请的多个公开文本只列一次（代表文本）"),
    ]
    en_rows = [
        ("Lapsed-patent compilation", f"{rows} applications; selection: {sel}"),
        ("Order", "value score, highest first (unscored last), then publication number"),
        (
            "Reason",
            "lapsed (fees unpaid), expired, invalidated, abandoned, withdrawn, rejected; PCT applications are not listed",
        ),
        (
            "Date ended",
            "date of the legal event (event); for expiry the statutory term (term): invention 20 years, utility model 10, design 10 (15 for filings from 2021-06-01); else unknown, with the earliest possible day (grant or publication)",
        ),
        (
            "Value score",
            "patent value (0–100) in legal, technical and economic dimensions; see docs/analysis.md",
        ),
        (
            "Core patent",
            "top 10 % by value score of the same office, IPC subclass and filing year (at least 10 comparable patents)",
        ),
        ("One row per application", "an application published several times is listed once"),
    ]
    return en_rows if en else zh


def write(table: pa.Table, path: Path, selection: dict, *, en: bool = False) -> None:
    """Write the executed compilation as .xlsx (one sheet of patents, one of definitions; headers in Chinese,
    or English with ``en``), .csv or .parquet (canonical column names)."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, path)
    elif suffix == ".csv":
        import pyarrow.csv as pcsv

        pcsv.write_csv(table, path)
    elif suffix == ".xlsx":
        import xlsxwriter

        if table.num_rows >= 1_048_575:
            raise LapsedError(f"{table.num_rows:,} rows do not fit in one xlsx sheet: write .csv or .parquet")
        with xlsxwriter.Workbook(str(path), {"constant_memory": True}) as wb:
            ws = wb.add_worksheet("lapsed" if en else "失效专利")
            dates = wb.add_format({"num_format": "yyyy-mm-dd"})
            cols = table.column_names
            ws.write_row(0, 0, [XLSX_HEADERS.get(c, (c, c))[1 if en else 0] for c in cols])
            for i, row in enumerate(table.to_pylist(), 1):
                for j, c in enumerate(cols):
                    v = row[c]
                    if isinstance(v, dt.date):
                        ws.write_datetime(i, j, dt.datetime.combine(v, dt.time()), dates)
                    elif c == "reason":
                        ws.write(i, j, REASONS[v][1 if en else 0])
                    elif v is not None:
                        ws.write(i, j, v)
            about = wb.add_worksheet("notes" if en else "说明")
            for i, (k, v) in enumerate(notes(selection, table.num_rows, en)):
                about.write_row(i, 0, [k, v])
    else:
        raise LapsedError(f"{path}: write .xlsx, .csv or .parquet")
