"""The citation graph: documents as nodes, typed citations with their evidence as edges (networkx).

Built from the store after corpus-wide resolution. The resolution is kept in the store itself
(`Store.save_graph`: nodes, one row per citation, derived edges) stamped with the store's
fingerprint (`Store.state`): while the fingerprint holds, a build reads the kept tables instead of
resolving again; any ingest changes it, and the next reader resolves again. Edges keep the
citation's row id, so the sentence and line are read from the store only for the rows a query
returns.
"""

from __future__ import annotations

import gc
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import regex

from vbpl.citers import Citers, CitersBuilder
from vbpl.resolve import C, Node, NodeIndex, Resolution, resolve_corpus
from vbpl.store import Store
from vbpl.text import fold
from vbpl.vocab import vocabulary

KEPT_VERSION = 3  # of what `resolve_store` keeps; another version is resolved again
_DIGIT = regex.compile(r"\d")
Edge = tuple[str, str, Any, dict[str, Any]]  # source, target, key, attributes


@dataclass(slots=True)
class CitationGraph:
    """The graph with what queries need beside it: the node index and the unresolved citations."""

    graph: nx.MultiDiGraph
    index: NodeIndex
    document_nodes: dict[int, str]  # store document id -> node id
    ambiguous: dict[int, tuple[tuple[str, float], ...]] = field(default_factory=dict)  # citation id -> candidates
    state: tuple[int, ...] = ()
    citers: Citers | None = None  # who cites each node, as columns (None until built: `build_citers`)
    # Answers kept with the graph (valid while it is): what a typed reference means.
    found: dict[tuple[str, bool], Resolution] = field(default_factory=dict)

    def node(self, node_id: str) -> dict[str, Any]:
        return self.graph.nodes[node_id]


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while the millions of objects of a graph are made, and none over them after.

    Each collection during a build would walk every object made so far (it nearly doubles a build at 1M
    citations), and the first collections after it would walk them all again, inside whatever query comes next (3 s
    of a first `cited-by`). So they are made with the collector off and then frozen (`gc.freeze`: left out of
    collections) as the long-lived data they are. The next build unfreezes them and collects once first: a graph
    given up for a new one (networkx graphs hold cycles) is freed before the new one is made, not kept frozen.
    """
    enabled = gc.isenabled()
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def build_graph(store: Store) -> CitationGraph:
    """Resolve the whole store, keep the resolution in it (`Store.save_graph`), and build the graph from that."""
    kept = resolve_store(store)
    try:
        with _gc_paused():
            return _from_kept(kept)
    finally:
        if kept is not store:
            kept.close()


def resolve_store(store: Store) -> Store:
    """Resolve every citation and keep the result in the store, stamped with the store state it was made for.

    Returns the store it was kept in: `store`, or a scratch store in memory when `store` cannot be written (a
    read-only file, another writer holding it), so that a reader still gets its graph. The million rows and their
    resolutions are dropped before the graph is built from the kept tables, so peak memory is the larger of the two
    steps, not their sum.
    """
    state = store.state()
    with _gc_paused():
        rows = store.citation_rows()
        resolved = resolve_corpus(store.document_rows(), rows)
        resolutions, document_nodes = resolved.resolutions, resolved.document_nodes
        seq = {node_id: at for at, node_id in enumerate(resolved.index.nodes)}
        i_id, i_document, i_relation, i_start, i_end, i_page = (
            C["id"], C["document_id"], C["relation"], C["start"], C["end"], C["page"])
        no_candidates = "[]"
        derived = _derived_edges(rows, resolutions)

        def keep(into: Store) -> Store:
            citers = CitersBuilder()
            into.save_graph(
                {"version": KEPT_VERSION, "state": list(state), "document_nodes": list(document_nodes.items())},
                ((at, node_id, node.dump(citers.node(node.attributes() if node_id in resolved.nodes else None)))
                 for at, (node_id, node) in enumerate(resolved.index.nodes.items())),
                ((row_id, r.node, r.method, r.confidence,
                  json.dumps(r.candidates) if r.candidates else no_candidates)
                 for row_id, r in ((row[i_id], resolutions[row[i_id]]) for row in rows)),
                citers.passing(
                    (seq[document_nodes[row[i_document]]], seq[r.node], row[i_id], row[i_document], row[i_relation],
                     row[i_start], row[i_end], row[i_page], r.method, r.confidence)
                    for row, r in ((row, resolutions[row[i_id]]) for row in rows) if r.node is not None),
                ((u, v, key, json.dumps(data, ensure_ascii=False)) for u, v, key, data in derived),
                lambda: citers.finish(list(resolved.index.nodes), derived).dump(),
            )
            return into

        try:
            return keep(store)
        except sqlite3.OperationalError:
            return keep(Store.open(":memory:"))


def _derived_edges(rows: Sequence[tuple[Any, ...]],
                   resolutions: dict[int, Resolution]) -> list[tuple[str, str, str, dict[str, Any]]]:
    """Edges that texts state between documents they cite, in document order."""
    i_id, i_document = C["id"], C["document_id"]
    stating: dict[int, list[int]] = {}  # documents whose text may state edges between what they cite -> row span
    for at, row in enumerate(rows):
        document_id = row[i_document]
        if _may_state(row, document_id, stating):
            stating.setdefault(document_id, [at, at])[1] = at + 1
    edges = []
    for document_id, (first, last) in stating.items():
        cited = [(row, resolutions[row[i_id]]) for row in _document_rows(rows, first, last, document_id)]
        edges += _edges_between_cited(document_id, cited)
    return edges


def _from_kept(store: Store, state: tuple[int, ...] | None = None) -> CitationGraph:
    """The graph from the kept resolution: nodes, one edge per resolved citation, then the derived edges.

    Edges are added in the order a build from scratch adds them, so every answer (and its ties) is the same.
    """
    ids, data = store.graph_nodes()
    nodes: dict[str, Node] = {}
    graph = nx.MultiDiGraph()
    in_graph = []
    for node_id, fields in zip(ids, json.loads(data), strict=True):
        nodes[node_id], attributes = Node.load(node_id, fields)
        if attributes is not None:
            in_graph.append((node_id, attributes))
    del data
    graph.add_nodes_from(in_graph)
    del in_graph
    _add_kept_edges(graph, ids, store.graph_edge_rows())
    _add_edges(graph, ((u, v, key, json.loads(data)) for u, v, key, data in store.derived_edge_rows()))
    citers = Citers.load(ids, store.graph_columns())
    document_nodes = {document_id: node_id for document_id, node_id in store.graph_meta("document_nodes") or ()}
    ambiguous = {row_id: tuple((i, s) for i, s in json.loads(candidates))
                 for row_id, candidates in store.unresolved_citations()}
    kept_state = store.graph_meta("state")
    return CitationGraph(graph, NodeIndex(nodes), document_nodes, ambiguous,
                         state if state is not None else tuple(kept_state or ()), citers)


def _add_kept_edges(graph: nx.MultiDiGraph, ids: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """One edge per resolved citation, straight into the adjacency (`_add_edges` without its node checks: both
    ends are kept nodes); node ids come from `ids`, relation and method words are shared, not one string per edge."""
    succ, pred = graph._succ, graph._pred
    intern = sys.intern
    for source, target, citation, document_id, relation, start, end, page, method, confidence in rows:
        u, v = ids[source], ids[target]
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = {}
        keydict[citation] = {
            "relation": intern(relation), "document_id": document_id, "citation": citation, "start": start,
            "end": end, "page": page, "method": intern(method), "confidence": confidence}
    nx._clear_cache(graph)


def _add_edges(graph: nx.MultiDiGraph, edges: Iterable[tuple[str, str, Any, dict[str, Any]]]) -> None:
    """`graph.add_edges_from(edges)` for a million keyed edges: the adjacency filled as `MultiDiGraph.add_edge` fills
    it, without its per-edge checks and copies (a third of the build time at 1M citations)."""
    succ, pred = graph._succ, graph._pred
    for u, v, key, data in edges:
        for node in (u, v):
            if node not in succ:
                graph.add_node(node)
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = {}
        if key in keydict:
            keydict[key].update(data)
        else:
            keydict[key] = data
    nx._clear_cache(graph)


def _may_state(row: tuple[Any, ...], document_id: int, stating: dict[int, list[int]]) -> bool:
    """Whether this row's document may state an edge between two things it cites (most texts state none).

    A document already marked keeps growing its span; a row marks it when it is amended by another or its
    trích yếu names a number.
    """
    if document_id in stating:
        return True
    title = row[C["title"]]
    return row[C["amended_by"]] != "[]" or bool(title and _DIGIT.search(title))


def _document_rows(rows: Sequence[tuple[Any, ...]], first: int, last: int, document_id: int) -> list[tuple[Any, ...]]:
    """All rows of a document, from the span where one was first marked (rows come in document order)."""
    i_document = C["document_id"]
    while first > 0 and rows[first - 1][i_document] == document_id:
        first -= 1
    while last < len(rows) and rows[last][i_document] == document_id:
        last += 1
    return list(rows[first:last])


def _edges_between_cited(
    document_id: int, cited: list[tuple[tuple[Any, ...], Resolution]]
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """Edges one text states between two documents it cites.

    "Quyết định 27/2018 (đã được sửa đổi tại Quyết định 10/2020)" → 10/2020 amends 27/2018;
    "Quyết định 1703/QĐ-TTg … triển khai thực hiện Chỉ thị 38-CT/TW" → 1703 implements 38-CT/TW.
    """
    node_of = {row[C["cited_id"]]: r.node for row, r in cited if r.node}
    symbols = [(fold(row[C["symbol"]]), r.node) for row, r in cited if r.node and row[C["symbol"]]]
    edges: dict[tuple[str, str], tuple[str, str, str, dict[str, Any]]] = {}
    for row, resolution in cited:
        amenders = json.loads(row[C["amended_by"]]) if resolution.node and row[C["amended_by"]] != "[]" else []
        for amender in amenders:
            source = node_of.get(amender)
            if source and source != resolution.node:
                edge = _derived(document_id, row, source, resolution, "amends", "amended_by")
                edges[(source, resolution.node)] = edge
    for row, resolution in cited:
        target, title = resolution.node, row[C["title"]]
        if target is None or not title or not any(ch.isdigit() for ch in title):
            continue
        folded = fold(title)
        for symbol, other in symbols:
            at = folded.find(symbol)
            if other == target or at < 0 or (other, target) in edges:
                continue
            edges.setdefault((target, other), _derived(document_id, row, other, resolution, _cue_before(folded, at),
                                                       "title", source=target))
    return list(edges.values())


def _derived(document_id: int, row: tuple[Any, ...], other: str, resolution: Resolution, relation: str,
             method: str, source: str | None = None) -> tuple[str, str, str, dict[str, Any]]:
    """An edge between two cited documents, with the citing text as its evidence."""
    ends = (source, other) if source else (other, resolution.node or "")
    return (*ends, f"{row[C['id']]}>{other}", {
        "relation": relation, "document_id": document_id, "citation": row[C["id"]], "start": row[C["start"]],
        "end": row[C["end"]], "page": row[C["page"]], "method": method, "confidence": resolution.confidence,
        "derived": True,
    })


def _cue_before(folded_title: str, position: int) -> str:
    """The relation named by the last cue word before `position` in a trích yếu, else 'mentions'."""
    best, relation = -1, "mentions"
    for cue, cue_relation in _folded_cues():
        found = folded_title.rfind(cue, 0, position)
        if found > best:
            best, relation = found, cue_relation
    return relation


_CUES: list[tuple[str, str]] = []


def _folded_cues() -> list[tuple[str, str]]:
    if not _CUES:
        _CUES.extend((fold(cue), relation) for cue, relation in vocabulary().cues
                     if relation not in ("proposal", "attached") and regex.search(r"\s", cue))
    return _CUES


def load_graph(store: Store, *, cache: bool = True) -> CitationGraph:
    """The graph of the store: from the kept resolution when the store has not changed since it was made, else
    resolved again (and kept). `cache=False` resolves again in any case."""
    state = store.state()
    if cache and store.graph_meta("version") == KEPT_VERSION and store.graph_meta("state") == list(state):
        with _gc_paused():
            return _from_kept(store, state)
    return build_graph(store)
