"""seip.records.regions: country, province and city from addresses, applicant names and hints.

Names and addresses in the tables are copied from ../shared/datasets (file named in each comment). The
``shared_data`` tests run over every applicant of those files and assert figures measured on them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from seip.records.parties import applicant_type, split_names
from seip.records.regions import locate, regions
from tests.records.test_parties import real_applicants, real_rows

#: Figures measured on ../shared/datasets (2025-11); the shared_data tests assert them (minus a hair).
MEASURED = {
    "cn_located": 0.6936,  # 7,698 unique applicants with country CN: share located to a province
    "cn_org_located": 0.7964,  # the 6,705 of them that are not individuals
    "cn_org_city": 0.5994,  # … located to a prefecture-level city
    "thundersoft_by_name": 201 / 511,  # rows of thundersoft_cn_511.xlsx whose 申请人 alone gives a province
}


# -- names -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # patentics-xlsx/thundersoft_cn_511.xlsx 申请人
        ("西安中科创达软件有限公司", ("CN", "陕西省", "西安市")),
        ("南京中科创达软件科技有限公司", ("CN", "江苏省", "南京市")),
        ("中科创达（重庆）汽车科技有限公司", ("CN", "重庆市", "重庆市")),
        ("中科创达软件科技(深圳)有限公司", ("CN", "广东省", "深圳市")),
        ("深圳前海中科创达科技有限公司", ("CN", "广东省", "深圳市")),
        ("中科创达软件股份有限公司", ("CN", None, None)),
        # patentics-xlsx/banma_cn21.xlsx, patentics-csv/cn_apollo_AN.csv
        ("广州斑马智行科技有限公司", ("CN", "广东省", "广州市")),
        ("斑马智行网络(香港)有限公司", ("HK", None, None)),
        ("阿波罗智联（北京）科技有限公司", ("CN", "北京市", "北京市")),
        ("湖南阿波罗智行科技有限公司", ("CN", "湖南省", None)),
        # cn-cnki-spider-koi/spider_patent.sql, patentics-xlsx/transfer_learning_cn20.xlsx
        ("中国科学院大气物理研究所", ("CN", None, None)),
        ("中国科学院上海技术物理研究所", ("CN", "上海市", "上海市")),
        ("深圳云天励飞技术股份有限公司", ("CN", "广东省", "深圳市")),
        ("京东方科技集团股份有限公司", ("CN", None, None)),
        ("南京航空航天大学", ("CN", "江苏省", "南京市")),
        ("辽宁工程技术大学", ("CN", "辽宁省", None)),
        ("浙江贵仁信息科技股份有限公司", ("CN", "浙江省", None)),
        # places after an organisational word (cn_vr_TI-virtual-reality.csv, cn_ar_TI-augmented-reality.csv)
        ("国网江苏省电力有限公司南京供电分公司", ("CN", "江苏省", "南京市")),
        ("国网浙江江山市供电有限公司", ("CN", "浙江省", "衢州市")),
        ("中国移动通信集团广东有限公司", ("CN", "广东省", None)),
        ("中国电信股份有限公司广州分公司", ("CN", "广东省", "广州市")),
        ("南京邮电大学盐城大数据研究院有限公司", ("CN", "江苏省", "盐城市")),
        ("中国地质大学（武汉）", ("CN", "湖北省", "武汉市")),
        ("OPPO（重庆）智能科技有限公司", ("CN", "重庆市", "重庆市")),
        # county-level cities written in full, or in brackets
        ("晋江市博感电子科技有限公司", ("CN", "福建省", "泉州市")),
        ("海之默三维科技（昆山）有限公司", ("CN", "江苏省", "苏州市")),
        # false friends and ambiguous short names
        ("中山大学", ("CN", None, None)),
        ("中山大学附属第一医院", ("CN", None, None)),
        ("中山市小榄镇快车电脑服务有限公司", ("CN", "广东省", "中山市")),
        ("华南理工大学", ("CN", None, None)),
        ("江南大学", ("CN", None, None)),
        ("东方电气股份有限公司", ("CN", None, None)),
        ("阿里巴巴集团控股有限公司", ("CN", None, None)),
        ("吉林大学", ("CN", "吉林省", None)),
        ("海南大学", ("CN", "海南省", None)),
        ("北海道大学", ("CN", None, None)),
        ("德州仪器公司", (None, None, None)),
        # merged or renamed divisions (cpca 0.5.5, aliases)
        ("莱芜钢铁集团有限公司", ("CN", "山东省", "济南市")),
        ("襄樊学院", ("CN", "湖北省", "襄阳市")),
        # Hong Kong, Macao, Taiwan; foreign
        ("香港中文大学", ("HK", None, None)),
        ("香港中文大学(深圳)", ("CN", "广东省", "深圳市")),
        ("台湾积体电路制造股份有限公司", ("TW", None, None)),
        (
            "睿思创新股份有限公司 台北市松山区南京东路4段50号11楼 (中华民国)",
            ("TW", None, None),
        ),  # openai_72.xlsx
        ("福特全球技术公司", (None, None, None)),  # incopat/ford_autodriving_7552.xlsx
        ("三星电子株式会社", (None, None, None)),
        ("Beijing DiDi Infinity Technology and Development Co., Ltd.", ("CN", "北京市", "北京市")),
        ("GUANGZHOU XAIRCRAFT TECHNOLOGY CO., LTD.", ("CN", "广东省", "广州市")),
        ("Hon Hai Precision Industry (Shenzhen) Co., Ltd.", ("CN", "广东省", "深圳市")),
        ("JILIN UNIVERSITY", ("CN", "吉林省", None)),
        ("SUZHOU KEDA TECHNOLOGY CO LTD", (None, None, None)),  # 苏州 or 宿州: pinyin cannot tell
        ("XIAN, WEI", (None, None, None)),  # an individual, not 西安
        ("Shanghai", (None, None, None)),
        ("Waymo LLC", (None, None, None)),
        ("刘清泉", ("CN", None, None)),
        ("", (None, None, None)),
    ],
)
def test_locate_by_name(name: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert locate(name) == expected


# -- addresses and hints ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("address", "expected"),
    [
        # patentics-xlsx/thundersoft_cn_511.xlsx 通信地址
        ("710000 陕西省西安市高新区软件新城天谷八路156号云汇谷C1楼701室", ("CN", "陕西省", "西安市")),
        ("100191北京市海淀区龙翔路甲1号泰翔商务楼4层401-409", ("CN", "北京市", "北京市")),
        ("401120 重庆市渝北区仙桃街道数据谷东路19号", ("CN", "重庆市", "重庆市")),
        ("610041 四川省成都市中国（四川）自由贸易试验区成都高新区交子大道88号", ("CN", "四川省", "成都市")),
        ("116023 辽宁省大连市辽宁省大连高新技术产业园区火炬路3号纳米大厦16层16", ("CN", "辽宁省", "大连市")),
        ("518000 广东省深圳市前海合前湾一路1号A栋201室(入驻深圳市前海商务秘书", ("CN", "广东省", "深圳市")),
        # short and partial forms
        ("深圳市南山区粤海街道", ("CN", "广东省", "深圳市")),
        ("广东深圳南山区", ("CN", "广东省", "深圳市")),
        ("中国上海市浦东新区", ("CN", "上海市", "上海市")),
        ("江苏省昆山市玉山镇", ("CN", "江苏省", "苏州市")),
        ("湖北省仙桃市", ("CN", "湖北省", "仙桃市")),
        ("吉林省吉林市丰满区", ("CN", "吉林省", "吉林市")),
        ("100191 海淀区龙翔路", ("CN", "北京市", "北京市")),
        ("山东省莱芜市莱城区", ("CN", "山东省", "济南市")),
        ("南山区科技园", (None, None, None)),  # 南山区: 深圳 or 鹤岗
        ("710000 科技二路72号", ("CN", "陕西省", None)),  # postal-code prefix only
        # outside the mainland (incopat/openai_72.xlsx)
        ("台南市永康区中华路901号 (中华民国)", ("TW", None, None)),
        ("香港九龙塘", ("HK", None, None)),
        ("美国加利福尼亚州山景城", ("US", None, None)),
        ("1600 Amphitheatre Parkway, Mountain View", (None, None, None)),
    ],
)
def test_locate_by_address(address: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert locate(None, address) == expected


def test_address_beats_name_and_name_beats_hints() -> None:
    assert locate("西安中科创达软件有限公司", "100191 北京市海淀区") == ("CN", "北京市", "北京市")
    assert locate("西安中科创达软件有限公司", None, "北京市") == ("CN", "陕西省", "西安市")
    # the city comes from the first source whose city lies in the chosen province
    assert locate("吉林大学", None, None, "长春市") == ("CN", "吉林省", "长春市")
    assert locate("中科创达软件股份有限公司", None, "陕西省", "710000 陕西省西安市高新区") == (
        "CN",
        "陕西省",
        "西安市",
    )
    assert locate(None, None, "陕西") == ("CN", "陕西省", None)
    assert locate() == (None, None, None)


def test_region_table() -> None:
    rows = regions()
    provinces = [r for r in rows if r.level == "province" and r.current]
    assert len([r for r in provinces if r.country == "CN"]) == 31
    assert {r.country for r in provinces} == {"CN", "HK", "MO", "TW"}
    by_name = {r.name for r in rows}
    for r in rows:
        assert r.province in by_name and (r.city is None or r.city in by_name), r
        assert len(r.adcode) == 6 and r.adcode.isdigit()
    assert next(r for r in rows if r.name == "海淀区").city == "北京市"
    assert next(r for r in rows if r.name == "仙桃市").city == "仙桃市"


# -- over every applicant of the real files --------------------------------------------------------
@pytest.mark.shared_data
def test_every_real_applicant(datasets: Path) -> None:
    names = real_applicants(datasets)
    prefectures = {(r.province, r.city) for r in regions() if r.level != "province"}
    chinese, located, orgs, orgs_located, orgs_city = 0, 0, 0, 0, 0
    for name in names:
        country, province, city = locate(name)
        assert country is None or (len(country) == 2 and country.isupper())
        assert province is None or country == "CN"
        assert city is None or (province, city) in prefectures, name
        if country == "CN":
            chinese += 1
            located += province is not None
            if applicant_type(name) != "individual":
                orgs += 1
                orgs_located += province is not None
                orgs_city += city is not None
    assert chinese > 7_000
    assert located / chinese > MEASURED["cn_located"] - 0.005
    assert orgs_located / orgs > MEASURED["cn_org_located"] - 0.005
    assert orgs_city / orgs > MEASURED["cn_org_city"] - 0.005


@pytest.mark.shared_data
def test_thundersoft_province_column(datasets: Path) -> None:
    """Compare with the 省市 column of patentics-xlsx/thundersoft_cn_511.xlsx (511 rows)."""
    rows = real_rows(datasets)["thundersoft_cn_511.xlsx"]
    counts: Counter[str] = Counter()
    for row in rows:
        name = split_names(str(row["申请人"]))[0]
        by_name = locate(name)
        by_address = locate(name, str(row["通信地址"]))
        by_hints = locate(None, None, str(row["省市"]), str(row["地市"]))
        counts["rows"] += 1
        counts["name_located"] += by_name[1] is not None
        counts["name_disagrees"] += by_name[1] is not None and by_name[1] != row["省市"]
        counts["city_disagrees"] += by_name[2] is not None and by_name[2] != by_address[2]
        counts["address_agrees"] += by_address[1] == row["省市"] and by_address[2] is not None
        counts["hints_agree"] += by_hints[1] == row["省市"]
    # Measured: 201 of 511 rows located by the name alone, all agreeing with 省市 and with the address's
    # city; the address (通信地址) and the hints agree on every row.
    assert counts["name_located"] / counts["rows"] >= MEASURED["thundersoft_by_name"]
    assert counts["name_disagrees"] == counts["city_disagrees"] == 0
    assert counts["address_agrees"] == counts["hints_agree"] == counts["rows"] == 511
