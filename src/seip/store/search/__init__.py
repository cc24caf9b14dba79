"""Patent search: CNIPA-style field queries over a tantivy index kept in step with the corpus.

May import: seip.records, seip.taxonomy, seip.errors, seip.i18n, stdlib, duckdb, numpy, pyarrow, polars,
tantivy, rjieba.

Modules: :mod:`.fields` (the field table), :mod:`.query` (tokenizer and parser), :mod:`.text` (index form of
text, snippets), :mod:`.documents` (schema, documents from the corpus), :mod:`.index` (generations, sync and rebuild), :mod:`.compile` (tree → tantivy query),
:mod:`.execute` (pages, totals, every match), :mod:`.facets`, :mod:`.similar` (nearest patents by text
vectors) and :mod:`.export` (hits to xlsx/csv). docs/search.md is the user's guide.
"""

from seip.store.search.execute import SearchResult, count, match_numbers, search
from seip.store.search.index import SearchIndexError, rebuild, status, sync
from seip.store.search.query import SearchSyntaxError, parse

__all__ = [
    "SearchIndexError",
    "SearchResult",
    "SearchSyntaxError",
    "count",
    "match_numbers",
    "parse",
    "rebuild",
    "search",
    "status",
    "sync",
]
