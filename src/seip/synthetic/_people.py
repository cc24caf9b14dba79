"""Applicants, inventors and the first applicant's location.

Every applicant is an *entity* whose attributes (name, city, address) are a hash of a key: a firm is (field,
Zipf rank), so the same firm recurs with the same name and city across the corpus and top-applicant rankings are
meaningful; individuals are drawn from a space so large that they rarely recur. Inventors are keyed on their
first applicant, so a firm's inventors recur too.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from seip.records.schema import APPLICANT_TYPES
from seip.synthetic import _draw as d
from seip.synthetic import _names as nm
from seip.synthetic._tables import cities
from seip.synthetic._vocab import FIELDS

COUNTRIES = ("CN", "US", "JP", "KR", "DE", "FR", "GB", "CH", "NL", "SE")
ENT, UNI, INST, INDIV, GOV, OTHER = range(6)
_N_ENT, _N_ENT_ABROAD, _N_UNI, _N_INST, _N_GOV, _N_FOREIGN = 200_000, 2_000, 1_500, 800, 3_000, 20_000
#: Zipf–Mandelbrot head flattening per applicant type (top university ≈ 0.3 % of rows, top firm of a field ≈ 4 %
#: of its enterprise filings).
_HEAD = np.array([2.5, 7.0, 10.0, 1.0, 3.0, 3.0])
#: First-applicant type shares (enterprise … other) for invention, utility model, design; then co-applicants.
_FIRST = (d.cdf([62, 20, 8, 7, 2, 1]), d.cdf([68, 10, 4, 15, 1, 2]), d.cdf([72, 2, 1, 25, 0, 0]))
_CO = d.cdf([55, 25, 12, 5, 2, 1])
_ABROAD_CN = d.cdf([80, 15, 5])  # Chinese applicants of foreign documents: enterprise, university, institute
_FOREIGN = d.cdf([90, 7, 3])
_N_APPLICANTS = d.cdf([78, 17, 5])
_N_INVENTORS = (d.cdf([14, 20, 22, 19, 14, 11]), d.cdf([45, 30, 15, 6, 3, 1]))


def _arr(items) -> pa.Array:
    """Arrow array of strings; tuples (the vocabulary) are converted once."""
    return _arr_cached(items) if isinstance(items, tuple) else pa.array(list(items))


@functools.cache
def _arr_cached(items: tuple[str, ...]) -> pa.Array:
    return pa.array(list(items))


@dataclass(frozen=True)
class _Pools:
    surname: pa.Array
    surname_py: pa.Array
    cum_surname: np.ndarray
    given: pa.Array
    given2: pa.Array  # "" first: one-character given names
    given_py: pa.Array  # capitalised
    given2_py: pa.Array
    brand: pa.Array
    brand_en: pa.Array
    industry: pa.Array
    industry_en: pa.Array
    ind_off: np.ndarray
    ind_cnt: np.ndarray
    suffix: pa.Array
    suffix_en: pa.Array
    cum_suffix: np.ndarray
    types: pa.Array
    countries: pa.Array


@functools.cache
def _pools() -> _Pools:
    brands = [(a, b) for a in nm.BRAND for b in nm.BRAND if a[0] != b[0]]
    industry = [pair for f in FIELDS for pair in f.industry]
    cnt = np.array([len(f.industry) for f in FIELDS])
    return _Pools(
        surname=_arr(s for s, _, _ in nm.SURNAMES),
        surname_py=_arr(p for _, _, p in nm.SURNAMES),
        cum_surname=d.cdf([w for _, w, _ in nm.SURNAMES]),
        given=_arr(g for g, _ in nm.GIVEN),
        given2=_arr([""] * 20 + [g for g, _ in nm.GIVEN]),
        given_py=_arr(p.capitalize() for _, p in nm.GIVEN),
        given2_py=_arr([""] * 20 + [p for _, p in nm.GIVEN]),
        brand=_arr(a[0] + b[0] for a, b in brands),
        brand_en=_arr((a[1] + b[1]).capitalize() for a, b in brands),
        industry=_arr(z for z, _ in industry),
        industry_en=_arr(" " + e for _, e in industry),
        ind_off=np.cumsum(cnt) - cnt,
        ind_cnt=cnt,
        suffix=_arr(s for s, _, _ in nm.CN_SUFFIXES),
        suffix_en=_arr(e for _, e, _ in nm.CN_SUFFIXES),
        cum_suffix=d.cdf([w for _, _, w in nm.CN_SUFFIXES]),
        types=_arr(APPLICANT_TYPES),
        countries=_arr(COUNTRIES),
    )


def warm() -> None:
    """Build the cached pools (before threads use them)."""
    _pools(), _person_pool(), _address_pools()


_PERSONS = 1 << 17  # Chinese names in the pool (with their pinyin twins)


@functools.cache
def _person_pool() -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """All person names in one array: Chinese, their pinyin twins, then JP, KR, DE and Western name pairs."""
    p = _pools()
    i = np.arange(_PERSONS)
    s = d.pick(p.cum_surname, d.hunit(d.hash64(i, 1)))
    g1, g2 = d.hmod(d.hash64(i, 2), len(p.given)), d.hmod(d.hash64(i, 3), len(p.given2))
    han = d.join(d.take(p.surname, s), d.take(p.given, g1), d.take(p.given2, g2))
    py = d.join(d.take(p.given_py, g1), d.take(p.given2_py, g2), " ", d.take(p.surname_py, s))
    parts = [han, py] + [
        _arr(f + " " + la for f in first for la in last)
        for first, last in (
            (nm.JP_FIRST, nm.JP_LAST),
            (nm.KR_FIRST, nm.KR_LAST),
            (nm.DE_FIRST, nm.DE_LAST),
            (nm.WESTERN_FIRST, nm.WESTERN_LAST),
        )
    ]
    cnt = np.array([len(a) for a in parts])
    return pa.concat_arrays(parts), np.cumsum(cnt) - cnt, cnt


def _person(h: np.ndarray, country: np.ndarray, english: np.ndarray) -> np.ndarray:
    """Index in the person pool of a name in the script of the document and the person's country."""
    _, off, cnt = _person_pool()
    group = np.select([~english, country == 0, country == 2, country == 3, country == 4], [0, 1, 2, 3, 4], 5)
    return off[group] + d.hmod(h, cnt[group])


def _named(
    pos: np.ndarray, name: pa.Array, std: pa.Array | None = None
) -> tuple[np.ndarray, pa.Array, pa.Array]:
    return pos, name, name if std is None else std


def _institutions(
    key: np.ndarray, kind: int, real: tuple[tuple[str, str, str], ...], english: bool, words: tuple[str, ...]
) -> tuple[pa.Array, np.ndarray]:
    """Names and cities of universities / institutes: Zipf rank < len(real) → real, else generated."""
    c = cities()
    rank = (key & np.uint64(0xFFFFFFFF)).astype(np.int64)
    is_real = rank < len(real)
    h = d.hash64(key, 10 + kind)
    city = d.pick(c.cum_pop, d.hunit(h))
    real_city = np.array([c.index[r[2]] for r in real])
    city[is_real] = real_city[rank[is_real]]
    real_names = _arr(tuple(r[1] if english else r[0] for r in real))
    gen = np.flatnonzero(~is_real)
    word = d.take(_arr(words), d.hmod(d.hash64(key[gen], 11), len(words)))
    head = c.short if kind == UNI else c.province
    return d.merge(
        len(key),
        [
            (np.flatnonzero(is_real), d.take(real_names, rank[is_real])),
            (gen, d.join(d.take(head, city[gen]), word)),
        ],
    ), city


def _foreign_stem(h: np.ndarray, country: np.ndarray) -> pa.Array:
    parts = []
    for code, stems in ((2, nm.JP_STEMS), (3, nm.KR_STEMS), (4, nm.DE_STEMS)):
        pos = np.flatnonzero(country == code)
        parts.append((pos, d.take(_arr(stems), d.hmod(h[pos], len(stems)))))
    pos = np.flatnonzero(~np.isin(country, (2, 3, 4)))
    parts.append(
        (
            pos,
            d.join(
                d.take(_arr(nm.FOREIGN_STEM_A), d.hmod(h[pos], len(nm.FOREIGN_STEM_A))),
                d.take(_arr(nm.FOREIGN_STEM_B), d.hmod(d.hash64(h[pos], 6), len(nm.FOREIGN_STEM_B))),
            ),
        )
    )
    return d.merge(len(h), parts)


def _foreign_suffix(h: np.ndarray, country: np.ndarray) -> pa.Array:
    parts = []
    for code in np.unique(country):
        pos = np.flatnonzero(country == code)
        options = nm.FOREIGN_SUFFIX[COUNTRIES[code]]
        parts.append((pos, d.take(_arr(options), d.hmod(d.hash64(h[pos], 7), len(options)))))
    return d.merge(len(h), parts)


def applicants(
    st: d.Rand, office_cn: np.ndarray, ptype: np.ndarray, field: np.ndarray, country: np.ndarray
) -> dict[str, pa.Array]:
    """Applicant, inventor and location columns. ``country``: index in ``COUNTRIES`` of the applicants."""
    p, c = _pools(), cities()
    n = len(field)
    n_app = 1 + d.pick(_N_APPLICANTS, st.u("n_applicants"))
    row = np.repeat(np.arange(n), n_app)
    first = np.r_[True, row[1:] != row[:-1]]
    slot = np.arange(len(row)) - np.repeat(d.offsets(n_app)[:-1], n_app)
    m = len(row)
    english, ctry, fld = ~office_cn[row], country[row], field[row]
    # Slot types.
    u_type = st.u_slots("applicant_type", row, slot)
    typ = np.empty(m, dtype=np.int64)
    domestic = ctry == 0
    for t in range(3):
        sel = first & domestic & ~english & (ptype[row] == t)
        typ[sel] = d.pick(_FIRST[t], u_type[sel])
    co = ~first & domestic & ~english
    typ[co] = d.pick(_CO, u_type[co])
    lead_indiv = np.repeat(typ[first] == INDIV, n_app) & co
    typ[lead_indiv & (u_type < 0.9)] = INDIV
    abroad = domestic & english
    typ[abroad] = d.pick(_ABROAD_CN, u_type[abroad])
    typ[~domestic] = d.pick(_FOREIGN, u_type[~domestic])
    # Entity keys: type | country | field | rank.
    u_rank = st.u_slots("applicant_rank", row, slot)
    size = np.select(
        [typ == ENT, typ == UNI, typ == INST, typ == GOV, typ == OTHER],
        [
            np.where(domestic, np.where(english, _N_ENT_ABROAD, _N_ENT), _N_FOREIGN),
            np.where(domestic & ~english, _N_UNI, len(nm.UNIVERSITIES)),
            np.where(domestic & ~english, _N_INST, len(nm.INSTITUTES)),
            _N_GOV,
            _N_GOV,
        ],
        1,
    )
    rank = np.where(
        typ == INDIV,
        (u_rank * 2.0**40).astype(np.int64),
        d.zipf_rank(u_rank, size, _HEAD[np.minimum(typ, 5)]),
    )
    key = (
        (typ.astype(np.uint64) << np.uint64(60))
        | (ctry.astype(np.uint64) << np.uint64(52))
        | (np.where(typ == ENT, fld, 0).astype(np.uint64) << np.uint64(44))
        | rank.astype(np.uint64)
    )
    h = d.hash64(key, 0)
    city = np.full(m, -1)
    person = np.full(m, -1)
    names: list[tuple[np.ndarray, pa.Array, pa.Array]] = []
    # Chinese enterprises.
    for eng in (False, True):
        pos = np.flatnonzero((typ == ENT) & domestic & (english == eng))
        if not pos.size:
            continue
        hp = h[pos]
        big = rank[pos] < 300
        city[pos] = np.where(big, d.pick(c.cum_big, d.hunit(hp)), d.pick(c.cum_pop, d.hunit(hp)))
        brand = d.hmod(d.hash64(hp, 1), len(p.brand))
        ind = p.ind_off[fld[pos]] + d.hmod(d.hash64(hp, 2), p.ind_cnt[fld[pos]])
        suf = d.pick(p.cum_suffix, d.hunit(d.hash64(hp, 3)))
        if eng:
            std = d.join(d.take(p.brand_en, brand), d.take(p.industry_en, ind))
            names.append((pos, d.join(std, d.take(p.suffix_en, suf)), std))
        else:
            variant = d.pick(d.cdf([45, 35, 20]), d.hunit(d.hash64(hp, 4)))
            std = d.join(
                d.take(c.prefix, city[pos] * 3 + variant), d.take(p.brand, brand), d.take(p.industry, ind)
            )
            names.append((pos, d.join(std, d.take(p.suffix, suf)), std))
    # Universities and institutes (real ones first in Zipf order).
    for kind, real, words in (
        (UNI, nm.UNIVERSITIES, nm.COLLEGE_WORDS),
        (INST, nm.INSTITUTES, nm.INSTITUTE_WORDS),
    ):
        for eng in (False, True):
            pos = np.flatnonzero((typ == kind) & domestic & (english == eng))
            if pos.size:
                name, city[pos] = _institutions(key[pos], kind, real, eng, words)
                names.append(_named(pos, name))
    # Government bodies, hospitals, individuals.
    for kind, words in ((GOV, nm.GOVERNMENT_WORDS), (OTHER, nm.OTHER_WORDS)):
        pos = np.flatnonzero(typ == kind)
        if pos.size:
            city[pos] = d.pick(c.cum_pop, d.hunit(h[pos]))
            word = d.take(_arr(words), d.hmod(d.hash64(h[pos], 1), len(words)))
            names.append(_named(pos, d.join(d.take(c.city, city[pos]), word)))
    pos = np.flatnonzero(typ == INDIV)
    if pos.size:
        city[pos] = d.pick(c.cum_pop, d.hunit(h[pos]))
        person[pos] = _person(h[pos], ctry[pos], english[pos])
        names.append(_named(pos, d.take(_person_pool()[0], person[pos])))
    # Foreign applicants: invented stem + industry word + legal suffix (universities, institutes: stem + word).
    pos = np.flatnonzero(~domestic)
    if pos.size:
        t, hp, cp = typ[pos], h[pos], ctry[pos]
        ent = np.flatnonzero(t == ENT)
        other = np.flatnonzero(t != ENT)
        ind = p.ind_off[fld[pos][ent]] + d.hmod(hp[ent], p.ind_cnt[fld[pos][ent]])
        tail = d.merge(
            len(pos),
            [
                (ent, d.take(p.industry_en, ind)),
                (other, d.take(_arr(("", " University", " Institute of Technology")), t[other])),
            ],
        )
        std = d.join(_foreign_stem(d.hash64(hp, 1), cp), tail)
        suffix = d.merge(
            len(pos), [(ent, _foreign_suffix(hp[ent], cp[ent])), (other, pa.repeat("", len(other)))]
        )
        names.append((pos, d.join(std, suffix), std))
    name = d.merge(m, [(pos, a) for pos, a, _ in names])
    std = d.merge(m, [(pos, s) for pos, _, s in names])
    out = {
        "applicants": d.lists(n_app, name),
        "applicants_std": d.lists(n_app, std),
        "applicant_types": d.lists(n_app, d.take(p.types, typ)),
        "applicant_country": d.take(p.countries, country),
    }
    # Location of the first applicant (Chinese applicants only).
    lead = np.flatnonzero(first)
    lead_city = np.where(country == 0, city[lead], -1)
    out["province"] = d.take(c.province, lead_city)
    out["city"] = d.take(c.city, lead_city)
    hl = d.hash64(h[lead], 9)
    district = c.dist_off[np.maximum(lead_city, 0)] + d.hmod(hl, c.dist_cnt[np.maximum(lead_city, 0)])
    heads, streets = _address_pools()
    out["applicant_address"] = d.join(
        d.take(heads, np.where(lead_city < 0, -1, district)),
        d.take(streets, d.hmod(d.hash64(hl, 1), len(streets))),
    )
    # Inventors: recurring per first applicant; an individual applicant is the first inventor.
    k = 1 + d.pick(_N_INVENTORS[0], st.u("n_inventors"))
    k = np.where(ptype == 2, 1 + d.pick(_N_INVENTORS[1], st.u("n_inventors_design")), k)
    irow = np.repeat(np.arange(n), k)
    j = np.arange(len(irow)) - np.repeat(d.offsets(k)[:-1], k)
    r0 = d.zipf_rank(st.u("inventor_rank"), 200)
    ih = d.hash64(h[lead][irow] ^ d.hash64((r0[irow] + 37 * j) % 200, 5), 8)
    inventor = _person(ih, country[irow], ~office_cn[irow])
    lead_is_person = (typ[lead] == INDIV)[irow] & (j == 0)
    inventor[lead_is_person] = person[lead][irow[lead_is_person]]
    out["inventors"] = d.lists(k, d.take(_person_pool()[0], inventor))
    return out


@functools.cache
def _address_pools() -> tuple[pa.Array, pa.Array]:
    """("黑龙江省哈尔滨市南岗区" per city district, "学府路123号" per road and number)."""
    c = cities()
    city_of = np.repeat(np.arange(len(c.dist_cnt)), c.dist_cnt)
    heads = d.join(d.take(c.addr_head, city_of), c.districts)
    streets = pa.array([f"{road}{number}号" for road in nm.ROADS for number in range(1, 900)])
    return heads, streets
