"""Similar patents: nearest neighbours by cosine of the corpus's text vectors (:mod:`seip.store.vectors`), with the
filters of a freedom-to-operate screen, and the measure of how good the neighbours are.

May import: seip.records, seip.errors, seip.i18n, stdlib, numpy, pyarrow, tantivy.

The vectors (TF-IDF over rjieba words and character n-grams, reduced by SVD, unit length) are built and kept
in step by :mod:`seip.store.vectors`; this module only ranks. Other publications of the query patent's own
application or family (its A and B publications, its foreign filings) are left out: they are the same
invention, not prior art or a risk. Candidates are filtered (in force, not of the excluded applicants) through
the search index, which stores what a hit shows; the candidate pool grows until enough pass.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

import numpy as np
import pyarrow as pa
import tantivy

from seip import i18n
from seip.errors import SeipError
from seip.records.numbers import normalize_pub_number
from seip.store import vectors
from seip.store.corpus import Corpus
from seip.store.search.compile import compile_query
from seip.store.search.index import Progress, open_index
from seip.store.search.query import Term

i18n.register(
    {
        "search_sim_need": ("请给出公开号或 --text 文字（二者选一）", "give a publication number or --text (one of them)"),
        "search_sim_unknown": ("库中没有公开号 {pub}", "{pub} is not in the corpus"),
        "search_sim_no_text": ("{what} 没有可比较的文字（标题、摘要、权利要求中没有已知词语）", "{what} has no text to compare (no known term in title, abstract or claim)"),
    }
)  # fmt: skip


class SimilarError(SeipError):
    """Nothing to compare: no input, an unknown publication number, or a text without any known term."""


@dataclass
class SimilarHit:
    pub_number: str
    score: float  # cosine similarity of the text vectors, -1..1
    title: str | None
    applicants: list[str] = field(default_factory=list)
    app_date: str | None = None
    ipc_main: str | None = None
    legal_status: str | None = None
    is_valid: bool | None = None
    patent_type: str | None = None
    pub_country: str | None = None


@dataclass
class SimilarResult:
    query: dict
    hits: list[SimilarHit]

    def to_json(self) -> dict:
        return {"query": self.query, "hits": [asdict(h) for h in self.hits]}


def current_vectors(corpus: Corpus, progress: Progress | None = None) -> vectors.VectorSet:
    """The corpus's text vectors, embedding what was imported since they were last brought in step."""
    vectors.sync(corpus, progress=progress)
    return vectors.load(corpus)


def similar(
    corpus: Corpus,
    *,
    pub: str | None = None,
    text: str | None = None,
    limit: int = 10,
    valid_only: bool = False,
    exclude_applicants: list[str] | None = None,
    progress: Progress | None = None,
) -> SimilarResult:
    """The ``limit`` patents whose text is most similar to patent ``pub`` or to ``text``, best first."""
    if (pub is None) == (text is None):
        raise SimilarError(i18n.t("search_sim_need"))
    vs = current_vectors(corpus, progress)
    skip: set[str] = set()
    if pub is not None:
        number = _normalized(pub)
        row = int(vs.positions([number])[0])
        if row < 0:
            raise SimilarError(i18n.t("search_sim_unknown", pub=pub))
        q = np.asarray(vs.matrix[row], dtype=np.float32)
        skip = _same_invention(corpus, number)
    else:
        q = vs.transform([text or ""])[0].astype(np.float32)
    if not np.any(q):
        raise SimilarError(i18n.t("search_sim_no_text", what=pub or (text or "")[:30]))
    scores = np.asarray(vs.matrix @ q, dtype=np.float32)
    idx = open_index(corpus, progress=progress)
    filters = _filters(idx.schema, valid_only, exclude_applicants or [])
    hits: list[SimilarHit] = []
    added: set[str] = set()
    pool = min(len(scores), max(limit * 10, 50))
    seen = 0
    while True:
        top = np.argpartition(-scores, pool - 1)[:pool] if pool < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")][seen:]
        numbers = vs.pub_numbers.take(pa.array(top)).to_pylist()
        wanted = [n for n in numbers if n not in skip]
        shown = _passing(idx, wanted, filters)
        for n, s in zip(numbers, scores[top].tolist(), strict=True):
            if n in shown and len(hits) < limit and n not in added:
                added.add(n)
                hits.append(SimilarHit(pub_number=n, score=round(float(s), 4), **shown[n]))
        seen = pool
        if len(hits) >= limit or pool >= len(scores):
            break
        pool = min(len(scores), pool * 8)
    query = {
        "pub_number": pub,
        "text": text,
        "valid_only": valid_only,
        "exclude_applicants": exclude_applicants or [],
    }
    return SimilarResult(query, hits)


def _normalized(pub: str) -> str:
    try:
        return normalize_pub_number(pub) or pub
    except ValueError:
        return pub.strip().upper()


def _same_invention(corpus: Corpus, number: str) -> set[str]:
    """The patent itself and the other publications of its application or family."""
    rows = corpus.query(
        """SELECT p.pub_number FROM patents p, (SELECT app_number, family_id FROM patents WHERE pub_number = ?) q
           WHERE p.pub_number = ? OR p.app_number = q.app_number OR p.family_id = q.family_id""",
        [number, number],
    )
    return set(rows.column(0).to_pylist()) | {number}


def _filters(schema: tantivy.Schema, valid_only: bool, exclude: list[str]) -> list[tuple]:
    clauses = []
    if valid_only:
        clauses.append((tantivy.Occur.Must, tantivy.Query.term_query(schema, "valid", 1)))
    for name in exclude:
        term = compile_query(Term("PA", "=", name, True, 0, len(name)), schema)
        clauses.append((tantivy.Occur.MustNot, term))
    return clauses


_SHOWN = ("app_date", "ipc_main", "legal_status", "is_valid", "patent_type", "pub_country")


def _passing(idx, numbers: list[str], filters: list[tuple]) -> dict[str, dict]:
    """What the search index stores for those of ``numbers`` that pass ``filters``."""
    if not numbers:
        return {}
    query = tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, tantivy.Query.term_set_query(idx.schema, "pn", numbers)), *filters]
    )
    searcher = idx.searcher()
    out = {}
    for _, addr in searcher.search(query, limit=len(numbers)).hits:
        r = json.loads(searcher.doc(addr).get_first("doc"))
        out[r["pub_number"]] = {
            "title": r["title"] or r["title_en"],
            "applicants": r["applicants"] or [],
            **{f: r[f] for f in _SHOWN},
        }
    return out


def neighbour_agreement(corpus: Corpus, *, sample: int = 2000, k: int = 10, seed: int = 0) -> dict:
    """How often a patent's ``k`` nearest neighbours share its main IPC group (and subclass), against pairs
    drawn at random: the honest measure of the vectors for similar-patent search.

    Patents without a main IPC symbol or without text are left out; so are neighbours of the same
    application or family (they would flatter the score)."""
    vs = current_vectors(corpus)
    meta = corpus.query(
        """SELECT pub_number, ipc_main, coalesce(family_id, app_number, pub_number) AS fam FROM patents
           WHERE ipc_main LIKE '%/%'"""
    )
    rows = vs.positions(meta.column("pub_number"))
    keep = rows >= 0
    ipc = [s for s, ok in zip(meta.column("ipc_main").to_pylist(), keep, strict=True) if ok]
    fam = _codes([f for f, ok in zip(meta.column("fam").to_pylist(), keep, strict=True) if ok])
    group, subclass = _codes([s.split("/")[0] for s in ipc]), _codes([s[:4] for s in ipc])
    rows = rows[keep]
    live = np.linalg.norm(vs.matrix[rows], axis=1) > 0
    rows, fam, group, subclass = rows[live], fam[live], group[live], subclass[live]
    rng = np.random.default_rng(seed)
    picks = rng.choice(len(rows), size=min(sample, len(rows)), replace=False)
    m = np.asarray(vs.matrix[rows], dtype=np.float32)
    same_group = same_sub = total = 0
    for start in range(0, len(picks), 128):
        chunk = picks[start : start + 128]
        sims = m[chunk] @ m.T
        sims[fam[chunk][:, None] == fam[None, :]] = -np.inf  # itself and its family
        nn = np.argpartition(-sims, k, axis=1)[:, :k]
        same_group += int((group[nn] == group[chunk][:, None]).sum())
        same_sub += int((subclass[nn] == subclass[chunk][:, None]).sum())
        total += nn.size
    rand = rng.choice(len(rows), size=(len(picks), k))
    return {
        "patents": len(picks),
        "k": k,
        "same_main_group": same_group / total,
        "same_subclass": same_sub / total,
        "random_same_main_group": float((group[rand] == group[picks][:, None]).mean()),
        "random_same_subclass": float((subclass[rand] == subclass[picks][:, None]).mean()),
    }


def _codes(values: list) -> np.ndarray:
    """Integer codes of values (equal values, equal codes)."""
    return np.unique(np.array(values, dtype=str), return_inverse=True)[1]
