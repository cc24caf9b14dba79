"""The Chinese fonts reports are typeset with: found through fontconfig, checked before anything is drawn.

May import: seip.errors, seip.i18n, stdlib, vl_convert.

A report without a CJK font would print boxes (□) instead of Chinese, so rendering starts with
:func:`cjk_fonts`, which raises :class:`FontMissing` (one line saying ``apt-get install fonts-noto-cjk``) when
``fc-list :lang=zh`` finds nothing. Noto Sans/Serif CJK SC (Debian ``fonts-noto-cjk``) are preferred; any other
font covering Chinese is used as it is.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from seip import i18n
from seip.errors import SeipError

i18n.register(
    {
        "font_missing": (
            "没有找到中文字体（fontconfig: fc-list :lang=zh 为空），报告中的中文会显示为方框。"
            "请安装：sudo apt-get install fonts-noto-cjk",
            "no Chinese font found (fontconfig: fc-list :lang=zh is empty); Chinese text would print as boxes. "
            "Install one: sudo apt-get install fonts-noto-cjk",
        ),
        "fontconfig_missing": (
            "没有 fontconfig（fc-list），无法确认中文字体。请安装：sudo apt-get install fontconfig fonts-noto-cjk",
            "fontconfig (fc-list) is missing, so Chinese fonts cannot be checked. "
            "Install: sudo apt-get install fontconfig fonts-noto-cjk",
        ),
        "harfbuzz_subset_missing": (
            "提示：未安装 libharfbuzz-subset0，PDF 嵌入中文字体会慢很多（每种字体约 30 秒）。"
            "可安装：sudo apt-get install libharfbuzz-subset0",
            "note: libharfbuzz-subset0 is not installed, so embedding Chinese fonts in PDFs is much slower "
            "(about 30 s per font). Install: sudo apt-get install libharfbuzz-subset0",
        ),
    }
)

SANS_PREFERRED = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Zen Hei")
SERIF_PREFERRED = ("Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", "AR PL UMing CN")


class FontMissing(SeipError):
    """No font covering Chinese is installed (or fontconfig is missing)."""


@dataclass(frozen=True)
class CjkFonts:
    """Families to name in CSS and chart configs, and the files they live in."""

    sans: str
    serif: str
    files: tuple[Path, ...]

    def css_stack(self, kind: str = "sans") -> str:
        """A CSS font-family list with the CJK family first."""
        first = self.serif if kind == "serif" else self.sans
        return f"'{first}', '{self.sans}', sans-serif"


def _fc_list() -> list[tuple[str, Path]]:
    """(family, file) of every font fontconfig says covers Chinese; raises when fc-list is absent."""
    exe = shutil.which("fc-list")
    if exe is None:
        raise FontMissing(i18n.t("fontconfig_missing"))
    out = subprocess.run(
        [exe, "-f", "%{family}\t%{file}\n", ":lang=zh"], capture_output=True, text=True, check=False
    ).stdout
    found = []
    for line in out.splitlines():
        families, _, file = line.partition("\t")
        for family in families.split(","):
            if family.strip() and file:
                found.append((family.strip(), Path(file)))
    return found


@cache
def cjk_fonts() -> CjkFonts:
    """The CJK fonts to use; raises :class:`FontMissing` saying how to install one when there is none."""
    found = _fc_list()
    if not found:
        raise FontMissing(i18n.t("font_missing"))
    families = {f for f, _ in found}
    simplified = sorted(f for f in families if f.endswith(" SC") or "CN" in f) or sorted(families)
    sans = next((f for f in SANS_PREFERRED if f in families), simplified[0])
    serif = next((f for f in SERIF_PREFERRED if f in families), sans)
    files = tuple(sorted({p for f, p in found if f in (sans, serif)}))
    return CjkFonts(sans, serif, files)


@cache
def register_for_charts() -> CjkFonts:
    """Make the CJK font directories known to vl-convert (which renders chart text itself); once per process."""
    import vl_convert

    fonts = cjk_fonts()
    for folder in sorted({p.parent for p in fonts.files}):
        vl_convert.register_font_directory(str(folder))
    return fonts


def pdf_font_subsetting_is_fast() -> bool:
    """Whether WeasyPrint can subset fonts with HarfBuzz (fontTools takes ~30 s per CJK font and file)."""
    try:
        from weasyprint.pdf import fonts as wfonts
    except ImportError:
        return False
    return getattr(wfonts, "harfbuzz_subset", None) is not None
