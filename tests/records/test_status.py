"""Legal status, validity, patent type and event categories (seip.records.status) on real vocabularies."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from seip.records.numbers import normalize_pub_number, split_pub_number
from seip.records.schema import LEGAL_STATUSES, PATENT_TYPES
from seip.records.status import (
    event_category,
    is_valid_status,
    normalize_legal_status,
    patent_type,
    validity_from_text,
)
from tests.records._exports import export_files as _export_files
from tests.records._exports import table as _table

EVENT_CATEGORIES = {
    "grant",
    "lapse",
    "expiry",
    "withdrawal",
    "rejection",
    "abandonment",
    "invalidation",
    "reinstatement",
    "transfer",
    "licence",
    "pledge",
    "litigation",
    "opposition",
    "examination",
    "publication",
    "fee",
    "other",
}

# Every 当前法律状态 value of incopat/chatbot_2798.xlsx, every 专利有效性 value of
# incopat/iflytek_3816.xlsx and every 法律状态 value of the Patentics exports, with the rows that carry it.
REAL_STATUS_VALUES = [
    ("授权", "granted", 1_163),
    ("实质审查", "pending", 572),
    ("公开", "pending", 8_577),
    ("进入国家阶段-PCT有效期满", "expired", 113),
    ("驳回", "rejected", 2_192),
    ("放弃", "abandoned", 92),
    ("未进入国家阶段-PCT有效期满", "expired", 70),
    ("未进入国家阶段-PCT有效期内", "pending", 54),
    ("期限届满", "expired", 54),
    ("撤回", "withdrawn", 1_549),
    ("未缴年费", "lapsed", 24),
    ("进入国家阶段-PCT有效期内", "pending", 5),
    ("权利终止", "lapsed", 5),
    ("申请终止", "withdrawn", 2),
    ("全部撤销", "invalidated", 1),
    ("有效", "granted", 16_944),
    ("审中", "pending", 1_475),
    ("失效", "lapsed", 251),
    ("PCT-有效期满", "expired", 3),
    ("无效", "lapsed", 1_078),
    ("其他", "unknown", 9_676),
]


@pytest.mark.parametrize(("raw", "expected"), [(raw, exp) for raw, exp, _ in REAL_STATUS_VALUES])
def test_normalize_legal_status_real_values(raw: str, expected: str) -> None:
    assert normalize_legal_status(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("部分无效", "granted"),  # still in force for the remaining claims
        ("全部无效", "invalidated"),
        ("部分撤销", "granted"),
        ("视为撤回", "withdrawn"),
        ("视为放弃", "abandoned"),
        ("避重放弃", "abandoned"),
        ("权利恢复", "granted"),
        ("PCT指定期内", "pending"),
        ("PCT指定期满", "expired"),
        ("专利权有效期届满", "expired"),
        ("授权; 未缴年费", "lapsed"),  # the last state named wins
        ("公开；实质审查；授权", "granted"),
        ("未缴年费 | 权利恢复", "granted"),
        # patentics-xlsx/thundersoft_cn_511.xlsx 法律描述: dated events, oldest first
        ("2  2021.09.03 公开 公开\n\n2021.09.21 实质审查的生效 实质审查的生效\n申请日=2021.04.09", "pending"),
        (
            "3  2020.12.04 公开 公开\n\n2020.12.22 实质审查的生效 实质审查的生效\n申请日=2020.11.05\n\n"
            "2022.02.25 发明专利申请公布后的驳回 发明专利申请公布后的驳回\n申请公布日=2020.12.04",
            "rejected",
        ),
        (
            "4  2021.09.03 公开 公开\n\n2021.09.21 实质审查的生效 实质审查的生效\n申请日=2021.04.19\n\n"
            "2022.05.24 授权 授权\n\n2022.11.11 专利权的转移 专利权的转移\n变更事项=专利权人/地址",
            "granted",
        ),
        ("granted", "granted"),
        ("Granted", "granted"),
        ("PENDING", "pending"),
        ("Deemed to be withdrawn", "withdrawn"),  # EPO register
        ("Application deemed to be withdrawn", "withdrawn"),
        ("The application has been refused", "rejected"),
        ("The patent has been revoked", "invalidated"),
        ("Lapsed", "lapsed"),
        ("Patent ceased", "lapsed"),
        ("Expired - Fee Related", "lapsed"),  # Google Patents
        ("Expired - Lifetime", "expired"),  # Google Patents
        ("Abandoned", "abandoned"),
        ("patent of addition", "granted"),
        ("No opposition filed within time limit", "granted"),
        ("Request for examination was made", "pending"),
        ("Active", "granted"),
        ("Inactive", "lapsed"),
        ("不公告", "unknown"),
        ("???", "unknown"),
        ("", "unknown"),
        ("   ", "unknown"),
        (None, "unknown"),
    ],
)
def test_normalize_legal_status(raw: str | None, expected: str) -> None:
    assert normalize_legal_status(raw) == expected


def test_normalize_legal_status_never_raises() -> None:
    for raw in (123, 1.5, b"bytes", ["授权"], object()):
        assert normalize_legal_status(raw) == "unknown"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("granted", True),
        ("pending", False),
        ("lapsed", False),
        ("expired", False),
        ("withdrawn", False),
        ("rejected", False),
        ("abandoned", False),
        ("invalidated", False),
        ("unknown", None),
    ],
)
def test_is_valid_status(status: str, expected: bool | None) -> None:
    assert is_valid_status(status) is expected


def test_is_valid_status_covers_the_schema_vocabulary() -> None:
    assert {s for s in LEGAL_STATUSES if is_valid_status(s) is None} == {"unknown"}
    with pytest.raises(ValueError, match="not a canonical legal status"):
        is_valid_status("有效")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("有效", True),  # incopat/iflytek_3816.xlsx 专利有效性; Patentics 法律状态
        ("审中", False),  # incopat/iflytek_3816.xlsx: pending applications are not in force
        ("失效", False),  # incopat/iflytek_3816.xlsx
        ("PCT-有效期满", False),  # incopat/iflytek_3816.xlsx
        ("无效", False),  # patentics-csv/*.csv 法律状态
        ("公开", False),  # patentics-csv/*.csv 法律状态
        ("撤回", False),
        ("驳回", False),
        ("其他", None),  # patentics-csv/*.csv 法律状态
        ("PCT指定期内", False),
        ("PCT指定期满", False),
        ("授权", True),
        ("未缴年费", False),
        ("valid", True),
        ("In force", True),
        ("true", True),
        ("FALSE", False),
        ("1", True),
        ("0", False),
        (True, True),
        (False, False),
        ("", None),
        (None, None),
        ("???", None),
    ],
)
def test_validity_from_text(raw: object, expected: bool | None) -> None:
    assert validity_from_text(raw) is expected


@pytest.mark.parametrize(
    ("kind", "text", "country", "expected"),
    [
        # incoPat 专利类型 / 公开类型 and Patentics 专利类型 (every value seen)
        (None, "发明申请", None, "invention"),
        (None, "发明授权", None, "invention"),
        (None, "发明公布", None, "invention"),
        (None, "发明", None, "invention"),
        (None, "实用新型", None, "utility_model"),
        (None, "外观设计", None, "design"),
        ("T5", "译文", "DE", "invention"),  # incopat/ford_autodriving_7552.xlsx 公开类型: not a type → kind
        ("A", "修正或者更正专利", "CN", "invention"),  # incopat/ford_autodriving_7552.xlsx 公开类型
        (None, "译文", None, None),
        ("A", "实用新型", "CN", "utility_model"),  # text wins over kind
        (None, "Utility model", None, "utility_model"),
        (None, "Gebrauchsmuster", None, "utility_model"),
        (None, "Design patent", None, "design"),
        (None, "Plant patent", None, "invention"),
        (None, "Utility patent", None, "invention"),  # the US name of an invention patent
        # CN kind codes
        ("A", None, "CN", "invention"),
        ("B", None, "CN", "invention"),
        ("C", None, "CN", "invention"),  # CN100587158C, ford_autodriving_7552.xlsx
        ("U", None, "CN", "utility_model"),
        ("Y", None, "CN", "utility_model"),  # CN2938319Y, iflytek_3816.xlsx
        ("S", None, "CN", "design"),
        ("D", None, "CN", "design"),  # CN3492224D, iflytek_3816.xlsx
        # US kind codes
        ("A1", None, "US", "invention"),
        ("A2", None, "US", "invention"),
        ("A9", None, "US", "invention"),
        ("B1", None, "US", "invention"),
        ("B2", None, "US", "invention"),
        ("E", None, "US", "invention"),  # reissue (USRE044559E)
        ("E1", None, "US", "invention"),
        ("P2", None, "US", "invention"),  # plant patent
        ("P0", None, "US", "invention"),  # incoPat shows provisional applications with P0
        ("H1", None, "US", "invention"),  # statutory invention registration
        ("S", None, "US", "design"),
        ("S1", None, "US", "design"),
        # other offices
        ("A1", None, "EP", "invention"),
        ("B1", None, "EP", "invention"),
        ("A1", None, "WO", "invention"),
        ("U1", None, "DE", "utility_model"),  # DE202023000397U1, chatbot_2798.xlsx
        ("T2", None, "DE", "invention"),
        ("U", None, "JP", "utility_model"),  # JP3236667U, chatbot_2798.xlsx
        ("Y1", None, "KR", "utility_model"),  # KR200355971Y1, ford_autodriving_7552.xlsx
        ("U", None, "KR", "utility_model"),
        ("S", None, "KR", "design"),  # KR3011943920000S, chatbot_2798.xlsx
        ("U", None, "TW", "utility_model"),  # TWM633556U, chatbot_2798.xlsx
        ("U1", None, "RU", "utility_model"),
        ("A4", None, "AU", "utility_model"),  # innovation patent, AU2020104470A4, global_didi.csv
        ("A1", None, "AU", "invention"),
        ("S", None, "AU", "design"),
        ("D0", None, "GB", "invention"),  # GB201713939D0
        ("b2", None, "us", "invention"),
        ("Z9", None, "XX", None),
        (None, None, None, None),
        ("", "", "", None),
    ],
)
def test_patent_type(kind: str | None, text: str | None, country: str | None, expected: str | None) -> None:
    assert patent_type(kind, text, country) == expected
    assert expected is None or expected in PATENT_TYPES


@pytest.mark.parametrize(
    ("code", "description", "expected"),
    [
        # epo-ops-samples/legal/example_1.xml and example_2.xml (EP1000000)
        (
            "PG25",
            "LAPSED IN A CONTRACTING STATE [ANNOUNCED VIA POSTGRANT INFORMATION FROM NATIONAL OFFICE TO EPO]",
            "lapse",
        ),
        (
            "PGFP",
            "ANNUAL FEE PAID TO NATIONAL OFFICE  [ANNOUNCED VIA POSTGRANT INFORMATION FROM NATIONAL "
            "OFFICE TO EPO]",
            "fee",
        ),
        ("REG ", "REFERENCE TO A NATIONAL CODE", "other"),
        ("GRAH", "DESPATCH OF COMMUNICATION OF INTENTION TO GRANT A PATENT", "examination"),
        ("GRAA", "(EXPECTED) GRANT", "grant"),
        ("AK  ", "DESIGNATED CONTRACTING STATES", "other"),
        ("AX  ", "REQUEST FOR EXTENSION OF THE EUROPEAN PATENT", "other"),
        ("AKX ", "DESIGNATION FEES PAID", "fee"),
        ("PLBE", "NO OPPOSITION FILED WITHIN TIME LIMIT", "other"),
        ("26N ", "NO OPPOSITION FILED", "other"),
        ("GBPC", "GB: EUROPEAN PATENT CEASED THROUGH NON-PAYMENT OF RENEWAL FEE", "lapse"),
        ("EN  ", "FR: TRANSLATION NOT FILED", "lapse"),
        ("BERE", "BE: LAPSED", "lapse"),
        ("BECN", "BE: CHANGE OF HOLDER'S NAME", "other"),
        ("17P ", "REQUEST FOR EXAMINATION FILED", "examination"),
        ("17Q ", "FIRST EXAMINATION REPORT DESPATCHED", "examination"),
        (
            "PUAI",
            "PUBLIC REFERENCE MADE UNDER ARTICLE 153(3) EPC TO A PUBLISHED INTERNATIONAL APPLICATION "
            "THAT HAS ENTERED THE EUROPEAN PHASE",
            "publication",
        ),
        ("STAA", "INFORMATION ON THE STATUS OF AN EP PATENT APPLICATION OR GRANTED EP PATENT", "other"),
        # epo-ops-samples/legal/example_3.xml (US10465445)
        ("FEPP", "FEE PAYMENT PROCEDURE", "fee"),
        ("AS  ", "ASSIGNMENT", "transfer"),
        ("STCF", "INFORMATION ON STATUS: PATENT GRANT", "grant"),
        ("STPP", "INFORMATION ON STATUS: PATENT APPLICATION AND GRANTING PROCEDURE IN GENERAL", "other"),
        (
            "IPR ",
            "AIA TRIAL PROCEEDING FILED BEFORE THE PATENT AND APPEAL BOARD: INTER PARTES REVIEW",
            "opposition",
        ),
        (
            "PGR ",
            "AIA TRIAL PROCEEDING FILED BEFORE THE PATENT AND APPEAL BOARD: POST-GRANT REVIEW",
            "opposition",
        ),
        # legal_code_descriptions_202417.xlsx, CN codes by code alone
        ("C02", None, "withdrawal"),
        ("AV01", None, "abandonment"),
        ("TR01", None, "transfer"),
        ("TR", None, "transfer"),
        ("PLFP", None, "fee"),
        ("PG25", "", "lapse"),
        ("CF01", None, "lapse"),
        ("CX01", None, "expiry"),
        ("RJ01", None, "rejection"),
        ("GR01", None, "grant"),
        ("PE01", None, "pledge"),
        ("EE01", None, "licence"),
        ("IW01", None, "invalidation"),
        ("RR01", None, "reinstatement"),
        ("SE01", None, "examination"),
        ("PB01", None, "publication"),
        ("ZZZZ", None, "other"),
        # Chinese descriptions (CNIPA gazette wording, Patentics 法律描述)
        (None, "专利权质押合同登记的生效", "pledge"),
        (None, "专利权质押合同登记的注销", "pledge"),
        (None, "专利实施许可合同备案的生效", "licence"),
        (None, "专利权的转移", "transfer"),
        (None, "专利申请权、专利权的转移", "transfer"),
        (None, "专利权的终止", "lapse"),
        (None, "未缴年费专利权终止", "lapse"),
        (None, "专利权有效期届满", "expiry"),
        (None, "无效宣告", "invalidation"),
        (None, "专利权的无效宣告", "invalidation"),
        (None, "专利权全部无效", "invalidation"),
        (None, "无效宣告请求", "opposition"),
        (None, "发明专利申请公布后的驳回", "rejection"),
        (None, "发明专利申请公布后的视为撤回", "withdrawal"),
        (None, "专利权的视为放弃", "abandonment"),
        (None, "避免重复授权放弃专利权", "abandonment"),
        (None, "专利权的恢复", "reinstatement"),
        (None, "实质审查的生效", "examination"),
        (None, "复审请求", "examination"),
        (None, "授权", "grant"),
        (None, "公开", "publication"),
        (None, "公布", "publication"),
        (None, "著录事项变更", "other"),
        (None, "专利权人的姓名或者名称、地址的变更", "other"),
        (None, "专利权的保全", "other"),
        (None, "专利侵权诉讼", "litigation"),
        (None, None, "other"),
        ("", "", "other"),
    ],
)
def test_event_category(code: str | None, description: str | None, expected: str) -> None:
    assert event_category(code, description) == expected


# -- real files ------------------------------------------------------------------------------------------
@pytest.mark.shared_data
def test_every_real_status_value(datasets: Path) -> None:
    """All status cells: the vocabulary is REAL_STATUS_VALUES; 法律描述 agrees with 法律状态 on every row."""
    seen: Counter[str] = Counter()
    for path in _export_files(datasets):
        header, rows = _table(path)
        for column in ("当前法律状态", "专利有效性", "法律状态"):
            if column in header:
                i = header.index(column)
                seen.update(str(r[i]).strip() for r in rows if str(r[i]).strip())
        if "法律描述" in header:  # patentics-xlsx/thundersoft_cn_511.xlsx
            i, j = header.index("法律描述"), header.index("法律状态")
            for r in rows:
                assert normalize_legal_status(str(r[i])) == normalize_legal_status(str(r[j])), r[i]
    assert dict(seen) == {raw: n for raw, _, n in REAL_STATUS_VALUES}
    for raw in seen:
        status = normalize_legal_status(raw)
        assert status in LEGAL_STATUSES
        assert validity_from_text(raw) == is_valid_status(status)


@pytest.mark.shared_data
def test_every_real_patent_type_agrees_with_the_kind_code(datasets: Path) -> None:
    """专利类型 text and the kind code of the publication number give the same type on every row."""
    rows_checked = 0
    text_not_a_type: Counter[str] = Counter()
    for path in _export_files(datasets):
        header, rows = _table(path)
        pub_col = next((header.index(c) for c in ("公开（公告）号", "公开号") if c in header), None)
        for column in ("专利类型", "公开类型"):
            if column not in header or pub_col is None:
                continue
            i = header.index(column)
            for r in rows:
                country, _, kind = split_pub_number(normalize_pub_number(str(r[pub_col])) or "")
                from_kind = patent_type(kind, None, country)
                from_text = patent_type(None, str(r[i]), None)
                if from_text is None:
                    text_not_a_type[str(r[i])] += 1
                    assert patent_type(kind, str(r[i]), country) == from_kind
                else:
                    assert from_text == from_kind, (path.name, r[pub_col], r[i])
                rows_checked += 1
    # incoPat 专利类型 and 公开类型 (2 × 14,239 rows); Patentics xlsx 专利类型 of the CN files (908 rows)
    assert rows_checked == 2 * 14_239 + 908
    # incoPat 公开类型 of ford_autodriving_7552.xlsx: a translation, a corrected publication
    assert text_not_a_type == {"译文": 50, "修正或者更正专利": 3}


@pytest.mark.shared_data
def test_every_event_code_of_the_epo_table(datasets: Path) -> None:
    """legal_code_descriptions_202417.xlsx: 4,397 codes of 56 authorities, each categorised."""
    from python_calamine import CalamineWorkbook

    book = datasets / "epo-ops-samples/legal/legal_code_descriptions_202417.xlsx"
    table = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Feuil1").to_python()
    header, body = table[0], table[1:]
    a, c, d, k = (header.index(x) for x in ("Authority", "Event-code", "Description ENG", "Event-class"))
    assert len(body) == 4_397
    # The event classes of the table are broad (H "IP right cessation" holds lapses, expiries, revocations and
    # abandonments); the categories each class may map to:
    allowed = {
        "B": {"withdrawal", "rejection", "abandonment", "lapse"},
        "C": {"reinstatement"},
        "F": {"grant"},
        "H": {"lapse", "expiry", "invalidation", "abandonment", "withdrawal", "rejection"},
        "K": {"reinstatement"},
        "Q": {"publication"},
        "S": {"licence", "pledge", "transfer"},
        "U": {"fee"},
    }
    agree: Counter[bool] = Counter()
    for row in body:
        category = event_category(row[c], row[d])
        assert category in EVENT_CATEGORIES
        if row[k] in allowed:
            agree[category in allowed[row[k]]] += 1
        if row[a] == "CN":  # every CN code is categorised the same from its code alone
            assert event_category(row[c], None) in (category, "other"), row[c]
    # Disagreements are mostly SPC events (kept as "other") and national oddities; the count guards changes.
    assert agree == {True: 1_016, False: 245}


@pytest.mark.shared_data
def test_every_event_of_the_ops_legal_samples(datasets: Path) -> None:
    events = []
    for path in sorted(datasets.glob("epo-ops-samples/legal/example_*.xml")):
        events += re.findall(r'<ops:legal code="([^"]*)" desc="([^"]*)"', path.read_text(encoding="utf-8"))
    got = Counter(event_category(code, desc) for code, desc in events)
    assert len(events) == 115
    assert got == {
        "lapse": 44,
        "other": 36,
        "fee": 12,
        "examination": 12,
        "grant": 3,
        "publication": 2,
        "transfer": 3,
        "opposition": 3,
    }


@pytest.mark.parametrize(
    "pub, pub_date, given, expected",
    [
        ("EP1000000B1", "2002-06-05", None, "2002-06-05"),  # published as a grant: the date is the grant date
        ("CN110000002B", "2020-02-02", None, "2020-02-02"),
        ("CN210000001U", "2020-02-02", None, "2020-02-02"),
        ("CN110000001A", "2019-01-01", None, None),  # an application publication has no grant date
        ("WO2020123456A1", "2020-06-18", None, None),
        ("US9000000B2", "2015-04-07", "2015-04-01", "2015-04-01"),  # a given grant date is kept
    ],
)
def test_grant_date_of_grant_publications(
    pub: str, pub_date: str, given: str | None, expected: str | None
) -> None:
    import datetime as dt

    import pyarrow as pa

    from seip.records.normalize import Normalizer

    batch = pa.table(
        {
            "pub_number": [pub],
            "pub_date": [pub_date],
            "grant_date": pa.array([given], pa.string()),
            "source_row": [1],
        }
    )
    rec = (
        Normalizer(source_format="generic_table", source_file="x.csv").normalize(batch).records.to_pylist()[0]
    )
    assert rec["grant_date"] == (dt.date.fromisoformat(expected) if expected else None)
