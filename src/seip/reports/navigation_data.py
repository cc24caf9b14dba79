"""The figures behind the industry patent navigation report (产业专利导航报告, GB/T 39551): industry direction,
the region's position, development paths and lists, executed once.

May import: seip.analysis, seip.store, seip.taxonomy, seip.reports (landscape_data, patent_map), seip.errors,
stdlib, ibis, duckdb, numpy, scipy, pyarrow.

The selection (SEI category and/or search query) comes from the analysis layer as one row per application
(:func:`seip.analysis.stats.applications`), with the value score of the record that speaks for it
(:func:`seip.analysis.value.value_columns`, kept as Parquet per corpus state and day, the same file
``seip value`` keeps), the end dates of ended rights (:func:`seip.analysis.lapsed.end_dates`), its transfer,
licence and pledge events, and the life cycle (:mod:`seip.analysis.lifecycle`). What only navigation needs is
computed here in DuckDB over that table, in columns: counts in two windows (growth), hotspots, the
specialisation index (RTA) of the region per branch, applicant profiles, inventor teams (connected co-inventor
groups), the paths and the lists. Definitions and thresholds: docs/reports.md ("navigation").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import duckdb
import ibis
import numpy as np
import pyarrow as pa

from seip.analysis import lapsed, lifecycle, stats, technology
from seip.analysis._backend import Engine, Tables, connect, tables
from seip.analysis.population import resolve_region
from seip.analysis.value_cache import cached_values
from seip.errors import SeipError
from seip.reports.patent_map import PatentMap, build_map
from seip.store import Corpus

Rows = list[dict[str, Any]]
TOP = 15  # rows of rankings
RECENT = 15  # filing years shown in trend charts (as the landscape report)
WINDOW = lifecycle.JUDGE_YEARS  # growth compares the last 3 complete filing years (J) with the 3 before (B)
HOT_TOP = 8  # hotspots named
#: A hotspot has at least max(20, 0.5 % of J's) filings in J: the growth of a smaller group is noise (20 is
#: the landscape report's floor too; the share keeps large selections from naming their crumbs).
HOT_MIN, HOT_MIN_SHARE = 20, 0.005
STRONG, WEAK = 1.2, 0.8  # RTA ≥ 1.2: a strength; < 0.8: a gap (±20 %, the life cycle's noise band)
MIN_SHARED = 2  # two inventors are tied when they share at least 2 applications
MIN_TEAM = 3  # a team has at least 3 inventors
MAX_INVENTORS = 30  # inventors of one application considered for ties (long consortium lists tie everyone)
OPERATIONS = ("transfer", "licence", "pledge")
REPORT_LAYOUT = 5_000  # patents the report's map lays out with PaCMAP (the rest placed by neighbours)


#: The most frequent value of a histogram, ties to the smallest (DuckDB's mode() breaks ties at random).
TOP_VALUE = "CREATE OR REPLACE MACRO top_value(h) AS map_keys(h)[list_position(map_values(h), list_max(map_values(h)))]"


class NavigationError(SeipError):
    """The selection is empty, the region unknown, or an option is missing."""


@dataclass
class Navigation:
    """Executed figures of one navigation report: ``k`` the key numbers the sentences quote (counts, windows,
    rank, targets, group terms), ``t`` the tables as plain rows — years, offices, office_years, countries,
    groups (IPC main groups with growth, hotspot rank and the region's ``r_*`` position), wipo, players,
    players_cn, peers, region_years, sei_position, types, region_players, status, operations, inventors_region,
    teams_region, teams_top, talent, teams_target, links, pairs, cultivate, license, reuse, branches (map)."""

    sei: str | None
    region: str
    level: str  # province | city
    query: str | None
    cutoff: dt.date
    last_complete: int
    windows: tuple[tuple[int, int], tuple[int, int]]  # J, B
    judgement: dict[str, Any]
    lifecycle_years: Rows
    k: dict[str, Any]
    t: dict[str, Rows]
    patent_map: PatentMap | None = None
    sources: Rows = field(default_factory=list)


def growth(n_j: int | None, n_b: int | None) -> float | None:
    """J ÷ B − 1; None when B is 0 (growth from nothing is no rate)."""
    return n_j / n_b - 1 if n_b else None


def hotspots(rows: Rows, total_j: int, total_b: int, top: int = HOT_TOP) -> Rows:
    """Mark the hotspots among ``rows`` (each with ``key``, ``n``, ``n_j``, ``n_b``): branches with at least
    max(:data:`HOT_MIN`, :data:`HOT_MIN_SHARE` × ``total_j``) applications in J that grow faster than the
    whole selection (J ÷ B − 1 above the field's; a branch new in J, B = 0, grows fastest), the ``top``
    fastest (then the larger in J). Adds ``growth``, ``hot`` and ``hot_rank``; returns the rows, hotspots
    first in rank order, then by size."""
    floor = max(HOT_MIN, math.ceil(HOT_MIN_SHARE * total_j))
    field_growth = growth(total_j, total_b)
    bar = field_growth if field_growth is not None else -math.inf

    def speed(r: dict) -> float:
        if r["n_b"] == 0:
            return math.inf if r["n_j"] else -math.inf
        return r["n_j"] / r["n_b"] - 1

    eligible = [r for r in rows if r["n_j"] >= floor and speed(r) > bar]
    eligible.sort(key=lambda r: (-speed(r), -r["n_j"], str(r["key"])))
    rank = {id(r): i + 1 for i, r in enumerate(eligible[:top])}
    for r in rows:
        r["growth"] = growth(r["n_j"], r["n_b"])
        r["hot_rank"] = rank.get(id(r))
        r["hot"] = r["hot_rank"] is not None
    return sorted(rows, key=lambda r: (r["hot_rank"] or top + 1, -r["n"], str(r["key"])))


def specialisation(counts: pa.Table, region: str) -> pa.Table:
    """The region's position in each branch, from ``counts`` (``unit``, ``branch``, ``n``: applications of
    each region in each branch, every region of the nation).

    Columns: ``branch``, ``national`` (all units), ``n`` (the region's), ``share`` (n ÷ national), ``rank``
    (among units by n, 1 = most, ties share; NULL when the region has none), ``units`` (units with any),
    ``leader`` and ``leader_n`` (the unit with most, ties to the smallest name, and its count) and
    ``rta`` — Balassa's revealed technological advantage, (n ÷ the region's total) ÷ (national ÷ the national
    total), totals summed over branches: above 1 the region files relatively more in the branch than the
    nation does."""
    con = duckdb.connect()
    con.register("c", counts)
    return con.sql(
        """WITH u AS (SELECT unit, sum(n)::BIGINT AS nu FROM c GROUP BY unit),
                b AS (SELECT branch, sum(n)::BIGINT AS nb, count(*) FILTER (n > 0) AS units,
                             list(unit ORDER BY n DESC, unit)[1] AS leader, max(n)::BIGINT AS leader_n
                      FROM c GROUP BY branch),
                t AS (SELECT sum(n)::BIGINT AS nt FROM c),
                r AS (SELECT branch, n, rank() OVER (PARTITION BY branch ORDER BY n DESC) AS rank, unit FROM c
                      WHERE n > 0)
           SELECT b.branch, b.nb AS national, coalesce(r.n, 0) AS n, coalesce(r.n, 0) / b.nb AS share,
                  r.rank, b.units, b.leader, b.leader_n,
                  CASE WHEN u.nu > 0 THEN (coalesce(r.n, 0) / u.nu) / (b.nb / t.nt) END AS rta
           FROM b CROSS JOIN t LEFT JOIN r ON r.branch = b.branch AND r.unit = $region
                LEFT JOIN u ON u.unit = $region
           ORDER BY national DESC, b.branch""",
        params={"region": region},
    ).to_arrow_table()


def inventor_teams(con: duckdb.DuckDBPyConnection, j0: int, last: int) -> None:
    """Inventors and inventor teams of table ``base`` (``akey``, ``inventors``, ``applicants_std``, ``home``,
    ``applicant_country``, ``year``, ``core``, ``groups``), as tables of ``con``:

    * ``inv`` (akey, id): an inventor is a name (spaces collapsed, Latin letters upper-cased) at the
      application's first applicant — the same name at two applicants is two people, a person who changed
      employer is two inventors;
    * ``inventor`` (id, name, applicant, home, country, apps, apps_j, core, grp, team);
    * ``team`` (team, lead, members, names, applicant, home, country, apps, first_year, last_year, core, grp):
      the connected groups of at least :data:`MIN_TEAM` inventors linked by ties of at least
      :data:`MIN_SHARED` shared applications; ``apps`` counts applications with two members or more.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    con.execute(TOP_VALUE)

    con.execute(f"""CREATE OR REPLACE TEMP TABLE inv0 AS
            SELECT DISTINCT akey, name, coalesce(applicants_std[1], '') AS applicant FROM (
              SELECT akey, applicants_std,
                     upper(regexp_replace(trim(unnest(inventors[1:{MAX_INVENTORS}])), '\\s+', ' ', 'g')) AS name
              FROM base WHERE len(inventors) > 0) WHERE name IS NOT NULL AND name <> ''""")  # fmt: skip
    con.execute("""CREATE OR REPLACE TEMP TABLE node AS
           SELECT (row_number() OVER (ORDER BY name, applicant) - 1)::BIGINT AS id, name, applicant
           FROM (SELECT DISTINCT name, applicant FROM inv0)""")  # fmt: skip
    con.execute(
        "CREATE OR REPLACE TEMP TABLE inv AS SELECT akey, id FROM inv0 JOIN node USING (name, applicant)"
    )
    ties = con.sql(f"""SELECT a.id AS i, b.id AS j FROM inv a JOIN inv b ON a.akey = b.akey AND a.id < b.id
            GROUP BY ALL HAVING count(*) >= {MIN_SHARED}""").to_arrow_table()  # fmt: skip
    n = int(con.sql("SELECT count(*) FROM node").fetchall()[0][0])
    i, j = (ties.column(c).to_numpy().astype(np.int64) for c in ("i", "j"))
    comp = np.full(n, -1, np.int64)
    if n:
        _, label = connected_components(
            coo_matrix((np.ones(len(i), np.int8), (i, j)), shape=(n, n)), directed=False
        )
        tied = np.zeros(n, bool)
        tied[i], tied[j] = True, True
        comp = np.where(tied, label, -1).astype(np.int64)
    con.register("_labels", pa.table({"id": np.arange(n, dtype=np.int64), "comp": comp}))
    con.execute(f"""CREATE OR REPLACE TEMP TABLE inventor AS
            WITH ia AS (SELECT inv.id, b.home, b.applicant_country, b.year, b.core FROM inv JOIN base b USING (akey)),
                 gc AS (SELECT inv.id, g, count(*) AS n FROM inv JOIN (SELECT akey, unnest(groups) AS g FROM base)
                        USING (akey) GROUP BY ALL),
                 top AS (SELECT gc.id, min(g) AS grp FROM gc JOIN (SELECT id, max(n) AS m FROM gc GROUP BY id) x
                        ON gc.id = x.id AND gc.n = x.m GROUP BY gc.id),  -- the commonest, ties to the smallest
                 size AS (SELECT comp, count(*) AS members FROM _labels WHERE comp >= 0 GROUP BY comp)
            SELECT node.id, node.name, node.applicant, min(ia.home) AS home,
                   min(ia.applicant_country) AS country, count(*) AS apps,
                   count(*) FILTER (ia.year BETWEEN {j0} AND {last}) AS apps_j,
                   count(*) FILTER (ia.core) AS core, any_value(top.grp) AS grp,
                   CASE WHEN any_value(size.members) >= {MIN_TEAM} THEN l.comp END AS team
            FROM ia JOIN node USING (id) JOIN _labels l USING (id) LEFT JOIN size USING (comp)
                 LEFT JOIN top USING (id)
            GROUP BY node.id, node.name, node.applicant, l.comp""")  # fmt: skip
    con.execute("""CREATE OR REPLACE TEMP TABLE team AS
           WITH ta AS (SELECT team, akey FROM inv JOIN inventor USING (id) WHERE team IS NOT NULL
                       GROUP BY ALL HAVING count(*) >= 2),
                m AS (SELECT team, count(*) AS members,
                             list(name ORDER BY apps DESC, name) AS names, any_value(applicant) AS applicant,
                             min(home) AS home, min(country) AS country
                      FROM inventor WHERE team IS NOT NULL GROUP BY team),
                w AS (SELECT ta.team, count(*) AS apps, min(b.year) AS first_year, max(b.year) AS last_year,
                             count(*) FILTER (b.core) AS core
                      FROM ta JOIN base b USING (akey) GROUP BY ta.team),
                gc AS (SELECT ta.team, g, count(*) AS n FROM ta JOIN (SELECT akey, unnest(groups) AS g FROM base)
                       USING (akey) GROUP BY ALL),
                top AS (SELECT team, list(g ORDER BY n DESC, g)[1] AS grp FROM gc GROUP BY team)
           SELECT m.team, m.names[1] AS lead, m.members, m.names[1:5] AS names, m.applicant, m.home, m.country,
                  w.apps, w.first_year, w.last_year, w.core, top.grp
           FROM m JOIN w USING (team) LEFT JOIN top USING (team)""")  # fmt: skip


def group_terms(con: duckdb.DuckDBPyConnection, groups: list[str], per_group: int = 200) -> dict[str, str]:
    """The words that tell each IPC main group of ``groups`` apart, from the titles of up to ``per_group`` of its
    applications in table ``base`` (Chinese titles first): c-TF-IDF of the patent map
    (:func:`seip.reports.patent_map.ctfidf_terms`), three words joined by ·; empty when none stands out."""
    import rjieba
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    from seip.reports.patent_map import ctfidf_terms

    if not groups:
        return {}
    sample = con.sql(
        """SELECT grp, title FROM (SELECT bg.grp, b.title, row_number() OVER (PARTITION BY bg.grp
             ORDER BY regexp_matches(b.title, '\\p{Han}') DESC, b.pub_number) AS k
           FROM bg JOIN base b USING (akey) WHERE list_contains($g, bg.grp) AND b.title IS NOT NULL)
           WHERE k <= $k ORDER BY grp, k""",
        params={"g": groups, "k": per_group},
    ).to_arrow_table()
    if sample.num_rows == 0:
        return {g: "" for g in groups}

    def words(text: str) -> list[str]:  # a bounded sample of titles: a loop is fine here
        return [
            w for w in rjieba.cut(text.lower()) if len(w) >= 2 and w.isalnum() and w not in ENGLISH_STOP_WORDS
        ]

    vec = CountVectorizer(tokenizer=words, lowercase=False, token_pattern=None)
    counts = vec.fit_transform(sample.column("title").to_pylist()).tocsr().astype(np.float32)
    index = {g: i for i, g in enumerate(groups)}
    labels = np.array([index[g] for g in sample.column("grp").to_pylist()], np.int32)
    terms = ctfidf_terms(counts, labels, vec.get_feature_names_out().tolist(), top=3)
    return {g: "·".join(terms.get(i, [])) for g, i in index.items()}


def _values(corpus: Corpus, engine: Engine, tb: Tables, as_of: dt.date) -> ibis.Table:
    """The value of every document as of ``as_of``, computed once per corpus state and day (the file
    ``seip value`` and the other reports read)."""
    return cached_values(engine, tb, as_of)


def _base(sel: Tables, tb: Tables, values: ibis.Table, column: str) -> pa.Table:
    """One row per application of the selection with what every computation here reads; ``home`` is the
    first applicant's province (or city) for mainland applicants."""
    a = sel.applications
    p = tb.patents.select("pub_number", "ipc", "inventors", "wipo_fields", "title", "title_en")
    j = a.left_join(p, "pub_number").left_join(
        values.select("pub_number", "value_score", "core"), "pub_number"
    )
    return j.select(
        "akey", "pub_number", "patent_type", "legal_status", "pub_country", "applicant_country", "province",
        "city", "applicants_std", "applicant_types", "coop_pairs", "sei_codes", "ipc", "inventors",
        "wipo_fields", "value_score", year=j.app_date.year().cast("int64"), is_valid=j.is_valid.fill_null(False),
        core=j.core.fill_null(False), title=ibis.coalesce(j.title, j.title_en),
        home=ibis.ifelse(j.applicant_country == "CN", j[column], ibis.null("string")),
    ).to_pyarrow()  # fmt: skip


class _Db:
    """An in-memory DuckDB holding the selection, and the parameters (``$r``, ``$j0``…) queries may name."""

    def __init__(self, **params: Any) -> None:
        self.con, self.p = duckdb.connect(), params
        self.con.execute(TOP_VALUE)

    def _params(self, sql: str) -> dict | None:
        used = set(re.findall(r"\$(\w+)", sql))  # DuckDB refuses parameters a statement does not name
        return {k: v for k, v in self.p.items() if k in used} or None

    def rows(self, sql: str) -> Rows:
        return self.con.sql(sql, params=self._params(sql)).to_arrow_table().to_pylist()

    def one(self, sql: str) -> dict[str, Any]:
        return self.rows(sql)[0]

    def run(self, sql: str) -> None:
        self.con.execute(sql, self._params(sql))


def gather(
    corpus: Corpus,
    *,
    region: str,
    sei: str | None = None,
    query: str | None = None,
    with_map: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Navigation:
    """Run every analysis the navigation report shows for the industry (``sei`` and/or ``query``) and the
    region (a province; or a prefecture city, whose peers are then the cities)."""
    say = progress or (lambda _: None)
    if not (sei or query):
        raise NavigationError("a navigation report needs an industry: give --sei and/or --query")
    place = resolve_region(region)
    if place.level == "national":
        raise NavigationError(f"{region}: give a province or a prefecture city, not the whole country")
    say("analysis")
    engine = connect(corpus)
    tb = tables(engine)
    sel = lifecycle.select(tb, sei=sei)
    if query:
        from seip.store.search import match_numbers

        sel = stats.restrict(sel, match_numbers(corpus, query))
    cutoff = lifecycle.data_cutoff(tb.patents).to_pyarrow()["cutoff"][0].as_py() or dt.date.today()
    last = lifecycle.last_complete_year(cutoff)
    j0, b0 = last - WINDOW + 1, last - 2 * WINDOW + 1
    if sel.applications.count().to_pyarrow().as_py() == 0:
        raise NavigationError("no patents match the selection (SEI code, query)")
    say("value")
    base = _base(sel, tb, _values(corpus, engine, tb, cutoff), place.level)
    say("lifecycle")
    ends = lapsed.end_dates(sel, as_of=cutoff).to_pyarrow()
    life = lifecycle.yearly(sel, ibis.memtable(ends), cutoff=cutoff).to_pyarrow().to_pylist()
    win = lifecycle.windows(sel, last_year=last).to_pyarrow().to_pylist()[0]
    docs = sel.patents.select(
        "pub_number", akey=ibis.coalesce(sel.patents.app_number, sel.patents.pub_number)
    )
    ev = tb.legal_events.filter(tb.legal_events.category.isin(OPERATIONS)).inner_join(docs, "pub_number")
    ops = ev.group_by(["akey", "category"]).aggregate(events=ev.count()).to_pyarrow()
    # IPC main groups and WIPO fields with their windows: the analysis layer's technology composition.
    comp = {kind: [{"key": r[technology.KINDS[kind][0]], "n": r["count"], "share": r["share"], "n_j": r["recent"],
                    "n_b": r["previous"]} for r in technology.composition(sel, kind, last=last, window=WINDOW)
                   .to_pyarrow().to_pylist()] for kind in technology.KINDS}  # fmt: skip

    db = _Db(r=place.name, j0=j0, b0=b0, last=last, first=last - RECENT + 3)
    db.con.register("_base", base)
    db.con.register("ends", ends.select(["akey", "reason", "end_date"]))
    db.con.register("ops", ops)
    # IPC main groups (G06N3/08 → G06N3) of the application; bare subclasses name no group.
    db.run("""CREATE TEMP TABLE base AS SELECT *, list_distinct(list_filter(list_transform(ipc,
        lambda s: regexp_extract(s, '^([A-H][0-9]{2}[A-Z][0-9]+)/', 1)), lambda g: g <> '')) AS groups FROM _base""")
    db.run("CREATE TEMP TABLE bg AS SELECT akey, unnest(groups) AS grp FROM base")
    nav = Navigation(sei, place.name, place.level, query, cutoff, last, ((j0, last), (b0, j0 - 1)),
                     lifecycle.judge(life, win, cutoff=cutoff).as_dict(), [r for r in life if r["year"] >= last - 14],
                     {}, {"groups": comp["ipc_group"], "wipo": comp["wipo"]})  # fmt: skip
    say("direction")
    _direction(db, nav)
    say("region")
    _position(db, nav)
    say("talent")
    inventor_teams(db.con, j0, last)
    _talent(db, nav)
    say("paths")
    _paths(db, nav)
    shown = sorted(d["key"] for d in nav.t["groups"] if d["hot"] or d["key"] in nav.k["targets"])
    shown += [
        g["key"] for g in sorted(nav.t["groups"], key=lambda g: (-(g["r_national"] or 0), g["key"]))[:15]
    ]
    shown += [g["key"] for g in sorted(nav.t["groups"], key=lambda g: (-(g["r_n"] or 0), g["key"]))[:10]]
    nav.k["terms"] = group_terms(db.con, list(dict.fromkeys(shown)))
    if with_map:
        say("map")
        nav.patent_map = build_map(corpus, sei=sei, query=query, title="", layout_sample=REPORT_LAYOUT,
                                   region=place.name if place.level == "province" else None, progress=say)  # fmt: skip
        _map_branches(db, nav)
    nav.sources = corpus.query("""SELECT source_format, count(*) AS files, sum(rows_read) AS rows_read,
           sum(imported) AS imported,
                  min(started_at) AS first, max(finished_at) AS last
           FROM import_log WHERE status = 'ok' GROUP BY 1 ORDER BY 3 DESC""").to_pylist()  # fmt: skip
    return nav


_WIN = "count(*) FILTER (year BETWEEN $j0 AND $last) AS n_j, count(*) FILTER (year BETWEEN $b0 AND $j0 - 1) AS n_b"
_SHARE = "count(*) / (SELECT count(*) FROM base) AS share"


def _direction(db: _Db, nav: Navigation) -> None:
    """Chapter 1: trends worldwide and in China, offices, source countries, hotspots, WIPO fields, players."""
    k, t = nav.k, nav.t
    k.update(
        db.one(f"""SELECT count(*) AS apps, count(*) FILTER (applicant_country = 'CN') AS china,
        count(*) FILTER (home IS NOT NULL) AS national, count(*) FILTER (home = $r) AS region,
        count(*) FILTER (patent_type = 'invention') AS inventions, {_WIN},
        count(*) FILTER (applicant_country = 'CN' AND year BETWEEN $j0 AND $last) AS china_j,
        count(*) FILTER (applicant_country = 'CN' AND year BETWEEN $b0 AND $j0 - 1) AS china_b FROM base""")
    )
    t["years"] = (
        db.rows("""SELECT year, count(*) AS world, count(*) FILTER (applicant_country = 'CN') AS china,
        count(*) FILTER (home = $r) AS region FROM base WHERE year >= $first GROUP BY year ORDER BY year""")
    )
    t["offices"] = db.rows(f"SELECT pub_country AS key, count(*) AS n, {_SHARE}, {_WIN} FROM base GROUP BY 1 "
                           "ORDER BY n DESC, key")  # fmt: skip
    db.p["top"] = [r["key"] for r in t["offices"][:5]]
    t["office_years"] = db.rows("""SELECT year, pub_country AS office, count(*) AS n FROM base
        WHERE year >= $first AND list_contains($top, pub_country) GROUP BY ALL ORDER BY year, office""")
    t["countries"] = db.rows(f"""SELECT applicant_country AS key, count(*) AS n, {_SHARE}, {_WIN} FROM base
        WHERE applicant_country IS NOT NULL GROUP BY 1 ORDER BY n DESC, key LIMIT 10""")
    t["groups"] = hotspots(t["groups"], k["n_j"], k["n_b"])
    t["wipo"] = hotspots(t["wipo"], k["n_j"], k["n_b"], top=5)
    # One row per application and applicant (its type, whether it is the first); profiles of every applicant.
    db.run("""CREATE TEMP TABLE ap AS SELECT DISTINCT akey, applicant, atype, pos = 1 AS first FROM (
        SELECT akey, unnest(applicants_std) AS applicant, unnest(applicant_types) AS atype,
               unnest(range(1, len(applicants_std) + 1)) AS pos FROM base) WHERE applicant IS NOT NULL""")
    db.run("CREATE TEMP TABLE apg AS SELECT applicant, grp, count(DISTINCT akey) AS n FROM ap JOIN bg USING (akey) "
           "GROUP BY ALL")  # fmt: skip
    db.run("""CREATE TEMP TABLE prof AS WITH g AS (SELECT applicant, list(grp ORDER BY n DESC, grp)[1:3] AS groups
            FROM apg GROUP BY applicant)
        SELECT applicant, count(DISTINCT akey) AS n, count(DISTINCT akey) / (SELECT count(*) FROM base) AS share,
            top_value(histogram(atype)) AS atype, count(DISTINCT akey) FILTER (year BETWEEN $j0 AND $last) AS n_j,
            count(DISTINCT akey) FILTER (year BETWEEN $b0 AND $j0 - 1) AS n_b,
            count(DISTINCT akey) FILTER (core) AS core, count(DISTINCT akey) FILTER (patent_type = 'invention')
            AS inventions, count(DISTINCT akey) FILTER (is_valid AND patent_type = 'invention') AS valid_inv,
            top_value(histogram(applicant_country) FILTER (first)) AS country,
            top_value(histogram(home) FILTER (first)) AS home,
            top_value(histogram(city) FILTER (first)) AS city, any_value(g.groups) AS groups
        FROM ap JOIN base USING (akey) LEFT JOIN g USING (applicant) GROUP BY applicant""")
    t["players"] = _grown(db.rows(f"SELECT * FROM prof ORDER BY n DESC, applicant LIMIT {TOP}"))
    t["players_cn"] = _grown(
        db.rows(f"SELECT * FROM prof WHERE country = 'CN' ORDER BY n DESC, applicant LIMIT {TOP}")
    )


def _grown(rows: Rows) -> Rows:
    for r in rows:
        r["growth"] = growth(r["n_j"], r["n_b"])
    return rows


def _position(db: _Db, nav: Navigation) -> None:
    """Chapter 2: the region among its peers, its structure (RTA per branch), applicants, status, operations."""
    k, t, r = nav.k, nav.t, nav.region
    t["peers"] = db.rows("""SELECT home AS key, count(*) AS n, count(*) / sum(count(*)) OVER () AS share,
        rank() OVER (ORDER BY count(*) DESC) AS rank FROM base WHERE home IS NOT NULL GROUP BY 1
        ORDER BY n DESC, key""")
    here = next((x for x in t["peers"] if x["key"] == r), {})
    k.update(rank=here.get("rank"), share=here.get("share", 0.0), peers=len(t["peers"]))
    t["region_years"] = db.rows("""SELECT year, count(*) FILTER (home = $r) AS n, count(*) AS national,
        count(*) FILTER (home = $r) / count(*) AS share FROM base WHERE home IS NOT NULL AND year >= $last - 9
        GROUP BY year ORDER BY year""")
    k.update(
        db.one("""SELECT count(*) FILTER (home = $r AND year BETWEEN $j0 AND $last) AS region_j,
        count(*) FILTER (home = $r AND year BETWEEN $b0 AND $j0 - 1) AS region_b,
        count(*) FILTER (home IS NOT NULL AND year BETWEEN $j0 AND $last) AS national_j,
        count(*) FILTER (home IS NOT NULL AND year BETWEEN $b0 AND $j0 - 1) AS national_b,
        count(*) FILTER (home = $r AND is_valid) AS region_valid, count(*) FILTER (home IS NOT NULL AND is_valid)
        AS national_valid, count(*) FILTER (home = $r AND core) AS region_core,
        count(*) FILTER (home IS NOT NULL AND core) AS national_core FROM base""")
    )
    counts = db.con.sql("""SELECT home AS unit, grp AS branch, count(*) AS n FROM bg JOIN base USING (akey)
        WHERE home IS NOT NULL GROUP BY ALL""").to_arrow_table()
    rta = {x["branch"]: x for x in specialisation(counts, r).to_pylist()}
    for g in t["groups"]:
        g.update({f"r_{c}": rta.get(g["key"], {}).get(c) for c in ("national", "n", "share", "rank", "units",
                                                                     "leader", "leader_n", "rta")})  # fmt: skip
    if not nav.sei or "." not in nav.sei:  # a whole industry or a query: its SEI categories are branches too
        sc = db.con.sql("""SELECT home AS unit, s AS branch, count(*) AS n FROM (SELECT home, unnest(sei_codes) AS s
            FROM base WHERE home IS NOT NULL) GROUP BY ALL""").to_arrow_table()
        t["sei_position"] = specialisation(sc, r).to_pylist()
    t["types"] = db.rows("""SELECT atype AS key, count(DISTINCT akey) FILTER (home = $r) AS region,
        count(DISTINCT akey) AS national FROM ap JOIN base USING (akey) WHERE home IS NOT NULL GROUP BY 1
        ORDER BY national DESC""")
    t["region_players"] = _grown(db.rows(f"SELECT * FROM prof WHERE home = $r ORDER BY n DESC, applicant LIMIT {TOP}"))  # fmt: skip
    k["region_applicants"] = db.one("SELECT count(*) AS n FROM prof WHERE home = $r")["n"]
    t["status"] = (
        db.rows("""SELECT legal_status AS key, count(*) FILTER (home = $r) AS region, count(*) AS national
        FROM base WHERE home IS NOT NULL GROUP BY 1 ORDER BY national DESC""")
    )
    t["operations"] = db.rows("""SELECT category AS key, count(DISTINCT akey) FILTER (home = $r) AS region,
        count(DISTINCT akey) FILTER (home IS NOT NULL) AS national, count(DISTINCT akey) AS world
        FROM ops JOIN base USING (akey) GROUP BY 1 ORDER BY world DESC""")


def _targets(nav: Navigation) -> tuple[list[str], str]:
    """The branches the paths aim at: hotspots where the region is weak (RTA < :data:`WEAK`); else every
    hotspot; else the largest branches — and which of the three it is."""
    hot = [g for g in nav.t["groups"] if g["hot"]]
    weak = [g["key"] for g in hot if (g["r_rta"] or 0) < WEAK]
    if weak:
        return weak, "weak"
    if hot:
        return [g["key"] for g in hot], "hot"
    return [g["key"] for g in sorted(nav.t["groups"], key=lambda g: (-g["n"], g["key"]))[:HOT_TOP]], "top"


def _talent(db: _Db, nav: Navigation) -> None:
    """Inventors and teams of the region and, in the target branches, outside it."""
    k, t = nav.k, nav.t
    k["targets"], k["target_kind"] = _targets(nav)
    db.p["targets"] = k["targets"]
    db.con.register("target", pa.table({"grp": pa.array(k["targets"], pa.string())}))
    k.update(
        db.one("""SELECT count(*) AS inventors, count(*) FILTER (home = $r) AS region_inventors,
        count(DISTINCT team) AS teams, count(DISTINCT team) FILTER (home = $r) AS region_teams FROM inventor""")
    )
    t["inventors_region"] = db.rows(f"SELECT * FROM inventor WHERE home = $r ORDER BY apps DESC, core DESC, name "
                                    f"LIMIT {TOP}")  # fmt: skip
    t["teams_region"] = db.rows("SELECT * FROM team WHERE home = $r ORDER BY apps DESC, team LIMIT 10")
    t["teams_top"] = db.rows("SELECT * FROM team ORDER BY apps DESC, team LIMIT 10")
    t["talent"] = (
        db.rows("""WITH nt AS (SELECT id, count(DISTINCT akey) AS n_target FROM inv JOIN bg USING (akey)
            JOIN target USING (grp) GROUP BY id)
        SELECT x.*, n_target FROM inventor x JOIN nt USING (id) WHERE coalesce(x.home, '') <> $r
        ORDER BY n_target DESC, x.apps DESC, x.name LIMIT 12""")
    )
    t["teams_target"] = db.rows("""WITH ta AS (SELECT team, akey FROM inv JOIN inventor USING (id)
            WHERE team IS NOT NULL GROUP BY ALL HAVING count(*) >= 2),
          hit AS (SELECT team, count(DISTINCT akey) AS n_target FROM ta JOIN bg USING (akey) JOIN target USING (grp)
            GROUP BY team)
        SELECT team.*, n_target FROM team JOIN hit USING (team) WHERE coalesce(team.home, '') <> $r
        ORDER BY n_target DESC, apps DESC, team LIMIT 10""")


_HIT = "list_filter(groups, lambda g: list_contains($targets::VARCHAR[], g))"


def _paths(db: _Db, nav: Navigation) -> None:
    """Cooperation (existing links, candidate pairs), enterprises to cultivate, patents to license or acquire,
    lapsed patents to reuse."""
    k, t = nav.k, nav.t
    t["links"] = db.rows("""SELECT enterprise, partner, partner_type, count(*) AS n
        FROM (SELECT unnest(coop_pairs, recursive := true) FROM base WHERE home = $r) GROUP BY ALL
        ORDER BY n DESC, enterprise, partner LIMIT 10""")
    # Candidate pairs: an enterprise of the region and a domestic university or institute filing in the same
    # IPC main groups; overlap = Σ over shared groups of the smaller of their two counts.
    t["pairs"] = db.rows("""WITH e AS (SELECT g.* FROM apg g JOIN prof USING (applicant)
                WHERE prof.home = $r AND prof.atype = 'enterprise'),
            u AS (SELECT g.* FROM apg g JOIN prof USING (applicant)
                WHERE prof.country = 'CN' AND prof.atype IN ('university', 'institute')),
            pairs AS (SELECT e.applicant AS enterprise, u.applicant AS partner, sum(least(e.n, u.n))::BIGINT AS overlap,
                sum(u.n)::BIGINT AS partner_n,
                coalesce(sum(least(e.n, u.n)) FILTER (list_contains($targets::VARCHAR[], e.grp)), 0)::BIGINT
                    AS target_overlap,
                list(e.grp ORDER BY least(e.n, u.n) DESC, e.grp)[1:3] AS shared FROM e JOIN u USING (grp) GROUP BY ALL),
            links AS (SELECT enterprise, partner, count(*) AS n
                FROM (SELECT unnest(coop_pairs, recursive := true) FROM base) GROUP BY enterprise, partner)
        SELECT * EXCLUDE (k) FROM (
          SELECT pairs.*, prof.home AS partner_home, prof.atype AS partner_type, coalesce(links.n, 0) AS existing,
                 row_number() OVER (PARTITION BY enterprise ORDER BY target_overlap DESC, overlap DESC,
                   coalesce(prof.home = $r, false) DESC, partner_n DESC, partner) AS k
          FROM pairs JOIN prof ON prof.applicant = pairs.partner LEFT JOIN links USING (enterprise, partner))
        WHERE k <= 3 ORDER BY target_overlap DESC, overlap DESC, coalesce(partner_home = $r, false) DESC,
            partner_n DESC, enterprise, partner LIMIT 10""")
    t["cultivate"] = _grown(
        db.rows(f"""WITH nt AS (SELECT applicant, count(DISTINCT akey) AS n_target
            FROM ap JOIN bg USING (akey) JOIN target USING (grp) GROUP BY applicant)
        SELECT prof.*, coalesce(nt.n_target, 0) AS n_target FROM prof LEFT JOIN nt USING (applicant)
        WHERE home = $r AND atype = 'enterprise' ORDER BY n DESC, core DESC, applicant LIMIT {TOP}""")
    )
    t["license"] = db.rows(f"""SELECT pub_number, title, applicants_std[1] AS holder,
        coalesce(home, applicant_country, pub_country) AS place, patent_type, year, value_score, core,
        {_HIT} AS hit FROM base
        WHERE is_valid AND value_score IS NOT NULL AND coalesce(home, '') <> $r AND len({_HIT}) > 0
        ORDER BY value_score DESC, pub_number LIMIT 25""")
    t["reuse"] = db.rows(f"""SELECT pub_number, title, applicants_std[1] AS holder,
        coalesce(home, applicant_country, pub_country) AS place, reason, end_date, value_score, core,
        {_HIT} AS hit FROM base JOIN ends USING (akey)
        WHERE value_score IS NOT NULL AND len({_HIT}) > 0 ORDER BY value_score DESC, pub_number LIMIT 20""")
    k.update(
        db.one(f"""SELECT count(*) FILTER (is_valid AND coalesce(home, '') <> $r) AS licensable,
        count(*) FILTER (akey IN (SELECT akey FROM ends)) AS reusable FROM base WHERE len({_HIT}) > 0""")
    )


def _map_branches(db: _Db, nav: Navigation) -> None:
    """The map's branches counted in applications (each by the branch of the record that speaks for it): size,
    growth J ÷ B, hotspots, the region's count and its RTA among the nation's mapped applications."""
    pm = nav.patent_map
    if pm is None or not pm.clusters:
        return
    db.con.register("_map", pa.table({"pub_number": pm.pub_numbers, "branch": pa.array(pm.cluster)}))
    rows = db.rows(f"""SELECT branch AS key, count(*) AS n, {_WIN}, count(*) FILTER (home = $r) AS region,
        count(*) FILTER (home IS NOT NULL) AS national FROM _map JOIN base USING (pub_number)
        WHERE branch >= 0 GROUP BY 1""")
    tot_r, tot_n = sum(x["region"] for x in rows), sum(x["national"] for x in rows)
    for x in rows:
        x["rta"] = (x["region"] / tot_r) / (x["national"] / tot_n) if tot_r and x["national"] else None
    labels = {c.id: c.label for c in pm.clusters}
    nav.t["branches"] = [{**x, "label": labels.get(x["key"], "")} for x in hotspots(rows, nav.k["n_j"], nav.k["n_b"], 5)]  # fmt: skip
