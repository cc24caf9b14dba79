"""The one list of analysis indicators: id → function, definition (Chinese and English) and example arguments.

May import: seip.analysis (its own modules), seip.i18n, stdlib, ibis.

Adding an indicator takes one decorator, in any public module of ``seip.analysis``::

    from seip.analysis.registry import indicator

    @indicator("core_patents", "核心专利：…", "Core patents: …", example={"top": 0.1})
    def core_patents(tables: Tables, *, top: float = 0.1) -> ibis.Table:
        ...

The function takes a :class:`seip.analysis._backend.Tables` and keyword arguments and returns an ibis table
expression; it never executes. ``example`` holds the keyword arguments the engine-parity test
(tests/analysis/test_engines.py), the SQL snapshots (tests/analysis/snapshots/) and the docs use; it must give
the same table on DuckDB and Spark. ``kind="official"`` marks the official statistics of ``seip indicators``:
their tables have the columns of :data:`OFFICIAL_COLUMNS`, one row per region.

Every public module of this package is imported when the registry is, so :data:`INDICATORS` is complete
whichever module a caller imported first.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import ibis

from seip import i18n

__all__ = ["INDICATORS", "OFFICIAL_COLUMNS", "Indicator", "indicator", "markdown", "official"]

#: Columns of every ``kind="official"`` table: the level (``national``/``province``/``city``), the
#: province the region lies in (NULL for the national row), the region's name, and the figures.
OFFICIAL_COLUMNS = ("level", "province", "region", "numerator", "denominator", "value")


@dataclass(frozen=True)
class Indicator:
    """One registered indicator."""

    id: str
    func: Callable[..., ibis.Table]
    definition_zh: str
    definition_en: str
    kind: str = "table"
    example: Mapping[str, Any] = field(default_factory=dict)

    def definition(self) -> str:
        """The definition in the current language (``--lang``)."""
        return self.definition_en if i18n.t("lang_code") == "en" else self.definition_zh

    def __call__(self, tables: Any, **params: Any) -> ibis.Table:
        return self.func(tables, **params)


_REGISTRY: dict[str, Indicator] = {}
_SEQ: dict[str, int] = {}
#: id → :class:`Indicator`, in registration order (read-only view; register with :func:`indicator`).
INDICATORS: Mapping[str, Indicator] = MappingProxyType(_REGISTRY)

i18n.register({"lang_code": ("zh", "en")})


def indicator(
    id: str,
    definition_zh: str,
    definition_en: str,
    *,
    kind: str = "table",
    example: Mapping[str, Any] | None = None,
) -> Callable[[Callable[..., ibis.Table]], Callable[..., ibis.Table]]:
    """Register the decorated function as indicator ``id`` (ids are unique across seip)."""

    def register(func: Callable[..., ibis.Table]) -> Callable[..., ibis.Table]:
        known = _REGISTRY.get(id)
        if known is not None and known.func.__qualname__ != func.__qualname__:
            raise ValueError(f"indicator {id!r} is already registered by {known.func.__module__}")
        _REGISTRY[id] = Indicator(id, func, definition_zh, definition_en, kind, dict(example or {}))
        _SEQ.setdefault(id, len(_SEQ))
        return func

    return register


def _ordered() -> list[Indicator]:
    """Every indicator by module, then by its place in the module (stable whatever the import order)."""
    return sorted(_REGISTRY.values(), key=lambda i: (i.func.__module__, _SEQ[i.id]))


def official() -> list[Indicator]:
    """The official statistics (``kind="official"``), in the order their modules define them."""
    return [i for i in _ordered() if i.kind == "official"]


def markdown() -> str:
    """The registry as the generated section of docs/indicators.md: each id with its kind, example arguments
    and both definitions, in registration order."""
    lines = ["| id | kind | example | 定义 | definition |", "|---|---|---|---|---|"]
    for i in _ordered():
        example = ", ".join(f"{k}={v!r}" for k, v in i.example.items()) or "—"
        cells = [f"`{i.id}`", i.kind, f"`{example}`", i.definition_zh, i.definition_en]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _load_all() -> None:
    import seip.analysis as pkg

    for mod in pkgutil.iter_modules(pkg.__path__):
        if not mod.name.startswith("_") and mod.name != "registry":
            importlib.import_module(f"seip.analysis.{mod.name}")


_load_all()
