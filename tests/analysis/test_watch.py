"""Watchlists: add/list/remove with their checks, and runs that report exactly what is new since the last run
(new patents, changed patents, new legal events), through the library and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seip.analysis import watch
from seip.cli import app
from seip.store import Corpus
from tests.analysis.test_value import LICENCE, TRANSFER, cn, ev, scratch_corpus

FIRST = [
    cn(1, applicants=["宁德时代新能源科技股份有限公司"], ipc=["H01M10/05"], title="一种锂离子电池"),
    cn(2, applicants=["比亚迪股份有限公司"], ipc=["B60L53/00"], title="充电装置"),
    cn(3, applicants=["华为技术有限公司"], ipc=["G06N3/08"], title="神经网络训练方法"),
]
SECOND = [
    cn(4, applicants=["宁德时代新能源科技股份有限公司"], ipc=["H01M4/13"], title="正极材料"),
    cn(5, applicants=["某大学"], ipc=["H01M10/052"], title="固态电池电解质"),
    cn(6, applicants=["华为技术有限公司"], ipc=["G06F16/33"], title="检索方法"),
    # Patent 2 again with a changed title (an update), and new legal events on patent 1.
    {**FIRST[1], "title": "充电装置及方法"},
    {**FIRST[0], "legal_events": [ev("2022-01-01", *LICENCE), ev("2022-06-01", *TRANSFER)]},
]


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    return scratch_corpus(tmp_path / "home", FIRST)


def test_add_list_remove_and_checks(home: Path) -> None:
    with Corpus(home) as c:
        assert watch.listing(c) == []
        a = watch.add(c, "applicant", "宁德时代", label="竞争对手")
        b = watch.add(c, "ipc", "h01m 10")
        assert (a["watch_id"], b["watch_id"], b["value"]) == (1, 2, "H01M10")
        with pytest.raises(watch.WatchError, match="already watched"):
            watch.add(c, "ipc", "H01M10")
        for kind, value, message in [
            ("colour", "red", "unknown watch kind"),
            ("ipc", "电池", "not an IPC symbol"),
            ("sei", "9.9", "not an SEI code"),
            ("keyword", "  ", "needs a value"),
        ]:
            with pytest.raises(watch.WatchError, match=message):
                watch.add(c, kind, value)
        assert [w["value"] for w in watch.listing(c)] == ["宁德时代", "H01M10"]
        assert watch.remove(c, 1)["label"] == "竞争对手"
        assert [w["watch_id"] for w in watch.listing(c)] == [2]
        with pytest.raises(watch.WatchError, match="no watch 1"):
            watch.remove(c, 1)
        assert watch.competitors(c) == ()


def test_runs_report_what_is_new(home: Path) -> None:
    with Corpus(home) as c:
        for kind, value in [("applicant", "宁德时代"), ("ipc", "H01M10"), ("keyword", "电池"), ("sei", "5"),
                            ("applicant", "华为")]:  # fmt: skip
            watch.add(c, kind, value)
        first = {r["value"]: r for r in watch.run(c)}
    # Right after adding, nothing is new; what already matched is counted.
    assert {v: (r["matched"], r["new_patents"]) for v, r in first.items()} == {
        "宁德时代": (1, 0), "H01M10": (1, 0), "电池": (1, 0), "5": (2, 0), "华为": (1, 0)
    }  # fmt: skip
    scratch_corpus(home, SECOND)
    with Corpus(home) as c:
        second = {r["value"]: r for r in watch.run(c)}
        third = {r["value"]: r for r in watch.run(c)}
        listed = {w["value"]: w for w in watch.listing(c)}
    counts = {
        v: (r["matched"], r["new_patents"], r["updated_patents"], r["new_events"]) for v, r in second.items()
    }
    assert counts == {
        "宁德时代": (2, 1, 0, 2),  # patent 4 new; two events on patent 1
        "H01M10": (2, 1, 0, 2),  # patent 5 (H01M10/052) new; H01M4/13 is another main group
        "电池": (2, 1, 0, 2),  # 固态电池电解质
        "5": (4, 2, 1, 2),  # 4 and 5 new, 2 changed
        "华为": (2, 1, 0, 0),
    }
    assert [p["pub_number"] for p in second["宁德时代"]["new"]] == ["CN100000004B"]
    assert {e["category"] for e in second["宁德时代"]["events"]} == {"licence", "transfer"}
    assert all(r["new_patents"] == r["updated_patents"] == r["new_events"] == 0 for r in third.values())
    assert listed["5"]["last_new"] == 0 and listed["5"]["last_run_at"] is not None


def test_cli_watch(home: Path) -> None:
    runner = CliRunner()

    def run(*args: str) -> object:
        res = runner.invoke(app, [*args, "--home", str(home), "--json"])
        assert res.exit_code == 0, res.output
        return json.loads(res.stdout)

    assert run("watch", "add", "keyword", "电池", "--label", "电池技术")["watch_id"] == 1
    assert run("watch", "add", "applicant", "比亚迪")["kind"] == "applicant"
    assert [w["value"] for w in run("watch", "list")] == ["电池", "比亚迪"]
    scratch_corpus(home, SECOND)
    results = run("watch", "run", "1")
    assert [(r["watch_id"], r["new_patents"]) for r in results] == [(1, 1)]
    assert run("watch", "run")[1]["updated_patents"] == 1  # 比亚迪's patent changed its title
    assert run("watch", "remove", "2")["value"] == "比亚迪"
    res = runner.invoke(app, ["watch", "run", "7", "--home", str(home)])
    assert isinstance(res.exception, watch.WatchError) and "no watch 7" in str(res.exception)
    plain = runner.invoke(app, ["watch", "list", "--home", str(home)])
    assert plain.exit_code == 0 and "电池技术" in plain.stdout
