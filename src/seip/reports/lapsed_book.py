"""The lapsed-patent compilation as a formatted workbook: cover (selection, method, date, sources), contents,
every entry most valuable first, a summary by reason of lapse, and one sheet per SEI second-level category
when a whole industry is compiled.

May import: seip.analysis, seip.reports, seip.taxonomy, stdlib, pyarrow, xlsxwriter.

Entry sheets have a frozen, filtered header, set column widths, wrapped long text, dates as Excel dates and
the value score as a number. Columns are converted with Arrow compute; rows are then written one call each
(xlsxwriter writes cell by cell, in constant-memory mode so that large compilations stream to disk).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc

from seip.analysis import lapsed
from seip.reports.published import PATENT_TYPES, sei_key, sei_name

if TYPE_CHECKING:
    from seip.reports.lapsed_report import Compilation

MAX_ROWS = 1_048_575  # an xlsx sheet's rows less the header
EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug is before every patent date)
BASIS = {"event": "法律事件", "term": "法定期限推算", "unknown": "未知"}
#: key → (header, width, kind); kinds: text, wrap, date, int, score, map (with a dictionary below).
COLUMNS: dict[str, tuple[str, int, str]] = {
    "rank": ("序号", 6, "int"),
    "pub_number": (lapsed.XLSX_HEADERS["pub_number"][0], 17, "text"),
    "app_number": (lapsed.XLSX_HEADERS["app_number"][0], 18, "text"),
    "title": (lapsed.XLSX_HEADERS["title"][0], 36, "wrap"),
    "applicants": (lapsed.XLSX_HEADERS["applicants"][0], 28, "wrap"),
    "province": ("省份", 10, "text"),
    "city": ("城市", 10, "text"),
    "app_date": ("申请日", 11, "date"),
    "grant_date": ("授权日", 11, "date"),
    "patent_type": ("专利类型", 9, "map"),
    "ipc_main": (lapsed.XLSX_HEADERS["ipc_main"][0], 13, "text"),
    "group": ("分组", 14, "wrap"),
    "sei_codes": (lapsed.XLSX_HEADERS["sei_codes"][0], 12, "text"),
    "reason": ("失效原因", 12, "map"),
    "end_date": ("失效日期", 11, "date"),
    "end_basis": ("失效日期依据", 12, "map"),
    "ended_after": (lapsed.XLSX_HEADERS["ended_after"][0], 13, "date"),
    "value_score": ("价值度", 8, "score"),
    "core": ("核心专利", 8, "map"),
    "legal_status_raw": ("原始法律状态", 16, "wrap"),
    "abstract": ("摘要（节选）", 60, "wrap"),
}
MAPS: dict[str, dict[Any, str]] = {
    "patent_type": PATENT_TYPES,
    "reason": {k: v[0] for k, v in lapsed.REASONS.items()},
    "end_basis": BASIS,
    "core": {True: "是", False: "否"},
}


def _mapped(col: pa.ChunkedArray, mapping: dict[Any, str]) -> pa.Array:
    keys = list(mapping)
    idx = pc.index_in(col, value_set=pa.array(keys, col.type))
    return pa.array([mapping[k] for k in keys], pa.string()).take(idx)


def columns(t: pa.Table) -> list[list[Any]]:
    """The entry columns as Python lists ready to write: dates as Excel day numbers, codes as Chinese words."""
    out = []
    for key, (_, _, kind) in COLUMNS.items():
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
    for c, (_, width, kind) in enumerate(COLUMNS.values()):
        ws.set_column(c, c, width, f.kinds[kind])
    ws.set_row(0, 30)
    ws.write_row(0, 0, [h for h, _, _ in COLUMNS.values()], f.head)
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
    ws.set_column(0, 0, 18)
    ws.set_column(1, 6, 13)
    ws.write(0, 0, "失效专利按失效原因", f.title)
    heads = ["失效原因", "件数", "占比", "有确切失效日期", "核心专利", "平均价值度"]
    ws.write_row(2, 0, heads, f.head)
    total = t.num_rows
    r = 3
    for reason, k in counts(t, "reason"):
        part = t.filter(pc.equal(t.column("reason"), pa.scalar(reason)))
        dated = pc.sum(pc.is_valid(part.column("end_date"))).as_py()
        core = pc.sum(part.column("core")).as_py() or 0
        mean = pc.mean(part.column("value_score")).as_py()
        ws.write(r, 0, lapsed.REASONS[reason][0])
        ws.write(r, 1, k, f.int)
        ws.write(r, 2, k / total, f.pct)
        ws.write(r, 3, dated, f.int)
        ws.write(r, 4, core, f.int)
        if mean is not None:
            ws.write(r, 5, mean, f.kinds["score"])
        r += 1
    ws.write_row(r, 0, ["合计", total], f.key)
    years = end_years(t)
    reasons = sorted({y["reason"] for y in years})
    r += 3
    ws.write(r, 0, "按失效年份（日期未知者按最早可能年份）", f.subtitle)
    ws.write_row(r + 1, 0, ["失效年份", *reasons, "合计", "其中日期未知"], f.head)
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
    ws.write(1, 0, f"数据截至 {d.cutoff:%Y-%m-%d} · 编制日期 {dt.date.today():%Y-%m-%d}", f.subtitle)
    facts = [("编制单位", publisher or "—"), ("汇编范围", scope(d)),
             ("失效日不早于", d.since.isoformat() if d.since else "不限"), ("评估日", d.as_of.isoformat()),
             ("数据截止日", d.cutoff.isoformat()), ("失效专利（件）", f"{d.total:,}"),
             ("分组", "IPC 小类（主分类号前四位）" if d.group_by == "ipc" else "专利地图技术分支")]  # fmt: skip
    facts += lapsed.notes(d.selection(), d.total)[1:]
    facts += [("数据来源", "；".join(f"{s['source_format']} {s['files']} 个文件，{s['rows_read']:,} 行" for s in d.sources.rows)),
              ("工作表", "；".join(f"{s}（{desc}）" for s, desc, _ in sheets))]  # fmt: skip
    for r, (k, v) in enumerate(facts, 3):
        ws.write(r, 0, k, f.key)
        ws.write(r, 1, v, f.value)


def _contents(wb, f: _Formats, name: str, sheets: list[tuple[str, str, int | None]]) -> None:
    ws = wb.add_worksheet(name)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 60)
    ws.set_column(2, 2, 10)
    ws.write(0, 0, "目录", f.title)
    ws.write_row(2, 0, ["工作表", "内容", "行数"], f.head)
    for r, (sheet, desc, rows) in enumerate(sheets, 3):
        ws.write_url(r, 0, f"internal:'{sheet}'!A1", f.link, string=sheet)
        ws.write(r, 1, desc, f.value)
        if rows is not None:
            ws.write(r, 2, rows, f.int)


def _sheet_name(code: str) -> str:
    name = f"{code} {sei_name(code)}"
    for ch in "[]:*?/\\":
        name = name.replace(ch, "")
    return name[:31]


def write_book(d: Compilation, path: Path, publisher: str = "") -> Path:
    """Write the workbook to ``path`` (under a temporary name first: a failure leaves no half workbook)."""
    import xlsxwriter

    from seip.reports.lapsed_report import LapsedReportError

    t = d.entries
    if t.num_rows > MAX_ROWS:
        raise LapsedReportError(f"{t.num_rows:,} entries do not fit in one xlsx sheet: narrow the selection")
    per_sei = _sei_sheets(t, d.sei)
    sheets: list[tuple[str, str, int | None]] = [
        ("封面", "汇编范围、方法与数据来源", None), ("目录", "各工作表", None),
        ("失效专利", "全部条目，按价值度从高到低", t.num_rows), ("按失效原因", "件数、占比、核心专利及按年份分布", None)]  # fmt: skip
    sheets += [(_sheet_name(code), f"{sei_name(code)}（{code}）的条目", len(rows)) for code, rows in per_sei]
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
