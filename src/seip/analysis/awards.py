"""Imported lists the patent exports lack: national awards and pledge financing with amounts (``seip import-awards``).

May import: seip.store, seip.records, seip.errors, seip.i18n, stdlib, polars, pyarrow, ibis.

Two CNIPA high-value criteria (docs/indicators.md) need facts no patent export carries: (5) the patent won the
national science and technology award (国家科学技术奖) or the China Patent Award (中国专利奖), and (4) it
secured a high pledge financing amount (CNIPA's pledge announcements give no amounts). A bureau holds both as
lists; this module reads such a list (CSV in UTF-8 or GB18030, or xlsx), normalises each patent number with
:mod:`seip.records.numbers`, and keeps it in the corpus table ``awards`` (one row per list row, ``kind``
``award`` or ``pledge``). Importing the same file again replaces its rows; a row whose number cannot be read is
reported with its row number and reason, never stored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import ibis
import polars as pl
import pyarrow as pa

from seip.errors import SeipError
from seip.records.dates import parse_date
from seip.records.numbers import normalize_app_number, normalize_pub_number
from seip.store import Corpus

__all__ = ["KINDS", "SCHEMA", "AwardsError", "AwardsImport", "import_list", "qualifying_award", "read_list"]

KINDS = ("award", "pledge")
SCHEMA = ibis.schema(
    {
        "kind": "string",
        "number": "string",
        "app_number": "string",
        "pub_number": "string",
        "name": "string",
        "level": "string",
        "year": "int64",
        "amount": "float64",
        "event_date": "date",
        "qualifies": "boolean",
        "source_file": "string",
        "source_row": "int64",
        "imported_at": "timestamp",
    }
)
DDL = """CREATE TABLE IF NOT EXISTS awards (
  kind VARCHAR, number VARCHAR, app_number VARCHAR, pub_number VARCHAR, name VARCHAR, level VARCHAR,
  year BIGINT, amount DOUBLE, event_date DATE, qualifies BOOLEAN, source_file VARCHAR, source_row BIGINT,
  imported_at TIMESTAMP
)"""

#: Header synonyms (lower case, spaces removed) → field.
_HEADERS = {
    "number": (
        "专利号",
        "申请号",
        "专利申请号",
        "公开号",
        "公告号",
        "授权公告号",
        "公开(公告)号",
        "公开（公告）号",
        "patentnumber",
        "patentno",
        "number",
        "app_number",
        "pub_number",
        "applicationnumber",
        "publicationnumber",
    ),
    "name": ("奖项", "奖项名称", "奖励名称", "奖励类别", "奖种", "award", "awardname", "质权人", "pledgee"),
    "level": ("等级", "奖励等级", "奖级", "获奖等级", "level", "grade"),
    "year": ("年度", "获奖年度", "授奖年度", "评选年度", "year"),
    "amount": ("质押金额", "融资金额", "贷款金额", "金额", "amount"),
    "event_date": ("登记日", "质押登记日", "生效日", "登记日期", "日期", "date"),
}
_APP_RE = re.compile(r"^(?:ZL|CN)?\d{8}(?:\d{4})?\.?[\dX]$")
_PUB_RE = re.compile(r"^[A-Z]{2}\d{5,}[A-Z]\d?$")
#: The two national awards CNIPA's criterion (5) names; provincial awards and the design award do not count.
_QUALIFYING = re.compile(
    r"中国专利(?:金|银|优秀)?奖|国家(?:最高)?科学技术(?:进步)?奖|国家科技进步奖|国家自然科学奖|国家技术发明奖"
    r"|china patent award|national (?:science and technology|natural science|technological invention) award"
)


class AwardsError(SeipError):
    """An award or pledge list cannot be read as a whole (no number column, unreadable file)."""


@dataclass
class AwardsImport:
    """What one ``import-awards`` run did."""

    file: str
    kind: str
    rows_read: int = 0
    stored: int = 0
    qualifying: int = 0
    matched: int = 0
    replaced: int = 0
    rejected: list[dict[str, object]] = field(default_factory=list)


def qualifying_award(name: str | None) -> bool:
    """Whether an award name is one of the two national awards of CNIPA's criterion (5).

    >>> qualifying_award("第二十二届中国专利金奖"), qualifying_award("国家技术发明奖二等奖")
    (True, True)
    >>> qualifying_award("黑龙江省专利奖"), qualifying_award("中国外观设计金奖")
    (False, False)
    """
    return bool(name) and bool(_QUALIFYING.search(name.lower()))


def _number(raw: str) -> tuple[str | None, str | None]:
    """(app_number, pub_number) of a list cell; raises ValueError when it is neither."""
    s = re.sub(r"[\s　]", "", raw).upper().replace("．", ".")
    if _APP_RE.match(s):
        return normalize_app_number(s, "CN"), None
    if _PUB_RE.match(s):
        return None, normalize_pub_number(s)
    try:
        return normalize_app_number(s, "CN"), None
    except ValueError:
        pass
    try:
        pub = normalize_pub_number(s)
    except ValueError:
        pub = None
    if pub and _PUB_RE.match(pub):
        return None, pub
    raise ValueError(f"neither a patent nor an application number: {raw!r}")


def _amount_factor(header: str) -> float:
    """Amounts are kept in 万元 (10,000 yuan); the header's unit converts them (万元 assumed when none)."""
    if "亿" in header:
        return 10_000.0
    if "万" in header or "10k" in header.lower():
        return 1.0
    if "元" in header or "yuan" in header.lower() or "cny" in header.lower():
        return 1e-4
    return 1.0


def _frame(path: Path) -> pl.DataFrame:
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
            return pl.read_excel(path, infer_schema_length=0)
        raw = path.read_bytes()
        for enc in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise AwardsError(f"{path}: neither UTF-8 nor GB18030 text")
        return pl.read_csv(text.encode(), infer_schema=False)
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise AwardsError(f"{path}: cannot read the list ({exc})") from None


def read_list(
    path: str | Path, kind: str = "award", *, name: str | None = None, year: int | None = None
) -> tuple[pa.Table, list[dict[str, object]]]:
    """Rows of an award or pledge list in the schema of the ``awards`` table, and the rejected rows.

    ``name`` and ``year`` fill the award name and year when the list has no such column (a list of one
    award, such as the gold awards of one session of the China Patent Award).
    """
    if kind not in KINDS:
        raise AwardsError(f"unknown list kind {kind!r}: choose one of {', '.join(KINDS)}")
    path = Path(path)
    df = _frame(path)
    cols: dict[str, str] = {}
    for col in df.columns:
        key = re.sub(r"\s", "", col).lower()
        bare = re.sub(r"[(（].*?[)）]", "", key)
        for fld, names in _HEADERS.items():
            if fld not in cols and (key in names or bare in names):
                cols[fld] = col
    if "number" not in cols:
        raise AwardsError(f"{path}: no patent number column (looked for 专利号, 申请号, 公开号, number …)")
    if kind == "pledge" and "amount" not in cols:
        raise AwardsError(f"{path}: a pledge list needs an amount column (质押金额, 融资金额, amount …)")
    factor = _amount_factor(cols.get("amount", ""))
    now = dt.datetime.now().replace(microsecond=0)
    out: dict[str, list] = {f: [] for f in SCHEMA.names}
    rejected: list[dict[str, object]] = []
    get = {f: df.get_column(c).to_list() for f, c in cols.items()}
    header_rows = 1
    for i in range(df.height):
        row = i + 1 + header_rows
        raw = get["number"][i]
        if raw is None or not str(raw).strip():
            rejected.append({"row": row, "reason": "empty patent number"})
            continue
        try:
            app, pub = _number(str(raw))
        except ValueError as exc:
            rejected.append({"row": row, "value": str(raw), "reason": str(exc)})
            continue
        award = " ".join(x for x in (name, _cell(get, "name", i)) if x) or None
        amount = _cell(get, "amount", i)
        try:
            value = float(str(amount).replace(",", "")) * factor if amount else None
        except ValueError:
            rejected.append({"row": row, "value": str(amount), "reason": "amount is not a number"})
            continue
        if kind == "pledge" and value is None:
            rejected.append({"row": row, "reason": "empty amount"})
            continue
        row_year = _cell(get, "year", i)
        digits = re.search(r"(?:19|20)\d\d", row_year or "")
        try:
            when = parse_date(_cell(get, "event_date", i))
        except ValueError as exc:
            rejected.append({"row": row, "value": _cell(get, "event_date", i), "reason": str(exc)})
            continue
        level = _cell(get, "level", i)
        out["kind"].append(kind)
        out["number"].append(str(raw).strip())
        out["app_number"].append(app)
        out["pub_number"].append(pub)
        out["name"].append(award)
        out["level"].append(level)
        out["year"].append(int(digits.group()) if digits else (year or (when.year if when else None)))
        out["amount"].append(value)
        out["event_date"].append(when)
        out["qualifies"].append(
            kind == "award" and qualifying_award(" ".join(x for x in (award, level) if x))
        )
        out["source_file"].append(str(path.resolve()))
        out["source_row"].append(row)
        out["imported_at"].append(now)
    return pa.table(out, schema=SCHEMA.to_pyarrow()), rejected


def _cell(get: dict[str, list], fld: str, i: int) -> str | None:
    if fld not in get:
        return None
    v = get[fld][i]
    return (str(v).strip() or None) if v is not None else None


def import_list(
    corpus: Corpus, path: str | Path, kind: str = "award", *, name: str | None = None, year: int | None = None
) -> AwardsImport:
    """Read a list and store it in the corpus table ``awards``, replacing an earlier import of the same file.

    Returns counts: rows read, stored, qualifying (awards: one of the two national awards), matched (rows whose
    patent is in the corpus), replaced (rows of the earlier import), and the rejected rows with reasons.
    """
    rows, rejected = read_list(path, kind, name=name, year=year)
    res = AwardsImport(str(path), kind, rows.num_rows + len(rejected), rows.num_rows, rejected=rejected)
    res.qualifying = sum(bool(v) for v in rows.column("qualifies").to_pylist())
    con = corpus.con
    con.execute(DDL)
    con.execute("BEGIN TRANSACTION")
    try:
        source = str(Path(path).resolve())
        res.replaced = int(
            con.execute("SELECT count(*) FROM awards WHERE source_file = ?", [source]).fetchall()[0][0]
        )
        con.execute("DELETE FROM awards WHERE source_file = ?", [source])
        con.register("_awards_new", rows)
        con.execute("INSERT INTO awards SELECT * FROM _awards_new")
        con.unregister("_awards_new")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    res.matched = int(
        con.execute(
            "SELECT count(*) FROM awards a WHERE source_file = ? AND EXISTS (SELECT 1 FROM patents p "
            "WHERE p.app_number = a.app_number OR p.pub_number = a.pub_number)",
            [source],
        ).fetchall()[0][0]
    )
    return res
