"""The industry patent navigation report (产业专利导航报告, GB/T 39551):
``seip report navigation --sei 1.5 --region 黑龙江省 [--query Q]``.

May import: seip.reports, seip.analysis, seip.store, seip.taxonomy, seip.i18n, stdlib.

Chapters follow the industry navigation of GB/T 39551: 产业发展方向 (trends, life cycle, hotspots, players),
区域产业定位 (structure, enterprises, technology, talent, operations), 发展路径 (technologies, enterprises,
talent, cooperation, operations) and 清单 (enterprises, inventor teams, patents to license or acquire, lapsed
patents to reuse), then the method. Every sentence is written from the numbers of
:mod:`seip.reports.navigation_data` with the templates of :mod:`seip.reports.navigation_text`: Chinese by
default, English under ``--lang en``. The life-cycle chapter is the landscape report's own.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seip.i18n import t
from seip.reports import charts as C
from seip.reports import navigation_text as nt
from seip.reports import words
from seip.reports.builder import FORMATS, Bullets, Report, ReportError, Section, render
from seip.reports.landscape import APPLICANT_TYPES, OFFICES, REASONS, lifecycle_section
from seip.reports.navigation_data import (
    HOT_MIN,
    HOT_MIN_SHARE,
    HOT_TOP,
    STRONG,
    WEAK,
    Navigation,
    Rows,
    gather,
)
from seip.reports.navigation_text import change, count, grew, heads
from seip.reports.topo import figure as map_figure
from seip.reports.words import cap, en, listing, ordinal, paren, pct, semi
from seip.store import Corpus
from seip.taxonomy.wipo import wipo_fields

INT = "int"


def _growth(k: dict, j: str = "n_j", b: str = "n_b") -> float | None:
    return k[j] / k[b] - 1 if k.get(b) else None


def position(rta: float | None, n: int) -> str:
    """strong (RTA ≥ STRONG with at least 3 applications), weak (RTA < WEAK), none (no application), else even."""
    if not n:
        return "none"
    if rta is not None and rta >= STRONG and n >= 3:
        return "strong"
    return "weak" if rta is not None and rta < WEAK else "even"


def _pos(g: dict) -> str:
    return position(g["r_rta"], g["r_n"] or 0)


def _scope(d: Navigation) -> str:
    return nt.scope(d.sei, d.query)


def _note(d: Navigation) -> str:
    return t("nav_note", date=f"{d.cutoff:%Y-%m-%d}")


def _win(d: Navigation) -> tuple[str, str]:
    (j0, j1), (b0, b1) = d.windows
    return t("nav_years", a=j0, b=j1), t("nav_years", a=b0, b=b1)


def _place(x: str | None) -> str:
    return OFFICES.get(x, x) if x and len(x) == 2 else (x or "—")


def _hot(d: Navigation) -> Rows:
    return [g for g in d.t["groups"] if g["hot"]]


def _t(d: Navigation, code: str, width: int = 60) -> str:
    return nt.group_title(d.k.get("terms", {}).get(code, ""), code, width)


def _label(d: Navigation, code: str) -> str:
    """A branch on a chart axis: its code and topic, short enough for the axis (Vega cuts at 220 px)."""
    return f"{code} {_t(d, code, 14 if en() else 22)}"


def _names(d: Navigation, rows: Rows, k: int = 3, titled: bool = True, more: bool = True) -> str:
    """The first ``k`` branches (with their topics); in English a cut list ends with … (``more``), not "and"."""
    names = [r["key"] + (paren(_t(d, r["key"], 24)) if titled and _t(d, r["key"]) else "") for r in rows[:k]]
    cut = more and len(rows) > k
    return listing(names + (["…"] if cut and en() else []), en_sep="; " if titled else ", " if cut else "")


def _strong(d: Navigation) -> Rows:
    return sorted((g for g in d.t["groups"] if _pos(g) == "strong"), key=lambda g: (-g["r_n"], g["key"]))


def _table(cols: dict, rows: Rows, title: str = "", **formats: str) -> C.DataTable:
    return C.DataTable(cols, rows, title, formats)


def _findings(d: Navigation) -> list[str]:
    k, t_, r = d.k, d.t, d.region
    jw, bw = _win(d)
    hot, strong = _hot(d), _strong(d)
    out = [t("nav_f_scale", date=words.long_day(d.cutoff), scope=_scope(d), apps=words.count(k["apps"]), china=count(k["china"]), china_n=words.count(k["china"]),
             china_pct=pct(k["china"] / k["apps"]), jw=jw, bw=bw, g=change(_growth(k)),
             g_cn=change(_growth(k, "china_j", "china_b")), stage=d.judgement["stage_en" if en() else "stage_zh"])]  # fmt: skip
    if hot:
        mults = [grew(g) if not g["n_b"] or g["n_j"] / g["n_b"] >= 3 else t("nav_times", x=g["n_j"] / g["n_b"]) for g in hot[:3]]  # fmt: skip
        out.append(t("nav_f_hot", names=_names(d, hot, more=False), jw=jw, mults=listing(mults)))
    if t_["players"]:
        p0, c0 = t_["players"][0], (t_["players_cn"] or [None])[0]
        out.append(t("nav_f_leader", a=p0["applicant"], n=count(p0["n"]), share=pct(p0["share"]))
                   + (t("nav_f_leader_cn", a=c0["applicant"], n=count(c0["n"])) if c0 else "") + ("." if en() else "。"))  # fmt: skip
    if k["region"]:
        out.append(t("nav_f_region", r=r, n=count(k["region"]), share=pct(k["share"]), peers=k["peers"], p=nt.PEER[d.level],
                     ps=nt.PEERS[d.level], rank=ordinal(k["rank"]) if en() else k["rank"], jw=jw, g=change(_growth(k, "region_j", "region_b")),
                     g_nat=change(_growth(k, "national_j", "national_b"))))  # fmt: skip
    else:
        out.append(t("nav_f_region_none", r=r))
    if strong:
        items = [t("nav_f_strong_item", code=g["key"], n=count(g["r_n"]), rta=g["r_rta"]) for g in strong[:3]]
        out.append(t("nav_f_strong", r=r, strong=STRONG, n=count(len(strong), "branch"), items=listing(items, en_sep="; ")))  # fmt: skip
    weak = [g for g in hot if _pos(g) in ("weak", "none")]
    if weak:
        out.append(
            t("nav_f_weak", r=r, n=count(len(weak), "branch"), names=_names(d, weak, k=4, titled=False))
        )
    a, i, teams, valid, core = (k[x] for x in ("region_applicants", "region_inventors", "region_teams", "region_valid", "region_core"))  # fmt: skip
    out.append(t("nav_f_talent", r=r, a=words.count(a), i=words.count(i), teams=words.count(teams), valid=words.count(valid), core=words.count(core),
                 a_n=count(a, "applicant"), i_n=count(i, "person"), teams_n=count(teams, "team"), valid_n=words.count(valid),
                 core_n=count(core, "core")))  # fmt: skip
    who = [t("nav_team_of", lead=x["lead"], applicant=x["applicant"]) for x in t_["teams_target"][:2]]
    pair = t_["pairs"][0] if t_["pairs"] else None
    if who or pair:
        items = ([t("nav_f_advice_teams", who=listing(who))] if who else []) + (
            [t("nav_f_advice_pair", e=pair["enterprise"], p=pair["partner"])] if pair else [])  # fmt: skip
        out.append(t("nav_f_advice", items=semi(items)))
    out.append(t("nav_f_lists", r=r, lic=words.count(k["licensable"]), reuse=words.count(k["reusable"])))
    return out


# --- 一、产业发展方向 ------------------------------------------------------------------------------------


def _direction(d: Navigation) -> Section:
    k, t_ = d.k, d.t
    jw, bw = _win(d)
    years = [x for x in t_["years"] if x["year"] is not None]
    rows = [{"year": x["year"], "series": s, "n": x[c]} for x in years for s, c in ((t("nav_world"), "world"), (t("nav_cn_applicants"), "china"))]  # fmt: skip
    offices = [{**x, "name": OFFICES.get(x["key"], x["key"] or t("unknown")), "g": grew(x)} for x in t_["offices"][:10]]  # fmt: skip
    oy = [{**x, "office": OFFICES.get(x["office"], x["office"])} for x in t_["office_years"]]
    peak = max((x for x in years if x["year"] <= d.last_complete), key=lambda x: x["world"], default=None)
    known = sum(x["n"] for x in t_["countries"])
    foreign = [x for x in t_["countries"] if x["key"] != "CN"]
    text = t("nav_trend_text", scope=_scope(d), jw=jw, bw=bw, n_j=count(k["n_j"]), n_b=count(k["n_b"]), g=change(_growth(k)),
             china_j=count(k["china_j"]), share=pct(k["china_j"] / k["n_j"] if k["n_j"] else None))  # fmt: skip
    if peak:
        text += t("nav_trend_peak", year=peak["year"], n=count(peak["world"]), next=d.last_complete + 1)
    blocks: list = [
        text,
        C.line("world_trend", t("nav_fig_world"), _table(heads("year series n:apps_u"), rows, n=INT), "year", "n", color="series",
               note=_note(d)),
        t("nav_offices_text", items=listing(o["name"] + paren(pct(o["share"])) for o in offices[:3])),
        C.line("office_trend", t("nav_fig_offices"), _table(heads("year office n:apps_u"), oy, n=INT), "year", "n", color="office",
               note=_note(d)),
        _table(heads("name:office n:apps_u share n_b= n_j= g:change", n_b=bw, n_j=jw), offices, t("nav_tab_offices"), n=INT,
               share="pct", n_b=INT, n_j=INT),
    ]  # fmt: skip
    if known:
        rest = [t("nav_place_n", place=_place(x["key"]), n=count(x["n"])) for x in foreign[:4]]
        blocks.append(t("nav_countries", n=count(known), share=pct(known / k["apps"]), cn=pct(k["china"] / known),
                        rest=t("nav_countries_rest", items=listing(rest)) if rest else ""))  # fmt: skip
    life = lifecycle_section(d)  # type: ignore[arg-type]  # reads only the life-cycle fields, which Navigation carries
    return Section(t("nav_s_direction"), [t("nav_direction_intro")],
                   [Section(t("nav_s_trends"), blocks), life, _hotspots(d), _players(d)])  # fmt: skip


def _hotspots(d: Navigation) -> Section:
    k, hot = d.k, _hot(d)
    jw, bw = _win(d)
    rows = [{**g, "title": _t(d, g["key"]), "g": grew(g)} for g in hot]
    bars = [{"group": _label(d, g["key"]), "window": w, "n": g[c]} for g in hot for w, c in ((bw, "n_b"), (jw, "n_j"))]  # fmt: skip
    fields = wipo_fields()
    name = {w: fields[w].name(en()) for w in fields}
    wipo = [{**w, "name": name.get(w["key"], str(w["key"])), "g": grew(w)} for w in sorted(d.t["wipo"], key=lambda w: (-w["n"], w["key"]))[:12]]  # fmt: skip
    wt = _table(heads("name:wipo n:apps_u share n_b= n_j= g:change", n_b=bw, n_j=jw), wipo, t("nav_tab_wipo"), n=INT, share="pct",
                n_b=INT, n_j=INT)  # fmt: skip
    hot_w = [w for w in d.t["wipo"] if w["hot"]]
    floor = max(HOT_MIN, -(-k["n_j"] * int(HOT_MIN_SHARE * 1000) // 1000))
    blocks: list = [t("nav_hot_text", jw=jw, floor=floor, min_share=HOT_MIN_SHARE, g=change(_growth(k)), n=len(hot))
                    + (t("nav_hot_lead", names=_names(d, hot, more=False)) if hot else t("nav_hot_none"))]  # fmt: skip
    if hot:
        blocks += [
            C.bar("hotspots", t("nav_fig_hot"), _table(heads("group window n:apps_u"), bars, n=INT), "group", "n", color="window",
                  horizontal=True, stack=False, height=360, note=_note(d)),
            _table(heads("hot_rank:no key:group title:terms n:apps n_b= n_j= g:change share", n_b=bw, n_j=jw), rows,
                   t("nav_tab_hot"), n=INT, n_b=INT, n_j=INT, share="pct"),
        ]  # fmt: skip
    fast = [name.get(w["key"], str(w["key"])) + paren(grew(w)) for w in hot_w[:3]]
    blocks += [
        t("nav_wipo_text", rest=t("nav_wipo_fast", items=listing(fast)) if fast else t("nav_wipo_none")),
        C.bar("wipo", t("nav_fig_wipo"), wt, "name", "n", horizontal=True, sort_by_value=True, height=330, note=_note(d)),
        wt,
    ]  # fmt: skip
    section, pm = Section(t("nav_s_hotspots"), blocks), d.patent_map
    if pm is not None and pm.clusters and d.t.get("branches"):
        hb = [b for b in d.t["branches"] if b["hot"]]
        bt = _table(heads("key:branch label:terms n:apps n_j= g:change region= rta:rta_long", n_j=jw, region=d.region),
                    [{**b, "g": grew(b)} for b in d.t["branches"][:15]], t("nav_tab_branches"), n=INT, n_j=INT, region=INT,
                    rta="num")  # fmt: skip
        text = (t("nav_map_text", n=words.count(len(pm.pub_numbers)), k=len(pm.clusters))
                + (t("nav_map_dots", r=d.region) if d.level == "province" else "")
                + (t("nav_map_fast", label=hb[0]["label"], g=grew(hb[0])) if hb else ""))  # fmt: skip
        section.children.append(Section(t("nav_s_map"), [text, map_figure(pm, key="nav_map"), bt]))
    return section


def _local(d: Navigation, rows: Rows) -> Rows:
    """Shares of the region's applications rather than of the whole selection."""
    return [{**x, "share": x["n"] / d.k["region"] if d.k["region"] else None} for x in rows]


def _player_rows(rows: Rows, title: str, home: bool = False, extra: dict | None = None) -> C.DataTable:
    cols = {**heads("applicant type" + (" where" if home else "") + " n:apps share g:change core valid_inv groups"), **(extra or {})}  # fmt: skip
    data = [{**r, "type": APPLICANT_TYPES.get(r["atype"], r["atype"]), "g": grew(r), "where": r["city"] or r["home"] or "—",
             "groups": semi(r["groups"] or [])} for r in rows]  # fmt: skip
    return _table(cols, data, title, n=INT, share="pct", core=INT, valid_inv=INT, n_target=INT)


def _players(d: Navigation) -> Section:
    t_ = d.t
    kinds = Counter(APPLICANT_TYPES.get(r["atype"], t("unknown")) for r in t_["players"])
    rising = sorted((r for r in t_["players"] if r["n_b"]), key=lambda r: (-(r["growth"] or 0), r["applicant"]))[:2]  # fmt: skip
    bars = _table(heads("applicant n:apps_u"), [{"applicant": r["applicant"], "n": r["n"]} for r in t_["players"]], n=INT)  # fmt: skip
    text = t("nav_players_text", n=len(t_["players"]), kinds=listing(t("nav_kind_count", k=k, v=v) for k, v in kinds.items()))  # fmt: skip
    if rising:
        text += t("nav_players_rising", items=listing(r["applicant"] + paren(change(r["growth"])) for r in rising))  # fmt: skip
    blocks: list = [
        text + t("nav_core_def"),
        C.bar("players", t("nav_fig_players"), bars, "applicant", "n", horizontal=True, sort_by_value=True, height=330, note=_note(d)),
        _player_rows(t_["players"], t("nav_tab_players")),
    ]  # fmt: skip
    if t_["players_cn"]:
        blocks += [t("nav_players_cn", a=t_["players_cn"][0]["applicant"], k=len(t_["players_cn"]),
                     n=words.count(sum(r["n"] for r in t_["players_cn"]))), _player_rows(t_["players_cn"], t("nav_tab_players_cn"), True)]  # fmt: skip
    return Section(t("nav_s_players"), blocks)


# --- 二、区域产业定位 ------------------------------------------------------------------------------------


def _position(d: Navigation) -> Section:
    k, r, p, ps = d.k, d.region, nt.PEER[d.level], nt.PEERS[d.level]
    jw, bw = _win(d)
    peers = d.t["peers"][:15]
    if k["region"] and all(x["key"] != r for x in peers):
        peers = [*peers, next(x for x in d.t["peers"] if x["key"] == r)]
    other = cap(t("nav_other_peers", p=ps))
    pt = _table({"key": cap(p), **heads("n:apps_u who")}, [{**x, "who": r if x["key"] == r else other} for x in peers], n=INT)  # fmt: skip
    ry = _table(heads("year n:region_apps share:nat_share", r=r), [x for x in d.t["region_years"] if x["year"]], n=INT, share="pct")  # fmt: skip
    up = _share_up(k)
    text = t("nav_scale_text", p=p, r=r, n=count(k["region"]), share=pct(k["share"]))
    text += t("nav_scale_rank", peers=k["peers"], p=p, ps=ps, rank=ordinal(k["rank"]) if en() else k["rank"]) if k["rank"] else t("nav_scale_none")  # fmt: skip
    text += t("nav_scale_trend", jw=jw, bw=bw, r=r, n_j=count(k["region_j"]), g=change(_growth(k, "region_j", "region_b")),
              g_nat=change(_growth(k, "national_j", "national_b")))  # fmt: skip
    text += t({True: "nav_share_up", False: "nav_share_down", None: "nav_share_na"}[up])
    scale = [
        text,
        C.bar("peers", t("nav_fig_peers", p=p), pt, "key", "n", color="who", horizontal=True, sort_by_value=True, height=340,
              note=_note(d)),
        C.bar_line("region_trend", t("nav_fig_region_trend", r=r), ry, "year", "n", "share", note=_note(d), line_format=".1%"),
    ]  # fmt: skip
    parts = [Section(t("nav_s_scale"), scale + _structure(d)), _enterprises(d), _technology(d), _talent(d), _operations(d)]  # fmt: skip
    return Section(t("nav_s_position", r=r), [t("nav_position_intro", r=r, p=p, ps=ps)], parts)


def _share_up(k: dict) -> bool | None:
    if not (k["region_b"] and k["national_b"] and k["national_j"]):
        return None
    return k["region_j"] / k["national_j"] > k["region_b"] / k["national_b"]


def _structure(d: Navigation) -> list:
    from seip.taxonomy.sei import categories

    r = d.region
    top = sorted(d.t["groups"], key=lambda g: (-(g["r_national"] or 0), g["key"]))[:15]
    rows = [{**g, "title": _t(d, g["key"], 40), "pos": nt.POSITION[_pos(g)], "hot": t("nav_yes") if g["hot"] else "",
             "rank": f"{g['r_rank']} / {g['r_units']}" if g["r_rank"] else f"— / {g['r_units'] or 0}"} for g in top]  # fmt: skip
    bars = [{"group": _label(d, g["key"]), "rta": g["r_rta"] or 0.0} for g in top]
    blocks: list = [
        t("nav_rta_text", r=r, strong=STRONG, weak=WEAK),
        C.bar("rta", t("nav_fig_rta", r=r), _table(heads("group rta:rta_axis"), bars, rta="num"), "group", "rta", horizontal=True,
              height=340, note=t("nav_rta_note", note=_note(d))),
        _table(heads("key:group title:terms r_national:nation r_n= r_share:of_nation rank r_rta:rta pos hot", r_n=r), rows,
               t("nav_tab_rta", r=r), r_national=INT, r_n=INT, r_share="pct", r_rta="num"),
    ]  # fmt: skip
    if d.t.get("sei_position"):
        cats = categories()
        srows = [{**x, "name": (getattr(cats.get(x["branch"]), "name_en" if en() else "name", None) or x["branch"]),
                  "pos": nt.POSITION[position(x["rta"], x["n"])]} for x in d.t["sei_position"][:15]]  # fmt: skip
        blocks.append(_table(heads("branch:code name:sei national:nation n= share:of_nation rta pos", n=r), srows, t("nav_tab_sei", r=r),
                             national=INT, n=INT, share="pct", rta="num"))  # fmt: skip
    return blocks


def _enterprises(d: Navigation) -> Section:
    k, t_, r = d.k, d.t, d.region
    tot_r, tot_n = sum(x["region"] for x in t_["types"]) or 1, sum(x["national"] for x in t_["types"]) or 1
    rows = [{"type": APPLICANT_TYPES.get(x["key"], x["key"]), "who": w, "share": x[c] / tot}
            for x in t_["types"] for w, c, tot in ((r, "region", tot_r), (t("nav_nation"), "national", tot_n))]  # fmt: skip
    firm = next((x for x in t_["types"] if x["key"] == "enterprise"), {"region": 0, "national": 0})
    higher = firm["region"] / tot_r > firm["national"] / tot_n
    blocks: list = [
        t("nav_types_text", r=r, a=words.count(k["region_applicants"]), share=pct(firm["region"] / tot_r),
          nat=pct(firm["national"] / tot_n)) + t("nav_types_higher" if higher else "nav_types_lower"),
        C.bar("types", t("nav_fig_types", r=r), _table(heads("type:atype who:series share"), rows, share="pct"), "type", "share",
              color="who", stack=False, note=t("nav_types_note")),
    ]  # fmt: skip
    if t_["region_players"]:
        p0 = t_["region_players"][0]
        blocks += [t("nav_region_top", r=r, a=p0["applicant"], n=count(p0["n"]), core=words.count(p0["core"]), core_n=count(p0["core"], "core")),
                   _player_rows(_local(d, t_["region_players"]), t("nav_tab_region_players", r=r))]  # fmt: skip
    return Section(t("nav_s_enterprises"), blocks)


def _technology(d: Navigation) -> Section:
    r, hot = d.region, _hot(d)
    top = sorted(d.t["groups"], key=lambda g: (-(g["r_national"] or 0), g["key"]))[:10]
    nat, own = sum(g["r_national"] or 0 for g in d.t["groups"]) or 1, sum(g["r_n"] or 0 for g in d.t["groups"]) or 1  # fmt: skip
    rows = [{"group": _label(d, g["key"]), "who": w, "share": v} for g in top
            for w, v in ((r, (g["r_n"] or 0) / own), (t("nav_nation"), (g["r_national"] or 0) / nat))]  # fmt: skip
    mine = sorted((g for g in d.t["groups"] if g["r_n"]), key=lambda g: (-g["r_n"], g["key"]))[:5]
    covered = [g for g in hot if g["r_n"]]
    items = [t("nav_tech_mine_item", code=g["key"], title=_t(d, g["key"], 16), n=count(g["r_n"])) for g in mine]  # fmt: skip
    text = t("nav_tech_mine", r=r, items=listing(items, en_sep="; ")) if mine else t("nav_tech_none", r=r)
    if hot:
        names = paren(_names(d, covered, titled=False)) if covered else ""
        text += t("nav_tech_hot", n=len(hot), r=r, m=len(covered), names=names, rest=len(hot) - len(covered))
    ht = _table(heads("key:hot_branch title:terms n_j:world_j r_national:nation r_n= r_rta:rta r_leader:leader pos", r_n=r),
                [{**g, "title": _t(d, g["key"], 30), "pos": nt.POSITION[_pos(g)]} for g in hot], t("nav_tab_tech_hot", r=r),
                n_j=INT, r_national=INT, r_n=INT, r_rta="num")  # fmt: skip
    return Section(t("nav_s_technology"), [
        text,
        C.bar("tech_mix", t("nav_fig_tech_mix", r=r), _table(heads("group who:series share:mix_share"), rows, share="pct"), "group",
              "share", color="who", stack=False, horizontal=True, height=340, note=_note(d)),
        *([ht] if hot else []),
    ])  # fmt: skip


def _team_rows(rows: Rows) -> Rows:
    return [{**x, "years": t("nav_span", a=x["first_year"], b=x["last_year"]), "where": _place(x["home"] or x["country"]),
             "names": semi(x["names"] or [])} for x in rows]  # fmt: skip


def _team_cols() -> dict[str, str]:
    return heads("lead members names applicant where apps:team_apps years core grp")


def _talent(d: Navigation) -> Section:
    k, t_, r = d.k, d.t, d.region
    bars = [{"team": x["lead"] + paren(x["applicant"]), "apps": x["apps"]} for x in t_["teams_top"]]
    blocks: list = [t("nav_talent_text", r=r, i=words.count(k["inventors"]), ri=words.count(k["region_inventors"]),
                      teams=words.count(k["teams"]), rt=words.count(k["region_teams"]))]  # fmt: skip
    if t_["teams_top"]:
        x = t_["teams_top"][0]
        blocks += [t("nav_team_top", lead=x["lead"], a=x["applicant"], m=x["members"], n=words.count(x["apps"])),
                   C.bar("teams", t("nav_fig_teams"), _table(heads("team apps:team_apps_u"), bars, apps=INT), "team", "apps",
                         horizontal=True, sort_by_value=True, height=300, note=t("nav_teams_note"))]  # fmt: skip
    inventors = heads("name:inventor applicant apps apps_j core grp")
    blocks += ([_table(inventors, t_["inventors_region"], t("nav_tab_inventors", r=r), apps=INT, apps_j=INT, core=INT)]
               if t_["inventors_region"] else [t("nav_no_inventors", r=r)])  # fmt: skip
    if t_["teams_region"]:
        x = t_["teams_region"][0]
        blocks += [t("nav_team_region", r=r, lead=x["lead"], a=x["applicant"], m=x["members"], n=words.count(x["apps"])),
                   _table(_team_cols(), _team_rows(t_["teams_region"]), t("nav_tab_teams", r=r), members=INT, apps=INT, core=INT)]  # fmt: skip
    else:
        blocks.append(t("nav_no_teams", r=r))
    return Section(t("nav_s_talent"), blocks)


def _operations(d: Navigation) -> Section:
    k, t_, r = d.k, d.t, d.region
    nation = t("nav_nation")
    tot_r, tot_n = sum(x["region"] for x in t_["status"]) or 1, sum(x["national"] for x in t_["status"]) or 1
    rows = [{"status": cap(nt.STATUS.get(x["key"], x["key"] or nt.STATUS["unknown"])), "who": w, "share": x[c] / tot}
            for x in t_["status"] for w, c, tot in ((r, "region", tot_r), (nation, "national", tot_n))]  # fmt: skip
    ops = [{**x, "name": nt.EVENTS.get(x["key"], x["key"])} for x in t_["operations"]]
    items = [t("nav_ops_item", name=o["name"], n=words.count(o["region"]), nat=words.count(o["national"])) for o in ops]  # fmt: skip
    text = t("nav_ops_text", r=r, valid=words.count(k["region_valid"]),
             share=pct(k["region_valid"] / k["region"] if k["region"] else None),
             nat=pct(k["national_valid"] / k["national"] if k["national"] else None),
             rest=semi(items) + ("." if en() else "。") if ops else t("nav_ops_none"))  # fmt: skip
    return Section(t("nav_s_operations"), [
        text,
        C.bar("status", t("nav_fig_status", r=r), _table(heads("status who:series share"), rows, share="pct"), "status", "share",
              color="who", stack=False, horizontal=en(), note=_note(d)),  # English labels are too long for columns
        *([_table(heads("name:operation region= national:nation world", region=r), ops, t("nav_tab_ops"), region=INT,
                  national=INT, world=INT)] if ops else []),
    ])  # fmt: skip


# --- 三、发展路径 / 四、清单 ----------------------------------------------------------------------------


def _tech_path(d: Navigation, code: str) -> str:
    g = next(x for x in d.t["groups"] if x["key"] == code)
    jw, _ = _win(d)
    here = t("nav_path_here", r=d.region, n=count(g["r_n"]), rta=g["r_rta"]) if g["r_n"] else t("nav_path_none", r=d.region)  # fmt: skip
    lead = t("nav_path_lead", leader=g["r_leader"], n=count(g["r_leader_n"])) if g.get("r_leader") else ""
    return t("nav_path_branch", code=code, title=_t(d, code, 30), jw=jw, n_j=count(g["n_j"]), g=grew(g), here=here, lead=lead)  # fmt: skip


def _advice(x: dict) -> str:
    if x["n_target"] and x["core"]:
        return t("nav_advice_core")
    if x["n_j"] and (x["growth"] is None or x["growth"] >= 0.2):
        return t("nav_advice_growing")
    return t("nav_advice_invest")


def _paths(d: Navigation) -> Section:
    k, t_, r = d.k, d.t, d.region
    why = t(f"nav_why_{k['target_kind']}", r=r, weak=WEAK)
    tech: list = [t("nav_targets", why=why, n=len(k["targets"])), Bullets([_tech_path(d, g) for g in k["targets"]])]  # fmt: skip
    if _strong(d):
        tech.append(t("nav_keep_strong", r=r, names=_names(d, _strong(d), titled=False)))
    firms = [t("nav_firm", a=x["applicant"], n=count(x["n"]), n_j=words.count(x["n_j"]), g=grew(x), core=words.count(x["core"]), core_n=count(x["core"], "core"),
               n_t=words.count(x["n_target"]), advice=_advice(x)) for x in t_["cultivate"][:6]]  # fmt: skip
    talent = _table(heads("name:inventor applicant where apps n_target core grp"),
                    [{**x, "where": _place(x["home"] or x["country"])} for x in t_["talent"]], t("nav_tab_talent"),
                    apps=INT, n_target=INT, core=INT)  # fmt: skip
    coop: list = [t("nav_coop_def")]
    coop += ([_table(heads("enterprise partner n:joint"), t_["links"], t("nav_tab_links", r=r), n=INT)]
             if t_["links"] else [t("nav_no_links", r=r)])  # fmt: skip
    if t_["pairs"]:
        x = t_["pairs"][0]
        coop += [t("nav_pair_first", e=x["enterprise"], p=x["partner"], shared=listing(x["shared"]), o=x["overlap"]),
                 _table(heads("enterprise:region_firm partner where shared overlap existing", r=r),
                        [{**x, "where": x["partner_home"] or "—", "shared": semi(x["shared"])} for x in t_["pairs"]],
                        t("nav_tab_pairs"), overlap=INT, existing=INT)]  # fmt: skip
    else:
        coop.append(t("nav_no_pairs", r=r))
    return Section(t("nav_s_paths"), [t("nav_paths_intro")], [
        Section(t("nav_s_tech_path"), tech),
        Section(t("nav_s_firm_path"), [t("nav_firms_intro", r=r), Bullets(firms)] if firms else [t("nav_no_firm", r=r)]),
        Section(t("nav_s_talent_path"), [t("nav_talent_intro", r=r), talent] if t_["talent"] else [t("nav_no_talent")]),
        Section(t("nav_s_coop_path"), coop),
        Section(t("nav_s_ops_path"), [t("nav_ops_path", r=r, lic=words.count(k["licensable"]), reuse=words.count(k["reusable"]))]),
    ])  # fmt: skip


def _lists(d: Navigation) -> Section:
    t_, r = d.t, d.region
    firms = _player_rows(_local(d, t_["cultivate"]), t("nav_tab_firms", r=r), True, heads("n_target"))
    ext = _table({**_team_cols(), **heads("n_target")}, _team_rows(t_["teams_target"]), t("nav_tab_team_ext"),
                 members=INT, apps=INT, core=INT, n_target=INT)  # fmt: skip
    own = _table(_team_cols(), _team_rows(t_["teams_region"]), t("nav_tab_team_list", r=r), members=INT, apps=INT, core=INT)  # fmt: skip
    yes, no = t("nav_yes"), t("nav_no")
    lic = _table(heads("pub_number:pub title holder where year hit value_score:value core:core_flag"),
                 [{**x, "where": _place(x["place"]), "hit": semi(x["hit"]), "core": yes if x["core"] else no}
                  for x in t_["license"]], t("nav_s_license"), value_score="num")  # fmt: skip
    reuse = _table(heads("pub_number:pub title holder:orig reason end_date:end hit value_score:value"),
                   [{**x, "reason": REASONS.get(x["reason"], x["reason"]), "hit": semi(x["hit"])} for x in t_["reuse"]],
                   t("nav_s_reuse"), value_score="num")  # fmt: skip
    return Section(t("nav_s_lists"), [t("nav_lists_intro")], [
        Section(t("nav_s_firm_list"), [firms] if t_["cultivate"] else [t("nav_no_firms", r=r)]),
        Section(t("nav_s_team_list"), ([own] if t_["teams_region"] else [t("nav_no_team_list", r=r)]) + ([ext] if t_["teams_target"] else [])),
        Section(t("nav_s_license"), [t("nav_license_text", r=r, n=len(t_["license"])), lic] if t_["license"] else [t("nav_no_license")]),
        Section(t("nav_s_reuse"), [t("nav_reuse_text", n=len(t_["reuse"]), sei=f" --sei {d.sei}" if d.sei else ""), reuse]
                if t_["reuse"] else [t("nav_no_reuse")]),
    ])  # fmt: skip


def _method(d: Navigation) -> Section:
    jw, bw = _win(d)
    src = _table(heads("source_format:format files rows_read:rows imported last"), d.sources, t("nav_tab_sources"), files=INT,
                 rows_read=INT, imported=INT)  # fmt: skip
    return Section(t("nav_s_method"), [
        t("nav_method_scope", scope=_scope(d), r=d.region, p=nt.PEER[d.level], cutoff=f"{d.cutoff:%Y-%m-%d}", last=d.last_complete,
          jw=jw, bw=bw),
        src,
        Bullets([t("nav_m_structure"), t("nav_m_unit"), t("nav_m_hot", floor=HOT_MIN, share=HOT_MIN_SHARE, top=HOT_TOP),
                 t("nav_m_rta", strong=STRONG, weak=WEAK), t("nav_m_targets", weak=WEAK, top=HOT_TOP), t("nav_m_inventors"),
                 t("nav_m_applicants"), t("nav_m_value"), t("nav_m_map")]),
    ])  # fmt: skip


def title(d: Navigation) -> str:
    return nt.report_title(d.region, d.sei)


def build_report(d: Navigation, publisher: str = "") -> Report:
    """The navigation report of gathered figures, in the current language."""
    provenance = [(t("nav_p_scope"), _scope(d)), (t("nav_p_region"), d.region), (t("nav_p_query"), d.query or "—"),
                  (t("nav_p_cutoff"), d.cutoff.isoformat()), (t("nav_p_apps"), str(d.k["apps"])),
                  (t("nav_p_targets"), listing(d.k["targets"], en_sep=", ")), (t("nav_p_generated"), dt.date.today().isoformat())]  # fmt: skip
    subtitle = t("nav_subtitle", scope=_scope(d), date=f"{d.cutoff:%Y-%m-%d}")
    return Report(title(d), subtitle, publisher, dt.date.today(), _findings(d),
                  [_direction(d), _position(d), _paths(d), _lists(d), _method(d)], provenance)  # fmt: skip


def navigation(
    corpus: Corpus,
    out: str | Path,
    *,
    region: str,
    sei: str | None = None,
    query: str | None = None,
    publisher: str = "",
    formats: tuple[str, ...] | None = None,
    with_map: bool = True,
    progress: Callable[[str], None] | None = None,
) -> tuple[Navigation, dict[str, Path]]:
    """Gather, write and render the navigation report; returns the figures and the files written by format."""
    from seip.reports.fonts import cjk_fonts

    cjk_fonts()
    out = Path(out)
    if out.suffix.lower().lstrip(".") not in FORMATS or not out.parent.is_dir():  # say so before the analysis
        raise ReportError(f"{out}: the output must end in .pdf, .html or .xlsx, in an existing folder")
    data = gather(corpus, region=region, sei=sei, query=query, with_map=with_map, progress=progress)
    return data, render(build_report(data, publisher), out, formats, progress=progress)


def summary(d: Navigation) -> dict[str, Any]:
    """What ``--json`` prints besides the files: the key numbers, the hotspots and targets, the lists' keys."""
    numbers = ("apps", "china", "national", "region", "rank", "share", "peers", "region_applicants", "region_inventors",
               "region_teams", "licensable", "reusable")  # fmt: skip
    return {"title": title(d), "region": d.region, "level": d.level, "sei": d.sei, "query": d.query,
            "cutoff": d.cutoff.isoformat(), "windows": {"J": list(d.windows[0]), "B": list(d.windows[1])},
            "stage": d.judgement["stage"], "numbers": {x: d.k[x] for x in numbers}, "hotspots": [g["key"] for g in _hot(d)],
            "targets": d.k["targets"], "target_kind": d.k["target_kind"], "enterprises": [x["applicant"] for x in d.t["cultivate"]],
            "teams": [x["lead"] for x in d.t["teams_region"]], "license": [x["pub_number"] for x in d.t["license"]],
            "reuse": [x["pub_number"] for x in d.t["reuse"]]}  # fmt: skip
