"""Running a query: a page of hits with snippets, the total, facets, and every matching publication number.

May import: seip.records, seip.taxonomy, seip.errors, seip.i18n, stdlib, duckdb, numpy, pyarrow, tantivy.

The query is parsed before the index is touched, so a syntax error costs nothing. The index is brought in
step with the corpus when it is stale (:func:`seip.store.search.index.open_index`). A page's details
(title, abstract, applicants…) are stored with each indexed document, so showing a page never scans the
corpus; the index is in step with the corpus, so they are the stored record.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field

import numpy as np
import pyarrow as pa
import tantivy

from seip.store.corpus import Corpus
from seip.store.search.compile import compile_query
from seip.store.search.facets import facets as facet_counts
from seip.store.search.index import Progress, SearchIndex, open_index
from seip.store.search.query import Node, parse, positive_text
from seip.store.search.text import Highlighter

#: --sort values → (fast field, order); relevance is tantivy's BM25 score.
SORTS: dict[str, tuple[str, tantivy.Order] | None] = {
    "relevance": None,
    "date": ("pd", tantivy.Order.Desc),
    "date_asc": ("pd", tantivy.Order.Asc),
    "filed": ("ad", tantivy.Order.Desc),
    "filed_asc": ("ad", tantivy.Order.Asc),
}
MAX_PAGE = 10_000


@dataclass
class Hit:
    """One hit: the record's key fields, its score (None when sorted by date) and a highlighted snippet."""

    pub_number: str
    title: str | None
    score: float | None
    snippet: str
    title_marked: str = ""
    applicants: list[str] = field(default_factory=list)
    app_date: str | None = None
    pub_date: str | None = None
    grant_date: str | None = None
    ipc_main: str | None = None
    sei_codes: list[str] = field(default_factory=list)
    legal_status: str | None = None
    is_valid: bool | None = None
    patent_type: str | None = None
    pub_country: str | None = None
    province: str | None = None


@dataclass
class SearchResult:
    """What ``seip search`` prints: ``total`` over the whole result, one page of ``hits``, ``facets``."""

    query: str
    total: int
    hits: list[Hit]
    facets: dict
    offset: int
    limit: int
    sort: str
    took_ms: float

    def to_json(self) -> dict:
        """``{"total", "hits": [{"pub_number", "title", "score", "snippet", …}], "facets", …}``."""
        return {
            "total": self.total,
            "hits": [asdict(h) for h in self.hits],
            "facets": self.facets,
            "query": self.query,
            "offset": self.offset,
            "limit": self.limit,
            "sort": self.sort,
            "took_ms": round(self.took_ms, 1),
        }


def prepare(
    corpus: Corpus, query: str, progress: Progress | None = None
) -> tuple[Node, SearchIndex, tantivy.Query]:
    """Parse (raising :class:`SearchSyntaxError`), open the index (syncing it when stale) and compile."""
    node = parse(query)
    idx = open_index(corpus, progress=progress)
    return node, idx, compile_query(node, idx.schema)


def search(
    corpus: Corpus,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    sort: str = "relevance",
    with_facets: bool = True,
    progress: Progress | None = None,
) -> SearchResult:
    """One page of hits for ``query`` with the total and (optionally) the facets of the whole result."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}")
    t0 = time.perf_counter()
    node, idx, q = prepare(corpus, query, progress)
    searcher = idx.searcher()
    limit = max(0, min(limit, MAX_PAGE))
    order = SORTS[sort]
    kw = {"order_by_field": order[0], "order": order[1]} if order else {}
    res = searcher.search(q, limit=max(limit, 1), offset=offset, count=True, **kw)
    hits = res.hits[:limit]
    ks = np.asarray(searcher.fast_field_values("k", [a for _, a in hits]), dtype=np.int64)
    numbers = idx.numbers(ks).to_pylist() if len(ks) else []
    scores = [float(s) if order is None else None for s, _ in hits]
    page = _hits(searcher, hits, numbers, scores, Highlighter.of([t.value for t in positive_text(node)]))
    facets = facet_counts(searcher, q) if with_facets else {}
    return SearchResult(
        query, int(res.count), page, facets, offset, limit, sort, (time.perf_counter() - t0) * 1000
    )


def count(corpus: Corpus, query: str) -> int:
    """How many patents match ``query``."""
    _, idx, q = prepare(corpus, query)
    return int(idx.searcher().search(q, limit=1, count=True).count)


def match_numbers(corpus: Corpus, query: str) -> pa.Array:
    """Every publication number matching ``query`` (not a top k), as a pyarrow string array in key order.

    This is what analysis calls to restrict statistics to a query (``seip stats --query Q``).
    """
    _, idx, q = prepare(corpus, query)
    searcher = idx.searcher()
    total = int(searcher.search(q, limit=1, count=True).count)
    if total == 0:
        return pa.array([], pa.string())
    res = searcher.search(q, limit=total, count=False, order_by_field="k", order=tantivy.Order.Asc)
    ks = np.asarray(searcher.fast_field_values("k", [a for _, a in res.hits]), dtype=np.int64)
    return idx.numbers(np.sort(ks))


def _hits(searcher: tantivy.Searcher, hits: list, numbers: list[str], scores: list[float | None],
          hl: Highlighter) -> list[Hit]:  # fmt: skip
    out = []
    for (_, addr), number, score in zip(hits, numbers, scores, strict=True):
        r = json.loads(searcher.doc(addr).get_first("doc"))
        title = r["title"] or r["title_en"]
        texts = (r["abstract"], r["first_claim"], r["abstract_en"])
        text = next((t for t in texts if t and hl.spans(t)), None)
        text = text or r["abstract"] or r["abstract_en"] or r["first_claim"] or title
        out.append(
            Hit(
                pub_number=number,
                title=title,
                score=None if score is None else round(score, 4),
                snippet=hl.snippet(text),
                title_marked=hl.mark(title),
                applicants=r["applicants"] or [],
                **{f: r[f] for f in _PLAIN},
                sei_codes=r["sei_codes"] or [],
            )
        )
    return out


_PLAIN = ("app_date", "pub_date", "grant_date", "ipc_main", "legal_status", "is_valid", "patent_type",
          "pub_country", "province")  # fmt: skip
