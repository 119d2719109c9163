"""Legacy Vietnamese encodings (TCVN3/ABC, VNI) to Unicode.

The tables and the content scorer are viparse's (MIT, no dependencies of its own): they were derived
from real government documents, which is more than a table typed here could claim. What this module
adds is the gate that keeps conversion away from good text: Unicode Vietnamese always carries letters
that no legacy font can produce (ơ ư đ ạ … ỹ), and English carries no Latin-1 letters at all, so
neither reaches the scorer. Detection looks at a bounded sample, so a 20 MB file costs no more to
judge than a page.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from viparse.normalize.detector import detect_encoding, detect_encoding_by_content
from viparse.normalize.tables import Charmap, convert
from viparse.normalize.tcvn3 import TCVN3
from viparse.normalize.vni import VNI

CHARMAPS: dict[str, Charmap] = {TCVN3.name: TCVN3, VNI.name: VNI}
SAMPLE_CHARS = 100_000
MIN_LEGACY_CHARS = 3  # below this there is nothing to convert, whatever the scorer says
UNICODE_SHARE = 0.05  # Unicode-only Vietnamese letters per legacy surface character that mean "already Unicode"


@cache
def _surface_chars() -> frozenset[str]:
    """Non-ASCII characters a legacy font's bytes surface as (µ ¸ ¶ ø ù …), computed from the tables."""
    return frozenset(ch for charmap in CHARMAPS.values() for seq, _ in charmap.pairs for ch in seq if ord(ch) > 127)


@cache
def _counters() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Character classes of legacy surface characters and of Unicode-only Vietnamese letters (counted in C)."""
    surface = "".join(sorted(_surface_chars() - set("ĂăĐđĨĩŨũƠơƯư")))
    return re.compile(f"[{re.escape(surface)}]"), re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")


def detect(text: str) -> str | None:
    """The legacy encoding `text` is written in ("tcvn3", "vni"), or None when it reads as Unicode."""
    sample = text[:SAMPLE_CHARS]
    surface, unicode_letters = _counters()
    legacy = len(surface.findall(sample))
    unicode_only = len(unicode_letters.findall(sample))
    if legacy < MIN_LEGACY_CHARS or unicode_only > UNICODE_SHARE * legacy:
        return None
    return detect_encoding_by_content(sample, CHARMAPS).encoding


def detect_font(font: str | None) -> str | None:
    """The legacy encoding a font name implies (".VnTime" -> "tcvn3", "VNI-Times" -> "vni"), else None."""
    encoding = detect_encoding([font]).encoding
    return encoding if encoding in CHARMAPS else None


def to_unicode(text: str, encoding: str) -> str:
    """Convert text written in a legacy encoding to NFC Unicode."""
    return convert(text, CHARMAPS[encoding])


def repair(text: str, compose: bool = True) -> tuple[str, str | None]:
    """Convert `text` when it is legacy-encoded, else compose it to NFC (unless not `compose`).
    Returns the text and the encoding found."""
    encoding = detect(text)
    if encoding:
        return to_unicode(text, encoding), encoding
    return (nfc(text) if compose else text), None


def nfc(text: str) -> str:
    """NFC, skipping the copy when the text is already composed (the usual case, and 20 MB files)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
