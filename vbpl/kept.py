"""The resolution kept in the store: made from scratch (`resolve_store`), or brought up to date after an ingest
that only added documents (`update_store`).

Resolving a million citations takes half a minute; the graph is then built from what is kept (`Store.save_graph`:
nodes, one resolution per citation, edges, derived edges, the citers columns), stamped with the store's
fingerprint (`Store.state`) and its extent (`Store.extent`: what rows there were). While the fingerprint holds a
build reads the kept tables. After an ingest that added documents, `update_store` resolves what they add and what
they change (`vbpl.resolve_delta`) and writes only that; any other change (a file replaced, a document removed, a
spelling that would merge with another) resolves from scratch again.
"""

from __future__ import annotations

import gc
import json
import logging
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import regex

from vbpl.citers import Citers, CitersBuilder, derived_rows
from vbpl.resolve import AliasFacts, C, Context, Node, Resolution, document_context, resolve_corpus
from vbpl.resolve_delta import Added, resolve_added
from vbpl.store import DERIVED_PER_DOCUMENT, Store
from vbpl.text import fold
from vbpl.vocab import vocabulary

log = logging.getLogger(__name__)
KEPT_VERSION = 7  # of what `resolve_store` keeps; another version is resolved again
_DIGIT = regex.compile(r"\d")


@contextmanager
def gc_paused() -> Iterator[None]:
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


def resolve_store(store: Store) -> Store:
    """Resolve every citation and keep the result in the store, stamped with the store state it was made for.

    Returns the store it was kept in: `store`, or a scratch store in memory when `store` cannot be written (a
    read-only file, another writer holding it), so that a reader still gets its graph. The million rows and their
    resolutions are dropped before the graph is built from the kept tables, so peak memory is the larger of the two
    steps, not their sum.
    """
    state = store.state()
    with gc_paused():
        rows, documents = store.citation_rows(), store.document_rows()
        extent = _extent_of(store, documents, rows, (0, 0))  # of the rows read (a writer may add more meanwhile)
        resolved = resolve_corpus(documents, rows)
        resolutions, document_nodes = resolved.resolutions, resolved.document_nodes
        seq = {node_id: at for at, node_id in enumerate(resolved.index.nodes)}
        i_id, i_document, i_relation, i_start, i_end, i_page = (
            C["id"], C["document_id"], C["relation"], C["start"], C["end"], C["page"])
        no_candidates = "[]"
        derived = _derived_edges(rows, resolutions)

        def keep(into: Store) -> Store:
            citers = CitersBuilder()
            into.save_graph(
                {"version": KEPT_VERSION, "state": list(state), "extent": extent,
                 "document_nodes": list(document_nodes.items()),
                 "merged": _merged_form(resolved.merged, resolved.facts)},
                ((at, node_id, node.dump(citers.node(node.attributes() if node_id in resolved.nodes else None)))
                 for at, (node_id, node) in enumerate(resolved.index.nodes.items())),
                ((row_id, r.node, r.method, r.confidence,
                  json.dumps(r.candidates) if r.candidates else no_candidates)
                 for row_id, r in ((row[i_id], resolutions[row[i_id]]) for row in rows)),
                citers.passing(
                    (seq[document_nodes[row[i_document]]], seq[r.node], row[i_id], row[i_document], row[i_relation],
                     row[i_start], row[i_end], row[i_page], r.method, r.confidence)
                    for row, r in ((row, resolutions[row[i_id]]) for row in rows) if r.node is not None),
                _derived_form(derived),
                lambda: citers.finish(list(resolved.index.nodes), derived).dump(),
            )
            return into

        try:
            return keep(store)
        except sqlite3.OperationalError:
            return keep(Store.open(":memory:"))


@dataclass(slots=True)
class KeptNodes:
    """The kept nodes as an update left them, in seq order, with their graph attributes (None: not in the graph):
    the build after an update takes them instead of reading and parsing them again."""

    nodes: dict[str, Node]
    attributes: dict[str, dict[str, Any] | None]


def update_store(store: Store) -> KeptNodes | None:
    """Bring the kept resolution up to date with the documents added since it was made, writing only what changed.

    None when it cannot (nothing kept, the store changed otherwise than by added documents, or the addition reaches
    further than `resolve_added` follows): then resolve from scratch. `sqlite3.OperationalError` when the store
    cannot be written.
    """
    extent, merged_kept = store.graph_meta("extent"), store.graph_meta("merged")
    if store.graph_meta("version") != KEPT_VERSION or extent is None or merged_kept is None:
        return None
    documents_up_to, citations_up_to = extent[1], extent[4]
    state = store.state()
    if store.extent(documents_up_to, citations_up_to) != extent:
        log.info("resolving from scratch: documents were replaced or removed")
        return None
    documents, rows = store.document_rows(after=documents_up_to), store.citation_rows(after=citations_up_to)
    if any(row[C["document_id"]] <= documents_up_to for row in rows):
        log.info("resolving from scratch: citations were added to a document resolved before")
        return None
    started = time.perf_counter()
    with gc_paused():
        ids, data = store.graph_nodes()
        nodes, attributes = {}, {}
        for node_id, fields in zip(ids, json.loads(data), strict=True):
            nodes[node_id], attributes[node_id] = Node.load(node_id, fields)
        del data
        merged = {old: Resolution(node, method, confidence)
                  for old, (node, method, confidence, *_) in merged_kept.items()}
        facts: dict[str, AliasFacts] = {old: (total, symbol, bool(in_corpus), name, year) for old, (
            _, _, _, total, symbol, in_corpus, name, year) in merged_kept.items()}

        def dependents(node_ids: set[str]) -> tuple[list[tuple[Any, ...]], dict[int, Context]]:
            old = store.citation_rows_where("cited_id", sorted(node_ids), citations_up_to)
            documents_of = sorted({row[C["document_id"]] for row in old})
            contexts = {d["id"]: document_context(d) for d in store.document_rows(ids=documents_of)}
            cited: dict[int, set[str]] = {}
            for row in store.citation_rows_where("document_id", documents_of, citations_up_to):
                cited.setdefault(row[C["document_id"]], set()).add(row[C["cited_id"]])
            for document_id, ids_cited in cited.items():
                contexts.setdefault(document_id, Context()).cited = frozenset(ids_cited)
            return old, contexts

        added = resolve_added(nodes, merged, facts, documents, rows, dependents)
        if added is None:
            return None
        _write_added(store, added, nodes, attributes, ids, documents, rows, state, (documents_up_to, citations_up_to),
                     merged, facts)
    log.info("kept resolution brought up to date with %d documents and %d citations added (%d asked again) in %.2f s",
             len(documents), len(rows), len(added.rows), time.perf_counter() - started)
    return KeptNodes(nodes, attributes)


def _write_added(store: Store, added: Added, nodes: dict[str, Node], attributes: dict[str, dict[str, Any] | None],
                 ids: list[str], documents: Sequence[Any], rows: Sequence[tuple[Any, ...]], state: tuple[int, ...],
                 extent_before: tuple[int, int], merged: dict[str, Resolution], facts: dict[str, AliasFacts]) -> None:
    """Write what an addition changed: nodes, resolutions, edges, derived edges, columns, stamps."""
    citations_up_to = extent_before[1]
    i_id, i_document = C["id"], C["document_id"]
    was = store.kept_resolutions([row[i_id] for row in added.rows])
    changed = [row for row in added.rows if _kept_form(added.resolutions[row[i_id]]) != was[row[i_id]]]
    written = [*changed, *rows]
    now_used = {i for row in written for i in _named(added.resolutions[row[i_id]])}
    lost = {i for row in changed for i in _named(_from_kept_form(was[row[i_id]]))} - now_used
    lost -= store.nodes_still_used(lost, {row[i_id] for row in changed}) if lost else set()
    ids = [*ids, *added.new_nodes]
    in_graph = {i for i, a in attributes.items() if a is not None}
    in_graph = (in_graph | now_used | {i for i in [*added.touched, *added.new_nodes] if nodes[i].in_corpus}) - {
        i for i in lost if not nodes[i].in_corpus}
    rewrite = {*added.new_nodes, *added.touched, *now_used, *lost}
    for node_id in rewrite:
        attributes[node_id] = nodes[node_id].attributes() if node_id in in_graph else None
    seq = {node_id: at for at, node_id in enumerate(ids)}
    document_nodes = {document_id: node_id for document_id, node_id in store.graph_meta("document_nodes") or ()}
    document_nodes.update(added.document_nodes)
    affected = {row[i_document] for row in changed}
    affected_rows = store.citation_rows_where("document_id", sorted(affected), citations_up_to)
    resolutions = {row_id: _from_kept_form(kept) for row_id, kept in store.kept_resolutions(
        [row[i_id] for row in affected_rows]).items()}
    resolutions.update(added.resolutions)
    restated = _derived_edges([*affected_rows, *rows], resolutions)
    affected |= set(added.document_nodes)
    edges = [(seq[document_nodes[row[i_document]]], seq[r.node], row[i_id], row[i_document], row[C["relation"]],
              row[C["start"]], row[C["end"]], row[C["page"]], r.method, r.confidence)
             for row, r in ((row, added.resolutions[row[i_id]]) for row in written) if r.node is not None]
    old = Citers.load(ids[: len(ids) - len(added.new_nodes)], store.graph_columns())
    if old is None:
        raise ValueError("the kept resolution has no citers columns")
    citers = CitersBuilder(old.vocabularies).update(
        old, ids, {node_id: attributes[node_id] for node_id in rewrite}, [row[i_id] for row in changed], affected,
        edges, derived_rows(restated, seq)).dump()
    store.update_graph(
        {"state": list(state), "extent": _extent_of(store, documents, rows, extent_before),
         "document_nodes": list(document_nodes.items()),
         "merged": _merged_form(merged, facts)},
        ((seq[node_id], node_id, nodes[node_id].dump(attributes[node_id])) for node_id in rewrite),
        ((row[i_id], *_kept_form(added.resolutions[row[i_id]])) for row in written),
        [row[i_id] for row in changed], edges, affected, _derived_form(restated), lambda: citers,
    )


def _derived_form(derived: list[tuple[str, str, str, dict[str, Any]]]) -> Iterator[tuple[int, str, str, str, str]]:
    """Derived edges as `graph_derived` keeps them: at a seq made of the stating document's id and the edge's place
    among its edges, so that the table stays in document order when one document's edges are written again."""
    place: dict[int, int] = {}
    for u, v, key, data in derived:
        document_id = data["document_id"]
        at = place[document_id] = place.get(document_id, -1) + 1
        if at >= DERIVED_PER_DOCUMENT:
            raise ValueError(f"document {document_id} states more than {DERIVED_PER_DOCUMENT} edges")
        yield document_id * DERIVED_PER_DOCUMENT + at, u, v, key, json.dumps(data, ensure_ascii=False)


def _extent_of(store: Store, documents: Sequence[Any], rows: Sequence[tuple[Any, ...]],
               before: tuple[int, int]) -> list[Any]:
    """The store's extent up to the last document and citation read (`before`: the ids up to which all were)."""
    return store.extent(max((d["id"] for d in documents), default=before[0]),
                        max((row[C["id"]] for row in rows), default=before[1]))


def _merged_form(merged: dict[str, Resolution], facts: dict[str, AliasFacts]) -> dict[str, list[Any]]:
    return {old: [r.node, r.method, r.confidence, *facts[old]] for old, r in merged.items()}


def _kept_form(r: Resolution) -> tuple[str | None, str, float, str]:
    """A resolution as the `resolutions` table keeps it."""
    return r.node, r.method, r.confidence, json.dumps(r.candidates) if r.candidates else "[]"


def _from_kept_form(kept: tuple[str | None, str, float, str]) -> Resolution:
    node, method, confidence, candidates = kept
    return Resolution(node, method, confidence, tuple((i, s) for i, s in json.loads(candidates)))


def _named(r: Resolution) -> set[str]:
    """The nodes a resolution names: its node, or its candidates."""
    return ({r.node} if r.node else set()) | {i for i, _ in r.candidates}


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
        amended = resolution.node
        amenders = json.loads(row[C["amended_by"]]) if amended and row[C["amended_by"]] != "[]" else []
        for amender in amenders:
            source = node_of.get(amender)
            if source and amended and source != amended:
                edges[(source, amended)] = _derived(document_id, row, source, resolution, "amends", "amended_by")
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


