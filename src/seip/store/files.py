"""Writing canonical record batches to CSV, xlsx, JSON Lines or Parquet, streamed.

May import: seip.records, seip.sources, seip.errors, stdlib, pyarrow, polars, xlsxwriter.

Used by ``seip export`` (batches from the corpus) and ``seip generate`` (synthetic batches). Field names are
the canonical ones, so every file written here can be imported again unchanged: CSV and xlsx join list items
with ``" | "`` (:data:`seip.sources.canonical_table.LIST_SEPARATOR`); CSV starts with a UTF-8 BOM so that
Excel shows Chinese correctly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from seip.errors import SeipError
from seip.records.schema import FIELD_NAMES, SCHEMA
from seip.sources.canonical_table import LIST_SEPARATOR

FORMATS = ("csv", "xlsx", "jsonl", "parquet")
XLSX_MAX_ROWS = 1_048_575  # per sheet, below the header
EXCEL_EPOCH = dt.date(1900, 3, 1)  # Excel's serials are unreliable before this (the 1900 leap-year bug)


class FormatError(SeipError):
    """An output format seip does not write."""


def format_of(out: Path, fmt: str | None = None) -> str:
    """The output format named by ``fmt`` or by the file extension."""
    name = (fmt or out.suffix.lstrip(".")).lower()
    name = {"ndjson": "jsonl", "json": "jsonl", "xls": "xlsx", "pq": "parquet"}.get(name, name)
    if name not in FORMATS:
        raise FormatError(f"{out}: unknown output format {name!r}; choose one of {', '.join(FORMATS)}")
    return name


def flatten_lists(batch: pa.RecordBatch) -> pa.RecordBatch:
    """List columns → ``" | "``-joined strings (for CSV and xlsx)."""
    cols = []
    for col in batch.columns:
        if pa.types.is_list(col.type):
            col = pc.binary_join(col.cast(pa.list_(pa.string())), LIST_SEPARATOR)
        cols.append(col)
    return pa.RecordBatch.from_arrays(cols, names=batch.schema.names)


def write_batches(batches: Iterable[pa.RecordBatch], out: str | Path, fmt: str | None = None) -> int:
    """Write canonical batches (``SCHEMA`` columns, in order) to ``out``; returns rows written."""
    out = Path(out)
    fmt = format_of(out, fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = {"csv": _csv, "xlsx": _xlsx, "jsonl": _jsonl, "parquet": _parquet}[fmt]
    return writer((b.select(FIELD_NAMES) for b in batches), out)


def _csv(batches: Iterable[pa.RecordBatch], out: Path) -> int:
    n = 0
    with out.open("wb") as fh:
        fh.write(b"\xef\xbb\xbf")
        writer = None
        for b in batches:
            flat = flatten_lists(b)
            if writer is None:
                writer = pacsv.CSVWriter(fh, flat.schema)
            writer.write_batch(flat)
            n += b.num_rows
        if writer is None:
            fh.write((",".join(FIELD_NAMES) + "\n").encode())
        else:
            writer.close()
    return n


def _jsonl(batches: Iterable[pa.RecordBatch], out: Path) -> int:
    n = 0
    with out.open("wb") as fh:
        for b in batches:
            pl.from_arrow(b).write_ndjson(fh)  # type: ignore[union-attr]
            n += b.num_rows
    return n


def _parquet(batches: Iterable[pa.RecordBatch], out: Path) -> int:
    n = 0
    with pq.ParquetWriter(out, SCHEMA, compression="zstd") as writer:
        for b in batches:
            writer.write_batch(b.cast(SCHEMA) if b.schema != SCHEMA else b)
            n += b.num_rows
    return n


def _xlsx(batches: Iterable[pa.RecordBatch], out: Path) -> int:
    wb = new_workbook(out)
    n = write_patent_sheets(wb, batches)
    wb.close()
    return n


def new_workbook(out: Path):  # -> xlsxwriter.Workbook
    """An xlsx workbook streamed row by row (constant memory) that keeps every value as text or date."""
    import xlsxwriter

    return xlsxwriter.Workbook(
        str(out),
        {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )


def write_patent_sheets(wb, batches: Iterable[pa.RecordBatch], name: str = "patents") -> int:
    """Canonical records into sheets ``name``, ``name2``… of ``wb`` (a new sheet every 1,048,575 rows);
    returns the rows written."""
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    dates = {i for i, f in enumerate(SCHEMA) if f.type == pa.date32()}
    sheet, row, n_sheet, n = None, 0, 0, 0
    for b in batches:
        cols = [c.to_pylist() for c in flatten_lists(b).columns]
        for i in range(b.num_rows):
            if sheet is None or row > XLSX_MAX_ROWS:
                n_sheet += 1
                sheet = wb.add_worksheet(name if n_sheet == 1 else f"{name}{n_sheet}")
                sheet.write_row(0, 0, FIELD_NAMES)
                row = 1
            for j, col in enumerate(cols):
                v = col[i]
                if v is None:
                    continue
                if j in dates:
                    if v < EXCEL_EPOCH:  # Excel has no dates before 1900: ISO text, as incoPat does
                        sheet.write_string(row, j, v.isoformat())
                    else:
                        sheet.write_datetime(row, j, v, date_fmt)
                else:
                    sheet.write(row, j, v)
            row += 1
            n += 1
    if sheet is None:
        wb.add_worksheet(name).write_row(0, 0, FIELD_NAMES)
    return n
