"""RSS and Atom feeds (feedparser): one article an entry, its page read by trafilatura."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime

from ..errors import InputError, RecordError
from ..model import Article
from ..readers import ReadOptions, check_arabic, decode, html_article, parse_published
from .fetch import fetch, is_url

_FEED_MARKS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(head: bytes) -> bool:
    """Whether a document starting with ``head`` is an RSS/Atom feed."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    return any(mark in start for mark in _FEED_MARKS)


def _published(entry: dict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    for key in ("published", "updated"):
        if entry.get(key):
            try:
                value = parse_published(entry[key])
            except InputError:
                continue
            return value if isinstance(value, datetime) else None
    return None


def _feed_text(entry: dict, where: str) -> str | None:
    """The article text the feed itself carries for ``entry`` (HTML content or summary)."""
    bodies = [c.get("value", "") for c in entry.get("content") or []]
    bodies.append(entry.get("summary", ""))
    for body in bodies:
        if body and body.strip():
            try:
                return html_article(f"<html><body>{body}</body></html>", where).text
            except InputError:
                return body if "<" not in body else None
    return None


def read_feed(data: bytes, where: str, options: ReadOptions, allow_private: bool = False,
              fetch_pages: bool = True) -> Iterator[Article | RecordError]:
    """The articles of a feed document; each entry's page is fetched when it has a link.

    When a page cannot be fetched or has no article text, the text the feed carries is used;
    when there is none either, the entry is a :class:`RecordError`.
    """
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.entries:
        raise InputError(f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})", where)
    source = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        entry_where = f"{where}#{number}" + (f" ({link})" if link else "")
        try:
            yield _entry_article(entry, entry_where, source, options, allow_private,
                                 fetch_pages)
        except InputError as exc:
            yield RecordError(exc.message, exc.where or entry_where)


def _entry_article(entry: dict, where: str, source: str | None, options: ReadOptions,
                   allow_private: bool, fetch_pages: bool) -> Article:
    link = entry.get("link")
    article: Article | None = None
    problem: str | None = None
    if fetch_pages and link and is_url(link):
        try:
            page = fetch(link, allow_private=allow_private)
            article = html_article(decode(page.data, link), link)
        except InputError as exc:
            problem = str(exc)
    if article is None:
        text = _feed_text(entry, where)
        if not text:
            if problem is None:
                problem = ("the entry carries no text, and pages are not fetched (--no-fetch)"
                           if link else "the entry has no text and no link to fetch")
            raise RecordError(problem, where)
        article = Article(text=text)
    article.id = entry.get("id") or link or article.id
    article.title = (entry.get("title") or "").strip() or article.title
    article.url = link or article.url
    article.source = source or article.source
    article.published = _published(entry) or article.published or options.published
    if len(article.text) > options.max_chars:
        raise RecordError(f"article is {len(article.text):,} characters, over the limit", where)
    if options.require_arabic:
        check_arabic(article.text, None)
    return article
