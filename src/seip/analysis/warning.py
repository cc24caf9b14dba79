"""Patent early warning (专利预警): an indicator system read from YAML, per SEI category × region, with levels
无警/轻警/中警/重警/巨警 and the evidence behind every alert.

May import: seip.analysis (its own modules), seip.store, seip.taxonomy, seip.records, seip.errors, stdlib,
ibis, PyYAML.

The system (thresholds, minimum bases, parameters) is data: ``data/warning.yaml`` by default, any copy of it with
``seip warn --rules FILE``. Each indicator names a built-in *measure* (:data:`MEASURES`); a measure is an ibis
expression giving, per SEI second-level category, region (``全国`` for scope ``sei``, the first applicant's
province for ``sei_region``) and subject (a watched competitor, else empty), per year: ``value``,
``numerator``, ``denominator`` and ``base`` (the count the value rests on; below ``min_base`` the value is not
evaluated). :func:`indicator_values` adds the level. Counting follows ``seip stats``: one row per application
(:func:`seip.analysis.stats.applications`), filing year, CNIPA filings only (``office`` in the YAML).
Definitions and the reason for every threshold: docs/analysis.md ("Early warning").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import ibis
import ibis.expr.types as ir
import yaml

from seip.analysis._backend import Tables
from seip.analysis._ranks import top_counts
from seip.analysis.lapsed import RIGHTS, end_dates
from seip.analysis.value import INTRINSIC, round_half_up, sum_of, value_columns
from seip.errors import SeipError

NATIONAL = "全国"
#: Applicants from these are not foreign (mainland China, Hong Kong, Macao, Taiwan; CNIPA counts 港澳台
#: apart from 国外).
DOMESTIC = ("CN", "HK", "MO", "TW")
SCOPES = ("sei", "sei_region")
LEVELS_EN = ("none", "light", "moderate", "severe", "extreme")
KEYS = ("sei", "region", "subject")
COLUMNS = ("indicator", *KEYS, "year", "value", "numerator", "denominator", "base", "level")


class WarningRulesError(SeipError):
    """The indicator system file is missing, malformed or names an unknown measure."""


@dataclass(frozen=True)
class Spec:
    """One indicator of the system."""

    id: str
    name_zh: str
    name_en: str
    measure: str
    scope: str
    direction: str
    thresholds: tuple[float, float, float, float]
    min_base: float
    unit: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Rules:
    levels: tuple[str, ...]
    office: str | None
    history: int
    trailing: int
    indicators: tuple[Spec, ...]
    source: str

    def get(self, indicator_id: str) -> Spec:
        for s in self.indicators:
            if s.id == indicator_id:
                return s
        raise WarningRulesError(f"{self.source}: no indicator {indicator_id!r}")


def load_rules(path: Path | None = None) -> Rules:
    """The indicator system in ``path`` (default: the packaged ``data/warning.yaml``), validated."""
    if path is None:
        text, source = (
            resources.files("seip.analysis").joinpath("data", "warning.yaml").read_text("utf-8"),
            ("warning.yaml"),
        )
    else:
        try:
            text, source = Path(path).read_text(encoding="utf-8"), str(path)
        except OSError as exc:
            raise WarningRulesError(f"{path}: cannot read the indicator system ({exc.strerror})") from None
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise WarningRulesError(f"{source}: not valid YAML ({exc})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("indicators"), list):
        raise WarningRulesError(f"{source}: expected a mapping with a list under 'indicators'")
    levels = tuple(doc.get("levels") or ())
    if len(levels) != 5:
        raise WarningRulesError(f"{source}: 'levels' must name five levels (无警 … 巨警)")
    specs, seen = [], set()
    for i, item in enumerate(doc["indicators"], 1):
        specs.append(_spec(item, f"{source}: indicator {i}"))
        if specs[-1].id in seen:
            raise WarningRulesError(f"{source}: indicator id {specs[-1].id!r} appears twice")
        seen.add(specs[-1].id)
    return Rules(
        levels,
        doc.get("office"),
        int(doc.get("history", 4)),
        int(doc.get("trailing", 3)),
        tuple(specs),
        source,
    )


def _spec(item: object, where: str) -> Spec:
    if not isinstance(item, dict):
        raise WarningRulesError(f"{where}: expected a mapping")
    missing = [k for k in ("id", "measure", "scope", "direction", "thresholds") if k not in item]
    if missing:
        raise WarningRulesError(f"{where}: missing {', '.join(missing)}")
    where = f"{where} ({item['id']})"
    if item["measure"] not in MEASURES:
        raise WarningRulesError(f"{where}: unknown measure {item['measure']!r}; known: {', '.join(MEASURES)}")
    if item["scope"] not in SCOPES or item["scope"] not in MEASURE_SCOPES[item["measure"]]:
        raise WarningRulesError(f"{where}: scope must be one of {', '.join(MEASURE_SCOPES[item['measure']])}")
    th = item["thresholds"]
    if not (isinstance(th, list) and len(th) == 4 and all(isinstance(x, int | float) for x in th)):
        raise WarningRulesError(f"{where}: thresholds must be four numbers")
    if item["direction"] == "high":
        ordered = th == sorted(th)
    elif item["direction"] == "low":
        ordered = th == sorted(th, reverse=True)
    else:
        raise WarningRulesError(f"{where}: direction must be high or low")
    if not ordered:
        raise WarningRulesError(
            f"{where}: thresholds must run from 轻警 to 巨警 (rising for high, falling for low)"
        )
    return Spec(
        id=str(item["id"]),
        name_zh=str(item.get("name_zh", item["id"])),
        name_en=str(item.get("name_en", item["id"])),
        measure=item["measure"],
        scope=item["scope"],
        direction=item["direction"],
        thresholds=tuple(float(x) for x in th),  # type: ignore[arg-type]
        min_base=float(item.get("min_base", 0)),
        unit=str(item.get("unit", "")),
        params=dict(item.get("params") or {}),
    )


@dataclass(frozen=True)
class Context:
    """What every measure needs: the tables, the evaluation year, the as-of day and the selection."""

    tables: Tables
    rules: Rules
    year: int
    as_of: dt.date
    sei: str | None = None
    competitors: tuple[str, ...] = ()
    #: :func:`seip.analysis.value.value_columns` as of ``as_of``, and the same without validity and remaining
    #: term (``exclude``), when the caller has them cached; else they are computed.
    values: ir.Table | None = None
    intrinsic: ir.Table | None = None

    @property
    def first_year(self) -> int:
        """First year shown (the evaluation year and ``history`` years before it)."""
        return self.year - self.rules.history

    @property
    def lo(self) -> int:
        """First year read: trailing means of the first year shown need ``trailing`` years before it."""
        return self.first_year - self.rules.trailing


def _apps(ctx: Context, year_of: str | None = "app_date") -> ir.Table:
    """Applications of the office, one row per SEI code (``sei``), with ``year`` of ``year_of`` within the
    years read (all years when ``year_of`` is None)."""
    a = ctx.tables.applications
    if ctx.rules.office:
        a = a.filter(a.pub_country == ctx.rules.office)
    if year_of is not None:
        # A date range rather than year(date) BETWEEN: the scan applies it before the lists are read.
        day = a[year_of]
        a = a.filter(day >= dt.date(ctx.lo, 1, 1), day <= dt.date(ctx.year, 12, 31))
        a = a.mutate(year=day.year().cast("int64"))
    a = a.mutate(sei=a.sei_codes.unnest())
    if ctx.sei:
        a = a.filter((a.sei == ctx.sei) | a.sei.startswith(ctx.sei + "."))
    return a


def _region(a: ir.Table, scope: str) -> ir.Table:
    if scope == "sei":
        return a.mutate(region=ibis.literal(NATIONAL), subject=ibis.literal(""))
    return a.filter(a.province.notnull()).mutate(region=a.province, subject=ibis.literal(""))


def _grid(counts: ir.Table, ctx: Context, cols: tuple[str, ...] = ("n",)) -> ir.Table:
    """``counts`` (keys, year, ``cols``) on every year read for every key seen, missing years as 0."""
    years = ibis.memtable({"year": list(range(ctx.lo, ctx.year + 1))})
    grid = counts.select(*KEYS).distinct().cross_join(years)
    j = grid.left_join(counts, [*KEYS, "year"])
    return j.select(*KEYS, "year", **{c: j[c].fill_null(0) for c in cols})


def _trailing(t: ir.Table, col: str, ctx: Context) -> ir.FloatingValue:
    """Mean of ``col`` over the ``trailing`` years before each year (NULL when one is missing), added in one
    order on every engine."""
    w = ibis.window(group_by=[t[k] for k in KEYS], order_by=t.year)
    lags = [t[col].lag(k).over(w) for k in range(1, ctx.rules.trailing + 1)]
    return sum_of(lags).cast("float64") / ctx.rules.trailing


def _rows(t: ir.Table, value, numerator, denominator, base) -> ir.Table:
    f = "float64"
    return t.select(
        *KEYS,
        "year",
        value=value.cast(f),
        numerator=numerator.cast(f),
        denominator=denominator.cast(f),
        base=base.cast(f),
    )


def _foreign(a: ir.Table) -> ir.BooleanValue:
    return a.applicant_country.notnull() & ~a.applicant_country.isin(list(DOMESTIC))


def foreign_share(ctx: Context, spec: Spec) -> ir.Table:
    """Share of applications whose first applicant is foreign, among those whose country is known."""
    a = _region(_apps(ctx), spec.scope)
    g = a.group_by([*KEYS, "year"]).aggregate(
        numerator=a.count(where=_foreign(a)), denominator=a.count(where=a.applicant_country.notnull())
    )
    value = ibis.cases((g.denominator > 0, g.numerator / g.denominator), else_=ibis.null("float64"))
    return _rows(g, value, g.numerator, g.denominator, g.denominator)


def growth(ctx: Context, spec: Spec) -> ir.Table:
    """Applications of the year ÷ their mean over the trailing years − 1 (``applicants: foreign`` counts
    foreign applicants' applications only)."""
    a = _region(_apps(ctx), spec.scope)
    if spec.params.get("applicants", "all") == "foreign":
        a = a.filter(_foreign(a))
    t = _grid(a.group_by([*KEYS, "year"]).aggregate(n=ibis._.count()), ctx)
    t = t.mutate(mean=_trailing(t, "n", ctx))
    value = ibis.cases((t.mean > 0, t.n / t.mean - 1), else_=ibis.null("float64"))
    return _rows(t, value, t.n, t.mean, t.mean)


def concentration(ctx: Context, spec: Spec) -> ir.Table:
    """CR4 or HHI of applicants within the group, by the definition of ``seip stats``
    (:func:`seip.analysis.stats.concentration`: an application counts once for each of its distinct applicants;
    shares are counts ÷ the sum of counts). Computed from integer sums, so both engines agree exactly:
    CR4 = the four largest counts ÷ the total; HHI = Σ count² ÷ total² × 10,000. Numerator: distinct applicants;
    base: applications of the group."""
    metric = spec.params.get("metric", "cr4")
    a = _region(_apps(ctx), spec.scope)
    n = a.group_by([*KEYS, "year"]).aggregate(n=ibis._.count())
    who = a.select(*KEYS, "year", applicant=a.applicants_std.unique().unnest())
    counts = (
        who.filter(who.applicant.notnull()).group_by([*KEYS, "year", "applicant"]).aggregate(c=ibis._.count())
    )
    # The four largest counts and the sums follow from how many applicants have each count (no sort of every
    # applicant; which of tied applicants is fourth does not change the sum).
    g = top_counts(counts, [*KEYS, "year"], 4, count="c")
    total = g._sum.cast("float64")
    value = {
        "cr4": g._top.cast("float64") / total,
        "hhi": g._squares.cast("float64") / (total * total) * 10_000,
    }
    g = g.select(*KEYS, "year", applicants=g._values, value=round_half_up(value[metric], 6))
    j = g.inner_join(n, [*KEYS, "year"])
    return _rows(j, j.value, j.applicants, j.n, j.n)


def region_share(ctx: Context, spec: Spec) -> ir.Table:
    """The region's share of the applications of all provinces ÷ its mean over the trailing years − 1;
    base = the region's mean applications over the trailing years."""
    a = _region(_apps(ctx), "sei_region")
    t = _grid(a.group_by([*KEYS, "year"]).aggregate(n=ibis._.count()), ctx)
    total = t.n.sum().over(ibis.window(group_by=[t.sei, t.year]))
    t = t.mutate(share=ibis.cases((total > 0, t.n / total), else_=ibis.null("float64")))
    t = t.mutate(mean_share=_trailing(t, "share", ctx), mean=_trailing(t, "n", ctx))
    value = ibis.cases((t.mean_share > 0, t.share / t.mean_share - 1), else_=ibis.null("float64"))
    return _rows(t, value, t.share, t.mean_share, t.mean)


def region_rank(ctx: Context, spec: Spec) -> ir.Table:
    """Rank of the region among provinces by applications (1 = most; ties share a rank) in the year minus its
    rank ``lag`` years before: positive = places lost. Base = the region's mean applications over the
    trailing years."""
    lag = int(spec.params.get("lag", 1))
    a = _region(_apps(ctx), "sei_region")
    t = _grid(a.group_by([*KEYS, "year"]).aggregate(n=ibis._.count()), ctx)
    t = t.mutate(rank=ibis.rank().over(group_by=[t.sei, t.year], order_by=ibis.desc(t.n)) + 1)
    w = ibis.window(group_by=[t[k] for k in KEYS], order_by=t.year)
    t = t.mutate(before=t["rank"].lag(lag).over(w), mean=_trailing(t, "n", ctx))
    return _rows(t, t["rank"] - t.before, t["rank"], t.before, t.mean)


def competitor_filings(ctx: Context, spec: Spec) -> ir.Table:
    """Applications first published in the year whose applicants include a watched competitor (the name, as
    a case-insensitive part of a normalised applicant name); one subject per competitor. Denominator: their
    trailing mean."""
    parts = []
    for name in ctx.competitors:
        a = _apps(ctx, "pub_date")
        needle = name.lower()
        hit = a.applicants_std.map(lambda x, n=needle: x.lower().contains(n)).anys().fill_null(False)
        a = a.filter(hit).mutate(region=ibis.literal(NATIONAL), subject=ibis.literal(name))
        parts.append(a.group_by([*KEYS, "year"]).aggregate(n=ibis._.count()))
    if not parts:
        empty = ibis.memtable(
            {"sei": [], "region": [], "subject": [], "year": [], "n": []},
            schema={"sei": "string", "region": "string", "subject": "string", "year": "int64", "n": "int64"},
        )
        parts = [empty]
    counts = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    t = _grid(counts, ctx)
    t = t.mutate(mean=_trailing(t, "n", ctx))
    return _rows(t, t.n, t.n, t.mean, t.n)


def event_surge(ctx: Context, spec: Spec) -> ir.Table:
    """Applications with a legal event of ``categories`` dated in the year ÷ their trailing mean (a mean under
    one counts as one, so that a single event in a quiet field is not an infinite surge); base = the year's
    count."""
    cats = list(spec.params.get("categories", []))
    ev = ctx.tables.legal_events
    ev = ev.filter(ev.category.isin(cats)).mutate(year=ev.event_date.year().cast("int64"))
    ev = ev.filter(ev.year.between(ctx.lo, ctx.year))
    p = ctx.tables.patents
    docs = p.select("pub_number", akey=ibis.coalesce(p.app_number, p.pub_number))
    hit = ev.inner_join(docs, "pub_number").select("akey", "year")
    a = _region(_apps(ctx, None), spec.scope).select(*KEYS, "akey")
    j = hit.inner_join(a, "akey")
    counts = j.group_by([*KEYS, "year"]).aggregate(n=j.akey.nunique())
    t = _grid(counts, ctx)
    t = t.mutate(mean=_trailing(t, "n", ctx))
    return _rows(t, t.n / ibis.greatest(t.mean, 1.0), t.n, t.mean, t.n)


def _core_akeys(ctx: Context, exclude: tuple[str, ...] = ()) -> ir.Table:
    """``akey`` and the value columns of core patents (a document is core → its application is)."""
    t = ctx.tables
    v = ctx.intrinsic if exclude else ctx.values
    if v is None:
        v = value_columns(t.patents, t.legal_events, as_of=ctx.as_of, exclude=exclude)
    v = v.filter(v.core)
    p = t.patents.select("pub_number", akey=ibis.coalesce(t.patents.app_number, t.patents.pub_number))
    return v.inner_join(p, "pub_number")


def _state(ctx: Context, scope: str, akeys: ir.Table, numerator, denominator) -> ir.Table:
    """A state indicator (no history): counts over ``akeys`` joined to the applications' SEI and region,
    reported under the evaluation year."""
    # Join first, then unnest the SEI codes of the joined applications only (not of every application).
    a = ctx.tables.applications
    if ctx.rules.office:
        a = a.filter(a.pub_country == ctx.rules.office)
    j = a.select("akey", "sei_codes", "province").inner_join(akeys, "akey")
    j = j.mutate(sei=j.sei_codes.unnest())
    if ctx.sei:
        j = j.filter((j.sei == ctx.sei) | j.sei.startswith(ctx.sei + "."))
    j = _region(j, scope)
    g = j.group_by(list(KEYS)).aggregate(numerator=numerator(j), denominator=denominator(j))
    g = g.mutate(year=ibis.literal(ctx.year, "int64"))
    return g


def core_expiring(ctx: Context, spec: Spec) -> ir.Table:
    """Share of the region's core patents in force whose term ends within ``months`` after the as-of day
    (state at ``as_of``); base = those core patents."""
    until = add_months(ctx.as_of, int(spec.params.get("months", 24)))
    core = _core_akeys(ctx)
    core = core.filter(core.validity_norm == 1.0).select("akey", "term_end")
    g = _state(
        ctx,
        spec.scope,
        core,
        lambda j: j.akey.nunique(where=j.term_end <= ibis.date(until)),
        lambda j: j.akey.nunique(),
    )
    value = ibis.cases((g.denominator > 0, g.numerator / g.denominator), else_=ibis.null("float64"))
    return _rows(g, value, g.numerator, g.denominator, g.denominator)


def core_lapsed(ctx: Context, spec: Spec) -> ir.Table:
    """Rights (lapsed, invalidated, abandoned, expired) that ended within ``months`` before the as-of day, dated by
    a legal event or the term, whose patent was core when valued without validity and remaining term (what
    it was, not whether it is still in force)."""
    since = add_months(ctx.as_of, -int(spec.params.get("months", 12)))
    ends = end_dates(ctx.tables, as_of=ctx.as_of)
    ends = ends.filter(
        ends.reason.isin(list(RIGHTS)),
        ends.end_date > ibis.date(since),
        ends.end_date <= ibis.date(ctx.as_of),
    )
    core = _core_akeys(ctx, exclude=INTRINSIC).select("akey").distinct()
    hit = ends.semi_join(core, "akey").select("akey")
    g = _state(ctx, spec.scope, hit, lambda j: j.akey.nunique(), lambda j: j.akey.nunique())
    return _rows(g, g.numerator, g.numerator, ibis.null("float64"), g.numerator)


MEASURES: dict[str, Callable[[Context, Spec], ir.Table]] = {
    "foreign_share": foreign_share,
    "growth": growth,
    "concentration": concentration,
    "region_share": region_share,
    "region_rank": region_rank,
    "competitor_filings": competitor_filings,
    "event_surge": event_surge,
    "core_expiring": core_expiring,
    "core_lapsed": core_lapsed,
}
MEASURE_SCOPES = {
    "foreign_share": SCOPES,
    "growth": SCOPES,
    "concentration": SCOPES,
    "region_share": ("sei_region",),
    "region_rank": ("sei_region",),
    "competitor_filings": ("sei",),
    "event_surge": SCOPES,
    "core_expiring": SCOPES,
    "core_lapsed": SCOPES,
}
#: Measures that describe the state at ``as_of`` (one row, no history).
STATE_MEASURES = ("core_expiring", "core_lapsed")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` (the last day of a shorter month when needed).

    >>> add_months(dt.date(2024, 1, 31), 1), add_months(dt.date(2024, 3, 15), -12)
    (datetime.date(2024, 2, 29), datetime.date(2023, 3, 15))
    """
    m = day.year * 12 + day.month - 1 + months
    year, month = divmod(m, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, d)
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has a 28th


def indicator_values(ctx: Context, spec: Spec, *, region: str | None = None) -> ir.Table:
    """The rows of one indicator for the years shown, with ``level`` (0 = 无警 … 4 = 巨警; NULL = not evaluated:
    no value, or a base below ``min_base``). ``region`` keeps that region and the national rows."""
    t = MEASURES[spec.measure](ctx, spec)
    t = t.filter(t.year >= ctx.first_year, t.year <= ctx.year)
    if ctx.sei:
        t = t.filter((t.sei == ctx.sei) | t.sei.startswith(ctx.sei + "."))
    if region:
        t = t.filter(t.region.isin([region, NATIONAL]))
    v, th = t.value, spec.thresholds
    hit = (lambda x: v >= x) if spec.direction == "high" else (lambda x: v <= x)
    level = ibis.cases(
        (v.isnull() | (t.base < spec.min_base) | t.base.isnull(), ibis.null("int64")),
        *[(hit(th[i]), ibis.literal(i + 1, "int64")) for i in (3, 2, 1, 0)],
        else_=ibis.literal(0, "int64"),
    )
    t = t.mutate(indicator=ibis.literal(spec.id), level=level)
    return t.select(*COLUMNS)


def warning_values(ctx: Context, *, region: str | None = None) -> ir.Table:
    """Every indicator of the system in one table (:data:`COLUMNS`)."""
    parts = [indicator_values(ctx, s, region=region) for s in ctx.rules.indicators]
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


def alerts(
    rows: list[dict],
    rules: Rules,
    *,
    year: int,
    min_level: int = 1,
    as_of: dt.date | None = None,
    rules_file: Path | None = None,
) -> list[dict]:
    """Executed :func:`warning_values` rows → the alerts of ``year`` at ``min_level`` or above, most severe
    first, each with its definition, thresholds, history (the earlier years' values and levels) and, given
    ``as_of``, the ``command`` that reproduces it (``rules_file``: the system it was computed with)."""
    order = {s.id: i for i, s in enumerate(rules.indicators)}
    series: dict[tuple, list[dict]] = {}
    for r in rows:
        series.setdefault((r["indicator"], r["sei"], r["region"], r["subject"]), []).append(r)
    out = []
    for (ind, sei, region, subject), rs in series.items():
        rs.sort(key=lambda r: r["year"])
        now = next((r for r in rs if r["year"] == year), None)
        if now is None or now["level"] is None or now["level"] < min_level:
            continue
        spec = rules.get(ind)
        out.append(
            {
                "indicator": ind,
                "name_zh": spec.name_zh,
                "name_en": spec.name_en,
                "sei": sei,
                "region": region,
                "subject": subject or None,
                "year": year,
                "level": now["level"],
                "level_zh": rules.levels[now["level"]],
                "level_en": LEVELS_EN[now["level"]],
                "value": now["value"],
                "numerator": now["numerator"],
                "denominator": now["denominator"],
                "base": now["base"],
                "unit": spec.unit,
                "direction": spec.direction,
                "thresholds": list(spec.thresholds),
                "min_base": spec.min_base,
                "history": [
                    {"year": r["year"], "value": r["value"], "level": r["level"]}
                    for r in rs
                    if r["year"] < year
                ],
            }
        )
    out.sort(key=lambda a: (-a["level"], order[a["indicator"]], a["sei"], a["region"], a["subject"] or ""))
    for a in out if as_of is not None else ():
        cmd = ["seip", "warn", "--sei", a["sei"], "--year", str(year), "--indicator", a["indicator"]]
        cmd += ["--region", a["region"]] if a["region"] != NATIONAL else []
        cmd += ["--as-of", as_of.isoformat(), "--min-level", "0", "--json"]
        cmd += ["--rules", str(rules_file)] if rules_file else []
        a["command"] = " ".join(cmd)
    return out
