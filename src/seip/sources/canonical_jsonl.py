"""JSON Lines with the canonical field names (seip's own export, or any script's output).

May import: seip.records, seip.errors, stdlib, pyarrow, numpy.

Parsed a chunk of lines at a time with pyarrow's JSON reader; a chunk that fails is re-parsed line by line
so that only the bad lines (invalid JSON, a value of the wrong type) go to quarantine, each with its line
number and the offending field. Chunks are cut from large reads of the file at the ``batch_size``-th newline
(found with numpy): the lines are never Python objects unless the chunk holds a blank line or fails.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.json as pajson

from seip.errors import SourceError
from seip.records.schema import FIELD_TYPES, RAW_ONLY
from seip.sources._tabular import row_numbers

NAME = "canonical_jsonl"
#: Canonical field names map to themselves; scalar dates are read as text and parsed by the normaliser.
COLUMNS: dict[str, str] = {name: name for name in FIELD_TYPES}

_READ_TYPES = {n: (pa.string() if t == pa.date32() else t) for n, t in FIELD_TYPES.items()}
_READ_TYPES["legal_events"] = RAW_ONLY["legal_events"]
_READ_TYPES.pop("source_row")  # a line's own number is the row; an exported source_row is not read
_CHUNK_LINES = 122_880
_READ_BYTES = 16 << 20


def detect(path: Path, head: bytes) -> bool:
    """True when the first non-blank line is a JSON object with a ``pub_number`` key."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if not text.startswith(b"{"):
        return False
    first = text.split(b"\n", 1)[0]
    try:
        obj = json.loads(first)
    except ValueError:
        return b'"pub_number"' in first
    return isinstance(obj, dict) and "pub_number" in obj


def unmapped(path: Path) -> list[str]:
    """Keys of the first lines that are not canonical fields (reported by the import log)."""
    keys: dict[str, None] = {}
    with path.open("rb") as fh:
        for _, line in zip(range(1000), fh, strict=False):
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                keys.update(dict.fromkeys(k for k in obj if k not in _READ_TYPES and k != "source_row"))
    return list(keys)


def read(path: Path, batch_size: int = _CHUNK_LINES) -> Iterator[pa.RecordBatch]:
    """Raw batches (typed where the JSON is typed); bad lines become ``_error`` rows."""
    first = 1
    for chunk in _line_chunks(path, batch_size):
        batches = _chunk_bytes(*chunk, first)
        first += chunk[1]
        del chunk  # the chunk's bytes (220 MB for 122,880 lines of seip's export) go before its batches do
        yield from batches


def _line_chunks(path: Path, lines: int) -> Iterator[tuple[bytes, int]]:
    """The file as chunks of ``lines`` lines (the last may be shorter, and lack its final newline), cut from
    reads of 16 MB: each chunk is copied once, the lines are never split apart."""
    with path.open("rb") as fh:
        rest = b""
        while True:
            pieces: list[bytes] = []
            count = 0
            more, rest = rest, b""
            while True:
                if not more:
                    more = fh.read(_READ_BYTES)
                    if not more:
                        break
                found = more.count(b"\n")
                if count + found >= lines:  # the chunk ends in this piece
                    cut = (
                        int(np.flatnonzero(np.frombuffer(more, dtype=np.uint8) == 10)[lines - count - 1]) + 1
                    )
                    pieces.append(more[:cut])
                    rest = more[cut:]
                    count = lines
                    break
                pieces.append(more)
                count += found
                more = b""
            data = b"".join(pieces)
            del pieces
            if count < lines:  # end of file
                if data:
                    yield data, count + (0 if data.endswith(b"\n") else 1)
                return
            yield data, lines


def _chunk_bytes(data: bytes, n: int, first: int) -> list[pa.RecordBatch]:
    """Parse ``n`` lines at once when none is blank (the usual case); line by line otherwise."""
    if _has_blank_line(data):
        return list(_chunk(_split_lines(data), first))
    try:
        table = _parse(data if data.endswith(b"\n") else data + b"\n")
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return list(_slow([(first + i, ln) for i, ln in enumerate(_split_lines(data))]))
    if table.num_rows != n:  # cannot happen without blank lines; parse line by line rather than misnumber
        return list(_chunk(_split_lines(data), first))
    return list(_batches(table, row_numbers(first, n)))


def _split_lines(data: bytes) -> list[bytes]:
    """Lines as reading the file line by line gives them (split on newlines only, not on a lone CR)."""
    parts = data.split(b"\n")
    return [p + b"\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


_BLANK_FIRST = re.compile(rb"[ \t\r\f\v]*(?:\n|\Z)")
_BLANK_NEXT = re.compile(rb"\n[ \t\r\f\v]*(?:\n|\Z)")


def _has_blank_line(data: bytes) -> bool:
    """A line that is empty or only white space (skipped, but it keeps its number)."""
    end = len(data) - 1 if data.endswith(b"\n") else len(data)  # the final newline opens no further line
    return bool(_BLANK_FIRST.match(data)) or bool(_BLANK_NEXT.search(data, 0, end))


def _parse(data: bytes) -> pa.Table:
    # One block: one Arrow chunk, so no copy to make one batch of it, and less memory; the same CPU time as
    # 16 MB blocks on two threads (1 MB blocks, pyarrow's default, cost 45 % more: measured).
    return pajson.read_json(
        pa.BufferReader(data),
        read_options=pajson.ReadOptions(use_threads=False, block_size=min(len(data) + 1, 1 << 30)),
        parse_options=pajson.ParseOptions(
            explicit_schema=_schema_for(set(_READ_TYPES)), unexpected_field_behavior="ignore"
        ),
    )


def _batches(table: pa.Table, rows: pa.Array) -> Iterator[pa.RecordBatch]:
    # One batch per chunk of lines (a no-op when the chunk was parsed as one block, the usual case).
    yield from table.append_column("source_row", rows).combine_chunks().to_batches(max_chunksize=len(rows))


def _schema_for(keys: set[str]) -> pa.Schema:
    return pa.schema([(k, _READ_TYPES[k]) for k in _READ_TYPES if k in keys])


def _chunk(lines: list[bytes], first: int) -> Iterator[pa.RecordBatch]:
    numbered = [(first + i, ln) for i, ln in enumerate(lines) if ln.strip()]
    if not numbered:
        return
    data = b"".join(ln if ln.endswith(b"\n") else ln + b"\n" for _, ln in numbered)
    try:
        table = _parse(data)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        yield from _slow(numbered)
        return
    yield from _batches(table, pa.array([n for n, _ in numbered], type=pa.int64()))


def _slow(numbered: list[tuple[int, bytes]]) -> Iterator[pa.RecordBatch]:
    """Line-by-line parse of a chunk that failed as a whole: isolate each bad line."""
    good: list[dict] = []
    good_rows: list[int] = []
    bad: list[dict] = []
    schema = _schema_for(set(_READ_TYPES))
    for n, line in numbered:
        try:
            obj = json.loads(line)
        except ValueError as exc:
            bad.append(
                {
                    "source_row": n,
                    "_error": f"invalid JSON ({exc.msg} at column {exc.colno})",
                    "_error_field": "*row*",
                }
            )
            continue
        if not isinstance(obj, dict):
            bad.append({"source_row": n, "_error": "line is not a JSON object", "_error_field": "*row*"})
            continue
        rec = {k: v for k, v in obj.items() if k in _READ_TYPES}
        try:
            pa.Table.from_pylist([rec], schema=schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
            field = _bad_field(rec, schema)
            bad.append(
                {
                    "source_row": n,
                    "_error": f"value of the wrong type for {field}",
                    "_error_field": field,
                    "pub_number": rec.get("pub_number") if isinstance(rec.get("pub_number"), str) else None,
                }
            )
            continue
        good.append(rec)
        good_rows.append(n)
    if good:
        t = pa.Table.from_pylist(good, schema=schema).append_column(
            "source_row", pa.array(good_rows, pa.int64())
        )
        yield from t.to_batches()
    if bad:
        err_schema = pa.schema(
            [
                ("pub_number", pa.string()),
                ("source_row", pa.int64()),
                ("_error", pa.string()),
                ("_error_field", pa.string()),
            ]
        )
        yield pa.RecordBatch.from_pylist(bad, schema=err_schema)


def _bad_field(rec: dict, schema: pa.Schema) -> str:
    for f in schema:
        if f.name in rec:
            try:
                pa.array([rec[f.name]], type=f.type)
            except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
                return f.name
    raise SourceError("a JSON line failed to convert but no field could be blamed")
