"""Writing prepared articles: new ones in full, duplicates as links, repeats not at all.

An article whose key is already stored with the same text is left alone (ingest is idempotent);
one whose text is already stored under another key, or whose MinHash estimate says it is the same
story at Jaccard ≥ :data:`NEAR_THRESHOLD`, is stored as a *link* to that article (its own id,
source, date and URL; no text, index or analysis of its own).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Literal

from .fold import fold
from .prepare import BANDS, Prepared, dumps, similarity

#: Estimated Jaccard similarity of word 3-grams above which two articles are one story.
NEAR_THRESHOLD = 0.8

Status = Literal["stored", "exact", "near", "present", "conflict"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one article."""

    status: Status
    #: The row id of the article, or of the article it duplicates.
    article: int
    #: The key of the article it duplicates (``exact``/``near``) or ``None``.
    duplicate_of: str | None = None
    similarity: float | None = None


def lookup(conn: sqlite3.Connection, key: str) -> tuple[int, bytes] | None:
    """``(row id, text hash)`` of the article stored under ``key``, or ``None``."""
    return conn.execute("SELECT id, text_hash FROM articles WHERE key = ?", (key,)).fetchone()


def add(conn: sqlite3.Connection, item: Prepared) -> Outcome:
    """Store ``item`` (inside the caller's transaction) and say what was done."""
    existing = lookup(conn, item.key)
    if existing is not None:
        status: Status = "present" if existing[1] == item.text_hash else "conflict"
        return Outcome(status, existing[0])
    row = conn.execute(
        "SELECT id, key FROM articles WHERE text_hash = ? AND duplicate_of IS NULL LIMIT 1",
        (item.text_hash,),
    ).fetchone()
    if row is not None:
        return _link(conn, item, row[0], row[1], 1.0, "exact")
    near = _near_duplicate(conn, item)
    if near is not None:
        return _link(conn, item, *near, "near")
    return Outcome("stored", _insert(conn, item))


def _near_duplicate(conn: sqlite3.Connection, item: Prepared) -> tuple[int, str, float] | None:
    if item.signature is None:
        return None
    wanted = set(enumerate(item.bands))
    candidates = {article for band, value, article in conn.execute(
        f"SELECT band, hash, article FROM minhash_bands WHERE hash IN "
        f"({', '.join('?' * len(item.bands))})", item.bands) if (band, value) in wanted}
    best: tuple[int, str, float] | None = None
    for article in sorted(candidates):
        signature, key = conn.execute(
            "SELECT m.signature, a.key FROM minhash m JOIN articles a ON a.id = m.article "
            "WHERE m.article = ?", (article,)).fetchone()
        score = similarity(item.signature, signature)
        if score >= NEAR_THRESHOLD and (best is None or score > best[2]):
            best = (article, key, score)
    return best


def _link(conn: sqlite3.Connection, item: Prepared, target: int, target_key: str,
          score: float, status: Status) -> Outcome:
    conn.execute(
        "INSERT INTO articles (key, title, source, url, published, day, text, text_hash, words,"
        " duplicate_of, similarity) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)",
        (item.key, item.title, item.source, item.url, item.published, item.day,
         item.text_hash, item.words, target, round(score, 4)),
    )
    return Outcome(status, target, target_key, round(score, 4))


def _insert(conn: sqlite3.Connection, item: Prepared) -> int:
    data = item.analysis
    cursor = conn.execute(
        "INSERT INTO articles (key, title, source, url, published, day, text, text_hash, words,"
        " analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (item.key, item.title, item.source, item.url, item.published, item.day, item.text,
         item.text_hash, item.words, dumps(data)),
    )
    article = cursor.lastrowid
    assert article is not None
    conn.execute("INSERT INTO article_fts (rowid, title, body, alt) VALUES (?, ?, ?, ?)",
                 (article, item.index.title, item.index.body, item.index.alt))
    if item.signature is not None:
        conn.execute("INSERT INTO minhash VALUES (?, ?)", (article, item.signature))
        conn.executemany("INSERT OR IGNORE INTO minhash_bands (band, hash, article) "
                         "VALUES (?, ?, ?)",
                         [(b, h, article) for b, h in zip(range(BANDS), item.bands, strict=True)])
    entities = _write_entities(conn, article, data.get("entities") or [])
    _write_quotes(conn, article, data.get("quotes") or [], entities)
    conn.executemany(
        "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(article, t["start"], t["end"], t["text"], t["type"], t.get("value"), t.get("mod"))
         for t in data.get("times") or []])
    conn.executemany(
        "INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(article, q["start"], q["end"], q["text"], q["value"], q.get("unit"),
          int(bool(q.get("approx")))) for q in data.get("quantities") or []])
    return article


def entity_key(name: str) -> str:
    """How entity names are compared across articles: folded, white space collapsed."""
    return " ".join(fold(name).split())


def resolve_entity(conn: sqlite3.Connection, type_: str, name: str) -> int:
    """The id of the stored entity called ``name`` (by name, then by alias), made if new."""
    key = entity_key(name)
    row = conn.execute("SELECT id FROM entities WHERE key = ? AND type = ?",
                       (key, type_)).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT a.entity FROM aliases a JOIN entities e ON e.id = a.entity "
            "WHERE a.key = ? AND e.type = ? ORDER BY a.count DESC, a.entity LIMIT 1",
            (key, type_)).fetchone()
    if row is not None:
        return row[0]
    cursor = conn.execute("INSERT INTO entities (type, key, name) VALUES (?, ?, ?)",
                          (type_, key, name))
    entity = cursor.lastrowid
    assert entity is not None
    conn.execute("INSERT INTO aliases (entity, key, alias, count) VALUES (?, ?, ?, 0)",
                 (entity, key, name))
    return entity


def _write_entities(conn: sqlite3.Connection, article: int,
                    entities: list[dict[str, Any]]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for entity in entities:
        name = entity.get("name") or ""
        if not name.strip():
            continue
        stored = resolve_entity(conn, entity["type"], name)
        ids[entity["id"]] = stored
        mentions = entity.get("mentions") or []
        conn.execute("INSERT OR REPLACE INTO article_entities VALUES (?, ?, ?, ?, ?)",
                     (article, entity["id"], stored, name, len(mentions)))
        conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
                         [(article, stored, m["start"], m["end"], m["text"]) for m in mentions])
        for mention in mentions:
            conn.execute(
                "INSERT INTO aliases (entity, key, alias) VALUES (?, ?, ?) "
                "ON CONFLICT (key, entity) DO UPDATE SET count = count + 1",
                (stored, entity_key(mention["text"]), mention["text"]))
        conn.executemany("INSERT INTO roles VALUES (?, ?, ?, ?, ?)",
                         [(article, stored, r["start"], r["end"], r["text"])
                          for r in entity.get("roles") or []])
    return ids


def _write_quotes(conn: sqlite3.Connection, article: int, quotes: list[dict[str, Any]],
                  entities: dict[str, int]) -> None:
    rows = []
    for quote in quotes:
        cue = quote.get("cue") or {}
        speaker = quote.get("speaker") or {}
        via = quote.get("via") or {}
        rows.append((
            article, quote["id"], quote["kind"], quote["start"], quote["end"],
            cue.get("start"), cue.get("end"), cue.get("text"),
            speaker.get("name") or None, entities.get(speaker.get("entity") or ""),
            speaker.get("entity"), speaker.get("start"), speaker.get("end"),
            int(bool(speaker.get("anonymous"))),
            via.get("name"), entities.get(via.get("entity") or ""), via.get("entity"),
        ))
    conn.executemany(f"INSERT OR REPLACE INTO quotes VALUES ({', '.join('?' * 17)})", rows)
