"""Legal status, validity, patent type and legal-event categories from the vocabularies of many sources.

May import: stdlib.

Vocabularies covered (all values seen in ../shared/datasets/cn-patent-container and the EPO legal-event
code table are tested): incoPat 当前法律状态 and 专利有效性, Patentics 法律状态 and 法律描述, English
status words of EPO/USPTO/INPADOC and commercial databases, EPO/INPADOC legal-event codes (CN codes in full).
"""

from __future__ import annotations

import re
import unicodedata

from seip.records.schema import LEGAL_STATUSES

__all__ = ["event_category", "is_valid_status", "normalize_legal_status", "patent_type", "validity_from_text"]

_STATUSES = LEGAL_STATUSES  # the canonical values, defined once in seip.records.schema

# Exact values (lower case) → status: the fast path for the usual single-word cells.
_EXACT = {
    "授权": "granted",
    "有效": "granted",
    "实质审查": "pending",
    "公开": "pending",
    "审中": "pending",
    "公布": "pending",
    "未缴年费": "lapsed",
    "撤回": "withdrawn",
    "驳回": "rejected",
    "放弃": "abandoned",
    "期限届满": "expired",
    "权利终止": "lapsed",
    "申请终止": "withdrawn",
    "全部无效": "invalidated",
    "部分无效": "granted",
    "全部撤销": "invalidated",
    "部分撤销": "granted",
    "失效": "lapsed",
    "无效": "lapsed",
    "其他": "unknown",
    **{s: s for s in _STATUSES},
}

# Keyword rules, first match wins; None = the part says nothing about the status (transfer, change …).
_RULES: tuple[tuple[re.Pattern[str], str | None], ...] = tuple(
    (re.compile(p), s)
    for p, s in (
        (r"pct.*期内|pct.*designated period|international phase", "pending"),
        (r"pct.*期满", "expired"),
        (r"无效宣告请求|invalidation request|request for (?:invalidation|revocation)", None),
        (r"转移|转让|变更|许可|质押|保全|transfer|assignment|change of|licen[cs]|pledge", None),
        (r"部分(?:无效|撤销)|partial(?:ly)? (?:invalid|revo)", "granted"),
        (
            r"全部无效|宣告无效|无效宣告|专利权(?:的)?无效|全部撤销|撤销专利权|专利权(?:被)?撤销"
            r"|revoked|revocation|invalidated|declared (?:invalid|void)|nullity|annulled",
            "invalidated",
        ),
        (r"未缴年费|年费终止|欠费|fee related|non-?payment|not paid|renewal fee", "lapsed"),
        (r"届满|期满|expired|expiry|expiration|lifetime|end of term", "expired"),
        (r"申请终止|撤回|withdrawn|withdrawal", "withdrawn"),
        (r"驳回|refused|refusal|rejected|rejection", "rejected"),
        (r"放弃|abandon", "abandoned"),
        (
            r"终止|失效|lapsed|lapse|ceased|cessation|terminated|inactive|dead|not in force|\binvalid\b|无效",
            "lapsed",
        ),
        (r"恢复|reinstate|restor", "granted"),
        (
            r"授权|有效|granted|\bgrant\b|patent of addition|in force|\bactive\b|alive|maintained|issued"
            r"|no opposition|opposition",
            "granted",
        ),
        (
            r"实质审查|审中|审查|公开|公布|受理|申请|pending|published|publication|examination|search|filed"
            r"|application",
            "pending",
        ),
    )
)
_PARTS = re.compile(r"\s*(?:[;；|\n]|,\s|，)\s*")
# Field lines inside Patentics 法律描述 ("申请日=2021.04.09", "IPC(主分类):H04M1/725") name no state.
_FIELD_LINE = re.compile(r"\S{1,15}?[=:]")


def _clean(raw: str) -> str:
    s = raw.strip()
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s).strip()
    return s.lower()


def _state_of(part: str) -> str | None:
    for pattern, state in _RULES:
        if pattern.search(part):
            return state
    return None


def normalize_legal_status(raw: str | None) -> str:
    """Canonical legal status of a document; never raises.

    Parameters
    ----------
    raw : a status cell: incoPat 当前法律状态 (授权, 实质审查, 公开, 未缴年费, 撤回, 驳回, 放弃, 期限届满,
        权利终止, 申请终止, 全部无效, 部分无效, 全部撤销, 进入国家阶段-PCT有效期满 …), incoPat 专利有效性
        (有效, 审中, 失效, PCT-有效期满), Patentics 法律状态 (公开, 有效, 撤回, 驳回, 无效, 其他) or
        法律描述 (a list of dated events), English words (granted, pending, lapsed, expired, deemed to be
        withdrawn, refused, revoked, ceased, "patent of addition", "Expired - Fee Related" …).

    Returns
    -------
    str
        One of ``pending granted lapsed expired withdrawn rejected abandoned invalidated unknown``.

    Notes
    -----
    * Several states in one cell (``授权; 未缴年费``, a Patentics 法律描述 event list): sources list events
      oldest first, so the last part that names a state wins.
    * 失效 / 无效 (not in force, reason not given) → ``lapsed``, the commonest reason; 全部无效 (invalidation
      decision) → ``invalidated``; 部分无效 / 部分撤销 → ``granted`` (still in force).
    * 权利终止 → ``lapsed``; 申请终止 → ``withdrawn``; 期限届满 → ``expired``.
    * PCT …有效期内 → ``pending``; PCT …有效期满 (the international phase is over, whether or not it
      entered national phases, which have their own records) → ``expired``.
    * 公开, 实质审查, 审中 → ``pending``; 其他, empty or unrecognised text → ``unknown``.

    Examples
    --------
    >>> normalize_legal_status("授权")
    'granted'
    >>> normalize_legal_status("进入国家阶段-PCT有效期满")
    'expired'
    >>> normalize_legal_status("授权; 未缴年费")
    'lapsed'
    >>> normalize_legal_status("Deemed to be withdrawn")
    'withdrawn'
    >>> normalize_legal_status(None)
    'unknown'
    """
    if raw is None or not isinstance(raw, str):
        return "unknown"
    s = _clean(raw)
    if not s:
        return "unknown"
    hit = _EXACT.get(s)
    if hit is not None:
        return hit
    state = None
    for part in _PARTS.split(s):
        found = _state_of(part) if part and not _FIELD_LINE.match(part) else None
        if found is not None:
            state = found
    return state or "unknown"


def is_valid_status(status: str) -> bool | None:
    """Whether a canonical status means "in force" (有效专利: granted and not lapsed, expired or invalidated).

    ``granted`` → True; ``pending`` (an application confers no right yet) and every terminal state → False;
    ``unknown`` → None. Raises ValueError for a value outside the canonical vocabulary.

    Examples
    --------
    >>> is_valid_status("granted"), is_valid_status("pending"), is_valid_status("unknown")
    (True, False, None)
    """
    if status not in _STATUSES:
        raise ValueError(f"not a canonical legal status: {status!r}")
    if status == "unknown":
        return None
    return status == "granted"


_VALID_WORDS = {
    "有效": True,
    "valid": True,
    "active": True,
    "in force": True,
    "alive": True,
    "true": True,
    "yes": True,
    "y": True,
    "1": True,
    "是": True,
    "无效": False,
    "失效": False,
    "invalid": False,
    "inactive": False,
    "dead": False,
    "not in force": False,
    "false": False,
    "no": False,
    "n": False,
    "0": False,
    "否": False,
    "审中": False,
    "pct指定期内": False,
    "pct指定期满": False,
    "pct-有效期满": False,
}


def validity_from_text(raw: object) -> bool | None:
    """In force today, from a validity cell (incoPat 专利有效性, Patentics 有效/失效, true/false).

    有效 → True; 无效, 失效, 审中 (pending applications are not in force), PCT指定期内/期满 → False;
    other text is read as a legal status (:func:`normalize_legal_status`, then :func:`is_valid_status`);
    blank or unrecognised → None.

    Examples
    --------
    >>> [validity_from_text(v) for v in ("有效", "失效", "审中", "")]
    [True, False, False, None]
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        return raw
    s = _clean(str(raw))
    if not s:
        return None
    hit = _VALID_WORDS.get(s)
    if hit is not None:
        return hit
    return is_valid_status(normalize_legal_status(s))


_TYPE_TEXT: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"实用新型|utility[ -]?model|gebrauchsmuster|petty patent|innovation patent"),
        "utility_model",
    ),
    (re.compile(r"外观|design"), "design"),
    (re.compile(r"发明|invention|utility patent|plant|patent"), "invention"),
)
# Kind letters per office; the default row applies to every office not listed.
_KIND_TYPES = {
    "CN": {
        "A": "invention",
        "B": "invention",
        "C": "invention",
        "U": "utility_model",
        "Y": "utility_model",
        "S": "design",
        "D": "design",
    },
    "US": {
        "A": "invention",
        "B": "invention",
        "E": "invention",
        "P": "invention",
        "H": "invention",
        "S": "design",
    },
    "EP": {"A": "invention", "B": "invention"},
    "WO": {"A": "invention", "B": "invention"},
}
_DEFAULT_KINDS = {
    "A": "invention",
    "B": "invention",
    "C": "invention",
    "D": "invention",
    "E": "invention",
    "T": "invention",
    "P": "invention",
    "L": "invention",
    "H": "invention",
    "U": "utility_model",
    "Y": "utility_model",
    "S": "design",
}


def patent_type(kind: str | None = None, text: str | None = None, country: str | None = None) -> str | None:
    """``invention`` / ``utility_model`` / ``design`` from a type text or from a kind code and office.

    Parameters
    ----------
    kind : kind code (``A``, ``B2``, ``U``, ``S`` …).
    text : type text (发明申请, 发明授权, 发明公布, 实用新型, 外观设计, "utility model" …); it wins over
        the kind.
        Texts that are not a type (incoPat 公开类型 译文, 修正或者更正专利) fall back to the kind.
    country : office of the kind code.

    Notes
    -----
    Kind codes: CN A/B/C → invention, U/Y → utility model, S/D → design; US A1/A2/A9/B1/B2/E (reissue)/H
    (SIR) → invention, P (plant patents: a patent for an invention in a plant variety, counted with
    inventions) → invention, S → design; EP/WO A/B → invention; AU A4/B4/C4 (innovation patents, counted by
    WIPO as utility models) → utility model; elsewhere U/Y → utility model (DE Gebrauchsmuster, JP, KR, …),
    S → design, other letters → invention. Unknown letters → None.

    Examples
    --------
    >>> patent_type(text="发明授权")
    'invention'
    >>> patent_type("U", country="CN")
    'utility_model'
    >>> patent_type("S1", country="US")
    'design'
    >>> patent_type("A", text="实用新型", country="CN")
    'utility_model'
    >>> patent_type("U1", country="DE")
    'utility_model'
    """
    if text:
        t = _clean(text)
        for pattern, ptype in _TYPE_TEXT:
            if pattern.search(t):
                return ptype
    if not kind:
        return None
    k = _clean(kind).upper()
    if not k or not k[0].isalpha():
        return None
    c = _clean(country).upper() if country else ""
    if c == "AU" and k in ("A4", "B4", "C4"):
        return "utility_model"
    return _KIND_TYPES.get(c, _DEFAULT_KINDS).get(k[0])


#: Kind codes of documents published *as* a grant (or registration), per office: their publication date is the
#: grant date. CN: B/C inventions (C before 2010), U/Y utility models, S/D designs (granted on publication);
#: US: B1/B2, E reissues, P2/P3 plants, S designs; EP: B1/B2/B3; JP: B/B1/B2; KR: B1, Y1; TW: B, U, D, S;
#: DE: B3/B4, C1/C2 (before 2004), U1; GB: B; FR: B1. Other offices are left alone.
GRANT_KINDS: dict[str, frozenset[str]] = {
    "CN": frozenset({"B", "C", "U", "Y", "S", "D"}),
    "US": frozenset({"B1", "B2", "E", "P2", "P3", "S", "S1"}),
    "EP": frozenset({"B1", "B2", "B3"}),
    "JP": frozenset({"B", "B1", "B2"}),
    "KR": frozenset({"B1", "Y1"}),
    "TW": frozenset({"B", "U", "D", "S"}),
    "DE": frozenset({"B3", "B4", "C1", "C2", "U1"}),
    "GB": frozenset({"B"}),
    "FR": frozenset({"B1"}),
}


def is_grant_kind(country: str | None, kind: str | None) -> bool:
    """Whether a document of ``kind`` at ``country`` is the publication of a grant (its date is the grant date).

    >>> is_grant_kind("CN", "B"), is_grant_kind("CN", "A"), is_grant_kind("US", "B2"), is_grant_kind("WO", "B1")
    (True, False, True, False)
    """
    return bool(country and kind and kind in GRANT_KINDS.get(country, frozenset()))


# Legal events ---------------------------------------------------------------------------------------
_EVENT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), c)
    for p, c in (
        (r"representative|attorney|agent\b|代理", "other"),
        (
            r"supplementary protection|\bspc\b|certificate of protection|term extension|term adjustment"
            r"|extension of (?:the )?(?:patent term|term|duration)|extension of patent right duration|延长",
            "other",
        ),
        (r"status: patent grant", "grant"),
        (r"status: patent discontinuation", "lapse"),
        (r"information on (?:the )?status", "other"),
        (r"pledg|mortgage|security interest|质押|质权", "pledge"),
        (r"licen[cs]|许可", "licence"),
        (
            r"change (?:of|in) (?:the )?(?:name|address|headquarter|inventor|applicant information)"
            r"|著录事项变更|地址(?:的)?变更|名称(?:的)?变更",
            "other",
        ),
        (
            r"correction|rectification|erratum|erroneous|republi|deleted|更正|修正"
            r"|(?:publication|decision|requirement|entry|notification|expedition) cancelled(?! all)",
            "other",
        ),
        (
            r"(?:proceedings?|action|suit|order)\b.*\bcourt\b|\bcourt\b.*(?:proceedings?|action|order)"
            r"|infringement|lawsuit|litigation|诉讼|侵权",
            "litigation",
        ),
        (
            r"(?:request|petition|proceedings?|notice|action)s? (?:for|of|to) (?:the )?"
            r"(?:revocation|invalidation|nullity|annulment|cancellation)"
            r"|(?:revocation|invalidation|nullity|cancellation|annulment) (?:request|proceeding|action|petition)"
            r"|无效宣告请求",
            "opposition",
        ),
        (r"translation not filed|no translation", "lapse"),
        (r"assignment|transfer|succession|change of (?:owner|proprietor)|转移|转让", "transfer"),
        (
            r"reinstat|(?<!right of )restor|re-?establish|restitu|revival|revived|reactivat|further processing"
            r"|allowed to proceed|恢复",
            "reinstatement",
        ),
        (r"no opposition|没有异议", "other"),
        (
            r"revok|revoc|invalidat|\binvalid\b|declared void|nullity|nullif|annul|cancelled by|cancellation by"
            r"|patent cancelled|model cancelled|cancelling|cancelled all claims|无效|撤销",
            "invalidation",
        ),
        (r"\bcourt\b", "litigation"),
        (
            r"opposition|inter partes|post-?grant review|interference|re-?examination request|异议",
            "opposition",
        ),
        (r"appeal|复审", "examination"),
        (r"suspen|extension of time|prolongation", "other"),
        (r"reject|refus|驳回", "rejection"),
        (r"withdraw|dismiss|撤回", "withdrawal"),
        (
            r"abandon|surrender|renounce|renunciation|relinquish|resignation|waiver|disclaimer|放弃",
            "abandonment",
        ),
        (r"expir|term ended|end of term|maximum lifetime|届满", "expiry"),
        (
            r"laps|ceas|cessation|extinct|extinguish|discontinu|non-?payment|no payment|not paid|failure to pay"
            r"|termination|terminated|void|not in force|no longer (?:valid|in force)|终止|失效",
            "lapse",
        ),
        (r"\bfees?\b|payment|paid|renew|annuit|年费|费用", "fee"),
        (r"intention to grant|allowance", "examination"),
        (r"grant|issued|patent issue|registration of (?:the )?(?:utility|design|patent)|授权|授予", "grant"),
        (r"examin|search report|office action|审查", "examination"),
        (r"publication|published|laid open|公开|公布|公告", "publication"),
    )
)
# Event codes whose meaning is clear without a description (CN codes of the EPO table; INPADOC/US codes).
_EVENT_CODES = {
    **dict.fromkeys(("C01", "C02", "C03", "C04", "C05", "WD01", "WW01"), "withdrawal"),
    **dict.fromkeys(("C12", "RJ01"), "rejection"),
    **dict.fromkeys(("C14", "GR01", "FG4A", "FG1K", "GRSP", "GR03", "GRAA", "STCF"), "grant"),
    **dict.fromkeys(("C17", "C19", "CE01", "CF01", "EXPY", "MM1K", "MM4A", "PG25", "GBPC", "BERE"), "lapse"),
    **dict.fromkeys(("CX01", "MK1K", "MK4A"), "expiry"),
    **dict.fromkeys(("AD01", "AR01", "AV01", "AV02", "C20", "C25", "MA1K", "RGAV"), "abandonment"),
    **dict.fromkeys(("C26", "C28", "C32", "C35", "IP01", "IW01", "RP01", "RW01"), "invalidation"),
    **dict.fromkeys(("ASS", "C41", "C44", "C45", "C47", "TA01", "TR01", "TR", "AS"), "transfer"),
    **dict.fromkeys(("EC01", "EE01", "EM01", "LIC", "LICC", "OL01", "OL02"), "licence"),
    **dict.fromkeys(("PC01", "PE01", "PLDC", "PM01"), "pledge"),
    **dict.fromkeys(("C49", "C52", "RA01", "RR01", "REIN"), "reinstatement"),
    **dict.fromkeys(("C06", "PB01", "BB1A", "PUAI"), "publication"),
    **dict.fromkeys(("C10", "SE01", "EXSB", "DE01", "17P", "17Q", "GRAG", "GRAH"), "examination"),
    **dict.fromkeys(("PGFP", "PLFP", "FEPP", "AKX"), "fee"),
    **dict.fromkeys(("PGR", "IPR"), "opposition"),
}


def event_category(code: str | None, description: str | None) -> str:
    """Category of a legal event: grant, lapse, expiry, withdrawal, rejection, abandonment, invalidation,
    reinstatement, transfer, licence, pledge, litigation, opposition, examination, publication, fee, other.

    Parameters
    ----------
    code : event code (INPADOC ``PG25``, ``26N``, CN ``C02``, ``AV01`` …); codes belong to an authority, so
        they are used only when the description says nothing.
    description : English or Chinese description (专利权质押, 专利实施许可, 专利权的转移, 专利权的终止,
        无效宣告 …).

    Notes
    -----
    "No opposition filed" (EPO 26N/PLBE) is ``other``: nothing was opposed. A communication of the intention
    to grant is ``examination``; the grant itself is ``grant``. Term extensions (SPC, PTA) and changes of
    name, address or representative are ``other``. An invalidation *request* is ``opposition``; the decision
    is ``invalidation``.

    Examples
    --------
    >>> event_category("PG25", "LAPSED IN A CONTRACTING STATE [ANNOUNCED VIA POSTGRANT INFORMATION …]")
    'lapse'
    >>> event_category("C02", None)
    'withdrawal'
    >>> event_category(None, "专利权质押合同登记的生效")
    'pledge'
    >>> event_category("26N", "NO OPPOSITION FILED")
    'other'
    """
    if description:
        d = _clean(description)
        for pattern, category in _EVENT_RULES:
            if pattern.search(d):
                return category
    if code:
        hit = _EVENT_CODES.get(_clean(code).upper())
        if hit is not None:
            return hit
    return "other"
