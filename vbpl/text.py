"""Small text helpers shared by every stage: folding for comparison, whitespace collapsing."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

_SPACES = regex.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and diacritic-insensitive key: 'Quyết định' and 'QUYET DINH' fold alike."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def squash(text: str) -> str:
    """Collapse runs of white space (line breaks of wrapped PDF text included) to one space."""
    return _SPACES.sub(" ", text).strip()
