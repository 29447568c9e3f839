"""``khabar evaluate``: score khabar against hand-annotated gold files."""

from __future__ import annotations

import argparse
import json
import sys

from ..evaluate import evaluate_files, format_report


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "evaluate",
        help="score analyses against khabar.gold/1 files (P/R/F1)",
        description="Analyse the text of each gold file (or take the analyses in "
        "--predictions) and score entities, quotes, times and quantities by the rules of "
        "khabar.gold/1.",
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD.json", help="khabar.gold/1 files")
    parser.add_argument("--predictions", metavar="FILE.jsonl",
                        help="score these khabar.analysis/1 objects (matched by id, else by "
                        "text) instead of analysing the gold texts")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--per-file", action="store_true", help="also score each file alone")
    parser.add_argument("--errors", action="store_true",
                        help="list each file's misses, false alarms and wrong values")
    return parser


def run(args: argparse.Namespace) -> int:
    result = evaluate_files(args.gold, predictions=args.predictions)
    if args.format == "json":
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_report(result, per_file=args.per_file, errors=args.errors))
    return 0
