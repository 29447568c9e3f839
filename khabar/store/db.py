"""Opening a store: one SQLite file in WAL mode, its schema brought up to date.

The default store is ``$KHABAR_DB`` if set, else ``$XDG_DATA_HOME/khabar/khabar.db`` (by
default ``~/.local/share/khabar/khabar.db``); every command takes ``--db PATH``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import KhabarError
from .schema import FORMAT, MIGRATIONS


class StoreError(KhabarError):
    """A store that cannot be opened or used (missing, not a khabar store, too new…)."""


def default_path() -> Path:
    """Where the store lives when no ``--db`` is given."""
    env = os.environ.get("KHABAR_DB")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base).expanduser() / "khabar" / "khabar.db"


def connect(path: str | Path | None = None, create: bool = True) -> sqlite3.Connection:
    """A connection to the store at ``path`` (the default store if ``None``), migrated.

    With ``create=False`` a missing store is an error instead of being made.
    """
    path = Path(path) if path is not None else default_path()
    where = str(path)
    if path.is_dir():
        raise StoreError(f"{where}: is a folder; --db takes the path of a store file")
    if not path.exists():
        if not create:
            raise StoreError(
                f"{where}: no store here yet; fill one with `khabar ingest` or `khabar demo`")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{where}: cannot create its folder ({exc.strerror})") from None
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 10000")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{where}: not a khabar store ({exc})") from None
    if mode != "wal":
        raise StoreError(f"{where}: cannot use write-ahead logging (journal mode {mode})")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA temp_store = MEMORY")
    migrate(conn, where)
    return conn


def migrate(conn: sqlite3.Connection, where: str) -> None:
    """Apply the migrations ``conn`` lacks; refuse a foreign or newer database."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise StoreError(
            f"{where}: store schema version {version} is newer than this khabar knows "
            f"({len(MIGRATIONS)}); upgrade khabar")
    if version == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise StoreError(f"{where}: an SQLite database, but not a khabar store")
    elif conn.execute(
        "SELECT value FROM meta WHERE key = 'format'"
    ).fetchone() != (FORMAT,):
        raise StoreError(f"{where}: an SQLite database, but not a khabar store")
    for number in range(version, len(MIGRATIONS)):
        with transaction(conn):
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
            if number == 0:
                conn.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
            conn.execute(f"PRAGMA user_version = {number + 1}")


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script, split where SQLite says they end."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        code = line.split("--", 1)[0] if "--" in line else line
        buffer += code
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if statement:
                yield statement
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on an exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def add_db_argument(parser) -> None:  # type: ignore[no-untyped-def]
    """The ``--db PATH`` option every store command takes."""
    parser.add_argument(
        "--db", metavar="PATH",
        help="the store file (default: $KHABAR_DB, else "
        "$XDG_DATA_HOME/khabar/khabar.db, i.e. ~/.local/share/khabar/khabar.db)")


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """The logical content of a store, table by table, in a stable order (to compare stores).

    The full-text index is read back term by term (``fts5vocab``), so two stores compare equal
    when they index the same words at the same places, however SQLite laid out its segments.
    """
    out: dict[str, list[tuple]] = {}
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'article_fts%' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for name in names:
        out[name] = sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms "
                 "USING fts5vocab(main, article_fts, instance)")
    out["article_fts"] = conn.execute(
        "SELECT term, doc, col, offset FROM temp.fts_terms ORDER BY term, doc, col, offset"
    ).fetchall()
    return out
