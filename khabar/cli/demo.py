"""``khabar demo``: store the built-in example articles and show what khabar does with them."""

from __future__ import annotations

import argparse
import shlex
import sys

from ..analyze import analyze
from ..ingest import IngestOptions, SourceOptions, ingest
from ..model import Article
from ..readers import ReadOptions, read_source
from ..render.text import counted
from ..resources import data_path
from ..store import Store
from ..store.db import add_db_argument
from .entity import render as render_entity
from .search import highlighted
from .timeline import render as render_timeline

#: The article whose analysis the tour shows, and the search it runs (in the other spelling of
#: «الأميركية» than some articles use, to show that spelling does not matter).
SHOWN = "jordan-syria-water"
QUERY = "الوكالة الأمريكية"


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "demo",
        help="store the example articles and tour the result (analysis, search, entity, timeline)",
        description="Ingest the example articles shipped with khabar into a store, then show "
        "the analysis of one, a search, an entity page and a timeline. Offline, in seconds.",
    )
    add_db_argument(parser)
    return parser


def _heading(title: str) -> None:
    print(f"\n{'═' * 8} {title} {'═' * max(4, 60 - len(title))}")


def run(args: argparse.Namespace) -> int:
    from ..render.text import render_text

    examples = str(data_path("examples", "articles.jsonl"))
    with Store(args.db) as store:
        report = ingest(store, [examples], SourceOptions(ReadOptions(format="jsonl")),
                        IngestOptions(progress=False))
        _heading("1. ingest")
        print(f"khabar ingest {examples}\n{report.summary()} → {store.path}")
        for key, target, score in report.links:
            print(f"  linked {key} → {target} (the same story, {score:.0%} similar)")
        for where, message in report.errors:
            print(f"  skipped {where}: {message}", file=sys.stderr)

        article = next(a for a in read_source(examples, ReadOptions(format="jsonl"))
                       if isinstance(a, Article) and a.id == SHOWN)
        _heading(f"2. khabar analyze --example  ({SHOWN})")
        print(render_text(analyze(article)).rstrip())

        _heading(f"3. khabar search {shlex.quote(QUERY)}")
        result = store.search(QUERY, limit=5)
        print(f"{counted(result.total, 'result')} (the words are searched in every spelling)")
        for hit in result.hits:
            print(f"- {hit['title']}  [{hit['day']}, {hit['id']}]")
            print(f"  {highlighted(hit['snippet'], ('[', ']'))}")

        top = store.conn.execute(
            "SELECT e.name FROM entities e JOIN article_entities ae ON ae.entity = e.id "
            "WHERE e.type = 'PER' GROUP BY e.id ORDER BY count(*) DESC, sum(ae.mentions) DESC, "
            "e.id LIMIT 1").fetchone()
        if top is None:
            _heading("4. khabar entity / khabar timeline")
            print("No people found in the examples: the entity analyser is not installed.")
        else:
            name = top[0]
            _heading(f"4. khabar entity {shlex.quote(name)}")
            print(render_entity(store.entity(name)))
            _heading(f"5. khabar timeline {shlex.quote(name)}")
            print(render_timeline(store.timeline(name, limit=8)))
        db = f" --db {shlex.quote(str(args.db))}" if args.db else ""
        _heading("browse")
        print(f"khabar serve{db}    # then open http://127.0.0.1:8000/ (API docs at /docs)")
    return 1 if report.errors else 0
