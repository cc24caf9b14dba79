"""Exporting the corpus, or the part ``--where`` selects, through :mod:`seip.store.files`.

May import: seip.records, seip.errors, stdlib, duckdb, pyarrow.
"""

from __future__ import annotations

import re
from pathlib import Path

from seip.errors import SeipError
from seip.records.schema import FIELD_NAMES, FIELD_TYPES, LIST_FIELDS
from seip.store.corpus import Corpus
from seip.store.files import format_of, write_batches

_WHERE = re.compile(r"^\s*([a-z_]+)\s*(>=|<=|!=|=|>|<|~)\s*(.*?)\s*$")


class ExportError(SeipError):
    """Bad ``--where`` condition (unknown field or operator)."""


def where_sql(conditions: list[str]) -> tuple[str, list[object]]:
    """``["pub_country=CN", "app_date>=2020-01-01", "ipc~H01M"]`` → (SQL, parameters).

    ``=`` on a list field means "contains"; ``~`` means "contains the text" (any item, for lists).

    >>> where_sql(["pub_country=CN", "applicants~大学"])
    ('pub_country = ? AND list_bool_or([contains(x, ?) FOR x IN applicants])', ['CN', '大学'])
    """
    parts: list[str] = []
    params: list[object] = []
    for cond in conditions:
        m = _WHERE.match(cond)
        if not m:
            raise ExportError(f"--where {cond!r}: expected FIELD OP VALUE with OP one of = != >= <= > < ~")
        field, op, value = m.groups()
        if field not in FIELD_TYPES:
            raise ExportError(f"--where {cond!r}: unknown field {field!r}")
        if field in LIST_FIELDS:
            if op == "=":
                parts.append(f"list_contains({field}, ?)")
            elif op == "~":
                parts.append(f"list_bool_or([contains(x, ?) FOR x IN {field}])")
            else:
                raise ExportError(f"--where {cond!r}: list field {field} takes only = (contains) or ~ (text)")
            params.append(int(value) if field == "wipo_fields" else value)
            continue
        parts.append(f"contains(CAST({field} AS VARCHAR), ?)" if op == "~" else f"{field} {op} ?")
        params.append(value)
    return (" AND ".join(parts) or "TRUE"), params


def export(corpus: Corpus, out: str | Path, fmt: str | None = None, where: list[str] | None = None) -> int:
    """Write the selected patents to ``out`` (format from ``fmt`` or the extension); returns rows written."""
    out = Path(out)
    fmt = format_of(out, fmt)
    cond, params = where_sql(where or [])
    sql = f"SELECT {', '.join(FIELD_NAMES)} FROM patents WHERE {cond} ORDER BY pub_number"
    reader = corpus.con.sql(sql, params=params or None).to_arrow_reader(50_000)
    return write_batches(reader, out, fmt)
