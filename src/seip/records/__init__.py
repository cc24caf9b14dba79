"""Canonical patent records and the pure functions that normalise their parts.

May import: stdlib, pyarrow (polars inside ``normalize`` for column-wise work).
"""
