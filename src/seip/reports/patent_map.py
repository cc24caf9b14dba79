"""The patent map (专利地图): the stored text vectors laid out in 2-D with PaCMAP, clustered with HDBSCAN, each
cluster named by its most distinctive words (c-TF-IDF) — the technology-branch breakdown (技术分解).

May import: seip.store, seip.taxonomy, seip.errors, seip.i18n, stdlib, numpy, scikit-learn, pacmap, pyarrow.

How (each step deterministic for a given ``seed``):

1. the patents of the SEI category and/or search query, in publication-number order; those whose text has no
   known term (zero vectors) are left out and counted;
2. their vectors (:mod:`seip.store.vectors`, brought up to date first) reduced to 50 principal components;
3. up to :data:`MAX_LAYOUT` of them (a seeded random sample when there are more) laid out by PaCMAP and
   clustered by HDBSCAN on the layout, so clusters are the islands one sees; every other patent is placed at the
   similarity-weighted mean of its 10 nearest laid-out neighbours (cosine in the 50-d space) and joins the
   cluster most of them belong to;
4. cluster labels: c-TF-IDF over rjieba words of the laid-out patents (the word counts of each cluster against
   the average cluster size), nested terms (识别 under 语音识别) removed.

Overlays (one applicant, a year range, valid patents, the first applicant's province) only mark patents on the
map; they never change it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

from seip import i18n
from seip.errors import SeipError
from seip.store import Corpus, vectors

MAX_LAYOUT = 10_000  # patents PaCMAP lays out itself; the rest are placed by their neighbours
PCA_DIMS = 50
NEIGHBOURS = 10

Progress = Callable[[str], None]


class MapError(SeipError):
    """The selection is empty or too small to map, or an option is malformed."""


@dataclass
class Cluster:
    """One technology branch on the map."""

    id: int
    size: int
    terms: list[str]
    x: float
    y: float
    top_applicants: list[str]
    median_year: int | None
    valid_share: float
    overlay: int
    examples: list[str]  # titles of the patents nearest the cluster's centre

    @property
    def label(self) -> str:
        return " · ".join(self.terms[:3])


@dataclass
class PatentMap:
    """Positions, clusters and labels of the mapped patents."""

    title: str
    pub_numbers: pa.Array
    xy: np.ndarray  # n × 2, float32
    cluster: np.ndarray  # n, int32, -1 = not in any cluster
    clusters: list[Cluster]
    overlay: np.ndarray | None  # n, bool, or None without overlay options
    overlay_label: str = ""
    left_out: int = 0  # patents without any known term
    params: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        """What ``seip map --json`` prints."""
        return {
            "title": self.title,
            "patents": len(self.pub_numbers),
            "left_out_without_text": self.left_out,
            "clustered": int((self.cluster >= 0).sum()),
            "overlay": {"label": self.overlay_label, "patents": int(self.overlay.sum())}
            if self.overlay is not None
            else None,
            "params": self.params,
            "clusters": [
                {
                    "id": c.id,
                    "label": c.label,
                    "terms": c.terms,
                    "size": c.size,
                    "share": round(c.size / max(len(self.pub_numbers), 1), 4),
                    "top_applicants": c.top_applicants,
                    "median_year": c.median_year,
                    "valid_share": round(c.valid_share, 4),
                    "overlay": c.overlay,
                    "examples": c.examples,
                    "x": round(c.x, 3),
                    "y": round(c.y, 3),
                }
                for c in self.clusters
            ],
        }


def parse_years(text: str | None) -> tuple[int, int] | None:
    """``2018..2022`` (or ``2018-2022``, ``2020``) → (2018, 2022)."""
    if not text:
        return None
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:\.\.|-|~|—)\s*(\d{4}))?\s*", text)
    if not m:
        raise MapError(f"--years {text!r}: expected a year or a range such as 2018..2022")
    lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
    return (min(lo, hi), max(lo, hi))


def select(corpus: Corpus, sei: str | None, query: str | None) -> pa.Table:
    """pub_number, first applicant, filing year and validity of the patents to map, by publication number."""
    where, params = ["TRUE"], []
    if sei:
        where.append("list_contains(sei_top, ?)" if "." not in sei else "list_contains(sei_codes, ?)")
        params.append(sei)
    cur = corpus.con.cursor()
    try:
        if query:
            from seip.store.search import match_numbers

            cur.register("_map_query", pa.table({"p": match_numbers(corpus, query)}))
            where.append("pub_number IN (SELECT p FROM _map_query)")
        return cur.sql(
            f"""SELECT pub_number, coalesce(applicants_std[1], applicants[1]) AS applicant,
                       year(coalesce(app_date, priority_date, pub_date)) AS year, coalesce(is_valid, false) AS valid,
                       applicants_std, applicants, province
                FROM patents WHERE {" AND ".join(where)} ORDER BY pub_number""",
            params=params or None,
        ).to_arrow_table()
    finally:
        cur.close()


def _pca(x: np.ndarray, dims: int) -> np.ndarray:
    """Principal components (signs fixed) of the rows of ``x``."""
    centred = x - x.mean(axis=0, keepdims=True)
    w, v = np.linalg.eigh((centred.T @ centred).astype(np.float64))
    top = v[:, np.argsort(w)[::-1][: min(dims, x.shape[1])]]
    top *= np.sign(top[np.abs(top).argmax(axis=0), np.arange(top.shape[1])])
    return (centred @ top.astype(np.float32)).astype(np.float32)


def _layout(z: np.ndarray, seed: int) -> np.ndarray:
    import pacmap

    # PaCMAP announces the fixed random state through logging at WARNING; that is our choice, not a problem.
    logging.getLogger("pacmap").setLevel(logging.ERROR)
    logging.getLogger("pacmap.pacmap").setLevel(logging.ERROR)
    model = pacmap.PaCMAP(n_components=2, n_neighbors=NEIGHBOURS, random_state=seed, apply_pca=False)
    return model.fit_transform(z, init="pca").astype(np.float32)


def _neighbours(query: np.ndarray, base: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Top-``k`` cosine neighbours of each query row among ``base`` rows: (indices, similarities)."""
    qn = query / np.maximum(np.linalg.norm(query, axis=1, keepdims=True), 1e-12)
    bn = base / np.maximum(np.linalg.norm(base, axis=1, keepdims=True), 1e-12)
    idx = np.empty((len(query), k), np.int64)
    sim = np.empty((len(query), k), np.float32)
    for s in range(0, len(query), 2048):
        block = qn[s : s + 2048] @ bn.T
        part = np.argpartition(-block, k - 1, axis=1)[:, :k]
        idx[s : s + 2048] = part
        sim[s : s + 2048] = np.take_along_axis(block, part, axis=1)
    return idx, sim


def _clusters(xy: np.ndarray) -> np.ndarray:
    from sklearn.cluster import HDBSCAN

    size = max(10, round(len(xy) / 70))  # about 10-30 branches: what a map can label legibly
    return HDBSCAN(min_cluster_size=size, min_samples=10, copy=True).fit_predict(xy).astype(np.int32)


#: Words of patent drafting that name no technology (the vectors keep them; labels must not).
LABEL_STOP = frozenset(
    """方法 装置 系统 设备 数据 信息 用户 处理 模块 单元 确定 使用 获取 目标 存储介质 电子设备 计算机
    终端 程序 产品 介质 技术 相关 操作 执行 生成 应用 过程 结构 组件 部件 配置 第一 第二 多个 一个 对应 包括
    实施 实施例 方式 进行 根据 所述 提高 问题 效率 领域 现有 申请 本发明 本申请 发明 公开 至少 具有 设置 用于
    及其 可读 有关 一种 相应 determining processing associated including having providing one two more
    method methods system systems device devices apparatus use using based data information user""".split()
)


def ctfidf_terms(
    counts: sp.csr_matrix, labels: np.ndarray, words: list[str], top: int = 6
) -> dict[int, list[str]]:
    """Most distinctive words of each cluster: c-TF-IDF, i.e. the word's share of the cluster's words × log(1 +
    average words per cluster / the word's total). Never labels: drafting words (:data:`LABEL_STOP`), words in more
    than 10% of the documents of at least half the clusters, words seen fewer than 3 times in the cluster. A
    longer word replaces a shorter one it contains (语音识别 for 识别) when it scores at least half as much."""
    ids = sorted(int(c) for c in np.unique(labels) if c >= 0)
    if not ids:
        return {}
    docs = np.flatnonzero(labels >= 0)
    rows = np.searchsorted(ids, labels[docs])
    member = sp.csr_matrix((np.ones(len(docs), np.float32), (rows, docs)), shape=(len(ids), len(labels)))
    per_class = np.asarray((member @ counts).todense())  # classes × words
    sizes = np.asarray(member.sum(axis=1))
    doc_share = np.asarray((member @ (counts > 0).astype(np.float32)).todense()) / np.maximum(sizes, 1)
    generic = (doc_share > 0.10).sum(axis=0) >= max(2, (len(ids) + 1) // 2)  # common in half the clusters
    totals = per_class.sum(axis=1, keepdims=True)
    tf = per_class / np.maximum(totals, 1)
    idf = np.log1p(totals.mean() / np.maximum(per_class.sum(axis=0), 1))
    allowed = ~generic & np.array([w not in LABEL_STOP for w in words], bool)
    score = np.where(allowed & (per_class >= 3), tf * idf, 0.0)
    out: dict[int, list[str]] = {}
    for c, row in zip(ids, score, strict=True):
        chosen: list[tuple[str, float]] = []
        for j in np.argsort(-row, kind="stable"):
            if row[j] <= 0 or len(chosen) == top:
                break
            w = words[j]
            inside = [i for i, (o, _) in enumerate(chosen) if o in w]
            if inside and row[j] >= 0.5 * chosen[inside[0]][1]:
                chosen[inside[0]] = (w, chosen[inside[0]][1])  # the more specific word takes the place
            elif not inside and not any(w in o for o, _ in chosen):
                chosen.append((w, float(row[j])))
        out[c] = [w for w, _ in chosen]
    return out


def build_map(
    corpus: Corpus,
    *,
    sei: str | None = None,
    query: str | None = None,
    applicant: str | None = None,
    years: tuple[int, int] | None = None,
    valid: bool = False,
    region: str | None = None,
    seed: int = 0,
    title: str = "",
    layout_sample: int | None = None,
    progress: Progress | None = None,
) -> PatentMap:
    """Lay out, cluster and label the patents of ``sei`` and/or ``query`` (all patents when both are None);
    ``layout_sample`` caps the patents PaCMAP lays out itself (default :data:`MAX_LAYOUT`)."""
    say = progress or (lambda _: None)
    say("select")
    sel = select(corpus, sei, query)
    if sel.num_rows == 0:
        raise MapError("no patents match the selection")
    say("vectors")
    vectors.sync(corpus)
    vs = vectors.load(corpus)
    rows = vs.positions(sel.column("pub_number"))
    x = np.asarray(vs.matrix[np.where(rows >= 0, rows, 0)], dtype=np.float32)
    keep = (rows >= 0) & (np.abs(x).sum(axis=1) > 0)
    if keep.sum() < 30:
        raise MapError(
            f"only {int(keep.sum())} patents with text match the selection: too few to map (30 at least)"
        )
    sel, x = sel.filter(pa.array(keep)), x[keep]
    with threadpool_limits(1):  # OpenBLAS threads spin badly on a busy 2-core machine (measured 10-17x)
        xy, labels, laid = _place(_pca(x, PCA_DIMS), seed, layout_sample or MAX_LAYOUT, say)
    say("labels")
    texts = _texts(corpus, sel.column("pub_number").take(pa.array(laid)))
    terms = ctfidf_terms(vs.model.word_counts(texts), labels[laid], vs.model.words)
    overlay, overlay_label = _overlay(sel, applicant, years, valid, region)
    clusters = _describe(corpus, sel, x, xy, labels, terms, overlay)
    params = {"sei": sei, "query": query, "seed": seed, "laid_out": len(laid), "pca_dims": PCA_DIMS,
              "applicant": applicant, "years": list(years) if years else None, "valid": valid,
              "region": region}  # fmt: skip
    return PatentMap(title, sel.column("pub_number").combine_chunks(), xy, labels, clusters, overlay,
                     overlay_label, int((~keep).sum()), params)  # fmt: skip


def _place(z: np.ndarray, seed: int, cap: int, say: Progress) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """2-D positions and branch labels of every row of ``z``, and which rows PaCMAP laid out itself (``cap``)."""
    n = len(z)
    laid = np.sort(np.random.default_rng(seed).choice(n, cap, replace=False)) if n > cap else np.arange(n)
    say("layout")
    xy = np.zeros((n, 2), np.float32)
    xy[laid] = _layout(z[laid], seed)
    say("clusters")
    labels = np.full(n, -1, np.int32)
    labels[laid] = _clusters(xy[laid])
    rest = np.setdiff1d(np.arange(n), laid)
    if len(rest):
        idx, sim = _neighbours(z[rest], z[laid], NEIGHBOURS)
        w = np.maximum(sim, 0) ** 2 + 1e-6
        xy[rest] = (xy[laid][idx] * w[..., None]).sum(axis=1) / w.sum(axis=1, keepdims=True)
        labels[rest] = _vote(labels[laid][idx], w)
    return xy, labels, laid


def _vote(neighbour_labels: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The label with the largest total weight among the neighbours (-1 when noise outweighs every cluster)."""
    shifted = neighbour_labels + 1  # noise → 0
    k = int(shifted.max(initial=0)) + 1
    tally = np.zeros((len(shifted), k), np.float32)
    np.add.at(tally, (np.repeat(np.arange(len(shifted)), shifted.shape[1]), shifted.ravel()), weights.ravel())
    return (tally.argmax(axis=1) - 1).astype(np.int32)


def _texts(corpus: Corpus, pubs: pa.Array) -> list[str]:
    cur = corpus.con.cursor()
    try:
        cur.register("_map_pubs", pa.table({"p": pubs, "i": pa.array(np.arange(len(pubs)))}))
        t = cur.sql(
            f"SELECT {vectors.TEXT_SQL} AS t FROM _map_pubs JOIN patents ON pub_number = p ORDER BY i"
        )
        t = t.to_arrow_table()
    finally:
        cur.close()
    return t.column(0).fill_null("").to_pylist()


def _overlay(
    sel: pa.Table, applicant: str | None, years: tuple[int, int] | None, valid: bool, region: str | None
):
    """Which patents the overlay options mark (all options must hold), and a legend line."""
    if not (applicant or years or valid or region):
        return None, ""
    mark = np.ones(sel.num_rows, bool)
    parts = []
    if region:
        mark &= np.array([p == region for p in sel.column("province").to_pylist()], bool)
        parts.append(region)
    if applicant:
        needle = applicant.strip().lower()
        names = [" ".join((a or []) + (b or [])).lower() for a, b in zip(
            sel.column("applicants_std").to_pylist(), sel.column("applicants").to_pylist(), strict=True)]  # fmt: skip
        mark &= np.array([needle in s for s in names], bool)
        parts.append(applicant)
    if years:
        y = sel.column("year").to_numpy(zero_copy_only=False)
        mark &= (y >= years[0]) & (y <= years[1])
        parts.append(f"{years[0]}–{years[1]}" if years[0] != years[1] else str(years[0]))
    if valid:
        mark &= sel.column("valid").to_numpy(zero_copy_only=False).astype(bool)
        parts.append(i18n.t("valid"))
    return mark, " · ".join(parts)


def _describe(corpus, sel, x, xy, labels, terms, overlay) -> list[Cluster]:
    """Size, centre, leading applicants, median year, validity and example titles of every cluster."""
    applicants = np.array(sel.column("applicant").fill_null("").to_pylist(), dtype=object)
    year = sel.column("year").to_numpy(zero_copy_only=False).astype(float)
    valid = sel.column("valid").to_numpy(zero_copy_only=False).astype(bool)
    pubs = sel.column("pub_number")
    out = []
    for c in sorted(terms, key=lambda c: -int((labels == c).sum())):
        members = np.flatnonzero(labels == c)
        centre = x[members].mean(axis=0)
        nearest = members[np.argsort(-(x[members] @ centre))[:3]]
        names, counts = np.unique(applicants[members][applicants[members] != ""], return_counts=True)
        top = [str(names[i]) for i in np.argsort(-counts, kind="stable")[:3]]
        yrs = year[members][~np.isnan(year[members])]
        out.append(Cluster(
            id=int(c), size=len(members), terms=terms[c], x=float(np.median(xy[members, 0])),
            y=float(np.median(xy[members, 1])), top_applicants=top,
            median_year=int(np.median(yrs)) if len(yrs) else None, valid_share=float(valid[members].mean()),
            overlay=int(overlay[members].sum()) if overlay is not None else 0,
            examples=_titles(corpus, pubs.take(pa.array(nearest)).to_pylist()),
        ))  # fmt: skip
    # Number the branches 1, 2, … by size, as the table and the map show them.
    lut = np.full(int(labels.max(initial=-1)) + 2, -1, np.int32)
    for i, c in enumerate(out):
        lut[c.id + 1] = i + 1
    labels[:] = lut[labels + 1]
    for i, c in enumerate(out):
        c.id = i + 1
    return out


def _titles(corpus: Corpus, pubs: list[str]) -> list[str]:
    t = corpus.query(
        "SELECT pub_number, coalesce(title, title_en) FROM patents WHERE list_contains(?, pub_number)", [pubs]
    )
    by = dict(zip(t.column(0).to_pylist(), t.column(1).to_pylist(), strict=True))
    return [f"{p} {by.get(p) or ''}".strip() for p in pubs]
