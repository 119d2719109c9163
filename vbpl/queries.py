"""Questions people ask of the citation graph: who cites this, what does this cite, where does it come from.

Each answer is plain data (dataclasses) so that the CLI, notebooks and a web UI present it their own way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypedDict, Unpack, overload

import regex

from vbpl.citers import Citers, Ints
from vbpl.graph import CitationGraph
from vbpl.resolve import Resolution, lookup
from vbpl.store import AmbiguousKeyError, Store
from vbpl.text import squash
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
    rows: Sequence[Any] = field(default_factory=list)


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


class RowFilters(TypedDict, total=False):
    """What `cited_by` and `citing_rows` filter the citations by; `type_` is the citing document's type."""

    province: str | None
    relation: str | None
    level: str | None
    since: str | None
    until: str | None
    type_: str | None


def cited_by(
    cg: CitationGraph, store: Store, ref: str, *, sentences: bool = True, **filters: Unpack[RowFilters]
) -> Answer:
    """Documents that cite `ref`, each citation with its relation, the citing document's metadata and sentence.

    Rows are in answer order (citing date, citing document, position) and made as they are read (`CitingRows`).
    The sentence is read from the store's text per row; `sentences=False` leaves it out (`with_sentences` adds it
    later to the rows actually shown).
    """
    target = find(cg, ref, store)
    answer = Answer(target)
    if target.node is None:
        return answer
    rows = citing_rows(cg, target.node, **filters)
    answer.rows = with_sentences(store, rows) if sentences else rows
    return answer


def citing_rows(cg: CitationGraph, node: str, **filters: Unpack[RowFilters]) -> CitingRows:
    """The citations of a node (none for a node the graph does not hold), filtered as `cited_by` filters them."""
    citers = _citers(cg)
    positions = citers.positions(node)
    if any(filters.values()):
        positions = citers.filter(positions, **filters)
    return CitingRows(cg, positions)


def _citers(cg: CitationGraph) -> Citers:
    if cg.citers is None:
        raise ValueError("the graph has no citers index: load it with vbpl.graph.load_graph")
    return cg.citers


class CitingRows(Sequence[Citing]):
    """The citations of one document as a sequence of `Citing`, each made when it is read: a decision with a
    hundred thousand citations answers at once, and a page of twenty costs twenty rows."""

    __slots__ = ("_cg", "_citers", "positions")

    def __init__(self, cg: CitationGraph, positions: Ints) -> None:
        self._cg, self._citers, self.positions = cg, _citers(cg), positions

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, at: int) -> Citing: ...

    @overload
    def __getitem__(self, at: slice) -> CitingRows: ...

    def __getitem__(self, at: int | slice) -> Citing | CitingRows:
        if isinstance(at, slice):
            return CitingRows(self._cg, self.positions[at])
        return self.at(int(self.positions[at]))

    def __iter__(self) -> Iterator[Citing]:
        row = self.at
        for position in self.positions.tolist():
            yield row(position)

    def documents(self) -> int:
        """How many distinct documents the rows come from."""
        return self._citers.documents(self.positions)

    def values(self, column: str) -> list[Any]:
        """Distinct values of 'province', 'level', 'type' (of the citing documents) or 'relation' among the rows."""
        return self._citers.values(self.positions, column)

    def at(self, at: int) -> Citing:
        """The citation at a position of the citers columns (one of `positions`)."""
        c = self._citers
        column = c.columns
        node = c.ids[column["source"][at]]
        citing = self._cg.graph.nodes[node]
        page = int(column["page"][at])
        return Citing(
            document_id=int(column["document"][at]),
            node=node,
            label=_label(node, citing),
            relation=c.word("relations", column["relation"][at]) or "",
            date=citing.get("date"),
            province=citing.get("province"),
            level=citing.get("level"),
            page=None if page < 0 else page,
            sentence="",
            method=c.word("methods", column["method"][at]) or "",
            confidence=float(column["confidence"][at]),
            citation=int(column["citation"][at]),
            derived=bool(column["derived"][at]),
            start=int(column["start"][at]),
            end=int(column["end"][at]),
        )


def with_sentences(store: Store, rows: Iterable[Citing]) -> list[Citing]:
    """The rows with the sentence around each citation, read from the store."""
    return [replace(row, sentence=sentence(store, row.document_id, row.start, row.end)) for row in rows]


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
