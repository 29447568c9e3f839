"""``khabar serve``: the HTTP API and the web page over a store."""

from __future__ import annotations

import argparse

from ..store.db import add_db_argument, default_path


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "serve",
        help="serve the web page and the HTTP API (analyse, search, browse the store)",
        description="Serve the web page (in Arabic: analyse a text, search, entity and article "
        "pages) and the HTTP API (OpenAPI documentation at /docs) over a store.",
    )
    add_db_argument(parser)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: %(default)s, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    return parser


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..web.app import create_app

    app = create_app(args.db)
    where = args.db or default_path()
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"khabar: serving {where} at http://{host}:{args.port}/ "
          f"(API documentation at /docs; Ctrl-C to stop)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
