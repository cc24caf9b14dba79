"""The lapsed-patent compilation, rendered from the real corpus through ``seip report lapsed``: the workbook is
read back with calamine (no openpyxl) and its counts checked against :func:`seip.analysis.lapsed.lapsed_table`
computed here; the PDF is read as a reader would."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from seip.cli import app
from seip.store import Corpus
from tests.reports import _pdf

pytestmark = pytest.mark.shared_data
runner = CliRunner()
AS_OF = dt.date(2024, 6, 30)
SINCE = dt.date(2020, 1, 1)
HEADER = ["序号", "公开（公告）号", "申请号", "名称", "申请（专利权）人", "省份", "城市", "申请日", "授权日", "专利类型",
          "IPC主分类", "分组", "战略性新兴产业分类", "失效原因", "失效日期", "失效日期依据", "失效日期未知：不早于",
          "价值度", "核心专利", "原始法律状态", "摘要（节选）"]  # fmt: skip


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _cli(home: Path, *args: str) -> dict:
    result = runner.invoke(app, [*args, "--home", str(home)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _expected(home: Path, sei: str, since: dt.date | None = SINCE) -> list[dict]:
    """The compilation as the analysis layer gives it, computed here."""
    from seip.analysis._backend import connect, tables
    from seip.analysis.lapsed import lapsed_table

    with Corpus(home, read_only=True) as c:
        return lapsed_table(tables(connect(c)), as_of=AS_OF, sei=sei, since=since).to_pyarrow().to_pylist()


@pytest.fixture(scope="module")
def industry(report_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The whole industry 1 (新一代信息技术): one sheet per second-level category."""
    out = tmp_path_factory.mktemp("lapsed") / "失效专利汇编.pdf"
    return _cli(report_home, "report", "lapsed", "--sei", "1", "--since", "2020", "--as-of", AS_OF.isoformat(),
                "--limit", "120", "--out", str(out), "--json")  # fmt: skip


def _sheet(path: str, name: str) -> list[list]:
    return CalamineWorkbook.from_path(path).get_sheet_by_name(name).to_python()


def test_workbook_sheets_counts_and_order(industry: dict, report_home: Path) -> None:
    expected = _expected(report_home, "1")
    book = industry["files"]["xlsx"]
    names = CalamineWorkbook.from_path(book).sheet_names
    codes = sorted({c for r in expected for c in r["sei_codes"].split() if c.startswith("1.")})
    assert names[:4] == ["封面", "目录", "失效专利", "按失效原因"] and len(names) == 4 + len(codes)
    assert [n.split()[0] for n in names[4:]] == sorted(codes, key=lambda c: tuple(map(int, c.split("."))))
    rows = _sheet(book, "失效专利")
    assert rows[0] == HEADER
    body = rows[1:]
    assert industry["total"] == len(body) == len(expected) > 0
    assert [r[1] for r in body] == [r["pub_number"] for r in expected]  # most valuable first, as the analysis
    scores = [r[17] for r in body if r[17] != ""]
    assert scores == sorted(scores, reverse=True) and all(r[17] == "" for r in body[len(scores) :])
    assert all(isinstance(r[7], dt.date) for r in body if r[7] != "")  # dates are dates, not text
    # Per reason and per category: the same counts as the analysis table.
    reasons = Counter(r["reason"] for r in expected)
    from seip.analysis.lapsed import REASONS

    summary = {
        r[0]: r[1] for r in _sheet(book, "按失效原因")[3:] if r and r[0] in {v[0] for v in REASONS.values()}
    }
    assert summary == {REASONS[k][0]: float(v) for k, v in reasons.items()}
    for name in names[4:]:
        code = name.split()[0]
        assert len(_sheet(book, name)) - 1 == sum(code in r["sei_codes"].split() for r in expected), name
    contents = _sheet(book, "目录")
    assert [r[0] for r in contents[3:]] == names
    cover = _flat(" ".join(str(c) for r in _sheet(book, "封面") for c in r))
    assert "新一代信息技术产业失效专利文献汇编" in cover and "2020-01-01" in cover


def test_pdf_reads_as_a_compilation(industry: dict, tmp_path: Path) -> None:
    pdf = Path(industry["files"]["pdf"])
    text = _flat(_pdf.text(pdf))
    assert "新一代信息技术产业失效专利文献汇编" in text
    for chapter in ("主要发现", "概况", "失效专利汇编", "方法说明"):
        assert chapter in text
    assert f"共{industry['total']:,}件" in text
    assert "失效原因构成" in text and "各年失效专利数量" in text
    rows = _sheet(industry["files"]["xlsx"], "失效专利")[1:]
    # The 120 most valuable are entries of the PDF, numbered as in the workbook; the next one is not.
    for r in (rows[0], rows[119]):
        assert f"{int(r[0])}.{r[1]}" in text
    assert f"{int(rows[120][0])}.{rows[120][1]}" not in text
    groups = Counter(r[11] for r in rows[:120])
    top = groups.most_common(1)[0][0]
    assert re.search(rf"2\.1{top}", text)
    cjk = [f for f in _pdf.fonts(pdf) if "CJK" in f["name"]]
    assert cjk and all(f["emb"] == "yes" for f in cjk)
    assert _pdf.pages(pdf) >= 10
    from PIL import Image, ImageStat

    for page in _pdf.to_png(pdf, tmp_path / "pages", first=1, last=4):
        assert ImageStat.Stat(Image.open(page).convert("L")).stddev[0] > 5


def test_region_and_query_narrow_the_compilation(report_home: Path, tmp_path: Path) -> None:
    expected = [r for r in _expected(report_home, "1.5", None) if r["province"] == "北京市"]
    got = _cli(report_home, "report", "lapsed", "--sei", "1.5", "--region", "北京", "--as-of", AS_OF.isoformat(),
               "--out", str(tmp_path / "北京.xlsx"), "--json")  # fmt: skip
    assert list(got["files"]) == ["pdf", "html", "xlsx"]
    rows = _sheet(got["files"]["xlsx"], "失效专利")[1:]
    assert got["total"] == len(rows) == len(expected) and {r[5] for r in rows} == {"北京市"}
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
    got = _cli(report_home, "report", "lapsed", "--sei", "1.5", "--query", "TI=语音", "--as-of", AS_OF.isoformat(),
               "--formats", "xlsx", "--out", str(tmp_path / "语音.xlsx"), "--json")  # fmt: skip
    rows = _sheet(got["files"]["xlsx"], "失效专利")[1:]
    assert 0 < len(rows) < len(_expected(report_home, "1.5", None)) and list(got["files"]) == ["xlsx"]


def test_grouped_by_map_branch(report_home: Path, tmp_path: Path) -> None:
    got = _cli(report_home, "report", "lapsed", "--sei", "2.2", "--group", "branch", "--limit", "40",
               "--formats", "pdf,xlsx", "--out", str(tmp_path / "b.pdf"), "--json")  # fmt: skip
    rows = _sheet(got["files"]["xlsx"], "失效专利")[1:]
    branches = {r[11] for r in rows}
    assert any(re.match(r"\d+\. ", b) for b in branches)
    text = _flat(_pdf.text(Path(got["files"]["pdf"])))
    assert "专利地图技术分支" in text


def test_bad_options_are_one_line(report_home: Path, tmp_path: Path, seip_main) -> None:
    def run(*args: str) -> tuple[int, str]:
        return seip_main("report", "lapsed", *args, "--home", str(report_home))

    code, err = run("--sei", "9.9", "--out", str(tmp_path / "r.pdf"))
    assert code == 1 and "no lapsed patents" in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())
    code, err = run("--sei", "1.5", "--group", "cluster", "--out", str(tmp_path / "r.pdf"))
    assert code == 1 and "branch" in err
    code, err = run("--sei", "1.5", "--since", "2020-13-01", "--out", str(tmp_path / "r.pdf"))
    assert code == 1 and "not a date" in err
