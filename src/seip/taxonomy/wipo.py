"""The 35 WIPO technology fields (IPC–technology concordance, Schmoch 2008/2019) in five sectors, named in Chinese
and English. Which fields a patent falls in is computed by :mod:`seip.taxonomy.classify` (``wipo_fields``).

May import: stdlib.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class WipoField:
    field: int
    sector_en: str
    sector_zh: str
    field_en: str
    field_zh: str

    def name(self, en: bool = False) -> str:
        return self.field_en if en else self.field_zh

    def sector(self, en: bool = False) -> str:
        return self.sector_en if en else self.sector_zh


@cache
def wipo_fields() -> dict[int, WipoField]:
    """Field number (1–35) → its names, from ``data/wipo_field_names.csv`` (scripts/build_taxonomy_data.py)."""
    with (
        resources.files("seip.taxonomy").joinpath("data", "wipo_field_names.csv").open(encoding="utf-8") as fh
    ):
        return {int(r["field"]): WipoField(int(r["field"]), r["sector_en"], r["sector_zh"], r["field_en"],
                                           r["field_zh"]) for r in csv.DictReader(fh)}  # fmt: skip
