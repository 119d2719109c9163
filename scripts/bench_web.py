"""Load on the JSON API: concurrent clients on loopback for a bounded time; requests/s and p50/p99 latency.

Runs `vbpl serve` (uvicorn) in a subprocess over a corpus database and reports apart what is not load: the
startup (the server loads the citation graph before it accepts a connection), the first request, and the
first call of each query of the workload (cold caches). Then it drives /api/suggest (search as you type) and
/api/cited-by with N concurrent clients, and prints the server's memory (all its processes).
The issue's bar: p99 < 100 ms at 50 clients on the 100k-document synthetic corpus:

    .venv/bin/python scripts/make_synthetic_corpus.py /tmp/synthetic.sqlite --documents 100000 --citations 10
    .venv/bin/python scripts/bench_web.py --db /tmp/synthetic.sqlite --clients 50 --seconds 20 [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

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


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One GET on a kept-alive connection; the status. HTTP/1.1 by hand: a client library (httpx spent about 4 ms
    of CPU a request) would share the machine's CPUs with the server and measure itself."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode("ascii"))
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:"))
    await reader.readexactly(length)
    return int(lines[0].split()[1])


async def client(port: int, urls: itertools.cycle, stop: float, out: list[float], errors: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < stop:
            url = next(urls)
            started = time.perf_counter()
            status = await fetch(reader, writer, url)
            out.append(time.perf_counter() - started)
            if status >= 500:
                errors.append(status)
    finally:
        writer.close()


async def drive(port: int, urls: list[str], clients: int, seconds: float) -> tuple[list[float], list[int], float]:
    """`clients` connections, each asking the next URL as soon as it has its answer, for `seconds`."""
    latencies: list[float] = []
    errors: list[int] = []
    cycle = itertools.cycle(urls)
    started = time.perf_counter()
    await asyncio.gather(*(client(port, cycle, started + seconds, latencies, errors) for _ in range(clients)))
    return latencies, errors, time.perf_counter() - started


def percentiles(latencies: list[float]) -> tuple[float, float]:
    """p50 and p99 in milliseconds."""
    ordered = sorted(latencies)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000


def report(name: str, latencies: list[float], errors: list[int], elapsed: float, clients: int) -> None:
    p50, p99 = percentiles(latencies)
    print(f"{name:10} {clients:3} clients  {len(latencies) / elapsed:8.1f} req/s  p50 {p50:7.1f} ms  "
          f"p99 {p99:7.1f} ms  ({len(latencies)} requests, {len(errors)} server errors)")


async def first_calls(port: int, urls: list[str]) -> list[float]:
    """Each query once, in turn, on one connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    took = []
    for url in urls:
        started = time.perf_counter()
        if await fetch(reader, writer, url) != 200:
            sys.exit(f"{url} did not answer 200")
        took.append(time.perf_counter() - started)
    writer.close()
    return took


def warm(port: int, name: str, urls: list[str]) -> None:
    """Ask each query once, alone: what a person asking it first waits (and the caches it fills)."""
    first = asyncio.run(first_calls(port, urls))
    p50, _ = percentiles(first)
    print(f"{name:10} first call of each of {len(urls)} queries, one client: p50 {p50:7.1f} ms  "
          f"max {max(first) * 1000:7.1f} ms")


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (uvicorn's workers), in MB; 0 where /proc is missing."""
    total = 0.0
    try:
        with open(f"/proc/{pid}/status") as fh:
            total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            total += sum(rss_mb(int(child)) for child in fh.read().split())
    except (OSError, StopIteration):
        pass
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("vbpl.sqlite"))
    parser.add_argument("--clients", type=int, nargs="+", default=[50])
    parser.add_argument("--seconds", type=float, default=10.0, help="per endpoint and client count")
    parser.add_argument("--workers", type=int, default=1, help="`vbpl serve --workers`")
    args = parser.parse_args()
    if not args.db.is_file():
        sys.exit(f"no database at {args.db}; run `make run` or scripts/make_synthetic_corpus.py first")
    searches, cited = workload(args.db)
    gc.collect()  # the graph this process read the workload from: not to be measured beside the server
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    vbpl = Path(sys.executable).with_name("vbpl")
    launched = time.perf_counter()
    command = [str(vbpl), "serve", "--db", str(args.db), "--port", str(port)]
    command += ["--workers", str(args.workers)] if args.workers > 1 else []  # a server before --workers runs too
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())
    try:
        deadline = time.monotonic() + 600
        while True:
            try:
                started = time.perf_counter()
                httpx.get(f"{base}/api/suggest?q=1", timeout=600).raise_for_status()
                print(f"server ready {started - launched:.1f} s after launch (graph loaded at startup); "
                      f"first request {(time.perf_counter() - started) * 1000:.1f} ms")
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"the server did not start: {server.stderr.read().decode() if server.stderr else ''}")
                time.sleep(0.2)
        endpoints = {
            "search": ["/api/suggest?" + urlencode({"q": q}) for q in searches],
            "cited-by": ["/api/cited-by?" + urlencode({"ref": n, "limit": 50}) for n in cited],
        }
        for name, urls in endpoints.items():
            warm(port, name, urls)
            for clients in args.clients:
                report(name, *asyncio.run(drive(port, urls, clients, args.seconds)), clients)
        print(f"server memory (RSS, {args.workers} worker(s)): {rss_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
