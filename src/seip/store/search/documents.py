"""What the search index holds: its schema, and the tantivy documents made from the corpus, batch by batch.

May import: seip.records, seip.errors, stdlib, duckdb, numpy, pyarrow, tantivy, rjieba.

One SQL statement (:data:`SELECT`) computes, in DuckDB, everything of a document except its text: number
variants, classification keys at every level, dates as ``yyyymmdd`` integers, facet values, the JSON of what
a hit shows, and the fingerprint that tells :func:`seip.store.search.index.sync` when to re-index. The text
goes through :func:`seip.store.search.text.spaced` in one numpy pass per batch, on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import rjieba
import tantivy

from seip.store.corpus import Corpus
from seip.store.search.text import analyzer, spaced, words_analyzer

Progress = Callable[[int, int], None]

SCHEMA_VERSION = 1
BATCH = 20_000  # patents per DuckDB batch while indexing

TEXT_FIELDS = (
    "ti",
    "ab",
    "cl",
    "pa",
    "inv",
)  # exact fields: Han bigrams, words and gaps (seip.store.search.text)
KEYWORD_FIELDS = ("pn", "pnq", "anq", "ipc", "cpc", "sei", "seitop", "co", "pr", "ct", "ty", "ls", "app")
FAST_KEYWORDS = ("sei", "seitop", "co", "pr", "ty", "ls", "app")  # facets
DATE_FIELDS = {"ad": "app_date", "pd": "pub_date", "gd": "grant_date", "prd": "priority_date"}

#: Columns whose change without an import (reclassification, status refresh) must reach the index.
FINGERPRINT = "hash(last_import_id, sei_codes, sei_top, legal_status, is_valid, province, city)"


def schema() -> tantivy.Schema:
    """The index schema: ``k`` (doc key → ``keys.arrow``), the exact text fields, ``jb`` (rjieba words of Chinese
    titles, for relevance), keyword fields (``pn`` the key, ``pnq``/``anq`` number variants, ``ipc``/``cpc``
    keys, SEI codes, office, region, type, status, normalised applicants), dates as ``yyyymmdd`` integers,
    ``yr`` (filing year, for the facet), ``valid`` (0/1) and ``doc`` (the stored JSON of what a hit shows)."""
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("k", fast=True)
    for f in TEXT_FIELDS:
        sb.add_text_field(f, tokenizer_name="seip_exact")
    sb.add_text_field("jb", tokenizer_name="seip_words", index_option="freq")
    for f in KEYWORD_FIELDS:
        sb.add_text_field(f, tokenizer_name="raw", fast=f in FAST_KEYWORDS, index_option="basic")
    for f in DATE_FIELDS:
        sb.add_integer_field(f, indexed=True, fast=True)
    sb.add_integer_field("yr", fast=True)
    sb.add_integer_field("valid", indexed=True)
    sb.add_bytes_field("doc", stored=True)
    return sb.build()


def register(index: tantivy.Index) -> tantivy.Index:
    index.register_tokenizer("seip_exact", analyzer())
    index.register_tokenizer("seip_words", words_analyzer())
    return index


# ---------------------------------------------------------------------------------------- documents
def _ymd(col: str) -> str:
    return f"(year({col}) * 10000 + month({col}) * 100 + day({col}))::BIGINT"


def _keep(*exprs: str) -> str:
    return f"list_filter([{', '.join(exprs)}], lambda x: x IS NOT NULL AND x <> '')"


_FULL = r"^([A-HY]\d\d[A-Z])(\d{1,4})/(\d{1,6})$"


def _class_keys(col: str) -> str:
    """Every key of every symbol (subclass, group, subgroup), as :mod:`.fields` reads them."""
    group = f"s[1:4] || ' ' || CAST(CAST(regexp_extract(s, '{_FULL}', 2) AS INTEGER) AS VARCHAR)"
    digits = f"rtrim(regexp_extract(s, '{_FULL}', 3), '0')"
    sub = f"CASE WHEN length({digits}) < 2 THEN rpad({digits}, 2, '0') ELSE {digits} END"  # rpad also cuts
    return f"""coalesce(list_distinct(flatten(list_transform({col}, lambda s: CASE
        WHEN regexp_matches(s, '{_FULL}') THEN [s[1:4], {group}, {group} || '/' || {sub}]
        WHEN regexp_matches(s, '^[A-HY]\\d\\d[A-Z]$') THEN [s]
        ELSE [] END))), [])"""


_PUB = r"^([A-Z]{2})([A-Z]{0,5}\d[0-9A-Z]*?)([A-Z]\d?)?$"
#: What a hit shows, stored with the document (a page of hits never waits for the corpus: fetching 20 rows
#: of a million by key from DuckDB takes over 100 ms).
SHOWN = """pub_number, title, title_en, abstract, abstract_en, first_claim, applicants, app_date, pub_date,
  grant_date, ipc_main, sei_codes, legal_status, is_valid, patent_type, pub_country, province"""
_PN_STEM = f"regexp_extract(pub_number, '{_PUB}', 1) || regexp_extract(pub_number, '{_PUB}', 2)"
SELECT = f"""SELECT pub_number AS pn,
  list_distinct({_keep("pub_number", _PN_STEM)}) AS pnq,
  {_keep("app_number", "regexp_replace(app_number, '^[A-Z]+', '')")} AS anq,
  {_keep("title", "title_en")} AS ti, {_keep("abstract", "abstract_en")} AS ab, {_keep("first_claim")} AS cl,
  coalesce(list_distinct(list_concat(applicants, applicants_std)), []) AS pa, coalesce(inventors, []) AS inv,
  {_class_keys("ipc")} AS ipc, {_class_keys("cpc")} AS cpc,
  coalesce(sei_codes, []) AS sei, coalesce(sei_top, []) AS seitop,
  pub_country AS co, province AS pr, city AS ct, patent_type AS ty, legal_status AS ls,
  coalesce(list_distinct(list_filter(applicants_std, lambda x: x <> '')), []) AS app,
  {", ".join(f"{_ymd(col)} AS {f}" for f, col in DATE_FIELDS.items())}, year(app_date)::BIGINT AS yr,
  is_valid::BIGINT AS valid, regexp_matches(title, '\\p{{Han}}') AS han_title,
  to_json(struct_pack({SHOWN})) AS doc, {FINGERPRINT} AS fp
FROM patents"""


def _text_lists(batch: pa.RecordBatch) -> dict[str, list[list[str]]]:
    """The exact text fields of a batch in index form, one list of values per document (one numpy pass)."""
    flat, counts = [], []
    for f in TEXT_FIELDS:
        col = batch.column(f)
        if pa.types.is_list(col.type):
            counts.append(pc.fill_null(pc.list_value_length(col), 0).to_numpy())
            flat += pc.list_flatten(col).to_pylist()
        else:
            counts.append(col.is_valid().to_numpy(zero_copy_only=False).astype(np.int64))
            flat += col.drop_null().to_pylist()
    done = spaced(flat)
    out, pos = {}, 0
    for f, n in zip(TEXT_FIELDS, counts, strict=True):
        ends = (pos + np.cumsum(n)).tolist()
        starts = [pos, *ends[:-1]]
        out[f] = [done[a:b] for a, b in zip(starts, ends, strict=True)]
        pos = ends[-1] if ends else pos
    return out


def documents(
    batch: pa.RecordBatch, keys: np.ndarray, texts: dict | None = None
) -> Iterator[tantivy.Document]:
    """One tantivy document per row of a batch of :data:`SELECT`, with doc keys ``keys`` (``texts``: the
    batch's :func:`_text_lists`, when already computed)."""
    texts = texts if texts is not None else _text_lists(batch)
    cols = {f: batch.column(f).to_pylist() for f in batch.schema.names if f not in texts and f != "fp"}
    titles = batch.column("ti").to_pylist()
    for i, k in enumerate(keys.tolist()):
        doc = {"k": k}
        for f, values in texts.items():
            if values[i]:
                doc[f] = values[i]
        for f, values in cols.items():
            v = values[i]
            if v is not None and v != []:
                doc[f] = v
        if doc.pop("han_title", False):
            doc["jb"] = " ".join(rjieba.cut(titles[i][0]))
        doc["doc"] = doc["doc"].encode()
        yield tantivy.Document(**doc)


def add_rows(
    corpus: Corpus,
    writer: tantivy.IndexWriter,
    only: pa.Table | None,
    first_k: int,
    total: int,
    progress: Progress | None,
) -> pa.Table:
    """Add every patent, or those whose ``pub_number`` is in ``only``; returns their keys (k, pub_number, fp)."""
    reader = corpus.con.cursor()  # its own connection streams while the caller's stays free
    where = ""
    if only is not None:
        reader.register("_search_only", only)
        where = "WHERE pub_number IN (SELECT pub_number FROM _search_only)"
    parts, k, done = [], first_k, 0
    try:
        stream = reader.sql(f"{SELECT} {where}").to_arrow_reader(BATCH)
        for batch, texts in _read_ahead(stream):
            ks = np.arange(k, k + batch.num_rows, dtype=np.int64)
            for doc in documents(batch, ks, texts):
                writer.add_document(doc)
            # copies: a column of DuckDB's batch keeps the whole batch's memory alive (200 MB per 100k patents)
            own = [
                pa.concat_arrays([batch.column(c), pa.array([], batch.column(c).type)]) for c in ("pn", "fp")
            ]
            parts.append(pa.table({"k": ks, "pub_number": own[0], "fp": own[1]}))
            k += batch.num_rows
            done += batch.num_rows
            if progress is not None:
                progress(done, total)
    finally:
        reader.close()
    return pa.concat_tables(parts) if parts else _empty_keys()


def _read_ahead(stream: pa.RecordBatchReader) -> Iterator[tuple[pa.RecordBatch, dict]]:
    """Batches with their text in index form, the next one read and rewritten on a worker thread while the
    caller hands the current one to tantivy (DuckDB and numpy release the GIL for most of that work)."""

    def next_batch() -> tuple[pa.RecordBatch, dict] | None:
        for batch in stream:
            if batch.num_rows:
                return batch, _text_lists(batch)
        return None

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="seip-index") as pool:
        pending = pool.submit(next_batch)
        while (item := pending.result()) is not None:
            pending = pool.submit(next_batch)
            yield item


def _empty_keys() -> pa.Table:
    return pa.table({"k": pa.array([], pa.int64()), "pub_number": pa.array([], pa.string()),
                     "fp": pa.array([], pa.uint64())})  # fmt: skip
