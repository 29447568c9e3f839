"""The HTTP API and the web page (FastAPI), served by ``khabar serve``.

``POST /api/analyze`` analyses a text (``khabar.analysis/1``); ``/api/search``,
``/api/articles``, ``/api/entities``, ``/api/quotes`` and ``/api/stats`` read the store. Errors
are JSON ``{"error": "one line"}`` with a 4xx status; nothing ever answers with a stack trace.
The page (``/``) is plain HTML, CSS and JavaScript shipped in ``khabar/web/static``.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..analyze import analyze
from ..errors import InputError, InputTooLargeError, KhabarError
from ..model import Article
from ..options import Options
from ..readers import check_arabic, parse_published
from ..resources import data_path
from ..store import Filters, Store, StoreError

#: Largest request body, in bytes, and largest text ``/api/analyze`` takes, in characters.
MAX_BODY = 1_000_000
MAX_TEXT = 200_000
log = logging.getLogger("khabar.web")


class AnalyzeRequest(BaseModel):
    """What ``POST /api/analyze`` takes."""

    text: str = Field(description="the article text")
    published: str | None = Field(None, description="publication date, YYYY-MM-DD or ISO 8601")
    title: str | None = None
    id: str | None = None


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await _too_large(self.limit, send)
                return
        # Read the body here (it is small by definition), refuse it if too large, then hand it on.
        chunks: list[bytes] = []
        seen = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            body = message.get("body", b"")
            seen += len(body)
            if seen > self.limit:
                await _too_large(self.limit, send)
                return
            chunks.append(body)
            more = message.get("more_body", False)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(limit: int, send: Send) -> None:
    response = JSONResponse({"error": f"request body over the limit of {limit:,} bytes"}, 413)
    await response({"type": "http"}, None, send)  # type: ignore[arg-type]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def create_app(db: str | Path | None = None, max_body: int = MAX_BODY,
               max_text: int = MAX_TEXT) -> FastAPI:
    """The application, reading (and creating if need be) the store at ``db``."""
    app = FastAPI(
        title="khabar",
        description="Arabic news in, structured and sourced facts out: analyse a text, search "
        "and browse the stored archive.",
        version=_version(),
    )
    local = threading.local()
    db_path = Path(db) if db is not None else None
    Store(db_path).close()  # create or migrate once, up front

    def store() -> Store:
        current = getattr(local, "store", None)
        if current is None:
            current = local.store = Store(db_path)
        return current

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _error(404 if str(exc).startswith("no ") else 400, str(exc))

    @app.exception_handler(InputTooLargeError)
    async def too_large(request: Request, exc: InputTooLargeError) -> JSONResponse:
        return _error(413, str(exc))

    @app.exception_handler(KhabarError)
    async def khabar_error(request: Request, exc: KhabarError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
            problems.append(f"{where or 'body'}: {error.get('msg', 'invalid')}")
        return _error(422, "; ".join(problems) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s", request.url.path)
        return _error(500, "internal error (see the server log)")

    @app.post("/api/analyze", summary="Analyse a text: khabar.analysis/1")
    def analyze_text(body: AnalyzeRequest, tokens: bool = False) -> dict[str, Any]:
        if not body.text.strip():
            raise InputError("field 'text' is empty")
        if len(body.text) > max_text:
            raise InputTooLargeError(
                f"text is {len(body.text):,} characters, over the limit of {max_text:,}")
        check_arabic(body.text, "field 'text'")
        published = parse_published(body.published, "field 'published'") \
            if body.published else None
        article = Article(body.text, id=body.id, title=body.title, published=published)
        return analyze(article, Options(include_tokens=tokens)).to_dict(tokens)

    @app.get("/api/search", summary="Ranked search of the stored articles")
    def search(q: str = Query("", max_length=500, description="words, \"phrases\", prefix*"),
               entity: str | None = Query(None, max_length=200),
               source: str | None = Query(None, max_length=200),
               date_from: str | None = Query(None, alias="from", description="YYYY-MM-DD"),
               date_to: str | None = Query(None, alias="to", description="YYYY-MM-DD"),
               limit: int = Query(10, ge=1, le=100),
               offset: int = Query(0, ge=0, le=10_000)) -> dict[str, Any]:
        filters = Filters(entity=entity or None, source=source or None,
                          date_from=_day(date_from, "from"), date_to=_day(date_to, "to"))
        return store().search(q, filters, limit, offset).to_json()

    @app.get("/api/articles", summary="Stored articles, newest first")
    def articles(limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0),
                 source: str | None = None) -> list[dict[str, Any]]:
        return store().articles(limit, offset, source)

    @app.get("/api/articles/{key:path}", summary="A stored article: khabar.analysis/1")
    def article(key: str) -> dict[str, Any]:
        return store().article(key)

    @app.get("/api/entities", summary="Entities called NAME (any spelling or alias)")
    def entities(name: str = Query(..., min_length=1, max_length=200)) -> list[dict[str, Any]]:
        return store().entities(name)

    @app.get("/api/entities/{ref}", summary="An entity page (ref: an id or a name)")
    def entity(ref: str) -> dict[str, Any]:
        return store().entity(_ref(ref))

    @app.get("/api/entities/{ref}/timeline", summary="An entity's timeline")
    def timeline(ref: str, limit: int = Query(200, ge=1, le=1000)) -> dict[str, Any]:
        return store().timeline(_ref(ref), limit)

    @app.get("/api/quotes", summary="Stored quotes, newest first")
    def quotes(speaker: str | None = Query(None, max_length=200),
               limit: int = Query(20, ge=1, le=100),
               offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        return store().quotes(speaker, limit, offset)

    @app.get("/api/stats", summary="What the store holds")
    def stats() -> dict[str, Any]:
        return store().stats()

    static = data_path("web", "static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html; charset=utf-8")

    app.add_middleware(BodyLimit, limit=max_body)
    return app


def _ref(ref: str) -> str:
    return f"#{ref}" if ref.isdigit() else ref


def _day(value: str | None, name: str) -> str | None:
    if not value:
        return None
    parsed = parse_published(value, f"parameter {name!r}")
    return parsed.isoformat()[:10]


def _version() -> str:
    from .. import __version__

    return __version__
