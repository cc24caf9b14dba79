"""IPC and CPC symbols: one canonical spelling (``G06F16/33``) from every spelling the sources use.

May import: stdlib.

Spellings seen in real exports: incoPat ``G01R31/389; G01R31/392``; Patentics ``G09B  9/00 | G06T 19/00``
(padded to the PATSTAT width) and ``H04W 64/00 为了网络管理的目的…〔2009.01〕`` (the title appended);
PATSTAT/EPO 14-character ``G06F0016330000``; ``G06F 16/33 (2019.01)`` or ``G06F 16/33 2019-01-01`` with the
version; lower case, full-width, a trailing dot (``G06V20/13.``). Canonical form: subclass, main group
without leading zeros, ``/``, subgroup of at least two digits — no spaces.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ipc_main_group", "ipc_subclass", "normalize_ipc", "split_ipc_list"]

_CANON = re.compile(r"[A-HY]\d{2}[A-Z][1-9]\d{0,3}/\d{2,6}")
# Subclass, then optionally main group and subgroup (PATSTAT pads with spaces), a stray dot and an
# allocation letter (I inventive / N non-inventive, as in incoPat "B60W50/08I").
_SYMBOL = re.compile(
    r"([A-HY]\d{2}[A-Z])(?:\s{0,4}(\d{1,4})(?:\s{0,2}/\s{0,2}(\d{1,6}))?)?\.?[IN]?(?![0-9A-Z/])"
)
_FIXED = re.compile(r"([A-HY]\d{2}[A-Z])(\d{4})(\d{6})")  # G06F0016330000
# IPC 7 fixed width of USPTO XML v4.0, SGML B511 and Green Book ICL: main group right-aligned in 3 characters.
_IPC7 = re.compile(r"([A-HY]\d{2}[A-Z])( \d\d|  \d)(\d{2,6})")  # A45F  504, B60R 2234, H01L 31107
_VERSION = re.compile(r"\(?\d{4}(?:[.-]?\d{2}){1,2}\)?[A-Z]{0,2}")  # (2019.01), 2019-01-01, 20190101
# Locarno design classes that Patentics writes into 国际分类 of design patents: 14-04(13), 1404.
_LOCARNO = re.compile(r"\d{2}-?\d{1,2}\s*(?:\(\d+\))?")
_NUMBERS_AFTER = re.compile(r"/|\d+(?:[\s/]|$)")
_ANNOTATION_START = "([〔（【"
_SEPARATORS = re.compile(r"\s*[|;,\n\r]+\s*")
_ONE = r"[A-HY]\d{2}[A-Z]\s{0,4}\d{1,4}\s{0,2}/\s{0,2}\d{2,6}"
_ONE_RE = re.compile(_ONE)
_MULTI = re.compile(rf"(?:{_ONE}\s+)+{_ONE}")  # "G06F16/33 H04L9/00", "G06F 16/33  H04L 9/00"
_WIDE_SEPARATORS = re.compile(r"\s*[；，、]\s*")  # full-width lists, unless they are title punctuation


def normalize_ipc(raw: str) -> str:
    """Canonical IPC or CPC symbol.

    Parameters
    ----------
    raw : one symbol in any spelling (see the module docstring); sections A–H, and Y for CPC.

    Returns
    -------
    str
        ``G06F16/33``. A bare subclass stays a subclass (``G06F``); a bare main group gets ``/00``
        (``G06F16`` → ``G06F16/00``).

    Raises
    ------
    ValueError
        Not a symbol (``14-04(13)`` and ``1404`` are Locarno design classes, ``G06Q   /1000`` lacks its main
        group, ``B60R16023`` has no ``/`` and cannot be split unambiguously).

    Notes
    -----
    The IPC 7 fixed-width form of USPTO XML v4.0, SGML and Green Book (``A45F  504`` = A45F5/04,
    ``H01L 31107`` = H01L31/107) is read when the three-character main-group field starts with a space; a
    three-digit main group in that form (``C07C24900``) is refused, since it cannot be told from a CPC symbol
    that lost its ``/`` (Patentics ``B60R16023``).

    Main-group zeros are dropped (``0016`` → ``16``). Subgroup digits are kept as written; a one-digit
    subgroup is read as the decimal fraction it is (``/3`` → ``/30``); in the 14-character form the right
    padding is dropped down to two digits (``330000`` → ``33``). Anything after the symbol that is a version
    date or title text (Patentics appends the Chinese title) is ignored.

    Examples
    --------
    >>> normalize_ipc("G09B  9/00")
    'G09B9/00'
    >>> normalize_ipc("G06F 16/33 (2019.01)")
    'G06F16/33'
    >>> normalize_ipc("G06F0016330000")
    'G06F16/33'
    >>> normalize_ipc("H04W 64/00 为了网络管理的目的，例如移动性管理〔2009.01〕")
    'H04W64/00'
    >>> normalize_ipc("ｇ０６ｆ１６／３３")
    'G06F16/33'
    >>> normalize_ipc("A45F  504")
    'A45F5/04'
    >>> normalize_ipc("G06F16")
    'G06F16/00'
    >>> normalize_ipc("G06F")
    'G06F'
    """
    if not isinstance(raw, str):
        raise ValueError(f"not an IPC symbol: {raw!r}")
    s = raw.strip()
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s).strip()
    s = s.upper()
    if _CANON.fullmatch(s):
        return s
    if not s:
        raise ValueError("empty IPC symbol")
    m = _FIXED.fullmatch(s)
    if m:
        main = m.group(2).lstrip("0")
        if not main:
            raise ValueError(f"main group 0 in {raw!r}")
        sub = m.group(3).rstrip("0").ljust(2, "0")
        return f"{m.group(1)}{main}/{sub}"
    m = _IPC7.fullmatch(s)
    if m:
        return f"{m.group(1)}{m.group(2).strip()}/{m.group(3)}"
    m = _SYMBOL.match(s)
    if m is None:
        if _LOCARNO.fullmatch(s):
            raise ValueError(f"{raw!r} is a Locarno design class, not IPC")
        raise ValueError(f"not an IPC symbol: {raw!r}")
    rest = s[m.end() :]
    if rest:
        _check_rest(rest, raw)
    sub_class, main, sub = m.group(1), m.group(2), m.group(3)
    if main is None:
        return sub_class
    main = main.lstrip("0")
    if not main:
        raise ValueError(f"main group 0 in {raw!r}")
    if sub is None:
        return f"{sub_class}{main}/00"
    return f"{sub_class}{main}/{sub.ljust(2, '0')}"


def _check_rest(rest: str, raw: str) -> None:
    """Accept a version or a title after a symbol; refuse a second symbol or stray digits."""
    r = rest.lstrip()
    if not r or r[0] in _ANNOTATION_START or _VERSION.fullmatch(r):
        return
    if _NUMBERS_AFTER.match(r) or (rest[0].isascii() and not rest[0].isspace()):
        raise ValueError(f"not an IPC symbol: {raw!r}")
    second = _SYMBOL.match(r)
    if second is not None and second.group(2) is not None:
        raise ValueError(f"more than one symbol in {raw!r}")


def split_ipc_list(raw: str | list[str] | tuple[str, ...] | None) -> tuple[list[str], list[str]]:
    """Split a list of symbols, normalise each, drop repeats: (valid symbols, invalid pieces as given).

    Parameters
    ----------
    raw : a delimited string (``|``, ``;``, ``,`` or newline: ``G09B  9/00 | G06T 19/00``,
        ``G01R31/389; G01R31/392``, ``A47F  5/10|A47F  7/00``; full-width ``；``, ``，``, ``、`` when every
        piece is a symbol, so that a Patentics title keeps its punctuation; whitespace-separated symbols),
        or an already split list.

    Returns
    -------
    tuple of (list of str, list of str)
        Valid canonical symbols in the order given (the first is the main one), each once; and the pieces that
        are not symbols, stripped, in order.

    Examples
    --------
    >>> split_ipc_list("G09B  9/00 | G06T 19/00")
    (['G09B9/00', 'G06T19/00'], [])
    >>> split_ipc_list("G01R31/389; G01R31/392; G01R31/389")
    (['G01R31/389', 'G01R31/392'], [])
    >>> split_ipc_list("14-04(13) | G06Q   /1000 | G06Q 10/08")
    (['G06Q10/08'], ['14-04(13)', 'G06Q   /1000'])
    >>> split_ipc_list(None)
    ([], [])
    """
    if raw is None:
        return [], []
    pieces = _SEPARATORS.split(raw.strip()) if isinstance(raw, str) else [str(p).strip() for p in raw if p]
    ok: list[str] = []
    bad: list[str] = []
    seen: set[str] = set()
    for piece in pieces:
        if not piece:
            continue
        parts: list[str] | tuple[str, ...] = (piece,)
        if _MULTI.fullmatch(piece):
            parts = _ONE_RE.findall(piece)
        elif not piece.isascii():
            wide = _WIDE_SEPARATORS.split(piece)
            if len(wide) > 1 and all(_ONE_RE.fullmatch(unicodedata.normalize("NFKC", w)) for w in wide):
                parts = wide
        for part in parts:
            try:
                sym = normalize_ipc(part)
            except ValueError:
                bad.append(part)
                continue
            if sym not in seen:
                seen.add(sym)
                ok.append(sym)
    return ok, bad


def ipc_subclass(symbol: str) -> str:
    """Subclass of a symbol in any spelling.

    Examples
    --------
    >>> ipc_subclass("G06F 16/33")
    'G06F'
    """
    return normalize_ipc(symbol)[:4]


def ipc_main_group(symbol: str) -> str:
    """Main group of a symbol in any spelling (raises ValueError for a bare subclass).

    Examples
    --------
    >>> ipc_main_group("G06F16/335")
    'G06F16/00'
    >>> ipc_main_group("B64C2201/146")
    'B64C2201/00'
    """
    sym = normalize_ipc(symbol)
    if len(sym) == 4:
        raise ValueError(f"{symbol!r} is a subclass, it has no main group")
    return sym[: sym.index("/")] + "/00"
