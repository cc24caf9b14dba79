"""Publication and application numbers, unique across a run, in the canonical forms of seip.records.

Numbers come from :class:`~seip.synthetic._draw.Serials`: per office, kind and year a band of numbers close to the
real ones of that year (``CN114…A`` for 2022 invention publications), handed out in scrambled order, with an
overflow pool per series, so that no two rows of a run share a publication number however the rows are batched.
Chinese application numbers carry the real check digit (CNIPA, 2003 rules): the 12 digits weighted 2,3,4,5,6,7,8,9,
2,3,4,5, summed, modulo 11, with 10 written ``X`` (checked on 5,242 incoPat application numbers).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from seip.synthetic import _draw as d

OFFICES = ("CN", "US", "WO", "EP", "JP", "KR", "DE")
CN, US, WO, EP, JP, KR, DE = range(7)
FIRST_YEAR = 2005
_WEIGHTS = np.array([2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5])
_CHECK = pa.array(list("0123456789X"))
_COUNTRY_CODES = pa.array(["CN", "US", "JP", "KR", "DE", "FR", "GB", "CH", "NL", "SE"])  # _people.COUNTRIES

# Start of each year's band (anchors, linearly interpolated and extrapolated).
_CN_PUB = (  # 9-digit publication numbers, in millions, per type (invention, utility model, design)
    {2005: 100.0, 2010: 101.8, 2015: 104.3, 2020: 110.6, 2025: 119.2},
    {2005: 200.0, 2010: 201.5, 2015: 204.1, 2020: 209.8, 2022: 215.1, 2025: 221.9},
    {2005: 300.0, 2010: 301.1, 2015: 303.4, 2020: 305.8, 2025: 309.3},
)
_US_GRANT = {2005: 6.836, 2010: 7.640, 2015: 8.925, 2020: 10.524, 2025: 12.178}
_EP = {2005: 1.50, 2010: 2.18, 2015: 2.88, 2020: 3.65, 2025: 4.44}
_JP_GRANT = {2005: 3.65, 2010: 4.42, 2015: 5.70, 2020: 6.65, 2025: 7.60}
_KR_GRANT = {2005: 0.48, 2010: 0.95, 2013: 1.25, 2019: 2.00, 2025: 2.80}


def check_digit(digits: np.ndarray) -> pa.Array:
    """Check character of 12-digit CN application numbers.

    >>> check_digit(np.array([202111513510, 202211590380])).to_pylist()
    ['5', 'X']
    """
    digits = np.asarray(digits, dtype=np.int64)
    total = np.zeros(len(digits), dtype=np.int64)
    for k, w in enumerate(_WEIGHTS):
        total += (digits // 10 ** (11 - k)) % 10 * w
    return _CHECK.take(pa.array(total % 11))


def _bands(anchors: dict[int, float], years: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray]:
    xs = np.array(sorted(anchors), dtype=np.float64)
    ys = np.array([anchors[int(x)] for x in xs]) * scale
    slope = (ys[-1] - ys[-2]) / (xs[-1] - xs[-2])
    allyears = np.r_[years, years[-1] + 1].astype(np.float64)
    start = np.where(allyears > xs[-1], ys[-1] + (allyears - xs[-1]) * slope, np.interp(allyears, xs, ys))
    start = start.astype(np.int64)
    return start[:-1], np.diff(start)


def _after(starts: np.ndarray, widths: np.ndarray, pool: int) -> int:
    """Start of an overflow pool: ``pool``, or past the last band when far-future years reach it."""
    return max(pool, int((starts + widths).max()))


def _text(values: np.ndarray, width: int) -> pa.Array:
    return pc.utf8_lpad(pc.cast(pa.array(values), pa.string()), width, "0")


class Numbering:
    """Stateful number allocation for one run (row order matters, batch boundaries do not)."""

    def __init__(self, last_year: int) -> None:
        self.years = np.arange(FIRST_YEAR, last_year + 2)
        ny = len(self.years)
        self.year_text = pa.array([str(y) for y in self.years])
        yrs = np.arange(ny)
        self.cn_app = d.Serials.per_key(
            np.zeros(ny * 3), np.tile([1_000_000, 1_000_000, 500_000], ny), 10_000_000
        )
        starts, widths = zip(*(_bands(a, self.years, 1e6) for a in _CN_PUB), strict=True)
        pools = [
            _after(s, w, p)
            for s, w, p in zip(starts, widths, (190_000_000, 290_000_000, 390_000_000), strict=True)
        ]
        self.cn_pub = d.Serials(
            np.concatenate(starts),
            np.concatenate(widths),
            np.repeat(np.arange(3), ny),
            pools,
            [10_000_000] * 3,
        )

        def per_year(width: int, cap: int) -> d.Serials:
            return d.Serials.per_key(np.zeros(ny), np.full(ny, width), cap)

        def banded(anchors: dict[int, float], pool: int, cap: int) -> d.Serials:
            s, w = _bands(anchors, self.years, 1e6)
            return d.Serials(s, w, np.zeros(ny), [_after(s, w, pool)], [cap])

        self.series = {
            "us_app": d.Serials(
                11_000_000 + yrs * 400_000,
                np.full(ny, 400_000),
                np.zeros(ny),
                [max(30_000_000, 11_000_000 + ny * 400_000)],
                [60_000_000],
            ),
            "us_a": per_year(400_000, 10_000_000),
            "us_b": banded(_US_GRANT, 20_000_000, 10_000_000),
            "ep_app": per_year(200_000, 1_000_000),
            "ep_pub": banded(_EP, 8_000_000, 1_999_999),
            "wo_app": per_year(300_000, 1_000_000),
            "wo_pub": per_year(300_000, 1_000_000),
            "jp_app": per_year(200_000, 1_000_000),
            "jp_a": per_year(200_000, 1_000_000),
            "jp_b": banded(_JP_GRANT, 9_000_000, 999_999),
            "kr_app": per_year(200_000, 10_000_000),
            "kr_a": per_year(200_000, 10_000_000),
            "kr_b": banded(_KR_GRANT, 9_000_000, 999_999),
            "de": per_year(200_000, 1_000_000),
        }

    def _y(self, years: np.ndarray) -> np.ndarray:
        return np.clip(years - FIRST_YEAR, 0, len(self.years) - 1)

    def assign(
        self,
        office: np.ndarray,
        ptype: np.ndarray,
        app_year: np.ndarray,
        pub1_year: np.ndarray,
        grant_year: np.ndarray,
        granted: np.ndarray,
        applicant_country: np.ndarray,
    ) -> dict[str, pa.Array]:
        """pub_number, pub_kind and app_number of a block (``grant_year`` is used where ``granted``)."""
        n = len(office)
        pub, app, kind = [], [], []
        s = self.series
        for o in range(len(OFFICES)):
            pos = np.flatnonzero(office == o)
            if not pos.size:
                continue
            ay, py, gy, g = (
                self._y(app_year[pos]),
                self._y(pub1_year[pos]),
                self._y(grant_year[pos]),
                granted[pos],
            )
            yt = self.year_text
            if o == CN:
                t = ptype[pos]
                serial = self.cn_app.allocate(ay * 3 + t)
                digits = self.years[ay] * 100_000_000 + (t + 1) * 10_000_000 + serial
                app.append((pos, d.join("CN", _text(digits, 12), check_digit(digits))))
                number = self.cn_pub.allocate(t * len(self.years) + py)
                k = np.where(t == 0, np.where(g, "B", "A"), np.where(t == 1, "U", "S"))
                kind.append((pos, pa.array(k)))
                pub.append((pos, d.join("CN", _text(number, 9), pa.array(k))))
                continue
            if o == US:
                app.append((pos, d.join("US", _text(s["us_app"].allocate(ay), 8))))
                a = d.join("US", d.take(yt, py), _text(s["us_a"].allocate(py), 7))
                b = d.join("US", _text(s["us_b"].allocate(gy[g]), 0))  # grant numbers carry no leading zeros
                kinds = ("A1", "B2")
            elif o == WO:
                cc = d.take(_COUNTRY_CODES, applicant_country[pos])
                app.append((pos, d.join("WO", cc, d.take(yt, ay), _text(s["wo_app"].allocate(ay), 6))))
                a = d.join("WO", d.take(yt, py), _text(s["wo_pub"].allocate(py), 6))
                b = a.take(pa.array(np.flatnonzero(g)))
                kinds = ("A1", "A1")
            elif o == EP:
                app.append(
                    (pos, d.join("EP", _text(self.years[ay] % 100, 2), _text(s["ep_app"].allocate(ay), 6)))
                )
                a = d.join("EP", _text(s["ep_pub"].allocate(py), 7))
                b = a.take(pa.array(np.flatnonzero(g)))
                kinds = ("A1", "B1")
            elif o == JP:
                app.append((pos, d.join("JP", d.take(yt, ay), _text(s["jp_app"].allocate(ay), 6))))
                a = d.join("JP", d.take(yt, py), _text(s["jp_a"].allocate(py), 6))
                b = d.join("JP", _text(s["jp_b"].allocate(gy[g]), 7))
                kinds = ("A", "B2")
            elif o == KR:
                app.append((pos, d.join("KR10", d.take(yt, ay), _text(s["kr_app"].allocate(ay), 7))))
                a = d.join("KR", d.take(yt, py), _text(s["kr_a"].allocate(py), 7))
                b = d.join("KR", _text(100_000_000 + s["kr_b"].allocate(gy[g]), 9))
                kinds = ("A", "B1")
            else:
                number = d.join("DE10", d.take(yt, ay), _text(s["de"].allocate(ay), 6))
                app.append((pos, number))
                a, b = number, number.take(pa.array(np.flatnonzero(g)))
                kinds = ("A1", "B4")
            k = np.where(g, kinds[1], kinds[0])
            kind.append((pos, pa.array(k)))
            granted_pos = np.flatnonzero(g)
            base = d.merge(
                len(pos), [(np.flatnonzero(~g), a.take(pa.array(np.flatnonzero(~g)))), (granted_pos, b)]
            )
            pub.append((pos, d.join(base, pa.array(k))))
        return {"pub_number": d.merge(n, pub), "pub_kind": d.merge(n, kind), "app_number": d.merge(n, app)}
