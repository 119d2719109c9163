"""The citing document's own identity, read from its header block."""

from __future__ import annotations

import re
from functools import cache, lru_cache

import regex

from vbpl.dates import iso_date
from vbpl.find import symbol_parts, type_from_codes
from vbpl.grammar import DATE, OPEN_END, SO, grammar, loose, phrase_tree
from vbpl.models import DocumentIdentity
from vbpl.text import capitals_end, fold, line_matches, rx, squash, strip_diacritics
from vbpl.vocab import vocabulary

HEADER_SPAN = 2500  # the header block sits in the first lines; web pages add a little before it

# The patterns below also match their words written without diacritics (see `loose`).
_NUMBER_LINE = regex.compile(
    loose(
        rf"(?:(?:^|\n|\|)[ \t#*>\-_=—–]*(?:(?:(?i:{{types}})\s+)?{SO}(?:\s+hiệu(?:\s+văn\s+bản)?|\s+ký\s+hiệu)?\s*[:|]"
        rf"|(?:Số|SỐ)(?:\s+hiệu)?(?!\w))"
        rf"|(?<!\p{{L}})(?:Số|SỐ)(?:\s+(?:hiệu|HIỆU))?\s*:"  # also "… Phú Yên Số hiệu: | 73/2012/NQ-HĐND |" on one line
        # a party header on one line: "… * Số 29-HD/ĐUK …" (in capitals, "SỐ" opens citations too)
        rf"|(?<!\p{{L}}[ \t]*)Số[ \t]+(?=\d{{1,5}}-\p{{Lu}}[\p{{Lu}}\p{{Ll}}]*/)"
        # "… VIỆT NAM Nghị quyết số: 11-NQ/TW Hà Nội, ngày 06 tháng 01 năm 2012": a header run into one line
        rf"|(?<=(?<!\p{{L}})(?i:{{types}})[ \t]+)số[ \t]*:"
        rf"(?=[ \t]*[^\s,;]+[ \t]+\p{{Lu}}[^\n,;]{{0,40}},[ \t]*(?i:ngày)))"
        r"\s*(?:\|[ \t]*(?=\d))?(?P<rest>[^\n|]*(?:\n[^\n|]*)?)"  # "Số hiệu: | 612/QĐ-UBND |": the next cell
    )
)
# A news page about a document: "Ngày 23/8/2017, Tỉnh ủy … đã ban hành Chương trình số 27-CTr/TU …".
_ISSUED = regex.compile(
    loose(
        rf"(?i:ngày)\s+(?P<news_date>\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?)\s*,\s*(?P<who>[^.\n]{{0,160}}?)\s*(?i:đã\s+ban\s+hành)\s+"
        rf"(?P<tw>(?i:{{types}}))\s+{SO}\s*"
    )
)
_NEWS_ISSUER = regex.compile(r"\p{Lu}\S*(?: \S+){0,9}")  # a body's name, capitalised, of a few words
_HYPHEN = regex.compile(r"\s*-\s*")
# Anchored on the comma; the place before it is read in a look-behind. Words of a place join by spaces, a hyphen,
# or a line break after a word in title case ("Bà Rịa - Vũng\nTàu", "Tam\nKỳ").
_PLACE_DATE = regex.compile(
    r",(?<=(?<![\p{L}.\-/])(?P<place>[\p{Lu}][\p{L}.]*(?:(?:[ \t]+|[ \t]*-[ \t]*|(?<=\p{Ll})[ \t]*\n[ \t]*)"
    r"[\p{Lu}][\p{L}.]*){0,4})\s*,)"
    r"\s*(?:ng[àa]y|NGÀY)\s*"
    r"(?P<d>\d{1,2}|[ \t._…]*)\s*(?:th[áa]ng|THÁNG)\s*(?P<m>\d{1,2}|[ \t._…]*)\s*(?:n[ăa]m|NĂM)\s*(?P<y>(?:19|20)\d\d)"
)
# The same line in small letters ("hà nội, ngày 12 tháng 3 năm 2019"), read only where it is a line or a cell.
_PLACE_DATE_SMALL = regex.compile(
    r"(?m)(?:^|\|)[ \t]*(?P<place>\p{L}[\p{L}.]*(?:[ \t]+\p{L}[\p{L}.]*|[ \t]*-[ \t]*\p{L}[\p{L}.]*){0,4})\s*,"
    + _PLACE_DATE.pattern.split(r"\s*,)", 1)[1]
    + r"(?=[ \t]*(?:\||$))"
)
_ISSUER_LINES = regex.compile(
    r"(?m)^[ \t#*|]*(?P<body>(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|"
    r"CHỦ\s+TỊCH(?:\s+(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN)?|"
    r"BỘ\s+[\p{Lu} ,]+|CHÍNH\s+PHỦ|QUỐC\s+HỘI|THỦ\s+TƯỚNG\s+CHÍNH\s+PHỦ|TỈNH\s+ỦY|THÀNH\s+ỦY|HUYỆN\s+ỦY|"
    r"BAN\s+CHẤP\s+HÀNH\s+TRUNG\s+ƯƠNG|BAN\s+BÍ\s+THƯ|BỘ\s+CHÍNH\s+TRỊ|SỞ\s+[\p{Lu} ,]+|VĂN\s+PHÒNG\s+[\p{Lu} ]+|"
    r"ỦY\s+BAN\s+THƯỜNG\s+VỤ\s+QUỐC\s+HỘI|BAN\s+[\p{Lu} ]+|NGÂN\s+HÀNG\s+NHÀ\s+NƯỚC[\p{Lu} ]*))"
    r"(?:[ \t]*\n?[ \t]*(?P<where>(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|XÃ|PHƯỜNG)[ \t]*\n?[ \t]*\p{Lu}[\p{Lu} \t-]{1,40}?))?"
    r"[ \t]*(?:\||$)"
)

# Where the line patterns can match (see line_matches): a line break before the word a match opens with.
_ISSUER_LINE_START = re.compile(
    r"\n(?=[ \t#*|]*(?:ỦY|UỶ|HỘI|CHỦ|BỘ|CHÍNH|QUỐC|THỦ|TỈNH|THÀNH|HUYỆN|BAN|SỞ|VĂN|NGÂN))"
)
# Where the title read after the type line stops: the issuer's line run into it, or the preamble; not the bodies
# the title itself names ("… LÀM VIỆC CỦA HỘI ĐỒNG NHÂN DÂN TỈNH, THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN TỈNH …", "… VỚI ĐOÀN CHỦ
# TỊCH ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM").
_TITLE_STOP = regex.compile(
    loose(
        r"\s{2,}|(?<!(?:CỦA|VÀ|,|-|GIỮA|VỚI|TRỰC|BIỂU|ĐOÀN|ĐOÀN CHỦ TỊCH|PHÓ))"
        r"(?=\s(?:ỦY BAN|UỶ BAN|HỘI ĐỒNG|CHỦ TỊCH|BỘ TRƯỞNG|Căn cứ|CĂN CỨ))"
    )
)
# The enacting authority's line under the title ("… NĂM 2021\nCHÍNH PHỦ\nCăn cứ …"), not the title's own words.
_AUTHORITY_AFTER = regex.compile(r"(?<!CỦA|VÀ|,|VỚI|HỌP|TƯỚNG)\s+(?:THỦ TƯỚNG CHÍNH PHỦ|CHÍNH PHỦ|QUỐC HỘI)\Z")
# A line of the preamble, written in sentence case under a title: "Thực hiện Kế hoạch số 45/KH-UBND …", "Kính gửi: …".
_PREAMBLE_CUE = r"(?:Căn cứ|Thực hiện|Thi hành|Để thi hành|Theo đề nghị|Xét|Trên cơ sở|Kính gửi)[\s:]"
_PREAMBLE_LINE = regex.compile(loose(rf"\n[ \t|*\-+•]*(?={_PREAMBLE_CUE})"))
_PREAMBLE_LINE_ANY_CASE = regex.compile(loose(rf"[ \t|*\-+•]*(?i:{_PREAMBLE_CUE})"))  # after a blank line
_SMALL = regex.compile(r"\p{Ll}")
# Words in capitals run into a place in title case on one line: "ĐẢNG CỘNG SẢN VIỆT NAM Thái Nguyên, ngày …".
_CAPITALS_BEFORE_PLACE = regex.compile(r"^(?:\p{Lu}+[ \t]+)+(?=\p{Lu}\p{Ll})")
_ONE_LINE_TITLE_REACH = 600
_PREAMBLE_AFTER = regex.compile(loose(rf"\s(?={_PREAMBLE_CUE})"))  # the preamble under a type line, not a headline's
_NUMBER_AFTER = regex.compile(loose(rf"[ \t#*|]*(?:{SO}\s*:?\s*)?\d"))  # "QUYẾT ĐỊNH SỐ 12/…": a citation, no type line
_ONE_LINE_TITLE_END = regex.compile(
    loose(rf"\s(?={_PREAMBLE_CUE})|\s(?:[IVX]+|\d{{1,2}})[.)\-]\s|[\-_=*.…]{{3,}}|\n")
)
_RULE_OR_HEADING = regex.compile(r"[ \t]*(?:[\-_=*.…]+[ \t]*$|(?:[IVX]+|\d{1,2}|[a-zđ])[.)][ \t])")  # "-----", "I. …"
_TITLE_LINE_WIDTH = 150  # a longer line after a blank one is a paragraph, not a title's next line
_OPEN_TITLE_END = regex.compile(loose(rf"(?i:{OPEN_END})\s*\Z"))
# A title that restates the document's number and date before its subject, as texts before about 2006 do:
# "(CỦA BỘ TÀI CHÍNH) SỐ 121/2004/TT-BTC NGÀY 16 THÁNG 12 NĂM 2004 (CỦA BỘ TÀI CHÍNH) HƯỚNG DẪN …".
_RESTATED = regex.compile(
    loose(rf"^(?:của\s+(?:(?!số\s)\S+\s+){{1,12}})?số\s*:?\s*\S+\s+ngày\s+{DATE}\s*(?P<of>của\s+)?"),
    regex.IGNORECASE | regex.VERBOSE,
)
_BLANK_NUMBER = regex.compile(r"[ \t._…]*/[^\s,;]*")
# A date on a line of its own ("ngày 10 tháng 12 năm 2018" under "VĂN BẢN HỢP NHẤT 42/VBHN-VPQH"); not a wrapped
# sentence that goes on after it ("ngày 01 tháng 01 năm 2016, được sửa đổi, bổ sung bởi:").
_BARE_DATE = regex.compile(
    loose(r"(?m)^[ \t|]*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d\d(?!\d)(?=[ \t|]*$)")
)
# A consolidated text opens with what it consolidates: "Luật … số 77/2015/QH13 ngày … của Quốc hội, có hiệu lực kể
# từ ngày 01 tháng 01 năm 2016, được sửa đổi, bổ sung bởi:".
_CONSOLIDATES = regex.compile(
    loose(
        r"(?i:có\s+hiệu\s+lực\s+(?:thi\s+hành\s+)?(?:kể\s+)?từ\s+ngày)[^;:]{0,60}?,?\s+"
        r"(?i:(?:đã\s+)?được\s+sửa\s+đổi,?\s*bổ\s+sung\s+(?:bởi|tại)\s*:)"
    )
)
_CONSOLIDATED = "Văn bản hợp nhất"
_BASIS = regex.compile(loose(r"(?i:căn\s+cứ)"))
_CONSOLIDATES_REACH = 1200  # before the body: the formula stands under the title
_ISSUED_ON = regex.compile(
    loose(r"(?i:ngày\s+ban\s+hành)[ \t]*[:|][ \t|]*(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>(?:19|20)\d\d)(?!\d)")
)
_BARE_DATE_START = re.compile(loose(r"\n(?=[ \t|]*ngày)"))


def _first(pattern: regex.Pattern[str], starts: re.Pattern[str], text: str) -> regex.Match[str] | None:
    """pattern.search(text) for a pattern anchored on line starts (see line_matches)."""
    return next(line_matches(pattern, starts, text), None)


@cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    words = vocabulary().type_words()
    types = phrase_tree({*words, *(strip_diacritics(w) for w in words)}, any_case=True, loose=False)
    return (
        regex.compile(_NUMBER_LINE.pattern.replace("{types}", types)),
        regex.compile(_ISSUED.pattern.replace("{types}", types)),
    )


# Where a match of _NUMBER_LINE can begin, besides the start of the text: a line break, a "|", or "Số" / "số".
_NUMBER_LINE_AT = re.compile(r"[\n|]|[Ss][ốỐoO]")


def _number_line(head: str) -> tuple[regex.Match[str] | None, bool]:
    number_line, issued = _patterns()
    # number_line.search(head), tried only where a match can begin (found by the stdlib engine: `regex` tries
    # every position), so that a number line is found in half the time.
    m = number_line.match(head) or next(
        (m for hit in _NUMBER_LINE_AT.finditer(head) if (m := number_line.match(head, hit.start()))), None
    )
    if m:
        return m, False
    m = issued.search(head, 0, 250)
    if m is not None and not _about_itself(head, m):
        m = None
    return m, m is not None


def _about_itself(head: str, lead: regex.Match[str]) -> bool:
    """Whether a news lead ("Ngày 23/8/2017, Tỉnh ủy … đã ban hành Chương trình số 27-CTr/TU") names the page's own
    document: the lead opens the page, or the headline above it begins with that document's type ("Chương trình
    thực hiện Chỉ thị 13-CT/TW …"). Under a headline such as "Một số văn bản pháp luật mới …" it reports on others."""
    first_line_end = head.find("\n")
    if first_line_end < 0 or lead.start() < first_line_end:
        return True
    return fold(head[: first_line_end].lstrip()).startswith(fold(squash(lead.group("tw"))))


@lru_cache(maxsize=16384)
def province_in(text: str) -> str | None:
    """The province a text names (the longest name when several match: 'Bà Rịa - Vũng Tàu')."""
    folded = _HYPHEN.sub("-", fold(text))
    return next((name for key, name in _folded_provinces() if key in folded), None)


@cache
def _folded_provinces() -> list[tuple[str, str]]:
    """Folded province names, longest first; a hyphen in them is compared without the spaces around it."""
    keys = ((_HYPHEN.sub("-", fold(n)), n) for n in vocabulary().provinces)
    return sorted(keys, key=lambda kn: len(kn[1]), reverse=True)


def read_header(text: str) -> tuple[DocumentIdentity | None, list[tuple[int, int]]]:
    """The document's identity and the spans of its header that are not citations."""
    g = grammar()
    head = text[:HEADER_SPAN]
    spans: list[tuple[int, int]] = []
    symbol = symbol_type = None
    placeholder = False
    doc_type = None
    number_line, issued = _number_line(head)
    if number_line:
        pos = number_line.end()
        if not issued:
            rest = number_line.group("rest")
            pos = number_line.start("rest") + len(rest) - len(rest.lstrip())
        sm = g.symbol.match(text, pos)
        if sm:
            symbol, codes = symbol_parts(sm)
            symbol_type = type_from_codes(codes, sm.group("pcode") is not None)
            spans.append((number_line.start(), sm.end()))
        elif issued and (num := rx(r"\d{1,5}(?![\d/])").match(text[pos : pos + 6])):
            symbol = num.group()
            spans.append((number_line.start(), pos + num.end()))
        elif not issued and (blank := _BLANK_NUMBER.match(number_line.group("rest"))):
            placeholder = True  # "Số: /KH-SKHCN": the span ends with the codes, also when no line break follows
            spans.append((number_line.start(), number_line.start("rest") + blank.end()))
        if issued:
            doc_type = vocabulary().type_by_word.get(fold(squash(number_line.group("tw"))))
    date = None
    place = None
    pd = _PLACE_DATE.search(head) or _PLACE_DATE_SMALL.search(head)
    if pd:
        place_start = pd.start("place")
        number_end = spans[0][1] if spans else -1
        if place_start < number_end < pd.end("place"):
            place_start = number_end  # "Số: 76/2016/NQ-HĐND Lào Cai, ngày …" on one line: the place follows the number
        place = _CAPITALS_BEFORE_PLACE.sub("", squash(text[place_start : pd.end("place")]))
        if pd.group("d").strip(" \t._…") and pd.group("m").strip(" \t._…"):
            date, _ = iso_date(
                rx(r"(?P<d>\d+)/(?P<m>\d+)/(?P<y>\d+)").match(f"{pd['d']}/{pd['m']}/{pd['y']}")
            )
    title = None
    type_lines, type_starts = _type_lines()
    type_line = _first(type_lines[0], type_starts, head)
    if type_line and doc_type is None:
        doc_type = vocabulary().type_by_word.get(fold(type_line.group("type")))
        raw_title = _title_lines(_PREAMBLE_LINE.split(type_line.group("title"))[0])
        title = squash(raw_title.replace("*", "").replace("#", "").replace("|", " "))
        title = _AUTHORITY_AFTER.sub("", _TITLE_STOP.split(title)[0]) or None
    elif doc_type is None and (
        (pd and (after := type_lines[2].match(head, pd.end())))
        or (
            (after := type_lines[2].match(head))
            and not _NUMBER_AFTER.match(head, after.end())
            and _PREAMBLE_AFTER.search(head, after.end(), after.end() + _ONE_LINE_TITLE_REACH)
        )
    ):
        # A header run into one line: "… Đồng Nai, ngày … năm 2026 ## KẾ HOẠCH ### Triển khai …", or one that opens
        # the text with its type ("NGHỊ QUYẾT VỀ CHÍNH SÁCH … HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA … Căn cứ …")
        doc_type = vocabulary().type_by_word.get(fold(after.group("type")))
        title = _one_line_title(head[after.end() : after.end() + _ONE_LINE_TITLE_REACH])
    if symbol is None and (ts := _type_symbol_line(text, head)):
        doc_type, symbol, span = ts
        spans.append(span)
    if (
        date is None
        and issued
        and number_line
        and (nd := rx(r"(?P<d>\d+)/(?P<m>\d+)/(?P<y>\d{4})").fullmatch(number_line.group("news_date")))
    ):
        date, _ = iso_date(nd)
    if date is None and (
        bare := _first(_BARE_DATE, _BARE_DATE_START, head)
    ):
        date, _ = iso_date(g.date.search(bare.group()))
    if date is None and symbol and (issued_on := _ISSUED_ON.search(head)):
        date, _ = iso_date(issued_on)  # a page's metadata: "Ngày ban hành: | 05/03/2020 |"
    if symbol and (doc_type is None or symbol_type == _CONSOLIDATED):
        doc_type = symbol_type  # "Số: 14/VBHN-VPQH" over the type line "LUẬT" of the law it consolidates
    if symbol is None and ("bởi" in head or "boi" in head or "BỞI" in head) and _consolidates(head):
        doc_type = _CONSOLIDATED  # its number cell lost, the type line names what it consolidates
    issuer = None
    il = _issuer_line(head)
    if il:
        issuer = _issuer_name(squash(il.group("body")), squash(il.group("where") or ""))
    elif issued and number_line and _NEWS_ISSUER.fullmatch(who := squash(number_line.group("who"))):
        issuer = who  # "Ngày 23/8/2017, Tỉnh Ủy Thừa Thiên Huế đã ban hành Chương trình số 27-CTr/TU …"
    if title:
        title = _without_restated(title, issuer)
    province = province_in(" ".join(x for x in (place or "", issuer or "") if x))
    if province is None and issuer and _LOCAL_UNIT.search(issuer):
        province = province_in(head)  # a district's plan names its province ("… của UBND tỉnh Tiền Giang")
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
    if type_line and type_line.group("type") and doc_type is not None:
        spans.append(type_line.span("type"))  # "LUẬT\nTỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG": the document's own name
    return identity, spans


def _one_line_title(after_type: str) -> str | None:
    """The title after a type word in a header run into one line: up to the preamble's first cue, a numbered
    heading or a rule, and before the enacting body's name ("… nhiệm kỳ 2016 - 2021 HỘI ĐỒNG NHÂN DÂN TỈNH …")."""
    raw = _ONE_LINE_TITLE_END.split(after_type, maxsplit=1)[0]
    start = len(raw) - len(raw.lstrip(" \t#*|"))
    raw = raw[: capitals_end(raw, start, len(raw))]  # "… SẢN XUẤT Trong những năm qua, …": the body
    title = squash(raw.replace("*", "").replace("#", "").replace("|", " ")).rstrip(" -–—")
    return _AUTHORITY_AFTER.sub("", _TITLE_STOP.split(title)[0]) or None


def _without_restated(title: str, issuer: str | None) -> str:
    """The title without the number, date and issuer it restates (see _RESTATED), when a subject is left."""
    restated = _RESTATED.match(title)
    if restated is None:
        return title
    rest = title[restated.end() :]
    if restated.group("of") and issuer and fold(rest).startswith(fold(issuer) + " "):
        rest = rest[len(issuer) + 1 :]
    return rest or title


_CHAIR_OF = regex.compile(r"^(Chủ tịch )(ủy|uỷ)")
_UNIT_WORD = regex.compile(r"(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN)\s+")
_LOCAL_UNIT = regex.compile(loose(r"(?i:huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)\s"))
_FULL_ISSUER_REACH = 1200  # the body named in full stands above the preamble, near the header


def _issuer_name(body: str, where: str) -> str:
    """"ỦY BAN NHÂN DÂN" + "HUYỆN CHÂU THÀNH" → "Ủy ban nhân dân huyện Châu Thành": a body in capitals in sentence case,
    its unit's word in lower case and the unit's name in title case."""
    if body.isupper():
        body = _CHAIR_OF.sub(lambda m: m.group(1) + m.group(2).capitalize(), body.capitalize())  # "Chủ tịch Ủy ban …"
    where = where.split("--")[0].strip(" -")  # "TỈNH KON TUM -------" on a header run into one line
    if not where:
        return body
    unit = _UNIT_WORD.match(where)
    if unit and where.isupper():
        where = unit.group().lower() + where[unit.end() :].title()
    return f"{body} {where}"


def _issuer_line(head: str) -> regex.Match[str] | None:
    """The first issuer line; when it names no province or district ("ỦY BAN NHÂN DÂN | CỘNG HÒA …"), the same body
    named in full further down ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN" above the preamble)."""
    lines = line_matches(_ISSUER_LINES, _ISSUER_LINE_START, head)
    first = next(lines, None)
    if first is None or first.group("where"):
        return first
    body = squash(first.group("body"))
    for m in lines:
        if m.start() > first.end() + _FULL_ISSUER_REACH:
            break
        if m.group("where") and squash(m.group("body")) == body:
            return m
    return first


def _consolidates(head: str) -> bool:
    """Whether the text opens with a consolidated text's formula (see _CONSOLIDATES), before any "Căn cứ"."""
    first_basis = _BASIS.search(head, 0, _CONSOLIDATES_REACH)
    reach = first_basis.start() if first_basis else _CONSOLIDATES_REACH
    return _CONSOLIDATES.search(head, 0, reach) is not None


def _type_symbol_line(text: str, head: str) -> tuple[str | None, str, tuple[int, int]] | None:
    """A header line that is a type word in capitals followed by the symbol: 'VĂN BẢN HỢP NHẤT 42/VBHN-VPQH'."""
    g = grammar()
    type_lines, type_starts = _type_lines()
    m = _first(type_lines[1], type_starts, head)
    if m is None:
        return None
    sm = g.symbol.match(text, m.end())
    if sm is None:
        return None
    return (
        vocabulary().type_by_word.get(fold(m.group("type"))),
        symbol_parts(sm)[0],
        (m.start("type"), sm.end()),
    )


def _title_lines(raw: str) -> str:
    """The lines of a title read under its type line. A rule or a numbered heading ends it, and so does a line with
    small letters under a title in capitals (the body or a note: "I- Tình hình và kết quả …"). A blank line ends a
    title in sentence case unless the title plainly goes on after it, as on pages that put a blank line under every
    line ("… và\n\nthực hiện …"); in capitals, a long line or a preamble's cue after a blank one is no more title.
    Two blank lines end any title."""
    lines = raw.split("\n")
    capitals = _SMALL.search(lines[0]) is None
    kept = [lines[0]]
    gap = False
    for line in lines[1:]:
        if not line.strip():
            if gap:
                break
            gap = True
            continue
        if _RULE_OR_HEADING.match(line) or (capitals and _SMALL.search(line)):
            break
        goes_on = line.lstrip()[:1].islower() or _OPEN_TITLE_END.search(kept[-1])  # "… và\n\nthực hiện …"
        if gap and not goes_on and (
            not capitals or len(line) > _TITLE_LINE_WIDTH or _PREAMBLE_LINE_ANY_CASE.match(line)
        ):
            break
        kept.append(line)
        gap = False
    return "\n".join(kept)


@cache
def _type_lines() -> tuple[tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]], re.Pattern[str]]:
    """A type word in capitals on its own line (then the title), one followed by the symbol, and one right after
    the place and date on the same line; where the first two can match (see line_matches)."""
    written = {n for t in vocabulary().types for n in (t.name, strip_diacritics(t.name))}
    upper = [n.upper() for n in sorted(written, key=len, reverse=True)]
    names = "|".join(regex.escape(t) for t in upper)
    starts = re.compile(r"\n(?=[ \t#*|]*(?:" + "|".join(re.escape(t) for t in upper) + "))")
    own_line = regex.compile(
        rf"(?m)^[ \t#*|]*(?P<type>{names})"
        # then the end of its line, or its issuer and the end of its line ("QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH"), the
        # issuer perhaps going on over lines in capitals that open no title ("CỦA BỘ TRƯỞNG\n\nBỘ NÔNG NGHIỆP …")
        r"(?:[ \t]+(?:CỦA|CUA)\s[^\n]*"
        r"(?:\n\s*(?!(?:VỀ|VE|V/V|BAN\s+HÀNH|QUY\s+ĐỊNH|PHÊ\s+DUYỆT|HƯỚNG\s+DẪN)\s)\p{Lu}[\p{Lu} ,\-]*(?=[ \t]*\n))*)?"
        r"[ \t*|]*\n"
        r"(?:[ \t]*\n)*[ \t#*|]*(?!(?:Điều|ĐIỀU|Dieu|DIEU)\s+\d)"
        r"(?P<title>[^\n]+(?:\n(?:[ \t]*\n)?[^\n]+){0,5})"
    )
    with_symbol = regex.compile(rf"(?m)^[ \t#*|]*(?P<type>{names})\s+(?:S[ỐO]\s*:?\s*)?(?=\d)")
    after_date = regex.compile(rf"[ \t#*|]*(?P<type>{names})(?=[ \t#*|]+\S)")
    return (own_line, with_symbol, after_date), starts
