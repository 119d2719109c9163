"""Small text helpers shared by every stage: folding for comparison, whitespace collapsing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import regex
from rapidfuzz import fuzz

_SPACES = regex.compile(r"\s+")
# The only characters str.split() takes for white space and the grammar's \s does not.
_SPLIT_ONLY_SPACES = re.compile("[\x1c-\x1f]")

rx = lru_cache(maxsize=512)(regex.compile)
rx.__doc__ = "regex.compile, memoised: for the small patterns used inline."


def line_matches(pattern: regex.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """pattern.finditer(text) for a pattern anchored by "(?m)^" whose matches are never empty, tried only at
    the start of the text and after the line breaks that `starts` finds ("\\n" then a look-ahead at what every
    match begins with). `regex` tries such a pattern at every position of the text; the stdlib engine finds a
    literal line break several times faster."""
    end = 0
    if (m := pattern.match(text)) is not None:
        end = m.end()
        yield m
    for hit in starts.finditer(text, end):
        if hit.end() >= end and (m := pattern.match(text, hit.end())) is not None:
            end = m.end()
            yield m


def _base_letters() -> dict[int, int | None]:
    """Latin letters with diacritics -> their base letter; combining marks -> nothing."""
    table: dict[int, int | None] = {ord("đ"): ord("d"), ord("Đ"): ord("D")}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        base = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c))
        if len(base) == 1 and base != chr(code):
            table[code] = ord(base)
    for code in range(0x0300, 0x0370):
        table[code] = None
    return table


_BASE_LETTERS = _base_letters()


def strip_diacritics(text: str) -> str:
    """'Quyết định số' -> 'Quyet dinh so', case kept; a precomposed letter stays one character."""
    return text.translate(_BASE_LETTERS)


def fold(text: str) -> str:
    """Case- and diacritic-insensitive key: 'Quyết định' and 'QUYET DINH' fold alike.

    One character in, at most one character out (a translation table, no normalisation pass), so
    offsets in a folded Vietnamese text are offsets in the original. Short keys (codes, names) are
    memoised; whole texts are not, so that a long run does not keep every document it folded.
    """
    return _fold_short(text) if len(text) <= 200 else text.translate(_BASE_LETTERS).casefold()


@lru_cache(maxsize=65536)
def _fold_short(text: str) -> str:
    return text.translate(_BASE_LETTERS).casefold()


def squash(text: str) -> str:
    """Collapse runs of white space (line breaks of wrapped PDF text included) to one space."""
    if _SPLIT_ONLY_SPACES.search(text):
        return _SPACES.sub(" ", text).strip()
    return " ".join(text.split())  # the same result, several times faster


_SEPARATORS = regex.compile(r"\s*[-/]+\s*")


@lru_cache(maxsize=65536)
def symbol_key(symbol: str) -> str:
    """Comparison key of a symbol: '183/2010/TTLT/BTC-BNN' and '183/2010/TTLT-BTC-BNN' agree, and so do
    'QĐ-BGD&ĐT', 'QĐ-BGD ĐT' and 'QĐ-BGDĐT' (one code, written in parts)."""
    return _SEPARATORS.sub("-", fold(symbol)).replace(" ", "").replace("&", "")


@lru_cache(maxsize=65536)
def strip_year(symbol: str) -> str:
    """'41/2022/NQ-HĐND' -> '41/NQ-HĐND': the administrative form a later mention may use."""
    return rx(r"^(\d+)\s*/\s*(?:19|20)\d\d\s*/?").sub(r"\1/", symbol)


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[regex.Pattern[str], str]]:
    from vbpl.vocab import vocabulary

    return [
        (regex.compile(rf"(?<!\w){regex.escape(fold(s))}(?!\w)"), fold(long))
        for s, long in vocabulary().abbreviations
    ]


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """Comparison key of a law's name, with abbreviations spelled out ('HĐND' → 'hoi dong nhan dan')."""
    key = fold(squash(name))
    for pattern, long in _abbreviations():
        key = pattern.sub(long, key)
    return rx(r"[^\w ]+").sub(" ", key).split(" (")[0].strip()


@lru_cache(maxsize=1)
def _known_law_keys() -> frozenset[str]:
    from vbpl.vocab import vocabulary

    return frozenset(" ".join(name_key(n).split()) for n in vocabulary().law_names)


_NUMBERS = regex.compile(r"\d+")
_LAW_WORD_KEY = regex.compile(r"^(?:bo luat|luat|phap lenh) ")


def same_name(a: str, b: str) -> bool:
    """Two names of one law: equal keys, or one a word-prefix of the other ('Luật Ngân sách'), unless both are
    names of laws the vocabulary knows apart ('Luật Đầu tư', 'Luật Đầu tư công')."""
    ka, kb = " ".join(name_key(a).split()), " ".join(name_key(b).split())
    if ka == kb:
        return True
    if ka.startswith(kb + " ") or kb.startswith(ka + " "):
        known = _known_law_keys()
        return not (_LAW_WORD_KEY.sub("", ka) in known and _LAW_WORD_KEY.sub("", kb) in known)
    if _NUMBERS.findall(ka) != _NUMBERS.findall(kb):
        return False  # "… của 11 luật có liên quan đến quy hoạch" and "… của 37 luật …" are two laws
    return fuzz.ratio(ka, kb) >= 92  # glued or split words from PDF text: "quyphạm", "Ủy bannhân"


# Words that open in capitals ("QUY ĐỊNH XỬ PHẠT …", "LUẬT ĐẤT ĐAI": a title, a law's name) end before the first word
# of letters in small ones: the sentence that follows them on the same line ("… THÚ Y Căn cứ Luật …", a header run
# into one line). Codes keep their small letters ("QĐ-TTg", "08-QĐi/TW"): they are no words of letters alone.
_CAPITALS_OPEN = regex.compile(r"\p{Lu}{2,}(?!\w)")
_SMALL_WORD = regex.compile(r"(?<=[\s(“\"])\p{L}*\p{Ll}\p{L}*(?=[\s,;.:]|\Z)")


def capitals_end(text: str, start: int, end: int) -> int:
    """End of the words from start to end that open in capitals: before the first word of letters in small ones,
    with the marks before it; `end` when they do not open in capitals or hold none."""
    if _CAPITALS_OPEN.match(text, start) and (small := _SMALL_WORD.search(text, start, end)):
        return len(text[: small.start()].rstrip(' \t\n-–—(“",;:'))
    return end
