"""``khabar entity``: what the store knows about a person, organisation or place."""

from __future__ import annotations

import argparse
import json

from ..render.text import counted
from ..store import Store
from ..store.db import add_db_argument


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "entity",
        help="an entity's page: aliases, roles, mentions over time, co-occurring entities, quotes",
        description="Everything the store knows about the entity called NAME (any spelling, "
        "any of its aliases; #ID for an entity by its id).",
    )
    parser.add_argument("name", metavar="NAME")
    add_db_argument(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def render(page: dict) -> str:
    """An entity page as text."""
    lines = [f"# {page['name']} ({page['type']}, #{page['id']}): "
             f"{counted(page['mentions'], 'mention')} in {counted(page['articles'], 'article')}"]
    aliases = [a["alias"] for a in page["aliases"] if a["alias"] != page["name"]]
    if aliases:
        lines.append("also called: " + "، ".join(aliases[:10]))
    if page["roles"]:
        lines.append("roles: " + "؛ ".join(f"{r['role']} ×{r['count']}" for r in page["roles"][:8]))
    if page["months"]:
        lines.append("\n## Mentions over time")
        peak = max(m["mentions"] for m in page["months"]) or 1
        for month in page["months"]:
            bar = "█" * max(1, round(20 * month["mentions"] / peak))
            lines.append(f"{month['month']}  {bar} {month['mentions']} ({month['articles']} art.)")
    if page["cooccurring"]:
        lines.append("\n## Appears with")
        lines.extend(f"- {e['name']} ({e['type']}) in {counted(e['articles'], 'article')}"
                     for e in page["cooccurring"][:10])
    if page["quotes"]:
        lines.append(f"\n## Quotes ({len(page['quotes'])} latest)")
        for quote in page["quotes"][:10]:
            text = " ".join(quote["text"].split())
            text = text if len(text) <= 160 else text[:159] + "…"
            lines.append(f"- {quote['published'] or ''} [{quote['kind']}] «{text}» "
                         f"({quote['article']})")
    if page["others"]:
        lines.append("\nOther entities by that name: " + ", ".join(
            f"{o['name']} ({o['type']}, #{o['id']})" for o in page["others"]))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    with Store(args.db, create=False) as store:
        page = store.entity(args.name)
    if args.format == "json":
        print(json.dumps(page, ensure_ascii=False, indent=1))
    else:
        print(render(page))
    return 0
