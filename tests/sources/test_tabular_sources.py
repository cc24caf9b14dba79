"""incoPat and Patentics readers on every real export in ../shared/datasets/cn-patent-container."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest

from seip.records.normalize import Normalizer
from seip.sources import detect_format

# Row counts documented in cn-patent-container/SOURCE.md (openai_72.xlsx holds 73 rows despite its name).
FILES = {
    "incopat/chatbot_2798.xlsx": ("incopat", 2798),
    "incopat/ford_autodriving_7552.xlsx": ("incopat", 7552),
    "incopat/iflytek_3816.xlsx": ("incopat", 3816),
    "incopat/openai_72.xlsx": ("incopat", 73),
    "patentics-csv/autodriving_fleet.csv": ("patentics", 1036),
    "patentics-csv/cn_apollo_AN.csv": ("patentics", 51),
    "patentics-csv/cn_ar_TI-augmented-reality.csv": ("patentics", 4483),
    "patentics-csv/cn_vr_TI-virtual-reality.csv": ("patentics", 7805),
    "patentics-csv/global_aptiv.csv": ("patentics", 3384),
    "patentics-csv/global_argo_ai.csv": ("patentics", 524),
    "patentics-csv/global_aurora.csv": ("patentics", 67),
    "patentics-csv/global_cruise.csv": ("patentics", 920),
    "patentics-csv/global_didi.csv": ("patentics", 7440),
    "patentics-csv/global_lyft.csv": ("patentics", 962),
    "patentics-csv/global_uber.csv": ("patentics", 3203),
    "patentics-csv/global_waymo.csv": ("patentics", 3567),
    "patentics-xlsx/banma_cn21.xlsx": ("patentics", 20),
    "patentics-xlsx/cambricon_ann_cn.xlsx": ("patentics", 357),
    "patentics-xlsx/drone_us_apps_part0.xlsx": ("patentics", 1000),
    "patentics-xlsx/drone_us_apps_part1.xlsx": ("patentics", 1000),
    "patentics-xlsx/drone_us_apps_part2.xlsx": ("patentics", 1000),
    "patentics-xlsx/drone_us_apps_part3.xlsx": ("patentics", 14),
    "patentics-xlsx/thundersoft_cn_511.xlsx": ("patentics", 511),
    "patentics-xlsx/transfer_learning_cn20.xlsx": ("patentics", 20),
}


def _independent_count(path: Path) -> int:
    """Data rows counted without seip: csv module for text, calamine rows below the header for xlsx."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return sum(1 for _ in csv.reader(fh)) - 1
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    header = next(i for i, r in enumerate(rows) if sum(1 for c in r if c not in ("", None)) > 3)
    return sum(1 for r in rows[header + 1 :] if any(c not in ("", None) for c in r))


def _read_all(path: Path) -> pa.Table:
    mod = detect_format(path)
    return pa.Table.from_batches(list(mod.read(path)))


@pytest.mark.shared_data
@pytest.mark.parametrize("name", FILES, ids=lambda n: Path(n).stem)
def test_detect_and_count(datasets: Path, name: str) -> None:
    path = datasets / "cn-patent-container" / name
    fmt, documented = FILES[name]
    assert detect_format(path).NAME == fmt
    table = _read_all(path)
    assert table.num_rows == _independent_count(path) == documented
    rows = table.column("source_row").to_pylist()
    assert rows == sorted(rows) and len(set(rows)) == len(rows)
    assert "_error" not in table.column_names or table.column("_error").null_count == table.num_rows


@pytest.mark.shared_data
@pytest.mark.parametrize("name", ["other/NIC2Customs.xls", "other/going_global_applicants_500_noheader.xls"])
def test_non_patent_tables_are_refused(datasets: Path, name: str) -> None:
    from seip.errors import UnknownFormat

    with pytest.raises(UnknownFormat, match="unknown layout: no header row names a publication number"):
        detect_format(datasets / "cn-patent-container" / name)


def _record(datasets: Path, name: str, pub: str) -> dict:
    path = datasets / "cn-patent-container" / name
    mod = detect_format(path)
    norm = Normalizer(mod.NAME, str(path), today=dt.date(2026, 11, 22))
    for batch in mod.read(path):
        recs = norm.normalize(batch).records
        hit = recs.filter(pa.compute.equal(recs.column("pub_number"), pub))
        if hit.num_rows:
            return hit.to_pylist()[0]
    raise AssertionError(f"{pub} not in {name}")


# Values read by hand from the files (row given as the spreadsheet row).
@pytest.mark.shared_data
def test_incopat_openai_row2(datasets: Path) -> None:
    r = _record(datasets, "incopat/openai_72.xlsx", "CN111341297A")
    assert r["source_row"] == 2
    assert r["pub_date"] == dt.date(2020, 6, 26) and r["app_date"] == dt.date(2020, 3, 4)
    assert r["app_number"] == "CN2020101442781"  # CN202010144278.1
    assert r["title"] == "一种语音唤醒率测试系统及方法"
    assert r["title_en"] == "Voice wake-up rate test system and method"
    assert r["applicants"] == ["开放智能机器(上海)有限公司"]
    assert r["ipc_main"] == "G10L15/01" and r["ipc"] == ["G10L15/01", "G10L15/22"]
    assert r["cpc"] == ["G10L15/01", "G10L15/22", "G10L2015/223"]
    assert r["patent_type"] == "invention" and r["vendor_sei_codes"] is None


@pytest.mark.shared_data
def test_incopat_vendor_sei_and_status(datasets: Path) -> None:
    r = _record(datasets, "incopat/chatbot_2798.xlsx", "DE202023000397U1")  # row 2
    assert r["patent_type"] == "utility_model"  # 实用新型
    assert r["legal_status"] == "granted" and r["legal_status_raw"] == "授权"
    assert r["vendor_sei_codes"] == ["1.1", "8.4"]  # "1.1 (下一代信息网络产业),8.4 (数字创意与融合服务)"
    assert r["ipc"] == ["G06Q30/01", "G06F3/00"]
    r = _record(datasets, "incopat/iflytek_3816.xlsx", "CN107295441B")  # row 2
    assert r["applicants"] == ["北京京东尚科信息技术有限公司", "科大讯飞股份有限公司"]
    assert r["app_number"] == "CN2017106673297"  # CN201710667329.7
    assert r["is_valid"] is True  # 专利有效性 有效
    assert r["vendor_sei_codes"] == ["8.1"]


@pytest.mark.shared_data
def test_incopat_old_text_dates_are_kept(datasets: Path) -> None:
    """ford_autodriving_7552.xlsx writes pre-1900 dates as text (Excel cannot hold them): real, kept."""
    r = _record(datasets, "incopat/ford_autodriving_7552.xlsx", "US406502A")  # row 7550
    assert r["app_date"] == dt.date(1887, 6, 9) and r["pub_date"] == dt.date(1889, 7, 9)
    assert not r["quality_flags"]


@pytest.mark.shared_data
def test_patentics_csv_values(datasets: Path) -> None:
    r = _record(datasets, "patentics-csv/cn_vr_TI-virtual-reality.csv", "CN114399933A")  # line 2
    assert r["app_number"] == "CN2022100166321" and r["app_date"] == dt.date(2022, 1, 7)
    assert r["pub_date"] == dt.date(2022, 4, 26) and r["grant_date"] is None
    assert r["ipc"] == ["G09B9/00", "G06T19/00"] and r["ipc_main"] == "G09B9/00"  # 国际主分类 "G09B"
    assert r["claims_count"] == 10 and r["inventors"] == ["孙恺", "张福生"]
    assert r["legal_status"] == "pending"  # 公开
    r = _record(datasets, "patentics-csv/cn_vr_TI-virtual-reality.csv", "CN216391212U")  # line 3
    assert r["grant_date"] == dt.date(2022, 4, 26) and r["patent_type"] == "utility_model"
    assert r["is_valid"] is True and r["legal_status"] == "granted"  # 有效


@pytest.mark.shared_data
def test_patentics_us_values(datasets: Path) -> None:
    r = _record(datasets, "patentics-csv/global_didi.csv", "US11551236B2")  # line 2
    assert r["app_number"] == "US16911183"  # US16/911183
    assert r["cpc"][0] == "G06Q30/0185" and "G06F21/44" in r["ipc"]
    assert r["applicants"] == ["Beijing DiDi Infinity Technology and Development Co., Ltd."]
    r = _record(
        datasets, "patentics-xlsx/drone_us_apps_part0.xlsx", "US11412475B2"
    )  # row 2, header "Patentics"
    assert r["app_number"] == "US16634906"  # US16/634,906
    assert r["ipc_main"] == "H04W64/00"  # "H04W 64/00 为了网络管理的目的…"
    assert r["claims_count"] == 19 and r["app_date"] == dt.date(2017, 9, 14)


@pytest.mark.shared_data
def test_patentics_title_row(datasets: Path) -> None:
    r = _record(datasets, "patentics-xlsx/cambricon_ann_cn.xlsx", "CN112597341A")
    assert r["source_row"] == 3  # row 1 "Patentics", row 2 header
    assert r["inventors"] is None  # 不公告发明人
    assert r["app_date"] == dt.date(2018, 5, 25) and r["ipc"] == ["G06F16/783"]


def test_impossible_filing_date_is_flagged(tmp_path: Path) -> None:
    """1887/06/09 on a 2019 CN application number is impossible: flagged and left out, raw kept in the flag."""
    f = tmp_path / "cnipa.csv"
    f.write_text(
        "公开号,申请号,申请日,发明名称\nCN110000001A,CN201910000001.9,1887/06/09,一种装置\n"
        "CN112597341A,CN202011567126.9,2018/05/25,分案申请\n",
        encoding="utf-8",
    )
    mod = detect_format(f)
    recs = Normalizer(mod.NAME, str(f)).normalize(next(iter(mod.read(f)))).records.to_pylist()
    assert recs[0]["app_date"] is None
    assert recs[0]["quality_flags"] == ["app_date:contradicts_app_number:1887-06-09"]
    assert recs[1]["app_date"] == dt.date(2018, 5, 25) and not recs[1]["quality_flags"]  # a divisional
