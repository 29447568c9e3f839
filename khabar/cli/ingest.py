"""``khabar ingest``: files, folders, feeds and pages into the store."""

from __future__ import annotations

import argparse
import os
import sys

from ..ingest import IngestOptions, SourceOptions, ingest
from ..options import Options
from ..store import Store
from ..store.db import add_db_argument
from . import add_reading_arguments, reading_options


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "ingest",
        help="analyse articles and add them to the store (files, folders, RSS/Atom feeds, URLs)",
        description="Analyse articles and store them: .txt/.html/.jsonl files, folders of them, "
        "RSS/Atom feeds (a file or a URL; each entry's page is fetched and read), or article "
        "pages by URL. The same story republished is linked to the stored one, not stored "
        "twice; ingesting the same input again adds nothing; a killed ingest can be rerun.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="file, folder, feed file, URL, or - for standard input")
    add_db_argument(parser)
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="analyse in N processes (default: 1; 0 = one per core)")
    parser.add_argument("--allow-private", action="store_true",
                        help="allow fetching from private and loopback addresses")
    parser.add_argument("--no-fetch", action="store_true",
                        help="for feeds, use the text the feed carries; do not fetch pages")
    add_reading_arguments(parser, input_format=False)
    parser.add_argument("--batch", type=int, default=IngestOptions().batch, metavar="N",
                        help="articles written per transaction (default: %(default)s)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show a progress bar (default: when standard error is a terminal)")
    return parser


def run(args: argparse.Namespace) -> int:
    read = reading_options(args)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    options = IngestOptions(analysis=Options(include_tokens=False, max_chars=args.max_chars),
                            jobs=jobs, batch=max(1, args.batch), progress=args.progress)
    with Store(args.db) as store:
        report = ingest(store, args.sources,
                        SourceOptions(read, args.allow_private, not args.no_fetch), options)
        where = store.path
    for key, target, score in report.links[:20]:
        kind = "same text" if score >= 1.0 else f"near duplicate, {score:.0%}"
        print(f"linked {key} → {target} ({kind})", file=sys.stderr)
    if len(report.links) > 20:
        print(f"… and {len(report.links) - 20:,} more duplicates linked", file=sys.stderr)
    for where_, message in report.errors:
        print(f"khabar: skipped {where_}: {message}", file=sys.stderr)
    print(f"{report.summary()} → {where}")
    return 1 if report.errors else 0
