"""Reading articles from files and streams: plain text, HTML pages and JSONL.

Every command reads input through here, so bad input gets the same treatment everywhere: a
file-level problem (missing, binary, not UTF-8, empty, too large) raises an
:class:`~khabar.errors.InputError` naming the file; a bad record in a JSONL batch is *yielded* as
a :class:`~khabar.errors.RecordError` naming the file and line, and reading goes on.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from .errors import (
    BinaryInputError,
    DateError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    NotArabicError,
    RecordError,
)
from .model import Article
from .options import DEFAULT_MAX_CHARS

#: Bytes a character takes at most in UTF-8: a file over ``4 × max_chars`` bytes is too large
#: whatever it holds.
_UTF8_MAX = 4
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06d5\ufb50-\ufdff\ufe70-\ufefc]")
_ANY_LETTER = re.compile(r"[^\W\d_]")
#: What ``ReadOptions.format`` can be (``None``: decide from the name and the content).
INPUT_FORMATS = ("text", "html", "json", "jsonl")
#: Least share of Arabic among the letters of an article.
MIN_ARABIC_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read input (how to *analyse* it is :class:`khabar.Options`)."""

    #: Publication date for articles that carry none of their own.
    published: date | datetime | None = None
    #: One of :data:`INPUT_FORMATS`; ``None`` to decide from the name and content.
    format: str | None = None
    #: Largest article, in characters.
    max_chars: int = DEFAULT_MAX_CHARS
    #: Refuse articles with too little Arabic (:data:`MIN_ARABIC_SHARE` of their letters).
    require_arabic: bool = True


def parse_published(value: object, where: str | None = None) -> date | datetime:
    """A publication date from ``YYYY-MM-DD`` or an ISO 8601 date-time (with or without offset)."""
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str) or not value.strip():
        raise DateError(
            f"{value!r} is not a date (expected YYYY-MM-DD or ISO 8601)", where
        )
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise DateError(
            f"{value!r} is not a date (expected YYYY-MM-DD or ISO 8601)", where
        ) from None


def check_arabic(text: str, where: str | None) -> None:
    """Raise :class:`NotArabicError` when too few of the letters of ``text`` are Arabic."""
    letters = len(_ANY_LETTER.findall(text))
    arabic = len(_ARABIC_LETTER.findall(text))
    if letters == 0 or arabic < MIN_ARABIC_SHARE * letters:
        share = f"{arabic:,} of {letters:,} letters are Arabic"
        raise NotArabicError(f"not Arabic text ({share}); khabar analyses Arabic news", where)


def decode(data: bytes, where: str, record: bool = False) -> str:
    """``data`` as text; a clear error for binary data and invalid UTF-8.

    UTF-8 is expected; UTF-16 with a byte-order mark (what some Windows editors save) is read
    too. ``record`` says ``data`` is one line of a JSONL file (``where`` then names the line).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and \
            not data.startswith(codecs.BOM_UTF32_LE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise EncodingError("not valid UTF-16 despite its byte-order mark", where) from None
    if b"\x00" in data[:65536]:
        raise BinaryInputError("binary data, not text (it contains NUL bytes)", where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        controls = sum(1 for b in data[:4096] if b < 9 or 13 < b < 32)
        if controls > 16:
            raise BinaryInputError("binary data, not text", where) from None
        if record:
            position = f"byte {exc.start:,} of the line"
        else:
            line = data.count(b"\n", 0, exc.start) + 1
            position = f"byte {exc.start:,}, line {line}"
        raise EncodingError(
            f"not valid UTF-8 ({position}); convert it first, e.g. "
            "with `iconv -f WINDOWS-1256 -t UTF-8`",
            where,
        ) from None
    return text.removeprefix("\ufeff")


def sniff_format(name: str, head: bytes) -> str:
    """``"jsonl"``, ``"json"``, ``"html"`` or ``"text"`` from a file name and its first bytes.

    ``json`` is one JSON document: an article object (pretty-printed or not) or an array of them.
    """
    suffix = Path(name).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        first, newline, _ = start.partition(b"\n")
        if not newline:
            return "jsonl"
        try:
            json.loads(first)
        except ValueError:
            return "json"  # an object spread over several lines
        return "jsonl"
    lowered = start[:1024].lower()
    if start.startswith(b"<") and (b"<html" in lowered or b"<!doctype" in lowered or
                                   b"<body" in lowered or b"<p" in lowered):
        return "html"
    return "text"


def read_source(source: str, options: ReadOptions | None = None) -> Iterator[Article | RecordError]:
    """Articles from a path or ``-`` (standard input).

    Yields :class:`Article` objects, and :class:`RecordError` objects for JSONL records that
    cannot be read (the caller reports them and goes on). Raises :class:`InputError` for a
    problem with the source as a whole.
    """
    options = options or ReadOptions()
    if source == "-":
        stream = sys.stdin.buffer
        yield from _read_stream(stream, "<stdin>", options)
        return
    path = Path(source)
    if not path.exists():
        raise InputError("no such file", source)
    if path.is_dir():
        raise InputError("is a folder, not a file (`khabar ingest` reads folders)", source)
    with path.open("rb") as stream:
        yield from _read_stream(stream, source, options, size=path.stat().st_size)


def _read_stream(stream: BinaryIO, where: str, options: ReadOptions,
                 size: int | None = None) -> Iterator[Article | RecordError]:
    head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
    fmt = options.format or sniff_format(where, head)
    if fmt == "jsonl":
        yield from read_jsonl(stream, where, options)
        return
    if fmt == "json":
        yield from read_json(stream, where, options)
        return
    limit = options.max_chars * _UTF8_MAX
    if size is not None and size > limit:
        raise InputTooLargeError(
            f"{size:,} bytes, over the limit of {options.max_chars:,} characters "
            "(split it, or raise --max-chars)",
            where,
        )
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(
            f"over the limit of {options.max_chars:,} characters (split it, or raise --max-chars)",
            where,
        )
    text = decode(data, where)
    if not text.strip():
        raise EmptyInputError("empty: there is no text to analyse", where)
    article = html_article(text, where) if fmt == "html" else Article(text=text)
    if article.published is None:
        article.published = options.published
    if article.id is None and where != "<stdin>":
        article.id = Path(where).stem
    _check_article(article, where, options)
    yield article


def _check_article(article: Article, where: str, options: ReadOptions) -> None:
    if len(article.text) > options.max_chars:
        raise InputTooLargeError(
            f"article is {len(article.text):,} characters, over the limit of "
            f"{options.max_chars:,} (split it, or raise --max-chars)",
            where,
        )
    if options.require_arabic:
        check_arabic(article.text, where)


def html_article(html: str, where: str) -> Article:
    """The main text, title and date of an HTML page (by trafilatura)."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc = result.as_dict() if result is not None else {}
    text = doc.get("text") or ""
    if not text.strip():
        raise EmptyInputError("no article text found in the HTML page", where)
    published = None
    if doc.get("date"):
        try:
            published = parse_published(doc["date"])
        except DateError:
            published = None
    return Article(text=text, title=doc.get("title") or None, published=published,
                   url=doc.get("url") or None, source=doc.get("sitename") or None)


def read_jsonl(stream: BinaryIO, where: str,
               options: ReadOptions) -> Iterator[Article | RecordError]:
    """Articles from JSONL, one per line; bad lines come out as :class:`RecordError`."""
    seen_any = False
    for number, raw in enumerate(stream, start=1):
        item = jsonl_record(raw, f"{where}:{number}", options)
        if item is not None:
            seen_any = True
            yield item
    if not seen_any:
        raise EmptyInputError("empty: there are no records to analyse", where)


def jsonl_record(raw: bytes, where: str, options: ReadOptions) -> Article | RecordError | None:
    """One line of a JSONL file (``where`` is ``FILE:LINE``): its :class:`Article`, a
    :class:`RecordError` when it cannot be read, or ``None`` for a blank line.

    :func:`read_jsonl` and the Spark job (:mod:`khabar.distributed`) both read lines with it, so a
    record reads the same, with the same message, wherever it is analysed.
    """
    if not raw.strip():
        return None
    if len(raw) > options.max_chars * _UTF8_MAX:
        return RecordError(f"record of {len(raw):,} bytes is over the size limit", where)
    try:
        record = json.loads(decode(raw, where, record=True))
        return article_from_record(record, where, options)
    except json.JSONDecodeError as exc:
        return RecordError(f"invalid JSON ({exc.msg} at column {exc.colno})", where)
    except InputError as exc:
        return RecordError(exc.message if exc.where == where else str(exc), where)


#: How many articles' worth of bytes a single JSON document may hold (JSONL has no such limit).
_JSON_ARTICLES = 50


def read_json(stream: BinaryIO, where: str,
              options: ReadOptions) -> Iterator[Article | RecordError]:
    """Articles from one JSON document: an object, or an array of objects (``FILE[i]`` in
    messages); a bad item is yielded as :class:`RecordError`, like a bad JSONL line."""
    limit = options.max_chars * _UTF8_MAX * _JSON_ARTICLES
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError("too large for one JSON document; write it as JSONL, one "
                                 "article a line", where)
    text = decode(data, where)
    if not text.strip():
        raise EmptyInputError("empty: there is no text to analyse", where)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg}, line {exc.lineno} column {exc.colno})",
                         where) from None
    items = document if isinstance(document, list) else [document]
    if not items:
        raise EmptyInputError("empty: the JSON array holds no articles", where)
    for i, item in enumerate(items):
        item_where = f"{where}[{i}]" if isinstance(document, list) else where
        try:
            yield article_from_record(item, item_where, options)
        except InputError as exc:
            yield RecordError(exc.message if exc.where == item_where else str(exc), item_where)


def article_from_record(record: object, where: str, options: ReadOptions) -> Article:
    """An :class:`Article` from one JSON object (``text`` required)."""
    if not isinstance(record, dict):
        raise RecordError("a record must be a JSON object with a \"text\" field", where)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RecordError("no \"text\" field, or it is empty", where)
    published = options.published
    for key in ("published", "date"):
        if record.get(key) not in (None, ""):
            published = parse_published(record[key], f"field {key!r}")
            break
    for key in ("text", "id", "title", "source", "url"):
        _check_surrogates(record.get(key), key, where)
    ident = record.get("id")
    article = Article(
        text=text,
        id=str(ident) if ident is not None else None,
        title=_optional_str(record, "title"),
        published=published,
        source=_optional_str(record, "source"),
        url=_optional_str(record, "url"),
    )
    _check_article(article, None, options)
    return article


#: A UTF-16 surrogate code point: a JSON escape such as ``\\ud800`` with no partner.
_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(value: str) -> int:
    """Where ``value`` holds a lone surrogate (which a JSON escape can give, and which is not
    Unicode text: nothing holding it can be written out as UTF-8), or -1."""
    found = _SURROGATE.search(value)
    return found.start() if found else -1


def _check_surrogates(value: object, key: str, where: str) -> None:
    if isinstance(value, str) and (at := lone_surrogate(value)) >= 0:
        raise RecordError(f"field {key!r} holds a lone surrogate (\\u{ord(value[at]):04x}) at "
                          f"character {at}: not valid Unicode", where)


def _optional_str(record: dict, key: str) -> str | None:
    value = record.get(key)
    return None if value is None else str(value)
