"""All errors seip raises on purpose, in one place.

Hierarchy::

    SeipError                    base; the CLI prints its message on one line and exits 1
    ├── SourceError              an input file cannot be read as a whole
    │   ├── UnknownFormat        no reader recognises the file (message says what it looks like)
    │   └── UnsupportedFormat    a known format that seip deliberately does not read (e.g. USPTO SGML)
    ├── StoreError               the corpus cannot be opened or written
    └── TaxonomyError            a classification table is missing or malformed

Row-level problems are *not* exceptions: they become quarantine rows (see ``seip.store``).
Every message names the file, and where it applies the row and field.
"""

from __future__ import annotations


class SeipError(Exception):
    """Base of every error seip raises on purpose."""


class SourceError(SeipError):
    """An input file cannot be read as a whole (empty, truncated, binary, broken structure)."""


class UnknownFormat(SourceError):
    """No registered reader recognises the file."""


class UnsupportedFormat(SourceError):
    """The file is a known format that seip deliberately does not read."""


class StoreError(SeipError):
    """The corpus cannot be opened, read or written."""


class TaxonomyError(SeipError):
    """A classification table is missing or malformed."""
