"""Write seip.taxonomy's package data from ../shared (never typed by hand; run again when a source changes).

Run: .venv/bin/python scripts/build_taxonomy_data.py [--shared ../shared]

Reads (each named in docs/DATA_SOURCES.md, section "taxonomy"):
  reference/sei_categories_2018.csv          SEI 2018: 9 industries, 40 categories (Chinese names)
  reference/sei_ipc_concordance_2021.json    CNIPA SEI↔IPC concordance (2021, trial), 303 rules
  datasets/patentsview-db/ipc_technology.csv WIPO IPC–technology concordance, 35 fields
  datasets/ipc-scheme-ipcr8-en/[A-H].json    IPC 8th edition core level, English titles
  datasets/ipc-patstat-cortext/              IPC 2016.01 hierarchy and PATSTAT usage (the subclasses in use)
Writes src/seip/taxonomy/data/: sei_categories.csv, sei_rules.csv, sei_patterns.csv, sei_rule_terms.csv,
wipo_fields.csv, wipo_field_names.csv, ipc_titles_en.csv, ipc_subclasses.csv.

The Chinese names of the 35 WIPO technology fields and 5 sectors (WIPO_ZH below) are the one translated table:
the source has English names only; the Chinese are those of WIPO's Chinese-language statistics (《世界知识产权
指标》), checked against the English name of each field number by the script.

The concordance is kept rule for rule, with one deliberate change (reference README, known issue 1): rule 3
of 1.1 is two source rows run together; read as one rule, its second row's 15 explicit symbols are excluded
by the first row's exclusions and can never match. It is split at the restart of the include list
(``G01S1/02`` after ``H04W92*``) and of the exclude list (``G08B19/00`` after ``H04Q11/00``) into rules
``3a`` and ``3b``. The script checks the restart positions, so a changed transcription stops it.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from seip.taxonomy.ipc_keys import pattern_key  # noqa: E402

# --- Strict mode: the keyword phrase of a rule as product terms (docs/sei.md explains the method) ---------
#: Words that say what kind of activity, not what product: dropped. Also stripped from the end of a compound
#: (基站设备 → 基站, 控制系统 → 控制) when at least two characters remain.
GENERIC_WORDS = frozenset(
    """制造 服务 设备 系统 装置 方法 其他 技术 专用 加工 专用设备 生产 新型 装备 及其 工程 处理 研究 利用 相关 产品
    管理 设计 开发 制品 试验 发展 制作 关键词 企业 领域 功能 基础 特殊 先进 大型 研发 应用 特征 设施 活动 评估 推广
    技术推广 综合利用 高性能 高品质 高效 新一代 高端 一体化 配套 用于 以及 包括 其它 主要 各类 各种 等等 中心 建设
    运营 业务 行业 产业 工业 项目 有关 类似 通用 配件 部件 零部件 组件 元件 器件 用品 器材 材料 制备 生产线
    供应 销售 经营 租赁 维修 修理 检修 安装 施工 工艺 流程 方案 平台 支撑 提供 实现 服务业 消费 增值 结构""".split()
)
#: Qualifier cells that exclude something (README known issue 6): the excluded thing, written out, because
#: segmenting them would drop the negation (非机动车 → 非 / 机动车). A new qualifier stops the script.
NEGATIVE_TERMS = {
    "不包括航天相关设备制造": ["航天"],
    "不包括连续纤维改性的ABS": ["连续纤维"],
    "不包含非机动车": ["非机动车", "自行车"],  # the common 非机动车 in patents is the bicycle
    "不包含主要依靠发动机驱动的轻混动力汽车": ["轻混", "轻度混合"],
}
#: Section 5 (new-energy vehicles): the table restricts its IPC blocks to vehicles; rules whose cell is only a
#: negative qualifier get these positive terms so that strict mode requires the text to be about a vehicle.
VEHICLE_TERMS = ["汽车", "车辆", "机动车", "电动车", "客车", "货车", "乘用车", "商用车", "整车"]

OUT = ROOT / "src" / "seip" / "taxonomy" / "data"

# English names: seip's own translations of the NBS classification's Chinese names.
TOP_EN = {
    "1": "New-generation information technology",
    "2": "High-end equipment manufacturing",
    "3": "New materials",
    "4": "Biotechnology",
    "5": "New-energy vehicles",
    "6": "New energy",
    "7": "Energy saving and environmental protection",
    "8": "Digital creative industries",
    "9": "Related services",
}
NAME_EN = {
    "1.1": "Next-generation information networks",
    "1.2": "Core electronics",
    "1.3": "Emerging software and new IT services",
    "1.4": "Internet, cloud computing and big-data services",
    "1.5": "Artificial intelligence",
    "2.1": "Intelligent manufacturing equipment",
    "2.2": "Aviation equipment",
    "2.3": "Satellites and applications",
    "2.4": "Rail transit equipment",
    "2.5": "Marine engineering equipment",
    "3.1": "Advanced steel materials",
    "3.2": "Advanced non-ferrous metal materials",
    "3.3": "Advanced petrochemical and chemical new materials",
    "3.4": "Advanced inorganic non-metallic materials",
    "3.5": "High-performance fibres, products and composites",
    "3.6": "Frontier new materials",
    "3.7": "New-material services",
    "4.1": "Biomedicine",
    "4.2": "Biomedical engineering",
    "4.3": "Bio-agriculture and related industries",
    "4.4": "Bio-based energy",
    "4.5": "Other biotechnology",
    "5.1": "New-energy vehicle manufacturing",
    "5.2": "New-energy vehicle devices and parts",
    "5.3": "New-energy vehicle infrastructure equipment",
    "5.4": "New-energy vehicle services",
    "6.1": "Nuclear power",
    "6.2": "Wind power",
    "6.3": "Solar energy",
    "6.4": "Biomass and other new energy",
    "6.5": "Smart grid",
    "7.1": "High-efficiency energy saving",
    "7.2": "Advanced environmental protection",
    "7.3": "Resource recycling",
    "8.1": "Digital creative technology equipment",
    "8.2": "Digital cultural and creative activities",
    "8.3": "Design services",
    "8.4": "Digital creative and convergence services",
    "9.1": "New technology and innovation services",
    "9.2": "Other related services",
}
SPLIT = {
    "code": "1.1",
    "rule": 3,
    "include_restart": "G01S1/02",
    "after_include": "H04W92*",
    "exclude_restart": "G08B19/00",
    "after_exclude": "H04Q11/00",
}


def _write(name: str, header: list[str], rows: list[list[object]]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / name).open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return len(rows)


def categories(shared: Path) -> int:
    rows = []
    with (shared / "reference" / "sei_categories_2018.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows.append(
                [
                    r["code"],
                    r["name"],
                    NAME_EN[r["code"]],
                    r["top_code"],
                    r["top_name"],
                    TOP_EN[r["top_code"]],
                ]
            )
    assert len(rows) == 40, len(rows)
    return _write(
        "sei_categories.csv", ["code", "name", "name_en", "top_code", "top_name", "top_name_en"], rows
    )


def _split_rule(rule: dict) -> list[tuple[str, dict]]:
    inc, exc = rule["ipc"], rule["exclude"]
    i, j = inc.index(SPLIT["include_restart"]), exc.index(SPLIT["exclude_restart"])
    if inc[i - 1] != SPLIT["after_include"] or exc[j - 1] != SPLIT["after_exclude"]:
        raise SystemExit("1.1 rule 3 no longer restarts where the reference README says: review the split")
    return [
        ("3a", {**rule, "ipc": inc[:i], "exclude": exc[:j]}),
        ("3b", {**rule, "ipc": inc[i:], "exclude": exc[j:]}),
    ]


def patterns(shared: Path) -> int:
    data = json.loads((shared / "reference" / "sei_ipc_concordance_2021.json").read_text(encoding="utf-8"))
    rows, rules = [], []
    for cat in data["categories"]:
        for n, rule in enumerate(cat["rules"], 1):
            parts = (
                _split_rule(rule) if (cat["code"], n) == (SPLIT["code"], SPLIT["rule"]) else [(str(n), rule)]
            )
            for rule_no, r in parts:
                rule_id = f"{cat['code']}#{rule_no}"
                rules.append([rule_id, cat["code"], rule_no, r.get("keywords") or "", cat.get("page") or ""])
                for kind, pats in (("include", r["ipc"]), ("exclude", r.get("exclude") or [])):
                    for p in pats:
                        level, key = pattern_key(p)
                        rows.append([rule_id, kind, p, level, key])
    counts = data["counts"]
    assert sum(r[1] == "include" for r in rows) == counts["include_patterns"]
    assert sum(r[1] == "exclude" for r in rows) == counts["exclude_patterns"]
    assert len(rules) == counts["rules"] + 1  # 1.1 rule 3 split in two
    _write("sei_rules.csv", ["rule_id", "sei_code", "rule_no", "keywords", "page"], rules)
    return _write("sei_patterns.csv", ["rule_id", "kind", "pattern", "level", "key"], rows)


def _terms(phrase: str) -> list[str]:
    """Product terms of a keyword phrase: rjieba words of two or more characters, generic words dropped and
    generic endings stripped, in first-seen order.

    >>> _terms("高端路由器、单槽位处理路由器等其他计算机制造；新一代移动通信基站设备")
    ['路由器', '单槽', '计算机', '移动', '通信', '基站']
    """
    import rjieba

    phrase = re.sub(r"(相关)?关键词$", "", phrase)
    out: list[str] = []
    for word in rjieba.cut(phrase):
        word = word.strip()
        for g in sorted(GENERIC_WORDS, key=len, reverse=True):  # 基站设备 → 基站
            if word.endswith(g) and len(word) - len(g) >= 2:
                word = word[: -len(g)]
                break
        if len(word) < 2 or word in GENERIC_WORDS or word.isdigit() or not re.search(r"[\w]", word):
            continue
        if word not in out:
            out.append(word)
    return out


def rule_terms(shared: Path) -> int:
    """sei_rule_terms.csv: for each rule with a keyword phrase, the terms strict mode looks for
    (``polarity`` + : one must occur; - : none may occur)."""
    rows = []
    with (OUT / "sei_rules.csv").open(encoding="utf-8") as fh:
        rules = list(csv.DictReader(fh))
    for r in rules:
        phrase, rule_id = r["keywords"].strip(), r["rule_id"]
        if not phrase:
            continue  # IPC-only rule: strict mode has nothing to check
        if phrase.startswith(("不包括", "不包含")):
            if phrase not in NEGATIVE_TERMS:
                raise SystemExit(f"rule {rule_id}: new qualifier {phrase!r}: add it to NEGATIVE_TERMS")
            rows += [[rule_id, "-", t] for t in NEGATIVE_TERMS[phrase]]
            positive = VEHICLE_TERMS if r["sei_code"].startswith("5.") else []
        else:
            positive = _terms(phrase)
        rows += [[rule_id, "+", t] for t in positive]
    return _write("sei_rule_terms.csv", ["rule_id", "polarity", "term"], rows)


def wipo_fields(shared: Path) -> int:
    rows = []
    path = shared / "datasets" / "patentsview-db" / "ipc_technology.csv"
    with path.open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            code = re.sub(r"\s+", "", r["IPC_code"]).rstrip("%")  # "A61K   8/%" → "A61K8/", "F21H%" → "F21H"
            m = re.fullmatch(r"([A-H]\d\d[A-Z])(?:(\d+)/)?", code)
            if not m:
                raise SystemExit(f"{path}: unexpected IPC_code {r['IPC_code']!r}")
            level, key = ("group", f"{m[1]} {int(m[2])}") if m[2] else ("subclass", m[1])
            rows.append([int(r["Field_number"]), r["Sector_en"], r["Field_en"], level, key])
    return _write("wipo_fields.csv", ["field", "sector_en", "field_en", "level", "key"], rows)


#: WIPO field number → (English name as in the source, Chinese name); sectors likewise.
WIPO_ZH = {
    1: ("Electrical machinery, apparatus, energy", "电气机械、设备和能源"),
    2: ("Audio-visual technology", "视听技术"),
    3: ("Telecommunications", "电信"),
    4: ("Digital communication", "数字通信"),
    5: ("Basic communication processes", "基础通信程序"),
    6: ("Computer technology", "计算机技术"),
    7: ("IT methods for management", "管理用信息技术方法"),
    8: ("Semiconductors", "半导体"),
    9: ("Optics", "光学"),
    10: ("Measurement", "测量"),
    11: ("Analysis of biological materials", "生物材料分析"),
    12: ("Control", "控制"),
    13: ("Medical technology", "医疗技术"),
    14: ("Organic fine chemistry", "有机精细化学"),
    15: ("Biotechnology", "生物技术"),
    16: ("Pharmaceuticals", "药品"),
    17: ("Macromolecular chemistry, polymers", "高分子化学、聚合物"),
    18: ("Food chemistry", "食品化学"),
    19: ("Basic materials chemistry", "基础材料化学"),
    20: ("Materials, metallurgy", "材料、冶金"),
    21: ("Surface technology, coating", "表面技术、涂层"),
    22: ("Micro-structural and nano-technology", "微观结构和纳米技术"),
    23: ("Chemical engineering", "化学工程"),
    24: ("Environmental technology", "环境技术"),
    25: ("Handling", "装卸"),
    26: ("Machine tools", "机床"),
    27: ("Engines, pumps, turbines", "发动机、泵、涡轮机"),
    28: ("Textile and paper machines", "纺织和造纸机械"),
    29: ("Other special machines", "其他专用机械"),
    30: ("Thermal processes and apparatus", "热工过程和器具"),
    31: ("Mechanical elements", "机械元件"),
    32: ("Transport", "运输"),
    33: ("Furniture, games", "家具、游戏"),
    34: ("Other consumer goods", "其他消费品"),
    35: ("Civil engineering", "土木工程"),
}
WIPO_SECTOR_ZH = {
    "Electrical engineering": "电气工程",
    "Instruments": "仪器",
    "Chemistry": "化学",
    "Mechanical engineering": "机械工程",
    "Other fields": "其他领域",
}


def wipo_field_names(shared: Path) -> int:
    """One row per field: number, sector and field names in English (from the source) and Chinese."""
    seen: dict[int, tuple[str, str]] = {}
    with (OUT / "wipo_fields.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            seen.setdefault(int(r["field"]), (r["sector_en"], r["field_en"]))
    if set(seen) != set(WIPO_ZH):
        raise SystemExit(f"WIPO fields in the source {sorted(seen)} differ from the translated table")
    rows = []
    for n, (sector, name) in sorted(seen.items()):
        if WIPO_ZH[n][0] != name or sector not in WIPO_SECTOR_ZH:
            raise SystemExit(
                f"WIPO field {n}: source says {sector!r}/{name!r}, the translation is for {WIPO_ZH[n][0]!r}"
            )
        rows.append([n, sector, WIPO_SECTOR_ZH[sector], name, WIPO_ZH[n][1]])
    return _write("wipo_field_names.csv", ["field", "sector_en", "sector_zh", "field_en", "field_zh"], rows)


def ipc_titles(shared: Path) -> int:
    rows: list[list[object]] = []

    def walk(node: dict) -> None:
        sym = node["symbol"].replace(" ", "")
        if len(sym) >= 3:
            level = {3: "class", 4: "subclass"}.get(len(sym))
            key = sym
            if level is None:
                from seip.taxonomy.ipc_keys import symbol_keys

                keys = symbol_keys(sym)
                if keys is None:
                    raise SystemExit(f"unexpected IPC scheme symbol {node['symbol']!r}")
                level = "group" if sym.endswith("/00") else "subgroup"
                key = keys[level]
            rows.append([sym, level, key, node["text"]])
        for child in node.get("children", []):
            walk(child)

    for section in "ABCDEFGH":
        walk(
            json.loads(
                (shared / "datasets" / "ipc-scheme-ipcr8-en" / f"{section}.json").read_text(encoding="utf-8")
            )
        )
    return _write("ipc_titles_en.csv", ["symbol", "level", "key", "title"], rows)


#: Subclasses created after IPC 2016.01 (the edition of the PATSTAT hierarchy above), by the edition that created
#: them; without them valid recent symbols would be reported as unknown.
NEW_SUBCLASSES = {
    "B33Y": "2015.01 (additive manufacturing; absent from the PATSTAT usage table)",
    "F24S": "2018.01",
    "G16H": "2018.01",
    "G16B": "2019.01",
    "G16C": "2019.01",
    "G16Z": "2019.01",
    "G16Y": "2020.01",
    "G06V": "2022.01",
    "H10B": "2023.01",
    "H10K": "2023.01",
    "H10N": "2023.01",
}


def ipc_subclasses(shared: Path) -> int:
    """ipc_subclasses.csv: every IPC subclass seip knows (a symbol outside them is reported as unknown)."""
    base = shared / "datasets" / "ipc-patstat-cortext"
    found: dict[str, str] = {}
    with (base / "ipc_hierarchy_2016.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"([A-H]\d\d[A-Z])", line)
            if m:
                found.setdefault(m[1], "ipc_hierarchy_2016")
    with (base / "ipc_codes_patstat_usage.csv").open(encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r'"?([A-H]\d\d[A-Z])', line)
            if m:
                found.setdefault(m[1], "patstat_usage")
    with (OUT / "sei_patterns.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["level"] != "class":
                found.setdefault(r["key"][:4], "sei_concordance_2021")
    for sub, edition in NEW_SUBCLASSES.items():
        found.setdefault(sub, f"ipc_{edition}")
    rows = [[k, v] for k, v in sorted(found.items())]
    return _write("ipc_subclasses.csv", ["subclass", "source"], rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    for fn in (categories, patterns, rule_terms, wipo_fields, wipo_field_names, ipc_titles, ipc_subclasses):
        print(f"{fn.__name__}: {fn(args.shared)} rows")


if __name__ == "__main__":
    main()
