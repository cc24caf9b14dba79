"""Patentics exports: CSV (24 columns, a trailing comma on every row) and xlsx (31–75 columns).

May import: seip.records, seip.errors, stdlib, pyarrow.

Quirks handled (see ../shared/datasets/cn-patent-container/SOURCE.md): the CSV's trailing comma (an extra
empty field per row, detected, not assumed); xlsx with a title row ``Patentics`` above the header; US
application downloads whose publication-number column is headed ``Patentics``; ``国际主分类`` holding only
the subclass (CSV) or the symbol followed by its title (xlsx); ``美国分类`` holding CPC symbols.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from seip.sources import _tabular as tab

NAME = "patentics"

COLUMNS: dict[str, str] = {
    "公开号": "pub_number",
    "Patentics": "pub_number",  # US-application downloads head the number column with the vendor name
    "申请号": "app_number",
    "标题": "title",
    "摘要": "abstract",
    "主权项": "first_claim",
    "申请日": "app_date",
    "公开日": "pub_date",
    "公开/公告日": "pub_date",
    "公开-公告日": "pub_date",
    "申请公开日": tab.IGNORE,  # first publication of a granted document; pub_date is this document's
    "授权公告日": "grant_date",
    "授权日": "grant_date",
    "优先权日": "priority_date",
    "国际分类": "ipc",
    "国际主分类": "ipc_main",
    "美国分类": "cpc",  # holds CPC symbols in every export seen (185,930 of 185,930 pieces)
    "CPC分类": "cpc",
    "美国主分类": tab.IGNORE,
    "CPC主分类": tab.IGNORE,
    "CPC小类": tab.IGNORE,
    "分类数": tab.IGNORE,
    "权利要求数": "claims_count",
    "申请人": "applicants",
    "发明人": "inventors",
    "专利类型": "patent_type",
    "专利局": tab.IGNORE,  # the office is part of the publication number
    "本文引用专利数": "cites_count",
    "引用数": "cites_count",
    "引用本文专利数": "cited_by_count",
    "被引用数": "cited_by_count",
    "本文被引用专利数": "cited_by_count",
    "法律状态": "legal_status",
    "同族专利数": "family_size",
    "同族数": "family_size",
    "省市": "province",
    "地市": "city",
    "通信地址": "applicant_address",
    # Known, not kept: vendor scores, derived counts, vendor name grouping, long text sections.
    **{
        k: tab.IGNORE
        for k in (
            "标准化申请人 标准申请人 标准专利权人 第一发明人 本文自引用专利数 本文非自引用专利数 自引用本文专利数 "
            "非自引用本文专利数 技术特征 技术特征数 独权数 方法数 首图 价值1 价值2 价值3 价值谱 对偶主权项 背景技术 "
            "用途 实施例 发明效果 专利度 独权度 方法度 特征度 实施例数 质量 X标签 Y标签 优先权国家/地区 优先权国家 "
            "优先权 引用 自引用数 非自引用数 引用公司数 被引用 影响因子 被自引用 非被自引用数 被引用公司数 被引用国家数 "
            "同族 同族国家数 索引词1 索引词2 索引词3 索引词4 等级 相关度 法律描述 复审信息 律师、代理 自引用专利数 "
            "被自引用专利数"
        ).split()
    },
}

_SIGNATURES = ("国际主分类", "标准化申请人", "标准申请人", "影响因子", "本文引用专利数")


def _accept(cells: list[str]) -> bool:
    has_number = "公开号" in cells or (cells and cells[0] == "patentics")
    return bool(has_number) and any(s in cells for s in _SIGNATURES) and "公开(公告)号" not in cells


LAYOUT = tab.TableSource(COLUMNS, _accept)


def detect(path: Path, head: bytes) -> bool:
    """True for a Patentics CSV or xlsx export."""
    return LAYOUT.detect(path, head)


def read(path: Path, batch_size: int = 50_000) -> Iterator[pa.RecordBatch]:
    """Raw batches of a Patentics export; see :mod:`seip.records.schema`."""
    return LAYOUT.read(path, batch_size)


def mapping(path: Path) -> tab.Mapping | None:
    """The column mapping used for ``path``."""
    return LAYOUT.mapping(path)
