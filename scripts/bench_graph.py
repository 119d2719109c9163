"""Citation-graph benchmark: resolution, build time, peak memory, `cited-by` latency, rebuild after an ingest.

    .venv/bin/python scripts/make_synthetic_corpus.py /tmp/synthetic.sqlite      # 100k documents, ~1M citations
    .venv/bin/python scripts/bench_graph.py /tmp/synthetic.sqlite                 # resolves once and keeps it
    .venv/bin/python scripts/bench_graph.py /tmp/synthetic.sqlite                 # builds from what was kept
    .venv/bin/python scripts/bench_graph.py /tmp/synthetic.sqlite --ingest corpora/seeds/001_cf20e38e42f47376.txt

A build reads the resolution kept in the store (`vbpl.kept.resolve_store`) while the store is unchanged; after an
ingest that added documents it is brought up to date (`vbpl.kept.update_store`), else resolved again.
Peak memory is the process's max RSS, so run the bench twice: the first run's
figure is the resolution's, the second's the build's. Latency is measured without printing, over many calls, for the
most cited national document and for a typical one (the median of national documents cited at least twice): the
first call (which reads the typed reference) and then p50/p99 of the calls after it, a filtered call, and the time to
make every row object (rows are made as they are read: a page shows a few) and to read every sentence;
beside it the same question asked of SQLite's `resolutions_node` index, for scale. `--ingest FILE` then ingests one
more file (this changes the store) and times bringing the kept resolution up to date and the build after it.
"""

from __future__ import annotations

import argparse
import logging
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from vbpl.graph import CitationGraph, load_graph
from vbpl.ingest import ingest
from vbpl.kept import resolve_store
from vbpl.queries import cited_by
from vbpl.resolve import resolve_corpus
from vbpl.store import Store


def _timings_ms(call: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _p(times: list[float], q: float) -> float:
    return statistics.quantiles(times, n=100)[int(q) - 1] if len(times) > 1 else times[0]


def _national_refs(cg: CitationGraph) -> tuple[str, str]:
    """Node ids of the most cited national document and of a typical one (a symbol alone may name several years)."""
    national = [(cg.graph.in_degree(n), n) for n, a in cg.graph.nodes(data=True)
                if a.get("symbol") and "@" not in n and a.get("type") not in ("Luật",) and cg.graph.in_degree(n) > 1]
    national.sort()
    return national[-1][1], national[len(national) // 2][1]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="  %(name)s: %(message)s")
    logging.getLogger("vbpl.kept").setLevel(logging.INFO)
    logging.getLogger("vbpl.resolve_delta").setLevel(logging.INFO)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--stages", action="store_true", help="also time reading and resolution on their own")
    parser.add_argument("--resolve", action="store_true", help="resolve again even when the kept resolution holds")
    parser.add_argument("--ingest", type=Path, help="then ingest this file and time the rebuild")
    args = parser.parse_args()
    with Store.open(args.db, create=False) as store:
        counts = store.counts()
        print(f"{counts['documents']} documents, {counts['citations']} citations")
        resolved = args.resolve or store.graph_meta("state") != list(store.state())
        if resolved:
            seconds = _seconds(lambda: resolve_store(store))
            print(f"resolve and keep (a new or changed store) {seconds:.2f} s; peak memory {_peak_mb():.0f} MB")
        started = time.perf_counter()
        cg = load_graph(store)
        built = time.perf_counter() - started
        print(f"build from the kept resolution {built:.2f} s; {cg.graph.number_of_nodes()} nodes, "
              f"{cg.graph.number_of_edges()} edges; peak memory (max RSS) {_peak_mb():.0f} MB"
              + (" (the resolution's: run again for the build's)" if resolved else ""))
        if args.stages:
            started = time.perf_counter()
            documents, rows = store.document_rows(), store.citation_rows()
            read = time.perf_counter() - started
            print(f"  resolution's stages: read rows {read:.2f} s, "
                  f"resolve {_seconds(lambda: resolve_corpus(documents, rows)):.2f} s")
            del documents, rows
        for name, ref in zip(("most cited", "typical"), _national_refs(cg), strict=True):
            first = _timings_ms(lambda ref=ref: cited_by(cg, store, ref, sentences=False), 1)[0]
            answer = cited_by(cg, store, ref, sentences=False)
            warm = _timings_ms(lambda ref=ref: cited_by(cg, store, ref, sentences=False), args.runs)
            node = answer.target.node
            shown = _timings_ms(lambda ref=ref: cited_by(cg, store, ref), max(3, args.runs // 20))
            filtered = _timings_ms(lambda ref=ref: cited_by(cg, store, ref, province="Đồng Nai", since="2021",
                                                            sentences=False), args.runs)
            every = _timings_ms(lambda ref=ref: list(cited_by(cg, store, ref, sentences=False).rows), 3)
            sql = _timings_ms(lambda node=node: store.connection.execute(
                "SELECT c.document_id, c.relation, d.date, d.province, d.level FROM resolutions r"
                " JOIN citations c ON c.id = r.citation_id JOIN documents d ON d.id = c.document_id"
                " WHERE r.node = ?", (node,)).fetchall(), args.runs)
            print(f"cited-by {ref} ({name}, {len(answer.rows)} citations): first call {first:.2f} ms, then "
                  f"p50 {_p(warm, 50):.3f} ms, p99 {_p(warm, 99):.3f} ms; filtered (province, since) p50 "
                  f"{_p(filtered, 50):.3f} ms; every row made p50 {_p(every, 50):.1f} ms, with its sentence read "
                  f"p50 {_p(shown, 50):.1f} ms; SQLite index p50 {_p(sql, 50):.2f} ms")
        if args.ingest:
            del cg, answer  # the graph (the answer holds it) is given up before the next is made
            seconds = _seconds(lambda: ingest(store, [args.ingest.resolve()]))
            started = time.perf_counter()
            cg = load_graph(store)  # brings the kept resolution up to date (its log line says how long), then builds
            print(f"ingest {args.ingest.name} {seconds:.2f} s; then the graph's rebuild (update of the kept "
                  f"resolution and build) {time.perf_counter() - started:.2f} s ({cg.graph.number_of_edges()} edges);"
                  f" peak memory {_peak_mb():.0f} MB")

def _seconds(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
