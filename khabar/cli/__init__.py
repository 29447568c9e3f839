"""The ``khabar`` command.

Each command is a module of this package with ``add_parser(subparsers)`` and ``run(args) -> int``;
``COMMANDS`` lists them in the order ``khabar --help`` shows them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ..errors import KhabarError

COMMANDS = [
    "analyze", "evaluate", "train", "ingest", "search", "entity", "timeline", "serve", "demo",
    "quotes",
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


def report_record_error(error: Exception) -> None:
    """Print a bad record's one-line message on stderr."""
    print(f"khabar: skipped {error}", file=sys.stderr)


def entry_point() -> None:
    """The console script: exit with :func:`main`'s status."""
    sys.exit(main())
