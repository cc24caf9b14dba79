"""The corpus: a DuckDB database under ``SEIP_HOME`` with patents, legal events, quarantine and import log.

May import: seip.records, seip.taxonomy, seip.sources, seip.errors, stdlib, duckdb, pyarrow, polars.
"""

from seip.store.corpus import Corpus, default_home

__all__ = ["Corpus", "default_home"]
