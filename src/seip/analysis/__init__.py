"""Computations over the corpus (statistics, official indicators, value, life cycle, early warning), written once
with ibis so that the same expression runs on DuckDB (embedded default) and on Spark (``seip[spark]``).

May import: seip.store, seip.taxonomy, seip.records, stdlib, ibis, pyarrow.
"""
