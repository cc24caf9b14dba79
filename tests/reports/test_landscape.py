"""The landscape report, rendered once from the real corpus through ``seip report landscape`` and read back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from seip.cli import app
from seip.store import Corpus
from tests.reports import _pdf

pytestmark = pytest.mark.shared_data
runner = CliRunner()
CHAPTERS = ["申请趋势", "技术生命周期", "创新主体", "区域分布", "北京市的位置", "技术构成", "专利地图与技术分解",
            "高价值与核心专利", "可再利用的失效专利", "专利预警", "方法与数据说明"]  # fmt: skip


@pytest.fixture(scope="module")
def report(report_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("landscape") / "人工智能态势.pdf"
    args = ["report", "landscape", "--sei", "1.5", "--region", "北京市", "--out", str(out), "--json"]
    result = runner.invoke(app, [*args, "--home", str(report_home)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {k: Path(v) for k, v in json.loads(result.stdout)["files"].items()}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pdf_reads_as_a_chinese_report(report: dict[str, Path], tmp_path: Path) -> None:
    pdf = report["pdf"]
    text = _flat(_pdf.text(pdf))
    assert "北京市人工智能产业专利态势报告" in text and "主要发现" in text and "目录" in text
    for chapter in CHAPTERS:
        assert chapter in text, chapter
    # Every figure has its numbered caption, in order, and the map's branch labels are text in the PDF.
    captions = [int(n) for n in re.findall(r"图(\d+)", text)]
    assert captions and sorted(set(captions)) == list(range(1, max(captions) + 1)) and max(captions) >= 12
    cjk = [f for f in _pdf.fonts(pdf) if "CJK" in f["name"]]
    assert cjk and all(f["emb"] == "yes" for f in cjk)
    assert _pdf.pages(pdf) >= 15
    from PIL import Image, ImageStat

    for page in _pdf.to_png(pdf, tmp_path / "pages", first=1, last=4):
        assert ImageStat.Stat(Image.open(page).convert("L")).stddev[0] > 5


def test_findings_state_the_corpus_numbers(report: dict[str, Path], report_home: Path) -> None:
    """The sentences carry the figures: checked against counts made here, straight from the documents."""
    text = _flat(_pdf.text(report["pdf"], first=3, last=3))
    with Corpus(report_home, read_only=True) as c:
        # An application is counted under 1.5 when the document speaking for it is: between the applications
        # all of whose documents are in 1.5 and those with any document in 1.5.
        lo, hi = c.one(
            """SELECT count(*) FILTER (WHERE every_doc), count(*) FROM (
                 SELECT bool_and(list_contains(sei_codes, '1.5')) AS every_doc FROM patents
                 GROUP BY coalesce(app_number, pub_number) HAVING bool_or(list_contains(sei_codes, '1.5')))"""
        )
        top = c.one(
            """SELECT province FROM patents WHERE list_contains(sei_codes, '1.5') AND province IS NOT NULL
               GROUP BY 1 ORDER BY count(DISTINCT coalesce(app_number, pub_number)) DESC LIMIT 1"""
        )[0]
    n = int(re.search(r"共有专利申请([\d,]+)件", text).group(1).replace(",", ""))
    assert lo <= n <= hi
    assert re.search(rf"以{top}（", text)
    assert re.search(r"北京市共有[\d,]+件，占[\d.]+%，居第\d+位", text)
    stage = re.search(r"处于(萌芽期|成长期|成熟期|衰退期|无法判断)", text)
    assert stage is not None


def test_appendix_and_html(report: dict[str, Path]) -> None:
    wb = CalamineWorkbook.from_path(str(report["xlsx"]))
    names = wb.sheet_names
    assert names[0] == "目录" and names[-1] == "数据说明" and len(names) >= 20
    contents = wb.get_sheet_by_name("目录").to_python()
    listed = [r[2] for r in contents[3:] if r and r[2]]
    assert listed == names[1:-1]
    for name in names[1:-1]:
        rows = wb.get_sheet_by_name(name).to_python()
        assert len(rows) >= 4 and all(h for h in rows[2]), name  # title, blank, header, at least one row
    html = report["html"].read_text(encoding="utf-8")
    assert "北京市人工智能产业专利态势报告" in html and not re.search(
        r"<(script|link|img)[^>]+(src|href)=[\"']https?:", html
    )


def test_bad_options_are_one_line(report_home: Path, tmp_path: Path, seip_main) -> None:
    def run(*args: str) -> tuple[int, str]:
        return seip_main("report", "landscape", *args, "--home", str(report_home))

    code, err = run("--sei", "1.5", "--out", str(tmp_path / "r.docx"))
    assert code == 1 and ".pdf" in err and "Traceback" not in err
    code, err = run("--sei", "9.9", "--out", str(tmp_path / "r.pdf"))
    assert code == 1 and "no patents" in err and not (tmp_path / "r.pdf").exists()
