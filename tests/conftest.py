"""Fixtures shared by the tests that need the bundled corpus in a database."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from vbpl.graph import CitationGraph, load_graph
from vbpl.ingest import collect, ingest
from vbpl.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Store, CitationGraph]]:
    """The seeds and documents of corpora/ ingested into a fresh database (one per test module, which may
    change it), with the store open and its citation graph."""
    db = tmp_path_factory.mktemp("corpus") / "corpus.sqlite"
    with Store.open(db) as store:
        ingest(store, collect([str(ROOT / "corpora/seeds"), str(ROOT / "corpora/docs")]).files)
    store = Store.open(db)
    yield db, store, load_graph(store)
    store.close()


@pytest.fixture(scope="session")
def synthetic() -> ModuleType:
    """scripts/make_synthetic_corpus.py as a module (the benchmarks' corpus generator)."""
    path = ROOT / "scripts" / "make_synthetic_corpus.py"
    spec = importlib.util.spec_from_file_location("make_synthetic_corpus", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
