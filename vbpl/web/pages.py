"""The server-rendered pages, in Vietnamese: search, document, cited-by (with CSV), check, provinces, graph."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from vbpl.web import labels, views
from vbpl.web.api import corpus_of, draft_text
from vbpl.web.coverage import coverage, heat, ink
from vbpl.web.neighbourhood import neighbourhood
from vbpl.web.params import Draft, Filters, Ref, SearchText

router = APIRouter(include_in_schema=False)
PAGE_ROWS = 500  # citations listed on the cited-by page; the CSV has them all


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, q: SearchText = "") -> HTMLResponse:
    corpus = corpus_of(request)
    result = views.search(corpus, q) if q.strip() else None
    counts = corpus.store().counts()
    return render(request, "search.html", q=q, result=result, counts=counts)


@router.get("/van-ban/{ref:path}", response_class=HTMLResponse)
def document_page(request: Request, ref: str) -> Response:
    corpus = corpus_of(request)
    node = views.resolve(corpus, ref)
    if node != ref:
        return RedirectResponse(views.node_href(node), status_code=303)
    return render(request, "document.html", page=views.document_page(corpus, node))


@router.get("/trich-dan", response_class=HTMLResponse)
def cited_by_page(request: Request, ref: Ref, filters: Filters) -> HTMLResponse:
    corpus = corpus_of(request)
    page = views.cited_by_page(corpus, views.resolve(corpus, ref), filters, limit=PAGE_ROWS)
    query = str(request.url.query)
    return render(request, "cited_by.html", page=page, ref=ref, csv_href=f"/trich-dan.csv?{query}")


@router.get("/trich-dan.csv")
def cited_by_csv(request: Request, ref: Ref, filters: Filters) -> Response:
    corpus = corpus_of(request)
    page = views.cited_by_page(corpus, views.resolve(corpus, ref), filters)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(views.CSV_COLUMNS), extrasaction="ignore")
    writer.writerow(views.CSV_COLUMNS)
    writer.writerows(page.rows)
    name = "trich-dan-" + "".join(ch if ch.isalnum() else "-" for ch in (page.document["symbol"] or "van-ban"))
    return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}.csv"})


@router.get("/kiem-tra", response_class=HTMLResponse)
def check_form(request: Request) -> HTMLResponse:
    return render(request, "check.html", page=None, text="")


@router.post("/kiem-tra", response_class=HTMLResponse)
def check_page(request: Request, draft: Draft) -> HTMLResponse:
    try:
        name, text = draft_text(draft)
    except HTTPException as exc:  # an unreadable file: said on the form, so another can be chosen at once
        return render(request, "check.html", page=None, text=draft[2] or "", error=exc.detail,
                      status_code=exc.status_code)
    page = views.check_page(corpus_of(request), name, text)
    return render(request, "check.html", page=page, text=draft[2] or "")


@router.get("/tinh-thanh", response_class=HTMLResponse)
def provinces_page(request: Request) -> HTMLResponse:
    corpus = corpus_of(request)
    found = corpus.derived("coverage", coverage)
    columns = [views.summary(corpus, n) for n in found.columns]
    return render(request, "provinces.html", coverage=found, columns=columns, heat=heat, ink=ink)


@router.get("/do-thi", response_class=HTMLResponse)
def graph_page(request: Request, ref: Ref) -> Response:
    corpus = corpus_of(request)
    node = views.resolve(corpus, ref)
    cg = corpus.graph()

    def names(n: str) -> tuple[str, str, str]:
        s = views.summary(corpus, n)
        what = " ".join(p for p in (s["type"], s["symbol"] or s["name"]) if p) or n
        where = ", ".join(p for p in (labels.date(s["date"] or s["year"]), s["province"]) if p)
        return what, where, s["label"] + (f" — {s['title']}" if s["title"] else "")

    picture = neighbourhood(cg, node, names)
    return render(request, "graph.html", picture=picture, document=views.summary(corpus, node),
                  href=views.node_href)

