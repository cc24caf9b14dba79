"""What is in the corpus: the numbers behind ``seip info`` and ``seip quarantine``.

May import: seip.records, seip.taxonomy, stdlib, duckdb.
"""

from __future__ import annotations

from seip.store.checks import ipc_symbol_sql
from seip.store.corpus import Corpus

BREAKDOWNS: dict[str, str] = {
    "source_format": "source_format",
    "pub_country": "pub_country",
    "patent_type": "patent_type",
    "app_year": "CAST(year(app_date) AS VARCHAR)",
    "pub_year": "CAST(year(pub_date) AS VARCHAR)",
    "legal_status": "legal_status",
    "province": "province",
}


def corpus_info(corpus: Corpus) -> dict:
    """Counts of the corpus as plain data: totals, breakdowns, quality flags, imports."""
    con = corpus.con
    total, valid, with_ipc = corpus.one(
        "SELECT count(*), count(*) FILTER (WHERE is_valid), count(*) FILTER (WHERE len(ipc) > 0) FROM patents"
    )
    info: dict = {
        "patents": total,
        "valid": valid,
        "with_ipc": with_ipc,
        "legal_events": corpus.count("legal_events"),
        "quarantined_rows": corpus.count("quarantine"),
    }
    for name, expr in BREAKDOWNS.items():
        rows = con.execute(
            f"SELECT coalesce({expr}, '(空)') AS k, count(*) AS n FROM patents "
            f"GROUP BY 1 ORDER BY n DESC, k LIMIT 60"
        ).fetchall()
        info[name] = {k: n for k, n in rows}
    rows = con.execute("""SELECT split_part(f, ':', 1) || ':' || split_part(f, ':', 2), count(*)
        FROM (SELECT unnest(quality_flags) AS f FROM patents) GROUP BY 1 ORDER BY 2 DESC""").fetchall()
    info["quality_flags"] = {k: n for k, n in rows}
    info["invalid_ipc_symbols"] = sum(n for k, n in rows if k in ("ipc:invalid", "cpc:invalid"))
    unknown, bare, examples = corpus.one(ipc_symbol_sql("patents"))
    info["unknown_ipc_symbols"] = int(unknown or 0)
    info["unknown_ipc_examples"] = (examples or "")[:300]
    info["bare_ipc_subclasses"] = int(bare or 0)
    info["sei"] = dict(
        zip(
            ("classified", "classified_strict", "with_ipc"),
            corpus.one("SELECT count(sei_codes), count(sei_codes_strict), count(ipc) FROM patents"),
            strict=True,
        )
    )
    rows = con.execute("""SELECT status, count(*), sum(rows_read) FROM import_log GROUP BY 1""").fetchall()
    info["imports"] = {s: {"files": n, "rows_read": int(r or 0)} for s, n, r in rows}
    return info


def quarantine_rows(corpus: Corpus, file: str | None = None, limit: int | None = None) -> list[dict]:
    """Rejected rows, newest import first: file, row, field, value, reason, raw."""
    sql = (
        "SELECT import_id, file, source_format, source_row, pub_number, field, value, reason, raw "
        "FROM quarantine WHERE (? IS NULL OR contains(file, ?)) ORDER BY import_id DESC, file, source_row"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    cur = corpus.con.execute(sql, [file, file])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def last_checks(corpus: Corpus, import_id: int | None = None) -> tuple[int | None, list[dict]]:
    """The data-quality results of one import (default: the latest successful one)."""
    if import_id is None:
        row = corpus.one("SELECT max(import_id) FROM import_log WHERE status = 'ok'")
        import_id = row[0] if row else None
    if import_id is None:
        return None, []
    cur = corpus.con.execute(
        "SELECT kind, check_name, field, value, detail, status FROM qa_metrics "
        "WHERE import_id = ? ORDER BY kind DESC, check_name, field",
        [import_id],
    )
    names = [d[0] for d in cur.description]
    return import_id, [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
