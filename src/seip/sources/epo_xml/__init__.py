"""EPO Open Patent Services (OPS 3.2) XML: bibliographic, family and INPADOC legal-status responses.

May import: seip.records, seip.errors, stdlib, lxml, pyarrow.

Three response shapes carry patent records and are read:

* ``exchange-documents/exchange-document`` (the biblio, abstract and full-cycle services, or a search with
  the biblio constituent): one row per exchange document;
* ``ops:patent-family/ops:family-member`` (the family service): one row per member, from its publication,
  application and priority references, plus its ``exchange-document`` when the response embeds one;
  ``family_size`` is the number of members listed (``total-result-count`` when the response lists fewer,
  and then ``family_countries`` stays null because it would be incomplete);
* the same family shape with ``ops:legal`` events (the legal service, ``legal="true"``): the member's row
  also carries ``legal_events``.

``source_row`` is the record's 1-based position among those rows. Elements are matched by local name, so
the DOCDB exchange format's ``exch:`` prefix reads the same way.

Decisions:

* Keys come from the ``docdb`` document-id (country, doc-number, kind, date), falling back to the
  ``exchange-document`` attributes, then ``epodoc``, then ``original``. ``app_number`` is country +
  doc-number of the docdb application id, by the same fallback.
* Applicants and inventors come from the ``original`` data format when the record has it, else ``docdb``,
  else ``epodoc``; trailing commas and the ``[NL]``-style residence suffix are cut off (the suffix of the
  first docdb/epodoc applicant gives ``applicant_country``); case-insensitive duplicates are dropped.
* IPC texts such as ``H04L  29/06            A I`` are cut to the symbol (``H04L 29/06``).
* ``title`` is the ``zh`` title where there is one, else the English one, else the first; ``title_en`` the
  English one; abstracts likewise.
* An event's ``description`` is the event's ``desc`` followed by its ``L5xx`` detail fields
  (``…; Ref Country Code: GB; Ref Legal Event Code: FG4D (EUROPEAN PATENT GRANTED)``), because codes such as
  ``REG`` or ``PG25`` mean nothing without them; ``authority`` is the ``L001`` country code, ``event_date``
  the ``L007`` gazette date as given (``2003-02-12``), ``influence`` the ``infl`` attribute (blank → null).
* An exchange document with a ``status`` attribute (OPS says ``not found``) or without a publication
  number becomes an ``_error`` row carrying what identifies it. A file that is not well-formed XML (for
  instance cut off at the end) raises :class:`~seip.errors.SourceError`; a file cut off at the end is
  caught before anything is yielded.
* Responses without bibliographic records (full-text claims/description, image inquiries, search results
  without the biblio constituent, OPS fault messages) are refused with a sentence from :func:`refusal`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
from lxml import etree

from seip.errors import SourceError, UnsupportedFormat
from seip.records.schema import RAW_ONLY, STR, STRS
from seip.sources.epo_xml._parse import exchange_row as _exchange_row
from seip.sources.epo_xml._parse import local_name as _local
from seip.sources.epo_xml._parse import member_row as _member_row
from seip.sources.epo_xml._parse import one as _one
from seip.sources.epo_xml._parse import publication as _publication
from seip.sources.epo_xml._parse import unique as _unique

NAME = "epo_ops_xml"

#: Canonical field → where it comes from (paths below ``exchange-document/bibliographic-data``).
COLUMNS: dict[str, str] = {
    "pub_number": "publication-reference/document-id[@document-id-type=docdb]/doc-number (fallbacks: "
    "exchange-document/@doc-number, epodoc, original)",
    "pub_country": "publication-reference/document-id[docdb]/country",
    "pub_kind": "publication-reference/document-id[docdb]/kind",
    "pub_date": "publication-reference/document-id/date (docdb, else epodoc)",
    "app_number": "application-reference/document-id[docdb] country + doc-number",
    "app_date": "application-reference/document-id/date (docdb, else epodoc, else original)",
    "priority_date": "earliest priority-claims/priority-claim//date (family members: priority-claim)",
    "title": "invention-title: lang zh, else en, else the first",
    "title_en": "invention-title[@lang=en]",
    "abstract": "exchange-document/abstract: lang zh, else en, else the first (text, whitespace collapsed)",
    "abstract_en": "exchange-document/abstract[@lang=en]",
    "applicants": "parties/applicants/applicant/applicant-name/name, data-format original > docdb > epodoc",
    "inventors": "parties/inventors/inventor/inventor-name/name, data-format original > docdb > epodoc",
    "applicant_country": "[XX] suffix or residence/country of the first docdb/epodoc applicant",
    "applicant_address": "address of the first applicant, where OPS gives one",
    "ipc": "classifications-ipcr/classification-ipcr/text cut to the symbol ('H04L 29/06'); "
    "else classification-ipc/text",
    "cpc": "patent-classifications/patent-classification with scheme CPC*, assembled as 'C07C 1/047' "
    "(or classification-symbol)",
    "family_id": "exchange-document/@family-id or ops:family-member/@family-id",
    "family_size": "number of ops:family-member in a family response (total-result-count if fewer listed)",
    "family_countries": "distinct publication countries of the family members, in order",
    "cites_count": "number of references-cited/citation",
    "legal_events": "ops:legal: event_date L007, code @code, description @desc + L5xx details, "
    "authority L001, influence @infl",
    "source_row": "1-based position of the record (exchange document or family member) in the file",
}

_LIST_FIELDS = ("applicants", "inventors", "ipc", "cpc", "family_countries")
_SCHEMA: pa.Schema = pa.schema(
    [(f, STRS if f in _LIST_FIELDS else STR) for f in COLUMNS if f not in ("source_row", "legal_events")]
    + [
        ("legal_events", RAW_ONLY["legal_events"]),
        ("source_row", pa.int64()),
        ("_error", RAW_ONLY["_error"]),
        ("_error_field", RAW_ONLY["_error_field"]),
    ]
)

_HEAD = 64 * 1024
_NS = b"http://www.epo.org/exchange"
_RECORDS = re.compile(rb"<(?:[\w.-]+:)?(?:exchange-document|family-member)[\s>/]")
_FIRST_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)[\s/>]")
_LAST_TAG = re.compile(rb"</([A-Za-z_][\w.:-]*)\s*>\s*$")
_FAULT = re.compile(rb"<(?:[\w.-]+:)?fault[\s>][\s\S]*?<(?:[\w.-]+:)?code>([^<]*)<")
_REFUSALS: tuple[tuple[re.Pattern[bytes], str], ...] = (
    (
        re.compile(rb"<(?:[\w.-]+:)?fulltext-documents[\s>]"),
        "EPO OPS full-text (claims or description) responses carry no bibliographic record; fetch the "
        "biblio or full-cycle constituent instead.",
    ),
    (
        re.compile(rb"<(?:[\w.-]+:)?document-inquiry[\s>]"),
        "EPO OPS image inquiry responses list page images, not patent records.",
    ),
    (
        re.compile(rb"<(?:[\w.-]+:)?(?:biblio-search|search-result)[\s>]"),
        "EPO OPS search results without the biblio constituent list publication numbers only; run the "
        "search with the biblio constituent (…/search/biblio) to import records.",
    ),
)


def refusal(head: bytes) -> str | None:
    """A sentence saying why an OPS response without patent records is refused; ``None`` for anything else.

    >>> refusal(b'<ops:world-patent-data xmlns="http://www.epo.org/exchange"><ops:document-inquiry>')[:30]
    'EPO OPS image inquiry response'
    >>> refusal(b'<ops:world-patent-data xmlns="http://www.epo.org/exchange"><exchange-documents>'
    ...         b'<exchange-document country="EP">') is None
    True
    """
    if b"ops.epo.org" not in head and _NS not in head:
        return None
    if _RECORDS.search(head):
        return None
    fault = _FAULT.search(head)
    if fault is not None:
        code = fault.group(1).decode("utf-8", "replace").strip()
        return f"EPO OPS error response ({code or 'fault'}), not patent data."
    for pattern, sentence in _REFUSALS:
        if pattern.search(head):
            return sentence
    return None


def detect(path: Path, head: bytes) -> bool:
    """True for OPS XML holding exchange documents or family members (with or without legal events).

    >>> detect(Path("x"), b'<ops:world-patent-data xmlns="http://www.epo.org/exchange" '
    ...        b'xmlns:ops="http://ops.epo.org"><ops:patent-family><ops:family-member family-id="1">')
    True
    """
    return _NS in head and _RECORDS.search(head) is not None


def read(path: Path, batch_size: int = 10_000) -> Iterator[pa.RecordBatch]:
    """Raw batches of at most ``batch_size`` rows (family members are held until their family ends)."""
    path = Path(path)
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    _check_whole_file(path)
    rows: list[dict[str, Any]] = []
    family: dict[str, Any] | None = None
    n = 0
    events = etree.iterparse(
        str(path),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        for event, el in events:
            name = _local(el)
            if event == "start":
                if name == "patent-family":
                    family = {"total": el.get("total-result-count"), "rows": []}
                continue
            if name == "exchange-document" and _local(el.getparent()) != "family-member":
                n += 1
                rows.append(_guarded(_exchange_row, el, n))
                _free(el)
            elif name == "family-member":
                n += 1
                (family["rows"] if family is not None else rows).append(_guarded(_member_row, el, n))
                _free(el)
            elif name == "patent-family" and family is not None:
                rows.extend(_finish_family(family))
                family = None
            while len(rows) >= batch_size:
                yield pa.RecordBatch.from_pylist(rows[:batch_size], schema=_SCHEMA)
                rows = rows[batch_size:]
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"{path}: not well-formed XML after record {n}: {exc.msg or exc}") from exc
    if family is not None:
        rows.extend(_finish_family(family))
    for i in range(0, len(rows), batch_size):
        yield pa.RecordBatch.from_pylist(rows[i : i + batch_size], schema=_SCHEMA)
    if n == 0:
        raise SourceError(f"{path}: no exchange-document or family-member found")


def _check_whole_file(path: Path) -> None:
    """Refused responses and files cut off at the end fail before anything is yielded."""
    with path.open("rb") as fh:
        head = fh.read(_HEAD)
        size = fh.seek(0, 2)
        fh.seek(max(0, size - 4096))
        tail = fh.read()
    why = refusal(head)
    if why:
        raise UnsupportedFormat(f"{path}: {why}")
    if not detect(path, head):
        raise SourceError(f"{path}: not EPO OPS XML with exchange documents or family members")
    body = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", head, flags=re.S)
    root = _FIRST_TAG.search(body)
    last = _LAST_TAG.search(tail.rstrip(b"\x00 \t\r\n"))
    if root is None or last is None or last.group(1) != root.group(1):
        expected = root.group(1).decode("ascii", "replace") if root else "root"
        raise SourceError(f"{path}: truncated: the file does not end with </{expected}>")


def _free(el: etree._Element) -> None:
    """Drop a handled record and its finished siblings, so a large response streams in little memory."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    while parent is not None and el.getprevious() is not None:
        del parent[0]


def _finish_family(family: dict[str, Any]) -> list[dict[str, Any]]:
    """Member rows with family_size and family_countries (see the module docstring)."""
    rows: list[dict[str, Any]] = family["rows"]
    total = family["total"]
    complete = total is None or not total.isdigit() or int(total) <= len(rows)
    countries = _unique([r.get("pub_country") for r in rows])
    for r in rows:
        if r.get("_error"):
            continue
        r["family_size"] = str(len(rows)) if complete else total
        r["family_countries"] = countries if complete and countries else None
    return rows


_RowFn = Callable[[etree._Element, int], dict[str, Any]]


def _guarded(fn: _RowFn, el: etree._Element, n: int) -> dict[str, Any]:
    """``fn(el, n)``, or an ``_error`` row naming the exception: one odd record must not stop the file."""
    try:
        return fn(el, n)
    except Exception as exc:
        error = {"source_row": n, "_error": f"cannot read record: {type(exc).__name__}: {exc}"}
    try:  # whatever identifies the record
        ref = (
            "bibliographic-data/publication-reference"
            if _local(el) == "exchange-document"
            else "publication-reference"
        )
        attrs = {k: v for k, v in el.attrib.items() if isinstance(k, str)}
        return {**_publication(_one(el, ref), attrs), **error, "_error_field": None}
    except Exception:
        return {**error, "_error_field": None}
