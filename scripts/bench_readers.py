"""Measure the readers side by side: pages/s of pdfplumber, pypdfium2 and the mixed policy `read_pdf` uses,
and HTML with selectolax against BeautifulSoup+lxml; for each, whether the citations agree with the source text.

Every corpus text is rendered to PDF and HTML (scripts/make_fixtures.py) in a temporary folder, so the
figures cover 47 documents of all shapes, not only the committed fixtures.

    .venv/bin/python scripts/bench_readers.py [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_fixtures import make_html, make_pdf

from vbpl import extract
from vbpl.read.html import _BREAK, BLOCKS, DROPPED, _decode, html_text
from vbpl.read.layout import CELL_SEP
from vbpl.read.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("pdfplumber", "pypdfium2", "auto")


def citations(text: str) -> list[tuple]:
    return sorted((c.symbol or c.name or "", c.type or "", c.date or "", c.relation) for c in extract(text).citations)


def bs4_text(markup: str) -> str:
    """The same rules as vbpl.read.html.html_text, written for BeautifulSoup+lxml: the alternative measured."""
    soup = BeautifulSoup(markup, "lxml")
    for node in soup.select(DROPPED):
        node.decompose()
    for node in soup.find_all("br"):
        node.replace_with(_BREAK)
    for row in reversed(soup.find_all("tr")):
        if row.find("table") is None:
            cells = [" ".join(cell.get_text(" ").replace(_BREAK, " ").split()) for cell in row.find_all(["td", "th"])]
            row.replace_with(_BREAK + CELL_SEP.join(c for c in cells if c) + _BREAK)
    for node in soup.find_all([tag.strip() for tag in BLOCKS.split(",")]):
        node.insert_before(_BREAK)
        node.insert_after(_BREAK)
    flat = re.sub(r"[ \t\r\n\f]+", " ", (soup.body or soup).get_text())
    return "\n".join(line for line in (part.strip() for part in flat.split(_BREAK)) if line)


def timed(function: Callable[[], object], repeat: int) -> tuple[object, float]:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return result, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per file; the fastest counts")
    args = parser.parse_args()
    sources = sorted((ROOT / "corpora").glob("*/*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        print(f"rendering {len(sources)} corpus texts to PDF and HTML …", file=sys.stderr)
        for source in sources:
            text = source.read_text(encoding="utf-8")
            make_pdf(text, tmp / f"{source.stem}.pdf", source.stem)
            make_html(text, tmp / f"{source.stem}.html", source.stem)

        pages = {engine: 0 for engine in ENGINES}
        seconds = {engine: 0.0 for engine in ENGINES}
        agree = {engine: 0 for engine in ENGINES}
        same_as_plumber = 0
        for source in sources:
            expected = citations(source.read_text(encoding="utf-8"))
            data = (tmp / f"{source.stem}.pdf").read_bytes()
            found = {}
            for engine in ENGINES:
                run = lambda data=data, engine=engine, name=source.stem: read_pdf(data, name, engine)  # noqa: E731
                read, spent = timed(run, args.repeat)
                pages[engine] += len(read.pages)
                seconds[engine] += spent
                found[engine] = citations(read.text)
                agree[engine] += found[engine] == expected
            same_as_plumber += found["pypdfium2"] == found["pdfplumber"]
        print(f"PDF: {len(sources)} files, {pages['auto']} pages")
        print(f"{'reader':<12} {'pages/s':>9} {'s total':>8}  citations equal to the source text")
        for engine in ENGINES:
            label = "mixed (auto)" if engine == "auto" else engine
            rate = pages[engine] / seconds[engine]
            print(f"{label:<12} {rate:9.1f} {seconds[engine]:8.2f}  {agree[engine]}/{len(sources)} files")
        print(f"pypdfium2 and pdfplumber give the same citations on {same_as_plumber}/{len(sources)} files")

        html_seconds = {"selectolax": 0.0, "bs4+lxml": 0.0}
        html_agree = {"selectolax": 0, "bs4+lxml": 0}
        size = 0
        for source in sources:
            expected = citations(source.read_text(encoding="utf-8"))
            data = (tmp / f"{source.stem}.html").read_bytes()
            size += len(data)
            markup = _decode(data, source.stem)[0]
            for name, reader in (("selectolax", html_text), ("bs4+lxml", bs4_text)):
                text, spent = timed(lambda markup=markup, reader=reader: reader(markup), args.repeat)
                html_seconds[name] += spent
                html_agree[name] += citations(str(text)) == expected
        print(f"\nHTML: {len(sources)} pages, {size / 1e6:.2f} MB")
        for name, spent in html_seconds.items():
            print(f"{name:<12} {size / 1e6 / spent:7.1f} MB/s  {html_agree[name]}/{len(sources)} files agree")


if __name__ == "__main__":
    main()
