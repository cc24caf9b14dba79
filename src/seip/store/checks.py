"""Data-quality report after each import, in the spirit of PatentsView's release QA.

May import: seip.records, seip.taxonomy, stdlib, duckdb.

Two kinds of result, both stored in ``qa_metrics`` keyed by ``import_id``:

* **metrics** describe the file: rows, share of empty values per field, invalid IPC/CPC symbols (kept out of
  the record), IPC symbols of an unknown subclass and bare subclasses (kept, see docs/sei.md), suspicious
  dates, duplicate numbers (and those whose duplicates disagree), quarantined rows by reason;
* **checks** are promises of the normaliser that must hold (status ``ok`` or ``fail``): no empty strings
  where NULL is meant, no leading/trailing whitespace, no NUL bytes, every ``pub_number`` canonical,
  one row per number.

Checks only read. They run inside the import transaction on the loader's relations (:mod:`seip.store._load`):
``dedup`` = one row per number of the file as it arrived, ``dups`` = the duplicates met, ``rej`` = rejected rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from seip.records.schema import FIELDS, LIST_FIELDS
from seip.taxonomy.ipc_keys import known_subclasses

#: Shape every stored publication number must have (office letters, then letters/digits, nothing else).
KEY_SHAPE = r"^[A-Z]{2}[0-9A-Z]+$"
TEXT_FIELDS = [n for n, t, _ in FIELDS if str(t) == "string"]


@dataclass(frozen=True)
class CheckResult:
    """One metric or check."""

    kind: str  # metric | check
    name: str
    field: str | None
    value: float
    detail: str | None = None
    status: str = "ok"  # ok | warn | fail


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple:
    rows = con.execute(sql).fetchall()  # fetch all: DuckDB 2 keeps a partly fetched result open
    return rows[0] if rows else ()


def metric_rows(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    kept, dups, rejected = _one(
        con,
        "SELECT (SELECT count(*) FROM dedup), (SELECT count(*) FROM dups), (SELECT count(DISTINCT source_row) FROM rej)",
    )
    return [
        CheckResult("metric", "rows_accepted", None, kept + dups),
        CheckResult("metric", "distinct_numbers", None, kept),
        CheckResult("metric", "rows_quarantined", None, rejected),
    ]


def metric_empty_share(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    names = [n for n, _, _ in FIELDS]
    row = _one(con, "SELECT count(*), " + ", ".join(f"count({n})" for n in names) + " FROM dedup")
    total = row[0] or 0
    out = []
    for name, filled in zip(names, row[1:], strict=True):
        share = 1.0 - (filled / total) if total else 0.0
        out.append(CheckResult("metric", "empty_share", name, round(share, 4)))
    return out


def metric_flags(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    rows = con.execute("""
        SELECT split_part(f, ':', 1) AS field, split_part(f, ':', 2) AS problem, count(*) AS n,
               string_agg(DISTINCT split_part(f, ':', 3), ', ' ORDER BY split_part(f, ':', 3)) AS examples
        FROM (SELECT unnest(quality_flags) AS f FROM dedup) GROUP BY 1, 2 ORDER BY 1, 2""").fetchall()
    out = []
    for field, problem, n, examples in rows:
        name = "invalid_symbols" if problem == "invalid" and field in ("ipc", "cpc") else f"flag_{problem}"
        out.append(CheckResult("metric", name, field, n, (examples or "")[:300], "warn"))
    return out


def ipc_symbol_sql(source: str) -> str:
    """SQL counting, over the ``ipc`` lists of ``source``, symbols of an unknown subclass and bare subclasses,
    with examples of the unknown ones."""
    known = ", ".join(f"'{s}'" for s in sorted(known_subclasses()))
    return f"""SELECT count(*) FILTER (WHERE substr(s, 1, 4) NOT IN ({known})),
                      count(*) FILTER (WHERE length(s) = 4),
                      string_agg(DISTINCT s, ', ' ORDER BY s) FILTER (WHERE substr(s, 1, 4) NOT IN ({known}))
               FROM (SELECT unnest(ipc) AS s FROM {source})"""


def metric_ipc_symbols(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    """IPC symbols the classification cannot fully place: unknown subclass (never given a category) and bare
    subclass (matched at subclass level only)."""
    unknown, bare, examples = _one(con, ipc_symbol_sql("dedup"))
    return [
        CheckResult(
            "metric",
            "unknown_ipc_subclass",
            "ipc",
            unknown or 0,
            (examples or "")[:300],
            "warn" if unknown else "ok",
        ),
        CheckResult("metric", "bare_ipc_subclass", "ipc", bare or 0, None, "warn" if bare else "ok"),
    ]


def metric_duplicates(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    """Numbers met more than once in the file, and those whose rows disagree (recorded while loading)."""
    dup, conflicting, examples = _one(
        con,
        """SELECT count(DISTINCT pub_number), count(DISTINCT pub_number) FILTER (WHERE conflicting),
                  string_agg(DISTINCT pub_number, ', ') FILTER (WHERE conflicting) FROM dups""",
    )
    return [
        CheckResult("metric", "duplicate_numbers", None, dup or 0),
        CheckResult(
            "metric",
            "duplicates_conflicting",
            None,
            conflicting or 0,
            (examples or "")[:300],
            "warn" if conflicting else "ok",
        ),
    ]


def metric_quarantine_reasons(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    rows = con.execute(
        "SELECT field, count(*), min(reason) FROM rej GROUP BY field ORDER BY 2 DESC"
    ).fetchall()
    return [CheckResult("metric", "quarantined_by_field", f, n, r, "warn") for f, n, r in rows]


PROBLEMS = {"empty_string": "{f} = ''", "whitespace": "{f} <> trim({f})", "nul_byte": "contains({f}, chr(0))"}


def check_text_clean(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    """Empty strings, stray whitespace and NUL bytes in every text field, and empty list items: one scan."""
    exprs = [f"count(*) FILTER (WHERE {cond.format(f=f)})" for cond in PROBLEMS.values() for f in TEXT_FIELDS]
    lists = " + ".join(
        f"coalesce(len(list_filter({f}, lambda x: x IS NULL OR x = '')), 0)"
        for f in LIST_FIELDS
        if f != "wipo_fields"
    )
    row = _one(con, f"SELECT {', '.join(exprs)}, coalesce(sum({lists}), 0) FROM dedup")
    out = []
    counts = iter(row[:-1])
    for problem in PROBLEMS:
        found = [(f, n) for f in TEXT_FIELDS if (n := next(counts))]
        out += [CheckResult("check", problem, f, n, None, "fail") for f, n in found]
        if not found:
            out.append(CheckResult("check", problem, None, 0))
    n = row[-1]
    out.append(CheckResult("check", "empty_list_items", None, n, None, "fail" if n else "ok"))
    return out


def check_keys(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    bad, examples = _one(
        con,
        f"SELECT count(*), string_agg(pub_number, ', ') FROM dedup "
        f"WHERE NOT regexp_matches(pub_number, '{KEY_SHAPE}')",
    )
    dup = _one(con, "SELECT count(*) - count(DISTINCT pub_number) FROM dedup")[0]
    return [
        CheckResult(
            "check",
            "pub_number_canonical",
            "pub_number",
            bad,
            (examples or "")[:300],
            "fail" if bad else "ok",
        ),
        CheckResult("check", "pub_number_unique", "pub_number", dup, None, "fail" if dup else "ok"),
    ]


ALL = (
    metric_rows,
    metric_empty_share,
    metric_flags,
    metric_ipc_symbols,
    metric_duplicates,
    metric_quarantine_reasons,
    check_text_clean,
    check_keys,
)


def run_import_checks(con: duckdb.DuckDBPyConnection, import_id: int) -> list[CheckResult]:
    """Run every check on the staging tables and store the results under ``import_id``."""
    results = [r for fn in ALL for r in fn(con)]
    con.executemany(
        "INSERT INTO qa_metrics VALUES (?, ?, ?, ?, ?, ?, ?)",
        [[import_id, r.kind, r.name, r.field, float(r.value), r.detail, r.status] for r in results],
    )
    return results
