"""The contract every reader in SOURCES keeps, checked on real samples (scikit-learn's check-suite idea)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from seip.records.schema import FIELD_TYPES, RAW_ONLY
from seip.sources import _tabular, source_modules

SAMPLES = {
    "incopat": "cn-patent-container/incopat/openai_72.xlsx",
    "patentics": "cn-patent-container/patentics-csv/global_aurora.csv",
    "patentics_xlsx": "cn-patent-container/patentics-xlsx/banma_cn21.xlsx",
    "uspto_xml": "patentsview-db/single-docs/ipg120327.18.xml",
    "epo_ops_xml": "epo-ops-samples/legal/example_3.xml",
    "epo_biblio": "epo-ops-samples/published/biblio_example.xml",
}
EXPECTED = {"patentics_xlsx": "patentics", "epo_biblio": "epo_ops_xml"}
ALLOWED_COLUMNS = set(FIELD_TYPES) | set(RAW_ONLY)


def _claims(path: Path) -> list[str]:
    head = path.read_bytes()[: _tabular.HEAD_BYTES]
    return [m.NAME for m in source_modules() if m.detect(path, head)]


@pytest.mark.shared_data
@pytest.mark.parametrize("sample", SAMPLES)
def test_exactly_one_reader_claims_each_sample(datasets: Path, sample: str) -> None:
    claims = _claims(datasets / SAMPLES[sample])
    assert claims == [EXPECTED.get(sample, sample)]


@pytest.mark.shared_data
@pytest.mark.parametrize("sample", SAMPLES)
def test_reading_is_repeatable_and_well_formed(datasets: Path, sample: str) -> None:
    from seip.sources import detect_format

    path = datasets / SAMPLES[sample]
    mod = detect_format(path)
    first = pa.Table.from_batches(list(mod.read(path)))
    second = pa.Table.from_batches(list(mod.read(path)))
    assert first.equals(second)
    assert set(first.column_names) <= ALLOWED_COLUMNS
    rows = first.column("source_row").to_pylist()
    assert len(set(rows)) == len(rows) and min(rows) >= 1


def test_canonical_formats_claim_only_their_own(tmp_path: Path) -> None:
    from seip.store.files import write_batches

    batch = pa.RecordBatch.from_pylist([{"pub_number": "CN110000001A", "title": "一种电池"}])
    from seip.records.schema import SCHEMA

    full = pa.RecordBatch.from_pylist(batch.to_pylist(), schema=SCHEMA)
    for fmt, name in (
        ("jsonl", "canonical_jsonl"),
        ("parquet", "canonical_parquet"),
        ("csv", "canonical_table"),
        ("xlsx", "canonical_table"),
    ):
        out = tmp_path / f"x.{fmt}"
        write_batches([full], out)
        assert _claims(out) == [name]
