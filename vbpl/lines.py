"""Character offsets to 1-based line and column numbers, as checker output and tables print them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

_NEWLINE = re.compile("\n")


class Lines:
    """The line starts of one text, found once, so that each offset costs a bisection
    (numbering every citation of a large file stays linear)."""

    def __init__(self, text: str, original: Callable[[int], int] | None = None) -> None:
        """`original` maps the offsets that will be asked about into `text`, when they are offsets into another
        form of it (its NFC form, for a file written in NFD: columns count the characters as written)."""
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self.original = original

    def at(self, offset: int) -> tuple[int, int]:
        if self.original is not None:
            offset = self.original(offset)
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def offset(self, line: int, col: int) -> int:
        """The offset of a 1-based line and column (a line past the end counts as the last)."""
        return self.starts[min(max(line, 1), len(self.starts)) - 1] + col - 1
