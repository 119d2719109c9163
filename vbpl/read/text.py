"""Plain text: find the encoding (BOM, UTF-16 without BOM, UTF-8, TCVN3/VNI, Windows-1258) and say why not."""

from __future__ import annotations

import codecs
import errno
from pathlib import Path

from vbpl.messages import Phrase, msg
from vbpl.read import legacy
from vbpl.read.model import ReadText, UnreadableError, detail
from vbpl.read.sniff import sniff

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 4096
_CONTROLS = frozenset(range(32)) - {9, 10, 12, 13}  # tab, LF, FF, CR are text
MAX_CONTROL_SHARE = 0.05


def decode(data: bytes, source: str = "<input>", compose: bool = True) -> str:
    """Decode text bytes to NFC Unicode, converting legacy TCVN3/VNI; refuse binary data.

    With `compose` false, Unicode text keeps its characters as decoded (NFD stays NFD), so that
    offsets into the result are offsets into the input as written."""
    return decode_with_encoding(data, source, compose)[0]


def decode_with_encoding(data: bytes, source: str = "<input>", compose: bool = True) -> tuple[str, str | None]:
    """The decoded text and the encoding found, None meaning plain UTF-8."""
    kind = sniff(data, source)
    if kind in ("pdf", "docx"):
        raise UnreadableError(source, msg("read.not_plain_text", kind=kind.upper()))
    encoding = _unicode_encoding(data)
    if encoding:
        try:
            return _repaired(data.decode(encoding), encoding, compose)
        except UnicodeDecodeError as exc:
            reason = msg("read.broken_encoding", encoding=encoding, detail=detail(exc.reason))
            raise UnreadableError(source, reason) from exc
    head = data[:_SAMPLE]
    if b"\x00" in head:
        raise UnreadableError(source, msg("read.binary_nul"))
    if sum(byte in _CONTROLS for byte in head) > MAX_CONTROL_SHARE * len(head):
        raise UnreadableError(source, msg("read.binary_control"))
    try:
        return _repaired(data.decode("utf-8"), None, compose)
    except UnicodeDecodeError:
        pass
    latin = data.decode("latin-1")
    found = legacy.detect(latin)
    if found:
        return legacy.to_unicode(latin, found), found
    try:
        text = data.decode("cp1258")
        return (legacy.nfc(text) if compose else text), "cp1258"
    except UnicodeDecodeError as exc:
        raise UnreadableError(source, msg("read.unknown_encoding")) from exc


def _unicode_encoding(data: bytes) -> str | None:
    """A UTF-16/32 encoding the bytes announce (BOM) or betray (the NUL bytes of ASCII letters)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    sample = data[: _SAMPLE - _SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs:
        zero_even, zero_odd = sample[0::2].count(0), sample[1::2].count(0)
        if zero_odd > 0.3 * pairs and zero_even < 0.02 * pairs:
            return "utf-16-le"
        if zero_even > 0.3 * pairs and zero_odd < 0.02 * pairs:
            return "utf-16-be"
    return None


def _repaired(text: str, encoding: str | None, compose: bool) -> tuple[str, str | None]:
    """Unicode text can still hold a legacy font's characters (copied out of a .VnTime document)."""
    text, found = legacy.repair(text.removeprefix("\ufeff"), compose)
    return text, found or (None if encoding == "utf-8-sig" else encoding)


def _os_error(exc: OSError) -> Phrase:
    """The system's reason in English; in Vietnamese its errno name ("EACCES"), the system's words being English."""
    return Phrase(str(exc.strerror), errno.errorcode.get(exc.errno or 0, str(exc.errno)))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an UnreadableError saying why not."""
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableError(str(path), msg("read.no_such_file")) from exc
    except IsADirectoryError as exc:
        raise UnreadableError(str(path), msg("read.directory")) from exc
    except OSError as exc:
        raise UnreadableError(str(path), msg("read.os_error", error=_os_error(exc))) from exc


def read_txt(data: bytes, source: str, compose: bool = True) -> ReadText:
    """A plain-text (.txt/.md) document; `compose` as for `decode`."""
    text, encoding = decode_with_encoding(data, source, compose)
    notes = [f"converted from {encoding}"] if encoding in legacy.CHARMAPS else []
    return ReadText(text, "txt", source, encoding, notes=notes)
