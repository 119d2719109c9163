"""The 2025 reorganisation: bodies that no longer exist, and their successors.

Ministries and provincial departments merged from 1 March 2025, provinces from 1 July 2025 (63 → 34) and
the district level ended the same day. Agency mergers are data (vbpl/data/agencies.csv, each with its
legal basis, a note in English and Vietnamese, and its public sources); which province took over which
comes from the maintained `vietnamadminunits` package, with the vocabulary's provinces.csv as the fallback.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from vbpl.messages import Phrase
from vbpl.text import fold
from vbpl.vocab import vocabulary

NOTED_AS_FORMER = regex.compile(
    r"\s*\(?\s*(?:cũ|nay là|trước đây|trước sắp xếp|trước khi (?:sắp xếp|hợp nhất))", regex.I
)


@dataclass(frozen=True, slots=True)
class Change:
    """One body that ceased to exist, its successor, the date and the source that says so."""

    name: str
    successor: str
    effective: str
    kind: str  # "ministry" | "department" | "district" | "province"
    source: Phrase  # "Nghị quyết 176/2025/QH15, <note>: <links>" in each language


def source_of(row: dict[str, str]) -> Phrase:
    """A data row's basis, note (note_en, note_vi) and links (source) as one line per language."""

    def line(note: str) -> str:
        said = ", ".join(p for p in (row["basis"], note) if p)
        return f"{said}: {row['source']}" if said and row["source"] else said or row["source"]

    return Phrase(line(row["note_en"]), line(row["note_vi"]))


def change_of(row: dict[str, str]) -> Change:
    """One row of vbpl/data/agencies.csv."""
    return Change(row["name"], row["successor"], row["effective"], row["kind"], source_of(row))


@dataclass(frozen=True, slots=True)
class BodyMention:
    start: int
    end: int
    text: str
    change: Change


def data_rows(name: str) -> list[dict[str, str]]:
    with resources.files("vbpl.data").joinpath(name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@cache
def province_successor(name: str) -> str:
    """The 2025 province that took `name` over ('Ninh Thuận' → 'Khánh Hòa'); the name itself if it stayed."""
    try:
        from vietnamadminunits import convert_address

        return convert_address(name).short_province or vocabulary().provinces.get(name, name)
    except Exception:  # an unknown name or a package change: the vocabulary's table decides
        return vocabulary().provinces.get(name, name)


@cache
def changes() -> tuple[tuple[str, regex.Pattern[str], Change], ...]:
    """Every written form of a body that ceased to exist, as a pattern over folded text, with its change.

    Each comes with its folded form, words joined by one space: a text whose words, joined the same
    way, do not contain it cannot hold the form, and a substring test is far cheaper than a scan.
    """
    found: list[tuple[str, Change]] = []
    for row in data_rows("agencies.csv"):
        change = change_of(row)
        for form in (row["name"], *filter(None, (a.strip() for a in row["aliases"].split("|")))):
            found.append((form, change))
    provinces = {r["change"]: r for r in data_rows("reorganisation.csv")}["provinces"]
    for name in vocabulary().provinces:
        successor = province_successor(name)
        if fold(successor) != fold(name):
            change = Change(f"tỉnh {name}", f"tỉnh/thành phố {successor}", provinces["effective"], "province",
                            source_of(provinces))
            found.append((f"tỉnh {name}", change))
    found.sort(key=lambda item: len(item[0]), reverse=True)
    return tuple(
        (
            " ".join(fold(form).split()),
            regex.compile(r"(?<!\w)" + r"\s+".join(regex.escape(w) for w in fold(form).split()) + r"(?!\w)"),
            change,
        )
        for form, change in found
    )


def body_mentions(text: str, folded: str | None = None) -> list[BodyMention]:
    """Mentions of bodies that no longer exist, longest form first, not overlapping, in text order.

    A mention marked as former ("Sở Thông tin và Truyền thông (cũ)", "tỉnh X (nay là …)") is history, not
    an outdated reference, and is left out.
    """
    folded = folded if folded is not None else fold(text)
    taken: list[tuple[int, int]] = []
    mentions = []
    words = " ".join(folded.split())
    for form, pattern, change in changes():
        if form not in words:
            continue
        for m in pattern.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            if NOTED_AS_FORMER.match(text, m.end()):
                continue
            mentions.append(BodyMention(m.start(), m.end(), text[m.start() : m.end()], change))
    return sorted(mentions, key=lambda b: b.start)
