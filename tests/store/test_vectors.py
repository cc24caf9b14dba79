"""Text vectors (seip.store.vectors): built from the real corpus, kept in step on import, crash-safe, reproducible."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
import scipy.sparse as sp
from sklearn.decomposition import TruncatedSVD

from seip.store import Corpus, vectors
from seip.store.export import export
from seip.store.importing import import_file

pytestmark = pytest.mark.shared_data
PATENTICS = "cn-patent-container/patentics-csv"


@pytest.fixture(scope="module")
def real_vectors(real_corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    """A copy of the real corpus (the session corpus stays untouched) with its vectors built."""
    home = tmp_path_factory.mktemp("vec") / "home"
    home.mkdir()
    shutil.copy(real_corpus / "corpus.duckdb", home / "corpus.duckdb")
    corpus = Corpus(home, read_only=True)
    yield corpus, vectors.build(corpus)
    corpus.close()


def _texts(corpus: Corpus, pubs: list[str]) -> list[str]:
    t = corpus.query(
        f"SELECT pub_number, {vectors.TEXT_SQL} AS t FROM patents WHERE list_contains(?, pub_number)", [pubs]
    )
    by = dict(zip(t.column(0).to_pylist(), t.column(1).to_pylist(), strict=True))
    return [by[p] or "" for p in pubs]


def test_every_patent_has_one_unit_vector(real_vectors) -> None:
    corpus, vs = real_vectors
    pubs = corpus.query("SELECT pub_number FROM patents").column(0)
    assert len(vs) == corpus.count() == len(pc.unique(vs.pub_numbers))
    assert pc.all(pc.is_in(pubs, value_set=vs.pub_numbers)).as_py()
    assert vs.pub_numbers.type == pa.string()
    assert vs.matrix.dtype == np.float32 and vs.matrix.shape == (len(vs), 256)
    norms = np.linalg.norm(vs.matrix, axis=1)
    # Rows are unit length, except texts without one known term: those are zero, and only those.
    empty = vs.model.features(_texts(corpus, vs.pub_numbers.to_pylist())).getnnz(axis=1) == 0
    assert np.allclose(norms[~empty], 1.0, atol=1e-4)
    assert np.all(norms[empty] == 0) and empty.sum() < len(vs) // 100


def test_transform_reproduces_the_stored_rows(real_vectors) -> None:
    corpus, vs = real_vectors
    rows = np.random.default_rng(1).choice(len(vs), 200, replace=False)
    pubs = vs.pub_numbers.take(pa.array(rows)).to_pylist()
    again = vs.transform(_texts(corpus, pubs))
    assert np.allclose(again, vs.matrix[rows], atol=1e-5)
    assert np.array_equal(vs.positions(pubs), rows)
    assert vs.positions(["XX000000A"]).tolist() == [-1]


def test_neighbours_share_technology_far_more_than_random(real_vectors) -> None:
    """Quality, honestly measured: how often the nearest neighbour shares the IPC main group, against random."""
    corpus, vs = real_vectors
    ipc = corpus.query(
        "SELECT pub_number, split_part(ipc_main, '/', 1) AS g FROM patents WHERE ipc_main IS NOT NULL"
    )
    group = dict(zip(ipc.column(0).to_pylist(), ipc.column(1).to_pylist(), strict=True))
    pubs = vs.pub_numbers.to_pylist()
    rng = np.random.default_rng(0)
    sample = [i for i in rng.choice(len(vs), 600, replace=False) if pubs[i] in group][:400]
    sims = vs.matrix[sample] @ vs.matrix.T
    sims[np.arange(len(sample)), sample] = -2
    nearest = sims.argmax(axis=1)
    hit = np.mean([group.get(pubs[j]) == group[pubs[i]] for i, j in zip(sample, nearest, strict=True)])
    rand = np.mean(
        [group.get(pubs[j]) == group[pubs[i]] for i, j in zip(sample, rng.permutation(sample), strict=True)]
    )
    assert hit > 0.4 and hit > 4 * rand, (hit, rand)


def test_files_hold_no_pickles_and_build_is_reproducible(real_vectors, tmp_path: Path) -> None:
    corpus, vs = real_vectors
    names = {p.suffix for p in vectors.folder(corpus).iterdir() if p.name != ".lock"}
    assert names == {".json", ".npz", ".npy", ".arrow"}
    for npz in vectors.folder(corpus).glob("*.npz"):
        with np.load(npz, allow_pickle=False) as z:
            assert all(z[k].dtype != object for k in z.files)
    texts = _texts(corpus, vs.pub_numbers.to_pylist()[:3000])
    a, b = vectors.Model.fit(texts, 64), vectors.Model.fit(texts, 64)
    assert a.words == b.words and np.array_equal(a.components, b.components)


def test_truncated_svd_matches_scikit_learn() -> None:
    rng = np.random.default_rng(0)
    for n in (500, 3000):  # the exact path and the randomized one
        # Twenty topics of decaying strength plus sparse noise: a spectrum with clear gaps, like real text.
        topics = rng.random((20, 1000)) * (rng.random((20, 1000)) < 0.05) * np.geomspace(10, 1, 20)[:, None]
        mix = rng.random((n, 20)) * (rng.random((n, 20)) < 0.3)
        noise = sp.random(n, 1000, density=0.01, random_state=rng)
        x = sp.csr_matrix(mix @ topics + noise, dtype=np.float32)
        ours = vectors._truncated_svd(x, 20)
        ref = TruncatedSVD(20, algorithm="arpack").fit(x)
        assert np.linalg.norm(ref.components_[:15] @ ours.T, axis=1).min() > 0.99
        assert np.allclose(np.linalg.norm(x @ ours.T, axis=0), ref.singular_values_, rtol=1e-3)
        assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-3)


@pytest.fixture()
def small(datasets: Path, tmp_path: Path):
    corpus = Corpus(tmp_path / "home")
    yield corpus, datasets / PATENTICS
    corpus.close()


def _consistent(corpus: Corpus) -> vectors.VectorSet:
    vs = vectors.load(corpus)
    assert len(vs) == corpus.count() == len(pc.unique(vs.pub_numbers))
    rows = np.arange(0, len(vs), max(1, len(vs) // 50))
    assert np.allclose(
        vs.transform(_texts(corpus, vs.pub_numbers.take(pa.array(rows)).to_pylist())),
        vs.matrix[rows],
        atol=1e-5,
    )
    return vs


def test_sync_appends_new_patents_and_refits_when_the_corpus_doubles(small) -> None:
    corpus, folder = small
    with pytest.raises(vectors.VectorsMissing):
        vectors.load(corpus)
    assert vectors.sync(corpus) == 0  # nothing to embed yet, nothing written
    import_file(corpus, folder / "global_uber.csv")
    n1 = corpus.count()
    assert vectors.sync(corpus) == n1 and vectors.sync(corpus) == 0
    first = vectors.status(corpus)
    import_file(corpus, folder / "global_argo_ai.csv")  # grows by < 2x: appended with the same model
    added = corpus.count() - n1
    assert vectors.sync(corpus) == added
    second = vectors.status(corpus)
    assert second["model"] == first["model"] and second["matrix"] == first["matrix"]
    assert second["watermark"] > first["watermark"]
    _consistent(corpus)
    import_file(corpus, folder / "global_didi.csv")  # more than doubles: refitted
    assert vectors.sync(corpus) == corpus.count()
    third = vectors.status(corpus)
    assert third["model"] != first["model"] and third["fit_corpus_rows"] == corpus.count()
    _consistent(corpus)
    assert {p.name for p in vectors.folder(corpus).iterdir()} == {
        ".lock",
        "manifest.json",
        third["matrix"],
        third["pubs"],
        f"{third['model']}.json",
        f"{third['model']}.npz",
    }


def test_changed_and_deleted_patents_are_re_embedded_and_dropped(small, tmp_path: Path) -> None:
    corpus, folder = small
    import_file(corpus, folder / "global_uber.csv")
    vectors.sync(corpus)
    before = vectors.load(corpus)
    # An updated export of ten patents with new titles, imported as canonical Parquet.
    export(corpus, tmp_path / "all.parquet")
    t = pq.read_table(tmp_path / "all.parquet").slice(0, 10)
    t = t.set_column(t.schema.get_field_index("title"), "title", pa.array(["一种锂离子电池正极材料"] * 10))
    pq.write_table(t, tmp_path / "changed.parquet")
    assert import_file(corpus, tmp_path / "changed.parquet").updated == 10
    corpus.con.execute("DELETE FROM patents WHERE pub_number = ?", [t.column("pub_number")[-1].as_py()])
    assert vectors.sync(corpus) == 9
    vs = _consistent(corpus)
    changed = vs.positions(t.column("pub_number").to_pylist()[:9])
    assert (changed >= 0).all()
    assert not np.allclose(
        vs.matrix[changed], before.matrix[before.positions(t.column("pub_number").to_pylist()[:9])]
    )


def test_a_crash_before_the_commit_leaves_the_last_vectors(small, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, folder = small
    import_file(corpus, folder / "global_uber.csv")
    vectors.sync(corpus)
    before = vectors.status(corpus)
    import_file(corpus, folder / "global_argo_ai.csv")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(vectors, "_commit", crash)
    with pytest.raises(KeyboardInterrupt):
        vectors.sync(corpus)
    monkeypatch.undo()
    assert vectors.status(corpus) == before
    vs = vectors.load(corpus)
    assert len(vs) == before["rows"] < corpus.count()
    assert vectors.sync(corpus) == corpus.count() - before["rows"]
    _consistent(corpus)
