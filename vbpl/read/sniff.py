"""Which reader a file needs, judged by its bytes: a PDF saved as `.txt` is still a PDF."""

from __future__ import annotations

import io
import re
import zipfile

from vbpl.messages import Message, msg
from vbpl.read.model import UnreadableError, detail

# Magic bytes of formats we refuse, with what to call them.
_UNSUPPORTED = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", msg("read.format.ole2")),
    (b"\x89PNG\r\n\x1a\n", msg("read.format.png")),
    (b"\xff\xd8\xff", msg("read.format.jpeg")),
    (b"GIF87a", msg("read.format.gif")),
    (b"GIF89a", msg("read.format.gif")),
    (b"II*\x00", msg("read.format.tiff")),
    (b"MM\x00*", msg("read.format.tiff")),
    (b"{\\rtf", msg("read.format.rtf")),
    (b"Rar!\x1a\x07", msg("read.format.rar")),
    (b"7z\xbc\xaf\x27\x1c", msg("read.format.7z")),
    (b"\x1f\x8b", msg("read.format.gzip")),
    (b"BZh", msg("read.format.bzip2")),
    (b"\xfd7zXZ\x00", msg("read.format.xz")),
    (b"PK\x05\x06", msg("read.format.zip_empty")),
    (b"\x7fELF", msg("read.format.executable")),
)
_DOCX_MARKER = "word/document.xml"
# What else a ZIP container may hold, by its marker member.
_ZIP_KINDS = (
    ("xl/workbook.xml", msg("read.format.xlsx")),
    ("ppt/presentation.xml", msg("read.format.pptx")),
    ("content.xml", msg("read.format.odf")),
)
_HTML_START = re.compile(rb"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|table|div|p)\b", re.I | re.S)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff(data: bytes, source: str) -> str:
    """Return "pdf", "docx", "html" or "txt"; raise UnreadableError for formats we do not read."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, source)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        raise _unsupported(source, msg("read.format.webp"))
    if data.startswith(b"BM") and data[6:10] == b"\x00\x00\x00\x00":  # "BM" alone could begin a text
        raise _unsupported(source, msg("read.format.bmp"))
    for magic, what in _UNSUPPORTED:
        if data.startswith(magic):
            raise _unsupported(source, what)
    head = data[:2048]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    if _HTML_START.match(head.replace(b"\x00", b"")):
        return "html"
    return "txt"


def _zip_kind(data: bytes, source: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise UnreadableError(source, msg("read.zip_damaged", detail=detail(exc))) from exc
    if _DOCX_MARKER in names:
        return "docx"
    for marker, what in _ZIP_KINDS:
        if marker in names:
            raise _unsupported(source, what)
    raise _unsupported(source, msg("read.format.zip"))


def _unsupported(source: str, what: Message) -> UnreadableError:
    return UnreadableError(source, msg("read.unsupported", what=what))
