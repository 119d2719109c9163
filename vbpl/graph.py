"""The citation graph: documents as nodes, typed citations with their evidence as edges (networkx).

Built from the resolution kept in the store (`vbpl.kept`): read back while the store is unchanged, brought up to
date after an ingest that added documents, made again from scratch after any other change. Edges keep the
citation's row id, so the sentence and line are read from the store only for the rows a query returns; who cites
each node is also kept as columns (`vbpl.citers`).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from vbpl.citers import Citers
from vbpl.kept import KEPT_VERSION, KeptNodes, gc_paused, resolve_store, update_store
from vbpl.resolve import Node, NodeIndex, Resolution
from vbpl.store import Store

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


def build_graph(store: Store) -> CitationGraph:
    """Resolve the whole store, keep the resolution in it (`Store.save_graph`), and build the graph from that."""
    kept = resolve_store(store)
    try:
        with gc_paused():
            return _from_kept(kept)
    finally:
        if kept is not store:
            kept.close()


def _from_kept(store: Store, state: tuple[int, ...] | None = None, loaded: KeptNodes | None = None) -> CitationGraph:
    """The graph from the kept resolution: nodes, one edge per resolved citation, then the derived edges.

    Edges are added in the order a build from scratch adds them, so every answer (and its ties) is the same. The
    nodes are read from the store, or taken from the update that just wrote them (`loaded`).
    """
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    if loaded is not None:
        nodes, ids = loaded.nodes, list(loaded.nodes)
        in_graph = [(node_id, a) for node_id, a in loaded.attributes.items() if a is not None]
    else:
        ids, data = store.graph_nodes()
        nodes = {}
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
    succ, pred = graph._succ, graph._pred  # type: ignore[attr-defined]  # the adjacency itself, for speed
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
    succ, pred = graph._succ, graph._pred  # type: ignore[attr-defined]  # the adjacency itself, for speed
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


def load_graph(store: Store, *, cache: bool = True) -> CitationGraph:
    """The graph of the store: from the kept resolution when the store has not changed since it was made, else
    resolved again (and kept). `cache=False` resolves again in any case."""
    state = store.state()
    if cache and store.graph_meta("version") == KEPT_VERSION:
        loaded = None
        current = store.graph_meta("state") == list(state)
        if not current:
            try:
                loaded = update_store(store)
            except sqlite3.OperationalError:  # cannot be written: resolved into a scratch store instead
                loaded = None
            current = loaded is not None
        if current:
            with gc_paused():
                return _from_kept(store, loaded=loaded)
    return build_graph(store)
