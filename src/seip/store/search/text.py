"""How text becomes index tokens: Han bigrams, one token per run of other letters and digits, and a gap wherever
anything else stood; and how highlighted snippets are cut from the stored text.

May import: stdlib, numpy, tantivy.

Exact Chinese substring search needs every Han character position in the index, and it needs punctuation and
spaces to break a phrase: ``电，池`` and ``电 池`` must not match ``电池``. Each run of Han characters is indexed
as its overlapping bigrams (``锂电池`` → ``锂电 电池``; a run of one character as that character): every
substring of two or more characters is then a phrase of consecutive bigrams, found exactly, and the bigrams'
posting lists are short, so a 2-character term is one term lookup and a 4-character term a 3-word phrase
(with one token per character the same phrases were about 4 times slower on a million patents:
192–223 ms against 53 ms for ``传感器 AND 控制``, docs/PERFORMANCE.md).
A lone character of the query is matched as either half of a bigram (:func:`phrase_words`).

tantivy's regex tokenizer costs about 1.2 µs per token and drops separators without a trace, so the text is
rewritten before tantivy sees it, with numpy over a whole batch at once: bigrams and words set apart by
spaces, each run of separators (punctuation, spaces) as the gap word :data:`GAP`, full-width ASCII folded to
ASCII; tantivy's whitespace tokenizer splits it and lower-cases it. :data:`GAP` is indexed like a word, so a
phrase never runs across a separator, and a term containing punctuation (``电池，正极``, ``lithium-ion``)
matches the same words with any run of separators in that place, and nothing else.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import numpy as np
import tantivy

GAP = "\ua66e"  # ꙮ: a letter, so tantivy treats it as a word; no real text uses it (and if one did: a gap)
_GAP_CP = 0xA66E
_HAN_RANGES = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3021, 0x3029),  # Hangzhou numerals
    (0x3038, 0x303B),
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x3FFFF),  # extensions B–H
)
SEPARATOR, WORD, HAN = 0, 1, 2
_UNKNOWN = 255
_classes = np.full(0x110000, _UNKNOWN, np.uint8)  # filled lazily: only the characters ever seen


def is_han(cp: int) -> bool:
    """True for a Han character (CJK ideographs and their extensions, radicals, 〇 々)."""
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


def _classify(cps: np.ndarray) -> np.ndarray:
    cls = _classes[cps]
    unknown = cls == _UNKNOWN
    if unknown.any():
        for cp in np.unique(cps[unknown]).tolist():
            ch = chr(cp)
            _classes[cp] = HAN if is_han(cp) else (WORD if ch.isalnum() else SEPARATOR)
        cls = _classes[cps]
    return cls


_CHUNK = 4000  # texts per numpy pass: small arrays stay in cache and avoid fresh pages (3x faster than 100k)


def spaced(values: list[str]) -> list[str]:
    """The index form of each text: Han bigrams (a lone Han character alone), other letters and digits as
    words, separator runs as :data:`GAP`, full-width ASCII folded.

    >>> spaced(["锂电池，Li-ion", "ＡＢ 5G芯 片"])
    [' 锂电  电池  ꙮ Li ꙮ ion', 'AB ꙮ 5G 芯  ꙮ  片 ']
    """
    out: list[str] = []
    for i in range(0, len(values), _CHUNK):
        out += _spaced(values[i : i + _CHUNK])
    return out


def _spaced(values: list[str]) -> list[str]:
    lengths = np.fromiter(map(len, values), np.int64, len(values))
    if not lengths.any():
        return ["" for _ in values]
    cps = np.frombuffer("".join(values).encode("utf-32-le"), np.uint32)
    full_width = (cps >= 0xFF01) & (cps <= 0xFF5E)
    if full_width.any():
        cps = np.where(full_width, cps - 0xFEE0, cps).astype(np.uint32)
    cls = _classify(cps)
    ends = np.cumsum(lengths)
    last = np.zeros(len(cps), bool)  # last character of its text: no bigram runs into the next text
    last[ends[lengths > 0] - 1] = True
    han = cls == HAN
    pair = han.copy()  # a bigram starts here: this and the next character are Han, in the same text
    pair[:-1] &= han[1:] & ~last[:-1]
    pair[-1] = False
    after = np.zeros(len(cps), bool)  # Han that ends a bigram started by the previous character
    after[1:] = pair[:-1]
    alone = han & ~pair & ~after
    first_sep = cls == SEPARATOR
    first_sep[1:] &= cls[:-1] != SEPARATOR
    word = cls == WORD
    width = np.where(pair, 4, 0) + np.where(alone | first_sep, 3, 0) + word
    bounds = np.zeros(len(cps) + 1, np.int64)
    np.cumsum(width, out=bounds[1:])
    out = np.full(int(bounds[-1]), 0x20, np.uint32)
    starts = bounds[:-1]
    at = np.flatnonzero(word)
    out[starts[at]] = cps[at]
    at = np.flatnonzero(pair)
    out[starts[at] + 1] = cps[at]
    out[starts[at] + 2] = cps[at + 1]
    at = np.flatnonzero(alone)
    out[starts[at] + 1] = cps[at]
    out[starts[np.flatnonzero(first_sep)] + 1] = _GAP_CP
    text = out.tobytes().decode("utf-32-le")
    cut = bounds[np.concatenate(([0], ends))].tolist()
    return [text[cut[i] : cut[i + 1]] for i in range(len(values))]


def analyzer() -> tantivy.TextAnalyzer:
    """The analyzer of the exact text fields (registered as ``seip_exact``): whitespace and lower case."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).filter(tantivy.Filter.lowercase()).build()
    )


def words_analyzer() -> tantivy.TextAnalyzer:
    """The analyzer of the rjieba word field (registered as ``seip_words``): whitespace and lower case."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).filter(tantivy.Filter.lowercase()).build()
    )


_ANALYZER = analyzer()


def term_tokens(term: str) -> list[tuple[int, str]]:
    """(relative position, token) of a search term, as the index holds them.

    >>> term_tokens("锂电池"), term_tokens("Lithium-Ion")
    ([(0, '锂电'), (1, '电池')], [(0, 'lithium'), (1, 'ꙮ'), (2, 'ion')])
    """
    tokens = [(t.position, t.text) for t in _ANALYZER.pre_tokenize(spaced([term])[0]).tokens]
    while tokens and tokens[0][1] == GAP:
        tokens.pop(0)
    while tokens and tokens[-1][1] == GAP:
        tokens.pop()
    if not tokens:
        return []
    first = tokens[0][0]
    return [(p - first, w) for p, w in tokens]


def is_han_token(token: str) -> bool:
    """True for a Han bigram or lone Han character."""
    return is_han(ord(token[0]))


def phrase_words(term: str) -> list[tuple[int, str, bool]]:
    """(position, word, is_regex) that find ``term`` exactly in the bigram index.

    A lone Han character of the term may be, in a document, one half of a bigram: at the start of the term
    it must end its run (``.?电``), at the end begin it (``电.?``), alone it may be either half (``.?电.?``).
    Elsewhere it stands between non-Han tokens in both, so it is a lone character there too.

    >>> phrase_words("电"), phrase_words("电，池"), phrase_words("电池")
    ([(0, '.?电.?', True)], [(0, '.?电', True), (1, 'ꙮ', False), (2, '池.?', True)], [(0, '电池', False)])
    """
    tokens = term_tokens(term)
    out = []
    for i, (pos, tok) in enumerate(tokens):
        if len(tok) == 1 and is_han(ord(tok)) and (i == 0 or i == len(tokens) - 1):
            head = ".?" if i == 0 else ""
            tail = ".?" if i == len(tokens) - 1 else ""
            out.append((pos, f"{head}{re.escape(tok)}{tail}", True))
        else:
            out.append((pos, tok, False))
    return out


# ------------------------------------------------------------------------------------------ snippets
@dataclass(frozen=True)
class Highlighter:
    """Finds the query's positive text terms in stored text (case-insensitively) to cut and mark snippets."""

    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, terms: list[str]) -> Highlighter:
        parts = {_term_pattern(t.rstrip("*"), t.endswith("*")) for t in terms if term_tokens(t.rstrip("*"))}
        parts = sorted(parts, key=len, reverse=True)
        return cls(re.compile("|".join(parts), re.IGNORECASE) if parts else None)

    def spans(self, text: str) -> list[tuple[int, int]]:
        if not self.pattern or not text:
            return []
        return [m.span() for m in self.pattern.finditer(text)]

    def snippet(self, text: str | None, width: int = 120) -> str:
        """HTML-safe text around the first match (or the start), matches in ``<em>``."""
        if not text:
            return ""
        spans = self.spans(text)
        start = max(0, spans[0][0] - width // 4) if spans else 0
        end = min(len(text), start + width)
        out, pos = [], start
        for a, b in spans:
            if a < start or b > end:
                continue
            out += [html.escape(text[pos:a]), "<em>", html.escape(text[a:b]), "</em>"]
            pos = b
        out.append(html.escape(text[pos:end]))
        return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")

    def mark(self, text: str | None) -> str:
        """The whole text, HTML-safe, matches in ``<em>`` (for titles)."""
        return self.snippet(text, width=len(text or "") + 1)


#: A letter or digit that is not Han: what bounds a word token in raw text.
_LETTER = "[^\\W_" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _HAN_RANGES) + "]"


def _term_pattern(term: str, prefix: bool = False) -> str:
    """A regex finding ``term`` in raw text the way the index matches it: Han characters literally, other
    words whole (the last one as a prefix with ``prefix``), and any separators where the term has them."""
    cps = np.frombuffer(term.encode("utf-32-le"), np.uint32)
    cps = np.where((cps >= 0xFF01) & (cps <= 0xFF5E), cps - 0xFEE0, cps).astype(np.uint32)
    cls = _classify(cps).tolist()
    out, i, n = [], 0, len(cls)
    while i < n:
        j = i
        while j < n and cls[j] == cls[i]:
            j += 1
        run = "".join(map(chr, cps[i:j].tolist()))
        if cls[i] == HAN:
            out.append(re.escape(run))
        elif cls[i] == WORD:
            end = f"{_LETTER}*" if prefix and j == n else f"(?!{_LETTER})"
            out.append(rf"(?<!{_LETTER}){re.escape(run)}{end}")
        elif out and j < n:
            out.append(r"[\W_]+")
        i = j
    return "".join(out)
