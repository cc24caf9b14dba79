"""IPC/CPC symbols (seip.records.classification), with spellings taken from the real exports and schemes."""

from __future__ import annotations

import ast
import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from seip.records.classification import ipc_main_group, ipc_subclass, normalize_ipc, split_ipc_list
from tests.records._exports import export_files as _export_files
from tests.records._exports import table as _table


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("G09B  9/00", "G09B9/00"),  # patentics-csv/cn_vr_TI-virtual-reality.csv 国际分类
        ("G06T 19/00", "G06T19/00"),  # patentics-csv/cn_vr_TI-virtual-reality.csv 国际分类
        ("G01R31/389", "G01R31/389"),  # incoPat IPC (SOURCE.md example)
        ("H04R1/28", "H04R1/28"),  # incopat/iflytek_3816.xlsx IPC主分类
        ("A47F  5/10", "A47F5/10"),  # patentics-xlsx/banma_cn21.xlsx 国际分类
        ("G06F 16/783", "G06F16/783"),  # patentics-xlsx/cambricon_ann_cn.xlsx 国际主分类
        ("G06F  3/04845", "G06F3/04845"),  # patentics-xlsx/banma_cn21.xlsx 国际分类
        ("B64C2201/146", "B64C2201/146"),  # patentics-xlsx/drone_us_apps_part0.xlsx CPC分类
        ("G06Q30/0185", "G06Q30/0185"),  # patentics-csv/global_didi.csv 美国分类 (CPC)
        ("G08G1/096833", "G08G1/096833"),  # incopat/iflytek_3816.xlsx CPC
        ("Y02T10/70", "Y02T10/70"),
        ("Y10S 901/01", "Y10S901/01"),  # patentics-xlsx/drone_us_apps_part0.xlsx CPC分类
        ("Y10T74/18288", "Y10T74/18288"),  # patentsberta-claims-cpc/df_claim_cpc_1400.csv
        ("G05D   1/0202", "G05D1/0202"),  # patentics-xlsx/drone_us_apps_part0.xlsx CPC分类
        ("A01B   1/00", "A01B1/00"),  # ipc-patstat-cortext/ipc_codes_patstat_usage.csv
        ("F23D0014000000", "F23D14/00"),  # ipc-patstat-cortext/ipc_hierarchy_2016.tsv ancestor (14 chars)
        ("G06F0016330000", "G06F16/33"),
        ("G06F0003048450", "G06F3/04845"),
        ("A01B 63/02", "A01B63/02"),  # ipc-scheme-ipcr8-en/A.json
        ("G06V20/13.", "G06V20/13"),  # patentics-xlsx/drone_us_apps_part0.xlsx CPC分类 (trailing dot)
        ("g05d1/0221.", "G05D1/0221"),  # patentics-csv/global_uber.csv 美国分类 (lower case)
        ("G06n20/00", "G06N20/00"),  # patentics-xlsx/drone_us_apps_part0.xlsx CPC分类
        ("B60W50/08I", "B60W50/08"),  # incopat/ford_autodriving_7552.xlsx IPC主分类 (allocation letter)
        # patentics-xlsx/drone_us_apps_part0.xlsx 国际主分类: Patentics appends the title
        ("H04W 64/00 为了网络管理的目的，例如移动性管理，定位用户或终端〔2009.01〕", "H04W64/00"),
        ("B64C 39/02 ▪以特殊用途为特点的", "B64C39/02"),  # patentics-xlsx/drone_us_apps_part3.xlsx 国际主分类
        ("G06T 11/00 2D［二维］图像的生成〔6〕", "G06T11/00"),  # patentics-xlsx/drone_us_apps_part0.xlsx
        ("G06V 20/20 ", "G06V20/20"),  # patentics-xlsx/drone_us_apps_part*.xlsx 国际主分类 (trailing space)
        ("A45F  504", "A45F5/04"),  # patentsview-db ipg050104 <classification-ipc> (IPC 7 fixed width)
        ("H01L 31107", "H01L31/107"),  # patentsview-db ipg050104 <classification-ipc>
        ("B60R  900", "B60R9/00"),  # uspto-ppd-samples/greenbook/US03937375.greenbook ICL
        ("G06F 1516", "G06F15/16"),  # uspto-ppd-samples/sgml/US06336130.xml B511
        ("G06F015/16", "G06F15/16"),  # uspto-ppd-samples/pap/US20010000943A1.xml <ipc>
        ("H05K009/00", "H05K9/00"),  # uspto-ppd-samples/css_brs/css_brs_sample.txt IPCP
        ("G06F 16/33 (2019.01)", "G06F16/33"),
        ("G06F16/33(2019.01)", "G06F16/33"),
        ("G06F 16/33 2019-01-01", "G06F16/33"),
        ("G06F 16/33 20190101", "G06F16/33"),
        ("G06F 16/33 Information retrieval", "G06F16/33"),
        ("ｇ０６ｆ１６／３３", "G06F16/33"),
        ("G06F 16 / 33", "G06F16/33"),
        ("G06F16/3", "G06F16/30"),  # a one-digit subgroup is a decimal fraction
        ("G06F", "G06F"),  # patentics-csv 国际主分类 holds only the subclass
        ("B64C2201", "B64C2201/00"),  # patentics-csv/autodriving_fleet.csv 美国主分类
        ("G06F16", "G06F16/00"),  # patentics-xlsx/banma_cn21.xlsx CPC小类
        ("H05K999", "H05K999/00"),  # patentics-csv/autodriving_fleet.csv 美国主分类
        ("G06F 16", "G06F16/00"),
    ],
)
def test_normalize_ipc(raw: str, expected: str) -> None:
    assert normalize_ipc(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("14-04(13)", "Locarno design class"),  # patentics-csv/global_didi.csv 国际分类 of design patents
        ("14-0", "Locarno design class"),  # patentics-csv/global_didi.csv 国际主分类
        ("14-04 (10)", "Locarno design class"),  # patentics-csv/global_didi.csv
        ("1404", "Locarno design class"),  # patentics-csv/global_waymo.csv 国际分类
        ("G06Q   /1000", "not an IPC symbol"),  # patentics-csv/global_didi.csv: main group lost
        ("G06K   / 962", "not an IPC symbol"),  # patentics-csv/global_didi.csv
        ("E05Y240031", "not an IPC symbol"),  # patentics-csv/global_aptiv.csv 美国分类: "/" lost
        ("B60R16023", "not an IPC symbol"),  # patentics-csv/global_lyft.csv 国际分类
        ("G05D22010212", "not an IPC symbol"),  # patentics-csv/global_uber.csv 美国分类
        ("C07C24900", "not an IPC symbol"),  # ipg050104 IPC 7 with a 3-digit main group: ambiguous
        ("B60G11107000", "not an IPC symbol"),  # ipc-titles-p2n/IPC_8.txt (two records glued)
        ("G06F 16/33 5", "not an IPC symbol"),
        ("G06F16/33 H04L9/00", "more than one symbol"),
        ("X01B1/00", "not an IPC symbol"),
        ("I06F16/33", "not an IPC symbol"),
        ("G06F0/00", "main group 0"),
        ("G06F0000000000", "main group 0"),
        ("", "empty IPC symbol"),
        ("   ", "empty IPC symbol"),
        ("-", "not an IPC symbol"),
    ],
)
def test_normalize_ipc_rejects(raw: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        normalize_ipc(raw)


def test_normalize_ipc_rejects_non_text() -> None:
    with pytest.raises(ValueError, match="not an IPC symbol"):
        normalize_ipc(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # patentics-csv/cn_vr_TI-virtual-reality.csv 国际分类
        ("G09B  9/00 | G06T 19/00", (["G09B9/00", "G06T19/00"], [])),
        ("G01R31/389; G01R31/392", (["G01R31/389", "G01R31/392"], [])),  # incoPat IPC
        ("A47F  5/10|A47F  7/00|A47B 91/02", (["A47F5/10", "A47F7/00", "A47B91/02"], [])),  # banma_cn21.xlsx
        # incopat/openai_72.xlsx CPC
        ("G10L15/01; G10L15/22; G10L2015/223", (["G10L15/01", "G10L15/22", "G10L2015/223"], [])),
        ("G06Q20/18 | G06Q10/087 | G06Q20/18", (["G06Q20/18", "G06Q10/087"], [])),  # repeats dropped
        ("G06F16/33, H04L9/00\nH04W4/02", (["G06F16/33", "H04L9/00", "H04W4/02"], [])),
        ("G06F16/33 H04L9/00", (["G06F16/33", "H04L9/00"], [])),  # whitespace-separated symbols
        ("G06F 16/33  H04L  9/00", (["G06F16/33", "H04L9/00"], [])),
        ("G06F16/33；G06F16/35、H04L9/00", (["G06F16/33", "G06F16/35", "H04L9/00"], [])),  # full-width
        # patentics-xlsx/drone_us_apps_part1.xlsx 国际主分类: the title's ；and ，are not list separators
        ("G06Q 40/00 金融；保险；税务策略；公司或所得税的处理〔8，2012.01〕", (["G06Q40/00"], [])),
        ("B64D  1/02 ▪抛投、弹射或释放物品（可抛投的燃料箱入B64D37/12）", (["B64D1/02"], [])),
        (
            "G06T  7/20 ▪运动分析（数字视频信号的编解码或解压缩的运动估计入H04N19/43，H04N19/51）〔6，2017.01〕",
            (["G06T7/20"], []),
        ),  # patentics-xlsx/drone_us_apps_part*.xlsx 国际主分类
        # patentics-csv/global_didi.csv 国际分类: a Locarno class and a symbol without main group
        ("14-04(13) | G06Q 10/08 | G06Q   /1000", (["G06Q10/08"], ["14-04(13)", "G06Q   /1000"])),
        ("G06F 16/33 | g06f16/33 | G06F0016330000", (["G06F16/33"], [])),
        (["G06F 16/33", "", "H04L 9/00", "bad"], (["G06F16/33", "H04L9/00"], ["bad"])),
        ("H04W 64/00 为了网络管理的目的，例如移动性管理〔2009.01〕", (["H04W64/00"], [])),
        ("", ([], [])),
        (" | ; ", ([], [])),
        (None, ([], [])),
    ],
)
def test_split_ipc_list(raw: str | list[str] | None, expected: tuple[list[str], list[str]]) -> None:
    assert split_ipc_list(raw) == expected


@pytest.mark.parametrize(
    ("raw", "subclass", "main_group"),
    [
        ("G06F 16/33", "G06F", "G06F16/00"),
        ("G06F16/335", "G06F", "G06F16/00"),
        ("B64C2201/146", "B64C", "B64C2201/00"),
        ("F23D0014000000", "F23D", "F23D14/00"),
        ("H04W 64/00 为了网络管理的目的", "H04W", "H04W64/00"),
        ("y02t10/70", "Y02T", "Y02T10/00"),
    ],
)
def test_subclass_and_main_group(raw: str, subclass: str, main_group: str) -> None:
    assert ipc_subclass(raw) == subclass
    assert ipc_main_group(raw) == main_group


def test_main_group_of_a_subclass_is_an_error() -> None:
    assert ipc_subclass("G06F") == "G06F"
    with pytest.raises(ValueError, match="has no main group"):
        ipc_main_group("G06F")


def test_canonical_symbols_are_fixed_points() -> None:
    for sym in (
        "G06F16/33",
        "G06F3/04845",
        "B64C2201/146",
        "G06Q10/063118",
        "Y10S901/01",
        "G06F",
        "G06F16/00",
    ):
        assert normalize_ipc(sym) == sym


# -- real files ------------------------------------------------------------------------------------------
#: IPC/CPC columns of the exports (Patentics CSV "美国分类" holds CPC symbols despite its name).
SYMBOL_COLUMNS = (
    "IPC",
    "IPC主分类",
    "CPC",
    "国际分类",
    "国际主分类",
    "CPC分类",
    "CPC主分类",
    "CPC小类",
    "美国分类",
    "美国主分类",
)
CANONICAL = re.compile(r"^[A-HY]\d{2}[A-Z][1-9]\d{0,3}/\d{2,6}$")  # = seip.records.normalize.CANONICAL_IPC


def _why(piece: str) -> str:
    if re.fullmatch(r"\d{2}-?\d{1,2}\s*(?:\(\d+\))?", piece):
        return "locarno"  # design patents: Patentics writes the Locarno class into 国际分类
    if re.fullmatch(r"[A-H]\d\d[A-Z]\s+/\s*\d+", piece):
        return "no main group"
    if re.fullmatch(r"[A-HY]\d\d[A-Z]\d{5,9}", piece):
        return "no slash"  # a CPC symbol that lost its "/": cannot be split unambiguously
    return "other"


@pytest.mark.shared_data
def test_every_real_symbol_list_splits(datasets: Path) -> None:
    """Every IPC/CPC cell of the 24 exports; 1,673 pieces are not symbols, each for a known reason."""
    paths = _export_files(datasets)
    valid = 0
    invalid: Counter[tuple[str, str]] = Counter()
    for path in paths:
        header, rows = _table(path)
        for i, h in enumerate(header):
            if h not in SYMBOL_COLUMNS:
                continue
            for row in rows:
                ok, bad = split_ipc_list(str(row[i]) if i < len(row) else "")
                valid += len(ok)
                assert all(normalize_ipc(s) == s for s in ok)
                for piece in bad:
                    invalid[(path.name, _why(piece))] += 1
                for piece in re.split(r"\s*[|;,\n]\s*", str(row[i]) if i < len(row) else ""):
                    if CANONICAL.match(piece):
                        assert normalize_ipc(piece) == piece  # the store skips canonical symbols
    assert valid == 436_535
    assert invalid == {
        ("global_aptiv.csv", "locarno"): 6,
        ("global_aptiv.csv", "no slash"): 10,
        ("global_argo_ai.csv", "locarno"): 2,
        ("global_cruise.csv", "no main group"): 1,
        ("global_didi.csv", "locarno"): 1_220,
        ("global_didi.csv", "no main group"): 40,
        ("global_lyft.csv", "locarno"): 70,
        ("global_lyft.csv", "no main group"): 2,
        ("global_lyft.csv", "no slash"): 35,
        ("global_uber.csv", "locarno"): 103,
        ("global_uber.csv", "no main group"): 3,
        ("global_uber.csv", "no slash"): 9,
        ("global_waymo.csv", "locarno"): 172,
    }


@pytest.mark.shared_data
def test_every_scheme_symbol_normalises(datasets: Path) -> None:
    """The IPC reference tables: PATSTAT spacing, 14-character ancestors, WIPO spacing, P2N main groups."""
    with (datasets / "ipc-patstat-cortext/ipc_codes_patstat_usage.csv").open(encoding="utf-8-sig") as f:
        patstat = [r["ipc_class_symbol"] for r in csv.DictReader(f)]
    assert len({normalize_ipc(s) for s in patstat}) == len(patstat) == 71_333
    with (datasets / "ipc-patstat-cortext/ipc_hierarchy_2016.tsv").open(encoding="utf-8") as f:
        hier = list(csv.DictReader(f, delimiter="\t"))
    pairs = [(normalize_ipc(r["ipc_code"]), normalize_ipc(r["ancestor"])) for r in hier if r["ancestor"]]
    assert len(pairs) == 63_768
    # The 14-character ancestor (dot-hierarchy parent) reads to a subgroup of the same main group.
    assert all(ipc_main_group(code) == ipc_main_group(parent) for code, parent in pairs)

    symbols: list[str] = []

    def walk(node: dict) -> None:
        symbols.append(node["symbol"])
        for child in node.get("children", []):
            walk(child)

    for path in sorted((datasets / "ipc-scheme-ipcr8-en").glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    scheme = [normalize_ipc(s) for s in symbols if len(s) >= 4]
    assert len(scheme) == 17_746  # 633 subclasses + 7,066 main groups + 10,047 subgroups
    assert sum(len(s) == 4 for s in scheme) == 633

    with (datasets / "ipc-titles-p2n/IPC_8.txt").open(encoding="utf-8") as f:
        p2n = [line.split("\t")[0] for line in f if line.strip()]
    rejected = []
    for code in p2n:
        try:
            assert normalize_ipc(code).endswith("/00")
        except ValueError:
            rejected.append(code)
    assert len(p2n) == 8_027
    assert rejected == ["B60G11107000"]  # a line where two records are glued together


@pytest.mark.shared_data
def test_every_uspto_symbol_normalises(datasets: Path) -> None:
    """USPTO XML (ipcr/cpc elements, IPC 7 fixed width), Green Book ICL, BRS, CPC master, PatentSBERTa."""
    built: list[str] = []
    fixed: list[str] = []
    parts = ("section", "class", "subclass", "main-group", "subgroup")
    st96 = ("CPCSection", "Class", "Subclass", "MainGroup", "Subgroup")
    for path in [*datasets.glob("patentsview-db/*/*.xml"), *datasets.glob("uspto-ppd-samples/*/*.xml")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        pattern = r"<classification-(?:ipcr|cpc)>(.*?)</classification-(?:ipcr|cpc)>"
        for block in re.findall(pattern, text, re.S):
            g = [re.search(rf"<{k}>([^<]*)</{k}>", block) for k in parts]
            built.append("{}{}{}{}/{}".format(*(m.group(1) if m else "" for m in g)))
        for block in re.findall(r"<pat:CPCClassification>(.*?)</pat:CPCClassification>", text, re.S):
            g = [re.search(rf"<pat:{k}>([^<]*)<", block) for k in st96]
            built.append("{}{}{}{}/{}".format(*(m.group(1) if m else "" for m in g)))
        for block in re.findall(r"<classification-ipc>(.*?)</classification-ipc>", text, re.S):
            fixed += re.findall(r"<(?:main|further)-classification>([^<]*)<", block)
            fixed += re.findall(r"<ipc>([^<]*)<", block)
        fixed += re.findall(r"<B51[12]><PDAT>([^<]*)<", text)
    for path in datasets.glob("uspto-ppd-samples/greenbook/*"):
        lines = path.read_text(encoding="latin-1").splitlines()
        fixed += [line[5:] for line in lines if line.startswith("ICL ")]
    with (datasets / "uspto-ppd-samples/css_brs/css_brs_sample.txt").open(encoding="latin-1") as f:
        for line in f:
            if line.startswith(("IPCG ", "IPCP ", "IPCS ")):
                fields = line.split()
                built.append(fields[4] if fields[0] == "IPCG" else fields[1])
    with (datasets / "patentsberta-claims-cpc/df_claim_cpc_1400.csv").open(encoding="latin-1") as f:
        for row in csv.DictReader(f):
            built += ast.literal_eval(row["subgroup_id"])
    with (datasets / "patentsberta-claims-cpc/df_claim_cpc_test.csv").open(encoding="utf-8") as f:
        built += [c for c in next(csv.reader(f)) if re.fullmatch(r"[A-Z]\d\d[A-Z]", c)]  # 663 CPC subclasses

    assert len(built) == 397 + 26 + 1_411 + 663
    for raw in built:
        assert CANONICAL.match(normalize_ipc(raw)) or len(normalize_ipc(raw)) == 4, raw
    rejected = []
    for raw in fixed:
        try:
            normalize_ipc(raw)
        except ValueError:
            rejected.append(raw)
    assert len(fixed) == 65
    # A 3-digit main group in the fixed-width form, and a Locarno class of a design patent.
    assert rejected == ["C07C24900", "1402"]
