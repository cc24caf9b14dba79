"""Dates (seip.records.dates): parsing every spelling of the real exports, and plausibility checks."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from seip.records.dates import check_date, parse_date
from tests.records._exports import export_files as _export_files
from tests.records._exports import table as _table

D = dt.date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("20140415", D(2014, 4, 15)),  # patentics-csv/autodriving_fleet.csv 申请日
        ("2022-08-09", D(2022, 8, 9)),  # patentics-xlsx/drone_us_apps_part0.xlsx 公开日
        ("2022/01/07", D(2022, 1, 7)),  # patentics-xlsx/banma_cn21.xlsx 申请日
        ("1887/06/09", D(1887, 6, 9)),  # incopat/ford_autodriving_7552.xlsx 申请日 of US406502A (text cell)
        ("1861/05/07", D(1861, 5, 7)),  # incopat/ford_autodriving_7552.xlsx 公开（公告）日 of US32239A
        ("18990428", D(1899, 4, 28)),  # patentics-csv/global_cruise.csv 申请日
        ("2021.09.03", D(2021, 9, 3)),  # patentics-xlsx/thundersoft_cn_511.xlsx 法律描述 event dates
        ("20000517", D(2000, 5, 17)),  # epo-ops-samples/legal/example_1.xml <date>
        ("2002-06-05", D(2002, 6, 5)),  # epo-ops-samples/legal/example_1.xml Gazette DATE
        ("2016-07-26", D(2016, 7, 26)),  # uspto-ppd-samples/cpcMaster/cpcMaster.xml GrantDate
        (D(2023, 5, 11), D(2023, 5, 11)),  # incopat/chatbot_2798.xlsx 公开（公告）日 (Excel date cell)
        (dt.datetime(2023, 5, 11, 0, 0), D(2023, 5, 11)),
        ("2022/1/7", D(2022, 1, 7)),
        ("2019-01-01 00:00:00", D(2019, 1, 1)),
        ("2019-01-01T08:30:00Z", D(2019, 1, 1)),
        ("2019-01-01T08:30:00+08:00", D(2019, 1, 1)),
        ("2019/1/1 0:00", D(2019, 1, 1)),
        ("2021年9月3日", D(2021, 9, 3)),
        ("2021 年 09 月 03 日", D(2021, 9, 3)),
        ("２０２１－０９－０３", D(2021, 9, 3)),
        ("20230511T120000", D(2023, 5, 11)),
        (43831, D(2020, 1, 1)),
        (43831.0, D(2020, 1, 1)),
        (43831.75, D(2020, 1, 1)),
        ("43831", D(2020, 1, 1)),
        ("43831.0", D(2020, 1, 1)),
        (Decimal("43831"), D(2020, 1, 1)),
        (20230511, D(2023, 5, 11)),
        (367, D(1901, 1, 1)),
        (None, None),
        ("", None),
        ("  ", None),
        (float("nan"), None),
        ("0--", None),  # patentics-xlsx/drone_us_apps_part0.xlsx 申请日: "no date" placeholder
        ("00000000", None),  # patentics-csv/global_cruise.csv 申请日 of old CA documents
        ("0000-00-00", None),
        ("-", None),
        ("N/A", None),
        ("无", None),
    ],
)
def test_parse_date(raw: object, expected: dt.date | None) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("1", "not a plausible Excel date serial"),  # patentics-csv/global_cruise.csv 授权公告日 (11 rows)
        (1, "not a plausible Excel date serial"),
        (99999, "not a plausible Excel date serial"),
        ("2019-02-30", "impossible calendar date"),
        ("20190230", "impossible calendar date"),
        ("2019/13/01", "impossible calendar date"),
        ("19060800", "impossible calendar date"),  # patentsview-db patcit dates: month precision, day 00
        ("2019-13", "unreadable date"),
        ("next year", "unreadable date"),
        ("2019-01-01-", "unreadable date"),
        (True, "not a date"),
        ([2019, 1, 1], "not a date"),
    ],
)
def test_parse_date_rejects(raw: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_date(raw)


TODAY = D(2024, 6, 1)


@pytest.mark.parametrize(
    ("d", "field", "app_date", "expected"),
    [
        (D(1887, 6, 9), "app_date", None, None),  # genuine: US406502A, ford_autodriving_7552.xlsx
        (D(1889, 7, 9), "pub_date", D(1887, 6, 9), None),
        (D(1849, 12, 31), "app_date", None, "before_1850"),
        (D(1850, 1, 1), "app_date", None, None),
        (D(1620, 1, 1), "pub_date", None, "before_1850"),
        (D(2024, 6, 2), "app_date", None, None),  # one day of slack for time zones
        (D(2024, 6, 3), "app_date", None, "in_future"),
        (D(2024, 6, 3), "priority_date", None, "in_future"),
        (D(2024, 6, 15), "pub_date", None, None),  # gazette issues are announced two weeks ahead
        (D(2024, 6, 16), "pub_date", None, "in_future"),
        (D(2024, 6, 15), "grant_date", None, None),
        (D(2025, 1, 1), "grant_date", None, "in_future"),
        (D(2018, 1, 1), "pub_date", D(2019, 3, 1), "before_app_date"),
        (D(2018, 1, 1), "grant_date", D(2019, 3, 1), "before_app_date"),
        (D(2019, 3, 1), "pub_date", D(2019, 3, 1), None),
        (D(2017, 2, 24), "priority_date", D(2017, 1, 24), "after_app_date"),  # drone_us_apps_part3.xlsx
        (D(2016, 2, 24), "priority_date", D(2017, 1, 24), None),
        (D(2018, 1, 1), "app_date", D(2019, 3, 1), None),
    ],
)
def test_check_date(d: dt.date, field: str, app_date: dt.date | None, expected: str | None) -> None:
    assert check_date(d, field, today=TODAY, app_date=app_date) == expected


def test_check_date_defaults_to_today() -> None:
    assert check_date(dt.date.today() + dt.timedelta(days=400), "pub_date") == "in_future"
    assert check_date(dt.date.today(), "app_date") is None


# -- real files ------------------------------------------------------------------------------------------
#: Date columns of the exports → canonical field (the first column of a name wins: thundersoft repeats them).
DATE_COLUMNS = {
    "申请日": "app_date",
    "公开（公告）日": "pub_date",
    "公开日": "pub_date",
    "公开-公告日": "pub_date",
    "公开/公告日": "pub_date",
    "授权公告日": "grant_date",
    "授权日": "grant_date",
    "优先权日": "priority_date",
}


@pytest.mark.shared_data
def test_every_real_date_parses_or_is_counted(datasets: Path) -> None:
    """All date cells of the 24 exports: 12 rejected ("1" in Patentics 授权公告日), 70 placeholders → None."""
    parsed = 0
    rejected: Counter[tuple[str, str]] = Counter()
    placeholders: Counter[tuple[str, object]] = Counter()
    problems: Counter[tuple[str, str, str]] = Counter()
    for path in _export_files(datasets):
        header, rows = _table(path)
        cols = {}
        for i, h in enumerate(header):
            if h in DATE_COLUMNS and DATE_COLUMNS[h] not in cols:
                cols[DATE_COLUMNS[h]] = i
        for row in rows:
            got: dict[str, dt.date | None] = {}
            for field, i in cols.items():
                raw = row[i] if i < len(row) else ""
                if isinstance(raw, str) and not raw.strip():
                    continue
                try:
                    got[field] = parse_date(raw)
                except ValueError as exc:
                    rejected[(path.name, str(exc))] += 1
                    continue
                if got[field] is None:
                    placeholders[(path.name, raw)] += 1
                else:
                    parsed += 1
            for field, d in got.items():
                if d is not None and (p := check_date(d, field, today=TODAY, app_date=got.get("app_date"))):
                    problems[(path.name, field, p)] += 1
    assert parsed == 117_680
    assert rejected == {
        ("global_aptiv.csv", "number '1' is not a plausible Excel date serial"): 1,
        ("global_cruise.csv", "number '1' is not a plausible Excel date serial"): 11,
    }
    assert placeholders == {
        ("drone_us_apps_part0.xlsx", "0--"): 20,
        ("drone_us_apps_part1.xlsx", "0--"): 4,
        ("drone_us_apps_part2.xlsx", "0--"): 36,
        ("global_cruise.csv", "00000000"): 10,
    }
    # The 1861-1899 text dates of ford_autodriving_7552.xlsx are genuine (old US/GB documents): no flag.
    assert problems == {("drone_us_apps_part3.xlsx", "priority_date", "after_app_date"): 1}


@pytest.mark.shared_data
def test_every_date_of_the_xml_samples_parses(datasets: Path) -> None:
    """``<date>`` of USPTO grant/application XML and EPO OPS responses; USPTO citations may have day 00."""
    paths = [
        *datasets.glob("patentsview-db/*/*.xml"),
        *datasets.glob("uspto-ppd-samples/*/*.xml"),
        *datasets.glob("epo-ops-samples/*/*.xml"),
    ]
    ok = 0
    month_only = 0
    for path in paths:
        for raw in re.findall(r"<date>([^<]*)</date>", path.read_text(encoding="utf-8", errors="replace")):
            try:
                assert parse_date(raw) is not None
                ok += 1
            except ValueError:
                assert re.fullmatch(r"\d{6}00", raw), raw  # citation dates known only to the month
                month_only += 1
    assert ok == 2_610
    assert month_only == 10_047
