"""The store's SQLite schema, as numbered migrations.

``PRAGMA user_version`` is the number of migrations applied. Opening a store applies the missing
ones, each in its own transaction; a store made by a newer khabar is refused. Never edit a
migration that has shipped: add a new one.
"""

from __future__ import annotations

#: Written into ``meta`` so that khabar knows a file is one of its stores.
FORMAT = "khabar.store"

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, full-text index, near-duplicate signatures, entities, quotes, times.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,          -- the article's id as given (or derived from input)
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT,                    -- ISO date or date-time, as given
        day TEXT,                          -- YYYY-MM-DD of published, for date filters
        text TEXT,                         -- NULL for a duplicate (see duplicate_of)
        text_hash BLOB NOT NULL,           -- SHA-256 of the normalised text
        words INTEGER NOT NULL DEFAULT 0,
        duplicate_of INTEGER REFERENCES articles(id),
        similarity REAL,                   -- estimated Jaccard with duplicate_of (1 = exact)
        analysis BLOB                      -- zlib-compressed JSON: the analysis, less text
    );
    CREATE INDEX articles_hash ON articles(text_hash);
    CREATE INDEX articles_day ON articles(day);
    CREATE INDEX articles_source ON articles(source);
    CREATE INDEX articles_filter ON articles(id, day, source);  -- search filters, compact
    CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

    CREATE VIRTUAL TABLE article_fts USING fts5(
        title, body, alt, content='', tokenize="unicode61 tokenchars '.'"
    );

    CREATE TABLE minhash (
        article INTEGER PRIMARY KEY REFERENCES articles(id),
        signature BLOB NOT NULL
    );
    CREATE TABLE minhash_bands (
        band INTEGER NOT NULL, hash INTEGER NOT NULL, article INTEGER NOT NULL,
        PRIMARY KEY (hash, band, article)
    ) WITHOUT ROWID;

    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        key TEXT NOT NULL,                 -- folded name
        name TEXT NOT NULL,
        UNIQUE (key, type)
    );
    CREATE TABLE aliases (
        entity INTEGER NOT NULL REFERENCES entities(id),
        key TEXT NOT NULL,                 -- folded alias
        alias TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (key, entity)
    ) WITHOUT ROWID;
    CREATE INDEX aliases_entity ON aliases(entity);
    CREATE TABLE article_entities (
        article INTEGER NOT NULL REFERENCES articles(id),
        local_id TEXT NOT NULL,            -- E1, E2… in the article's analysis
        entity INTEGER NOT NULL REFERENCES entities(id),
        name TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article, local_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_entities_entity ON article_entities(entity, article);
    CREATE TABLE mentions (
        article INTEGER NOT NULL REFERENCES articles(id),
        entity INTEGER NOT NULL REFERENCES entities(id),
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX mentions_article ON mentions(article, span_start);
    CREATE INDEX mentions_entity ON mentions(entity);
    CREATE TABLE roles (
        article INTEGER NOT NULL REFERENCES articles(id),
        entity INTEGER NOT NULL REFERENCES entities(id),
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX roles_entity ON roles(entity);
    CREATE INDEX roles_article ON roles(article);
    CREATE TABLE quotes (
        article INTEGER NOT NULL REFERENCES articles(id),
        local_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
        cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
        speaker_name TEXT,
        speaker_entity INTEGER REFERENCES entities(id),
        speaker_local TEXT,
        speaker_start INTEGER, speaker_end INTEGER,
        anonymous INTEGER NOT NULL DEFAULT 0,
        via_name TEXT,
        via_entity INTEGER REFERENCES entities(id),
        via_local TEXT,
        PRIMARY KEY (article, local_id)
    ) WITHOUT ROWID;
    CREATE INDEX quotes_speaker ON quotes(speaker_entity);
    CREATE TABLE times (
        article INTEGER NOT NULL REFERENCES articles(id),
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
        text TEXT NOT NULL, type TEXT NOT NULL, value TEXT, mod TEXT
    );
    CREATE INDEX times_article ON times(article, span_start);
    CREATE TABLE quantities (
        article INTEGER NOT NULL REFERENCES articles(id),
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
        text TEXT NOT NULL, value NUMERIC NOT NULL, unit TEXT, approx INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX quantities_article ON quantities(article, span_start);
    """,
)
