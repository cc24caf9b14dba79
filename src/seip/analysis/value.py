"""Patent value: a transparent score in three dimensions after CNIPA's 专利价值分析指标体系, and core patents.

May import: seip.store, seip.taxonomy, seip.records, stdlib, ibis.

Every function takes ibis tables and returns an ibis expression; nothing here executes. Definitions, weights and
the reasons for each number are in docs/analysis.md ("Patent value"); the constants below are the same numbers.

* **Components.** Twelve measurable proxies in three dimensions (legal, technical, economic). Each has a *raw*
  value (a status, years, a count) and a *normalised* value in [0, 1]: status and remaining term by fixed rules,
  counts divided by the maximum of the patent's **cohort** (same office × IPC main subclass × filing year), the
  normalisation of the OECD patent quality indicators (Squicciarini, Dernis & Criscuolo 2013).
* **Missing data.** A component that cannot be evaluated for a patent (no claims count, unknown status, legal
  events of an office whose history the corpus holds for fewer than half of its patents…) has a NULL normalised
  value and its weight is shared out among the components of its
  dimension that can be evaluated; a dimension with no component evaluated is left out of the overall score
  and the other dimensions share its weight. Nothing missing is counted as zero.
* **Score.** dimension score = 100 × Σ wᵢ·nᵢ / Σ wᵢ over evaluated components; value score = the weighted mean
  of the evaluated dimension scores (equal dimension weights).
* **Core patents.** Rank by value score within the cohort; a patent is *core* when its rank is within the top
  10 % of the scored patents of a cohort of at least 10 (ties at the boundary all included).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir


@dataclass(frozen=True)
class Component:
    """One measured proxy of value."""

    key: str
    dimension: str
    weight: float  # within its dimension; the weights of a dimension sum to 1
    zh: str
    en: str
    rule: str  # "status", "term" or "cohort_max": how the raw value is normalised


COMPONENTS: tuple[Component, ...] = (
    Component("validity", "legal", 0.30, "法律状态（有效性）", "validity", "status"),
    Component("remaining_term", "legal", 0.30, "剩余保护期（年）", "remaining term (years)", "term"),
    Component("claims", "legal", 0.20, "权利要求数", "claims", "cohort_max"),
    Component(
        "invalidation", "legal", 0.10, "无效/异议请求", "invalidation/opposition requests", "cohort_max"
    ),
    Component("litigation", "legal", 0.10, "诉讼事件", "litigation events", "cohort_max"),
    Component("forward_citations", "technical", 0.50, "被引次数", "forward citations", "cohort_max"),
    Component(
        "ipc_scope", "technical", 0.25, "IPC小类数（保护范围）", "IPC subclasses (scope)", "cohort_max"
    ),
    Component("family_size", "technical", 0.25, "同族数量", "family size", "cohort_max"),
    Component("family_countries", "economic", 0.40, "同族国家/地区数", "family offices", "cohort_max"),
    Component("licences", "economic", 0.20, "许可事件", "licence events", "cohort_max"),
    Component("transfers", "economic", 0.20, "转让事件", "transfer events", "cohort_max"),
    Component("pledges", "economic", 0.20, "质押事件", "pledge events", "cohort_max"),
)
BY_KEY = {c.key: c for c in COMPONENTS}
#: Dimension weights in the overall score (CNIPA leaves them to the evaluator; equal weights favour none).
DIMENSIONS: dict[str, float] = {"legal": 1 / 3, "technical": 1 / 3, "economic": 1 / 3}
DIMENSION_NAMES = {
    "legal": ("法律价值度", "legal value"),
    "technical": ("技术价值度", "technical value"),
    "economic": ("经济价值度", "economic value"),
}

#: Legal-event categories (seip.records.status.event_category) counted by each event component.
EVENT_CATEGORIES: dict[str, tuple[str, ...]] = {
    "invalidation": ("opposition", "invalidation"),
    "litigation": ("litigation",),
    "licences": ("licence",),
    "transfers": ("transfer",),
    "pledges": ("pledge",),
}
#: Legal events count for an office when at least this share of its patents have one (see raw_components).
EVENTS_MIN_SHARE = 0.5
#: Normalised validity by legal status; statuses not listed (unknown, NULL) cannot be evaluated.
VALIDITY: dict[str, float] = {"granted": 1.0, "pending": 0.5}
DEAD = ("lapsed", "expired", "withdrawn", "rejected", "abandoned", "invalidated")
#: Years of protection left are divided by the longest term (an invention's 20 years).
LONGEST_TERM = 20.0
#: A normalisation cohort holds at least this many patents (else the next wider group is used).
COHORT_MIN = 10
#: A dimension is scored when its evaluated components carry at least this share of its weight; the value score
#: when the scored dimensions carry at least this share of the whole system's weight (else NULL: too little
#: is known for a score to mean anything).
DIMENSION_MIN_COVERAGE = 0.4
SCORE_MIN_COVERAGE = 0.5
EPS = 1e-9  # weight sums are compared with this tolerance (0.2 + 0.1 + 0.1 is not exactly 0.4 in binary)
#: Core patents: the top 10 % of a cell with at least 10 scored patents.
CORE_SHARE = 0.10
CORE_MIN_CELL = 10
#: The cell of a patent: office, IPC main subclass ("-" without IPC), filing year (-1 unknown).
CELL = ("cell_office", "cell_field", "cell_year")

DESIGN_15Y_CN = dt.date(
    2021, 6, 1
)  # Patent Law 2020 amendment: 15-year design term for filings from this day
DESIGN_15Y_US = dt.date(2015, 5, 13)  # Patent Law Treaties Implementation Act: 15 years from grant


def term_end(p: ir.Table) -> ir.DateValue:
    """Day the term of protection ends, by patent type and office (NULL where the rule needs a missing date).

    Invention 20 years from filing; utility model 10 years from filing; design in China 15 years from filing
    for applications filed from 2021-06-01, else 10; US design 15 years from grant when filed from 2015-05-13,
    else 14. Designs of other offices: NULL (their terms differ and are not modelled).
    """
    t, app, grant = p.patent_type, p.app_date, p.grant_date
    us, cn = p.pub_country == "US", p.pub_country == "CN"
    years = ibis.interval
    return ibis.cases(
        (t == "invention", app + years(years=20)),
        (t == "utility_model", app + years(years=10)),
        ((t == "design") & us & (app >= DESIGN_15Y_US), grant + years(years=15)),
        ((t == "design") & us, grant + years(years=14)),
        ((t == "design") & cn & (app >= DESIGN_15Y_CN), app + years(years=15)),
        ((t == "design") & cn, app + years(years=10)),
        else_=ibis.null("date"),
    )


def event_counts(events: ir.Table) -> ir.Table:
    """Per patent: ``n_events`` (any category) and, per event component, the number of distinct days with an
    event of its categories (undated events count as one day). Duplicated records of one act on one day count
    once."""
    day = events.event_date.fill_null(dt.date(1900, 1, 1))
    aggs = {
        key: day.nunique(where=events.category.isin(list(cats))).cast("int64")
        for key, cats in EVENT_CATEGORIES.items()
    }
    return events.group_by("pub_number").aggregate(n_events=events.count(), **aggs)


def event_coverage(patents: ir.Table, events: ir.Table) -> ir.Table:
    """Per office (``cell_office``): ``events_share``, the share of its patents with at least one legal event.

    Legal events are complete for an office when most of its patents have some (``EVENTS_MIN_SHARE``): then a
    patent without an event of a kind had none. Otherwise they are a sample, and no patent of the office is
    judged on them (judging only the few with a history would penalise exactly those, with zeros the others
    escape)."""
    p = patents.select("pub_number", cell_office=patents.pub_country.fill_null(""))
    has = events.select("pub_number").distinct()
    j = p.left_join(has, p.pub_number == has.pub_number)
    j = j.select("cell_office", has=j.pub_number_right.notnull())
    return j.group_by("cell_office").aggregate(
        events_share=j.has.cast("int64").sum().cast("float64") / j.count().cast("float64")
    )


def raw_components(
    patents: ir.Table, events: ir.Table, *, as_of: dt.date, coverage: ir.Table | None = None
) -> ir.Table:
    """One row per patent: cohort keys and the raw value of every component (NULL = cannot be evaluated).
    ``coverage`` is :func:`event_coverage` (computed from ``patents`` when not given: pass it when
    ``patents`` is only part of an office)."""
    p = patents
    ev = event_counts(events)
    as_of_lit = ibis.date(as_of)
    end = term_end(p)
    status = p.legal_status
    alive = status.isin(list(VALIDITY))
    days_left = end.delta(as_of_lit, unit="day")
    remaining = ibis.cases(
        (status.isin(list(DEAD)), ibis.literal(0.0)),
        (alive & end.notnull(), ibis.greatest(days_left, 0).cast("float64") / 365.25),
        else_=ibis.null("float64"),
    )
    subclasses = p.ipc.map(lambda s: s[:4]).unique().length().cast("int64")
    # Only where the offices are listed. (Inferring one office from family_size = 1 would make the known values
    # exactly the single-office families, and every one of them the maximum of its cohort.)
    countries = ibis.cases(
        (p.family_countries.length() > 0, p.family_countries.unique().length().cast("int64")),
        else_=ibis.null("int64"),
    )
    base = p.select(
        "pub_number",
        **cell_keys(p),
        legal_status=status,
        term_end=end,
        validity_raw=status,
        remaining_term_raw=remaining,
        claims_raw=p.claims_count.cast("int64"),
        forward_citations_raw=p.cited_by_count.cast("int64"),
        ipc_scope_raw=ibis.cases((subclasses > 0, subclasses), else_=ibis.null("int64")),
        family_size_raw=p.family_size.cast("int64"),
        family_countries_raw=countries,
    )
    j = base.left_join(ev, base.pub_number == ev.pub_number)
    j = j.select(*base.columns, *EVENT_CATEGORIES, has_events=j.n_events.notnull())
    cov = coverage if coverage is not None else event_coverage(patents, events)
    j = j.left_join(cov, "cell_office")
    known = j.events_share.fill_null(0.0) >= EVENTS_MIN_SHARE
    return j.select(
        *[c for c in base.columns],
        "has_events",
        events_share=j.events_share.fill_null(0.0),
        events_known=known,
        **{
            f"{key}_raw": ibis.cases((known, j[key].fill_null(0)), else_=ibis.null("int64"))
            for key in EVENT_CATEGORIES
        },
    )


def _counted() -> list[str]:
    return [c.key for c in COMPONENTS if c.rule == "cohort_max"]


def cell_keys(p: ir.Table) -> dict[str, ir.Value]:
    """The cell of each patent: office, IPC main subclass (``-`` without IPC), filing year (-1 unknown)."""
    return {
        "cell_office": p.pub_country.fill_null(""),
        "cell_field": p.ipc_main.substr(0, 4).fill_null("-"),
        "cell_year": p.app_date.year().cast("int64").fill_null(-1),
    }


def cohorts(raw: ir.Table) -> ir.Table:
    """One row per cell: the normalisation cohort chosen for it and the cohort maxima of the counted components.

    The cohort is the narrowest of five nested groups holding at least ``COHORT_MIN`` patents: (0) the cell
    itself (office × IPC main subclass × filing year), (1) the same IPC class (3 characters), (2) the same IPC
    section, (3) the whole office and filing year, (4) the whole office. ``cohort_field`` is ``*`` for all
    fields and ``-`` for patents without IPC; ``cohort_year`` is 0 for all years and -1 for an unknown year.
    The maxima are those of the whole group, so a patent's values do not depend on how its group is split.
    """
    counted = _counted()
    cells = raw.group_by(list(CELL)).aggregate(
        n0=raw.count(), **{f"{k}_m0": raw[f"{k}_raw"].max() for k in counted}
    )
    cells = cells.mutate(cls=cells.cell_field.substr(0, 3), sec=cells.cell_field.substr(0, 1))
    groups = {
        1: [cells.cell_office, cells.cls, cells.cell_year],
        2: [cells.cell_office, cells.sec, cells.cell_year],
        3: [cells.cell_office, cells.cell_year],
        4: [cells.cell_office],
    }
    up = {}
    for level, keys in groups.items():
        w = ibis.window(group_by=keys)
        up[f"n{level}"] = cells.n0.sum().over(w)
        up.update({f"{k}_m{level}": cells[f"{k}_m0"].max().over(w) for k in counted})
    cells = cells.mutate(**up)
    level = ibis.cases(*[(cells[f"n{i}"] >= COHORT_MIN, i) for i in range(4)], else_=4).cast("int64")

    def pick(col: str) -> ir.Value:
        return ibis.cases(*[(level == i, cells[f"{col}{i}"]) for i in range(1, 5)], else_=cells[f"{col}0"])

    field = ibis.cases(
        (level == 0, cells.cell_field), (level == 1, cells.cls), (level == 2, cells.sec), else_="*"
    )
    return cells.select(
        *CELL,
        cell_patents=cells.n0,
        cohort_office=cells.cell_office,
        cohort_field=field,
        cohort_year=ibis.cases((level == 4, 0), else_=cells.cell_year).cast("int64"),
        cohort_level=level,
        cohort_patents=pick("n").cast("int64"),
        **{f"{k}_max": pick(f"{k}_m") for k in counted},
    )


def in_group(patents: ir.Table, office: str, field: str, year: int) -> ir.Table:
    """The patents of one normalisation cohort (``cohort_office``, ``cohort_field``, ``cohort_year``): a
    patent's value computed on these alone equals its value computed on the whole corpus."""
    keys = cell_keys(patents)
    cond = [keys["cell_office"] == office]
    if field != "*":
        cond.append(keys["cell_field"].substr(0, len(field)) == field)
    if year != 0:
        cond.append(keys["cell_year"] == year)
    return patents.filter(*cond)


def cohort_of(patents: ir.Table, pub_number: str) -> ir.Table:
    """The normalisation cohort of one patent (``cohort_office``, ``cohort_field``, ``cohort_year``,
    ``cohort_level``, ``cohort_patents``; empty when the number is not in the corpus), from five counts over the
    patents of its office: the same rule as :func:`cohorts` without computing any component."""
    me = patents.filter(patents.pub_number == pub_number)
    me = me.select(**{f"my_{k}": v for k, v in cell_keys(me).items()})
    p = patents.filter(patents.pub_country.isin(me.my_cell_office))
    k = p.select(**cell_keys(p)).cross_join(me)
    same_year = k.cell_year == k.my_cell_year

    def prefix(n: int) -> ir.BooleanValue:
        return k.cell_field.substr(0, n) == k.my_cell_field.substr(0, n)

    c = k.group_by(["my_cell_office", "my_cell_field", "my_cell_year"]).aggregate(
        n0=k.count(where=same_year & (k.cell_field == k.my_cell_field)),
        n1=k.count(where=same_year & prefix(3)),
        n2=k.count(where=same_year & prefix(1)),
        n3=k.count(where=same_year),
        n4=k.count(),
    )
    level = ibis.cases(*[(c[f"n{i}"] >= COHORT_MIN, i) for i in range(4)], else_=4).cast("int64")
    field = ibis.cases(
        (level == 0, c.my_cell_field),
        (level == 1, c.my_cell_field.substr(0, 3)),
        (level == 2, c.my_cell_field.substr(0, 1)),
        else_="*",
    )
    return c.select(
        cohort_office=c.my_cell_office,
        cohort_field=field,
        cohort_year=ibis.cases((level == 4, 0), else_=c.my_cell_year).cast("int64"),
        cohort_level=level,
        cohort_patents=ibis.cases(*[(level == i, c[f"n{i}"]) for i in range(4)], else_=c.n4).cast("int64"),
    )


def value_in_cohort(
    patents: ir.Table, events: ir.Table, pub_number: str, cohort: dict, *, as_of: dt.date
) -> ir.Table:
    """The :func:`value_table` row of one patent, computed on its cohort only (``cohort``: the executed row
    of :func:`cohort_of`) and with the legal-event coverage of its whole office: the same numbers as on the
    whole corpus, in a fraction of the time."""
    p, office = patents, cohort["cohort_office"]
    group = in_group(p, office, cohort["cohort_field"], cohort["cohort_year"])
    coverage = event_coverage(p.filter(p.pub_country.fill_null("") == office), events)
    v = value_table(group, events, as_of=as_of, coverage=coverage)
    return v.filter(v.pub_number == pub_number)


def value_table(
    patents: ir.Table,
    events: ir.Table,
    *,
    as_of: dt.date,
    exclude: tuple[str, ...] = (),
    coverage: ir.Table | None = None,
) -> ir.Table:
    """Value of every patent, with every component: ``<key>_raw``, ``<key>_max`` (cohort maximum, for counts),
    ``<key>_norm`` (NULL = not evaluated), the dimension scores ``value_legal``, ``value_technical``,
    ``value_economic`` and ``value_score`` (0–100, 4 decimals), ``value_coverage`` and ``coverage_<dimension>``
    (the nominal weight evaluated); the cohort (``cohort_office``, ``cohort_field``, ``cohort_year``,
    ``cohort_level``, ``cohort_patents``); and ``cell_rank`` (1 = best; ties share the rank), ``cell_scored``
    and ``core`` within the cell (office × IPC subclass × filing year).

    ``exclude`` lists components to leave out of the system for every patent (their weight is shared out as for
    missing data, and coverage is counted against what is left): ``("validity", "remaining_term")`` values a
    patent for what it was, not for whether it is still in force (the early warning uses this to tell which
    lapsed patents were core). ``coverage``: see :func:`raw_components`.
    """
    unknown = set(exclude) - set(BY_KEY)
    if unknown:
        raise ValueError(f"unknown value components: {sorted(unknown)}")
    raw = raw_components(patents, events, as_of=as_of, coverage=coverage)
    counted = _counted()
    co = cohorts(raw)
    j = raw.inner_join(co, list(CELL))
    status, term_over = j.legal_status, j.term_end.notnull() & (j.term_end <= ibis.date(as_of))
    years = j.remaining_term_raw
    norm: dict[str, ir.FloatingValue] = {
        # A right whose term has run out by ``as_of`` is expired whatever a stale status says.
        "validity_norm": ibis.cases(
            (status.isin(list(DEAD)), ibis.literal(0.0)),
            (status.isin(list(VALIDITY)) & term_over, ibis.literal(0.0)),
            *[(status == s, ibis.literal(v)) for s, v in VALIDITY.items()],
            else_=ibis.null("float64"),
        ),
        "remaining_term_norm": ibis.cases(
            (years.isnull(), ibis.null("float64")),
            (years >= LONGEST_TERM, ibis.literal(1.0)),
            else_=years / LONGEST_TERM,
        ),
    }
    for k in counted:
        r, m = j[f"{k}_raw"], j[f"{k}_max"]
        # A cohort whose maximum is 0 (no patent has any) gives 0: the value is known, and it is none. A count
        # cannot be normalised in a group smaller than COHORT_MIN (an office with fewer patents in the corpus).
        norm[f"{k}_norm"] = ibis.cases(
            (r.isnull() | (j.cohort_patents < COHORT_MIN), ibis.null("float64")),
            (m > 0, r.cast("float64") / m.cast("float64")),
            else_=ibis.literal(0.0),
        )
    norm = {k: (ibis.null("float64") if k.removesuffix("_norm") in exclude else v) for k, v in norm.items()}
    j = j.mutate(**{k: round_half_up(v, 6) for k, v in norm.items()})
    covs, dims = {}, {}
    for dim in DIMENSIONS:
        parts = [c for c in COMPONENTS if c.dimension == dim]
        num = sum_of([j[f"{c.key}_norm"].fill_null(0.0) * c.weight for c in parts])
        weight = sum_of([ibis.cases((j[f"{c.key}_norm"].notnull(), c.weight), else_=0.0) for c in parts])
        # Coverage is counted against the components the system keeps (all but ``exclude``).
        kept = sum(c.weight for c in parts if c.key not in exclude)
        cov = weight / kept if kept else ibis.literal(0.0)
        covs[dim] = cov
        dims[f"value_{dim}"] = ibis.cases(
            (cov >= DIMENSION_MIN_COVERAGE - EPS, round_half_up(100.0 * num / weight, 4)),
            else_=ibis.null("float64"),
        )
    j = j.mutate(**dims, **{f"coverage_{d}": round_half_up(c, 6) for d, c in covs.items()})
    total = sum(DIMENSIONS.values())
    scored = {d: j[f"value_{d}"].notnull() for d in DIMENSIONS}
    coverage = sum_of(
        [ibis.cases((scored[d], j[f"coverage_{d}"] * (w / total)), else_=0.0) for d, w in DIMENSIONS.items()]
    )
    num = sum_of([j[f"value_{d}"].fill_null(0.0) * w for d, w in DIMENSIONS.items()])
    den = sum_of([ibis.cases((scored[d], w), else_=0.0) for d, w in DIMENSIONS.items()])
    j = j.mutate(
        value_coverage=round_half_up(coverage, 6),
        value_score=ibis.cases(
            (coverage >= SCORE_MIN_COVERAGE - EPS, round_half_up(num / den, 4)), else_=ibis.null("float64")
        ),
    )
    return _rank_in_cell(j)


def _rank_in_cell(j: ir.Table) -> ir.Table:
    scored = j.value_score.notnull()
    keys = [j.cell_office, j.cell_field, j.cell_year]
    scored_n = scored.cast("int64").sum().over(ibis.window(group_by=keys)).cast("int64")
    rank = ibis.rank().over(group_by=keys, order_by=ibis.desc(j.value_score)) + 1
    j = j.mutate(cell_scored=scored_n, cell_rank=ibis.cases((scored, rank), else_=ibis.null("int64")))
    core = (
        scored
        & (j.cell_scored >= CORE_MIN_CELL)
        & (j.cell_rank.cast("float64") <= (j.cell_scored.cast("float64") * CORE_SHARE).floor())
    )
    return j.mutate(core=core)


def round_half_up(x: ir.FloatingValue, digits: int) -> ir.FloatingValue:
    """``x`` (≥ 0) rounded half up to ``digits`` decimals with plain IEEE arithmetic, so that every engine gives
    the same double (SQL ROUND differs: DuckDB rounds the binary value, Spark its decimal expansion)."""
    scale = 10.0**digits
    return (x * scale + 0.5).floor().cast("float64") / scale


def sum_of(values: list[ir.NumericValue]) -> ir.NumericValue:
    """``a + b + …`` left to right (one evaluation order on every engine)."""
    total = values[0]
    for v in values[1:]:
        total = total + v
    return total


def value_columns(
    patents: ir.Table, events: ir.Table, *, as_of: dt.date, exclude: tuple[str, ...] = ()
) -> ir.Table:
    """The value columns to join onto patents: ``pub_number``, the three dimension scores, ``value_score``,
    ``value_coverage``, ``cell_rank``, ``cell_scored``, ``core``, and ``validity_norm`` and ``term_end`` (what
    the early warning needs to tell core patents in force and their end of term)."""
    v = value_table(patents, events, as_of=as_of, exclude=exclude)
    return v.select(*VALUE_COLUMNS)


#: Components left out to value a patent for what it was rather than whether it is still in force.
INTRINSIC = ("validity", "remaining_term")
#: Columns of :func:`value_columns`.
VALUE_COLUMNS = (
    "pub_number",
    "value_legal",
    "value_technical",
    "value_economic",
    "value_score",
    "value_coverage",
    "cell_rank",
    "cell_scored",
    "core",
    "validity_norm",
    "term_end",
)


def explain(row: dict) -> list[dict]:
    """The components of one row of :func:`value_table` as a list: dimension, key, raw, cohort maximum,
    normalised value, nominal weight, effective weight (after renormalising over what was evaluated) and
    contribution to the value score (points of 100). Works on an executed row (a plain dict)."""
    dims = [d for d in DIMENSIONS if row.get(f"value_{d}") is not None]
    dim_total = sum(DIMENSIONS[d] for d in dims)
    out = []
    for c in COMPONENTS:
        n = row.get(f"{c.key}_norm")
        evaluated = [
            x for x in COMPONENTS if x.dimension == c.dimension and row.get(f"{x.key}_norm") is not None
        ]
        share = sum(x.weight for x in evaluated)
        eff = (c.weight / share) * (DIMENSIONS[c.dimension] / dim_total) if n is not None and share else 0.0
        out.append(
            {
                "dimension": c.dimension,
                "component": c.key,
                "raw": row.get(f"{c.key}_raw"),
                "cohort_max": row.get(f"{c.key}_max"),
                "normalised": n,
                "evaluated": n is not None,
                "weight": c.weight,
                "dimension_weight": DIMENSIONS[c.dimension],
                "effective_weight": round(eff, 6),
                "contribution": round(100.0 * eff * n, 4) if n is not None else None,
                "rule": c.rule,
            }
        )
    return out


def explanation(row: dict, info: dict, as_of: dt.date) -> dict:
    """What ``seip value PUB`` prints: an executed :func:`value_table` row explained, component by component,
    with the reason a component was not evaluated (``no_legal_events``, ``cohort_too_small``,
    ``data_missing``). ``info`` holds the patent's ``title`` and ``legal_status``."""
    comps = explain(row)
    for c in comps:
        comp = BY_KEY[c["component"]]
        c["name_zh"], c["name_en"] = comp.zh, comp.en
        if not c["evaluated"]:
            if (
                c["component"] in ("invalidation", "litigation", "licences", "transfers", "pledges")
                and not row["events_known"]
            ):
                c["why_not"] = "no_legal_events"
            elif comp.rule == "cohort_max" and row["cohort_patents"] < COHORT_MIN:
                c["why_not"] = "cohort_too_small"
            else:
                c["why_not"] = "data_missing"
    return {
        "pub_number": row["pub_number"],
        "title": info.get("title"),
        "legal_status": info.get("legal_status"),
        "as_of": as_of.isoformat(),
        "cohort": {
            "office": row["cohort_office"],
            "field": row["cohort_field"],
            "year": row["cohort_year"],
            "level": row["cohort_level"],
            "patents": row["cohort_patents"],
        },
        "cell": {"office": row["cell_office"], "field": row["cell_field"], "year": row["cell_year"]},
        "value_score": row["value_score"],
        "dimensions": {d: row[f"value_{d}"] for d in ("legal", "technical", "economic")},
        "coverage": row["value_coverage"],
        "cell_rank": row["cell_rank"],
        "cell_scored": row["cell_scored"],
        "core": row["core"],
        "components": comps,
    }
