"""Raw batches → canonical tables, column by column.

May import: seip.records, stdlib, pyarrow, polars.

The pure normalisers (``numbers``, ``dates``, ``classification``, ``status``, ``parties``, ``regions``) work on
one value. Here they are applied to whole columns: each distinct value is normalised once (a per-file cache,
so a million rows with 5,000 distinct dates cost 5,000 calls), and values already in canonical form skip
Python entirely (a regex test in polars).

What happens to a bad value (docs/import.md states the same):

* **rejected** (the row goes to quarantine, with field, reason and the raw row): a missing or unrecognisable
  publication number (the key), a row the reader could not split or parse;
* **flagged** (the row is kept, the value is left out and ``quality_flags`` keeps ``field:problem:raw``):
  unreadable dates (vendors write ``0--`` or ``00000000`` for "unknown") and counts, implausible dates
  (before 1850, in the future), invalid IPC/CPC symbols, unreadable application numbers, negative counts;
  a publication or grant date before the filing date is flagged and both dates are kept.

Derived fields (``applicants_std``, ``applicant_types``, ``province``, ``city``, ``applicant_country``,
``patent_type``, ``is_valid``, ``legal_status``, and ``grant_date`` = ``pub_date`` for a document published as a
grant, :data:`seip.records.status.GRANT_KINDS`) are computed only where the source left them empty, so a
canonical file exported by seip comes back unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

import polars as pl
import pyarrow as pa

from seip.records import classification, dates, numbers, parties, regions, status
from seip.records._columns import (
    EVENT_SCHEMA,
    REJECT_SCHEMA,
    _canonical_lists,
    _distinct_rows,
    _given_list,
    _ints,
    _main_symbol,
    _one_flag,
    _realign,
    _resolve_subclass_main,
    _strip_text,
    _text,
    _with_flags,
    _with_raw,
)
from seip.records.schema import DATE_FIELDS, FIELD_NAMES, INT_FIELDS, SCHEMA

#: Canonical forms that need no Python: exactly what the normalisers return for them (tested).
CANONICAL_PUB = (
    r"^(?:CN[1-9]\d{5,8}|US(?:D|RE|PP|H|T)?[1-9]\d{0,7}|US(?:19|20)\d{9}"
    r"|(?:[ABD-TV-Z][A-Z]|C[A-MO-Z]|U[A-RT-Z])(?:D|RE|PP|H|T)?[1-9]\d{3,13})[A-Z]\d?$"
)
CANONICAL_APP_CN = r"^CN(?:\d{12}|\d{8})[\dX]$"
CANONICAL_APP = r"^(?:[A-Z]{2}[0-9]{4,16}[0-9X]?|WO[A-Z]{2}\d{10})$"  # WO: office + year + serial
CANONICAL_IPC = r"^[A-HY]\d{2}[A-Z][1-9]\d{0,3}/\d{2,6}$"

#: Free-text fields taken as given (after trimming); legal_status_raw is handled with the status.
_TEXT_FIELDS = (
    "title",
    "title_en",
    "abstract",
    "abstract_en",
    "first_claim",
    "applicant_address",
    "family_id",
)
#: List fields taken as given (the taxonomy columns are recomputed on import; seip's own files carry them).
_GIVEN_LISTS = ("sei_codes", "sei_top", "sei_main", "sei_codes_strict", "sei_evidence", "family_countries")
#: Distinct values remembered per normaliser: repeated values (dates, names, statuses) stay cached, while
#: values that never repeat (numbers off the fast path) cannot grow memory without bound.
_CACHE_LIMIT = 200_000
CN_PATENT_LAW = dt.date(1985, 4, 1)
_GRANT_KEYS = sorted(f"{c}:{k}" for c, kinds in status.GRANT_KINDS.items() for k in kinds)


@dataclass
class Normalized:
    """Result of normalising one raw batch."""

    records: pa.Table  # canonical SCHEMA
    rejects: pa.Table  # source_row, pub_number, field, value, reason
    events: pa.Table  # pub_number, event_date, code, description, authority, influence, category


@dataclass
class Normalizer:
    """Normalises the raw batches of one file; caches per distinct value across batches.

    Parameters
    ----------
    source_format : name of the reader (``NAME``), written to ``source_format`` unless the data carries one.
    source_file : path written to ``source_file`` unless the data carries one.
    today : the reference date for "in the future" checks (default: today).
    """

    source_format: str
    source_file: str
    today: dt.date = field(default_factory=dt.date.today)
    _caches: dict[str, dict] = field(default_factory=dict)

    # -- helpers -------------------------------------------------------------------------------------
    def _cached(self, name: str, key: Hashable, fn: Callable[[], object]) -> tuple[object, str | None]:
        cache = self._caches.setdefault(name, {})
        if key not in cache:
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
            try:
                cache[key] = (fn(), None)
            except ValueError as exc:
                cache[key] = (None, str(exc) or "invalid value")
        return cache[key]

    def _map(
        self,
        df: pl.DataFrame,
        keys: list[str],
        name: str,
        fn: Callable[..., object],
        dtype: pl.DataType,
        mask: pl.Series | None = None,
    ) -> tuple[pl.Series, pl.Series]:
        """Apply ``fn`` to each distinct combination of ``keys`` (rows where ``mask`` is true, if given).

        Returns (values, errors) aligned with ``df``; rows outside the mask, or whose keys are all null,
        get null for both.
        """
        if mask is not None and not mask.any():  # every value on the fast path
            return pl.Series([None] * df.height, dtype=dtype), pl.Series([None] * df.height, dtype=pl.String)
        frame = df.select(keys)
        if mask is not None:
            frame = frame.select(pl.when(pl.lit(mask)).then(pl.col(k)).alias(k) for k in keys)
        uniq = frame.unique()
        vals, errs = [], []
        for row in uniq.iter_rows():
            if all(v is None for v in row):
                vals.append(None)
                errs.append(None)
                continue
            v, e = self._cached(name, row, lambda row=row: fn(*row))
            vals.append(v)
            errs.append(e)
        lookup = uniq.with_columns(pl.Series("_v", vals, dtype=dtype), pl.Series("_e", errs, dtype=pl.String))
        joined = frame.join(lookup, on=keys, how="left", nulls_equal=True, maintain_order="left")
        return joined["_v"], joined["_e"]

    # -- main ------------------------------------------------------------------------------------------
    def normalize(self, batch: pa.RecordBatch | pa.Table) -> Normalized:
        df = pl.from_arrow(batch)
        assert isinstance(df, pl.DataFrame)
        original = df
        n = df.height
        rejects: list[pl.DataFrame] = []
        flags: list[pl.Expr] = []

        if "_error" in df.columns:
            bad = df.filter(pl.col("_error").is_not_null())
            if bad.height:
                rejects.append(
                    bad.select(
                        pl.col("source_row"),
                        pl.lit(_text(bad, "pub_number")).alias("pub_number"),
                        pl.col("_error_field").fill_null("*row*").alias("field"),
                        pl.lit(None, pl.String).alias("value"),
                        pl.col("_error").alias("reason"),
                    )
                )
            df = df.filter(pl.col("_error").is_null())
        df = _strip_text(df)

        out: dict[str, pl.Series] = {}
        # Publication number: the key. Fast path for canonical values, Python for the rest.
        df, pub, pub_rej = self._pub_numbers(df)
        if pub_rej is not None:
            rejects.append(pub_rej)
        out["pub_number"] = pub
        out["pub_country"] = pub.str.extract(r"^([A-Z]{2})", 1)
        out["pub_kind"] = pub.str.extract(r"([A-Z]\d?)$", 1)

        # Dates and counts: unreadable or implausible → flagged and left out (the raw value kept in the flag).
        for name in DATE_FIELDS:
            out[name], err = self._dates(df, name)
            if err is not None:
                flags.append(_one_flag(pl.format("{}:unreadable:{}", pl.lit(name), pl.lit(err))))
        for name in INT_FIELDS:
            out[name], err = _ints(df, name)
            if err is not None:
                flags.append(_one_flag(pl.format("{}:unreadable:{}", pl.lit(name), pl.lit(err))))

        frame = pl.DataFrame(out)
        # A grant publication's date is its grant date, where the source left the grant date empty.
        grant_doc = (pl.col("pub_country") + ":" + pl.col("pub_kind")).is_in(_GRANT_KEYS)
        frame = frame.with_columns(
            pl.when(pl.col("grant_date").is_null() & grant_doc)
            .then(pl.col("pub_date"))
            .otherwise(pl.col("grant_date"))
            .alias("grant_date")
        )
        frame, date_flags = self._date_flags(frame)
        flags.extend(date_flags)
        frame = frame.with_columns(self._app_numbers(df, frame, flags))
        frame, year_flag = self._app_year_check(frame)
        flags.append(year_flag)
        frame = frame.with_columns(*self._classification(df, flags))
        frame = frame.with_columns(*self._parties(df))
        frame = frame.with_columns(*self._status(df, frame))
        frame = frame.with_columns(*self._rest(df))
        frame = _with_flags(frame, df, flags)
        frame = frame.with_columns(*self._region(df, frame))

        records = frame.select(FIELD_NAMES).to_arrow().cast(SCHEMA)
        events = self._events(df, frame)
        rej = (
            _with_raw(pl.concat(rejects, how="vertical_relaxed"), original)
            if rejects
            else REJECT_SCHEMA.empty_table()
        )
        assert records.num_rows + _distinct_rows(rej) == n, "every raw row is a record or a reject"
        return Normalized(records, rej, events)

    # -- fields ----------------------------------------------------------------------------------------
    def _pub_numbers(self, df: pl.DataFrame) -> tuple[pl.DataFrame, pl.Series, pl.DataFrame | None]:
        raw = _text(df, "pub_number")
        country = _text(df, "pub_country")
        kind = _text(df, "pub_kind")
        keys = pl.DataFrame({"r": raw, "c": country, "k": kind})
        # Canonical already, and consistent with any separate office/kind columns: nothing to do.
        fast = (
            raw.str.contains(CANONICAL_PUB).fill_null(False)
            & (country.is_null() | (raw.str.slice(0, 2) == country)).fill_null(False)
            & (kind.is_null() | raw.str.ends_with(kind.fill_null(""))).fill_null(False)
        )
        vals, err = self._map(
            keys, ["r", "c", "k"], "pub", numbers.normalize_pub_number, pl.String, mask=~fast
        )
        pub = pl.select(pl.when(pl.lit(fast)).then(pl.lit(raw)).otherwise(pl.lit(vals))).to_series()
        missing = pub.is_null() & err.is_null()
        err = pl.select(
            pl.when(missing).then(pl.lit("missing publication number")).otherwise(err)
        ).to_series()
        bad = err.is_not_null()
        rej = None
        if bad.any():
            rej = pl.DataFrame(
                {
                    "source_row": df["source_row"].filter(bad),
                    "pub_number": raw.filter(bad),
                    "field": pl.Series(["pub_number"] * int(bad.sum()), dtype=pl.String),
                    "value": raw.filter(bad),
                    "reason": err.filter(bad),
                }
            )
        return df.filter(~bad), pub.filter(~bad), rej

    def _dates(self, df: pl.DataFrame, name: str) -> tuple[pl.Series, pl.Series | None]:
        if name not in df.columns:
            return pl.Series(name, [None] * df.height, dtype=pl.Date), None
        col = df[name]
        if col.dtype == pl.Date:
            return col, None
        if col.dtype == pl.Datetime:
            return col.dt.date(), None
        col = col.cast(pl.String)
        iso = col.str.to_date("%Y-%m-%d", strict=False)
        fast = col.str.contains(r"^\d{4}-\d{2}-\d{2}$").fill_null(False) & iso.is_not_null()
        if fast.all():
            return iso.alias(name), None
        vals, err = self._map(pl.DataFrame({"v": col}), ["v"], "date", dates.parse_date, pl.Date, mask=~fast)
        out = pl.select(pl.when(pl.lit(fast)).then(pl.lit(iso)).otherwise(pl.lit(vals))).to_series()
        bad = err.is_not_null()
        return out.alias(name), (col.set(~bad, None) if bad.any() else None)

    def _date_flags(self, frame: pl.DataFrame) -> tuple[pl.DataFrame, list[pl.Expr]]:
        """The rules of :func:`seip.records.dates.check_date`, on whole columns: implausible dates are flagged
        and left out; order contradictions with the filing date are flagged and kept."""
        flags: list[pl.Expr] = []
        problems = []
        for name in DATE_FIELDS:
            latest = self.today + dt.timedelta(days=dates.FUTURE_SLACK.get(name, dates.DEFAULT_SLACK))
            col = pl.col(name)
            problem = (
                pl.when(col < dates.EARLIEST)
                .then(pl.lit("before_1850"))
                .when(col > latest)
                .then(pl.lit("in_future"))
            )
            problems.append(problem.alias(f"_p_{name}"))
        frame = frame.with_columns(problems)
        for name in DATE_FIELDS:
            bad = pl.col(f"_p_{name}").is_not_null()
            flags.append(_one_flag(pl.col(f"_flag_{name}")))
            frame = frame.with_columns(
                pl.when(bad)
                .then(pl.format("{}:{}:{}", pl.lit(name), pl.col(f"_p_{name}"), pl.col(name)))
                .alias(f"_flag_{name}")
            ).with_columns(pl.when(bad).then(None).otherwise(pl.col(name)).alias(name))
        order = (
            ("pub_date", "before_app_date", pl.col("pub_date") < pl.col("app_date")),
            ("grant_date", "before_app_date", pl.col("grant_date") < pl.col("app_date")),
            ("priority_date", "after_app_date", pl.col("priority_date") > pl.col("app_date")),
        )
        for name, code, cond in order:
            frame = frame.with_columns(
                pl.when(cond)
                .then(pl.format("{}:{}:{}", pl.lit(name), pl.lit(code), pl.col(name)))
                .alias(f"_flag_o_{name}")
            )
            flags.append(_one_flag(pl.col(f"_flag_o_{name}")))
        return frame, flags

    def _app_numbers(self, df: pl.DataFrame, frame: pl.DataFrame, flags: list[pl.Expr]) -> pl.Expr:
        raw = _text(df, "app_number")
        keys = pl.DataFrame({"r": raw, "c": frame["pub_country"]})
        fast = raw.str.contains(CANONICAL_APP_CN).fill_null(False)
        if self.source_format.startswith("canonical_"):
            # seip's own formats carry normalised numbers: only values off the canonical shape are re-read.
            fast = fast | raw.str.contains(CANONICAL_APP).fill_null(False)
        vals, err = self._map(keys, ["r", "c"], "app", numbers.normalize_app_number, pl.String, mask=~fast)
        out = pl.select(pl.when(pl.lit(fast)).then(pl.lit(raw)).otherwise(pl.lit(vals))).to_series()
        flags.append(
            _one_flag(
                pl.when(pl.lit(err).is_not_null()).then(pl.format("app_number:invalid:{}", pl.lit(raw)))
            )
        )
        return pl.lit(out).alias("app_number")

    @staticmethod
    def _app_year_check(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.Expr]:
        """A CN application number carries the year it was given (``CN2019…``, old ``CN02…``). A filing date
        after that year, or before the CN patent system began (1985-04-01), is impossible for the record: it
        is flagged and left out. An earlier year is legal: a divisional keeps its parent's filing date."""
        num = pl.col("app_number")
        year = (
            pl.when(num.str.contains(r"^CN\d{12}[\dX]$"))
            .then(num.str.slice(2, 4).cast(pl.Int32, strict=False))
            .when(num.str.contains(r"^CN\d{8}[\dX]$"))
            .then(num.str.slice(2, 2).cast(pl.Int32, strict=False))
            .otherwise(None)
        )
        full = (
            pl.when(year < 100)
            .then(pl.when(year >= 85).then(year + 1900).otherwise(year + 2000))
            .otherwise(year)
        )
        bad = (
            (pl.col("app_date").dt.year() > full)
            | (full.is_not_null() & (pl.col("app_date") < CN_PATENT_LAW))
        ).fill_null(False)
        frame = frame.with_columns(bad.alias("_bad_appyear")).with_columns(
            pl.when(pl.col("_bad_appyear"))
            .then(pl.format("app_date:contradicts_app_number:{}", pl.col("app_date")))
            .alias("_flag_appyear")
        )
        return frame.with_columns(
            pl.when(pl.col("_bad_appyear")).then(None).otherwise(pl.col("app_date")).alias("app_date")
        ), _one_flag(pl.col("_flag_appyear"))

    def _symbols(self, df: pl.DataFrame, name: str) -> tuple[pl.Series, pl.Series]:
        """IPC/CPC lists → (canonical list, invalid pieces list)."""
        if name not in df.columns:
            return pl.Series([None] * df.height, dtype=pl.List(pl.String)), pl.Series(
                [None] * df.height, dtype=pl.List(pl.String)
            )
        col = df[name]
        if col.dtype == pl.String:
            vals, _ = self._map(
                pl.DataFrame({"v": col}),
                ["v"],
                f"split_{name}",
                lambda v: dict(zip(("ok", "bad"), classification.split_ipc_list(v), strict=True)),
                pl.Struct({"ok": pl.List(pl.String), "bad": pl.List(pl.String)}),
            )
            return vals.struct.field("ok"), vals.struct.field("bad")
        col = col.cast(pl.List(pl.String))
        if (ok := _canonical_lists(col, CANONICAL_IPC)) is not None:  # seip's own files: nothing to redo
            return ok, pl.Series([None] * df.height, dtype=pl.List(pl.String))
        # Already a list: normalise each distinct element.
        ex = pl.DataFrame({"v": col}).with_row_index("_i").explode("v")
        elems = ex["v"].str.strip_chars()
        fast = elems.str.contains(CANONICAL_IPC).fill_null(False) | (elems == "").fill_null(False)
        v, err = self._map(
            pl.DataFrame({"v": elems}),
            ["v"],
            f"sym_{name}",
            classification.normalize_ipc,
            pl.String,
            mask=~fast,
        )
        norm = pl.select(pl.when(pl.lit(fast)).then(pl.lit(elems)).otherwise(pl.lit(v))).to_series()
        ex = ex.with_columns(
            ok=norm.set(err.is_not_null() | (elems == ""), None), bad=elems.set(err.is_null(), None)
        )
        agg = ex.group_by("_i", maintain_order=True).agg(
            pl.col("ok").drop_nulls().unique(maintain_order=True), pl.col("bad").drop_nulls()
        )
        ok = _realign(agg, df.height, "ok", col.is_null())
        bad = _realign(agg, df.height, "bad", col.is_null())
        ok = pl.select(pl.when(pl.lit(ok).list.len() == 0).then(None).otherwise(pl.lit(ok))).to_series()
        return ok, bad

    def _classification(self, df: pl.DataFrame, flags: list[pl.Expr]) -> list[pl.Expr]:
        ipc, ipc_bad = self._symbols(df, "ipc")
        cpc, cpc_bad = self._symbols(df, "cpc")
        main_raw = _text(df, "ipc_main")
        main = pl.Series([None] * df.height, dtype=pl.String)
        if main_raw.is_not_null().any():
            fast = main_raw.str.contains(CANONICAL_IPC).fill_null(False)
            vals, _ = self._map(
                pl.DataFrame({"v": main_raw}), ["v"], "ipc_main", _main_symbol, pl.String, mask=~fast
            )
            main = pl.select(pl.when(pl.lit(fast)).then(pl.lit(main_raw)).otherwise(pl.lit(vals))).to_series()
        main = _resolve_subclass_main(ipc, main)
        # Main symbol first, then the others in the order given, without repeats (lists are already
        # without repeats, so only rows whose first symbol is not the main need the work).
        reorder = (main.is_not_null() & (ipc.list.first() != main).fill_null(True)).fill_null(False)
        if reorder.any():
            moved = pl.select(
                pl.concat_list(pl.lit(main), pl.lit(ipc).fill_null(pl.lit([], pl.List(pl.String))))
                .list.drop_nulls()
                .list.unique(maintain_order=True)
            ).to_series()
            ipc = pl.select(pl.when(pl.lit(reorder)).then(pl.lit(moved)).otherwise(pl.lit(ipc))).to_series()
        ipc = pl.select(pl.when(pl.lit(ipc).list.len() == 0).then(None).otherwise(pl.lit(ipc))).to_series()
        main = pl.select(pl.coalesce(pl.lit(main), pl.lit(ipc).list.first())).to_series()
        flags.append(pl.lit(ipc_bad).list.eval(pl.format("ipc:invalid:{}", pl.element())))
        flags.append(pl.lit(cpc_bad).list.eval(pl.format("cpc:invalid:{}", pl.element())))
        return [pl.lit(ipc).alias("ipc"), pl.lit(main).alias("ipc_main"), pl.lit(cpc).alias("cpc")]

    def _names(self, df: pl.DataFrame, name: str) -> pl.Series:
        if name not in df.columns:
            return pl.Series([None] * df.height, dtype=pl.List(pl.String))
        col = df[name]
        if col.dtype == pl.String:
            vals, _ = self._map(
                pl.DataFrame({"v": col}),
                ["v"],
                f"split_{name}",
                lambda v: parties.split_names(v) or None,
                pl.List(pl.String),
            )
            return vals
        col = col.list.eval(pl.element().str.strip_chars()).list.filter(pl.element() != "")
        return pl.select(pl.when(pl.lit(col).list.len() == 0).then(None).otherwise(pl.lit(col))).to_series()

    def _per_name(self, names: pl.Series, cache: str, fn: Callable[[str], str]) -> pl.Series:
        """Apply ``fn`` to every name of every list, keeping the lists aligned (null stays null)."""
        ex = pl.DataFrame({"v": names}).with_row_index("_i").explode("v")
        vals, _ = self._map(ex.select("v"), ["v"], cache, fn, pl.String)
        agg = ex.with_columns(out=vals).group_by("_i", maintain_order=True).agg(pl.col("out"))
        return _realign(agg, len(names), "out", names.is_null())

    def _parties(self, df: pl.DataFrame) -> list[pl.Expr]:
        applicants = self._names(df, "applicants")
        inventors = self._names(df, "inventors")
        out = [pl.lit(applicants).alias("applicants"), pl.lit(inventors).alias("inventors")]
        for name, cache, fn in (
            ("applicants_std", "std", parties.normalize_applicant),
            ("applicant_types", "atype", parties.applicant_type),
        ):
            given = pl.select(_given_list(df, name)).to_series()
            missing = given.is_null() & applicants.is_not_null()
            if missing.any():  # derived only where the source left it empty
                derived = self._per_name(applicants.set(~missing, None), cache, fn)
                given = pl.select(pl.coalesce(pl.lit(given), pl.lit(derived))).to_series()
            out.append(pl.lit(given).alias(name))
        return out

    def _status(self, df: pl.DataFrame, frame: pl.DataFrame) -> list[pl.Expr]:
        raw = _text(df, "legal_status")
        given_raw = _text(df, "legal_status_raw")
        st, _ = self._map(pl.DataFrame({"v": raw}), ["v"], "status", status.normalize_legal_status, pl.String)
        st = pl.select(pl.when(pl.lit(raw).is_null()).then(None).otherwise(pl.lit(st))).to_series()
        valid_col = (
            df["is_valid"] if "is_valid" in df.columns else pl.Series([None] * df.height, dtype=pl.String)
        )
        if valid_col.dtype == pl.Boolean:
            valid = valid_col
        else:
            valid, _ = self._map(
                pl.DataFrame({"v": valid_col.cast(pl.String)}),
                ["v"],
                "validity",
                status.validity_from_text,
                pl.Boolean,
            )
        from_status, _ = self._map(
            pl.DataFrame({"v": st}),
            ["v"],
            "valid_of_status",
            lambda s: status.is_valid_status(s) if s else None,
            pl.Boolean,
        )
        ptype_raw = _text(df, "patent_type")
        ptype, _ = self._map(
            pl.DataFrame({"k": frame["pub_kind"], "t": ptype_raw, "c": frame["pub_country"]}),
            ["k", "t", "c"],
            "ptype",
            status.patent_type,
            pl.String,
        )
        return [
            pl.coalesce(pl.lit(st), pl.lit("unknown")).alias("legal_status"),
            # Canonical files carry legal_status_raw themselves (possibly empty); other sources give only raw text.
            pl.lit(given_raw if "legal_status_raw" in df.columns else raw).alias("legal_status_raw"),
            pl.coalesce(pl.lit(valid), pl.lit(from_status)).alias("is_valid"),
            pl.lit(ptype).alias("patent_type"),
        ]

    def _rest(self, df: pl.DataFrame) -> list[pl.Expr]:
        exprs = [pl.lit(_text(df, name)).alias(name) for name in _TEXT_FIELDS]
        for name in ("vendor_sei_codes", "vendor_sei_main"):
            if name in df.columns and df[name].dtype == pl.String:
                exprs.append(
                    pl.lit(df[name].str.extract_all(r"\b\d\.\d\b").list.unique(maintain_order=True)).alias(
                        name
                    )
                )
            else:
                exprs.append(_given_list(df, name).alias(name))
        for name in _GIVEN_LISTS:
            exprs.append(_given_list(df, name).alias(name))
        wipo = (
            df["wipo_fields"].cast(pl.List(pl.Int64))
            if "wipo_fields" in df.columns
            else pl.Series([None] * df.height, dtype=pl.List(pl.Int64))
        )
        exprs.append(pl.lit(wipo).alias("wipo_fields"))
        exprs.append(
            pl.coalesce(pl.lit(_text(df, "source_format")), pl.lit(self.source_format)).alias("source_format")
        )
        exprs.append(
            pl.coalesce(pl.lit(_text(df, "source_file")), pl.lit(self.source_file)).alias("source_file")
        )
        exprs.append(pl.lit(df["source_row"]).cast(pl.Int64).alias("source_row"))
        return exprs

    def _region(self, df: pl.DataFrame, frame: pl.DataFrame) -> list[pl.Expr]:
        given = {k: _text(df, k) for k in ("applicant_country", "province", "city")}
        # Locate only what the source did not say: no country, or a Chinese applicant without a province.
        country = given["applicant_country"]
        need = country.is_null() | ((country == "CN") & given["province"].is_null()).fill_null(False)
        first = frame["applicants"].list.first()
        keys = pl.DataFrame(
            {"n": first, "a": frame["applicant_address"], "p": given["province"], "c": given["city"]}
        )
        loc, _ = self._map(
            keys,
            ["n", "a", "p", "c"],
            "region",
            lambda n, a, p, c: list(regions.locate(n, a, p, c)),
            pl.List(pl.String),
            mask=need,
        )
        return [
            pl.when(pl.lit(need))
            .then(pl.lit(loc).list.get(0, null_on_oob=True))
            .otherwise(pl.lit(given["applicant_country"]))
            .alias("applicant_country"),
            pl.when(pl.lit(need))
            .then(pl.lit(loc).list.get(1, null_on_oob=True))
            .otherwise(pl.lit(given["province"]))
            .alias("province"),
            pl.when(pl.lit(need))
            .then(pl.lit(loc).list.get(2, null_on_oob=True))
            .otherwise(pl.lit(given["city"]))
            .alias("city"),
        ]

    def _events(self, df: pl.DataFrame, frame: pl.DataFrame) -> pa.Table:
        if "legal_events" not in df.columns or df["legal_events"].is_null().all():
            return EVENT_SCHEMA.empty_table()
        ev = (
            pl.DataFrame({"pub_number": frame["pub_number"], "e": df["legal_events"]})
            .explode("e")
            .drop_nulls("e")
            .unnest("e")
        )
        if not ev.height:
            return EVENT_SCHEMA.empty_table()
        d, _ = self._map(
            ev.select(pl.col("event_date").alias("v")),
            ["v"],
            "date",
            lambda v: dates.parse_date(v) if v else None,
            pl.Date,
        )
        cat, _ = self._map(
            ev.select("code", "description"),
            ["code", "description"],
            "event",
            status.event_category,
            pl.String,
        )
        ev = ev.with_columns(event_date=d, category=cat)
        return ev.select([f.name for f in EVENT_SCHEMA]).to_arrow().cast(EVENT_SCHEMA)
