"""The entry point: text in, the document's identity and its citations out."""

from __future__ import annotations

from collections.abc import Callable

from vbpl.document import describe
from vbpl.find import Mention, find_mentions
from vbpl.grammar import grammar
from vbpl.header import read_header
from vbpl.identity import Record, link
from vbpl.models import Citation, DocumentIdentity, Extraction, Placeholder
from vbpl.normalize import normalize
from vbpl.relations import assign_relations
from vbpl.text import name_key, strip_year, symbol_key
from vbpl.vocab import NAMED_TYPES


def extract(text: str) -> Extraction:
    """Find every citation in `text`; spans are offsets into `text` itself."""
    norm = normalize(text)
    t = norm.text
    identity, header_spans = read_header(t)
    mentions = [m for m in find_mentions(t) if not _is_self(m, identity, header_spans)]
    assign_relations(t, mentions)
    records = link(mentions, identity.province if identity else None)
    by_id = {r.id: r for r in records}
    citations = [_citation(text, norm.original, m, by_id[m.key], mentions) for m in mentions]
    placeholders = []
    for pm in grammar().placeholder.finditer(t):
        begin = pm.start("tw") if pm.group("tw") else pm.start("so")
        if any(s < pm.end() and begin < e for s, e in header_spans):
            continue
        start, end = norm.original(begin), norm.original(pm.end())
        placeholders.append(Placeholder(start, end, text[start:end]))
    if identity is not None and identity.start is not None:
        identity.start, identity.end = norm.original(identity.start), norm.original(identity.end or 0)
    if identity is not None:
        describe(identity, text, citations)
    return Extraction(identity, citations, placeholders)


def _is_self(m: Mention, identity: DocumentIdentity | None, header_spans: list[tuple[int, int]]) -> bool:
    """Whether a mention names the citing document itself: in its header, by its symbol, or by its number and type
    ("Văn bản 1277 2024 về tổ chức thi …" in a page that prints Công văn số 1277/BGDĐT-QLCL)."""
    if any(s < m.end and m.start < e for s, e in header_spans):
        return True
    if identity is None:
        return False
    if m.symbol is None and m.name and identity.title and identity.type in NAMED_TYPES:
        # "Quốc hội ban hành Luật tổ chức chính quyền địa phương." in that law's own text
        return name_key(m.name) == name_key(f"{identity.type} {identity.title}")
    if not identity.symbol or not m.symbol:
        return False
    own = symbol_key(strip_year(identity.symbol))
    if m.symbol.isdigit():
        if m.type != identity.type or not own.startswith(m.symbol + "-"):
            return False
    elif symbol_key(strip_year(m.symbol)) != own:
        return False
    own_year = int(identity.date[:4]) if identity.date else None
    return m.year is None or own_year is None or m.year == own_year


def _citation(text: str, original: Callable[[int], int], m: Mention, r: Record, mentions: list[Mention]) -> Citation:
    start, end = original(m.start), original(m.end)
    return Citation(
        start=start,
        end=end,
        text=text[start:end],
        kind=m.kind if m.kind == "name" else r.kind,
        form=m.form,
        type=r.type,
        symbol=r.symbol,
        date=r.date,
        year=r.year,
        issuer=r.issuer,
        title=r.title,
        relation=m.relation,
        id=r.id,
        name=r.names[0] if r.names else None,
        scope=r.id.split("@", 1)[1] if "@" in r.id else None,
        pinpoint=m.pinpoint,
        issuer_now=m.issuer_now,
        amended_by=[mentions[i].key for i in m.amended_by],
    )
