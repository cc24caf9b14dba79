"""The typer application every command module registers on, and what those modules share.

May import: everything.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from seip import i18n

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="seip：战略性新兴产业知识产权公共服务平台 / SEI IP public service platform",
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

HomeOpt = Annotated[
    Path | None, typer.Option("--home", help="专利库目录（默认 $SEIP_HOME 或 ./seip-data）/ corpus directory")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON / print JSON")]


@app.callback()
def _main(
    lang: Annotated[str, typer.Option("--lang", help="界面语言 zh|en / language")] = os.environ.get(
        "SEIP_LANG", "zh"
    ),
) -> None:
    i18n.set_lang(lang if lang in i18n.LANGS else "zh")


def open_corpus(home: Path | None, read_only: bool = False):
    """The corpus in ``home`` (``$SEIP_HOME`` or ./seip-data by default)."""
    from seip.store import Corpus

    return Corpus(home, read_only=read_only)


def print_json(data: object) -> None:
    """Write ``data`` to stdout as indented UTF-8 JSON (dates and other objects as strings)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
