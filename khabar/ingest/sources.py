"""What ``khabar ingest`` reads: files, folders, feeds (files or URLs) and article pages.

Every source becomes a stream of :class:`Record` (an article with the key it is stored under) and
:class:`~khabar.errors.RecordError` (a record that cannot be read: listed at the end, never
silently dropped). A source that cannot be read at all raises :class:`~khabar.errors.InputError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, RecordError
from ..model import Article
from ..readers import ReadOptions, decode, html_article, read_source
from ..store.prepare import text_hash
from .feeds import looks_like_feed, read_feed
from .fetch import fetch, is_url

#: File suffixes a folder is searched for.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson")
FEED_SUFFIXES = (".rss", ".atom", ".xml")


@dataclass(slots=True)
class Record:
    """An article read from a source, and the key it is stored under."""

    key: str
    article: Article
    where: str


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """How sources are read."""

    read: ReadOptions = field(default_factory=ReadOptions)
    allow_private: bool = False
    fetch_pages: bool = True


def key_of(article: Article) -> str:
    """The key of an article: its id, else a hash of its text."""
    return article.id or "sha256:" + text_hash(article.text).hex()[:16]


def walk(folder: Path) -> list[Path]:
    """The article and feed files under ``folder``, in a stable order (hidden ones skipped)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(
                    ARTICLE_SUFFIXES + FEED_SUFFIXES):
                found.append(Path(root) / name)
    return found


def count_records(sources: list[str]) -> int | None:
    """How many records the local sources hold (for the progress bar); ``None`` if unknown."""
    total = 0
    for source in sources:
        if is_url(source) or source == "-":
            return None
        path = Path(source)
        files = walk(path) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in (".jsonl", ".ndjson"):
                try:
                    with file.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    continue
            elif suffix in FEED_SUFFIXES:
                return None
            else:
                total += 1
    return total


def records(sources: list[str], options: SourceOptions) -> Iterator[Record | RecordError]:
    """Every record of ``sources``, in order; unreadable ones as :class:`RecordError`."""
    for source in sources:
        try:
            yield from _source(source, options)
        except InputError as exc:
            yield RecordError(exc.message, exc.where or source)


def _source(source: str, options: SourceOptions) -> Iterator[Record | RecordError]:
    if is_url(source):
        yield from _url(source, options)
        return
    path = Path(source)
    if source == "-" or not path.is_dir():
        yield from _file(source, options, key=None)
        return
    files = walk(path)
    if not files:
        yield RecordError(f"no {', '.join(ARTICLE_SUFFIXES + FEED_SUFFIXES)} files in the folder",
                          source)
    for file in files:
        relative = file.relative_to(path).with_suffix("").as_posix()
        try:
            yield from _file(str(file), options, key=relative)
        except InputError as exc:
            yield RecordError(exc.message, exc.where or str(file))


def _file(source: str, options: SourceOptions, key: str | None) -> Iterator[Record | RecordError]:
    path = Path(source)
    if source != "-" and path.is_file():
        with path.open("rb") as fh:
            head = fh.read(4096)
        if path.suffix.lower() in FEED_SUFFIXES or looks_like_feed(head):
            data = path.read_bytes()
            yield from _tag(read_feed(data, source, options.read, options.allow_private,
                                      options.fetch_pages), source, None)
            return
    yield from _tag(read_source(source, options.read), source, key)


def _url(url: str, options: SourceOptions) -> Iterator[Record | RecordError]:
    page = fetch(url, allow_private=options.allow_private)
    if looks_like_feed(page.data[:4096]) or "xml" in page.content_type:
        yield from _tag(read_feed(page.data, url, options.read, options.allow_private,
                                  options.fetch_pages), url, None)
        return
    article = html_article(decode(page.data, url), url)
    article.url = article.url or page.url
    article.id = page.url
    if article.published is None:
        article.published = options.read.published
    yield Record(key_of(article), article, url)


def _tag(items: Iterator[Article | RecordError], where: str,
         key: str | None) -> Iterator[Record | RecordError]:
    """Records from articles; a single-file source's key is ``key`` unless the record has an id."""
    for item in items:
        if isinstance(item, RecordError):
            yield item
            continue
        if key is not None and item.id == Path(where).stem:
            item.id = key
        yield Record(key_of(item), item, where)
