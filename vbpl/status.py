"""The status of each cited document (in force, replaced, repealed, amended, expired, period ended), with evidence.

Evidence comes from the texts at hand (a document that says it replaces, repeals or amends another; the
newest wins and chains are followed to the current document; a document's own status header), from the
registry, and from the periods written in titles ("giai đoạn 2021 – 2025", "đến năm 2020").
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from vbpl.lines import Lines
from vbpl.messages import Date, Joined, Lang, Message, Param, msg, render
from vbpl.models import Citation, DocumentIdentity
from vbpl.registry import Registry, RegistryEntry
from vbpl.reorganisation import Change, body_mentions
from vbpl.text import fold, symbol_key

# Types whose "thay thế …" announces a replacement to be drafted rather than making one.
PLANNING_TYPES = frozenset({"Kế hoạch", "Chương trình", "Tờ trình", "Báo cáo", "Công văn", "Đề án", "Thông báo"})
ACTS = {"replaces": "replaced", "repeals": "repealed", "amends": "amended"}

_HEADER_DATE = regex.compile(r"ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*((?:19|20)\d\d)", regex.I)
_PERIOD = regex.compile(
    r"(?P<phrase>giai\s+đoạn\s+(?:từ\s+)?(?:năm\s+)?(?P<a>(?:19|20)\d\d)\s*(?:[-–—]|đến)\s*(?:năm\s+)?(?P<b>(?:19|20)\d\d)"
    r"|(?<!tầm\s+nhìn\s)(?<!định\s+hướng\s)đến\s+năm\s+(?P<c>(?:19|20)\d\d))",
    regex.I,
)
_DYNAMIC = regex.compile(
    r"truong\s+hop\s+(?:cac\s+)?van\s+ban\s+(?:quy\s+pham\s+phap\s+luat\s+)?(?:duoc\s+)?dan\s+chieu"
    r"[^.;]{0,200}?(?:sua\s+doi|thay\s+the)"
)
_STATUS_HEADER = regex.compile(r"Hiệu\s+lực:\s*Hết\s+hiệu\s+lực[^\n]*(?:\n[^\n]*){0,3}?Ngày\s+hết\s+hiệu\s+lực:\s*"
                               r"(\d{1,2})/(\d{1,2})/(\d{4})")
_SYMBOL_IN = regex.compile(r"\d+(?:/(?:19|20)\d\d)?/[\w.&-]+(?:/[\w.&-]+)?|\d+-[\w.&]+/[\w.&-]+")


@dataclass(frozen=True, slots=True)
class DocumentDate:
    """The citing document's date: full, or the last day of the month/year a draft names; None if undated."""

    date: str | None
    draft: bool
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    says: Message  # what the source says, in one line
    source: Param  # path:line of a text, or the registry row and its public source
    planned: bool = False  # a plan or draft announcing an act, not the act

    @property
    def statement(self) -> str:
        return self.says.render("en")

    def render(self, lang: Lang = "en") -> str:
        return f"{self.says.render(lang)} [{render(self.source, lang)}]"

    def __str__(self) -> str:
        return self.render("en")


@dataclass(slots=True)
class Status:
    # in_force | replaced | repealed | amended | expired | superseded_by_reorganisation | replacement_planned | unknown
    status: str
    since: str | None = None
    # the current document after following the chain of replacements: a name, or "B, itself replaced by C"
    successor: str | Message | None = None
    amended_by: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    registry: RegistryEntry | None = None


@dataclass(frozen=True, slots=True)
class Act:
    """A document at hand saying it replaces, repeals or amends another."""

    kind: str  # replaced | repealed | amended
    by_label: str
    by_key: str | None  # symbol key of the acting document, to follow chains
    date: str | None
    planned: bool
    where: str
    source: str


@dataclass(frozen=True, slots=True)
class Period:
    end: int
    phrase: str


def document_date(identity: DocumentIdentity | None, text: str) -> DocumentDate:
    """The date the citing document bears; drafts ("ngày   tháng 6 năm 2025") count from the end of that month."""
    draft = identity is None or identity.placeholder or not identity.symbol
    if identity and identity.date:
        return DocumentDate(identity.date, draft)
    m = _HEADER_DATE.search(text, 0, min(len(text), 3000))
    if not m:
        return DocumentDate(None, draft)
    year = int(m.group(3))
    month = int(m.group(2)) if m.group(2) and 1 <= int(m.group(2)) <= 12 else None
    if month is None:
        return DocumentDate(f"{year}-12-31", draft, partial=True)
    day = int(m.group(1)) if m.group(1) else 0
    last = calendar.monthrange(year, month)[1]
    if 1 <= day <= last:
        return DocumentDate(dt.date(year, month, day).isoformat(), draft)
    return DocumentDate(dt.date(year, month, last).isoformat(), draft, partial=True)


def period_of(title: str | None) -> Period | None:
    """The period a programme or plan sets itself, from its title; a vision ("tầm nhìn đến năm …") is not one."""
    if not title:
        return None
    m = _PERIOD.search(title)
    if not m:
        return None
    return Period(int(m.group("b") or m.group("c")), " ".join(m.group("phrase").split()))


def dynamic_clause(text: str, folded: str | None = None) -> tuple[int, int] | None:
    """Where the text says that amended or replaced references are followed in their new version."""
    m = _DYNAMIC.search(folded if folded is not None else fold(text))
    return m.span() if m else None


def label_of(c: Citation) -> str:
    """'Quyết định 36/QĐ-TTg', 'Luật Khoa học và Công nghệ (2013)': how a message names a cited document."""
    named = c.symbol or c.name or ""
    label = named if c.type and named.startswith(c.type) else " ".join(p for p in (c.type, named) if p)
    return label + (f" ({c.year})" if c.kind == "name" and c.year else "")


def _keys(c: Citation) -> list[str]:
    keys = [c.id]
    if c.symbol and "/" in c.symbol and "@" not in c.id:
        keys.append(symbol_key(c.symbol))
    return keys


class StatusBook:
    """Statuses of documents from the texts at hand and the registry, asked for one citation at a time."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or Registry()
        self.acts: dict[str, list[Act]] = {}
        self.known_dates: dict[str, tuple[str, str]] = {}  # key -> (date, where)

    def add_document(
        self, source: str, identity: DocumentIdentity | None, text: str, citations: Iterable[Citation]
    ) -> None:
        """Record what one document does to others (and, from its own status header, to itself)."""
        when = document_date(identity, text)
        own_label = " ".join(p for p in (identity.type, identity.symbol) if p) if identity else ""
        own_key = symbol_key(identity.symbol) if identity and identity.symbol else None
        planned = when.draft or (identity is not None and identity.type in PLANNING_TYPES)
        lines = Lines(text)
        for c in citations:
            kind = ACTS.get(c.relation)
            if kind is None:
                continue
            where = f"{source}:{lines.line(c.start)}"
            act = Act(kind, own_label or source, own_key, when.date, planned, where, source)
            for key in _keys(c):
                self.acts.setdefault(key, []).append(act)
        if own_key and identity and identity.date:
            self.known_dates.setdefault(own_key, (identity.date, source))
            if m := _STATUS_HEADER.search(text, 0, min(len(text), 2000)):
                ended = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
                act = Act("expired", own_label, None, ended, False, f"{source}:{lines.line(m.start())}", source)
                self.acts.setdefault(own_key, []).append(act)

    def status(self, c: Citation, as_of: str, citing: str | None = None) -> Status:
        """The status of the document `c` names, as of `as_of`; the newest act or entry wins.

        Acts of the citing document itself (`citing`, its source) are its own doing, not evidence against it.
        """
        entry = self.registry.lookup(c)
        result = Status("unknown", registry=entry)
        candidates: list[tuple[str, str, str | None, Evidence]] = []  # (date, kind, successor, evidence)
        acts = [a for key in dict.fromkeys(_keys(c)) for a in self.acts.get(key, ())]
        for act in acts:
            if act.source == citing or (not act.planned and act.date and act.date > as_of):
                continue
            if act.planned:
                result.evidence.append(Evidence(msg(f"evidence.planned_{act.kind}", by=act.by_label), act.where,
                                                planned=True))
                continue
            evidence = Evidence(msg(f"evidence.{act.kind}", by=act.by_label), act.where)
            if act.kind == "amended":
                if act.by_label not in result.amended_by:
                    result.amended_by.append(act.by_label)
                result.evidence.append(evidence)
            else:
                candidates.append((act.date or "", act.kind, act.by_key and act.by_label, evidence))
        if entry and (entry.effective or "") <= as_of:
            evidence = Evidence(_entry_statement(entry), f"{entry.origin}; {entry.source}")
            if entry.status == "amended":
                result.amended_by.extend(a for a in entry.amended_by if not any(a in b for b in result.amended_by))
                result.evidence.append(evidence)
            elif entry.status != "in_force":
                candidates.append((entry.effective or "", entry.status, entry.replaced_by, evidence))
            else:
                result.evidence.append(evidence)
        if candidates:
            date, kind, successor, evidence = max(candidates, key=lambda x: x[0])
            result.status, result.since, result.evidence = kind, date or None, [evidence, *result.evidence]
            result.successor = self._current(successor, as_of) if kind == "replaced" else None
        elif result.amended_by:
            result.status = "amended"
        elif any(e.planned for e in result.evidence):
            result.status = "replacement_planned"
        elif entry and entry.status == "in_force":
            result.status = "in_force"
        elif (reorganised := _reorganised_issuer(c, as_of)) is not None:
            result.status, result.since, result.successor = (
                "superseded_by_reorganisation", reorganised.effective, reorganised.successor
            )
            result.evidence.append(Evidence(msg(
                "evidence.reorganised", name=reorganised.name, date=Date(reorganised.effective),
                successor=reorganised.successor), reorganised.source))
        return result

    def _current(self, successor: str | None, as_of: str, depth: int = 0) -> str | Message | None:
        """Follow a chain of replacements ('A replaced by B, B replaced by C') to the document in force now."""
        if not successor or depth > 10:
            return successor
        m = _SYMBOL_IN.search(successor)
        if not m:
            return successor
        probe = Citation(0, 0, successor, "number", "short", None, m.group(), None,
                         _year_in(m.group()), None, None, "mentions", "")
        later = self.status(probe, as_of)
        if later.status == "replaced" and later.successor:
            return msg("evidence.chain", successor=successor, later=later.successor)
        return successor

    def known_date(self, c: Citation) -> tuple[str, str] | None:
        """The signing date this symbol is known to bear, and where that is said."""
        entry = self.registry.lookup(c)
        if entry and entry.date and entry.symbol:
            return entry.date, f"{entry.origin}; {entry.source}"
        if c.symbol and "/" in c.symbol and "@" not in c.id:
            return self.known_dates.get(symbol_key(c.symbol))
        return None


def _reorganised_issuer(c: Citation, as_of: str) -> Change | None:
    """The 2025 change that ended the body named as the citation's issuer ("của UBND tỉnh Ninh Thuận"), if any."""
    if not c.issuer:
        return None
    found = [b.change for b in body_mentions(c.issuer) if b.change.effective <= as_of]
    return found[0] if found else None


def _year_in(symbol: str) -> int | None:
    m = regex.search(r"/((?:19|20)\d\d)/", symbol)
    return int(m.group(1)) if m else None


def _entry_statement(entry: RegistryEntry) -> Message:
    since = Date(entry.effective) if entry.effective else None
    if entry.status == "replaced":
        return msg("evidence.registry_replaced", by=entry.replaced_by or "?", date=since or "?")
    if entry.status == "amended":
        return msg("evidence.registry_amended", by=Joined(entry.amended_by, ", ") if entry.amended_by else "?")
    status = msg(f"status.{entry.status}")
    return msg("evidence.registry_status_since", status=status, date=since) if since else msg(
        "evidence.registry_status", status=status)
