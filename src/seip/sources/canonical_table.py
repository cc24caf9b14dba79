"""CSV or xlsx with the canonical field names as headers (seip's own ``export --format csv|xlsx``).

May import: seip.records, seip.errors, stdlib, pyarrow.

List fields are joined with :data:`LIST_SEPARATOR` on export and split on exactly that separator here, so
that an exported record imported again is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from seip.records.schema import FIELD_TYPES, LIST_FIELDS
from seip.sources import _tabular as tab

NAME = "canonical_table"
#: Canonical names map to themselves; ``source_row`` is this file's own row, so the exported one is ignored.
COLUMNS: dict[str, str] = {**{name: name for name in FIELD_TYPES}, "source_row": tab.IGNORE}
#: Separator of list items in seip's CSV/xlsx exports.
LIST_SEPARATOR = " | "

LAYOUT = tab.TableSource(COLUMNS, lambda cells: "pub_number" in cells, min_hits=2)


def detect(path: Path, head: bytes) -> bool:
    """True for a table whose header uses the canonical field names, ``pub_number`` among them."""
    return LAYOUT.detect(path, head)


def read(path: Path, batch_size: int = 100_000) -> Iterator[pa.RecordBatch]:
    """Raw batches with list fields already split."""
    for rb in LAYOUT.read(path, batch_size):
        cols = []
        for name, col in zip(rb.schema.names, rb.columns, strict=True):
            if name in LIST_FIELDS and pa.types.is_string(col.type):
                col = pc.split_pattern(col, LIST_SEPARATOR)
            cols.append(col)
        yield pa.RecordBatch.from_arrays(cols, names=rb.schema.names)


def mapping(path: Path) -> tab.Mapping | None:
    """The column mapping used for ``path``."""
    return LAYOUT.mapping(path)
