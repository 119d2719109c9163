"""Bytes to text for the extractor: encoding detection and a clear reason when a file is not text."""

from __future__ import annotations

import codecs
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path


class UnreadableError(Exception):
    """The input cannot be read as text; the message says why."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP/DOCX archive",
    b"\x89PNG": "a PNG image",
    b"\xd0\xcf\x11\xe0": "a legacy Office (.doc) file",
    b"\xff\xd8\xff": "a JPEG image",
}


def decode(data: bytes, source: str = "<input>") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32 with BOM, or Windows-1258; refuse binary data."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise UnreadableError(f"{source}: {what}, not a text file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UnreadableError(f"{source}: broken {encoding} text ({exc.reason})") from exc
    if b"\x00" in data[:4096]:
        raise UnreadableError(f"{source}: binary data (NUL bytes), not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise UnreadableError(f"{source}: neither UTF-8 nor Windows-1258 text") from exc
    return text


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise UnreadableError(f"{path}: is a directory") from exc
    except OSError as exc:
        raise UnreadableError(f"{path}: {exc.strerror}") from exc
    if not data.strip():
        raise UnreadableError(f"{path}: empty file")
    return decode(data, str(path))


@dataclass(slots=True)
class ReadText:
    """What a reader produced from one file: NFC text, and where each page starts in it."""

    text: str
    format: str  # "txt" | "html" | "pdf" | "docx"
    source: str
    encoding: str | None = None  # the detected encoding when it was not plain UTF-8 ("cp1258", "tcvn3", "vni" …)
    pages: list[int] = field(default_factory=list)  # offset in `text` where each page starts (PDF only)
    notes: list[str] = field(default_factory=list)  # what the reader repaired or dropped

    def page_of(self, offset: int) -> int | None:
        """1-based page number of a text offset, or None when the format has no pages."""
        if not self.pages:
            return None
        return bisect_right(self.pages, offset)


def read_document(path: Path) -> ReadText:
    """Read any supported file into text; raises UnreadableError with the reason."""
    return ReadText(read_text(path), "txt", str(path))
