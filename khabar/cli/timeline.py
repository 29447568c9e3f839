"""``khabar timeline``: what the store says about an entity, in date order."""

from __future__ import annotations

import argparse
import json

from ..render.text import counted
from ..store import Store
from ..store.db import add_db_argument


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "timeline",
        help="the sentences about an entity in date order",
        description="Every stored sentence that mentions NAME, in date order: dated by a date "
        "in the sentence itself when it has one, else by the article's publication date.",
    )
    parser.add_argument("name", metavar="NAME")
    add_db_argument(parser)
    parser.add_argument("--limit", type=int, default=200, metavar="N")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def render(timeline: dict) -> str:
    """A timeline as text."""
    entries = counted(timeline["total"], "entry", "entries")
    lines = [f"# {timeline['name']} ({timeline['type']}): {entries}"]
    for entry in timeline["entries"]:
        sentence = " ".join(entry["sentence"].split())
        sentence = sentence if len(sentence) <= 200 else sentence[:199] + "…"
        how = f"«{entry['date_text']}»" if entry["date_from"] == "text" else "published"
        lines.append(f"{entry['date'] or '????'}  ({how}; {entry['article']})\n    {sentence}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    with Store(args.db, create=False) as store:
        timeline = store.timeline(args.name, args.limit)
    if args.format == "json":
        print(json.dumps(timeline, ensure_ascii=False, indent=1))
    else:
        print(render(timeline))
    return 0
