"""User-facing words: Chinese by default, English with ``--lang en`` or ``SEIP_LANG=en``.

May import: stdlib.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping

MESSAGES: dict[str, tuple[str, str]] = {
    "rows_read": ("读取行数", "rows read"),
    "imported": ("新增", "imported"),
    "updated": ("更新", "updated"),
    "unchanged": ("未变", "unchanged"),
    "duplicates_in_file": ("文件内重复", "duplicates in file"),
    "quarantined": ("隔离", "quarantined"),
    "events_added": ("新增法律事件", "legal events added"),
    "file": ("文件", "file"),
    "format": ("格式", "format"),
    "failed": ("导入失败", "import failed"),
    "total": ("合计", "total"),
    "unmapped": ("未识别的列（未导入）", "unrecognised columns (not imported)"),
    "qa_title": ("数据质量报告", "data quality report"),
    "qa_empty": ("空值比例最高的字段", "fields most often empty"),
    "qa_flags": ("被标记的值（未写入记录）", "flagged values (kept out of the record)"),
    "qa_dups": ("文件内重复号码（内容冲突）", "duplicate numbers in file (conflicting)"),
    "qa_failed_checks": ("未通过的检查", "failed checks"),
    "qa_ok": ("全部检查通过", "all checks passed"),
    "patents": ("专利文献", "patents"),
    "valid": ("有效", "in force"),
    "legal_events": ("法律事件", "legal events"),
    "quarantined_rows": ("隔离行", "quarantined rows"),
    "invalid_ipc_symbols": ("无效分类号", "invalid classification symbols"),
    "unknown_ipc_symbols": ("未知小类的IPC分类号", "IPC symbols of an unknown subclass"),
    "bare_ipc_subclasses": ("仅有小类的IPC分类号", "IPC symbols given as a bare subclass"),
    "sei_classified_info": ("已归入战略性新兴产业", "in an SEI category"),
    "sei_strict_info": ("严格模式", "strict mode"),
    "source_format": ("来源格式", "source format"),
    "pub_country": ("公开国别", "office"),
    "patent_type": ("专利类型", "patent type"),
    "app_year": ("申请年", "filing year"),
    "pub_year": ("公开年", "publication year"),
    "legal_status": ("法律状态", "legal status"),
    "province": ("省份", "province"),
    "quality_flags": ("质量标记", "quality flags"),
    "corpus": ("专利库", "corpus"),
    "no_quarantine": ("隔离区为空", "quarantine is empty"),
    "row": ("行", "row"),
    "field": ("字段", "field"),
    "reason": ("原因", "reason"),
    "value": ("值", "value"),
    "exported": ("已导出 {n} 条到 {path}", "exported {n} rows to {path}"),
    "generated": ("已生成 {n} 条合成专利到 {path}", "generated {n} synthetic patents in {path}"),
    "demo_step": ("演示：{step}", "demo: {step}"),
    "demo_report_file": ("新一代信息技术产业态势报告.pdf", "next-generation-IT-landscape.pdf"),
    "count": ("数量", "count"),
    "indexing": ("更新检索索引", "updating the search index"),
    "index_failed": (
        "检索索引未更新（检索时会再次尝试）：",
        "search index not updated (searching will retry):",
    ),
    # Canonical values shown to users.
    "invention": ("发明", "invention"),
    "utility_model": ("实用新型", "utility model"),
    "design": ("外观设计", "design"),
    "pending": ("审中", "pending"),
    "granted": ("授权有效", "granted"),
    "lapsed": ("未缴年费失效", "lapsed (fees unpaid)"),
    "expired": ("期限届满", "expired"),
    "withdrawn": ("撤回", "withdrawn"),
    "rejected": ("驳回", "rejected"),
    "abandoned": ("放弃", "abandoned"),
    "invalidated": ("无效宣告", "invalidated"),
    "unknown": ("未知", "unknown"),
    "synthetic": ("合成数据", "synthetic"),
    "enterprise": ("企业", "enterprise"),
    "university": ("高校", "university"),
    "institute": ("科研院所", "institute"),
    "individual": ("个人", "individual"),
    "government": ("机关团体", "government"),
    "other": ("其他", "other"),
}

LANGS = ("zh", "en")
_lang = os.environ.get("SEIP_LANG", "zh") if os.environ.get("SEIP_LANG", "zh") in LANGS else "zh"


def set_lang(lang: str) -> None:
    """Choose ``zh`` or ``en`` for the rest of the process."""
    global _lang
    if lang not in LANGS:
        raise ValueError(f"language must be one of {LANGS}")
    _lang = lang


def lang() -> str:
    """The current language, ``zh`` or ``en``."""
    return _lang


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add the (Chinese, English) messages of one area (search, analysis, reports…) to the catalogue.

    A key may be registered again only with the same texts, so two areas cannot silently disagree.

    >>> register({"demo_only": ("演示", "demo")}); t("demo_only")
    '演示'
    """
    for key, texts in messages.items():
        if MESSAGES.get(key, texts) != texts:
            raise ValueError(f"message {key!r} is already registered with other texts: {MESSAGES[key]}")
        MESSAGES[key] = texts


def t(key: str, **kw: object) -> str:
    """The message ``key`` in the current language.

    >>> set_lang("en"); t("exported", n=3, path="a.csv")
    'exported 3 rows to a.csv'
    >>> set_lang("zh"); t("imported")
    '新增'
    """
    zh, en = MESSAGES[key]
    text = en if _lang == "en" else zh
    return text.format(**kw) if kw else text


def label(key: str) -> str:
    """``t(key)`` for known keys, the key itself otherwise (field values, categories)."""
    return t(key) if key in MESSAGES else key


class Terms(Mapping[object, str]):
    """A vocabulary that answers in the current language: ``Terms({"CN": ("中国", "China")})["CN"]`` is 中国, or
    China under ``--lang en``. Report modules keep their label tables as module constants and read them at
    render time, when the language is known.

    >>> terms = Terms({"CN": ("中国", "China")}); set_lang("en"); terms["CN"]
    'China'
    >>> set_lang("zh"); terms.get("XX", "XX")
    'XX'
    """

    def __init__(self, texts: Mapping[object, tuple[str, str]]) -> None:
        self._texts = dict(texts)

    def __getitem__(self, key: object) -> str:
        zh, en = self._texts[key]
        return en if _lang == "en" else zh

    def __iter__(self) -> Iterator[object]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)
