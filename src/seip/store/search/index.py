"""The tantivy index of the corpus: its schema, building it, keeping it in step, and opening it for search.

May import: seip.records, seip.errors, stdlib, duckdb, numpy, pyarrow, polars, tantivy.

Files under ``<corpus home>/search/``:

* ``CURRENT``: the name of the live generation. It is replaced atomically (``os.replace``) and is the only
  commit point: a reader opens the generation it names, so it never sees a half-built or half-synced index;
* ``gen-<n>/``: one generation: the tantivy files, ``keys.arrow`` (doc key ``k`` → ``pub_number`` and the
  fingerprint the document was indexed with) and ``state.json`` (what the corpus looked like when indexed);
* ``.lock``: held (``flock``) by whoever writes a generation; a second writer waits.

:func:`sync` compares every patent's fingerprint (``last_import_id`` and the columns recomputed without an
import: SEI codes, legal status, validity, region) with the keys of the live generation and re-indexes what
differs into a new generation made of hard links to the old one's immutable segment files; a crash leaves an
unreferenced directory that the next writer removes. :func:`rebuild` builds a generation from nothing.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import polars as pl
import pyarrow as pa
import tantivy

from seip.errors import StoreError
from seip.store.corpus import Corpus
from seip.store.search.documents import FINGERPRINT, SCHEMA_VERSION, Progress, add_rows, register, schema

WRITER_HEAP = 256_000_000


class SearchIndexError(StoreError):
    """The search index cannot be built, opened or written."""


# ------------------------------------------------------------------------------------------ the index
@dataclass
class SearchIndex:
    """One open generation: the tantivy index, its doc keys and the corpus state it reflects."""

    path: Path
    index: tantivy.Index
    keys: pa.Table  # k (int64, ascending), pub_number, fp
    state: dict

    @property
    def schema(self) -> tantivy.Schema:
        return self.index.schema

    def searcher(self) -> tantivy.Searcher:
        return self.index.searcher()

    @functools.cached_property
    def _k(self) -> np.ndarray:
        k = self.keys.column(
            "k"
        ).combine_chunks()  # int64, no nulls; read the buffer: to_numpy imports pandas
        return np.frombuffer(k.buffers()[1], dtype=np.int64, count=len(k), offset=k.offset * 8)

    def numbers(self, ks: np.ndarray) -> pa.Array:
        """Publication numbers of doc keys."""
        at = np.ascontiguousarray(np.searchsorted(self._k, ks), dtype=np.int64)
        indices = pa.Array.from_buffers(
            pa.int64(), len(at), [None, pa.py_buffer(at)]
        )  # pa.array(ndarray) imports pandas
        return self.keys.column("pub_number").combine_chunks().take(indices)


def search_dir(corpus: Corpus) -> Path:
    return corpus.home / "search"


def corpus_state(corpus: Corpus) -> dict:
    """What the stale check compares: number of patents, the newest import that wrote one, and the corpus's
    data version, which a reclassification also moves (about 2 ms)."""
    n, last = corpus.one("SELECT count(*), coalesce(max(last_import_id), 0) FROM patents")
    return {"count": int(n), "max_import": int(last), "version": corpus.version()}


def _current(root: Path) -> Path | None:
    try:
        name = (root / "CURRENT").read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return root / name if name else None


_OPEN: dict[Path, SearchIndex] = {}  # one open index per generation directory and process


def load(path: Path) -> SearchIndex:
    """Open the generation at ``path`` (cached per process: generations never change once live)."""
    if path not in _OPEN:
        state = json.loads((path / "state.json").read_text(encoding="utf-8"))
        # Left open on purpose: the table's buffers are views of the map, which lives as long as they do.
        keys = pa.ipc.open_file(pa.memory_map(str(path / "keys.arrow"))).read_all()
        index = register(tantivy.Index.open(str(path)))
        index.config_reader(reload_policy="manual")
        _OPEN.clear()
        _OPEN[path] = SearchIndex(path, index, keys, state)
    return _OPEN[path]


def live(corpus: Corpus) -> SearchIndex | None:
    """The live generation, or None when there is none (or it was built by another schema version)."""
    root = search_dir(corpus)
    for _ in range(3):  # a writer may remove the generation we just read the name of: read CURRENT again
        path = _current(root)
        if path is None:
            return None
        try:
            found = load(path)
        except (FileNotFoundError, ValueError, OSError):
            time.sleep(0.05)
            continue
        return found if found.state.get("schema") == SCHEMA_VERSION else None
    raise SearchIndexError(f"{root}: the search index cannot be opened (run `seip index rebuild`)")


def is_stale(corpus: Corpus, idx: SearchIndex | None) -> bool:
    """True when patents were imported or removed since ``idx`` was written (cheap; see :func:`sync`)."""
    if idx is None:
        return True
    now = corpus_state(corpus)
    return any(idx.state.get(k) != v for k, v in now.items())


def open_index(corpus: Corpus, *, progress: Progress | None = None) -> SearchIndex:
    """The live index, brought in step with the corpus first when it is stale or missing."""
    idx = live(corpus)
    if is_stale(corpus, idx):
        sync(corpus, progress=progress)
        idx = live(corpus)
    if idx is None:
        raise SearchIndexError(f"{search_dir(corpus)}: no search index (run `seip index rebuild`)")
    return idx


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    try:
        root.mkdir(parents=True, exist_ok=True)
        fh = (root / ".lock").open("a")
    except OSError as exc:
        raise SearchIndexError(f"{root}: cannot write the search index ({exc.strerror or exc})") from None
    with fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _new_generation(root: Path) -> Path:
    gens = [int(p.name[4:]) for p in root.glob("gen-*") if p.name[4:].isdigit()]
    path = root / f"gen-{max(gens, default=0) + 1:06d}"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    return path


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(root: Path, path: Path, keys: pa.Table, state: dict) -> None:
    """Write the generation's keys and state, then make it live: the single atomic step."""
    with pa.OSFile(str(path / "keys.arrow"), "wb") as sink, pa.ipc.new_file(sink, keys.schema) as w:
        w.write_table(keys)
    (path / "state.json").write_text(json.dumps(state, indent=1), encoding="utf-8")
    for name in ("keys.arrow", "state.json"):
        with (path / name).open("rb+") as fh:
            os.fsync(fh.fileno())
    _fsync_dir(path)
    tmp = root / f"CURRENT.{os.getpid()}"
    tmp.write_text(path.name, encoding="utf-8")
    with tmp.open("rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, root / "CURRENT")
    _fsync_dir(root)
    for old in root.glob("gen-*"):
        if old != path:
            shutil.rmtree(old, ignore_errors=True)


def _state(corpus: Corpus, docs: int, next_k: int) -> dict:
    return {
        "schema": SCHEMA_VERSION,
        **corpus_state(corpus),
        "docs": docs,
        "next_k": next_k,
        "duckdb": duckdb.__version__,
        "written": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def _writer(index: tantivy.Index) -> tantivy.IndexWriter:
    return index.writer(heap_size=WRITER_HEAP, num_threads=min(2, os.cpu_count() or 1))


def rebuild(corpus: Corpus, *, progress: Progress | None = None) -> int:
    """Build a new generation from every patent and make it live; returns the number of documents."""
    root = search_dir(corpus)
    with _locked(root):
        return _rebuild(corpus, root, progress)


def _rebuild(corpus: Corpus, root: Path, progress: Progress | None) -> int:
    path = _new_generation(root)
    try:
        index = register(tantivy.Index(schema(), path=str(path)))
        writer = _writer(index)
        keys = add_rows(corpus, writer, None, 0, corpus.count(), progress)
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        shutil.rmtree(path, ignore_errors=True)
        raise
    _publish(root, path, keys, _state(corpus, keys.num_rows, keys.num_rows))
    return keys.num_rows


def sync(corpus: Corpus, *, progress: Progress | None = None) -> int:
    """Bring the index in step with the corpus; returns how many patents were (re-)indexed or removed.

    New patents, patents whose ``last_import_id`` or recomputed columns changed, and removed patents are
    found by fingerprint. Safe after a crash at any point: the live generation is only replaced whole.
    """
    root = search_dir(corpus)
    with _locked(root):
        idx = live(corpus)
        if idx is None or idx.state.get("duckdb") != duckdb.__version__:
            return _rebuild(corpus, root, progress)
        now = pl.from_arrow(corpus.query(f"SELECT pub_number, {FINGERPRINT} AS fp FROM patents"))
        old = pl.from_arrow(idx.keys)
        changed = now.join(old, on=["pub_number", "fp"], how="anti")["pub_number"]
        gone = old.join(now, on="pub_number", how="anti")["pub_number"]
        if changed.is_empty() and gone.is_empty():
            if is_stale(corpus, idx):  # e.g. an import that changed nothing: record the new watermark
                _republish(root, idx, corpus)
            return 0
        if len(changed) > max(len(old), 1) // 2:
            return _rebuild(corpus, root, progress)
        return _apply(corpus, root, idx, old, changed, gone, progress)


def _linked_copy(src: Path, dest: Path) -> None:
    """A new generation sharing the old one's files: segments are immutable; tantivy replaces its metadata
    files by rename, which leaves the old generation's links alone."""
    for f in src.iterdir():
        if f.is_file() and not f.name.startswith(".tantivy") and f.name not in ("keys.arrow", "state.json"):
            os.link(f, dest / f.name)


def _apply(corpus: Corpus, root: Path, idx: SearchIndex, old: pl.DataFrame, changed: pl.Series,
           gone: pl.Series, progress: Progress | None) -> int:  # fmt: skip
    path = _new_generation(root)
    try:
        _linked_copy(idx.path, path)
        index = register(tantivy.Index.open(str(path)))
        writer = _writer(index)
        stale = pl.concat([gone, changed.filter(changed.is_in(old["pub_number"].implode()))]).to_list()
        if stale:
            writer.delete_documents_by_query(tantivy.Query.term_set_query(index.schema, "pn", stale))
        only = pa.table({"pub_number": changed.to_arrow()})
        added = add_rows(corpus, writer, only, idx.state["next_k"], len(changed), progress)
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        shutil.rmtree(path, ignore_errors=True)
        raise
    kept = old.filter(~old["pub_number"].is_in(pl.Series(stale).implode()) if stale else pl.lit(True))
    keys = pa.concat_tables([kept.to_arrow().cast(added.schema), added])
    _publish(root, path, keys, _state(corpus, keys.num_rows, idx.state["next_k"] + added.num_rows))
    return len(changed) + len(gone)


def _republish(root: Path, idx: SearchIndex, corpus: Corpus) -> None:
    """Same documents, newer watermark: a new generation of links, so that the state moves atomically too."""
    path = _new_generation(root)
    _linked_copy(idx.path, path)
    _publish(root, path, idx.keys, _state(corpus, idx.keys.num_rows, idx.state["next_k"]))


def status(corpus: Corpus) -> dict:
    """What the live index holds and whether it is in step with the corpus."""
    idx = live(corpus)
    now = corpus_state(corpus)
    if idx is None:
        return {"path": str(search_dir(corpus)), "exists": False, "stale": True, "corpus": now}
    return {
        "path": str(idx.path),
        "exists": True,
        "stale": is_stale(corpus, idx),
        "docs": idx.searcher().num_docs,
        "segments": idx.searcher().num_segments,
        "corpus": now,
        "state": idx.state,
    }
