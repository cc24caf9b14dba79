"""The indicator report, rendered from the real corpus through ``seip report indicators`` and read back; its
figures are checked against ``seip indicators`` and against each indicator computed on the whole corpus. It is
rendered once more in English (``seip --lang en``), with the same figures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from seip import i18n
from seip.cli import app
from seip.store import Corpus
from tests.reports import _pdf

pytestmark = pytest.mark.shared_data
runner = CliRunner()
REGION, YEAR = "黑龙江省", 2022
CHAPTERS = ["指标总览", "规划目标监测", "有效发明专利", "高价值发明专利", "高价值条件的可评估性",
            "战略性新兴产业与国际布局", "失效与期满专利", "各市（地）指标", "说明与假设"]  # fmt: skip
EN_CHAPTERS = ["Indicators at a glance", "Plan targets", "Valid invention patents", "High-value invention patents",
               "Which high-value criteria can be assessed", "Strategic emerging industries and international filings",
               "Lapsed and expired patents", "Cities", "Notes and assumptions"]  # fmt: skip
HAN = re.compile(r"[\u4e00-\u9fff]")


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _cli(home: Path, *args: str) -> dict | list:
    result = runner.invoke(app, [*args, "--home", str(home)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def report(report_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("indicators") / "指标报告.pdf"
    return _cli(report_home, "report", "indicators", "--region", REGION, "--year", str(YEAR), "--out", str(out),
                "--json")  # fmt: skip


@pytest.fixture(scope="module")
def official(report_home: Path) -> list[dict]:
    """``seip indicators`` for every province (no --region: the nation and the provinces)."""
    return _cli(report_home, "indicators", "--year", str(YEAR), "--json")


def test_pdf_reads_as_a_chinese_report(report: dict, tmp_path: Path) -> None:
    pdf = Path(report["files"]["pdf"])
    text = _flat(_pdf.text(pdf))
    assert f"{REGION}知识产权统计指标报告" in text and "主要发现" in text
    for chapter in CHAPTERS:
        assert chapter in text, chapter
    captions = [int(n) for n in re.findall(r"图(\d+)", text)]
    # A provinces chart and a trend chart per indicator, the plan's progress, the cities.
    assert sorted(set(captions)) == list(range(1, max(captions) + 1)) and max(captions) >= 2 * 9 + 1
    assert "规划目标完成进度与时间进度" in text and "4.53" in text and "时间进度" in text
    cjk = [f for f in _pdf.fonts(pdf) if "CJK" in f["name"]]
    assert cjk and all(f["emb"] == "yes" for f in cjk)
    assert _pdf.pages(pdf) >= 15
    from PIL import Image, ImageStat

    for page in _pdf.to_png(pdf, tmp_path / "pages", first=1, last=4):
        assert ImageStat.Stat(Image.open(page).convert("L")).stddev[0] > 5


def test_values_and_ranks_agree_with_seip_indicators(report: dict, official: list[dict]) -> None:
    assert report["region"] == REGION and report["year"] == YEAR
    text = _flat(_pdf.text(Path(report["files"]["pdf"])))
    for ind, got in report["indicators"].items():
        rows = [r for r in official if r["indicator"] == ind and r["level"] == "province"]
        mine = next(r for r in rows if r["region"] == REGION)
        assert got["value"] == pytest.approx(mine["value"]) and got["numerator"] == mine["numerator"], ind
        rank = None if not mine["value"] else 1 + sum(r["value"] > mine["value"] for r in rows)
        assert got["rank"] == rank, ind
    v10 = report["indicators"]["valid_invention_per_10k"]
    assert f"每万人口发明专利拥有量{v10['value']:.4f}件" in text
    if v10["rank"]:
        assert f"{v10['value']:.4f}件，在31个省份中居第{v10['rank']}位" in text


def test_trend_points_are_the_indicator_at_each_year_end(report_home: Path) -> None:
    """The trend runs on the region's applications only: each point must equal the indicator computed on the
    whole corpus at that year's end."""
    from seip.analysis._backend import connect, tables
    from seip.analysis.registry import INDICATORS
    from seip.reports.indicator_report import gather

    with Corpus(report_home, read_only=True) as c:
        d = gather(c, region=REGION, year=YEAR)
        tb = tables(connect(c))
        for f in d.figures:
            assert [p["period"] for p in f.trend] == [str(y) for y in range(YEAR - 5, YEAR + 1)]
            for point in (f.trend[0], f.trend[3]):
                full = INDICATORS[f.id](tb, year=int(point["period"])).to_pyarrow().to_pylist()
                row = next(r for r in full if r["level"] == "province" and r["region"] == REGION)
                assert (point["value"], point["numerator"], point["undetermined"]) == pytest.approx(
                    (row["value"], row["numerator"], row["undetermined"])
                ), (f.id, point)
            assert f.trend[-1]["value"] == pytest.approx(f.here["value"])
    assert d.plan is not None and d.plan["region"] == REGION
    assert [c["id"] for c in d.criteria] == [
        "sei",
        "overseas_family",
        "maintained_10y",
        "high_pledge",
        "award",
    ]


def test_appendix_and_other_regions(report: dict, report_home: Path, tmp_path: Path) -> None:
    wb = CalamineWorkbook.from_path(report["files"]["xlsx"])
    names = wb.sheet_names
    assert names[0] == "目录" and names[-1] == "数据说明" and len(names) >= 25
    overview = wb.get_sheet_by_name(names[1]).to_python()
    assert overview[2][:2] == ["指标", "数值"] and len(overview) == 3 + len(report["indicators"])
    # The shipped plan is Heilongjiang's: for another region the chapter says so instead of comparing.
    out = tmp_path / "北京.pdf"
    got = _cli(
        report_home,
        "report",
        "indicators",
        "--region",
        "北京",
        "--out",
        str(out),
        "--formats",
        "pdf",
        "--json",
    )
    assert got["plan"] is None and list(got["files"]) == ["pdf"]
    assert "--targets" in _flat(_pdf.text(out))


def test_bad_options_are_one_line(report_home: Path, tmp_path: Path, seip_main) -> None:
    def run(*args: str) -> tuple[int, str]:
        return seip_main("report", "indicators", *args, "--home", str(report_home))

    code, err = run("--region", "火星", "--out", str(tmp_path / "r.pdf"))
    assert code == 1 and "火星" in err and "Traceback" not in err and not (tmp_path / "r.pdf").exists()
    plan = tmp_path / "plan.yaml"
    plan.write_text("region: 吉林省\nbase_year: 2020\ntarget_year: 2025\ntargets: []\n", encoding="utf-8")
    code, err = run("--region", REGION, "--targets", str(plan), "--out", str(tmp_path / "r.pdf"))
    assert code == 1 and "吉林省" in err


@pytest.fixture(scope="module")
def report_en(report_home: Path, report: dict, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The same report in English (PDF and workbook); the language is reset for the other tests."""
    out = tmp_path_factory.mktemp("indicators_en") / "indicators.pdf"
    args = ["--lang", "en", "report", "indicators", "--region", REGION, "--year", str(YEAR), "--out", str(out),
            "--formats", "pdf,xlsx", "--json", "--home", str(report_home)]  # fmt: skip
    try:
        result = runner.invoke(app, args)
    finally:
        i18n.set_lang("zh")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_english_report_reads_in_english(report_en: dict, report: dict) -> None:
    from seip.reports.words import ordinal

    assert {k: v for k, v in report_en.items() if k != "files"} == {
        k: v for k, v in report.items() if k != "files"
    }
    text = _flat(_pdf.text(Path(report_en["files"]["pdf"])))
    assert _flat(f"Intellectual Property Statistics Report: {REGION}") in text
    for chapter in ["Key findings", "Contents", *EN_CHAPTERS]:
        assert _flat(chapter) in text, chapter
    # The Chinese static words of the same places are gone (region and city names are data and stay; 高价值发明专利
    # is kept on purpose, in brackets, after its English name).
    for word in [
        *(c for c in CHAPTERS if c != "高价值发明专利"),
        "主要发现",
        "目录",
        "每万人口发明专利拥有量",
        "规划目标完成进度",
        "待定",
        "图1",
    ]:
        assert word not in text, word
    v10 = report_en["indicators"]["valid_invention_per_10k"]
    assert _flat(f"{v10['value']:.4f} per 10,000 residents") in text
    if v10["rank"]:
        assert (
            _flat(
                f"{v10['value']:.4f} per 10,000 residents, ranking {ordinal(v10['rank'])} of the 31 provinces"
            )
            in text
        )
    # The one Chinese term kept on purpose, and the shipped plan in English.
    assert _flat("High-value invention patents (高价值发明专利, CNIPA definition)") in text
    assert _flat("Progress towards the plan targets against time elapsed") in text
    assert _flat("Main IP development indicators of Heilongjiang's 14th Five-Year Plan") in text


def test_english_workbook_headings(report_en: dict) -> None:
    wb = CalamineWorkbook.from_path(report_en["files"]["xlsx"])
    names = wb.sheet_names
    assert names[0] == "Contents" and names[-1].replace(" ", "") == "Aboutthedata" and len(names) >= 25
    assert not any(HAN.search(n) for n in names)
    overview = wb.get_sheet_by_name(names[1]).to_python()
    assert overview[2][:3] == ["Indicator", "Value", "Unit"]
    assert [r[0] for r in overview[3:]][:2] == [
        "Valid invention patents",
        "Valid invention patents per 10,000 residents",
    ]
    for name in names[1:-1]:
        heads = " ".join(str(c) for c in wb.get_sheet_by_name(name).to_python()[2]).replace(REGION, "")
        assert heads.strip() and not HAN.search(heads), (name, heads)
