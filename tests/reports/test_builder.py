"""The report builder, checked the way a reader sees the result: PDF text, fonts, pages and images; the HTML;
the XLSX appendix. The report is built from the real corpus."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from seip.reports import charts
from seip.reports.builder import Bullets, Note, Report, Section, render, to_html
from seip.reports.topo import figure as map_figure
from seip.store import Corpus
from tests.reports import _pdf

pytestmark = pytest.mark.shared_data


def _real_report(home: Path, patent_map) -> Report:
    """A small report on SEI 1.5 from plain SQL over the real corpus (no analysis module involved)."""
    with Corpus(home, read_only=True) as c:
        years = c.query(
            """SELECT year(app_date) AS y, count(*) AS n FROM patents
               WHERE list_contains(sei_codes, '1.5') AND app_date IS NOT NULL GROUP BY 1 HAVING y >= 2010 ORDER BY 1"""
        ).to_pylist()
        apps = c.query(
            """SELECT applicants_std[1] AS a, count(*) AS n FROM patents
               WHERE list_contains(sei_codes, '1.5') AND applicants_std[1] IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"""
        ).to_pylist()
        kinds = c.query(
            "SELECT coalesce(patent_type, 'unknown') AS k, count(*) AS n FROM patents WHERE list_contains(sei_codes, '1.5') GROUP BY 1 ORDER BY 2 DESC"
        ).to_pylist()
    prev = None
    for r in years:
        r["g"] = (r["n"] / prev - 1) if prev else None
        prev = r["n"]
    names = {"invention": "发明", "utility_model": "实用新型", "design": "外观设计", "unknown": "未知"}
    trend = charts.DataTable(
        {"y": "申请年", "n": "申请量（件）", "g": "同比增长"}, years, formats={"n": "int", "g": "pct"}
    )
    top = charts.DataTable({"a": "申请人", "n": "申请量（件）"}, apps, "主要申请人（前10位）", {"n": "int"})
    kind = charts.DataTable(
        {"k": "专利类型", "n": "数量（件）"},
        [{"k": names[r["k"]], "n": r["n"]} for r in kinds],
        formats={"n": "int"},
    )
    total = sum(r["n"] for r in kinds)
    return Report(
        "人工智能产业专利分析报告",
        "战略性新兴产业 1.5 · 测试报告",
        "seip 测试",
        dt.date(2026, 11, 30),
        summary=[f"人工智能产业共有专利文献 **{total:,}** 件。", f"申请量最多的申请人是{apps[0]['a']}。"],
        sections=[
            Section("申请趋势", ["申请量逐年变化如下。", charts.bar_line("trend", "人工智能专利申请趋势", trend, "y", "n", "g", note="数据来源：seip 专利库，按申请日统计。")]),
            Section("申请人", [charts.bar("top", "主要申请人申请量", top, "a", "n", horizontal=True, sort_by_value=True), top, Note("申请人名称经规范化。")],
                    children=[Section("专利类型", [charts.donut("kinds", "专利类型构成", kind, "k", "n"), Bullets(["发明专利占多数。"])])]),
            Section("专利地图", [map_figure(patent_map)]),
            Section("方法与数据说明", ["本报告统计单位为公开文献。"]),
        ],
        provenance=[("数据", "../shared/datasets 的真实专利导出")],
    )  # fmt: skip


@pytest.fixture(scope="module")
def rendered(report_home: Path, small_map, tmp_path_factory: pytest.TempPathFactory):
    report = _real_report(report_home, small_map)
    folder = tmp_path_factory.mktemp("report")
    return report, render(report, folder / "人工智能报告.pdf")


def test_pdf_has_chinese_text_embedded_cjk_fonts_and_every_chart(rendered, tmp_path: Path) -> None:
    report, files = rendered
    assert set(files) == {"pdf", "html", "xlsx"} and all(p.stat().st_size > 0 for p in files.values())
    pdf = files["pdf"]
    text = _pdf.text(pdf)
    flat = re.sub(r"\s+", "", text)
    assert "人工智能产业专利分析报告" in flat and "主要发现" in flat and "目录" in flat
    for s, _ in report.walk():
        assert s.title in flat
    figures = [b for b in report.exhibits() if isinstance(b, charts.Figure)]
    for n, fig in enumerate(figures, start=1):
        assert f"图{n}{fig.title}" in flat  # the caption
    # Each chart is drawn as text-bearing SVG: its axis titles and data labels are in the PDF text.
    assert "申请量（件）" in flat and "同比增长" in flat and "专利类型" in flat
    assert small_label(report) in flat
    cjk = [f for f in _pdf.fonts(pdf) if "CJK" in f["name"]]
    assert cjk and all(f["emb"] == "yes" and f["sub"] == "yes" for f in cjk)
    # Cover, contents, findings and four chapters each start a page.
    assert _pdf.pages(pdf) >= 7
    pngs = _pdf.to_png(pdf, tmp_path / "pages", first=1, last=4)
    assert len(pngs) == 4
    from PIL import Image, ImageStat

    for p in pngs:
        assert ImageStat.Stat(Image.open(p).convert("L")).stddev[0] > 5  # not a blank page


def small_label(report: Report) -> str:
    """The first branch label of the map in the report, as its text appears (terms without spaces)."""
    fig = next(
        b
        for s, _ in report.walk()
        for b in s.blocks
        if isinstance(b, charts.Figure) and b.key == "patent_map"
    )
    return re.sub(r"\s+", "", fig.table.rows[0]["label"])


def test_contents_lists_every_chapter_with_its_page(rendered) -> None:
    report, files = rendered
    toc = _pdf.text(files["pdf"], first=2, last=2)
    for s in report.sections:
        line = next((ln for ln in toc.splitlines() if s.title in ln), None)
        assert line is not None and re.search(r"\d+\s*$", line), (s.title, toc)
    page_of = {
        s.title: int(re.search(r"(\d+)\s*$", ln).group(1))
        for s in report.sections
        for ln in toc.splitlines()
        if s.title in ln
    }
    for title, page in page_of.items():
        assert title in re.sub(r"\s+", "", _pdf.text(files["pdf"], first=page, last=page))


def test_html_is_self_contained_and_interactive(rendered) -> None:
    report, files = rendered
    html = files["html"].read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']https?:", html)
    assert "vegaEmbed" in html and html.count('class="chart-box"') == len(
        [b for b in report.exhibits() if isinstance(b, charts.Figure)]
    )
    static = to_html(report, interactive=False)
    assert "vegaEmbed" not in static and static.count("<svg") >= 4


def test_xlsx_holds_the_table_behind_every_figure_and_table(rendered) -> None:
    report, files = rendered
    wb = CalamineWorkbook.from_path(str(files["xlsx"]))
    exhibits = report.exhibits()
    assert len(wb.sheet_names) == len(exhibits) + 2  # contents + one per exhibit + the data notes
    for name, ex in zip(wb.sheet_names[1:], exhibits, strict=False):
        table = ex.table if isinstance(ex, charts.Figure) else ex
        rows = wb.get_sheet_by_name(name).to_python()
        assert rows[2] == list(table.columns.values())
        body = [r for r in rows[3 : 3 + len(table.rows)]]
        assert len(body) == len(table.rows)
        for got, want in zip(body, table.values(), strict=True):
            assert [_cell(v) for v in got[: len(want)]] == [_cell(v) for v in want]


def _cell(v: object) -> object:
    """A value as it reads back from xlsx: numbers as floats, lists joined, missing as ''."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float):
        return round(float(v), 9)
    if isinstance(v, list):
        return "；".join(map(str, v))
    return str(v)
