"""Award and pledge lists (``seip import-awards``): reading, number normalisation, rejected rows, re-import."""

from __future__ import annotations

import json

import polars as pl
import pytest
from typer.testing import CliRunner

from seip.analysis.awards import AwardsError, import_list, qualifying_award, read_list
from seip.cli import app
from seip.store import Corpus


def test_numbers_names_and_rejections(tmp_path) -> None:
    f = tmp_path / "奖.csv"
    f.write_text(
        "序号,专利号,奖项名称,奖励等级,获奖年度\n"
        "1,ZL 201810000005.2,中国专利奖,金奖,2022年\n"
        "2,CN101000001B,黑龙江省专利奖,一等奖,2019\n"
        "3,不是号码,中国专利奖,优秀奖,2021\n"
        "4,,中国专利奖,优秀奖,2021\n"
        "5,201710667329.7,国家技术发明奖,二等奖,\n",
        encoding="gb18030",
    )
    rows, rejected = read_list(f, "award", year=2020)
    got = rows.select(
        ["app_number", "pub_number", "name", "level", "year", "qualifies", "source_row"]
    ).to_pylist()
    assert got == [
        {"app_number": "CN2018100000052", "pub_number": None, "name": "中国专利奖", "level": "金奖", "year": 2022,
         "qualifies": True, "source_row": 2},
        {"app_number": None, "pub_number": "CN101000001B", "name": "黑龙江省专利奖", "level": "一等奖", "year": 2019,
         "qualifies": False, "source_row": 3},
        {"app_number": "CN2017106673297", "pub_number": None, "name": "国家技术发明奖", "level": "二等奖", "year": 2020,
         "qualifies": True, "source_row": 6},
    ]  # fmt: skip
    assert [(r["row"], "neither" in r["reason"] or "empty" in r["reason"]) for r in rejected] == [
        (4, True),
        (5, True),
    ]


def test_pledge_amount_units(tmp_path) -> None:
    xlsx = tmp_path / "质押.xlsx"
    pl.DataFrame(
        {"申请号": ["CN201910000008.0"], "质押金额(亿元)": ["0.15"], "登记日": ["2020-05-01"]}
    ).write_excel(xlsx)
    rows, rejected = read_list(xlsx, "pledge")
    assert not rejected and rows.column("amount").to_pylist() == [pytest.approx(1500.0)]
    yuan = tmp_path / "yuan.csv"
    yuan.write_text(
        "专利号,金额（元）,日期\nCN201910000008.0,20000000,2020/5/1\nCN201910000009.5,,2020/5/2\n"
    )
    rows, rejected = read_list(yuan, "pledge")
    assert (
        rows.column("amount").to_pylist() == [pytest.approx(2000.0)]
        and rejected[0]["reason"] == "empty amount"
    )
    with pytest.raises(AwardsError, match="amount column"):
        read_list(_write(tmp_path / "n.csv", "专利号\nCN101000001B\n"), "pledge")
    with pytest.raises(AwardsError, match="no patent number column"):
        read_list(_write(tmp_path / "x.csv", "名称,金额\na,1\n"), "pledge")
    with pytest.raises(AwardsError, match="unknown list kind"):
        read_list(yuan, "loan")


def _write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_qualifying_award_names() -> None:
    assert qualifying_award("国家科学技术进步奖一等奖") and qualifying_award("China Patent Award (gold)")
    assert not qualifying_award("省科学技术奖") and not qualifying_award(None)


def test_reimport_replaces_rows(tmp_path) -> None:
    f = _write(
        tmp_path / "a.csv", "专利号,奖项\nZL201810000005.2,中国专利优秀奖\nCN101000001B,中国专利银奖\n"
    )
    with Corpus(tmp_path / "home") as corpus:
        first = import_list(corpus, f)
        second = import_list(corpus, f)
        assert (first.stored, first.replaced, second.replaced, first.matched) == (2, 0, 2, 0)
        assert corpus.count("awards") == 2


def test_cli_import_awards(tmp_path) -> None:
    f = _write(
        tmp_path / "a.csv", "专利号,奖项,年度\nZL201810000005.2,中国专利金奖,2022\nbad,中国专利金奖,2022\n"
    )
    res = CliRunner().invoke(app, ["import-awards", str(f), "--home", str(tmp_path / "home"), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert (data["rows_read"], data["stored"], data["qualifying"], len(data["rejected"])) == (2, 1, 1, 1)
