"""The vocabulary of Vietnamese legal documents, loaded once from the CSV files in vbpl/data."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from vbpl.text import fold

# Types whose documents are cited by name rather than by number.
NAMED_TYPES = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh")
# Party symbols (38-CT/TW) read TT as "Thông tri", not "Thông tư".
PARTY_CODE_TYPES = {"TT": "Thông tri", "QĐ": "Quyết định", "QĐI": "Quy định"}


@dataclass(frozen=True, slots=True)
class DocType:
    name: str
    codes: tuple[str, ...]
    aliases: tuple[str, ...]
    numbers_items: bool = False  # "Dự án 3", "Phương án 2": a bare number after the type word numbers an item


@dataclass(frozen=True, slots=True)
class Issuer:
    code: str
    name: str
    scope: str  # "national" | "local"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    types: tuple[DocType, ...]
    issuers: dict[str, Issuer]  # folded code -> issuer
    cues: tuple[tuple[str, str], ...]  # (cue, relation); where two match, the first listed wins: longer first
    provinces: dict[str, str]  # province name -> its 2025 successor
    type_by_word: dict[str, str]  # folded type word or alias -> canonical type name
    type_by_code: dict[str, str]  # upper-cased type code -> canonical type name
    canonical_code: dict[str, str]  # folded code -> its official spelling (QD -> QĐ, TTG -> TTg)
    abbreviations: tuple[tuple[str, str], ...]  # (short, long) as written in names: HĐND
    levels: tuple[tuple[str, str], ...]  # (folded issuer-name prefix, level), most specific first
    law_names: tuple[str, ...]  # names of laws and codes as cited after "Luật" / "Bộ luật"

    def item_types(self) -> frozenset[str]:
        """The types whose bare number numbers an item of a list, not a document ("Dự án 3")."""
        return frozenset(t.name for t in self.types if t.numbers_items)

    def type_words(self) -> list[str]:
        """Every written form of a type word, longest first (for the grammar)."""
        words = {t.name for t in self.types} | {a for t in self.types for a in t.aliases}
        return sorted(words, key=len, reverse=True)


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files("vbpl.data").joinpath(name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


@cache
def vocabulary() -> Vocabulary:
    types = tuple(
        DocType(r["name"], _split(r["codes"]), _split(r["aliases"]), r["numbers_items"] == "yes")
        for r in _rows("types.csv")
    )
    issuers = {fold(r["code"]): Issuer(r["code"], r["name"], r["scope"]) for r in _rows("issuers.csv")}
    cues = tuple((r["cue"], r["relation"]) for r in _rows("relations.csv"))
    provinces = {r["name"]: r["successor_2025"] for r in _rows("provinces.csv")}
    type_by_word: dict[str, str] = {}
    type_by_code: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for t in types:
        type_by_word[fold(t.name)] = t.name
        for alias in t.aliases:
            type_by_word[fold(alias)] = t.name if alias != "Văn bản" else "Công văn"
        for code in t.codes:
            # The first type listed for a code wins (Luật before Lệnh, Thông tư before Thông tri).
            type_by_code.setdefault(fold(code), t.name)
            canonical.setdefault(fold(code), code)
    for key, issuer in issuers.items():
        canonical.setdefault(key, issuer.code)
    abbreviations = tuple((r["short"], r["long"]) for r in _rows("abbreviations.csv"))
    levels = tuple((r["prefix"], r["level"]) for r in _rows("levels.csv"))
    law_names = tuple(r["name"] for r in _rows("law_names.csv"))
    return Vocabulary(
        types, issuers, cues, provinces, type_by_word, type_by_code, canonical, abbreviations, levels, law_names
    )
