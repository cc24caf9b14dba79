"""The index form of text: on random strings, every Chinese substring query matches exactly the texts that
contain it (brute force), and separators in a term match any separator run and nothing else."""

from __future__ import annotations

import random
import re

import pytest
import tantivy

from seip.store.search.compile import _text
from seip.store.search.text import _LETTER, GAP, Highlighter, analyzer, phrase_words, spaced, term_tokens

HAN = "电池锂正极负材料"
OTHER = ["A", "b", "5G", "ion", "，", "、", " ", "-", "（", "）", "\n", "ＡＢ", "〇"]


def _random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 14)):
        parts.append(
            "".join(rng.choice(HAN) for _ in range(rng.randint(1, 4)))
            if rng.random() < 0.6
            else rng.choice(OTHER)
        )
    return "".join(parts)


@pytest.fixture(scope="module")
def corpus() -> tuple[tantivy.Searcher, tantivy.Schema, list[str]]:
    rng = random.Random(20240501)
    texts = [_random_text(rng) for _ in range(3000)]
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("t", tokenizer_name="seip_exact")
    sb.add_integer_field("i", fast=True, stored=True)
    schema = sb.build()
    index = tantivy.Index(schema)
    index.register_tokenizer("seip_exact", analyzer())
    writer = index.writer(50_000_000, 1)
    for i, t in enumerate(spaced(texts)):
        writer.add_document(tantivy.Document(t=[t], i=[i]))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index.searcher(), schema, texts


def _hits(corpus, term: str) -> set[int]:
    searcher, schema, texts = corpus
    res = searcher.search(_text(schema, "t", term), limit=len(texts))
    return {searcher.doc(a)["i"][0] for _, a in res.hits}


@pytest.mark.parametrize("length", [1, 2, 3, 4, 5])
def test_han_substrings_are_exact(corpus, length: int) -> None:
    _, _, texts = corpus
    rng = random.Random(length)
    runs = [m.group() for t in texts for m in re.finditer(f"[{HAN}]{{{length},}}", t)]
    for _ in range(40):
        run = rng.choice(runs)
        i = rng.randrange(len(run) - length + 1)
        term = run[i : i + length]
        assert _hits(corpus, term) == {j for j, t in enumerate(texts) if term in t}, term


def test_mixed_terms_and_separators(corpus) -> None:
    _, _, texts = corpus
    sep = r"[\W_]+"
    for term, pattern in [
        ("电，池", f"电{sep}池"),
        ("电池 锂", f"电池{sep}锂"),
        ("正-材", f"正{sep}材"),
        ("5G电", f"(?<!{_LETTER})5G电"),
        ("电5G", f"电5G(?!{_LETTER})"),
        ("ion电池", f"(?<!{_LETTER})ion电池"),
        ("AB", f"(?<!{_LETTER})(?:AB|ＡＢ)(?!{_LETTER})"),
    ]:
        expected = {j for j, t in enumerate(texts) if re.search(pattern, t, re.IGNORECASE)}
        assert expected, term
        assert _hits(corpus, term) == expected, term


def test_index_form() -> None:
    assert spaced(["锂电池，Li-ion", "ＡＢ 5G芯 片", "", "锂"]) == [
        " 锂电  电池  ꙮ Li ꙮ ion",
        "AB ꙮ 5G 芯  ꙮ  片 ",
        "",
        " 锂 ",
    ]
    assert spaced(["电池", "池子"]) == [" 电池 ", " 池子 "]  # no bigram runs from one text into the next
    assert term_tokens("，电池，") == [(0, "电池")]
    assert [w for _, w, _ in phrase_words("lithium-ion")] == ["lithium", GAP, "ion"]


def test_highlighter_marks_what_matches() -> None:
    hl = Highlighter.of(["锂电池", "lithium ion", "batter*"])
    out = hl.snippet("一种锂电池与Lithium-Ion batteries，锂 电池 <b>")
    assert out.count("<em>") == 3 and "<em>锂电池</em>" in out and "<em>Lithium-Ion</em>" in out
    assert "<em>batteries</em>" in out and "&lt;b&gt;" in out and "<em>锂 电池</em>" not in out
