"""JSON Lines with the canonical field names (seip's own export, or any script's output).

May import: seip.records, seip.errors, stdlib, pyarrow.

Parsed a chunk of lines at a time with pyarrow's JSON reader; a chunk that fails is re-parsed line by line
so that only the bad lines (invalid JSON, a value of the wrong type) go to quarantine, each with its line
number and the offending field.
"""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.json as pajson

from seip.errors import SourceError
from seip.records.schema import FIELD_TYPES, RAW_ONLY

NAME = "canonical_jsonl"
#: Canonical field names map to themselves; scalar dates are read as text and parsed by the normaliser.
COLUMNS: dict[str, str] = {name: name for name in FIELD_TYPES}

_READ_TYPES = {n: (pa.string() if t == pa.date32() else t) for n, t in FIELD_TYPES.items()}
_READ_TYPES["legal_events"] = RAW_ONLY["legal_events"]
_CHUNK_LINES = 50_000


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
    with path.open("rb") as fh:
        first = 1
        while True:
            lines = list(itertools.islice(fh, batch_size))
            if not lines:
                return
            yield from _chunk(path, lines, first)
            first += len(lines)


def _schema_for(keys: set[str]) -> pa.Schema:
    return pa.schema([(k, _READ_TYPES[k]) for k in _READ_TYPES if k in keys])


def _chunk(path: Path, lines: list[bytes], first: int) -> Iterator[pa.RecordBatch]:
    numbered = [(first + i, ln) for i, ln in enumerate(lines) if ln.strip()]
    if not numbered:
        return
    data = b"".join(ln if ln.endswith(b"\n") else ln + b"\n" for _, ln in numbered)
    keys = set(_READ_TYPES)
    try:
        table = pajson.read_json(
            io.BytesIO(data),
            parse_options=pajson.ParseOptions(
                explicit_schema=_schema_for(keys), unexpected_field_behavior="ignore"
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        yield from _slow(numbered)
        return
    rows = pa.array([n for n, _ in numbered], type=pa.int64())
    if "source_row" in table.column_names:
        table = table.drop_columns(["source_row"])
    # One batch per chunk of lines: pyarrow parses in ~1 MB blocks, which would make hundreds of tiny batches.
    yield from (
        table.append_column("source_row", rows).combine_chunks().to_batches(max_chunksize=len(numbered))
    )


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
