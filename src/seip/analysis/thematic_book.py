"""One SEI thematic patent database as a workbook (``seip sei export 1.5 --out 人工智能.xlsx``): a cover sheet
saying what is in it and how it was made, the concordance rules of the category, the profile tables, and
every patent (canonical field names, so the sheet can be imported again).

May import: seip.analysis, seip.store, seip.taxonomy, seip.i18n, stdlib, ibis, pyarrow.
"""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources
from pathlib import Path

import pyarrow as pa

from seip import __version__, i18n
from seip.analysis import thematic as th
from seip.analysis._backend import connect
from seip.errors import SeipError
from seip.i18n import t
from seip.records.schema import FIELD_NAMES
from seip.store import Corpus
from seip.store.files import new_workbook, write_patent_sheets
from seip.taxonomy.explain import rule_terms
from seip.taxonomy.sei import categories

i18n.register(
    {
        "tb_title": ("战略性新兴产业专题专利数据库", "SEI thematic patent database"),
        "tb_code": ("分类代码", "category code"),
        "tb_name": ("分类名称", "category"),
        "tb_industry": ("所属产业", "industry"),
        "tb_scheme": ("分类体系", "classification"),
        "tb_scheme_v": (
            "《战略性新兴产业分类（2018）》（国家统计局令第23号）",
            "Strategic Emerging Industries Classification (2018), NBS Order No. 23",
        ),
        "tb_concordance": ("参照关系", "concordance"),
        "tb_concordance_v": (
            "《战略性新兴产业分类与国际专利分类参照关系表（2021）（试行）》（国知办函规字〔2021〕121号）",
            "CNIPA SEI–IPC concordance (2021, trial), 国知办函规字〔2021〕121号",
        ),
        "tb_method": ("归类方法", "method"),
        "tb_method_ipc": (
            "分类号模式：专利的任一IPC分类号命中本类某条规则的IPC范围、且不在该规则的排除范围内，即归入本类（与商业数据库做法一致）。"
            "分类号逐段比较（B60L8* 不匹配 B60L80/00），排除只在其所在规则内生效。",
            "IPC mode: a patent is in the category when one of its IPC symbols is covered by an include pattern of one of "
            "the category's rules and by none of that rule's exclusions (the practice of commercial databases). Symbols "
            "are compared field by field (B60L8* never matches B60L80/00); exclusions act only within their own rule.",
        ),
        "tb_method_strict": (
            "严格模式：在分类号模式基础上，带关键词的规则还要求标题、摘要或首项权利要求中出现该规则关键词拆分出的产品词之一"
            "（rjieba分词，去除“系统、装置、方法、制造、服务”等泛化词），且不出现排除词；无中文文本的文献不参与严格模式。",
            "Strict mode: in addition, for rules with a keyword phrase, the title, abstract or first claim must contain one "
            "of the product terms segmented from the phrase (rjieba, generic words such as 系统/装置/方法/制造/服务 "
            "dropped) and none of its negative terms; documents without Chinese text are not classified in strict mode.",
        ),
        "tb_rules": ("本类规则", "rules of the category"),
        "tb_patents": ("专利文献", "patents"),
        "tb_inventions": ("发明", "inventions"),
        "tb_valid_inventions": ("有效发明专利", "valid invention patents"),
        "tb_data_until": ("数据截至（最新公开日）", "data until (latest publication)"),
        "tb_made": ("生成时间", "made"),
        "tb_sources": ("数据来源", "sources"),
        "tb_software": ("软件", "software"),
        "tb_sheets": ("工作表", "sheets"),
        "tb_sheets_v": (
            "规则；年度与类型；主要申请人；IPC主组；省份；法律状态；公开国别；专利（字段名与 seip 导入格式一致）",
            "rules; by year and type; top applicants; IPC groups; provinces; legal status; offices; patents "
            "(canonical field names, importable by seip)",
        ),
        "tb_split_note": (
            "说明：参照关系表1.1第3条由两行合并而成，按包含与排除清单的重新起始处拆为3a、3b两条，否则其中15个分类号永远不能命中。",
            "Note: rule 3 of 1.1 is two source rows run together; it is split into 3a and 3b where its include and "
            "exclude lists restart, otherwise 15 of its symbols could never match.",
        ),
        "sheet_rules": ("规则", "rules"),
        "sheet_by_year_type": ("年度与类型", "by year and type"),
        "sheet_top_applicants": ("主要申请人", "top applicants"),
        "sheet_top_ipc_groups": ("IPC主组", "IPC groups"),
        "sheet_provinces": ("省份", "provinces"),
        "sheet_legal_status": ("法律状态", "legal status"),
        "sheet_offices": ("公开国别", "offices"),
        "sheet_patents": ("专利", "patents"),
        "sheet_cover": ("说明", "about"),
    }
)


class ThematicError(SeipError):
    """Unknown SEI category."""


def check_code(code: str) -> str:
    """``code`` if it is one of the 40 categories or 9 industries, else a :class:`ThematicError`."""
    if code not in th.category_names():
        raise ThematicError(f"unknown SEI code {code!r}: use one of 1..9 or 1.1..9.2 (seip sei list)")
    return code


def _rules(code: str) -> list[list[str]]:
    by_rule: dict[str, dict[str, list[str]]] = {}
    with resources.files("seip.taxonomy").joinpath("data", "sei_patterns.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            by_rule.setdefault(r["rule_id"], {"include": [], "exclude": []})[r["kind"]].append(r["pattern"])
    rows = []
    with resources.files("seip.taxonomy").joinpath("data", "sei_rules.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["sei_code"] == code or ("." not in code and r["sei_code"].split(".")[0] == code):
                terms = rule_terms(r["rule_id"])
                pats = by_rule.get(r["rule_id"], {"include": [], "exclude": []})
                rows.append(
                    [
                        r["rule_id"],
                        r["keywords"],
                        " ".join(pats["include"]),
                        " ".join(pats["exclude"]),
                        " ".join(terms["+"]),
                        " ".join(terms["-"]),
                    ]
                )
    return rows


def write_workbook(corpus: Corpus, code: str, out: str | Path, *, strict: bool = False) -> dict[str, int]:
    """Write the thematic database of ``code`` to ``out`` (xlsx); returns its counts."""
    code, out = check_code(code), Path(out)
    engine = connect(corpus, "duckdb")
    patents = engine.table("patents")
    members = th.in_category(patents, code, strict=strict)
    summary = (
        members.aggregate(
            patents=members.count(),
            inventions=(members.patent_type == "invention").sum(),
            valid_inventions=((members.patent_type == "invention") & members.is_valid.fill_null(False)).sum(),
            until=members.pub_date.max(),
        )
        .to_pyarrow()
        .to_pylist()[0]
    )
    sources = members.group_by("source_format").aggregate(n=members.count()).order_by("source_format")
    tables = {k: v.to_pyarrow() for k, v in th.profile(patents, code, strict=strict).items()}
    zh, en = th.category_names()[code]
    wb = new_workbook(out)
    bold = wb.add_format({"bold": True})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    cover = wb.add_worksheet(t("sheet_cover"))
    cover.set_column(0, 0, 26)
    cover.set_column(1, 1, 110)
    cover.write(0, 0, f"{t('tb_title')}：{code} {en if i18n.lang() == 'en' else zh}", bold)
    cat = next((c for c in categories().values() if code in (c.code, c.top_code)), None)
    lines = [
        ("tb_code", code),
        ("tb_name", f"{zh} / {en}"),
        ("tb_industry", f"{cat.top_code} {cat.top_name} / {cat.top_name_en}" if cat else ""),
        ("tb_scheme", t("tb_scheme_v")),
        ("tb_concordance", t("tb_concordance_v")),
        ("tb_method", t("tb_method_strict") if strict else t("tb_method_ipc")),
        ("tb_rules", str(len(_rules(code)))),
        ("tb_patents", f"{summary['patents']:,}"),
        ("tb_inventions", f"{summary['inventions'] or 0:,}"),
        ("tb_valid_inventions", f"{summary['valid_inventions'] or 0:,}"),
        ("tb_data_until", str(summary["until"] or "")),
        ("tb_made", dt.datetime.now().isoformat(timespec="seconds")),
        (
            "tb_sources",
            "; ".join(f"{r['source_format']} {r['n']:,}" for r in sources.to_pyarrow().to_pylist()),
        ),
        ("tb_software", f"seip {__version__}"),
        ("tb_sheets", t("tb_sheets_v")),
    ]
    for i, (key, value) in enumerate(lines, start=2):
        cover.write(i, 0, t(key), bold)
        cover.write(i, 1, value, wrap)
    if code in ("1", "1.1"):
        cover.write(len(lines) + 3, 1, t("tb_split_note"), wrap)
    _sheet(
        wb,
        t("sheet_rules"),
        ["rule_id", "keywords", "include", "exclude", "terms", "negative_terms"],
        _rules(code),
    )
    for key, table in tables.items():
        _sheet(wb, t(f"sheet_{key}"), table.column_names, [list(r.values()) for r in table.to_pylist()])
    cols = ", ".join(FIELD_NAMES)
    sql = members.select(*FIELD_NAMES).order_by("pub_number")
    reader = corpus.con.sql(f"SELECT {cols} FROM ({engine.backend.compile(sql)})").to_arrow_reader(50_000)
    n = write_patent_sheets(wb, reader, t("sheet_patents"))
    wb.close()
    return {
        "patents": n,
        "inventions": summary["inventions"] or 0,
        "valid_inventions": summary["valid_inventions"] or 0,
    }


def _sheet(wb, name: str, header: list[str], rows: list[list]) -> None:
    sheet = wb.add_worksheet(name[:31])
    sheet.write_row(0, 0, header)
    for i, row in enumerate(rows, start=1):
        sheet.write_row(i, 0, [v if not isinstance(v, pa.Scalar) else v.as_py() for v in row])
