"""The extraction grammar: regular expressions compiled once from the vocabulary."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import regex

from vbpl.text import fold
from vbpl.vocab import NAMED_TYPES, vocabulary


def _strip_marks(text: str) -> str:
    return _drop_marks(text.replace("đ", "d").replace("Đ", "D"))


def _drop_marks(text: str) -> str:
    """The text without its tone and vowel marks, "đ" kept: what stripping combining marks leaves ("Nghi đinh")."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def loose(pattern: str) -> str:
    """A regular expression that also matches its words written without diacritics: each letter with marks becomes
    a class with its base letter ("sửa đổi" -> "s[ửu]a [đd][ổo]i"; inside a class the base letter is added)."""
    out: list[str] = []
    in_class = escaped = False
    for c in pattern:
        base = _strip_marks(c)
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]"
            if base != c and base.isalpha():
                out.append(c + base)
                continue
        elif c == "[":
            in_class = True
        elif base != c and base.isalpha():
            out.append(f"[{c}{base}]")
            continue
        out.append(c)
    return "".join(out)


def _words_pattern(phrase: str) -> str:
    """A phrase whose words may be separated by any white space, line breaks included."""
    return r"\s+".join(regex.escape(w) for w in phrase.split())


def loose_words(phrase: str) -> str:
    """Each word with or without its diacritics: 'Can cứ' and 'căn cu' are still 'căn cứ'."""
    return r"\s+".join(
        "(?:" + "|".join(regex.escape(v) for v in {w, _strip_marks(w)}) + ")" for w in phrase.split()
    )


def _code_forms(code: str) -> set[str]:
    """A type code as written, without diacritics, and in lower case ("QĐ", "QD", "qđ", "qd")."""
    forms = {code, _strip_marks(code)}
    return forms | {f.lower() for f in forms}


def _alternation(phrases: list[str], *, any_case: bool = False, reverse: bool = False) -> str:
    """The phrases and their forms without diacritics ("đ" as "d" or kept), as one group (a tree: see phrase_tree)."""
    forms = {p for p in phrases} | {_strip_marks(p) for p in phrases} | {_drop_marks(p) for p in phrases}
    return phrase_tree(forms, any_case=any_case, reverse=reverse)


def _cased_forms(phrases: list[str]) -> set[str]:
    """The phrases in the letter cases people write ("Luật", "LUẬT", "luật", "Bộ Luật"), with and
    without diacritics: explicit cases scan several times faster than a case-insensitive group."""
    cased = set()
    for p in phrases:
        cased |= {p, p.upper(), p.lower(), p.title(), p[:1].upper() + p[1:].lower()}
    return cased | {_strip_marks(p) for p in cased} | {_drop_marks(p) for p in cased}


def _tail_anchor(forms: set[str]) -> re.Pattern[str] | None:
    """A stdlib pattern for a letter followed by the rest of the last word of one of the forms
    ("uật" of "Luật"): a phrase of at most two words starts at that word or at the word before it.
    The stdlib engine finds such literals several times faster than `regex` finds the phrases."""
    words = [f.split() for f in forms]
    if not all(len(w) <= 2 and len(w[-1]) >= 2 and all(x.isalpha() for x in w) for w in words):
        return None
    firsts = "".join(sorted({w[-1][1] for w in words}))
    rests = "|".join(re.escape(r) for r in sorted({w[-1][2:] for w in words}, key=len, reverse=True))
    return re.compile(f"[{re.escape(firsts)}](?={rests})")


_GAP = object()  # the white space between two words


def phrase_tree(phrases: Iterable[str], *, any_case: bool = False, loose: bool = True, reverse: bool = False) -> str:
    """A group matching what the phrases joined longest first would match, written as a tree.

    `regex` tries the branches of an alternation one by one at every position, so a list of 40
    type words costs about 0.5 µs wherever it is tried; as a tree a position is rejected on its
    first letter. Words are separated by any white space when `loose`, else by one space. A tree
    for a case-insensitive group (`any_case`) is built on lower case letters. With `reverse` the
    tree is built from the ends of the phrases, for look-behinds and (?r) patterns, which read
    backwards. Of two phrases one of which begins the other, the longer is tried first, as in an
    alternation sorted by length; distinct branches cannot match the same text.
    """
    root: dict[object, dict] = {}
    for phrase in phrases:
        tokens: list[object] = []
        for i, word in enumerate(phrase.split() if loose else [phrase]):
            if i:
                tokens.append(_GAP)
            tokens.extend(word.lower() if any_case else word)
        node = root
        for token in reversed(tokens) if reverse else tokens:
            node = node.setdefault(token, {})
        node[None] = {}  # a phrase ends here

    def emit(node: dict[object, dict]) -> str:
        branches = []
        for token, child in node.items():
            if token is None:
                continue
            edge = r"\s+" if token is _GAP else regex.escape(str(token))
            branches.append(emit(child) + edge if reverse else edge + emit(child))
        if not branches:
            return ""
        if len(branches) == 1 and None not in node:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if None in node else group

    return emit(root)


SO = r"(?:[sS][ốoỐO])"  # "số", "so", "Số", "SỐ"
OPEN_END = r"(?<!\w)(?:của|và|tại|theo|về|ngày|số|các|cho|với)"  # a word that cannot end a line or a title
# Where a type word may begin: at a word's start, or glued after a lower-case letter when written with its capital
# (PDF text: "Thực hiệnQuyết định số 1489/QĐ-TTg").
GLUED_OR_WORD_START = r"(?:(?<!\w)|(?<=\p{Ll})(?=\p{Lu}))"
DAY = r"(?:ng[àa]y|NG[ÀA]Y|Ng[àa]y)"
MONTH = r"(?:th[áa]ng|TH[ÁA]NG)"
YEAR_WORD = r"(?:n[ăa]m|N[ĂA]M)"
OF = r"(?:c[ủu]a|C[ỦU]A)"
# How urgent a letter is, written between its type word and its number: "Công văn khẩn số 5995", "Công điện hỏa tốc".
URGENCY = r"(?:(?i:thượng\s+khẩn|khẩn|hỏa\s+tốc|hoả\s+tốc)\s+)"

DATE = rf"""
(?:
  (?P<d>\d{{1,2}})\s*[/.\-]\s*(?P<m>\d{{1,2}})\s*[/.\-]\s*(?P<y>(?:19|20)\d\d)(?!\d)
 |(?P<d2>\d{{1,2}})\s*{MONTH}\s*(?P<m2>\d{{1,2}})\s*,?\s*{YEAR_WORD}\s*(?P<y2>(?:19|20)\d\d)(?!\d)
)
"""


@cache
def grammar() -> Grammar:
    return Grammar()


class Grammar:
    """Every compiled pattern, built from the vocabulary data files."""

    def __init__(self) -> None:
        vocab = vocabulary()
        codes = sorted({i.code for i in vocab.issuers.values()} | set(vocab.canonical_code.values()), key=len)
        known = "|".join(regex.escape(c) for c in reversed(codes))
        # A known code ends before a capitalised word or a date or issuer word glued to it ("TT-BTNMTNgày đăng",
        # "70-TB/TWngày 06"); other codes run to the end of the word, and are not cut back to fit.
        glued = r"(?:\p{Lu}\p{Ll}|(?:ngày|của|ngay|cua|NGÀY|CỦA)(?!\p{L}))"
        code = rf"(?:(?=\p{{Lu}}[\p{{Lu}}&]*{glued})(?:{known})(?={glued})|[^\W\d_][\w&]*+(?:\.[^\W_][\w&]*+)*+)"
        code_up = rf"(?:(?i:{known})|\p{{Lu}}[\p{{Lu}}\d&]+)(?![\w&])"
        # "QĐ", "NĐ" …, also without diacritics or in lower case ("84 QD/TWDTN", "84 qđ/twđtn")
        type_codes = "|".join(
            sorted(
                {regex.escape(f) for t in vocab.types for c in t.codes if len(c) > 1 for f in _code_forms(c)}
            )
        )
        # A known code written in two parts is one code: "TTLT-BGD ĐT-BNV", "QĐ-BKH ĐT" (not "QĐ-UBND TP").
        parted = "|".join("[ ]?".join(regex.escape(ch) for ch in c) for c in reversed(codes) if len(c) > 3)
        two_parts = rf"(?<=\p{{Lu}})[ ]\p{{Lu}}+(?![\w&])(?<=(?<![\w&])(?:{parted}))"
        steps = (
            rf"(?:--|//|[-/])(?:{code})|(?:\s+[-/]\s*|[-/]\s+)(?:{code_up})"  # to the next code
            # its "-" lost at a line break after the type code of a normative symbol: "72/2013/NĐ\nCP"
            rf"|(?<=/(?:19|20)\d\d/(?:{type_codes}))[ \t]*\n[ \t]*(?:{known})(?![\w&])"
        )
        plain_codes = rf"{code}(?:{steps})*"
        codes_rx = rf"{code}(?:{steps}|{two_parts})*"
        self.symbol = regex.compile(
            rf"""
            (?<![\d/.,])(?<!\d-)(?P<num>\d{{1,5}}(?:[a-zđA-ZĐ](?=/))?)  # "30c/NQ-CP", "30A/2008/NQ-CP"
            (?:
               (?:\s*/\s*(?P<year>(?:19|20)\d\d)(?:\s*/{{1,2}}\s*|-|(?=[^\W\d_]))
                 # "18-2019-TT-BGDĐT" in file names and links: a number standing alone, not a year ("2021-2030-…")
                 |(?<=(?:^|[\s:(“"])\d{{1,5}})(?<!(?<!\d)(?:19|20)\d\d)-(?P<year>(?:19|20)\d\d)-(?=\p{{Lu}})
               )(?P<codes_n>{codes_rx})
              |(?:/{{1,2}}(?=[^\W\d_])|(?:\s+/\s*|/\s+)(?={code_up}))(?P<codes_a>{codes_rx})
              |(?:\s*-\s*(?P<pcode>{code})|\s+(?P<pcode>{type_codes}))\s*/\s*(?P<codes_p>{codes_rx})
              |-(?P<codes_o>\p{{Lu}}[\p{{Lu}}&]*g?)(?![\w&/\-])  # before 1993: "Nghị định 64-CP", "196-HĐBT"
              |(?=(?:{type_codes})[-/])(?P<codes_g>{codes_rx})  # its "/" lost: "Quyết định số 12QĐ-UBND"
            )
            (?:(?![\w&])|(?={glued}))
            """,
            regex.VERBOSE,
        )
        self.symbol_slots = {name: i - 1 for name, i in self.symbol.groupindex.items()}  # in .groups()
        # What a symbol's number is followed by (see find._symbols): "/", "-", or white space and a type code.
        self.symbol_code_starts = frozenset(c[0] for t in vocab.types for c in t.codes if len(c) > 1)
        self.code_up = regex.compile(code_up)
        type_words = _alternation(vocab.type_words(), any_case=True)
        type_words_back = _alternation(vocab.type_words(), any_case=True, reverse=True)  # read backwards
        self.type_word = regex.compile(rf"(?i:{type_words})")
        # Read backwards from a symbol: an optional type word, then an optional "số".
        self.prefix = regex.compile(
            rf"(?r)(?:(?P<tw>{GLUED_OR_WORD_START}(?i:{type_words_back}))\s*(?:\(\s*)?)?{URGENCY}?"
            rf"(?:(?P<so>{SO})\s*:?\s*)?\Z"
        )
        self.prefix_slots = {name: i - 1 for name, i in self.prefix.groupindex.items()}
        # Anchored on the number (a fast scan), the type word read in a look-behind: "Chỉ thị 20".
        self.partial = regex.compile(
            rf"""
            (?<!\d)(?P<num>\d{{1,5}})
            (?<=\p{{L}}[\s:]*\d{{1,5}})  # a cheap necessary condition before the type words are read
            (?<=(?P<tw>(?<!\w)(?i:{type_words_back}))\s+{URGENCY}?(?:{SO}\s*:?\s*)?\d{{1,5}})
            (?:\s*/\s*(?P<year>(?:19|20)\d\d))?
            (?![\w/\-]|\s*/|,\d|\.\w)  # "Nghị quyết số 66." ends a sentence; "số 12.345", "số 5.a" go on
            """,
            regex.VERBOSE,
        )
        # The last words of the type words, folded: a partial number follows one (see find._partials).
        self.type_word_ends = frozenset(fold(w.split()[-1]) for w in vocab.type_words())
        named_forms = _cased_forms(list(NAMED_TYPES))
        self.named = regex.compile(rf"(?<!\w)(?P<tw>{phrase_tree(named_forms)})(?!\w)")
        self.named_anchor = _tail_anchor(named_forms)  # see find._named
        # Anchored on the "/" of "số /KH-UBND"; the words before it are read in a look-behind. Its codes are read
        # without two-part codes, whose look-behind `regex` would weigh at every "/" of the text.
        self.placeholder = regex.compile(
            rf"/(?<=(?:(?P<tw>(?i:{type_words_back}))\s+)?(?P<so>{SO})\s*:?[ \t.…_]*/)\s*(?P<codes>{plain_codes})"
        )
        self.date = regex.compile(DATE, regex.VERBOSE)
        # After a symbol or name: ", ngày 31/8/2020", "ngày 31 tháng 8 năm 2020", "năm 2022".
        # A date on the next line needs its "ngày": "10/02/2009" opening a line is a table's next row.
        self.date_after = regex.compile(
            rf"""[ \t]*,?(?:
                (?:[ \t]*(?:\|[ \t]*(?=\d))?(?:{DAY}\s*)?|\s*{DAY}\s*){DATE}  # "| 12/2020/QĐ-UBND | 15/3/2020 |"
               |\s*(?P<yo>{YEAR_WORD}\s+(?P<yy>(?:19|20)\d\d)(?!\d))
            )""",
            regex.VERBOSE,
        )
        self.date_slots = {name: i - 1 for name, i in self.date_after.groupindex.items()}  # in .groups()
        self.issuer_after = regex.compile(rf"[ \t]*,?\s*(?:{OF}|gi[ữu]a)\s+")
        self.cues = regex.compile(
            "|".join(
                rf"(?<!\w)(?P<c{i}>{loose_words(cue)})(?-i:(?![\p{{Ll}}\d_]))" for i, (cue, _) in enumerate(vocab.cues)
            ),
            regex.IGNORECASE,
        )
        self.cue_relations = [rel for _, rel in vocab.cues]
