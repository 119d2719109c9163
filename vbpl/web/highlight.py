"""A text cut into plain runs and marked spans (citations, findings), for templates to render escaped.

Templates never receive HTML built from document text: they get segments and escape every one, so a document
containing `<script>` shows as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Mark:
    """A span to highlight and what the page says about it."""

    start: int
    end: int
    kind: str  # citation | finding
    relation: str = "mentions"
    href: str | None = None
    tooltip: str = ""
    anchor: str | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)  # checker findings on this span, as pages show them

    @property
    def outdated(self) -> bool:
        return any(f["severity"] != "info" for f in self.findings)


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    mark: Mark | None = None


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Plain and marked runs covering `text` in order; a mark overlapping an earlier one is left out."""
    out: list[Segment] = []
    at = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < at or mark.end <= mark.start or mark.end > len(text):
            continue
        if mark.start > at:
            out.append(Segment(text[at : mark.start]))
        out.append(Segment(text[mark.start : mark.end], mark))
        at = mark.end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


