"""Which reader a file needs, judged by its bytes: a PDF saved as `.txt` is still a PDF."""

from __future__ import annotations

import io
import re
import zipfile

from vbpl.read.model import UnreadableError

CONVERT = "convert to .docx or .pdf"

# Magic bytes of formats we refuse, with what to call them.
_UNSUPPORTED = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "binary Office document (OLE2: .doc, .xls or .ppt)"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"{\\rtf", "RTF document"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"\x7fELF", "executable"),
)
# What a ZIP container holds, by its marker member.
_ZIP_KINDS = (
    ("word/document.xml", "docx"),
    ("xl/workbook.xml", "Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "PowerPoint presentation (.pptx)"),
    ("content.xml", "OpenDocument file (.odt/.ods)"),
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
        raise _unsupported(source, "WebP image")
    if data.startswith(b"BM") and data[6:10] == b"\x00\x00\x00\x00":  # "BM" alone could begin a text
        raise _unsupported(source, "BMP image")
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
        raise UnreadableError(f"{source}: damaged or truncated ZIP/DOCX archive ({exc})") from exc
    for marker, kind in _ZIP_KINDS:
        if marker in names:
            if kind == "docx":
                return kind
            raise _unsupported(source, kind)
    raise _unsupported(source, "ZIP archive")


def _unsupported(source: str, what: str) -> UnreadableError:
    return UnreadableError(f"{source}: unsupported format ({what}); {CONVERT}")
