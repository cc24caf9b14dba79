"""One USPTO ICE XML document (``us-patent-grant`` / ``us-patent-application``, DTD v4.0–v4.5) → one raw row.

May import: seip.records, seip.errors, stdlib, lxml, pyarrow.

Everything here works on a single, already split document; :mod:`seip.sources.uspto_xml` does the splitting
of the weekly files, the batching and the error rows. Values stay as the XML gives them (strings), except:

* text fields (title, abstract, first claim) are the element's text with markup removed and whitespace
  collapsed; entity references the parser left unresolved (no DTD is loaded) become their character where
  it is a known HTML/ISO character entity, and nothing otherwise (external sequence-listing files);
* IPC symbols are assembled from the split ``classification-ipcr`` elements as ``H05B 33/14``; the v4.0
  ``classification-ipc`` texts, packed as ``G06F015/00`` or ``B60R 2234`` (= B60R 22/34), are unpacked
  into the same form, because the packing is USPTO's own and no downstream normaliser knows it;
* the placeholder countries ``omitted`` / ``unknown`` count as absent.
"""

from __future__ import annotations

import html.entities
import re
from typing import Any

from lxml import etree

#: Root elements of patent documents; any other root in a weekly file is an embedded sub-document.
PATENT_ROOTS: frozenset[str] = frozenset({"us-patent-grant", "us-patent-application"})

_WS = re.compile(r"\s+")
_BLOCK_TAGS = frozenset({"p", "claim-text", "heading", "li", "br", "row", "entry", "title"})
_PLACEHOLDER_COUNTRIES = frozenset({"omitted", "unknown", "none"})
_SLASHED_IPC = re.compile(r"^([A-H]\d\d[A-Z])\s*0*(\d+)\s*/\s*(\d+)$")
_PACKED_IPC = re.compile(r"^([A-H]\d\d[A-Z])([ \d]{3})(\d{2,})$")
_DATE8 = re.compile(r"^\d{8}$")


def text_of(el: etree._Element | None) -> str | None:
    """Text inside ``el`` without markup, whitespace collapsed; ``None`` when there is none.

    >>> text_of(etree.fromstring(b"<p>X<sub>5 </sub>and <b>Y</b>\\n  z</p>"))
    'X5 and Y z'
    """
    if el is None:
        return None
    parts: list[str] = []
    _collect(el, parts)
    out = _WS.sub(" ", "".join(parts)).strip()
    return out or None


def _collect(el: etree._Element, parts: list[str]) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child, etree._Entity):
            parts.append(html.entities.html5.get(f"{child.name};", ""))
        elif isinstance(child.tag, str):
            _collect(child, parts)
            if child.tag in _BLOCK_TAGS:
                parts.append(" ")
        if child.tail:
            parts.append(child.tail)


def _t(el: etree._Element | None, path: str) -> str | None:
    """Stripped text of the first ``path`` under ``el``; ``None`` when absent or blank."""
    if el is None:
        return None
    found = el.find(path)
    return text_of(found) if found is not None else None


def _country(value: str | None) -> str | None:
    if value is None or value.strip().lower() in _PLACEHOLDER_COUNTRIES:
        return None
    return value.strip()


def unpack_ipc(value: str) -> str:
    """A USPTO v4.0 IPC text in ``G06F 15/00`` form; anything unrecognised comes back stripped.

    >>> unpack_ipc("G06F015/00"), unpack_ipc("B60R 2234"), unpack_ipc("H01L 31107"), unpack_ipc("C07C24900")
    ('G06F 15/00', 'B60R 22/34', 'H01L 31/107', 'C07C 249/00')
    >>> unpack_ipc(" G02B  520 "), unpack_ipc("odd")
    ('G02B 5/20', 'odd')
    """
    value = value.strip()
    m = _SLASHED_IPC.match(value) or _PACKED_IPC.match(value)
    if m is None:
        return value
    group = m.group(2).strip().lstrip("0") or "0"
    return f"{m.group(1)} {group}/{m.group(3)}"


def _assembled(el: etree._Element) -> str | None:
    """``H05B 33/14`` from the section/class/subclass/main-group/subgroup children of ``el``."""
    parts = [_t(el, name) or "" for name in ("section", "class", "subclass", "main-group", "subgroup")]
    if not all(parts[:3]):
        return None
    head = "".join(parts[:3])
    return f"{head} {parts[3]}/{parts[4]}" if parts[3] else head


def _unique(values: list[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _ipc(biblio: etree._Element) -> list[str]:
    ipcr = biblio.findall("classifications-ipcr/classification-ipcr")
    if ipcr:
        first = [c for c in ipcr if _t(c, "symbol-position") == "F"]
        ordered = first + [c for c in ipcr if c not in first]
        return _unique([_assembled(c) for c in ordered])
    old = biblio.find("classification-ipc")
    if old is None:
        return []
    # Raw text, not text_of(): the packed form's spaces carry meaning.
    texts = [e.text for e in old.findall("main-classification") + old.findall("further-classification")]
    return _unique([unpack_ipc(t) for t in texts if t and t.strip()])


def _cpc(biblio: etree._Element) -> list[str]:
    cpc = biblio.find("classifications-cpc")
    if cpc is None:
        return []
    main = cpc.findall("main-cpc//classification-cpc")
    further = cpc.findall("further-cpc//classification-cpc")
    return _unique([_assembled(c) for c in main + further])


def _name(party: etree._Element) -> str | None:
    """Organisation name, else ``First Last`` (suffix kept), of an assignee/applicant/inventor."""
    book = party.find("addressbook")
    book = party if book is None else book
    org = _t(book, "orgname")
    if org:
        return org
    person = " ".join(p for p in (_t(book, "first-name"), _t(book, "last-name"), _t(book, "suffix")) if p)
    return person or _t(book, "name")


def _address(party: etree._Element) -> tuple[str | None, str | None]:
    """(``city, state, country`` text, country) of a party; country falls back to its residence."""
    addr = party.find("addressbook/address")
    addr = party.find("address") if addr is None else addr
    country = _country(_t(addr, "country"))
    parts = [_t(addr, "city"), _t(addr, "state"), country]
    text = ", ".join(p for p in parts if p) or None
    return text, country or _country(_t(party, "residence/country"))


def _parties(biblio: etree._Element) -> dict[str, Any]:
    parties = biblio.find("us-parties")
    parties = biblio.find("parties") if parties is None else parties
    applicants: list[etree._Element] = []
    inventors: list[etree._Element] = []
    if parties is not None:
        applicants = parties.findall("us-applicants/us-applicant") + parties.findall("applicants/applicant")
        inventors = parties.findall("inventors/inventor")
        if not inventors:
            inventors = [a for a in applicants if a.get("app-type") == "applicant-inventor"]
    owners = biblio.findall("assignees/assignee") or applicants
    address, country = _address(owners[0]) if owners else (None, None)
    return {
        "applicants": _unique([_name(p) for p in owners]) or None,
        "inventors": _unique([_name(p) for p in inventors]) or None,
        "applicant_country": country,
        "applicant_address": address,
    }


def _cites(biblio: etree._Element, is_grant: bool) -> str | None:
    refs = biblio.find("us-references-cited")
    refs = biblio.find("references-cited") if refs is None else refs
    if refs is None:
        return "0" if is_grant else None
    return str(len(refs.findall("us-citation")) + len(refs.findall("citation")))


def _claims(root: etree._Element, biblio: etree._Element) -> tuple[str | None, str | None]:
    claims = root.findall("claims/claim")
    numbered_1 = [c for c in claims if (c.get("num") or "").lstrip("0") == "1"]
    first = (numbered_1 or claims or [None])[0]
    count = _t(biblio, "number-of-claims") or (str(len(claims)) if claims else None)
    return text_of(first), count


def parse_document(root: etree._Element) -> dict[str, Any]:
    """The raw row of one parsed document (without ``source_row``).

    Raises ``ValueError`` naming the field when the document has no publication number.
    """
    is_grant = root.tag == "us-patent-grant"
    biblio = root.find("us-bibliographic-data-grant" if is_grant else "us-bibliographic-data-application")
    if biblio is None:
        raise ValueError("pub_number: no us-bibliographic-data element")
    pub = biblio.find("publication-reference/document-id")
    pub_number = _t(pub, "doc-number")
    if not pub_number:
        raise ValueError("pub_number: no publication-reference/document-id/doc-number")
    app_ref = biblio.find("application-reference")
    app = app_ref.find("document-id") if app_ref is not None else None
    app_number = _t(app, "doc-number")
    if app_number and (app_country := _t(app, "country")) and not app_number.startswith(app_country):
        app_number = app_country + app_number
    priorities = [d for d in (text_of(e) for e in biblio.findall("priority-claims/priority-claim/date")) if d]
    priorities = [d for d in priorities if _DATE8.match(d)] or priorities
    pub_date = _t(pub, "date")
    title = _t(biblio, "invention-title")
    abstract = text_of(root.find("abstract"))
    first_claim, claims_count = _claims(root, biblio)
    row: dict[str, Any] = {
        "pub_number": pub_number,
        "pub_country": _t(pub, "country"),
        "pub_kind": _t(pub, "kind"),
        "pub_date": pub_date,
        "app_number": app_number,
        "app_date": _t(app, "date"),
        "grant_date": pub_date if is_grant else None,
        "priority_date": min(priorities) if priorities else None,
        "patent_type": app_ref.get("appl-type") if app_ref is not None else None,
        "title": title,
        "title_en": title,
        "abstract": abstract,
        "abstract_en": abstract,
        "first_claim": first_claim,
        "claims_count": claims_count,
        "ipc": _ipc(biblio) or None,
        "cpc": _cpc(biblio) or None,
        "cites_count": _cites(biblio, is_grant),
    }
    row.update(_parties(biblio))
    return row


_PUBREF = re.compile(rb"<publication-reference>(.*?)</publication-reference>", re.S)


def identify(chunk: bytes) -> dict[str, Any]:
    """Whatever identifying fields a regular expression finds in a document lxml could not parse."""
    m = _PUBREF.search(chunk[:200_000])
    if m is None:
        return {}
    found: dict[str, Any] = {}
    for field, tag in (
        ("pub_number", b"doc-number"),
        ("pub_country", b"country"),
        ("pub_kind", b"kind"),
        ("pub_date", b"date"),
    ):
        v = re.search(rb"<" + tag + rb">\s*([^<]*?)\s*</" + tag + rb">", m.group(1))
        if v and v.group(1):
            found[field] = v.group(1).decode("utf-8", "replace")
    return found
