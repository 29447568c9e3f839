"""Reading the store: articles as ``khabar.analysis/1``, entity pages, timelines, quotes."""

from __future__ import annotations

import functools
import re
import sqlite3
from collections import Counter
from typing import Any

from ..model import SCHEMA
from ..resources import load_yaml
from ..text.normalize import normalize
from .db import StoreError
from .prepare import loads
from .write import entity_key

_DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """How much the store holds."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles WHERE duplicate_of IS NULL"),
        "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "entities": one("SELECT count(*) FROM entities"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "times": one("SELECT count(*) FROM times"),
        "quantities": one("SELECT count(*) FROM quantities"),
    }


def list_articles(conn: sqlite3.Connection, limit: int = 20, offset: int = 0,
                  source: str | None = None) -> list[dict[str, Any]]:
    """Stored articles, newest first."""
    where = "duplicate_of IS NULL" + (" AND source = ?" if source else "")
    params: list[Any] = [source] if source else []
    rows = conn.execute(
        f"SELECT key, title, source, published, words FROM articles WHERE {where} "
        "ORDER BY day DESC, id DESC LIMIT ? OFFSET ?", [*params, limit, offset])
    return [{"id": k, "title": t, "source": s, "published": p, "words": w}
            for k, t, s, p, w in rows]


def article(conn: sqlite3.Connection, key: str) -> dict[str, Any]:
    """The stored article ``key`` as ``khabar.analysis/1`` (without tokens).

    Added fields: each entity's ``ref`` (its id in the store, for its entity page),
    ``duplicates`` (the same story published elsewhere) and, for a duplicate, ``duplicate_of``.
    """
    row = conn.execute(
        "SELECT id, key, title, source, url, published, text, duplicate_of, analysis "
        "FROM articles WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise StoreError(f"no article {key!r} in the store")
    ident, key, title, source, url, published, text, duplicate_of, analysis = row
    if duplicate_of is not None:
        target = conn.execute("SELECT key FROM articles WHERE id = ?",
                              (duplicate_of,)).fetchone()[0]
        out = article(conn, target)
        out["duplicate_of"] = target
        return out
    data = loads(analysis)
    refs = dict(conn.execute("SELECT local_id, entity FROM article_entities WHERE article = ?",
                             (ident,)).fetchall())
    for entity in data.get("entities", []):
        entity["ref"] = refs.get(entity.get("id"))
    for quote in data.get("quotes", []):
        if quote.get("speaker"):
            quote["speaker"]["ref"] = refs.get(quote["speaker"].get("entity"))
    out: dict[str, Any] = {"schema": SCHEMA, "id": key, "title": title, "source": source,
                           "url": url, "published": published, "text": text}
    for field in ("sentences", "entities", "quotes", "times", "quantities", "events",
                  "summary"):
        out[field] = data.pop(field, [])
    data.pop("provided", None)
    out.update(data)  # analysers, notes, and whatever fields the contract gains
    out["duplicates"] = [
        {"id": k, "source": s, "published": p, "url": u, "similarity": sim}
        for k, s, p, u, sim in conn.execute(
            "SELECT key, source, published, url, similarity FROM articles "
            "WHERE duplicate_of = ? ORDER BY id", (ident,))]
    return out


def find_entities(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Stored entities called ``name`` (by name or alias, any spelling), most mentioned first.

    ``name`` may also be ``#ID``, an entity's id in the store.
    """
    name = name.strip()
    if name.startswith("#") and name[1:].isdigit():
        rows = conn.execute("SELECT id FROM entities WHERE id = ?", (int(name[1:]),)).fetchall()
    else:
        key = entity_key(name)
        rows = conn.execute(
            "SELECT id FROM entities WHERE key = ? UNION SELECT entity FROM aliases WHERE key = ?",
            (key, key)).fetchall()
    found = []
    for (entity,) in rows:
        type_, ename = conn.execute("SELECT type, name FROM entities WHERE id = ?",
                                    (entity,)).fetchone()
        articles, mentions = conn.execute(
            "SELECT count(*), coalesce(sum(mentions), 0) FROM article_entities WHERE entity = ?",
            (entity,)).fetchone()
        found.append({"id": entity, "type": type_, "name": ename, "articles": articles,
                      "mentions": mentions})
    found.sort(key=lambda e: (-e["mentions"], e["id"]))
    return found


def _one_entity(conn: sqlite3.Connection, name: str) -> tuple[dict[str, Any], list]:
    found = find_entities(conn, name)
    if not found:
        raise StoreError(f"no entity called {name!r} in the store")
    return found[0], found[1:]


def entity_page(conn: sqlite3.Connection, name: str, quotes: int = 20,
                cooccurring: int = 15) -> dict[str, Any]:
    """Everything the store knows about the entity ``name`` (the most mentioned one so called).

    Aliases, roles, mentions per month, co-occurring entities, and its quotes, newest first.
    """
    entity, others = _one_entity(conn, name)
    ident = entity["id"]
    aliases = [{"alias": a, "count": c} for a, c in conn.execute(
        "SELECT alias, count FROM aliases WHERE entity = ? ORDER BY count DESC, alias",
        (ident,))]
    role_counts: Counter[str] = Counter()
    role_text: dict[str, str] = {}
    for (text,) in conn.execute("SELECT text FROM roles WHERE entity = ?", (ident,)):
        key = entity_key(text)
        role_counts[key] += 1
        role_text.setdefault(key, text)
    months = [{"month": m, "articles": a, "mentions": n} for m, a, n in conn.execute(
        "SELECT substr(a.day, 1, 7) AS month, count(*), sum(ae.mentions) "
        "FROM article_entities ae JOIN articles a ON a.id = ae.article "
        "WHERE ae.entity = ? AND a.day IS NOT NULL GROUP BY month ORDER BY month", (ident,))]
    together = [{"id": i, "type": t, "name": n, "articles": c} for i, t, n, c in conn.execute(
        "SELECT e.id, e.type, e.name, count(DISTINCT o.article) AS shared "
        "FROM article_entities me JOIN article_entities o ON o.article = me.article "
        "JOIN entities e ON e.id = o.entity WHERE me.entity = ? AND o.entity != ? "
        "GROUP BY e.id ORDER BY shared DESC, e.id LIMIT ?", (ident, ident, cooccurring))]
    said = quotes_of(conn, speaker=ident, limit=quotes)
    articles = [{"id": k, "title": t, "published": p, "source": s} for k, t, p, s in
                conn.execute(
                    "SELECT a.key, a.title, a.published, a.source FROM article_entities ae "
                    "JOIN articles a ON a.id = ae.article WHERE ae.entity = ? "
                    "ORDER BY a.day DESC, a.id DESC LIMIT 50", (ident,))]
    return {
        **entity,
        "aliases": aliases,
        "roles": [{"role": role_text[k], "count": c} for k, c in role_counts.most_common()],
        "months": months,
        "cooccurring": together,
        "quotes": said,
        "recent_articles": articles,
        "others": others,
    }


def quotes_of(conn: sqlite3.Connection, speaker: int | None = None,
              limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Stored quotes (of the entity ``speaker`` if given), newest first, with their text."""
    where = "WHERE q.speaker_entity = ?" if speaker is not None else ""
    params: list[Any] = [speaker] if speaker is not None else []
    rows = conn.execute(
        "SELECT a.key, a.title, a.published, a.source, q.local_id, q.kind, "
        "substr(a.text, q.span_start + 1, q.span_end - q.span_start), q.span_start, q.span_end, "
        "q.cue_text, q.speaker_name, q.speaker_entity, q.via_name, q.anonymous "
        f"FROM quotes q JOIN articles a ON a.id = q.article {where} "
        "ORDER BY a.day DESC, a.id DESC, q.span_start LIMIT ? OFFSET ?",
        [*params, limit, offset])
    return [{"article": k, "title": t, "published": p, "source": s, "id": qid, "kind": kind,
             "text": text, "start": qs, "end": qe, "cue": cue,
             "speaker": {"name": name, "ref": ref, "anonymous": bool(anon)}, "via": via}
            for (k, t, p, s, qid, kind, text, qs, qe, cue, name, ref, via, anon) in rows]


@functools.cache
def _back_words() -> frozenset[str]:
    return frozenset(normalize(w) for w in load_yaml("timeline")["not_after"])


def _points_back(text: str, sentence_start: int, start: int, words: str) -> bool:
    """Whether the date expression at ``start`` («منذ عقدين») says since when, not when."""
    before = text[sentence_start:start].split()
    first = normalize(words.split()[0]) if words.split() else ""
    back = _back_words()
    return first in back or (bool(before) and normalize(before[-1]) in back)


def timeline(conn: sqlite3.Connection, name: str, limit: int = 200) -> dict[str, Any]:
    """What the store says about entity ``name``, in date order.

    One entry a sentence that mentions it. Its date is that of a date expression in the same
    sentence when there is one (``date_from: "text"``), else the article's publication day
    (``"published"``).
    """
    entity, _ = _one_entity(conn, name)
    ident = entity["id"]
    entries: list[dict[str, Any]] = []
    rows = conn.execute(
        "SELECT a.id, a.key, a.title, a.source, a.day, a.text, a.analysis "
        "FROM article_entities ae JOIN articles a ON a.id = ae.article "
        "WHERE ae.entity = ? GROUP BY a.id", (ident,)).fetchall()
    for article_id, key, title, source, day, text, analysis in rows:
        sentences = loads(analysis).get("sentences", [])
        spans = conn.execute("SELECT span_start, span_end FROM mentions "
                             "WHERE article = ? AND entity = ? ORDER BY span_start",
                             (article_id, ident)).fetchall()
        times = conn.execute("SELECT span_start, text, value FROM times WHERE article = ? "
                             "AND type = 'DATE' ORDER BY span_start", (article_id,)).fetchall()
        for sentence in sentences:
            s, e = sentence["start"], sentence["end"]
            inside = [(ms, me) for ms, me in spans if s <= ms < e]
            if not inside:
                continue
            dated = next(((v, t) for ts, t, v in times
                          if s <= ts < e and v and _DATE_VALUE.match(v)
                          and not _points_back(text, s, ts, t)), None)
            entries.append({
                "date": dated[0] if dated else day, "date_from": "text" if dated else "published",
                "date_text": dated[1] if dated else None,
                "article": key, "title": title, "source": source, "published": day,
                "sentence": text[s:e], "start": s, "end": e,
                "mentions": [[ms, me] for ms, me in inside],
            })
    entries.sort(key=lambda x: (x["date"] or "9999", x["published"] or "", x["article"],
                                x["start"]))
    return {**entity, "entries": entries[:limit], "total": len(entries)}
