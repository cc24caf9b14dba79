"""The canonical patent record: field names, Arrow types, and the raw-batch contract of readers.

May import: stdlib, pyarrow.

Two shapes of data cross the layers:

* **raw batches** (what ``seip.sources.*.read`` yields): a ``pyarrow.RecordBatch`` whose columns are a subset of
  the canonical field names below, every value still as the source wrote it: ``string`` for scalar fields,
  ``list<string>`` for multi-valued fields when the source gives them already split (XML), or a plain
  ``string`` holding a delimited list (``"G06F16/33; H04L9/00"``) when it does not. Every raw batch carries
  ``source_row`` (int64; the 1-based row a user would find the record at: the spreadsheet/CSV line for
  tables, the document's position for XML). Raw-only columns:

  - ``_error`` / ``_error_field`` (string): the reader could not parse this row; it goes to quarantine;
  - ``legal_events`` (list of :data:`EVENT_STRUCT`): legal events of the document, stored in their own table.

* **canonical tables** (what ``seip.records.normalize`` returns and the store keeps): every field of
  :data:`FIELDS`, typed.
"""

from __future__ import annotations

import pyarrow as pa

STR = pa.string()
DATE = pa.date32()
INT = pa.int64()
STRS = pa.list_(pa.string())

#: (name, type, meaning). The first block is the contract of ../shared/DESIGN.md; do not rename.
FIELDS: list[tuple[str, pa.DataType, str]] = [
    ("pub_number", STR, "office + number + kind, e.g. CN112345678A, US8927118B2"),
    ("pub_country", STR, "publishing office, ISO-like two letters (WO, EP included)"),
    ("pub_kind", STR, "kind code, e.g. A, B, U, S, B2, A1"),
    ("pub_date", DATE, "publication date"),
    ("app_number", STR, "application number, office + digits (+ check digit), no dots or slashes"),
    ("app_date", DATE, "filing date"),
    ("grant_date", DATE, "grant date, where granted"),
    ("priority_date", DATE, "earliest priority date"),
    ("patent_type", STR, "invention / utility_model / design"),
    ("title", STR, "title as published (Chinese for CN documents)"),
    ("title_en", STR, "English title"),
    ("abstract", STR, "abstract as published"),
    ("abstract_en", STR, "English abstract"),
    ("first_claim", STR, "first (independent) claim"),
    ("claims_count", INT, "number of claims"),
    ("applicants", STRS, "applicants / assignees as given"),
    ("applicants_std", STRS, "normalised applicant names, aligned with applicants"),
    ("applicant_types", STRS, "enterprise / university / institute / individual / government / other"),
    ("inventors", STRS, "inventors as given"),
    ("applicant_country", STR, "country of the first applicant"),
    ("province", STR, "province of the first applicant (Chinese applicants)"),
    ("city", STR, "prefecture-level city of the first applicant (Chinese applicants)"),
    ("ipc", STRS, "IPC symbols, canonical G06F16/33, main first"),
    ("ipc_main", STR, "main IPC symbol"),
    ("cpc", STRS, "CPC symbols, canonical, main first"),
    ("sei_codes", STRS, "SEI second-level codes (filled by seip.taxonomy)"),
    ("sei_top", STRS, "SEI first-level codes (filled by seip.taxonomy)"),
    ("sei_main", STRS, "SEI codes of the main IPC symbol (filled by seip.taxonomy)"),
    ("sei_codes_strict", STRS, "SEI codes whose rule the Chinese text confirms (filled by seip.taxonomy)"),
    ("sei_evidence", STRS, "code:rule:term behind each strict SEI code (filled by seip.taxonomy)"),
    ("wipo_fields", pa.list_(INT), "WIPO 35 technology fields (filled by seip.taxonomy)"),
    ("legal_status", STR, "pending/granted/lapsed/expired/withdrawn/rejected/abandoned/invalidated/unknown"),
    ("legal_status_raw", STR, "legal status text as the source gave it"),
    ("is_valid", pa.bool_(), "in force today"),
    ("family_id", STR, "family identifier of the source (DOCDB family where known)"),
    ("family_size", INT, "number of family members"),
    ("family_countries", STRS, "offices of the family members"),
    ("cited_by_count", INT, "forward citations"),
    ("cites_count", INT, "backward citations"),
    ("source_format", STR, "reader that wrote the record last"),
    ("source_file", STR, "file the record was last written from"),
    ("source_row", INT, "row of that file"),
    # Additions beyond the design contract.
    ("applicant_address", STR, "address of the first applicant as given"),
    ("vendor_sei_codes", STRS, "SEI codes a commercial database assigned (incoPat 新兴产业分类)"),
    ("vendor_sei_main", STRS, "primary SEI codes a commercial database assigned (incoPat 新兴产业(主))"),
    ("quality_flags", STRS, "field:problem:raw value, for values kept out of the record (never silent)"),
]

FIELD_NAMES: list[str] = [name for name, _, _ in FIELDS]
FIELD_TYPES: dict[str, pa.DataType] = {name: typ for name, typ, _ in FIELDS}
SCHEMA: pa.Schema = pa.schema([(name, typ) for name, typ, _ in FIELDS])

LIST_FIELDS: tuple[str, ...] = tuple(n for n, t, _ in FIELDS if pa.types.is_list(t))
DATE_FIELDS: tuple[str, ...] = tuple(n for n, t, _ in FIELDS if t == DATE)
INT_FIELDS: tuple[str, ...] = tuple(n for n, t, _ in FIELDS if t == INT and n != "source_row")

#: Fields describing where a record came from, not what it says.
PROVENANCE_FIELDS: tuple[str, ...] = ("source_format", "source_file", "source_row")
#: Fields compared to decide whether a re-imported record changed anything.
CONTENT_FIELDS: tuple[str, ...] = tuple(n for n in FIELD_NAMES if n not in PROVENANCE_FIELDS)

#: One legal event inside a raw batch's ``legal_events`` column (all strings as given by the source).
EVENT_STRUCT = pa.struct(
    [
        ("event_date", STR),
        ("code", STR),
        ("description", STR),
        ("authority", STR),
        ("influence", STR),
    ]
)

#: Columns a raw batch may carry besides canonical fields.
RAW_ONLY: dict[str, pa.DataType] = {
    "_error": STR,
    "_error_field": STR,
    "legal_events": pa.list_(EVENT_STRUCT),
}

LEGAL_STATUSES: tuple[str, ...] = (
    "pending",
    "granted",
    "lapsed",
    "expired",
    "withdrawn",
    "rejected",
    "abandoned",
    "invalidated",
    "unknown",
)
PATENT_TYPES: tuple[str, ...] = ("invention", "utility_model", "design")
APPLICANT_TYPES: tuple[str, ...] = (
    "enterprise",
    "university",
    "institute",
    "individual",
    "government",
    "other",
)
