"""incoPat exports ("下载的著录项" xlsx, and the same columns as CSV).

May import: seip.records, seip.errors, stdlib, pyarrow.

Recognised by incoPat's own headers (``公开（公告）号`` with ``链接到incoPat``, ``标题 (中文)`` or
``新兴产业分类``). The column subset differs per download; every header below is optional except the
publication number.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from seip.sources import _tabular as tab

NAME = "incopat"

COLUMNS: dict[str, str] = {
    "公开（公告）号": "pub_number",
    "公开（公告）日": "pub_date",
    "申请号": "app_number",
    "申请日": "app_date",
    "授权公告日": "grant_date",
    "优先权日": "priority_date",
    "最早优先权日": "priority_date",
    "标题 (中文)": "title",
    "标题 (英文)": "title_en",
    "标题": "title",
    "摘要 (中文)": "abstract",
    "摘要 (英文)": "abstract_en",
    "摘要": "abstract",
    "首项权利要求": "first_claim",
    "权利要求数量": "claims_count",
    "申请人": "applicants",
    "发明人": "inventors",
    "申请人地址": "applicant_address",
    "申请人国别代码": "applicant_country",
    "申请人省市": "province",
    "申请人地市": "city",
    "专利类型": "patent_type",
    "公开类型": tab.IGNORE,  # 发明申请/发明授权/实用新型…: the same as 专利类型 in every file seen
    "公开国别": tab.IGNORE,  # the office is part of the publication number
    "IPC主分类": "ipc_main",
    "IPC": "ipc",
    "CPC": "cpc",
    "新兴产业分类": "vendor_sei_codes",
    "新兴产业(主)": "vendor_sei_main",
    "当前法律状态": "legal_status",
    "专利有效性": "is_valid",
    "简单同族": "family_id",
    "简单同族个数": "family_size",
    "被引证次数": "cited_by_count",
    "引证次数": "cites_count",
    # Known columns we do not keep: vendor-specific, derivable, or links.
    "序号": tab.IGNORE,
    "链接到incoPat": tab.IGNORE,
    "国民经济分类": tab.IGNORE,
    "标准化申请人": tab.IGNORE,  # incoPat's own grouping, e.g. "[福特汽车-C]"; seip computes applicants_std
    "第一申请人": tab.IGNORE,  # = applicants[0]
    "技术功效句": tab.IGNORE,
    "技术功效短语": tab.IGNORE,
    "技术功效1级": tab.IGNORE,
    "技术功效2级": tab.IGNORE,
    "技术功效3级": tab.IGNORE,
    "技术功效TRIZ参数": tab.IGNORE,
}

_SIGNATURES = ("链接到incopat", "标题(中文)", "新兴产业分类", "专利有效性")
LAYOUT = tab.TableSource(
    COLUMNS, lambda cells: "公开(公告)号" in cells and any(s in cells for s in _SIGNATURES)
)


def detect(path: Path, head: bytes) -> bool:
    """True for an incoPat bibliographic export (xlsx/xls/csv)."""
    return LAYOUT.detect(path, head)


def read(path: Path, batch_size: int = 50_000) -> Iterator[pa.RecordBatch]:
    """Raw batches of an incoPat export; see :mod:`seip.records.schema`."""
    return LAYOUT.read(path, batch_size)


def mapping(path: Path) -> tab.Mapping | None:
    """The column mapping used for ``path`` (for the import log's unmapped and ignored columns)."""
    return LAYOUT.mapping(path)
