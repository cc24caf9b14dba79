"""Vectorised drawing helpers: random streams, hashing, Zipf ranks, string assembly, unique serials."""

from __future__ import annotations

import functools
import math
import zlib

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_STRING = pa.string()
_EMPTY = pa.scalar("", pa.string())
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)


class Rand:
    """Counter-based random numbers: every value is a hash of (seed, variable name, row, slot).

    A row's values do not depend on which other rows are generated with it, so any range of rows can be
    generated on its own and batches of any size give the same rows.
    """

    def __init__(self, seed: int, first_row: int, size: int) -> None:
        self.seed = seed
        self.rows = np.arange(first_row, first_row + size, dtype=np.uint64)

    def _salt(self, name: str) -> int:
        return (
            (zlib.crc32(name.encode()) << 32) ^ (self.seed & 0xFFFFFFFF) ^ ((self.seed >> 32) * 0x100000001B3)
        )

    def u(self, name: str, slots: int = 0) -> np.ndarray:
        """Uniforms in [0, 1): one per row, or an (n, slots) array."""
        if slots:
            keys = self.rows[:, None] * np.uint64(8) + np.arange(slots, dtype=np.uint64)[None, :]
            return hunit(hash64(keys.ravel(), self._salt(name))).reshape(len(self.rows), slots)
        return hunit(hash64(self.rows, self._salt(name)))

    def u_slots(self, name: str, row: np.ndarray, slot: np.ndarray) -> np.ndarray:
        """Uniforms for (row within this block, slot < 8) pairs, e.g. the applicants of each row."""
        keys = self.rows[row] * np.uint64(8) + np.asarray(slot, dtype=np.uint64)
        return hunit(hash64(keys, self._salt(name)))

    def normal(self, name: str) -> np.ndarray:
        """Standard normal values (Box–Muller)."""
        u = self.u(name, 2)
        return np.sqrt(-2.0 * np.log1p(-u[:, 0])) * np.cos(2.0 * np.pi * u[:, 1])


def hash64(x: np.ndarray, salt: int) -> np.ndarray:
    """SplitMix64 finaliser of ``x`` (any integer array) mixed with ``salt``: a deterministic uint64 per value."""
    z = np.asarray(x).astype(np.uint64, copy=False) + np.uint64(
        ((salt + 1) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    )
    z = (z ^ (z >> np.uint64(30))) * _M1
    z = (z ^ (z >> np.uint64(27))) * _M2
    return z ^ (z >> np.uint64(31))


def hunit(h: np.ndarray) -> np.ndarray:
    """uint64 hash → uniform float in [0, 1)."""
    return (h >> np.uint64(11)).view(np.int64).astype(np.float64) * (1.0 / 9007199254740992.0)


def hmod(h: np.ndarray, m: int | np.ndarray) -> np.ndarray:
    """uint64 hash → integer in [0, m) (``m`` may vary per element)."""
    return (h % np.asarray(m, dtype=np.uint64)).astype(np.int64)


def cdf(weights) -> np.ndarray:
    """Normalised cumulative weights for :func:`pick`."""
    c = np.cumsum(np.asarray(weights, dtype=np.float64))
    return c / c[-1]


def pick(cum: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Index drawn from a cumulative distribution ``cum`` with uniforms ``u``."""
    return np.minimum(np.searchsorted(cum, u, side="right"), len(cum) - 1)


def zipf_rank(u: np.ndarray, m: int | np.ndarray, q: float | np.ndarray = 1.0) -> np.ndarray:
    """Rank in [0, m) with P(rank = r) ∝ 1/(r + q) (Zipf–Mandelbrot, exponent 1), by the continuous inverse CDF.

    ``q`` flattens the head: the top rank's share is about ``1 / (q · ln((m + q) / q))``.
    """
    r = np.floor(q * np.exp(u * np.log((m + q) / q)) - q).astype(np.int64)
    return np.clip(r, 0, np.asarray(m) - 1)


def take(values: pa.Array, idx: np.ndarray) -> pa.Array:
    """``values[idx]`` as an Arrow array (``idx`` int, -1 → null)."""
    idx = np.asarray(idx)
    if idx.size and idx.min() < 0:
        return values.take(pa.array(idx, mask=idx < 0))
    return values.take(pa.array(idx))


def join(*parts: pa.Array | str) -> pa.Array:
    """Element-wise concatenation of string arrays (and string literals)."""
    return pc.binary_join_element_wise(*(_literal(p) if isinstance(p, str) else p for p in parts), _EMPTY)


@functools.cache
def _literal(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.string())  # converting a Python str on every call costs an import lookup


def merge(n: int, parts: list[tuple[np.ndarray, pa.Array]], typ: pa.DataType = _STRING) -> pa.Array:
    """Assemble an array of length ``n`` from (positions, values) parts covering every position once."""
    parts = [(pos, arr) for pos, arr in parts if len(pos)]
    if not parts:
        return pa.nulls(n, typ)
    if len(parts) == 1 and len(parts[0][0]) == n and np.array_equal(parts[0][0], np.arange(n)):
        return parts[0][1]
    values = pa.concat_arrays([arr.cast(typ) for _, arr in parts])
    src = np.empty(n, dtype=np.int64)
    src[np.concatenate([pos for pos, _ in parts])] = np.arange(len(values))
    return values.take(pa.array(src))


def offsets(counts: np.ndarray) -> np.ndarray:
    out = np.zeros(len(counts) + 1, dtype=np.int32)
    np.cumsum(counts, out=out[1:])
    return out


def lists(counts: np.ndarray, values: pa.Array) -> pa.Array:
    """List array whose row ``i`` holds the next ``counts[i]`` items of ``values``."""
    return pa.ListArray.from_arrays(pa.array(offsets(counts)), values)


def rank_within(keys: np.ndarray, n_keys: int) -> tuple[np.ndarray, np.ndarray]:
    """(rank of each element among the elements with the same key, in array order; count per key)."""
    order = np.argsort(keys, kind="stable")
    counts = np.bincount(keys, minlength=n_keys)
    first = np.cumsum(counts) - counts
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys)) - first[keys[order]]
    return rank, counts


def _coprime(width: int) -> int:
    """A multiplier near ``width`` × golden ratio, coprime with ``width``: consecutive serials land far apart."""
    m = max(1, int(width * 0.6180339887))
    while math.gcd(m, width) != 1:
        m += 1
    return m


class Serials:
    """Unique serial numbers per key, carried across blocks (so numbers never repeat within a run).

    Key ``k`` hands out the numbers ``start[k] … start[k] + width[k] - 1`` in a scrambled (bijective) order; once
    they are used up, further numbers come consecutively from the key's overflow pool ``pool[k]``
    (``pool_start``, ``pool_cap``), which several keys may share. Exhausting a pool raises ``OverflowError``.
    """

    def __init__(self, start, width, pool, pool_start, pool_cap) -> None:
        self.start = np.asarray(start, dtype=np.int64)
        self.width = np.maximum(np.asarray(width, dtype=np.int64), 1)
        self.pool = np.asarray(pool, dtype=np.int64)
        self.pool_start = np.asarray(pool_start, dtype=np.int64)
        self.pool_cap = np.asarray(pool_cap, dtype=np.int64)
        self.mult = np.array([_coprime(int(w)) for w in self.width], dtype=np.int64)
        self.shift = (hash64(np.arange(len(self.width)), 77) % self.width.astype(np.uint64)).astype(np.int64)
        self.used = np.zeros(len(self.width), dtype=np.int64)
        self.pool_used = np.zeros(len(self.pool_start), dtype=np.int64)

    @classmethod
    def per_key(cls, start, width, cap: int) -> Serials:
        """Each key overflows into its own numbers ``start + width … cap - 1``."""
        start = np.asarray(start, dtype=np.int64)
        width = np.asarray(width, dtype=np.int64)
        keys = np.arange(len(start))
        return cls(start, width, keys, start + width, cap - (start + width))

    def allocate(self, keys: np.ndarray) -> np.ndarray:
        keys = np.asarray(keys, dtype=np.int64)
        if keys.size and (keys.min() < 0 or keys.max() >= len(self.width)):
            raise ValueError("serial key out of range")
        rank, counts = rank_within(keys, len(self.width))
        counter = self.used[keys] + rank
        self.used += counts
        width = self.width[keys]
        primary = counter < width
        out = self.start[keys] + (counter % width * self.mult[keys] + self.shift[keys]) % width
        spill = np.flatnonzero(~primary)
        if spill.size:
            pools = self.pool[keys[spill]]
            prank, pcounts = rank_within(pools, len(self.pool_start))
            pos = self.pool_used[pools] + prank
            self.pool_used += pcounts
            if np.any(self.pool_used > self.pool_cap):
                raise OverflowError("synthetic number range exhausted; generate fewer rows")
            out[spill] = self.pool_start[pools] + pos
        return out


def day_sampler(year_weights: dict[int, float], first_day: int, last_day: int) -> np.ndarray:
    """Cumulative weight per day ``first_day … last_day`` (epoch days), piecewise constant by year."""
    days = np.arange(first_day, last_day + 1)
    years = days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    known = sorted(year_weights)
    w = np.array(
        [year_weights[min(max(y, known[0]), known[-1])] for y in range(years.min(), years.max() + 1)]
    )
    return np.cumsum(w[years - years.min()] / 365.25)


def sample_days(cum: np.ndarray, first_day: int, upper: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Epoch day drawn from the density behind ``cum``, truncated at ``upper`` (epoch day, inclusive)."""
    hi = np.clip(upper - first_day, 0, len(cum) - 1)
    return first_day + np.searchsorted(cum, u * cum[hi], side="left")


def year_of(days: np.ndarray) -> np.ndarray:
    """Calendar year of epoch days."""
    z = np.asarray(days, dtype=np.int64) + 719468
    era = np.floor_divide(z, 146097)
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    return yoe + era * 400 + (doy >= 306)


def article(words: list[str]) -> list[str]:
    """English indefinite article for each phrase."""
    return ["an" if w[:1].lower() in "aeiou" else "a" for w in words]
