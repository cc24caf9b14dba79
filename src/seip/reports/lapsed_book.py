"""The lapsed-patent compilation as a formatted workbook: cover (selection, method, date, sources), contents,
every entry most valuable first, a summary by reason of lapse, and one sheet per SEI second-level category
when a whole industry is compiled.

May import: seip.analysis, seip.reports, seip.taxonomy, stdlib, pyarrow, xlsxwriter.

Sheet names, headings and coded values follow the language (``seip --lang en``); entries stay as stored.

Entry sheets have a frozen, filtered header, set column widths, wrapped long text, dates as Excel dates and
the value score as a number. Columns are converted with Arrow compute; rows are then written one call each
(xlsxwriter writes cell by cell, in constant-memory mode so that large compilations stream to disk).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc

from seip import i18n
from seip.analysis import lapsed
from seip.reports.lapsed_text import BOOK_BASIS, HEADERS, REASONS, YES_NO
from seip.reports.published import PATENT_TYPES, sei_key
from seip.reports.words import en, ending, sei_name

T = i18n.t

if TYPE_CHECKING:
    from seip.reports.lapsed_report import Compilation

MAX_ROWS = 1_048_575  # an xlsx sheet's rows less the header
EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug is before every patent date)
#: key → (width, kind); kinds: text, wrap, date, int, score, map (with a vocabulary below). Headings: HEADERS.
COLUMNS: dict[str, tuple[int, str]] = {
    "rank": (6, "int"),
    "pub_number": (17, "text"),
    "app_number": (18, "text"),
    "title": (36, "wrap"),
    "applicants": (28, "wrap"),
    "province": (10, "text"),
    "city": (10, "text"),
    "app_date": (11, "date"),
    "grant_date": (11, "date"),
    "patent_type": (11, "map"),
    "ipc_main": (13, "text"),
    "group": (14, "wrap"),
    "sei_codes": (12, "text"),
    "reason": (14, "map"),
    "end_date": (11, "date"),
    "end_basis": (13, "map"),
    "ended_after": (13, "date"),
    "value_score": (8, "score"),
    "core": (8, "map"),
    "legal_status_raw": (16, "wrap"),
    "abstract": (60, "wrap"),
}
#: Vocabularies of the coded columns, answering in the current language.
MAPS: dict[str, Mapping[Any, str]] = {"patent_type": PATENT_TYPES, "reason": REASONS, "end_basis": BOOK_BASIS,
                                      "core": YES_NO}  # fmt: skip


def _mapped(col: pa.ChunkedArray, mapping: Mapping[Any, str]) -> pa.Array:
    keys = list(mapping)
    idx = pc.index_in(col, value_set=pa.array(keys, col.type))
    return pa.array([mapping[k] for k in keys], pa.string()).take(idx)


def columns(t: pa.Table) -> list[list[Any]]:
    """The entry columns as Python lists ready to write: dates as Excel day numbers, codes as words of the
    current language."""
    out = []
    for key, (_, kind) in COLUMNS.items():
        col = t.column(key)
        if kind == "date":
            col = pc.days_between(pa.scalar(EPOCH, pa.date32()), pc.cast(col, pa.date32()))
        elif kind == "map":
            col = _mapped(col, MAPS[key])
        out.append(col.to_pylist())
    return out


class _Formats:
    def __init__(self, wb) -> None:
        base = {"valign": "top", "font_size": 10}
        self.title = wb.add_format({"bold": True, "font_size": 18, "font_color": "#1f4e79"})
        self.subtitle = wb.add_format({"font_size": 12, "font_color": "#666666"})
        self.key = wb.add_format({"bold": True, "bg_color": "#f2f6fa", "valign": "top", "border": 1})
        self.value = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
        self.head = wb.add_format({"bold": True, "font_color": "white", "bg_color": "#1f4e79", "text_wrap": True,
                                   "valign": "vcenter", "border": 1})  # fmt: skip
        self.link = wb.add_format({"font_color": "blue", "underline": 1, "border": 1})
        self.int = wb.add_format({**base, "num_format": "#,##0"})
        self.pct = wb.add_format({**base, "num_format": "0.0%"})
        self.kinds = {
            "text": wb.add_format(base),
            "wrap": wb.add_format({**base, "text_wrap": True}),
            "date": wb.add_format({**base, "num_format": "yyyy-mm-dd"}),
            "int": wb.add_format({**base, "num_format": "0"}),
            "score": wb.add_format({**base, "num_format": "0.00"}),
            "map": wb.add_format(base),
        }


def _entries(wb, f: _Formats, name: str, data: list[list[Any]], rows: int) -> None:
    ws = wb.add_worksheet(name)
    for c, (width, kind) in enumerate(COLUMNS.values()):
        ws.set_column(c, c, width, f.kinds[kind])
    ws.set_row(0, 30)
    ws.write_row(0, 0, [HEADERS[k] for k in COLUMNS], f.head)
    ws.freeze_panes(1, 2)
    ws.autofilter(0, 0, max(rows, 1), len(COLUMNS) - 1)
    for r, row in enumerate(zip(*data, strict=True), 1):
        ws.write_row(r, 0, row)


def _subset(data: list[list[Any]], keep: list[int]) -> list[list[Any]]:
    return [[col[i] for i in keep] for col in data]


def _sei_sheets(t: pa.Table, sei: str | None) -> list[tuple[str, list[int]]]:
    """(code, row positions) per second-level category when a first-level industry was compiled."""
    if not sei or "." in sei:
        return []
    tokens = pc.split_pattern(pc.fill_null(t.column("sei_codes"), ""), " ")
    flat = pc.list_flatten(tokens)
    parent = pc.list_parent_indices(tokens)
    found = pa.table({"code": flat, "row": parent}).filter(pc.starts_with(flat, sei + "."))
    out: dict[str, list[int]] = {}
    for code, row in zip(found.column("code").to_pylist(), found.column("row").to_pylist(), strict=True):
        out.setdefault(code, []).append(row)
    return sorted(out.items(), key=lambda x: sei_key(x[0]))


def _reasons(wb, f: _Formats, name: str, t: pa.Table) -> None:
    from seip.reports.lapsed_report import counts, end_years

    ws = wb.add_worksheet(name)
    ws.set_column(0, 0, 20)  # "lapsed (fees unpaid)"
    ws.set_column(1, 6, 13)
    ws.write(0, 0, T("lap_reasons_title"), f.title)
    heads = [
        T(k)
        for k in ("lap_reason", "lap_count", "lap_share", "lap_head_dated", "lap_head_core", "lap_head_mean")
    ]
    ws.write_row(2, 0, heads, f.head)
    total = t.num_rows
    r = 3
    for reason, k in counts(t, "reason"):
        part = t.filter(pc.equal(t.column("reason"), pa.scalar(reason)))
        dated = pc.sum(pc.is_valid(part.column("end_date"))).as_py()
        core = pc.sum(part.column("core")).as_py() or 0
        mean = pc.mean(part.column("value_score")).as_py()
        ws.write(r, 0, REASONS[reason])
        ws.write(r, 1, k, f.int)
        ws.write(r, 2, k / total, f.pct)
        ws.write(r, 3, dated, f.int)
        ws.write(r, 4, core, f.int)
        if mean is not None:
            ws.write(r, 5, mean, f.kinds["score"])
        r += 1
    ws.write_row(r, 0, [T("lap_sum"), total], f.key)
    years = end_years(t)
    reasons = sorted({y["reason"] for y in years})
    r += 3
    ws.write(r, 0, T("lap_years_title"), f.subtitle)
    ws.write_row(r + 1, 0, [T("lap_year"), *reasons, T("lap_sum"), T("lap_head_undated")], f.head)
    grid: dict[int, dict[str, int]] = {}
    for y in years:
        row = grid.setdefault(y["year"], {})
        row[y["reason"]] = row.get(y["reason"], 0) + y["count"]
        if not y["dated"]:
            row["undated"] = row.get("undated", 0) + y["count"]
    for i, year in enumerate(sorted(grid), r + 2):
        cells = [grid[year].get(x, 0) for x in reasons]
        ws.write_row(i, 0, [year, *cells, sum(cells), grid[year].get("undated", 0)])


def _cover(
    wb, f: _Formats, name: str, d: Compilation, publisher: str, sheets: list[tuple[str, str, int | None]]
) -> None:
    from seip.reports.lapsed_report import scope, title

    ws = wb.add_worksheet(name)
    ws.set_column(0, 0, 22)
    ws.set_column(1, 1, 100)
    ws.write(0, 0, title(d), f.title)
    ws.write(1, 0, T("lap_book_subtitle", cutoff=f"{d.cutoff:%Y-%m-%d}", today=f"{dt.date.today():%Y-%m-%d}"),
             f.subtitle)  # fmt: skip
    facts = [(T("lap_publisher"), publisher or "—"), (T("lap_book_scope"), scope(d)),
             (T("lap_since_label"), d.since.isoformat() if d.since else T("lap_any_date")),
             (T("lap_as_of"), d.as_of.isoformat()), (T("lap_cutoff"), d.cutoff.isoformat()),
             (T("lap_total"), f"{d.total:,}"),
             (T("lap_grouping"), T("lap_grouping_ipc" if d.group_by == "ipc" else "lap_grouping_branch"))]  # fmt: skip
    facts += lapsed.notes(d.selection(), d.total, en=en())[1:]
    sep = T("lap_fact_sep")
    facts += [(T("lap_sources"), sep.join(T("lap_source_item", fmt=s["source_format"], files=s["files"], s=ending(s["files"]),
                                             rows=f"{s['rows_read']:,}") for s in d.sources.rows)),
              (T("lap_sheets"), sep.join(T("lap_sheet_item", sheet=s, desc=desc) for s, desc, _ in sheets))]  # fmt: skip
    for r, (k, v) in enumerate(facts, 3):
        ws.write(r, 0, k, f.key)
        ws.write(r, 1, v, f.value)


def _contents(wb, f: _Formats, name: str, sheets: list[tuple[str, str, int | None]]) -> None:
    ws = wb.add_worksheet(name)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 60)
    ws.set_column(2, 2, 10)
    ws.write(0, 0, T("lap_contents_title"), f.title)
    ws.write_row(2, 0, [T("lap_head_sheet"), T("lap_head_desc"), T("lap_head_rows")], f.head)
    for r, (sheet, desc, rows) in enumerate(sheets, 3):
        ws.write_url(r, 0, f"internal:'{sheet}'!A1", f.link, string=sheet)
        ws.write(r, 1, desc, f.value)
        if rows is not None:
            ws.write(r, 2, rows, f.int)


def _sheet_name(code: str) -> str:
    name = f"{code} {sei_name(code)}"
    for ch in "[]:*?/\\":
        name = name.replace(ch, "")
    if len(name) <= 31:
        return name
    # An xlsx sheet name holds 31 characters: cut English names at a word ("1.3 Emerging software and new").
    cut = name[:32].rsplit(" ", 1)[0].rstrip(",")
    return cut if len(cut) > len(code) + 1 else name[:31]


def write_book(d: Compilation, path: Path, publisher: str = "") -> Path:
    """Write the workbook to ``path`` (under a temporary name first: a failure leaves no half workbook)."""
    import xlsxwriter

    from seip.reports.lapsed_report import LapsedReportError

    t = d.entries
    if t.num_rows > MAX_ROWS:
        raise LapsedReportError(f"{t.num_rows:,} entries do not fit in one xlsx sheet: narrow the selection")
    per_sei = _sei_sheets(t, d.sei)
    sheets: list[tuple[str, str, int | None]] = [
        (T("lap_sheet_cover"), T("lap_desc_cover"), None), (T("lap_sheet_contents"), T("lap_desc_contents"), None),
        (T("lap_sheet_entries"), T("lap_desc_entries"), t.num_rows),
        (T("lap_sheet_reasons"), T("lap_desc_reasons"), None)]  # fmt: skip
    sheets += [(_sheet_name(code), T("lap_desc_sei", name=sei_name(code), code=code), len(rows))
               for code, rows in per_sei]  # fmt: skip
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp.xlsx")
    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_numbers": False,
                                        "strings_to_urls": False, "strings_to_formulas": False})  # fmt: skip
    f = _Formats(wb)
    data = columns(t)
    _cover(wb, f, sheets[0][0], d, publisher, sheets)
    _contents(wb, f, sheets[1][0], sheets)
    _entries(wb, f, sheets[2][0], data, t.num_rows)
    _reasons(wb, f, sheets[3][0], t)
    for (name, _, _), (_, rows) in zip(sheets[4:], per_sei, strict=True):
        _entries(wb, f, name, _subset(data, rows), len(rows))
    wb.close()
    os.replace(tmp, path)
    return path
