"""SEI concordance semantics, checked on the real package data (generated from ../shared/reference)."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from seip.errors import TaxonomyError
from seip.taxonomy.ipc_keys import pattern_key, symbol_keys
from seip.taxonomy.sei import categories, classify_symbols, explain_symbol


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files("seip.taxonomy").joinpath("data", name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_package_data_counts() -> None:
    """The reference: 40 categories, 303 rules (+1 for the split), 1,689 includes and 983 excludes."""
    assert len(categories()) == 40
    assert len({c.top_code for c in categories().values()}) == 9
    assert len(_rows("sei_rules.csv")) == 304
    kinds = [r["kind"] for r in _rows("sei_patterns.csv")]
    assert (kinds.count("include"), kinds.count("exclude")) == (1689, 983)


@pytest.mark.parametrize(
    ("symbol", "decisions"),
    [
        # Exclusion G06F9/44 acts in 1.1 rule 2 only; the symbol is given 1.5 by its own rule.
        ("G06F9/44", [("1.1", "1.1#2", "G06F*", "G06F9/44"), ("1.5", "1.5#5", "G06F9/44", None)]),
        # An exact subgroup does not cover the subgroups indented under it.
        ("G06F9/4401", [("1.1", "1.1#2", "G06F*", None)]),
        # Many-to-many: H03M13 → 1.2 through H03M*, 1.3 through the bare main group H03M13.
        ("H03M13/05", [("1.2", "1.2#6", "H03M*", None), ("1.3", "1.3#4", "H03M13", None)]),
        # Class-level G16* (1.3) and bare subclass G16H (1.5).
        ("G16H10/60", [("1.3", "1.3#2", "G16*", None), ("1.5", "1.5#7", "G16H", None)]),
        # 1.1 rule 3 split (reference known issue 1): excluded in 3a, given by 3b.
        (
            "H04B7/14",
            [
                ("1.1", "1.1#2", "H04B*", "H04B7*"),
                ("1.1", "1.1#3a", "H04B7*", "H04B7/14"),
                ("1.1", "1.1#3b", "H04B7/14", None),
            ],
        ),
    ],
)
def test_reference_examples(symbol: str, decisions: list[tuple]) -> None:
    got = [(d.sei_code, d.rule_id, d.included_by, d.excluded_by) for d in explain_symbol(symbol)]
    assert got == decisions


def test_split_rule_gives_the_15_dead_includes() -> None:
    dead = (
        "G01S1/02 H04B3/54 H04B7/14 H04B7/15 H04B7/155 H04B7/204 H04B7/212 H04B7/216 H04B7/26 H04J3/06 "
        "H04J14/02 H04L12/02 H04L12/24 H04L12/46 H04Q11/00"
    )
    for symbol in dead.split():
        assert any(d.rule_id == "1.1#3b" and d.given for d in explain_symbol(symbol)), symbol


def test_group_patterns_never_match_by_string_prefix() -> None:
    """For every main-group pattern N of the table, group N×10 (B60L8* vs B60L80/00) is not matched by it."""
    groups = [r for r in _rows("sei_patterns.csv") if r["level"] == "group"]
    assert len(groups) > 500
    for r in groups:
        sub, number = r["key"].split()
        inside, outside = f"{sub}{number}/00", f"{sub}{int(number) * 10}/00"
        assert any(
            d.included_by == r["pattern"] or d.excluded_by == r["pattern"] for d in explain_symbol(inside)
        ), r
        assert all(r["pattern"] not in (d.included_by, d.excluded_by) for d in explain_symbol(outside)), r


def test_bad_symbols_are_not_classified() -> None:
    assert symbol_keys("14-04(13)") is None and explain_symbol("14-04(13)") == []
    assert classify_symbols(["not a symbol", "G06F9/44"]) == ["1.5"]
    with pytest.raises(TaxonomyError, match="not an IPC pattern"):
        pattern_key("G06F 9/44 x")
    with pytest.raises(TaxonomyError, match="subgroup subtree"):
        pattern_key("G06F9/44*")
