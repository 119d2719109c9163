"""Files, folders and globs in; one corpus database out.

Parsing (read + extract) is the expensive part and runs in worker processes; writing stays in
the calling process, one transaction per file, so the database has a single writer and a crash
at any moment leaves every file either wholly stored or not at all. A file whose path and bytes
are already stored is not parsed again, which is what lets an interrupted run simply be re-run.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
from bisect import bisect_right
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vbpl.extract import extract
from vbpl.read import ReadText, UnreadableError, read_document
from vbpl.store import FileOutcome, Location, Outcome, ParsedFile, Store

# What a folder walk takes as a document.
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".pdf", ".docx"})
# What a folder walk leaves out without trying: files that sit beside documents in corpus folders
# (gold annotations, images, archives, code, databases). Any other suffix is tried and reported.
IGNORED_SUFFIXES = frozenset(
    {
        ".json", ".jsonl", ".csv", ".tsv", ".xlsx", ".xls", ".py", ".pyc", ".ipynb", ".sh", ".css", ".js", ".map",
        ".toml", ".yaml", ".yml", ".cfg", ".ini", ".lock", ".log",
        ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".svg", ".ico", ".mp3", ".mp4", ".avi",
        ".mov", ".wav",
        ".zip", ".gz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".whl", ".exe", ".dll", ".so", ".o",
        ".sqlite", ".sqlite3", ".db", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal", ".db-wal", ".db-shm",
        ".db-journal",
    }
)
_GLOB_CHARS = re.compile(r"[*?\[]")
Task = tuple[str, str | None]  # path, sha256 of the stored version (None when new or forced)
Parsed = ParsedFile | FileOutcome
_NEWLINE = re.compile("\n")


class PathError(Exception):
    """A path argument names nothing: the run cannot do what was asked."""


@dataclass(slots=True)
class Collected:
    """The files a run will handle, and what the walk left out by type."""

    files: list[Path] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)  # suffix -> files left out


@dataclass(slots=True)
class IngestReport:
    """Everything a run did, in the order files were handled."""

    run_id: int
    outcomes: list[FileOutcome] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for o in self.outcomes if o.outcome is outcome)


def collect(paths: Iterable[str], exclude: Iterable[Path] = ()) -> Collected:
    """Expand files, folders (recursively) and globs into a de-duplicated list of files.

    A file named on the command line is always tried; files found by walking a folder or a glob
    are filtered by suffix. Hidden files and folders are left out of walks. Raises PathError for
    a path that does not exist or a glob that matches nothing, before anything is written.
    """
    excluded = {p.resolve() for p in exclude}
    collected = Collected()
    seen: set[Path] = set()

    def add(path: Path, named: bool) -> None:
        resolved = path.resolve()
        if resolved in seen or resolved in excluded:
            return
        suffix = path.suffix.lower()
        if not named and suffix in IGNORED_SUFFIXES:
            collected.ignored[suffix] += 1
            return
        seen.add(resolved)
        collected.files.append(resolved)

    for argument in paths:
        path = Path(argument)
        if path.is_dir():
            for found in _walk(path):
                add(found, named=False)
        elif path.exists():
            add(path, named=True)
        elif _GLOB_CHARS.search(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                raise PathError(f"{argument}: the pattern matches no file")
            for match in map(Path, matches):
                for found in _walk(match) if match.is_dir() else [match]:
                    add(found, named=False)
        else:
            raise PathError(f"{argument}: no such file or folder")
    return collected


def _walk(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root, name)


def parse(path: str, known_sha256: str | None = None) -> Parsed:
    """Read and extract one file (in a worker process); an outcome instead when there is nothing to store."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return FileOutcome(path, Outcome.skipped, f"cannot read: {exc.strerror or exc}")
    sha256 = hashlib.sha256(data).hexdigest()
    if sha256 == known_sha256:
        return FileOutcome(path, Outcome.unchanged)
    # A bug in a reader or in the extractor costs one file, not the corpus.
    try:
        read = read_document(Path(path))
    except UnreadableError as exc:
        return FileOutcome(path, Outcome.skipped, _reason(path, exc))
    except Exception as exc:
        return FileOutcome(path, Outcome.skipped, f"reader failed: {type(exc).__name__}: {exc}")
    try:
        extraction = extract(read.text)
    except Exception as exc:
        return FileOutcome(path, Outcome.skipped, f"extractor failed: {type(exc).__name__}: {exc}")
    return ParsedFile(
        source=path,
        sha256=sha256,
        size=len(data),
        format=read.format,
        encoding=read.encoding,
        text=read.text,
        pages=list(read.pages),
        notes=list(read.notes),
        identity=extraction.document,
        citations=extraction.citations,
        locations=locate(read, [c.start for c in extraction.citations]),
        placeholders=extraction.placeholders,
    )


def _reason(path: str, exc: Exception) -> str:
    """The reader's message without the path it starts with (the outcome row has the path)."""
    message = str(exc)
    for prefix in (f"{path}: ", f"{Path(path).name}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


def locate(read: ReadText, offsets: Sequence[int]) -> list[Location]:
    """Page, line and column of each offset into `read.text`."""
    line_starts = [0, *(m.end() for m in _NEWLINE.finditer(read.text))]
    locations = []
    for offset in offsets:
        line = bisect_right(line_starts, offset)
        locations.append(Location(read.page_of(offset), line, offset - line_starts[line - 1] + 1))
    return locations


def _parse_chunk(tasks: Sequence[Task]) -> list[Parsed]:
    return [parse(path, sha256) for path, sha256 in tasks]


def parse_all(tasks: Sequence[Task], workers: int = 1) -> Iterator[Parsed]:
    """Parse (path, known sha256) tasks, in this process or in `workers` processes, yielding as they finish.

    Chunks keep the inter-process traffic low; a few chunks per worker are in flight, so memory
    stays flat however large the corpus. When a worker process dies (a reader crashing the
    interpreter, the OOM killer), the files it may have been holding are parsed again one per
    process, and the one that kills its process again is skipped with that reason.
    """
    if workers <= 1 or len(tasks) <= 1:
        for path, sha256 in tasks:
            yield parse(path, sha256)
        return
    size = max(1, min(16, len(tasks) // (workers * 4)))
    pending = deque(tasks[i : i + size] for i in range(0, len(tasks), size))
    while pending:
        suspects = yield from _pool(pending, workers)
        for task in (task for chunk in suspects for task in chunk):
            yield from _alone(task)


def _pool(pending: deque[Sequence[Task]], workers: int) -> Generator[Parsed, None, list[Sequence[Task]]]:
    """Run chunks from `pending` in one process pool; if it breaks, return the chunks it did not deliver."""
    running: dict[Future[list[Parsed]], Sequence[Task]] = {}
    executor = ProcessPoolExecutor(max_workers=workers)
    try:
        while pending or running:
            while pending and len(running) < workers * 3:
                chunk = pending.popleft()
                running[executor.submit(_parse_chunk, chunk)] = chunk
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    results = future.result()
                except BrokenProcessPool:
                    return list(running.values())
                del running[future]
                yield from results
        return []
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _alone(task: Task) -> Iterator[Parsed]:
    """Parse one task in a process of its own, to tell the file that kills its process from its neighbours."""
    with ProcessPoolExecutor(max_workers=1) as executor:
        try:
            yield from executor.submit(_parse_chunk, [task]).result()
        except BrokenProcessPool:
            yield FileOutcome(task[0], Outcome.skipped, "reading it killed the worker process")


def ingest(
    store: Store,
    files: Sequence[Path],
    *,
    workers: int = 1,
    force: bool = False,
    options: Mapping[str, Any] | None = None,
    on_outcome: Callable[[FileOutcome], None] | None = None,
) -> IngestReport:
    """Parse `files` and store each one in its own transaction; record the run and every file's outcome.

    Unchanged files (same path, same bytes) are not parsed; `force` parses and rewrites them
    anyway, for when the extractor has improved.
    """
    run_id = store.begin_run({"workers": workers, "force": force, **(options or {})})
    report = IngestReport(run_id)
    known = {} if force else store.known_files()
    tasks = [(str(p), known[str(p)][1] if str(p) in known else None) for p in files]
    for result in parse_all(tasks, workers):
        if isinstance(result, ParsedFile):
            suffix = Path(result.source).suffix.lower()
            reason = None if suffix in DOCUMENT_SUFFIXES else f"unknown file type, read as {result.format}"
            outcome = store.upsert_document(result, run_id, force=force, reason=reason)
        else:
            outcome = result
            if outcome.outcome is Outcome.unchanged:
                outcome = FileOutcome(outcome.path, outcome.outcome, document_id=known[outcome.path][0])
            store.record_outcome(run_id, outcome)
        report.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    store.finish_run(run_id)
    return report
