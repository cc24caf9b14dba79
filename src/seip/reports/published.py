"""What the three published documents share — the warning bulletin (:mod:`.bulletin`), the indicator report
(:mod:`.indicator_report`) and the lapsed-patent compilation (:mod:`.lapsed_report`): patent types, the
region label, the data cut-off, the sources table and the check of the output path done before any work (their
words — counts, dates, SEI names — are in :mod:`.words`).

May import: seip.analysis, seip.store, seip.taxonomy, seip.reports, seip.errors, seip.i18n, stdlib, pyarrow.

Every helper answers in the current language (Chinese, or English under ``--lang en``), read when it is called.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seip import i18n
from seip.analysis import lifecycle
from seip.analysis._backend import Tables
from seip.reports.builder import FORMATS, ReportError
from seip.reports.charts import DataTable
from seip.store import Corpus

#: Patent types as the documents print them, in the current language (Chinese, or English under ``--lang en``).
PATENT_TYPES = i18n.Terms({k: i18n.MESSAGES[k] for k in ("invention", "utility_model", "design")})

i18n.register(
    {
        "pd_sources": ("数据来源（导入记录）", "Data sources (import log)"),
        "pd_source_format": ("数据格式", "Format"),
        "pd_files": ("文件数", "Files"),
        "pd_rows_read": ("读取行数", "Rows read"),
        "pd_imported": ("新增专利", "Patents added"),
        "pd_last": ("最近导入", "Last import"),
        "pd_national": ("全国", "China (national)"),
    }
)


def region_label(name: str | None) -> str:
    """A region as stored (the corpus is Chinese), the nation as 全国 / China (national)."""
    return i18n.t("pd_national") if name == "全国" else str(name or "")


def sei_key(code: str | None) -> tuple[int, ...]:
    """Sort key of SEI codes in their own order (1.2 before 1.10)."""
    return tuple(int(x) for x in (code or "0").split(".") if x.isdigit())


def cutoff(tables: Tables) -> dt.date:
    """The data cut-off: the latest publication date in the corpus (today for an empty corpus)."""
    return lifecycle.data_cutoff(tables.patents).to_pyarrow()["cutoff"][0].as_py() or dt.date.today()


def sources(corpus: Corpus) -> DataTable:
    """The import log as a table: what the documents rest on."""
    rows = corpus.query(
        """SELECT source_format, count(*) AS files, sum(rows_read) AS rows_read, sum(imported) AS imported,
                  max(finished_at) AS last
           FROM import_log WHERE status = 'ok' GROUP BY 1 ORDER BY 3 DESC"""
    ).to_pylist()
    cols = {k: i18n.t(f"pd_{k}") for k in ("source_format", "files", "rows_read", "imported", "last")}
    return DataTable(
        cols, rows, i18n.t("pd_sources"), {"files": "int", "rows_read": "int", "imported": "int"}
    )


@dataclass
class Table(DataTable):
    """A :class:`DataTable` printing chosen float columns with their own number of decimals (per-10,000
    figures of a sample corpus are far below 1), while the XLSX appendix keeps the full value."""

    digits: dict[str, int] = field(default_factory=dict)
    #: percentage columns printed with this many decimals (the ``pct`` format prints one)
    percent: dict[str, int] = field(default_factory=dict)

    def cell(self, row: dict[str, Any], key: str) -> str:
        v = row.get(key)
        if key in self.digits and isinstance(v, float):
            return f"{v:,.{self.digits[key]}f}"
        if key in self.percent and isinstance(v, float):
            return f"{v:.{self.percent[key]}%}"
        return super().cell(row, key)


def ipc_titles() -> dict[str, str]:
    """English titles of IPC subclasses (the package's table; seip carries no Chinese titles), shortened."""
    import csv
    from importlib import resources

    with resources.files("seip.taxonomy").joinpath("data", "ipc_titles_en.csv").open(encoding="utf-8") as fh:
        return {
            r["symbol"]: _short(r["title"].capitalize())
            for r in csv.DictReader(fh)
            if r["level"] == "subclass"
        }


def _short(text: str, width: int = 60) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters (with … when cut)."""
    if len(text) <= width:
        return text
    return text[: width - 1].rsplit(" ", 1)[0].rstrip(",;") + "…"


def check_out(out: str | Path, formats: tuple[str, ...] | None) -> tuple[Path, tuple[str, ...]]:
    """The output path and formats, checked before any computation (the builder checks again when writing)."""
    out = Path(out)
    main = out.suffix.lower().lstrip(".")
    if main not in FORMATS:
        raise ReportError(f"{out}: the output must end in .pdf, .html or .xlsx")
    chosen = tuple(formats) if formats else FORMATS
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise ReportError(f"unknown format(s) {', '.join(unknown)}: choose from {', '.join(FORMATS)}")
    if not out.parent.exists():
        raise ReportError(f"{out.parent}: no such folder")
    return out, tuple(sorted(set(chosen) | {main}, key=FORMATS.index))


def parse_formats(text: str | None) -> tuple[str, ...] | None:
    """``pdf,xlsx`` → ('pdf', 'xlsx'); None → None (all formats)."""
    if not text:
        return None
    return tuple(f.strip().lower() for f in text.split(",") if f.strip())
