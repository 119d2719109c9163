"""PDF text layers: pypdfium2 for prose pages (fast), pdfplumber for pages with ruled tables (rows kept).

pypdfium2 opens the file first because it is quick and says clearly what is wrong with a PDF
(password, damage); pdfplumber is opened only when some page has ruling lines that may be a table.
`scripts/bench_readers.py` measures both on the same files and checks that their citations agree.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Literal

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from vbpl.messages import msg
from vbpl.read import legacy
from vbpl.read.layout import Box, Line, drop_furniture, lines_of, page_text
from vbpl.read.model import ReadText, UnreadableError, detail

if TYPE_CHECKING:  # pdfplumber is imported only for pages that need it
    from pdfplumber.page import Page
    from pdfplumber.pdf import PDF

Engine = Literal["auto", "pdfplumber", "pypdfium2"]
_EMPTY_PAGE_TREE = re.compile(rb"/Count\s+0\b")
TABLE_PATHS = 4  # a page drawing at least this many paths may hold a ruled table: read it with pdfplumber


def read_pdf(data: bytes, source: str, engine: Engine = "auto") -> ReadText:
    """Text of every page in reading order, with `pages` offsets; UnreadableError for scans and broken files."""
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableError(source, msg("read.pdf_truncated"))
    document = _open(data, source)
    plumber = None
    try:
        if len(document) == 0:
            raise UnreadableError(source, msg("read.pdf_no_pages"))
        pages: list[list[Line]] = []
        for index in range(len(document)):
            page = document[index]
            if engine == "pdfplumber" or (engine == "auto" and _may_hold_table(page)):
                plumber = plumber or _plumber(data, source)
                pages.append(_plumber_lines(plumber.pages[index]))
            else:
                pages.append(_pdfium_lines(page))
    finally:
        document.close()
        if plumber is not None:
            plumber.close()
    if not any(lines for lines in pages):
        raise UnreadableError(source, msg("read.pdf_scanned", pages=len(pages)))
    notes = []
    if dropped := drop_furniture(pages):
        notes.append(f"dropped {dropped} page numbers and running header/footer lines")
    raw = [page_text(lines) for lines in pages]
    encoding = legacy.detect("\n".join(raw))
    if encoding:
        notes.append(f"converted from {encoding}")
    texts = [legacy.to_unicode(page, encoding) if encoding else legacy.nfc(page) for page in raw]
    starts, offset = [], 0
    for page in texts:
        starts.append(offset)
        offset += len(page) + 1
    return ReadText("\n".join(texts), "pdf", source, encoding, pages=starts, notes=notes)


def _open(data: bytes, source: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:  # pdfium's own reason can be stale ("Success"): look at the bytes
        if b"/Encrypt" in data:
            raise UnreadableError(source, msg("read.pdf_encrypted")) from exc
        if _EMPTY_PAGE_TREE.search(data):
            raise UnreadableError(source, msg("read.pdf_no_pages")) from exc
        raise UnreadableError(source, msg("read.pdf_damaged", detail=detail(exc))) from exc


def _plumber(data: bytes, source: str) -> PDF:
    import pdfplumber

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many unrelated types for one broken file
        reason = msg("read.pdf_damaged", detail=detail(f"{type(exc).__name__}: {exc}"))
        raise UnreadableError(source, reason) from exc


def _may_hold_table(page: pdfium.PdfPage) -> bool:
    paths = page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2)
    return sum(1 for _ in zip(range(TABLE_PATHS), paths, strict=False)) >= TABLE_PATHS


def _pdfium_lines(page: pdfium.PdfPage) -> list[Line]:
    """pdfium's text rectangles are already runs of one line, split where columns are apart."""
    textpage = page.get_textpage()
    height = page.get_height()
    boxes = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = textpage.get_text_bounded(left, bottom, right, top).replace("\r", "").replace("\n", "")
        if text.strip():
            boxes.append(Box(text, left, right, height - top, height - bottom))
    textpage.close()
    return lines_of(boxes, "")


def _plumber_lines(page: Page) -> list[Line]:
    """Words outside tables, plus one line per table row with its cells."""
    tables = page.find_tables()
    rows = []
    for table in tables:
        for row, cells in zip(table.rows, table.extract(), strict=False):
            x0, top, x1, bottom = row.bbox
            texts = [" ".join((cell or "").split()) for cell in cells]
            rows.append(Line(top, bottom, x0, x1, [t for t in texts if t] or [""], table=True))

    def outside(word: dict) -> bool:
        x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        return not any(t.bbox[0] <= x <= t.bbox[2] and t.bbox[1] <= y <= t.bbox[3] for t in tables)

    words = [Box(w["text"], w["x0"], w["x1"], w["top"], w["bottom"]) for w in page.extract_words() if outside(w)]
    page.flush_cache()
    return sorted(lines_of(words, " ") + rows, key=lambda line: line.top)
