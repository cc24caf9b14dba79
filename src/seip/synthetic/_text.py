"""Titles, abstracts and first claims: pools compiled once from ``_vocab``, rendered per row by index.

A row picks a title (field, product or method), a body (components wired together, aligned between the
abstract and the claim, Chinese and English) and an effect sentence; rendering is a few Arrow ``take``
and element-wise joins per column, never a Python loop per row.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from seip.synthetic import _draw as d
from seip.synthetic import _vocab as v

PRODUCT, METHOD = 0, 1
_BODIES = 160  # bodies per field and kind
_EFFECTS = 120  # effect sentences per field


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _low(s: str) -> str:
    return s[:1].lower() + s[1:] if s[1:2].islower() else s


def _a(s: str) -> str:
    return d.article([s])[0] + " " + s


def _titles(f: v.Field) -> list[tuple[str, str, str, str, int, bool]]:
    """(title, title_en, claim subject, claim subject en, kind, utility-model-ok) of one field."""
    out: list[tuple[str, str, str, str, int, bool]] = []

    def add(
        title: str, title_en: str, subject: str, subject_en: str, kind: int = PRODUCT, um: bool = False
    ) -> None:
        out.append((title, title_en, subject, subject_en, kind, um))

    if f.style == "material":
        for o, oe in f.obj:
            for ad, ade in (("", ""), *v.MAT_ADJ[f.key]):
                sub, sube = "一种" + ad + o, (ade + " " + oe).strip()
                add(sub, _cap(sube), sub, sube)
                add(sub + "及其制备方法", _cap(sube) + " and preparation method thereof", sub, sube)
                for m, me in f.method[:3]:
                    add(sub + "的" + m, _cap(me) + " of " + sube, sub + "的" + m, me + " of " + sube, METHOD)
            add("一种" + o + "及其应用", _cap(oe) + " and application thereof", "一种" + o, oe)
            for t, te in f.term[:4]:
                s = "一种采用" + t + "制备" + o + "的方法"
                add(
                    s,
                    "Method for preparing " + oe + " by " + te,
                    s,
                    "method for preparing " + oe + " by " + te,
                    METHOD,
                )
        return out
    heads = [("一种", "")] + [("一种基于" + t + "的", " based on " + te) for t, te in f.term]
    heads += [  # two neighbouring approaches combined: "一种基于深度学习和卷积神经网络的…"
        ("一种基于" + t1 + "和" + t2 + "的", " based on " + te1 + " and " + te2)
        for (t1, te1), (t2, te2) in zip(f.term, f.term[1:], strict=False)
    ]
    for o, oe in f.obj:
        for h, post in heads:
            add(h + o, _cap(oe) + post, h + o, oe + post, PRODUCT, um=" and " not in post)
        for c, ce in f.comp:  # parts of a product: "一种用于充电桩的散热器"
            add(
                "一种用于" + o + "的" + c,
                _cap(ce) + " for " + oe,
                "一种用于" + o + "的" + c,
                ce + " for " + oe,
                um=True,
            )
        for a, ae in v.ADJ if f.style == "device" else ():
            add("一种" + a + o, _cap(ae) + " " + oe, "一种" + a + o, ae + " " + oe, um=True)
        for s, se in v.DEVICE_SUFFIX if f.style == "device" else ():
            add("一种" + o + "及其" + s, _cap(oe) + " and " + se + " thereof", "一种" + o, oe)
    for m, me in f.method:
        for h, post in heads:
            add(h + m, _cap(me) + post, h + m, me + post, METHOD)
        for h, post in heads[: 1 + len(f.term)]:
            add(h + m + "及系统", _cap(me) + " and system" + post, h + m, me + post, METHOD)
        for dev, deve in (
            (("设备", "device"), ("电子设备", "electronic device")) if f.style == "software" else ()
        ):
            add(
                m + "、装置、" + dev + "及存储介质",
                _cap(me) + ", apparatus, " + deve + " and storage medium",
                "一种" + m,
                me,
                METHOD,
            )
    return out


def _bodies(f: v.Field, kind: int, rnd: random.Random) -> list[tuple[str, str, str, str]]:
    """(abstract body, claim body, English abstract body, English claim body), aligned."""
    out = []
    comps = list(f.comp)
    for _ in range(_BODIES):
        (c1, e1), (c2, e2), (c3, e3) = rnd.sample(comps, 3)
        t, te = rnd.choice(f.term)
        da, dae = rnd.choice(f.data)
        r, re = rnd.choice(v.RESULT)
        if f.style == "material" and kind == PRODUCT:
            a, b, c = rnd.sample(("20-40", "10-30", "5-15", "1-5", "30-60", "0.5-2", "40-70"), 3)
            z = f"按重量份计，包括以下原料：{c1}{a}份、{c2}{b}份和{c3}{c}份。"
            e = f"{a} parts of {e1}, {b} parts of {e2} and {c} parts of {e3} by weight"
            out.append(("，" + z, z, f", which comprises {e}.", f", comprising {e}."))
        elif f.style == "material":
            ratio, temp, hours = (
                rnd.choice(("1:1", "1:2", "2:1", "3:1", "1:3")),
                rnd.choice((60, 80, 120, 180, 250, 450, 800)),
                rnd.choice((1, 2, 3, 4, 6, 8, 12)),
            )
            (p, pe), (q, qe) = rnd.choice(v.PROC), rnd.choice(v.POST)
            z1, z2, z3 = (
                f"将{c1}与{c2}按质量比{ratio}混合",
                f"在{temp}℃下{p}{hours}小时",
                f"加入{c3}，经{q}后得到产品",
            )
            e = (
                f"mixing {e1} and {e2} at a mass ratio of {ratio}; {pe} at {temp}°C for {hours} hours; and adding "
                f"{e3}, followed by {qe}, to obtain the product"
            )
            out.append(
                (
                    f"，包括以下步骤：{z1}，{z2}，{z3}。",
                    f"包括以下步骤：S1，{z1}；S2，{z2}；S3，{z3}。",
                    f", which comprises the following steps: {e}.",
                    f", comprising the following steps: {e}.",
                )
            )
        elif kind == PRODUCT and f.style == "software":
            z = f"{c1}、{c2}和{c3}，所述{c1}用于获取{da}，所述{c2}用于基于{t}对所述{da}进行处理，所述{c3}用于输出{r}"
            e = (
                f"{_a(e1)}, {_a(e2)} and {_a(e3)}, wherein the {e1} is configured to acquire {dae}, the {e2} is "
                f"configured to process the {dae} based on {te}, and the {e3} is configured to output {_a(re)}"
            )
            out.append((f"，包括{z}。", f"包括：{z}。", f", which comprises {e}.", f", comprising {e}."))
        elif kind == PRODUCT:
            (pos, pose), (cn, cne) = rnd.choice(v.POS), rnd.choice(v.CONN)
            z = f"{c1}、{c2}和{c3}，所述{c1}设置于所述{c2}的{pos}，所述{c3}与所述{c1}{cn}"
            e = (
                f"{_a(e1)}, {_a(e2)} and {_a(e3)}, wherein the {e1} is arranged at the {pose} of the {e2}, and the "
                f"{e3} is {cne} to the {e1}"
            )
            out.append((f"，包括{z}。", f"包括：{z}。", f", which comprises {e}.", f", comprising {e}."))
        elif f.style == "software":
            z1, z2, z3 = (
                f"获取待处理的{da}",
                f"将所述{da}输入{c1}，基于{t}得到{r}",
                f"根据所述{r}，通过{c2}执行对应的操作",
            )
            e = (
                f"acquiring {dae} to be processed; inputting the {dae} into {_a(e1)} and obtaining {_a(re)} based on "
                f"{te}; and performing a corresponding operation through {_a(e2)} according to the {re}"
            )
            out.append(
                (
                    f"，所述方法包括：{z1}；{z2}；{z3}。",
                    f"包括：{z1}；{z2}；{z3}。",
                    f", wherein the method comprises: {e}.",
                    f", comprising: {e}.",
                )
            )
        else:
            z1, z2, z3 = f"获取{c1}的{da}", f"利用{t}对所述{da}进行分析，得到{r}", f"根据所述{r}控制所述{c2}"
            e = (
                f"acquiring {dae} of {_a(e1)}; analyzing the {dae} by means of {te} to obtain {_a(re)}; and "
                f"controlling {_a(e2)} according to the {re}"
            )
            out.append(
                (
                    f"，包括以下步骤：{z1}；{z2}；{z3}。",
                    f"包括以下步骤：S1，{z1}；S2，{z2}；S3，{z3}。",
                    f", which comprises the following steps: {e}.",
                    f", comprising the following steps: {e}.",
                )
            )
    return out


def _effects(f: v.Field, rnd: random.Random) -> tuple[list[tuple[str, str]], list[str]]:
    inv, um = [], []
    effects = list(f.effect) + list(v.GENERIC_EFFECT)
    for _ in range(_EFFECTS):
        (t, te), (p, pe), (e, ee) = rnd.choice(f.term), rnd.choice(f.problem), rnd.choice(effects)
        via, verb = rnd.choice(("通过", "利用", "采用")), rnd.choice(("提高了", "有效提高了", "显著提升了"))
        inv.append(
            (
                f"本发明{via}{t}，解决了现有技术中{p}的问题，{verb}{e}。",
                f" By means of {te}, the invention solves the problem of {pe} and improves the {ee}.",
            )
        )
        if rnd.random() < 0.5:
            ease = rnd.choice(("使用方便", "安装方便", "成本较低", "便于维护", "结构紧凑"))
            um.append(f"本实用新型结构简单，{ease}，{verb}{e}。")
        else:
            um.append(f"本实用新型解决了{p}的问题，{verb}{e}。")
    return inv, um


@dataclass(frozen=True)
class Pools:
    """Text pieces; a column is ``join(take(piece_1, i_1), take(piece_2, i_2), …)`` (index -1 → null row)."""

    title: pa.Array  # prose titles, then design product names
    title_tail: pa.Array  # "" then design variants ("（便携式）")
    title_en: pa.Array
    opener: pa.Array  # per field 5 invention + 3 utility-model openers, then the design opener
    body: pa.Array  # abstract bodies, then per design product 12 "2.本外观设计产品的用途…" tails
    effect: pa.Array  # invention effects, utility-model effects, then ""
    claim_head: pa.Array  # Chinese "1. 一种…，其特征在于，", then English "1. A …"
    claim_body: pa.Array  # Chinese claim bodies, then English ones
    abs_head_en: pa.Array
    body_en: pa.Array
    effect_en: pa.Array
    t_off: np.ndarray  # per field: titles [off, off+n_um) usable by utility models, [off, off+n_p) products,
    t_um: np.ndarray  # [off+n_p, off+n_p+n_m) methods
    t_p: np.ndarray
    t_m: np.ndarray
    n_titles: int
    n_bodies: int
    n_effects: int
    n_fields: int
    design_field: np.ndarray
    n_designs: int
    n_variants: int


@functools.cache
def pools() -> Pools:
    rnd = random.Random(20240601)
    titles, bodies, effects, effects_um, openers = [], [], [], [], []
    t_off, t_um, t_p, t_m = [], [], [], []
    for f in v.FIELDS:
        rows = _titles(f)
        rows.sort(
            key=lambda r: (r[4], not r[5])
        )  # products usable by utility models, other products, methods
        t_off.append(len(titles))
        t_um.append(sum(1 for r in rows if r[4] == PRODUCT and r[5]))
        t_p.append(sum(1 for r in rows if r[4] == PRODUCT))
        t_m.append(sum(1 for r in rows if r[4] == METHOD))
        titles.extend(rows)
        for kind in (PRODUCT, METHOD):
            bodies.extend(_bodies(f, kind, rnd))
        inv, um = _effects(f, rnd)
        effects.extend(inv)
        effects_um.extend(um)
        openers.extend(o.format(d=f.name) for o in v.OPEN_INVENTION + v.OPEN_UTILITY)
    col = list(zip(*titles, strict=True))
    design_rest = [
        f"。2.本外观设计产品的用途：本外观设计产品用于{use}。3.本外观设计产品的设计要点：在于{point}。"
        f"4.最能表明设计要点的图片或照片：{view}。"
        for _, use, _ in v.DESIGN_PRODUCTS
        for point in v.DESIGN_POINTS
        for view in v.DESIGN_VIEWS
    ]
    return Pools(
        title=pa.array(list(col[0]) + [p[0] for p in v.DESIGN_PRODUCTS]),
        title_tail=pa.array(("", *v.DESIGN_VARIANTS)),
        title_en=pa.array(col[1]),
        opener=pa.array([*openers, "1.本外观设计产品的名称："]),
        body=pa.array([b[0] for b in bodies] + design_rest),
        effect=pa.array([e[0] for e in effects] + effects_um + [""]),
        claim_head=pa.array(
            [f"1. {s}，其特征在于，" for s in col[2]] + [f"1. {_cap(_a(s))}" for s in col[3]]
        ),
        claim_body=pa.array([b[1] for b in bodies] + [b[3] for b in bodies]),
        abs_head_en=pa.array([f"The invention discloses {_a(_low(s))}" for s in col[1]]),
        body_en=pa.array([b[2] for b in bodies]),
        effect_en=pa.array([e[1] for e in effects]),
        t_off=np.array(t_off),
        t_um=np.array(t_um),
        t_p=np.array(t_p),
        t_m=np.array(t_m),
        n_titles=len(titles),
        n_bodies=len(bodies),
        n_effects=len(effects),
        n_fields=len(v.FIELDS),
        design_field=np.array([v.FIELD_INDEX[p[2]] for p in v.DESIGN_PRODUCTS]),
        n_designs=len(v.DESIGN_PRODUCTS),
        n_variants=len(v.DESIGN_VARIANTS),
    )


def render(
    field: np.ndarray, ptype: np.ndarray, english: np.ndarray, product: np.ndarray, u: np.ndarray
) -> dict[str, pa.Array]:
    """Title, abstract, first claim (and English title/abstract where ``english``) of every row.

    ``field`` field index; ``ptype`` 0 invention, 1 utility model, 2 design; ``english`` fill the English columns
    and write the claim in English (foreign documents); ``product`` design product index; ``u`` (n, 5) uniforms.
    """
    p = pools()
    utility, design = ptype == 1, ptype == 2
    off, n_um, n_p, n_m = p.t_off[field], p.t_um[field], p.t_p[field], p.t_m[field]
    method = (ptype == 0) & (u[:, 0] < 0.45)
    span = np.where(utility, n_um, np.where(method, n_m, n_p))
    ti = off + np.where(method, n_p, 0) + np.minimum((u[:, 1] * span).astype(np.int64), span - 1)
    bi = (field * 2 + method) * _BODIES + (u[:, 2] * _BODIES).astype(np.int64)
    ei = field * _EFFECTS + (u[:, 3] * _EFFECTS).astype(np.int64)
    oi = field * 8 + np.where(utility, 5 + (u[:, 4] * 3).astype(np.int64), (u[:, 4] * 5).astype(np.int64))
    # Designs: product name (+ variant), fixed opener, product-specific tail, no effect, no claim.
    variant = np.where(u[:, 0] < 0.3, 1 + (u[:, 1] * p.n_variants).astype(np.int64), 0)
    title = d.join(
        d.take(p.title, np.where(design, p.n_titles + product, ti)),
        d.take(p.title_tail, np.where(design, variant, 0)),
    )
    tail = p.n_bodies + product * 12 + (u[:, 2] * 12).astype(np.int64)
    abstract = d.join(
        d.take(p.opener, np.where(design, p.n_fields * 8, oi)),
        title,
        d.take(p.body, np.where(design, tail, bi)),
        d.take(p.effect, np.where(design, 2 * p.n_effects, np.where(utility, p.n_effects + ei, ei))),
    )
    claim = d.join(
        d.take(p.claim_head, np.where(design, -1, np.where(english, p.n_titles + ti, ti))),
        d.take(p.claim_body, np.where(design, -1, np.where(english, p.n_bodies + bi, bi))),
    )
    en = english & ~design
    return {
        "title": title,
        "abstract": abstract,
        "first_claim": claim,
        "title_en": d.take(p.title_en, np.where(en, ti, -1)),
        "abstract_en": d.join(
            d.take(p.abs_head_en, np.where(en, ti, -1)),
            d.take(p.body_en, np.where(en, bi, -1)),
            d.take(p.effect_en, np.where(en, ei, -1)),
        ),
    }
