"""The patent map drawn as a topographic density map: a Vega spec (isocontours of a smoothed 2-D histogram,
terraced fills with a drop shadow, cluster labels, overlay points) rendered to PNG/SVG/HTML by vl-convert, and
the technology-branch table (技术分解) as XLSX.

May import: seip.reports (charts, fonts, patent_map, builder), seip.i18n, stdlib, numpy, scipy, xlsxwriter,
vl_convert.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np
from scipy.ndimage import gaussian_filter

from seip import i18n
from seip.reports.charts import DataTable, Figure
from seip.reports.fonts import register_for_charts
from seip.reports.patent_map import MapError, PatentMap

WIDTH = 760
CELL = 4  # pixels per density cell
SEA = "#e6eff6"
#: Hypsometric tints, low to high: meadow greens, then ochres and browns.
LAND = ["#eef3d9", "#d8e9bc", "#bcdba0", "#9fcb89", "#cfcf95", "#dcbc86", "#c79c6c", "#a97c55", "#866045"]
OVERLAY = "#c0392b"
MAX_POINTS = 4000

i18n.register(
    {
        "map_title": ("专利地图", "Patent map"),
        "map_sep": ("；", "; "),
        "map_subtitle": (
            "{n} 件专利 · 等高线为专利密度，标注为技术分支（c-TF-IDF 关键词）",
            "{n} patents · contours show patent density; labels name technology branches (c-TF-IDF terms)",
        ),
        "map_overlay": ("● {label}（{n} 件）", "● {label} ({n} patents)"),
        "map_breakdown": ("技术分解（专利地图聚类）", "Technology breakdown (patent map clusters)"),
        "map_col_id": ("分支", "branch"),
        "map_col_label": ("技术主题（关键词）", "theme (terms)"),
        "map_col_size": ("专利数", "patents"),
        "map_col_share": ("占比", "share"),
        "map_col_applicants": ("主要申请人", "leading applicants"),
        "map_col_year": ("申请年中位数", "median filing year"),
        "map_col_valid": ("有效占比", "in force"),
        "map_col_overlay": ("叠加专利数", "overlay patents"),
        "map_col_examples": ("代表专利", "typical patents"),
        "map_format": (
            "{path}：地图只能输出 .png、.svg 或 .html",
            "{path}: the map can be written as .png, .svg or .html",
        ),
    }
)


def breakdown(pm: PatentMap) -> DataTable:
    """The clusters as the technology-branch table."""
    cols = {
        k: i18n.t(f"map_col_{k}") for k in ("id", "label", "size", "share", "applicants", "year", "valid")
    }
    if pm.overlay is not None:
        cols["overlay"] = i18n.t("map_col_overlay")
    cols["examples"] = i18n.t("map_col_examples")
    n = max(len(pm.pub_numbers), 1)
    rows = [
        {"id": c.id, "label": c.label, "size": c.size, "share": c.size / n, "applicants": c.top_applicants,
         "year": c.median_year, "valid": c.valid_share, "overlay": c.overlay, "examples": c.examples[:2]}
        for c in pm.clusters
    ]  # fmt: skip
    return DataTable(
        cols, rows, i18n.t("map_breakdown"), {"size": "int", "share": "pct", "valid": "pct", "overlay": "int"}
    )


def _frame(xy: np.ndarray) -> tuple[float, float, float, int, int]:
    """(x0, y1, scale, width, height): data → pixels, trimming the farthest 0.5% so outliers do not shrink the map."""
    lo = np.quantile(xy, 0.005, axis=0)
    hi = np.quantile(xy, 0.995, axis=0)
    span = np.maximum(hi - lo, 1e-6)
    lo, hi = lo - 0.08 * span, hi + 0.08 * span
    scale = min(WIDTH / (hi[0] - lo[0]), 1.15 * WIDTH / (hi[1] - lo[1]))
    return (
        float(lo[0]),
        float(hi[1]),
        float(scale),
        math.ceil((hi[0] - lo[0]) * scale),
        math.ceil((hi[1] - lo[1]) * scale),
    )


def _place_labels(items: list[dict]) -> list[dict]:
    """Greedy collision avoidance: biggest clusters first; a label that fits nowhere keeps only its number."""
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for it in items:
        size = it["size"]
        for dy in (0, -size * 1.3, size * 1.3, -size * 2.6, size * 2.6, None):
            text = it["text"] if dy is not None else str(it["id"])
            w = size * (sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)) + 4
            y = it["y"] + (dy or 0)
            box = (it["x"] - w / 2, y - size * 0.7, it["x"] + w / 2, y + size * 0.7)
            if (
                all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in placed)
                or dy is None
            ):
                placed.append(box)
                out.append({**it, "text": text, "y": y, "x": min(max(it["x"], w / 2), it["width"] - w / 2)})
                break
    return out


def spec(pm: PatentMap, *, titled: bool = True) -> dict:
    """The Vega spec of the map (pixel coordinates computed here; Vega draws the isocontours). Without
    ``titled`` the title and subtitle are left to the report's caption and note."""
    font = register_for_charts().sans
    x0, y1, scale, width, height = _frame(pm.xy)
    px = (pm.xy[:, 0] - x0) * scale
    py = (y1 - pm.xy[:, 1]) * scale
    gx, gy = math.ceil(width / CELL), math.ceil(height / CELL)
    inside = (px >= 0) & (px < gx * CELL) & (py >= 0) & (py < gy * CELL)
    hist, _, _ = np.histogram2d(py[inside], px[inside], bins=[gy, gx], range=[[0, gy * CELL], [0, gx * CELL]])
    density = gaussian_filter(hist, sigma=WIDTH / 90 / CELL)
    density /= max(density.max(), 1e-12)
    thresholds = [round(float(t), 5) for t in np.linspace(0.09, 0.93, len(LAND)) ** 2]
    labels = _place_labels(
        [
            {"id": c.id, "x": float((c.x - x0) * scale), "y": float((y1 - c.y) * scale),
             "text": f"{c.id} {c.label}" if c.terms else str(c.id),
             "size": round(10 + 5 * math.sqrt(c.size / max(pm.clusters[0].size, 1)), 1), "width": width}
            for c in pm.clusters
        ]
    )  # fmt: skip
    points = []
    if pm.overlay is not None and pm.overlay.any():
        idx = np.flatnonzero(pm.overlay & inside)
        if len(idx) > MAX_POINTS:
            idx = np.sort(np.random.default_rng(0).choice(idx, MAX_POINTS, replace=False))
        points = [{"x": round(float(px[i]), 1), "y": round(float(py[i]), 1)} for i in idx]
    path = [{"type": "geopath", "field": "datum.contour"}]
    text = {"x": {"field": "x"}, "y": {"field": "y"}, "text": {"field": "text"}, "fontSize": {"field": "size"},
            "align": {"value": "center"}, "baseline": {"value": "middle"}, "font": {"value": font},
            "fontWeight": {"value": "bold"}}  # fmt: skip
    out = {
        "$schema": "https://vega.github.io/schema/vega/v5.json",
        "width": width,
        "height": height,
        "padding": 12,
        "background": "white",
        "title": {"text": pm.title or i18n.t("map_title"), "subtitle": subtitle(pm).split(i18n.t("map_sep")), "anchor": "start", "font": font,
                  "subtitleFont": font, "fontSize": 16, "subtitleFontSize": 11, "subtitleColor": "#555", "offset": 12},
        "data": [
            {"name": "grid", "values": [{"width": gx, "height": gy, "values": np.round(density, 4).ravel().tolist()}]},
            {"name": "contours", "source": "grid",
             "transform": [{"type": "isocontour", "thresholds": thresholds, "scale": CELL, "smooth": True}]},
            {"name": "points", "values": points},
            {"name": "labels", "values": labels},
            {"name": "legend", "values": [{"text": pm.overlay_label}] if points else []},
        ],
        "scales": [{"name": "tint", "type": "ordinal", "domain": thresholds, "range": LAND}],
        "marks": [
            {"type": "rect", "encode": {"enter": {"x": {"value": 0}, "y": {"value": 0}, "width": {"signal": "width"},
             "height": {"signal": "height"}, "fill": {"value": SEA}}}},
            {"type": "path", "from": {"data": "contours"}, "transform": path, "encode": {"enter": {
                "x": {"value": 1.6}, "y": {"value": 1.6}, "fill": {"value": "#3b3222"}, "fillOpacity": {"value": 0.10}}}},
            {"type": "path", "from": {"data": "contours"}, "transform": path, "encode": {"enter": {
                "fill": {"scale": "tint", "field": "contour.value"}, "stroke": {"value": "#6b5b45"},
                "strokeWidth": {"value": 0.45}, "strokeOpacity": {"value": 0.55}}}},
            {"type": "symbol", "from": {"data": "points"}, "encode": {"enter": {
                "x": {"field": "x"}, "y": {"field": "y"}, "size": {"value": 22 if len(points) <= 300 else 12}, "fill": {"value": OVERLAY},
                "fillOpacity": {"value": 0.85}, "stroke": {"value": "#5a1010"}, "strokeWidth": {"value": 0.5}}}},
            {"type": "text", "from": {"data": "labels"}, "encode": {"enter": {
                **text, "fill": {"value": "white"}, "stroke": {"value": "white"}, "strokeWidth": {"value": 3.2},
                "strokeOpacity": {"value": 0.9}}}},
            {"type": "text", "from": {"data": "labels"}, "encode": {"enter": {**text, "fill": {"value": "#1b2a3a"}}}},
            {"type": "symbol", "from": {"data": "legend"}, "encode": {"enter": {"x": {"value": 14}, "y": {"value": 14},
             "size": {"value": 60}, "fill": {"value": OVERLAY}, "stroke": {"value": "#5a1010"}}}},
            {"type": "text", "from": {"data": "legend"}, "encode": {"enter": {"x": {"value": 24}, "y": {"value": 14},
             "text": {"field": "text"}, "baseline": {"value": "middle"}, "font": {"value": font}, "fontSize": {"value": 12},
             "fill": {"value": "#1b2a3a"}}}},
        ],
    }  # fmt: skip
    if not titled:
        del out["title"]
    return out


def subtitle(pm: PatentMap) -> str:
    """What the map shows, in one line (the report figure's note)."""
    parts = [i18n.t("map_subtitle", n=f"{len(pm.pub_numbers):,}")]
    if pm.overlay is not None:
        parts.append(i18n.t("map_overlay", label=pm.overlay_label, n=f"{int(pm.overlay.sum()):,}"))
    return i18n.t("map_sep").join(parts)


def figure(pm: PatentMap, key: str = "patent_map", note: str = "") -> Figure:
    """The map as a report figure (its table: the technology breakdown)."""
    note = note or subtitle(pm)
    return Figure(
        key, pm.title or i18n.t("map_title"), spec(pm, titled=False), breakdown(pm), note, grammar="vega"
    )


def check_output(out: str | Path) -> Path:
    """``out`` as a Path, if the map can be written there (.png/.svg/.html in an existing folder)."""
    out = Path(out)
    if out.suffix.lower() not in (".png", ".svg", ".html"):
        raise MapError(i18n.t("map_format", path=out))
    if not out.parent.exists():
        raise MapError(f"{out.parent}: no such folder")
    return out


def write(pm: PatentMap, out: str | Path, *, xlsx: bool = True) -> dict[str, Path]:
    """Write the map as .png, .svg or .html (self-contained: the Vega runtime from vl-convert is inlined), and
    beside it the technology breakdown and every patent's branch and position as .xlsx."""
    import vl_convert

    out = check_output(out)
    kind = out.suffix.lower().lstrip(".")
    fig = Figure("patent_map", pm.title, spec(pm), breakdown(pm), grammar="vega")
    tmp = out.with_name(f".{out.name}.tmp")
    if kind == "png":
        tmp.write_bytes(fig.png(scale=2.0))
    elif kind == "svg":
        tmp.write_text(fig.svg(), encoding="utf-8")
    else:
        register_for_charts()
        tmp.write_text(vl_convert.vega_to_html(fig.spec, bundle=True), encoding="utf-8")
    os.replace(tmp, out)
    written = {kind: out}
    if xlsx:
        written["xlsx"] = _write_xlsx(pm, fig.table, out.with_suffix(".xlsx"))
    return written


def _write_xlsx(pm: PatentMap, table: DataTable, path: Path) -> Path:
    import xlsxwriter

    tmp = path.with_name(f".{path.name}.tmp.xlsx")
    wb = xlsxwriter.Workbook(str(tmp))
    head = wb.add_format({"bold": True, "bg_color": "#1f4e79", "font_color": "white", "border": 1})
    pct = wb.add_format({"num_format": "0.0%"})
    ws = wb.add_worksheet(i18n.t("map_col_id") if i18n.lang() == "zh" else "breakdown")
    ws.write_row(0, 0, list(table.columns.values()), head)
    for r, row in enumerate(table.rows, start=1):
        for c, key in enumerate(table.columns):
            v = row.get(key)
            ws.write(
                r,
                c,
                i18n.t("map_sep").join(map(str, v)) if isinstance(v, list) else v,
                pct if table.formats.get(key) == "pct" else None,
            )
    ws.set_column(1, 1, 36)
    ws.set_column(4, 4, 40)
    ws.set_column(len(table.columns) - 1, len(table.columns) - 1, 60)
    ws2 = wb.add_worksheet("patents")
    ws2.write_row(
        0, 0, ["pub_number", "branch", "x", "y"] + (["overlay"] if pm.overlay is not None else []), head
    )
    pubs = pm.pub_numbers.to_pylist()
    for i, p in enumerate(pubs):
        row = [
            p,
            int(pm.cluster[i]) if pm.cluster[i] >= 0 else None,
            round(float(pm.xy[i, 0]), 4),
            round(float(pm.xy[i, 1]), 4),
        ]
        if pm.overlay is not None:
            row.append(bool(pm.overlay[i]))
        ws2.write_row(i + 1, 0, row)
    wb.close()
    os.replace(tmp, path)
    return path
