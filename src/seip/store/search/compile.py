"""From a parsed query to a tantivy query: exact phrases on the character fields, keys for the structured ones.

May import: seip.records, seip.taxonomy, seip.errors, stdlib, tantivy, rjieba.

Only text terms score (BM25; title matches weigh :data:`TITLE_BOOST` times more). Structured conditions
(classification, dates, office, region, type, status, numbers) filter with score 0, so they never reorder
hits. The rjieba word field adds a score to documents whose title has a query word as a whole word; it is an
optional clause, so it changes the order of hits, never which documents match.
"""

from __future__ import annotations

import re

import rjieba
import tantivy

from seip.store.search import fields as F
from seip.store.search.query import Node, Not, Term, positive_text
from seip.store.search.text import is_han, is_han_token, phrase_words

TITLE_BOOST = 2.0
WORD_BOOST = 0.5
Occur = tantivy.Occur
Q = tantivy.Query


def compile_query(node: Node, schema: tantivy.Schema) -> tantivy.Query:
    """The tantivy query matching exactly the documents ``node`` describes, scored for relevance."""
    main = _node(node, schema)
    words = _word_clauses(node, schema)
    if not words:
        return main
    return Q.boolean_query([(Occur.Must, main), *((Occur.Should, w) for w in words)])


def _node(node: Node, schema: tantivy.Schema) -> tantivy.Query:
    if isinstance(node, Term):
        return _term(node, schema)
    if isinstance(node, Not):
        return Q.boolean_query([(Occur.Must, Q.all_query()), (Occur.MustNot, _node(node.child, schema))])
    if node.op == "or":
        return Q.boolean_query([(Occur.Should, _node(c, schema)) for c in node.children])
    clauses = [
        (Occur.MustNot, _node(c.child, schema)) if isinstance(c, Not) else (Occur.Must, _node(c, schema))
        for c in node.children
    ]
    if all(occur == Occur.MustNot for occur, _ in clauses):
        clauses.append((Occur.Must, Q.all_query()))
    return Q.boolean_query(clauses)


def _filter(query: tantivy.Query) -> tantivy.Query:
    return Q.const_score_query(query, 0.0)


def _any(queries: list[tantivy.Query]) -> tantivy.Query:
    return queries[0] if len(queries) == 1 else Q.boolean_query([(Occur.Should, q) for q in queries])


def _term(t: Term, schema: tantivy.Schema) -> tantivy.Query:
    field = F.by_code(t.field)
    kind = field.kind
    if kind == "text":
        per_field = [_text(schema, f, t.value) for f in field.targets]
        per_field = [
            Q.boost_query(q, TITLE_BOOST) if f == "ti" and len(field.targets) > 1 else q
            for f, q in zip(field.targets, per_field, strict=True)
        ]
        return _any(per_field)
    if kind == "date":
        lo, hi = F.date_range(t.op, t.value)
        return Q.range_query(schema, field.targets[0], tantivy.FieldType.Integer, lo, hi)
    if kind == "ipc":
        how, key = F.ipc_key(t.value)
        target = field.targets[0]
        q = Q.term_query(schema, target, key) if how == "term" else Q.regex_query(schema, target, key)
        return _filter(q)
    if kind == "sei":
        target, code = F.sei_value(t.value)
        return _filter(Q.term_query(schema, target, code))
    if kind == "number":
        how, value = F.number_value(t.value)
        target = field.targets[0]
        if how == "term":
            return _filter(Q.term_query(schema, target, value))
        return _filter(Q.regex_query(schema, target, re.escape(value) + ".*"))
    if kind == "country":
        return _filter(Q.term_query(schema, "co", F.country_value(t.value)))
    if kind == "province":
        return _filter(Q.term_query(schema, "pr", F.province_value(t.value)))
    if kind == "city":
        return _filter(Q.term_set_query(schema, "ct", F.city_values(t.value)))
    if kind == "type":
        return _filter(Q.term_query(schema, "ty", F.type_values()[t.value.strip().lower()]))
    target, value = F.status_value(t.value)  # "status"
    return _filter(Q.term_query(schema, target, value))


def _text(schema: tantivy.Schema, field: str, value: str) -> tantivy.Query:
    """Exact match of one term in one text field: a phrase of its bigrams and words, in their positions.

    A trailing ``*`` after a Latin word makes that word a prefix (``batter*``); after Chinese it changes
    nothing, since Chinese terms already match as substrings.
    """
    words = phrase_words(value.rstrip("*"))
    pos, last, _ = words[-1]
    if value.endswith("*") and not is_han_token(last):
        words[-1] = (pos, re.escape(last) + ".*", True)
    if len(words) == 1:
        _, word, regex = words[0]
        return Q.regex_query(schema, field, word) if regex else Q.term_query(schema, field, word)
    if any(regex for _, _, regex in words):
        return Q.regex_phrase_query(
            schema, field, [(p, w if regex else re.escape(w)) for p, w, regex in words]
        )
    return Q.phrase_query(schema, field, [(p, w) for p, w, _ in words])


def _word_clauses(node: Node, schema: tantivy.Schema) -> list[tantivy.Query]:
    """Title-word scores: the rjieba words (two characters or more) of the positive Chinese text terms."""
    words: set[str] = set()
    for term in positive_text(node):
        if any(is_han(ord(c)) for c in term.value):
            words.update(w for w in rjieba.cut(term.value.rstrip("*")) if len(w.strip()) > 1)
    return [Q.boost_query(Q.term_query(schema, "jb", w.lower()), WORD_BOOST) for w in sorted(words)]
