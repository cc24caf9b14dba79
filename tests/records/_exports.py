"""Reading the real exports in ../shared/datasets/cn-patent-container for the record tests (shared_data only)."""

from __future__ import annotations

import csv
import functools
from pathlib import Path


@functools.cache
def table(path: Path) -> tuple[list[str], list[list[object]]]:
    """Header and rows of one export (xlsx via calamine: first sheet, header on row 1 or 2; CSV with BOM)."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows: list[list[object]] = list(csv.reader(f))  # type: ignore[arg-type]
    else:
        from python_calamine import CalamineWorkbook

        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        if rows and rows[0] and rows[0][0] == "Patentics" and "申请号" not in rows[0]:
            rows = rows[1:]  # cambricon_ann_cn.xlsx: a title row above the header
    return [str(h) for h in rows[0]], rows[1:]


def export_files(datasets: Path) -> list[Path]:
    """The 24 incoPat and Patentics exports."""
    base = datasets / "cn-patent-container"
    return sorted(
        [*base.glob("incopat/*.xlsx"), *base.glob("patentics-xlsx/*.xlsx"), *base.glob("patentics-csv/*.csv")]
    )
