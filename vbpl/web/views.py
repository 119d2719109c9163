"""What each page shows, as plain data: shared by the HTML pages and the JSON API so the two never disagree."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache, partial
from typing import Any
from urllib.parse import quote

from vbpl.check import Finding, check_document
from vbpl.extract import extract
from vbpl.graph import CitationGraph
from vbpl.lines import Lines
from vbpl.messages import Lang, render
from vbpl.models import Citation, DocumentIdentity, Extraction
from vbpl.queries import CitingRows, cites, citing_rows, find, sentence
from vbpl.resolve import Resolution
from vbpl.store import Store, StoredCitation, StoredDocument
from vbpl.web import labels
from vbpl.web.corpus import WebCorpus, as_citation, today
from vbpl.web.highlight import Mark, Segment, segments
from vbpl.web.recent import Recent

LANG: Lang = "vi"  # the language of the pages (and of the messages the API gives them)
KEPT = 256  # documents (and filter sets) whose cited-by answers are remembered per graph
ROWS_KEPT = 32_768  # cited-by rows remembered with their sentence (about 1 kB each)


class NotFound(LookupError):
    """The reference names no document of the corpus; `suggestions` are the closest known ones."""

    def __init__(self, message: str, suggestions: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


@lru_cache(maxsize=65_536)
def node_href(node_id: str) -> str:
    """The document page's address; remembered, as quoting is a good part of a 50-row cited-by answer."""
    return f"/van-ban/{quote(node_id, safe='')}"


def label(corpus: WebCorpus, node_id: str) -> str:
    """How the pages name a document (`labels.document`)."""
    return labels.document(node_id, corpus.graph().graph.nodes[node_id])


def summary(corpus: WebCorpus, node_id: str) -> dict[str, Any]:
    """One document as lists and the API show it: label, identity, where it stands in the graph."""
    cg = corpus.graph()
    attributes = cg.graph.nodes[node_id]
    return {
        "node": node_id,
        "label": label(corpus, node_id),
        "type": attributes.get("type"),
        "symbol": attributes.get("symbol"),
        "name": attributes.get("name"),
        "date": attributes.get("date"),
        "year": attributes.get("year"),
        "issuer": attributes.get("issuer"),
        "title": attributes.get("title"),
        "province": attributes.get("province"),
        "level": attributes.get("level"),
        "level_label": labels.level(attributes.get("level")),
        "in_corpus": bool(attributes.get("in_corpus")),
        "document_id": attributes.get("document_id"),
        "citers": len(cg.graph.pred[node_id]),
        "cites": len(cg.graph.succ[node_id]),
        "href": node_href(node_id),
    }


def resolve(corpus: WebCorpus, ref: str) -> str:
    """The node `ref` names (document id, node id, any loose reference); NotFound with candidates otherwise."""
    ref = ref.strip()
    cg = corpus.graph()
    if ref in cg.graph.nodes:
        return ref
    if ref.isdigit() and int(ref) in cg.document_nodes:
        return cg.document_nodes[int(ref)]
    found = find(cg, ref, corpus.store())
    if found.node is not None:
        return found.node
    if found.candidates:
        raise NotFound(f"'{ref}' có thể là {len(found.candidates)} văn bản; hãy chọn một.",
                       [summary(corpus, n) for n, _ in found.candidates])
    closest = [summary(corpus, s.node) for s in corpus.suggestions().suggest(ref, 5)]
    raise NotFound(f"Không tìm thấy văn bản '{ref}' trong kho dữ liệu.", closest)


@dataclass(slots=True)
class SearchResult:
    query: str
    resolved: dict[str, Any] | None
    documents: list[dict[str, Any]]
    in_text: list[dict[str, Any]] = field(default_factory=list)


def search(corpus: WebCorpus, query: str, limit: int = 20) -> SearchResult:
    """Documents the query names (resolution first), documents whose words match, then texts containing it."""
    cg = corpus.graph()
    resolved = None
    found = find(cg, query, corpus.store()) if query.strip() else Resolution(None, "unresolved", 0.0)
    if found.node is not None:
        resolved = summary(corpus, found.node) | {"method": labels.method(found.method),
                                                  "confidence": found.confidence}
    nodes = [s.node for s in corpus.suggestions().suggest(query, limit)]
    nodes += [n for n, _ in found.candidates]
    documents = [summary(corpus, n) for n in dict.fromkeys(nodes) if n != (resolved or {}).get("node")]
    return SearchResult(query, resolved, documents, text_matches(corpus, query) if len(query.strip()) >= 3 else [])


def text_matches(corpus: WebCorpus, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Stored documents whose text contains the query, with the passage around the first occurrence."""
    rows = corpus.store().connection.execute(
        "SELECT id, instr(lower(text), lower(?)) AS at FROM documents WHERE at > 0 LIMIT ?", (query.strip(), limit)
    ).fetchall()
    cg = corpus.graph()
    out = []
    for document_id, at in rows:
        node = cg.document_nodes.get(document_id)
        if node is None:
            continue
        start = max(0, at - 1 - 80)
        passage = " ".join(corpus.store().text_slice(document_id, start, at - 1 + len(query) + 80).split())
        out.append(summary(corpus, node) | {"passage": passage})
    return out


def stored_document(corpus: WebCorpus, node_id: str) -> StoredDocument | None:
    document_id = corpus.graph().graph.nodes[node_id].get("document_id")
    return corpus.store().document(int(document_id)) if document_id is not None else None


def _status(corpus: WebCorpus, node_id: str) -> dict[str, Any] | None:
    status = corpus.status_of(node_id)
    if status is None:
        return None
    return {
        "status": status.status,
        "label": labels.status(status.status),
        "since": status.since,
        "successor": render(status.successor, LANG) or None,
        "amended_by": status.amended_by,
        "evidence": [e.render(LANG) for e in status.evidence],
    }


def _citation_marks(corpus: WebCorpus, node_id: str, citations: list[StoredCitation]) -> dict[int, Mark]:
    """A mark per stored citation: its relation, the document it resolves to, how sure that is."""
    cg = corpus.graph()
    resolved: dict[int, dict[str, Any]] = {}
    for _, target, key, data in cg.graph.out_edges(node_id, keys=True, data=True):
        if not data.get("derived"):
            resolved[key] = {"node": target, **data}
    marks = {}
    for c in citations:
        edge = resolved.get(c.id)
        relation = labels.relation(c.relation)
        if edge is not None:
            target_label = summary(corpus, edge["node"])["label"]
            tooltip = (f"{relation} → {target_label} · xác định: {labels.method(edge['method'])}, "
                       f"độ tin cậy {edge['confidence']:.0%}")
            href = node_href(edge["node"])
        else:
            options = ", ".join(n for n, _ in cg.ambiguous.get(c.id, ())) or "không rõ"
            tooltip, href = f"{relation} → chưa xác định được văn bản (có thể: {options})", None
        marks[c.id] = Mark(c.start, c.end, "citation", c.relation, href, tooltip, f"c{c.id}")
    return marks


def _attach_findings(findings: list[dict[str, Any]], marks: list[Mark]) -> list[Mark]:
    """Put each finding on the citation it is about; findings elsewhere (a body's name) get a mark of their own."""
    by_start = {m.start: m for m in marks}
    extra = []
    for number, f in enumerate(findings):
        mark = by_start.get(f["start"])
        if mark is not None:
            mark.findings.append(f)
        elif f["code"] != "VB001" and f["end"] > f["start"]:
            extra.append(Mark(f["start"], f["end"], "finding", href=None, tooltip=f["message"], anchor=f"f{number}",
                              findings=[f]))
    return marks + extra


def finding_dicts(findings: list[Finding], text: str) -> list[dict[str, Any]]:
    """The findings as the pages show them: the message in Vietnamese, the check's title, offsets in the text."""
    offsets = Lines(text)
    return [f.to_dict(LANG) | {
        "title": labels.CHECKS.get(f.code, f.code),
        "severity_label": labels.SEVERITIES.get(f.severity, f.severity),
        "outdated": f.code in labels.OUTDATED_CODES,
        "start": offsets.offset(f.line, f.col),
        "end": offsets.offset(f.end_line, f.end_col),
    } for f in findings]


@dataclass(slots=True)
class DocumentPage:
    document: dict[str, Any]
    stored: StoredDocument | None
    status: dict[str, Any] | None
    segments: list[Segment]
    findings: list[dict[str, Any]]
    cites: list[tuple[str, list[dict[str, Any]]]]
    relations: Counter[str]


def document_page(corpus: WebCorpus, node_id: str) -> DocumentPage:
    """Metadata, status, the text with citations and outdated references marked, and what it cites."""
    cg = corpus.graph()
    stored = stored_document(corpus, node_id)
    parts: list[Segment] = []
    findings: list[dict[str, Any]] = []
    relations: Counter[str] = Counter()
    if stored is not None:
        text = corpus.store().text(stored)
        citations = corpus.store().citations_of(stored)
        relations.update(c.relation for c in citations)
        identity = DocumentIdentity(stored.type, stored.symbol, stored.date, stored.issuer, stored.place,
                                    stored.title, stored.placeholder)
        extraction = Extraction(identity, [as_citation(c) for c in citations])
        checker = corpus.checker()
        raw = check_document(stored.source, text, extraction, checker.book, today(), resolver=checker.refs)
        findings = finding_dicts(raw, text)
        parts = segments(text, _attach_findings(findings, list(_citation_marks(corpus, node_id, citations).values())))
    grouped = []
    for relation, items in cites(cg, corpus.store(), node_id).rows:
        grouped.append((relation, [asdict(c) | {"href": node_href(c.node) if c.node else None} for c in items]))
    return DocumentPage(summary(corpus, node_id), stored, _status(corpus, node_id), parts, findings, grouped,
                        relations)


@dataclass(frozen=True, slots=True)
class CitedByFilters:
    province: str | None = None
    relation: str | None = None
    level: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(slots=True)
class CitedByPage:
    document: dict[str, Any]
    rows: list[dict[str, Any]]  # the slice shown, with sentences
    total: int  # citations matching the filters
    documents: int  # distinct citing documents matching the filters
    options: dict[str, list[str]]
    filters: CitedByFilters
    offset: int = 0


class CitersCache:
    """Per graph, what cited-by pages share: a document's filter choices, each filter's answer and how many documents
    it comes from, the rows shown with their sentences. None of it changes while the graph does (the memory is per
    graph, so an ingest starts it afresh); an answer is a slice of the graph's citers columns, but its distinct
    documents and choices are vector work over every citation of a decision cited a hundred thousand times."""

    def __init__(self, cg: CitationGraph) -> None:
        self.cg = cg
        self._options: Recent[str, dict[str, list[str]]] = Recent(KEPT)
        self._matching: Recent[tuple[str, CitedByFilters], tuple[CitingRows, int]] = Recent(KEPT)
        self._rows: Recent[int, dict[str, Any]] = Recent(ROWS_KEPT)  # by position in the citers columns

    def options(self, store: Store, node_id: str) -> dict[str, list[str]]:
        """The filter choices, from the unfiltered rows, so a filter never offers a value that finds nothing."""
        return self._options.get(node_id, lambda: self._choices(store, node_id))

    def _choices(self, store: Store, node_id: str) -> dict[str, list[str]]:
        every = citing_rows(self.cg, node_id)
        relations = set(every.values("relation"))
        return {
            "province": sorted(every.values("province")),
            "relation": [r for r in labels.RELATIONS if r in relations],
            "level": sorted(every.values("level")),
            "type": sorted(every.values("type")),
        }

    def matching(self, store: Store, node_id: str, f: CitedByFilters) -> tuple[CitingRows, int]:
        """The citations matching the filters, in answer order, and how many distinct documents they come from."""
        return self._matching.get((node_id, f), lambda: self._filtered(store, node_id, f))

    def _filtered(self, store: Store, node_id: str, f: CitedByFilters) -> tuple[CitingRows, int]:
        rows = citing_rows(self.cg, node_id, province=f.province, relation=f.relation, level=f.level, type_=f.type,
                           since=f.since, until=f.until)
        return rows, rows.documents()

    def rows(self, corpus: WebCorpus, store: Store, rows: CitingRows) -> list[dict[str, Any]]:
        """The citations as the page and the API show them, with their sentences (each read from the store once)."""
        return [self._rows.get(position, partial(_citing_row, corpus, store, rows, position))
                for position in rows.positions.tolist()]


def cited_by_page(corpus: WebCorpus, node_id: str, filters: CitedByFilters, offset: int = 0,
                  limit: int | None = None) -> CitedByPage:
    """Citations of the document by the corpus, filtered; sentences are read only for the rows shown."""
    store = corpus.store()
    cache = corpus.derived("citers", CitersCache)
    matching, documents = cache.matching(store, node_id, filters)
    rows = cache.rows(corpus, store, matching[offset : None if limit is None else offset + limit])
    return CitedByPage(summary(corpus, node_id), rows, len(matching), documents, cache.options(store, node_id),
                       filters, offset)


def _citing_row(corpus: WebCorpus, store: Store, rows: CitingRows, position: int) -> dict[str, Any]:
    row = rows.at(position)
    attributes = corpus.graph().graph.nodes[row.node]
    fields = row._asdict() if hasattr(row, "_asdict") else asdict(row)  # a NamedTuple since the graph got faster
    return fields | {
        "label": label(corpus, row.node),
        "type": attributes.get("type"),
        "title": attributes.get("title"),
        "relation_label": labels.relation(row.relation),
        "level_label": labels.level(row.level),
        "method_label": labels.method(row.method),
        "href": node_href(row.node) + f"#c{row.citation}",
        "sentence": sentence(store, row.document_id, row.start, row.end) if row.end else "",
    }


CSV_COLUMNS = {
    "label": "Văn bản trích dẫn", "type": "Loại văn bản", "date": "Ngày ban hành", "province": "Tỉnh, thành phố",
    "level_label": "Cấp ban hành", "relation_label": "Quan hệ", "sentence": "Câu trích dẫn", "page": "Trang",
    "title": "Trích yếu", "method_label": "Cách xác định", "confidence": "Độ tin cậy", "node": "Mã văn bản",
    "document_id": "Số thứ tự trong kho",
}


@dataclass(slots=True)
class CheckPage:
    name: str
    segments: list[Segment]
    findings: list[dict[str, Any]]
    citations: int
    document: DocumentIdentity | None


def check_page(corpus: WebCorpus, name: str, text: str) -> CheckPage:
    """`vbpl check --db` on one draft: its findings, and its text with citations and findings marked."""
    extraction = extract(text)
    checker = corpus.checker()
    raw = check_document(name, text, extraction, checker.book, today(), resolver=checker.refs)
    cg = corpus.graph()
    marks = []
    for number, c in enumerate(extraction.citations):
        known = c.id in cg.graph.nodes
        tooltip = f"{labels.relation(c.relation)} → {_cited_label(c)}" + ("" if known else " (chưa có trong kho)")
        marks.append(Mark(c.start, c.end, "citation", c.relation, node_href(c.id) if known else None, tooltip,
                          f"c{number}"))
    findings = finding_dicts(raw, text)
    return CheckPage(name, segments(text, _attach_findings(findings, marks)), findings, len(extraction.citations),
                     extraction.document)


def _cited_label(c: Citation) -> str:
    what = " ".join(p for p in (c.type, c.symbol or c.name) if p)
    return what + (f" ({labels.date(c.date or c.year)})" if c.date or c.year else "")
