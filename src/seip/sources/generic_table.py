"""Any other table of patents with Chinese or English headers (CNIPA 专利检索及分析, PatSnap 智慧芽, Himmpat, …).

May import: seip.records, seip.errors, stdlib, pyarrow.

Driven entirely by :data:`COLUMNS`, a table of column-name synonyms (documented in docs/sources.md, generated
from this dict). Claims a file when its header has a publication-number column and at least one other
known columns, and no vendor-specific reader (incoPat, Patentics) claimed it first.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from seip.sources import _tabular as tab
from seip.sources import canonical_table, incopat, patentics

NAME = "generic_table"

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "pub_number": (
        "公开（公告）号",
        "公开(公告)号",
        "公开号",
        "公告号",
        "公布号",
        "公开公告号",
        "公开号码",
        "文献号",
        "Publication Number",
        "Publication No.",
        "Publication No",
        "Patent Number",
        "pn",
    ),
    "pub_date": (
        "公开（公告）日",
        "公开日",
        "公告日",
        "公布日",
        "公开公告日",
        "公开日期",
        "Publication Date",
        "pd",
    ),
    "app_number": ("申请号", "申请号码", "Application Number", "Application No.", "an"),
    "app_date": ("申请日", "申请日期", "Application Date", "Filing Date", "ad"),
    "grant_date": ("授权日", "授权公告日", "授权日期", "Grant Date", "Issue Date"),
    "priority_date": ("优先权日", "最早优先权日", "Priority Date", "Earliest Priority Date"),
    "title": ("发明名称", "专利名称", "名称", "标题", "标题(中文)", "Title", "ti"),
    "title_en": ("英文标题", "标题(英文)", "English Title", "Title (English)"),
    "abstract": ("摘要", "摘要(中文)", "Abstract", "ab"),
    "abstract_en": ("英文摘要", "摘要(英文)", "Abstract (English)"),
    "first_claim": (
        "首项权利要求",
        "主权项",
        "独立权利要求",
        "第一权利要求",
        "First Claim",
        "Independent Claim",
    ),
    "claims_count": ("权利要求数", "权利要求数量", "权利要求项数", "Claims Count", "Number of Claims"),
    "applicants": (
        "申请（专利权）人",
        "申请(专利权)人",
        "申请人",
        "专利权人",
        "当前权利人",
        "原始申请(专利权)人",
        "Applicant",
        "Applicants",
        "Assignee",
        "Current Assignee",
        "Original Assignee",
        "pa",
    ),
    "inventors": ("发明人", "设计人", "发明（设计）人", "发明(设计)人", "Inventor", "Inventors", "in"),
    "applicant_address": ("地址", "申请人地址", "专利权人地址", "Applicant Address", "Assignee Address"),
    "applicant_country": ("申请人国别", "申请人国家", "国别", "Applicant Country", "Assignee Country"),
    "province": ("省份", "申请人省份", "省市", "申请人省市", "国省代码", "Province"),
    "city": ("城市", "申请人城市", "地市", "申请人地市", "City"),
    "ipc_main": ("主分类号", "IPC主分类", "IPC主分类号", "主IPC", "Main IPC", "IPC Main"),
    "ipc": ("分类号", "IPC分类号", "IPC", "国际分类号", "国际分类", "IPC Classification", "ic"),
    "cpc": ("CPC", "CPC分类号", "CPC Classification"),
    "patent_type": ("专利类型", "类型", "文献类型", "Patent Type", "Document Type"),
    "legal_status": ("法律状态", "当前法律状态", "案件状态", "Legal Status", "Simple Legal Status", "ls"),
    "is_valid": ("专利有效性", "有效性", "是否有效"),
    "family_id": ("同族ID", "简单同族ID", "简单同族", "Family ID", "Simple Family ID", "INPADOC Family ID"),
    "family_size": ("同族数量", "同族数", "简单同族数", "Family Size", "Simple Family Size"),
    "cited_by_count": (
        "被引用次数",
        "被引证次数",
        "被引用专利数",
        "Cited By Count",
        "Forward Citations",
        "Cited by",
    ),
    "cites_count": ("引用次数", "引证次数", "引用专利数", "Cites Count", "Backward Citations"),
}

COLUMNS: dict[str, str] = {
    **{syn: field for field, syns in _SYNONYMS.items() for syn in syns},
    **{k: tab.IGNORE for k in ("序号", "No.", "#", "链接", "Link", "代理人", "代理机构", "Agent", "Agency")},
}

_NUMBER_HEADERS = {tab.normalize_header(s) for s in _SYNONYMS["pub_number"]}


def _accept(cells: list[str]) -> bool:
    """A number column, and not a layout a vendor-specific reader owns (no two readers claim one file)."""
    if incopat.LAYOUT.accept(cells) or patentics.LAYOUT.accept(cells) or canonical_table.LAYOUT.accept(cells):
        return False
    return any(c in _NUMBER_HEADERS for c in cells)


LAYOUT = tab.TableSource(COLUMNS, _accept, min_hits=2)


def detect(path: Path, head: bytes) -> bool:
    """True for a table with a publication-number column and ≥ 1 other known column."""
    return LAYOUT.detect(path, head)


def read(path: Path, batch_size: int = 50_000) -> Iterator[pa.RecordBatch]:
    """Raw batches; see :mod:`seip.records.schema`."""
    return LAYOUT.read(path, batch_size)


def mapping(path: Path) -> tab.Mapping | None:
    """The column mapping used for ``path``."""
    return LAYOUT.mapping(path)
