"""The corpus as the web server sees it: one store per thread, the citation graph and what is derived from it.

SQLite connections belong to the thread that opened them and FastAPI runs handlers on a thread pool, so each
thread opens its own `Store`. The graph, the suggestion index, the status book and the coverage matrix are
built once per store fingerprint and shared read-only.

No request ever waits for the store to be looked at: every few seconds a request compares the modification
time and size of the database and its write-ahead log (two `stat` calls) with what they were; only when they
moved does a background thread compute the store's real fingerprint (`Store.state`) and, if it changed, load
the new graph and its suggestion index, then swap them in. Requests go on with the old graph meanwhile, so a
`vbpl ingest` into the same file shows up a few seconds after it ends, without a restart.

The graph is millions of Python objects: the cyclic garbage collector would walk all of them on each full
collection (over a second at 1M citations, paid by whichever request triggered it), so once loaded they are
moved out of its sight with `gc.freeze()`.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
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
log = logging.getLogger("vbpl.web")


@dataclass(slots=True)
class Checker:
    """What `vbpl check --db` knows about the corpus: the acts of every stored document, the ids it holds."""

    book: StatusBook
    refs: CorpusRefs


@dataclass(slots=True)
class Loaded:
    """One graph and the values derived from it; replaced whole, so a request never mixes two states."""

    graph: CitationGraph
    derived: dict[str, Any]


class WebCorpus:
    """Shared, read-only access to one corpus database for the request handlers."""

    def __init__(self, db: Path) -> None:
        self.db = Path(db)
        Store.open(self.db, create=False).close()  # fail at start, with the store's message, not on a request
        self._local = threading.local()
        self._lock = threading.Lock()  # the first load and each derived value's build
        self._refreshing = threading.Lock()  # one background look at the store at a time
        self._loaded: Loaded | None = None
        self._stamp = self._files_stamp()
        self._checked_at = time.monotonic()

    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store.open(self.db, create=False)
        return store

    def warm(self) -> float:
        """Load the graph and the suggestion index now (before serving), rather than on the first request."""
        started = time.perf_counter()
        self.suggestions()
        return time.perf_counter() - started

    def graph(self) -> CitationGraph:
        """The citation graph; the first call loads it (by `load_graph`, cached beside the db)."""
        return self._current().graph

    def _current(self) -> Loaded:
        loaded = self._loaded
        if loaded is None:
            with self._lock:
                if self._loaded is None:
                    with Store.open(self.db, create=False) as store:
                        self._loaded = self._load(store)
                loaded = self._loaded
        elif time.monotonic() - self._checked_at >= STATE_CHECK_SECONDS:
            self._look_at_store()
        return loaded

    def _files_stamp(self) -> tuple[int, ...]:
        """Modification time and size of the database and its -wal: any commit moves one of them."""
        stamp: list[int] = []
        for path in (self.db, self.db.with_name(self.db.name + "-wal")):
            try:
                found = os.stat(path)
                stamp += (found.st_mtime_ns, found.st_size)
            except FileNotFoundError:
                stamp += (0, 0)
        return tuple(stamp)

    def _look_at_store(self) -> None:
        """Start a background reload when the files moved; returns at once (no request waits for the store)."""
        self._checked_at = time.monotonic()
        stamp = self._files_stamp()
        if stamp != self._stamp and self._refreshing.acquire(blocking=False):
            threading.Thread(target=self._reload, args=(stamp,), name="vbpl-web-reload", daemon=True).start()

    def _reload(self, stamp: tuple[int, ...]) -> None:
        try:
            with Store.open(self.db, create=False) as store:
                old = self._loaded
                if old is None or store.state() != old.graph.state:
                    started = time.perf_counter()
                    self._loaded = self._load(store)
                    log.info("the store changed: citation graph reloaded in %.1f s", time.perf_counter() - started)
                    del old
                    gc.unfreeze()  # let the old graph's cycles be collected, then hide the new one again
                    gc.collect()
                    gc.freeze()
            self._stamp = stamp
        except Exception:
            log.exception("reloading the citation graph failed; still serving the previous one")
        finally:
            self._refreshing.release()

    @staticmethod
    def _load(store: Store) -> Loaded:
        """The graph with its suggestion index, built before anyone sees it; then frozen out of the collector."""
        collecting = gc.isenabled()
        gc.disable()  # loading creates millions of objects and no garbage: collections during it are pure cost
        try:
            cg = load_graph(store)
            loaded = Loaded(cg, {"suggest": SuggestIndex(cg)})
        finally:
            if collecting:
                gc.enable()
        gc.freeze()
        return loaded

    def derived(self, name: str, build: Callable[[CitationGraph], _T]) -> _T:
        """A value computed from the current graph once (suggestion index, coverage matrix ...)."""
        loaded = self._current()
        value = loaded.derived.get(name)
        if value is None:
            with self._lock:
                value = loaded.derived.get(name)
                if value is None:
                    value = loaded.derived[name] = build(loaded.graph)
        return value

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
