"""Bytes to text for the extractor: encoding detection and a clear reason when a file is not text."""

from __future__ import annotations

import codecs
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
