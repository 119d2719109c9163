"""What every reader returns, and the one error they raise: the interface later stages code against."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from vbpl.messages import Message, Phrase, msg


class UnreadableError(Exception):
    """The input cannot be read as text: which input (`source`) and why (`reason`, a message from messages.csv).

    `str()` is the English `"<source>: <reason>"` the command line prints; `message` is the same sentence kept
    as data, so that the web can say it in Vietnamese.
    """

    def __init__(self, source: str, reason: Message) -> None:
        super().__init__(source, reason)
        self.source = source
        self.reason = reason

    @property
    def message(self) -> Message:
        return msg("read.unreadable", source=self.source, reason=self.reason)

    def __str__(self) -> str:
        return self.message.render("en")


def detail(words: object) -> Phrase:
    """A library's own words on what went wrong, "(…)" after the reason in English; Vietnamese leaves them out
    (they are English, and name the library's internals rather than anything a reader can act on)."""
    return Phrase(f" ({words})", "")


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
