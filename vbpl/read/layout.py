"""Positioned text to reading order: lines, columns as cells, page furniture dropped, wrapped lines joined.

Whatever PDF library supplies the boxes, Vietnamese documents need the same treatment: the two-column
header block (issuing body | Quốc hiệu, "Số: …" | place and date) becomes one line per row with the
columns joined by " | " — the form the header parser reads — and a paragraph wrapped over several
lines becomes one line again, so that a citation cut by a line end reads whole.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

CELL_SEP = " | "
COLUMN_GAP = 2.0  # a horizontal gap wider than this many line heights separates two columns
FULL_LINE = 1.5  # a line ending within this many line heights of the right margin was wrapped
PARAGRAPH_GAP = 0.9  # a vertical gap larger than this many line heights starts a new paragraph
_PAGE_NUMBER = re.compile(r"[-–—\s]*(trang|page)?\s*\d{1,4}(\s*(/|trên|of)\s*\d{1,4})?[-–—\s]*", re.I)
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class Box:
    """A run of text with its position (points, top-down), as a PDF library reports it."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(slots=True)
class Line:
    """One visual line; `cells` are its columns (or a table row's cells)."""

    top: float
    bottom: float
    x0: float
    x1: float
    cells: list[str] = field(default_factory=list)
    table: bool = False

    @property
    def text(self) -> str:
        return CELL_SEP.join(self.cells)

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


def lines_of(boxes: list[Box], joiner: str) -> list[Line]:
    """Group boxes into lines by vertical overlap, then split each line into columns at wide gaps.

    `joiner` goes between two boxes of one column: " " for words (pdfplumber), "" for runs that carry
    their own spaces (pdfium splits "NN&PTNT" into three runs where the glyphs change height).
    """
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        middle = (box.top + box.bottom) / 2
        row = rows[-1] if rows else None
        if row and min(b.top for b in row) <= middle <= max(b.bottom for b in row):
            row.append(box)
        else:
            rows.append([box])
    return [_line(sorted(row, key=lambda b: b.x0), joiner) for row in rows]


def _line(row: list[Box], joiner: str) -> Line:
    top, bottom = min(b.top for b in row), max(b.bottom for b in row)
    gap = COLUMN_GAP * max(bottom - top, 1.0)
    cells = [row[0].text]
    for previous, box in pairwise(row):
        if box.x0 - previous.x1 > gap:
            cells.append(box.text)
        else:
            cells[-1] += joiner + box.text
    return Line(top, bottom, row[0].x0, max(b.x1 for b in row), [" ".join(cell.split()) for cell in cells])


def drop_furniture(pages: list[list[Line]]) -> int:
    """Remove page numbers and running headers/footers (first/last lines repeated across pages). Returns count."""
    def edges(lines: list[Line]) -> list[Line]:
        return lines[:2] + lines[-2:] if len(lines) > 4 else lines[:1] + lines[-1:]

    repeated = Counter(key for lines in pages for key in {_DIGITS.sub("#", line.text) for line in edges(lines)})
    needed = max(2, (len(pages) + 1) // 2)
    dropped = 0
    for lines in pages:
        for line in edges(lines):
            running = len(pages) > 1 and repeated[_DIGITS.sub("#", line.text)] >= needed
            if (running or _PAGE_NUMBER.fullmatch(line.text)) and line in lines:
                lines.remove(line)
                dropped += 1
    return dropped


def page_text(lines: list[Line]) -> str:
    """The page's lines in reading order, a wrapped paragraph joined back into one line."""
    prose = [line for line in lines if len(line.cells) == 1 and not line.table]
    right = max((line.x1 for line in prose), default=0.0)
    out: list[str] = []
    joinable = False
    previous: Line | None = None
    for line in lines:
        single = len(line.cells) == 1 and not line.table
        close = previous is not None and line.top - previous.bottom < PARAGRAPH_GAP * previous.height
        if joinable and single and close and out:
            out[-1] += " " + line.text
        else:
            out.append(line.text)
        joinable = single and line.x1 >= right - FULL_LINE * line.height
        previous = line
    return "\n".join(out)
