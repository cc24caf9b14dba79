"""Chinese fonts: found through fontconfig, given to the charts, and glyphs (not boxes) drawn."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops

from seip.reports import charts, fonts


def test_noto_cjk_is_found_through_fontconfig() -> None:
    found = fonts.cjk_fonts()
    assert found.sans == "Noto Sans CJK SC" and found.serif == "Noto Serif CJK SC"
    assert found.files and all(p.exists() for p in found.files)
    assert found.css_stack("serif").startswith("'Noto Serif CJK SC'")


def test_missing_font_says_how_to_install_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_fc_list", lambda: [])
    fonts.cjk_fonts.cache_clear()
    try:
        with pytest.raises(fonts.FontMissing, match="apt-get install fonts-noto-cjk"):
            fonts.cjk_fonts()
    finally:
        fonts.cjk_fonts.cache_clear()


def _glyph(text: str) -> Image.Image:
    """A chart whose only content is ``text`` in large type, as pixels."""
    table = charts.DataTable({"x": "x", "y": "y"}, [{"x": text, "y": 1}])
    fig = charts.bar("glyph", text, table, "x", "y")
    fig.spec.update(width=60, height=60)
    fig.spec["config"]["axis"].update(labelFontSize=40)
    return Image.open(io.BytesIO(fig.png(scale=1))).convert("L")


def test_chart_text_is_drawn_as_chinese_glyphs_not_boxes() -> None:
    """A missing glyph is drawn as the same box (tofu) whatever the character; real glyphs differ."""
    a, b, c = _glyph("人"), _glyph("鑫"), _glyph("人")
    assert a.size == b.size
    assert ImageChops.difference(a, c).getbbox() is None  # rendering is repeatable…
    diff = ImageChops.difference(a, b)
    assert diff.getbbox() is not None and sum(diff.histogram()[32:]) > 200  # …and 人 and 鑫 look different
