"""Readers, one module per input format, and the detector that picks one from a file's content.

May import: seip.records, seip.errors, stdlib, pyarrow, lxml, fastexcel.

Every module in :data:`SOURCES` has the same surface: ``NAME``, ``COLUMNS``, ``detect(path, head) -> bool``
and ``read(path, batch_size) -> Iterator[pyarrow.RecordBatch]`` yielding raw batches
(:mod:`seip.records.schema`). Order matters only for speed and for the generic table reader, which is
tried last; the contract test checks that no two readers claim one sample file.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from seip.errors import SourceError, UnknownFormat, UnsupportedFormat
from seip.sources import _tabular

SOURCES: tuple[str, ...] = (
    "seip.sources.uspto_xml",
    "seip.sources.epo_xml",
    "seip.sources.canonical_parquet",
    "seip.sources.canonical_jsonl",
    "seip.sources.incopat",
    "seip.sources.patentics",
    "seip.sources.canonical_table",
    "seip.sources.generic_table",
)


def source_modules() -> list[ModuleType]:
    """The reader modules, imported, in detection order."""
    return [importlib.import_module(name) for name in SOURCES]


def get_source(name: str) -> ModuleType:
    """The reader module whose ``NAME`` is ``name``."""
    for mod in source_modules():
        if mod.NAME == name:
            return mod
    raise UnknownFormat(f"no reader is called {name!r}; known: {', '.join(m.NAME for m in source_modules())}")


def detect_format(path: Path) -> ModuleType:
    """The reader for ``path``, chosen from its content; a one-line :class:`SourceError` otherwise."""
    if not path.is_file():
        raise SourceError("no such file" if not path.exists() else "not a regular file")
    with path.open("rb") as fh:
        head = fh.read(_tabular.HEAD_BYTES)
    if not head.strip():
        raise SourceError("file is empty")
    for mod in source_modules():
        refusal = getattr(mod, "refusal", None)
        if refusal is not None:
            why = refusal(head)
            if why:
                raise UnsupportedFormat(why)
    for mod in source_modules():
        if mod.detect(path, head):
            return mod
    raise UnknownFormat(_describe_unknown(path, head))


def _describe_unknown(path: Path, head: bytes) -> str:
    kind = _tabular.sniff_kind(head)
    if kind == "binary":
        return "binary data, not a patent export (no reader recognises it)"
    if head.lstrip().startswith(b"<"):
        return "XML that is neither USPTO full text nor an EPO OPS exchange document"
    table = _tabular.open_table(path)
    rows = [r for r in table.head_rows() if any(r)]
    if not rows:
        return "no rows found"
    first = ", ".join(str(c) for c in rows[0][:8] if c)
    return (
        f"unknown layout: no header row names a publication number (first row: {first[:160]}); "
        "see docs/sources.md for the column names seip recognises"
    )
