"""Numeric targets a plan sets: "100% doanh nghiệp …", "ít nhất 50 doanh nghiệp", "tổng kinh phí 74.580.000 đồng".

Analysts compare provinces by what their plans promise, so each target is a (number, unit, what) triple with
its place in the text. The units, qualifiers and cue words are data (vbpl/data/targets.csv). What a plan
reports as already done ("đã có 640 doanh nghiệp") is history, not a target, and is left out; so are the
line items of cost tables (only totals and budgets carry a money cue).
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources

import regex

from vbpl.text import fold, squash

WHAT_WORDS = 8  # words of the noun phrase kept as what a target counts
# A clause ends at a full stop or semicolon, or where a list item or table cell starts; hard-wrapped PDF lines
# do not end it.
_CLAUSE_END = regex.compile(r"[.;!?](?=\s)|\t|\n(?=\s*(?:[-+•]|\d+(?:\.\d+)*\.?\s|[a-zđ]\)|[IVX]+\.))|\n\s*\n\s*\n")
MONEY_CUE_WINDOW = 80  # characters before a sum of money where "kinh phí", "tổng cộng" … must be said
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_MARKUP = r"[*_ \u00a0]*"  # bold or italic marks between a number and its unit, never a cell or line break


@dataclass(frozen=True, slots=True)
class Target:
    value: float
    upper: float | None  # the top of a range ("05 - 10 doanh nghiệp")
    unit: str  # "%", "doanh nghiệp", "đồng" …
    kind: str  # percent | count | money
    what: str  # what is counted or measured, in the plan's words
    qualifier: str | None  # at_least | about | None
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        amount = _format(self.value) + (f"–{_format(self.upper)}" if self.upper is not None else "")
        sign = {"at_least": "≥ ", "about": "~ "}.get(self.qualifier or "", "")
        unit = self.unit if self.unit != "%" else ""
        joined = f"{sign}{amount}{'%' if self.unit == '%' else ''} {unit}".strip()
        return f"{joined}: {self.what}" if self.what and self.what != self.unit else joined


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    units: dict[str, tuple[str, str, float]]  # folded word -> (written word, kind, factor)
    qualifiers: dict[str, str | None]  # folded word -> at_least | about | None
    money_cues: tuple[str, ...]
    past: tuple[str, ...]
    pattern: regex.Pattern[str]


@cache
def _vocabulary() -> _Vocabulary:
    with resources.files("vbpl.data").joinpath("targets.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    units = {fold(r["word"]): (r["word"], r["kind"], float(r["factor"])) for r in rows
             if r["kind"] in ("percent", "money", "count")}
    qualifiers = {fold(r["word"]): r["factor"] or None for r in rows if r["kind"] == "qualifier"}
    words = "|".join(regex.escape(u).replace(r"\ ", r"\s+") for u in sorted(units, key=len, reverse=True))
    pattern = regex.compile(
        rf"(?<![\w/.,-])(?P<value>{_NUMBER})(?:\s*[-–]\s*(?P<upper>{_NUMBER}))?{_MARKUP}(?P<unit>{words})(?!\w)"
    )
    return _Vocabulary(
        units, qualifiers, tuple(fold(r["word"]) for r in rows if r["kind"] == "money_cue"),
        tuple(fold(r["word"]) for r in rows if r["kind"] == "past"), pattern,
    )


def targets(text: str) -> list[Target]:
    """Every numeric target of a text, in text order."""
    vocab = _vocabulary()
    folded = fold(text)
    found = []
    for m in vocab.pattern.finditer(folded):
        written, kind, factor = vocab.units[" ".join(m.group("unit").split())]
        clause_start = _clause_start(folded, m.start())
        before = folded[clause_start : m.start()]
        if _said(before.rsplit(",", 1)[-1], vocab.past) or _in_cost_table(text, m.start()):
            continue
        if kind == "money" and not _said(folded[max(0, m.start() - MONEY_CUE_WINDOW) : m.start()], vocab.money_cues):
            continue
        what = _what(text, folded, m, kind, clause_start)
        found.append(Target(
            value=_number(m.group("value")) * factor,
            upper=_number(m.group("upper")) * factor if m.group("upper") else None,
            unit=written if kind != "money" else "đồng",
            kind=kind,
            what=what,
            qualifier=_qualifier(before, vocab.qualifiers),
            start=m.start(),
            end=m.end(),
        ))
    return found


def _number(written: str) -> float:
    """Vietnamese numerals: '.' groups thousands, ',' marks decimals ('74.580.000', '7,5')."""
    return float(written.replace(".", "").replace(",", "."))


def _format(value: float) -> str:
    if value.is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:g}".replace(".", ",")


def _clause_start(folded: str, at: int) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(folded, max(0, at - 300), at)]
    return ends[-1] if ends else max(0, at - 300)


def _said(before: str, words: tuple[str, ...]) -> bool:
    return any(regex.search(rf"(?<!\w){regex.escape(w)}(?!\w)", before) for w in words)


def _qualifier(before: str, qualifiers: dict[str, str | None]) -> str | None:
    tail = " ".join(before.split()[-3:])
    for word, meaning in sorted(qualifiers.items(), key=lambda q: -len(q[0])):
        if meaning and regex.search(rf"(?<!\w){regex.escape(word)}$", tail.strip(" *")):
            return meaning
    return None


def _in_cost_table(text: str, at: int) -> bool:
    """A row of a cost estimate (unit price, quantity, amount in cells), not a target."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    cells = [c.strip() for c in line.split("\t")]
    return len(cells) >= 4 and sum(bool(regex.fullmatch(r"[\d.]+", c)) for c in cells) >= 2


def _what(text: str, folded: str, m: regex.Match[str], kind: str, clause_start: int) -> str:
    """The noun phrase a target is about: the words after a count ('doanh nghiệp được hỗ trợ …'), or for a
    percentage or a budget the clause that leads up to it ('mức tăng năng suất lao động … từ 7,5%')."""
    clause_end = _CLAUSE_END.search(folded, m.end())
    after = squash(text[m.start("unit") : clause_end.start() if clause_end else len(text)])
    after = regex.split(r"[()<]", after, maxsplit=1)[0].strip(" *,")
    before = squash(text[clause_start : m.start()]).strip(" *-+:")
    before = regex.sub(r"^(?:[-+•]|\d+(?:\.\d+)*\.?|[a-zđ]\))\s+", "", before)
    before = regex.sub(r"(?i)^(?:phấn đấu|đạt|đảm bảo|bảo đảm)\s+(?:đạt\s+)?", "", before)
    before = regex.sub(r"(?i)(?:\s+(?:từ|khoảng|ít nhất|đạt|trên|hơn|tối thiểu|phấn đấu))+$", "", " " + before).strip()
    if kind == "count":
        return " ".join(after.split()[:WHAT_WORDS])
    following = after.split()[1:] if kind == "percent" else []
    if following and not regex.match(r"(?i)trở|vào|trong|so|năm|\(", following[0]):
        return " ".join(following[:WHAT_WORDS])
    return " ".join(before.split()[:WHAT_WORDS])
