"""Publication and application numbers: one canonical spelling per document, whatever the source wrote.

May import: stdlib.

Canonical publication number: office code + serial + kind code, upper case, no spaces, dots, slashes or
hyphens (``CN112345678A``, ``US8927118B2``, ``US20200062390A1``, ``WO2020123456A1``, ``EP1000000A1``).
Canonical application number: office code + digits (+ check character where it is part of the number), see
:func:`normalize_app_number` for the decisions per office.

Every function returns ``None`` for blank input and raises ``ValueError`` with a short English reason for a
value that is not a number of the expected shape; nothing else is raised.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["country_of", "normalize_app_number", "normalize_pub_number", "split_pub_number"]

# Separators removed from every number ("EP 1 000 000 A1", "CN201710667329.7", "16/634,906").
_SEPARATORS = str.maketrans("", "", " \t\r\n.-_,'\"\u00a0")
_CODE = re.compile(r"[A-Z]{2}")
_KIND = re.compile(r"[A-Z]\d?")
# Already canonical for offices whose serial is kept as written: returned without further work.
_FAST_PUB = re.compile(
    r"(?:CN\d{7,9}|US(?:D|RE|PP)?[1-9]\d{3,7}|US20\d{9}|EP[1-9]\d{3,6}|WO(?:19|20)\d{8}"
    r"|(?:JP|KR|DE|GB|FR|TW|AU|CA|IN|RU|BR|MX|ES|IT)[1-9]\d{4,13})[A-Z]\d?"
)
_FAST_APP_CN = re.compile(r"CN(\d{12}|\d{8})\.?([\dX])")  # CN201710667329.7
# The common case: already canonical or nearly so (country, digits, kind).
_PUB = re.compile(r"([A-Z]{2})([A-Z]{0,5}\d[0-9A-Z]*?)([A-Z]\d?)?")
_BODY = re.compile(r"([A-Z]{0,5}\d[0-9A-Z]*?)([A-Z]\d?)?")
# Slash forms that carry a year: WO 2020/123456, WO 00/40934, US 2005/0004437.
_YEAR_SLASH = re.compile(r"([A-Z]{2})?(\d{2}|\d{4})/(\d{1,7})([A-Z]\d?)?")

# Per-office serial shapes (after the country code and kind were split off).
_US_PREGRANT = re.compile(r"(20\d{2})(\d{6,7})")  # 20050004437 (USPTO), 2006142694 (EPO docdb drops a zero)
_US_GRANT = re.compile(r"(D|RE|PP|PLT|H|T|X|AI)?0*([1-9]\d{0,7})")
_US_WKU = re.compile(r"0(\d{7})\d")  # Green Book WKU: pad + 7 digits + check digit
_WO = re.compile(r"(?:(19\d{2}|20\d{2})(\d{5,6})|(\d{2})(\d{5,6}))")
_EP = re.compile(r"0*([1-9]\d{0,6})")
_CN = re.compile(r"\d{7,9}")
_DIGITS_ONLY = {"CN", "EP", "WO", "US", "KR", "DE", "FR", "GB"}
_GENERIC = re.compile(r"[A-Z]{0,5}\d[0-9A-Z]{2,19}")

# Application numbers.
_PCT = re.compile(r"(?:PCT|WO)/?([A-Z]{2})(\d{2}|\d{4})/?(\d{1,6})")  # PCT/CN2020/123456, PCT/JP00/02182
_PCT_EPODOC = re.compile(r"WO(\d{4})([A-Z]{2})(\d{1,6})")  # WO2019US16123
_PCT_BARE = re.compile(r"([A-Z]{2})((?:19|20)\d{2})/(\d{5,6})")  # Patentics CN2017/079453, OPS US2013/050328
_APP = re.compile(r"([A-Z]{2})?([A-Z]{0,5}\d[0-9A-Z]*)")
_APP_CN = re.compile(r"(\d{12}|\d{8})([0-9X])?")
_APP_US = re.compile(r"(\d{2})/?(\d{6})")  # 16/634,906 (the comma is a separator)
_APP_EP = re.compile(r"(\d{8})(\d)?|(?:19|20)(\d{2})(?:0(\d{6})|(\d{6})(\d))")
_APP_JP_EPODOC = re.compile(r"((?:19|20)\d{2})0(\d{6})")  # JP20200035810 → JP2020035810
_APP_DE_CHECK = re.compile(r"((?:10|11|12|20|50)\d{10})\d")
_CN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def _prepare(raw: object) -> str | None:
    """Text of a number: None for blank, NFKC (full-width → ASCII), upper case, separators removed."""
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    s = str(raw).strip()
    if not s:
        return None
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s).strip()
    return s.upper().translate(_SEPARATORS)


def _code(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    v = _prepare(value)
    if not v:
        return None
    pattern = _CODE if what == "country" else _KIND
    if not pattern.fullmatch(v):
        raise ValueError(f"invalid {what} code {value!r}")
    return v


def _serial(country: str, serial: str, kind: str | None) -> tuple[str, str | None]:
    """Canonical serial for an office (raises ValueError when it has the wrong shape)."""
    if country == "US":
        m = _US_PREGRANT.fullmatch(serial)
        if m and len(serial) in (10, 11):
            return m.group(1) + m.group(2).zfill(7), kind or "A1"
        m = _US_WKU.fullmatch(serial)
        if m:
            serial = m.group(1)
        m = _US_GRANT.fullmatch(serial)
        if not m:
            raise ValueError(f"not a US publication number: {serial!r}")
        return (m.group(1) or "") + m.group(2), kind
    if country == "EP":
        m = _EP.fullmatch(serial)
        if not m:
            raise ValueError(f"not an EP publication number: {serial!r}")
        return m.group(1), kind
    if country == "WO":
        m = _WO.fullmatch(serial)
        if not m:
            raise ValueError(f"not a WO publication number: {serial!r}")
        if m.group(1):
            return m.group(1) + m.group(2).zfill(6), kind
        return serial, kind
    if country == "CN":
        if not _CN.fullmatch(serial):
            raise ValueError(f"not a CN publication number: {serial!r}")
        return serial, kind
    if country == "JP" and kind in ("B1", "B2") and len(serial) == 8 and serial.startswith("0"):
        return serial.lstrip("0"), kind  # incoPat pads JP patent numbers: JP07119769B2 = JP7119769B2
    if not _GENERIC.fullmatch(serial) or sum(c.isdigit() for c in serial) < 4:
        raise ValueError(f"not a publication number: {country}{serial!r}")
    if country in _DIGITS_ONLY and not serial.isdigit():
        raise ValueError(f"not a {country} publication number: {serial!r}")
    return serial, kind


def normalize_pub_number(raw: str | None, country: str | None = None, kind: str | None = None) -> str | None:
    """Canonical publication number: office + serial + kind, e.g. ``CN112345678A``, ``US8927118B2``.

    Parameters
    ----------
    raw : the number as written: full (``CN 112345678 A``), without office or kind (USPTO XML ``08927118``,
        EPO docdb ``1000000``), full-width or lower case.
    country : office code when given separately (docdb form, USPTO XML ``<country>``).
    kind : kind code when given separately; it must agree with a kind code already in ``raw``.

    Returns
    -------
    str or None
        None for blank input.

    Raises
    ------
    ValueError
        No office code, a serial of the wrong shape for its office, or conflicting kind codes.

    Notes
    -----
    Decisions (the store keys records on this value, so every source must agree):

    * **US**: grant numbers without leading zeros (``08927118`` → ``8927118``), design ``D``, reissue ``RE``,
      plant ``PP``, SIR ``H`` prefixes kept (``D0435854`` → ``D435854``); a 9-digit Green Book WKU
      ``039373754`` loses its pad and check digit. Pre-grant publications are year + 7 digits
      (``2005/0004437``, EPO docdb ``2006142694`` → ``20060142694``) and get kind ``A1`` when none is known.
    * **EP**: leading zeros dropped (docdb ``0680812`` → ``EP680812``), as incoPat and Patentics write them.
    * **WO**: from 2004 year + 6-digit serial, zero-padded (``WO2020/1234`` → ``WO2020001234``); older
      two-digit-year numbers (``WO0040934A1``, ``WO 00/40934``) kept as written.
    * **JP**: incoPat's 8-digit zero-padded patent numbers (``JP07119769B2``) lose the pad.
    * Other offices: the serial as written (letters inside the serial kept: ``TWI755301B``, ``TWM633556U``,
      ``SG11201811437UA``, ``HK22201139M001S``); at least four digits.
    * A number without a kind code is returned without one when no kind is known (``USD954688``).

    Examples
    --------
    >>> normalize_pub_number("CN 112345678 A")
    'CN112345678A'
    >>> normalize_pub_number("08927118", "US", "B2")
    'US8927118B2'
    >>> normalize_pub_number("D0435854", "us", "S")
    'USD435854S'
    >>> normalize_pub_number("2005/0004437", "US")
    'US20050004437A1'
    >>> normalize_pub_number("WO 2020/123456 A1")
    'WO2020123456A1'
    >>> normalize_pub_number("ＣＮ１１２３４５６７８Ａ")
    'CN112345678A'
    >>> normalize_pub_number("  ") is None
    True
    """
    if country is None and kind is None and isinstance(raw, str) and _FAST_PUB.fullmatch(raw):
        return raw
    s = _prepare(raw)
    if not s:
        return None
    cc = _code(country, "country")
    kk = _code(kind, "kind")
    if "/" in s:
        s = _year_slash(s, cc)
    if cc is None and kk is None:
        m = _PUB.fullmatch(s)
        if m is None:
            raise ValueError(f"not a publication number: {raw!r}")
        cc, serial, kk = m.group(1), m.group(2), m.group(3)
    else:
        if cc is None:
            if not _CODE.fullmatch(s[:2]):
                raise ValueError(f"no office code in {raw!r}")
            cc, s = s[:2], s[2:]
        elif s.startswith(cc):
            s = s[2:]
        m = _BODY.fullmatch(s)
        if m is None:
            raise ValueError(f"not a publication number: {raw!r}")
        serial, raw_kind = m.group(1), m.group(2)
        if kk is None:
            kk = raw_kind
        elif raw_kind is not None and raw_kind != kk:
            # The trailing letter may belong to the serial (SG check letter), where the office allows it.
            if cc in _DIGITS_ONLY or cc == "JP" or not raw_kind.isalpha():
                raise ValueError(f"kind code {raw_kind} in {raw!r} conflicts with kind {kk}")
            serial += raw_kind
    if kk is not None and not _KIND.fullmatch(kk):
        raise ValueError(f"invalid kind code {kk!r}")
    serial, kk = _serial(cc, serial, kk)
    return f"{cc}{serial}{kk or ''}"


def _year_slash(s: str, country: str | None) -> str:
    """Resolve ``WO2020/1234``, ``WO00/40934`` and ``US2005/0004437``; other slashes are plain separators."""
    m = _YEAR_SLASH.fullmatch(s)
    if m:
        cc = m.group(1) or country
        year, serial = m.group(2), m.group(3)
        if cc == "WO":
            serial = serial.zfill(6 if len(year) == 4 else 5)
        elif cc == "US" and len(year) == 4:
            serial = serial.zfill(7)
        return (m.group(1) or "") + year + serial + (m.group(4) or "")
    return s.replace("/", "")


def split_pub_number(pub: str) -> tuple[str, str, str]:
    """(country, serial, kind) of a canonical publication number; kind is ``""`` when absent.

    Examples
    --------
    >>> split_pub_number("US20200062390A1")
    ('US', '20200062390', 'A1')
    >>> split_pub_number("SG11201811437UA")
    ('SG', '11201811437U', 'A')
    >>> split_pub_number("USD954688")
    ('US', 'D954688', '')
    """
    m = _PUB.fullmatch(pub or "")
    if m is None:
        raise ValueError(f"not a canonical publication number: {pub!r}")
    return m.group(1), m.group(2), m.group(3) or ""


def _cn_check(digits: str) -> str:
    total = sum(int(c) * w for c, w in zip(digits, _CN_WEIGHTS, strict=False)) % 11
    return "X" if total == 10 else str(total)


def _year2(yy: str) -> str:
    """Two-digit PCT year → four digits (the PCT started in 1978)."""
    return ("19" if int(yy) >= 78 else "20") + yy


def normalize_app_number(raw: str | None, country: str | None = None) -> str | None:
    """Canonical application number: office + digits (+ check character where the office keeps one).

    Parameters
    ----------
    raw : the application number as written.
    country : office of the document, used only when ``raw`` carries no office code (``2014100512565``).

    Returns
    -------
    str or None
        None for blank input.

    Raises
    ------
    ValueError
        No office code, a wrong CN or EP check digit, or too few digits.

    Notes
    -----
    Decisions:

    * **CN**: the check character is part of the number (DESIGN): ``CN201710667329.7`` →
      ``CN2017106673297``, ``CN02123456.X`` → ``CN02123456X``; it is verified (ISO 7064 MOD 11-2 weights
      2–9, 2–5 as CNIPA uses) and computed when missing; ``ZL`` (granted patent) means CN.
    * **US**: series code + serial, 8 digits: ``US16/634,906`` → ``US16634906``. EPODOC forms
      (``US20100942680``) are kept as written: the series code cannot be derived from them.
    * **EP**: 8 digits (year + serial); the check digit is verified (Luhn) and dropped: ``EP18206603.5`` →
      ``EP18206603``, Patentics ``EP182066035A`` and ``EP20182066035`` (year + serial + check) →
      ``EP18206603``; EPODOC ``EP20170161659`` (year + zero-padded serial) → ``EP17161659``.
    * **PCT**: ``WO`` + receiving office + 4-digit year + 6-digit serial: ``PCT/CN2020/123456`` and
      Patentics ``CN2020/123456`` → ``WOCN2020123456``, incoPat ``WOUS21036939`` → ``WOUS2021036939``,
      EPODOC ``WO2019US16123`` → ``WOUS2019016123``, ``PCT/JP00/02182`` → ``WOJP2000002182``.
    * **JP**: EPODOC ``JP20200035810`` → ``JP2020035810``; **DE**: 13-digit forms lose the check digit
      (``DE1020171132880A`` → ``DE102017113288``).
    * Others (KR, TW, GB, FR, …): office + number as written, separators removed. A single application kind
      letter that EPODOC/Patentics append (``JP2014180464A``, ``CA194047F``) is dropped, except for SG, where
      the final letter is a check character.

    Examples
    --------
    >>> normalize_app_number("CN201710667329.7")
    'CN2017106673297'
    >>> normalize_app_number("2014100512565", "CN")
    'CN2014100512565'
    >>> normalize_app_number("US16/634,906")
    'US16634906'
    >>> normalize_app_number("16/911183", "US")
    'US16911183'
    >>> normalize_app_number("EP18206603.5")
    'EP18206603'
    >>> normalize_app_number("PCT/CN2020/123456")
    'WOCN2020123456'
    """
    if isinstance(raw, str) and (m := _FAST_APP_CN.fullmatch(raw)):
        if m.group(2) != _cn_check(m.group(1)):
            raise ValueError(f"wrong CN check digit in {raw!r} (expected {_cn_check(m.group(1))})")
        return f"CN{m.group(1)}{m.group(2)}"
    s = _prepare(raw)
    if not s:
        return None
    cc_arg = _code(country, "country")
    m = _PCT.fullmatch(s) or _PCT_BARE.fullmatch(s)
    if m:
        year = m.group(2) if len(m.group(2)) == 4 else _year2(m.group(2))
        return f"WO{m.group(1)}{year}{m.group(3).zfill(6)}"
    m = _PCT_EPODOC.fullmatch(s)
    if m:
        return f"WO{m.group(2)}{m.group(1)}{m.group(3).zfill(6)}"
    m = _APP_US.fullmatch(s[2:] if s.startswith("US") else s)
    if m and (s.startswith("US") or cc_arg == "US"):
        return "US" + m.group(1) + m.group(2)
    s = s.replace("/", "")
    if s.startswith("ZL"):
        s = "CN" + s[2:]
    m = _APP.fullmatch(s)
    if m is None:
        raise ValueError(f"not an application number: {raw!r}")
    cc, body = m.group(1) or cc_arg, m.group(2)
    if cc is None:
        raise ValueError(f"no office code in application number {raw!r}")
    if sum(c.isdigit() for c in body) < 4:
        raise ValueError(f"too few digits in application number {raw!r}")
    if cc == "CN":
        mc = _APP_CN.fullmatch(body)
        if mc is None:
            raise ValueError(f"not a CN application number: {raw!r}")
        check = _cn_check(mc.group(1))
        if mc.group(2) is not None and mc.group(2) != check:
            raise ValueError(f"wrong CN check digit in {raw!r} (expected {check})")
        return f"CN{mc.group(1)}{check}"
    if cc == "SG" or not (body[-1].isalpha() and body[-2].isdigit()):
        stem = body
    else:
        stem = body[:-1]
    if cc == "EP":
        return "EP" + _ep_app(stem, raw)
    if cc == "JP":
        mj = _APP_JP_EPODOC.fullmatch(stem)
        if mj:
            return f"JP{mj.group(1)}{mj.group(2)}"
    if cc == "DE":
        md = _APP_DE_CHECK.fullmatch(stem)
        if md:
            return f"DE{md.group(1)}"
    return cc + stem


def _luhn(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        x = int(ch) * (2 if i % 2 == 0 else 1)
        total += x - 9 if x > 9 else x
    return (10 - total % 10) % 10


def _ep_app(stem: str, raw: object) -> str:
    """EP application: 8 digits; the check digit (Luhn, as the EPO computes it) verified and dropped."""
    m = _APP_EP.fullmatch(stem)
    if m is None:
        raise ValueError(f"not an EP application number: {raw!r}")
    if m.group(1):
        number, check = m.group(1), m.group(2)
    elif m.group(4):  # EPODOC: year + zero-padded serial, no check digit
        number, check = m.group(3) + m.group(4), None
    else:  # Patentics: year + serial + check digit
        number, check = m.group(3) + m.group(5), m.group(6)
    if check is not None and int(check) != _luhn(number):
        raise ValueError(f"wrong EP check digit in {raw!r} (expected {_luhn(number)})")
    return number


def country_of(raw_pub_or_app: str | None) -> str | None:
    """Office code at the start of a publication or application number (``PCT/…`` → ``WO``, ``ZL…`` → ``CN``).

    Examples
    --------
    >>> country_of("cn112345678a")
    'CN'
    >>> country_of("PCT/US2017/042769")
    'WO'
    >>> country_of("2014100512565") is None
    True
    """
    s = _prepare(raw_pub_or_app)
    if not s:
        return None
    if s.startswith("PCT"):
        return "WO"
    if s.startswith("ZL"):
        return "CN"
    return s[:2] if _CODE.fullmatch(s[:2]) else None
