"""Column helpers of :mod:`seip.records.normalize`: polars building blocks with no normalising logic.

May import: seip.records, stdlib, pyarrow, polars.
"""

from __future__ import annotations

import polars as pl
import pyarrow as pa

from seip.records import classification

REJECT_SCHEMA = pa.schema(
    [
        ("source_row", pa.int64()),
        ("pub_number", pa.string()),
        ("field", pa.string()),
        ("value", pa.string()),
        ("reason", pa.string()),
        ("raw", pa.string()),
    ]
)
EVENT_SCHEMA = pa.schema(
    [
        ("pub_number", pa.string()),
        ("event_date", pa.date32()),
        ("code", pa.string()),
        ("description", pa.string()),
        ("authority", pa.string()),
        ("influence", pa.string()),
        ("category", pa.string()),
    ]
)


def _main_symbol(v: str | None) -> str | None:
    """IPC main as given: a full symbol, or a bare subclass (Patentics CSV) kept as 4 characters."""
    if v is None:
        return None
    s = v.strip().upper()
    if len(s) == 4 and s[0].isalpha() and s[1:3].isdigit() and s[3].isalpha():
        return s
    return classification.normalize_ipc(v)


def _strip_text(df: pl.DataFrame) -> pl.DataFrame:
    """Trim strings, drop NUL bytes, and make empty strings null (empty is never a value). NUL bytes are
    looked for first: removing them rewrites every value, and there almost never are any."""
    cols = [c for c, t in df.schema.items() if t == pl.String and c not in ("_error", "_error_field")]
    if not cols:
        return df
    nul = df.select(pl.col(c).str.contains("\x00", literal=True).any() for c in cols).row(0)
    exprs = []
    for c, has_nul in zip(cols, nul, strict=True):
        e = pl.col(c).str.replace_all("\x00", "", literal=True) if has_nul else pl.col(c)
        exprs.append(e.str.strip_chars().replace("", None).alias(c))
    return df.with_columns(exprs)


def _text(df: pl.DataFrame, name: str) -> pl.Series:
    """Column ``name`` as strings, or all nulls when the source has no such column."""
    if name in df.columns:
        return df[name].cast(pl.String).alias(name)
    return pl.Series(name, [None] * df.height, dtype=pl.String)


def _given_list(df: pl.DataFrame, name: str) -> pl.Expr:
    if name in df.columns:
        col = df[name]
        if col.dtype == pl.String:
            col = col.str.split("; ")
        col = col.cast(pl.List(pl.String))
        return pl.lit(
            pl.select(pl.when(pl.lit(col).list.len() == 0).then(None).otherwise(pl.lit(col))).to_series()
        )
    return pl.lit(pl.Series([None] * df.height, dtype=pl.List(pl.String)))


def _ints(df: pl.DataFrame, name: str) -> tuple[pl.Series, pl.Series | None]:
    if name not in df.columns:
        return pl.Series(name, [None] * df.height, dtype=pl.Int64), None
    col = df[name]
    if col.dtype.is_integer():
        return col.cast(pl.Int64), None
    text = col.cast(pl.String).str.replace(r"\.0+$", "")
    num = text.cast(pl.Int64, strict=False)
    bad = (num.is_null() & text.is_not_null()) | (num < 0).fill_null(False)
    num = pl.select(pl.when(pl.lit(num) < 0).then(None).otherwise(pl.lit(num))).to_series()
    return num.alias(name), (text.set(~bad, None) if bad.any() else None)


def _with_flags(frame: pl.DataFrame, df: pl.DataFrame, flags: list[pl.Expr]) -> pl.DataFrame:
    """``frame`` with ``quality_flags``: the given flags plus new ones (each a string or a list of strings per
    row) as one list, null when empty. Only rows with some flag are combined (few: building a list for every
    row was a third of the normaliser's time)."""
    parts = frame.select(
        _given_list(df, "quality_flags").alias("_q0"), *(f.alias(f"_q{i + 1}") for i, f in enumerate(flags))
    )
    listed = {c for c, t in parts.schema.items() if isinstance(t, pl.List)}
    some = pl.any_horizontal(
        [(pl.col(c).list.len() > 0) if c in listed else pl.col(c).is_not_null() for c in parts.columns]
    ).fill_null(False)
    flagged = parts.with_row_index("_i").filter(some)
    if not flagged.height:
        return frame.with_columns(pl.lit(None, pl.List(pl.String)).alias("quality_flags"))
    empty = pl.lit([], dtype=pl.List(pl.String))
    combined = (
        pl.concat_list(
            [
                pl.col(c).cast(pl.List(pl.String)).fill_null(empty) if c in listed else pl.concat_list(c)
                for c in parts.columns
            ]
        )
        .list.drop_nulls()
        .list.unique(maintain_order=True)
    )
    flagged = flagged.select(
        "_i", pl.when(combined.list.len() == 0).then(None).otherwise(combined).alias("quality_flags")
    )
    return frame.with_row_index("_i").join(flagged, on="_i", how="left", maintain_order="left").drop("_i")


def _one_flag(expr: pl.Expr) -> pl.Expr:
    """A per-row flag string (or null); :func:`_with_flags` makes it a one-element list where needed."""
    return expr


def _canonical_lists(col: pl.Series, pattern: str) -> pl.Series | None:
    """When every element of the lists in ``col`` matches ``pattern`` already and none is null: the lists
    without repeats (null for an empty list), which is all normalising would do to them. Else None."""
    flat = col.explode()  # a null or empty list gives one null; so does a null element
    if flat.null_count() != int((col.list.len().fill_null(0) == 0).sum()):
        return None
    if not flat.drop_nulls().str.contains(pattern).all():
        return None
    ok = col.list.unique(maintain_order=True)
    return pl.select(pl.when(pl.lit(ok).list.len() == 0).then(None).otherwise(pl.lit(ok))).to_series()


def _resolve_subclass_main(ipc: pl.Series, main: pl.Series) -> pl.Series:
    """A main given as a bare subclass (Patentics CSV ``G09B``) → the first listed symbol of that subclass."""
    sub = main.str.len_chars() == 4
    if not sub.fill_null(False).any():
        return main
    ex = pl.DataFrame({"ipc": ipc, "main": main}).with_row_index("_i").explode("ipc")
    first = (
        ex.filter(pl.col("ipc").str.slice(0, 4) == pl.col("main"))
        .group_by("_i")
        .agg(pl.col("ipc").first().alias("m"))
    )
    full = pl.DataFrame({"_i": pl.Series(range(len(main)), dtype=pl.UInt32)}).join(
        first, on="_i", how="left", maintain_order="left"
    )
    return pl.select(pl.when(pl.lit(sub)).then(pl.lit(full["m"])).otherwise(pl.lit(main))).to_series()


def _with_raw(rejects: pl.DataFrame, original: pl.DataFrame) -> pa.Table:
    """Attach the raw row (as the reader gave it, JSON) to each reject: nothing is lost."""
    cols = [c for c in original.columns if c not in ("_error", "_error_field", "source_row")]
    raw = original.filter(pl.col("source_row").is_in(rejects["source_row"].implode())).select(
        "source_row",
        pl.struct(cols).struct.json_encode().alias("raw") if cols else pl.lit(None, pl.String).alias("raw"),
    )
    raw = raw.unique("source_row", keep="first")
    out = rejects.join(raw, on="source_row", how="left", maintain_order="left")
    return out.select(REJECT_SCHEMA.names).to_arrow().cast(REJECT_SCHEMA)


def _realign(agg: pl.DataFrame, n: int, col: str, null_rows: pl.Series) -> pl.Series:
    """Per-row aggregate (``_i`` → ``col``) back onto rows 0..n-1; ``null_rows`` stay null."""
    full = pl.DataFrame({"_i": pl.Series(range(n), dtype=pl.UInt32)}).join(
        agg, on="_i", how="left", maintain_order="left"
    )
    return pl.select(
        pl.when(pl.lit(null_rows)).then(None).otherwise(pl.lit(full[col])).alias(col)
    ).to_series()


def _distinct_rows(rej: pa.Table) -> int:
    return len(set(rej.column("source_row").to_pylist())) if rej.num_rows else 0
