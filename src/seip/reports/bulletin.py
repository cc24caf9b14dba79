"""The warning bulletin (专利预警通报): ``seip report warning [--sei 1.5] [--region 黑龙江省] [--year Y]``.

May import: seip.analysis, seip.store, seip.taxonomy, seip.reports, seip.errors, stdlib, altair.

Everything measured comes, through :mod:`seip.reports.bulletin_data`, from :mod:`seip.analysis.warning` (the
YAML indicator system, levels 无警…巨警) and,
for the watchlists, :mod:`seip.analysis.watch` — read only: a bulletin never records a watch run, so the next
``seip watch run`` still reports the same news. The bulletin says, in order: how many alerts at each level (most
severe first, in sentences written from the counts), every alert with its evidence (value, the threshold that set
its level, the history drawn against the thresholds, numerator and denominator, the command that reproduces
it), what is new for the watched items, what to do per kind of indicator, every indicator value of every SEI
category × region, and the method (the rules with their thresholds).

Chinese by default, English under ``--lang en``: every word comes from :mod:`seip.reports.bulletin_text`, read when
the report is built. Data (regions, applicants, watched names) stays as stored.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import altair as alt

from seip.analysis import warning
from seip.i18n import t
from seip.reports import bulletin_text as W
from seip.reports import charts as C
from seip.reports.builder import Bullets, Note, Report, Section, render
from seip.reports.bulletin_data import Bulletin, BulletinError, Rows, gather
from seip.reports.published import check_out, region_label, sei_key
from seip.reports.words import count, day, en, industry, listing, num, pct, plural, sei_label
from seip.store import Corpus

__all__ = ["Bulletin", "BulletinError", "build_report", "bulletin", "gather"]
DETAILS = 30  # alerts given a subsection of their own (the most severe first); the others are in the tables
LEVEL_COLOURS = ["#9e9e9e", "#e0b800", "#e07b00", "#c62828", "#6a0d0d"]


# --- words -------------------------------------------------------------------------------------------------


def _scope(b: Bulletin) -> str:
    what = t("bul_scope_sei", sei=sei_label(b.sei)) if b.sei else t("bul_scope_all")
    return (
        t("bul_scope_region", what=what, region=b.region) if b.region else t("bul_scope_provinces", what=what)
    )


def fmt_value(v: float | None, unit: str) -> str:
    """A warning value in its unit: shares as %, relative changes as signed %, places and counts as integers."""
    if v is None:
        return "—"
    if unit == "share":
        return pct(v)
    if unit == "ratio":
        return f"{v:+.1%}"
    if unit in ("places", "applications", "patents"):
        return f"{v:+.0f}" if unit == "places" else count(v)
    return num(v, 1)


def _threshold(spec: warning.Spec, level: int) -> float:
    return spec.thresholds[level - 1]


def _findings(b: Bulletin) -> list[str]:
    now = [r for r in b.rows if r["year"] == b.year]
    evaluated = sum(r["level"] is not None for r in now)
    out = [
        t("bul_f_intro", rules=Path(b.rules.source).name, k=len(b.rules.indicators), scope=_scope(b), year=b.year,
          cutoff=day(b.cutoff), as_of=day(b.as_of), values=count(len(now)), evaluated=count(evaluated))
    ]  # fmt: skip
    by_level = Counter(a["level"] for a in b.alerts)
    if not b.alerts:
        out.append(t("bul_f_none", year=b.year, level=W.level(b.rules, 1, capital=False)))
    else:
        parts = [t("bul_f_part", level=W.level(b.rules, k, capital=False), k=by_level[k]) for k in (4, 3, 2, 1)
                 if by_level[k]]  # fmt: skip
        out.append(t("bul_f_alerts", n=len(b.alerts), parts=listing(parts)))
        top = b.alerts[0]["level"]
        worst = [a for a in b.alerts if a["level"] == top]
        for a in worst[:3]:
            spec = b.rules.get(a["indicator"])
            out.append(
                t("bul_f_worst", level=W.level(b.rules, top, capital=False), Level=W.level(b.rules, top),
                  subject=W.subject(a), value=fmt_value(a["value"], a["unit"]),
                  rel=t("bul_reached" if spec.direction == "high" else "bul_below"),
                  threshold=fmt_value(_threshold(spec, top), a["unit"]))
            )  # fmt: skip
        if len(worst) > 3:
            out.append(t("bul_f_more", k=len(worst) - 3, level=W.level(b.rules, top, capital=False)))
        kind, k = Counter(a["indicator"] for a in b.alerts).most_common(1)[0]
        seis = len({a["sei"] for a in b.alerts if a["indicator"] == kind})
        out.append(
            t("bul_f_kind", name=W.spec_name(b.rules.get(kind)), k=k, alerts=plural(k, "alert"),
              seis=count(seis) if not en() else plural(seis, "SEI category", "SEI categories"))
        )  # fmt: skip
    if b.region:
        mine = [a for a in b.alerts if a["region"] == b.region]
        out.append(
            t("bul_f_region", region=b.region, k=len(mine))
            + (
                t("bul_f_region_top", level=W.levels(b.rules)[mine[0]["level"]],
                  name=W.alert_name(mine[0]), sei=sei_label(mine[0]["sei"]))
                if mine
                else t("bul_f_region_end")
            )
        )  # fmt: skip
    if b.watches:
        new = sum(w["new_patents"] for w in b.watches)
        ev = sum(w["new_events"] for w in b.watches)
        if en():
            words = (
                plural(len(b.watches), "watch", "watches"),
                plural(new, "new patent"),
                plural(ev, "new legal event"),
            )
        else:
            words = str(len(b.watches)), count(new), count(ev)
        out.append(t("bul_f_watches", **dict(zip(("k", "new", "events"), words, strict=True))))
    return out


# --- chapters ----------------------------------------------------------------------------------------------


def _overview(b: Bulletin) -> Section:
    levels = W.levels(b.rules)
    per_level = Counter(a["level"] for a in b.alerts)
    by_level = C.DataTable({"level": t("bul_level"), "count": t("bul_count")},
                           [{"level": levels[k], "count": per_level[k]} for k in (4, 3, 2, 1)], t("bul_by_level"),
                           {"count": "int"})  # fmt: skip
    kinds = Counter((W.short_name(b.rules.get(a["indicator"])), levels[a["level"]]) for a in b.alerts)
    by_kind = C.DataTable({"name": t("bul_indicator"), "level": t("bul_level"), "count": t("bul_count")},
                          [{"name": k[0], "level": k[1], "count": v} for k, v in sorted(kinds.items())],
                          formats={"count": "int"})  # fmt: skip
    rows = [{"no": i, "level": levels[a["level"]],
             "name": W.alert_name(a) + (t("bul_subject_who", who=a["subject"]) if a["subject"] else ""),
             "sei": sei_label(a["sei"]), "region": region_label(a["region"]), "value": fmt_value(a["value"], a["unit"]),
             "threshold": fmt_value(_threshold(b.rules.get(a["indicator"]), a["level"]), a["unit"])}
            for i, a in enumerate(b.alerts, 1)]  # fmt: skip
    cols = {k: t(f"bul_{k}") for k in ("no", "lv", "indicator", "sei", "region", "value", "threshold")}
    table = C.DataTable(dict(zip(("no", "level", "name", "sei", "region", "value", "threshold"), cols.values(),
                                 strict=True)), rows, t("bul_alert_list", year=b.year))  # fmt: skip
    blocks: list = [
        t(
            "bul_overview",
            levels=listing(levels),
            year=b.year,
            n=len(b.alerts),
            k=min(DETAILS, len(b.alerts)),
        ),
        by_level,
    ]
    if b.alerts:
        order = levels[1:][::-1]
        fig = C.bar("alert_kinds", t("bul_kinds_fig"), by_kind, "name", "count", color="level", horizontal=True,
                    note=t("bul_kinds_note"))  # fmt: skip
        fig.spec["encoding"]["color"]["scale"] = {"domain": order, "range": LEVEL_COLOURS[1:][::-1]}
        fig.spec["encoding"]["color"]["sort"] = order
        blocks += [fig, table]
    return Section(t("bul_ch_overview"), blocks)


def _history_figure(key: str, title: str, rows: Rows, spec: warning.Spec, levels: list[str]) -> C.Figure:
    """The indicator over the years, points coloured by level, the four thresholds as dashed rules."""
    table = C.DataTable({"year": t("bul_year"), "value": t("bul_value"), "level": t("bul_lv"),
                         "numerator": t("bul_numerator"), "denominator": t("bul_denominator"), "base": t("bul_base")},
                        rows, formats={"value": "num", "numerator": "num", "denominator": "num",
                                       "base": "num"})  # fmt: skip
    data = alt.Data(
        values=[{k: r[k] for k in ("year", "value", "level")} for r in rows if r["value"] is not None]
    )
    x = alt.X("year:O", title=t("bul_filing_year"))
    y = alt.Y("value:Q", title=t("bul_axis", name=W.spec_name(spec), unit=W.UNITS.get(spec.unit, spec.unit)))
    scale = alt.Scale(domain=[*levels, t("bul_not_assessed")], range=[*LEVEL_COLOURS, "#d0d0d0"])
    line = alt.Chart(data).mark_line(color=C.PALETTE[0]).encode(x=x, y=y)
    points = alt.Chart(data).mark_point(filled=True, size=70).encode(
        x=x, y=y, color=alt.Color("level:N", scale=scale, title=t("bul_lv")),
        tooltip=[alt.Tooltip("year:O", title=t("bul_year")),
                 alt.Tooltip("value:Q", title=t("bul_value"), format=".4~g"),
                 alt.Tooltip("level:N", title=t("bul_lv"))],
    )  # fmt: skip
    marks = alt.Data(values=[{"t": v, "label": f"{levels[i + 1]} {v:g}", "level": levels[i + 1]}
                             for i, v in enumerate(spec.thresholds)])  # fmt: skip
    rules = (
        alt.Chart(marks)
        .mark_rule(strokeDash=[4, 3], opacity=0.8)
        .encode(y="t:Q", color=alt.Color("level:N", scale=scale, legend=None))
    )
    text = (
        alt.Chart(marks)
        .mark_text(align="right", dy=-5, fontSize=9)
        .encode(
            y="t:Q",
            text="label:N",
            x=alt.value(C.WIDTH - 4),
            color=alt.Color("level:N", scale=scale, legend=None),
        )
    )
    chart = alt.layer(rules, text, line, points).properties(width=C.WIDTH, height=200)
    out = chart.to_dict()
    out["config"] = C.theme()
    return C.Figure(key, title, out, table, t("bul_history_note"))


def _detail(b: Bulletin, i: int, a: dict) -> Section:
    spec = b.rules.get(a["indicator"])
    lvl = a["level"]
    unit = a["unit"]
    nxt = (
        t("bul_next", level=W.level(b.rules, lvl + 1, capital=False), threshold=fmt_value(spec.thresholds[lvl], unit))
        if lvl < 4
        else ""
    )  # fmt: skip

    def part(v: float | None, text: str) -> str:
        return text.format(v=pct(v) if spec.measure in W.SHARE_PARTS else num(v, 1))

    bottom = W.DENOMINATORS[spec.measure]
    basis = t("bul_num_part", text=part(a["numerator"], W.NUMERATORS[spec.measure])) + (
        t("bul_den_part", text=part(a["denominator"], bottom)) if bottom else ""
    )
    series = sorted((r for r in b.rows if (r["indicator"], r["sei"], r["region"], r["subject"] or None)
                     == (a["indicator"], a["sei"], a["region"], a["subject"])), key=lambda r: r["year"])  # fmt: skip
    levels = W.levels(b.rules)
    hist = [
        {**r, "level": levels[r["level"]] if r["level"] is not None else t("bul_not_assessed")}
        for r in series
    ]
    blocks: list = [
        t("bul_evidence", year=a["year"], name=W.spec_name(spec), value=fmt_value(a["value"], unit),
          rel=t("bul_at_least" if spec.direction == "high" else "bul_at_most"),
          level=W.level(b.rules, lvl, capital=False), threshold=fmt_value(_threshold(spec, lvl), unit), next=nxt,
          basis=basis, base=num(a["base"], 1), min_base=num(spec.min_base)),
    ]  # fmt: skip
    if len(hist) > 1:
        title = t(
            "bul_history_fig",
            name=W.spec_name(spec),
            sei=sei_label(a["sei"]),
            region=region_label(a["region"]),
        )
        blocks.append(_history_figure(f"alert_{i}", title, hist, spec, levels))
    else:
        blocks.append(t("bul_no_history"))
    blocks.append(Note(t("bul_command", cmd=a["command"])))
    return Section(t("bul_alert_title", level=levels[lvl], subject=W.subject(a)), blocks)


def _details(b: Bulletin) -> Section:
    shown = b.alerts[:DETAILS]
    which = t("bul_details_all") if len(shown) == len(b.alerts) else t("bul_details_top", k=len(shown))
    blocks: list = [t("bul_details", which=which)]
    if not b.alerts:
        blocks = [t("bul_details_none", year=b.year, level=W.level(b.rules, 1, capital=False))]
    return Section(t("bul_ch_details"), blocks, [_detail(b, i, a) for i, a in enumerate(shown, 1)])


def _watches(b: Bulletin) -> Section:
    if not b.watches:
        return Section(t("bul_ch_watches"), [t("bul_no_watches")])
    rows = [{"id": w["watch_id"], "kind": W.WATCH_KINDS.get(w["kind"], w["kind"]), "value": w["value"],
             "label": w["label"], "matched": w["matched"], "new": w["new_patents"], "updated": w["updated_patents"],
             "events": w["new_events"]} for w in b.watches]  # fmt: skip
    keys = ("id", "kind", "value", "label", "matched", "new", "updated", "events")
    summary = C.DataTable({k: t(f"bul_w_{k}") for k in keys}, rows, t("bul_w_summary"),
                          {"matched": "int", "new": "int", "updated": "int", "events": "int"})  # fmt: skip
    blocks: list = [t("bul_w_intro"), summary]
    new = [{"watch": w["value"], **p} for w in b.watches for p in w["new"]]
    if new:
        cols = {"watch": t("bul_w_value")} | {k: t(f"bul_w_{k}") for k in ("pub_number", "title", "applicants",
                                                                         "pub_date")}  # fmt: skip
        blocks.append(C.DataTable(cols, new, t("bul_w_new_list")))
    return Section(t("bul_ch_watches"), blocks)


def _responses(b: Bulletin) -> Section:
    fired = {b.rules.get(a["indicator"]).measure for a in b.alerts}
    items: list[tuple[str, str]] = []
    for spec in b.rules.indicators:
        if spec.measure in W.RESPONSES and spec.measure not in {i[0] for i in items}:
            items.append((spec.measure, W.spec_name(spec)))
    bullets = [t("bul_response", name=name, fired=t("bul_fired") if m in fired else "", text=W.RESPONSES[m])
               for m, name in items]  # fmt: skip
    return Section(t("bul_ch_responses"), [t("bul_responses"), Bullets(bullets)])


def _matrix(b: Bulletin) -> Section:
    now = [r for r in b.rows if r["year"] == b.year]
    levels = W.levels(b.rules)
    blocks: list = [t("bul_matrix", year=b.year)]
    for scope, title in (("sei", t("bul_national")), ("sei_region", t("bul_regional"))):
        specs = [s for s in b.rules.indicators if s.scope == scope]
        cells: dict[tuple, dict] = {}
        for r in now:
            s = b.rules.get(r["indicator"])
            if s.scope != scope or r["value"] is None:
                continue
            key = (r["sei"], r["region"])
            text = fmt_value(r["value"], s.unit)
            if r["level"] is None:
                text += "*"
            elif r["level"] > 0:
                text += t("bul_in_brackets", level=levels[r["level"]])
            if r["subject"]:  # a watched competitor: one entry per competitor, named
                text = f"{r['subject']} {text}"
            row = cells.setdefault(key, {"sei": sei_label(r["sei"]), "region": region_label(r["region"])})
            row[s.id] = f"{row[s.id]}{t('bul_cell_sep')}{text}" if s.id in row else text
        if not cells:
            continue
        cols = {"sei": t("bul_sei"), "region": t("bul_region")} | {s.id: W.short_name(s) for s in specs}
        rows = [cells[k] for k in sorted(cells, key=lambda k: (sei_key(k[0]), k[1]))]
        blocks.append(C.DataTable(cols, rows, t("bul_matrix_title", title=title, year=b.year)))
    return Section(t("bul_ch_matrix"), blocks)


def _method(b: Bulletin) -> Section:
    rows = [{"id": s.id, "name": W.spec_name(s), "measure": W.MEASURES.get(s.measure, s.measure),
             "scope": t("bul_m_national" if s.scope == "sei" else "bul_m_province"),
             "direction": t("bul_m_high" if s.direction == "high" else "bul_m_low"),
             **{f"t{i}": fmt_value(v, s.unit) for i, v in enumerate(s.thresholds, 1)},
             "min_base": int(s.min_base) if s.min_base.is_integer() else s.min_base}
            for s in b.rules.indicators]  # fmt: skip
    lv = W.levels(b.rules)
    cols = {k: t(f"bul_m_{k}") for k in ("id", "name", "measure", "scope", "direction")}
    if en():  # English words are wider: the four thresholds share one column, as "15.0% · 25.0% · …"
        for r in rows:
            r["t"] = " · ".join(r.pop(f"t{i}") for i in range(1, 5))
        cols["t"] = t("bul_m_threshold_col", levels=" · ".join(lv[1:]))
    else:
        cols |= {"t1": lv[1], "t2": lv[2], "t3": lv[3], "t4": lv[4]}
    table = C.DataTable(cols | {"min_base": t("bul_m_min_base")}, rows,
                        t("bul_m_table", rules=Path(b.rules.source).name), {"min_base": "num"})  # fmt: skip
    cmd = "seip warn" + (f" --sei {b.sei}" if b.sei else "") + (f" --region {b.region}" if b.region else "")
    cmd += f" --year {b.year} --as-of {b.as_of.isoformat()} --min-level 0 --json"
    cmd += f" --rules {b.rules_file}" if b.rules_file else ""
    low = [W.level(b.rules, k, capital=False) for k in range(5)]
    return Section(t("bul_ch_method"), [
        t("bul_m_scope_text", scope=_scope(b), year=b.year, history=b.rules.history, trailing=b.rules.trailing,
          office=t("bul_m_office", office=b.rules.office) if b.rules.office else t("bul_m_any_office")),
        table,
        Bullets([
            t("bul_m_levels", **{f"l{k}": v for k, v in enumerate(low)}),
            t("bul_m_base"), t("bul_m_core"), t("bul_m_competitors"), t("bul_m_reproduce", cmd=cmd),
            t("bul_m_thresholds"),
        ]),
        b.sources,
    ])  # fmt: skip


def build_report(b: Bulletin, publisher: str = "") -> Report:
    """The bulletin as a :class:`Report`, in the current language."""
    what = industry(b.sei) if b.sei else t("bul_title_all")
    region = t("bul_title_region", region=b.region) if b.region else ""
    title = t("bul_title", region=region, what=what[:1].upper() + what[1:])
    subtitle = t("bul_subtitle", year=b.year, cutoff=day(b.cutoff))
    sections = [_overview(b), _details(b), _watches(b), _responses(b), _matrix(b), _method(b)]
    provenance = [(t("bul_p_scope"), _scope(b)), (t("bul_p_year"), str(b.year)), (t("bul_p_as_of"), b.as_of.isoformat()),
                  (t("bul_p_cutoff"), b.cutoff.isoformat()), (t("bul_p_rules"), b.rules.source),
                  (t("bul_p_alerts"), str(len(b.alerts))), (t("bul_p_generated"), dt.date.today().isoformat())]  # fmt: skip
    return Report(title, subtitle, publisher, dt.date.today(), _findings(b), sections, provenance)


def bulletin(
    corpus: Corpus,
    out: str | Path,
    *,
    sei: str | None = None,
    region: str | None = None,
    year: int | None = None,
    as_of: dt.date | None = None,
    rules_file: Path | None = None,
    publisher: str = "",
    formats: tuple[str, ...] | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Bulletin, dict[str, Path]]:
    """Gather, write and render the bulletin; returns the figures and the files written by format."""
    from seip.reports.fonts import cjk_fonts

    cjk_fonts()
    out, formats = check_out(out, formats)
    data = gather(
        corpus, sei=sei, region=region, year=year, as_of=as_of, rules_file=rules_file, progress=progress
    )
    if progress:
        progress("compose")
    return data, render(build_report(data, publisher), out, formats, progress=progress)
