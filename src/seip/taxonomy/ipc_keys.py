"""IPC symbols and concordance patterns as join keys, so that matching is an equality join, never a prefix test.

May import: seip.records, seip.errors, stdlib.

Semantics (../shared/reference/README.md): symbols are compared field by field. A pattern has one *level*
and one *key* at that level; a symbol has one key per level. A pattern matches a symbol when the symbol's
key at the pattern's level equals the pattern's key.

=========  =====================  ====================  ==========================================
level      pattern examples       key                   covers
=========  =====================  ====================  ==========================================
class      ``G16*``, ``C08*``     ``G16``               the whole class
subclass   ``G06F*``, ``G16H``    ``G06F``              the whole subclass (bare subclass included)
group      ``B60L8*``, ``H03M13`` ``B60L 8``            main group 8 and every subgroup under it
subgroup   ``H04L27/26``          ``H04L 27/26``        exactly that subgroup, not those indented
=========  =====================  ====================  ==========================================

``B60L8*`` has key ``B60L 8``; the symbol ``B60L80/00`` has group key ``B60L 80``: no match, by construction.
Subgroups are compared as decimal fractions: ``/44`` and ``/440`` are the same key (``/44``).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from seip.errors import TaxonomyError

LEVELS = ("class", "subclass", "group", "subgroup")

_PATTERN = re.compile(r"^([A-H]\d\d)([A-Z])?(?:(\d{1,4})(?:/(\d{2,6}))?)?(\*)?$")
_SYMBOL = re.compile(r"^([A-HY]\d\d)([A-Z])(\d{1,4})/(\d{2,6})$")
_SUBCLASS = re.compile(r"^([A-HY]\d\d)([A-Z])$")


def _subgroup(digits: str) -> str:
    """Subgroup digits as a decimal fraction: trailing zeros beyond two digits carry no meaning."""
    return digits.rstrip("0").ljust(2, "0")


def pattern_key(pattern: str) -> tuple[str, str]:
    """The (level, key) of a concordance pattern.

    >>> pattern_key("B60L8*"), pattern_key("H03M13"), pattern_key("G16*"), pattern_key("G16H")
    (('group', 'B60L 8'), ('group', 'H03M 13'), ('class', 'G16'), ('subclass', 'G16H'))
    >>> pattern_key("G06F9/44")
    ('subgroup', 'G06F 9/44')
    """
    m = _PATTERN.match(pattern.strip())
    if not m:
        raise TaxonomyError(f"concordance pattern {pattern!r} is not an IPC pattern")
    cls, sub, group, subgroup, star = m.groups()
    if sub is None:
        if not star or group:
            raise TaxonomyError(f"concordance pattern {pattern!r}: a class needs '*' and no group")
        return "class", cls
    if group is None:
        return "subclass", cls + sub  # with or without '*': patents are never classified at subclass level
    if subgroup is None:
        return "group", f"{cls}{sub} {int(group)}"  # bare main group (H03M13) reads as its whole group
    if star:
        raise TaxonomyError(
            f"concordance pattern {pattern!r}: a subgroup subtree cannot be derived from numbers"
        )
    return "subgroup", f"{cls}{sub} {int(group)}/{_subgroup(subgroup)}"


def symbol_keys(symbol: str) -> dict[str, str] | None:
    """The key of a canonical IPC symbol at every level it has, or None when it is not an IPC symbol.

    A bare subclass (some exports give only ``H04M``) has keys at class and subclass level only, so it is
    matched by class- and subclass-level patterns (``H04M*``) and never by a group or subgroup pattern, whose
    coverage cannot be decided from it.

    >>> symbol_keys("G06F9/4401")
    {'class': 'G06', 'subclass': 'G06F', 'group': 'G06F 9', 'subgroup': 'G06F 9/4401'}
    >>> symbol_keys("B60L80/00")["group"]
    'B60L 80'
    >>> symbol_keys("G06F")
    {'class': 'G06', 'subclass': 'G06F'}
    >>> symbol_keys("G06F9") is None
    True
    """
    m = _SYMBOL.match(symbol)
    if not m:
        b = _SUBCLASS.match(symbol)
        return {"class": b[1], "subclass": b[1] + b[2]} if b else None
    cls, sub, group, subgroup = m.groups()
    g = f"{cls}{sub} {int(group)}"
    return {"class": cls, "subclass": cls + sub, "group": g, "subgroup": f"{g}/{_subgroup(subgroup)}"}


@cache
def known_subclasses() -> frozenset[str]:
    """Every IPC subclass seip knows: IPC 2016.01 and PATSTAT usage, the 2021 concordance, and the subclasses
    created since (``ipc_subclasses.csv``, built by scripts/build_taxonomy_data.py).

    >>> "G06F" in known_subclasses(), "G06V" in known_subclasses(), "F41D" in known_subclasses()
    (True, True, False)
    """
    text = resources.files("seip.taxonomy").joinpath("data", "ipc_subclasses.csv").read_text(encoding="utf-8")
    return frozenset(line.split(",", 1)[0] for line in text.splitlines()[1:] if line)
