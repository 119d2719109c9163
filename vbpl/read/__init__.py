"""Files to text: one entry point, `read_document`, that picks the reader by the file's content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vbpl.messages import msg
from vbpl.read.model import ReadText, UnreadableError
from vbpl.read.sniff import sniff
from vbpl.read.text import decode, read_bytes, read_txt

__all__ = ["ReadText", "UnreadableError", "decode", "read_data", "read_document", "read_text"]


def _reader(kind: str) -> Callable[[bytes, str], ReadText]:
    """The reader for one format, imported on first use so plain text never pays for PDF/DOCX libraries."""
    if kind == "pdf":
        from vbpl.read.pdf import read_pdf

        return read_pdf
    if kind == "docx":
        from vbpl.read.docx import read_docx

        return read_docx
    if kind == "html":
        from vbpl.read.html import read_html

        return read_html
    return read_txt


def read_data(data: bytes, source: str, compose: bool = True) -> ReadText:
    """Read a document from its bytes; `source` names it in errors and in the result.

    With `compose` false, plain text keeps its characters as written (NFD stays NFD), so that
    offsets into the result are offsets into the file's own decoded text."""
    if not data:
        raise UnreadableError(source, msg("read.empty"))
    kind = sniff(data, source)
    result = read_txt(data, source, compose) if kind == "txt" else _reader(kind)(data, source)
    if not result.text.strip():
        raise UnreadableError(source, msg("read.blank"))
    return result


def read_document(path: Path, compose: bool = True) -> ReadText:
    """Read any supported file (txt/md, html, pdf, docx) into NFC text; raises UnreadableError with the reason.
    `compose` as for `read_data`."""
    return read_data(read_bytes(Path(path)), str(path), compose)


def read_text(path: Path) -> str:
    """The text of any supported file, for callers that only want a string."""
    return read_document(path).text
