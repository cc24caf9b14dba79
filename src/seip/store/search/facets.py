"""Facet counts over the whole result of a query, computed inside tantivy from its fast fields.

May import: seip.taxonomy, seip.i18n, stdlib, tantivy.

One ``aggregate`` call counts every facet in the same pass over the matching documents (no list of matches
leaves tantivy), which is what keeps facets within the latency target on a million patents
(docs/PERFORMANCE.md). Counts are exact for the enumerated facets (year, SEI, province, type, status,
office). The applicant facet is a top 20 over many distinct names: tantivy collects the top
:data:`APPLICANT_SEGMENT_SIZE` names of each index segment before merging, and reports the largest count it
could have missed as ``error_bound`` (0 means the list and its counts are exact).
"""

from __future__ import annotations

import tantivy

from seip import i18n
from seip.store.search.fields import lang
from seip.taxonomy.sei import categories

APPLICANT_SEGMENT_SIZE = 2000

#: facet → (fast field, buckets kept)
FACETS: dict[str, tuple[str, int]] = {
    "year": ("yr", 200),
    "sei": ("sei", 60),
    "sei_top": ("seitop", 20),
    "applicant": ("app", 20),
    "province": ("pr", 40),
    "type": ("ty", 10),
    "legal_status": ("ls", 20),
    "office": ("co", 50),
}


def aggregation() -> dict:
    """The tantivy (Elasticsearch-style) aggregation request for every facet."""
    aggs = {}
    for name, (field, size) in FACETS.items():
        terms: dict = {"field": field, "size": size}
        if name == "applicant":
            terms["segment_size"] = APPLICANT_SEGMENT_SIZE
        aggs[name] = {"terms": terms}
    return aggs


def facets(searcher: tantivy.Searcher, query: tantivy.Query) -> dict[str, list[dict]]:
    """Every facet of the documents ``query`` matches: ``{facet: [{"key", "label", "count"}, …]}``;
    years ascending, everything else by count (then key)."""
    raw = searcher.aggregate(query, aggregation())
    out: dict[str, list[dict]] = {}
    for name in FACETS:
        buckets = raw.get(name, {}).get("buckets", [])
        rows = [{"key": _key(name, b["key"]), "count": int(b["doc_count"])} for b in buckets]
        if name == "year":
            rows.sort(key=lambda r: r["key"])
        else:
            rows.sort(key=lambda r: (-r["count"], str(r["key"])))
        for r in rows:
            r["label"] = _label(name, r["key"])
        out[name] = rows
    bound = raw.get("applicant", {}).get("doc_count_error_upper_bound", 0)
    out["applicant_error_bound"] = int(bound or 0)  # type: ignore[assignment]
    return out


def _key(name: str, key: object) -> object:
    if name == "year":
        return int(float(key))  # type: ignore[arg-type]
    return key


def _label(name: str, key: object) -> str:
    if name in ("sei", "sei_top"):
        cats = categories()
        if name == "sei" and key in cats:
            c = cats[key]
            return c.name if lang() == "zh" else c.name_en
        top = next((c for c in cats.values() if c.top_code == key), None)
        if top is not None:
            return top.top_name if lang() == "zh" else top.top_name_en
    if name in ("type", "legal_status"):
        return i18n.label(str(key))
    return str(key)
