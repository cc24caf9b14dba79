"""The merge policy: which value wins when a record already in the corpus arrives again.

May import: seip.records, stdlib.

Rules (docs/import.md repeats them; tests/store/test_merge.py checks each):

1. **Nothing is erased by absence.** An empty (NULL) incoming value never overwrites a stored value.
2. **Legal status is time-varying: the latest import wins** (``legal_status``, ``legal_status_raw`` and
   ``is_valid`` move together) unless the incoming status is ``unknown`` or empty.
3. **Other fields: the higher-ranked source wins, and among equals the latest import wins.** Ranks:
   official office data (USPTO full text, EPO OPS) 3; commercial exports and canonical files 2;
   synthetic 1. The rank compared is that of the source that last wrote the stored row.
4. **Derived fields follow their base**: ``applicants_std`` and ``applicant_types`` come from the same side as
   ``applicants``; ``pub_country``/``pub_kind`` never change (they are part of the key).
5. **Classification follows the merged record**: the SEI and WIPO columns are recomputed from the merged IPC
   symbols and text (:mod:`seip.store.classify`), never merged value by value.
6. **Provenance** (``source_format``, ``source_file``, ``source_row``) is that of the last import that
   changed something; a re-import that changes nothing leaves the row untouched.
"""

from __future__ import annotations

from seip.records.schema import CONTENT_FIELDS, PROVENANCE_FIELDS

SOURCE_RANK: dict[str, int] = {"uspto_xml": 3, "epo_ops_xml": 3, "synthetic": 1}
DEFAULT_RANK = 2
STATUS_GROUP = ("legal_status", "legal_status_raw", "is_valid")
FOLLOWS = {"applicants_std": "applicants", "applicant_types": "applicants"}
KEY_PARTS = ("pub_number", "pub_country", "pub_kind")
#: Written by seip.taxonomy from IPC and text; the loader recomputes them where the merge changed those.
TAXONOMY_FIELDS = ("sei_codes", "sei_top", "sei_main", "sei_codes_strict", "sei_evidence", "wipo_fields")


def rank_sql(col: str) -> str:
    """SQL expression giving the rank of the source named in ``col``."""
    cases = " ".join(f"WHEN '{k}' THEN {v}" for k, v in SOURCE_RANK.items())
    return f"(CASE {col} {cases} ELSE {DEFAULT_RANK} END)"


def _empty(expr: str) -> str:
    return f"({expr} IS NULL)"


def merged_select(new: str = "n", old: str = "o") -> str:
    """SELECT list producing the merged row from aliases ``new`` and ``old`` (both full patent rows)."""
    new_wins = f"({rank_sql(f'{new}.source_format')} >= {rank_sql(f'{old}.source_format')})"
    status_new = f"({new}.legal_status IS NOT NULL AND {new}.legal_status <> 'unknown')"
    parts = []
    for f in CONTENT_FIELDS:
        if f in KEY_PARTS:
            parts.append(f"{old}.{f} AS {f}")
        elif f in TAXONOMY_FIELDS:
            parts.append(f"{new}.{f} AS {f}")
        elif f in STATUS_GROUP:
            parts.append(f"CASE WHEN {status_new} THEN {new}.{f} ELSE {old}.{f} END AS {f}")
        else:
            base = FOLLOWS.get(f, f)
            take_new = f"({_empty(f'{old}.{base}')} OR (NOT {_empty(f'{new}.{base}')} AND {new_wins}))"
            if base == f:
                parts.append(
                    f"CASE WHEN {_empty(f'{new}.{f}')} THEN {old}.{f} "
                    f"WHEN {take_new} THEN {new}.{f} ELSE {old}.{f} END AS {f}"
                )
            else:
                parts.append(
                    f"CASE WHEN {take_new} AND NOT {_empty(f'{new}.{base}')} THEN {new}.{f} "
                    f"ELSE {old}.{f} END AS {f}"
                )
    for f in PROVENANCE_FIELDS:
        parts.append(f"{new}.{f} AS {f}")
    return ",\n  ".join(parts)


def content_struct(alias: str) -> str:
    """A struct of the content fields of ``alias``, for change detection with IS NOT DISTINCT FROM."""
    return "{" + ", ".join(f"'{f}': {alias}.{f}" for f in CONTENT_FIELDS) + "}"
