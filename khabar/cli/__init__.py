"""The ``khabar`` command.

Each command is a module of this package with ``add_parser(subparsers)`` and ``run(args) -> int``;
``COMMANDS`` lists them in the order ``khabar --help`` shows them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import KhabarError

if TYPE_CHECKING:
    from ..readers import ReadOptions

COMMANDS = [
    "analyze", "evaluate", "train", "ingest", "search", "entity", "timeline", "serve", "demo",
    "quotes", "spark",
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="khabar",
        description="Arabic news in, structured and sourced facts out.",
    )
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{name}")
        sub = module.add_parser(subparsers)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 fine, 1 some records failed, 2 error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except KhabarError as exc:
        print(f"khabar: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("khabar: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (khabar … | head); that is not an error of ours.
        sys.stderr.close()
        return 0


def add_reading_arguments(parser: argparse.ArgumentParser, input_format: bool = True) -> None:
    """The options that say how articles are read: ``--published``, ``--max-chars``,
    ``--any-language`` and (when ``input_format``) ``--input-format``."""
    from ..options import Options
    from ..readers import INPUT_FORMATS

    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date for articles that carry none (anchors «أمس»…)")
    if input_format:
        parser.add_argument("--input-format", choices=INPUT_FORMATS,
                            help="how to read the input (default: from its name and content)")
    parser.add_argument("--max-chars", type=int, default=Options().max_chars, metavar="N",
                        help="refuse articles longer than N characters (default: %(default)s)")
    parser.add_argument("--any-language", action="store_true",
                        help="analyse text even when little of it is Arabic")


def reading_options(args: argparse.Namespace) -> ReadOptions:
    """The :class:`~khabar.readers.ReadOptions` of :func:`add_reading_arguments`' options."""
    from ..readers import ReadOptions, parse_published

    published = parse_published(args.published, "--published") if args.published else None
    return ReadOptions(published=published, format=getattr(args, "input_format", None),
                       max_chars=args.max_chars, require_arabic=not args.any_language)


def report_record_error(error: Exception) -> None:
    """Print a bad record's one-line message on stderr."""
    print(f"khabar: skipped {error}", file=sys.stderr)


def entry_point() -> None:
    """The console script: exit with :func:`main`'s status."""
    sys.exit(main())
