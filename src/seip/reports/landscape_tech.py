"""The landscape report's chapter on technology composition (技术构成): IPC subclasses, WIPO technology fields,
IPC main groups with their recent growth (hotspots), and SEI categories when a whole industry is chosen.

May import: seip.reports, seip.taxonomy, stdlib.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from seip.reports import charts as C
from seip.reports.builder import Section
from seip.reports.landscape_data import TOP, Landscape

#: WIPO fields shown in the chart and table (of 35).
TOP_FIELDS = 15
#: A main group is a hotspot only with at least this many filings in the recent window (the growth of tiny
#: groups says nothing).
HOTSPOT_MIN = 20


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
    ipc = C.DataTable({"ipc4": "IPC 小类", "title": "小类名称（英文）", "count": "申请量（件）", "share": "占比"}, rows,
                      "主要 IPC 小类", {"count": "int", "share": "pct"})  # fmt: skip
    blocks: list = [
        "按 IPC 小类统计（一件申请的每个不同小类各计一次，占比之和可能大于 100%）。",
        C.bar(
            "ipc",
            "主要 IPC 小类申请量",
            ipc,
            "ipc4",
            "count",
            horizontal=True,
            sort_by_value=True,
            height=330,
            note=note,
        ),
        ipc,
    ]
    blocks += _wipo(d, note) + _groups(d)
    if d.sei_parts:
        from seip.taxonomy.sei import categories

        parts = [{**r, "name": getattr(categories().get(r["sei"]), "name", r["sei"])} for r in d.sei_parts]
        sei = C.DataTable({"sei": "代码", "name": "战略性新兴产业分类", "count": "申请量（件）", "share": "占比"}, parts,
                          formats={"count": "int", "share": "pct"})  # fmt: skip
        chart = C.bar("sei_parts", "战略性新兴产业二级分类申请量", sei, "name", "count", horizontal=True,
                      sort_by_value=True, note=note)  # fmt: skip
        blocks.append(chart)
    return Section("技术构成", blocks)


def _wipo(d: Landscape, note: str) -> list:
    """The WIPO technology fields: a sentence, a chart coloured by sector, the table."""
    from seip.taxonomy.wipo import wipo_fields

    if not d.wipo:
        return []
    names = wipo_fields()
    rows = [{**r, "name": f"{r['wipo_field']} {names[r['wipo_field']].field_zh}",
             "sector": names[r["wipo_field"]].sector_zh} for r in d.wipo[:TOP_FIELDS]]  # fmt: skip
    table = C.DataTable({"name": "WIPO 技术领域", "sector": "技术部门", "count": "申请量（件）", "share": "占比",
                         "recent": "近三年", "growth": "较前三年增长"}, rows, "WIPO 技术领域",
                        {"count": "int", "share": "pct", "recent": "int", "growth": "pct"})  # fmt: skip
    top = rows[0]
    text = (f"按世界知识产权组织（WIPO）35 个技术领域统计，申请量最多的是**{names[top['wipo_field']].field_zh}**"
            f"（{top['count']:,} 件，占 {top['share']:.1%}），属{top['sector']}部门。")  # fmt: skip
    chart = C.bar("wipo", "WIPO 技术领域申请量", table, "name", "count", color="sector", horizontal=True,
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
    table = C.DataTable({"ipc_group": "IPC 大组", "title": "大组名称（英文）", "count": "申请量（件）", "share": "占比",
                         "recent": "近三年", "previous": "前三年", "growth": "增长"}, rows[:TOP], "主要 IPC 大组",
                        {"count": "int", "share": "pct", "recent": "int", "previous": "int", "growth": "pct"})  # fmt: skip
    last = d.last_complete
    text = (f"按 IPC 大组统计（G06F16 即 G06F 16/00 及其下位组）；“近三年”为 {last - 2}—{last} 年的申请量，"
            f"“前三年”为 {last - 5}—{last - 3} 年。")  # fmt: skip
    if hot:
        listed = "、".join(f"{r['ipc_group']}（{r['growth']:+.1%}）" for r in hot)
        text += f"近三年申请量不少于 {HOTSPOT_MIN} 件的大组中，增长最快的是 {listed}。"
    return [text, table]
