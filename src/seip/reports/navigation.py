"""The industry patent navigation report (产业专利导航报告, GB/T 39551):
``seip report navigation --sei 1.5 --region 黑龙江省 [--query Q]``.

May import: seip.reports, seip.analysis, seip.store, seip.taxonomy, seip.i18n, stdlib.

Chapters follow the industry navigation of GB/T 39551: 产业发展方向 (trends, life cycle, hotspots, players),
区域产业定位 (structure, enterprises, technology, talent, operations), 发展路径 (technologies, enterprises,
talent, cooperation, operations) and 清单 (enterprises, inventor teams, patents to license or acquire, lapsed
patents to reuse), then the method. Every sentence is written from the numbers of
:mod:`seip.reports.navigation_data`; the report text is Chinese (the builder's own words follow ``--lang``).
The life-cycle chapter is the landscape report's own.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seip.reports import charts as C
from seip.reports.builder import FORMATS, Bullets, Report, ReportError, Section, render
from seip.reports.landscape import APPLICANT_TYPES, OFFICES, REASONS, fmt_count, fmt_pct, lifecycle_section
from seip.reports.landscape_tech import ipc_titles
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
from seip.reports.topo import figure as map_figure
from seip.store import Corpus
from seip.taxonomy.wipo import wipo_fields

STATUS = {"granted": "授权有效", "pending": "审查中", "lapsed": "未缴年费终止", "expired": "期限届满", "withdrawn": "撤回",
          "rejected": "驳回", "abandoned": "放弃", "invalidated": "无效宣告", "unknown": "未知"}  # fmt: skip
EVENTS = {"transfer": "转让", "licence": "许可", "pledge": "质押"}
POSITION = {"strong": "优势", "even": "均势", "weak": "薄弱", "none": "空白"}
TEAM_COLS = {"lead": "团队带头人", "members": "成员数", "names": "主要成员", "applicant": "申请人", "where": "所在地",
             "apps": "团队申请", "years": "年份", "core": "核心专利", "grp": "主要 IPC 大组"}  # fmt: skip
INVENTOR_COLS = {"name": "发明人", "applicant": "申请人", "apps": "申请量", "apps_j": "近三年", "core": "核心专利",
                 "grp": "主要 IPC 大组"}  # fmt: skip
INT = "int"


def _t(d: Navigation, code: str, width: int = 60) -> str:
    """What an IPC main group is about: its distinctive title words, else its English IPC title."""
    title = d.k.get("terms", {}).get(code) or ipc_titles("group").get(code, "")
    return title if len(title) <= width else title[: width - 1] + "…"


def _g(r: dict, j: str = "n_j", b: str = "n_b") -> str:
    """J against B as text: a change in percent, a multiple from threefold on, 新出现 when B had none."""
    if not r.get(b):
        return "新出现" if r.get(j) else "—"
    ratio = r[j] / r[b]
    return f"{ratio:.1f} 倍" if ratio >= 3 else f"{ratio - 1:+.1%}"


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:+.1%}"


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


def _industry(d: Navigation) -> str:
    from seip.taxonomy.sei import categories

    cat = categories().get(d.sei or "")
    return cat.name if cat else next((c.top_name for c in categories().values() if c.top_code == d.sei), d.sei or "")  # fmt: skip


def _scope(d: Navigation) -> str:
    parts = [f"{_industry(d).removesuffix('产业')}产业（战略性新兴产业 {d.sei}）"] if d.sei else []
    return "、".join(parts + ([f"检索式“{d.query}”命中的专利"] if d.query else []))


def _note(d: Navigation) -> str:
    return f"数据来源：seip 专利库，截至 {d.cutoff:%Y-%m-%d}；统计单位：件（一件申请的多个公开文本合并计数）。"  # fmt: skip


def _peer(d: Navigation) -> str:
    return "省份" if d.level == "province" else "城市"


def _win(d: Navigation) -> tuple[str, str]:
    (j0, j1), (b0, b1) = d.windows
    return f"{j0}—{j1} 年", f"{b0}—{b1} 年"


def _place(x: str | None) -> str:
    return OFFICES.get(x, x) if x and len(x) == 2 else (x or "—")


def _hot(d: Navigation) -> Rows:
    return [g for g in d.t["groups"] if g["hot"]]


def _names(d: Navigation, rows: Rows, k: int = 3, titled: bool = True) -> str:
    return "、".join(r["key"] + (f"（{_t(d, r['key'], 24)}）" if titled and _t(d, r["key"]) else "") for r in rows[:k])  # fmt: skip


def _strong(d: Navigation) -> Rows:
    return sorted((g for g in d.t["groups"] if _pos(g) == "strong"), key=lambda g: (-g["r_n"], g["key"]))


def _table(cols: dict, rows: Rows, title: str = "", **formats: str) -> C.DataTable:
    return C.DataTable(cols, rows, title, formats)


def _findings(d: Navigation) -> list[str]:
    k, t, r = d.k, d.t, d.region
    jw, bw = _win(d)
    hot, strong = _hot(d), _strong(d)
    out = [f"截至 {d.cutoff.year}年{d.cutoff.month}月{d.cutoff.day}日，{_scope(d)}在全球共有专利申请 **{fmt_count(k['apps'])}** 件，其中中国"
           f"申请人 {fmt_count(k['china'])} 件（{fmt_pct(k['china'] / k['apps'])}）。{jw}申请量较 {bw}变化 {_pct(_growth(k))}，中国申请人变化 "
           f"{_pct(_growth(k, 'china_j', 'china_b'))}；技术生命周期处于**{d.judgement['stage_zh']}**。"]  # fmt: skip
    if hot:
        out.append(f"增长最快的技术分支（IPC 大组）为 {_names(d, hot)}，{jw}申请量分别为前三年的 "
                   + "、".join(_g(g) if not g["n_b"] or g["n_j"] / g["n_b"] >= 3 else f"{g['n_j'] / g['n_b']:.1f} 倍" for g in hot[:3]) + "。")  # fmt: skip
    if t["players"]:
        p0, c0 = t["players"][0], (t["players_cn"] or [None])[0]
        out.append(f"全球申请量居首的是 **{p0['applicant']}**（{fmt_count(p0['n'])} 件，占 {fmt_pct(p0['share'])}）"
                   + (f"；中国申请人中居首的是 **{c0['applicant']}**（{fmt_count(c0['n'])} 件）" if c0 else "") + "。")  # fmt: skip
    if k["region"]:
        out.append(f"{r}共有 {fmt_count(k['region'])} 件，占全国（国内申请）{fmt_pct(k['share'])}，在 {k['peers']} 个有申请的{_peer(d)}中居第 "
                   f"**{k['rank']}** 位；{jw}较前三年变化 {_pct(_growth(k, 'region_j', 'region_b'))}（全国 "
                   f"{_pct(_growth(k, 'national_j', 'national_b'))}）。")  # fmt: skip
    else:
        out.append(f"{r}在本领域尚无专利申请（按第一申请人所在地），以下定位与路径据此给出。")
    if strong:
        out.append(f"{r}的优势分支（专业化指数 RTA ≥ {STRONG}）有 {len(strong)} 个：" + "、".join(
            f"{g['key']}（{fmt_count(g['r_n'])} 件，RTA {g['r_rta']:.2f}）" for g in strong[:3]) + "。")  # fmt: skip
    weak = [g for g in hot if _pos(g) in ("weak", "none")]
    if weak:
        out.append(f"热点分支中{r}薄弱或空白的有 {len(weak)} 个（{_names(d, weak, k=4, titled=False)}），是技术补强的重点方向。")  # fmt: skip
    out.append(f"{r}有申请人 {fmt_count(k['region_applicants'])} 个、发明人 {fmt_count(k['region_inventors'])} 人，识别出发明人团队 "
               f"{fmt_count(k['region_teams'])} 个；有效专利 {fmt_count(k['region_valid'])} 件，核心专利 {fmt_count(k['region_core'])} 件。")  # fmt: skip
    who = [f"{x['lead']}团队（{x['applicant']}）" for x in t["teams_target"][:2]]
    pair = t["pairs"][0] if t["pairs"] else None
    if who or pair:
        out.append("建议" + "；".join(
            ([f"引进或合作 {'、'.join(who)} 等目标分支的外地发明人团队"] if who else [])
            + ([f"推动 {pair['enterprise']} 与 {pair['partner']} 开展产学研合作"] if pair else [])) + "。")  # fmt: skip
    out.append(f"目标分支中可许可或收购的{r}以外有效专利 {fmt_count(k['licensable'])} 件、可再利用的失效专利 {fmt_count(k['reusable'])} 件；"
               "价值最高者与重点企业、发明人团队一并列于第四章清单。")  # fmt: skip
    return out


# --- 一、产业发展方向 ------------------------------------------------------------------------------------


def _direction(d: Navigation) -> Section:
    k, t = d.k, d.t
    jw, bw = _win(d)
    years = [x for x in t["years"] if x["year"] is not None]
    rows = [{"year": x["year"], "series": s, "n": x[c]} for x in years for s, c in (("全球", "world"), ("中国申请人", "china"))]  # fmt: skip
    offices = [{**x, "name": OFFICES.get(x["key"], x["key"] or "未知"), "g": _g(x)} for x in t["offices"][:10]]  # fmt: skip
    oy = [{**x, "office": OFFICES.get(x["office"], x["office"])} for x in t["office_years"]]
    peak = max((x for x in years if x["year"] <= d.last_complete), key=lambda x: x["world"], default=None)
    known = sum(x["n"] for x in t["countries"])
    foreign = [x for x in t["countries"] if x["key"] != "CN"]
    text = (f"{_scope(d)}的全球专利申请量逐年变化如图所示，{jw}共 {fmt_count(k['n_j'])} 件，较 {bw}（{fmt_count(k['n_b'])} 件）变化 "
            f"{_pct(_growth(k))}；中国申请人 {jw}申请 {fmt_count(k['china_j'])} 件，占同期全球的 "
            f"{fmt_pct(k['china_j'] / k['n_j'] if k['n_j'] else None)}。")  # fmt: skip
    if peak:
        text += f"完整年份中 {peak['year']} 年申请最多（{fmt_count(peak['world'])} 件）；{d.last_complete + 1} 年以后因公开滞后尚不完整。"
    blocks: list = [
        text,
        C.line("world_trend", "全球与中国申请人专利申请量", _table({"year": "申请年", "series": "范围", "n": "申请量（件）"}, rows, n=INT),
               "year", "n", color="series", note=_note(d)),
        "按受理局（公开国家或组织）统计，专利布局以 " + "、".join(f"{o['name']}（{fmt_pct(o['share'])}）" for o in offices[:3])
        + " 为主；各受理局近三年与前三年的对比反映布局重心的变化。",
        C.line("office_trend", "主要受理局专利申请量趋势", _table({"year": "申请年", "office": "受理局", "n": "申请量（件）"}, oy, n=INT),
               "year", "n", color="office", note=_note(d)),
        _table({"name": "受理局", "n": "申请量（件）", "share": "占比", "n_b": bw, "n_j": jw, "g": "近三年较前三年"}, offices,
               "主要受理局申请量与增长", n=INT, share="pct", n_b=INT, n_j=INT),
    ]  # fmt: skip
    if known:
        blocks.append(f"第一申请人国别已知的申请 {fmt_count(known)} 件（占 {fmt_pct(known / k['apps'])}），其中中国申请人占 {fmt_pct(k['china'] / known)}"
                      + ("；其余来自 " + "、".join(f"{_place(x['key'])} {fmt_count(x['n'])} 件" for x in foreign[:4]) if foreign else "")
                      + "。国别缺失的多为境外公开文本，其来源以受理局近似。")  # fmt: skip
    intro = ("依据 GB/T 39551《专利导航指南》产业规划类导航，本章从全球与中国的专利申请趋势、技术生命周期、技术热点和主要创新主体"
             "四个方面揭示产业发展方向。")  # fmt: skip
    life = lifecycle_section(d)  # type: ignore[arg-type]  # reads only the life-cycle fields, which Navigation carries
    return Section("产业发展方向", [intro], [Section("全球与中国专利申请趋势", blocks), life, _hotspots(d), _players(d)])  # fmt: skip


def _hotspots(d: Navigation) -> Section:
    k, hot = d.k, _hot(d)
    jw, bw = _win(d)
    rows = [{**g, "title": _t(d, g["key"]), "g": _g(g)} for g in hot]
    bars = [{"group": f"{g['key']} {_t(d, g['key'], 22)}", "window": w, "n": g[c]} for g in hot for w, c in ((bw, "n_b"), (jw, "n_j"))]  # fmt: skip
    wipo = [{**w, "name": wipo_fields()[w["key"]].field_zh if w["key"] in wipo_fields() else str(w["key"]), "g": _g(w)}
            for w in sorted(d.t["wipo"], key=lambda w: (-w["n"], w["key"]))[:12]]  # fmt: skip
    wt = _table({"name": "WIPO 技术领域", "n": "申请量（件）", "share": "占比", "n_b": bw, "n_j": jw, "g": "近三年较前三年"}, wipo,
                "WIPO 技术领域申请量与增长", n=INT, share="pct", n_b=INT, n_j=INT)  # fmt: skip
    hot_w = [w for w in d.t["wipo"] if w["hot"]]
    floor = max(HOT_MIN, -(-k["n_j"] * int(HOT_MIN_SHARE * 1000) // 1000))
    blocks: list = [f"技术热点以 IPC 大组为技术分支识别：{jw}申请不少于 {floor} 件（且不少于同期申请量的 {HOT_MIN_SHARE:.1%}）、增长快于"
                    f"产业整体（{_pct(_growth(k))}）的分支中，增长最快的 {len(hot)} 个为热点。"
                    + (f"居前的是 {_names(d, hot, k=3)}。" if hot else "本期没有满足条件的分支。")]  # fmt: skip
    if hot:
        blocks += [
            C.bar("hotspots", "技术热点近三年与前三年申请量", _table({"group": "IPC 大组", "window": "时段", "n": "申请量（件）"}, bars, n=INT),
                  "group", "n", color="window", horizontal=True, stack=False, height=360, note=_note(d)),
            _table({"hot_rank": "序号", "key": "IPC 大组", "title": "主题词", "n": "申请量", "n_b": bw, "n_j": jw, "g": "近三年较前三年",
                    "share": "占比"}, rows, "技术热点（增长最快的 IPC 大组）", n=INT, n_b=INT, n_j=INT, share="pct"),
        ]  # fmt: skip
    blocks += [
        "按世界知识产权组织（WIPO）35 个技术领域统计，" + ("增长最快的是 " + "、".join(f"{wipo_fields()[w['key']].field_zh}（{_g(w)}）" for w in hot_w[:3])
                                                + "。" if hot_w else "各领域增长均未快于产业整体。"),
        C.bar("wipo", "WIPO 技术领域申请量", wt, "name", "n", horizontal=True, sort_by_value=True, height=330, note=_note(d)),
        wt,
    ]  # fmt: skip
    section, pm = Section("技术热点", blocks), d.patent_map
    if pm is not None and pm.clusters and d.t.get("branches"):
        hb = [b for b in d.t["branches"] if b["hot"]]
        bt = _table({"key": "分支", "label": "主题词", "n": "申请量", "n_j": jw, "g": "近三年较前三年", "region": d.region, "rta": "专业化指数"},
                    [{**b, "g": _g(b)} for b in d.t["branches"][:15]], "专利地图技术分支（按申请计）", n=INT, n_j=INT, region=INT, rta="num")  # fmt: skip
        section.children.append(Section("专利地图与技术分支", [
            f"依据文本相似度把 {fmt_count(len(pm.pub_numbers))} 件专利布局为地形图，聚成 {len(pm.clusters)} 个技术分支（以最具区分度的关键词命名）。"
            + (f"红点为{d.region}申请人的专利。" if d.level == "province" else "")
            + (f"增长最快的分支是“{hb[0]['label']}”（{_g(hb[0])}）。" if hb else ""),
            map_figure(pm, key="nav_map"), bt]))  # fmt: skip
    return section


def _local(d: Navigation, rows: Rows) -> Rows:
    """Shares of the region's applications rather than of the whole selection."""
    return [{**x, "share": x["n"] / d.k["region"] if d.k["region"] else None} for x in rows]


def _player_rows(rows: Rows, title: str, home: bool = False, extra: dict | None = None) -> C.DataTable:
    cols = {"applicant": "申请人", "type": "类型", **({"where": "所在地"} if home else {}), "n": "申请量", "share": "占比",
            "g": "近三年较前三年", "core": "核心专利", "valid_inv": "有效发明", "groups": "主要 IPC 大组", **(extra or {})}  # fmt: skip
    data = [{**r, "type": APPLICANT_TYPES.get(r["atype"], r["atype"]), "g": _g(r), "where": r["city"] or r["home"] or "—"}
            for r in rows]  # fmt: skip
    return _table(cols, data, title, n=INT, share="pct", core=INT, valid_inv=INT, n_target=INT)


def _players(d: Navigation) -> Section:
    t = d.t
    kinds = Counter(APPLICANT_TYPES.get(r["atype"], "未知") for r in t["players"])
    rising = sorted((r for r in t["players"] if r["n_b"]), key=lambda r: (-(r["growth"] or 0), r["applicant"]))[:2]  # fmt: skip
    bars = _table({"applicant": "申请人", "n": "申请量（件）"}, [{"applicant": r["applicant"], "n": r["n"]} for r in t["players"]], n=INT)  # fmt: skip
    blocks: list = [
        f"全球申请量前 {len(t['players'])} 位的申请人中，" + "、".join(f"{k} {v} 家" for k, v in kinds.items()) + "。"
        + ("近三年增长最快的是 " + "、".join(f"{r['applicant']}（{_pct(r['growth'])}）" for r in rising) + "。" if rising else "")
        + "核心专利指价值度在同一受理局、IPC 小类与申请年群组中居前 10% 的专利。",
        C.bar("players", "全球主要申请人申请量", bars, "applicant", "n", horizontal=True, sort_by_value=True, height=330, note=_note(d)),
        _player_rows(t["players"], "全球主要申请人"),
    ]  # fmt: skip
    if t["players_cn"]:
        blocks += [f"中国申请人中，{t['players_cn'][0]['applicant']} 居首；前 {len(t['players_cn'])} 位合计申请 "
                   f"{fmt_count(sum(r['n'] for r in t['players_cn']))} 件（共同申请分别计数）。", _player_rows(t["players_cn"], "中国主要申请人", True)]  # fmt: skip
    return Section("主要创新主体", blocks)


# --- 二、区域产业定位 ------------------------------------------------------------------------------------


def _position(d: Navigation) -> Section:
    k, r, p = d.k, d.region, _peer(d)
    jw, bw = _win(d)
    peers = d.t["peers"][:15]
    if k["region"] and all(x["key"] != r for x in peers):
        peers = [*peers, next(x for x in d.t["peers"] if x["key"] == r)]
    pt = _table({"key": p, "n": "申请量（件）", "who": "类别"}, [{**x, "who": r if x["key"] == r else f"其他{p}"} for x in peers], n=INT)  # fmt: skip
    ry = _table({"year": "申请年", "n": f"{r}申请量（件）", "share": "占全国比重"}, [x for x in d.t["region_years"] if x["year"]],
                n=INT, share="pct")  # fmt: skip
    up = _share_up(k)
    scale = [
        f"国内申请按第一申请人所在{p}统计。{r}共有 {fmt_count(k['region'])} 件，占全国 {fmt_pct(k['share'])}，"
        + (f"在 {k['peers']} 个{p}中居第 {k['rank']} 位。" if k["rank"] else "尚无申请。")
        + f"{jw}{r}申请 {fmt_count(k['region_j'])} 件，较 {bw}变化 {_pct(_growth(k, 'region_j', 'region_b'))}，全国同期变化 "
        f"{_pct(_growth(k, 'national_j', 'national_b'))}，" + {True: "占全国比重上升。", False: "占全国比重下降。", None: "比重无从比较。"}[up],
        C.bar("peers", f"各{p}申请量", pt, "key", "n", color="who", horizontal=True, sort_by_value=True, height=340, note=_note(d)),
        C.bar_line("region_trend", f"{r}申请量及占全国比重", ry, "year", "n", "share", note=_note(d), line_format=".1%"),
    ]  # fmt: skip
    intro = f"本章把{r}与全国其他{p}比较，从产业结构、创新主体、技术、人才和专利运营五个方面给出{r}在本产业中的位置。"
    parts = [Section("产业规模与结构", scale + _structure(d)), _enterprises(d), _technology(d), _talent(d), _operations(d)]  # fmt: skip
    return Section(f"{r}产业定位", [intro], parts)


def _share_up(k: dict) -> bool | None:
    if not (k["region_b"] and k["national_b"] and k["national_j"]):
        return None
    return k["region_j"] / k["national_j"] > k["region_b"] / k["national_b"]


def _structure(d: Navigation) -> list:
    r = d.region
    top = sorted(d.t["groups"], key=lambda g: (-(g["r_national"] or 0), g["key"]))[:15]
    rows = [{**g, "title": _t(d, g["key"], 40), "pos": POSITION[_pos(g)], "hot": "是" if g["hot"] else "",
             "rank": f"{g['r_rank']} / {g['r_units']}" if g["r_rank"] else f"— / {g['r_units'] or 0}"} for g in top]  # fmt: skip
    bars = [{"group": f"{g['key']} {_t(d, g['key'], 22)}", "rta": g["r_rta"] or 0.0} for g in top]
    blocks: list = [
        f"专业化指数（显示性技术优势 RTA）= {r}某分支申请占{r}全部分支申请的比重 ÷ 全国该分支占全国的比重：大于 1 表示{r}在该分支相对集中。"
        f"RTA ≥ {STRONG} 且不少于 3 件为优势，< {WEAK} 为薄弱，没有申请为空白，其余为均势。",
        C.bar("rta", f"{r}主要技术分支专业化指数", _table({"group": "IPC 大组", "rta": "专业化指数 RTA"}, bars, rta="num"), "group", "rta",
              horizontal=True, height=340, note=f"技术分支为全国申请量前 15 的 IPC 大组；RTA = 1 为全国平均水平。{_note(d)}"),
        _table({"key": "IPC 大组", "title": "主题词", "r_national": "全国", "r_n": r, "r_share": "占全国", "rank": "排名", "r_rta": "RTA",
                "pos": "定位", "hot": "热点"}, rows, f"{r}在主要技术分支的定位", r_national=INT, r_n=INT, r_share="pct", r_rta="num"),
    ]  # fmt: skip
    if d.t.get("sei_position"):
        from seip.taxonomy.sei import categories

        srows = [{**x, "name": getattr(categories().get(x["branch"]), "name", x["branch"]), "pos": POSITION[position(x["rta"], x["n"])]}
                 for x in d.t["sei_position"][:15]]  # fmt: skip
        blocks.append(_table({"branch": "代码", "name": "战略性新兴产业分类", "national": "全国", "n": r, "share": "占全国", "rta": "RTA",
                              "pos": "定位"}, srows, f"{r}在战略性新兴产业各分类的定位", national=INT, n=INT, share="pct", rta="num"))  # fmt: skip
    return blocks


def _enterprises(d: Navigation) -> Section:
    k, t, r = d.k, d.t, d.region
    tot_r, tot_n = sum(x["region"] for x in t["types"]) or 1, sum(x["national"] for x in t["types"]) or 1
    rows = [{"type": APPLICANT_TYPES.get(x["key"], x["key"]), "who": w, "share": x[c] / tot}
            for x in t["types"] for w, c, tot in ((r, "region", tot_r), ("全国", "national", tot_n))]  # fmt: skip
    firm = next((x for x in t["types"] if x["key"] == "enterprise"), {"region": 0, "national": 0})
    higher = firm["region"] / tot_r > firm["national"] / tot_n
    blocks: list = [
        f"{r}有申请人 {fmt_count(k['region_applicants'])} 个（以第一申请人所在地计）。企业参与的申请占{r}申请的 {fmt_pct(firm['region'] / tot_r)}"
        f"（全国 {fmt_pct(firm['national'] / tot_n)}），" + ("企业创新主体地位高于全国水平。" if higher else "企业创新主体地位低于全国水平，高校与科研院所占比较高。"),
        C.bar("types", f"申请人类型构成：{r}与全国", _table({"type": "申请人类型", "who": "范围", "share": "占比"}, rows, share="pct"),
              "type", "share", color="who", stack=False,
              note="共同申请按每位申请人的类型分别计数，占比为各类型申请占本范围申请的比重（合计可超过 100%）。"),
    ]  # fmt: skip
    if t["region_players"]:
        p0 = t["region_players"][0]
        blocks += [f"{r}申请量居首的是 {p0['applicant']}（{fmt_count(p0['n'])} 件，核心专利 {fmt_count(p0['core'])} 件）。",
                   _player_rows(_local(d, t["region_players"]), f"{r}主要申请人")]  # fmt: skip
    return Section("创新主体定位", blocks)


def _technology(d: Navigation) -> Section:
    r, hot = d.region, _hot(d)
    top = sorted(d.t["groups"], key=lambda g: (-(g["r_national"] or 0), g["key"]))[:10]
    nat, own = (
        sum(g["r_national"] or 0 for g in d.t["groups"]) or 1,
        sum(g["r_n"] or 0 for g in d.t["groups"]) or 1,
    )
    rows = [{"group": f"{g['key']} {_t(d, g['key'], 22)}", "who": w, "share": v} for g in top
            for w, v in ((r, (g["r_n"] or 0) / own), ("全国", (g["r_national"] or 0) / nat))]  # fmt: skip
    mine = sorted((g for g in d.t["groups"] if g["r_n"]), key=lambda g: (-g["r_n"], g["key"]))[:5]
    covered = [g for g in hot if g["r_n"]]
    text = (f"{r}申请最多的技术分支为 " + "、".join(f"{g['key']}（{_t(d, g['key'], 16)}，{fmt_count(g['r_n'])} 件）" for g in mine) + "。"
            if mine else f"{r}尚无申请。")  # fmt: skip
    if hot:
        text += (f"在 {len(hot)} 个技术热点中，{r}有布局的 {len(covered)} 个" + (f"（{_names(d, covered, titled=False)}）" if covered else "")
                 + f"，其余 {len(hot) - len(covered)} 个尚属空白。")  # fmt: skip
    ht = _table({"key": "热点分支", "title": "主题词", "n_j": "全球近三年", "r_national": "全国", "r_n": r, "r_rta": "RTA", "r_leader": "全国领先",
                 "pos": "定位"}, [{**g, "title": _t(d, g["key"], 30), "pos": POSITION[_pos(g)]} for g in hot], f"技术热点中的{r}",
                n_j=INT, r_national=INT, r_n=INT, r_rta="num")  # fmt: skip
    return Section("技术定位", [
        text,
        C.bar("tech_mix", f"技术分支构成：{r}与全国", _table({"group": "IPC 大组", "who": "范围", "share": "占各自分支申请的比重"}, rows,
              share="pct"), "group", "share", color="who", stack=False, horizontal=True, height=340, note=_note(d)),
        *([ht] if hot else []),
    ])  # fmt: skip


def _team_rows(rows: Rows) -> Rows:
    return [{**x, "years": f"{x['first_year']}—{x['last_year']}", "where": _place(x["home"] or x["country"])} for x in rows]  # fmt: skip


def _talent(d: Navigation) -> Section:
    k, t, r = d.k, d.t, d.region
    bars = [{"team": f"{x['lead']}（{x['applicant']}）", "apps": x["apps"]} for x in t["teams_top"]]
    blocks: list = [
        f"发明人是产业人才的直接体现。以发明人姓名与其所在申请人（第一申请人）识别个人，共有发明人 {fmt_count(k['inventors'])} 人，"
        f"其中{r} {fmt_count(k['region_inventors'])} 人。两位发明人共同完成不少于 2 件申请即视为合作，合作关系连通的 3 人以上群体为一个发明人团队，"
        f"全部识别出团队 {fmt_count(k['teams'])} 个，{r} {fmt_count(k['region_teams'])} 个。",
    ]  # fmt: skip
    if t["teams_top"]:
        x = t["teams_top"][0]
        blocks += [f"规模最大的团队以 {x['lead']} 为带头人（{x['applicant']}，{x['members']} 人，团队申请 {fmt_count(x['apps'])} 件）。",
                   C.bar("teams", "主要发明人团队申请量", _table({"team": "团队", "apps": "团队申请（件）"}, bars, apps=INT), "team", "apps",
                         horizontal=True, sort_by_value=True, height=300, note="团队申请：至少两名团队成员共同完成的申请。")]  # fmt: skip
    blocks += ([_table(INVENTOR_COLS, t["inventors_region"], f"{r}主要发明人", apps=INT, apps_j=INT, core=INT)]
               if t["inventors_region"] else [f"{r}的申请没有发明人信息。"])  # fmt: skip
    if t["teams_region"]:
        x = t["teams_region"][0]
        blocks += [f"{r}最大的发明人团队以 {x['lead']} 为带头人（{x['applicant']}，{x['members']} 人，团队申请 {fmt_count(x['apps'])} 件）。",
                   _table(TEAM_COLS, _team_rows(t["teams_region"]), f"{r}发明人团队", members=INT, apps=INT, core=INT)]  # fmt: skip
    else:
        blocks.append(f"{r}尚未形成 3 人以上、稳定合作的发明人团队。")
    return Section("人才定位", blocks)


def _operations(d: Navigation) -> Section:
    k, t, r = d.k, d.t, d.region
    tot_r, tot_n = sum(x["region"] for x in t["status"]) or 1, sum(x["national"] for x in t["status"]) or 1
    rows = [{"status": STATUS.get(x["key"], x["key"] or "未知"), "who": w, "share": x[c] / tot}
            for x in t["status"] for w, c, tot in ((r, "region", tot_r), ("全国", "national", tot_n))]  # fmt: skip
    ops = [{**x, "name": EVENTS.get(x["key"], x["key"])} for x in t["operations"]]
    text = (f"{r}有效专利 {fmt_count(k['region_valid'])} 件，占其申请的 {fmt_pct(k['region_valid'] / k['region'] if k['region'] else None)}"
            f"（全国 {fmt_pct(k['national_valid'] / k['national'] if k['national'] else None)}）。专利运营以法律事件计：" + (
            "；".join(f"{o['name']} {fmt_count(o['region'])} 件（全国 {fmt_count(o['national'])} 件）" for o in ops) + "。" if ops
            else "专利库中没有本领域的转让、许可或质押法律事件（导入含法律事件的数据后可统计）。"))  # fmt: skip
    return Section("专利运营定位", [
        text,
        C.bar("status", f"法律状态构成：{r}与全国", _table({"status": "法律状态", "who": "范围", "share": "占比"}, rows, share="pct"),
              "status", "share", color="who", stack=False, note=_note(d)),
        *([_table({"name": "运营方式", "region": r, "national": "全国", "world": "全球"}, ops, "专利转让、许可与质押（有相应法律事件的申请）",
                  region=INT, national=INT, world=INT)] if ops else []),
    ])  # fmt: skip


# --- 三、发展路径 / 四、清单 ----------------------------------------------------------------------------


def _tech_path(d: Navigation, code: str) -> str:
    g = next(x for x in d.t["groups"] if x["key"] == code)
    jw, _ = _win(d)
    here = (f"{d.region} {fmt_count(g['r_n'])} 件、RTA {g['r_rta']:.2f}" if g["r_n"] else f"{d.region}尚无申请")  # fmt: skip
    lead = f"，全国以{g['r_leader']}（{fmt_count(g['r_leader_n'])} 件）居首" if g.get("r_leader") else ""
    return f"**{code}**（{_t(d, code, 30)}）：全球{jw} {fmt_count(g['n_j'])} 件（{_g(g)}）；{here}{lead}。"


def _advice(x: dict) -> str:
    if x["n_target"] and x["core"]:
        return "已在目标分支布局且有核心专利，建议列为重点培育对象，开展高价值专利培育。"
    if x["n_j"] and (x["growth"] is None or x["growth"] >= 0.2):
        return "近三年增长较快，建议列入培育库，引导向目标分支布局。"
    return "建议加强研发投入与专利布局，向目标分支拓展。"


def _paths(d: Navigation) -> Section:
    k, t, r = d.k, d.t, d.region
    why = {"weak": f"技术热点中{r}薄弱（RTA < {WEAK}）或空白的分支", "hot": f"技术热点（{r}在热点中均不弱）",
           "top": "全国申请量最大的分支（本期没有热点）"}  # fmt: skip
    tech: list = [f"目标分支为{why[k['target_kind']]}，共 {len(k['targets'])} 个，建议作为补强与布局的重点：",
                  Bullets([_tech_path(d, g) for g in k["targets"]])]  # fmt: skip
    if _strong(d):
        tech.append(f"同时巩固{r}的优势分支 {_names(d, _strong(d), titled=False)}，以高价值专利培育和专利组合布局保持领先。")  # fmt: skip
    firms = [f"**{x['applicant']}**：{fmt_count(x['n'])} 件（近三年 {fmt_count(x['n_j'])} 件，{_g(x)}），核心专利 {fmt_count(x['core'])} 件，目标分支 "
             f"{fmt_count(x['n_target'])} 件；" + _advice(x) for x in t["cultivate"][:6]]  # fmt: skip
    talent = _table({"name": "发明人", "applicant": "申请人", "where": "所在地", "apps": "申请量", "n_target": "目标分支申请", "core": "核心专利",
                     "grp": "主要 IPC 大组"}, [{**x, "where": _place(x["home"] or x["country"])} for x in t["talent"]],
                    "外地重点发明人（目标分支）", apps=INT, n_target=INT, core=INT)  # fmt: skip
    coop: list = ["重合度 = 双方在共同 IPC 大组中申请量较小者之和，反映技术上的互补基础；目标分支中的重合优先，其次本地高校与院所、"
                  "对方在共同分支的申请量；每家企业至多列 3 个对象。"]  # fmt: skip
    coop += ([_table({"enterprise": "企业", "partner": "高校/科研院所", "n": "合作申请"}, t["links"], f"{r}现有产学研合作", n=INT)]
             if t["links"] else [f"{r}在本领域尚无企业与高校、科研院所的共同申请。"])  # fmt: skip
    if t["pairs"]:
        x = t["pairs"][0]
        coop += [f"首选合作对象：{x['enterprise']} 与 {x['partner']}（共同分支 {'、'.join(x['shared'])}，重合度 {x['overlap']}）。",
                 _table({"enterprise": f"{r}企业", "partner": "高校/科研院所", "where": "所在地", "shared": "共同技术分支", "overlap": "重合度",
                         "existing": "已合作申请"}, [{**x, "where": x["partner_home"] or "—"} for x in t["pairs"]], "产学研合作候选",
                        overlap=INT, existing=INT)]  # fmt: skip
    else:
        coop.append(f"{r}没有在本领域申请的企业，暂无可匹配的产学研合作对象。")
    none_firm = f"{r}尚无在本领域申请的企业，建议以引进为主：从“主要创新主体”与第四章清单中选择目标企业招商或合作。"  # fmt: skip
    return Section("发展路径", ["根据上两章的定位，从技术、企业、人才、合作和运营五个方面提出发展路径，每条路径都给出所依据的数据。"], [
        Section("技术发展路径", tech),
        Section("企业培育路径", [f"{r}在本领域申请量居前的企业及建议：", Bullets(firms)] if firms else [none_firm]),
        Section("人才引进路径", [f"目标分支中申请最多的{r}以外发明人与团队，可作为引进、柔性合作或委托研发的对象：", talent]
                if t["talent"] else ["目标分支中没有可识别的外地发明人。"]),
        Section("协同创新路径", coop),
        Section("知识产权运营路径", [f"目标分支中，{r}以外权利人持有的有效专利 {fmt_count(k['licensable'])} 件，可通过许可或转让获取；已失效、可自由"
                                  f"实施的专利 {fmt_count(k['reusable'])} 件，可二次开发。按价值度排列的清单见第四章。"]),
    ])  # fmt: skip


def _lists(d: Navigation) -> Section:
    t, r = d.t, d.region
    firms = _player_rows(_local(d, t["cultivate"]), f"{r}重点企业清单", True, {"n_target": "目标分支申请"})
    ext = _table({**TEAM_COLS, "n_target": "目标分支申请"}, _team_rows(t["teams_target"]), "外地发明人团队清单（目标分支）",
                 members=INT, apps=INT, core=INT, n_target=INT)  # fmt: skip
    own = _table(TEAM_COLS, _team_rows(t["teams_region"]), f"{r}发明人团队清单", members=INT, apps=INT, core=INT)  # fmt: skip
    lic = _table({"pub_number": "公开号", "title": "名称", "holder": "权利人", "where": "所在地", "year": "申请年", "hit": "目标分支",
                  "value_score": "价值度", "core": "核心"}, [{**x, "where": _place(x["place"])} for x in t["license"]],
                 "可许可或收购的专利清单", value_score="num")  # fmt: skip
    reuse = _table({"pub_number": "公开号", "title": "名称", "holder": "原申请人", "reason": "失效原因", "end_date": "失效日期",
                    "hit": "目标分支", "value_score": "价值度"}, [{**x, "reason": REASONS.get(x["reason"], x["reason"])} for x in t["reuse"]],
                   "可再利用的失效专利清单", value_score="num")  # fmt: skip
    return Section("清单", ["清单按第三章的目标分支生成：企业按申请量，团队按团队申请量，专利按价值度（0—100，越高越好）排列。"], [
        Section("重点企业清单", [firms] if t["cultivate"] else [f"{r}尚无在本领域申请的企业。"]),
        Section("发明人团队清单", ([own] if t["teams_region"] else [f"{r}尚无发明人团队。"]) + ([ext] if t["teams_target"] else [])),
        Section("可许可或收购的专利清单", [f"{r}以外权利人持有、仍然有效、属于目标分支的专利，按价值度取前 {len(t['license'])} 件。", lic]
                if t["license"] else ["目标分支中没有可评价值的有效专利。"]),
        Section("可再利用的失效专利清单", [
            f"已终止、届满、撤回、驳回、放弃或被宣告无效的专利申请，其技术方案可自由实施；按价值度取前 {len(t['reuse'])} 件。完整清单可用 "
            f"`seip lapsed{' --sei ' + d.sei if d.sei else ''} --out 失效专利.xlsx` 导出。", reuse]
            if t["reuse"] else ["目标分支中没有可评价值的失效专利。"]),
    ])  # fmt: skip


def _method(d: Navigation) -> Section:
    jw, bw = _win(d)
    src = _table({"source_format": "数据格式", "files": "文件数", "rows_read": "读取行数", "imported": "新增专利", "last": "最近导入"},
                 d.sources, "数据来源（导入记录）", files=INT, rows_read=INT, imported=INT)  # fmt: skip
    return Section("方法与数据说明", [
        f"研究范围：{_scope(d)}；区域：{d.region}（以第一申请人所在{_peer(d)}计，国内申请不含港澳台）。数据截止日 {d.cutoff:%Y-%m-%d}"
        f"（专利库最新公开日），最近完整申请年 {d.last_complete} 年；增长比较 {jw}（J）与 {bw}（B）。",
        src,
        Bullets([
            "报告结构依据 GB/T 39551—2020《专利导航指南》产业规划类专利导航：产业发展方向、区域产业定位、发展路径与清单。",
            "统计单位为专利申请（件）：同一申请号的多个公开文本合并为 1 件；年份按申请日。列表维度（申请人、IPC 大组、技术领域）对每个取值分别计数。",
            f"技术热点：J 申请不少于 max({HOT_MIN}, J 申请量的 {HOT_MIN_SHARE:.1%}) 件、增长（J ÷ B − 1）高于产业整体的 IPC 大组中增长最快的 "
            f"{HOT_TOP} 个（B 为 0 的新分支最快）。IPC 大组的主题词是其专利标题中最具区分度的词（c-TF-IDF）。",
            f"专业化指数 RTA（Balassa 显示性技术优势）=（区域该分支申请 ÷ 区域各分支申请之和）÷（全国该分支申请 ÷ 全国各分支申请之和），"
            f"全国为第一申请人在境内（不含港澳台）且所在地已知的申请；RTA ≥ {STRONG} 且至少 3 件为优势，< {WEAK} 为薄弱。",
            f"目标分支：技术热点中 RTA < {WEAK} 的分支；没有时取全部热点，没有热点时取申请量最大的 {HOT_TOP} 个分支。",
            "发明人以“姓名 + 第一申请人”识别（同名者按申请人区分，更换单位者视为两人）；共同完成至少 2 件申请的两人相连，连通的 3 人以上群体为"
            "团队，团队申请指至少两名成员共同完成的申请。",
            "申请人所在地、类型取其作为第一申请人时最常见的取值；产学研合作候选按双方在共同 IPC 大组中申请量较小者之和排序。",
            "价值度、核心专利与失效日期的定义见 docs/analysis.md；转让、许可、质押以法律事件计。",
            "专利地图：文本向量（TF-IDF + 截断 SVD）、PaCMAP 布局、HDBSCAN 聚类、c-TF-IDF 命名，见 docs/reports.md。图表背后的数据见同名 .xlsx 附表。",
        ]),
    ])  # fmt: skip


def title(d: Navigation) -> str:
    name = _industry(d)
    return f"{d.region}{name.removesuffix('产业')}{'产业' if name else ''}专利导航报告"


def build_report(d: Navigation, publisher: str = "") -> Report:
    """The navigation report of gathered figures."""
    provenance = [("研究范围", _scope(d)), ("区域", d.region), ("检索式", d.query or "—"), ("数据截止日", d.cutoff.isoformat()),
                  ("专利申请（件）", str(d.k["apps"])), ("目标分支", "、".join(d.k["targets"])), ("生成日期", dt.date.today().isoformat())]  # fmt: skip
    return Report(title(d), f"{_scope(d)} · 数据截至 {d.cutoff:%Y-%m-%d}", publisher, dt.date.today(), _findings(d),
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
