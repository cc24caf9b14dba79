"""The patent map: c-TF-IDF labels by hand, then maps of real patents (layout, clusters, overlays, files, CLI)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from seip.cli import app
from seip.reports import fonts, patent_map, topo
from seip.store import Corpus, vectors

runner = CliRunner()


def test_ctfidf_labels_by_hand() -> None:
    words = ["电池", "芯片", "识别", "语音识别", "通用", "方法"]
    counts = sp.csr_matrix(
        np.array(
            [
                [3, 0, 0, 0, 1, 5],
                [2, 0, 0, 0, 1, 5],
                [0, 4, 0, 0, 1, 5],
                [0, 1, 0, 0, 1, 5],
                [0, 0, 4, 1, 1, 5],
                [0, 0, 2, 2, 1, 5],
            ],
            dtype=np.float32,
        )
    )
    labels = np.array([0, 0, 1, 1, 2, 2])
    terms = patent_map.ctfidf_terms(counts, labels, words)
    # 通用 is in every document of every cluster (generic), 方法 is a drafting word: neither is a label.
    # In cluster 2, 识别 scores 6/21·ln(1+A/6) = 0.40 and 语音识别 3/21·ln(1+A/3) = 0.28 (A = 55/3 words per
    # cluster), so the more specific 语音识别 (at least half the score) takes 识别's place.
    assert terms == {0: ["电池"], 1: ["芯片"], 2: ["语音识别"]}
    assert patent_map.ctfidf_terms(counts, np.full(6, -1), words) == {}


def test_years_option() -> None:
    assert patent_map.parse_years("2018..2022") == (2018, 2022)
    assert patent_map.parse_years("2022-2018") == (2018, 2022)
    assert patent_map.parse_years("2020") == (2020, 2020)
    with pytest.raises(patent_map.MapError):
        patent_map.parse_years("last year")


@pytest.mark.shared_data
def test_map_of_real_patents(report_home: Path, small_map) -> None:
    pm = small_map
    with Corpus(report_home, read_only=True) as corpus:
        selected = corpus.query(
            f"SELECT pub_number, {vectors.TEXT_SQL} AS t, applicants, applicants_std FROM patents "
            "WHERE list_contains(sei_codes, '2.2') ORDER BY pub_number"
        ).to_pylist()
        vs = vectors.load(corpus)
    # Everything selected is on the map, except texts with no known term, which are counted.
    empty = vs.model.features([r["t"] or "" for r in selected]).getnnz(axis=1) == 0
    assert len(pm.pub_numbers) == len(selected) - int(empty.sum()) and pm.left_out == int(empty.sum())
    assert pm.pub_numbers.to_pylist() == [
        r["pub_number"] for r, e in zip(selected, empty, strict=True) if not e
    ]
    # Branches are numbered 1..K by size; their sizes are what the per-patent labels say.
    assert [c.id for c in pm.clusters] == list(range(1, len(pm.clusters) + 1))
    assert [c.size for c in pm.clusters] == sorted((c.size for c in pm.clusters), reverse=True)
    assert all(c.size == int((pm.cluster == c.id).sum()) for c in pm.clusters)
    assert 5 <= len(pm.clusters) <= 60 and (pm.cluster > 0).mean() > 0.5
    # Labels are distinctive: each branch's first term is at least 3x as frequent inside the branch as outside it,
    # and for most branches it is in a fifth of the branch's texts or more (real titles are short and varied).
    texts = {r["pub_number"]: (r["t"] or "").lower() for r in selected}
    docs = [texts[p] for p in pm.pub_numbers.to_pylist()]
    distinct = covering = 0
    for c in pm.clusters:
        assert c.terms, c
        has = np.array([c.terms[0] in d for d in docs])
        inside, outside = has[pm.cluster == c.id].mean(), has[pm.cluster != c.id].mean()
        distinct += inside >= 3 * outside
        covering += inside >= 0.2
    assert distinct >= 0.9 * len(pm.clusters) and covering >= 0.5 * len(pm.clusters)
    # The overlay marks exactly the mapped patents of the applicant.
    mapped = set(pm.pub_numbers.to_pylist())
    expected = sum(
        1
        for r in selected
        if r["pub_number"] in mapped
        and "dji" in " ".join((r["applicants"] or []) + (r["applicants_std"] or [])).lower()
    )
    assert (
        int(pm.overlay.sum())
        == expected
        == sum(c.overlay for c in pm.clusters) + int(pm.overlay[pm.cluster < 0].sum())
    )


@pytest.mark.shared_data
def test_map_files(small_map, tmp_path: Path) -> None:
    files = topo.write(small_map, tmp_path / "地图.png")
    assert files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = topo.write(small_map, tmp_path / "地图.svg", xlsx=False)["svg"].read_text(encoding="utf-8")
    assert svg.count("<path") > 20 and small_map.clusters[0].terms[0] in svg
    html = topo.write(small_map, tmp_path / "地图.html", xlsx=False)["html"].read_text(encoding="utf-8")
    assert "vega" in html and "<script src=" not in html
    wb = CalamineWorkbook.from_path(str(files["xlsx"]))
    branches, patents = (wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names)
    assert len(branches) == len(small_map.clusters) + 1
    assert len(patents) == len(small_map.pub_numbers) + 1
    with pytest.raises(patent_map.MapError):
        topo.write(small_map, tmp_path / "地图.pdf")


@pytest.mark.shared_data
def test_layout_is_deterministic_and_placement_follows_neighbours(
    report_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patent_map, "MAX_LAYOUT", 800)  # lay out 800, place the other ~2,000 by neighbours
    with Corpus(report_home, read_only=True) as corpus:
        a = patent_map.build_map(corpus, sei="2.2", seed=7)
        b = patent_map.build_map(corpus, sei="2.2", seed=7)
    assert np.array_equal(a.xy, b.xy) and np.array_equal(a.cluster, b.cluster)
    assert [c.terms for c in a.clusters] == [c.terms for c in b.clusters]
    laid = np.sort(np.random.default_rng(7).choice(len(a.xy), 800, replace=False))
    placed = np.setdiff1d(np.arange(len(a.xy)), laid)
    # A placed patent sits among laid-out ones and mostly joins the branch of the nearest of them on the map.
    d = ((a.xy[placed][:, None, :] - a.xy[laid][None, :, :]) ** 2).sum(axis=2)
    nearest = laid[d.argmin(axis=1)]
    assert (a.cluster[placed] == a.cluster[nearest]).mean() > 0.75
    lo, hi = a.xy[laid].min(axis=0), a.xy[laid].max(axis=0)
    assert ((a.xy[placed] >= lo) & (a.xy[placed] <= hi)).all()


@pytest.mark.shared_data
def test_map_command(report_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    result = runner.invoke(
        app,
        [
            "map",
            "--sei",
            "2.2",
            "--years",
            "2018..2020",
            "--out",
            str(out),
            "--json",
            "--home",
            str(report_home),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["clusters"] and {"id", "label", "terms", "size", "share", "top_applicants"} <= set(
        data["clusters"][0]
    )
    assert data["overlay"]["label"] == "2018–2020" and data["overlay"]["patents"] > 0
    assert Path(data["files"]["svg"]) == out and out.exists() and Path(data["files"]["xlsx"]).exists()
    # A search query narrows the selection to exactly the patents it matches.
    args = [
        "map",
        "--sei",
        "2.2",
        "--query",
        "TI=无人机",
        "--out",
        str(tmp_path / "m.png"),
        "--home",
        str(report_home),
    ]
    text = runner.invoke(app, args, catch_exceptions=False)
    assert text.exit_code == 0 and "技术主题" in text.stdout and "已写出" in text.stdout
    with Corpus(report_home, read_only=True) as corpus:
        expected = corpus.one(
            "SELECT count(*) FROM patents WHERE list_contains(sei_codes, '2.2') AND contains(title, '无人机')"
        )[0]
    shown = re.search(r"专利地图：([\d,]+) 件专利", text.stdout).group(1).replace(",", "")
    left = re.search(r"([\d,]+) 件无可用文本", text.stdout)
    assert int(shown) + (int(left.group(1).replace(",", "")) if left else 0) == expected


def test_errors_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seip_main) -> None:
    """Bad output names and a missing Chinese font are one line on stderr with exit status 1."""
    run = seip_main

    code, err = run("map", "--out", str(tmp_path / "map.pdf"), "--home", str(tmp_path))
    assert code == 1 and ".png" in err and "Traceback" not in err
    monkeypatch.setattr(fonts, "_fc_list", lambda: [])
    fonts.cjk_fonts.cache_clear()
    try:
        code, err = run("map", "--out", str(tmp_path / "map.png"), "--home", str(tmp_path))
    finally:
        fonts.cjk_fonts.cache_clear()
    assert code == 1 and "apt-get install fonts-noto-cjk" in err and len(err.strip().splitlines()) == 1


def test_no_fontconfig_says_how_to_fix_it(tmp_path: Path) -> None:
    """In a fresh process whose PATH has no fc-list: the same one-line advice, never boxes."""
    env = {**os.environ, "PATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", "from seip.cli import main; main()", "map", "--out", str(tmp_path / "m.png"), "--home", str(tmp_path)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and "fonts-noto-cjk" in result.stderr and "Traceback" not in result.stderr
