"""The checker: outdated and inconsistent references in one document, as findings with a code and a place.

Codes (documented in docs/checks.md): VB1xx the status of cited documents, VB2xx bodies that no longer
exist, VB3xx references that contradict themselves or what is known, VB4xx references the corpus cannot
resolve (only with a database), VB001 information.

A finding's message is a `Message` (vbpl/messages.py): `Finding.message` is its English text, as the command line
prints it; the web UI renders the same finding in Vietnamese (`Finding.message_in("vi")`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import regex

from vbpl.check_lists import list_mentions
from vbpl.document import issuer_from_symbol
from vbpl.lines import Lines
from vbpl.messages import Date, Joined, Lang, Message, msg
from vbpl.models import Citation, Extraction
from vbpl.normalize import normalize
from vbpl.reorganisation import body_mentions
from vbpl.status import PLANNING_TYPES, DocumentDate, StatusBook, document_date, dynamic_clause, label_of, period_of
from vbpl.text import fold
from vbpl.vocab import PARTY_CODE_TYPES, vocabulary


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    name: str
    severity: str  # error | warning | info
    summary: str


CHECKS = {
    c.code: c
    for c in (
        Check("VB001", "dynamic-reference", "info", "the text follows amended or replaced references automatically"),
        Check("VB101", "cites-replaced", "error", "cites a document that has been replaced"),
        Check("VB102", "cites-repealed", "error", "cites a document that was repealed or is no longer in force"),
        Check("VB103", "period-ended", "warning", "cites a programme or plan whose period has ended"),
        Check("VB104", "amendment-not-cited", "warning", "cites an amended document without its amendment"),
        Check("VB105", "replacement-planned", "info", "cites a document whose replacement is being prepared"),
        Check("VB201", "agency-merged", "error", "names a ministry or department merged in 2025"),
        Check("VB202", "province-merged", "error", "names a province merged on 1 July 2025"),
        Check("VB203", "district-abolished", "error", "names a district-level body (abolished 1 July 2025)"),
        Check("VB301", "date-mismatch", "error", "the citation's date contradicts the known date of that symbol"),
        Check("VB302", "cites-later-document", "error", "cites a document dated after the citing document"),
        Check("VB303", "type-mismatch", "error", "the type word contradicts the symbol's type code"),
        Check("VB304", "issuer-mismatch", "error", "the issuer contradicts the symbol's issuer code"),
        Check("VB401", "ambiguous-reference", "warning", "the reference matches several documents (with --db)"),
        Check("VB402", "unresolved-reference", "warning", "the reference names no document that can be found (--db)"),
    )
}
_BODY_CODES = {"ministry": "VB201", "department": "VB201", "province": "VB202", "district": "VB203"}


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    code: str
    severity: str
    detail: Message

    @property
    def message(self) -> str:
        return self.detail.render("en")

    def message_in(self, lang: Lang) -> str:
        return self.detail.render(lang)

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        return {
            "path": self.path, "line": self.line, "col": self.col, "end_line": self.end_line,
            "end_col": self.end_col, "code": self.code, "severity": self.severity,
            "message": self.message_in(lang), "name": CHECKS[self.code].name,
        }

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"


@dataclass(slots=True)
class Context:
    """One document under check: where it is, its text, what it cites, and the date it bears."""

    path: str
    text: str
    extraction: Extraction
    when: DocumentDate
    lines: Lines
    folded: str

    def finding(self, code: str, start: int, end: int, message: Message, severity: str | None = None) -> Finding:
        line, col = self.lines.at(start)
        end_line, end_col = self.lines.at(max(start, end))
        return Finding(self.path, line, col, end_line, end_col, code, severity or CHECKS[code].severity, message)


def check_document(
    path: str,
    text: str,
    extraction: Extraction,
    book: StatusBook,
    as_of: str,
    *,
    resolver: object | None = None,
    written: str | None = None,
) -> list[Finding]:
    """Every finding for one document, in text order. `text` is NFC; when the file as `written` is not (NFD
    text), lines and columns are counted in the characters as written, as an editor shows them."""
    lines = Lines(written, normalize(written).original) if written is not None and written != text else Lines(text)
    ctx = Context(path, text, extraction, document_date(extraction.document, text), lines, fold(text))
    findings: list[Finding] = []
    dynamic = dynamic_clause(text, ctx.folded)
    if dynamic:
        findings.append(ctx.finding("VB001", *dynamic, msg("check.dynamic")))
    findings += _status_findings(ctx, book, as_of, dynamic)
    findings += _citation_findings(ctx, book)
    findings += _body_findings(ctx, as_of)
    if resolver is not None:
        findings += resolver.findings(ctx)  # type: ignore[attr-defined]
    return sorted(findings, key=lambda f: (f.line, f.col, f.code))


def _status_findings(ctx: Context, book: StatusBook, as_of: str, dynamic: tuple[int, int] | None) -> list[Finding]:
    findings = []
    cited_symbols = {fold(c.symbol) for c in ctx.extraction.citations if c.symbol}
    doc_date = ctx.when.date
    seen: set[str] = set()
    citations = ctx.extraction.citations
    for i, c in enumerate(citations):
        if c.id in seen or c.relation in ("replaces", "repeals", "amends"):
            continue  # the document acts on it: no finding on its own act
        seen.add(c.id)
        st = book.status(c, as_of, ctx.path)
        label = label_of(c)
        evidence = Joined(tuple(st.evidence[:2]))
        when = None if not st.since else msg(
            "check.since_by_document_date" if doc_date and st.since <= doc_date else "check.since", date=Date(st.since)
        )
        follows = msg("check.follows", line=ctx.lines.at(dynamic[0])[0]) if dynamic else None
        severity = "info" if dynamic else None
        if st.status == "replaced":
            successor = st.successor or msg("check.successor_unknown")
            said = msg("check.replaced", label=label, when=when, successor=successor, follows=follows,
                       evidence=evidence)
            findings.append(ctx.finding("VB101", c.start, c.end, said, severity))
        elif st.status in ("repealed", "expired"):
            said = msg(f"check.{st.status}", label=label, when=when, evidence=evidence)
            findings.append(ctx.finding("VB102", c.start, c.end, said, severity))
        elif st.status == "amended":
            amended_by = [a for a in st.amended_by if fold(a.split()[-1]) not in cited_symbols]
            if not c.amended_by and len(amended_by) == len(st.amended_by) and not _amendment_follows(citations, i):
                said = msg("check.amendment_not_cited", label=label, amendments=Joined(tuple(st.amended_by), ", "),
                           follows=follows, evidence=evidence)
                findings.append(ctx.finding("VB104", c.start, c.end, said, severity))
        elif st.status == "replacement_planned":
            said = msg("check.replacement_planned", label=label, evidence=evidence)
            findings.append(ctx.finding("VB105", c.start, c.end, said))
        period = period_of(c.title)
        if period and st.status not in ("replaced", "repealed", "expired"):
            reference = doc_date or as_of
            if period.end < int(reference[:4]):
                at = (msg("check.period_at_document_date", date=Date(doc_date)) if doc_date
                      else msg("check.period_at_undated", date=Date(as_of)))
                said = msg("check.period_ended", label=label, end=period.end, phrase=period.phrase, at=at)
                findings.append(ctx.finding("VB103", c.start, c.end, said))
    return findings


def _amendment_follows(citations: list[Citation], i: int) -> bool:
    """The next basis cites an amending act ('Nghị định 92/2017/NĐ-CP sửa đổi, bổ sung …'), as drafters do."""
    c = citations[i]
    return any(
        n.start - c.end < 400 and regex.match(r"\W*sua doi,? bo sung", fold(n.title or n.name or ""))
        for n in citations[i + 1 : i + 3]
    ) or any("sua doi" in fold(n.name or "") for n in citations[i + 1 : i + 3] if n.start - c.end < 400)


def _citation_findings(ctx: Context, book: StatusBook) -> list[Finding]:
    findings = []
    doc_date = ctx.when.date
    for c in ctx.extraction.citations:
        if c.date and (known := book.known_date(c)) and known[0] != c.date:
            findings.append(ctx.finding("VB301", c.start, c.end, msg(
                "check.date_mismatch", label=label_of(c), date=Date(c.date), known=Date(known[0]), where=known[1])))
        if c.date and doc_date and c.date > doc_date and not (ctx.when.partial and c.date[:4] == doc_date[:4]):
            findings.append(ctx.finding("VB302", c.start, c.end, msg(
                "check.later_document", label=label_of(c), date=Date(c.date), document_date=Date(doc_date))))
        if c.symbol and c.type and (coded := type_of_symbol(c.symbol)) and not _types_agree(c.type, coded, c.symbol):
            findings.append(ctx.finding("VB303", c.start, c.end, msg(
                "check.type_mismatch", type=c.type, symbol=c.symbol, coded=Joined(coded, msg("join.or")))))
        if c.symbol and c.issuer and (clash := issuer_clash(c.issuer, c.symbol)):
            findings.append(ctx.finding("VB304", c.start, c.end, msg(
                "check.issuer_mismatch", written=clash[0], symbol=c.symbol, coded=clash[1])))
    return findings


def _body_findings(ctx: Context, as_of: str) -> list[Finding]:
    """Bodies that no longer exist, when the document is dated on or after the change (undated: as of today).

    Full names ("Sở Thông tin và Truyền thông") and items of lists that write the head word once ("Các Sở: Công
    Thương, Giao thông vận tải") count alike; each body is reported once, at its first mention.
    """
    reference = ctx.when.date or as_of
    full = body_mentions(ctx.text, ctx.folded)
    listed = list_mentions(ctx.text, ctx.folded, [(m.start, m.end) for m in full])
    in_lists = {m.start for m in listed}
    first: dict[str, list] = {}
    inside = [(c.start, c.end) for c in ctx.extraction.citations]
    for mention in sorted(full + listed, key=lambda m: m.start):
        if reference < mention.change.effective or _in_citation(mention.start, inside, ctx.folded):
            continue
        first.setdefault(mention.change.name, []).append(mention)
    findings = []
    for mentions in first.values():
        m = mentions[0]
        written = " ".join(m.text.split())
        named = (msg("check.body_named_in_list", text=written, name=m.change.name) if m.start in in_lists
                 else msg("check.body_named", text=written))
        dated = (msg("check.document_dated", date=Date(ctx.when.date)) if ctx.when.date
                 else msg("check.document_undated"))
        said = msg("check.body_gone", named=named, date=Date(m.change.effective), successor=m.change.successor,
                   more=msg("check.body_more", count=len(mentions) - 1) if len(mentions) > 1 else None,
                   dated=dated, source=m.change.source)
        findings.append(ctx.finding(_BODY_CODES[m.change.kind], m.start, m.end, said))
    return findings


def _in_citation(offset: int, spans: list[tuple[int, int]], folded: str) -> bool:
    """Names an issuer of a cited document ('Quyết định số 885/QĐ-BTTTT … của Bộ Thông tin và Truyền thông')."""
    for start, end in spans:
        if start <= offset < end:
            return True
        if end <= offset < end + 250 and regex.search(r"\bcua\s+$", folded[max(end, offset - 12) : offset]):
            return True
    return False


def _codes_by_type() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for t in vocabulary().types:
        for code in t.codes:
            found.setdefault(fold(code), []).append(t.name)
    return {k: tuple(v) for k, v in found.items()}


_TYPE_CODES = _codes_by_type()


def type_of_symbol(symbol: str) -> tuple[str, ...]:
    """The type names a symbol's type code allows: '12/2021/NQ-HĐND' → ('Nghị quyết',); none when uncoded."""
    party = regex.match(r"^\d+-([^\W\d_]+)/", symbol)
    if party:
        code = fold(party.group(1))
        named = {fold(k): v for k, v in PARTY_CODE_TYPES.items()}.get(code)
        return tuple(dict.fromkeys(((named,) if named else ()) + _TYPE_CODES.get(code, ())))
    parts = [p for p in regex.split(r"\s*/\s*", symbol)[1:] if not regex.fullmatch(r"(?:19|20)\d\d", p)]
    if not parts:
        return ()
    if len(parts) >= 2:
        code = parts[0]
    elif "-" in parts[0]:
        code = parts[0].split("-")[0]
    else:
        return ()
    return _TYPE_CODES.get(fold(code), ())


def _types_agree(written: str, coded: tuple[str, ...], symbol: str) -> bool:
    if written in ("Công văn", "Văn bản") or (written in PLANNING_TYPES and "Công văn" in coded):
        return True
    if regex.match(r"^\d+-", symbol) and {written, *coded} <= {"Quyết định", "Quy định"}:
        return True  # party rules were numbered QĐ/TW before QĐi/TW
    return any(written == t or t.startswith(written + " ") or written.startswith(t + " ") for t in coded)


def _issuer_names() -> list[tuple[str, regex.Pattern[str]]]:
    """Folded names of issuing bodies, longest first, each with its whole-word pattern."""
    names = sorted({fold(i.name) for i in vocabulary().issuers.values()}, key=len, reverse=True)
    return [(name, regex.compile(rf"(?<!\w){regex.escape(name)}(?!\w)")) for name in names]


_ISSUER_NAMES = _issuer_names()


def issuer_clash(written: str, symbol: str) -> tuple[str, str] | None:
    """(the issuer written, the issuer coded) when none of the written bodies is among the symbol's codes."""
    coded = issuer_from_symbol(symbol)
    if not coded:
        return None
    key, coded_key = fold(written), fold(coded)
    named = []
    for name, pattern in _ISSUER_NAMES:
        if name in key and pattern.search(key):
            named.append(name)
            key = key.replace(name, " ")
    if not named or any(n in coded_key or coded_key in n for n in named):
        return None
    return written, coded


def select_findings(findings: Iterable[Finding], select: set[str], ignore: set[str]) -> list[Finding]:
    """Keep codes matching a --select prefix (all when empty) and no --ignore prefix, like ruff."""
    def matches(code: str, prefixes: set[str]) -> bool:
        return any(code.startswith(p) for p in prefixes)

    return [f for f in findings if (not select or matches(f.code, select)) and not matches(f.code, ignore)]
