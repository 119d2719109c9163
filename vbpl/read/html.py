"""HTML pages (portal copies of documents): the charset the page declares, the body as lines, table rows kept.

selectolax (lexbor) rather than BeautifulSoup+lxml: on the same pages it gives the same text and the
same citations, several times faster (`scripts/bench_readers.py`). Scripts, styles and the portal's
navigation, header and footer are dropped: they cite documents the page's document does not.
"""

from __future__ import annotations

import codecs
import re

from selectolax.lexbor import LexborHTMLParser

from vbpl.read import legacy
from vbpl.read.layout import CELL_SEP
from vbpl.read.model import ReadText
from vbpl.read.text import decode_with_encoding

DROPPED = "script, style, noscript, template, iframe, svg, nav, header, footer, aside, [role=navigation]"
BLOCKS = (
    "p, div, h1, h2, h3, h4, h5, h6, li, ul, ol, dl, dt, dd, table, tr, td, th, caption, section, article, "
    "main, blockquote, address, center, hr, pre"
)
_BREAK = "\x1e"  # marks a line break while HTML whitespace is collapsed
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_SPACES = re.compile(r"[ \t\r\n\f]+")


def read_html(data: bytes, source: str) -> ReadText:
    """Visible text of the page body, one block per line; table rows as cells joined by " | "."""
    markup, encoding = _decode(data, source)
    text = html_text(markup)
    text, found = legacy.repair(text)
    notes = [f"converted from {found}"] if found else []
    return ReadText(text, "html", source, found or encoding, notes=notes)


def _decode(data: bytes, source: str) -> tuple[str, str | None]:
    """Bytes to markup: a BOM, then the page's own <meta charset>, then the plain-text guesses."""
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        name = declared.group(1).decode("ascii").lower()
        try:
            codec = codecs.lookup(name).name
            return data.decode(codec), None if codec == "utf-8" else codec
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong declaration: fall back to guessing
    return decode_with_encoding(data, source)


def html_text(markup: str) -> str:
    """Collapse the page to lines: blocks break lines, data-table rows become single lines."""
    tree = LexborHTMLParser(markup)
    for node in tree.css(DROPPED):
        node.decompose()
    for node in tree.css("pre"):
        node.replace_with(_BREAK + (node.text(deep=True) or "").replace("\n", _BREAK) + _BREAK)
    for node in tree.css("br"):
        node.replace_with(_BREAK)
    for row in reversed(tree.css("tr")):  # innermost rows first: a row holding a table is layout, not data
        if row.css_first("table") is None:
            cells = [" ".join(cell.text(deep=True).replace(_BREAK, " ").split()) for cell in row.css("td, th")]
            row.replace_with(_BREAK + CELL_SEP.join(c for c in cells if c) + _BREAK)
    for node in tree.css(BLOCKS):
        node.insert_before(_BREAK)
        node.insert_after(_BREAK)
    root = tree.body or tree.root
    flat = _SPACES.sub(" ", root.text(deep=True) if root is not None else "")
    return "\n".join(line for line in (part.strip() for part in flat.split(_BREAK)) if line)
