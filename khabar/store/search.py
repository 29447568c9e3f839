"""Ranked full-text search (FTS5 BM25) with filters and highlighted snippets."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from .db import StoreError
from .index import snippet
from .prepare import loads
from .query import parse_query
from .read import find_entities

#: BM25 weights of the FTS columns: title, body, alternative forms.
WEIGHTS = (4.0, 1.0, 0.4)
MAX_LIMIT = 100
#: A query matching more articles than this ranks only the newest this many of them (by when
#: they were stored): BM25 over every match of two common words in a million articles would
#: take most of a second. The total reported is still exact.
RANK_CAP = 10_000


@dataclass(frozen=True, slots=True)
class Filters:
    """What a search is restricted to."""

    entity: str | None = None
    source: str | None = None
    #: ``YYYY-MM-DD`` bounds on the publication day, both inclusive.
    date_from: str | None = None
    date_to: str | None = None


@dataclass(slots=True)
class SearchResult:
    """One page of hits."""

    query: str
    terms: tuple[str, ...]
    total: int
    hits: list[dict[str, Any]] = field(default_factory=list)
    #: Entities the ``entity`` filter matched.
    entities: list[dict[str, Any]] = field(default_factory=list)
    #: When more than :data:`RANK_CAP` articles match: how many (the newest) were ranked.
    ranked_among: int | None = None

    def to_json(self) -> dict[str, Any]:
        """This result as JSON-ready data."""
        return {"query": self.query, "terms": list(self.terms), "total": self.total,
                "ranked_among": self.ranked_among, "entities": self.entities,
                "hits": self.hits}


def search(conn: sqlite3.Connection, text: str, filters: Filters | None = None,
           limit: int = 10, offset: int = 0) -> SearchResult:
    """The articles matching ``text`` and ``filters``, best first (newest first without words)."""
    filters = filters or Filters()
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    query = parse_query(text)
    where: list[str] = []
    params: list[Any] = []
    matched: list[dict[str, Any]] = []
    if filters.entity:
        matched = find_entities(conn, filters.entity)
        if not matched:
            raise StoreError(f"no entity called {filters.entity!r} in the store")
        ids = [e["id"] for e in matched]
        where.append("a.id IN (SELECT article FROM article_entities WHERE entity IN "
                     f"({', '.join('?' * len(ids))}))")
        params.extend(ids)
    if filters.source:
        where.append("a.source = ?")
        params.append(filters.source)
    if filters.date_from:
        where.append("a.day >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        where.append("a.day <= ?")
        params.append(filters.date_to)
    if query.fts is None:
        if not (filters.entity or filters.source or filters.date_from or filters.date_to):
            raise StoreError("the query has no words to search for (and no filters)")
        where.append("a.duplicate_of IS NULL")
        clause = " AND ".join(where)
    ranked_among = None
    try:
        if query.fts is None:
            total = conn.execute(f"SELECT count(*) FROM articles a WHERE {clause}",
                                 params).fetchone()[0]
            ids = conn.execute(
                f"SELECT a.id, NULL FROM articles a WHERE {clause} "
                "ORDER BY a.day DESC, a.id DESC LIMIT ? OFFSET ?",
                [*params, limit, offset]).fetchall()
        elif not where:
            total, ranked_among, ids = _rank_words_only(conn, query.fts, limit, offset)
        else:
            total, ranked_among, ids = _rank_filtered(conn, query.fts, where, params, limit,
                                                      offset)
        rows = _rows(conn, ids)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"cannot search for {text!r}: {exc}") from None
    result = SearchResult(text, query.terms, total, entities=matched, ranked_among=ranked_among)
    for row in rows:
        article, key, title, source, url, published, day, body, analysis, rank = row
        stored = loads(analysis).get("sentences")
        sentences = [(x["start"], x["end"]) for x in stored] if stored else None
        cut = snippet(body, sentences, query.forms)
        duplicates = [
            {"id": k, "source": s, "published": p, "url": u, "similarity": sim}
            for k, s, p, u, sim in conn.execute(
                "SELECT key, source, published, url, similarity FROM articles "
                "WHERE duplicate_of = ? ORDER BY id", (article,))]
        result.hits.append({
            "id": key, "title": title, "source": source, "url": url, "published": published,
            "day": day, "score": None if rank is None else round(-rank, 4),
            "snippet": cut.to_json(), "duplicates": duplicates,
        })
    return result


def _rank_words_only(conn: sqlite3.Connection, fts: str, limit: int,
                     offset: int) -> tuple[int, int | None, list[tuple[int, float]]]:
    """Total, how many were ranked (if capped), and ``(id, score)`` of the page: all in FTS5.

    Duplicates have no index rows, so no filter is needed; the articles table is read only
    for the page.
    """
    total = conn.execute("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?",
                         (fts,)).fetchone()[0]
    floor = 0
    ranked_among = None
    if total > RANK_CAP:
        floor = conn.execute(
            "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid DESC "
            "LIMIT 1 OFFSET ?", (fts, RANK_CAP - 1)).fetchone()[0]
        ranked_among = RANK_CAP
    score = f"bm25(article_fts, {', '.join(map(str, WEIGHTS))})"
    ids = conn.execute(
        f"SELECT rowid, {score} AS score FROM article_fts WHERE article_fts MATCH ? "
        "AND rowid >= ? ORDER BY score, rowid LIMIT ? OFFSET ?",
        (fts, floor, limit, offset)).fetchall()
    return total, ranked_among, ids


def _rank_filtered(conn: sqlite3.Connection, fts: str, where: list[str], params: list[Any],
                   limit: int, offset: int) -> tuple[int, int | None, list[tuple[int, float]]]:
    """Like :func:`_rank_words_only`, with filters on the articles.

    The filters are checked on the compact index ``articles_filter`` (id, day, source), not on
    the article rows, which hold the texts.
    """
    joined = ("article_fts f JOIN articles a INDEXED BY articles_filter ON a.id = f.rowid "
              f"WHERE article_fts MATCH ? AND {' AND '.join(where)}")
    every = [fts, *params]
    total = conn.execute(f"SELECT count(*) FROM {joined}", every).fetchone()[0]
    floor = 0
    ranked_among = None
    if total > RANK_CAP:
        floor = conn.execute(f"SELECT f.rowid FROM {joined} ORDER BY f.rowid DESC "
                             "LIMIT 1 OFFSET ?", [*every, RANK_CAP - 1]).fetchone()[0]
        ranked_among = RANK_CAP
    score = f"bm25(article_fts, {', '.join(map(str, WEIGHTS))})"
    ids = conn.execute(f"SELECT f.rowid, {score} AS score FROM {joined} AND f.rowid >= ? "
                       "ORDER BY score, f.rowid LIMIT ? OFFSET ?",
                       [*every, floor, limit, offset]).fetchall()
    return total, ranked_among, ids


def _rows(conn: sqlite3.Connection, ranked: list[tuple[int, float | None]]) -> list[tuple]:
    """The article rows of ``(id, score)`` pairs, in that order, with their scores."""
    out = []
    for ident, rank in ranked:
        row = conn.execute(
            "SELECT id, key, title, source, url, published, day, text, analysis "
            "FROM articles WHERE id = ?", (ident,)).fetchone()
        out.append((*row, rank))
    return out
