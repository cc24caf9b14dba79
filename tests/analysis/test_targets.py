"""Plan targets: the shipped Heilongjiang table, progress arithmetic, bad plan files, and the CLI."""

from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from seip.analysis.population import resolve_region
from seip.analysis.targets import TargetsError, load_plan, progress
from seip.cli import app
from tests.analysis.test_indicators import HAND


def test_shipped_plan_is_the_seed_table(shared) -> None:
    plan = load_plan()
    seed = next((shared / "policy" / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")
    assert plan.region == "黑龙江省" and (plan.base_year, plan.target_year) == (2020, 2025)
    assert len(plan.targets) == 8
    for t in plan.targets:  # every name and figure appears in the plan's own table
        assert t.name in seed and f"{t.base:g}" in seed and f"{t.target:g}" in seed, t.name
    computable = [t for t in plan.targets if t.indicator]
    assert [(t.indicator, t.base, t.target) for t in computable] == [
        ("high_value_invention_per_10k", 2.57, 4.53)
    ]


def _result(value: float) -> pa.Table:
    return pa.table({"level": ["province"], "region": ["黑龙江省"], "value": [value]})


def test_progress_arithmetic() -> None:
    plan = load_plan()
    ind = "high_value_invention_per_10k"
    results = {(ind, 2020): _result(1.0), (ind, 2023): _result(1.5), ("valid_invention_patents", 2020): _result(27_000.0),
               ("valid_invention_patents", 2023): _result(13_500.0), ("valid_invention_per_10k", 2020): _result(7.245),
               ("valid_invention_per_10k", 2023): _result(7.0)}  # fmt: skip
    data = progress(plan, results, year=2023)
    row = data["targets"][0]
    assert (row["computed"], row["computed_base"]) == (1.5, 1.0)
    assert row["progress"] == pytest.approx((1.5 - 2.57) / (4.53 - 2.57))
    assert row["progress_by_growth"] == pytest.approx((1.5 / 1.0 - 1) / (4.53 / 2.57 - 1))
    assert data["expected"] == pytest.approx((dt.date(2023, 12, 31) - dt.date(2020, 12, 31)).days / 1826)
    assert row["on_track"] is False and row["on_track_by_growth"] is True
    assert all(not r["computable"] and r["computed"] is None for r in data["targets"][1:])
    ref = {r["name"]: r for r in data["reference"]}
    assert ref["有效发明专利"]["computed"] == pytest.approx(1.35) and ref["有效发明专利"][
        "coverage"
    ] == pytest.approx(0.5)
    today = {(i, None): v for (i, y), v in results.items() if y == 2023}
    late = progress(plan, results | today, today=dt.date(2030, 1, 1))
    assert late["expected"] == 1.0  # the plan period is over


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("region: 黑龙江省\nbase_year: 2020\ntarget_year: 2025\ntargets: [{name: x, base: 1, target: 2, indicator: nope}]", "unknown indicator"),
        ("region: 黑龙江省\nbase_year: 2020\ntarget_year: 2025\ntargets: [{name: x, base: 1, target: 2, indicator: stats}]", "no regional indicator"),
        ("region: 黑龙江省\nbase_year: 2020\ntarget_year: 2025\ntargets: [{name: x, base: 1}]", "needs name, base and target"),
        ("region: 火星\nbase_year: 2020\ntarget_year: 2025\ntargets: []", "火星"),
        ("region: 黑龙江省\nbase_year: 2025\ntarget_year: 2020\ntargets: []", "after base_year"),
        ("targets: [", "not valid YAML"),
    ],
)  # fmt: skip
def test_bad_plans(tmp_path, text: str, message: str) -> None:
    f = tmp_path / "plan.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(TargetsError, match=message):
        load_plan(f)


def test_cli_targets_on_hand_corpus(hand_corpus) -> None:
    res = CliRunner().invoke(app, ["targets", "--home", str(hand_corpus), "--year", "2020", "--json"])
    assert res.exit_code == 0, res.output
    row = json.loads(res.stdout)["targets"][0]
    hv = HAND[("high_value_invention_patents", 2020)]["黑龙江省"][0]
    assert row["computed"] == pytest.approx(hv * 10_000 / resolve_region("黑龙江省").population)
    assert row["computed"] == row["computed_base"] and row["progress_by_growth"] == 0
