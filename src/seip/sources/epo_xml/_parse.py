"""Rows from the elements of one OPS record: an ``exchange-document`` or an ``ops:family-member``.

May import: seip.records, seip.errors, stdlib, lxml, pyarrow.

Elements are matched by local name (``{*}`` paths), so any namespace prefix reads the same way. The choices
(docdb ids first, original-format names, IPC cut to the symbol, zh > en titles, event descriptions with their
``L5xx`` details) are listed in :mod:`seip.sources.epo_xml`.
"""

from __future__ import annotations

import html.entities
import re
from typing import Any

from lxml import etree

_WS = re.compile(r"\s+")
_IPCR = re.compile(r"^\s*([A-H]\d\d[A-Z])\s*(\d+)\s*/\s*(\d+)")
_SUFFIX = re.compile(r"\s*\[([A-Z]{2})\]\s*$")
_DATE8 = re.compile(r"^\d{8}$")
_BLOCK_TAGS = frozenset({"p", "claim-text", "heading", "li", "br"})


def local_name(el: Any) -> str:
    """Tag without namespace; ``""`` for comments, entities and ``None``."""
    tag = getattr(el, "tag", None)
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _p(path: str) -> str:
    """``a/b`` → ``{*}a/{*}b`` (any namespace)."""
    return "/".join(
        part if part in (".", "..", "") or part.startswith("{") else "{*}" + part for part in path.split("/")
    )


def _all(el: etree._Element | None, path: str) -> list[etree._Element]:
    return [] if el is None else el.findall(_p(path))


def one(el: etree._Element | None, path: str) -> etree._Element | None:
    """First element at ``path`` (local names) below ``el``."""
    return None if el is None else el.find(_p(path))


def _text(el: etree._Element | None) -> str | None:
    """Text inside ``el`` without markup, whitespace collapsed; ``None`` when there is none."""
    if el is None:
        return None
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child, etree._Entity):
                parts.append(html.entities.html5.get(f"{child.name};", ""))
            elif isinstance(child.tag, str):
                walk(child)
                if local_name(child) in _BLOCK_TAGS:
                    parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return _WS.sub(" ", "".join(parts)).strip() or None


def _t(el: etree._Element | None, path: str) -> str | None:
    return _text(one(el, path))


def ipcr_symbol(text: str) -> str:
    """The IPC symbol of an OPS ``classification-ipcr/text``; other text comes back stripped.

    >>> ipcr_symbol("H04L  29/06            A I"), ipcr_symbol("G06F  16/33    20190101AFI")
    ('H04L 29/06', 'G06F 16/33')
    >>> ipcr_symbol(" odd ")
    'odd'
    """
    m = _IPCR.match(text)
    return f"{m.group(1)} {m.group(2)}/{m.group(3)}" if m else text.strip()


def unique(values: list[str | None], fold: bool = False) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        if v:
            seen.setdefault(v.casefold() if fold else v, v)
    return list(seen.values())


def _ids(ref: etree._Element | None) -> dict[str, etree._Element]:
    """document-id elements of a reference by ``document-id-type`` (first of each; untyped → docdb)."""
    out: dict[str, etree._Element] = {}
    for doc_id in _all(ref, "document-id"):
        out.setdefault(doc_id.get("document-id-type") or "docdb", doc_id)
    return out


def _first_date(ids: dict[str, etree._Element]) -> str | None:
    for kind in ("docdb", "epodoc", "original"):
        if (date := _t(ids.get(kind), "date")) is not None:
            return date
    return None


def publication(ref: etree._Element | None, attrs: dict[str, str]) -> dict[str, Any]:
    ids = _ids(ref)
    docdb = ids.get("docdb")
    country, number, kind = _t(docdb, "country"), _t(docdb, "doc-number"), _t(docdb, "kind")
    if not number and attrs.get("doc-number"):
        country, number, kind = attrs.get("country"), attrs.get("doc-number"), attrs.get("kind")
    if not number:
        for other in ("epodoc", "original"):
            raw = _t(ids.get(other), "doc-number")
            if raw:
                m = re.match(r"^([A-Z]{2})(\d.*)$", raw)
                country, number = (m.group(1), m.group(2)) if m else (country, raw)
                break
    return {"pub_number": number, "pub_country": country, "pub_kind": kind, "pub_date": _first_date(ids)}


def _us_application(ids: dict[str, etree._Element]) -> str | None:
    """A US application number in seip's form (series code + serial, ``US12942680``) where the document-ids
    allow it, else the EPODOC form (``US20100942680``, year + serial), which is unambiguous. The docdb form
    before 2014 is serial + two-digit year (``94268010``) and would read as another series and serial."""
    original = re.sub(r"\D", "", _t(ids.get("original"), "doc-number") or "")
    if re.fullmatch(r"\d{8}", original):
        return "US" + original
    docdb = _t(ids.get("docdb"), "doc-number") or ""
    if re.fullmatch(r"20\d{2}\d{8}", docdb):  # since 2014: year + series code + serial
        return "US" + docdb[4:]
    epodoc = _t(ids.get("epodoc"), "doc-number")
    return epodoc if epodoc and epodoc.startswith("US") else None


def _application(ref: etree._Element | None, pub_country: str | None) -> dict[str, Any]:
    ids = _ids(ref)
    number = None
    if (_t(ids.get("docdb"), "country") or pub_country) == "US":
        return {"app_number": _us_application(ids), "app_date": _first_date(ids)}
    for kind in ("docdb", "epodoc", "original"):
        raw = _t(ids.get(kind), "doc-number")
        if raw:
            country = _t(ids[kind], "country") or pub_country or ""
            number = raw if re.match(r"^[A-Z]{2}", raw) else country + raw
            break
    return {"app_number": number, "app_date": _first_date(ids)}


def _earliest(dates: list[str | None]) -> str | None:
    found = [d for d in dates if d]
    found = [d for d in found if _DATE8.match(d)] or found
    return min(found) if found else None


def _names(parties: etree._Element | None, group: str, who: str) -> tuple[list[str], str | None, str | None]:
    """(names, country of the first, address of the first) by data format original > docdb > epodoc."""
    people = _all(parties, f"{group}/{who}")
    by_format: dict[str, list[etree._Element]] = {}
    for p in people:
        by_format.setdefault(p.get("data-format") or "docdb", []).append(p)
    chosen = next((by_format[f] for f in ("original", "docdb", "epodoc") if by_format.get(f)), [])
    names = unique([_clean_name(_t(p, f"{who}-name/name")) for p in chosen], fold=True)
    country = None
    for p in by_format.get("docdb", []) + by_format.get("epodoc", []):
        raw = _t(p, f"{who}-name/name") or ""
        m = _SUFFIX.search(raw)
        country = (m.group(1) if m else None) or _t(p, "residence/country")
        break
    address = None
    if chosen:
        addr = one(chosen[0], "address")
        if addr is not None:
            address = ", ".join(t for c in addr if (t := _text(c))) or None
    return names, country, address


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    name = _SUFFIX.sub("", name).strip().rstrip(",;").strip()
    return name or None


def _by_lang(elements: list[etree._Element]) -> tuple[str | None, str | None]:
    """(preferred text: zh > en > first, English text)."""
    texts = [(el.get("lang") or "", _text(el)) for el in elements]
    texts = [(lang.lower(), t) for lang, t in texts if t]
    en = next((t for lang, t in texts if lang == "en"), None)
    zh = next((t for lang, t in texts if lang == "zh"), None)
    return zh or en or (texts[0][1] if texts else None), en


def _cpc(biblio: etree._Element | None) -> list[str]:
    out: list[str | None] = []
    for pc in _all(biblio, "patent-classifications/patent-classification"):
        scheme = one(pc, "classification-scheme")
        if scheme is None or not (scheme.get("scheme") or "").upper().startswith("CPC"):
            continue
        parts = [_t(pc, n) or "" for n in ("section", "class", "subclass", "main-group", "subgroup")]
        if all(parts[:3]):
            out.append(f"{''.join(parts[:3])} {parts[3]}/{parts[4]}" if parts[3] else "".join(parts[:3]))
        else:
            out.append(_t(pc, "classification-symbol"))
    return unique(out)


def exchange_row(doc: etree._Element, n: int) -> dict[str, Any]:
    biblio = one(doc, "bibliographic-data")
    attrs = {k: v for k, v in doc.attrib.items() if isinstance(k, str)}
    row = publication(one(biblio, "publication-reference"), attrs)
    row["family_id"] = doc.get("family-id")
    row["source_row"] = n
    if doc.get("status"):
        return {
            **row,
            "_error": f"OPS returned status {doc.get('status')!r} for this document",
            "_error_field": None,
        }
    if not row["pub_number"]:
        return {
            **row,
            "_error": "no publication number (publication-reference/document-id/doc-number)",
            "_error_field": "pub_number",
        }
    row.update(_application(one(biblio, "application-reference"), row["pub_country"]))
    row["priority_date"] = _earliest([_text(d) for d in _all(biblio, "priority-claims/priority-claim//date")])
    row["title"], row["title_en"] = _by_lang(_all(biblio, "invention-title"))
    row["abstract"], row["abstract_en"] = _by_lang(_all(doc, "abstract"))
    parties = one(biblio, "parties")
    applicants, country, address = _names(parties, "applicants", "applicant")
    row.update(applicants=applicants or None, applicant_country=country, applicant_address=address)
    row["inventors"] = _names(parties, "inventors", "inventor")[0] or None
    ipc = [
        ipcr_symbol(t)
        for e in _all(biblio, "classifications-ipcr/classification-ipcr/text")
        if (t := e.text) and t.strip()
    ]
    if not ipc:
        ipc = [t for e in _all(biblio, "classification-ipc/text") if (t := _text(e))]
    row["ipc"] = unique(ipc) or None
    row["cpc"] = _cpc(biblio) or None
    refs = one(biblio, "references-cited")
    row["cites_count"] = None if refs is None else str(len(_all(refs, "citation")))
    return row


def member_row(member: etree._Element, n: int) -> dict[str, Any]:
    """A family member's row: its own references, completed from its embedded exchange document if any."""
    own = publication(one(member, "publication-reference"), {})
    own.update(_application(one(member, "application-reference"), own["pub_country"]))
    own["priority_date"] = _earliest([_text(d) for d in _all(member, "priority-claim//date")])
    doc = one(member, "exchange-document")
    row: dict[str, Any] = exchange_row(doc, n) if doc is not None else {"source_row": n}
    row["family_id"] = member.get("family-id") or row.get("family_id")
    if row.get("_error"):
        return {**row, **{k: v for k, v in own.items() if k.startswith("pub_") and v is not None}}
    for key, value in own.items():
        if value is not None and (key.startswith("pub_") or row.get(key) is None):
            row[key] = value
    if not row.get("pub_number"):
        return {**row, "_error": "family member without publication number", "_error_field": "pub_number"}
    row["legal_events"] = [_event(e) for e in _all(member, "legal")] or None
    return row


def _event(legal: etree._Element) -> dict[str, str | None]:
    fields: dict[str, str] = {}
    details: list[str] = []
    for child in legal:
        code = re.match(r"L(\d{3})", local_name(child))
        if code is None:
            continue
        if code.group(1) == "500":
            for detail in child:
                value = _text(detail)
                if value:
                    extra = detail.get("descData")
                    label = detail.get("desc") or local_name(detail)
                    details.append(f"{label}: {value}" + (f" ({extra})" if extra else ""))
        elif (value := _text(child)) is not None:
            fields.setdefault(code.group(1), value)
    desc = (legal.get("desc") or "").strip().rstrip(":").strip()
    description = "; ".join([desc, *details] if desc else details) or None
    return {
        "event_date": fields.get("007"),
        "code": (legal.get("code") or "").strip() or None,
        "description": description,
        "authority": fields.get("001"),
        "influence": (legal.get("infl") or "").strip() or None,
    }
