"""Suggestions as a person types: an inverted index of the words in every document's label and title.

Each keystroke must answer in a few milliseconds on 100k documents, so the index is built once per graph
(folded words -> node ids, and the sorted vocabulary for the prefix of the word being typed) and a
query only intersects a few sets. References with a number go through the resolver's own lookup.

Common words ("kế hoạch") match most of the corpus; sorting 100k hits by citers to keep ten took half a
second, so every node has its rank in that order, computed once, and the best few hits are picked by rank
with a heap. The answers, and the union of postings under a short prefix ("q", "20"),
are kept for the ones last asked: they are the same for everyone typing them, and reading a reference
(`parse_ref`, `lookup`) was half the cost of an answer.
"""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from dataclasses import dataclass

import regex

from vbpl.graph import CitationGraph
from vbpl.resolve import lookup, parse_ref
from vbpl.text import fold
from vbpl.web import labels
from vbpl.web.recent import Recent

_WORD = regex.compile(r"[a-z0-9]+")
MAX_POSTING = 50_000  # words this common (\"quyet\", \"dinh\") narrow nothing; they are checked on the labels
KEPT = 2_048  # answers and prefix unions remembered


@dataclass(frozen=True, slots=True)
class Suggestion:
    node: str
    label: str
    title: str | None
    in_corpus: bool
    document_id: int | None
    citers: int  # distinct documents of the corpus citing it
    method: str


class SuggestIndex:
    """Word index over one citation graph; rebuild it when the graph changes."""

    def __init__(self, cg: CitationGraph) -> None:
        self.cg = cg
        graph = cg.graph
        self.citers = {node: len(graph.pred[node]) for node in graph.nodes}
        self.postings: dict[str, set[str]] = defaultdict(set)
        self.keys: dict[str, str] = {}
        for node_id, attributes in graph.nodes(data=True):
            key = fold(" ".join(str(attributes.get(k) or "") for k in ("type", "symbol", "name", "title",
                                                                       "province", "issuer")))
            key = f"{key} {fold(str(attributes.get('date') or attributes.get('year') or ''))}"
            self.keys[node_id] = key
            for word in set(_WORD.findall(key)):
                self.postings[word].add(node_id)
        self.words = sorted(self.postings)
        ranked = sorted(graph.nodes, key=lambda n: (-self.citers[n], n))  # the order suggestions are shown in
        self.rank = {node: at for at, node in enumerate(ranked)}
        self._answers: Recent[tuple[str, int], list[Suggestion]] = Recent(KEPT)
        self._prefixes: Recent[str, frozenset[str]] = Recent(KEPT)

    def suggest(self, text: str, limit: int = 10) -> list[Suggestion]:
        """Documents the text may mean: resolved references first, then word matches, most cited first."""
        text = text.strip()
        if not text:
            return []
        return self._answers.get((text, limit), lambda: self._suggest(text, limit))

    def _suggest(self, text: str, limit: int) -> list[Suggestion]:
        found: dict[str, str] = {}
        if any(ch.isdigit() for ch in text) and parse_ref(text).number:
            resolution = lookup(text, self.cg.index)
            if resolution.node:
                found[resolution.node] = resolution.method
            for node, _ in resolution.candidates:
                found.setdefault(node, resolution.method)
        for node in self._by_words(text, limit * 5):
            found.setdefault(node, "words")
        ranked = list(found.items())[:1] + sorted(list(found.items())[1:], key=lambda p: -self.citers.get(p[0], 0))
        return [self._suggestion(node, method) for node, method in ranked[:limit]]

    def _by_words(self, text: str, limit: int) -> list[str]:
        """The `limit` best nodes having every whole word and a word starting with the last one."""
        words = _WORD.findall(fold(text))
        if not words:
            return []
        *whole, last = words
        sets: list[set[str] | frozenset[str]] = []
        for word in whole:
            posting = self.postings.get(word)
            if not posting:
                return []
            sets.append(posting)
        sets.append(self._prefixes.get(last, lambda: self._prefixed(last)))
        sets.sort(key=len)
        return heapq.nsmallest(limit, sets[0].intersection(*sets[1:]), key=self.rank.__getitem__)

    def _prefixed(self, last: str) -> frozenset[str]:
        """Nodes with a word starting with `last` (the word being typed), up to about MAX_POSTING of them."""
        prefixed: set[str] = set()
        at = bisect.bisect_left(self.words, last)
        while at < len(self.words) and self.words[at].startswith(last) and len(prefixed) < MAX_POSTING:
            prefixed |= self.postings[self.words[at]]
            at += 1
        return frozenset(prefixed)

    def _suggestion(self, node_id: str, method: str) -> Suggestion:
        attributes = self.cg.graph.nodes[node_id]
        return Suggestion(
            node=node_id,
            label=labels.document(node_id, attributes),
            title=attributes.get("title"),
            in_corpus=bool(attributes.get("in_corpus")),
            document_id=attributes.get("document_id"),
            citers=self.citers.get(node_id, 0),
            method=method,
        )
