"""seip.synthetic: schema, determinism, uniqueness, consistency and realism of the generated corpus."""

from __future__ import annotations

import csv
import datetime
import importlib.util
import math
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from seip.records.schema import APPLICANT_TYPES, LEGAL_STATUSES, PATENT_TYPES, SCHEMA
from seip.synthetic import NAME, generate_batches
from seip.synthetic._draw import Serials
from seip.synthetic._tables import cities, ipc

TODAY = datetime.date(2026, 1, 1)
N = 200_000
ROOT = Path(__file__).resolve().parents[1]
HAN = re.compile(r"[\u4e00-\u9fff]")


def _table(n: int, seed: int = 0, batch_size: int = 100_000) -> pa.Table:
    return pa.Table.from_batches(
        list(generate_batches(n, seed=seed, batch_size=batch_size, today=TODAY)), SCHEMA
    )


@pytest.fixture(scope="module")
def corpus() -> pa.Table:
    """200,000 rows in uneven batches (numbers must stay unique across batch boundaries)."""
    return _table(N, seed=7, batch_size=30_001)


@pytest.fixture(scope="module")
def rows(corpus: pa.Table) -> dict[str, list]:
    return corpus.to_pydict()


def test_every_batch_has_the_canonical_schema() -> None:
    batches = list(generate_batches(2_500, seed=1, batch_size=1_000, today=TODAY))
    assert [b.num_rows for b in batches] == [1_000, 1_000, 500]
    for batch in batches:
        assert batch.schema.equals(SCHEMA)
        assert batch.schema.names == [name for name in SCHEMA.names]
    assert NAME == "synthetic"


def test_zero_rows_and_bad_arguments() -> None:
    assert list(generate_batches(0, today=TODAY)) == []
    with pytest.raises(ValueError):
        list(generate_batches(-1))
    with pytest.raises(ValueError):
        list(generate_batches(10, batch_size=0))


def test_same_seed_same_rows_whatever_the_batching() -> None:
    one = _table(6_000, seed=3, batch_size=6_000)
    assert one.equals(_table(6_000, seed=3, batch_size=1_234))
    assert _table(2_500, seed=3).equals(one.slice(0, 2_500))  # a longer run starts with the shorter one


def test_other_seed_other_rows() -> None:
    a, b = _table(2_000, seed=1), _table(2_000, seed=2)
    assert a.column("pub_number") != b.column("pub_number")
    assert a.column("title") != b.column("title")


def test_pub_number_unique_across_batches(corpus: pa.Table) -> None:
    assert pc.count_distinct(corpus.column("pub_number")).as_py() == corpus.num_rows
    assert pc.count_distinct(corpus.column("family_id")).as_py() == corpus.num_rows


def test_number_formats(rows: dict[str, list]) -> None:
    kinds = {"invention": "AB", "utility_model": "U", "design": "S"}
    first = {"invention": "1", "utility_model": "2", "design": "3"}
    patterns = {
        "US": r"US(\d{11}A1|[1-9]\d{6,7}B2)",  # grant numbers without leading zeros
        "WO": r"WO\d{10}A1",
        "EP": r"EP\d{7}(A1|B1)",
        "JP": r"JP(\d{10}A|\d{7}B2)",
        "KR": r"KR(\d{11}A|10\d{7}B1)",
        "DE": r"DE10\d{10}(A1|B4)",
    }
    weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    for pub, app, office, ptype, kind in zip(
        rows["pub_number"],
        rows["app_number"],
        rows["pub_country"],
        rows["patent_type"],
        rows["pub_kind"],
        strict=True,
    ):
        assert pub.endswith(kind) and pub.startswith(office)
        if office != "CN":
            assert re.fullmatch(patterns[office], pub), pub
            continue
        assert re.fullmatch(r"CN[123]\d{8}[ABUS]", pub), pub
        assert pub[2] == first[ptype] and kind in kinds[ptype]
        m = re.fullmatch(r"CN(\d{4})([123])(\d{7})([\dX])", app)
        assert m and m.group(2) == first[ptype], app
        check = sum(int(c) * w for c, w in zip(app[2:14], weights, strict=True)) % 11
        assert m.group(4) == ("X" if check == 10 else str(check)), app


def test_vocabularies_and_alignment(rows: dict[str, list]) -> None:
    assert set(rows["patent_type"]) == set(PATENT_TYPES)
    assert set(rows["legal_status"]) <= set(LEGAL_STATUSES)
    assert set(rows["source_format"]) == {"synthetic"}
    assert rows["source_row"] == list(range(1, N + 1))
    assert set(rows["legal_status_raw"]) <= {
        "实质审查",
        "公开",
        "授权",
        "未缴年费",
        "期限届满",
        "撤回",
        "驳回",
        "放弃",
        "全部无效",
        "进入国家阶段-PCT有效期内",
        "未进入国家阶段-PCT有效期内",
        "进入国家阶段-PCT有效期满",
        "未进入国家阶段-PCT有效期满",
    }
    for names, std, types, inventors in zip(
        rows["applicants"], rows["applicants_std"], rows["applicant_types"], rows["inventors"], strict=True
    ):
        assert 1 <= len(names) <= 3 and len(names) == len(std) == len(types)
        assert set(types) <= set(APPLICANT_TYPES)
        assert all(n.startswith(s) for n, s in zip(names, std, strict=True))
        assert 1 <= len(inventors) <= 6
    for field in (
        "sei_codes",
        "sei_top",
        "wipo_fields",
        "vendor_sei_codes",
        "vendor_sei_main",
        "source_file",
    ):
        assert set(map(repr, rows[field])) == {"None"}


def test_applicant_type_shares(rows: dict[str, list]) -> None:
    first = Counter(
        t[0] for t, office in zip(rows["applicant_types"], rows["pub_country"], strict=True) if office == "CN"
    )
    total = sum(first.values())
    share = {k: v / total for k, v in first.items()}
    assert 0.60 < share["enterprise"] < 0.72 and 0.10 < share["university"] < 0.18
    assert 0.04 < share["institute"] < 0.09 and 0.08 < share["individual"] < 0.14


def test_dates_and_legal_status_are_consistent(rows: dict[str, list]) -> None:
    today = TODAY
    for r in range(N):
        office, ptype, status = rows["pub_country"][r], rows["patent_type"][r], rows["legal_status"][r]
        prio, app, pub = rows["priority_date"][r], rows["app_date"][r], rows["pub_date"][r]
        grant, kind = rows["grant_date"][r], rows["pub_kind"][r]
        assert datetime.date(2005, 1, 1) <= prio <= app <= pub <= today
        assert rows["is_valid"][r] == (status == "granted")
        if status in ("pending", "withdrawn", "rejected") or office == "WO":
            assert grant is None and kind in ("A", "A1")
        if grant is not None:
            assert app < grant <= today and grant == pub  # the record is the grant publication
            assert kind in ("B", "U", "S", "B1", "B2", "B4")
        if office == "WO":
            thirty_months = _add_months(prio, 30)
            assert status == ("pending" if today < thirty_months else "expired")
            continue
        if status in ("granted", "lapsed", "expired", "invalidated"):
            assert grant is not None
        term = (
            20
            if ptype == "invention"
            else 10
            if ptype == "utility_model"
            else 15
            if app >= datetime.date(2021, 6, 1)
            else 10
        )
        end = _add_months(app, 12 * term)
        if status == "expired":
            assert today >= end, (app, ptype)
        if status == "granted":
            assert today < end
        if ptype != "invention":
            assert status not in ("pending", "withdrawn", "rejected")
        if office == "CN" and ptype == "invention":
            assert (kind == "B") == (grant is not None)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    y, m = divmod(day.month - 1 + months, 12)
    try:
        return day.replace(year=day.year + y, month=m + 1)
    except ValueError:  # 29 February → 1 March
        return datetime.date(day.year + y, m + 2, 1)


def test_status_mix_is_plausible(rows: dict[str, list]) -> None:
    cn_inv = Counter(
        s
        for s, o, t in zip(rows["legal_status"], rows["pub_country"], rows["patent_type"], strict=True)
        if o == "CN" and t == "invention"
    )
    assert {"pending", "granted", "lapsed", "withdrawn", "rejected", "expired"} <= set(cn_inv)
    assert cn_inv["granted"] > cn_inv["rejected"] > 0
    offices = Counter(rows["pub_country"])
    assert 0.72 < offices["CN"] / N < 0.78
    assert set(offices) == {"CN", "US", "WO", "EP", "JP", "KR", "DE"}


def test_growth_over_years(rows: dict[str, list]) -> None:
    years = Counter(d.year for d in rows["app_date"])
    assert years[2012] > 2 * years[2006] and years[2020] > 1.5 * years[2012]


def test_ipc_columns(rows: dict[str, list]) -> None:
    symbol = re.compile(r"[A-H]\d\d[A-Z]\d{1,4}/\d{2,6}")
    for ptype, main, symbols, cpc in zip(
        rows["patent_type"], rows["ipc_main"], rows["ipc"], rows["cpc"], strict=True
    ):
        if ptype == "design":
            assert main is None and symbols is None and cpc is None  # empty is null in canonical records
            continue
        assert 1 <= len(symbols) <= 6 and symbols[0] == main and len(set(symbols)) == len(symbols)
        assert all(symbol.fullmatch(s) for s in symbols)
        assert cpc in (None, symbols)
    cn_cpc = sum(1 for c, o in zip(rows["cpc"], rows["pub_country"], strict=True) if o == "CN" and c)
    assert cn_cpc < 0.1 * rows["pub_country"].count("CN")


def test_ipc_subclass_distribution_follows_the_package_table(rows: dict[str, list]) -> None:
    """Main IPC of inventions vs the PATSTAT subclass shares of ipc_frequencies.csv.

    Drawn from exactly those shares, the total variation distance (TVD) of n draws is sampling noise only:
    E[TVD] = ½ Σ E|p̂ᵢ - pᵢ| ≈ ½ Σ √(2 pᵢ(1-pᵢ)/(π n)) (normal approximation), ≈ 0.022 for the ~122,000
    inventions here; measured TVD/E[TVD] was 0.93–1.00 over three seeds. The bound, 1.25 × E[TVD], fails on a
    systematic bias of a few thousandths (e.g. a 0.5 % subclass lost) but not on noise.
    """
    share = ipc().subclass_share
    subs = Counter(
        m[:4] for m, t in zip(rows["ipc_main"], rows["patent_type"], strict=True) if t == "invention"
    )
    n = sum(subs.values())
    tvd = 0.5 * sum(abs(subs.get(s, 0) / n - p) for s, p in share.items())
    expected = 0.5 * sum(math.sqrt(2 * p * (1 - p) / (math.pi * n)) for p in share.values())
    assert set(subs) <= set(share)
    assert tvd < 1.25 * expected, (tvd, expected)


def test_utility_models_avoid_material_fields(rows: dict[str, list]) -> None:
    um = Counter(
        m[:4] for m, t in zip(rows["ipc_main"], rows["patent_type"], strict=True) if t == "utility_model"
    )
    assert not {"A61K", "A61P", "C07D", "C08L", "C12N", "H01M4"} & set(um)
    assert um["B65D"] > 0


def test_every_province_appears(rows: dict[str, list]) -> None:
    provinces = set(cities().provinces)
    assert len(provinces) == 31
    assert set(p for p in rows["province"] if p) == provinces
    for country, province, city, address in zip(
        rows["applicant_country"], rows["province"], rows["city"], rows["applicant_address"], strict=True
    ):
        if country == "CN":
            assert province and city and address.startswith(province if province != city else city)
            assert address.endswith("号")
        else:
            assert province is None and city is None


def test_cn_rows_read_like_chinese_patents(rows: dict[str, list]) -> None:
    for r in range(0, N, 7):
        office, ptype, title = rows["pub_country"][r], rows["patent_type"][r], rows["title"][r]
        assert HAN.search(title) and HAN.search(rows["abstract"][r])
        if office == "CN":
            assert rows["title_en"][r] is None and rows["abstract_en"][r] is None
            assert all(HAN.search(a) for a in rows["applicants"][r])
            if ptype == "design":
                assert rows["abstract"][r].startswith("1.本外观设计产品的名称：" + title)
                assert rows["first_claim"][r] is None and rows["claims_count"][r] is None
            else:
                assert title in rows["abstract"][r]
                assert rows["abstract"][r].startswith(
                    ("本发明", "本申请") if ptype == "invention" else "本实用新型"
                )
                assert re.match(r"1\. .+，其特征在于，", rows["first_claim"][r])
                assert 1 <= rows["claims_count"][r] <= 20
        else:
            assert rows["title_en"][r][0].isupper() and rows["abstract_en"][r].startswith(
                "The invention discloses"
            )
            assert rows["first_claim"][r].startswith("1. A")
            assert not any(HAN.search(a) for a in rows["applicants"][r])


def test_big_applicants_recur_and_stay_in_their_city(rows: dict[str, list]) -> None:
    first = Counter(a[0] for a in rows["applicants"])
    top = first.most_common(20)
    assert top[0][1] >= 200 and top[19][1] >= 60, top  # Zipf: rankings are meaningful
    where: dict[str, set[str]] = {}
    for names, city, types in zip(rows["applicants"], rows["city"], rows["applicant_types"], strict=True):
        if types[0] != "individual" and city:
            where.setdefault(names[0], set()).add(city)
    assert where["哈尔滨工业大学"] == {"哈尔滨市"}
    assert all(len(where[name]) == 1 for name, _ in top if name in where)


def test_family_and_citations(rows: dict[str, list]) -> None:
    for office, size, members in zip(
        rows["pub_country"], rows["family_size"], rows["family_countries"], strict=True
    ):
        assert size == len(members) == len(set(members)) and members[0] == office
    sizes = Counter(s for s, o in zip(rows["family_size"], rows["pub_country"], strict=True) if o == "CN")
    assert sizes[1] > 0.8 * sum(sizes.values())
    cited = np.array(rows["cited_by_count"])
    years = np.array([d.year for d in rows["pub_date"]])
    assert cited.min() >= 0 and cited[years < 2012].mean() > 2 * cited[years >= 2022].mean()
    assert min(rows["cites_count"]) >= 0


@pytest.mark.shared_data
def test_package_data_matches_the_build_script(datasets: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_synthetic_data", ROOT / "scripts" / "build_synthetic_data.py"
    )
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    data = ROOT / "src" / "seip" / "synthetic" / "data"
    ipc_rows, _ = script.build_ipc(datasets / script.IPC_FILE, 20_000)
    with (data / "ipc_frequencies.csv").open(encoding="utf-8") as fh:
        assert [(r["symbol"], int(r["count"]), r["kind"]) for r in csv.DictReader(fh)] == ipc_rows
    city_rows, _ = script.build_cities(datasets / script.CENSUS_FILE, datasets / script.DIVISIONS_FILE)
    with (data / "cities.csv").open(encoding="utf-8") as fh:
        assert list(csv.DictReader(fh)) == city_rows


def test_numbers_follow_the_real_yearly_ranges(rows: dict[str, list]) -> None:
    for pub, kind, day in zip(rows["pub_number"], rows["pub_kind"], rows["pub_date"], strict=True):
        if kind == "A" and pub.startswith("CN") and day.year == 2022:
            assert pub.startswith(("CN113", "CN114", "CN115")), (
                pub
            )  # 2022 invention publications: CN113…–CN115…
        if kind == "U" and day.year == 2012:
            assert pub.startswith(("CN202", "CN203")), pub


def test_serials_are_unique_until_their_pool_is_exhausted() -> None:
    serials = Serials.per_key([0, 0], [4, 4], 10)
    first = serials.allocate(np.array([0, 1, 0, 0, 1, 0, 0, 0, 0]))
    assert len(set(first[[0, 2, 3, 5, 6, 7, 8]])) == 7 and set(first[[0, 2, 3, 5]]) == {0, 1, 2, 3}
    assert set(serials.allocate(np.array([0, 0, 0]))) == {7, 8, 9}
    with pytest.raises(OverflowError):
        serials.allocate(np.array([0]))
