"""The query language: tokenizer and recursive-descent parser from a query string to a small tree.

May import: seip.records, seip.taxonomy, seip.errors, seip.i18n, stdlib.

Grammar (docs/search.md has the user's version)::

    query   := or EOF
    or      := and (("OR" | "或") and)*
    and     := unary (["AND" | "与"] unary)*          adjacent terms are ANDed
    unary   := ("NOT" | "非") unary | primary          "A NOT B" is A AND NOT B
    primary := "(" or ")" | FIELD OP value | FIELD ("=" | ":") "(" or ")" | value
    value   := WORD | "quoted phrase"

Operators are case-insensitive words standing alone (``与 或 非`` only between spaces or brackets, so that
``电池与电机`` stays one term). Full-width brackets, quotes and operators (``（）“”＝：≥``) are accepted.
Every value is checked against its field here, so an error can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seip import i18n
from seip.errors import SeipError
from seip.store.search import fields as F
from seip.store.search.text import term_tokens

i18n.register(
    {
        "search_q_expected_term": (
            "应为检索词、字段（如 TI=）或“(”",
            "expected a search term, a field such as TI= or '('",
        ),
        "search_q_expected_value": (
            "“{field}{op}”之后应为检索值或“(”",
            "expected a value or '(' after '{field}{op}'",
        ),
        "search_q_unclosed_paren": ("缺少与此“(”配对的“)”", "expected ')' to close this '('"),
        "search_q_unmatched_paren": ("多余的“)”", "unmatched ')'"),
        "search_q_unclosed_quote": ("引号未闭合", "expected a closing quote for this one"),
        "search_q_unknown_field": (
            "未知字段“{name}”，可用字段：{known}",
            "unknown field '{name}'; known fields: {known}",
        ),
        "search_q_empty": ("检索式为空", "the query is empty"),
        "search_q_compare": (
            "“{op}”只能用于日期字段 AD、PD、GD、PRD",
            "'{op}' compares dates: use it with AD, PD, GD or PRD",
        ),
        "search_q_group_op": (
            "“{op}(…)”不能用于一组检索词，请写 {field}=(…)",
            "'{op}(…)' cannot take a group; write {field}=(…)",
        ),
        "search_q_no_token": ("不含可检索的文字或数字", "it has no letters, digits or characters"),
        "search_q_bad_value": (
            "“{value}”不适用于字段 {field}：{why}",
            "'{value}' does not fit {field}: {why}",
        ),
        "search_q_error": (
            "检索式错误（第 {col} 个字符）：{what}：{caret}",
            "query error at column {col}: {what}: {caret}",
        ),
    }
)

CARET = "\u2038"  # ‸: the position is marked inside the query, on one line (CJK widths defeat a second line)


class SearchSyntaxError(SeipError):
    """A malformed query: ``pos`` (0-based character offset) and what was expected there."""

    def __init__(self, query: str, pos: int, what: str) -> None:
        self.query, self.pos, self.what = query, pos, what
        caret = query[:pos] + CARET + query[pos:]
        super().__init__(i18n.t("search_q_error", col=pos + 1, what=what, caret=caret))


@dataclass(frozen=True)
class Term:
    """``field op value``; ``start``/``end`` locate the value in the query."""

    field: str
    op: str
    value: str
    quoted: bool
    start: int
    end: int


@dataclass(frozen=True)
class Bool:
    op: str  # "and" | "or"
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


Node = Term | Bool | Not

# ------------------------------------------------------------------------------------------ tokenizer
_OPS = {"=": "=", ":": "=", "＝": "=", "：": "=", ">=": ">=", "≥": ">=", "＞＝": ">=", "<=": "<=",
        "≤": "<=", "＜＝": "<=", ">": ">", "＞": ">", "<": "<", "＜": "<"}  # fmt: skip
_FIELD = re.compile(r"([A-Za-z\u4e00-\u9fff]+)\s*(>=|<=|＞＝|＜＝|[=:＝：≥≤>＜<＞])")
_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’", "「": "」"}
_BOOL_WORDS = {"AND": "and", "OR": "or", "NOT": "not", "与": "and", "或": "or", "非": "not"}
_STOP = set(" \t\r\n\u3000()（）") | set(_QUOTES)


@dataclass(frozen=True)
class _Tok:
    kind: str  # ( ) and or not field word phrase end
    text: str
    start: int
    end: int
    op: str = ""


def tokenize(query: str) -> list[_Tok]:
    """The tokens of ``query``; raises :class:`SearchSyntaxError` for an unclosed quote or unknown field."""
    out, i, n = [], 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
        elif c in "(（":
            out.append(_Tok("(", c, i, i + 1))
            i += 1
        elif c in ")）":
            out.append(_Tok(")", c, i, i + 1))
            i += 1
        elif c in _QUOTES:
            close = query.find(_QUOTES[c], i + 1)
            if close < 0:
                raise SearchSyntaxError(query, i, i18n.t("search_q_unclosed_quote"))
            out.append(_Tok("phrase", query[i + 1 : close], i + 1, close))
            i = close + 1
        elif m := _FIELD.match(query, i):
            name, op = m.group(1), m.group(2)
            field = F.field_named(name)
            if field is None:
                known = ", ".join(f.code for f in F.FIELDS)
                raise SearchSyntaxError(query, i, i18n.t("search_q_unknown_field", name=name, known=known))
            out.append(_Tok("field", field.code, i, m.end(), _OPS[op]))
            i = m.end()
        else:
            j = i
            while j < n and query[j] not in _STOP:
                j += 1
            word = query[i:j]
            kind = _BOOL_WORDS.get(word.upper(), "word")
            out.append(_Tok(kind, word, i, j))
            i = j
    out.append(_Tok("end", "", n, n))
    return out


# --------------------------------------------------------------------------------------------- parser
class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.toks = tokenize(query)
        self.i = 0

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def fail(self, tok: _Tok, what: str) -> SearchSyntaxError:
        return SearchSyntaxError(self.query, tok.start, what)

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise self.fail(self.peek(), i18n.t("search_q_empty"))
        node = self.or_(F.DEFAULT)
        tok = self.peek()
        if tok.kind == ")":
            raise self.fail(tok, i18n.t("search_q_unmatched_paren"))
        if tok.kind != "end":
            raise self.fail(tok, i18n.t("search_q_expected_term"))
        return node

    def or_(self, field: str) -> Node:
        parts = [self.and_(field)]
        while self.peek().kind == "or":
            self.take()
            parts.append(self.and_(field))
        return parts[0] if len(parts) == 1 else Bool("or", tuple(parts))

    def and_(self, field: str) -> Node:
        parts = [self.unary(field)]
        while self.peek().kind in ("and", "not", "(", "field", "word", "phrase"):
            if self.peek().kind == "and":
                self.take()
            parts.append(self.unary(field))
        return parts[0] if len(parts) == 1 else Bool("and", tuple(parts))

    def unary(self, field: str) -> Node:
        if self.peek().kind == "not":
            self.take()
            return Not(self.unary(field))
        return self.primary(field)

    def primary(self, field: str) -> Node:
        tok = self.take()
        if tok.kind == "(":
            node = self.or_(field)
            if self.peek().kind != ")":
                raise self.fail(tok, i18n.t("search_q_unclosed_paren"))
            self.take()
            return node
        if tok.kind == "field":
            nxt = self.peek()
            if nxt.kind == "(":
                if tok.op != "=":
                    raise self.fail(nxt, i18n.t("search_q_group_op", op=tok.op, field=tok.text))
                return self.primary(tok.text)
            if nxt.kind in ("and", "or", "not"):  # right after FIELD=, an operator word is the value (TX=与)
                self.take()
                return self.value(tok.text, tok.op, _Tok("word", nxt.text, nxt.start, nxt.end))
            if nxt.kind not in ("word", "phrase"):
                raise self.fail(nxt, i18n.t("search_q_expected_value", field=tok.text, op=tok.op))
            return self.value(tok.text, tok.op, self.take())
        if tok.kind in ("word", "phrase"):
            return self.value(field, "=", tok)
        raise self.fail(tok, i18n.t("search_q_expected_term"))

    def value(self, code: str, op: str, tok: _Tok) -> Term:
        term = Term(code, op, tok.text, tok.kind == "phrase", tok.start, tok.end)
        field = F.by_code(code)
        if op != "=" and field.kind != "date":
            raise SearchSyntaxError(self.query, tok.start, i18n.t("search_q_compare", op=op))
        try:
            check(term)
        except F.ValueProblem as exc:
            why = i18n.t("search_q_bad_value", value=tok.text, field=code, why=str(exc))
            raise SearchSyntaxError(self.query, tok.start, why) from None
        return term


def check(term: Term) -> None:
    """Raise :class:`fields.ValueProblem` when ``term``'s value does not fit its field."""
    kind = F.by_code(term.field).kind
    if kind == "text":
        if not term_tokens(term.value.rstrip("*")):
            raise F.ValueProblem(i18n.t("search_q_no_token"))
    elif kind == "date":
        F.date_range(term.op, term.value)
    elif kind == "ipc":
        F.ipc_key(term.value)
    elif kind == "sei":
        F.sei_value(term.value)
    elif kind == "number":
        F.number_value(term.value)
    elif kind == "country":
        F.country_value(term.value)
    elif kind == "province":
        F.province_value(term.value)
    elif kind == "city":
        F.city_values(term.value)
    elif kind == "type":
        if term.value.strip().lower() not in F.type_values():
            raise F.ValueProblem(i18n.t("search_v_f_type", values=", ".join(F.type_values())))
    elif kind == "status":
        F.status_value(term.value)


def parse(query: str) -> Node:
    """The tree of ``query``; raises :class:`SearchSyntaxError` (position and what was expected).

    >>> parse("TI=锂电池 AND AD>=2020")
    Bool(op='and', children=(Term(field='TI', op='=', value='锂电池', quoted=False, start=3, end=6), Term(field='AD', op='>=', value='2020', quoted=False, start=15, end=19)))
    """
    return _Parser(query).parse()


def positive_text(node: Node, negated: bool = False) -> list[Term]:
    """The text terms a matching document contains (those not under NOT): for highlighting and word scores."""
    if isinstance(node, Term):
        return [node] if not negated and F.by_code(node.field).kind == "text" else []
    if isinstance(node, Not):
        return positive_text(node.child, not negated)
    return [t for c in node.children for t in positive_text(c, negated)]
