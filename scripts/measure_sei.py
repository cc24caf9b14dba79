"""Measure SEI classification against incoPat's own labels and the effect of strict mode, on every real patent file
of ../shared/datasets, and write the tables into docs/sei.md (between the MEASURED markers).

Run: .venv/bin/python scripts/measure_sei.py [--shared ../shared] [--home DIR]

tests/taxonomy/test_sei_docs.py renders the same tables from the test corpus and fails when docs/sei.md differs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from seip.analysis.sei_agreement import strict_effect, vendor_agreement  # noqa: E402
from seip.store import Corpus  # noqa: E402
from seip.taxonomy.sei import categories  # noqa: E402

DOC = ROOT / "docs" / "sei.md"
BEGIN, END = "<!-- BEGIN MEASURED (scripts/measure_sei.py) -->", "<!-- END MEASURED -->"
KINDS = {
    "ipc_main_only": "the export carries only IPC主分类; incoPat's code comes from a symbol we never see",
    "vendor_symbol_outside_table": "no symbol of the patent gives the code under the transcribed table (incoPat's table differs, e.g. a later revision)",
    "rule_1.1#1_G06F11": "we give 1.1 only through `G06F11*` of 1.1 rule 1; incoPat never does (known issue 3 of the reference: this block is aligned differently in other transcriptions)",
    "rule_4.4#3_G01N": "we give 4.4 only through `G01N30*`/`G01N33*` of 4.4 rule 3; incoPat never does",
    "other": "isolated cases, one or two patents per rule (e.g. 4.2 through `A61L*`, 6.4 through `G01R31*` of 6.4 rule 7)",
}


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.1%}"


def render(corpus: Corpus) -> str:
    """The MEASURED block of docs/sei.md, from ``corpus``."""
    agree = vendor_agreement(corpus)
    effect = strict_effect(corpus)
    names = {c.code: c.name for c in categories().values()}
    lines = [BEGIN, "", "### Agreement with incoPat 新兴产业分类 (rows incoPat labelled)", ""]
    lines += [
        "| file | rows | precision | recall | exact set | disagreements by kind |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, a in agree.items():
        kinds = ", ".join(f"{k} {v}" for k, v in a["kinds"].items()) or "–"
        lines.append(
            f"| {name} | {a['rows']:,} | {_pct(a['precision'])} | {_pct(a['recall'])} | {_pct(a['exact'])} | {kinds} |"
        )
    lines += ["", "Kinds of disagreement:", ""]
    lines += [f"- `{k}`: {v}." for k, v in KINDS.items()]
    lines += [
        "",
        "Per-code confusion where the two differ (both / ours only / incoPat only), summed over the files:",
        "",
    ]
    total: dict[str, dict[str, int]] = {}
    for a in agree.values():
        for code, c in a["codes"].items():
            t = total.setdefault(code, {"both": 0, "ours_only": 0, "vendor_only": 0})
            for k in t:
                t[k] += c.get(k, 0)
    lines += ["| code | category | both | ours only | incoPat only |", "|---|---|---:|---:|---:|"]
    for code in sorted(total, key=lambda c: [int(x) for x in c.split(".")]):
        t = total[code]
        if t["ours_only"] or t["vendor_only"]:
            lines.append(
                f"| {code} | {names[code]} | {t['both']:,} | {t['ours_only']:,} | {t['vendor_only']:,} |"
            )
    lines += ["", "### What strict mode changes (patents with Chinese text)", ""]
    lines.append(
        f"Patents in at least one category: IPC mode {effect['patents_ipc']:,}, strict mode "
        f"{effect['patents_strict']:,} ({effect['patents_strict'] / max(effect['patents_ipc'], 1):.1%}). "
        f"(patent, category) pairs: {effect['pairs_ipc']:,} → {effect['pairs_strict']:,} "
        f"({effect['pairs_strict'] / max(effect['pairs_ipc'], 1):.1%} kept)."
    )
    lines += ["", "| code | category | IPC mode | strict | kept |", "|---|---|---:|---:|---:|"]
    for code, c in effect["codes"].items():  # type: ignore[union-attr]
        lines.append(
            f"| {code} | {names[code]} | {c['ipc']:,} | {c['strict']:,} | {c['strict'] / c['ipc']:.0%} |"
        )
    lines += ["", END]
    return "\n".join(lines)


def update(text: str, block: str) -> str:
    """``text`` with its MEASURED block replaced by ``block``."""
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + block + tail


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--home", type=Path, help="an existing corpus of the real files (else one is built)")
    args = ap.parse_args()
    if args.home:
        home = args.home
    else:
        from seip.testing import build_corpus, real_patent_files

        home = build_corpus(Path(tempfile.mkdtemp()) / "home", real_patent_files(args.shared / "datasets"))
    with Corpus(home, read_only=True) as corpus:
        DOC.write_text(update(DOC.read_text(encoding="utf-8"), render(corpus)), encoding="utf-8")
    print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
