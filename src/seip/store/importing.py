"""Importing one file into the corpus: detect, read, normalise, stage, merge, check, log: all or nothing.

May import: seip.records, seip.sources, seip.errors, stdlib, duckdb, pyarrow.

For every file ``rows_read = imported + updated + unchanged + duplicates_in_file + quarantined``:

* ``imported``: new publication numbers;
* ``updated``: numbers already in the corpus whose merged record differs (:mod:`seip.store.merge`);
* ``unchanged``: numbers already in the corpus whose merged record is identical (a re-import);
* ``duplicates_in_file``: further rows of a number seen earlier in the same file (the last row wins);
* ``quarantined``: rows rejected, each in the ``quarantine`` table with file, row, field and reason.

The whole file is one DuckDB transaction: if anything fails half way, the corpus is as before and the
import log records the failure.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from seip.errors import SeipError, SourceError, StoreError
from seip.records.normalize import EVENT_SCHEMA, Normalizer
from seip.records.schema import FIELD_NAMES
from seip.sources import detect_format
from seip.store import checks
from seip.store.corpus import PATENT_COLUMNS, Corpus
from seip.store.merge import content_struct, merged_select

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
    batch_size: int = 50_000,
) -> FileResult:
    """Import one file; never raises for bad input (the result says what went wrong)."""
    path = Path(path)
    result = FileResult(file=str(path))
    started = dt.datetime.now()
    con = corpus.con
    try:
        mod = detect_format(path)
        result.source_format = mod.NAME
        result.unmapped_columns, result.ignored_columns = _columns_report(mod, path)
        sha = file_sha256(path)
    except SeipError as exc:
        return _failed(corpus, result, started, None, exc)
    except OSError as exc:
        return _failed(corpus, result, started, None, SourceError(exc.strerror or str(exc)))

    import_id = int(corpus.one("SELECT nextval('import_seq')")[0])
    result.import_id = import_id
    con.execute("BEGIN TRANSACTION")
    try:
        _stage(corpus, mod, path, result, today or dt.date.today(), progress, batch_size)
        if result.rows_read == 0:
            raise SourceError("no data rows (the file has a header, or nothing, but no records)")
        _merge(corpus, result, import_id, sha)
        result.checks = checks.run_import_checks(con, import_id)
        _log(corpus, result, started, sha, import_id)
        con.execute("COMMIT")
    except Exception as exc:
        con.execute("ROLLBACK")
        for c in ("rows_read", "imported", "updated", "unchanged", "duplicates_in_file", "quarantined"):
            setattr(result, c, 0)
        err = exc if isinstance(exc, SeipError) else StoreError(f"import failed: {type(exc).__name__}: {exc}")
        return _failed(corpus, result, started, sha, err, import_id)
    finally:
        for t in ("dedup", "stg", "rej", "ev", "m", "changed"):  # dedup is a view or a table
            kind = "VIEW" if corpus.one("SELECT count(*) FROM duckdb_views() WHERE view_name = ?", [t])[0] else "TABLE"
            con.execute(f"DROP {kind} IF EXISTS {t}")
    return result


def import_files(corpus: Corpus, paths: Iterable[str | Path], **kw: object) -> list[FileResult]:
    """Import files one after the other; each is atomic on its own."""
    return [import_file(corpus, p, **kw) for p in paths]  # type: ignore[arg-type]


def _stage(
    corpus: Corpus,
    mod: object,
    path: Path,
    result: FileResult,
    today: dt.date,
    progress: Callable[[int], None] | None,
    batch_size: int,
) -> None:
    con = corpus.con
    con.execute(f"CREATE TEMP TABLE stg ({PATENT_COLUMNS}, _seq BIGINT)")
    con.execute(
        "CREATE TEMP TABLE rej (source_row BIGINT, pub_number VARCHAR, field VARCHAR, value VARCHAR, "
        "reason VARCHAR, raw VARCHAR)"
    )
    con.execute(
        "CREATE TEMP TABLE ev (pub_number VARCHAR, event_date DATE, code VARCHAR, description VARCHAR, "
        "authority VARCHAR, influence VARCHAR, category VARCHAR)"
    )
    norm = Normalizer(source_format=mod.NAME, source_file=str(path.resolve()), today=today)  # type: ignore[attr-defined]
    seq = 0
    for batch in mod.read(path, batch_size):  # type: ignore[attr-defined]
        if batch.num_rows == 0:
            continue
        out = norm.normalize(batch)
        result.rows_read += batch.num_rows
        recs = out.records.append_column("_seq", pa.array(range(seq, seq + out.records.num_rows), pa.int64()))
        seq += out.records.num_rows
        con.register("_batch", recs)
        con.execute(f"INSERT INTO stg SELECT {', '.join(FIELD_NAMES)}, _seq FROM _batch")
        con.unregister("_batch")
        if out.rejects.num_rows:
            con.register("_rej", out.rejects)
            con.execute("INSERT INTO rej SELECT source_row, pub_number, field, value, reason, raw FROM _rej")
            con.unregister("_rej")
        if out.events.num_rows:
            con.register("_ev", out.events)
            con.execute(f"INSERT INTO ev SELECT {', '.join(EVENT_SCHEMA.names)} FROM _ev")
            con.unregister("_ev")
        if progress is not None:
            progress(result.rows_read)


def _scalar(corpus: Corpus, sql: str) -> int:
    row = corpus.one(sql)
    return int(row[0]) if row and row[0] is not None else 0


def _merge(corpus: Corpus, result: FileResult, import_id: int, sha: str) -> None:
    con = corpus.con
    cols = ", ".join(FIELD_NAMES)
    staged, kept = corpus.one("SELECT count(*), count(DISTINCT pub_number) FROM stg")
    if staged == kept:  # the usual case: no number twice in the file, no copy needed
        con.execute(f"CREATE TEMP VIEW dedup AS SELECT {cols} FROM stg")
    else:  # the last row of a number wins
        con.execute(f"""CREATE TEMP TABLE dedup AS SELECT {cols} FROM (
            SELECT *, row_number() OVER (PARTITION BY pub_number ORDER BY _seq DESC) AS _rn FROM stg)
            WHERE _rn = 1""")
    existing = 0
    if corpus.count() > 0:
        con.execute(f"""CREATE TEMP TABLE m AS SELECT {merged_select("n", "o")}, o.first_import_id AS first_import_id
            FROM dedup n JOIN patents o ON o.pub_number = n.pub_number""")
        con.execute(f"""CREATE TEMP TABLE changed AS SELECT m.* FROM m JOIN patents o ON o.pub_number = m.pub_number
            WHERE NOT ({content_struct("m")} IS NOT DISTINCT FROM {content_struct("o")})""")
        existing = corpus.count("m")
        result.updated = corpus.count("changed")
    result.unchanged = existing - result.updated
    result.imported = kept - existing
    result.duplicates_in_file = staged - kept
    result.quarantined = _scalar(corpus, "SELECT count(DISTINCT source_row) FROM rej")
    if result.imported:  # before the updates, so that the anti-join sees the corpus as it was
        con.execute(f"""INSERT INTO patents SELECT {cols}, {import_id}, {import_id} FROM dedup n
            WHERE NOT EXISTS (SELECT 1 FROM patents o WHERE o.pub_number = n.pub_number)""")
    if result.updated:
        con.execute("DELETE FROM patents WHERE pub_number IN (SELECT pub_number FROM changed)")
        con.execute(f"INSERT INTO patents SELECT {cols}, first_import_id, {import_id} FROM changed")
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
