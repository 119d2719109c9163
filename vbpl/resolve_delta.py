"""Resolving what an ingest added, on top of a kept resolution, with the answer a resolution from scratch gives.

An ingest that only adds documents changes little of a resolved corpus: the nodes its documents and citations
name, and the old citations whose answer depends on those nodes (a partial number that may now mean one of them,
a symbol written without its year, a law named without its year). `resolve_added` resolves exactly those with
`resolve_corpus`'s own rules. When the change could reach further — a new spelling that would merge with a known
one, a law name that would merge with another, a header that renames a known document — it returns None and the
caller resolves the corpus from scratch instead.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from vbpl.resolve import (
    _LETTER,
    _NUMBER,
    CONFIDENCE,
    AliasFacts,
    C,
    Context,
    LawName,
    Node,
    NodeIndex,
    Resolution,
    _law_bucket,
    _observe,
    alias_facts,
    apply_header,
    compact,
    document_context,
    final,
    header_node_id,
    law_merges,
    law_name,
    observe_rows,
    resolve_row,
    split_id,
    well_formed,
)
from vbpl.text import fold
from vbpl.vocab import NAMED_TYPES

log = logging.getLogger(__name__)
# Given node ids, the kept citation rows that cite them, and the contexts of the documents those rows are in.
Dependents = Callable[[set[str]], tuple[list[tuple[Any, ...]], dict[int, Context]]]


class _Beyond(Exception):
    """The addition could change more than `resolve_added` follows: resolve from scratch."""


@dataclass(slots=True)
class Added:
    """The kept resolution's nodes brought up to date, and the resolutions that are new or asked again."""

    new_nodes: list[str]  # in the order a resolution from scratch would meet them, after the kept ones
    touched: set[str]  # kept nodes whose data changed (a header, new observations, a new spelling merged in)
    resolutions: dict[int, Resolution]  # citation id -> resolution, for the added rows and the old rows asked again
    rows: list[tuple[Any, ...]]  # the old rows asked again
    document_nodes: dict[int, str]  # the added documents' nodes
    merged: dict[str, Resolution]  # new ids merged into a node (damaged spellings)


def resolve_added(nodes: dict[str, Node], merged: dict[str, Resolution], facts: dict[str, AliasFacts],
                  documents: Sequence[Any], rows: Sequence[tuple[Any, ...]], dependents: Dependents) -> Added | None:
    """Add documents and their citation rows to `nodes` (the kept index, changed in place) and resolve them.

    `merged` and `facts` are the kept resolution's merged ids and what decided each merge (new merges are added
    to both); `dependents` reads old rows back. None: the addition could change more than this can follow;
    resolve from scratch.
    """
    try:
        return _resolve_added(nodes, merged, facts, documents, rows, dependents)
    except _Beyond as beyond:
        log.info("resolving from scratch: %s", beyond)
        return None


def _resolve_added(nodes: dict[str, Node], merged: dict[str, Resolution], facts: dict[str, AliasFacts],
                   documents: Sequence[Any], rows: Sequence[tuple[Any, ...]], dependents: Dependents) -> Added:
    index = NodeIndex(nodes)
    kept = set(nodes)
    finals = {old: final(merged, old) for old in merged}
    before: dict[str, tuple[Any, ...]] = {}
    counters: dict[str, tuple[Counter[str], ...]] = {}  # kept nodes' observations before the addition
    document_nodes: dict[int, str] = {}
    contexts: dict[int, Context] = {}
    for d in documents:
        node_id = header_node_id(d["id"], d["type"], None if d["placeholder"] else d["symbol"], d["year"],
                                 d["province"])
        if node_id in finals:
            raise _Beyond(f"{node_id} has a document now, and was merged into another")
        if node_id in kept:
            before.setdefault(node_id, _fields(nodes[node_id]))
        document_nodes[d["id"]] = apply_header(nodes, d)
        contexts[d["id"]] = document_context(d)
    if rows:
        columns = list(zip(*rows, strict=True))
        columns[C["cited_id"]] = tuple(finals.get(i, i) for i in columns[C["cited_id"]])
        for node_id in dict.fromkeys(columns[C["cited_id"]]):
            if node_id in kept:
                before.setdefault(node_id, _fields(nodes[node_id]))
                node = nodes[node_id]
                counters[node_id] = (Counter(node.dates), Counter(node.issuers), Counter(node.titles))
        _observe(nodes, columns)
        del columns
    changed = _changed(nodes, before)
    new_nodes = [node_id for node_id in nodes if node_id not in kept]
    partial = _partial_nodes(nodes)
    for node_id in new_nodes:
        index.add(nodes[node_id])
    merges = _Merges(index, partial, merged, facts, finals, counters, rows, set(new_nodes))
    merging = merges.decide([*before, *(i for i in finals if i in merges.cited)])
    for old in merges.cited & set(finals):  # merged ids the added citations use: their own counts grow
        total, symbol, is_partial, name, year = facts[old]
        facts[old] = (total + merges.new_counts[old], symbol, is_partial, name, year)
    facts.update({node_id: alias_facts(nodes[node_id]) for node_id in merging})
    _merge(nodes, index, merging, counters, rows, finals, set(new_nodes))
    merged.update(merging)
    new_nodes = [node_id for node_id in new_nodes if node_id not in merging]
    index.forget()
    cited_by_document: dict[int, set[str]] = {}
    for row in rows:
        cited_by_document.setdefault(row[C["document_id"]], set()).add(row[C["cited_id"]])
    for document_id, cited in cited_by_document.items():
        contexts.setdefault(document_id, Context()).cited = frozenset(cited)
    old_rows, old_contexts = dependents(_dependent_nodes([*new_nodes, *changed], nodes, index, partial))
    resolutions = {row[C["id"]]: resolve_row(row, index, merged, old_contexts.get(row[C["document_id"]]))
                   for row in old_rows}
    for row in rows:
        resolutions[row[C["id"]]] = resolve_row(row, index, merged, contexts.get(row[C["document_id"]]))
    touched = set(before) | {r.node for r in merging.values() if r.node in kept}
    return Added(new_nodes, touched, resolutions, old_rows, document_nodes, merging)


def _changed(nodes: dict[str, Node], before: dict[str, tuple[Any, ...]]) -> set[str]:
    """Kept nodes whose resolution-relevant fields the addition changed (a header: in the corpus, its type, a year
    filled in)."""
    changed = set()
    for node_id, was in before.items():
        now = _fields(nodes[node_id])
        if now != was:
            if now[1] != was[1] or now[3] != was[3] or (now[2] != was[2] and nodes[node_id].name):
                raise _Beyond(f"{node_id}: its symbol, name or (of a law) year is written anew")
            changed.add(node_id)
    return changed


def _merge(nodes: dict[str, Node], index: NodeIndex, merging: dict[str, Resolution],
           counters: dict[str, tuple[Counter[str], ...]], rows: Sequence[tuple[Any, ...]],
           finals: dict[str, str], new: set[str]) -> None:
    """Merge new spellings into their nodes, as `_merge_spellings` does: the node takes the spelling as an alias and
    counts its citations' observations in citation order among its own."""
    if not merging:
        return
    targets = {r.node or "" for r in merging.values()}
    for node_id, into in merging.items():
        target = nodes[into.node or ""]
        target.aliases |= {node_id, *nodes[node_id].aliases}
        index.discard(nodes[node_id])
    for node_id in targets:  # counted again from before the addition: a kept node's counts, a new node's none
        node = nodes[node_id]
        base = counters.get(node_id) or (() if node_id in new else (node.dates, node.issuers, node.titles))
        node.dates, node.issuers, node.titles = (Counter(c) for c in base or ((), (), ()))
    observe_rows(nodes, rows, {**finals, **{old: r.node or "" for old, r in merging.items()}}, targets)


def _fields(node: Node) -> tuple[Any, ...]:
    """What of a node its resolution and its merges depend on."""
    return node.in_corpus, node.symbol, node.year, node.name, node.type


def _partial_nodes(nodes: dict[str, Node]) -> dict[str, list[str]]:
    """Nodes of partial references ('20/2021', 'Chỉ thị 20'), by number: the index leaves them out."""
    found: dict[str, list[str]] = {}
    for node in nodes.values():
        if node.symbol and node.number and not _LETTER.search(node.symbol):
            found.setdefault(node.number, []).append(node.id)
    return found


class _Merges:
    """Merge decisions as `_merge_spellings` and `_merge_laws` take them, for the groups an addition touches.

    A group is one document's spellings (type, compact symbol, year, province); its node is the member first by
    (ingested, well-formed, own dated citations, id). The kept resolution's counts include its merged ids' own
    (`facts`), so a member's own count is known without reading its citations again.
    """

    def __init__(self, index: NodeIndex, partial: dict[str, list[str]], merged: dict[str, Resolution],
                 facts: dict[str, AliasFacts], finals: dict[str, str], counters: dict[str, tuple[Counter[str], ...]],
                 rows: Sequence[tuple[Any, ...]], new: set[str]) -> None:
        self.index, self.partial, self.merged, self.facts, self.finals = index, partial, merged, facts, finals
        self.new, self.counters = new, counters
        self.cited = {row[C["cited_id"]] for row in rows}  # ids the added citations use, merged ones included
        self.new_counts = Counter(row[C["cited_id"]] for row in rows if row[C["date"]])
        self.merged_totals: Counter[str] = Counter()
        for old, into in finals.items():
            self.merged_totals[into] += facts[old][0]
        self.aliases: dict[tuple[Any, ...], list[str]] = {}
        self.law_aliases: dict[str, list[str]] = {}
        for old, (_, symbol, _, name, _) in facts.items():
            if symbol and _NUMBER.match(symbol):
                self.aliases.setdefault(_group(old, symbol), []).append(old)
            if name and merged[old].method == "name":
                self.law_aliases.setdefault(_law_bucket(name), []).append(old)

    def decide(self, touched: Sequence[str]) -> dict[str, Resolution]:
        """New ids to merge, and how; `_Beyond` when a kept merge would be decided otherwise now."""
        nodes = self.index.nodes
        merging: dict[str, Resolution] = {}
        buckets = set()
        for node_id in dict.fromkeys([*touched, *sorted(self.new)]):
            node = nodes.get(node_id)
            symbol, name = (node.symbol, node.name) if node else self.facts[node_id][1::2]
            if symbol and (number := _NUMBER.match(symbol)):
                into = self._group_merge(node_id, symbol, number.group(1))
                if into is not None:
                    merging[node_id] = into
            if name:
                buckets.add(_law_bucket(name))
        for node_id in sorted(self.new):
            if node_id not in merging and (into := self._close_spelling(nodes[node_id])):
                merging[node_id] = into
        merging.update(self._law_merges(buckets, set(merging)))
        return merging

    def _law_merges(self, buckets: set[str], merging: set[str]) -> dict[str, Resolution]:
        """`_merge_laws` decided again for the laws of the touched names, with today's counts: the new laws that
        merge, and `_Beyond` when a kept decision would change."""
        nodes = self.index.nodes
        found: dict[str, Resolution] = {}
        for bucket in sorted(buckets):
            laws = [law_name(nodes[i], self._total(i)) for i in self.index.laws.get(bucket, ())
                    if i not in merging and (nodes[i].type in NAMED_TYPES or nodes[i].type is None)]
            for old in self.law_aliases.get(bucket, ()):
                total, _, _, name, year = self.facts[old]
                laws.append(LawName(old, name or "", year, total + self.new_counts[old], False))
            decided = law_merges(laws)
            for law in laws:
                now = decided.get(law.id)
                if law.id in self.new:
                    if now is not None:
                        found[law.id] = Resolution(now, "name", CONFIDENCE["name"])
                elif now != (self.merged[law.id].node if law.id in self.merged else None):
                    raise _Beyond(f"{law.id}: the laws named {law.name!r} would be merged otherwise")
        return found

    def _group_merge(self, node_id: str, symbol: str, number: str) -> Resolution | None:
        nodes = self.index.nodes
        key = _group(node_id, symbol)
        compacted = key[1]
        members = [i for i in [*self.index.by_compact.get(compacted, ()),
                               *(i for i in self.partial.get(number, ())
                                 if compact(nodes[i].symbol or "") == compacted)]
                   if _group(i, nodes[i].symbol or "") == key]
        members = list(dict.fromkeys([*members, *self.aliases.get(key, ())]))
        if len(members) < 2:
            return None
        keep = max(members, key=self._rank)
        old = [i for i in members if i not in self.new]
        was = [i for i in old if i not in self.merged or self.merged[i].node not in members]
        if len(was) != 1 or keep != was[0]:
            raise _Beyond(f"{node_id}: the spellings of {keep} would be one node by another choice")
        if node_id not in self.new:
            return None
        if nodes[node_id].name:
            raise _Beyond(f"{node_id}: a named spelling merged")
        keep_symbol = nodes[keep].symbol if keep in nodes else self.facts[keep][1]
        return Resolution(keep, "fuzzy", round(fuzz.ratio(fold(symbol), fold(keep_symbol or "")) / 100, 3))

    def _rank(self, node_id: str) -> tuple[bool, bool, int, str]:
        """How `_merge_spellings` picks a group's node: ingested, well-formed, most dated citations, id."""
        if node_id in self.facts:
            _, symbol, in_corpus, _, _ = self.facts[node_id]
            return in_corpus, well_formed(symbol or ""), self._total(node_id), node_id
        node = self.index.nodes[node_id]
        return node.in_corpus, well_formed(node.symbol or ""), self._total(node_id), node_id

    def _total(self, node_id: str) -> int:
        """A node's (or merged id's) own dated citations, the added ones included."""
        if node_id in self.facts:
            return self.facts[node_id][0] + self.new_counts[node_id]
        node = self.index.nodes[node_id]
        if node_id in self.new:
            return node.dates.total()
        before = self.counters[node_id][0] if node_id in self.counters else node.dates
        return before.total() - self.merged_totals[node_id] + self.new_counts[node_id]

    def _close_spelling(self, node: Node) -> Resolution | None:
        """`_merge_spellings`' close-spelling step for a new node outside any group."""
        index, nodes = self.index, self.index.nodes
        if not node.number or not node.symbol:
            return None
        for other in index.by_number.get(node.number, ()):
            known = nodes[other]
            if (other != node.id and not known.in_corpus and not well_formed(known.symbol or "")
                    and node.id in {i for i, _ in index.similar_symbols(known.symbol or "", known.type)}):
                raise _Beyond(f"{other}: a damaged symbol that may now have its close spelling {node.id}")
        if not node.in_corpus and not well_formed(node.symbol) and _LETTER.search(node.symbol):
            close = [(i, s) for i, s in index.similar_symbols(node.symbol, node.type)
                     if i != node.id and well_formed(nodes[i].symbol or "")]
            if len(close) == 1 or (len(close) > 1 and close[0][1] > close[1][1]):
                if node.name:
                    raise _Beyond(f"{node.id}: a named spelling merged")
                return Resolution(close[0][0], "fuzzy", round(close[0][1] / 100, 3))
        return None


def _group(node_id: str, symbol: str) -> tuple[Any, ...]:
    kind, _, year, province = split_id(node_id)
    return kind, compact(symbol), year, province


def _dependent_nodes(touched: list[str], nodes: dict[str, Node], index: NodeIndex,
                     partial: dict[str, list[str]]) -> set[str]:
    """Nodes whose citations may be answered differently now that `touched` nodes are new or changed: the
    touched ones, partial references of their numbers, symbols without a year of their spelling, laws of their
    name."""
    found = set(touched)
    for node_id in touched:
        node = nodes[node_id]
        if node.number:
            found.update(partial.get(node.number, ()))
            if node.symbol:
                found.update(index.by_compact.get(compact(node.symbol), ()))
        if node.name:
            found.update(index.laws.get(_law_bucket(node.name), ()))
    return found
