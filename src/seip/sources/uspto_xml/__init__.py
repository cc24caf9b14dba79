"""USPTO full-text XML (ICE DTD v4.0–v4.5): weekly ``ipgYYMMDD.xml`` grants, ``ipaYYMMDD.xml`` applications.

May import: seip.records, seip.errors, stdlib, lxml, pyarrow.

A weekly bulk file is many XML documents concatenated, each with its own ``<?xml …?>`` and ``<!DOCTYPE …>``.
:func:`read` streams the file line by line, cuts it at every XML declaration, and parses one document at a
time with lxml (no DTD loading, no network, entity references left unresolved), so a multi-GB week never
sits in memory. One row per ``us-patent-grant`` / ``us-patent-application``; ``source_row`` is the
document's 1-based position among those patent documents.

Decisions:

* Embedded non-patent sub-documents (``sequence-cwu`` sequence listings and any other root that is not a
  patent) are skipped: they yield nothing and are not counted as rows. Their number is logged at INFO
  level on this module's logger when the file is finished.
* A document that lxml cannot parse, or that has no publication number, becomes an ``_error`` row carrying
  ``source_row`` and whatever publication-reference fields a regular expression finds; the others go on.
* A file that ends inside a document (an interrupted download) raises :class:`~seip.errors.SourceError`
  naming the file and the document — before anything is yielded, because the tail is checked first.
  Importing 99 % of a week and quarantining the cut document would look like success.
* Formats USPTO published before ICE v4 (APS Green Book, ST.32 PATDOC, pap-v15/v16) and the non-publication
  USPTO files (XML4IP/ST.96 file wrappers, BRS exports, CPC master/scheme files) are refused with a
  sentence from :func:`refusal`; :func:`detect` is True only for what :func:`read` supports.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
from lxml import etree

from seip.errors import SourceError, UnsupportedFormat
from seip.records.schema import RAW_ONLY, STR, STRS
from seip.sources.uspto_xml._parse import PATENT_ROOTS as _PATENT_ROOTS
from seip.sources.uspto_xml._parse import identify as _identify
from seip.sources.uspto_xml._parse import parse_document as _parse_document

NAME = "uspto_xml"

#: Canonical field → where it comes from (paths below ``us-bibliographic-data-grant`` / ``-application``).
COLUMNS: dict[str, str] = {
    "pub_number": "publication-reference/document-id/doc-number (e.g. 08927118, as given)",
    "pub_country": "publication-reference/document-id/country",
    "pub_kind": "publication-reference/document-id/kind",
    "pub_date": "publication-reference/document-id/date (YYYYMMDD)",
    "app_number": "application-reference/document-id/country + doc-number (US13349377)",
    "app_date": "application-reference/document-id/date",
    "grant_date": "publication date, for us-patent-grant documents only",
    "priority_date": "earliest priority-claims/priority-claim/date",
    "patent_type": "application-reference/@appl-type (utility, design, plant, reissue…)",
    "title": "invention-title (text, whitespace collapsed)",
    "title_en": "invention-title (same as title)",
    "abstract": "abstract (text of its paragraphs, whitespace collapsed)",
    "abstract_en": "abstract (same as abstract)",
    "first_claim": "claims/claim with num 1 (else the first claim), text",
    "claims_count": "number-of-claims, else the count of claims/claim",
    "applicants": "assignees/assignee orgname or 'First Last'; without assignees: "
    "us-parties/us-applicants/us-applicant or parties/applicants/applicant",
    "inventors": "inventors/inventor 'First Last'; v4.0–v4.2: applicants with app-type applicant-inventor",
    "applicant_country": "address/country (else residence/country) of the first of those applicants",
    "applicant_address": "'city, state, country' of the first of those applicants",
    "ipc": "classifications-ipcr/classification-ipcr assembled as 'H05B 33/14', symbol-position F first; "
    "v4.0: classification-ipc main + further, unpacked from 'G06F015/00' / 'B60R 2234'",
    "cpc": "classifications-cpc main-cpc then further-cpc, assembled as 'C07D 493/04' (v4.4+)",
    "cites_count": "number of references-cited/citation or us-references-cited/us-citation "
    "(0 for a grant without the element)",
    "source_row": "1-based position of the patent document in the file (sub-documents not counted)",
}

_LIST_FIELDS = ("applicants", "inventors", "ipc", "cpc")
_SCHEMA: pa.Schema = pa.schema(
    [(f, STRS if f in _LIST_FIELDS else STR) for f in COLUMNS if f != "source_row"]
    + [("source_row", pa.int64()), ("_error", RAW_ONLY["_error"]), ("_error_field", RAW_ONLY["_error_field"])]
)

_log = logging.getLogger(__name__)
_HEAD = 64 * 1024
_XML_DECL = re.compile(rb"<\?xml\s")
_ROOT_DOCTYPE = re.compile(rb"<!DOCTYPE\s+([A-Za-z_][\w.:-]*)")
_FIRST_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)[\s/>]")
_DETECT = re.compile(
    rb"<!DOCTYPE\s+us-patent-(?:grant|application)[\s>\[]|<us-patent-(?:grant|application)[\s>]"
)
_LAST_TAG = re.compile(rb"</([A-Za-z_][\w.:-]*)\s*>\s*$")

_REFUSALS: tuple[tuple[re.Pattern[bytes], str], ...] = (
    (
        re.compile(rb"\A\s*(?:HHHHHT[^\n]*\n)?PATN\r?\n(?:.*\n)?WKU ", re.S),
        "USPTO APS Green Book text (grants 1976–2001) is not supported; use the USPTO XML full text "
        "(us-patent-grant v4, weekly ipg files from 2005 on).",
    ),
    (
        re.compile(rb"<!DOCTYPE\s+PATDOC\b|<PATDOC[\s>]"),
        "USPTO ST.32 SGML/XML grant full text (PATDOC v2.4–2.5, 2001–2004) is not supported; use the ICE XML "
        "full text (us-patent-grant v4, weekly ipg files from 2005 on).",
    ),
    (
        re.compile(rb"<!DOCTYPE\s+patent-application-publication\b|<patent-application-publication[\s>]"),
        "USPTO pre-grant publication XML in the pap-v15/v16 DTD (applications 2001–2004) is not supported; "
        "use the ICE XML application full text (us-patent-application v4, weekly ipa files from 2005 on).",
    ),
    (
        re.compile(rb"CPCMasterClassificationFile"),
        "The USPTO CPC Master Classification File holds CPC assignments only, not bibliographic records; "
        "it is not supported as a patent source.",
    ),
    (
        re.compile(rb"<class-scheme[^>]*scheme-type=\"cpc\""),
        "CPC scheme XML is the classification scheme itself, not patent records; it is not supported as a "
        "patent source.",
    ),
    (
        re.compile(
            rb"\APK\x03\x04[\s\S]*?(?:CDC_Download|\.(?:CLM|SPEC|ABST)\.xml)|urn:us:gov:doc:uspto:patent",
            re.I,
        ),
        "USPTO XML4IP / ST.96 file-wrapper XML (CDC download of claims, specification and abstract papers) "
        "is not supported: it holds application papers, not publications; use the ICE XML full text.",
    ),
    (
        re.compile(rb"\*\*\* BRS DOCUMENT BOUNDARY \*\*\*"),
        "USPTO BRS/CSS tagged-text search export is not supported; export the documents as USPTO full-text "
        "XML (ICE v4) instead.",
    ),
)


def refusal(head: bytes) -> str | None:
    """A sentence saying why a USPTO file we deliberately do not read is refused; ``None`` for anything else.

    >>> refusal(b"PATN\\nWKU  039373754\\nSRC  5\\n")[:40]
    'USPTO APS Green Book text (grants 1976–2'
    >>> refusal(b'<?xml version="1.0"?><!DOCTYPE us-patent-grant SYSTEM "x.dtd" []>') is None
    True
    """
    for pattern, sentence in _REFUSALS:
        if pattern.search(head):
            return sentence
    return None


def detect(path: Path, head: bytes) -> bool:
    """True for ICE XML (``us-patent-grant`` / ``us-patent-application``), judged from ``head`` only.

    >>> detect(Path("x"), b'<?xml version="1.0"?>\\n<!DOCTYPE us-patent-application SYSTEM "a.dtd" [ ]>')
    True
    >>> detect(Path("x"), b'<!DOCTYPE patent-application-publication SYSTEM "pap-v16-2002-01-01.dtd">')
    False
    """
    return _DETECT.search(head) is not None and refusal(head) is None


def read(path: Path, batch_size: int = 10_000) -> Iterator[pa.RecordBatch]:
    """Raw batches of at most ``batch_size`` rows, all with one schema; see the module docstring."""
    path = Path(path)
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    _check_whole_file(path)
    rows: list[dict[str, Any]] = []
    count = skipped = 0
    for start_line, chunk, is_last in _documents(path):
        root = _root_name(chunk)
        if root is not None and root not in _PATENT_ROOTS:
            skipped += 1
            continue
        count += 1
        rows.append(_row(path, chunk, root, count, start_line, is_last))
        if len(rows) >= batch_size:
            yield pa.RecordBatch.from_pylist(rows, schema=_SCHEMA)
            rows = []
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=_SCHEMA)
    if count == 0:
        raise SourceError(f"{path}: no us-patent-grant or us-patent-application document found")
    if skipped:
        _log.info("%s: %d patent documents, %d embedded sub-documents skipped", path, count, skipped)


def _check_whole_file(path: Path) -> None:
    """Refused formats and files cut off inside their last document fail before anything is yielded."""
    with path.open("rb") as fh:
        head = fh.read(_HEAD)
    why = refusal(head)
    if why:
        raise UnsupportedFormat(f"{path}: {why}")
    if not _DETECT.search(head):
        raise SourceError(f"{path}: not USPTO ICE full-text XML (no us-patent-grant/-application element)")
    last = _last_document(path)
    root = _root_name(last if _XML_DECL.match(last) else head)
    m = _LAST_TAG.search(last.rstrip(b"\x00 \t\r\n"))
    if root is not None and m is not None and m.group(1).decode("ascii", "replace") == root:
        return
    docs = sum(1 for _, chunk, _ in _documents(path) if _root_name(chunk) in _PATENT_ROOTS)
    ids = _identify(last)
    which = f" ({ids['pub_number']})" if "pub_number" in ids else ""
    if root in _PATENT_ROOTS:
        raise SourceError(f"{path}: truncated: document {docs}{which} ends without </{root}>")
    raise SourceError(f"{path}: truncated: the file ends inside a <{root or '?'}> after document {docs}")


def _last_document(path: Path, limit: int = 64 << 20) -> bytes:
    """The bytes from the last XML declaration to the end; only the last 64 KiB if none is found in
    the last ``limit`` bytes (a file without declarations)."""
    with path.open("rb") as fh:
        pos = fh.seek(0, 2)
        buf = b""
        while pos > 0 and len(buf) < limit:
            step = min(1 << 20, pos)
            pos -= step
            fh.seek(pos)
            buf = fh.read(step) + buf
            starts = [m.start() for m in _XML_DECL.finditer(buf)]
            if starts:
                return buf[starts[-1] :]
        return buf[-_HEAD:]


def _documents(path: Path) -> Iterator[tuple[int, bytes, bool]]:
    """(first line number, bytes, is the last one) of each document, cut at every XML declaration."""
    pending: tuple[int, bytes] | None = None
    parts: list[bytes] = []
    start = 1
    with path.open("rb") as fh:
        for lineno, line in enumerate(fh, 1):
            m = _XML_DECL.search(line)
            if m is not None:
                if m.start():
                    parts.append(line[: m.start()])
                if any(p.strip() for p in parts):
                    if pending is not None:
                        yield (*pending, False)
                    pending = (start, b"".join(parts))
                parts, start = [line[m.start() :]], lineno
            else:
                parts.append(line)
    if any(p.strip() for p in parts):
        if pending is not None:
            yield (*pending, False)
        pending = (start, b"".join(parts))
    if pending is not None:
        yield (*pending, True)


def _root_name(chunk: bytes) -> str | None:
    """Root element name from the DOCTYPE, else from the first start tag; ``None`` when neither is found."""
    head = chunk[:8192]
    m = _ROOT_DOCTYPE.search(head)
    if m is None:
        body = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", head, flags=re.S)
        m = _FIRST_TAG.search(body)
    return m.group(1).decode("ascii", "replace") if m else None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
    )


def _row(
    path: Path, chunk: bytes, root: str | None, n: int, start_line: int, is_last: bool
) -> dict[str, Any]:
    """The raw row of document ``n``, or its ``_error`` row; raises only for a truncated last document."""
    try:
        tree = etree.fromstring(chunk, _parser())
    except etree.XMLSyntaxError as exc:
        if is_last and root is not None and f"</{root}>".encode() not in chunk[-4096:]:
            raise SourceError(f"{path}: truncated: document {n} ends without </{root}>") from exc
        msg = re.sub(r",? line \d+, column \d+$", "", exc.msg or str(exc))
        msg = re.sub(r"\bline (\d+)", lambda m: f"line {start_line + int(m.group(1)) - 1}", msg)
        line = start_line + (exc.lineno or 1) - 1
        return {
            **_identify(chunk),
            "source_row": n,
            "_error": f"not well-formed XML at line {line}: {msg}",
            "_error_field": None,
        }
    try:
        row = _parse_document(tree)
    except ValueError as exc:
        field, _, why = str(exc).partition(": ")
        return {
            **_identify(chunk),
            "source_row": n,
            "_error": f"document at line {start_line}: {why}",
            "_error_field": field,
        }
    except Exception as exc:  # one odd document must not stop the file
        return {
            **_identify(chunk),
            "source_row": n,
            "_error": f"document at line {start_line} cannot be read: {type(exc).__name__}: {exc}",
            "_error_field": None,
        }
    row["source_row"] = n
    return row
