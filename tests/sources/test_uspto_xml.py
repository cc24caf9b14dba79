"""seip.sources.uspto_xml against the real USPTO files in ../shared/datasets, and cut/broken copies."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from types import FunctionType

import pyarrow as pa
import pytest

from seip.errors import SourceError, UnsupportedFormat
from seip.records.schema import FIELD_NAMES, RAW_ONLY
from seip.sources import uspto_xml

#: Every ICE XML file in the shared datasets, with its number of patent documents (measured once by
#: hand with ``grep -c '<us-patent-grant[ >]'`` / ``'<us-patent-application[ >]'``; the test recounts).
ICE_FILES: dict[str, int] = {
    "patentsview-db/ipg-weekly-excerpts/ipg050104.small.xml": 25,
    "patentsview-db/ipg-weekly-excerpts/ipg060103.small.xml": 25,  # 27 <?xml: 2 sequence listings
    "patentsview-db/ipg-weekly-excerpts/ipg070102.small.xml": 25,  # 26 <?xml: 1 sequence listing
    "patentsview-db/ipg-weekly-excerpts/ipg080101.small.xml": 25,
    "patentsview-db/ipg-weekly-excerpts/ipg090106.small.xml": 25,
    "patentsview-db/ipg-weekly-excerpts/ipg100105.small.xml": 25,
    "patentsview-db/ipg-weekly-excerpts/ipg110104.small.xml": 25,
    "patentsview-db/ipg-weekly-excerpts/ipg120103.small.xml": 25,
    "patentsview-db/ipg-weekly-excerpts/ipg130416.small.xml": 25,  # 27 <?xml: 2 sequence listings
    "patentsview-db/single-docs/ipa061228.one.xml": 1,
    "patentsview-db/single-docs/ipa130117.one.xml": 2,
    "patentsview-db/single-docs/ipg100824-hyphenated.xml": 1,
    "patentsview-db/single-docs/ipg120327.18.xml": 18,
    "patentsview-db/single-docs/ipg120327.196.xml": 196,
    "patentsview-db/single-docs/ipg120327.one.xml": 1,
    "uspto-ppd-samples/xml2004/US06859910.xml": 1,
    "uspto-ppd-samples/xml2004/US06970935.xml": 1,
    "uspto-ppd-samples/xml2006/US07272630B2.xml": 1,
    "uspto-ppd-samples/xml2014/US08926509.xml": 1,
    "uspto-ppd-samples/xml2014/US08927118.xml": 1,
    "uspto-ppd-samples/xml2014/US08930553.xml": 1,
    "uspto-ppd-samples/xmlApp2004/US20050004437A1.xml": 1,
    "uspto-ppd-samples/xmlApp2004/US20050004974A1.xml": 1,
}

#: USPTO files seip refuses, with a word the refusal sentence must contain.
REFUSED: dict[str, str] = {
    "uspto-ppd-samples/greenbook/US03932709.greenbook": "Green Book",
    "uspto-ppd-samples/greenbook/US03937375.greenbook": "Green Book",
    "uspto-ppd-samples/greenbook/US04347903.greenbook": "Green Book",
    "uspto-ppd-samples/sgml/US06336130.xml": "PATDOC",
    "uspto-ppd-samples/sgml/US06337117.xml": "PATDOC",
    "uspto-ppd-samples/sgml/USD435854S1.xml": "PATDOC",
    "uspto-ppd-samples/pap/US20010000044A1.xml": "pap-v15/v16",
    "uspto-ppd-samples/pap/US20010000943A1.xml": "pap-v15/v16",
    "uspto-ppd-samples/pap/US20010009014A1.xml": "pap-v15/v16",
    "patentsview-db/single-docs/pa040101.two.xml": "pap-v15/v16",
    "uspto-ppd-samples/xml4ip/sample_XML4IP.ZIP": "XML4IP",
    "uspto-ppd-samples/css_brs/css_brs_sample.txt": "BRS",
    "uspto-ppd-samples/cpcMaster/cpcMaster.xml": "CPC Master",
    "uspto-ppd-samples/cpcScheme/cpc-scheme-A01L.xml": "CPC scheme",
}

ROOT_TAG = re.compile(rb"<us-patent-(?:grant|application)[\s>]")


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(64 * 1024)


def _table(path: Path, **kw: int) -> pa.Table:
    return pa.Table.from_batches(list(uspto_xml.read(path, **kw)))


def _row(datasets: Path, rel: str, n: int = 1) -> dict:
    return _table(datasets / rel).to_pylist()[n - 1]


def _all_files(datasets: Path) -> list[Path]:
    dirs = ("patentsview-db", "uspto-ppd-samples", "epo-ops-samples", "cn-patent-container")
    return sorted(p for d in dirs for p in (datasets / d).rglob("*") if p.is_file() and p.name != "SOURCE.md")


# --- module surface --------------------------------------------------------------------------------------


def test_public_surface() -> None:
    assert uspto_xml.NAME == "uspto_xml"
    allowed = set(FIELD_NAMES) | set(RAW_ONLY)
    assert set(uspto_xml.COLUMNS) <= allowed
    public_functions = {
        n
        for n, v in vars(uspto_xml).items()
        if isinstance(v, FunctionType) and v.__module__ == uspto_xml.__name__ and not n.startswith("_")
    }
    assert public_functions == {"detect", "read", "refusal"}


@pytest.mark.shared_data
def test_ice_files_list_is_complete(datasets: Path) -> None:
    """Every ICE file in the datasets is in ICE_FILES (so new fixtures get counted too)."""
    found = {
        str(p.relative_to(datasets))
        for p in _all_files(datasets)
        if p.suffix == ".xml" and ROOT_TAG.search(p.read_bytes())
    }
    assert found == set(ICE_FILES)


# --- detect / refusal ------------------------------------------------------------------------------------


@pytest.mark.shared_data
def test_detect_every_shared_file(datasets: Path) -> None:
    """True exactly for the ICE files; False for older USPTO formats, EPO and the CN exports."""
    files = _all_files(datasets)
    assert len(files) > 60
    claimed = {str(p.relative_to(datasets)) for p in files if uspto_xml.detect(p, _head(p))}
    assert claimed == set(ICE_FILES)


@pytest.mark.shared_data
@pytest.mark.parametrize("rel", sorted(REFUSED), ids=lambda r: Path(r).name)
def test_refusal_names_the_format(datasets: Path, rel: str) -> None:
    path = datasets / rel
    message = uspto_xml.refusal(_head(path))
    assert message is not None and REFUSED[rel] in message
    assert "not supported" in message
    assert "\n" not in message
    assert not uspto_xml.detect(path, _head(path))
    with pytest.raises(UnsupportedFormat, match=re.escape(str(path))):
        list(uspto_xml.read(path))


@pytest.mark.shared_data
def test_refusal_is_silent_for_everything_else(datasets: Path) -> None:
    for path in _all_files(datasets):
        rel = str(path.relative_to(datasets))
        if rel not in REFUSED:
            assert uspto_xml.refusal(_head(path)) is None, rel


def test_refusal_greenbook_with_header_line() -> None:
    assert "Green Book" in (uspto_xml.refusal(b"HHHHHT APS1\nPATN\nWKU  039373754\n") or "")


# --- reading the real files ------------------------------------------------------------------------------


@pytest.mark.shared_data
@pytest.mark.parametrize("rel", sorted(ICE_FILES), ids=lambda r: Path(r).name)
def test_document_count(datasets: Path, rel: str) -> None:
    path = datasets / rel
    expected = len(ROOT_TAG.findall(path.read_bytes()))
    assert expected == ICE_FILES[rel]
    table = _table(path)
    assert table.num_rows == expected
    assert table.column("source_row").to_pylist() == list(range(1, expected + 1))
    assert table.column("_error").null_count == expected
    assert table.column("pub_number").null_count == 0
    assert set(table.column("pub_country").to_pylist()) == {"US"}
    assert all(re.fullmatch(r"\d{8}", d) for d in table.column("pub_date").to_pylist())


@pytest.mark.shared_data
def test_one_schema_for_every_file(datasets: Path) -> None:
    schemas = {_table(datasets / rel).schema for rel in ICE_FILES}
    assert len(schemas) == 1
    schema = schemas.pop()
    assert schema.field("source_row").type == pa.int64()
    assert schema.field("ipc").type == pa.list_(pa.string())
    assert schema.field("pub_date").type == pa.string()
    assert "legal_events" not in schema.names  # USPTO full text has no legal events


@pytest.mark.shared_data
def test_weekly_file_with_sequence_listings(datasets: Path, caplog: pytest.LogCaptureFixture) -> None:
    """ipg060103: 27 XML declarations, 25 grants; the 2 sequence-cwu sub-documents are skipped and logged."""
    path = datasets / "patentsview-db/ipg-weekly-excerpts/ipg060103.small.xml"
    assert path.read_bytes().count(b"<?xml") == 27
    with caplog.at_level(logging.INFO, logger="seip.sources.uspto_xml"):
        table = _table(path)
    assert table.num_rows == 25
    assert "2 embedded sub-documents skipped" in caplog.text
    assert table.column("pub_number").to_pylist()[0] == "D0513425"  # line 8
    assert table.column("title").to_pylist()[0] == "Skateboard"  # line 32


@pytest.mark.shared_data
def test_batches(datasets: Path) -> None:
    path = datasets / "patentsview-db/single-docs/ipg120327.196.xml"
    batches = list(uspto_xml.read(path, batch_size=50))
    assert [b.num_rows for b in batches] == [50, 50, 50, 46]
    assert pa.Table.from_batches(batches).equals(_table(path))
    with pytest.raises(ValueError):
        list(uspto_xml.read(path, batch_size=0))


@pytest.mark.shared_data
def test_values_ipg120327_one(datasets: Path) -> None:
    """ipg120327.one.xml: design patent D656,296 (v4.2)."""
    row = _row(datasets, "patentsview-db/single-docs/ipg120327.one.xml")
    assert row["pub_number"] == "D0656296"  # line 11
    assert (row["pub_country"], row["pub_kind"], row["pub_date"]) == ("US", "S1", "20120327")  # lines 10-13
    assert (row["app_number"], row["app_date"]) == ("US29381217", "20101216")  # lines 18-20
    assert row["grant_date"] == "20120327"
    assert row["patent_type"] == "design"  # line 16 appl-type
    assert row["title"] == row["title_en"] == "Ready to eat snack piece"  # line 40, wrapped over 2 lines
    assert row["applicants"] == ["Frito-Lay North America, Inc."]  # line 959, assignee orgname
    assert row["applicant_address"] == "Plano, TX, US"
    assert row["applicant_country"] == "US"
    assert row["inventors"] == ["Nicole Cavin", "Divya Paruchuri", "Michael Zbuchalski"]  # lines 875-912
    assert row["claims_count"] == "1"  # line 663 number-of-claims
    assert (
        row["first_claim"] == "The ornamental design for a ready to eat snack piece, as shown and described."
    )
    assert row["cites_count"] == "42"  # 42 <citation>
    assert row["ipc"] is None and row["abstract"] is None  # designs carry Locarno classes, no abstract


@pytest.mark.shared_data
def test_values_v45_grant(datasets: Path) -> None:
    """US08927118 (v4.5): IPCR and CPC assembled from split elements, assignee over us-applicants."""
    row = _row(datasets, "uspto-ppd-samples/xml2014/US08927118.xml")
    assert (row["pub_number"], row["pub_kind"], row["pub_date"]) == ("08927118", "B2", "20150106")
    assert (row["app_number"], row["app_date"]) == ("US13349377", "20120112")
    assert row["priority_date"] == "20080605"  # JP 2008-148514
    assert row["patent_type"] == "utility"
    assert row["title"].startswith("Material for organic electroluminescence device and")
    assert row["ipc"][:3] == ["H05B 33/14", "C07D 495/04", "C07D 307/91"]  # symbol-position F first
    assert len(row["ipc"]) == 9
    assert row["cpc"][:2] == ["C07D 493/04", "C07D 487/04"]  # main-cpc first
    assert "H01L 51/0055" in row["cpc"]
    assert row["claims_count"] == "45"
    assert row["first_claim"].startswith(
        "1. A material for an organic electroluminescence device represented by the formula (5): "
        "wherein: X5 and X6 represent N—R1;"
    )
    assert row["applicants"] == ["Idemitsu Kosan Co., Ltd."]
    assert (row["applicant_country"], row["applicant_address"]) == ("JP", "Tokyo, JP")
    assert row["inventors"] == [
        "Tomoki Kato",
        "Masaki Numata",
        "Kazuki Nishimura",
        "Toshihiro Iwakuma",
        "Chishio Hosokawa",
    ]
    assert row["abstract"].startswith("Provided are an organic electroluminescence device, which shows")
    assert row["abstract_en"] == row["abstract"]


@pytest.mark.shared_data
def test_values_v40_grant(datasets: Path) -> None:
    """US06859910 (v4.0): classification-ipc 'G06F015/00' unpacked, inventor from applicant-inventor."""
    row = _row(datasets, "uspto-ppd-samples/xml2004/US06859910.xml")
    assert row["pub_number"] == "06859910"
    assert row["ipc"] == ["G06F 15/00", "G06F 17/00", "G06F 17/21", "G06F 17/24"]
    assert row["cpc"] is None
    assert row["applicants"] == ["Bluestreak.com"]  # assignee without addressbook
    assert row["applicant_country"] is None
    assert row["inventors"] == ["John Charles Croy"]
    assert row["claims_count"] == "2"
    assert row["cites_count"] == "8"


@pytest.mark.shared_data
def test_values_packed_ipc_weekly(datasets: Path) -> None:
    """ipg050104 document 1 (06836899): IPC written 'A45F  504' (line 26) means A45F 5/04."""
    row = _row(datasets, "patentsview-db/ipg-weekly-excerpts/ipg050104.small.xml")
    assert row["pub_number"] == "06836899"  # line 8
    assert row["ipc"] == ["A45F 5/04"]
    assert row["title"] == "Device for detachably holding an absorbent napkin across the torso"


@pytest.mark.shared_data
def test_values_applications(datasets: Path) -> None:
    rows = _table(datasets / "patentsview-db/single-docs/ipa130117.one.xml").to_pylist()
    assert [r["pub_number"] for r in rows] == ["20130014308", "20130014306"]
    assert [r["pub_kind"] for r in rows] == ["A1", "A1"]
    assert rows[0]["title"] == "TYPING-MATE"
    assert rows[1]["title"] == "TACTICAL MIXED MARTIAL ARTS GLOVE"
    assert rows[0]["grant_date"] is None and rows[0]["cites_count"] is None
    assert rows[0]["ipc"] == ["A41D 13/08"]
    assert rows[0]["applicants"] == ["Yennifer Feliciano"]  # individual assignee, "First Last"
    app = _row(datasets, "uspto-ppd-samples/xmlApp2004/US20050004437A1.xml")
    assert app["priority_date"] == "20011026"  # CH 1974/01
    assert app["applicants"] == app["inventors"] == ["Heiner Kaufmann", "Thomas Vering"]  # no assignee
    assert app["ipc"] == ["A61B 5/00"]  # 'A61B005/00', edition 07
    assert app["applicant_address"] == "Bern, CH"


@pytest.mark.shared_data
def test_values_hyphenated_names(datasets: Path) -> None:
    row = _row(datasets, "patentsview-db/single-docs/ipg100824-hyphenated.xml")
    assert row["pub_number"] == "07783348"
    assert row["inventors"] == ["Jagjit Gill", "Kin-Joe Sham", "Bryan Armitage"]
    assert row["applicants"] == ["OrthoCor Medical, Inc."]
    assert row["ipc"] == ["A61N 1/18"]


# --- broken input ----------------------------------------------------------------------------------------


@pytest.mark.shared_data
def test_truncated_file_raises_before_yielding(datasets: Path, tmp_path: Path) -> None:
    """Decision: a file cut inside its last document is an interrupted download → SourceError, no rows."""
    data = (datasets / "patentsview-db/single-docs/ipg120327.18.xml").read_bytes()
    cut = tmp_path / "ipg120327.cut.xml"
    cut.write_bytes(data[:-5000])
    reader = uspto_xml.read(cut)
    with pytest.raises(SourceError, match=r"ipg120327\.cut\.xml: truncated: document 18 \(D0656313\)"):
        next(reader)
    cut.write_bytes(data[: data.rindex(b"</us-patent-grant>")])
    with pytest.raises(SourceError, match="document 18"):
        list(uspto_xml.read(cut))


@pytest.mark.shared_data
def test_malformed_document_becomes_error_row(datasets: Path, tmp_path: Path) -> None:
    data = (datasets / "patentsview-db/single-docs/ipg120327.18.xml").read_bytes()
    docs = data.split(b"<?xml ")
    assert len(docs) == 19  # empty head + 18 documents
    docs[3] = docs[3].replace(b"</invention-title>", b"</invention-titel>", 1)  # document 3
    docs[5] = re.sub(
        rb"<publication-reference>.*?</publication-reference>", b"", docs[5], count=1, flags=re.S
    )
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<?xml ".join(docs))
    table = _table(bad)
    assert table.num_rows == 18
    errors = [r for r in table.to_pylist() if r["_error"]]
    assert [r["source_row"] for r in errors] == [3, 5]
    assert errors[0]["pub_number"] == "D0656298"  # identified although the XML is broken
    assert "not well-formed" in errors[0]["_error"] and "invention-titel" in errors[0]["_error"]
    assert errors[0]["title"] is None
    assert errors[1]["_error_field"] == "pub_number"
    good = [r for r in table.to_pylist() if not r["_error"]]
    assert len(good) == 16 and all(r["pub_number"] and r["title"] for r in good)


@pytest.mark.shared_data
def test_entities_and_glued_documents(datasets: Path, tmp_path: Path) -> None:
    """Undeclared/external entity references do not break a document; '<?xml' mid-line still splits."""
    data = (datasets / "patentsview-db/single-docs/ipg120327.one.xml").read_bytes()
    doc = data.replace(
        b"[ ]>", b'[\n<!ENTITY US-SEQ SYSTEM "US-SEQ.XML" NDATA XML>\n<!ENTITY seq SYSTEM "seq.xml">\n]>', 1
    ).replace(b"Ready to eat snack", b"&lsqb;Ready&rsqb; to eat &seq;snack", 1)
    assert doc != data
    glued = tmp_path / "glued.xml"
    glued.write_bytes(doc.rstrip() + doc)  # second <?xml on the closing line of the first
    rows = _table(glued).to_pylist()
    assert len(rows) == 2 and not rows[0]["_error"] and not rows[1]["_error"]
    assert rows[0]["title"] == "[Ready] to eat snack piece"


def test_not_uspto(tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_bytes(b'<?xml version="1.0"?><root/>')
    assert not uspto_xml.detect(other, other.read_bytes())
    with pytest.raises(SourceError, match="not USPTO ICE"):
        list(uspto_xml.read(other))
