"""Importing one file into the corpus: detect, read, normalise, load, merge, check, log: all or nothing.

May import: seip.records, seip.sources, seip.errors, stdlib, duckdb, pyarrow.

For every file ``rows_read = imported + updated + unchanged + duplicates_in_file + quarantined``:

* ``imported``: new publication numbers;
* ``updated``: numbers already in the corpus whose merged record differs (:mod:`seip.store.merge`);
* ``unchanged``: numbers already in the corpus whose merged record is identical (a re-import);
* ``duplicates_in_file``: further rows of a number seen earlier in the same file (the last row wins);
* ``quarantined``: rows rejected, each in the ``quarantine`` table with file, row, field and reason.

All or nothing, with bounded memory: new rows are committed batch by batch, tagged with the import id
(one long DuckDB transaction would hold every appended row in memory); numbers that were already in the
corpus, legal events, quarantine rows and the log's ``ok`` are written in one final transaction. If anything
fails, the tagged rows are deleted and the corpus is as before; if the process dies, the import stays
``running`` in the log and :meth:`seip.store.Corpus.recover` undoes it when the corpus is next opened.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from seip.errors import SeipError, SourceError, StoreError
from seip.records.normalize import Normalized, Normalizer
from seip.sources import detect_format
from seip.store import checks
from seip.store._load import ROW_GROUP, Loader
from seip.store.classify import with_taxonomy
from seip.store.corpus import Corpus

#: Rows per batch read: half a DuckDB row group. The loader writes two batches per insert (whole row groups);
#: a batch of a whole row group held 300–500 MB more at the peak (measured on JSONL), for 2 % less CPU.
BATCH = ROW_GROUP // 2
COUNT_KEYS = ("rows_read", "imported", "updated", "unchanged", "duplicates_in_file", "quarantined")


@dataclass
class FileResult:
    """What importing one file did."""

    file: str
    source_format: str | None = None
    status: str = "ok"  # ok | failed
    error: str | None = None
    import_id: int | None = None
    rows_read: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates_in_file: int = 0
    quarantined: int = 0
    events_added: int = 0
    unmapped_columns: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    checks: list[checks.CheckResult] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The six counts, in their fixed order."""
        return {k: getattr(self, k) for k in COUNT_KEYS}

    def balanced(self) -> bool:
        """True when every row read is accounted for."""
        c = self.counts()
        return c["rows_read"] == sum(v for k, v in c.items() if k != "rows_read")


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, streamed."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _columns_report(mod: object, path: Path) -> tuple[list[str], list[str]]:
    if hasattr(mod, "mapping"):
        m = mod.mapping(path)
        return (m.unmapped, m.ignored) if m else ([], [])
    if hasattr(mod, "unmapped"):
        return mod.unmapped(path), []
    return [], []


def import_file(
    corpus: Corpus,
    path: str | Path,
    *,
    progress: Callable[[int], None] | None = None,
    today: dt.date | None = None,
    batch_size: int = BATCH,
) -> FileResult:
    """Import one file; never raises for bad input (the result says what went wrong)."""
    path = Path(path)
    result = FileResult(file=str(path))
    started = dt.datetime.now()
    try:
        mod = detect_format(path)
        result.source_format = mod.NAME
        result.unmapped_columns, result.ignored_columns = _columns_report(mod, path)
    except SeipError as exc:
        return _failed(corpus, result, started, None, exc)
    except OSError as exc:
        return _failed(corpus, result, started, None, SourceError(exc.strerror or str(exc)))
    # The file is hashed on the side while it is imported (a 2 GB file takes seconds); the digest is needed
    # only at the end, for the quarantine rows and the log.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="seip-sha") as hasher, _arrow_pool():
        digest = hasher.submit(file_sha256, path)
        return _import(
            corpus, mod, path, result, started, digest, today or dt.date.today(), progress, batch_size
        )


def _import(
    corpus: Corpus,
    mod: object,
    path: Path,
    result: FileResult,
    started: dt.datetime,
    digest: Future[str],
    today: dt.date,
    progress: Callable[[int], None] | None,
    batch_size: int,
) -> FileResult:
    con = corpus.con
    import_id = int(corpus.one("SELECT nextval('import_seq')")[0])
    result.import_id = import_id
    result.status = "running"
    _log(
        corpus, result, started, None, import_id
    )  # committed: a crash is undone when the corpus is next opened
    loader = None
    in_transaction = False
    try:
        loader = Loader(corpus, import_id, chunk=ROW_GROUP if 2 * batch_size >= ROW_GROUP else batch_size)
        _load(corpus, mod, path, result, loader, today, progress, batch_size)
        if result.rows_read == 0:
            raise SourceError("no data rows (the file has a header, or nothing, but no records)")
        sha = _sha(digest)
        con.execute("BEGIN TRANSACTION")
        in_transaction = True
        _finish(corpus, result, loader, import_id, sha)
        result.checks = checks.run_import_checks(con, import_id, loader.stats)
        result.status = "ok"
        _log_update(corpus, result, sha)
        if result.imported or result.updated or result.events_added:
            corpus.bump_version()
        con.execute("COMMIT")
    except Exception as exc:
        if in_transaction:
            con.execute("ROLLBACK")
        undo_import(corpus, import_id)
        for c in COUNT_KEYS:
            setattr(result, c, 0)
        result.events_added = 0
        err = exc if isinstance(exc, SeipError) else StoreError(f"import failed: {type(exc).__name__}: {exc}")
        result.status = "failed"
        result.error = f"{result.file}: {err}"
        try:
            sha = _sha(digest)
        except SeipError:
            sha = None
        _log_update(corpus, result, sha)
        return result
    finally:
        if loader is not None:
            loader.drop()
    return result


def _sha(digest: Future[str]) -> str:
    try:
        return digest.result()
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None


@contextmanager
def _arrow_pool() -> Iterator[None]:
    """Arrow allocates from jemalloc during an import: pyarrow's default (mimalloc) kept about 300 MB more of
    the freed batches resident (measured: peak 1.87 → 1.59 GB on a million rows). Restored afterwards; every
    buffer is freed by the pool it came from."""
    try:
        pool = pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc
        yield
        return
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def undo_import(corpus: Corpus, import_id: int) -> None:
    """Remove what an unfinished import wrote: the new rows it committed batch by batch (numbers that were
    already in the corpus are only changed in the final transaction, so they need nothing)."""
    corpus.con.execute("DELETE FROM patents WHERE first_import_id = ?", [import_id])


def import_files(corpus: Corpus, paths: Iterable[str | Path], **kw: object) -> list[FileResult]:
    """Import files one after the other; each is atomic on its own."""
    return [import_file(corpus, p, **kw) for p in paths]  # type: ignore[arg-type]


def _load(
    corpus: Corpus,
    mod: object,
    path: Path,
    result: FileResult,
    loader: Loader,
    today: dt.date,
    progress: Callable[[int], None] | None,
    batch_size: int,
) -> None:
    norm = Normalizer(source_format=mod.NAME, source_file=str(path.resolve()), today=today)  # type: ignore[attr-defined]
    for rows, out in _read_ahead(mod.read(path, batch_size), norm):  # type: ignore[attr-defined]
        loader.add(out)
        result.rows_read += rows
        if progress is not None:
            progress(result.rows_read)


def _read_ahead(batches: Iterator[pa.RecordBatch], norm: Normalizer) -> Iterator[tuple[int, Normalized]]:
    """Read, normalise and classify batch k+1 on a worker thread while the caller writes batch k (DuckDB and
    polars release the GIL), so the two cores both work. Errors surface in the caller, in order."""

    def next_normalized() -> tuple[int, Normalized] | None:
        for batch in batches:
            if batch.num_rows:
                out = norm.normalize(batch)
                out.records = with_taxonomy(out.records)
                return batch.num_rows, out
        return None

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="seip-read") as pool:
        pending = pool.submit(next_normalized)
        while (item := pending.result()) is not None:
            pending = pool.submit(next_normalized)
            yield item


def _scalar(corpus: Corpus, sql: str) -> int:
    row = corpus.one(sql)
    return int(row[0]) if row and row[0] is not None else 0


def _finish(corpus: Corpus, result: FileResult, loader: Loader, import_id: int, sha: str) -> None:
    con = corpus.con
    for key, value in loader.finish().items():
        setattr(result, key, value)
    result.quarantined = _scalar(corpus, "SELECT count(DISTINCT source_row) FROM rej")
    before = corpus.count("legal_events")
    con.execute(f"""INSERT INTO legal_events SELECT DISTINCT e.*, {import_id} FROM ev e
        WHERE NOT EXISTS (SELECT 1 FROM legal_events l WHERE l.pub_number = e.pub_number
          AND l.event_date IS NOT DISTINCT FROM e.event_date AND l.code IS NOT DISTINCT FROM e.code
          AND l.description IS NOT DISTINCT FROM e.description)""")
    result.events_added = corpus.count("legal_events") - before
    con.execute(
        """INSERT INTO quarantine SELECT ?, ?, ?, ?, r.source_row, r.pub_number, r.field, r.value, r.reason, r.raw
        FROM rej r WHERE NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.file_sha256 = ?
          AND q.source_row = r.source_row AND q.field = r.field)""",
        [import_id, result.file, sha, result.source_format, sha],
    )


def _log(
    corpus: Corpus, result: FileResult, started: dt.datetime, sha: str | None, import_id: int | None
) -> None:
    size = Path(result.file).stat().st_size if Path(result.file).is_file() else None
    corpus.con.execute(
        "INSERT INTO import_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            import_id,
            result.file,
            sha,
            size,
            result.source_format,
            started,
            dt.datetime.now(),
            result.status,
            result.error,
            *result.counts().values(),
            result.events_added,
            result.unmapped_columns,
            result.ignored_columns,
        ],
    )


def _log_update(corpus: Corpus, result: FileResult, sha: str | None) -> None:
    corpus.con.execute(
        """UPDATE import_log SET finished_at = ?, file_sha256 = ?, status = ?, error = ?, rows_read = ?, imported = ?,
           updated = ?, unchanged = ?, duplicates_in_file = ?, quarantined = ?, events_added = ? WHERE import_id = ?""",
        [
            dt.datetime.now(),
            sha,
            result.status,
            result.error,
            *result.counts().values(),
            result.events_added,
            result.import_id,
        ],
    )


def _failed(
    corpus: Corpus,
    result: FileResult,
    started: dt.datetime,
    sha: str | None,
    exc: SeipError,
    import_id: int | None = None,
) -> FileResult:
    result.status = "failed"
    result.error = f"{result.file}: {exc}"
    _log(corpus, result, started, sha, import_id)
    return result
