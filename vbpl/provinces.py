"""Where and when a stored document belongs, for comparisons between provinces.

Analysts compare the 34 provinces that exist since 1 July 2025; a document of a merged province
(Ninh Thuận, 2024) counts for its successor (Khánh Hòa), keeping its own province for display. A draft
without a full date ("ngày   tháng 4 năm 2024") is dated by the end of the month or year it names, and says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from vbpl.models import DocumentIdentity
from vbpl.reorganisation import province_successor
from vbpl.status import document_date
from vbpl.store import Store, StoredDocument
from vbpl.vocab import vocabulary


@cache
def current_provinces() -> tuple[str, ...]:
    """The 34 provinces and cities since 1 July 2025, in the order of their official codes."""
    try:
        from vietnamadminunits.parser.parser_from_2025 import DICT_PROVINCE

        ordered = sorted(DICT_PROVINCE.values(), key=lambda p: p["provinceCode"])
        names = tuple(p["provinceShort"] for p in ordered)
        if names:
            return names
    except (ImportError, KeyError, AttributeError):  # a package change: the vocabulary's successors decide
        pass
    return tuple(sorted(set(vocabulary().provinces.values())))


def province_now(province: str | None, successor: str | None = None) -> str | None:
    """The 2025 province a document's province became (the stored successor when ingest knew it)."""
    if successor:
        return successor
    return province_successor(province) if province else None


@dataclass(frozen=True, slots=True)
class Dating:
    """A document's date and how exact it is: 'day', or 'month'/'year' for a draft dated by its period's end."""

    date: dt.date | None
    precision: str

    @property
    def approximate(self) -> bool:
        return self.precision != "day"

    def __str__(self) -> str:
        if self.date is None:
            return "undated"
        if self.precision == "month":
            return f"{self.date:%Y-%m} (draft)"
        if self.precision == "year":
            return f"{self.date:%Y} (draft)"
        return self.date.isoformat()


def dating(store: Store, document: StoredDocument) -> Dating:
    """The date a document bears; a draft's partial date is read from its header line."""
    if document.date:
        return Dating(dt.date.fromisoformat(document.date), "day")
    identity = DocumentIdentity(document.type, document.symbol, None, document.issuer, document.place,
                                document.title, document.placeholder)
    found = document_date(identity, store.text_slice(document.id, 0, 3000))
    if found.date is None:
        return Dating(None, "none")
    date = dt.date.fromisoformat(found.date)
    if not found.partial:
        return Dating(date, "day")
    return Dating(date, "year" if (date.month, date.day) == (12, 31) else "month")


@dataclass(frozen=True, slots=True)
class Lag:
    """Time from a national document to a province's document, in days and whole calendar months."""

    days: int
    months: int
    approximate: bool

    def __str__(self) -> str:
        sign = "~" if self.approximate else ""
        return f"{sign}{self.days} d ({sign}{self.months} mo)"


def document_label(document: StoredDocument) -> str:
    """How a person names a stored document; a draft without a number by its title."""
    kind = document.type or "Văn bản"
    if document.symbol and not document.placeholder:
        return f"{kind} {document.symbol}"
    title = " ".join((document.title or "").split())
    title = title if len(title) <= 70 else title[:69] + "…"
    return f"{kind} (draft, no number) {title}".strip()


def lag(national: dt.date | None, local: Dating) -> Lag | None:
    if national is None or local.date is None:
        return None
    later = local.date
    months = (later.year - national.year) * 12 + later.month - national.month - (later.day < national.day)
    return Lag((later - national).days, months, local.approximate)
