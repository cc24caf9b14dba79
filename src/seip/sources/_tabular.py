"""Streaming access to spreadsheet-like exports (CSV/TSV in any of our encodings, xlsx/xls).

May import: seip.records, seip.errors, stdlib, pyarrow, numpy, fastexcel.

A :class:`Table` finds the header row, maps header cells to canonical fields through a source's ``COLUMNS``
dict, and yields raw batches (see :mod:`seip.records.schema`). Rows that cannot be split into the header's
columns come out as ``_error`` rows so that they reach quarantine with their line number.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from seip.errors import SourceError

HEAD_BYTES = 64 * 1024
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Marker for a header a source knows and deliberately does not keep (reported as "ignored", not "unmapped").
IGNORE = "-"


def normalize_header(cell: object) -> str:
    """Header text as compared with ``COLUMNS`` keys: NFKC, no spaces, lower case.

    >>> normalize_header(" 公开（公告）号 ")
    '公开(公告)号'
    >>> normalize_header("标题 (中文)")
    '标题(中文)'
    """
    text = unicodedata.normalize("NFKC", str(cell or ""))
    return re.sub(r"\s+", "", text).lower()


def sniff_kind(head: bytes) -> str:
    """``xlsx``, ``xls``, ``text`` or ``binary`` from the first bytes of a file."""
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if head.startswith(OLE_MAGIC):
        return "xls"
    if b"\x00" in head[:4096]:
        return "binary"
    return "text"


def sniff_encoding(head: bytes) -> str:
    """``utf-8-sig``, ``utf-8`` or ``gb18030`` (GBK is a subset) for a text file head."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is not evidence against UTF-8.
        if exc.start >= len(head) - 4:
            return "utf-8"
    try:
        head.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"text is neither UTF-8 nor GB18030/GBK (undecodable byte at offset {exc.start})"
        ) from None


def row_numbers(start: int, n: int) -> pa.Array:
    """``start, start + 1, …`` as an int64 array (``pa.array(range(…))`` walks Python ints: 60 ms per 100k)."""
    return pa.Array.from_buffers(
        pa.int64(), n, [None, pa.py_buffer(np.arange(start, start + n, dtype=np.int64))]
    )


@dataclass
class Table:
    """One sheet or one delimited text file, opened lazily."""

    path: Path
    kind: str  # "xlsx" | "xls" | "text"
    encoding: str | None = None
    delimiter: str = ","
    sheet: str | None = None
    _head_rows: list[list[str | None]] = field(default_factory=list)
    #: A workbook's parsed sheet, kept from detection for the one read that follows, then freed.
    _data: pa.Table | None = field(default=None, repr=False)

    def head_rows(self) -> list[list[str | None]]:
        """The first 12 rows as text (for detection and header finding)."""
        return self._head_rows


@lru_cache(maxsize=8)  # a cached workbook holds its parsed sheet until read
def _open_cached(path: str, size: int, mtime: float) -> Table:
    p = Path(path)
    with p.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    kind = sniff_kind(head)
    if kind == "binary":
        raise SourceError("binary data, not a patent export")
    if kind in ("xlsx", "xls"):
        return _open_workbook(p, kind)
    encoding = sniff_encoding(head)
    text = head.decode(encoding, errors="ignore")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))[:12]
    except csv.Error as exc:
        raise SourceError(f"not a readable delimited text file ({exc})") from None
    table = Table(p, "text", encoding=encoding, delimiter=delimiter)
    table._head_rows = [[c if c.strip() else None for c in r] for r in rows]
    return table


def _open_workbook(path: Path, kind: str) -> Table:
    """Parse the first non-empty sheet once (an xlsx sheet can only be parsed whole), as Arrow strings
    through fastexcel; detection reads its first rows and the read that follows takes the whole table."""
    import fastexcel

    try:
        reader = fastexcel.read_excel(str(path))
        for name in reader.sheet_names:
            data = reader.load_sheet(name, header_row=None, dtypes="string").to_arrow()
            if data.num_rows and data.num_columns:
                break
        else:
            raise SourceError("workbook has no non-empty sheet")
    except SourceError:
        raise
    except Exception as exc:  # fastexcel raises its own error types for corrupt or truncated workbooks
        raise SourceError(f"not a readable {kind} workbook (truncated or corrupt: {exc})") from None
    table = Table(path, kind, sheet=name)
    table._head_rows = [
        [v if v not in (None, "") else None for v in row.values()] for row in data.slice(0, 12).to_pylist()
    ]
    table._data = data
    return table


def open_table(path: Path) -> Table:
    """Open (and cache) a table-like file; raises :class:`SourceError` for binary or corrupt files."""
    st = path.stat()
    return _open_cached(str(path), st.st_size, st.st_mtime)


def find_header(
    table: Table, known: dict[str, str], *, min_hits: int = 3
) -> tuple[int, dict[int, str]] | None:
    """Locate the header row: the first of the head rows with ≥ ``min_hits`` cells known to ``known``.

    Returns ``(row_index, {column_index: field})`` or ``None``. Title rows above the header (Patentics
    xlsx writes ``Patentics`` in A1) are skipped this way.
    """
    for i, row in enumerate(table.head_rows()):
        hits = {j: known[normalize_header(c)] for j, c in enumerate(row) if normalize_header(c) in known}
        if len(hits) >= min_hits:
            return i, hits
    return None


@dataclass
class Mapping:
    """How one file's columns map to canonical fields."""

    header_row: int  # 0-based index of the header row
    header: list[str]  # header cells as written
    columns: dict[int, str]  # column index → canonical field (first occurrence wins)
    ignored: list[str]  # headers known and deliberately not kept
    unmapped: list[str]  # headers no mapping knows


def build_mapping(table: Table, columns: dict[str, str], header_row: int) -> Mapping:
    """Map every header cell; later duplicates of a field are reported as ignored."""
    header = [str(c) if c is not None else "" for c in table.head_rows()[header_row]]
    known = {normalize_header(k): v for k, v in columns.items()}
    mapped: dict[int, str] = {}
    ignored: list[str] = []
    unmapped: list[str] = []
    seen: set[str] = set()
    for j, cell in enumerate(header):
        key = normalize_header(cell)
        if not key:
            continue
        target = known.get(key)
        if target is None:
            unmapped.append(cell)
        elif target == IGNORE or target in seen:
            ignored.append(cell)
        else:
            mapped[j] = target
            seen.add(target)
    return Mapping(header_row, header, mapped, ignored, unmapped)


def _batch(
    fields: Sequence[str], cols: list[list[str | None]], rows: list[int], errors: list[tuple]
) -> pa.RecordBatch:
    arrays = [pa.array(c, type=pa.string()) for c in cols]
    names = list(fields)
    arrays.append(pa.array(rows, type=pa.int64()))
    names.append("source_row")
    err = [e[0] for e in errors] if errors else [None] * len(rows)
    errf = [e[1] for e in errors] if errors else [None] * len(rows)
    arrays += [pa.array(err, type=pa.string()), pa.array(errf, type=pa.string())]
    names += ["_error", "_error_field"]
    return pa.RecordBatch.from_arrays(arrays, names=names)


def iter_raw_batches(table: Table, mapping: Mapping, batch_size: int = 50_000) -> Iterator[pa.RecordBatch]:
    """Yield raw batches: mapped columns as strings, ``source_row``, and ``_error`` rows for broken lines."""
    if table.kind == "text":
        yield from _iter_text(table, mapping, batch_size)
    else:
        yield from _iter_workbook(table, mapping, batch_size)


def _iter_workbook(table: Table, mapping: Mapping, batch_size: int) -> Iterator[pa.RecordBatch]:
    """The sheet as Arrow strings through fastexcel (calamine underneath, no Python per cell)."""
    data, table._data = table._data, None
    if data is None:  # read again (the cached table was used by an earlier read)
        data = _open_workbook(table.path, table.kind)._data
    assert data is not None
    data = data.slice(mapping.header_row + 1)
    if not data.num_rows:
        return
    filled = [pc.and_(pc.is_valid(c), pc.not_equal(c, "")).fill_null(False) for c in data.columns]
    keep = filled[0]
    for f in filled[1:]:
        keep = pc.or_(keep, f)  # blank spreadsheet rows are not records
    first = mapping.header_row + 2  # 1-based sheet row of the first data row
    rows = row_numbers(first, data.num_rows)
    cols = [
        data.column(j) if j < data.num_columns else pa.nulls(data.num_rows, pa.string())
        for j in mapping.columns
    ]
    out = pa.Table.from_arrays([*cols, rows], names=[*mapping.columns.values(), "source_row"]).filter(keep)
    yield from out.combine_chunks().to_batches(max_chunksize=batch_size)


def data_width(table: Table, mapping: Mapping) -> int:
    """Number of fields per data row: the header's, or one more when every row ends with a trailing comma."""
    width = len(mapping.header)
    data = [r for r in table.head_rows()[mapping.header_row + 1 :] if r]
    if data and all(len(r) == width + 1 and r[-1] is None for r in data):
        return width + 1
    return width


def _iter_text(table: Table, mapping: Mapping, batch_size: int) -> Iterator[pa.RecordBatch]:
    width = data_width(table, mapping)
    names = [f"c{j}" for j in range(width)]
    header_lines = mapping.header_row + 1
    bad: list[tuple[int, str, int]] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        bad.append((row.number or -1, row.text, row.actual_columns))
        return "skip"

    try:
        reader = pacsv.open_csv(
            table.path,
            read_options=pacsv.ReadOptions(
                column_names=names,
                skip_rows=header_lines,
                # A UTF-8 BOM sits on the header line, which is skipped: reading as plain UTF-8 spares
                # pyarrow's transcoding through Python's codecs (a third of the reading time, holding the GIL).
                encoding="utf-8" if table.encoding in (None, "utf-8-sig") else table.encoding,
                use_threads=False,
                # Small blocks keep the reader's buffers small: it holds about 40 blocks at a time (a million
                # rows, measured: 16 MB blocks 835 MB peak and 4.2 CPU s, 2 MB blocks 174 MB and 2.8 s; 100 MB
                # blocks 3 GB). A record must fit in a block: 2 MB is 20 cells of Excel's 32,767 characters.
                # Rows are gathered into batch_size batches below.
                block_size=2 << 20,
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=table.delimiter, newlines_in_values=True, invalid_row_handler=on_invalid
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
    except pa.ArrowInvalid as exc:
        if "Empty CSV file" in str(exc):
            return
        raise SourceError(f"text cannot be parsed as delimited rows ({exc})") from None
    fields = list(mapping.columns.values())
    next_line = header_lines + 1  # 1-based line of the next record
    bad_taken = 0
    pending: list[pa.RecordBatch] = []
    pending_rows = 0
    try:
        for rb in reader:
            new_bad = bad[bad_taken:]
            bad_taken = len(bad)
            bad_lines = {b[0] for b in new_bad}
            if bad_lines:
                numbers: list[int] = []
                for _ in range(rb.num_rows):
                    while next_line in bad_lines:
                        next_line += 1
                    numbers.append(next_line)
                    next_line += 1
                rows = pa.array(numbers, type=pa.int64())
            else:  # the usual block: consecutive rows, no Python loop
                rows = row_numbers(next_line, rb.num_rows)
                next_line += rb.num_rows
            next_line = max([next_line, *[b[0] + 1 for b in new_bad]])
            if new_bad:
                yield _bad_batch(fields, new_bad, width)
            if len(rows):
                pending.append(
                    pa.RecordBatch.from_arrays(
                        [*(rb.column(f"c{j}") for j in mapping.columns), rows],
                        names=[*fields, "source_row"],
                    )
                )
                pending_rows += len(rows)
            if pending_rows >= batch_size:  # whole batches out, the rest waits for the next blocks
                table = pa.Table.from_batches(pending)
                whole = pending_rows - pending_rows % batch_size
                yield from _gather(table.slice(0, whole).to_batches(), batch_size)
                pending = table.slice(whole).to_batches()
                pending_rows -= whole
    except pa.ArrowInvalid as exc:
        raise SourceError(f"text cannot be parsed past line {next_line} ({exc})") from None
    if pending_rows:
        yield from _gather(pending, batch_size)
    if len(bad) > bad_taken:
        yield _bad_batch(fields, bad[bad_taken:], width)


def _gather(batches: list[pa.RecordBatch], batch_size: int) -> Iterator[pa.RecordBatch]:
    """Reader blocks → batches of at most ``batch_size`` rows (one contiguous buffer each)."""
    if batches:
        yield from pa.Table.from_batches(batches).combine_chunks().to_batches(max_chunksize=batch_size)


def _bad_batch(fields: Sequence[str], bad: list[tuple[int, str, int]], width: int) -> pa.RecordBatch:
    cols: list[list[str | None]] = [[None] * len(bad) for _ in fields]
    errors = [(f"row has {n} fields, the header has {width}: {text[:200]}", "*row*") for _, text, n in bad]
    return _batch(fields, cols, [b[0] for b in bad], errors)


class TableSource:
    """detect/read/mapping for one header-driven export layout.

    ``accept(cells)`` gets the normalised cells of the candidate header row and says whether the layout is
    this source's (vendor-specific headers), so that no two sources claim one file.
    """

    def __init__(self, columns: dict[str, str], accept: object, *, min_hits: int = 3) -> None:
        self.columns = columns
        self.known = {normalize_header(k): v for k, v in columns.items()}
        self.accept = accept
        self.min_hits = min_hits

    def _found(self, path: Path) -> tuple[Table, Mapping] | None:
        table = open_table(path)
        found = find_header(table, self.known, min_hits=self.min_hits)
        if found is None:
            return None
        cells = [normalize_header(c) for c in table.head_rows()[found[0]]]
        if not self.accept(cells):  # type: ignore[operator]
            return None
        return table, build_mapping(table, self.columns, found[0])

    def detect(self, path: Path, head: bytes) -> bool:
        if sniff_kind(head) == "binary":
            return False
        return self._found(path) is not None

    def read(self, path: Path, batch_size: int = 50_000) -> Iterator[pa.RecordBatch]:
        found = self._found(path)
        if found is not None:
            yield from iter_raw_batches(found[0], found[1], batch_size)

    def mapping(self, path: Path) -> Mapping | None:
        found = self._found(path)
        return found[1] if found else None
