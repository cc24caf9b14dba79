"""SEI categories and WIPO fields of whole batches of patents, in columns (polars, numpy), for the import and
for ``seip sei classify``.

May import: seip.records, seip.taxonomy, stdlib, polars, pyarrow, numpy.

The semantics are those of :mod:`seip.taxonomy.sei` (the per-symbol reference the tests compare against); here
they run as joins. Each distinct IPC symbol of a batch is expanded into its keys at the four levels
(:mod:`seip.taxonomy.ipc_keys`), joined with the pattern table on (level, key), and a rule gives its category
to the symbol when it includes it and none of *its own* exclusions does. Patents take the categories of their
symbols.

Columns written (aligned with the input rows; NULL where there is nothing, never an empty list):

``sei_codes``
    every category an IPC symbol of the patent is given (the practice of the commercial databases);
``sei_top``
    the first-level industries of ``sei_codes``;
``sei_main``
    the categories of the main IPC symbol alone;
``sei_codes_strict``
    the ``sei_codes`` whose rule the text confirms: for a rule with a keyword phrase, one of its product terms
    (``sei_rule_terms.csv``, built by scripts/build_taxonomy_data.py) occurs in the title, abstract or first
    claim and none of its negative terms does; a rule without a phrase needs nothing more. Documents without
    Chinese text cannot be checked and get no strict codes;
``sei_evidence``
    for each strict code, ``code:rule:term`` (``term`` is ``IPC`` for rules without a phrase, else the
    smallest of the rule's terms found);
``wipo_fields``
    the WIPO technology fields (IPC–technology concordance, most specific entry per symbol).

How it is fast (measured in docs/PERFORMANCE.md): the 40 SEI categories and the 35 WIPO fields each fit in
the bits of one 64-bit integer, so a symbol's categories are a mask, a patent's are the OR of its symbols'
masks (``numpy.bitwise_or.reduceat`` over the exploded IPC lists), and a mask becomes its sorted list once per
distinct mask. Strict mode finds every term of every rule in each text in one Aho–Corasick pass and joins the
hits with the patent's candidate rules.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import polars as pl
import pyarrow as pa

OUTPUT_COLUMNS = ("sei_codes", "sei_top", "sei_main", "sei_codes_strict", "sei_evidence", "wipo_fields")
INPUT_COLUMNS = ("ipc", "ipc_main", "title", "abstract", "first_claim")
_SYMBOL = r"^([A-HY]\d\d)([A-Z])(\d{1,4})/(\d{2,6})$"
_SUBCLASS = r"^[A-HY]\d\d[A-Z]$"  # a bare subclass: matched at class and subclass level only
_LEVEL_ORDER = {"subgroup": 0, "group": 1, "subclass": 2, "class": 3}
_STRS = pl.List(pl.String)


def _csv(name: str) -> pl.DataFrame:
    with resources.files("seip.taxonomy").joinpath("data", name).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return pl.DataFrame({k: [r[k] for r in rows] for k in rows[0]}, schema={k: pl.String for k in rows[0]})


@cache
def tables() -> dict[str, pl.DataFrame]:
    """The package tables as polars frames: patterns, rules, terms, wipo."""
    rules = _csv("sei_rules.csv").select("rule_id", "sei_code")
    wipo = _csv("wipo_fields.csv").select(
        "level",
        "key",
        pl.col("field").cast(pl.Int64),
        pl.col("level").replace_strict(_LEVEL_ORDER).alias("rank"),
    )
    return {
        "patterns": _csv("sei_patterns.csv").select("level", "key", "rule_id", "kind"),
        "rules": rules,
        "terms": _csv("sei_rule_terms.csv"),
        "wipo": wipo,
    }


@dataclass(frozen=True)
class _Vocab:
    """Bit positions of the categories and fields, integer ids of the rules, and the strict-mode terms."""

    codes: list[str]  # sorted: bit i of a category mask is codes[i], so decoding a mask yields sorted codes
    fields: list[int]  # sorted, likewise for WIPO field masks
    rules: (
        pl.DataFrame
    )  # rule_id, sei_code, rule (UInt16 id), bit (UInt64 mask of its code), phrase (has + terms)
    terms: list[str]  # every distinct term of every rule
    term_rules: pl.DataFrame  # t (id of the term in terms), rule, positive


@cache
def _vocab() -> _Vocab:
    t = tables()
    codes = sorted(set(t["rules"]["sei_code"].to_list()))
    fields = sorted(set(t["wipo"]["field"].to_list()))
    if len(codes) > 64 or len(fields) > 64:
        raise ValueError("the category masks hold at most 64 categories or fields")
    terms = t["terms"]
    rules = t["rules"].with_columns(
        pl.int_range(pl.len(), dtype=pl.UInt16).alias("rule"),
        pl.col("sei_code")
        .replace_strict(codes, [1 << i for i in range(len(codes))], return_dtype=pl.UInt64)
        .alias("bit"),
        pl.col("rule_id").is_in(terms.filter(pl.col("polarity") == "+")["rule_id"].implode()).alias("phrase"),
    )
    words = sorted(set(terms["term"].to_list()))
    term_rules = terms.join(rules.select("rule_id", "rule"), on="rule_id").select(
        pl.col("term").replace_strict(words, range(len(words)), return_dtype=pl.UInt32).alias("t"),
        "rule",
        (pl.col("polarity") == "+").alias("positive"),
    )
    return _Vocab(codes, fields, rules, words, term_rules.unique())


def symbol_keys(symbols: pl.Series) -> pl.DataFrame:
    """Long table (symbol, level, key) of canonical IPC symbols (bare subclasses at their two levels);
    malformed symbols yield no rows.

    >>> symbol_keys(pl.Series(["B60L80/00"])).filter(pl.col("level") == "group")["key"].to_list()
    ['B60L 80']
    """
    parts = (
        pl.DataFrame({"symbol": symbols.unique()})
        .filter(pl.col("symbol").str.contains(_SYMBOL))
        .with_columns(
            pl.col("symbol")
            .str.extract_groups(_SYMBOL)
            .struct.rename_fields(["c", "s", "g", "sg"])
            .alias("p")
        )
        .unnest("p")
    )
    sg = pl.col("sg").str.strip_chars_end("0").str.pad_end(2, "0")  # /440 and /44 are one key
    grp = pl.col("c") + pl.col("s") + " " + pl.col("g").cast(pl.Int64).cast(pl.String)
    wide = parts.select(
        "symbol",
        pl.col("c").alias("class"),
        (pl.col("c") + pl.col("s")).alias("subclass"),
        grp.alias("group"),
        (grp + "/" + sg).alias("subgroup"),
    )
    bare = pl.DataFrame({"symbol": symbols.unique()}).filter(pl.col("symbol").str.contains(_SUBCLASS))
    bare = bare.select(
        "symbol", pl.col("symbol").str.slice(0, 3).alias("class"), pl.col("symbol").alias("subclass")
    )
    return pl.concat(
        [
            wide.unpivot(index="symbol", variable_name="level", value_name="key"),
            bare.unpivot(index="symbol", variable_name="level", value_name="key"),
        ]
    )


def symbol_rules(symbols: pl.Series, keys: pl.DataFrame | None = None) -> pl.DataFrame:
    """(symbol, rule_id, sei_code) for every rule that gives its category to a symbol (``keys``: their
    :func:`symbol_keys`, when already computed)."""
    t = tables()
    hits = (symbol_keys(symbols) if keys is None else keys).join(t["patterns"], on=["level", "key"])
    inc = hits.filter(pl.col("kind") == "include").select("symbol", "rule_id").unique()
    exc = hits.filter(pl.col("kind") == "exclude").select("symbol", "rule_id").unique()
    return inc.join(exc, on=["symbol", "rule_id"], how="anti").join(t["rules"], on="rule_id")


def _wipo_masks(keys: pl.DataFrame, v: _Vocab) -> pl.DataFrame:
    """(symbol, wipo) mask of each symbol's WIPO fields: the most specific concordance entry (group before
    subclass)."""
    hits = keys.join(tables()["wipo"], on=["level", "key"])
    best = hits.filter(pl.col("rank") == pl.col("rank").min().over("symbol"))
    bits = pl.col("field").replace_strict(
        v.fields, [1 << i for i in range(len(v.fields))], return_dtype=pl.UInt64
    )
    return best.group_by("symbol").agg(bits.bitwise_or().alias("wipo"))


def _masks_of(values: pl.Series, table: pl.DataFrame, column: str) -> np.ndarray:
    """The ``column`` mask of each symbol in ``values`` (0 for unknown or null symbols), as uint64."""
    out = values.replace_strict(table["symbol"], table[column], default=0, return_dtype=pl.UInt64)
    return out.fill_null(0).to_numpy()


def _decode(masks: np.ndarray, labels: list, kind: str) -> pl.Series:
    """Masks → their sorted label lists (NULL for 0), each distinct mask decoded once (and remembered)."""
    uniq, inverse = np.unique(masks, return_inverse=True)
    lists = [_decoded(m, labels, kind) for m in uniq.tolist()]
    arrow = pa.array(lists, type=pa.list_(pa.int64() if kind == "fields" else pa.string()))
    out = pl.from_arrow(arrow)
    assert isinstance(out, pl.Series)
    return out.gather(pl.Series(inverse.astype(np.uint32)))


_DECODED: dict[tuple[str, int], list | None] = {}


def _decoded(mask: int, labels: list, kind: str) -> list | None:
    key = (kind, mask)
    if key not in _DECODED:
        if len(_DECODED) > 100_000:  # masks repeat across batches; this bounds a corpus with many
            _DECODED.clear()
        items = [labels[i] for i in range(mask.bit_length()) if mask >> i & 1]
        if kind == "top":
            items = sorted({c.split(".")[0] for c in items})
        _DECODED[key] = items or None
    return _DECODED[key]


def classify(table: pa.Table) -> pa.Table:
    """The :data:`OUTPUT_COLUMNS` of a batch holding :data:`INPUT_COLUMNS`, row for row.

    >>> batch = pa.table({"ipc": [["G06F9/44", "B60L80/00"], None], "ipc_main": ["G06F9/44", None],
    ...                   "title": ["一种人工智能方法", None], "abstract": [None, None], "first_claim": [None, None]})
    >>> classify(batch).column("sei_codes").to_pylist()
    [['1.5'], None]
    """
    n = table.num_rows
    schema = pa.schema(
        [(c, pa.list_(pa.int64() if c == "wipo_fields" else pa.string())) for c in OUTPUT_COLUMNS]
    )
    if not n:
        return schema.empty_table()
    v = _vocab()
    df = pl.from_arrow(table.select(list(INPUT_COLUMNS)), rechunk=False)
    assert isinstance(df, pl.DataFrame)
    ipc = df["ipc"].cast(_STRS)
    main = df["ipc_main"].cast(pl.String)
    flat = ipc.explode()  # one row per symbol; a null or empty list gives one null row
    lens = ipc.list.len().fill_null(0).clip(1).to_numpy().astype(np.int64)
    starts = np.zeros(n, dtype=np.int64)
    starts[1:] = np.cumsum(lens)[:-1]
    symbols = pl.concat([flat, main]).drop_nulls().unique()
    keys = symbol_keys(symbols)  # each distinct symbol of the batch, once
    given = symbol_rules(symbols, keys).join(v.rules.select("rule_id", "rule", "bit"), on="rule_id")
    per_symbol = (
        given.group_by("symbol")
        .agg(pl.col("bit").bitwise_or().alias("sei"))
        .join(_wipo_masks(keys, v), on="symbol", how="full", coalesce=True)
        .fill_null(0)
    )
    sei = np.bitwise_or.reduceat(_masks_of(flat, per_symbol, "sei"), starts)
    wipo = np.bitwise_or.reduceat(_masks_of(flat, per_symbol, "wipo"), starts)
    main_sei = _masks_of(main, per_symbol, "sei")
    rows = pl.Series("_r", np.repeat(np.arange(n, dtype=np.uint32), lens))
    strict, evidence = _strict(df, pl.DataFrame([rows, flat.alias("symbol")]), given, v, n)
    out = pl.DataFrame(
        [
            _decode(sei, v.codes, "codes").alias("sei_codes"),
            _decode(sei, v.codes, "top").alias("sei_top"),
            _decode(main_sei, v.codes, "codes").alias("sei_main"),
            _decode(strict, v.codes, "codes").alias("sei_codes_strict"),
            evidence.alias("sei_evidence"),
            _decode(wipo, v.fields, "fields").alias("wipo_fields"),
        ]
    )
    return out.to_arrow().cast(schema)


def _strict(
    df: pl.DataFrame, occ: pl.DataFrame, given: pl.DataFrame, v: _Vocab, n: int
) -> tuple[np.ndarray, pl.Series]:
    """Strict code masks and evidence lists: each candidate (patent, rule) checked against the rule's own terms.

    One Aho–Corasick pass finds every term of every rule in each text (overlapping, so every term that occurs
    is found); the hits, as term ids, are joined with the candidate rules of the patent. Term ids follow the
    sorted terms, so the smallest id is the smallest term.
    """
    cand = (
        occ.join(given.select("symbol", "rule", "bit"), on="symbol")
        .select((pl.col("_r").cast(pl.UInt64) * 65536 + pl.col("rule")).alias("k"), "_r", "rule", "bit")
        .unique("k")
    )
    text = (
        df.select(
            pl.concat_str(["title", "abstract", "first_claim"], separator="\n", ignore_nulls=True).alias(
                "text"
            )
        )
        .with_row_index("_r")
        .join(cand.select("_r").unique(), on="_r", how="semi")
        .filter(pl.col("text").str.contains(r"\p{Han}"))  # no Chinese text: cannot be checked
    )
    cand = cand.join(text.select("_r"), on="_r", how="semi")
    found = (
        text.select(
            "_r", pl.col("text").str.extract_many(v.terms, overlapping=True).list.unique().alias("term")
        )
        .explode("term")
        .drop_nulls()
        .select("_r", pl.col("term").cast(pl.Enum(v.terms)).to_physical().alias("t"))
    )
    hits = (
        found.join(v.term_rules, on="t")
        .select((pl.col("_r").cast(pl.UInt64) * 65536 + pl.col("rule")).alias("k"), "t", "positive")
        .join(cand.select("k"), on="k", how="semi")
    )
    cand = cand.join(hits.filter(~pl.col("positive")), on="k", how="anti")
    best = hits.filter(pl.col("positive")).group_by("k").agg(pl.col("t").min())
    ok = (
        cand.join(v.rules.select("rule", "rule_id", "sei_code", "phrase"), on="rule")
        .join(best, on="k", how="left")
        .filter(~pl.col("phrase") | pl.col("t").is_not_null())
    )
    term = pl.col("t").replace_strict(range(len(v.terms)), v.terms, default="IPC", return_dtype=pl.String)
    per_row = ok.group_by("_r").agg(
        pl.col("bit").bitwise_or(),
        (pl.col("sei_code") + ":" + pl.col("rule_id") + ":" + term).unique().sort().alias("ev"),
    )
    mask = np.zeros(n, dtype=np.uint64)
    mask[per_row["_r"].to_numpy()] = per_row["bit"].to_numpy()
    evidence = pl.DataFrame({"_r": pl.int_range(0, n, eager=True, dtype=pl.UInt32)}).join(
        per_row.select("_r", "ev"), on="_r", how="left", maintain_order="left"
    )["ev"]
    return mask, evidence
