"""Plan targets (规划主要指标): a YAML file of targets compared with computed indicators, with progress.

May import: seip.analysis (its own modules), seip.errors, seip.i18n, stdlib, yaml, ibis, pyarrow.

A plan file names a region, a base year, a target year and a list of targets (name, unit, base value, target
value, and the seip indicator that computes it, where one does); ``reference`` lists base-year figures without
targets. The shipped example is Heilongjiang's 14th five-year plan table (``data/targets_heilongjiang_14th.yaml``,
from ../shared/policy/seeds/001). Two steps, so that nothing here executes a query:

* :func:`plan_expressions` — the indicator expressions a plan needs (each indicator at the end of the base year
  and at the date asked about), narrowed to the plan's region;
* :func:`progress` — the comparison, from the executed tables.

Progress is reported two ways (docs/indicators.md): ``progress`` = (computed − base) ÷ (target − base) against
the plan's own figures, meaningful when the corpus holds the region's whole portfolio; ``progress_by_growth`` =
(computed ÷ computed at the base year − 1) ÷ (target ÷ base − 1), the corpus's growth since the base year
against the growth the plan asks for, meaningful for a corpus that samples the region evenly. ``expected`` is the
share of the plan period elapsed; ``on_track`` and ``on_track_by_growth`` say whether each progress is at least
that.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
from dataclasses import dataclass, field
from pathlib import Path

import ibis.expr.types as ir
import pyarrow as pa
import yaml

from seip.analysis._backend import Tables
from seip.analysis.population import RegionError, resolve_region
from seip.analysis.registry import INDICATORS
from seip.errors import SeipError

__all__ = ["DEFAULT_PLAN", "Plan", "Target", "TargetsError", "load_plan", "plan_expressions", "progress"]

DEFAULT_PLAN = "targets_heilongjiang_14th.yaml"


class TargetsError(SeipError):
    """A plan file that cannot be read or names an unknown indicator or region."""


@dataclass(frozen=True)
class Target:
    """One row of a plan table."""

    name: str
    unit: str
    base: float
    target: float | None = None
    indicator: str | None = None
    scale: float = 1.0


@dataclass(frozen=True)
class Plan:
    """A plan's targets for one region."""

    name: str
    source: str
    region: str
    base_year: int
    target_year: int
    targets: list[Target] = field(default_factory=list)
    reference: list[Target] = field(default_factory=list)


def _target(raw: dict, where: str, need_target: bool) -> Target:
    try:
        t = Target(
            name=str(raw["name"]),
            unit=str(raw.get("unit", "")),
            base=float(raw["base"]),
            target=float(raw["target"]) if need_target else None,
            indicator=raw.get("indicator"),
            scale=float(raw.get("scale", 1.0)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise TargetsError(
            f"{where}: each entry needs name, base{' and target' if need_target else ''} ({exc})"
        ) from None
    if t.indicator is not None and t.indicator not in INDICATORS:
        raise TargetsError(f"{where}: {t.name}: unknown indicator {t.indicator!r}")
    if t.indicator is not None and INDICATORS[t.indicator].kind != "official":
        raise TargetsError(f"{where}: {t.name}: {t.indicator!r} is no regional indicator")
    return t


def load_plan(path: str | Path | None = None) -> Plan:
    """Read a plan file (default: the shipped Heilongjiang 14th five-year plan table).

    >>> p = load_plan()
    >>> p.region, p.base_year, p.target_year, p.targets[0].indicator, p.targets[0].target
    ('黑龙江省', 2020, 2025, 'high_value_invention_per_10k', 4.53)
    """
    if path is None:
        text = (importlib.resources.files("seip.analysis") / "data" / DEFAULT_PLAN).read_text(
            encoding="utf-8"
        )
        where = DEFAULT_PLAN
    else:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise TargetsError(f"{path}: cannot read the plan ({exc.strerror})") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TargetsError(f"{where}: not valid YAML ({exc})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("targets"), list):
        raise TargetsError(f"{where}: a plan needs region, base_year, target_year and a list of targets")
    try:
        base_year, target_year = int(raw["base_year"]), int(raw["target_year"])
        region = resolve_region(str(raw["region"])).name
    except (KeyError, TypeError, ValueError) as exc:
        raise TargetsError(f"{where}: region, base_year and target_year are required ({exc})") from None
    except RegionError as exc:
        raise TargetsError(f"{where}: {exc}") from None
    if target_year <= base_year:
        raise TargetsError(f"{where}: target_year must come after base_year")
    return Plan(
        name=str(raw.get("plan", where)),
        source=str(raw.get("source", "")),
        region=region,
        base_year=base_year,
        target_year=target_year,
        targets=[_target(t, where, True) for t in raw["targets"]],
        reference=[_target(t, where, False) for t in raw.get("reference") or []],
    )


def plan_expressions(
    plan: Plan, tables: Tables, *, year: int | None = None
) -> dict[tuple[str, int | None], ir.Table]:
    """``{(indicator, year): expression}`` for every indicator the plan uses, at the end of its base year and
    at ``year`` (None: the corpus as it stands), each narrowed to the plan's region."""
    needed = {t.indicator for t in [*plan.targets, *plan.reference] if t.indicator}
    local = _in_region(tables, plan.region)
    out: dict[tuple[str, int | None], ir.Table] = {}
    for ind in sorted(needed):
        for y in {plan.base_year, year}:
            e = INDICATORS[ind](local, year=y)
            out[(ind, y)] = e.filter(e.region == plan.region)
    return out


def _in_region(tables: Tables, region: str) -> Tables:
    """``tables`` with only the applications located in ``region``: the rows named ``region`` of every official
    table are the same, and each table counts one region's applications instead of the nation's (the cached
    application table is sorted by office and province, so the filter skips most of it).

    A city lies in its province (seip.records.regions), so the applications of a province are those with that
    province; a municipality is also a city of the same name, counted in the same applications."""
    r = resolve_region(region)
    a = tables.applications
    if r.level == "province":
        a = a.filter(a.province == r.name)
    elif r.level == "city":
        a = a.filter(a.city == r.name)
    else:
        return tables
    return Tables(tables.patents, tables.legal_events, tables.awards, a)


def _value(
    results: dict[tuple[str, int | None], pa.Table], ind: str, year: int | None, level: str
) -> float | None:
    t = results[(ind, year)]
    rows = [r for r in t.to_pylist() if r["level"] == level]
    return rows[0]["value"] if rows else None


def _elapsed(plan: Plan, year: int | None, today: dt.date) -> float:
    start, end = dt.date(plan.base_year, 12, 31), dt.date(plan.target_year, 12, 31)
    at = dt.date(year, 12, 31) if year is not None else today
    return min(1.0, max(0.0, (at - start).days / (end - start).days))


def progress(
    plan: Plan,
    results: dict[tuple[str, int | None], pa.Table],
    *,
    year: int | None = None,
    today: dt.date | None = None,
) -> dict:
    """The plan compared with computed values (``results``: executed :func:`plan_expressions`).

    Returns ``{"plan", "source", "region", "base_year", "target_year", "year", "expected", "targets",
    "reference"}``; each target carries ``name``, ``unit``, ``indicator``, ``base``, ``target``, ``computed``
    (in the plan's unit), ``computed_base``, ``progress``, ``progress_by_growth``, ``on_track``,
    ``on_track_by_growth``; targets without an indicator have ``computed`` NULL and ``computable`` False;
    reference rows carry ``coverage`` = computed ÷ the plan's figure.
    """
    level = resolve_region(plan.region).level
    expected = _elapsed(plan, year, today or dt.date.today())

    def row(t: Target) -> dict:
        out: dict = {
            "name": t.name,
            "unit": t.unit,
            "indicator": t.indicator,
            "base": t.base,
            "target": t.target,
        }
        if t.indicator is None:
            return {**out, "computable": False, "computed": None, "computed_base": None}
        now = _value(results, t.indicator, year, level)
        then = _value(results, t.indicator, plan.base_year, level)
        now = now / t.scale if now is not None else None
        then = then / t.scale if then is not None else None
        out.update(computable=True, computed=now, computed_base=then)
        if t.target is not None:
            span = t.target - t.base
            out["progress"] = (now - t.base) / span if now is not None and span else None
            needed = t.target / t.base - 1 if t.base else None
            grown = now / then - 1 if now is not None and then else None
            out["progress_by_growth"] = grown / needed if grown is not None and needed else None
            for key in ("progress", "progress_by_growth"):
                v = out[key]
                out[key.replace("progress", "on_track")] = v >= expected if v is not None else None
        else:
            out["coverage"] = now / t.base if now is not None and t.base else None
        return out

    return {
        "plan": plan.name,
        "source": plan.source,
        "region": plan.region,
        "base_year": plan.base_year,
        "target_year": plan.target_year,
        "year": year,
        "expected": expected,
        "targets": [row(t) for t in plan.targets],
        "reference": [row(t) for t in plan.reference],
    }
