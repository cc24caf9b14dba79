"""SEI categories and WIPO fields of whole batches of patents, in columns (polars), for the import and for
``seip sei classify``.

May import: seip.records, seip.taxonomy, stdlib, polars, pyarrow.

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
    for each strict code, ``code:rule:term`` (``term`` is ``IPC`` for rules without a phrase);
``wipo_fields``
    the WIPO technology fields (IPC–technology concordance, most specific entry per symbol).
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

import polars as pl
import pyarrow as pa

OUTPUT_COLUMNS = ("sei_codes", "sei_top", "sei_main", "sei_codes_strict", "sei_evidence", "wipo_fields")
INPUT_COLUMNS = ("ipc", "ipc_main", "title", "abstract", "first_claim")
_SYMBOL = r"^([A-HY]\d\d)([A-Z])(\d{1,4})/(\d{2,6})$"
_SUBCLASS = r"^[A-HY]\d\d[A-Z]$"  # a bare subclass: matched at class and subclass level only
_LEVEL_ORDER = {"subgroup": 0, "group": 1, "subclass": 2, "class": 3}


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


def symbol_rules(symbols: pl.Series) -> pl.DataFrame:
    """(symbol, rule_id, sei_code) for every rule that gives its category to a symbol."""
    t = tables()
    hits = symbol_keys(symbols).join(t["patterns"], on=["level", "key"])
    inc = hits.filter(pl.col("kind") == "include").select("symbol", "rule_id").unique()
    exc = hits.filter(pl.col("kind") == "exclude").select("symbol", "rule_id").unique()
    return inc.join(exc, on=["symbol", "rule_id"], how="anti").join(t["rules"], on="rule_id")


def _per_row(df: pl.DataFrame, col: str, name: str, n: int) -> pl.Series:
    """Sorted distinct values of ``col`` per row ``_r`` as a list column of length ``n`` (NULL where none)."""
    agg = df.group_by("_r").agg(pl.col(col).unique().sort().alias(name))
    full = pl.DataFrame({"_r": pl.arange(0, n, eager=True, dtype=pl.UInt32)}).join(agg, on="_r", how="left")
    return full.sort("_r")[name]


def classify(table: pa.Table) -> pa.Table:
    """The :data:`OUTPUT_COLUMNS` of a batch holding :data:`INPUT_COLUMNS`, row for row.

    >>> batch = pa.table({"ipc": [["G06F9/44", "B60L80/00"], None], "ipc_main": ["G06F9/44", None],
    ...                   "title": ["一种人工智能方法", None], "abstract": [None, None], "first_claim": [None, None]})
    >>> classify(batch).column("sei_codes").to_pylist()
    [['1.5'], None]
    """
    n = table.num_rows
    df = pl.from_arrow(table.select(list(INPUT_COLUMNS)), rechunk=False)
    assert isinstance(df, pl.DataFrame)
    df = df.with_row_index("_r")
    occ = df.select("_r", pl.col("ipc").alias("symbol")).explode("symbol").drop_nulls().unique()
    main = df.select("_r", pl.col("ipc_main").alias("symbol")).drop_nulls()
    given = symbol_rules(pl.concat([occ["symbol"], main["symbol"]]))
    pat = occ.join(given, on="symbol")  # (_r, symbol, rule_id, sei_code)

    sei_codes = _per_row(pat, "sei_code", "sei_codes", n)
    sei_top = _per_row(pat.with_columns(pl.col("sei_code").str.split(".").list.first()), "sei_code", "t", n)
    sei_main = _per_row(main.join(given, on="symbol"), "sei_code", "m", n)
    strict, evidence = _strict(df, pat, n)
    wipo = _wipo(occ, n)
    return pa.table(
        {
            "sei_codes": sei_codes.to_arrow(),
            "sei_top": sei_top.to_arrow(),
            "sei_main": sei_main.to_arrow(),
            "sei_codes_strict": strict.to_arrow(),
            "sei_evidence": evidence.to_arrow(),
            "wipo_fields": wipo.to_arrow(),
        }
    ).cast(
        pa.schema([(c, pa.list_(pa.int64() if c == "wipo_fields" else pa.string())) for c in OUTPUT_COLUMNS])
    )


def _strict(df: pl.DataFrame, pat: pl.DataFrame, n: int) -> tuple[pl.Series, pl.Series]:
    """Strict codes and their evidence: the rule's terms checked against the Chinese text of the patent."""
    terms = tables()["terms"]
    cand = pat.select("_r", "rule_id", "sei_code").unique()
    text = (
        df.select(
            "_r",
            pl.concat_str(["title", "abstract", "first_claim"], separator="\n", ignore_nulls=True).alias(
                "text"
            ),
        )
        .filter(pl.col("text").str.contains(r"\p{Han}"))
        .join(cand.select("_r").unique(), on="_r", how="semi")
    )
    cand = cand.join(text.select("_r"), on="_r", how="semi")  # no Chinese text: cannot be checked
    wanted = terms.join(cand.select("rule_id").unique(), on="rule_id", how="semi")
    vocab = wanted["term"].unique().sort().to_list()
    if vocab and text.height:
        found = (
            text.select("_r", pl.col("text").str.extract_many(vocab, overlapping=True).alias("term"))
            .explode("term")
            .drop_nulls()
            .unique()
        )
    else:
        found = pl.DataFrame(schema={"_r": pl.UInt32, "term": pl.String})
    # (row, rule, polarity, term) for terms of the patent's candidate rules found in its text
    hits = cand.join(terms, on="rule_id").join(found, on=["_r", "term"])
    neg = hits.filter(pl.col("polarity") == "-").select("_r", "rule_id").unique()
    pos = hits.filter(pl.col("polarity") == "+").group_by("_r", "rule_id").agg(pl.col("term").min())
    needs_pos = terms.filter(pl.col("polarity") == "+").select("rule_id").unique()
    ok = (
        cand.join(neg, on=["_r", "rule_id"], how="anti")
        .join(pos, on=["_r", "rule_id"], how="left")
        .join(needs_pos.with_columns(pl.lit(True).alias("needs")), on="rule_id", how="left")
        .filter(pl.col("term").is_not_null() | pl.col("needs").is_null())
        .with_columns(
            (pl.col("sei_code") + ":" + pl.col("rule_id") + ":" + pl.col("term").fill_null("IPC")).alias("ev")
        )
    )
    return _per_row(ok, "sei_code", "s", n), _per_row(ok, "ev", "e", n)


def _wipo(occ: pl.DataFrame, n: int) -> pl.Series:
    """WIPO fields of each row: per symbol the most specific concordance entry (group before subclass)."""
    keys = symbol_keys(occ["symbol"])
    hits = keys.join(tables()["wipo"], on=["level", "key"])
    best = hits.filter(pl.col("rank") == pl.col("rank").min().over("symbol")).select("symbol", "field")
    return _per_row(occ.join(best, on="symbol"), "field", "w", n)
