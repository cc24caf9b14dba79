"""Publication and application numbers (seip.records.numbers), with values taken from the real exports."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from seip.records.numbers import country_of, normalize_app_number, normalize_pub_number, split_pub_number
from tests.records._exports import export_files as _export_files
from tests.records._exports import table as _table


# -- publication numbers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # incopat/chatbot_2798.xlsx 公开（公告）号
        ("CN116074834A", "CN116074834A"),
        ("US20230137166A1", "US20230137166A1"),
        ("US11641384B1", "US11641384B1"),
        ("US62355199P0", "US62355199P0"),
        ("WO2021149296A1", "WO2021149296A1"),
        ("EP3624136A1", "EP3624136A1"),
        ("KR1020220095108A", "KR1020220095108A"),
        ("KR102521398B1", "KR102521398B1"),
        ("KR3011943920000S", "KR3011943920000S"),
        ("JP2023058592A", "JP2023058592A"),
        ("JP7245478B1", "JP7245478B1"),
        ("JP07119769B2", "JP7119769B2"),  # incoPat pads JP patent numbers to 8 digits
        ("JPWO2022059172A1", "JPWO2022059172A1"),
        ("TW202137032A", "TW202137032A"),
        ("TWI755301B", "TWI755301B"),
        ("TWM633556U", "TWM633556U"),
        ("GB201713939D0", "GB201713939D0"),
        ("DE202023000397U1", "DE202023000397U1"),
        ("HK1250459A", "HK1250459A"),
        ("IN202321025129A", "IN202321025129A"),
        # incopat/ford_autodriving_7552.xlsx
        ("CN1701986A", "CN1701986A"),
        ("CN100587158C", "CN100587158C"),
        ("US5433384A", "US5433384A"),
        ("US32239A", "US32239A"),
        ("USRE044559E", "USRE44559E"),
        ("WO0040934A1", "WO0040934A1"),
        ("WO03103424A1", "WO03103424A1"),
        ("EP870952A1", "EP870952A1"),
        ("EP1007A1", "EP1007A1"),
        ("DE60225102T2", "DE60225102T2"),
        ("DE4340289A1", "DE4340289A1"),
        ("DE112017007003T5", "DE112017007003T5"),
        ("GB962524A", "GB962524A"),
        ("GB191410095A", "GB191410095A"),
        ("FR950368A", "FR950368A"),
        ("RU2738750C1", "RU2738750C1"),
        ("BRPI9712112A", "BRPI9712112A"),
        ("IN5974CHE2015A", "IN5974CHE2015A"),
        ("KR200355971Y1", "KR200355971Y1"),
        # incopat/iflytek_3816.xlsx
        ("CN2938319Y", "CN2938319Y"),
        ("CN3492224D", "CN3492224D"),
        ("CN308051751S", "CN308051751S"),
        # patentics-csv/*.csv 公开号
        ("WO2018022375", "WO2018022375"),  # autodriving_fleet.csv: no kind code
        ("EP3376249", "EP3376249"),  # autodriving_fleet.csv
        ("KR20200019840A", "KR20200019840A"),  # autodriving_fleet.csv
        ("JPH02110606A", "JPH02110606A"),  # autodriving_fleet.csv
        ("AUPR547701A0", "AUPR547701A0"),  # global_cruise.csv
        ("WO2005098886B1", "WO2005098886B1"),  # global_cruise.csv
        ("USD363980S", "USD363980S"),  # global_cruise.csv
        ("USD954688", "USD954688"),  # global_aptiv.csv
        ("USRE48961E1", "USRE48961E1"),  # global_waymo.csv
        ("SG11201811437UA", "SG11201811437UA"),  # global_didi.csv: SG check letter U + kind A
        ("HK22201139M001S", "HK22201139M001S"),  # global_didi.csv
        ("TW201909138", "TW201909138"),  # global_didi.csv
        # patentics-xlsx/drone_us_apps_part2.xlsx (column "Patentics")
        ("US7854410", "US7854410"),
        ("US20200062390A1", "US20200062390A1"),  # drone_us_apps_part3.xlsx
        # spellings: spaces, dots, slashes, hyphens, lower case, full width
        ("CN 116074834 A", "CN116074834A"),
        ("cn116074834a", "CN116074834A"),
        ("ＣＮ１１６０７４８３４Ａ", "CN116074834A"),
        ("EP 1 000 000 A1", "EP1000000A1"),
        ("US 2005/0004437 A1", "US20050004437A1"),
        ("US2005/0004437", "US20050004437A1"),
        ("US-8,927,118-B2", "US8927118B2"),
        ("WO 2020/123456 A1", "WO2020123456A1"),
        ("WO2020/1234", "WO2020001234"),
        ("WO 00/40934 A1", "WO0040934A1"),
        ("KR10-2022-0095108A", "KR1020220095108A"),
        ("JP2020-123456A", "JP2020123456A"),
        ("HK1234567A1", "HK1234567A1"),
        ("GB2567890A", "GB2567890A"),
        ("FR3081234A1", "FR3081234A1"),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_normalize_pub_number(raw: str | None, expected: str | None) -> None:
    assert normalize_pub_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "country", "kind", "expected"),
    [
        ("08927118", "US", "B2", "US8927118B2"),  # uspto-ppd-samples/xml2014/US08927118.xml
        ("06336130", "US", "B1", "US6336130B1"),  # uspto-ppd-samples/sgml/US06336130.xml B110/B130
        ("D0558934", "US", "S1", "USD558934S1"),  # patentsview-db ipg weekly excerpts (design grants)
        ("D0435854", "us", "S", "USD435854S"),
        ("RE040761", "US", "E", "USRE40761E"),
        ("PP012345", "US", "P2", "USPP12345P2"),
        ("20050004437", "US", "A1", "US20050004437A1"),  # uspto-ppd-samples/xmlApp2004/US20050004437A1.xml
        ("20050004437", "US", None, "US20050004437A1"),  # pre-grant publication without kind → A1
        ("2006142694", "US", "A1", "US20060142694A1"),  # epo-ops-samples/published/biblio_example.xml (docdb)
        ("039373754", "US", None, "US3937375"),  # uspto-ppd-samples/greenbook/US03937375.greenbook WKU
        ("1000000", "EP", "A1", "EP1000000A1"),  # epo-ops-samples/legal/example_1.xml (docdb)
        ("EP1000000", None, "B1", "EP1000000B1"),  # epodoc number + kind
        ("0680812", "EP", "A1", "EP680812A1"),  # epo-ops-samples/published/full_cycle_example.xml patcit
        ("2009085664", "WO", "A2", "WO2009085664A2"),  # epo-ops-samples/published/claims_example_2.xml
        ("2020/123456", "WO", "A1", "WO2020123456A1"),
        ("232441", "AT", "T", "AT232441T"),  # epo-ops-samples/family/family_input.xml
        ("69905327", "DE", "D1", "DE69905327D1"),  # epo-ops-samples/family/family_input.xml
        ("1010536", "NL", "C2", "NL1010536C2"),  # epo-ops-samples/family/family_input.xml
        ("2005533465", "JP", "A", "JP2005533465A"),  # epo-ops-samples/published/biblio_example_2.xml
        ("US8927118B2", "US", "B2", "US8927118B2"),  # kind in the number and given: they agree
        ("CN112345678", "CN", "A", "CN112345678A"),
        ("11201811437U", "SG", "A", "SG11201811437UA"),  # trailing letter belongs to the SG serial
    ],
)
def test_normalize_pub_number_separate_parts(
    raw: str, country: str | None, kind: str | None, expected: str
) -> None:
    assert normalize_pub_number(raw, country, kind) == expected


@pytest.mark.parametrize(
    ("raw", "country", "kind", "reason"),
    [
        ("N/A", None, None, "not a publication number"),
        ("XYZ", None, None, "not a publication number"),
        ("中国专利", None, None, "not a publication number"),
        ("12345678", None, None, "not a publication number"),
        ("12345678", None, "A", "no office code"),
        ("CN12A", None, None, "not a CN publication number"),
        ("CN1123456789012A", None, None, "not a CN publication number"),
        ("EP12345678A1", None, None, "not an EP publication number"),
        ("US123456789012B2", None, None, "not a US publication number"),
        ("CN112345678A", None, "B", "conflicts with kind"),
        ("US8927118B2", "US", "B1", "conflicts with kind"),
        ("123", "C1", None, "invalid country code"),
        ("CN112345678", None, "AA1", "invalid kind code"),
    ],
)
def test_normalize_pub_number_rejects(raw: str, country: str | None, kind: str | None, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        normalize_pub_number(raw, country, kind)


@pytest.mark.parametrize(
    ("pub", "expected"),
    [
        ("CN112345678A", ("CN", "112345678", "A")),
        ("US8927118B2", ("US", "8927118", "B2")),
        ("US20200062390A1", ("US", "20200062390", "A1")),
        ("WO2018022375", ("WO", "2018022375", "")),
        ("USD954688", ("US", "D954688", "")),
        ("TWI755301B", ("TW", "I755301", "B")),
        ("SG11201811437UA", ("SG", "11201811437U", "A")),
        ("DE102019123456A1", ("DE", "102019123456", "A1")),
    ],
)
def test_split_pub_number(pub: str, expected: tuple[str, str, str]) -> None:
    assert split_pub_number(pub) == expected


@pytest.mark.parametrize("pub", ["", "12345", "CN 112345678 A", "cn112345678a"])
def test_split_pub_number_rejects_non_canonical(pub: str) -> None:
    with pytest.raises(ValueError, match="not a canonical publication number"):
        split_pub_number(pub)


# -- application numbers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("CN201710667329.7", None, "CN2017106673297"),  # incopat/iflytek_3816.xlsx
        ("CN202210238113.X", None, "CN202210238113X"),  # incopat/chatbot_2798.xlsx
        ("CN02148666.2", None, "CN021486662"),  # incopat/iflytek_3816.xlsx (pre-2003 numbering)
        ("CN02108890.X", None, "CN02108890X"),  # incopat/iflytek_3816.xlsx
        ("CN202210016632.1", None, "CN2022100166321"),  # patentics-csv/cn_vr_TI-virtual-reality.csv
        ("2014100512565", "CN", "CN2014100512565"),
        ("201710667329", "CN", "CN2017106673297"),  # check digit computed when missing
        ("ZL201710667329.7", None, "CN2017106673297"),
        ("ＣＮ２０１７１０６６７３２９．７", None, "CN2017106673297"),
        ("US16/634,906", None, "US16634906"),  # patentics-xlsx/drone_us_apps_part0.xlsx
        ("US16/911183", None, "US16911183"),  # patentics-csv/global_didi.csv
        ("16/911183", "US", "US16911183"),
        ("13/547,826", "US", "US13547826"),  # epo-ops-samples/published/biblio_example_3.xml (original)
        ("US18089850", None, "US18089850"),  # incopat/chatbot_2798.xlsx
        ("09413215", "US", "US09413215"),  # uspto-ppd-samples/sgml/US06336130.xml B210
        ("US3440903D", None, "US3440903"),  # incopat/ford_autodriving_7552.xlsx
        ("EP18194568", None, "EP18194568"),  # incopat/chatbot_2798.xlsx
        ("EP18206603.5", None, "EP18206603"),
        ("EP182066035A", None, "EP18206603"),  # patentics-csv/global_didi.csv (check digit + kind)
        ("EP20211912381", None, "EP21191238"),  # patentics-csv/global_aptiv.csv (year + serial + check)
        ("EP20170161659", None, "EP17161659"),  # patentics-csv/autodriving_fleet.csv (EPODOC)
        ("EP19990203729", None, "EP99203729"),  # epo-ops-samples/published/full_cycle_example.xml (epodoc)
        ("99203729", "EP", "EP99203729"),  # epo-ops-samples/legal/example_1.xml (docdb)
        ("PCT/CN2022/087915", None, "WOCN2022087915"),  # patentics-csv/global_didi.csv
        ("PCT/JP00/02182", None, "WOJP2000002182"),  # uspto-ppd-samples/pap/US20010000943A1.xml
        ("WOUS21036939", None, "WOUS2021036939"),  # incopat/chatbot_2798.xlsx
        ("WO2019US16123", None, "WOUS2019016123"),  # patentics-csv/autodriving_fleet.csv
        ("CN2017/079453", "WO", "WOCN2017079453"),  # patentics-csv/global_didi.csv (PCT without "PCT/")
        ("US2013/050328", "WO", "WOUS2013050328"),  # epo-ops-samples/published/biblio_example_3.xml
        ("JP2023017283", None, "JP2023017283"),  # incopat/chatbot_2798.xlsx
        ("JP2014180464A", None, "JP2014180464"),  # patentics-csv/autodriving_fleet.csv
        ("JP20200035810", None, "JP2020035810"),  # patentics-csv/global_aptiv.csv (EPODOC)
        ("KR1020210164517", None, "KR1020210164517"),  # incopat/chatbot_2798.xlsx
        ("KR3020210059954M001", None, "KR3020210059954M001"),  # incopat/chatbot_2798.xlsx (design)
        ("DE102022125736", None, "DE102022125736"),  # incopat/ford_autodriving_7552.xlsx
        ("DE1020171132880A", None, "DE102017113288"),  # patentics-csv/autodriving_fleet.csv
        ("DE2020211055251U", None, "DE202021105525"),  # patentics-csv/global_aptiv.csv
        ("TW111201184", None, "TW111201184"),  # incopat/chatbot_2798.xlsx
        ("GB2204492", None, "GB2204492"),  # incopat/chatbot_2798.xlsx
        ("FR21010582", None, "FR21010582"),  # incopat/chatbot_2798.xlsx
        ("SG20211012826P", None, "SG20211012826P"),  # patentics-csv/global_waymo.csv (SG check letter kept)
        ("AU27188/84A", None, "AU2718884"),  # patentics-csv/global_cruise.csv
        ("DKPA201970114A", None, "DKPA201970114"),  # patentics-csv/global_aptiv.csv
        ("CA787119A", "CA", "CA787119"),  # patentics-csv/global_cruise.csv
        (None, "CN", None),
        ("  ", "CN", None),
    ],
)
def test_normalize_app_number(raw: str | None, country: str | None, expected: str | None) -> None:
    assert normalize_app_number(raw, country) == expected


@pytest.mark.parametrize(
    ("raw", "country", "reason"),
    [
        ("2014100512565", None, "no office code"),
        ("CN201710667329.8", None, "wrong CN check digit"),
        ("CN2017106673", None, "not a CN application number"),
        ("EP18206603.4", None, "wrong EP check digit"),
        ("EP1820660", None, "not an EP application number"),
        ("CA7A", None, "too few digits"),  # patentics-csv/global_didi.csv (twice)
        ("专利", None, "not an application number"),
    ],
)
def test_normalize_app_number_rejects(raw: str, country: str | None, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        normalize_app_number(raw, country)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CN116074834A", "CN"),
        ("us8927118b2", "US"),
        ("PCT/US2017/042769", "WO"),
        ("ZL201710667329.7", "CN"),
        ("2014100512565", None),
        ("", None),
        (None, None),
    ],
)
def test_country_of(raw: str | None, expected: str | None) -> None:
    assert country_of(raw) == expected


def test_canonical_values_are_fixed_points() -> None:
    """Normalising a canonical number returns it unchanged (the store's fast path relies on it)."""
    for raw in ("USD435854S", "US20050004437A1", "EP680812A1", "WO2020001234", "SG11201811437UA"):
        assert normalize_pub_number(raw) == raw
    for raw in ("CN2017106673297", "US16634906", "EP18206603", "WOCN2022087915", "JP2020035810"):
        assert normalize_app_number(raw) == raw


# -- real files ------------------------------------------------------------------------------------------
def _column(datasets: Path, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """(file name, value) for every non-blank cell of the first matching column of each export."""
    out = []
    for path in _export_files(datasets):
        header, rows = _table(path)
        idx = next((i for i, h in enumerate(header) if h in names), None)
        if idx is None:
            continue
        out += [(path.name, str(r[idx]).strip()) for r in rows if idx < len(r) and str(r[idx]).strip()]
    return out


PUB_COLUMNS = ("公开（公告）号", "公开号", "Patentics")


@pytest.mark.shared_data
def test_every_real_publication_number_normalises(datasets: Path) -> None:
    values = _column(datasets, PUB_COLUMNS)
    assert len(values) == 51_603  # 14,239 incoPat + 33,442 Patentics CSV + 3,922 Patentics xlsx rows
    canonical = re.compile(r"^[A-Z]{2}(?:D|RE|PP|H|T)?[1-9]\d{3,13}[A-Z]\d?$")  # = normalize.CANONICAL_PUB
    for name, raw in values:
        pub = normalize_pub_number(raw)
        assert pub is not None, (name, raw)
        assert normalize_pub_number(pub) == pub, (name, raw)  # idempotent
        assert split_pub_number(pub)[0] == pub[:2]
        if canonical.match(raw):
            assert pub == raw, (name, raw)  # the store skips these values: they must already be canonical


@pytest.mark.shared_data
def test_every_real_application_number_normalises_but_two(datasets: Path) -> None:
    values = _column(datasets, ("申请号",))
    assert len(values) == 51_602  # ford_autodriving_7552.xlsx has one empty 申请号
    rejected: Counter[tuple[str, str]] = Counter()
    shapes: Counter[str] = Counter()
    for name, raw in values:
        try:
            app = normalize_app_number(raw)
        except ValueError as exc:
            rejected[(name, f"{raw}: {exc}")] += 1
            continue
        assert app is not None and normalize_app_number(app) == app, (name, raw)
        shapes[app[:2]] += 1
    # Patentics wrote "CA7A" (no number at all) for two Canadian documents.
    assert rejected == {("global_didi.csv", "CA7A: too few digits in application number 'CA7A'"): 2}
    assert shapes["CN"] == 23_541  # every CN number carries a correct check digit


def _xml_references(datasets: Path, tag: str) -> list[tuple[str, str | None, str | None, str]]:
    """(doc-number, country, kind, file) of every ``tag`` reference in the USPTO and EPO XML samples."""
    paths = [
        *datasets.glob("patentsview-db/*/*.xml"),
        *datasets.glob("uspto-ppd-samples/*/*.xml"),
        *datasets.glob("epo-ops-samples/*/*.xml"),
    ]
    field = {k: re.compile(rf"<{k}>([^<]*)</{k}>") for k in ("country", "doc-number", "kind")}
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for block in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", text, re.S):
            for doc in re.findall(r"<document-id[^>]*>(.*?)</document-id>", block, re.S) or [block]:
                got = {k: (m.group(1) if (m := p.search(doc)) else None) for k, p in field.items()}
                if got["doc-number"]:
                    out.append((got["doc-number"], got["country"], got["kind"], path.name))
        if tag == "publication-reference":  # SGML grants (2001): B110 number, B130 kind
            sgml = r"<B110><DNUM><PDAT>([^<]*)</PDAT></DNUM></B110>\s*<B130><PDAT>([^<]*)<"
            for m in re.finditer(sgml, text):
                out.append((m.group(1), "US", m.group(2), path.name))
    return out


@pytest.mark.shared_data
def test_every_xml_publication_reference_normalises(datasets: Path) -> None:
    refs = _xml_references(datasets, "publication-reference")
    assert len(refs) == 500
    kinds: Counter[str] = Counter()
    for raw, country, kind, name in refs:
        pub = normalize_pub_number(raw, country, kind)
        assert pub is not None and normalize_pub_number(pub) == pub, (name, raw, country, kind)
        kinds[split_pub_number(pub)[2]] += 1
    assert kinds["S1"] == 239  # design grants of the weekly excerpts: D0xxxxxx → USDxxxxxxS1


@pytest.mark.shared_data
def test_cited_documents_in_uspto_xml(datasets: Path) -> None:
    """Citations (``patcit``) are publication numbers too, except 31 of 10,273 that are something else."""
    refs = _xml_references(datasets, "patcit")
    assert len(refs) == 10_273
    rejected = []
    for raw, country, kind, _ in refs:
        try:
            normalize_pub_number(raw, country, kind)
        except ValueError:
            rejected.append(raw)
    reasons = Counter(
        "community design"
        if re.fullmatch(r"\d{6,9}-\d{4}", r)  # OHIM registrations filed under EP
        else "hague design"
        if r.startswith("DM/")
        else "PCT application"
        if r.startswith("PCT/")
        else "W0 typo for WO"
        if r.startswith("W0")
        else "application number"
        if re.fullmatch(r"\d{8}\.\d|G\d{7}\.\d", r)
        else "EP with 8-9 digits"
        for r in rejected
    )
    assert reasons == {
        "community design": 15,
        "hague design": 5,
        "application number": 5,
        "PCT application": 2,
        "W0 typo for WO": 2,
        "EP with 8-9 digits": 2,
    }
