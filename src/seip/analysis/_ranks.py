"""Rankings and top-N sums of counts, computed from how many values share each count.

May import: stdlib, ibis.

A ranking of 1.6 million applicants, or the sum of the four largest counts in each group (CR4), needs no sort of
the values: the histogram of the counts (a few hundred rows per group) gives both exactly, in integers, on any
engine. Used by :mod:`seip.analysis.stats` and :mod:`seip.analysis.warning`.
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import ibis.expr.types as ir

__all__ = ["count_histogram", "top_counts"]


def count_histogram(counts: ir.Table, groups: Sequence[str], count: str = "count") -> ir.Table:
    """How many rows of ``counts`` have each value of ``count`` within each group of ``groups`` (``_m``), with
    ``_before``: the rows of the group with a larger count. A ranking or a top-N sum of millions of values
    (applicants) follows from these few rows without sorting the values: rank = ``_before`` + 1."""
    hist = counts.group_by([*groups, count]).aggregate(_m=counts.count())
    w = ibis.cumulative_window(group_by=[hist[g] for g in groups], order_by=ibis.desc(hist[count]))
    return hist.mutate(_before=hist._m.sum().over(w) - hist._m)


def top_counts(counts: ir.Table, groups: Sequence[str], n: int, count: str = "count") -> ir.Table:
    """Per group of ``groups`` (one row for the whole table when empty): ``_values`` (rows), ``_sum`` (Σ count),
    ``_squares`` (Σ count²) and ``_top`` (the sum of the ``n`` largest counts, ties counted up to ``n``), in
    integers."""
    h = count_histogram(counts, groups, count)
    take = ibis.greatest(ibis.least(n - h._before, h._m), 0)
    c = h[count]
    agg = dict(
        _values=h._m.sum(), _sum=(h._m * c).sum(), _squares=(h._m * c * c).sum(), _top=(take * c).sum()
    )
    return h.group_by(list(groups)).aggregate(**agg) if groups else h.aggregate(**agg)
