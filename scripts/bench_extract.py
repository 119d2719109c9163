"""Benchmark `vbpl.extract` on one core and show that its running time stays linear.

    python scripts/bench_extract.py [--size-mb 50] [--quick] [--repeat N]

What it measures
----------------
1. Throughput on realistic text.  The bundled corpus (corpora/seeds/*.txt and
   corpora/docs/*.txt) is repeated, each text kept whole, until the concatenation
   (texts joined by "\\n\\n") reaches at least --size-mb megabytes.  Each repeat after
   the first is varied (unless --no-vary): document numbers and years are shifted by an
   amount that depends on the copy, so that the extractor's memoised helpers (code groups,
   dates, slugs) see new symbols and dates as in a real corpus, not the same few texts
   again.  The timed loop then calls `extract()` once per document, in a single process,
   as a real run over many files would; it never calls `extract()` on the whole
   concatenation.  Reported: MB/s, documents/s, citations/s and the total number of
   citations.

2. Adversarial inputs, generated at run time: 1 MB of "/", of digits, of "số số số ...",
   of "Quyết định số " repeated, of "1/2/3/4/...", a single 1 MB line of real text
   (the corpus with its newlines replaced by spaces), and a text citing thousands of distinct
   decisions one after the other.  Three of them are also run at 2 MB
   and the ratio time(2 MB) / time(1 MB) is printed: it should be about 2 if the
   extractor is linear (a quadratic regex or scan would give about 4).

A megabyte (MB) is 10**6 bytes of the text encoded as UTF-8; Vietnamese text has more
bytes than characters, so character counts are printed as well.  Times come from
time.perf_counter(); adversarial figures are the best of --repeat runs.  The script
prints figures only and asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import platform
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vbpl import extract

ROOT = Path(__file__).resolve().parent.parent
CORPUS_GLOBS = ("corpora/seeds/*.txt", "corpora/docs/*.txt")
SEPARATOR = "\n\n"
MB = 1_000_000
# Which adversarial inputs are also run at 2 MB for the linearity ratio.
REPEATS = {True: "repeats varied: numbers and years shifted", False: "repeats identical (--no-vary)"}
LINEARITY_CASES = ('"Quyết định số " repeated', "one line of real text", "distinct citations")


def load_texts() -> list[str]:
    """The bundled corpus texts, in a stable order."""
    paths = sorted(p for pattern in CORPUS_GLOBS for p in ROOT.glob(pattern))
    if not paths:
        sys.exit(f"no corpus texts found under {ROOT / 'corpora'}")
    return [p.read_bytes().decode("utf-8") for p in paths]


# A document number ("1322/QĐ-TTg", "38-CT/TW", "57/2024/QH15") or a year.
_NUMBER = re.compile(r"(?<![0-9/])[0-9]{1,5}(?=[ \t]*[/-][ \t]*(?:[^\W\d_]|(?:19|20)[0-9][0-9][ \t]*/))")
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9][0-9](?![0-9])")


def vary(text: str, copy: int) -> str:
    """`text` with its document numbers and years shifted for the `copy`-th repeat (0: unchanged).

    Numbers stay numbers of at most five digits and years stay in 1900-2099, so the same
    citations are found, with other symbols and dates."""
    if copy == 0:
        return text
    text = _NUMBER.sub(lambda m: str((int(m.group()) + 13 * copy) % 100000), text)
    return _YEAR.sub(lambda m: str(1900 + (int(m.group()) - 1900 + copy) % 200), text)


def build_corpus(texts: list[str], size_mb: float, varied: bool = True) -> list[str]:
    """Repeat the texts (each kept whole) until their "\\n\\n"-join has at least `size_mb` MB;
    repeats are varied copies unless `varied` is false."""
    target = size_mb * MB
    sep = len(SEPARATOR.encode("utf-8"))
    docs: list[str] = []
    size = 0
    for i, text in enumerate(itertools.cycle(texts)):
        if varied:
            text = vary(text, i // len(texts))
        if docs:
            size += sep
        docs.append(text)
        size += len(text.encode("utf-8"))
        if size >= target:
            break
    return docs


# --- adversarial inputs -------------------------------------------------------------------


def _fill(unit: str, nbytes: int) -> str:
    """`unit` repeated and cut to `nbytes` UTF-8 bytes (never splitting a character)."""
    reps = nbytes // len(unit.encode("utf-8")) + 1
    return (unit * reps).encode("utf-8")[:nbytes].decode("utf-8", "ignore")


def _counting(nbytes: int) -> str:
    """ "1/2/3/4/..." counting upwards, cut to `nbytes` bytes."""
    parts: list[str] = []
    size = 0
    for i in itertools.count(1):
        part = str(i)
        parts.append(part)
        size += len(part) + 1
        if size >= nbytes:
            break
    return "/".join(parts)[:nbytes]


def _citations(nbytes: int) -> str:
    """A text that cites thousands of distinct decisions ("Quyết định số 1/QĐ-UBND ...; số 2 ..."), cut
    to `nbytes` bytes: work per citation that grows with the number of citations shows here."""
    parts: list[str] = []
    size = 0
    for i in itertools.count(1):
        part = f"Quyết định số {i}/QĐ-UBND ngày 1/2/2020 của Ủy ban nhân dân tỉnh; "
        parts.append(part)
        size += len(part.encode("utf-8"))
        if size >= nbytes:
            break
    return "".join(parts).encode("utf-8")[:nbytes].decode("utf-8", "ignore")


def adversarial_cases(texts: list[str]) -> dict[str, Callable[[int], str]]:
    """Name -> generator of an input of the given number of bytes."""
    line = " ".join(texts).replace("\r", " ").replace("\n", " ")
    return {
        '"/" repeated': lambda n: _fill("/", n),
        "digits": lambda n: _fill("0123456789", n),
        '"số " repeated': lambda n: _fill("số ", n),
        '"Quyết định số " repeated': lambda n: _fill("Quyết định số ", n),
        '"1/2/3/4/..."': _counting,
        "one line of real text": lambda n: _fill(line, n),
        "distinct citations": _citations,
    }


# --- measuring ----------------------------------------------------------------------------


@dataclass(slots=True)
class Timing:
    name: str
    chars: int
    nbytes: int
    seconds: float
    citations: int

    @property
    def mb_per_s(self) -> float:
        return self.nbytes / MB / self.seconds if self.seconds > 0 else float("inf")


def time_one(name: str, text: str, repeat: int) -> Timing:
    """Best of `repeat` calls of extract(text)."""
    best = float("inf")
    found = 0
    for _ in range(repeat):
        gc.collect()  # don't bill this input for garbage left by the previous one
        t0 = time.perf_counter()
        result = extract(text)
        best = min(best, time.perf_counter() - t0)
        found = len(result.citations)
    return Timing(name, len(text), len(text.encode("utf-8")), best, found)


def bench_corpus(texts: list[str], size_mb: float, varied: bool) -> None:
    docs = build_corpus(texts, size_mb, varied)
    joined = SEPARATOR.join(docs)
    nbytes = len(joined.encode("utf-8"))
    nchars = len(joined)
    del joined
    extract(texts[0])  # warm-up: compile the grammar and fill caches outside the timed loop

    citations = 0
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in docs:
        citations += len(extract(doc).citations)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0

    print("== Corpus throughput (single process, one extract() per document) ==")
    rows = [
        ("distinct source texts", f"{len(texts)}"),
        ("documents extracted", f"{len(docs)}"),
        ("distinct documents", f"{len(set(docs))} ({REPEATS[varied]})"),
        ("corpus size", f"{nbytes / MB:.2f} MB ({nchars:,} characters)"),
        ("elapsed", f"{elapsed:.2f} s"),
        ("throughput", f"{nbytes / MB / elapsed:.3f} MB/s"),
        ("CPU time", f"{cpu:.2f} s ({nbytes / MB / cpu:.3f} MB/s of CPU; other load on the machine excluded)"),
        ("documents/s", f"{len(docs) / elapsed:.1f}"),
        ("citations/s", f"{citations / elapsed:.1f}"),
        ("total citations", f"{citations:,}"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")
    print()


def bench_adversarial(texts: list[str], repeat: int) -> None:
    cases = adversarial_cases(texts)
    print(f"== Adversarial inputs (best of {repeat}) ==")
    header = f"  {'input':<26} {'size':>7} {'chars':>10} {'time (s)':>9} {'MB/s':>8} {'cites':>6}"
    print(header)
    print("  " + "-" * (len(header) - 2))
    one_mb: dict[str, Timing] = {}
    for name, make in cases.items():
        t = time_one(name, make(MB), repeat)
        one_mb[name] = t
        print(
            f"  {name:<26} {'1 MB':>7} {t.chars:>10,} {t.seconds:>9.3f} {t.mb_per_s:>8.2f} {t.citations:>6}"
        )
    two_mb: dict[str, Timing] = {}
    for name in LINEARITY_CASES:
        t = time_one(name, cases[name](2 * MB), repeat)
        two_mb[name] = t
        print(
            f"  {name:<26} {'2 MB':>7} {t.chars:>10,} {t.seconds:>9.3f} {t.mb_per_s:>8.2f} {t.citations:>6}"
        )
    print()
    print("== Linearity: time(2 MB) / time(1 MB), about 2 if linear ==")
    for name in LINEARITY_CASES:
        a, b = one_mb[name].seconds, two_mb[name].seconds
        ratio = b / a if a > 0 else float("inf")
        print(f"  {name:<26} {a:>8.3f} s -> {b:>8.3f} s   ratio {ratio:.2f}")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size-mb", type=float, default=50.0, help="corpus size in MB (default: 50)")
    parser.add_argument("--quick", action="store_true", help="fast smoke run: 5 MB corpus, adversarial once")
    parser.add_argument(
        "--no-vary", action="store_true", help="repeat the texts unchanged (memoised helpers then hit more often)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=None,
        help="runs per adversarial input, best kept (default: 3, 1 with --quick)",
    )
    args = parser.parse_args()
    size_mb = 5.0 if args.quick else args.size_mb
    repeat = args.repeat if args.repeat is not None else (1 if args.quick else 3)
    if size_mb <= 0 or repeat < 1:
        parser.error("--size-mb must be positive and --repeat at least 1")

    print(f"vbpl extract benchmark: Python {platform.python_version()} on {platform.machine()}, one process")
    print()
    texts = load_texts()
    bench_corpus(texts, size_mb, not args.no_vary)
    bench_adversarial(texts, repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
