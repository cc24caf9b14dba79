"""``seip technology``: the --json contract against the analysis function, English names, a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seip.analysis import lifecycle, technology
from seip.analysis._backend import connect, tables
from seip.cli import app
from seip.errors import SeipError
from seip.store import Corpus

runner = CliRunner()


@pytest.mark.shared_data
def test_json_matches_the_analysis(real_corpus: Path) -> None:
    res = runner.invoke(app, ["technology", "--by", "ipc_group", "--sei", "1.5", "--last", "2020", "--json",
                              "--home", str(real_corpus)])  # fmt: skip
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert (data["recent"], data["previous"]) == ([2018, 2020], [2015, 2017])
    with Corpus(real_corpus, read_only=True) as c:
        sel = lifecycle.select(tables(connect(c)), sei="1.5")
        want = technology.composition(sel, "ipc_group", last=2020).to_pyarrow().to_pylist()
    got = {r["ipc_group"]: (r["count"], r["recent"], r["rank"]) for r in data["rows"]}
    assert got == {r["ipc_group"]: (r["count"], r["recent"], r["rank"]) for r in want}
    assert [r["rank"] for r in data["rows"]] == sorted(r["rank"] for r in data["rows"])


@pytest.mark.shared_data
def test_wipo_names_in_both_languages(real_corpus: Path) -> None:
    zh = runner.invoke(app, ["technology", "--json", "--home", str(real_corpus)])
    en = runner.invoke(app, ["--lang", "en", "technology", "--json", "--home", str(real_corpus)])
    names = {r["wipo_field"]: r["name"] for r in json.loads(zh.stdout)["rows"]}
    names_en = {r["wipo_field"]: r["name"] for r in json.loads(en.stdout)["rows"]}
    assert names[6] == "计算机技术" and names_en[6] == "Computer technology"
    table = runner.invoke(app, ["technology", "--home", str(real_corpus)])
    assert table.exit_code == 0 and "计算机技术" in table.stdout


def test_unknown_dimension_is_one_line(tmp_path: Path) -> None:
    with Corpus(tmp_path / "h"):
        pass
    res = runner.invoke(app, ["technology", "--by", "cpc", "--home", str(tmp_path / "h")])
    # The entry point prints a SeipError as one line; in-process it arrives as the exception.
    assert res.exit_code == 1 and isinstance(res.exception, SeipError) and "wipo" in str(res.exception)
