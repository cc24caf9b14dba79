"""SEI classification of the corpus in DuckDB: the concordance as a table, matched by an equality join on keys.

May import: seip.records, seip.taxonomy, stdlib, duckdb, pyarrow.

Every IPC symbol of every patent is expanded into its keys at the four levels (:mod:`seip.taxonomy.ipc_keys`,
the same construction in SQL), joined with the pattern table on (level, key), and a rule gives its category
when it includes the symbol and none of *its own* exclusions covers it. The result is exactly that of
:func:`seip.taxonomy.sei.classify_symbols`, which the tests use as the oracle.
"""

from __future__ import annotations

import csv
from importlib import resources

import pyarrow as pa

from seip.store.corpus import Corpus

# A canonical IPC symbol split into its fields; the same shape as ipc_keys._SYMBOL.
_SYMBOL_RE = r"^([A-HY]\d\d)([A-Z])(\d{1,4})/(\d{2,6})$"


def _table(name: str) -> pa.Table:
    with resources.files("seip.taxonomy").joinpath("data", name).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return pa.Table.from_pylist(rows)


def _sql(where: str) -> str:
    sub = "regexp_extract(symbol, '" + _SYMBOL_RE + "', ['cls', 'sub', 'grp', 'sg'])"
    return f"""
    WITH sym AS (
        SELECT pub_number, unnest(ipc) AS symbol FROM patents WHERE {where}
    ), parts AS (
        SELECT pub_number, symbol, {sub} AS p FROM sym WHERE regexp_matches(symbol, '{_SYMBOL_RE}')
    ), base AS (
        SELECT pub_number, symbol, p.cls AS cls, p.cls || p.sub AS subclass,
               p.cls || p.sub || ' ' || CAST(CAST(p.grp AS INTEGER) AS VARCHAR) AS grp,
               CASE WHEN length(rtrim(p.sg, '0')) < 2 THEN rpad(rtrim(p.sg, '0'), 2, '0')
                    ELSE rtrim(p.sg, '0') END AS sg
        FROM parts
    ), keys AS (
        SELECT pub_number, symbol, 'class' AS level, cls AS key FROM base
        UNION ALL SELECT pub_number, symbol, 'subclass', subclass FROM base
        UNION ALL SELECT pub_number, symbol, 'group', grp FROM base
        UNION ALL SELECT pub_number, symbol, 'subgroup', grp || '/' || sg FROM base
    ), hits AS (
        SELECT k.pub_number, k.symbol, t.rule_id, t.kind
        FROM keys k JOIN _sei_patterns t ON t.level = k.level AND t.key = k.key
    ), given AS (
        SELECT DISTINCT h.pub_number, r.sei_code
        FROM hits h JOIN _sei_rules r ON r.rule_id = h.rule_id
        WHERE h.kind = 'include' AND NOT EXISTS (
            SELECT 1 FROM hits e WHERE e.kind = 'exclude' AND e.pub_number = h.pub_number
              AND e.symbol = h.symbol AND e.rule_id = h.rule_id)
    )
    SELECT pub_number, list(sei_code ORDER BY sei_code) AS sei_codes,
           list(DISTINCT split_part(sei_code, '.', 1) ORDER BY split_part(sei_code, '.', 1)) AS sei_top
    FROM given GROUP BY pub_number
    """


def classify_sei(corpus: Corpus, where: str = "TRUE") -> int:
    """Set ``sei_codes`` and ``sei_top`` of the patents ``where`` selects (SQL over ``patents``); returns how
    many of them got at least one category. Patents with no category get NULL (empty is never a value)."""
    con = corpus.con
    con.register("_sei_patterns", _table("sei_patterns.csv"))
    con.register("_sei_rules", _table("sei_rules.csv"))
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _sei AS {_sql(where)}")
        con.execute(f"UPDATE patents SET sei_codes = NULL, sei_top = NULL WHERE {where}")
        con.execute("""UPDATE patents SET sei_codes = s.sei_codes, sei_top = s.sei_top
                       FROM _sei s WHERE patents.pub_number = s.pub_number""")
        return corpus.count("_sei")
    finally:
        con.execute("DROP TABLE IF EXISTS _sei")
        con.unregister("_sei_patterns")
        con.unregister("_sei_rules")
