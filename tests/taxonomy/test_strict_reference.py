"""Strict mode in the corpus equals a plain per-patent reading of the rules: for every real patent, each rule
that gives a category to one of its symbols (seip.taxonomy.sei) is checked against the text term by term
(seip.taxonomy.explain), and the codes and evidence must be exactly those stored on import."""

from __future__ import annotations

from pathlib import Path

import pytest

from seip.store import Corpus
from seip.taxonomy.explain import _strict_reason
from seip.taxonomy.sei import explain_symbol


def _reference(ipc: list[str] | None, text: str) -> tuple[list[str], list[str]]:
    codes, evidence = set(), set()
    for symbol in dict.fromkeys(ipc or []):
        for d in explain_symbol(symbol):
            if not d.given:
                continue
            reason = _strict_reason(d.rule_id, text)
            if reason.startswith("term:") or reason == "ipc-only":
                codes.add(d.sei_code)
                term = reason[5:] if reason.startswith("term:") else "IPC"
                evidence.add(f"{d.sei_code}:{d.rule_id}:{term}")
    return sorted(codes), sorted(evidence)


@pytest.mark.shared_data
def test_strict_codes_and_evidence_match_the_rules_read_one_by_one(real_corpus: Path) -> None:
    with Corpus(real_corpus, read_only=True) as c:
        rows = c.query(
            "SELECT pub_number, ipc, title, abstract, first_claim, sei_codes_strict, sei_evidence FROM patents "
            "WHERE sei_codes IS NOT NULL"
        ).to_pylist()
    assert len(rows) > 25_000
    strict = 0
    for r in rows:
        text = "\n".join(x for x in (r["title"], r["abstract"], r["first_claim"]) if x)
        codes, evidence = _reference(r["ipc"], text)
        assert (r["sei_codes_strict"] or [], r["sei_evidence"] or []) == (codes, evidence), r["pub_number"]
        strict += bool(codes)
    assert 0.2 * len(rows) < strict < len(rows)
