"""The landscape report's chapter on technology composition (技术构成): IPC subclasses, WIPO technology fields,
IPC main groups with their recent growth (hotspots), and SEI categories when a whole industry is chosen.

May import: seip.reports, seip.taxonomy, seip.i18n, stdlib.

Words follow the language (messages ``ls_tech_*`` registered here): WIPO fields, sectors and SEI categories are
named from the package's own English names under ``--lang en``; IPC titles are English in both languages.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from seip import i18n
from seip.i18n import t
from seip.reports import charts as C
from seip.reports import landscape_text as L
from seip.reports import words as W
from seip.reports.builder import Section
from seip.reports.landscape_data import TOP, Landscape

#: WIPO fields shown in the chart and table (of 35).
TOP_FIELDS = 15
#: A main group is a hotspot only with at least this many filings in the recent window (the growth of tiny
#: groups says nothing).
HOTSPOT_MIN = 20

i18n.register(
    {
        "ls_tech": ("技术构成", "Technology composition"),
        "ls_tech_ipc4": ("IPC 小类", "IPC subclass"),
        "ls_tech_ipc4_title": ("小类名称（英文）", "Subclass title"),
        "ls_tech_apps": ("申请量（件）", "Applications"),
        "ls_tech_share": ("占比", "Share"),
        "ls_tech_ipc_table": ("主要 IPC 小类", "Leading IPC subclasses"),
        "ls_tech_ipc_text": (
            "按 IPC 小类统计（一件申请的每个不同小类各计一次，占比之和可能大于 100%）。",
            "Applications by IPC subclass (an application counts once in each of its distinct subclasses, so "
            "shares may add up to more than 100%).",
        ),
        "ls_tech_ipc_fig": ("主要 IPC 小类申请量", "Applications in the leading IPC subclasses"),
        "ls_tech_sei_code": ("代码", "Code"),
        "ls_tech_sei_name": ("战略性新兴产业分类", "SEI category"),
        "ls_tech_sei_fig": ("战略性新兴产业二级分类申请量", "Applications by SEI second-level category"),
        "ls_tech_wipo": ("WIPO 技术领域", "WIPO technology field"),
        "ls_tech_sector": ("技术部门", "Sector"),
        "ls_tech_recent": ("近三年", "Last 3 years"),
        "ls_tech_previous": ("前三年", "Previous 3 years"),
        "ls_tech_growth_prev": ("较前三年增长", "Growth vs previous 3 years"),
        "ls_tech_growth": ("增长", "Growth"),
        "ls_tech_wipo_table": ("WIPO 技术领域", "WIPO technology fields"),
        "ls_tech_wipo_text": (
            "按世界知识产权组织（WIPO）35 个技术领域统计，申请量最多的是**{field}**（{n} 件，占 {share}），属{sector}部门。",
            "Across the 35 technology fields of WIPO, the largest is **{field}** ({apps}, {share}; sector: "
            "{sector}).",
        ),
        "ls_tech_wipo_fig": ("WIPO 技术领域申请量", "Applications by WIPO technology field"),
        "ls_tech_group": ("IPC 大组", "IPC main group"),
        "ls_tech_group_title": ("大组名称（英文）", "Main group title"),
        "ls_tech_group_table": ("主要 IPC 大组", "Leading IPC main groups"),
        "ls_tech_group_text": (
            "按 IPC 大组统计（G06F16 即 G06F 16/00 及其下位组）；“近三年”为 {a}—{b} 年的申请量，“前三年”为 {c}—{d} 年。",
            'By IPC main group (G06F16 stands for G06F 16/00 and its subgroups): "last 3 years" are the '
            'applications filed in {a}–{b}, "previous 3 years" those filed in {c}–{d}.',
        ),
        "ls_tech_hot": (
            "近三年申请量不少于 {min} 件的大组中，增长最快的是 {listed}。",
            " Among main groups with at least {min} applications in the last 3 years, the fastest growing are "
            "{listed}.",
        ),
        "ls_tech_hot_item": ("{g}（{p}）", "{g} ({p})"),
    }
)


@cache
def ipc_titles(level: str) -> dict[str, str]:
    """English IPC titles of subclasses (``G06F``) or main groups (``G06F16``, the notation of
    :mod:`seip.analysis.technology`), shortened to 60 characters."""
    with resources.files("seip.taxonomy").joinpath("data", "ipc_titles_en.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["level"] == level]
    if level == "subclass":
        return {r["symbol"]: _short(r["title"].capitalize()) for r in rows}
    return {r["key"].replace(" ", ""): _short(r["title"]) for r in rows}


def _short(title: str, limit: int = 60) -> str:
    """At most ``limit`` characters, cut at a word boundary and marked with an ellipsis."""
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def technology(d: Landscape, note: str) -> Section:
    """The chapter: ``note`` is the data note printed under every chart."""
    titles = ipc_titles("subclass")
    rows = [{**r, "title": titles.get(r["ipc4"], "")} for r in d.ipc]
    cols = {"ipc4": t("ls_tech_ipc4"), "title": t("ls_tech_ipc4_title"), "count": t("ls_tech_apps"),
            "share": t("ls_tech_share")}  # fmt: skip
    ipc = C.DataTable(cols, rows, t("ls_tech_ipc_table"), {"count": "int", "share": "pct"})
    blocks: list = [
        t("ls_tech_ipc_text"),
        C.bar("ipc", t("ls_tech_ipc_fig"), ipc, "ipc4", "count", horizontal=True, sort_by_value=True, height=330,
              note=note),
        ipc,
    ]  # fmt: skip
    blocks += _wipo(d, note) + _groups(d)
    if d.sei_parts:
        parts = [{**r, "name": L.sei_name(r["sei"])} for r in d.sei_parts]
        sei = C.DataTable({"sei": t("ls_tech_sei_code"), "name": t("ls_tech_sei_name"), "count": t("ls_tech_apps"),
                           "share": t("ls_tech_share")}, parts, formats={"count": "int", "share": "pct"})  # fmt: skip
        chart = C.bar("sei_parts", t("ls_tech_sei_fig"), sei, "name", "count", horizontal=True,
                      sort_by_value=True, note=note)  # fmt: skip
        blocks.append(chart)
    return Section(t("ls_tech"), blocks)


def _wipo(d: Landscape, note: str) -> list:
    """The WIPO technology fields: a sentence, a chart coloured by sector, the table."""
    from seip.taxonomy.wipo import wipo_fields

    if not d.wipo:
        return []
    names, en = wipo_fields(), W.en()
    rows = [{**r, "name": f"{r['wipo_field']} {names[r['wipo_field']].name(en)}",
             "sector": names[r["wipo_field"]].sector(en)} for r in d.wipo[:TOP_FIELDS]]  # fmt: skip
    cols = {"name": t("ls_tech_wipo"), "sector": t("ls_tech_sector"), "count": t("ls_tech_apps"),
            "share": t("ls_tech_share"), "recent": t("ls_tech_recent"), "growth": t("ls_tech_growth_prev")}  # fmt: skip
    table = C.DataTable(cols, rows, t("ls_tech_wipo_table"),
                        {"count": "int", "share": "pct", "recent": "int", "growth": "pct"})  # fmt: skip
    top = rows[0]
    text = t("ls_tech_wipo_text", field=names[top["wipo_field"]].name(en), n=f"{top['count']:,}",
             apps=W.plural(top["count"], "application"), share=f"{top['share']:.1%}", sector=top["sector"])  # fmt: skip
    chart = C.bar("wipo", t("ls_tech_wipo_fig"), table, "name", "count", color="sector", horizontal=True,
                  sort_by_value=True, height=330, note=note)  # fmt: skip
    return [text, chart, table]


def _groups(d: Landscape) -> list:
    """IPC main groups with the recent and previous windows and the fastest-growing sizeable groups."""
    if not d.ipc_groups:
        return []
    titles = ipc_titles("group")
    rows = [{**r, "title": titles.get(r["ipc_group"], "")} for r in d.ipc_groups]
    hot = sorted((r for r in rows if r["recent"] >= HOTSPOT_MIN and r["growth"] is not None),
                 key=lambda r: (-r["growth"], r["ipc_group"]))[:5]  # fmt: skip
    cols = {"ipc_group": t("ls_tech_group"), "title": t("ls_tech_group_title"), "count": t("ls_tech_apps"),
            "share": t("ls_tech_share"), "recent": t("ls_tech_recent"), "previous": t("ls_tech_previous"),
            "growth": t("ls_tech_growth")}  # fmt: skip
    table = C.DataTable(cols, rows[:TOP], t("ls_tech_group_table"),
                        {"count": "int", "share": "pct", "recent": "int", "previous": "int", "growth": "pct"})  # fmt: skip
    last = d.last_complete
    text = t("ls_tech_group_text", a=last - 2, b=last, c=last - 5, d=last - 3)
    if hot:
        listed = W.listing([t("ls_tech_hot_item", g=r["ipc_group"], p=f"{r['growth']:+.1%}") for r in hot])
        text += t("ls_tech_hot", min=HOTSPOT_MIN, listed=listed)
    return [text, table]
