"""References checked against a corpus database (`vbpl check --db`): which ones name several documents, or none.

The question is the graph's: its resolver already decides what an incomplete reference ("Luật Ngân sách nhà
nước", "Quyết định 36/QĐ-TTg") means across the corpus, so the checker asks the graph's node index
(`NodeIndex.match`, `NodeIndex.laws_named`) rather than comparing ids itself. On a single file there is
nothing to resolve against, so without a database these findings are never made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from vbpl.identity import slug
from vbpl.messages import Date, Joined, Param, msg
from vbpl.models import Citation, DocumentIdentity
from vbpl.resolve import Context as RefContext
from vbpl.resolve import Node, NodeIndex, parse_ref
from vbpl.status import StatusBook, label_of

if TYPE_CHECKING:
    from vbpl.check import Context, Finding
    from vbpl.store import Store, StoredCitation

_YEAR_TAIL = regex.compile(r"/(?:19|20)\d\d(?:@|$)")
SHOWN = 4  # candidates named in a message


def as_citation(s: StoredCitation) -> Citation:
    return Citation(s.start, s.end, s.text, s.kind, s.form, s.type, s.symbol, s.date, s.year, s.issuer, s.title,
                    s.relation, s.cited_id, s.name, s.scope, s.pinpoint, s.issuer_now, list(s.amended_by))


def load_store(store: Store, book: StatusBook) -> CorpusRefs:
    """Feed every stored document's acts to the status book; take the graph's node index to resolve against."""
    from vbpl.graph import load_graph  # networkx and the resolver only when a database is given

    for doc in store.documents():
        identity = DocumentIdentity(doc.type, doc.symbol, doc.date, doc.issuer, doc.place, doc.title, doc.placeholder)
        book.add_document(doc.source, identity, store.text(doc), [as_citation(s) for s in store.citations_of(doc)])
    return CorpusRefs(load_graph(store).index)


def node_label(node: Node) -> Param:
    """`Node.label()` with its date kept as a `Date`, which each language writes its own way ('(25/06/2015)').

    The name before the date is the label's own, so that a node is named by one rule, in resolve.py.
    """
    label, dated = node.label(), f" ({node.date})"
    if node.date and label.endswith(dated):
        return msg("check.dated_label", name=label.removesuffix(dated), date=Date(node.date))
    return label


class CorpusRefs:
    """Resolves the references of a text under check the way the graph resolves the corpus's own."""

    def __init__(self, index: NodeIndex) -> None:
        self.index = index

    def candidates(self, c: Citation, context: RefContext | None = None) -> list[str] | None:
        """The dated documents of the corpus a reference without year may mean, best first; None when it has a year.

        A law by name: the versions of that name (not later than the citing text); a symbol without year
        ("36/QĐ-TTg", "Nghị quyết 15"): the nodes that fit every part it gives, the resolver's best score only
        (a document the same text cites elsewhere, or of its province, ranks first).
        """
        if c.year or _YEAR_TAIL.search(c.id):
            return None
        nodes = self.index.nodes
        year = context.year if context else None
        if c.kind == "name" and not c.symbol:
            return [i for i in self.index.laws_named(c.name or "")
                    if i != c.id and (law_year := nodes[i].year) and not (year and law_year > year)]
        if not c.symbol:
            return None
        query = parse_ref(f"{c.type or ''} {c.symbol}")
        query.type, query.issuer = c.type or query.type, c.issuer
        query.province = c.id.partition("@")[2] or None
        found = [(i, s) for i, s in self.index.match(query, context)
                 if i != c.id and (nodes[i].year or nodes[i].in_corpus)]
        return [i for i, s in found if s == found[0][1]] if found else []

    def findings(self, ctx: Context) -> list[Finding]:
        identity = ctx.extraction.document
        province = identity and (identity.province or identity.place)
        context = RefContext(
            slug(province) if province else None,
            int(ctx.when.date[:4]) if ctx.when.date else None,
            frozenset(c.id for c in ctx.extraction.citations),
        )
        found = []
        for c in ctx.extraction.citations:
            options = self.candidates(c, context)
            if options is None:
                continue
            if len(options) >= 2:
                named = Joined(tuple(node_label(self.index.nodes[i]) for i in options[:SHOWN]))
                more = msg("check.ambiguous_more", count=len(options) - SHOWN) if len(options) > SHOWN else None
                found.append(ctx.finding("VB401", c.start, c.end, msg(
                    "check.ambiguous", label=label_of(c), count=len(options), candidates=named, more=more)))
            elif not options and not c.date:
                found.append(ctx.finding("VB402", c.start, c.end, msg("check.unresolved", label=label_of(c))))
        return found
