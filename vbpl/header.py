"""The citing document's own identity, read from its header block."""

from __future__ import annotations

import regex

from vbpl.dates import iso_date
from vbpl.find import canonical_codes, type_from_codes
from vbpl.grammar import SO, grammar
from vbpl.models import DocumentIdentity
from vbpl.text import fold, squash
from vbpl.vocab import vocabulary

HEADER_SPAN = 2500  # the header block sits in the first lines; web pages add a little before it

_NUMBER_LINE = regex.compile(rf"(?:^|\n|\|)[ \t#*>]*{SO}(?:\s+hiệu)?\s*:\s*(?P<rest>[^\n|]*(?:\n[^\n|]*)?)")
_PLACE_DATE = regex.compile(
    r"(?P<place>[\p{Lu}][\p{L}.]*(?:[ \t]+[\p{Lu}][\p{L}.]*){0,4})\s*,\s*(?:ng[àa]y|NGÀY)\s*"
    r"(?P<d>\d{1,2}|[ \t._…]*)\s*(?:th[áa]ng|THÁNG)\s*(?P<m>\d{1,2}|[ \t._…]*)\s*(?:n[ăa]m|NĂM)\s*(?P<y>(?:19|20)\d\d)"
)
_ISSUER_LINES = regex.compile(
    r"(?m)^[ \t#*|]*(?P<body>(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|CHỦ\s+TỊCH|"
    r"BỘ\s+[\p{Lu} ,]+|CHÍNH\s+PHỦ|QUỐC\s+HỘI|THỦ\s+TƯỚNG\s+CHÍNH\s+PHỦ|TỈNH\s+ỦY|THÀNH\s+ỦY|HUYỆN\s+ỦY|"
    r"BAN\s+CHẤP\s+HÀNH\s+TRUNG\s+ƯƠNG|BAN\s+BÍ\s+THƯ|BỘ\s+CHÍNH\s+TRỊ|SỞ\s+[\p{Lu} ,]+|VĂN\s+PHÒNG\s+[\p{Lu} ]+|"
    r"ỦY\s+BAN\s+THƯỜNG\s+VỤ\s+QUỐC\s+HỘI|BAN\s+[\p{Lu} ]+|NGÂN\s+HÀNG\s+NHÀ\s+NƯỚC[\p{Lu} ]*))"
    r"(?:[ \t]*\n?[ \t]*(?P<where>(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|XÃ|PHƯỜNG)\s+[\p{Lu}\s-]{2,40}?))?[ \t]*(?:\||$)"
)


def province_in(text: str) -> str | None:
    folded = fold(text)
    best = None
    for name in vocabulary().provinces:
        key = fold(name)
        i = folded.find(key)
        if i >= 0 and (best is None or len(name) > len(best[1])):
            best = (i, name)
    return best[1] if best else None


def read_header(text: str) -> tuple[DocumentIdentity | None, list[tuple[int, int]]]:
    """The document's identity and the spans of its header that are not citations."""
    g = grammar()
    head = text[:HEADER_SPAN]
    spans: list[tuple[int, int]] = []
    symbol = None
    placeholder = False
    doc_type = None
    number_line = _NUMBER_LINE.search(head)
    if number_line:
        rest_start = number_line.start("rest")
        sm = g.symbol.match(text, rest_start + len(number_line.group("rest")) - len(number_line.group("rest").lstrip()))
        if sm:
            codes = sm.group("codes_n") or sm.group("codes_a") or sm.group("codes_p")
            written = "".join(s + c for s, c in canonical_codes(codes))
            if sm.group("pcode"):
                symbol = f"{sm.group('num')}-{canonical_codes(sm.group('pcode'))[0][1]}/{written}"
            elif sm.group("year"):
                symbol = f"{sm.group('num')}/{sm.group('year')}/{written}"
            else:
                symbol = f"{sm.group('num')}/{written}"
            spans.append((number_line.start("rest"), sm.end()))
        elif regex.match(r"[ \t._…]*/", number_line.group("rest")):
            placeholder = True
            spans.append((number_line.start("rest"), number_line.end("rest")))
    date = None
    place = None
    pd = _PLACE_DATE.search(head)
    if pd:
        place = squash(pd.group("place"))
        if pd.group("d").strip(" \t._…") and pd.group("m").strip(" \t._…"):
            date, _ = iso_date(regex.match(r"(?P<d>\d+)/(?P<m>\d+)/(?P<y>\d+)", f"{pd['d']}/{pd['m']}/{pd['y']}"))
    title = None
    type_line = regex.search(
        r"(?m)^[ \t#*|]*(?P<type>" + "|".join(regex.escape(t.upper()) for t in _type_names()) + r")[ \t*|]*\n"
        r"(?:[ \t]*\n)*[ \t#*|]*(?P<title>[^\n]+(?:\n[^\n]+){0,3})",
        head,
    )
    if type_line:
        doc_type = vocabulary().type_by_word.get(fold(type_line.group("type")))
        title = squash(type_line.group("title").replace("*", "").replace("#", "").replace("|", " "))
        title = regex.split(r"\s{2,}|(?=\s(?:ỦY BAN|HỘI ĐỒNG|CHỦ TỊCH|BỘ TRƯỞNG|Căn cứ|CĂN CỨ))", title)[0] or None
    if doc_type is None and symbol:
        doc_type = type_from_codes([symbol.split("/")[-1].split("-")[0]], "-" in symbol.split("/")[0])
    issuer = None
    il = _ISSUER_LINES.search(head)
    if il:
        issuer = squash(il.group("body") + (" " + il.group("where") if il.group("where") else ""))
        issuer = issuer.capitalize() if issuer.isupper() else issuer
    province = province_in(" ".join(x for x in (place or "", issuer or "") if x))
    if not any((symbol, placeholder, date, doc_type)):
        return None, spans
    identity = DocumentIdentity(
        type=doc_type,
        symbol=symbol,
        date=date,
        issuer=issuer,
        place=place,
        title=title,
        placeholder=placeholder,
        province=province,
    )
    if spans:
        identity.start, identity.end = spans[0]
    return identity, spans


def _type_names() -> list[str]:
    return sorted((t.name for t in vocabulary().types), key=len, reverse=True)
