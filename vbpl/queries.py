"""Questions people ask of the citation graph: who cites this, what does this cite, where does it come from.

Each answer is plain data (dataclasses) so that the CLI, notebooks and a web UI present it their own way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

import regex

from vbpl.graph import CitationGraph
from vbpl.resolve import Resolution, lookup
from vbpl.store import AmbiguousKeyError, Store
from vbpl.text import fold, squash
from vbpl.vocab import NAMED_TYPES

# Relations that make a document part of another's implementation lineage (plan → national decision → directive).
LINEAGE = ("implements", "basis")
SENTENCE_WINDOW = 400  # characters read on each side of a citation to find its sentence
_SENTENCE_END = regex.compile(r"[.;:!?](?=\s)|\n\s*\n|\n(?=\s*(?:[-+•]|\d+\.|[a-zđ]\)|Căn cứ|Thực hiện))")


@dataclass(frozen=True, slots=True)
class Citing:
    """One citation of the asked document by a document of the corpus."""

    document_id: int
    node: str
    label: str
    relation: str
    date: str | None
    province: str | None
    level: str | None
    page: int | None
    sentence: str
    method: str
    confidence: float
    citation: int
    derived: bool = False  # stated by document_id about two documents it cites ("1703/QĐ-TTg … thực hiện Chỉ thị 38")
    start: int = 0  # the citation's span in the citing text
    end: int = 0


@dataclass(slots=True)
class Answer:
    """The document a query was about (or the candidates it might be), and the rows found."""

    target: Resolution
    rows: list[Any] = field(default_factory=list)


def find(cg: CitationGraph, ref: str, store: Store | None = None) -> Resolution:
    """The node a person means: a node id, any loose spelling of a reference, a title, a document id or file name.

    Remembered per graph (and so per store state): asking the store and the index costs more than most answers.
    """
    key = (ref, store is not None)
    if key not in cg.found:
        cg.found[key] = _find(cg, ref, store)
    return cg.found[key]


def _find(cg: CitationGraph, ref: str, store: Store | None) -> Resolution:
    if store is not None and ref.strip() not in cg.index.nodes:  # a node id names no stored symbol or file
        # (and `Store.document` would scan every file name for it)
        try:
            stored = store.document(ref)
        except AmbiguousKeyError:
            stored = None  # the same symbol in several provinces: resolution ranks them
        if stored is not None and stored.id in cg.document_nodes:
            return Resolution(cg.document_nodes[stored.id], "document", 1.0)
    return lookup(ref, cg.index)


def cited_by(
    cg: CitationGraph,
    store: Store,
    ref: str,
    *,
    province: str | None = None,
    relation: str | None = None,
    level: str | None = None,
    since: str | None = None,
    until: str | None = None,
    sentences: bool = True,
) -> Answer:
    """Documents that cite `ref`, each citation with its relation, the citing document's metadata and sentence.

    The sentence is read from the store's text per row; `sentences=False` leaves it out (`with_sentences` adds it
    later to the rows actually shown).
    """
    target = find(cg, ref, store)
    answer = Answer(target)
    if target.node is None:
        return answer
    citing, rows = _citers(cg, target.node)
    if relation or province or level or since or until:
        rows = [row for attributes, row in zip(citing, rows, strict=True)
                if (not relation or row.relation == relation) and _keep(attributes, province, level, since, until)]
    answer.rows = with_sentences(store, rows) if sentences else list(rows)
    return answer


def with_sentences(store: Store, rows: list[Citing]) -> list[Citing]:
    """The rows with the sentence around each citation, read from the store."""
    return [replace(row, sentence=sentence(store, row.document_id, row.start, row.end)) for row in rows]


def _citers(cg: CitationGraph, node: str) -> tuple[tuple[dict[str, Any], ...], tuple[Citing, ...]]:
    """Who cites `node`, in answer order (citing date, document, position), with each citing node's attributes.

    Made once per node and kept with the graph: the answer for a decision with thousands of citers is then a
    filter over tuples, not a walk over networkx's edge dicts.
    """
    found = cg.citers.get(node)
    if found is not None:
        return found
    graph = cg.graph
    edges = sorted(((source, graph.nodes[source], data) for source, _, data in graph.in_edges(node, data=True)),
                   key=lambda r: (r[1].get("date") or "", r[0], r[2]["start"]))
    rows = tuple(
        Citing(
            document_id=data["document_id"],
            node=source,
            label=_label(source, citing),
            relation=data["relation"],
            date=citing.get("date"),
            province=citing.get("province"),
            level=citing.get("level"),
            page=data.get("page"),
            sentence="",
            method=data["method"],
            confidence=data["confidence"],
            citation=data["citation"],
            derived=bool(data.get("derived")),
            start=data["start"],
            end=data["end"],
        )
        for source, citing, data in edges
    )
    found = cg.citers[node] = (tuple(citing for _, citing, _ in edges), rows)
    return found


def _keep(citing: dict[str, Any], province: str | None, level: str | None, since: str | None,
          until: str | None) -> bool:
    if province and fold(province) not in (fold(citing.get("province") or ""), fold(citing.get("province_now") or "")):
        return False
    if level and citing.get("level") != level:
        return False
    date = citing.get("date") or (str(citing["year"]) if citing.get("year") else "")
    if since and (not date or date < since):
        return False
    return not (until and (not date or date[: len(until)] > until))


def sentence(store: Store, document_id: int, start: int, end: int) -> str:
    """The sentence (or list item) around a citation, on one line."""
    begin = max(0, start - SENTENCE_WINDOW)
    text = store.text_slice(document_id, begin, end + SENTENCE_WINDOW)
    at, stop = start - begin, end - begin
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    after = _SENTENCE_END.search(text, stop)
    return squash(text[before[-1] if before else 0 : after.end() if after else len(text)])


@dataclass(frozen=True, slots=True)
class Cited:
    """One document cited by the asked document, with how the reference was resolved."""

    node: str | None
    label: str
    relation: str
    in_corpus: bool
    method: str
    confidence: float
    count: int
    candidates: tuple[tuple[str, float], ...] = ()


def cites(cg: CitationGraph, store: Store, ref: str) -> Answer:
    """What a document cites, grouped by relation (answer rows: relation -> list of Cited)."""
    target = find(cg, ref, store)
    answer = Answer(target)
    if target.node is None:
        return answer
    graph = cg.graph
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for _, cited, data in graph.out_edges(target.node, data=True):
        if not data.get("derived"):
            grouped[data["relation"]][cited].append(data)
    by_relation: dict[str, list[Cited]] = {}
    for relation, cited_nodes in grouped.items():
        by_relation[relation] = [
            Cited(node, _label(node, graph.nodes[node]), relation, bool(graph.nodes[node].get("in_corpus")),
                  edges[0]["method"], min(e["confidence"] for e in edges), len(edges))
            for node, edges in sorted(cited_nodes.items())
        ]
    document_id = graph.nodes[target.node].get("document_id")
    if document_id is not None:
        for citation in store.citations_of(document_id):
            if citation.id in cg.ambiguous:
                by_relation.setdefault(citation.relation, []).append(
                    Cited(None, citation.text.replace("\n", " "), citation.relation, False, "ambiguous", 0.0, 1,
                          cg.ambiguous[citation.id])
                )
    answer.rows = [(relation, by_relation[relation]) for relation in _relation_order(by_relation)]
    return answer


def _relation_order(groups: dict[str, Any]) -> list[str]:
    from vbpl.models import RELATIONS

    return sorted(groups, key=lambda r: RELATIONS.index(r) if r in RELATIONS else len(RELATIONS))


@dataclass(slots=True)
class Lineage:
    """One document in an implementation chain, with the documents it leads to."""

    node: str
    label: str
    relation: str | None
    in_corpus: bool
    children: list[Lineage] = field(default_factory=list)
    repeated: bool = False  # already shown higher in the tree


def chain(cg: CitationGraph, store: Store, ref: str, *, up: bool = True, depth: int = 6) -> Answer:
    """The implementation lineage: upward to what the document implements, or downward to who implements it."""
    target = find(cg, ref, store)
    answer = Answer(target)
    if target.node is not None:
        answer.rows = [_lineage(cg, target.node, None, up, depth, set())]
    return answer


def _lineage(cg: CitationGraph, node_id: str, relation: str | None, up: bool, depth: int,
             seen: set[str]) -> Lineage:
    graph = cg.graph
    attributes = graph.nodes[node_id]
    here = Lineage(node_id, _label(node_id, attributes), relation, bool(attributes.get("in_corpus")))
    if node_id in seen:
        here.repeated = True
        return here
    seen.add(node_id)
    if depth == 0:
        return here
    edges = graph.out_edges(node_id, data=True) if up else graph.in_edges(node_id, data=True)
    strongest: dict[str, str] = {}
    for source, cited, data in edges:
        other = cited if up else source
        if data["relation"] not in LINEAGE or other == node_id or graph.nodes[other].get("type") in NAMED_TYPES:
            continue
        if strongest.get(other) != "implements":
            strongest[other] = data["relation"]
    for other in sorted(strongest, key=lambda o: (strongest[o] != "implements", graph.nodes[o].get("date") or "", o)):
        here.children.append(_lineage(cg, other, strongest[other], up, depth - 1, seen))
    return here


def _label(node_id: str, attributes: dict[str, Any]) -> str:
    what = attributes.get("symbol") or attributes.get("name")
    if not what:
        title = attributes.get("title") or ""
        what = f"(no number) {title[:60]}" if title else node_id
    kind = attributes.get("type")
    head = f"{kind} {what}" if kind and not (attributes.get("name") and not attributes.get("symbol")) else what
    extras = [x for x in (attributes.get("date") or (str(attributes["year"]) if attributes.get("year") else None),
                          attributes.get("province")) if x]
    return f"{head} ({', '.join(extras)})" if extras else head
