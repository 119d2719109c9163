"""The corpus as the web server sees it: one store per thread, the citation graph and what is derived from it.

SQLite connections belong to the thread that opened them and FastAPI runs handlers on a thread pool, so each
thread opens its own `Store`. The graph, the suggestion index, the status book and the coverage matrix are
built once per store fingerprint and shared read-only; the fingerprint is looked at every few seconds, so a
`vbpl ingest` into the same file shows up without a restart.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from vbpl.corpus_refs import CorpusRefs, as_citation, load_store
from vbpl.graph import CitationGraph, load_graph
from vbpl.models import Citation
from vbpl.registry import load_registry
from vbpl.status import Status, StatusBook
from vbpl.store import Store
from vbpl.web.suggest import SuggestIndex

STATE_CHECK_SECONDS = 3.0
_T = TypeVar("_T")


@dataclass(slots=True)
class Checker:
    """What `vbpl check --db` knows about the corpus: the acts of every stored document, the ids it holds."""

    book: StatusBook
    refs: CorpusRefs


class WebCorpus:
    """Shared, read-only access to one corpus database for the request handlers."""

    def __init__(self, db: Path) -> None:
        self.db = Path(db)
        Store.open(self.db, create=False).close()  # fail at start, with the store's message, not on a request
        self._local = threading.local()
        self._lock = threading.Lock()
        self._graph: CitationGraph | None = None
        self._derived: dict[str, Any] = {}
        self._checked_at = 0.0

    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store.open(self.db, create=False)
        return store

    def graph(self) -> CitationGraph:
        """The citation graph, rebuilt (by `load_graph`, cached beside the db) when the store changed."""
        now = time.monotonic()
        if self._graph is not None and now - self._checked_at < STATE_CHECK_SECONDS:
            return self._graph
        with self._lock:
            if self._graph is None or time.monotonic() - self._checked_at >= STATE_CHECK_SECONDS:
                state = self.store().state()
                if self._graph is None or self._graph.state != state:
                    self._graph = load_graph(self.store())
                    self._derived = {}
                self._checked_at = time.monotonic()
            return self._graph

    def derived(self, name: str, build: Callable[[CitationGraph], _T]) -> _T:
        """A value computed from the current graph once (suggestion index, coverage matrix ...)."""
        cg = self.graph()
        value = self._derived.get(name)
        if value is None or value[0] is not cg:
            with self._lock:
                value = self._derived.get(name)
                if value is None or value[0] is not cg:
                    value = (cg, build(cg))
                    self._derived[name] = value
        return value[1]

    def suggestions(self) -> SuggestIndex:
        return self.derived("suggest", SuggestIndex)

    def checker(self) -> Checker:
        """The status book fed with every stored document (as `vbpl check --db` does); built on first use."""

        def build(_: CitationGraph) -> Checker:
            book = StatusBook(load_registry([]))
            with Store.open(self.db, create=False) as store:
                refs = load_store(store, book)
            return Checker(book, refs)

        return self.derived("checker", build)

    def status_of(self, node_id: str) -> Status | None:
        """The status of one document (replaced, repealed, amended ...) with its evidence, as of today."""
        attributes = self.graph().graph.nodes.get(node_id)
        if attributes is None:
            return None
        probe = Citation(0, 0, node_id, "name" if attributes.get("name") and not attributes.get("symbol") else "number",
                         "short", attributes.get("type"), attributes.get("symbol"), attributes.get("date"),
                         attributes.get("year"), attributes.get("issuer"), attributes.get("title"), "mentions",
                         node_id, attributes.get("name"))
        return self.checker().book.status(probe, today())

    def close(self) -> None:
        store = getattr(self._local, "store", None)
        if store is not None:
            store.close()
            self._local.store = None


def today() -> str:
    return dt.date.today().isoformat()


__all__ = ["Checker", "WebCorpus", "as_citation", "today"]
