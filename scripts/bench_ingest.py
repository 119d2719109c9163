"""Benchmark `vbpl ingest` end to end: files/s and pages/s for txt, DOCX and PDF with 1 and 2 workers.

    python scripts/bench_ingest.py [--files N] [--workers 1 2]

What it measures
----------------
For each format, N input files are built in a temporary folder: txt from the bundled corpus
texts (each made unique by a trailing line), DOCX and PDF by copying the fixtures in
tests/fixtures/ (written by scripts/make_fixtures.py) round-robin. Each (format, workers) pair
ingests its folder into a fresh database with `vbpl.ingest.ingest`, exactly what
`vbpl ingest FOLDER --workers W` does minus the terminal output; the time includes starting the
worker processes, reading, extraction and every SQLite commit; each figure is the fastest of
--repeat runs (the machine may be shared). Reported: wall and CPU seconds (this process and its
workers), files/s, pages/s (stored page breaks; txt has none), the speed-up over one worker, and
"if idle": the speed-up the same CPU seconds would give on idle CPUs (workers x cpu(1) / cpu(N)),
which separates the cost of parallelism from other processes competing for the machine. The
bar is 2 workers >= 1.7x one worker, which needs at least two idle CPUs. A format without fixtures, or one the
reader cannot read yet, is reported and left out. The script prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from vbpl.ingest import ingest
from vbpl.read import read_document
from vbpl.store import Outcome, Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BAR = 1.7
FORMATS = {"txt": ".txt", "docx": ".docx", "pdf": ".pdf"}


def build_txt(folder: Path, count: int) -> list[Path]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("corpora/**/*.txt"))]
    paths = []
    for i in range(count):
        path = folder / f"doc{i:05d}.txt"
        path.write_text(texts[i % len(texts)] + f"\n\nBản sao số {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def build_copies(folder: Path, suffix: str, count: int) -> tuple[list[Path], str | None]:
    """`count` copies of the readable fixtures with this suffix, or no files and the reason."""
    fixtures = sorted(FIXTURES.glob(f"*{suffix}")) if FIXTURES.is_dir() else []
    if not fixtures:
        return [], f"no {suffix} fixtures in {FIXTURES.relative_to(ROOT)} (scripts/make_fixtures.py writes them)"
    readable = []
    for fixture in fixtures:
        try:
            read_document(fixture)
            readable.append(fixture)
        except Exception as exc:  # the readers are young: a crash here means "not yet", not "stop"
            reason = f"{type(exc).__name__}: {exc}"
    if not readable:
        return [], f"the reader cannot read the {suffix} fixtures yet ({reason})"
    paths = []
    for i in range(count):
        path = folder / f"doc{i:05d}{suffix}"
        shutil.copyfile(readable[i % len(readable)], path)
        paths.append(path)
    return paths, None


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the workers), user + system."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(files: list[Path], workers: int, db: Path) -> tuple[float, float, int]:
    """Wall seconds and CPU seconds to ingest `files` into a fresh database, and the pages stored."""
    with Store.open(db) as store:
        start, cpu = time.perf_counter(), cpu_seconds()
        report = ingest(store, files, workers=workers)
        elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu
        skipped = [o for o in report.outcomes if o.outcome is Outcome.skipped]
        if skipped:
            print(f"    ({len(skipped)} skipped, e.g. {skipped[0].path}: {skipped[0].reason})")
        pages = sum(len(d.pages) for d in store.documents())
    return elapsed, cpu, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=600, help="input files per format (default 600)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per figure; the fastest counts (default 2)")
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=list(FORMATS), help="default: all")
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {args.files} files per format,"
        f" load average {os.getloadavg()[0]:.2f} (other processes slow the parallel runs most)"
    )
    columns = ("workers", "files", "pages", "seconds", "cpu s", "files/s", "pages/s", "speed-up", "if idle")
    print(f"{'format':6} " + " ".join(f"{c:>8}" for c in columns))
    with tempfile.TemporaryDirectory(prefix="bench_ingest_") as tmp:
        for name in args.formats:
            suffix = FORMATS[name]
            folder = Path(tmp, name)
            folder.mkdir()
            if suffix == ".txt":
                files, missing = build_txt(folder, args.files), None
            else:
                files, missing = build_copies(folder, suffix, args.files)
            if missing:
                print(f"{name:6} left out: {missing}")
                continue
            base = base_cpu = None
            for workers in args.workers:
                seconds, cpu, pages = min(
                    measure(files, workers, Path(tmp, f"{name}-{workers}-{attempt}.sqlite"))
                    for attempt in range(args.repeat)
                )
                base, base_cpu = base or seconds, base_cpu or cpu
                pages_rate = f"{pages / seconds:8.1f}" if pages else f"{'-':>8}"
                # What the speed-up would be with `workers` idle CPUs: the work's CPU cost grows by cpu/base_cpu.
                idle = min(workers, os.cpu_count() or 1) * base_cpu / cpu
                print(
                    f"{name:6} {workers:8d} {len(files):8d} {pages or '-':>8} {seconds:8.2f} {cpu:8.2f} "
                    f"{len(files) / seconds:8.1f} {pages_rate} {base / seconds:7.2f}x {idle:7.2f}x"
                )
    print(f"bar: 2 workers >= {BAR}x one worker; load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
