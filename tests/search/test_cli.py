"""``seip search``, ``seip similar`` and ``seip index``: the --json contract, export, facets, one-line errors."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from seip.cli import app
from seip.store import Corpus
from seip.store.search import match_numbers
from seip.store.search.similar import SimilarError

runner = CliRunner()


def _json(*args: str, home: Path) -> dict:
    result = runner.invoke(app, [*args, "--home", str(home), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_search_json_contract(demo_search: Path) -> None:
    data = _json("search", "TI=电池 AND AD>=2015", "--limit", "5", home=demo_search)
    assert {"total", "hits", "facets"} <= set(data)
    assert data["total"] > 5 and len(data["hits"]) == 5
    hit = data["hits"][0]
    assert {"pub_number", "title", "score", "snippet"} <= set(hit)
    assert "电池" in hit["title"] and hit["score"] > 0
    assert set(data["facets"]) >= {"year", "sei", "applicant", "province", "type", "legal_status", "office"}
    assert all(h["app_date"] >= "2015-01-01" for h in data["hits"])


def test_facets_count_the_whole_result(demo_search: Path) -> None:
    query = "电池 OR 电机"
    data = _json("search", query, "--limit", "3", home=demo_search)
    with Corpus(demo_search, read_only=True) as c:
        c.con.register("_m", pa.table({"pub_number": match_numbers(c, query)}))
        rows = c.query(
            "SELECT year(app_date) AS y, patent_type, legal_status, pub_country, province, sei_codes, applicants_std "
            "FROM patents JOIN _m USING (pub_number)"
        ).to_pylist()
    assert data["total"] == len(rows) > 100

    def facet(name: str) -> dict:
        return {r["key"]: r["count"] for r in data["facets"][name]}

    assert facet("year") == Counter(r["y"] for r in rows if r["y"] is not None)
    assert facet("type") == Counter(r["patent_type"] for r in rows)
    assert facet("legal_status") == Counter(r["legal_status"] for r in rows)
    assert facet("office") == Counter(r["pub_country"] for r in rows)
    assert facet("province") == Counter(r["province"] for r in rows if r["province"])
    assert facet("sei") == Counter(c for r in rows for c in (r["sei_codes"] or []))
    applicants = Counter(a for r in rows for a in set(r["applicants_std"] or []))
    top = facet("applicant")
    assert len(top) == 20 and data["facets"]["applicant_error_bound"] == 0
    assert all(applicants[a] == n for a, n in top.items())
    assert min(top.values()) >= sorted(applicants.values(), reverse=True)[19]


def test_pages_do_not_overlap(demo_search: Path) -> None:
    first = _json("search", "一种", "--limit", "10", "--no-facets", home=demo_search)
    second = _json("search", "一种", "--limit", "10", "--page", "2", "--no-facets", home=demo_search)
    ids = [h["pub_number"] for h in first["hits"] + second["hits"]]
    assert len(set(ids)) == 20 and first["facets"] == {}


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_export(demo_search: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"hits.{suffix}"
    result = runner.invoke(
        app,
        [
            "search",
            "TI=电池",
            "--limit",
            "5",
            "--export",
            str(out),
            "--export-limit",
            "40",
            "--home",
            str(demo_search),
        ],
    )
    assert result.exit_code == 0, result.output
    if suffix == "csv":
        with out.open(encoding="utf-8-sig") as fh:
            rows = list(csv.reader(fh))
    else:
        rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("hits").to_python()
        rows = [[c for c in r[:16]] for r in rows]
    assert rows[0][:3] == ["序号", "公开号", "标题"]
    assert len(rows) == 41 and all("电池" in r[2] for r in rows[1:])
    with Corpus(demo_search, read_only=True) as c:
        assert {r[1] for r in rows[1:]} <= set(match_numbers(c, "TI=电池").to_pylist())


def test_text_output_and_english(demo_search: Path) -> None:
    zh = runner.invoke(app, ["search", "TI=电池", "--limit", "2", "--home", str(demo_search)])
    assert zh.exit_code == 0 and "命中" in zh.stdout and "申请年" in zh.stdout
    en = runner.invoke(app, ["--lang", "en", "search", "TI=电池", "--limit", "2", "--home", str(demo_search)])
    assert en.exit_code == 0 and "hits" in en.stdout and "filing year" in en.stdout


def test_syntax_error_is_one_line_with_a_caret(demo_search: Path) -> None:
    env = {**os.environ, "SEIP_LANG": "en"}
    proc = subprocess.run(
        [sys.executable, "-c", "from seip.cli import main; main()", "search", "TI=锂电池 AND (正极", "--home", str(demo_search)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert "column 12" in lines[0] and "expected ')'" in lines[0] and "TI=锂电池 AND ‸(正极" in lines[0]


def test_index_commands(demo_search: Path) -> None:
    status = _json("index", "status", home=demo_search)
    assert status["exists"] and not status["stale"] and status["docs"] == 20_000
    assert _json("index", "sync", home=demo_search) == {"synced": 0}


def test_index_rebuild(tmp_path: Path, demo_search: Path) -> None:
    home = tmp_path / "h"
    home.mkdir()
    (home / "corpus.duckdb").write_bytes((demo_search / "corpus.duckdb").read_bytes())
    assert _json("index", "rebuild", home=home) == {"indexed": 20_000}
    assert _json("search", "PN=CN1*", "--no-facets", home=home)["total"] > 0


def test_similar_by_number_and_text_with_filters(demo_search: Path) -> None:
    some = _json("search", "TI=电池 AND LS=有效", "--limit", "1", "--no-facets", home=demo_search)["hits"][0]
    data = _json("similar", some["pub_number"], "--limit", "8", home=demo_search)
    hits = data["hits"]
    assert len(hits) == 8 and some["pub_number"] not in [h["pub_number"] for h in hits]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    applicant = hits[0]["applicants"][0]
    screened = _json(
        "similar",
        "--text",
        some["title"],
        "--valid",
        "--exclude-applicant",
        applicant,
        "--limit",
        "8",
        home=demo_search,
    )["hits"]
    assert len(screened) == 8
    assert all(h["is_valid"] for h in screened)
    assert not any(applicant in a for h in screened for a in h["applicants"])


def test_similar_needs_something_to_compare(demo_search: Path) -> None:
    nothing = runner.invoke(app, ["--lang", "en", "similar", "--home", str(demo_search)])
    unknown = runner.invoke(app, ["--lang", "en", "similar", "CN000000000X", "--home", str(demo_search)])
    assert isinstance(nothing.exception, SimilarError) and "publication number or --text" in str(
        nothing.exception
    )
    assert isinstance(unknown.exception, SimilarError) and "not in the corpus" in str(unknown.exception)


@pytest.mark.parametrize(
    "cmd", [["search"], ["similar"], ["index", "rebuild"], ["index", "sync"], ["index", "status"]]
)
def test_help_with_example(cmd: list[str]) -> None:
    result = runner.invoke(app, [*cmd, "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout
