"""What the store needs to know about the citing document beyond its header line: issuing body in its
proper spelling, level, province and its 2025 successor, signer, and the document that issues it."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from vbpl.models import Citation, DocumentIdentity
from vbpl.text import fold, line_matches, rx, squash
from vbpl.vocab import vocabulary

_LOCALITY = (("xa ", "xa"), ("phuong ", "xa"), ("thi tran ", "xa"), ("huyen ", "huyen"), ("quan ", "huyen"))
_SIGNER = regex.compile(
    r"(?m)^[ \t*|#]*(?:(?:TM|KT|TL|TUQ|Q)[./]\s*[^\n]*\n[ \t*|]*)*(?:PHÓ\s+)?"
    r"(?:CHỦ\s+TỊCH(?:\s+NƯỚC)?|GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|(?:TỔNG\s+)?BÍ\s+THƯ|CHÁNH\s+VĂN\s+PHÒNG|"
    r"TRƯỞNG\s+BAN|VIỆN\s+TRƯỞNG|CHỦ\s+NHIỆM|CHÁNH\s+ÁN|THỐNG\s+ĐỐC|TỔNG\s+KIỂM\s+TOÁN|TỔNG\s+THANH\s+TRA)"
    r"[^\n]{0,60}\n(?:[ \t*|]*(?:\(?[Đđ]ã\s+ký\)?|\[?[Kk]ý[^\n]{0,30})?[ \t*]*\n)*?[ \t*|]*"
    r"(?P<name>\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}*){1,4})[ \t*]*$"
)
# Where a match of _SIGNER can begin: a line break before what its first line opens with (see line_matches).
_SIGNER_LINE = re.compile(
    r"\n(?=[ \t*|#]*(?:(?:TM|KT|TL|TUQ|Q)[./]|PHÓ|CHỦ|GIÁM|BỘ|THỦ|TỔNG|BÍ|CHÁNH|TRƯỞNG|VIỆN|THỐNG))"
)
ATTACHED_WITHIN = 3000  # "(Ban hành kèm theo Quyết định số …)" sits under the title of the attached text


def describe(identity: DocumentIdentity, text: str, citations: list[Citation]) -> None:
    """Fill in the identity's issuer spelling, level, province, signer and attached_to, in place."""
    if identity.issuer:
        identity.issuer = _proper(identity.issuer)
    elif identity.symbol:
        identity.issuer = issuer_from_symbol(identity.symbol)
    elif identity.placeholder and (blank := rx(r"/[\w.&-]+").search(text, identity.start or 0, identity.end or 0)):
        identity.issuer = issuer_from_symbol(blank.group())
    identity.level = level_of(identity.issuer)
    if identity.level in _NATIONAL:
        identity.province = None
    if identity.province:
        if identity.issuer and identity.level not in _NATIONAL and not _unhyphened(identity.issuer).endswith(
            _unhyphened(identity.province)
        ):
            identity.issuer += " tỉnh " + identity.province
        identity.province_now = vocabulary().provinces.get(identity.province)
    identity.signer = signer_of(text)
    identity.attached_to = next(
        (c.id for c in citations if c.relation == "attached" and c.start < ATTACHED_WITHIN), None
    )


def _unhyphened(name: str) -> str:
    """A folded name with no space around its hyphens: "Bà Rịa-Vũng Tàu" and "Bà Rịa - Vũng Tàu" compare equal."""
    return rx(r"\s*-\s*").sub("-", fold(name))


_NATIONAL = {"central_party", "quoc_hoi", "chu_tich_nuoc", "thu_tuong", "chinh_phu", "bo"}


@lru_cache(maxsize=16384)
def level_of(issuer: str | None) -> str | None:
    """'Ủy ban nhân dân tỉnh Đồng Nai' → 'ubnd_tinh'; 'Bộ Tài chính' → 'bo'; levels come from levels.csv."""
    if not issuer:
        return None
    key = fold(squash(issuer)) + " "
    for prefix, level in vocabulary().levels:
        if key.startswith(prefix):
            if level in ("hdnd", "ubnd"):
                rest = key[len(prefix) :]
                return level + "_" + next((lv for word, lv in _LOCALITY if f" {word}" in f" {rest}"), "tinh")
            return level
    return None


@lru_cache(maxsize=16384)
def _proper(issuer: str) -> str:
    """Names of bodies and provinces in their usual spelling ('Bộ tài chính' → 'Bộ Tài chính')."""
    key = fold(issuer)
    for known in vocabulary().issuers.values():
        if fold(known.name) == key:
            return known.name
    for province in vocabulary().provinces:
        folded = fold(province)
        if key.endswith(" " + folded):
            return issuer[: len(issuer) - len(province)] + province
    return issuer


def issuer_from_symbol(symbol: str) -> str | None:
    """The issuing body named by a symbol's codes: 'KH-SKHCN' → 'Sở Khoa học và Công nghệ'.

    A Sở code is 'S' + the code of its ministry (SKHCN ↔ BKHCN), so Sở names need no list of their own.
    """
    issuers = vocabulary().issuers
    names = []
    for code in rx(r"[-/]").split(symbol.split("/", 1)[-1]):
        key = fold(code)
        if key in issuers:
            names.append(issuers[key].name)
        elif key.startswith("s") and (ministry := issuers.get("b" + key[1:])):
            names.append("Sở " + ministry.name.removeprefix("Bộ "))
    return ", ".join(names) or None


def signer_of(text: str) -> str | None:
    """The person who signed: the name under the last title block (CHỦ TỊCH, GIÁM ĐỐC …) of the text."""
    found = None
    for m in line_matches(_SIGNER, _SIGNER_LINE, text):
        found = m.group("name")
    return found
