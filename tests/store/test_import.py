"""Importing: counts balance, re-import changes nothing, failure changes nothing, merge policy, quarantine."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from seip.records.normalize import Normalizer
from seip.sources import detect_format
from seip.store import Corpus
from seip.store.importing import COUNT_KEYS, import_file

CANONICAL_HEADER = "pub_number,title,applicants,legal_status,source_format,app_date,ipc\n"


def _snapshot(corpus: Corpus) -> dict[str, str]:
    """A digest of every corpus table (not the logs) to prove that nothing changed."""
    out = {}
    for table in ("patents", "legal_events", "quarantine"):
        rows = corpus.con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
        out[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return out


@pytest.fixture()
def corpus(tmp_path: Path):
    with Corpus(tmp_path / "home") as c:
        yield c


def _csv(tmp_path: Path, name: str, body: str, encoding: str = "utf-8") -> Path:
    f = tmp_path / name
    f.write_bytes(body.encode(encoding))
    return f


def test_counts_balance_and_reimport_changes_nothing(corpus: Corpus, tmp_path: Path) -> None:
    f = _csv(
        tmp_path,
        "a.csv",
        "公开号,申请号,申请日,发明名称,申请人,法律状态\n"
        "CN110000001A,CN201910000001.9,2019/01/02,一种电池,哈尔滨工业大学,实质审查\n"
        "CN110000002A,,2019/01/03,一种芯片,比亚迪股份有限公司,公开\n"
        "CN110000001A,CN201910000001.9,2019/01/02,一种电池,哈尔滨工业大学,实质审查\n"
        ",,2019/01/03,没有号码,某公司,公开\n",
    )
    r = import_file(corpus, f)
    assert r.status == "ok", r.error
    assert r.counts() == {
        "rows_read": 4,
        "imported": 2,
        "updated": 0,
        "unchanged": 0,
        "duplicates_in_file": 1,
        "quarantined": 1,
    }
    before = _snapshot(corpus)
    again = import_file(corpus, f)
    assert again.counts() == {
        "rows_read": 4,
        "imported": 0,
        "updated": 0,
        "unchanged": 2,
        "duplicates_in_file": 1,
        "quarantined": 1,
    }
    assert _snapshot(corpus) == before
    q = corpus.con.execute("SELECT source_row, field, reason, raw FROM quarantine").fetchall()
    assert q == [(5, "pub_number", "missing publication number", q[0][3])]
    assert "没有号码" in q[0][3]  # the raw row is kept


def test_failed_import_changes_nothing(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _csv(tmp_path, "good.csv", "公开号,发明名称\nCN110000001A,一种电池\n")
    import_file(corpus, good)
    before = _snapshot(corpus)
    rows = "".join(f"CN11{i:07d}A,标题{i}\n" for i in range(2, 500))
    big = _csv(tmp_path, "big.csv", "公开号,发明名称\n" + rows + "CN110000001A,改过的标题\n")
    calls = {"n": 0}
    real = Normalizer.normalize

    def flaky(self: Normalizer, batch: object):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full (simulated)")
        return real(self, batch)

    monkeypatch.setattr(Normalizer, "normalize", flaky)
    r = import_file(corpus, big, batch_size=100)
    assert r.status == "failed" and "disk full (simulated)" in (r.error or "")
    assert _snapshot(corpus) == before
    assert corpus.con.execute("SELECT status FROM import_log ORDER BY import_id DESC LIMIT 1").fetchall()[
        0
    ] == ("failed",)


def test_merge_policy(corpus: Corpus, tmp_path: Path) -> None:
    first = _csv(
        tmp_path,
        "1.csv",
        CANONICAL_HEADER + "US9000000B2,Official title,ACME INC,granted,uspto_xml,2015-01-02,G06F16/33\n"
        "CN110000001A,一种电池,哈尔滨工业大学,pending,incopat,2019-01-02,H01M10/05\n",
    )
    second = _csv(
        tmp_path,
        "2.csv",
        CANONICAL_HEADER + "US9000000B2,Vendor title,,lapsed,patentics,,H01M10/05\n"
        "CN110000001A,,哈尔滨工业大学 | 比亚迪股份有限公司,granted,patentics,2019-01-03,\n",
    )
    assert import_file(corpus, first).imported == 2
    r = import_file(corpus, second)
    assert r.counts()["updated"] == 2
    rows = {
        row[0]: row
        for row in corpus.con.execute(
            "SELECT pub_number, title, applicants, legal_status, app_date, ipc, source_format FROM patents"
        ).fetchall()
    }
    us = rows["US9000000B2"]
    assert us[1] == "Official title"  # rule 3: official source outranks a vendor export
    assert us[2] == ["ACME INC"]  # rule 1: empty never erases
    assert us[3] == "lapsed"  # rule 2: the latest legal status wins
    assert us[5] == ["G06F16/33"]  # rule 3 again
    cn = rows["CN110000001A"]
    assert cn[1] == "一种电池"  # rule 1
    assert cn[2] == ["哈尔滨工业大学", "比亚迪股份有限公司"] and cn[3] == "granted"  # equal rank: latest wins
    assert cn[4] == dt.date(2019, 1, 3) and cn[5] == ["H01M10/05"]
    assert cn[6] == "patentics"  # rule 5: provenance of the last change


def test_broken_csv_row_is_quarantined_with_line(corpus: Corpus, tmp_path: Path) -> None:
    f = _csv(
        tmp_path,
        "broken.csv",
        "公开号,发明名称,申请人\nCN110000001A,一种电池,甲公司\n"
        "CN110000002A,一种,芯片,乙公司,多余\nCN110000003A,一种电机,丙公司\n",
    )
    r = import_file(corpus, f)
    assert r.counts() == {
        "rows_read": 3,
        "imported": 2,
        "updated": 0,
        "unchanged": 0,
        "duplicates_in_file": 0,
        "quarantined": 1,
    }
    row, field, reason = corpus.con.execute("SELECT source_row, field, reason FROM quarantine").fetchall()[0]
    assert (row, field) == (3, "*row*") and reason.startswith("row has 5 fields, the header has 3")
    assert sorted(x[0] for x in corpus.con.execute("SELECT source_row FROM patents").fetchall()) == [2, 4]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-8"])
def test_encodings(corpus: Corpus, tmp_path: Path, encoding: str) -> None:
    f = _csv(
        tmp_path,
        "enc.csv",
        "公开（公告）号,发明名称,申请（专利权）人,地址\n"
        "CN110000001A,一种锂离子电池正极材料,黑龙江省某某新材料有限公司,黑龙江省哈尔滨市南岗区\n",
        encoding="utf-8" if encoding == "utf-8-sig" else encoding,
    )
    if encoding == "utf-8-sig":
        f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes())
    assert import_file(corpus, f).imported == 1
    title, applicants, province = corpus.con.execute(
        "SELECT title, applicants, province FROM patents"
    ).fetchall()[0]
    assert title == "一种锂离子电池正极材料" and applicants == ["黑龙江省某某新材料有限公司"]
    assert province == "黑龙江省"


GARBAGE = {
    "empty.csv": (b"", "file is empty"),
    "header_only.csv": ("公开号,发明名称,申请人\n".encode(), "no data rows"),
    "binary.dat": (bytes(range(256)) * 64, "binary data"),
    "unknown.csv": ("姓名,年龄,城市\n张三,30,北京\n".encode(), "unknown layout"),
    "random.xml": (b"<?xml version='1.0'?><root><a/></root>", "XML that is neither"),
}


@pytest.mark.parametrize("name", GARBAGE)
def test_garbage_gives_one_line_error(corpus: Corpus, tmp_path: Path, name: str) -> None:
    data, expected = GARBAGE[name]
    f = tmp_path / name
    f.write_bytes(data)
    r = import_file(corpus, f)
    assert r.status == "failed" and expected in (r.error or "") and "\n" not in (r.error or "")
    assert r.error.startswith(str(f))
    assert corpus.count() == 0


@pytest.mark.shared_data
def test_truncated_xlsx(corpus: Corpus, tmp_path: Path, datasets: Path) -> None:
    data = (datasets / "cn-patent-container/incopat/openai_72.xlsx").read_bytes()
    f = tmp_path / "cut.xlsx"
    f.write_bytes(data[: len(data) // 2])
    r = import_file(corpus, f)
    assert r.status == "failed" and "truncated or corrupt" in (r.error or "")
    assert corpus.count() == 0


@pytest.mark.shared_data
def test_every_real_file_imports_and_balances(tmp_path: Path, datasets: Path) -> None:
    refused = {"pa040101.two.xml"}  # 2001–2004 USPTO `pap` DTD: refused with a clear message
    patent_files = sorted(
        [p for p in (datasets / "cn-patent-container").glob("*/*") if p.parent.name != "other"]
        + [p for p in (datasets / "patentsview-db").glob("*/*.xml") if p.name not in refused]
        + [p for p in (datasets / "uspto-ppd-samples").glob("xml*/*") if p.suffix in ("", ".xml")]
        + list((datasets / "epo-ops-samples").glob("legal/*.xml"))
        + list((datasets / "epo-ops-samples").glob("family/*.xml"))
        + list((datasets / "epo-ops-samples").glob("published/*biblio*.xml"))
        + list((datasets / "epo-ops-samples").glob("published/*full_cycle*.xml"))
    )
    with Corpus(tmp_path / "all") as corpus:
        results = [import_file(corpus, p) for p in patent_files]
        failed = [(r.file, r.error) for r in results if r.status != "ok"]
        assert not failed
        assert len(results) == 24 + 15 + 8 + 3 + 1 + 4 + 2
        assert all(r.balanced() for r in results)
        total = {k: sum(getattr(r, k) for r in results) for k in COUNT_KEYS}
        assert total["quarantined"] == 0
        assert corpus.count() == total["imported"]
        # example_1 and example_2 hold the same document (EP1000000A1) with 50 and 51 events: stored once.
        events = set()
        for f in (datasets / "epo-ops-samples/legal").glob("*.xml"):
            mod = detect_format(f)
            for batch in mod.read(f):
                for rec in batch.to_pylist():
                    events |= {
                        (rec["pub_number"], e["event_date"], e["code"], e["description"])
                        for e in rec["legal_events"]
                    }
        assert len(events) == 65
        assert corpus.count("legal_events") == len(events)
        checks = [c for r in results for c in r.checks if c.kind == "check" and c.status == "fail"]
        assert not checks
        r = import_file(corpus, datasets / "patentsview-db/single-docs/pa040101.two.xml")
        assert r.status == "failed" and "is not supported" in (r.error or "")


def test_process_death_during_import_is_undone_on_next_open(tmp_path: Path) -> None:
    """A process killed half way leaves its committed batches; the next open removes them."""
    import subprocess
    import sys

    home = tmp_path / "home"
    good = _csv(tmp_path, "good.csv", "公开号,发明名称\nCN110000001A,一种电池\n")
    with Corpus(home) as c:
        import_file(c, good)
        before = _snapshot(c)
    rows = "".join(f"CN11{i:07d}A,标题{i}\n" for i in range(2, 600))
    big = _csv(tmp_path, "big.csv", "公开号,发明名称\n" + rows)
    script = f"""
import os
from seip.records.normalize import Normalizer
from seip.store import Corpus
from seip.store.importing import import_file
real, calls = Normalizer.normalize, []
def dying(self, batch):
    calls.append(1)
    if len(calls) == 4:
        os._exit(9)  # no cleanup, no rollback: like kill -9
    return real(self, batch)
Normalizer.normalize = dying
import_file(Corpus({str(home)!r}), {str(big)!r}, batch_size=100)
"""
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == 9
    import duckdb

    raw = duckdb.connect(str(home / "corpus.duckdb"), read_only=True)  # what the dead process left
    left = raw.execute("SELECT count(*) FROM patents").fetchall()[0][0]
    raw.close()
    assert left > 1  # it had committed batches
    with Corpus(home) as c:
        assert _snapshot(c) == before
        status, error = c.one("SELECT status, error FROM import_log ORDER BY import_id DESC LIMIT 1")
        assert status == "interrupted" and "rows were removed" in error


def test_duplicates_across_batches(corpus: Corpus, tmp_path: Path) -> None:
    """A number met again in a later batch: counted once as a duplicate, the last row wins, conflicts reported."""
    f = _csv(
        tmp_path,
        "d.csv",
        "公开号,发明名称\nCN110000001A,旧标题\nCN110000002A,甲\nCN110000003A,乙\n"
        "CN110000001A,新标题\nCN110000002A,甲\n",
    )
    r = import_file(corpus, f, batch_size=2)
    assert r.counts() == {
        "rows_read": 5,
        "imported": 3,
        "updated": 0,
        "unchanged": 0,
        "duplicates_in_file": 2,
        "quarantined": 0,
    }
    assert corpus.one("SELECT title FROM patents WHERE pub_number = 'CN110000001A'") == ("新标题",)
    conflicting = {c.name: c for c in r.checks}["duplicates_conflicting"]
    assert conflicting.value == 1 and conflicting.detail == "CN110000001A"
