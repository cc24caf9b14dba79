"""The batch classifier (seip.taxonomy.classify): strict mode, bare subclasses, malformed symbols, WIPO fields,
and explanations."""

from __future__ import annotations

import csv
from importlib import resources

import pyarrow as pa
import pytest

from seip.taxonomy.classify import OUTPUT_COLUMNS, classify
from seip.taxonomy.explain import explain_patent, rule_terms
from seip.taxonomy.sei import classify_symbols


def _batch(*rows: dict) -> pa.Table:
    cols = {
        "ipc": pa.list_(pa.string()),
        "ipc_main": pa.string(),
        "title": pa.string(),
        "abstract": pa.string(),
        "first_claim": pa.string(),
    }
    return pa.Table.from_pylist([{c: r.get(c) for c in cols} for r in rows], schema=pa.schema(cols))


def test_rows_stay_aligned_and_empty_is_null() -> None:
    out = classify(
        _batch(
            {"ipc": ["A47F5/10"]},
            {"ipc": ["G06F9/44", "B60L80/00"], "ipc_main": "B60L80/00", "title": "一种人工智能推理方法"},
            {"ipc": None},
            {"ipc": ["not a symbol", "G06F9/44"]},
        )
    ).to_pydict()
    assert list(out) == list(OUTPUT_COLUMNS)
    assert out["sei_codes"] == [None, ["1.5"], None, ["1.5"]]
    assert out["sei_top"] == [None, ["1"], None, ["1"]]
    assert out["sei_main"] == [None, None, None, None]  # B60L80/00 is in no category; main group 8 ≠ 80
    assert out["sei_codes_strict"] == [None, ["1.5"], None, None]  # row 4 has no Chinese text
    assert out["sei_evidence"][1] == ["1.5:1.5#5:人工智能"]


def test_strict_needs_a_term_of_the_rule_that_gave_the_code() -> None:
    terms = rule_terms("1.5#5")["+"]
    assert "人工智能" in terms and all(len(t) >= 2 for t in terms)
    out = classify(
        _batch(
            {"ipc": ["G06F9/44"], "title": "一种货架的清洁方法"},
            {"ipc": ["G06F9/44"], "title": "一种" + terms[0] + "的方法"},
        )
    )
    assert out["sei_codes"].to_pylist() == [["1.5"], ["1.5"]]
    assert out["sei_codes_strict"].to_pylist() == [None, ["1.5"]]


def test_negative_terms_refuse_in_strict_mode() -> None:
    """5.1 rule 1 (不包含非机动车): an IPC match about a bicycle is refused, one about a car is given."""
    sym = next(
        r["pattern"]
        for r in _data("sei_patterns.csv")
        if r["rule_id"] == "5.1#1" and r["kind"] == "include" and r["level"] == "subgroup"
    )
    assert "5.1" in classify_symbols([sym])
    out = classify(_batch({"ipc": [sym], "title": "一种电动自行车"}, {"ipc": [sym], "title": "一种电动汽车"}))
    strict = out["sei_codes_strict"].to_pylist()
    assert "5.1" not in (strict[0] or []) and "5.1" in strict[1]
    assert any(e.startswith("5.1:5.1#1:") for e in out["sei_evidence"].to_pylist()[1])


def test_bare_subclass_matches_subclass_patterns_only() -> None:
    out = classify(_batch({"ipc": ["H04M"]}, {"ipc": ["H03M"]}, {"ipc": ["G06F"]})).to_pydict()
    assert out["sei_codes"][0] == classify_symbols(["H04M"]) == ["1.1"]  # H04M* of 1.1 rule 2
    assert out["sei_codes"][1] == classify_symbols(["H03M"])  # H03M13 (group) cannot be decided from H03M
    assert "1.3" not in (out["sei_codes"][1] or [])
    assert out["wipo_fields"][0] == [3]  # telecommunications


def _data(name: str) -> list[dict[str, str]]:
    return list(
        csv.DictReader(
            resources.files("seip.taxonomy").joinpath("data", name).read_text(encoding="utf-8").splitlines()
        )
    )


def test_wipo_fields_by_group_where_the_subclass_is_split() -> None:
    rows = _data("wipo_fields.csv")
    group = {r["key"]: int(r["field"]) for r in rows if r["level"] == "group"}
    sub = {r["key"]: int(r["field"]) for r in rows if r["level"] == "subclass"}
    assert group["A61K 8"] != group["A61K 31"]  # cosmetics vs pharmaceuticals
    out = classify(
        _batch({"ipc": ["A61K8/02"]}, {"ipc": ["A61K31/00"]}, {"ipc": ["A61K8/02", "A61K31/00", "A61Q19/00"]})
    )
    assert out["wipo_fields"].to_pylist() == [
        [group["A61K 8"]],
        [group["A61K 31"]],
        sorted({group["A61K 8"], group["A61K 31"], sub["A61Q"]}),
    ]


def test_explain_names_rule_pattern_exclusion_and_evidence() -> None:
    result = explain_patent({"ipc": ["G06F9/44"], "ipc_main": "G06F9/44", "title": "一种人工智能推理方法"})
    by_code = {e.code: e for e in result}
    assert by_code["1.5"].given and by_code["1.5"].strict_given and by_code["1.5"].main
    (r,) = by_code["1.5"].rules
    assert (r.symbol, r.rule_id, r.included_by, r.excluded_by, r.strict) == (
        "G06F9/44",
        "1.5#5",
        "G06F9/44",
        None,
        "term:人工智能",
    )
    refused = by_code["1.1"]
    assert not refused.given and all(x.excluded_by for x in refused.rules)
    assert {x.strict for x in refused.rules} == {"-"}


@pytest.mark.parametrize(
    "text, reason",
    [("", "no-chinese-text"), ("an English title", "no-chinese-text"), ("一种货架", "no-term")],
)
def test_explain_strict_reasons(text: str, reason: str) -> None:
    (e,) = [x for x in explain_patent({"ipc": ["G06F9/44"], "title": text}) if x.code == "1.5"]
    assert e.given and not e.strict_given and e.rules[0].strict == reason
