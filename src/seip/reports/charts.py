"""Figures of reports: Vega-Lite specs built with altair (or plain Vega for the patent map), the table behind
each, and their rendering to SVG/PNG with vl-convert in the report's CJK font.

May import: seip.reports.fonts, seip.errors, seip.i18n, stdlib, altair, vl_convert.

A :class:`Figure` carries its data as a :class:`DataTable`, so the XLSX appendix holds exactly what each chart
shows. Rendering never touches the network (``allowed_base_urls=[]``: every spec carries its data inline).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import altair as alt

from seip import i18n
from seip.reports.fonts import register_for_charts

i18n.register({"chart_yes": ("是", "Yes"), "chart_no": ("否", "No"), "chart_list_sep": ("；", "; ")})

#: A restrained palette that prints well in colour and reads in grey (navy, teal, ochre, red, green, …).
PALETTE = [
    "#1f4e79", "#2e86ab", "#e09f3e", "#9e2a2b", "#5b8e7d", "#7b6d8d", "#8c8c8c", "#c2a878", "#4f6d7a", "#d7816a",
]  # fmt: skip
WIDTH = 520
HEIGHT = 250


@dataclass
class DataTable:
    """Rows of plain values with ordered, labelled columns (``columns``: key → label). Cells print in the
    language current when they are read (yes/no, list separators); labels are the caller's."""

    columns: dict[str, str]
    rows: list[dict[str, Any]]
    title: str = ""
    formats: dict[str, str] = field(default_factory=dict)  # key → "int" | "pct" | "num"

    def values(self) -> list[list[Any]]:
        return [[r.get(k) for k in self.columns] for r in self.rows]

    def cell(self, row: dict[str, Any], key: str) -> str:
        """A value as the report prints it (thousands separators, percentages, '—' for missing)."""
        v = row.get(key)
        if v is None or v == "":
            return "—"
        fmt = self.formats.get(key)
        if fmt == "pct" and isinstance(v, int | float):
            return f"{v:.1%}"
        if isinstance(v, bool):
            return i18n.t("chart_yes" if v else "chart_no")
        if isinstance(v, int) and key.endswith("year"):
            return str(v)  # 2018, not 2,018
        if isinstance(v, Decimal):  # DuckDB's sums of integers
            v = int(v) if v == v.to_integral_value() else float(v)
        if isinstance(v, int) or (fmt == "int" and isinstance(v, float)):
            return f"{int(v):,}"
        if isinstance(v, float):
            return f"{v:,.2f}"
        if isinstance(v, dt.datetime):
            return f"{v:%Y-%m-%d %H:%M}"  # to the minute: seconds and microseconds are noise in a report
        if isinstance(v, list | tuple):
            return i18n.t("chart_list_sep").join(map(str, v))
        return str(v)


@dataclass
class Figure:
    """One chart: a spec (Vega-Lite by default; ``grammar="vega"`` for hand-written Vega), its data and notes."""

    key: str
    title: str
    spec: dict[str, Any]
    table: DataTable
    note: str = ""
    grammar: str = "vega-lite"
    _svg: str | None = field(default=None, repr=False)

    def svg(self) -> str:
        """The chart as SVG text (fonts as text in the CJK family, so PDFs keep it searchable); cached."""
        if self._svg is None:
            import vl_convert

            register_for_charts()
            convert = vl_convert.vega_to_svg if self.grammar == "vega" else vl_convert.vegalite_to_svg
            self._svg = convert(self.spec, allowed_base_urls=[])
        return self._svg

    def png(self, scale: float = 2.0) -> bytes:
        """The chart as PNG (for slides and the ``.png`` outputs)."""
        import vl_convert

        register_for_charts()
        convert = vl_convert.vega_to_png if self.grammar == "vega" else vl_convert.vegalite_to_png
        return convert(self.spec, scale=scale, allowed_base_urls=[])

    def spec_json(self) -> str:
        return json.dumps(self.spec, ensure_ascii=False, default=str)


def theme() -> dict[str, Any]:
    """Vega-Lite config shared by every chart: CJK font, quiet axes, the palette."""
    font = register_for_charts().sans
    return {
        "font": font,
        "background": "white",
        "view": {"stroke": None},
        "title": {"fontSize": 13, "fontWeight": "bold", "anchor": "start", "color": "#1a1a1a", "offset": 10},
        "axis": {
            "labelFontSize": 11,
            "titleFontSize": 12,
            "titleFontWeight": "normal",
            "labelColor": "#333333",
            "titleColor": "#333333",
            "gridColor": "#e8e8e8",
            "domainColor": "#888888",
            "tickColor": "#888888",
        },
        "axisX": {"labelAngle": 0},
        "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom", "direction": "horizontal"},
        "range": {"category": PALETTE},
        "bar": {"color": PALETTE[0]},
        "line": {"color": PALETTE[0], "strokeWidth": 2},
        "point": {"color": PALETTE[0], "filled": True, "size": 40},
        "arc": {"stroke": "white", "strokeWidth": 1},
        "text": {"fontSize": 10, "color": "#333333"},
    }


def _json_safe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in r.items()} for r in rows]


def _finish(chart: alt.TopLevelMixin, width: int = WIDTH, height: int = HEIGHT) -> dict[str, Any]:
    spec = chart.properties(width=width, height=height).to_dict()
    spec["config"] = theme()
    return spec


def _tips(table: DataTable) -> list[alt.Tooltip]:
    """A tooltip per column, typed from the first non-empty value (altair cannot infer types from dicts)."""
    tips = []
    for key, label in table.columns.items():
        v = next((r[key] for r in table.rows if r.get(key) is not None), None)
        numeric = isinstance(v, int | float) and not isinstance(v, bool)
        fmt = ".1%" if table.formats.get(key) == "pct" else ("," if numeric else None)
        tips.append(
            alt.Tooltip(f"{key}:{'Q' if numeric else 'N'}", title=label, **({"format": fmt} if fmt else {}))
        )
    return tips


def _data(rows: list[dict[str, Any]]) -> alt.Data:
    return alt.Data(values=_json_safe(rows))


def bar(
    key: str, title: str, table: DataTable, x: str, y: str, *, color: str | None = None,
    horizontal: bool = False, sort_by_value: bool = False, note: str = "", height: int = HEIGHT,
    stack: bool = True, labels: bool = False,
) -> Figure:  # fmt: skip
    """Bars of ``y`` by ``x`` (``horizontal`` for rankings: the category on the vertical axis, largest first);
    ``color`` splits bars into stacked (or, with ``stack=False``, grouped) parts."""
    cols = table.columns
    cat = alt.X if not horizontal else alt.Y
    val = alt.Y if not horizontal else alt.X
    order = "-x" if horizontal else "-y"
    enc: dict[str, Any] = {
        "x" if not horizontal else "y": cat(
            f"{x}:{'O' if not horizontal else 'N'}",
            title=cols.get(x, x),
            sort=order if sort_by_value else None,
            axis=alt.Axis(labelLimit=220),
        ),
        "y" if not horizontal else "x": val(f"{y}:Q", title=cols.get(y, y), stack=True if stack else None),
        "tooltip": _tips(table),
    }
    if color:
        enc["color"] = alt.Color(f"{color}:N", title=cols.get(color, color))
        if not stack and horizontal:
            enc["yOffset"] = alt.YOffset(f"{color}:N")
        elif not stack:
            enc["xOffset"] = alt.XOffset(f"{color}:N")
    chart = alt.Chart(_data(table.rows)).mark_bar().encode(**enc)
    if labels and not color:
        text = chart.mark_text(align="left" if horizontal else "center", dx=3 if horizontal else 0,
                               dy=0 if horizontal else -6).encode(text=alt.Text(f"{y}:Q", format=","))  # fmt: skip
        chart = chart + text
    return Figure(key, title, _finish(chart, height=height), table, note)


def line(
    key: str, title: str, table: DataTable, x: str, y: str, *, color: str | None = None, note: str = "",
    x_type: str = "O", dashed_from: Any = None,
) -> Figure:  # fmt: skip
    """Lines with points of ``y`` over ``x``, one per ``color`` value."""
    cols = table.columns
    enc: dict[str, Any] = {
        "x": alt.X(f"{x}:{x_type}", title=cols.get(x, x)),
        "y": alt.Y(f"{y}:Q", title=cols.get(y, y)),
        "tooltip": _tips(table),
    }
    if color:
        enc["color"] = alt.Color(f"{color}:N", title=cols.get(color, color))
    chart = alt.Chart(_data(table.rows)).mark_line(point=True).encode(**enc)
    return Figure(key, title, _finish(chart), table, note)


def bar_line(
    key: str, title: str, table: DataTable, x: str, bar_y: str, line_y: str, *, note: str = "",
    line_format: str = ".0%",
) -> Figure:  # fmt: skip
    """Counts as bars (left axis) and a rate as a line (right axis): e.g. filings and their growth."""
    cols = table.columns
    base = alt.Chart(_data(table.rows)).encode(x=alt.X(f"{x}:O", title=cols.get(x, x)))
    bars = base.mark_bar(color=PALETTE[0], opacity=0.85).encode(
        y=alt.Y(f"{bar_y}:Q", title=cols.get(bar_y, bar_y)),
        tooltip=_tips(table),
    )
    rate = base.mark_line(color=PALETTE[2], point=alt.OverlayMarkDef(color=PALETTE[2])).encode(
        y=alt.Y(f"{line_y}:Q", title=cols.get(line_y, line_y), axis=alt.Axis(format=line_format))
    )
    chart = alt.layer(bars, rate).resolve_scale(y="independent")
    return Figure(key, title, _finish(chart), table, note)


def donut(key: str, title: str, table: DataTable, category: str, value: str, *, note: str = "") -> Figure:
    """Shares of a whole (at most ~8 parts reads well; group the rest as "other" before calling)."""
    cols = table.columns
    chart = (
        alt.Chart(_data(table.rows))
        .mark_arc(innerRadius=55, outerRadius=100)
        .encode(
            theta=alt.Theta(f"{value}:Q", stack=True),
            color=alt.Color(
                f"{category}:N",
                title=cols.get(category, category),
                sort=None,
                legend=alt.Legend(orient="right", direction="vertical"),
            ),
            order=alt.Order(f"{value}:Q", sort="descending"),
            tooltip=_tips(table),
        )
    )
    return Figure(key, title, _finish(chart, width=360, height=220), table, note)


def heatmap(
    key: str, title: str, table: DataTable, x: str, y: str, value: str, *, note: str = "", height: int = 260
) -> Figure:
    """A grid of ``value`` by ``x`` and ``y`` (e.g. applicants by year) with the numbers written in."""
    cols = table.columns
    base = alt.Chart(_data(table.rows)).encode(
        x=alt.X(f"{x}:O", title=cols.get(x, x)),
        y=alt.Y(f"{y}:N", title=cols.get(y, y), sort=None, axis=alt.Axis(labelLimit=220)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(f"{value}:Q", title=cols.get(value, value), scale=alt.Scale(scheme="blues")),
        tooltip=_tips(table),
    )
    text = base.mark_text(fontSize=9).encode(
        text=alt.Text(f"{value}:Q", format=","),
        color=alt.condition(f"datum['{value}'] > 0", alt.value("#1a1a1a"), alt.value("#bbbbbb")),
    )
    return Figure(key, title, _finish(cells + text, height=height), table, note)


def path(key: str, title: str, table: DataTable, x: str, y: str, order: str, *, note: str = "") -> Figure:
    """A connected scatter in ``order`` with each point labelled (the technology life-cycle chart)."""
    cols = table.columns
    base = alt.Chart(_data(table.rows)).encode(
        x=alt.X(f"{x}:Q", title=cols.get(x, x)),
        y=alt.Y(f"{y}:Q", title=cols.get(y, y)),
        order=alt.Order(f"{order}:O"),
    )
    trail = base.mark_line(color=PALETTE[1], point=alt.OverlayMarkDef(color=PALETTE[0], size=45)).encode(
        tooltip=_tips(table)
    )
    labels = base.mark_text(dx=8, dy=-6, align="left", fontSize=9).encode(text=f"{order}:O")
    return Figure(key, title, _finish(trail + labels), table, note)
