"""What every reader returns, and the one error they raise: the interface later stages code against."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


class UnreadableError(Exception):
    """The input cannot be read as text; the message says why (`"<path>: <reason>"`)."""


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
