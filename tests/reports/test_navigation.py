"""The navigation report (专利导航报告): its computations on hand-made tables, then the whole report rendered once
from the real corpus through ``seip report navigation`` and read back as a reader would."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from seip.cli import app
from seip.reports.navigation import position
from seip.reports.navigation_data import MIN_SHARED, MIN_TEAM, gather, group_terms, hotspots, inventor_teams
from seip.reports.navigation_data import specialisation as rta_table
from seip.store import Corpus
from tests.reports import _pdf

runner = CliRunner()
REGION = "黑龙江省"
CHAPTERS = ["产业发展方向", "全球与中国专利申请趋势", "技术生命周期", "技术热点", "专利地图与技术分支", "主要创新主体",
            f"{REGION}产业定位", "产业规模与结构", "创新主体定位", "技术定位", "人才定位", "专利运营定位", "发展路径", "技术发展路径",
            "企业培育路径", "人才引进路径", "协同创新路径", "知识产权运营路径", "清单", "重点企业清单", "发明人团队清单",
            "可许可或收购的专利清单", "可再利用的失效专利清单", "方法与数据说明"]  # fmt: skip


# --- computations on tiny tables (numbers worked out by hand) -------------------------------------------


def test_specialisation_index() -> None:
    counts = pa.table({
        "unit": ["甲", "甲", "乙", "乙", "乙", "丙", "丁"],
        "branch": ["b1", "b2", "b1", "b2", "b3", "b1", "b1"],
        "n": [3, 1, 1, 5, 2, 4, 3],
    })  # fmt: skip
    rows = {r["branch"]: r for r in rta_table(counts, "甲").to_pylist()}
    # Totals: 甲 4, 乙 8, 丙 4, 丁 3 = 19; b1 11, b2 6, b3 2.
    assert (
        rows["b1"]["national"] == 11 and rows["b1"]["n"] == 3 and rows["b1"]["share"] == pytest.approx(3 / 11)
    )
    assert rows["b1"]["rta"] == pytest.approx((3 / 4) / (11 / 19))
    assert (
        rows["b1"]["rank"] == 2 and rows["b1"]["units"] == 4
    )  # 丙 4 first; 甲 and 丁 tie at 3 and share rank 2
    assert (rows["b1"]["leader"], rows["b1"]["leader_n"]) == ("丙", 4)
    assert rows["b2"]["rta"] == pytest.approx((1 / 4) / (6 / 19)) and rows["b2"]["rank"] == 2
    assert (rows["b2"]["leader"], rows["b2"]["leader_n"]) == ("乙", 5)
    assert rows["b3"]["n"] == 0 and rows["b3"]["rank"] is None and rows["b3"]["rta"] == 0.0
    assert rows["b3"]["units"] == 1 and rows["b3"]["share"] == 0.0
    nowhere = {r["branch"]: r for r in rta_table(counts, "戊").to_pylist()}
    assert all(r["rta"] is None and r["n"] == 0 for r in nowhere.values())  # a region with nothing has no RTA


def test_position_classes() -> None:
    assert position(1.5, 3) == "strong" and position(1.5, 2) == "even"  # a strength needs 3 applications
    assert position(0.79, 5) == "weak" and position(0.8, 5) == "even" and position(0.0, 0) == "none"
    assert position(1.2, 10) == "strong" and position(1.19, 10) == "even"


def test_hotspots() -> None:
    # J 1,000 and B 800 in the selection: the field grows 25 %; the floor is max(20, 0.5 % of 1,000) = 20.
    rows = [
        {"key": "a", "n": 60, "n_j": 40, "n_b": 8},  # ×5: growth 4.0
        {"key": "b", "n": 25, "n_j": 25, "n_b": 0},  # new in J: fastest
        {"key": "c", "n": 19, "n_j": 19, "n_b": 0},  # new but below the floor
        {"key": "d", "n": 190, "n_j": 100, "n_b": 90},  # +11 %: slower than the field
        {"key": "e", "n": 70, "n_j": 40, "n_b": 20},  # +100 %: eligible, beyond the top 2
        {"key": "f", "n": 45, "n_j": 25, "n_b": 20},  # +25 % = the field's: not faster
    ]
    out = hotspots(rows, total_j=1000, total_b=800, top=2)
    assert [(r["key"], r["hot_rank"]) for r in out[:2]] == [("b", 1), ("a", 2)]
    assert {r["key"] for r in out if r["hot"]} == {"a", "b"}
    assert [r["key"] for r in out[2:]] == ["d", "e", "f", "c"]  # the rest by size
    by = {r["key"]: r for r in out}
    assert by["a"]["growth"] == pytest.approx(4.0) and by["b"]["growth"] is None and by["e"]["growth"] == 1.0
    # The floor grows with J: 0.5 % of 6,000 is 30, so b and f (25 in J) are no longer eligible.
    big = hotspots([dict(r) for r in rows], total_j=6000, total_b=4800, top=2)
    assert [r["key"] for r in big if r["hot"]] == ["a", "e"]


def test_inventor_teams() -> None:
    base = pa.table({
        "akey": ["A1", "A2", "A3", "A4", "A5", "A6", "A7"],
        "inventors": [["张三", "李四", "王五"], ["张三", "李四"], ["李四", "王五"], ["赵六", "钱七"], ["赵六", "钱七", "孙八"],
                      ["张三", "孙八"], [" 张三 ", "李四"]],
        "applicants_std": [["X公司"], ["X公司"], ["X公司", "某大学"], ["Y公司"], ["Y公司"], ["Z大学"], ["X公司"]],
        "home": ["黑龙江省", "黑龙江省", "黑龙江省", "北京市", "北京市", "上海市", "黑龙江省"],
        "applicant_country": ["CN"] * 7,
        "year": [2018, 2019, 2020, 2020, 2021, 2019, 2021],
        "core": [True, False, False, False, False, False, False],
        "groups": [["G06N3"], ["G06N3"], ["G06F3"], ["H04L9"], ["H04L9"], ["G06N3"], ["G06N3"]],
    })  # fmt: skip
    con = duckdb.connect()
    con.register("base", base)
    inventor_teams(con, 2019, 2021)
    people = {(n, a): (apps, j, team) for n, a, apps, j, team in con.sql(
        "SELECT name, applicant, apps, apps_j, team FROM inventor").fetchall()}  # fmt: skip
    # 张三 at X and 张三 at Z are two people; " 张三 " is 张三 (A1, A2, A7; A2 and A7 in 2019–2021).
    assert len(people) == 8
    assert people[("张三", "X公司")][:2] == (3, 2) and people[("张三", "Z大学")] == (1, 1, None)
    assert (
        people[("张三", "X公司")][2]
        == people[("李四", "X公司")][2]
        == people[("王五", "X公司")][2]
        is not None
    )
    teams = con.sql(
        "SELECT lead, members, names, applicant, home, apps, first_year, last_year, core, grp FROM team"
    ).fetchall()
    # Ties (≥ 2 shared applications): 张三–李四 (A1, A2, A7), 李四–王五 (A1, A3), 赵六–钱七 (A4, A5); 张三–王五 only A1.
    # {张三, 李四, 王五} is a team; {赵六, 钱七} has fewer than 3 members.
    assert MIN_SHARED == 2 and MIN_TEAM == 3
    assert teams == [("李四", 3, ["李四", "张三", "王五"], "X公司", "黑龙江省", 4, 2018, 2021, 1, "G06N3")]
    zhao = con.sql("SELECT team FROM inventor WHERE name = '赵六'").fetchall()
    assert zhao == [(None,)]


def test_group_terms() -> None:
    titles = ["锂电池正极材料及其制备方法", "一种锂电池隔膜", "锂电池电解液", "锂电池负极", "图像分割方法", "基于图像的缺陷检测",
              "医学图像配准", "图像的特征提取"]  # fmt: skip
    con = duckdb.connect()
    con.register(
        "base",
        pa.table(
            {
                "akey": [f"A{i}" for i in range(8)],
                "pub_number": [f"CN{i}A" for i in range(8)],
                "title": titles,
            }
        ),
    )
    con.register("bg", pa.table({"akey": [f"A{i}" for i in range(8)], "grp": ["H01M10"] * 4 + ["G06T7"] * 4}))
    terms = group_terms(con, ["H01M10", "G06T7", "A01B1"])
    assert terms["H01M10"].split("·")[0] == "锂电池" and "图像" in terms["G06T7"].split("·")
    assert terms["A01B1"] == ""  # no titles: no words


# --- the report from the real corpus --------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(report_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("navigation") / "人工智能导航.pdf"
    args = [
        "report",
        "navigation",
        "--sei",
        "1.5",
        "--region",
        REGION,
        "--out",
        str(out),
        "--publisher",
        "测试单位",
        "--json",
    ]
    result = runner.invoke(app, [*args, "--home", str(report_home)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.shared_data
def test_pdf_reads_as_a_chinese_navigation_report(report: dict, tmp_path: Path) -> None:
    pdf = Path(report["files"]["pdf"])
    text = _flat(_pdf.text(pdf))
    assert (
        f"{REGION}人工智能产业专利导航报告" in text
        and "主要发现" in text
        and "目录" in text
        and "测试单位" in text
    )
    for chapter in CHAPTERS:
        assert chapter in text, chapter
    # Every figure and table of the appendix's contents has its numbered caption in the PDF, in order.
    wb = CalamineWorkbook.from_path(report["files"]["xlsx"])
    listed = [(r[0], r[1]) for r in wb.get_sheet_by_name("目录").to_python()[3:] if r and r[0]]
    figures = [x for x in listed if x[0].startswith("图")]
    expected = ["全球与中国申请人专利申请量", "主要受理局专利申请量趋势", "技术生命周期图（申请人数量—申请量）", "技术热点近三年与前三年申请量",
                "WIPO 技术领域申请量", "专利地图", "全球主要申请人申请量", "各省份申请量", f"{REGION}申请量及占全国比重",
                f"{REGION}主要技术分支专业化指数", f"申请人类型构成：{REGION}与全国", f"技术分支构成：{REGION}与全国",
                "主要发明人团队申请量", f"法律状态构成：{REGION}与全国"]  # fmt: skip
    assert [t for _, t in figures] == expected
    for label, title in listed:
        assert _flat(f"{label}{title}") in text, (label, title)
    captions = [int(n) for n in re.findall(r"图(\d+)", text)]
    assert sorted(set(captions)) == list(range(1, len(figures) + 1))
    cjk = [f for f in _pdf.fonts(pdf) if "CJK" in f["name"]]
    assert cjk and all(f["emb"] == "yes" and f["sub"] == "yes" for f in cjk)
    assert _pdf.pages(pdf) >= 20
    from PIL import Image, ImageStat

    pages = _pdf.to_png(pdf, tmp_path / "pages", first=1, last=4)
    assert len(pages) == 4
    for page in pages:
        assert ImageStat.Stat(Image.open(page).convert("L")).stddev[0] > 5


@pytest.mark.shared_data
def test_findings_state_the_corpus_numbers(report: dict, report_home: Path) -> None:
    """The region's count and rank, checked against counts made here straight from the documents."""
    text = _flat(_pdf.text(Path(report["files"]["pdf"]), first=3, last=3))
    with Corpus(report_home, read_only=True) as c:
        per_province = c.query(
            """SELECT province, count(DISTINCT coalesce(app_number, pub_number)) AS n FROM patents
               WHERE list_contains(sei_codes, '1.5') AND applicant_country = 'CN' AND province IS NOT NULL
               GROUP BY 1 ORDER BY 2 DESC"""
        ).to_pylist()
    counts = {r["province"]: r["n"] for r in per_province}
    n = int(re.search(rf"{REGION}共有([\d,]+)件", text).group(1).replace(",", ""))
    assert n == report["numbers"]["region"]
    # Documents of one application may disagree on SEI codes: the count lies within what the documents allow.
    assert 0 < n <= counts[REGION]
    rank = int(re.search(r"中居第(\d+)位", text).group(1))
    assert rank == report["numbers"]["rank"]
    assert rank - 2 <= 1 + sum(v > counts[REGION] for v in counts.values()) <= rank + 2
    assert re.search(r"技术生命周期处于(萌芽期|成长期|成熟期|衰退期|无法判断)", text)
    for target in report["targets"]:
        assert target in _flat(_pdf.text(Path(report["files"]["pdf"])))


@pytest.mark.shared_data
def test_json_and_appendix(report: dict) -> None:
    assert report["region"] == REGION and report["level"] == "province" and report["sei"] == "1.5"
    assert report["target_kind"] in ("weak", "hot", "top") and report["targets"]
    if report["target_kind"] == "weak":
        assert set(report["targets"]) <= set(report["hotspots"])
    assert report["license"] and len(report["license"]) == len(set(report["license"]))
    wb = CalamineWorkbook.from_path(report["files"]["xlsx"])
    names = wb.sheet_names
    assert names[0] == "目录" and names[-1] == "数据说明" and len(names) >= 30
    for name in names[1:-1]:
        rows = wb.get_sheet_by_name(name).to_python()
        assert len(rows) >= 4 and all(h for h in rows[2]), name
    html = Path(report["files"]["html"]).read_text(encoding="utf-8")
    assert f"{REGION}人工智能产业专利导航报告" in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']https?:", html)


@pytest.mark.shared_data
def test_a_city_is_compared_with_cities(report_home: Path) -> None:
    with Corpus(report_home, read_only=True) as c:
        d = gather(c, region="深圳", sei="1.5", with_map=False)
        rows = c.query(
            """SELECT city, count(DISTINCT coalesce(app_number, pub_number)) AS n FROM patents
               WHERE list_contains(sei_codes, '1.5') AND applicant_country = 'CN' AND city IS NOT NULL GROUP BY 1"""
        ).to_pylist()
    cities = {r["city"]: r["n"] for r in rows}
    assert d.region == "深圳市" and d.level == "city"
    assert 0 < d.k["region"] <= cities["深圳市"]
    assert {p["key"] for p in d.t["peers"]} <= set(cities)  # peers are cities, not provinces
    assert d.k["rank"] == 1 + sum(p["n"] > d.k["region"] for p in d.t["peers"])


@pytest.mark.shared_data
def test_bad_options_are_one_line(report_home: Path, tmp_path: Path, seip_main) -> None:
    def run(*args: str) -> tuple[int, str]:
        return seip_main("report", "navigation", *args, "--home", str(report_home))

    out = str(tmp_path / "r.pdf")
    for args, says in [
        (["--region", REGION, "--out", out], "--sei"),
        (["--sei", "1.5", "--region", "火星", "--out", out], "火星"),
        (["--sei", "1.5", "--region", "全国", "--out", out], "province"),
        (["--sei", "1.5", "--region", REGION, "--out", str(tmp_path / "r.docx")], ".pdf"),
        (["--sei", "9.9", "--region", REGION, "--out", out], "no patents"),
    ]:
        code, err = run(*args)
        assert code == 1 and says in err and "Traceback" not in err, (args, err)
    assert not (tmp_path / "r.pdf").exists()
