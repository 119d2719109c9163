"""The FastAPI application: one factory that takes the database path, the static files, and the error pages.

Errors are answered in the language of the route: JSON `{"detail": ...}` under /api, a Vietnamese page
elsewhere; a parameter that does not validate is a 4xx with the reason, and an unexpected failure is a 500
that names no code (the traceback goes to the server log, never to the browser).
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from vbpl.messages import Joined, Message, catalogue, msg, placeholders
from vbpl.web import labels
from vbpl.web.corpus import WebCorpus
from vbpl.web.views import LANG, NotFound

HERE = Path(__file__).parent
DB_VARIABLE = "VBPL_WEB_DB"  # how `vbpl serve --workers N` tells each worker process which database to serve
log = logging.getLogger("vbpl.web")


def templates() -> Jinja2Templates:
    """Jinja2 with autoescaping (the default for .html) and the Vietnamese labels as globals."""
    found = Jinja2Templates(directory=str(HERE / "templates"))
    found.env.globals.update(labels=labels, relations=labels.RELATIONS)
    found.env.filters["ngay"] = labels.date
    return found


def create_app(db: str | Path) -> FastAPI:
    """The web UI and JSON API over the corpus database `db` (which must exist)."""
    from vbpl.web import api, pages

    corpus = WebCorpus(Path(db))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        """Load the graph before the server accepts a connection: a 15 s first request would time clients out."""
        log.info("loading the citation graph of %s (pid %d) ...", corpus.db, os.getpid())
        log.info("citation graph loaded in %.1f s (pid %d); accepting requests", corpus.warm(), os.getpid())
        yield

    app = FastAPI(
        title="vbpl",
        summary="Trích dẫn giữa các văn bản pháp luật Việt Nam: tra cứu, văn bản trích dẫn, kiểm tra dự thảo.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.corpus = corpus
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _errors(app)
    return app


def app_from_environment() -> FastAPI:
    """The factory each `vbpl serve --workers N` process calls (uvicorn imports it by name)."""
    return create_app(os.environ[DB_VARIABLE])


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str, suggestions: list[dict[str, Any]] | None = None
                   ) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message, "suggestions": suggestions or []}, status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "suggestions": suggestions or []},
        status_code=status,
    )


def _reason(error: dict[str, Any]) -> Message:
    """Why a value does not validate, in words of our own (pydantic's are English), by its error type."""
    key = f"invalid.{error.get('type')}"
    if key not in catalogue():
        return msg("invalid.value")
    context = error.get("ctx") or {}
    return msg(key, **{name: str(context.get(name, "?")) for name in placeholders(catalogue()[key]["en"])})


def _validation_message(exc: RequestValidationError) -> str:
    """One reason per parameter ('since: không đúng định dạng'), in the pages' language."""
    reasons: dict[str, Message] = {}
    for error in exc.errors():
        where = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")]
        reasons.setdefault(where[0] if where else "", _reason(error))
    said = [msg("invalid.field", field=field, reason=reason) if field else reason for field, reason in reasons.items()]
    return msg("invalid.parameters", reasons=Joined(tuple(said))).render(LANG)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error_response(request, 404, str(exc), exc.suggestions)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "Yêu cầu không hợp lệ"
        if exc.status_code == 404 and message == "Not Found":
            message = "Không có trang này."
        return error_response(request, exc.status_code, message)

    @app.exception_handler(Exception)
    async def failed(request: Request, exc: Exception) -> Response:
        log.exception("request failed: %s", request.url.path)
        return error_response(request, 500, "Lỗi máy chủ khi xử lý yêu cầu; chi tiết đã được ghi vào nhật ký.")
