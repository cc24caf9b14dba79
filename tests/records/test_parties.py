"""seip.records.parties: splitting, cleaning, normalising and typing applicants on real names.

Names in the tables are copied from ../shared/datasets (file named in each comment). The ``shared_data``
tests run over every applicant of those files and assert agreement figures measured on them.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from seip.records.parties import (
    applicant_type,
    clean_name,
    country_from_name,
    normalize_applicant,
    split_names,
)
from seip.records.schema import APPLICANT_TYPES

HAN = re.compile(r"[\u4e00-\u9fff]")
#: Figures measured on ../shared/datasets (2025-11); the shared_data tests assert them (minus a hair).
MEASURED = {
    "first_applicant": 0.9996,  # ford_autodriving_7552.xlsx: 7,511 of 7,514 rows' 第一申请人 = our first name
    "first_inventor": 0.9998,  # Patentics: 36,492 of 36,496 rows' 第一发明人 = our first inventor
    "patentics_std_cn": 0.8477,  # 4,223 unique Chinese (申请人, 标准化申请人) pairs, equal once normalised
    "patentics_std_latin": 0.6252,  # 1,756 unique Latin-script pairs
}


# -- real files ------------------------------------------------------------------------------------
def _xlsx_rows(path: Path) -> Iterator[dict[str, object]]:
    from python_calamine import CalamineWorkbook

    data = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    head_at = next(i for i, row in enumerate(data[:3]) if "申请人" in [str(c) for c in row])
    head = [str(c) for c in data[head_at]]
    for row in data[head_at + 1 :]:
        yield dict(zip(head, row, strict=False))


def _csv_rows(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        head = next(reader)
        for row in reader:  # Patentics rows end with a trailing comma: zip drops the extra field
            yield dict(zip(head, row, strict=False))


def _cnki_rows(path: Path) -> Iterator[dict[str, object]]:
    text = path.read_text(encoding="utf-8")
    q = r"'((?:[^'\\]|\\.)*)'"
    for m in re.finditer(rf"\((\d+),{q},{q},{q}", text):
        yield {"发明人": m.group(3), "申请人": m.group(4)}


@functools.cache
def real_rows(datasets: Path) -> dict[str, list[dict[str, object]]]:
    """Every row of the patent exports in ../shared/datasets, by file name."""
    root = datasets / "cn-patent-container"
    out: dict[str, list[dict[str, object]]] = {}
    for path in sorted((root / "incopat").glob("*.xlsx")) + sorted((root / "patentics-xlsx").glob("*.xlsx")):
        out[path.name] = list(_xlsx_rows(path))
    for path in sorted((root / "patentics-csv").glob("*.csv")):
        out[path.name] = list(_csv_rows(path))
    sql = datasets / "cn-cnki-spider-koi" / "spider_patent.sql"
    out[sql.name] = list(_cnki_rows(sql))
    return out


def real_applicants(datasets: Path) -> Counter[str]:
    """Every applicant name (split) of the real files, with its number of rows."""
    names: Counter[str] = Counter()
    for rows in real_rows(datasets).values():
        for row in rows:
            names.update(split_names(str(row.get("申请人") or "")))
    return names


# -- split_names -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # incopat/iflytek_3816.xlsx 申请人
        (
            "北京京东尚科信息技术有限公司; 科大讯飞股份有限公司",
            ["北京京东尚科信息技术有限公司", "科大讯飞股份有限公司"],
        ),
        # incopat/ford_autodriving_7552.xlsx
        ("Ford Motor Co; Ford Werke Ag; Ford France", ["Ford Motor Co", "Ford Werke Ag", "Ford France"]),
        ("Brian R Stafford; Michael C Lamb", ["Brian R Stafford", "Michael C Lamb"]),
        # patentics-xlsx/drone_us_apps_part0.xlsx 发明人: `;` belongs to the name when ` | ` separates
        (
            "Poscher; Jens | Detke; Ralph | Eichinger; Stefan | Tercero; Pedro",
            ["Poscher; Jens", "Detke; Ralph", "Eichinger; Stefan", "Tercero; Pedro"],
        ),
        # patentics-csv/autodriving_fleet.csv: a lone US-style inventor, and one with a suffix
        ("Ricci; Christopher P.", ["Ricci; Christopher P."]),
        ("Naboulsi, Jr.; Zain Abedien", ["Naboulsi, Jr.; Zain Abedien"]),
        ("van Cruyningen; Izak Jan", ["van Cruyningen; Izak Jan"]),
        # patentics-xlsx/banma_cn21.xlsx: ` |\n`
        ("李兴伟 |\n袁志俊 |\n王恺 |\n李想", ["李兴伟", "袁志俊", "王恺", "李想"]),
        (
            "中科寒武纪科技股份有限公司 |\n上海寒武纪信息科技有限公司",
            ["中科寒武纪科技股份有限公司", "上海寒武纪信息科技有限公司"],
        ),
        # cn-cnki-spider-koi/spider_patent.sql: `;;` inventors, `;` applicants
        ("孙跃;;肖辉;;张云;;冯强;;冯亮", ["孙跃", "肖辉", "张云", "冯强", "冯亮"]),
        (
            "深圳云天励飞技术股份有限公司;成都云天励飞技术有限公司",
            ["深圳云天励飞技术股份有限公司", "成都云天励飞技术有限公司"],
        ),
        ("Phillip I. Tarr;", ["Phillip I. Tarr"]),
        ("GRADALIS, INC.;TEMPLETON, NANCY SMYTH", ["GRADALIS, INC.", "TEMPLETON, NANCY SMYTH"]),
        # spider_patent.sql: `、` inside brackets lists aliases, not co-applicants
        (
            "厦门大学附属第一医院(厦门市第一医院、厦门市红十字会医院、厦门市糖尿病研究所);厦门大学;厦门极元科技有限公司",
            [
                "厦门大学附属第一医院(厦门市第一医院、厦门市红十字会医院、厦门市糖尿病研究所)",
                "厦门大学",
                "厦门极元科技有限公司",
            ],
        ),
        # patentics-xlsx/drone_us_apps_part2.xlsx: HTML entities are not separators
        ("AT&amp;#x26;T INTELLECTUAL PROPERTY I, L.P.", ["AT&amp;#x26;T INTELLECTUAL PROPERTY I, L.P."]),
        # placeholders and repeats (patentics-xlsx/cambricon_ann_cn.xlsx; global_aurora.csv)
        ("不公告发明人", []),
        ("张三 | 请求不公布姓名 | 其他发明人请求不公开姓名", ["张三"]),
        ("Aurora Innovation Inc | Aurora Innovation Inc", ["Aurora Innovation Inc"]),
        ("清华大学、北京大学；浙江大学", ["清华大学", "北京大学", "浙江大学"]),
        (" | ", []),
        ("", []),
        (None, []),
        (["Waymo LLC ", "", "Waymo LLC"], ["Waymo LLC"]),
    ],
)
def test_split_names(raw: str | list[str] | None, expected: list[str]) -> None:
    assert split_names(raw) == expected


def test_split_names_with_known_separator() -> None:
    assert split_names("Smith; John | Doe; Jane", sep=" | ") == ["Smith; John", "Doe; Jane"]


# -- clean_name / normalize_applicant --------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("中科创达软件科技（深圳）有限公司", "中科创达软件科技(深圳)有限公司"),  # thundersoft_cn_511.xlsx
        ("腾讯科技 （深圳） 有限公司", "腾讯科技(深圳)有限公司"),  # cn_vr_TI-virtual-reality.csv
        ("ＡＵＲＯＲＡ  ＩＮＮＯＶＡＴＩＯＮ，  ＩＮＣ．", "AURORA INNOVATION, INC."),  # global_aurora.csv
        ("AT&amp;#x26;T INTELLECTUAL PROPERTY I, L.P.", "AT&T INTELLECTUAL PROPERTY I, L.P."),
        ("\x7fchi Mei Medical Center", "chi Mei Medical Center"),  # incopat/openai_72.xlsx
        ("Dr R Ramkumar Name Of Applicant Na", "Dr R Ramkumar"),  # incopat/chatbot_2798.xlsx
        ("【测试】公司；", "(测试)公司"),
        ("  ", ""),
    ],
)
def test_clean_name(raw: str, expected: str) -> None:
    assert clean_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # patentics-csv/global_didi.csv: case and punctuation variants group together
        (
            "BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT CO., LTD.",
            "BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT",
        ),
        (
            "Beijing DiDi Infinity Technology and Development Co., Ltd.",
            "BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT",
        ),
        (
            "BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT C O., LTD.",
            "BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT",
        ),
        (
            "BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT CO.. LTD.",
            "BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT",
        ),
        ("Uber Technologies, Inc.", "UBER TECHNOLOGIES"),  # global_uber.csv
        ("GM Cruise Holdings, LLC.", "GM CRUISE HOLDINGS"),  # global_cruise.csv
        ("Waymo LL C", "WAYMO"),
        (
            "TELEFONAKTIEBOLAGET LM ERICSSON (PUBL)",
            "TELEFONAKTIEBOLAGET LM ERICSSON",
        ),  # drone_us_apps_part0.xlsx
        (
            "Telefonaktiebolaget LM Ericsson  (publ)",
            "TELEFONAKTIEBOLAGET LM ERICSSON",
        ),  # drone_us_apps_part3.xlsx
        ("DEERE & COMPANY", "DEERE"),  # autodriving_fleet.csv
        ("Alarm.com Incorporated", "ALARM COM"),  # drone_us_apps_part1.xlsx
        ("Wells Fargo Bank, N.A.", "WELLS FARGO BANK"),
        ("Koninklijke Philips N V", "KONINKLIJKE PHILIPS"),  # incopat/ford_autodriving_7552.xlsx
        ("The Boeing Company", "BOEING"),
        ("KABUSHIKI KAISHA TOSHIBA", "TOSHIBA"),
        ("AO Kaspersky Lab", "KASPERSKY LAB"),  # drone_us_apps_part0.xlsx
        ("Universität Stuttgart", "UNIVERSITAT STUTTGART"),
        ("Poscher; Jens", "POSCHER JENS"),
        # Chinese: legal form removed, 集团 kept, bracketed place kept without brackets, aliases dropped
        ("京东方科技集团股份有限公司", "京东方科技集团"),  # spider_patent.sql
        ("中国石油天然气集团公司", "中国石油天然气集团"),
        (
            "斑马智行网络(香港)有限公司",
            "斑马智行网络香港",
        ),  # banma_cn21.xlsx (Patentics: 斑马智行网络香港有限公司)
        ("阿波罗智联（北京）科技有限公司", "阿波罗智联北京科技"),  # cn_apollo_AN.csv
        ("中科创达软件科技(深圳)有限公司", "中科创达软件科技深圳"),  # thundersoft_cn_511.xlsx
        ("中科创达软件科技（深圳）有限公司", "中科创达软件科技深圳"),
        ("成都通甲优博科技有限责任公司", "成都通甲优博科技"),  # cn_ar_TI-augmented-reality.csv
        (
            "惠州城市职业学院（惠州商贸旅游高级职业技术学校）",
            "惠州城市职业学院",
        ),  # cn_vr_TI-virtual-reality.csv
        ("河南技能大师信息科技工作室(个人独资)", "河南技能大师信息科技工作室"),  # spider_patent.sql
        ("大陆商北京嘀嘀无限科技发展有限公司", "北京嘀嘀无限科技发展"),  # global_didi.csv
        ("中国电信股份有限公司广州分公司", "中国电信股份有限公司广州分公司"),  # a branch keeps its full name
        ("三星电子株式会社", "三星电子"),
        ("TCL科技集团股份有限公司", "TCL科技集团"),
        ("有限公司", "有限公司"),
        ("", ""),
    ],
)
def test_normalize_applicant(raw: str, expected: str) -> None:
    assert normalize_applicant(raw) == expected


# -- applicant_type --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Chinese, from cn_vr_TI-virtual-reality.csv, cn_ar_TI-augmented-reality.csv, spider_patent.sql,
        # transfer_learning_cn20.xlsx and thundersoft_cn_511.xlsx
        ("中国科学院大气物理研究所", "institute"),
        ("中国科学院大学", "university"),
        ("北京大学", "university"),
        ("清华大学", "university"),
        ("郑州科技学院", "university"),
        ("惠州城市职业学院（惠州商贸旅游高级职业技术学校）", "university"),
        ("中国人民解放军空军工程大学航空机务士官学校", "university"),
        ("承德石油高等专科学校", "university"),
        ("中国船舶集团有限公司第七一一研究所", "institute"),
        ("中国科学院古脊椎动物与古人类研究所", "institute"),
        ("之江实验室", "institute"),
        ("国网辽宁省电力有限公司经济技术研究院", "institute"),
        ("中国电力科学研究院有限公司", "enterprise"),
        ("国网江苏省电力有限公司南京供电分公司", "enterprise"),
        ("中国南方电网有限责任公司超高压输电公司大理局", "enterprise"),
        ("京东方科技集团股份有限公司", "enterprise"),
        ("中科创达软件股份有限公司", "enterprise"),
        ("河南技能大师信息科技工作室(个人独资)", "enterprise"),
        ("三星电子株式会社", "enterprise"),
        ("中国农业银行股份有限公司", "enterprise"),
        ("中国人民解放军63908部队", "government"),
        ("开封市气象局", "government"),
        ("上海市高级人民法院", "government"),
        ("东明县陆圈镇人民政府", "government"),
        ("中国人民解放军总医院", "other"),
        ("安徽省立医院（中国科学技术大学附属第一医院）", "other"),
        ("西南研究会", "other"),
        ("刘清泉", "individual"),  # cn_vr_TI-virtual-reality.csv
        ("欧阳娜娜", "individual"),
        ("大卫·弗格森", "individual"),  # autodriving_fleet.csv 发明人
        ("迈克尔·J·舒斯特", "individual"),
        ("未来恩教育引领", "other"),  # cn_ar_TI-augmented-reality.csv
        # Latin script, from the Patentics worldwide files and incopat/chatbot_2798.xlsx
        ("The United States of America as represented by the Secretary of the Navy", "government"),
        (
            "Government of the United States of America, as represented by the Secretary of Commerce",
            "government",
        ),
        ("Atomic Energy Authority Uk", "government"),
        ("Regents of the University of Minnesota", "university"),
        ("Massachusetts Institute Of Technology", "university"),
        ("The Board Of Trustees Of The Leland Stanford Junior University", "university"),
        ("University Of Central Florida Research Foundation Inc", "university"),
        ("Electronics And Telecommunications Research Institute", "institute"),
        ("CENTRE NATIONAL DE LA RECHERCHE SCIENTIFIQUE", "institute"),
        ("Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung e.V.", "institute"),
        ("Waymo LLC", "enterprise"),
        ("Ford Global Technologies Llc", "enterprise"),
        ("TELEFONAKTIEBOLAGET LM ERICSSON (PUBL)", "enterprise"),
        ("Buetema Ag", "enterprise"),
        ("Wells Fargo Bank, N.A.", "enterprise"),
        ("Koninklijke Philips N V", "enterprise"),
        ("Argo AI", "enterprise"),
        ("AO Kaspersky Lab", "enterprise"),
        ("엘지전자 주식회사", "enterprise"),
        ("Ohio State Innovation Foundation", "other"),
        ("Henry Ford Hospital", "other"),
        ("Poscher; Jens", "individual"),
        ("Brisson; Stuart", "individual"),
        ("Dr Shailendra Kumar Mittal", "individual"),
        ("Minas Chrysopoulo", "individual"),
        ("CRUISE MICHAEL H", "individual"),
        ("김상철", "individual"),
        ("Vitirover", "other"),
        ("", "other"),
    ],
)
def test_applicant_type(name: str, expected: str) -> None:
    assert applicant_type(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("西安中科创达软件有限公司", "CN"),
        ("刘清泉", "CN"),
        ("国家电网公司", "CN"),
        ("斑马智行网络(香港)有限公司", "HK"),
        ("香港中文大学", "HK"),
        ("台湾积体电路制造股份有限公司", "TW"),
        ("财团法人工业技术研究院", "TW"),
        ("日本电气株式会社", "JP"),
        ("美国福特公司", "US"),  # drone_us_apps_part3.xlsx 标准化申请人
        ("瑞典商安伊莱德公司", "SE"),  # incopat/ford_autodriving_7552.xlsx
        ("三星电子株式会社", None),
        ("福特全球技术公司", None),  # incopat/ford_autodriving_7552.xlsx: a bare …公司 is a translation
        ("卡巴斯基实验室股份公司", None),
        ("大卫·弗格森", None),
        ("Waymo LLC", None),
        ("", None),
    ],
)
def test_country_from_name(name: str, expected: str | None) -> None:
    assert country_from_name(name) == expected


# -- over every applicant of the real files --------------------------------------------------------
@pytest.mark.shared_data
def test_every_real_applicant(datasets: Path) -> None:
    names = real_applicants(datasets)
    assert len(names) > 14_000
    types = Counter()
    for name in names:
        typ = applicant_type(name)
        assert typ in APPLICANT_TYPES
        types[typ] += 1
        norm = normalize_applicant(name)
        assert norm and norm == norm.strip() and "  " not in norm, name
        assert country_from_name(name) in {
            None,
            "CN",
            "HK",
            "MO",
            "TW",
            *"US JP KR DE SE SG IL BR NL".split(),
        }
    # Measured: enterprise 8,611, individual 3,667, university 1,040, institute 472, other 343, government 93.
    assert types["enterprise"] > 8_000 and types["individual"] > 3_000 and types["university"] > 900
    assert types["other"] < 0.04 * len(names)


@pytest.mark.shared_data
def test_chinese_type_keywords_on_real_names(datasets: Path) -> None:
    """Names ending in an unambiguous head word get that type (all real Chinese applicants)."""
    heads = {"有限公司": "enterprise", "大学": "university", "研究所": "institute", "部队": "government"}
    for name in real_applicants(datasets):
        for head, typ in heads.items():
            if name.endswith(head):
                assert applicant_type(name) == typ, name


@pytest.mark.shared_data
def test_first_applicant_matches_incopat(datasets: Path) -> None:
    """incoPat's 第一申请人 is the first name of 申请人 (ford_autodriving_7552.xlsx), once normalised.

    (申请人 writes ``罗伯特 博世有限公司`` where 第一申请人 has ``罗伯特·博世有限公司``, and drops the
    quotes of Russian names: hence the comparison of normalised names.)
    """
    rows = real_rows(datasets)["ford_autodriving_7552.xlsx"]
    pairs = [(split_names(str(r["申请人"])), str(r["第一申请人"])) for r in rows if r.get("第一申请人")]
    agree = sum(bool(a) and normalize_applicant(a[0]) == normalize_applicant(f) for a, f in pairs)
    assert len(pairs) == 7_514
    assert agree / len(pairs) > MEASURED["first_applicant"] - 0.001


@pytest.mark.shared_data
def test_first_inventor_matches_patentics(datasets: Path) -> None:
    """Patentics' 第一发明人 is the first name of 发明人 (its surname only, for ``Last; First`` names)."""
    total = agree = 0
    for rows in real_rows(datasets).values():
        for row in rows:
            first = " ".join(str(row.get("第一发明人") or "").split()).rstrip("、")
            if not split_names(first) or not row.get("发明人"):
                continue  # no first inventor, or a placeholder (不公告发明人, -)
            names = split_names(str(row["发明人"]))
            total += 1
            agree += bool(names) and (names[0] == first or names[0].startswith(first + ";"))
    assert total > 36_000
    assert agree / total > MEASURED["first_inventor"] - 0.001


@pytest.mark.shared_data
def test_cnki_inventors_split_on_double_semicolon(datasets: Path) -> None:
    rows = real_rows(datasets)["spider_patent.sql"]
    assert len(rows) >= 4_799
    for row in rows:
        names = split_names(str(row["发明人"]))
        assert all(";" not in n for n in names)
        given = {n.strip() for n in str(row["发明人"]).split(";;") if n.strip() and "不公" not in n}
        assert set(names) == given


@pytest.mark.shared_data
def test_agreement_with_patentics_standard_names(datasets: Path) -> None:
    """Compare with Patentics' 标准化申请人 / 标准申请人 on single-applicant rows (unique name pairs).

    Both sides go through :func:`normalize_applicant`. Disagreements are mostly the vendor's
    parent-company consolidation (Waymo → google, 阿波罗智联(北京) → 百度在线网络技术, subsidiaries of
    中科创达 → 中科创达软件股份有限公司) and its removal of generic words (Uber Technologies → uber),
    which seip deliberately does not do.
    """
    pairs: set[tuple[str, str]] = set()
    for file, rows in real_rows(datasets).items():
        if file.endswith(".sql") or file.startswith(("chatbot", "ford", "iflytek", "openai")):
            continue  # no vendor standard name (incoPat's 标准化申请人 holds group codes: [福特汽车-C])
        for row in rows:
            vendor = row.get("标准化申请人") or row.get("标准申请人")
            raw, std = split_names(str(row.get("申请人") or "")), split_names(str(vendor or ""))
            if len(raw) == 1 and len(std) == 1:
                pairs.add((raw[0], std[0]))
    han = [p for p in pairs if HAN.search(p[0])]
    latin = [p for p in pairs if not HAN.search(p[0])]
    share_cn = sum(normalize_applicant(a) == normalize_applicant(b) for a, b in han) / len(han)
    share_latin = sum(normalize_applicant(a) == normalize_applicant(b) for a, b in latin) / len(latin)
    assert len(han) > 4_000 and share_cn > MEASURED["patentics_std_cn"] - 0.005
    assert len(latin) > 1_500 and share_latin > MEASURED["patentics_std_latin"] - 0.005
