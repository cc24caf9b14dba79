"""Why a patent is, or is not, in each SEI category: the IPC symbol, the rule, the pattern or exclusion that
decided, and for strict mode the term found in the text (``seip sei explain``).

May import: seip.records, seip.taxonomy, stdlib, pyarrow.
"""

from __future__ import annotations

import csv
import re
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources

import pyarrow as pa

from seip.taxonomy.classify import INPUT_COLUMNS, classify
from seip.taxonomy.sei import categories, explain_symbol


@dataclass
class RuleDecision:
    """One rule that includes one of the patent's symbols."""

    symbol: str
    rule_id: str
    included_by: str
    excluded_by: str | None  # the exclusion of the same rule that refuses the symbol
    strict: str  # "term:<t>", "ipc-only", "no-term", "negative:<t>", "no-chinese-text", or "-" when refused


@dataclass
class CodeExplanation:
    """One category the patent's symbols touch: given or refused, in IPC and in strict mode."""

    code: str
    name: str
    given: bool
    strict_given: bool
    main: bool  # given by the main IPC symbol
    rules: list[RuleDecision] = field(default_factory=list)


#: Han characters, as the classifier's ``\p{Han}`` sees them (Python's re has no script classes).
_HAN = re.compile(
    r"[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
)


@cache
def _terms() -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    with resources.files("seip.taxonomy").joinpath("data", "sei_rule_terms.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            out.setdefault(r["rule_id"], {"+": [], "-": []})[r["polarity"]].append(r["term"])
    return out


def rule_terms(rule_id: str) -> dict[str, list[str]]:
    """The strict-mode terms of a rule: ``{"+": [...], "-": [...]}`` (both empty for IPC-only rules)."""
    return _terms().get(rule_id, {"+": [], "-": []})


def _strict_reason(rule_id: str, text: str) -> str:
    if not _HAN.search(text):
        return "no-chinese-text"
    terms = rule_terms(rule_id)
    neg = next((t for t in terms["-"] if t in text), None)
    if neg:
        return f"negative:{neg}"
    if not terms["+"]:
        return "ipc-only"
    pos = min((t for t in terms["+"] if t in text), default=None)
    return f"term:{pos}" if pos else "no-term"


def explain_patent(record: dict) -> list[CodeExplanation]:
    """Every category one of the patent's IPC symbols is included in by some rule, with the decisions.

    ``record`` holds the fields of :data:`seip.taxonomy.classify.INPUT_COLUMNS`.

    >>> [(e.code, e.given) for e in explain_patent({"ipc": ["G06F9/44"], "ipc_main": "G06F9/44",
    ...                                             "title": "一种方法", "abstract": None, "first_claim": None})]
    [('1.1', False), ('1.5', True)]
    """
    row = {c: record.get(c) for c in INPUT_COLUMNS}
    result = classify(pa.Table.from_pylist([row], schema=_INPUT_SCHEMA)).to_pylist()[0]
    given, strict = set(result["sei_codes"] or []), set(result["sei_codes_strict"] or [])
    main = set(result["sei_main"] or [])
    text = "\n".join(x for x in (row["title"], row["abstract"], row["first_claim"]) if x)
    cats = categories()
    out: dict[str, CodeExplanation] = {}
    for symbol in dict.fromkeys(row["ipc"] or []):
        for d in explain_symbol(symbol):
            e = out.setdefault(
                d.sei_code,
                CodeExplanation(
                    d.sei_code,
                    cats[d.sei_code].name,
                    d.sei_code in given,
                    d.sei_code in strict,
                    d.sei_code in main,
                ),
            )
            reason = _strict_reason(d.rule_id, text) if d.given else "-"
            e.rules.append(RuleDecision(symbol, d.rule_id, d.included_by, d.excluded_by, reason))
    return sorted(out.values(), key=lambda e: e.code)


def as_dicts(explanations: list[CodeExplanation]) -> list[dict]:
    """Plain data for ``--json``."""
    return [asdict(e) for e in explanations]


_INPUT_SCHEMA = pa.schema(
    [
        ("ipc", pa.list_(pa.string())),
        ("ipc_main", pa.string()),
        ("title", pa.string()),
        ("abstract", pa.string()),
        ("first_claim", pa.string()),
    ]
)
