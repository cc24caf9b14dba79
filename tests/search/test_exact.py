"""Search results equal a brute-force scan of the real corpus: Chinese substrings of 1–4 characters in every text
field, English words, numbers, dates, classification prefixes, SEI codes and Boolean combinations."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from seip.store import Corpus
from seip.store.search import match_numbers
from seip.store.search.text import _LETTER, is_han
from seip.taxonomy.ipc_keys import symbol_keys

pytestmark = pytest.mark.shared_data

#: search field → corpus columns it covers
TEXT = {
    "TI": ("title", "title_en"),
    "AB": ("abstract", "abstract_en"),
    "CL": ("first_claim",),
    "TX": ("title", "title_en", "abstract", "abstract_en", "first_claim"),
    "PA": ("applicants", "applicants_std"),
    "IN": ("inventors",),
}
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WORD = re.compile(f"{_LETTER}+")


@pytest.fixture(scope="module")
def corpus(real_search: Path):
    with Corpus(real_search, read_only=True) as c:
        yield c


@pytest.fixture(scope="module")
def texts(corpus: Corpus) -> dict[str, list[tuple[str, list[str]]]]:
    """field → [(pub_number, the field's values)] for every patent (values are searched one by one)."""
    out = {}
    for field, cols in TEXT.items():
        parts = [c if c in ("applicants", "applicants_std", "inventors") else f"[{c}]" for c in cols]
        sql = f"SELECT pub_number, list_filter(flatten([{', '.join(parts)}]), lambda x: x IS NOT NULL) AS v FROM patents"
        out[field] = [(r["pub_number"], r["v"]) for r in corpus.query(sql).to_pylist()]
    return out


def _found(corpus: Corpus, query: str) -> set[str]:
    return set(match_numbers(corpus, query).to_pylist())


def _han_terms(docs: list[tuple[str, str]], length: int, n: int, seed: int) -> list[str]:
    """``n`` distinct Han substrings of ``length`` characters taken at random positions of random documents."""
    rng = random.Random(seed)
    runs = [
        m.group()
        for _, vs in docs
        for t in vs
        for m in re.finditer(r"[\u3400-\u9fff]+", t)
        if len(m.group()) >= length
    ]
    terms: set[str] = set()
    while runs and len(terms) < n:
        run = rng.choice(runs)
        i = rng.randrange(len(run) - length + 1)
        terms.add(run[i : i + length])
    return sorted(terms)


def _compare(corpus: Corpus, query: str, expected: set[str]) -> None:
    got = _found(corpus, query)
    assert got == expected, (
        f"{query}: {len(got)} found, {len(expected)} expected; missing {sorted(expected - got)[:5]}, "
        f"extra {sorted(got - expected)[:5]}"
    )


@pytest.mark.parametrize("length", [1, 2, 3, 4])
@pytest.mark.parametrize("field", list(TEXT))
def test_chinese_substring_is_exact(corpus, texts, field: str, length: int) -> None:
    docs = texts[field]
    terms = _han_terms(docs, length, 8 if length > 1 else 4, seed=hash((field, length)) % 10_000)
    assert terms, f"no Chinese text in {field}"
    for term in terms:
        _compare(corpus, f"{field}={term}", {p for p, vs in docs if any(term in t for t in vs)})


def test_frequent_two_character_terms_are_exact(corpus, texts) -> None:
    """The terms the issue names, over all text: a 2-character term finds every document containing it."""
    docs = texts["TX"]
    for term in ("电池", "芯片", "数据", "方法", "装置"):
        expected = {p for p, vs in docs if any(term in t for t in vs)}
        assert len(expected) > 50
        _compare(corpus, term, expected)


def test_terms_with_separators_match_any_separator(corpus, texts) -> None:
    """``电池，正极`` finds the two runs with any punctuation or spaces between them, and never without."""
    docs = texts["AB"]
    rng = random.Random(7)
    pairs = sorted({m.groups() for _, vs in docs for t in vs
                    for m in re.finditer(r"([\u4e00-\u9fff]{2})[，、；：\s]+([\u4e00-\u9fff]{2})", t)})  # fmt: skip
    for a, b in rng.sample(pairs, 8):
        pattern = re.compile(re.escape(a) + r"[\W_]+" + re.escape(b))
        _compare(corpus, f'AB="{a}，{b}"', {p for p, vs in docs if any(pattern.search(t) for t in vs)})
        _compare(corpus, f"AB={a}{b}", {p for p, vs in docs if any(a + b in t for t in vs)})


@pytest.mark.parametrize("field", ["TI", "AB", "TX"])
def test_english_words_case_insensitive(corpus, texts, field: str) -> None:
    words = {p: {w.lower() for t in vs for w in _WORD.findall(t.translate(_FOLD))} for p, vs in texts[field]}
    vocab = sorted({w for ws in words.values() for w in ws if re.fullmatch(r"[a-z]{4,}", w)})
    for word in random.Random(field).sample(vocab, 10):
        expected = {p for p, ws in words.items() if word in ws}
        _compare(corpus, f"{field}={word.upper()}", expected)


def test_english_phrase(corpus, texts) -> None:
    docs = [(p, [t.translate(_FOLD).lower() for t in vs]) for p, vs in texts["AB"]]
    for phrase in ("neural network", "wireless communication", "base station", "user equipment"):
        a, b = phrase.split()
        pattern = re.compile(rf"(?<!{_LETTER}){a}[\W_]+{b}(?!{_LETTER})")
        expected = {p for p, vs in docs if any(pattern.search(t) for t in vs)}
        assert expected, phrase
        _compare(corpus, f'AB="{phrase}"', expected)


def test_numbers_exact_and_prefix(corpus) -> None:
    rows = corpus.query(
        "SELECT pub_number, app_number FROM patents USING SAMPLE 20 (reservoir, 3)"
    ).to_pylist()
    every = corpus.query("SELECT pub_number FROM patents").column(0).to_pylist()
    for r in rows:
        assert _found(corpus, f"PN={r['pub_number']}") == {r["pub_number"]}
        if r["app_number"]:
            apps = set(
                corpus.query("SELECT pub_number FROM patents WHERE app_number = ?", [r["app_number"]])
                .column(0)
                .to_pylist()
            )
            _compare(corpus, f"AN={r['app_number']}", apps)
    for prefix in ("CN1123", "US2020", "EP3"):
        _compare(corpus, f"PN={prefix}*", {p for p in every if p.startswith(prefix)})


@pytest.mark.parametrize(
    ("query", "sql"),
    [
        ("AD=2019", "year(app_date) = 2019"),
        ("AD>=2020-06-01", "app_date >= DATE '2020-06-01'"),
        ("AD>2020", "app_date > DATE '2020-12-31'"),
        ("AD<2018-03", "app_date < DATE '2018-03-01'"),
        ("PD=2018..2020", "pub_date BETWEEN DATE '2018-01-01' AND DATE '2020-12-31'"),
        ("GD<=20150630", "grant_date <= DATE '2015-06-30'"),
        ("PRD=2016-02", "priority_date BETWEEN DATE '2016-02-01' AND DATE '2016-02-29'"),
    ],
)
def test_dates_exact(corpus, query: str, sql: str) -> None:
    expected = set(corpus.query(f"SELECT pub_number FROM patents WHERE {sql}").column(0).to_pylist())
    assert expected
    _compare(corpus, query, expected)


def _symbols(corpus: Corpus, col: str) -> list[tuple[str, list[str]]]:
    return [
        (r["p"], r["s"] or [])
        for r in corpus.query(f"SELECT pub_number AS p, {col} AS s FROM patents").to_pylist()
    ]


@pytest.mark.parametrize("col", ["ipc", "cpc"])
def test_classification_prefixes_field_wise(corpus, col: str) -> None:
    docs = _symbols(corpus, col)
    keys = [(p, [symbol_keys(s) for s in syms if symbol_keys(s)]) for p, syms in docs]
    rng = random.Random(col)
    symbols = sorted({s for _, syms in docs for s in syms if "subgroup" in (symbol_keys(s) or {})})
    for sym in rng.sample(symbols, 6):
        k = symbol_keys(sym)
        group = k["group"].replace(" ", "")
        sub_digits = k["subgroup"].split("/")[1]
        cases = {
            f"{k['subclass']}*": lambda ks, k=k: any(x["subclass"] == k["subclass"] for x in ks),
            f"{group}*": lambda ks, k=k: any(x.get("group") == k["group"] for x in ks),
            f"{group}/{sub_digits[:2]}*": lambda ks, k=k, d=sub_digits[:2]: any(
                x.get("group") == k["group"] and x["subgroup"].split("/")[1].startswith(d) for x in ks
            ),
            sym: lambda ks, k=k: any(x.get("subgroup") == k["subgroup"] for x in ks),
            f"{k['class']}*": lambda ks, k=k: any(x["class"] == k["class"] for x in ks),
        }
        for value, oracle in cases.items():
            _compare(corpus, f"{col.upper()}={value}", {p for p, ks in keys if oracle(ks)})


def test_sei_levels(corpus) -> None:
    rows = corpus.query("SELECT pub_number AS p, sei_codes AS c, sei_top AS t FROM patents").to_pylist()
    for code in ("1", "4", "7"):
        _compare(corpus, f"SEI={code}", {r["p"] for r in rows if code in (r["t"] or [])})
    for code in ("1.5", "3.3", "5.2"):
        _compare(corpus, f"SEI={code}", {r["p"] for r in rows if code in (r["c"] or [])})


def test_boolean_algebra(corpus, texts) -> None:
    every = {p for p, _ in texts["TX"]}
    a, b = _found(corpus, "电池"), _found(corpus, "IPC=H01M*")
    assert a and b and a != b
    assert (
        _found(corpus, "电池 AND IPC=H01M*")
        == a & b
        == _found(corpus, "电池 与 IPC=H01M*")
        == _found(corpus, "电池 IPC=H01M*")
    )
    assert _found(corpus, "电池 OR IPC=H01M*") == a | b == _found(corpus, "电池 或 IPC=H01M*")
    assert _found(corpus, "电池 NOT IPC=H01M*") == a - b == _found(corpus, "电池 非 IPC=H01M*")
    assert _found(corpus, "NOT 电池") == every - a
    c = _found(corpus, "CO=US")
    assert _found(corpus, "(电池 OR IPC=H01M*) AND NOT CO=US") == (a | b) - c
    assert _found(corpus, "电池 OR IPC=H01M* AND CO=US") == a | (b & c)  # AND binds tighter
    assert _found(corpus, "TI=(电池 OR 芯片)") == _found(corpus, "TI=电池 OR TI=芯片")


def test_structured_fields(corpus) -> None:
    cases = {
        "PR=广东": "province = '广东省'",
        "省份=北京市": "province = '北京市'",
        "TYPE=实用新型": "patent_type = 'utility_model'",
        "LS=有效": "is_valid",
        "LS=失效": "NOT is_valid",
        "法律状态=未缴年费失效": "legal_status = 'lapsed'",
        "CO=us": "pub_country = 'US'",
        "CT=深圳": "city = '深圳市'",
    }
    for query, sql in cases.items():
        expected = set(corpus.query(f"SELECT pub_number FROM patents WHERE {sql}").column(0).to_pylist())
        assert expected, query
        _compare(corpus, query, expected)


def test_chinese_characters_helper_agrees_with_sampling() -> None:
    assert all(is_han(ord(c)) for c in "锂电池〇㐀") and not any(is_han(ord(c)) for c in "A1，ａ")
