"""The corpus store: analysed articles in one SQLite file, searchable and browsable.

>>> from khabar.store import Store
>>> store = Store("news.db")                                     # doctest: +SKIP
>>> store.add(khabar.analyze(article))                           # doctest: +SKIP
>>> store.search("الأمريكية").hits                               # doctest: +SKIP

Modules: :mod:`.db` (opening, WAL, migrations), :mod:`.schema`, :mod:`.prepare` (an analysis
made ready to store), :mod:`.write` (dedup and writing), :mod:`.search`, :mod:`.read` (articles,
entities, timelines, quotes), :mod:`.fold`/:mod:`.index`/:mod:`.query` (Arabic search forms).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..model import Analysis
from . import read
from .db import StoreError, connect, default_path, transaction
from .prepare import Prepared, prepare
from .search import Filters, SearchResult, search
from .write import Outcome, add, lookup

__all__ = ["Filters", "Outcome", "Prepared", "SearchResult", "Store", "StoreError",
           "default_path", "prepare"]


class Store:
    """A store file, opened (and created or migrated) once."""

    def __init__(self, path: str | Path | None = None, create: bool = True) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.conn: sqlite3.Connection = connect(self.path, create=create)

    def close(self) -> None:
        """Close the connection (checkpointing the write-ahead log)."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Group writes: all of them happen, or none."""
        with transaction(self.conn):
            yield self

    def add(self, item: Analysis | Prepared, key: str | None = None) -> Outcome:
        """Store one analysed article (its own transaction unless inside :meth:`transaction`)."""
        prepared = item if isinstance(item, Prepared) else prepare(item, key)
        if self.conn.in_transaction:
            return add(self.conn, prepared)
        with transaction(self.conn):
            return add(self.conn, prepared)

    def lookup(self, key: str) -> tuple[int, bytes] | None:
        """``(row id, text hash)`` of the article stored under ``key``."""
        return lookup(self.conn, key)

    def search(self, query: str, filters: Filters | None = None, limit: int = 10,
               offset: int = 0) -> SearchResult:
        """Ranked search; see :func:`khabar.store.search.search`."""
        return search(self.conn, query, filters, limit, offset)

    def article(self, key: str) -> dict[str, Any]:
        """A stored article as ``khabar.analysis/1``."""
        return read.article(self.conn, key)

    def articles(self, limit: int = 20, offset: int = 0,
                 source: str | None = None) -> list[dict[str, Any]]:
        """Stored articles, newest first."""
        return read.list_articles(self.conn, limit, offset, source)

    def entities(self, name: str) -> list[dict[str, Any]]:
        """Entities called ``name`` (or ``#ID``)."""
        return read.find_entities(self.conn, name)

    def entity(self, name: str) -> dict[str, Any]:
        """The entity page of ``name``."""
        return read.entity_page(self.conn, name)

    def timeline(self, name: str, limit: int = 200) -> dict[str, Any]:
        """The timeline of ``name``."""
        return read.timeline(self.conn, name, limit)

    def quotes(self, speaker: str | None = None, limit: int = 20,
               offset: int = 0) -> list[dict[str, Any]]:
        """Stored quotes, of ``speaker`` (a name or ``#ID``) if given."""
        ref = None
        if speaker:
            found = read.find_entities(self.conn, speaker)
            if not found:
                raise StoreError(f"no entity called {speaker!r} in the store")
            ref = found[0]["id"]
        return read.quotes_of(self.conn, ref, limit, offset)

    def stats(self) -> dict[str, int]:
        """How much the store holds."""
        return read.stats(self.conn)
