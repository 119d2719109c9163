"""Peer recommendations: what plans of the same kind cite that this plan does not.

Peers are the corpus documents that implement or rest on the same national document as the plan, or that
share its type and subject (close titles). A national document most peers cite and the plan leaves out is
worth a look ("three other provinces' plans also cite Thông tư 35/2021/TT-BTC"). Local documents of other
provinces are never recommended: a Đồng Nai decision binds no one in Quảng Ngãi.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from vbpl.graph import CitationGraph
from vbpl.queries import LINEAGE, cited_by, cites, find
from vbpl.resolve import Resolution
from vbpl.text import fold
from vbpl.vocab import NAMED_TYPES

SUBJECT_FLOOR = 75.0  # token-set score of two titles above which two documents share a subject


@dataclass(frozen=True, slots=True)
class Recommendation:
    node: str
    label: str
    peers: int  # how many peers cite it
    cited_by: tuple[str, ...]  # their labels


@dataclass(slots=True)
class PeerReport:
    target: Resolution
    parents: list[str] = field(default_factory=list)  # labels of the national documents the plan rests on
    peers: list[str] = field(default_factory=list)  # labels of the peer documents
    recommendations: list[Recommendation] = field(default_factory=list)


def _national(node_id: str) -> bool:
    return "@" not in node_id


def _cited_nodes(cg: CitationGraph, store, node_id: str) -> dict[str, set[str]]:
    """Node -> relations it is cited with by `node_id` (direct citations only)."""
    found: dict[str, set[str]] = defaultdict(set)
    for relation, items in cites(cg, store, node_id).rows:
        for item in items:
            if item.node:
                found[item.node].add(relation)
    return found


def peers(cg: CitationGraph, store, ref: str, limit: int = 15) -> PeerReport:
    """Documents that most peers of `ref` cite and `ref` does not, with how many peers cite each."""
    target = find(cg, ref, store)
    report = PeerReport(target)
    if target.node is None:
        return report
    graph = cg.graph
    own = _cited_nodes(cg, store, target.node)
    # Laws are the basis of nearly everything: a shared law does not make two plans peers.
    parents = [n for n, relations in own.items() if _national(n) and relations & set(LINEAGE)
               and graph.nodes[n].get("type") not in NAMED_TYPES]
    report.parents = [cg.index.nodes[n].label() for n in sorted(parents)]
    peer_nodes: set[str] = set()
    for parent in parents:
        peer_nodes |= {r.node for r in cited_by(cg, store, parent, sentences=False).rows
                       if not r.derived and r.relation in LINEAGE}
    attributes = graph.nodes[target.node]
    title = fold(attributes.get("title") or "")
    if title:
        for node_id, other in graph.nodes(data=True):
            if (other.get("in_corpus") and other.get("type") == attributes.get("type")
                    and fuzz.token_set_ratio(title, fold(other.get("title") or "")) >= SUBJECT_FLOOR):
                peer_nodes.add(node_id)
    peer_nodes.discard(target.node)
    peer_nodes = {n for n in peer_nodes if graph.nodes[n].get("in_corpus")}
    report.peers = sorted(_label(cg, n) for n in peer_nodes)
    counts: Counter[str] = Counter()
    citers: dict[str, list[str]] = defaultdict(list)
    for peer in sorted(peer_nodes):
        for node_id in _cited_nodes(cg, store, peer):
            if _national(node_id) and node_id not in own and node_id != target.node:
                counts[node_id] += 1
                citers[node_id].append(_label(cg, peer))
    report.recommendations = [
        Recommendation(node_id, cg.index.nodes[node_id].label(), count, tuple(citers[node_id]))
        for node_id, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    ]
    return report


def _label(cg: CitationGraph, node_id: str) -> str:
    attributes = cg.graph.nodes[node_id]
    if attributes.get("symbol"):
        return cg.index.nodes[node_id].label()
    where = attributes.get("province") or ""
    return f"{attributes.get('type') or 'Văn bản'} (draft) {where}".strip() + f" [{node_id}]"
