"""The JSON API behind the pages (`/api/...`); FastAPI publishes its OpenAPI schema at /openapi.json.

Suggestions and cited-by are what people ask most and fastest (each keystroke, each page of citers): they
answer from memory in about a millisecond, plus one short read of the store per sentence shown, so they run
on the event loop. Handing each to a worker thread cost more than the answer under load (the hand-over and
the GIL passing back and forth).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from vbpl.read import UnreadableError, read_data
from vbpl.web import views
from vbpl.web.corpus import WebCorpus
from vbpl.web.coverage import coverage
from vbpl.web.params import Draft, Filters, Ref, SearchText

router = APIRouter(prefix="/api", tags=["api"])


def corpus_of(request: Request) -> WebCorpus:
    return request.app.state.corpus


def draft_text(draft: tuple[str, bytes | None, str | None]) -> tuple[str, str]:
    """The draft's name and text, read by content like `vbpl check` reads a file."""
    name, data, text = draft
    if data is None:
        return name, text or ""
    try:
        return name, read_data(data, name).text
    except UnreadableError as exc:
        raise HTTPException(422, exc.message.render(views.LANG)) from exc


@router.get("/suggest", summary="Gợi ý văn bản khi gõ")
async def suggest(request: Request, q: SearchText = "",
            limit: Annotated[int, Query(ge=1, le=50)] = 8) -> list[dict[str, Any]]:
    found = corpus_of(request).suggestions().suggest(q, limit)
    return [asdict(s) | {"href": views.node_href(s.node)} for s in found]


@router.get("/search", summary="Tìm văn bản theo số ký hiệu, tên, trích yếu hoặc nội dung")
def search(request: Request, q: SearchText = "") -> dict[str, Any]:
    return asdict(views.search(corpus_of(request), q))


@router.get("/documents/{ref:path}", summary="Một văn bản: thông tin, hiệu lực, các trích dẫn và phát hiện")
def document(request: Request, ref: str) -> dict[str, Any]:
    corpus = corpus_of(request)
    page = views.document_page(corpus, views.resolve(corpus, ref))
    return {
        "document": page.document,
        "status": page.status,
        "findings": page.findings,
        "cites": {relation: items for relation, items in page.cites},
        "citations": [
            {"start": s.mark.start, "end": s.mark.end, "text": s.text, "relation": s.mark.relation,
             "href": s.mark.href, "resolution": s.mark.tooltip}
            for s in page.segments if s.mark is not None and s.mark.kind == "citation"
        ],
    }


@router.get("/cited-by", summary="Các văn bản trích dẫn một văn bản")
async def cited_by(request: Request, ref: Ref, filters: Filters, offset: Annotated[int, Query(ge=0)] = 0,
             limit: Annotated[int, Query(ge=1, le=5000)] = 100) -> dict[str, Any]:
    corpus = corpus_of(request)
    page = views.cited_by_page(corpus, views.resolve(corpus, ref), filters, offset, limit)
    return {"document": page.document, "total": page.total, "documents": page.documents, "offset": offset,
            "rows": page.rows, "options": page.options}


@router.get("/provinces", summary="Ma trận tỉnh × văn bản trung ương và bảng so sánh tỉnh")
def provinces(request: Request) -> dict[str, Any]:
    corpus = corpus_of(request)
    found = corpus.derived("coverage", coverage)
    return {
        "columns": [views.summary(corpus, n) for n in found.columns],
        "provinces": [asdict(r) | {"nationals": len(r.nationals)} for r in found.rows],
        "cells": [{"province": p, "node": n, **cell} for (p, n), cell in found.cells.items()],
    }


@router.post("/check", summary="Kiểm tra dự thảo (như `vbpl check --db`)")
def check(request: Request, draft: Draft) -> dict[str, Any]:
    name, text = draft_text(draft)
    page = views.check_page(corpus_of(request), name, text)
    return {"name": name, "citations": page.citations, "findings": page.findings}
