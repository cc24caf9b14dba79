"""The ``seip`` command: thin wrappers that parse, call one library function, and print (rich or ``--json``).

May import: everything.

Every public module of this package registers its commands on :data:`app` when imported; they are all
imported here, so adding a command group means adding one module.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

from rich.markup import escape

from seip.cli._app import app, err
from seip.errors import SeipError

for _mod in pkgutil.iter_modules(__path__):
    if not _mod.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_mod.name}")

__all__ = ["app", "main"]


def main() -> None:
    """Entry point: a :class:`SeipError` becomes one line on stderr and exit status 1."""
    try:
        app()
    except SeipError as exc:
        err.print(f"[red]错误 / error:[/] {escape(str(exc))}")
        sys.exit(1)
