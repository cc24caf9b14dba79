"""The lapsed-patent compilation (战略性新兴产业失效专利文献汇编): ``seip report lapsed --sei 1.5 [--since 2020]
[--region 省份] [--query Q] --out 失效专利汇编.pdf``.

May import: seip.analysis, seip.store, seip.taxonomy, seip.reports, seip.errors, stdlib, ibis, pyarrow.

The entries are :func:`seip.analysis.lapsed.lapsed_table` (reason and date of the end, most valuable first),
narrowed to a search query (before the table is made, so an application counts when any of its documents
matches) and to the first applicant's province, with an abstract excerpt and a group: the IPC subclass of the
main classification, or the technology branch of the patent map (:mod:`seip.reports.patent_map`). Two documents
come out: a formatted workbook of every entry (:mod:`seip.reports.lapsed_book`) and a PDF/HTML (cover, findings,
charts of reasons and years, then the most valuable entries grouped), both with the same stem. Their words are
the ``lap_`` messages of :mod:`seip.reports.lapsed_text`: Chinese, or English under ``seip --lang en``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from seip import i18n
from seip.analysis import lapsed, stats
from seip.analysis._backend import connect, tables
from seip.analysis.value_cache import cached_values
from seip.errors import SeipError
from seip.reports import charts as C
from seip.reports.builder import FORMATS, Bullets, Note, Report, Section, render
from seip.reports.lapsed_text import BASIS, REASONS, sector
from seip.reports.published import PATENT_TYPES, check_out, cutoff, ipc_titles, sources
from seip.reports.words import count, day, en, ending, pct, place
from seip.store import Corpus

LIMIT = 300  # entries printed in the PDF (the workbook holds all)
EXCERPT = 180  # characters of the abstract


class LapsedReportError(SeipError):
    """The selection is empty or an option cannot be used."""


@dataclass
class Compilation:
    """Every entry (an Arrow table, most valuable first) and what the documents say about them."""

    sei: str | None
    region: str | None
    query: str | None
    since: dt.date | None
    as_of: dt.date
    cutoff: dt.date
    group_by: str
    entries: pa.Table  # lapsed_table columns + abstract, group
    sources: C.DataTable

    @property
    def total(self) -> int:
        return self.entries.num_rows

    def selection(self) -> dict[str, Any]:
        return {"sei": self.sei, "region": self.region, "query": self.query, "since": self.since,
                "as_of": self.as_of}  # fmt: skip


def _abstracts(tb, pubs: pa.Array) -> pa.Table:
    keep = ibis.memtable(pa.table({"_p": pubs}))
    p = tb.patents
    p = p.semi_join(keep, p.pub_number == keep._p)
    return p.select(
        "pub_number", abstract=ibis.coalesce(p.abstract, p.abstract_en, p.first_claim)
    ).to_pyarrow()


def _branches(corpus: Corpus, sei: str | None, query: str | None, pubs: pa.Array, say) -> pa.Array:
    """The patent-map branch of each entry (``n. label``), "not in a technology branch" outside every branch."""
    from seip.reports.landscape_data import REPORT_LAYOUT
    from seip.reports.patent_map import build_map

    pm = build_map(corpus, sei=sei, query=query, title="", layout_sample=REPORT_LAYOUT, progress=say)
    names = [i18n.t("lap_ungrouped")] * (
        len(pm.clusters) + 1
    )  # branch ids run 1, 2, … by size; -1 = in no branch
    for c in pm.clusters:
        names[c.id] = f"{c.id}. {c.label}"
    pos = pc.index_in(pubs, value_set=pm.pub_numbers).fill_null(-1).to_numpy(zero_copy_only=False)
    branch = np.where(pos >= 0, pm.cluster[np.maximum(pos, 0)], -1)
    return pa.array(names).take(pa.array(np.where(branch > 0, branch, 0)))


def gather(
    corpus: Corpus,
    *,
    sei: str | None = None,
    since: dt.date | None = None,
    region: str | None = None,
    query: str | None = None,
    group_by: str = "ipc",
    as_of: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> Compilation:
    """The compilation's entries: lapsed_table of the selection with abstract excerpt and group (the names of
    the catch-all groups, unclassified and in no branch, in the language of the moment)."""
    say = progress or (lambda _: None)
    if group_by not in ("ipc", "branch"):
        raise LapsedReportError(
            f"--group {group_by!r}: choose ipc (IPC subclass) or branch (patent-map branch)"
        )
    if region:
        from seip.analysis.population import RegionError, resolve_region

        try:
            r = resolve_region(region)
        except RegionError as exc:
            raise LapsedReportError(str(exc)) from None
        if r.level != "province":
            raise LapsedReportError(f"{region}: give a province (the first applicant's province is compared)")
        region = r.name
    say("analysis")
    engine = connect(corpus)
    tb = tables(engine)
    cut = cutoff(tb)
    day = as_of or dt.date.today()
    say("value")
    values = cached_values(engine, tb, day)
    sel = tb
    if query:
        from seip.store.search import match_numbers

        sel = stats.restrict(tb, match_numbers(corpus, query))
    say("lapsed")
    t = lapsed.lapsed_table(sel, as_of=day, sei=sei, since=since, values=values).to_pyarrow()
    if region:
        t = t.filter(pc.equal(t.column("province"), pa.scalar(region)))
    if t.num_rows == 0:
        raise LapsedReportError("no lapsed patents match the selection (SEI code, since, region, query)")
    # Renumber after the region filter: rank is the place in this compilation.
    t = t.set_column(t.schema.get_field_index("rank"), "rank", pa.array(range(1, t.num_rows + 1), pa.int64()))
    ab = _abstracts(tb, t.column("pub_number"))
    idx = pc.index_in(t.column("pub_number"), value_set=ab.column("pub_number"))
    text = pc.utf8_trim_whitespace(ab.column("abstract").take(idx))
    short = pc.utf8_slice_codeunits(text, 0, EXCERPT)
    long = pc.greater(pc.utf8_length(text), EXCERPT)
    t = t.append_column("abstract", pc.if_else(long, pc.binary_join_element_wise(short, "…", ""), text))
    if group_by == "branch":
        say("map")
        group = _branches(corpus, sei, query, t.column("pub_number"), say)
    else:
        group = pc.fill_null(pc.utf8_slice_codeunits(t.column("ipc_main"), 0, 4), i18n.t("lap_unclassified"))
    t = t.append_column("group", group)
    return Compilation(sei, region, query, since, day, cut, group_by, t, sources(corpus))


# --- words -------------------------------------------------------------------------------------------------
# Sentences and labels are the ``lap_`` messages of seip.reports.lapsed_text, read in the current language.
T = i18n.t


def scope(d: Compilation) -> str:
    parts = [T("lap_scope_sei", name=sector(d.sei), code=d.sei) if d.sei else T("lap_all")]
    if d.query:
        parts.append(T("lap_scope_query", query=d.query))
    if d.region:
        parts.append(T("lap_scope_region", region=place(d.region)))
    return ("、" if i18n.lang() == "zh" else " ").join(parts)


def title(d: Compilation) -> str:
    region = T("lap_title_region", region=place(d.region)) if d.region else ""
    return T("lap_title", region=region, industry=sector(d.sei))


def counts(t: pa.Table, column: str) -> list[tuple[Any, int]]:
    """Values of ``column`` with their row counts, largest first (ties by value)."""
    g = t.group_by(column).aggregate([(column, "count")]).to_pylist()
    return sorted(((r[column], r[f"{column}_count"]) for r in g), key=lambda x: (-x[1], str(x[0])))


def end_years(t: pa.Table) -> list[dict[str, Any]]:
    """Entries by year of lapse and reason (its label in the current language): the year ended where known
    (``dated``), else the earliest year it can have happened (``ended_after``)."""
    dated = pc.is_valid(t.column("end_date"))
    y = pc.year(pc.coalesce(t.column("end_date"), t.column("ended_after")))
    g = pa.table({"year": y, "reason": t.column("reason"), "dated": dated})
    g = g.filter(pc.is_valid(y)).group_by(["year", "reason", "dated"]).aggregate([("year", "count")])
    return sorted(({"year": r["year"], "reason": REASONS[r["reason"]], "dated": r["dated"],
                    "count": r["year_count"]} for r in g.to_pylist()),
                  key=lambda r: (r["year"], r["reason"], not r["dated"]))  # fmt: skip


def holders(t: pa.Table, top: int = 10) -> list[tuple[str, int]]:
    first = pc.utf8_trim_whitespace(
        pc.list_element(pc.split_pattern(pc.fill_null(t.column("applicants"), ""), "; "), 0)
    )
    return [(k, v) for k, v in counts(pa.table({"h": first}), "h") if k][:top]


def _word(d: Compilation, many: bool = False) -> str:
    """``IPC subclass`` or ``technology branch`` (plural with ``many``, for English)."""
    return T(f"lap_word_{'ipc' if d.group_by == 'ipc' else 'branch'}{'_many' if many else ''}")


def _findings(d: Compilation, shown: int) -> list[str]:
    t = d.entries
    since = T("lap_since", date=day(d.since)) if d.since else T("lap_any_time")
    undated = t.num_rows - pc.sum(pc.is_valid(t.column("end_date"))).as_py()
    out = [T("lap_find_total", as_of=day(d.as_of), scope=scope(d), n=count(d.total), s=ending(d.total), since=since,
             undated=count(undated), cutoff=day(d.cutoff))]  # fmt: skip
    items = [
        T("lap_reason_item", reason=REASONS[r], n=count(k), pct=pct(k / d.total))
        for r, k in counts(t, "reason")
    ]
    out.append(T("lap_find_reasons", items=T("lap_item_sep").join(items)))
    years = Counter()
    for r in end_years(t):
        if r["dated"]:
            years[r["year"]] += r["count"]
    if years:
        y, k = max(years.items(), key=lambda x: (x[1], x[0]))
        out.append(T("lap_find_years", dated=count(sum(years.values())), year=y, n=count(k)))
    else:
        out.append(T("lap_find_no_years"))
    scored = pc.sum(pc.is_valid(t.column("value_score"))).as_py()
    core = pc.sum(t.column("core")).as_py() or 0
    best = t.slice(0, 1).to_pylist()[0]
    if scored:
        out.append(T("lap_find_value", scored=count(scored), core=count(core), s=ending(core), are="is" if core == 1 else "are",
                     pub=best["pub_number"], title=best["title"], score=f"{best['value_score']:.1f}",
                     reason=REASONS[best["reason"]]))  # fmt: skip
    groups = counts(t, "group")
    out.append(T("lap_find_groups", word=_word(d, len(groups) != 1), k=len(groups), group=groups[0][0],
                 n=count(groups[0][1])))  # fmt: skip
    top = holders(t, 3)
    if top:
        items = [T("lap_holder_item", holder=h, n=count(k)) for h, k in top]
        out.append(T("lap_find_holders", items=T("lap_list_sep").join(items)))
    out.append(
        T(
            "lap_find_book",
            word=_word(d),
            n=count(shown),
            all=T("lap_find_book_all") if shown == d.total else "",
        )
    )
    return out


# --- chapters ----------------------------------------------------------------------------------------------


def _overview(d: Compilation) -> Section:
    t = d.entries
    reasons = C.DataTable({"reason": T("lap_reason"), "count": T("lap_count"), "share": T("lap_share")},
                          [{"reason": REASONS[r], "count": k, "share": k / d.total} for r, k in counts(t, "reason")],
                          T("lap_by_reason"), {"count": "int", "share": "pct"})  # fmt: skip
    dated, undated = T("lap_dated"), T("lap_undated")
    by_year: Counter = Counter()
    for r in end_years(t):
        by_year[(r["year"], dated if r["dated"] else undated)] += r["count"]
    years = C.DataTable({"year": T("lap_year"), "basis": T("lap_date_basis"), "count": T("lap_count")},
                        [{"year": y, "basis": b, "count": k} for (y, b), k in sorted(by_year.items())],
                        formats={"count": "int"})  # fmt: skip
    kinds = C.DataTable({"type": T("lap_type"), "count": T("lap_count")},
                        [{"type": PATENT_TYPES.get(k, k or T("unknown")), "count": v} for k, v in counts(t, "patent_type")],
                        T("lap_by_type"), {"count": "int"})  # fmt: skip
    titles = ipc_titles()
    ipc = d.group_by == "ipc"
    groups = [
        {"group": g, "title": titles.get(g, "") if ipc else "", "count": k}
        for g, k in counts(t, "group")[:15]
    ]
    word = T("lap_group_ipc" if ipc else "lap_group_branch")
    gt = C.DataTable({"group": word, "title": T("lap_ipc_title"), "count": T("lap_count")}, groups,
                     formats={"count": "int"})  # fmt: skip
    if not ipc:
        gt.columns.pop("title")
    top = C.DataTable({"holder": T("lap_holder"), "count": T("lap_count")},
                      [{"holder": h, "count": k} for h, k in holders(t)], T("lap_top_holders"), {"count": "int"})  # fmt: skip
    blocks: list = [
        T("lap_intro"),
        C.donut("reasons", T("lap_reasons_chart"), reasons, "reason", "count",
                note=T("lap_reasons_note", n=count(d.total), s=ending(d.total))),
        reasons,
    ]  # fmt: skip
    if years.rows:
        fig = C.bar(
            "end_years", T("lap_years_chart"), years, "year", "count", color="basis", note=T("lap_years_note")
        )
        color = fig.spec["encoding"]["color"]
        color["scale"] = {"domain": [dated, undated], "range": [C.PALETTE[0], "#a9c4de"]}
        color["legend"] = {"labelLimit": 320}  # the English labels are longer than the default 160 px
        blocks.append(fig)
    blocks += [
        C.bar("groups", T("lap_groups_chart_ipc" if ipc else "lap_groups_chart_branch"), gt, "group",
              "count", horizontal=True, sort_by_value=True, height=max(160, 22 * len(groups))),
        kinds,
    ]  # fmt: skip
    if top.rows:
        blocks.append(top)
    return Section(T("lap_overview"), blocks)


def _entry(r: dict[str, Any]) -> list:
    if r["end_date"]:
        end = T("lap_end_dated", date=r["end_date"], basis=BASIS[r["end_basis"]])
    else:
        end = T("lap_end_after", date=r["ended_after"]) if r["ended_after"] else T("lap_end_unknown")
    score = f"{r['value_score']:.1f}" if r["value_score"] is not None else "—"
    meta = [T("lap_meta_holder", x=r["applicants"] or "—"), T("lap_meta_app", x=r["app_number"] or "—"),
            T("lap_meta_filed", x=r["app_date"] or "—"), T("lap_meta_granted", x=r["grant_date"] or "—"),
            T("lap_meta_end", reason=REASONS[r["reason"]], end=end),
            T("lap_meta_value", score=score, core=T("lap_meta_core") if r["core"] else ""),
            T("lap_meta_ipc", x=r["ipc_main"] or "—")]  # fmt: skip
    blocks: list = [
        f"**{r['rank']}. {r['pub_number']}　{r['title'] or T('lap_untitled')}**",
        Note(T("lap_meta_sep").join(meta)),
    ]
    if r["abstract"]:
        blocks.append(Note(T("lap_abstract", text=r["abstract"])))
    return blocks


def _compilation(d: Compilation, limit: int) -> Section:
    shown = d.entries.slice(0, limit) if limit else d.entries
    titles = ipc_titles()
    order = [g for g, _ in counts(shown, "group")]
    children = []
    rows = shown.to_pylist()
    for g in order:
        mine = [r for r in rows if r["group"] == g]
        name = T("lap_group_name", group=g, title=titles[g]) if d.group_by == "ipc" and g in titles else g
        blocks = [T("lap_group_head", n=count(len(mine)), s=ending(len(mine)))]
        for r in mine:
            blocks += _entry(r)
        children.append(Section(name, blocks))
    word = T("lap_chapter_ipc" if d.group_by == "ipc" else "lap_chapter_branch")
    intro = T("lap_chapter_intro", word=word)
    if len(rows) < d.total:
        intro += T("lap_chapter_limit", n=count(len(rows)), total=count(d.total))
    return Section(T("lap_chapter"), [intro], children)


def _method(d: Compilation) -> Section:
    notes = lapsed.notes(d.selection(), d.total, en=en())
    group = T("lap_method_ipc" if d.group_by == "ipc" else "lap_method_branch")
    cmd = (
        "seip lapsed"
        + (f" --sei {d.sei}" if d.sei else "")
        + (f" --since {d.since:%Y-%m-%d}" if d.since else "")
    )
    cmd += f" --as-of {d.as_of:%Y-%m-%d} --out {T('lap_method_file')}"
    return Section(T("lap_method"), [
        T("lap_method_scope", scope=scope(d), as_of=day(d.as_of), cutoff=day(d.cutoff)),
        Bullets([T("lap_method_note", k=k, v=v) for k, v in notes[1:]] + [
            T("lap_method_group", group=group),
            T("lap_method_sei"),
            T("lap_method_region"),
            T("lap_method_cmd", cmd=cmd),
        ]),
        d.sources,
    ])  # fmt: skip


def provenance(d: Compilation) -> list[tuple[str, str]]:
    """The facts of the data notes: scope, dates, count."""
    return [(T("lap_scope"), scope(d)), (T("lap_since_label"), d.since.isoformat() if d.since else "—"),
            (T("lap_as_of"), d.as_of.isoformat()), (T("lap_cutoff"), d.cutoff.isoformat()),
            (T("lap_total"), f"{d.total:,}"), (T("lap_generated"), dt.date.today().isoformat())]  # fmt: skip


def build_report(d: Compilation, publisher: str = "", limit: int = LIMIT) -> Report:
    shown = min(limit, d.total) if limit else d.total
    since = T("lap_subtitle_since", date=day(d.since)) if d.since else ""
    return Report(title(d), T("lap_subtitle", since=since, cutoff=day(d.cutoff)), publisher, dt.date.today(),
                  _findings(d, shown), [_overview(d), _compilation(d, limit), _method(d)], provenance(d))  # fmt: skip


def lapsed_report(
    corpus: Corpus,
    out: str | Path,
    *,
    sei: str | None = None,
    since: dt.date | None = None,
    region: str | None = None,
    query: str | None = None,
    group_by: str = "ipc",
    limit: int = LIMIT,
    as_of: dt.date | None = None,
    publisher: str = "",
    formats: tuple[str, ...] | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Compilation, dict[str, Path]]:
    """Gather the compilation and write the workbook (``.xlsx``) and the PDF/HTML with the same stem."""
    from seip.reports.fonts import cjk_fonts
    from seip.reports.lapsed_book import write_book

    cjk_fonts()
    out, formats = check_out(out, formats)
    if limit < 0:
        raise LapsedReportError("--limit must be 0 (every entry) or more")
    d = gather(corpus, sei=sei, since=since, region=region, query=query, group_by=group_by, as_of=as_of,
               progress=progress)  # fmt: skip
    written: dict[str, Path] = {}
    typeset = tuple(f for f in formats if f != "xlsx")
    if typeset:
        if progress:
            progress("compose")
        report = build_report(d, publisher, limit)
        written.update(render(report, out.with_suffix(f".{typeset[0]}"), typeset, progress=progress))
    if "xlsx" in formats:
        if progress:
            progress("xlsx")
        written["xlsx"] = write_book(d, out.with_suffix(".xlsx"), publisher)
    return d, {f: written[f] for f in FORMATS if f in written}
