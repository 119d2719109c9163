"""References checked against a corpus database: which ones name several documents, or none that is known.

Only with `vbpl check --db`: on a single file there is nothing to resolve against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from vbpl.models import Citation, DocumentIdentity
from vbpl.status import StatusBook, label_of

if TYPE_CHECKING:
    from vbpl.check import Context, Finding
    from vbpl.store import Store, StoredCitation

_YEAR_TAIL = regex.compile(r"/(?:19|20)\d\d(?:@|$)")


def as_citation(s: StoredCitation) -> Citation:
    return Citation(s.start, s.end, s.text, s.kind, s.form, s.type, s.symbol, s.date, s.year, s.issuer, s.title,
                    s.relation, s.cited_id, s.name, s.scope, s.pinpoint, s.issuer_now, list(s.amended_by))


def load_store(store: Store, book: StatusBook) -> CorpusRefs:
    """Feed every stored document's acts to the status book; index the ids the corpus knows."""
    ids: set[str] = set()
    for doc in store.documents():
        identity = DocumentIdentity(doc.type, doc.symbol, doc.date, doc.issuer, doc.place, doc.title, doc.placeholder)
        citations = [as_citation(s) for s in store.citations_of(doc)]
        ids.update(c.id for c in citations)
        book.add_document(doc.source, identity, store.text(doc), citations)
    return CorpusRefs(ids)


class CorpusRefs:
    """Ids known in the corpus, to tell an ambiguous reference (no year, several documents) from a lost one."""

    def __init__(self, ids: set[str]) -> None:
        self.ids = ids

    def candidates(self, c: Citation) -> list[str]:
        base = c.id.split("@")[0]
        return sorted(i for i in self.ids if i.split("@")[0].startswith(base + "/") and i != c.id)

    def findings(self, ctx: Context) -> list[Finding]:
        found = []
        for c in ctx.extraction.citations:
            if c.year or _YEAR_TAIL.search(c.id):
                continue
            options = self.candidates(c)
            if len(options) >= 2:
                found.append(ctx.finding("VB401", c.start, c.end,
                                         f"{label_of(c)} has no year and the corpus holds {len(options)} documents "
                                         f"it may mean: {', '.join(options[:4])}"))
            elif not options and not c.date:
                found.append(ctx.finding("VB402", c.start, c.end,
                                         f"{label_of(c)} has no year or date and no document of the corpus matches it"))
        return found
