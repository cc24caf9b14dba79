"""The navigation report in English: every message has an English text, the helpers speak English, and the report
rendered once from the real corpus with ``seip --lang en report navigation`` reads as an English report (PDF,
HTML and XLSX appendix) while the data (applicant and region names) stays as stored."""

from __future__ import annotations

import datetime as dt
import json
import re
import string
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

import seip.cli.report_navigation
import seip.reports.navigation  # noqa: F401  (registers the builder's and the map's messages)
from seip import i18n
from seip.cli import app
from seip.reports import navigation_text as nt
from seip.reports import words as W
from seip.store import Corpus
from tests.reports import _pdf

runner = CliRunner()
REGION = "黑龙江省"
EN_REGION = "Heilongjiang"
HAN = re.compile(r"[\u4e00-\u9fff]")
#: Chinese kept on purpose in English texts: the title of GB/T 39551, so that readers can find the standard.
KEPT_CHINESE = {"nav_direction_intro": "专利导航指南", "nav_m_structure": "专利导航指南"}
#: Chinese section titles of the report: none may be left in the English edition.
ZH_SECTIONS = ["nav_s_direction", "nav_s_trends", "nav_s_players", "nav_s_scale", "nav_s_enterprises", "nav_s_talent",
               "nav_s_operations", "nav_s_tech_path", "nav_s_firm_path", "nav_s_talent_path", "nav_s_coop_path",
               "nav_s_ops_path", "nav_s_firm_list", "nav_s_team_list", "nav_s_license", "nav_s_reuse", "nav_s_method"]  # fmt: skip


# --- the messages and helpers (no corpus) ---------------------------------------------------------------


def test_every_message_has_english_without_chinese() -> None:
    keys = [k for k in i18n.MESSAGES if k.startswith("nav_")]
    assert set(nt.TEXTS) <= set(keys) and len(keys) > 150
    for key in keys:
        zh, en = i18n.MESSAGES[key]
        assert en.strip() or not zh.strip(), key  # only empty Chinese may have empty English
        assert not HAN.search(en.replace(KEPT_CHINESE.get(key, "\0"), "")), (key, en)
        list(string.Formatter().parse(en))  # a broken template raises here
    for terms in (nt.STATUS, nt.EVENTS, nt.POSITION, nt.PEER, nt.PEERS):
        i18n.set_lang("en")
        try:
            english_values = list(terms.values())
        finally:
            i18n.set_lang("zh")
        assert all(v and not HAN.search(v) for v in english_values), english_values
        assert list(terms.values()) != english_values  # Chinese by default


def test_helpers_in_both_languages(english: None) -> None:
    assert nt.count(1) == "1 application" and nt.count(1234) == "1,234 applications"
    assert nt.count(2, "core") == "2 core patents" and nt.count(1, "branch") == "1 branch"
    assert nt.grew({"n_j": 9, "n_b": 2}) == "4.5×" and nt.grew({"n_j": 3, "n_b": 2}) == "+50.0%"
    assert nt.grew({"n_j": 3, "n_b": 0}) == "new"
    # The province in English, as the landscape report prints it.
    assert (
        nt.report_title(REGION, "1.5")
        == f"{EN_REGION} Artificial Intelligence Industry Patent Navigation Report"
    )
    # An English name that already says "industries" is not given a second "Industry".
    assert nt.report_title(REGION, "8") == f"{EN_REGION} Digital Creative Industries Patent Navigation Report"
    assert nt.report_title(REGION, "1") == f"{EN_REGION} New-Generation Information Technology Industry Patent Navigation Report"  # fmt: skip
    assert nt.scope("1.5", "TI=robot") == "Artificial intelligence (SEI category 1.5), limited to patents matching the query “TI=robot”"  # fmt: skip
    i18n.set_lang("zh")
    assert nt.count(1234) == "1,234 件" and nt.grew({"n_j": 3, "n_b": 0}) == "新出现"
    assert nt.report_title(REGION, "1.5") == f"{REGION}人工智能产业专利导航报告"


# --- the report from the real corpus, rendered once in English -----------------------------------------


@pytest.fixture(scope="module")
def report(report_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("navigation_en") / "ai-navigation.pdf"
    args = [
        "--lang",
        "en",
        "report",
        "navigation",
        "--sei",
        "1.5",
        "--region",
        REGION,
        "--out",
        str(out),
        "--json",
    ]
    try:
        result = runner.invoke(app, [*args, "--home", str(report_home)], catch_exceptions=False)
    finally:
        i18n.set_lang("zh")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _en(key: str, **kw: object) -> str:
    return i18n.MESSAGES[key][1].format(**kw) if kw else i18n.MESSAGES[key][1]


@pytest.mark.shared_data
def test_pdf_reads_as_an_english_report(report: dict, report_home: Path, tmp_path: Path) -> None:
    pdf = Path(report["files"]["pdf"])
    text = _flat(_pdf.text(pdf))
    assert report["title"] == f"{EN_REGION} Artificial Intelligence Industry Patent Navigation Report"
    assert _flat(report["title"]) in text and "Keyfindings" in text and "Contents" in text
    for key in [*ZH_SECTIONS, "nav_s_hotspots", "nav_s_map", "nav_s_lists"]:
        assert _flat(_en(key)) in text, key
    assert _flat(_en("nav_s_position", r=REGION)) in text
    # The Chinese words of the same places, and Chinese units after numbers, are gone; the data stays Chinese.
    for key in [*ZH_SECTIONS, "rep_summary", "rep_toc"]:
        assert _flat(i18n.MESSAGES[key][0]) not in text, key
    for zh in ("申请量（件）", "近三年较前三年", "专业化指数", "统计单位"):
        assert zh not in text, zh
    # "12 件" as the Chinese templates write it (a single space; table cells are further apart in the layout)
    unit = re.search(r"\d 件", _pdf.text(pdf))
    assert not unit, unit
    assert REGION in text and re.search(r"Figure(\d+)", text) and not re.search(r"图\d+", text)
    # A generated sentence with the corpus's numbers: the first finding, the region's count and rank.
    n = report["numbers"]
    cutoff = dt.date.fromisoformat(report["cutoff"])
    first = f"As of {cutoff.day} {W.MONTHS[cutoff.month - 1]} {cutoff.year} there are {n['apps']:,} patent applications worldwide"
    assert _flat(first) in text
    units = "application" if n["region"] == 1 else "applications"
    suffix = "th" if 10 <= n["rank"] % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n["rank"] % 10, "th")
    assert _flat(f"{REGION} accounts for {n['region']:,} {units}") in text
    assert _flat(f"ranking {n['rank']}{suffix} among the {n['peers']} provinces with filings") in text
    with Corpus(report_home, read_only=True) as c:
        anywhere = c.query("""SELECT count(DISTINCT coalesce(app_number, pub_number)) AS n FROM patents
                              WHERE list_contains(sei_codes, '1.5')""").to_pylist()[0]["n"]  # fmt: skip
    assert 0 < n["apps"] <= anywhere  # an application counts when the document speaking for it is in 1.5
    for target in report["targets"]:
        assert target in text
    from PIL import Image, ImageStat

    for page in _pdf.to_png(pdf, tmp_path / "pages", first=1, last=4):
        assert ImageStat.Stat(Image.open(page).convert("L")).stddev[0] > 5


@pytest.mark.shared_data
def test_workbook_and_html_in_english(report: dict) -> None:
    wb = CalamineWorkbook.from_path(report["files"]["xlsx"])
    names = wb.sheet_names
    # (the builder drops spaces from sheet names: "About the data" is the sheet Aboutthedata)
    assert names[0] == "Contents" and names[-1].replace(" ", "") == "Aboutthedata"
    assert not any(HAN.search(x) for x in names)
    listed = [(r[0], r[1], r[2]) for r in wb.get_sheet_by_name("Contents").to_python()[3:] if r and r[0]]
    figures = [title for label, title, _ in listed if label.startswith("Figure")]
    mine = [_en("nav_fig_world"), _en("nav_fig_offices"), _en("nav_fig_hot"), _en("nav_fig_wipo"), _en("map_title"),
            _en("nav_fig_players"), _en("nav_fig_peers", p="province"), _en("nav_fig_region_trend", r=REGION),
            _en("nav_fig_rta", r=REGION), _en("nav_fig_types", r=REGION), _en("nav_fig_tech_mix", r=REGION),
            _en("nav_fig_teams"), _en("nav_fig_status", r=REGION)]  # fmt: skip
    assert [x for x in figures if x in mine] == mine
    # The headings of every sheet behind this report's own figures and tables are English (data columns such as
    # the region or the year windows aside).
    own = {i18n.MESSAGES[k][1].format(r=REGION, p="province") for k in i18n.MESSAGES
           if k.startswith(("nav_fig_", "nav_tab_", "nav_s_"))}  # fmt: skip
    checked = 0
    for _, title, sheet in listed:
        if title in own:
            heads = wb.get_sheet_by_name(sheet).to_python()[2]
            assert all(h and not HAN.search(str(h).replace(REGION, "")) for h in heads), (title, heads)
            checked += 1
    assert checked >= 25
    about = [r[0] for r in wb.get_sheet_by_name(names[-1]).to_python()]
    assert about[:2] == [_en("nav_p_scope"), _en("nav_p_region")] and _en("nav_p_targets") in about
    html = Path(report["files"]["html"]).read_text(encoding="utf-8")
    assert '<html lang="en">' in html and _en("nav_s_direction") in html and "产业发展方向" not in html
