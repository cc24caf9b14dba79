"""How our SEI classification compares with a commercial database's labels (incoPat 新兴产业分类), and how much
strict mode changes it: the measurements behind docs/sei.md.

May import: seip.store, seip.taxonomy, stdlib, pyarrow.

Agreement is computed on the rows the vendor labelled (a row without a label may be unlabelled for reasons we
cannot see) and whose record was last written by the vendor's export (a record another file updated since may
carry that file's IPC symbols). For each file: micro precision and recall over (patent, code) pairs, taking the vendor as the
reference, and the share of rows whose two code sets are identical. Every disagreeing (patent, code) pair is
put in one *kind*, decided in this order:

``ipc_main_only``
    the vendor's code comes from an IPC symbol the export does not carry (no row of the file has more than
    one IPC symbol: the export has only IPC主分类);
``vendor_symbol_outside_table``
    the vendor gives a code that no symbol of the patent can give under the concordance as transcribed;
``rule_1.1#1_G06F11``
    we give 1.1 only through ``G06F11*`` of 1.1 rule 1 (计算机和辅助设备修理), which the vendor never applies;
``rule_4.4#3_G01N``
    we give 4.4 only through ``G01N30*``/``G01N33*`` of 4.4 rule 3, which the vendor never applies;
``other``
    anything else.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from seip.store import Corpus
from seip.taxonomy.sei import explain_symbol


def _routes(ipc: list[str]) -> dict[str, set[tuple[str, str]]]:
    """code → {(rule_id, pattern)} through which the symbols give it."""
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for s in ipc:
        for d in explain_symbol(s):
            if d.given:
                out[d.sei_code].add((d.rule_id, d.included_by))
    return out


def _kind(code: str, ours: bool, routes: dict[str, set[tuple[str, str]]], main_only: bool) -> str:
    if not ours:
        if main_only:
            return "ipc_main_only"
        return "vendor_symbol_outside_table"
    rules = {r for r, _ in routes.get(code, set())}
    if rules == {"1.1#1"} and all(p.startswith("G06F11") for _, p in routes[code]):
        return "rule_1.1#1_G06F11"
    if rules == {"4.4#3"}:
        return "rule_4.4#3_G01N"
    return "other"


def vendor_agreement(corpus: Corpus) -> dict[str, dict]:
    """Per source file with vendor labels: rows, precision, recall, exact-set share, confusion per code and
    disagreement kinds."""
    rows = corpus.query(
        """WITH f AS (SELECT source_file, max(len(ipc)) <= 1 AS main_only FROM patents GROUP BY source_file)
           SELECT source_file, pub_number, ipc, sei_codes, vendor_sei_codes, f.main_only
           FROM patents JOIN f USING (source_file)
           WHERE vendor_sei_codes IS NOT NULL AND source_format = 'incopat'
           ORDER BY source_file, pub_number"""
    ).to_pylist()
    files: dict[str, dict] = {}
    for r in rows:
        name = r["source_file"].rsplit("/", 1)[-1]
        f = files.setdefault(
            name,
            {
                "rows": 0,
                "tp": 0,
                "fp": 0,
                "fn": 0,
                "exact": 0,
                "codes": defaultdict(Counter),
                "kinds": Counter(),
            },
        )
        ours, theirs = set(r["sei_codes"] or []), set(r["vendor_sei_codes"])
        f["rows"] += 1
        f["tp"] += len(ours & theirs)
        f["fp"] += len(ours - theirs)
        f["fn"] += len(theirs - ours)
        f["exact"] += ours == theirs
        for c in ours & theirs:
            f["codes"][c]["both"] += 1
        if ours != theirs:
            routes = _routes(r["ipc"] or [])
            for c in ours - theirs:
                f["codes"][c]["ours_only"] += 1
                f["kinds"][_kind(c, True, routes, r["main_only"])] += 1
            for c in theirs - ours:
                f["codes"][c]["vendor_only"] += 1
                f["kinds"][_kind(c, False, routes, r["main_only"])] += 1
    out = {}
    for name, f in sorted(files.items()):
        out[name] = {
            "rows": f["rows"],
            "precision": f["tp"] / (f["tp"] + f["fp"]) if f["tp"] + f["fp"] else None,
            "recall": f["tp"] / (f["tp"] + f["fn"]) if f["tp"] + f["fn"] else None,
            "exact": f["exact"] / f["rows"],
            "codes": {c: dict(v) for c, v in sorted(f["codes"].items())},
            "kinds": dict(f["kinds"].most_common()),
        }
    return out


def strict_effect(corpus: Corpus) -> dict[str, object]:
    """How strict mode changes the thematic databases, on the patents with Chinese text: (patent, code) pairs
    kept per code and in total, and patents keeping at least one code."""
    rows = corpus.query(
        r"""SELECT code, list_contains(coalesce(strict, []), code) AS kept
            FROM (SELECT unnest(sei_codes) AS code, sei_codes_strict AS strict FROM patents
                  WHERE sei_codes IS NOT NULL
                    AND regexp_matches(concat_ws(' ', title, abstract, first_claim), '\p{Han}'))"""
    ).to_pylist()
    per: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        per[r["code"]]["ipc"] += 1
        per[r["code"]]["strict"] += bool(r["kept"])
    patents = corpus.one(
        r"""SELECT count(*), count(sei_codes_strict) FROM patents WHERE sei_codes IS NOT NULL
            AND regexp_matches(concat_ws(' ', title, abstract, first_claim), '\p{Han}')"""
    )
    return {
        "patents_ipc": int(patents[0]),
        "patents_strict": int(patents[1]),
        "pairs_ipc": sum(c["ipc"] for c in per.values()),
        "pairs_strict": sum(c["strict"] for c in per.values()),
        "codes": {
            c: {"ipc": v["ipc"], "strict": v["strict"]}
            for c, v in sorted(per.items(), key=lambda kv: [int(x) for x in kv[0].split(".")])
        },
    }
