"""``khabar search``: ranked full-text search of the store, with filters."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from ..readers import parse_published
from ..store import Filters, Store
from ..store.db import add_db_argument


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "search",
        help="search the stored articles (ranked, with highlighted snippets)",
        description="Search the store. Every word must match, in any spelling «الأمريكية» / "
        "«الأميركية», with or without diacritics and attached و ب ل ف ك; \"a phrase\" must "
        "match word for word; word* matches words that start with it.",
    )
    parser.add_argument("query", metavar="QUERY", help="words to search for ('' for none)")
    add_db_argument(parser)
    parser.add_argument("--entity", metavar="NAME", help="only articles that mention NAME")
    parser.add_argument("--source", metavar="S", help="only articles from source S")
    parser.add_argument("--from", dest="date_from", metavar="DATE",
                        help="only articles published on or after DATE (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="DATE",
                        help="only articles published on or before DATE (YYYY-MM-DD)")
    parser.add_argument("--limit", type=int, default=10, metavar="N",
                        help="results to show (default: %(default)s, at most 100)")
    parser.add_argument("--offset", type=int, default=0, metavar="N",
                        help="skip the first N results")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="output format (default: %(default)s)")
    return parser


def day(value: str | None, option: str) -> str | None:
    """``YYYY-MM-DD`` of a date option, or ``None``."""
    if not value:
        return None
    parsed = parse_published(value, option)
    return (parsed.date() if isinstance(parsed, datetime) else parsed).isoformat()


def highlighted(snippet: dict, marks: tuple[str, str]) -> str:
    """A snippet's text with its highlights between ``marks``."""
    text, base = snippet["text"], snippet["start"]
    out, last = [], 0
    for start, end in snippet["highlights"]:
        out.append(text[last:start - base])
        out.append(marks[0] + text[start - base:end - base] + marks[1])
        last = end - base
    out.append(text[last:])
    return " ".join("".join(out).split())


def run(args: argparse.Namespace) -> int:
    filters = Filters(entity=args.entity, source=args.source,
                      date_from=day(args.date_from, "--from"), date_to=day(args.date_to, "--to"))
    with Store(args.db, create=False) as store:
        result = store.search(args.query, filters, limit=args.limit, offset=args.offset)
    if args.format == "json":
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
        return 0
    marks = ("\033[1;33m", "\033[0m") if sys.stdout.isatty() else ("[", "]")
    shown = f"{args.offset + 1}–{args.offset + len(result.hits)} of " if result.hits else ""
    capped = (f" (ranked among the {result.ranked_among:,} stored last)"
              if result.ranked_among else "")
    print(f"{shown}{result.total:,} results for {args.query!r}{capped}")
    for number, hit in enumerate(result.hits, start=args.offset + 1):
        facts = " · ".join(x for x in (hit["source"], hit["day"], hit["id"]) if x)
        print(f"\n{number}. {hit['title'] or hit['id']}\n   {facts}")
        print(f"   {highlighted(hit['snippet'], marks)}")
        if hit["duplicates"]:
            also = ", ".join(f"{d['source'] or d['id']}" for d in hit["duplicates"][:5])
            print(f"   also published by: {also}")
    return 0
