"""Checking rendered PDFs with poppler-utils, as a reader would: text, fonts, pages, page images."""

from __future__ import annotations

import shutil
import string
import subprocess
from pathlib import Path

import pytest


def _tool(name: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        pytest.fail(f"{name} is missing: apt-get install poppler-utils")
    return exe


def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The text pdftotext extracts (layout kept), optionally of a page range."""
    args = [_tool("pdftotext"), "-layout", "-enc", "UTF-8"]
    args += ["-f", str(first)] if first else []
    args += ["-l", str(last)] if last else []
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, encoding, emb, sub, uni per font."""
    out = subprocess.run([_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        if len(parts) >= 7:
            # Columns from the right: object ID (2 fields), uni, sub, emb, encoding; the rest is name + type.
            rows.append(
                {"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3], "line": line}
            )
    return rows


def pages(pdf: Path) -> int:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def to_png(pdf: Path, folder: Path, first: int = 1, last: int = 3, dpi: int = 60) -> list[Path]:
    """The pages as PNG files in ``folder`` (for a person to look at, and for blank-page checks)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            _tool("pdftoppm"),
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(first),
            "-l",
            str(last),
            str(pdf),
            str(folder / "page"),
        ],
        check=True,
    )
    return sorted(folder.glob("page-*.png"))


def template_fields(template: str) -> set[str]:
    """The ``{fields}`` of a message template."""
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}
