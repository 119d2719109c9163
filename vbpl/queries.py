"""Questions people ask of the citation graph: who cites this, what does this cite, where does it come from.

Each answer is plain data (dataclasses) so that the CLI, notebooks and a web UI present it their own way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
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


@dataclass(slots=True)
class Answer:
    """The document a query was about (or the candidates it might be), and the rows found."""

    target: Resolution
    rows: list[Any] = field(default_factory=list)


def find(cg: CitationGraph, ref: str, store: Store | None = None) -> Resolution:
    """The node a person means: a node id, any loose spelling of a reference, a title, a document id or file name."""
    if store is not None:
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

    The sentence is read from the store's text per row; `sentences=False` leaves it out for counts and tables.
    """
    target = find(cg, ref, store)
    answer = Answer(target)
    if target.node is None:
        return answer
    graph = cg.graph
    rows = []
    for source, _, data in graph.in_edges(target.node, data=True):
        if relation and data["relation"] != relation:
            continue
        citing = graph.nodes[source]
        if not _keep(citing, province, level, since, until):
            continue
        rows.append((source, citing, data))
    rows.sort(key=lambda r: (r[1].get("date") or "", r[0], r[2]["start"]))
    answer.rows = [
        Citing(
            document_id=data["document_id"],
            node=source,
            label=_label(source, citing),
            relation=data["relation"],
            date=citing.get("date"),
            province=citing.get("province"),
            level=citing.get("level"),
            page=data.get("page"),
            sentence=sentence(store, data["document_id"], data["start"], data["end"]) if sentences else "",
            method=data["method"],
            confidence=data["confidence"],
            citation=data["citation"],
            derived=bool(data.get("derived")),
        )
        for source, citing, data in rows
    ]
    return answer


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
