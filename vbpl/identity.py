"""Which mentions of one text name the same document, and the id that names it.

An id is type + symbol + year + issuing scope: local codes (UBND, HĐND, TU, Sở codes) are scoped to
a province, read from the citation's issuer or else from the citing document's header.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from vbpl.document import issuer_from_symbol, level_of
from vbpl.find import Mention
from vbpl.header import province_in
from vbpl.text import fold, same_name, strip_year, symbol_key

_SLUG = regex.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    return _SLUG.sub("-", fold(text)).strip("-")


def symbol_slug(symbol: str) -> str:
    """A symbol as it appears in an id: '23/2015/TTLT-BGD&ĐT-BNV' -> '23-2015-ttlt-bgddt-bnv'."""
    return slug(symbol_key(symbol))


@dataclass(slots=True)
class Record:
    """What the text says, across all its mentions, about one cited document."""

    kind: str
    type: str | None
    symbol: str | None
    names: list[str] = field(default_factory=list)
    number: str | None = None
    year: int | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    local: bool = False
    partial: bool = False
    explicit_type: bool = False
    id: str = ""

    def absorb(self, m: Mention) -> None:
        if m.date and not self.date:
            self.date = m.date
        if m.year and not self.year:
            self.year = m.year
        if m.issuer and not self.issuer:
            self.issuer = m.issuer
        if m.title and not self.title:
            self.title = m.title
        if m.name and m.name not in self.names:
            self.names.append(m.name)
        if m.type and not self.explicit_type and m.form not in ("number_only",):
            self.type = m.type
            self.explicit_type = True
        elif m.type and not self.type:
            self.type = m.type


def _compatible_year(record: Record, m: Mention) -> bool:
    return (
        record.year is None
        or m.year is None
        or record.year == m.year
        or bool(record.symbol and m.date is None)
    )


def link(mentions: list[Mention], home_province: str | None) -> list[Record]:
    """Group mentions into records (one per cited document) and give each record its id."""
    records = _Records()
    owner: dict[int, Record] = {}
    # Full forms first, so that a partial repeat ("Luật 08/2012") finds its document wherever it stands.
    for i in sorted(range(len(mentions)), key=lambda i: mentions[i].partial):
        m = mentions[i]
        found = None
        if m.kind == "number" or m.symbol:
            found = _partial_owner(records, m) if m.partial else _symbol_owner(records, m)
        if found is None and m.name:
            for r in records.all:
                if any(same_name(n, m.name) for n in r.names) and (
                    r.year is None or m.year is None or r.year == m.year
                ):
                    found = r
                    break
        if found is None:
            found = Record(m.kind, m.type, m.symbol, number=m.number, local=m.local, partial=m.partial)
            records.add(found)
        elif m.symbol and found.symbol is None:
            found.symbol, found.number, found.local = m.symbol, m.number, m.local
            records.index(found)
        found.absorb(m)
        owner[i] = found
    for r in records.all:
        r.id = _make_id(r, home_province)
    for i, m in enumerate(mentions):
        m.key = owner[i].id
    return records.all


class _Records:
    """The records of one text, with indexes by symbol, symbol without its year, and number. Each index
    lists records in the order they were made, so a lookup answers as a scan of all records would, and
    a text citing thousands of documents stays linear."""

    def __init__(self) -> None:
        self.all: list[Record] = []
        self._order: dict[int, int] = {}
        self.by_symbol: dict[str, list[tuple[int, Record]]] = {}  # full records only
        self.by_bare_symbol: dict[str, list[tuple[int, Record]]] = {}  # full records only
        self.by_number: dict[str, list[tuple[int, Record]]] = {}

    def add(self, r: Record) -> None:
        self._order[id(r)] = len(self.all)
        self.all.append(r)
        self.index(r)

    def index(self, r: Record) -> None:
        """Index a record made now, or whose symbol and number were just read."""
        entry = (self._order[id(r)], r)
        if r.symbol and not r.partial:
            insort(self.by_symbol.setdefault(symbol_key(r.symbol), []), entry, key=_first)
            insort(self.by_bare_symbol.setdefault(symbol_key(strip_year(r.symbol)), []), entry, key=_first)
        if r.number is not None:
            insort(self.by_number.setdefault(r.number, []), entry, key=_first)


def _first(entry: tuple[int, Record]) -> int:
    return entry[0]


def _symbol_owner(records: _Records, m: Mention) -> Record | None:
    for _, r in records.by_symbol.get(symbol_key(m.symbol or ""), ()):
        if _compatible_year(r, m):
            return r
    # "Nghị quyết số 41/NQ-HĐND" repeating "Nghị quyết số 41/2022/NQ-HĐND" without its year.
    same = [
        r
        for _, r in records.by_bare_symbol.get(symbol_key(strip_year(m.symbol or "")), ())
        if m.year is None or r.year is None or r.year == m.year
    ]
    return same[0] if len(same) == 1 else None


def _partial_owner(records: _Records, m: Mention) -> Record | None:
    candidates = [
        r
        for _, r in records.by_number.get(m.number or "", ())
        if r.number == m.number
        and r.type == m.type
        and (m.year is None or r.year == m.year or (r.symbol or "").startswith(f"{m.number}/{m.year}"))
        and _issuers_agree(r, m)
    ]
    return candidates[0] if len(candidates) == 1 else None


def _issuers_agree(r: Record, m: Mention) -> bool:
    """"Nghị quyết 15 của Quốc hội" is not "Nghị quyết 15-NQ/TW": the issuers are of different levels."""
    if not m.issuer or not r.symbol:
        return True
    mine, theirs = level_of(m.issuer), level_of(issuer_from_symbol(r.symbol))
    return mine is None or theirs is None or mine == theirs


def _make_id(r: Record, home_province: str | None) -> str:
    kind = slug(r.type or "van-ban")
    if r.symbol:
        ident = f"{kind}/{symbol_slug(r.symbol)}"
        if r.year and str(r.year) not in r.symbol:
            ident += f"/{r.year}"
    else:
        ident = f"{kind}/{slug(r.names[0] if r.names else '')}"
        if r.year:
            ident += f"/{r.year}"
    if r.local:
        province = province_in(r.issuer or "") or home_province
        ident += f"@{slug(province) if province else 'unknown'}"
    return ident
