"""Find mentions of documents in normalised text: numbered symbols, partial numbers, laws by name.

Each mention carries what its own words say (type, symbol, date, issuer, title); relations and
identities are decided later, from the mentions around it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from vbpl.dates import calendar_date, iso_date
from vbpl.grammar import DATE, SO, grammar, loose, loose_words, phrase_tree
from vbpl.text import capitals_end, fold, rx, squash, strip_diacritics
from vbpl.vocab import PARTY_CODE_TYPES, vocabulary

# Words that end an issuer or a law's name (lower case: they are not part of a proper name).
_STOP_WORDS = (
    "về", "phê duyệt", "ban hành", "quy định", "hướng dẫn", "thực hiện", "triển khai", "v/v", "v/V", "V/v", "V/V",
    "sửa đổi", "bổ sung", "giao", "tại", "đã", "được", "nay là", "ngày", "số", "để", "theo", "trên", "với", "có",
    "là", "gồm", "thông qua", "kèm theo", "hết hiệu", "cho", "trong", "nhằm", "đến", "năm", "của", "do", "thì",
    "khi", "nếu", "mà", "này", "đó", "các", "những", "hoặc", "về việc", "cụ thể", "ngay", "nam", "so", "cua", "ve",
    "ban hanh", "phe duyet", "co hieu luc", "het hieu", "như", "mới", "hiện hành",
)  # fmt: skip
# In capitals too, where no name has them ("LUẬT ĐẤT ĐAI NGÀY 29 THÁNG 11 NĂM 2013"); not "BAN HÀNH", "QUY ĐỊNH",
# "CÁC" …, which names have ("LUẬT BAN HÀNH VĂN BẢN QUY PHẠM PHÁP LUẬT", "LUẬT CÁC TỔ CHỨC TÍN DỤNG").
_STOP_CAPITALS = (
    "VỀ", "TẠI", "ĐÃ", "ĐƯỢC", "NAY LÀ", "NGÀY", "SỐ", "ĐỂ", "THEO", "TRÊN", "VỚI", "CÓ", "LÀ", "GỒM", "KÈM THEO",
    "CHO", "TRONG", "NHẰM", "ĐẾN", "NĂM", "CỦA", "DO", "THÌ", "KHI", "NẾU", "MÀ", "NÀY", "ĐÓ", "NHỮNG", "HOẶC", "NHƯ",
)  # fmt: skip
_STOP = regex.compile(rf"{phrase_tree(_STOP_WORDS + _STOP_CAPITALS)}(?![^\W\d])")  # also "ngày26/11/2003"
_CAPITAL_TITLE = regex.compile(
    loose(
        r"(?i:quy\s+định|hướng\s+dẫn|phê\s+duyệt|ban\s+hành|về\s+việc|v/v|sửa\s+đổi|bãi\s+bỏ|thực\s+hiện|triển\s+khai"
        r"|căn\s+cứ)(?!\w)"
    )
)
_GLUED_STOP = regex.compile(
    r"(?<=\p{L})(?<!(?i:một|mot))(?:ngày|của|năm|số|ngay|cua)(?=\s|\d|$)|(?<=\p{Lu})(?<!MỘT)(?:NGÀY|CỦA|NĂM|SỐ)(?=\s|\d|$)"
)
_GLUED_STOP_WORDS = ("ngày", "của", "năm", "số", "ngay", "cua", "NGÀY", "CỦA", "NĂM", "SỐ")
_AND_WORDS = ("và", "cùng", "VÀ", "CÙNG", "va", "cung", "VA", "CUNG")  # also written without diacritics
_AND_WORD = rf"(?:{'|'.join(_AND_WORDS)})(?!\w)"
_AND = regex.compile(rf"{_AND_WORD}\s*")
_NAME_COMMA = regex.compile(r",[ \t]+(?=\p{Ll})")
# A minister who also heads a body is one issuer: "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ".
_OFFICE_COMMA = regex.compile(r",[ \t]+(?=(?:Chủ[ \t]+nhiệm|Trưởng[ \t]+ban)[ \t])")
_TOKEN_CHAR = r"[^\s;,.:()\[\]|\"“”]"
_GAP = r"[ \t]+|[ \t]*\n\s*(?=\p{Ll})"
# A line break before a capital. Matched with an end position: `regex` first looks for the "\n" up to it, so that an
# unbounded match at every issuer read to the end of the text (quadratic on a long line of citations).
_CAPITAL_BREAK = regex.compile(r"[ \t]*\n[ \t]*(?=\p{Lu})")
# One word of a name (group 1) and the gap after it (group 2), in one match: not a stop word, then a token, then white
# space (a line break only before lower case).
# A list item's mark run into the line ("… của Bộ Chính trị 1- Thủ đô …") is no word of a name.
_LIST_MARK = r"\d{1,2}[\-)](?=\s)"
_WORD_STEP = regex.compile(rf"(?!{_STOP.pattern}|{_LIST_MARK})(?P<token>{_TOKEN_CHAR}+)(?P<gap>{_GAP})?")
# A word that _read_words would read and go on after, with the gap or the comma that follows it: no stop word, no
# "và"/"cùng", no stop word glued in. A run of them is read in one match; the words around are read one by one.
_PLAIN_WORD = (
    rf"(?!{_STOP.pattern}|{_LIST_MARK})(?!và|cùng|VÀ|CÙNG|{_AND_WORD})(?P<token>{_TOKEN_CHAR}++)"
    rf"(?>{_GAP}|,[ \t]+(?=\p{{Ll}})(?!{_STOP.pattern}))"
)
_NOT_TITLE = rf"(?!{_CAPITAL_TITLE.pattern})"  # an issuer's words after its first
_NAME_WORDS = regex.compile(rf"(?:{_PLAIN_WORD})*+")
_ISSUER_WORDS = regex.compile(rf"(?:{_PLAIN_WORD}(?:{_NOT_TITLE}{_PLAIN_WORD})*+)?+")
_MORE_ISSUER_WORDS = regex.compile(rf"(?:{_NOT_TITLE}{_PLAIN_WORD})*+")
# Notes in brackets, matched after the white space before them (_SPACES): `regex` answers a match of a
# pattern that opens with "\s*" and then a bracket by looking for a bracket through the rest of the
# text, which made every mention cost time in proportion to the length of the text.
_SPACES = regex.compile(r"\s*")
_NOW = regex.compile(loose(r"\(\s*(?i:nay\s+là)\s*([^()]{2,120}?)\s*\)"))
_TITLE_WORDS = (
    "về việc", "về", "v/v", "v/V", "V/v", "V/V", "phê duyệt", "ban hành", "quy định", "hướng dẫn", "sửa đổi",
    "bổ sung", "thực hiện", "triển khai", "thông qua", "VỀ", "PHÊ DUYỆT", "BAN HÀNH", "QUY ĐỊNH",
    "Về việc", "Phê duyệt", "Ban hành", "Quy định", "Hướng dẫn", "Sửa đổi",  # a trích yếu copied with its capital
)  # fmt: skip
_TITLE_FORMS = {f for w in _TITLE_WORDS for v in (w, strip_diacritics(w)) for f in (v, v.upper())}  # "ve viec", "VỀ" …
# The title: group 1; in a table, in the next cell ("| 12/2020/QĐ-UBND | 15/3/2020 | Về việc ban hành …").
_TITLE_START = regex.compile(rf"[ \t]*[,|]?\s*[“\"]?(?P<title>{phrase_tree(_TITLE_FORMS)}(?!\w))")
_TITLE_FIRST = frozenset("“\"|" + "".join(w[0] for w in _TITLE_FORMS))
# A title ends at a quote, a clause end, a list item, a definition, a dated sentence, or where the citation's
# amendments begin
# ("… về quản lý (đã được sửa đổi, bổ sung tại …)", "… tỉnh Thanh Hóa đã được sửa đổi tại …").
# Led by the set of the first characters of its branches: `regex` then passes over the other characters of a title
# at once instead of trying every branch at each (half the cost of the search).
_TITLE_END = regex.compile(
    r"(?=[”\";.\n(|NđĐdDbB])(?:"
    + loose(
        r"[”\"]|;|\.(?=\s)|\.$|\n[ \t]*\n[ \t]*(?=[\p{Lu}\d\-+*•|#])|\n(?=[ \t]*(?:[\-+*•|#]|\d+[ \t]*\|))"
        r"|\(sau\s+đây|\|"
        r"|(?<=\s)Ngày\s+\d{1,2}[/\-.]\d{1,2}(?!\d)"  # a news lead run on after a headline: "… rừng Ngày 23/8/2017, …"
        r"|\n[ \t]*(?=(?i:căn\s+cứ)(?!\w))"  # a legal basis on the next line, also in capitals: "…\nCĂN CỨ LUẬT …"
        r"|\n[ \t]*(?=(?i:điều)[ \t]+\d+[ \t]*[.:])"  # an article on the next line: "…\nĐIỀU 1. SỬA ĐỔI …"
        r"|(?P<amendment>(?:\(\s*\**\s*)?(?i:(?:đã\s+)?(?:được|bị)\s+(?:sửa\s+đổi|bổ\s+sung|thay\s+thế)))"
    )
    + ")"
)
# A straight quote that opens (after a space, before a word) and its closing one, on the same line.
_QUOTED = regex.compile(r'(?<=\s)"(?=\w)[^"\n]*"')
_DEFINED = regex.compile(
    loose(r"(?ri)(?:sau\s+đây\s+(?:được\s+)?(?:viết|gọi)(?:\s+tắt)?(?:\s+là)?\s*:?\s*[\"“]?)\s*\Z")
)
_PINPOINT = regex.compile(
    loose(
        r"(?ri)(?P<pin>(?:(?:điểm\s+[a-zđ]\s*,?\s*)?(?:khoản\s+\d+\w*\s*,?\s*)?(?:điều\s+\d+\w*)|"
        r"(?:điểm\s+[a-zđ]\s*,?\s*)?khoản\s+\d+\w*|mục\s+[\dIVX]+\w*|phụ\s+lục\s+[\dIVX]+\w*)\s+"
        r"(?:của\s+|tại\s+)?)\Z"
    )
)
_HERE = ("đây", "day", "ĐÂY", "DAY")  # of "sau đây gọi là", in any case: where a definition may be
_PINPOINT_WORDS = ("điều", "khoản", "mục", "lục", "dieu", "khoan", "muc", "luc")
_COUNTRY = regex.compile(loose(r"\s+(?i:nước\s+cộng\s+h[òo]a\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam)(?!\w)"))
_YEAR_AFTER = regex.compile(loose(r"\s+(?i:năm)\s+(?:19|20)\d\d(?!\d)"))
_TRAILING_YEAR = regex.compile(r"[ \t]+((?:19|20)\d\d)\Z")
_PLURAL = regex.compile(loose(r"(?i:các|những)\s+\Z"))
_NOT_A_LAW = regex.compile(r"(?i:pháp|kỷ|phap|ky)\s+\Z")
# "sửa đổi, bổ sung một số điều của", in any case, with or without diacritics ("mộtsố" run together too).
_SOME_ARTICLES = loose(r"một\s*số\s+điều")
_AMENDING_LAW = regex.compile(
    rf"(?i:{loose_words('sửa đổi')})[\s,]*(?:(?i:{loose_words('bổ sung')}|{loose_words('bổ xung')})[\s,]*)?"
    rf"(?:(?i:{loose_words('bãi bỏ')})[\s,]*)?"
    rf"(?i:{_SOME_ARTICLES}(?:\s*,\s*{loose_words('khoản')})?\s+)?(?i:{loose_words('của')}\s+)?"
)
_AMENDING_OR_NUMBER = regex.compile(rf"(?i:{loose_words('sửa đổi')}|{SO})(?!\w)")
_LAW_WORDS = {
    f for w in ("Luật", "Bộ luật", "Pháp lệnh") for v in (w, strip_diacritics(w)) for f in (v, v.upper(), v.lower())
}
_NEXT_LAW = regex.compile(rf"[ \t]*(?:,|và|va|VÀ|VA)\s+(?={phrase_tree(_LAW_WORDS)}\s)")  # the next law amended
_LIST_NUMBER = regex.compile(r"[.)][ \t]|[.)]?[ \t]*(?:\n|\Z)")  # a list item's number, a number alone on its line
_DATE_NEXT = regex.compile(r"[ \t]*\d")
_SO_GAP = regex.compile(rf"\s+{SO}\s*:?\s*\Z")
_UNIT_AFTER_CODE = regex.compile(
    loose(r"(?<=(?:UBND|HĐND|UB)[ \t]*)[ \t]+(?i:tỉnh|thành\s+phố|huyện)(?=[ \t]*,?[ \t]*(?i:ngày)\s)")
)
_UNIT_NAMED_AFTER_CODE = regex.compile(
    loose(r"(?<=(?P<body>UBND|HĐND)[ \t]*)[ \t]+(?P<unit>(?i:tỉnh|thành\s+phố))[ \t]+(?=\p{Lu})")
)
_BLANK_SO = regex.compile(loose(rf"[ \t]+{SO}[ \t]*:?(?=\s+(?i:ngày)\s+\d)"))
_TIME_UNIT = regex.compile(
    r"\s*(?:năm|tháng|ngày|giai\s+đoạn|lần|%|người|tỷ|triệu|đồng)(?!\w)", regex.IGNORECASE
)
# "(sửa đổi)", "(sửa đổi, bổ sung năm 2017)", "(được sửa đổi, bổ sung năm 2017, 2020)": a note that the cited text
# was amended, written right after its name or its year; part of the citation, not a cue of the citing text.
_AMENDED_NOTE = regex.compile(
    loose(
        r"\((?i:(?:đã\s+)?được\s+)?(?i:sửa\s+đổi(?:,?\s*bổ\s+sung)?|bổ\s+sung)"
        r"(?:\s+(?i:năm\s+)?(?:19|20)\d\d(?:\s*(?:,|và)\s*(?i:năm\s+)?(?:19|20)\d\d)*)?\s*\)"
    )
)
# "Ngày 18/9/2024, Chủ tịch UBND tỉnh ban hành Công văn số 3319/UBND-HTKT": the date comes first. A news lead may
# leave out the year ("Ngày 1/12, Thủ tướng Chính phủ ban hành Quyết định số 44/2025/QĐ-TTg"): the symbol's is used.
_DATED_BEFORE = regex.compile(
    loose(
        r"(?<!\w)(?i:ngày)\s+(?P<d>\d{1,2})(?P<sep>[/\-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>(?:19|20)\d\d))?(?![\d/\-])\s*,"
        r"[^.;\n]{0,140}?(?i:(?:đã\s+)?(?:ban\s+hành|ký(?:\s+ban\s+hành)?|có))\s+\Z"
    )
)
# The date it was passed or signed, told after the body that did it: "Luật Đất đai được Quốc hội khóa XIII, kỳ họp thứ
# 6 thông qua ngày 29 tháng 11 năm 2013", "Pháp lệnh kế toán - thống kê do Hội đồng Nhà nước ban hành ngày 20-5-1988",
# "Quyết định số 13/QĐ-UBND ký ngày 1/2/2020";
# not across another citation or an amendment ("… được sửa đổi bởi Quyết định số 13/QĐ-UBND ký ngày …").
_PASSED_ON = regex.compile(
    loose(
        r"[ \t]*,?\s*(?:(?:đã\s+)?(?:được|do)\s+(?:(?!\d+\s*[/-]|sửa\s+đổi|bổ\s+sung|thay\s+thế)[^;.()]){1,160}?\s)?"
        r"(?:thông\s+qua|ban\s+hành|ký)\s+(?:vào\s+)?ngày\s+"
    )
    + DATE,
    regex.IGNORECASE | regex.VERBOSE,
)
# "… đã ký Quyết định số 62/2009/QĐ-TTg", "Ngày 24-10-2023, UBND tỉnh có văn bản số 4912/UBND-NC …"
_ISSUED_JUST_BEFORE = regex.compile(loose(r"(?i:ban\s+hành|ký|có)\s+\Z"))
_SESSION = regex.compile(r"(?i)(UBTVQH|QH)\d*")
_LOCAL_SO_CODE = regex.compile(r"S(?:o|ở)?[A-ZĐ&]{2,}")


@dataclass(slots=True)
class Mention:
    """A mention as its own words describe it, in normalised-text offsets."""

    start: int
    end: int
    kind: str
    form: str
    type: str | None
    symbol: str | None
    number: str | None
    year: int | None
    date: str | None = None
    issuer: str | None = None
    issuer_now: str | None = None
    title: str | None = None
    name: str | None = None
    pinpoint: str | None = None
    local: bool = False
    party: bool = False
    partial: bool = False
    tail: int = 0  # end of the date / issuer part that follows the span
    title_end: int = 0
    relation: str = "mentions"
    key: str = ""
    amended_by: list[int] = field(default_factory=list)


@lru_cache(maxsize=16384)
def canonical_codes(written: str) -> tuple[tuple[str, str], ...]:
    """Split a written code group into (separator, code) pairs with official spelling (memoised: code
    groups such as "QĐ-TTg" repeat all through a corpus)."""
    vocab = vocabulary()
    parts: list[tuple[str, str]] = []
    official = _official_codes()
    for m in _CODE_PART.finditer(written):
        sep = m.group(1).strip()[:1] or ("-" if m.group(1) else "")
        token = m.group(2).replace(" ", "")  # "BGD ĐT": one code in two parts
        if token not in official and (canonical := vocab.canonical_code.get(fold(token))):
            token = canonical
        elif not parts and (glued := _glued_codes(token)):
            parts.extend(glued)
            continue
        elif token.islower():
            token = token.upper()
        parts.append((sep, token))
    return tuple(parts)


def _glued_codes(token: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """A type code and an issuer code that lost the hyphen between them, as PDF text often does
    ("QĐUBND", "NĐCP", "TTVPCP"): the two codes with their official spelling, else None."""
    vocab = vocabulary()
    key = fold(token)
    for cut in range(len(key) - 1, 0, -1):  # the longest type code first: "TTLT" before "TT"
        head, tail = key[:cut], key[cut:]
        if head in vocab.type_by_code and head not in vocab.issuers and tail in vocab.issuers:
            return ("", vocab.canonical_code[head]), ("-", vocab.canonical_code[tail])
    return None


_CODE_PART = regex.compile(r"(\s*(?:--|//|[-/])\s*|^|[ \t]*\n\s*)([^\s\-/]+(?: [^\s\-/]+)?)")  # "NĐ\nCP": its "-" lost


@cache
def _official_codes() -> frozenset[str]:
    return frozenset(vocabulary().canonical_code.values())


def type_from_codes(codes: list[str], party: bool) -> str | None:
    vocab = vocabulary()
    for code in codes:
        key = fold(code)
        if party and code.upper() in PARTY_CODE_TYPES:
            return PARTY_CODE_TYPES[code.upper()]
        if key in vocab.type_by_code and key not in vocab.issuers:
            return vocab.type_by_code[key]
        session = _SESSION.fullmatch(code)
        if session:
            return "Nghị quyết" if session.group(1).upper() == "UBTVQH" else "Luật"
    return "Công văn"  # no type code: an official letter ("8143/UBND-KGVX", "1577/SNN-KHTC")


def _refined(doc_type: str | None, codes: list[str], party: bool) -> str | None:
    """The type word's type, or the narrower one the symbol's code names: "Thông tư số 03/2008/TTLT-BYT-BNV"
    is a Thông tư liên tịch."""
    if doc_type is None or party or not codes:
        return doc_type
    by_code = vocabulary().type_by_code.get(fold(codes[0]))
    return by_code if by_code and by_code.startswith(doc_type + " ") else doc_type


def _is_local(codes: list[str]) -> bool:
    return _codes_are_local(tuple(codes))


@lru_cache(maxsize=16384)
def _codes_are_local(codes: tuple[str, ...]) -> bool:
    vocab = vocabulary()
    for code in codes:
        issuer = vocab.issuers.get(fold(code))
        if issuer is not None:
            if issuer.scope == "local":
                return True
        elif _LOCAL_SO_CODE.fullmatch(code) and fold(code) not in vocab.type_by_code:
            return True
    return False


_GLUED_AFTER_NAME = ("ngay", "cua", "nam", "so")


@cache
def _known_law_names() -> dict[str, list[str]]:
    """Compact keys (folded, no white space) of known law names, by their first three letters, longest first."""
    index: dict[str, list[str]] = {}
    for name in sorted({_compact(n) for n in vocabulary().law_names}, key=len, reverse=True):
        index.setdefault(name[:3], []).append(name)
    return index


def _compact(text: str) -> str:
    return "".join(fold(text).split())


def _known_law_end(text: str, pos: int) -> int:
    """End of a known law name at `pos`, matched across line breaks and glued words, or `pos`.

    Names such as "Ban hành văn bản quy phạm pháp luật của HĐND, UBND" hold words that would end
    a name read word by word; PDF text glues and splits them ("quyphạm", "Ủy bannhân dân").
    """
    names = _known_law_names().get(_compact(text[pos : pos + 8])[:3])
    if not names:
        return pos
    window = text[pos : pos + 120]
    folded = fold(window)
    if len(folded) != len(window):  # a character whose folding is not one character: compare nothing
        return pos
    compact = "".join(folded.split())
    for name in names:
        if compact.startswith(name):
            end = _end_of_letters(window, len(name))
            if not window[end : end + 1].isalnum() or compact.startswith(_GLUED_AFTER_NAME, len(name)):
                return pos + end
    return pos


def _end_of_letters(window: str, count: int) -> int:
    """Offset just after the `count`-th character of `window` that is not white space."""
    if count > 0:
        for run in _NOT_SPACE.finditer(window):
            length = run.end() - run.start()
            if length >= count:
                return run.start() + count
            count -= length
    return len(window)


_NOT_SPACE = re.compile(r"\S+")  # the stdlib's \s is str.isspace(), as in str.split()


def _read_words(text: str, pos: int, limit: int, stop_at_and: bool = True, issuer: bool = False) -> int:
    """End of a run of proper-name words from `pos` (an issuer, a law's name). An issuer also ends where a
    trích yếu begins in capitals ("của Chính phủ Quy định chi tiết …"); a law's name may hold those words ("Luật
    Ban hành văn bản …")."""
    end = pos
    count = 0
    while count < limit:
        words = (_MORE_ISSUER_WORDS if count else _ISSUER_WORDS) if issuer else _NAME_WORDS
        run = words.match(text, pos)
        assert run is not None  # the words patterns match the empty string
        read = text[pos : run.end()]
        if read and not _holds_glued_stop(read):  # see the step below
            ends = run.ends("token")
            if count + len(ends) >= limit:
                return ends[limit - count - 1]
            count += len(ends)
            end = ends[-1]
            pos = run.end()
        if issuer and count and _CAPITAL_TITLE.match(text, pos):
            break
        step = _WORD_STEP.match(text, pos)
        if step is None:
            break
        token_end = step.end(1)
        token = text[pos:token_end]
        if _holds_glued_stop(token) and (glued := _GLUED_STOP.search(text, pos, token_end)):
            return glued.start()  # "UBNDngày 26/11/2003", "pháp luậtcủa": a stop word glued to the name
        if stop_at_and and token.startswith(_AND_WORDS) and (after := _AND.match(text, pos)):
            nxt = after.end()
            if grammar().type_word.match(text, nxt) or _STOP.match(text, nxt):
                break
        end = token_end
        count += 1
        if step.start(2) < 0:  # no gap after the token
            # A comma inside a name ("Luật Phòng, chống tham nhũng") is followed by lower case.
            comma = _NAME_COMMA.match(text, end) or (_OFFICE_COMMA.match(text, end) if issuer else None)
            if comma is None or _STOP.match(text, comma.end()):
                break
            pos = comma.end()
            continue
        pos = step.end()
    return end


def _holds_glued_stop(words: str) -> bool:
    """Whether words may hold a stop word glued to a name ("UBNDngày", "CHÍNH PHỦNGÀY"): see _GLUED_STOP."""
    return any(stop in words for stop in _GLUED_STOP_WORDS)


def _tail(text: str, m: Mention) -> None:
    """Read the date, issuer, renamed issuer and title that follow a mention."""
    g = grammar()
    slot = g.date_slots
    pos = m.end
    # "Luật Tổ chức HĐND và UBND (sửa đổi) ngày 21/6/1994"
    amended = _AMENDED_NOTE.match(text, _spaces_end(text, pos)) if _next_char(text, pos) in "(" else None
    at = amended.end() if amended else pos
    after = _next_char(text, at)
    if after in "sS" and (blank := _BLANK_SO.match(text, at)):
        at = blank.end()  # "Luật Quy hoạch đô thị số ngày 17/6/2009": a number left out
    elif after not in "tTh" or m.symbol is None:
        pass  # no unit word ("tỉnh", "thành phố", "huyện") follows a local code
    elif unit := _UNIT_AFTER_CODE.match(text, at):
        at = unit.end()  # "Nghị quyết 10/2016/NQ-HĐND tỉnh ngày 7/12/2016": the code's body named on
    elif (unit := _UNIT_NAMED_AFTER_CODE.match(text, at)) and (
        name_end := _read_words(text, unit.end(), 4, issuer=True)
    ) > unit.end():  # "Quyết định số 13/QĐ-UBND tỉnh Bình Định": the body and its province right after the code
        m.issuer = squash(f"{unit.group('body')} {unit.group('unit')} {text[unit.end() : name_end]}")
        at = pos = name_end
    d = g.date_after.match(text, at) if _may_be_date(_next_char(text, at)) else None
    if d and ((groups := d.groups())[slot["d"]] or groups[slot["d2"]] or groups[slot["yy"]]):
        date, year = _date_of(d, groups)
        if date or year:
            m.date = date or m.date
            if m.year is None or (year and not m.symbol) or (year and m.date):
                m.year = year if m.year is None else m.year
            pos = d.end()
            if _next_char(text, pos) == "(" and (note := _AMENDED_NOTE.match(text, _spaces_end(text, pos))):
                pos = note.end()  # "Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017)"
    iss = g.issuer_after.match(text, pos) if _next_char(text, pos) in "cCg" else None  # "của", "giữa"
    if iss:
        end = _read_words(text, iss.end(), 16, issuer=True)
        broken = _CAPITAL_BREAK.match(text, end, end + 40) if end > iss.end() else None
        if broken and _body_goes_on(text[iss.end() : end]):
            end = max(end, _read_words(text, broken.end(), 12, issuer=True))  # "CỦA ỦY\nBAN …", "Ban Thường vụ\nTỉnh"
        if end > iss.end():
            m.issuer = squash(text[iss.end() : end])
            pos = end
            now = _NOW.match(text, _spaces_end(text, pos)) if _next_char(text, pos) in "(" else None
            if now:
                m.issuer_now = squash(now.group(1))
                pos = now.end()
            if m.date is None:
                d = g.date_after.match(text, pos)
                if d and ((groups := d.groups())[slot["d"]] or groups[slot["d2"]]):
                    m.date, year = _date_of(d, groups)
                    m.year = m.year or year
                    pos = d.end()
    if m.date is None and _next_char(text, pos) in "đĐdDtTbBkK" and (passed := _PASSED_ON.match(text, pos)):
        m.date, year = iso_date(passed)
        m.year = m.year or year
        pos = passed.end()
    if (
        m.date is None
        and _ISSUED_JUST_BEFORE.search(text, max(0, m.start - 24), m.start)
        and (before := _DATED_BEFORE.search(text, max(0, m.start - 200), m.start))
    ):
        year = int(before.group("y")) if before.group("y") else m.year
        if year is not None:
            m.date = calendar_date(before.group("d"), before.group("m"), year)
            m.year = m.year or year
    m.tail = pos
    next_char = _next_char(text, pos)
    t = _TITLE_START.match(text, pos) if not next_char or next_char in _TITLE_FIRST else None
    if t:
        start = t.start(1)  # the title
        stop = _TITLE_END.search(text, start, start + 500)
        if stop and (quoted := _QUOTED.match(text, stop.start(), start + 500)):
            stop = None  # 'về "Xây dựng và phát triển …" và …': the quoted words are the title
            end = quoted.end()
        else:
            end = stop.start() if stop else min(len(text), start + 500)
            end = capitals_end(text, start, end)  # "… THÚ Y Căn cứ …", "… THEO (Kèm"
        title = squash(text[start:end])
        m.title = (title.rstrip(",") if stop and stop.group("amendment") else title) or None
        m.title_end = end
    else:
        m.title_end = pos


def _body_goes_on(words: str) -> bool:
    """Whether the words read of an issuer end in only the first words of a body's name ("ỦY", "Ban Thường vụ", "BỘ
    TRƯỞNG BỘ"), so that they go on after a line break before a capital. A prefix that ends in a space ("bo ") is
    followed by the body's own name."""
    folded = fold(words).split()
    for k in range(max(0, len(folded) - 3), len(folded)):
        read = " ".join(folded[k:]) + " "
        if any(prefix.startswith(read) and (len(prefix) > len(read) or prefix[-1] == " ") for prefix in _prefixes()):
            return True
    return False


@cache
def _prefixes() -> tuple[str, ...]:
    return tuple(prefix for prefix, _ in vocabulary().levels)


def _spaces_end(text: str, pos: int) -> int:
    """The end of the white space at `pos`."""
    spaces = _SPACES.match(text, pos)
    assert spaces is not None  # "\s*" matches everywhere
    return spaces.end()


def _next_char(text: str, pos: int) -> str:
    """The character after the white space and the comma at `pos` (where _tail's patterns begin with spaces, a comma,
    white space), or "" when a short window holds none: what a match would have to begin with, found without one."""
    rest = text[pos : pos + 24].lstrip(" \t")
    if rest[:1] == ",":
        rest = rest[1:]
    return rest.lstrip()[:1]


def _may_be_date(char: str) -> bool:
    """Whether a date ("ngày 5/3/2020", "5/3/2020", "năm 2020") may begin with `char` (see _next_char)."""
    return not char.isalpha() or char in "nN"


_DATES: dict[tuple[str | None, ...], tuple[str | None, int | None]] = {}


def _date_of(d: regex.Match[str], groups: tuple[str | None, ...]) -> tuple[str | None, int | None]:
    """iso_date of a date_after match, memoised on its groups (the same dates recur in a text)."""
    found = _DATES.get(groups)
    if found is None:
        if len(_DATES) >= 4096:
            _DATES.clear()
        found = _DATES[groups] = iso_date(d)
    return found


def symbol_parts(sm: regex.Match[str]) -> tuple[str, list[str]]:
    """The canonical symbol of a grammar match and its codes (type code first where there is one)."""
    slot = grammar().symbol_slots
    groups = sm.groups()  # by position: a group looked up by name costs several times more
    old = groups[slot["codes_o"]]
    written_codes = (
        groups[slot["codes_n"]] or groups[slot["codes_a"]] or groups[slot["codes_p"]] or old or groups[slot["codes_g"]]
    )
    rest, codes = _symbol_rest(written_codes, groups[slot["pcode"]], groups[slot["year"]], "-" if old else "/")
    return groups[slot["num"]] + rest, list(codes)


@lru_cache(maxsize=16384)
def _symbol_rest(written_codes: str, pcode: str | None, year: str | None, lead: str) -> tuple[str, tuple[str, ...]]:
    """A symbol after its number, and its codes (memoised: "/QĐ-TTg", "/2020/NĐ-CP" repeat)."""
    parts = canonical_codes(written_codes)
    codes = tuple(c for _, c in parts)
    written = "".join(s + c for s, c in parts)
    if pcode is not None:
        canonical = canonical_codes(pcode)[0][1]
        return f"-{canonical}/{written}", (canonical, *codes)
    if year:
        return f"/{year}/{written}", codes
    return f"{lead}{written}", codes


@lru_cache(maxsize=4096)
def _type_of_word(type_word: str) -> str | None:
    """The document type a written type word names ("Quyết  định" -> "Quyết định")."""
    return vocabulary().type_by_word.get(fold(squash(type_word)))


_PREFIX_REACH = 40  # how far before its number a symbol's type word and "số" are looked for


def _symbol_mention(text: str, sm: regex.Match[str]) -> Mention | None:
    g = grammar()
    slot = g.symbol_slots
    groups = sm.groups()
    party = groups[slot["pcode"]] is not None
    symbol, codes = symbol_parts(sm)
    year = int(groups[slot["year"]]) if groups[slot["year"]] else None
    number = groups[slot["num"]]
    start = sm.start()
    pre = g.prefix.search(text, max(0, start - _PREFIX_REACH), start)
    type_word, so = pre.group(g.prefix_slots["tw"] + 1, g.prefix_slots["so"] + 1) if pre else (None, None)
    has_so = bool(so)
    if type_word is None and not has_so and start > 0 and text[start - 1].isalpha():
        return None
    if type_word is None and (groups[slot["codes_o"]] or groups[slot["codes_g"]]):
        return None  # "Nghị định 64-CP" is an old symbol, "Mẫu số 01-KK" a form; "số 12QĐ-UBND" needs its type word
    if year is None and not party and "-" not in symbol and type_word is None and not has_so:
        known = vocabulary().type_by_code
        if not any(fold(c) in known for c in codes):
            return None
    if pre and pre.start() < start:
        start = pre.start()
    doc_type = _refined(_type_of_word(type_word), codes, party) if type_word else None
    if doc_type is None:
        doc_type = type_from_codes(codes, party)
    form = "number_only" if type_word is None else "full"
    return Mention(
        start=start,
        end=sm.end(),
        kind="number",
        form=form,
        type=doc_type,
        symbol=symbol,
        number=number,
        year=year,
        local=_is_local(codes),
        party=party,
    )


def _partial_mention(text: str, pm: regex.Match[str]) -> Mention | None:
    tw = pm.group("tw")
    so = _SO_GAP.match(text, pm.end("tw"), pm.start("num"))
    if not (tw[0].isupper() or so):
        return None  # in lower case only with "số": "đã ký quyết định số 1785", not "quyết định 2 lần"
    unit = _TIME_UNIT.match(text, pm.end())
    if unit and not (so and _DATE_NEXT.match(text, unit.end())):
        return None  # "Kế hoạch 5 năm", but "nghị quyết số 66 ngày 30/4/2025"
    if "\n" in text[pm.end("tw") : pm.start("num")] and _LIST_NUMBER.match(text, pm.end("num")):
        return None  # "HƯỚNG DẪN\n3. Sở Tài chính …", "… hướng dẫn \n3 \n": a heading or a table cell, then a number
    doc_type = _type_of_word(tw)
    if doc_type in vocabulary().item_types():
        return None  # "Dự án 3 và Dự án 4 của Chương trình": items of a programme
    year = int(pm.group("year")) if pm.group("year") else None
    number = pm.group("num")
    symbol = f"{number}/{year}" if year else number
    return Mention(pm.start("tw"), pm.end(), "number", "short", doc_type, symbol, number, year, partial=True)


def _named_mention(text: str, nm: regex.Match[str]) -> Mention | None:
    """A law, code, ordinance or the constitution by name. In lower case only by a name the vocabulary knows
    ("căn cứ luật đất đai năm 2024", "luật sửa đổi, bổ sung một số điều của luật đất đai"): else "luật" is the word
    for law in general."""
    tw = nm.group("tw")
    if _NOT_A_LAW.search(text, max(0, nm.start() - 8), nm.start()):
        return None
    lower = not tw[0].isupper()
    doc_type = _type_of_word(tw)
    pos = nm.end()
    gap = rx(r"[ \t]+|[ \t]*\n\s*").match(text[pos : pos + 20])
    if doc_type == "Hiến pháp":
        end = nm.end()
        if rest := _COUNTRY.match(text, end, end + 60):
            end = rest.end()
        elif lower and not _YEAR_AFTER.match(text, end, end + 12):
            return None  # "theo hiến pháp và pháp luật": the word; "hiến pháp năm 2013", "hiến pháp nước …": the one
        return Mention(nm.start(), end, "name", "name", doc_type, None, None, None, name="Hiến pháp")
    if gap is None:
        return None
    first = pos + gap.end()
    if _AND.match(text, first):
        return None  # "LUẬT VÀ CÁC VĂN BẢN": no name follows
    known = _known_law_end(text, first)
    if lower and known == first and text[first : first + 1] not in "sS":
        return None  # in lower case, neither a known name nor "sửa đổi …"
    amending = _AMENDING_LAW.match(text, first)
    if lower:
        if not (known > first or amending):
            return None
    elif not (known > first or text[first : first + 1].isupper() or _AMENDING_OR_NUMBER.match(text, first, first + 8)):
        return None
    if rx(rf"{SO}\s*:?\s*\d").match(text[first : first + 12]):
        return None  # "Luật số 57/2024/QH15": a numbered citation, found by the symbol grammar
    if amending and _PLURAL.search(text, max(0, nm.start() - 8), nm.start()):
        return None  # "các Luật sửa đổi, bổ sung một số điều của Luật A": no one law; Luật A is read on its own
    if amending:
        # "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B": one law, named after those it amends.
        end = amending.end()
        while True:
            inner = grammar().named.match(text, end)
            if inner is None:
                # "… của 11 Luật có liên quan đến quy hoạch", "… của các Luật liên quan đến đầu tư xây dựng cơ bản"
                count = rx(
                    r"(?:\d+|(?i:các|cac))\s+(?i:lu[ậa]t)(?:\s+(?!(?i:ngày|năm|số|ngay|nam|so)(?!\p{L}))(?:\p{Ll}+|\p{Lu}+(?!\p{Ll}))){0,12}"
                ).match(text[end : end + 120])
                if count:
                    end += count.end()
                break
            words = rx(r"\s+").match(text[inner.end() : inner.end() + 20])
            start = inner.end() + (words.end() if words else 0)
            inner_end = _known_law_end(text, start)
            if lower and inner_end == start:
                return None  # in lower case, the laws amended are known ones too
            end = inner_end if lower else max(_read_words(text, start, 24), inner_end)
            more = _NEXT_LAW.match(text, end, end + 16)
            if more is None:
                break
            end = more.end()
        if lower and end == amending.end():
            return None
        end = first + len(text[first:end].rstrip())  # "Luật sửa đổi, bổ sung một số điều của " and no law named
    else:
        end = known if lower else max(capitals_end(text, first, _read_words(text, first, 24)), known)
    year = None
    if trailing := _TRAILING_YEAR.search(text, first, end):
        end, year = trailing.start(), int(trailing.group(1))  # "Luật tổ chức chính quyền địa phương 2015"
    if end <= first:
        return None
    name = squash(text[nm.start() : end])
    return Mention(nm.start(), end, "name", "name", doc_type, None, None, year, name=name[:1].upper() + name[1:])


def find_mentions(text: str) -> list[Mention]:
    """Every mention in `text`, in text order, with its own fields read."""
    mentions: list[Mention] = []
    taken = _Spans()
    numbers: list[tuple[int, int]] = []  # the symbols' own spans, in text order
    runs = [d.span() for d in _DIGITS.finditer(text)]
    for sm in _symbols(text, runs):
        m = _symbol_mention(text, sm)
        if m:
            mentions.append(m)
            taken.add(sm.start(), sm.end())
            numbers.append(sm.span())
    number_ends = [end for _, end in numbers]
    for nm in _named(text):
        m = _named_mention(text, nm)
        if m is None or taken.overlaps(m.start, m.end):
            continue
        # "Luật Thủ đô số 39/2024/QH15": the name and the number are one mention.
        follow = _symbol_after(mentions, numbers, number_ends, text, m.end)
        if follow is not None:
            follow.start = m.start
            follow.name = m.name
            follow.type = m.type  # "Luật Quy hoạch số 21/2017/QH14": a law, whatever words its name holds
            follow.kind = "name"
            taken.add(m.start, follow.end)  # the laws named inside an amending law's name
            continue
        mentions.append(m)
        taken.add(m.start, m.end)
    for pm in _partials(text, runs, taken):
        if taken.overlaps(pm.start("tw"), pm.end()):
            continue
        m = _partial_mention(text, pm)
        if m:
            mentions.append(m)
    mentions.sort(key=lambda m: m.start)
    for i, m in enumerate(mentions):
        _tail(text, m)
        near = max(0, m.start - 40)
        defined = any(text.find(word, near, m.start) >= 0 for word in _HERE) and _DEFINED.search(text, near, m.start)
        if defined or _names_again(text, mentions, i):
            m.form = "defined"
        before = text[max(0, m.start - 60) : m.start].lower()  # a pinpoint has one of these words:
        if any(word in before for word in _PINPOINT_WORDS) and (
            pin := _PINPOINT.search(text, max(0, m.start - 60), m.start)
        ):
            m.pinpoint = squash(pin.group("pin"))
    if "(" in text and any(text.find(word) >= 0 for word in _HERE):
        mentions = _with_bare_names(text, mentions)
    return mentions


# "(sau đây viết tắt là Nghị quyết)": a type word alone names the document just before it, from there on.
_DEFINED_BARE = regex.compile(
    loose(r"\(\s*(?i:sau\s+đây\s+(?:được\s+)?(?:viết|gọi)(?:\s+tắt)?\s+là)\s*:?\s*[\"“]?(?=\p{Lu})")
)
_BARE_END = regex.compile(r"[\"”]?\s*\)")
# A bare type word that is no use of the short name: "Nghị quyết này", "Nghị quyết số …", "Nghị quyết Đại hội",
# "dự thảo Nghị quyết", "các Nghị quyết".
_NOT_BARE_AFTER = regex.compile(loose(r"\s*(?:(?i:này|số)(?!\w)|[\d/:(]|\p{Lu})"))
_NOT_BARE_BEFORE = regex.compile(loose(r"(?i:(?:các|những|dự\s+thảo|một|mỗi)\s+)\Z"))
_WORD_CHAR = regex.compile(r"\w")
_WORD_BEFORE = regex.compile(r"\w\Z")
_BARE_REACH = 600  # the mention a short name stands after ends this close before it


def _with_bare_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions, with each type word that a definition makes a short name ("Căn cứ … Nghị quyết số 09-NQ/TW …
    (sau đây viết tắt là Nghị quyết), …") and its later uses alone ("đưa Nghị quyết đi vào thực tiễn"), up to the
    next definition of the same word. Each word is scanned once, so many definitions take linear time."""
    g = grammar()
    starts = [m.start for m in mentions]
    defined: dict[str, list[tuple[int, Mention]]] = {}  # word -> (where its definition is, what it names)
    for d in _DEFINED_BARE.finditer(text):
        tw = g.type_word.match(text, d.end())
        if tw is None or not _BARE_END.match(text, tw.end()):
            continue
        k = bisect_left(starts, d.start())
        named = next((m for m in reversed(mentions[max(0, k - 3) : k]) if m.symbol or m.name), None)
        if named is None or named.end < d.start() - _BARE_REACH or fold(tw.group()) != fold(named.type or ""):
            continue
        defined.setdefault(tw.group(), []).append((tw.start(), named))
    found: list[Mention] = []
    for word, definitions in defined.items():
        current = -1
        pos = definitions[0][0]
        while pos >= 0:
            end = pos + len(word)
            if current + 1 < len(definitions) and definitions[current + 1][0] == pos:
                current += 1
                found.append(_copy_of(definitions[current][1], pos, end, "defined"))
            elif not (
                _WORD_CHAR.match(text, end)
                or _WORD_BEFORE.search(text, max(0, pos - 1), pos)
                or _NOT_BARE_AFTER.match(text, end)
                or _NOT_BARE_BEFORE.search(text, max(0, pos - 12), pos)
                or _overlaps_any(mentions, starts, pos, end)
            ):
                found.append(_copy_of(definitions[current][1], pos, end, "short"))
            pos = text.find(word, end)
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _overlaps_any(mentions: list[Mention], starts: list[int], start: int, end: int) -> bool:
    """Whether text[start:end] overlaps one of `mentions` (in text order, not overlapping each other)."""
    k = bisect_left(starts, end)
    return k > 0 and mentions[k - 1].end > start


def _copy_of(named: Mention, start: int, end: int, form: str) -> Mention:
    """A mention at start:end of the document that `named` mentions."""
    return Mention(
        start, end, named.kind, form, named.type, named.symbol, named.number, named.year,
        name=named.name, local=named.local, party=named.party, partial=named.partial, tail=end, title_end=end,
    )  # fmt: skip


_OPEN_BRACKET = regex.compile(r"(?r)\(\s*\Z")
_CLOSE_BRACKET = regex.compile(r"\s*\)")
_SENTENCE_END = regex.compile(r"[.;]\s")


def _names_again(text: str, mentions: list[Mention], i: int) -> bool:
    """Whether mentions[i] stands alone in brackets after a fuller mention of the same document in the same
    sentence, as a short name for it: "Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị
    về … quốc gia (Nghị quyết số 57-NQ/TW), …"."""
    m = mentions[i]
    if i == 0 or m.symbol is None or m.partial:
        return False
    if not (_OPEN_BRACKET.search(text, max(0, m.start - 4), m.start) and _CLOSE_BRACKET.match(text, m.end)):
        return False
    for other in reversed(mentions[max(0, i - 8) : i]):
        if other.start < m.start - 600:
            break
        if other.symbol == m.symbol and other.form != "defined":
            return not _SENTENCE_END.search(text, other.end, m.start)
    return False


def _named(text: str) -> Iterator[regex.Match[str]]:
    """The matches of grammar().named.finditer(text), found faster: a law's name can only start at
    the word that ends in a tail such as "uật" (found by the stdlib engine) or at the word before."""
    g = grammar()
    if g.named_anchor is None:
        yield from g.named.finditer(text)
        return
    starts = set()
    for hit in g.named_anchor.finditer(text):
        word = hit.start() - 1  # the anchor is the second letter of the word
        if word >= 0:
            starts.add(word)
            if before := _WORD_BEFORE.match(text, 0, word):
                starts.add(before.start())
    end = 0
    for start in sorted(starts):
        if start >= end and (nm := g.named.match(text, start)):
            end = nm.end()
            yield nm


_WORD_BEFORE = regex.compile(r"(?r)\w+\s+")  # matched backwards from a given end
# Runs of digits, where symbols and partial numbers begin. `regex` tries a pattern that begins with a number at
# every digit of the text, and the look-behinds of these patterns cost far more than reading the text for digits.
_DIGITS = regex.compile(r"\d+")
_NUMBER_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđABCDEFGHIJKLMNOPQRSTUVWXYZĐ")  # "30c/NQ-CP", "30A/…"
_SO_END = frozenset(":oốOỐ")
_LOOKBACK = 40
# The words before most numbers of a text ("ngày 15 tháng 12 năm 2004"), where no partial number begins.
_DATE_WORDS = tuple(
    {f for w in ("ngày", "tháng", "năm") for v in (w, strip_diacritics(w)) for f in (v, v.title(), v.upper())}
)
_URGENCY_ENDS = frozenset(("khan", "toc"))  # "khẩn", "hỏa tốc" folded (see grammar.URGENCY)


def _symbols(text: str, runs: list[tuple[int, int]]) -> Iterator[regex.Match[str]]:
    """The matches of grammar().symbol.finditer(text), found faster: a symbol begins with a run of at most five
    digits, after no "/", "." or ",", and goes on with "/", "-", or white space and a type code."""
    g = grammar()
    code_starts = g.symbol_code_starts
    end = 0
    for start, stop in runs:
        if start < end or stop - start > 5 or (start and text[start - 1] in "/.,"):
            continue
        after = text[stop : stop + 8]
        if not (after[:1] in _NUMBER_LETTERS and after[1:2] == "/"):
            rest = after.lstrip()
            if (
                rest
                and rest[0] not in "/-"
                and rest[0] not in code_starts
                and not (rest[0].upper() in code_starts and "/" in rest)  # in lower case: "84 qđ/twđtn"
            ):
                continue
        if sm := g.symbol.match(text, start):
            end = sm.end()
            yield sm


def _partials(text: str, runs: list[tuple[int, int]], taken: _Spans) -> Iterator[regex.Match[str]]:
    """The matches of grammar().partial.finditer(text) that no mention has taken, found faster: a partial number
    of at most five digits follows a type word, then white space (or "số", ":", an urgency word), so one of the three
    words before it (five after an urgency word) ends in the letters of a type word's last word (a text cut by the
    look-back window is left to the grammar). A number inside a taken span is not read: its match would be dropped,
    and what it would have covered after the number is a year after "/", where no partial number begins."""
    g = grammar()
    ends = g.type_word_ends
    end = 0
    for start, stop in runs:
        if start < end or stop - start > 5 or not start:
            continue
        if not (text[start - 1].isspace() or text[start - 1] in _SO_END):
            continue
        if text[max(0, start - 7) : start].rstrip().endswith(_DATE_WORDS):
            continue  # a date's number (see _DATE_WORDS), found without splitting the words before it
        words = text[max(0, start - _LOOKBACK) : start].split()
        if (len(words) > 3 or start <= _LOOKBACK) and not any(_last_letters(w) in ends for w in words[-3:]):
            if not any(_last_letters(w) in _URGENCY_ENDS for w in words[-3:]):
                continue
            if not any(_last_letters(w) in ends for w in words[-5:]):
                continue  # "Công văn hỏa tốc số 77": the type word two words further back
        if taken.overlaps(start, start + 1):
            continue
        if pm := g.partial.match(text, start):
            end = pm.end()
            yield pm


@lru_cache(maxsize=4096)
def _last_letters(word: str) -> str:
    """The letters that end a word, folded: "(Luật" -> "luat"."""
    i = len(word)
    while i and word[i - 1].isalpha():
        i -= 1
    return fold(word[i:])


class _Spans:
    """The spans of text that mentions have taken, as their union: sorted, disjoint intervals, so that
    whether a span overlaps one costs a bisection (a text citing thousands of documents stays linear)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the last interval that starts before `end`
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        lo = bisect_left(self.ends, start)  # the intervals that overlap or touch [start, end)
        hi = bisect_right(self.starts, end)
        if lo < hi:
            start, end = min(start, self.starts[lo]), max(end, self.ends[hi - 1])
        self.starts[lo:hi] = [start]
        self.ends[lo:hi] = [end]


def _symbol_after(
    mentions: list[Mention], numbers: list[tuple[int, int]], number_ends: list[int], text: str, pos: int
) -> Mention | None:
    """The numbered mention (the first of `mentions`, whose symbols have the spans `numbers`) that holds
    the position after "số" at `pos`. Symbols end in text order, so the search starts at the first one
    that ends after it, and stops where a mention can no longer start early enough."""
    gap = rx(rf"\s*(?:{SO})\s*:?\s*").match(text[pos : pos + 12])
    if gap is None:
        return None
    target = pos + gap.end()
    for k in range(bisect_right(number_ends, target), len(numbers)):
        if numbers[k][0] - _PREFIX_REACH > target:
            break
        m = mentions[k]
        if m.kind == "number" and m.start <= target < m.end:
            return m
    return None
