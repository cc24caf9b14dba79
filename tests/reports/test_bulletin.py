"""The warning bulletin, rendered from the real corpus through ``seip report warning`` and read back.

The corpus is a private copy with one applicant watch whose baseline lies before the last imports, so the
bulletin has watched news to report — and must leave the watch state as it found it. The bulletin is rendered once
more in English (``seip --lang en``), with the same figures.
"""

from __future__ import annotations

import json
import re
import shutil
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
CHAPTERS = ["预警概况", "预警详情", "监视动态", "应对建议", "附表：指标值总表", "方法说明"]
EN_CHAPTERS = ["Overview of alerts", "Alert details", "Watchlist news", "Recommended responses",
               "Appendix: all indicator values", "Method"]  # fmt: skip
HAN = re.compile(r"[\u4e00-\u9fff]")
REGION = "北京市"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def home(report_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus with a watch on the leading applicant of its last two imports, as if added before them."""
    from seip.analysis import watch

    home = tmp_path_factory.mktemp("bulletin") / "home"
    home.mkdir()
    shutil.copy(report_home / "corpus.duckdb", home / "corpus.duckdb")
    with Corpus(home) as c:
        baseline = c.one("SELECT max(import_id) - 2 FROM import_log")[0]
        top = c.one(
            """SELECT a FROM (SELECT unnest(applicants_std) AS a FROM patents WHERE first_import_id > ?)
               GROUP BY a ORDER BY count(*) DESC, a LIMIT 1""",
            [baseline],
        )[0]
        w = watch.add(c, "applicant", top, "竞争对手")
        c.con.execute(
            "UPDATE watchlist SET baseline_import_id = ? WHERE watch_id = ?", [baseline, w["watch_id"]]
        )
    return home


@pytest.fixture(scope="module")
def bulletin(home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("bulletin_out") / "预警通报.pdf"
    args = ["report", "warning", "--region", REGION, "--as-of", "2024-06-30", "--out", str(out), "--json"]
    result = runner.invoke(app, [*args, "--home", str(home)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def warn(home: Path, bulletin: dict) -> dict:
    """The same alerts from ``seip warn`` (its own engine session, value cache and code path)."""
    args = ["warn", "--region", REGION, "--as-of", "2024-06-30", "--year", str(bulletin["year"]), "--json"]
    result = runner.invoke(app, [*args, "--home", str(home)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_pdf_reads_as_a_chinese_bulletin(bulletin: dict, tmp_path: Path) -> None:
    pdf = Path(bulletin["files"]["pdf"])
    text = _flat(_pdf.text(pdf))
    assert f"{REGION}战略性新兴产业专利预警通报" in text and "主要发现" in text and "目录" in text
    for chapter in CHAPTERS:
        assert chapter in text, chapter
    captions = [int(n) for n in re.findall(r"图(\d+)", text)]
    assert captions and sorted(set(captions)) == list(range(1, max(captions) + 1))
    cjk = [f for f in _pdf.fonts(pdf) if "CJK" in f["name"]]
    assert cjk and all(f["emb"] == "yes" for f in cjk)
    assert _pdf.pages(pdf) >= 8
    from PIL import Image, ImageStat

    for page in _pdf.to_png(pdf, tmp_path / "pages", first=1, last=4):
        assert ImageStat.Stat(Image.open(page).convert("L")).stddev[0] > 5


def test_level_counts_and_evidence_agree_with_seip_warn(bulletin: dict, warn: dict) -> None:
    alerts = warn["alerts"]
    assert bulletin["alerts"] == len(alerts) > 0
    text = _flat(_pdf.text(Path(bulletin["files"]["pdf"])))
    # The summary sentence names each level's count, most severe first.
    levels = [(a, sum(x["level_zh"] == a for x in alerts)) for a in ("巨警", "重警", "中警", "轻警")]
    expected = "、".join(f"{lv}{k}项" for lv, k in levels if k)
    assert f"共发出预警{len(alerts)}项：{expected}。" in text
    assert bulletin["levels"] == {lv: k for lv, k in reversed(levels)}
    # Every detailed alert shows its reproducing command, and the first one its level and indicator.
    first = alerts[0]
    assert _flat(f"【{first['level_zh']}】{first['name_zh']}") in text
    assert _flat(first["command"]) in text
    assert text.count("复现命令：seipwarn") == min(30, len(alerts))


def test_watch_news_is_reported_but_not_recorded(bulletin: dict, home: Path) -> None:
    with Corpus(home, read_only=True) as c:
        value, baseline = c.one("SELECT value, baseline_import_id FROM watchlist")
        needle = value.lower().replace("'", "''")
        hit = " OR ".join(
            f"len(list_filter({col}, lambda x: contains(lower(x), '{needle}'))) > 0"
            for col in ("applicants_std", "applicants")
        )
        new = c.one(f"SELECT count(*) FROM patents WHERE first_import_id > ? AND ({hit})", [baseline])[0]
        runs = c.one("SELECT count(*) FROM watch_runs")[0]
    assert new > 0 and runs == 0
    assert bulletin["watches"] == 1
    text = _flat(_pdf.text(Path(bulletin["files"]["pdf"])))
    assert f"监视清单1项，自各自上次运行以来共有新专利{new:,}件" in text
    section = text[text.index("三、监视动态", text.index("主要发现")) :]
    assert f"{_flat(value)}竞争对手" in section


def test_appendix_holds_every_exhibit(bulletin: dict) -> None:
    wb = CalamineWorkbook.from_path(bulletin["files"]["xlsx"])
    names = wb.sheet_names
    assert names[0] == "目录" and names[-1] == "数据说明"
    listed = [r[2] for r in wb.get_sheet_by_name("目录").to_python()[3:] if r and r[2]]
    assert listed == names[1:-1]
    rules = [
        n
        for n in names
        if any("预警指标体系与阈值" in str(c) for c in wb.get_sheet_by_name(n).to_python()[0])
    ]
    assert len(rules) == 1
    html = Path(bulletin["files"]["html"]).read_text(encoding="utf-8")
    assert "预警通报" in html and not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']https?:", html)


def test_bad_options_are_one_line(home: Path, tmp_path: Path, seip_main) -> None:
    def run(*args: str) -> tuple[int, str]:
        return seip_main("report", "warning", *args, "--home", str(home))

    code, err = run("--region", "哈尔滨市", "--out", str(tmp_path / "w.pdf"))
    assert code == 1 and "province" in err and "Traceback" not in err and not (tmp_path / "w.pdf").exists()
    code, err = run("--out", str(tmp_path / "w.docx"))
    assert code == 1 and ".pdf" in err


@pytest.fixture(scope="module")
def bulletin_en(home: Path, bulletin: dict, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The same bulletin in English (PDF and workbook); the language is reset for the other tests."""
    out = tmp_path_factory.mktemp("bulletin_en") / "warning.pdf"
    args = [
        "--lang",
        "en",
        "report",
        "warning",
        "--region",
        REGION,
        "--as-of",
        "2024-06-30",
        "--out",
        str(out),
    ]
    try:
        result = runner.invoke(app, [*args, "--formats", "pdf,xlsx", "--json", "--home", str(home)])
    finally:
        i18n.set_lang("zh")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_english_bulletin_reads_in_english(bulletin_en: dict, bulletin: dict, warn: dict) -> None:
    from seip.analysis.warning import LEVELS_EN

    assert {k: v for k, v in bulletin_en.items() if k != "files"} == {
        k: v for k, v in bulletin.items() if k != "files"
    }
    text = _flat(_pdf.text(Path(bulletin_en["files"]["pdf"])))
    assert _flat(f"Patent Early-Warning Bulletin: Strategic Emerging Industries, {REGION}") in text
    for chapter in ["Key findings", "Contents", *EN_CHAPTERS]:
        assert _flat(chapter) in text, chapter
    # The Chinese static words of the same places are gone (region names and applicants are data and stay).
    for word in [
        *CHAPTERS,
        "主要发现",
        "目录",
        "复现命令",
        "共发出预警",
        "研究范围",
        "预警级别",
        "监视清单",
        "图1",
    ]:
        assert word not in text, word
    alerts = warn["alerts"]
    counts = [(LEVELS_EN[lv], sum(a["level"] == lv for a in alerts)) for lv in (4, 3, 2, 1)]
    parts = [f"{k} {name}" for name, k in counts if k]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    assert _flat(f"Alerts issued: {len(alerts)} ({listed}).") in text
    first = alerts[0]
    assert _flat(f"[{first['level_en'].capitalize()}] {first['name_en']}") in text
    assert text.count("Reproducewith:seipwarn") == min(30, len(alerts))
    assert "Thebulletinonlyreadsthewatches" in text


def test_english_workbook_headings(bulletin_en: dict) -> None:
    wb = CalamineWorkbook.from_path(bulletin_en["files"]["xlsx"])
    names = wb.sheet_names
    assert names[0] == "Contents" and names[-1].replace(" ", "") == "Aboutthedata"
    assert not any(HAN.search(n) for n in names)
    sheets = {n: wb.get_sheet_by_name(n).to_python() for n in names[1:-1]}
    rules = [rows for rows in sheets.values() if "Indicator system and thresholds" in str(rows[0][0])]
    assert len(rules) == 1 and rules[0][2][:5] == ["ID", "Indicator", "Measure", "Scope", "Direction"]
    for name, rows in sheets.items():
        heads = " ".join(str(c) for c in rows[2])
        assert heads.strip() and not HAN.search(heads), (name, heads)
    about = wb.get_sheet_by_name(names[-1]).to_python()
    assert [r[0] for r in about][:3] == ["Scope", "Evaluation year", "Assessment date"]
