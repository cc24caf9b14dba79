"""seip.sources.epo_xml against the real EPO OPS responses in ../shared/datasets, and broken copies."""

from __future__ import annotations

import re
from pathlib import Path
from types import FunctionType

import pyarrow as pa
import pytest

from seip.errors import SourceError, UnsupportedFormat
from seip.records.schema import EVENT_STRUCT, FIELD_NAMES, RAW_ONLY
from seip.sources import epo_xml

OPS = "epo-ops-samples"

#: Files that hold records, with the number of rows (measured once by hand: exchange-document elements,
#: or ops:family-member elements for family/legal responses; the test recounts with a regex).
RECORD_FILES: dict[str, int] = {
    "published/biblio_example.xml": 1,
    "published/biblio_example_2.xml": 1,
    "published/biblio_example_3.xml": 1,
    "published/biblio_example_4.xml": 1,
    "published/ep1000000_abstract_result.xml": 1,
    "published/ep1000000_full_cycle_result.xml": 2,
    "published/full_cycle_example.xml": 2,
    "family/family_input.xml": 6,
    "legal/example_1.xml": 1,
    "legal/example_2.xml": 1,
    "legal/example_3.xml": 1,
}

#: OPS responses without records, with a word their refusal sentence must contain.
REFUSED: dict[str, str] = {
    "published/claims_example.xml": "full-text",
    "published/claims_example_2.xml": "full-text",
    "published/description_example.xml": "full-text",
    "published/image_example.xml": "image inquiry",
    "published/search_example.xml": "biblio constituent",
}

#: Not OPS XML at all (patent_client's JSON outputs stored under .xml names, and an .xlsx).
NEITHER = (
    "published/ep1000000_description_result.xml",
    "published/search_result.xml",
    "legal/legal_code_descriptions_202417.xlsx",
)

MEMBER_TAG = re.compile(rb"<ops:family-member[\s>]")
EXCHANGE_TAG = re.compile(rb"<exchange-document[\s>]")


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(64 * 1024)


def _table(path: Path, **kw: int) -> pa.Table:
    return pa.Table.from_batches(list(epo_xml.read(path, **kw)))


def _rows(datasets: Path, rel: str) -> list[dict]:
    return _table(datasets / OPS / rel).to_pylist()


def test_public_surface() -> None:
    assert epo_xml.NAME == "epo_ops_xml"
    assert set(epo_xml.COLUMNS) <= set(FIELD_NAMES) | set(RAW_ONLY)
    public_functions = {
        n
        for n, v in vars(epo_xml).items()
        if isinstance(v, FunctionType) and v.__module__ == epo_xml.__name__ and not n.startswith("_")
    }
    assert public_functions == {"detect", "read", "refusal"}


@pytest.mark.shared_data
def test_every_ops_file_is_classified(datasets: Path) -> None:
    files = {str(p.relative_to(datasets / OPS)) for p in (datasets / OPS).rglob("*") if p.is_file()}
    assert files - {"SOURCE.md"} == set(RECORD_FILES) | set(REFUSED) | set(NEITHER)


@pytest.mark.shared_data
def test_detect_every_shared_file(datasets: Path) -> None:
    """True exactly for the OPS record files; False for USPTO, the CN exports and record-less responses."""
    dirs = ("epo-ops-samples", "patentsview-db", "uspto-ppd-samples", "cn-patent-container")
    files = sorted(
        p for d in dirs for p in (datasets / d).rglob("*") if p.is_file() and p.name != "SOURCE.md"
    )
    assert len(files) > 60
    claimed = {str(p.relative_to(datasets)) for p in files if epo_xml.detect(p, _head(p))}
    assert claimed == {f"{OPS}/{rel}" for rel in RECORD_FILES}
    for path in files:
        rel = str(path.relative_to(datasets / OPS)) if path.is_relative_to(datasets / OPS) else ""
        if rel not in REFUSED:
            assert epo_xml.refusal(_head(path)) is None, path


@pytest.mark.shared_data
@pytest.mark.parametrize("rel", sorted(REFUSED), ids=lambda r: Path(r).name)
def test_refusal(datasets: Path, rel: str) -> None:
    path = datasets / OPS / rel
    message = epo_xml.refusal(_head(path))
    assert message is not None and REFUSED[rel] in message and "\n" not in message
    with pytest.raises(UnsupportedFormat, match=re.escape(path.name)):
        list(epo_xml.read(path))


def test_refusal_of_an_ops_fault() -> None:
    fault = (
        b'<?xml version="1.0"?><fault xmlns="http://ops.epo.org"><code>SERVER.EntityNotFound</code></fault>'
    )
    assert epo_xml.refusal(fault) == "EPO OPS error response (SERVER.EntityNotFound), not patent data."


@pytest.mark.shared_data
@pytest.mark.parametrize("rel", sorted(RECORD_FILES), ids=lambda r: Path(r).name)
def test_record_count(datasets: Path, rel: str) -> None:
    data = (datasets / OPS / rel).read_bytes()
    expected = len(MEMBER_TAG.findall(data)) or len(EXCHANGE_TAG.findall(data))
    assert expected == RECORD_FILES[rel]
    table = _table(datasets / OPS / rel)
    assert table.num_rows == expected
    assert table.column("source_row").to_pylist() == list(range(1, expected + 1))
    assert table.column("_error").null_count == expected
    assert table.column("pub_number").null_count == 0
    assert table.column("family_id").null_count == (1 if "abstract_result" in rel else 0)


@pytest.mark.shared_data
def test_one_schema_for_every_file(datasets: Path) -> None:
    schemas = {_table(datasets / OPS / rel).schema for rel in RECORD_FILES}
    assert len(schemas) == 1
    schema = schemas.pop()
    assert schema.field("legal_events").type == pa.list_(EVENT_STRUCT)
    assert schema.field("family_countries").type == pa.list_(pa.string())
    assert schema.field("source_row").type == pa.int64()


@pytest.mark.shared_data
def test_values_biblio_au(datasets: Path) -> None:
    """biblio_example_3.xml: AU2013290010A1 (docdb ids, original-format names, IPCR text, CPC elements)."""
    (row,) = _rows(datasets, "published/biblio_example_3.xml")
    assert (row["pub_country"], row["pub_number"], row["pub_kind"]) == ("AU", "2013290010", "A1")
    assert row["pub_date"] == "20150205"
    assert row["family_id"] == "49448571"
    assert (row["app_number"], row["app_date"]) == ("AU2013290010", "20130712")  # date from epodoc id
    assert row["priority_date"] == "20120712"  # US201213547826, earlier of two
    assert row["title"] == row["title_en"] == "Novel fuel composition"
    assert row["abstract"].startswith("This invention relates to fuel compositions for use in combustion")
    # original format preferred; trailing ", " cut; case-insensitive duplicates (sequence 4-6) dropped
    assert row["applicants"] == ["PRIMUS GREEN ENERGY INC", "BLUESCAPE CLEAN FUELS, LLC"]
    assert row["inventors"] == ["FANG, HOWARD L", "QIN, MEIFANG", "BEN-REUVEN, MOSHE"]
    assert row["applicant_country"] is None  # the epodoc name 'PRIMUS GREEN ENERGY INC' has no [XX]
    assert row["ipc"] == ["C10L 1/00"]  # 'C10L   1/    00            A I'
    assert row["cpc"][:2] == ["C07C 1/047", "C10L 1/04"]  # duplicates from other offices dropped
    assert len(row["cpc"]) == 6
    assert row["cites_count"] is None  # no references-cited element
    assert row["legal_events"] is None


@pytest.mark.shared_data
def test_values_biblio_us_and_jp(datasets: Path) -> None:
    (us,) = _rows(datasets, "published/biblio_example.xml")
    assert (us["pub_country"], us["pub_number"], us["pub_kind"]) == ("US", "2006142694", "A1")
    assert (
        us["app_number"] == "US11023667"
    )  # original 11023667: series 11, serial 023667 (docdb 2366704 = serial + year)
    assert us["applicants"] == ["ST. JUDE MEDICAL, ATRIAL FIBRILLATION DIVISION, INC"]
    assert us["title"] == "Bi-directional steerable catheter control handle"
    assert us["ipc"] == ["A61M 31/00"]
    assert us["cites_count"] == "99"  # 99 <citation> elements
    (jp,) = _rows(datasets, "published/biblio_example_2.xml")
    assert (jp["pub_country"], jp["pub_number"], jp["pub_kind"]) == ("JP", "2005533465", "A")
    assert jp["title"] is None and jp["applicants"] is None  # <parties/>, no title in the response
    assert jp["ipc"][0] == "G06T 9/00" and len(jp["ipc"]) == 8
    assert jp["priority_date"] == "20020715"
    assert jp["cites_count"] == "2"
    (us4,) = _rows(datasets, "published/biblio_example_4.xml")
    assert us4["applicant_country"] == "US"  # 'FANG HOWARD L [US]' (epodoc)
    assert us4["applicants"][-1] == "PRIMUS GREEN ENERGY INC"
    assert us4["title"] == "SINGLE LOOP MULTISTAGE FUEL PRODUCTION"
    assert "C07C 29/151" in us4["cpc"]
    assert not any(s.startswith("585") for s in us4["cpc"])  # scheme UC (US classes) left out


@pytest.mark.shared_data
def test_values_full_cycle(datasets: Path) -> None:
    a1, b1 = _rows(datasets, "published/full_cycle_example.xml")
    assert [(r["pub_number"], r["pub_kind"], r["pub_date"]) for r in (a1, b1)] == [
        ("1000000", "A1", "20000517"),
        ("1000000", "B1", "20030212"),
    ]
    # three titles (de, fr, en): English is preferred when there is no Chinese one
    assert (
        a1["title"]
        == a1["title_en"]
        == "Apparatus for manufacturing green bricks for the brick manufacturing industry"
    )
    assert a1["applicants"] == ["BEHEERMAATSCHAPPIJ DE BOER NIJMEGEN B.V"]
    assert a1["applicant_country"] == "NL"  # 'BOER BEHEER NIJMEGEN BV DE [NL]'
    assert a1["inventors"] == ["KOSMAN, WILHELMUS JACOBUS MARIA"]
    assert (a1["app_number"], a1["app_date"], a1["priority_date"]) == ("EP99203729", "19991108", "19981112")
    assert a1["ipc"] == ["B28B 1/29", "B28B 5/02", "B28B 7/00", "H02P 6/08"]
    assert a1["abstract"].endswith("on at least one side of the green bricks. <IMAGE>")
    assert b1["abstract"] is None


@pytest.mark.shared_data
def test_values_family(datasets: Path) -> None:
    rows = _rows(datasets, "family/family_input.xml")
    assert [(r["pub_country"], r["pub_number"], r["pub_kind"]) for r in rows] == [
        ("EP", "1000000", "A1"),
        ("EP", "1000000", "B1"),
        ("AT", "232441", "T"),
        ("DE", "69905327", "D1"),
        ("NL", "1010536", "C2"),
        ("US", "6093011", "A"),
    ]
    assert {r["family_id"] for r in rows} == {"19768124"}
    assert {r["family_size"] for r in rows} == {"6"}
    assert rows[0]["family_countries"] == ["EP", "AT", "DE", "NL", "US"]
    assert rows[0]["priority_date"] == "19981112"  # NL 1010536
    assert rows[2]["app_number"] == "AT99203729"
    assert all(r["legal_events"] is None for r in rows)


@pytest.mark.shared_data
@pytest.mark.parametrize("rel", ["legal/example_1.xml", "legal/example_2.xml", "legal/example_3.xml"])
def test_legal_event_count(datasets: Path, rel: str) -> None:
    data = (datasets / OPS / rel).read_bytes()
    (row,) = _rows(datasets, rel)
    assert len(row["legal_events"]) == len(re.findall(rb"<ops:legal\s", data))
    assert all(e["code"] and e["event_date"] and e["authority"] for e in row["legal_events"])


@pytest.mark.shared_data
def test_values_legal(datasets: Path) -> None:
    (ep,) = _rows(datasets, "legal/example_1.xml")
    assert (ep["pub_country"], ep["pub_number"], ep["pub_kind"]) == ("EP", "1000000", "A1")
    assert len(ep["legal_events"]) == 50
    assert ep["legal_events"][0] == {  # first <ops:legal code="17Q ">
        "event_date": "2002-06-05",
        "code": "17Q",
        "description": "FIRST EXAMINATION REPORT DESPATCHED; Effective DATE: 20020423",
        "authority": "EP",
        "influence": "+",
    }
    reg = ep["legal_events"][2]  # REG with an L502 descData
    assert reg["code"] == "REG" and reg["influence"] is None
    assert reg["description"] == (
        "REFERENCE TO A NATIONAL CODE; Ref Country Code: CH; "
        "Ref Legal Event Code: EP (EUROPEAN PATENT TAKES EFFECT AS A NATIONAL PATENT IN CH/LI)"
    )
    assert sum(e["code"] == "PG25" for e in ep["legal_events"]) == 19
    assert ep["family_size"] == "6"  # total-result-count: the response lists 1 of 6 members
    assert ep["family_countries"] is None  # would be incomplete
    (us,) = _rows(datasets, "legal/example_3.xml")
    assert (us["pub_country"], us["pub_number"], us["pub_kind"]) == ("US", "10465445", "B2")
    assert us["priority_date"] == "20130205"  # the provisional 201361761070 P
    assert us["legal_events"][0]["code"] == "AS"
    assert us["legal_events"][0]["authority"] == "US"
    assert "PATENTED CASE" in " ".join(e["description"] for e in us["legal_events"])


def _exchange_doc(title_xml: str = "", pub: str = "", status: str = "") -> str:
    pub = pub or (
        '<publication-reference><document-id document-id-type="docdb"><country>CN</country>'
        "<doc-number>112345678</doc-number><kind>A</kind><date>20201201</date></document-id>"
        "</publication-reference>"
    )
    attrs = ' country="CN" doc-number="112345678" kind="A"' + (f' status="{status}"' if status else "")
    return (
        f'<exchange-document system="ops.epo.org" family-id="1"{attrs}>'
        f"<bibliographic-data>{pub}{title_xml}</bibliographic-data></exchange-document>"
    )


def _response(*docs: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<ops:world-patent-data xmlns="http://www.epo.org/exchange" xmlns:ops="http://ops.epo.org">'
        f"<exchange-documents>{''.join(docs)}</exchange-documents></ops:world-patent-data>\n"
    ).encode()


def test_chinese_title_preferred(tmp_path: Path) -> None:
    titles = (
        '<invention-title lang="en">Data method</invention-title>'
        '<invention-title lang="zh">数据方法</invention-title>'
    )
    path = tmp_path / "zh.xml"
    path.write_bytes(_response(_exchange_doc(titles)))
    (row,) = _table(path).to_pylist()
    assert (row["title"], row["title_en"]) == ("数据方法", "Data method")
    assert (row["pub_country"], row["pub_number"], row["pub_kind"]) == ("CN", "112345678", "A")


def test_bad_documents_become_error_rows(tmp_path: Path) -> None:
    path = tmp_path / "mixed.xml"
    no_pub = "<publication-reference/>"
    path.write_bytes(
        _response(
            _exchange_doc(), _exchange_doc(status="not found"), _exchange_doc(pub=no_pub), _exchange_doc()
        )
    )
    rows = _table(path).to_pylist()
    assert len(rows) == 4
    assert [r["_error"] is not None for r in rows] == [False, True, False, False]
    assert "not found" in rows[1]["_error"] and rows[1]["pub_number"] == "112345678"
    assert rows[2]["pub_number"] == "112345678"  # fell back to the exchange-document attributes
    empty = tmp_path / "nopub.xml"
    empty.write_bytes(
        _response(_exchange_doc(), _exchange_doc(pub=no_pub).replace('doc-number="112345678"', ""))
    )
    rows = _table(empty).to_pylist()
    assert rows[1]["_error_field"] == "pub_number" and rows[1]["source_row"] == 2
    assert rows[0]["_error"] is None


@pytest.mark.shared_data
def test_truncated_file_raises_before_yielding(datasets: Path, tmp_path: Path) -> None:
    """Decision: a cut-off OPS response fails as a whole (SourceError naming the file), nothing yielded."""
    data = (datasets / OPS / "published/full_cycle_example.xml").read_bytes()
    cut = tmp_path / "full_cycle.cut.xml"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceError, match=r"full_cycle\.cut\.xml: truncated"):
        next(epo_xml.read(cut))


@pytest.mark.shared_data
def test_broken_xml_inside_raises(datasets: Path, tmp_path: Path) -> None:
    """An OPS response is one XML document: a syntax error anywhere fails the file, with the record index."""
    data = (datasets / OPS / "published/full_cycle_example.xml").read_bytes()
    broken = tmp_path / "broken.xml"
    i = data.rindex(b"</invention-title>")  # in the second exchange document
    broken.write_bytes(data[:i] + b"</invention-titel>" + data[i + len(b"</invention-title>") :])
    with pytest.raises(SourceError, match=r"broken\.xml: not well-formed XML after record 1"):
        list(epo_xml.read(broken))


@pytest.mark.shared_data
def test_family_batches_are_cut_to_size(datasets: Path) -> None:
    batches = list(epo_xml.read(datasets / OPS / "family/family_input.xml", batch_size=4))
    assert [b.num_rows for b in batches] == [4, 2]
    assert pa.Table.from_batches(batches).column("family_size").to_pylist() == ["6"] * 6


def test_batches_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "five.xml"
    path.write_bytes(_response(*[_exchange_doc()] * 5))
    assert [b.num_rows for b in epo_xml.read(path, batch_size=2)] == [2, 2, 1]
    with pytest.raises(ValueError):
        list(epo_xml.read(path, batch_size=0))
    other = tmp_path / "other.xml"
    other.write_bytes(b'<?xml version="1.0"?><root/>')
    with pytest.raises(SourceError, match="not EPO OPS XML"):
        list(epo_xml.read(other))


@pytest.mark.shared_data
def test_us_application_numbers_never_take_the_docdb_form(datasets: Path) -> None:
    """docdb writes US applications before 2014 as serial + year (94268010); seip's form is series + serial."""
    got = {}
    for f in sorted((datasets / "epo-ops-samples").rglob("*.xml")):
        if not epo_xml.detect(f, _head(f)):
            continue
        for batch in epo_xml.read(f):
            for r in batch.to_pylist():
                if r.get("pub_country") == "US":
                    got[r["pub_number"]] = r["app_number"]
    assert got.get("2012116137") == "US12942680"  # original doc-number 12942680 (docdb 94268010)
    for app in got.values():
        assert app is None or len(app) in (10, 13), (
            app
        )  # US + 8 (series + serial) or US + EPODOC year + serial
