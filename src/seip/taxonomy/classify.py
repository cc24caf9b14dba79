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


def symbol_rules(symbols: pl.Series, keys: pl.DataFrame | None = None) -> pl.DataFrame:
    """(symbol, rule_id, sei_code) for every rule that gives its category to a symbol (``keys``: their
    :func:`symbol_keys`, when already computed)."""
    t = tables()
    hits = (symbol_keys(symbols) if keys is None else keys).join(t["patterns"], on=["level", "key"])
    inc = hits.filter(pl.col("kind") == "include").select("symbol", "rule_id").unique()
    exc = hits.filter(pl.col("kind") == "exclude").select("symbol", "rule_id").unique()
    return inc.join(exc, on=["symbol", "rule_id"], how="anti").join(t["rules"], on="rule_id")


def _per_row(df: pl.DataFrame, n: int, **lists: pl.Expr) -> pl.DataFrame:
    """Sorted distinct values of each expression per row ``_r``, as list columns of length ``n`` in row order
    (NULL where a row has none)."""
    agg = df.group_by("_r").agg(**{name: e.unique().sort() for name, e in lists.items()})
    rows = pl.DataFrame({"_r": pl.arange(0, n, eager=True, dtype=pl.UInt32)})
    return rows.join(agg, on="_r", how="left", maintain_order="left").drop("_r")


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
    symbols = pl.concat([occ["symbol"], main["symbol"]])
    keys = symbol_keys(symbols)  # each distinct symbol of the batch, once
    given = symbol_rules(symbols, keys)
    pat = occ.join(given, on="symbol")  # (_r, symbol, rule_id, sei_code)

    code = pl.col("sei_code")
    out = pl.concat(
        [
            _per_row(pat, n, sei_codes=code, sei_top=code.str.split(".").list.first()),
            _per_row(main.join(given, on="symbol"), n, sei_main=code),
            _strict(df, pat, n),
            _wipo(occ, keys, n),
        ],
        how="horizontal",
    )
    return (
        out.select(OUTPUT_COLUMNS)
        .to_arrow()
        .cast(
            pa.schema(
                [(c, pa.list_(pa.int64() if c == "wipo_fields" else pa.string())) for c in OUTPUT_COLUMNS]
            )
        )
    )


@cache
def _rule_terms() -> dict[str, tuple[list[str], list[str]]]:
    """rule_id → (positive terms, negative terms)."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for rule_id, polarity, term in tables()["terms"].iter_rows():
        out.setdefault(rule_id, ([], []))[0 if polarity == "+" else 1].append(term)
    return out


def _strict(df: pl.DataFrame, pat: pl.DataFrame, n: int) -> pl.DataFrame:
    """Strict codes and their evidence: each candidate (patent, rule) checked against the rule's own terms.

    Rules are few (304) and patents many, so the loop is over rules: one Aho–Corasick ``contains_any`` over the
    texts of the rule's candidates, and the evidence term extracted only where the rule is confirmed.
    """
    cand = pat.select("_r", "rule_id", "sei_code").unique()
    text = (
        df.select(
            "_r",
            pl.concat_str(["title", "abstract", "first_claim"], separator="\n", ignore_nulls=True).alias(
                "text"
            ),
        )
        .join(cand.select("_r").unique(), on="_r", how="semi")
        .filter(pl.col("text").str.contains(r"\p{Han}"))  # no Chinese text: cannot be checked
    )
    terms = _rule_terms()
    kept: list[pl.DataFrame] = []
    for (rule_id,), part in cand.join(text, on="_r").partition_by("rule_id", as_dict=True).items():
        pos, neg = terms.get(rule_id, ([], []))
        if neg:
            part = part.filter(~pl.col("text").str.contains_any(neg))
        if pos:
            part = part.filter(pl.col("text").str.contains_any(pos)).with_columns(
                pl.col("text").str.extract_many(pos, overlapping=True).list.min().alias("term")
            )
        else:
            part = part.with_columns(pl.lit("IPC").alias("term"))
        kept.append(
            part.select(
                "_r", "sei_code", (pl.col("sei_code") + ":" + rule_id + ":" + pl.col("term")).alias("ev")
            )
        )
    ok = (
        pl.concat(kept)
        if kept
        else pl.DataFrame(schema={"_r": pl.UInt32, "sei_code": pl.String, "ev": pl.String})
    )
    return _per_row(ok, n, sei_codes_strict=pl.col("sei_code"), sei_evidence=pl.col("ev"))


def _wipo(occ: pl.DataFrame, keys: pl.DataFrame, n: int) -> pl.DataFrame:
    """WIPO fields of each row: per symbol the most specific concordance entry (group before subclass)."""
    hits = keys.join(tables()["wipo"], on=["level", "key"])
    best = hits.filter(pl.col("rank") == pl.col("rank").min().over("symbol")).select("symbol", "field")
    return _per_row(occ.join(best, on="symbol"), n, wipo_fields=pl.col("field"))
