"""Merged ministries and Sở named inside lists, where the head word is written once for all.

Task tables name assignees as "Các Sở: Khoa học và Công nghệ; Công Thương; Thông tin và Truyền thông" or
"Sở Kế hoạch và Đầu tư, Thông tin và Truyền thông": the later items carry no "Sở" of their own, so the
full names of `vbpl/data/agencies.csv` do not match them. Here the short forms (the name or alias without its
head word) are looked for at the start of each item of such a list.
"""

from __future__ import annotations

from functools import cache

import regex

from vbpl.reorganisation import NOTED_AS_FORMER, BodyMention, Change, change_of, data_rows
from vbpl.text import fold

LIST_KINDS = ("ministry", "department")  # rows of agencies.csv whose name begins with the head word ("Bộ", "Sở")
LIST_SPAN = 400  # characters after the head word that a list may run
# A list ends at a sentence, a line, a table cell or a parenthesis.
_END = regex.compile(r"[.\n\t|()]")
_ITEM = regex.compile(r"[^,;]+")


Forms = tuple[tuple[regex.Pattern[str], Change], ...]


@cache
def _lists() -> tuple[tuple[regex.Pattern[str], Forms], ...]:
    """Per head word ('Sở', 'Bộ'): the pattern of the head, and each merged body's forms without the head word."""
    forms: dict[str, list[tuple[str, Change]]] = {}
    for row in data_rows("agencies.csv"):
        if row["kind"] not in LIST_KINDS:
            continue
        head = row["name"].split()[0]
        change = change_of(row)
        for form in (row["name"], *filter(None, (a.strip() for a in row["aliases"].split("|")))):
            if form.startswith(head + " "):
                forms.setdefault(head, []).append((form[len(head) + 1 :], change))
    return tuple(
        # Capitalised 'Sở', or 'các sở': a lower-case 'sở' alone is 'cơ sở', 'trụ sở'.
        (regex.compile(rf"(?<!\w)(?:(?i:các\s+{head})|{head}|{head.upper()})(?!\w)\s*:?\s*"),
         tuple((regex.compile(r"\s*(" + r"\s+".join(map(regex.escape, fold(f).split())) + r")(?!\w)"), change)
               for f, change in sorted(found, key=lambda item: len(item[0]), reverse=True)))
        for head, found in forms.items()
    )


def list_mentions(text: str, folded: str | None = None, taken: list[tuple[int, int]] | None = None
                  ) -> list[BodyMention]:
    """Merged bodies named as items of a list after a head word, outside the spans `taken` (full-name mentions)."""
    folded = folded if folded is not None else fold(text)
    taken = list(taken or ())
    found = []
    for head, forms in _lists():
        for m in head.finditer(text):
            end = _END.search(text, m.end(), m.end() + LIST_SPAN)
            stop = end.start() if end else min(len(text), m.end() + LIST_SPAN)
            for item in _ITEM.finditer(text, m.end(), stop):
                mention = _named(text, folded, item.start(), forms)
                if mention and not any(mention.start < e and s < mention.end for s, e in taken):
                    taken.append((mention.start, mention.end))
                    found.append(mention)
    return sorted(found, key=lambda b: b.start)


def _named(text: str, folded: str, at: int, forms: Forms) -> BodyMention | None:
    """The merged body an item begins with; written in lower case it is a field of work, not a name."""
    for pattern, change in forms:
        m = pattern.match(folded, at)
        if m and text[m.start(1)].isupper() and not NOTED_AS_FORMER.match(text, m.end()):
            return BodyMention(m.start(1), m.end(1), text[m.start(1) : m.end(1)], change)
    return None
