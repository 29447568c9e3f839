"""``khabar analyze``: analyse articles and print the analysis."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from ..analyze import analyze
from ..errors import InputError, RecordError
from ..model import Article
from ..options import Options
from ..readers import ReadOptions, read_source
from ..resources import data_path
from . import add_reading_arguments, reading_options, report_record_error

FORMATS = ("text", "json", "jsonl", "html")


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse articles (text, HTML or JSONL) and print what was found",
        description="Analyse a plain-text article, an HTML page, or JSONL with one article a "
        "line ({\"text\": …, \"id\", \"title\", \"published\" or \"date\", \"source\", \"url\"}).",
    )
    parser.add_argument("path", nargs="?", help="input file, or - for standard input")
    parser.add_argument("--example", action="store_true",
                        help="analyse the built-in example article")
    parser.add_argument("--format", choices=FORMATS,
                        help="output: text (a report), json, jsonl or html "
                        "(default: jsonl for JSONL input, text otherwise)")
    parser.add_argument("--no-tokens", action="store_true",
                        help="leave tokens out of JSON output")
    add_reading_arguments(parser)
    return parser


def example_articles() -> Iterator[Article]:
    """The example articles shipped with khabar."""
    path = data_path("examples", "articles.jsonl")
    yield from (a for a in read_source(str(path), ReadOptions(format="jsonl"))
                if isinstance(a, Article))


def run(args: argparse.Namespace) -> int:
    if args.example == bool(args.path):
        if args.example:
            raise InputError("give either a PATH or --example, not both")
        if sys.stdin.isatty():
            raise InputError("no input: give a PATH, - for standard input, or --example")
        args.path = "-"
    read_options = reading_options(args)
    options = Options(include_tokens=not args.no_tokens, max_chars=args.max_chars)
    if args.example:
        example = next(example_articles())
        example.published = read_options.published or example.published
        articles: Iterator[Article | RecordError] = iter([example])
        batch = False
    else:
        articles = read_source(args.path, read_options)
        batch = (args.input_format or "") == "jsonl" or _looks_like_jsonl(args.path)
    fmt = args.format or ("jsonl" if batch else "text")
    return write_analyses(articles, fmt, options)


def _looks_like_jsonl(path: str) -> bool:
    return path.lower().endswith((".jsonl", ".ndjson"))


def write_analyses(articles: Iterator[Article | RecordError], fmt: str, options: Options) -> int:
    """Analyse each article and write it in ``fmt``; report bad records and go on."""
    from ..render.html import render_html
    from ..render.text import render_text

    out = sys.stdout
    failed = 0
    written = 0
    held: list = []  # json and html: one object or page for all articles
    for item in articles:
        if isinstance(item, RecordError):
            report_record_error(item)
            failed += 1
            continue
        try:
            analysis = analyze(item, options)
        except InputError as exc:
            report_record_error(exc)
            failed += 1
            continue
        if fmt == "text":
            if written:
                out.write("\n")
            out.write(render_text(analysis))
        elif fmt == "html":
            held.append(analysis)
        elif fmt == "json":
            held.append(analysis.to_dict(options.include_tokens))
        else:
            out.write(json.dumps(analysis.to_dict(options.include_tokens), ensure_ascii=False,
                                 separators=(",", ":")))
            out.write("\n")
        written += 1
    if fmt == "json" and held:
        out.write(json.dumps(held[0] if len(held) == 1 else held, ensure_ascii=False, indent=1))
        out.write("\n")
    elif fmt == "html" and held:
        out.write(render_html(held))
    if failed:
        print(f"khabar: {written:,} analysed, {failed:,} skipped", file=sys.stderr)
    return 1 if failed else 0
