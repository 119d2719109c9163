"""Citation-graph benchmark: build time, peak memory, cache load, and `cited-by` latency of a hot decision.

    .venv/bin/python scripts/make_synthetic_corpus.py /tmp/synthetic.sqlite
    .venv/bin/python scripts/bench_graph.py /tmp/synthetic.sqlite --ref 1322/QĐ-TTg

Latency is the median of many calls, without printing: once from the graph alone (who cites, with
relation and citing metadata) and once with each citation's sentence read from the store; beside it
the same question asked of SQLite's `citations_cited_id` index, for scale.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from vbpl.graph import build_graph, cache_path, load_graph
from vbpl.queries import cited_by
from vbpl.resolve import resolve_corpus
from vbpl.store import Store


def _median_ms(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--ref", default="1322/QĐ-TTg")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    with Store.open(args.db, create=False) as store:
        counts = store.counts()
        print(f"{counts['documents']} documents, {counts['citations']} citations")
        started = time.perf_counter()
        documents, rows = store.document_rows(), store.citation_rows()
        read = time.perf_counter() - started
        started = time.perf_counter()
        resolve_corpus(documents, rows)
        resolved = time.perf_counter() - started
        del documents, rows
        started = time.perf_counter()
        cg = build_graph(store)
        built = time.perf_counter() - started
        print(f"read rows {read:.2f} s, resolve {resolved:.2f} s, build (read + resolve + networkx) {built:.2f} s")
        print(f"graph: {cg.graph.number_of_nodes()} nodes, {cg.graph.number_of_edges()} edges")
        cache_path(store).unlink(missing_ok=True)
        started = time.perf_counter()
        load_graph(store)
        print(f"build and write cache {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        cg = load_graph(store)
        print(f"load from cache {time.perf_counter() - started:.2f} s")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory (max RSS) {peak:.0f} MB")
        answer = cited_by(cg, store, args.ref)
        node = answer.target.node
        print(f"cited-by {args.ref} -> {node}: {len(answer.rows)} citations")
        fast = _median_ms(lambda: cited_by(cg, store, args.ref, sentences=False), args.runs)
        full = _median_ms(lambda: cited_by(cg, store, args.ref), max(3, args.runs // 10))
        sql = _median_ms(
            lambda: store.connection.execute(
                "SELECT c.document_id, c.relation, d.date, d.province, d.level FROM citations c"
                " JOIN documents d ON d.id = c.document_id WHERE c.cited_id = ?", (node,)
            ).fetchall(),
            args.runs,
        )
        print(f"cited-by median: graph {fast:.2f} ms, with sentences {full:.1f} ms, SQLite index {sql:.2f} ms")


if __name__ == "__main__":
    main()
