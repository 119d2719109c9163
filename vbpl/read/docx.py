"""DOCX: paragraphs and tables in document order; runs set in a legacy font (.VnTime, VNI-Times) converted.

A document typed in the TCVN3/VNI era and saved as .docx keeps its 8-bit code points in the runs and
only the font name says how to read them, so the font decides run by run; text with no telling font
still goes through content detection.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from vbpl.messages import msg
from vbpl.read import legacy
from vbpl.read.layout import CELL_SEP
from vbpl.read.model import ReadText, UnreadableError, detail

_RUN_TEXT = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}


def read_docx(data: bytes, source: str) -> ReadText:
    """The body's paragraphs and table rows (cells joined by " | "), one per line."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        reason = msg("read.docx_damaged", detail=detail(f"{type(exc).__name__}: {exc}"))
        raise UnreadableError(source, reason) from exc
    reader = _Reader(document)
    lines = [reader.block(block) for block in document.iter_inner_content()]
    text, found = legacy.repair("\n".join(lines))
    encodings = sorted(reader.converted | ({found} if found else set()))
    notes = [f"converted runs from {name}" for name in encodings]
    return ReadText(text, "docx", source, ",".join(encodings) or None, notes=notes)


class _Reader:
    """Text of paragraphs and tables, remembering which legacy encodings were converted."""

    def __init__(self, document: Document) -> None:
        self.default_font = _default_font(document)
        self.converted: set[str] = set()

    def block(self, block: Paragraph | Table) -> str:
        if isinstance(block, Paragraph):
            return self.paragraph(block)
        return "\n".join(self.row(row.cells) for row in block.rows)

    def row(self, cells: list[_Cell]) -> str:
        seen, texts = set(), []
        for cell in cells:  # a merged cell is repeated once per grid column it spans
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            texts.append(" ".join(" ".join(self.block(b).split()) for b in cell.iter_inner_content()).strip())
        return CELL_SEP.join(t for t in texts if t)

    def paragraph(self, paragraph: Paragraph) -> str:
        style_font = _style_font(paragraph) or self.default_font
        parts = []
        for run in paragraph._p.iter(qn("w:r")):
            text = "".join(
                mark if (mark := _RUN_TEXT[child.tag]) is not None else child.text or ""
                for child in run
                if child.tag in _RUN_TEXT
            )
            encoding = legacy.detect_font(_run_font(run) or style_font)
            if encoding and text:
                self.converted.add(encoding)
                text = legacy.to_unicode(text, encoding)
            parts.append(text)
        return "".join(parts)


def _run_font(run: etree._Element) -> str | None:
    fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is None:
        return None
    return fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))


def _style_font(paragraph: Paragraph) -> str | None:
    style = paragraph.style
    while style is not None:
        if style.font.name:
            return style.font.name
        style = style.base_style
    return None


def _default_font(document: Document) -> str | None:
    fonts = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if fonts is None else fonts.get(qn("w:ascii"))
