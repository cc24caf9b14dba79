"""Engines for the analysis tests: every expression runs on DuckDB and on Spark, which must agree.

``real_engines`` opens the session's real corpus (tests using it carry ``shared_data``) once on each engine.
Spark is part of CI (``seip[spark]`` is installed by scripts/setup); where the extra is missing the Spark half
skips with that reason, never silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from seip.analysis._backend import Engine, connect
from seip.store import Corpus


def _engines(home: Path) -> Iterator[dict[str, Engine | str]]:
    corpus = Corpus(home, read_only=True)
    engines: dict[str, Engine | str] = {"duckdb": connect(corpus, "duckdb")}
    try:
        import pyspark  # noqa: F401

        engines["pyspark"] = connect(corpus, "pyspark")
    except ImportError:
        engines["pyspark"] = "pyspark is not installed: pip install 'seip[spark]'"
    yield engines
    corpus.close()


@pytest.fixture(scope="session")
def real_engines(real_corpus: Path) -> Iterator[dict[str, Engine | str]]:
    """``{"duckdb": Engine, "pyspark": Engine}`` on the real corpus (a string instead says why Spark is absent)."""
    yield from _engines(real_corpus)


@pytest.fixture(scope="session")
def demo_engines(demo_corpus: Path) -> Iterator[dict[str, Engine | str]]:
    """The same on the synthetic demo corpus."""
    yield from _engines(demo_corpus)


def spark_or_skip(engines: dict[str, Engine | str]) -> Engine:
    """The Spark engine, or a skip that says why it is missing."""
    spark = engines["pyspark"]
    if isinstance(spark, str):
        pytest.skip(spark)
    return spark


# A hand-made corpus for figures computed by hand (tests/analysis/test_indicators.py states each answer).
# Each record exercises one rule; the comment above it says which.
def _doc(pub: str, app: str, **kw: object) -> dict[str, object]:
    rec: dict[str, object] = {
        "pub_number": pub,
        "pub_country": pub[:2],
        "pub_kind": pub[-1] if pub[-1].isalpha() else pub[-2:],
        "app_number": app,
        "patent_type": kw.pop("patent_type", "invention"),
        "title": f"测试专利 {pub}",
        "applicant_country": "CN",
        **kw,
    }
    if "applicants" in rec and "applicant_types" not in rec:
        rec["applicant_types"] = ["enterprise"] * len(rec["applicants"])  # type: ignore[arg-type]
    return rec


# fmt: off
HIT = {"applicants": ["哈尔滨工业大学"], "applicant_types": ["university"], "province": "黑龙江省", "city": "哈尔滨市"}
HRB = {"applicants": ["哈尔滨电机厂有限责任公司"], "province": "黑龙江省", "city": "哈尔滨市"}
DQ = {"applicants": ["大庆油田有限责任公司"], "province": "黑龙江省", "city": "大庆市"}
BJ = {"applicants": ["北京测试科技有限公司"], "province": "北京市", "city": "北京市"}
AI, CUP = ["G06N3/08"], ["A47J27/00"]  # SEI 1.5; no SEI
LAPSE = [{"event_date": "2019-03-01", "code": "CF01", "description": "专利权的终止（未缴年费专利权终止）"}]
UM_LAPSE = [{"event_date": "2020-02-02", "code": "CF01", "description": "专利权的终止（未缴年费专利权终止）"}]
GRANTED = {"legal_status": "granted", "is_valid": True}
LAPSED = {"legal_status": "lapsed", "is_valid": False}

HAND_RECORDS = [
    # 1  HIT, A and B documents of one application; SEI; maintained > 10 years; family member granted in the US (16)
    _doc("CN101000001A", "CN2008100000010", app_date="2008-01-10", pub_date="2009-07-01", ipc=AI, family_id="F1",
         **GRANTED, **HIT),
    _doc("CN101000001B", "CN2008100000010", app_date="2008-01-10", pub_date="2011-05-04", grant_date="2011-05-04",
         ipc=AI, family_id="F1", **GRANTED, **HIT),
    # 2  lapsed for unpaid fees, with the dated event (2019-03-01)
    _doc("CN102000002B", "CN2015100000025", app_date="2015-03-01", pub_date="2018-06-01", grant_date="2018-06-01",
         ipc=CUP, legal_events=LAPSE, **LAPSED, **HRB),
    # 3  lapsed, no date anywhere: undetermined at the end of 2020
    _doc("CN103000003B", "CN2016100000034", app_date="2016-02-02", pub_date="2019-01-01", grant_date="2019-01-01",
         ipc=CUP, **LAPSED, **HRB),
    # 4  Daqing, granted mid-2020, family filed in the US (family_countries)
    _doc("CN104000004B", "CN2017100000043", app_date="2017-05-05", pub_date="2020-07-07", grant_date="2020-07-07",
         ipc=CUP, family_countries=["CN", "US"], family_id="F4", **GRANTED, **DQ),
    # 5  Daqing, granted 2021 (not valid at the end of 2020); China Patent Award 2022 (imported list)
    _doc("CN105000005B", "CN2018100000052", app_date="2018-04-04", pub_date="2021-03-03", grant_date="2021-03-03",
         ipc=CUP, **GRANTED, **DQ),
    # 6  Beijing, term ended 2020-01-01
    _doc("CN106000006B", "CN2000100000067", app_date="2000-01-01", pub_date="2003-03-03", grant_date="2003-03-03",
         legal_status="expired", is_valid=False, ipc=CUP, **BJ),
    # 7  Beijing, pending application
    _doc("CN107000007A", "CN2019100000076", app_date="2019-06-06", pub_date="2020-12-12", legal_status="pending",
         is_valid=False, ipc=CUP, **BJ),
    # 8  Beijing, pledged for 1,500万元 in 2020 (imported list); enterprise + university co-applicants
    _doc("CN108000008B", "CN2019100000080", app_date="2019-01-08", pub_date="2019-12-08", grant_date="2019-12-08",
         ipc=CUP, province="北京市", city="北京市", applicants=["北京测试科技有限公司", "清华大学"],
         applicant_types=["enterprise", "university"], **GRANTED),
    # 9  Beijing, pledged for 500万元 only: not high
    _doc("CN109000009B", "CN2019100000095", app_date="2019-01-09", pub_date="2019-12-09", grant_date="2019-12-09",
         ipc=CUP, **GRANTED, **BJ),
    # 10 Harbin utility model, valid (not an invention)
    _doc("CN210000010U", "CN2019200000103", patent_type="utility_model", app_date="2019-02-10",
         pub_date="2019-10-10", grant_date="2019-10-10", ipc=CUP, **GRANTED, **HRB),
    # 11 Harbin utility model, lapsed 2020-02-02 (dated event)
    _doc("CN211000011U", "CN2018200000113", patent_type="utility_model", app_date="2018-02-11",
         pub_date="2018-10-11", grant_date="2018-10-11", ipc=CUP, legal_events=UM_LAPSE, **LAPSED, **HRB),
    # 12 PCT application of HIT filed 2020; 13 PCT application of a Beijing firm filed 2019
    _doc("WO2021000012A1", "WOCN2020000012", app_date="2020-06-01", pub_date="2021-12-01", ipc=AI, **HIT),
    _doc("WO2020000013A1", "WOCN2019000013", app_date="2019-06-01", pub_date="2020-12-01", ipc=CUP, **BJ),
    # 14 a US firm's valid CN invention: not domestic
    _doc("CN114000014B", "CN2019100000146", app_date="2019-03-14", pub_date="2020-03-14", grant_date="2020-03-14",
         ipc=AI, applicants=["TEST CORP"], applicant_country="US", **GRANTED),
    # 15 Harbin, granted 2015, status unknown today: undetermined; filed 2005 (more than 10 years)
    _doc("CN115000015B", "CN2005100000159", app_date="2005-01-15", pub_date="2015-01-15", grant_date="2015-01-15",
         legal_status="unknown", ipc=CUP, **HRB),
    # 16 the US member of family F1 (record 1)
    _doc("US9000016B2", "US12000016", app_date="2009-01-10", pub_date="2016-01-16", grant_date="2016-01-16",
         ipc=AI, family_id="F1", **GRANTED, **HIT),
]
# fmt: on
#: The award and pledge lists imported into the hand corpus (CSV text, written by the fixture).
HAND_AWARDS = (
    "专利号,奖项,年度\nZL201810000005.2,第二十四届中国专利优秀奖,2022\nCN101000001B,黑龙江省专利奖,2019\n"
)
HAND_PLEDGES = (
    "专利号,质押金额（万元）,登记日\nCN201910000008.0,1500,2020-05-01\nCN201910000009.5,500,2020-05-02\n"
)


@pytest.fixture(scope="session")
def hand_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Home of the hand-made corpus (HAND_RECORDS, SEI-classified) with its award and pledge lists imported."""
    import json

    from seip.analysis.awards import import_list
    from seip.testing import build_corpus

    root = tmp_path_factory.mktemp("hand")
    data = root / "hand.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in HAND_RECORDS), encoding="utf-8")
    home = build_corpus(root / "home", [data])
    (root / "awards.csv").write_text(HAND_AWARDS, encoding="utf-8")
    (root / "pledges.csv").write_text(HAND_PLEDGES, encoding="utf-8")
    with Corpus(home) as corpus:
        import_list(corpus, root / "awards.csv", "award")
        import_list(corpus, root / "pledges.csv", "pledge")
    return home


@pytest.fixture(scope="session")
def hand_engines(hand_corpus: Path) -> Iterator[dict[str, Engine | str]]:
    """DuckDB and Spark on the hand-made corpus."""
    yield from _engines(hand_corpus)


@pytest.fixture(scope="session")
def hand_duckdb(hand_corpus: Path) -> Iterator[Engine]:
    """DuckDB alone on the hand-made corpus (no Spark session started)."""
    corpus = Corpus(hand_corpus, read_only=True)
    yield connect(corpus, "duckdb")
    corpus.close()
