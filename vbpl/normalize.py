"""Text normalisation that keeps a map back to the original offsets.

The grammar runs on NFC text where look-alike characters are folded (Ð → Đ, NBSP → space,
en dash → hyphen); spans are reported in the caller's original string.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

import regex

# One-to-one replacements: they never change the length, so offsets stay valid.
_FOLD = str.maketrans(
    {
        "\u00d0": "Đ",  # Ð eth, looks like Đ
        "\u0189": "Đ",  # Ɖ African D
        "\u00f0": "đ",
        "\u00a0": " ",  # no-break space and friends
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\ufeff": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",
        "\u2212": "-",  # minus sign
        "\uff0f": "/",  # fullwidth solidus
        "\u2044": "/",
        "\uff1a": ":",
    }
)

_LOOK_ALIKES = tuple((chr(c), plain) for c, plain in _FOLD.items())
_CLUSTER = regex.compile(r"\P{M}\p{M}+|\p{M}+")


@dataclass(slots=True)
class Normalized:
    """Normalised text plus the breakpoints that map its offsets back to the original."""

    text: str
    _norm: list[int]
    _orig: list[int]

    def original(self, pos: int) -> int:
        """Offset in the original string of normalised offset `pos`."""
        if not self._norm:
            return pos
        i = bisect_right(self._norm, pos) - 1
        if i < 0:
            return pos
        return self._orig[i] + (pos - self._norm[i])


def normalize(text: str) -> Normalized:
    """NFC plus look-alike folding; an identity map when the input is already NFC."""
    if unicodedata.is_normalized("NFC", text):
        return Normalized(_fold(text), [], [])
    pieces: list[str] = []
    norm_marks: list[int] = []
    orig_marks: list[int] = []
    last = 0
    length = 0
    for m in _CLUSTER.finditer(text):
        cluster = m.group()
        composed = unicodedata.normalize("NFC", cluster)
        if len(composed) == len(cluster):
            continue
        pieces.append(text[last : m.start()])
        length += m.start() - last
        pieces.append(composed)
        length += len(composed)
        last = m.end()
        norm_marks.append(length)
        orig_marks.append(last)
    pieces.append(text[last:])
    return Normalized(_fold("".join(pieces)), norm_marks, orig_marks)


def _fold(text: str) -> str:
    """Replace look-alikes where there are any: looking for each one in turn (`in`, str.replace) costs a few times
    less than one scan for the set of them, and far less than str.translate. HTML tags left in a text copied from a
    page ("Nghị định số 72/2013/NĐ<br />\nCP") become white space of their own length."""
    for char, plain in _LOOK_ALIKES:
        if char in text:
            text = text.replace(char, plain)
    if "<" in text:
        text = _HTML_TAG.sub(lambda m: " " * len(m.group()), text)
    return text


# Tags of text layout and inline style, as a page's source shows them.
_HTML_TAG = regex.compile(
    r"<\s*/?\s*(?i:br|p|div|span|b|i|u|em|strong|font|sup|sub|td|tr|th|li|ul|ol|table|tbody)(?![\w-])[^<>\n]{0,200}>"
)
