"""Writing a result list to .xlsx or .csv: the hits of a query in the order shown, with score and snippet.

May import: seip.records, seip.errors, seip.i18n, stdlib, pyarrow, xlsxwriter.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

from seip import i18n
from seip.errors import SeipError
from seip.store.corpus import Corpus
from seip.store.files import new_workbook
from seip.store.search.execute import Hit, search
from seip.store.search.fields import lang

i18n.register(
    {
        "search_export_format": (
            "导出文件须为 .xlsx 或 .csv：{path}",
            "the export file must be .xlsx or .csv: {path}",
        )
    }
)

#: (column header zh, en, Hit attribute)
COLUMNS = (
    ("序号", "rank", None),
    ("公开号", "publication number", "pub_number"),
    ("标题", "title", "title"),
    ("申请人", "applicants", "applicants"),
    ("申请日", "filing date", "app_date"),
    ("公开日", "publication date", "pub_date"),
    ("授权日", "grant date", "grant_date"),
    ("主分类号", "main IPC", "ipc_main"),
    ("战新分类", "SEI codes", "sei_codes"),
    ("法律状态", "legal status", "legal_status"),
    ("当前有效", "in force", "is_valid"),
    ("专利类型", "patent type", "patent_type"),
    ("国别", "office", "pub_country"),
    ("省份", "province", "province"),
    ("相关度", "score", "score"),
    ("摘要片段", "snippet", "snippet"),
)
_TAG = re.compile(r"</?em>")


class ExportFormatError(SeipError):
    """The export path has an extension other than .xlsx or .csv."""


def _cells(rank: int, hit: Hit) -> list[object]:
    out: list[object] = []
    for _, _, attr in COLUMNS:
        if attr is None:
            out.append(rank)
            continue
        v = getattr(hit, attr)
        if isinstance(v, list):
            v = "; ".join(map(str, v))
        elif attr == "snippet":
            v = html.unescape(_TAG.sub("", v))
        elif attr in ("legal_status", "patent_type") and v:
            v = i18n.label(v)
        out.append(v)
    return out


def export_hits(
    corpus: Corpus, query: str, path: str | Path, *, limit: int = 5000, sort: str = "relevance"
) -> int:
    """Write the first ``limit`` hits of ``query`` (in ``sort`` order) to ``path``; returns the rows written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ExportFormatError(i18n.t("search_export_format", path=path))
    result = search(corpus, query, limit=limit, sort=sort, with_facets=False)
    header = [zh if lang() == "zh" else en for zh, en, _ in COLUMNS]
    rows = [_cells(i + 1, h) for i, h in enumerate(result.hits)]
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows(rows)
        return len(rows)
    wb = new_workbook(path)
    sheet = wb.add_worksheet("hits")
    bold = wb.add_format({"bold": True})
    sheet.write_row(0, 0, header, bold)
    sheet.write_string(0, len(header) + 1, query)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, bool):
                sheet.write_boolean(r, c, v)
            elif isinstance(v, int | float):
                sheet.write_number(r, c, v)
            else:
                sheet.write_string(r, c, str(v))
    sheet.freeze_panes(1, 0)
    wb.close()
    return len(rows)
