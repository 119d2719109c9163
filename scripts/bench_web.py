"""Load on the JSON API: concurrent clients on loopback for a bounded time; requests/s and p50/p99 latency.

Runs `vbpl serve` (uvicorn) in a subprocess over a corpus database, warms it (the first request builds the
citation graph), then drives /api/suggest (search as you type) and /api/cited-by with N concurrent clients.
The issue's bar: p99 < 100 ms at 50 clients on the 100k-document synthetic corpus:

    .venv/bin/python scripts/make_synthetic_corpus.py /tmp/synthetic.sqlite --documents 100000 --citations 10
    .venv/bin/python scripts/bench_web.py --db /tmp/synthetic.sqlite --clients 50 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from vbpl.graph import load_graph
from vbpl.store import Store

WORDS = ["nâng cao năng suất", "khoa học công nghệ", "kế hoạch", "chuyển đổi số", "ngân sách", "đầu tư công"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def workload(db: Path, count: int = 40) -> tuple[list[str], list[str]]:
    """Search strings (symbols as typed, title words) and cited-by references, the most cited first."""
    with Store.open(db, create=False) as store:
        cg = load_graph(store)
    graph = cg.graph
    cited = sorted((n for n in graph.nodes if graph.in_degree(n)), key=lambda n: -len(graph.pred[n]))[:count]
    symbols = [graph.nodes[n].get("symbol") for n in cited if graph.nodes[n].get("symbol")]
    searches = [s for symbol in symbols for s in (symbol, symbol[: max(3, len(symbol) // 2)])] + WORDS
    return searches, cited


async def client(http: httpx.AsyncClient, urls: itertools.cycle, stop: float, out: list[float],
                 errors: list[int]) -> None:
    while time.perf_counter() < stop:
        url = next(urls)
        started = time.perf_counter()
        response = await http.get(url)
        out.append(time.perf_counter() - started)
        if response.status_code >= 500:
            errors.append(response.status_code)


async def drive(base: str, urls: list[str], clients: int, seconds: float) -> tuple[list[float], list[int], float]:
    latencies: list[float] = []
    errors: list[int] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        cycle = itertools.cycle(urls)
        started = time.perf_counter()
        await asyncio.gather(*(client(http, cycle, started + seconds, latencies, errors) for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return latencies, errors, elapsed


def report(name: str, latencies: list[float], errors: list[int], elapsed: float, clients: int) -> None:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    print(f"{name:10} {clients:3} clients  {len(ordered) / elapsed:8.1f} req/s  p50 {p50:7.1f} ms  "
          f"p99 {p99:7.1f} ms  ({len(ordered)} requests, {len(errors)} server errors)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("vbpl.sqlite"))
    parser.add_argument("--clients", type=int, nargs="+", default=[50])
    parser.add_argument("--seconds", type=float, default=10.0, help="per endpoint and client count")
    args = parser.parse_args()
    if not args.db.is_file():
        sys.exit(f"no database at {args.db}; run `make run` or scripts/make_synthetic_corpus.py first")
    searches, cited = workload(args.db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    vbpl = Path(sys.executable).with_name("vbpl")
    server = subprocess.Popen([str(vbpl), "serve", "--db", str(args.db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())
    try:
        deadline = time.monotonic() + 600
        while True:
            try:
                started = time.perf_counter()
                httpx.get(f"{base}/api/suggest?q=1", timeout=600).raise_for_status()
                print(f"server ready; first request (graph load) {time.perf_counter() - started:.1f} s")
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"the server did not start: {server.stderr.read().decode() if server.stderr else ''}")
                time.sleep(0.2)
        endpoints = {
            "search": [f"/api/suggest?q={httpx.QueryParams({'q': q})['q']}" for q in searches],
            "cited-by": [f"/api/cited-by?ref={n}&limit=50" for n in cited],
        }
        for name, urls in endpoints.items():
            for url in urls:  # warm: each query's caches
                httpx.get(base + url, timeout=600)
            for clients in args.clients:
                report(name, *asyncio.run(drive(base, urls, clients, args.seconds)), clients)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
