"""Text vectors of the corpus: TF-IDF over rjieba words and character n-grams, reduced by SVD, stored on disk.

May import: seip.records, seip.errors, stdlib, numpy, scipy, scikit-learn (and its threadpoolctl), rjieba,
pyarrow, duckdb.

Each patent's text is its title, abstract and first claim (the English title and abstract where the original
has no Chinese). Two sparse blocks describe it: rjieba words (lower-cased, stop words and one-character words
dropped) and character n-grams (Han bigrams, ASCII letter/digit trigrams). Each block is TF-IDF weighted
(sublinear tf, smooth idf) and scaled to unit length; the two are joined, projected on the SVD components and
the result is scaled to unit length, so a dot product is a cosine. A text with no known term maps to a zero row.

The model is fitted (never downloaded) on at most :data:`FIT_SAMPLE` patents chosen by ``md5(pub_number)``,
so the same corpus always gives the same model. It is stored as plain arrays (vocabulary in JSON; idf, n-gram
keys and SVD components in ``.npz`` read with ``allow_pickle=False``), never as pickled objects.

Files in ``<corpus home>/vectors/``: ``manifest.json`` (the commit point, replaced atomically), the model
``model-<gen>.json|.npz``, the matrix ``matrix-<gen>.npy`` (float32, with spare rows beyond ``rows``, memory
mapped on load) and ``pubs-<gen>-<seq>.arrow`` (publication numbers, row-aligned). Writers take ``.lock``.
New patents are appended after the committed rows before the manifest moves, so a crash leaves the last
manifest valid; anything else (changed or deleted patents, full capacity, a refit) writes a new generation.

:func:`sync` embeds what changed since the stored watermark (``max(last_import_id)`` of ``patents``) and refits
from scratch when the corpus has grown to :data:`REFIT_GROWTH` times its size at the last fit.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, repeat
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import rjieba
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from threadpoolctl import threadpool_limits

from seip.errors import StoreError
from seip.store.corpus import Corpus

FIT_SAMPLE = 50_000  # patents the vocabulary and SVD are fitted on
MAX_WORDS = 40_000  # word vocabulary size (most frequent by document frequency)
MAX_GRAMS = 40_000  # n-gram vocabulary size
REFIT_GROWTH = 2.0  # refit when the corpus reaches this multiple of its size at the last fit
BATCH = 20_000  # patents embedded per batch
FORMAT = 1

Progress = Callable[[int, int], None]

#: The text embedded per patent (SQL over ``patents``): Chinese fields, else English ones, else the original.
TEXT_SQL = """concat_ws(' ',
  CASE WHEN regexp_matches(title, '\\p{Han}') THEN title ELSE coalesce(title_en, title) END,
  CASE WHEN regexp_matches(abstract, '\\p{Han}') THEN abstract ELSE coalesce(abstract_en, abstract) END,
  first_claim)"""

STOP_WORDS = (
    frozenset(
        """一种 所述 其中 包括 以及 及其 用于 通过 进行 设置 连接 本发明 本实用新型 本申请 本公开 公开 涉及 具有
    能够 可以 实现 提供 至少 一个 多个 第一 第二 第三 其特征 特征 在于 相应 对应 根据 基于 上述 由于 如果
    该方 方面 从而 使得 以便 以上 以下 之间 之一 分别 所示 如图 采用 利用 得到 一端 另一端 固定 安装 位于
    wherein comprising comprises said thereof therein claim claims method apparatus device system according
    first second third plurality least configured methods systems devices apparatuses
    方法 装置 系统 设备 可读 存储介质 电子设备 计算机程序 程序产品 用途 相关""".split()
    )
    | ENGLISH_STOP_WORDS
)
_TERM = re.compile(r"[^\W_][\w\-]*[^\W_]")


class VectorsMissing(StoreError):
    """No vectors stored for this corpus yet."""


def _is_term(w: str) -> bool:
    return len(w) >= 2 and not w.isdigit() and w not in STOP_WORDS and _TERM.fullmatch(w) is not None


# --- features -------------------------------------------------------------------------------------------


def _codepoints(texts: list[str]) -> np.ndarray:
    """Lower-cased code points of the texts joined by NUL (a NUL inside a text becomes a space)."""
    joined = "\x00".join(t.replace("\x00", " ") for t in texts).lower()
    return np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)


def _gram_keys(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(document, key) of every character n-gram: Han bigrams ``c1<<21|c2`` and ASCII trigrams (bit 62 set)."""
    cp = _codepoints(texts).astype(np.uint64)
    doc = np.cumsum(cp == 0)
    han = ((cp >= 0x4E00) & (cp <= 0x9FFF)) | ((cp >= 0x3400) & (cp <= 0x4DBF))
    asc = ((cp >= 97) & (cp <= 122)) | ((cp >= 48) & (cp <= 57))
    bi = np.flatnonzero(han[:-1] & han[1:])
    tri = np.flatnonzero(asc[:-2] & asc[1:-1] & asc[2:])
    keys = np.concatenate(
        [(cp[bi] << 21) | cp[bi + 1], (1 << 62) | (cp[tri] << 14) | (cp[tri + 1] << 7) | cp[tri + 2]]
    )
    return np.concatenate([doc[bi], doc[tri]]), keys


def _words(texts: list[str]) -> tuple[list[list[str]], np.ndarray]:
    toks = [rjieba.cut(t.lower()) if t else [] for t in texts]
    return toks, np.fromiter(map(len, toks), np.int64, len(toks))


def _count_matrix(doc: np.ndarray, col: np.ndarray, n: int, width: int) -> sp.csr_matrix:
    """Term counts from (document, column) pairs; pairs with column < 0 are dropped."""
    keep = col >= 0
    m = sp.csr_matrix(
        (np.ones(int(keep.sum()), np.float32), (doc[keep], col[keep])), shape=(n, width), dtype=np.float32
    )
    m.sum_duplicates()
    return m


def _tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear tf × idf, rows scaled to unit length (empty rows stay empty)."""
    m = counts.copy()
    m.data = (1.0 + np.log(m.data)) * idf[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    m.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(m.indptr)).astype(np.float32)
    return m


def _select(df: np.ndarray, n_docs: int, limit: int, tiebreak: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """Indices of the kept terms: ``ok``, in enough documents but not in most, the ``limit`` most frequent."""
    min_df = 2 if n_docs >= 1000 else 1
    max_df = 0.5 * n_docs if n_docs >= 100 else n_docs
    cand = np.flatnonzero(ok & (df >= min_df) & (df <= max_df))
    order = np.lexsort((tiebreak[cand], -df[cand]))
    return cand[order[:limit]]


class Model:
    """The fitted text model: word vocabulary, n-gram keys, their idf, and the SVD components."""

    def __init__(
        self,
        words: list[str],
        word_idf: np.ndarray,
        gram_keys: np.ndarray,
        gram_idf: np.ndarray,
        components: np.ndarray,
        meta: dict | None = None,
    ) -> None:
        self.words = words
        self.word_idf = word_idf.astype(np.float32)
        self.gram_keys = gram_keys.astype(np.uint64)
        self.gram_idf = gram_idf.astype(np.float32)
        self.components = components.astype(np.float32)
        self.meta = meta or {}
        self._index = {w: i for i, w in enumerate(words)}
        self._ct = np.ascontiguousarray(self.components.T)

    @property
    def dims(self) -> int:
        return self.components.shape[0]

    def word_counts(self, texts: list[str], _toks: tuple | None = None) -> sp.csr_matrix:
        """Raw counts of the vocabulary words (n × len(words)), for term statistics such as cluster labels."""
        toks, lens = _toks or _words(texts)
        ids = np.fromiter(
            map(self._index.get, chain.from_iterable(toks), repeat(-1)), np.int64, int(lens.sum())
        )
        return _count_matrix(np.repeat(np.arange(len(texts)), lens), ids, len(texts), len(self.words))

    def gram_counts(self, texts: list[str]) -> sp.csr_matrix:
        """Raw counts of the vocabulary n-grams (n × len(gram_keys))."""
        doc, keys = _gram_keys(texts)
        pos = np.minimum(np.searchsorted(self.gram_keys, keys), max(len(self.gram_keys) - 1, 0))
        hit = self.gram_keys[pos] == keys if len(self.gram_keys) else np.zeros(len(keys), bool)
        return _count_matrix(doc, np.where(hit, pos, -1), len(texts), len(self.gram_keys))

    def features(self, texts: list[str], _toks: tuple | None = None) -> sp.csr_matrix:
        """The sparse TF-IDF rows (words block, then n-grams block, each of length 1/√2 when present)."""
        w = _tfidf(self.word_counts(texts, _toks), self.word_idf)
        g = _tfidf(self.gram_counts(texts), self.gram_idf)
        return sp.hstack([w, g], format="csr", dtype=np.float32) * np.float32(np.sqrt(0.5))

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors (n × dims) of ``texts``; zero rows for texts with no known term."""
        out = np.empty((len(texts), self.dims), np.float32)
        for s in range(0, len(texts), BATCH):
            y = np.asarray(self.features(texts[s : s + BATCH]) @ self._ct, dtype=np.float32)
            norms = np.linalg.norm(y, axis=1, keepdims=True)
            out[s : s + BATCH] = y / np.where(norms > 0, norms, 1.0)
        return out

    @classmethod
    def fit(cls, texts: list[str], dims: int, meta: dict | None = None) -> Model:
        """Fit vocabulary, idf and ``dims`` SVD components on ``texts`` (deterministic for the same texts)."""
        n = len(texts)
        toks, lens = _words(texts)
        index = {w: i for i, w in enumerate(dict.fromkeys(chain.from_iterable(toks)))}
        ids = np.fromiter(map(index.__getitem__, chain.from_iterable(toks)), np.int64, int(lens.sum()))
        vocab = list(index)
        df_w = _doc_freq(np.repeat(np.arange(n), lens), ids, len(vocab))
        ok = np.fromiter(map(_is_term, vocab), bool, len(vocab))
        rank = np.argsort(np.argsort(np.array(vocab, dtype=object)))  # tie-break by the word itself
        kept = _select(df_w, n, MAX_WORDS, rank, ok)
        words = [vocab[i] for i in kept]
        doc, keys = _gram_keys(texts)
        ukeys, inv = np.unique(keys, return_inverse=True)
        df_g = _doc_freq(doc, inv, len(ukeys))
        gkeep = np.sort(ukeys[_select(df_g, n, MAX_GRAMS, ukeys, np.ones(len(ukeys), bool))])
        gdf = df_g[np.searchsorted(ukeys, gkeep)]
        idf = lambda df: np.log((1.0 + n) / (1.0 + df)) + 1.0  # noqa: E731 (sklearn's smooth idf)
        model = cls(words, idf(df_w[kept]), gkeep, idf(gdf), np.zeros((dims, len(words) + len(gkeep))), meta)
        k = min(dims, len(words) + len(gkeep) - 1, n - 1)
        if k >= 1:
            with threadpool_limits(
                1
            ):  # OpenBLAS threads spin badly on a busy 2-core machine (measured 4-10x)
                model.components[:k] = _truncated_svd(model.features(texts, (toks, lens)), k)
            model._ct = np.ascontiguousarray(model.components.T)
        return model


def _doc_freq(doc: np.ndarray, col: np.ndarray, width: int) -> np.ndarray:
    """Number of documents each column occurs in."""
    return np.bincount(_count_matrix(doc, col, int(doc.max(initial=0)) + 1, width).indices, minlength=width)


def _orth(y: np.ndarray) -> np.ndarray:
    """Orthonormal basis of the columns of ``y`` (Cholesky QR, twice for accuracy: GEMMs instead of LAPACK QR)."""
    for _ in range(2):
        g = (y.T @ y).astype(np.float64)
        chol = np.linalg.cholesky(g + np.eye(len(g)) * (1e-7 * np.trace(g) / len(g) + 1e-30))
        y = y @ np.linalg.inv(chol).T.astype(y.dtype)
    return y


def _truncated_svd(x: sp.csr_matrix, k: int, n_iter: int = 4, seed: int = 0) -> np.ndarray:
    """The top ``k`` right singular vectors of ``x`` (k × columns), signs fixed so runs are reproducible.

    What TruncatedSVD computes, 3-4x faster here: few rows → exactly, from the Gram matrix; otherwise by
    randomized range finding with power iterations (Halko, Martinsson & Tropp 2011, algorithm 4.4), then the
    small problem solved through the eigenvectors of B·Bᵀ instead of a LAPACK SVD of B.
    """
    xt = x.T.tocsr()
    if x.shape[0] <= 1000:
        bt = xt
        g = (xt.T @ xt).toarray().astype(np.float64)
    else:
        rng = np.random.default_rng(seed)
        q = _orth(x @ rng.standard_normal((x.shape[1], k + 16), dtype=np.float32))
        for _ in range(n_iter):
            q = _orth(x @ _orth(xt @ q))
        bt = xt @ q  # columns × (k + 16)
        g = (bt.T @ bt).astype(np.float64)
    w, u = np.linalg.eigh(g)
    top = np.argsort(w)[::-1][:k]
    s = np.sqrt(np.maximum(w[top], 0.0))
    live = s > 1e-6 * max(s.max(initial=0.0), 1e-30)
    vt = np.asarray(bt @ u[:, top].astype(np.float32)).T / np.where(live, s, 1.0)[:, None].astype(np.float32)
    vt[~live] = 0.0
    pivot = np.abs(vt).argmax(axis=1)
    return vt * np.sign(vt[np.arange(len(vt)), pivot] + (vt[np.arange(len(vt)), pivot] == 0))[:, None]


# --- the stored vector set ------------------------------------------------------------------------------


@dataclass
class VectorSet:
    """Row-aligned publication numbers and unit-length vectors of the corpus, with the model that made them."""

    pub_numbers: pa.Array  # pyarrow string array
    matrix: np.ndarray  # float32, n × dims, memory-mapped when loaded
    model: Model
    watermark: int = 0  # max(last_import_id) the vectors include

    def __len__(self) -> int:
        return len(self.pub_numbers)

    def transform(self, texts: list[str]) -> np.ndarray:
        """Vectors of arbitrary texts (a query, a draft claim) in the same space as :attr:`matrix`."""
        return self.model.embed(list(texts))

    def positions(self, pub_numbers: list[str] | pa.Array) -> np.ndarray:
        """Row of each publication number in :attr:`matrix` (int64, -1 where absent)."""
        idx = pc.index_in(pa.array(pub_numbers, pa.string()), value_set=self.pub_numbers)
        return idx.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def folder(corpus: Corpus) -> Path:
    """Where the vectors of ``corpus`` live."""
    return corpus.home / "vectors"


def status(corpus: Corpus) -> dict | None:
    """The stored manifest (rows, dims, watermark, fit size and date), or None when nothing is stored."""
    return _read_manifest(folder(corpus))


def load(corpus: Corpus) -> VectorSet:
    """The stored vectors (matrix memory-mapped); raises :class:`VectorsMissing` when none are stored.

    Call :func:`sync` first to include patents imported since the last sync.
    """
    where = folder(corpus)
    for _ in range(3):  # a writer may replace the generation between reading the manifest and the files
        man = _read_manifest(where)
        if man is None:
            raise VectorsMissing(f"{where}: no text vectors yet (they are built on import, or by `seip map`)")
        try:
            model = _load_model(where, man["model"])
            pubs = _read_pubs(where / man["pubs"])
            matrix = np.load(where / man["matrix"], mmap_mode="r", allow_pickle=False)[: man["rows"]]
        except FileNotFoundError:
            continue
        return VectorSet(pubs, matrix, model, int(man["watermark"]))
    raise StoreError(f"{where}: the vectors keep changing while being read; try again")


def build(corpus: Corpus, dims: int = 256, *, progress: Progress | None = None) -> VectorSet:
    """Fit the model on the corpus and embed every patent (replaces whatever was stored)."""
    with _locked(folder(corpus)):
        _build(corpus, dims, progress)
    return load(corpus)


def sync(corpus: Corpus, *, progress: Progress | None = None) -> int:
    """Embed the patents new or changed since the stored watermark; returns how many were embedded.

    Builds everything when nothing is stored, and refits from scratch when the corpus has reached
    :data:`REFIT_GROWTH` times its size at the last fit (a vocabulary fitted on a small corpus misses the terms
    of what came later). Patents deleted from the corpus are dropped.
    """
    where = folder(corpus)
    with _locked(where):
        man = _read_manifest(where)
        n_corpus = corpus.count()
        if man is None or n_corpus >= REFIT_GROWTH * max(int(man["fit_corpus_rows"]), 1):
            return _build(corpus, int(man["dims"]) if man else 256, progress) if n_corpus else 0
        mark = _watermark(corpus)
        if mark == man["watermark"] and man["rows"] == n_corpus:
            return 0
        model = _load_model(where, man["model"])
        old = _read_pubs(where / man["pubs"])
        delta = corpus.query("SELECT pub_number FROM patents WHERE last_import_id > ?", [man["watermark"]])
        delta_pubs = delta.column(0).combine_chunks()
        matrix_path = where / man["matrix"]
        capacity = np.load(matrix_path, mmap_mode="r", allow_pickle=False).shape[0]
        rows = man["rows"] + len(delta_pubs)
        if rows == n_corpus and rows <= capacity and not pc.any(pc.is_in(delta_pubs, value_set=old)).as_py():
            mm = np.load(matrix_path, mmap_mode="r+", allow_pickle=False)
            new = _embed_into(mm, man["rows"], model, _stream(corpus, delta_pubs), len(delta_pubs), progress)
            mm.flush()
            del mm
            pubs_name = f"pubs-{_gen()}.arrow"
            _write_pubs(where / pubs_name, pa.concat_arrays([old, new]))
            _commit(where, {**man, "pubs": pubs_name, "rows": rows, "watermark": mark})
            return len(delta_pubs)
        return _rewrite(corpus, man, model, old, delta_pubs, mark, progress)


def _rewrite(corpus: Corpus, man: dict, model: Model, old: pa.Array, delta: pa.Array, mark: int,
             progress: Progress | None) -> int:  # fmt: skip
    """A new generation: stored rows still current are copied, every other patent of the corpus embedded."""
    where = folder(corpus)
    everything = corpus.query("SELECT pub_number FROM patents").column(0).combine_chunks()
    keep = pc.and_(pc.is_in(old, value_set=everything), pc.invert(pc.is_in(old, value_set=delta)))
    keep_idx = np.flatnonzero(keep.to_numpy(zero_copy_only=False))
    kept = old.take(pa.array(keep_idx))
    todo = everything.filter(pc.invert(pc.is_in(everything, value_set=kept)))
    src = np.load(where / man["matrix"], mmap_mode="r", allow_pickle=False)
    names = _names(_gen())
    mm = _new_matrix(where / names["matrix"], len(everything), man["dims"])
    for s in range(0, len(keep_idx), BATCH * 5):
        chunk = keep_idx[s : s + BATCH * 5]
        mm[s : s + len(chunk)] = src[chunk]
    new = _embed_into(mm, len(keep_idx), model, _stream(corpus, todo), len(todo), progress)
    mm.flush()
    del mm, src
    pubs = pa.concat_arrays([kept, new])
    _write_pubs(where / names["pubs"], pubs)
    _commit(
        where, {**man, "matrix": names["matrix"], "pubs": names["pubs"], "rows": len(pubs), "watermark": mark}
    )
    return len(todo)


def _build(corpus: Corpus, dims: int, progress: Progress | None) -> int:
    where = folder(corpus)
    n = corpus.count()
    mark = _watermark(corpus)
    sample = corpus.query(f"SELECT {TEXT_SQL} AS t FROM patents ORDER BY md5(pub_number) LIMIT {FIT_SAMPLE}")
    texts = sample.column(0).fill_null("").to_pylist()
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    model = Model.fit(texts, dims, {"fitted_at": now, "fit_docs": len(texts), "fit_corpus_rows": n})
    names = _names(_gen())
    _save_model(where, names["model"], model)
    mm = _new_matrix(where / names["matrix"], n, dims)
    pubs = _embed_into(mm, 0, model, _stream(corpus, None), n, progress)
    mm.flush()
    del mm
    _write_pubs(where / names["pubs"], pubs)
    _commit(where, {"format": FORMAT, **names, "rows": len(pubs), "dims": dims, "watermark": mark,
                    "fit_corpus_rows": n, "fit_docs": len(texts), "fitted_at": now})  # fmt: skip
    return len(pubs)


def _embed_into(mm: np.ndarray, start: int, model: Model, batches: Iterator[tuple[pa.Array, list[str]]], total: int,
                progress: Progress | None) -> pa.Array:  # fmt: skip
    """Write the vectors of ``batches`` into ``mm`` from row ``start``; returns their publication numbers."""
    done, pubs = 0, []
    for batch_pubs, texts in batches:
        mm[start + done : start + done + len(texts)] = model.embed(texts)
        done += len(texts)
        pubs.append(batch_pubs)
        if progress:
            progress(done, total)
    return pa.concat_arrays(pubs) if pubs else pa.array([], pa.string())


def _stream(corpus: Corpus, only: pa.Array | None) -> Iterator[tuple[pa.Array, list[str]]]:
    """(publication numbers, texts) in batches, for every patent or for those in ``only``."""
    cur = corpus.con.cursor()
    try:
        where = "TRUE"
        if only is not None:
            cur.register("_seip_vec_only", pa.table({"p": only}))
            where = "pub_number IN (SELECT p FROM _seip_vec_only)"
        reader = cur.sql(f"SELECT pub_number, {TEXT_SQL} AS t FROM patents WHERE {where}").to_arrow_reader(
            BATCH
        )
        for b in reader:
            yield b.column(0), b.column(1).fill_null("").to_pylist()
    finally:
        cur.close()


def _watermark(corpus: Corpus) -> int:
    return int(corpus.one("SELECT coalesce(max(last_import_id), 0) FROM patents")[0])


def _capacity(n: int) -> int:
    """Rows to reserve: room to append a quarter more before a new generation is needed."""
    return max(1024, n + n // 4)


def _names(gen: str) -> dict[str, str]:
    """Files of one generation (the model's name is a stem: .json and .npz)."""
    return {"model": f"model-{gen}", "matrix": f"matrix-{gen}.npy", "pubs": f"pubs-{gen}.arrow"}


def _new_matrix(path: Path, rows: int, dims: int) -> np.ndarray:
    """A float32 .npy file with room for ``rows`` and the spare rows of :func:`_capacity`, memory-mapped."""
    return np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(_capacity(rows), dims))


def _gen() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S") + "-" + uuid.uuid4().hex[:8]


# --- files ----------------------------------------------------------------------------------------------


@contextmanager
def _locked(where: Path) -> Iterator[None]:
    """One writer at a time (readers need no lock: they follow the manifest)."""
    where.mkdir(parents=True, exist_ok=True)
    with open(where / ".lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            _clean(where)
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _clean(where: Path) -> None:
    """Remove files no manifest refers to (left by a crash or replaced by a newer generation)."""
    man = _read_manifest(where) or {}
    live = {"manifest.json", ".lock", man.get("matrix"), man.get("pubs")}
    live |= {f"{man['model']}.json", f"{man['model']}.npz"} if man else set()
    for p in where.iterdir():
        if p.name not in live:
            p.unlink(missing_ok=True)


def _fsync_write(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _commit(where: Path, manifest: dict) -> None:
    """Make ``manifest`` current atomically (the data files it names are already on disk), then tidy up."""
    tmp = where / "manifest.json.tmp"
    manifest = {**manifest, "updated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    _fsync_write(tmp, json.dumps(manifest, indent=1).encode())
    os.replace(tmp, where / "manifest.json")
    dir_fd = os.open(where, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    _clean(where)


def _read_manifest(where: Path) -> dict | None:
    try:
        man = json.loads((where / "manifest.json").read_text())
    except FileNotFoundError:
        return None
    if man.get("format") != FORMAT:
        raise StoreError(f"{where}: vectors of an unknown format {man.get('format')!r}; delete the folder")
    return man


def _save_model(where: Path, stem: str, model: Model) -> None:
    meta = {"format": FORMAT, "words": model.words, "meta": model.meta}
    _fsync_write(where / f"{stem}.json", json.dumps(meta, ensure_ascii=False).encode())
    with open(where / f"{stem}.npz", "wb") as fh:
        np.savez(
            fh,
            word_idf=model.word_idf,
            gram_keys=model.gram_keys,
            gram_idf=model.gram_idf,
            components=model.components,
        )
        fh.flush()
        os.fsync(fh.fileno())


def _load_model(where: Path, stem: str) -> Model:
    meta = json.loads((where / f"{stem}.json").read_text(encoding="utf-8"))
    with np.load(where / f"{stem}.npz", allow_pickle=False) as z:
        return Model(
            meta["words"], z["word_idf"], z["gram_keys"], z["gram_idf"], z["components"], meta["meta"]
        )


def _write_pubs(path: Path, pubs: pa.Array) -> None:
    table = pa.table({"pub_number": pubs.cast(pa.string())})
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table, max_chunksize=len(table) or None)
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _read_pubs(path: Path) -> pa.Array:
    with pa.memory_map(str(path)) as src:
        col = pa.ipc.open_file(src).read_all().column(0)
    return col.combine_chunks() if col.num_chunks != 1 else col.chunk(0)
