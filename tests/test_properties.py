"""Property tests for `vbpl.extract`: it never crashes, its spans are honest, and NFD input reads as NFC."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vbpl import Citation, Extraction, extract

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))

RELATIONS = {"basis", "implements", "replaces", "repeals", "amends", "attached", "proposal", "mentions"}

PROPERTY_SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# --- strategies ---------------------------------------------------------------------------

_SAMPLE = "Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ"

FRAGMENTS = [
    "Quyết định số ",
    "1322/QĐ-TTg",
    "ngày 31/8/2020",
    "của ",
    "Căn cứ ",
    "\n",
    "/",
    "-",
    "số",
    "số ",
    " ",
    "Ð",  # eth, a look-alike of Đ
    "\u00a0",  # no-break space
    "–",  # en dash
    "\u0301",  # combining acute accent
    "\u0323",  # combining dot below
    nfd(_SAMPLE),
    nfd("Nghị định số 15/2020/NĐ-CP"),
    nfd("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
    "Nghị định ",
    "Thông tư ",
    "Luật ",
    "Nghị quyết ",
    "năm 2020",
    "tháng ",
    "Điều 5 ",
    "khoản 2 ",
    "sửa đổi, bổ sung ",
    "thay thế ",
    "bãi bỏ ",
    "ban hành kèm theo ",
    "/NĐ-CP",
    "/QĐ-UBND",
    "/2020/TT-BTC",
    ";",
    ",",
    ".",
    "(",
    ")",
    '"',
]

legal_fragments = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.integers(min_value=0, max_value=99999).map(str),
        st.text(max_size=3),
    ),
    max_size=40,
).map("".join)

legal_text = st.one_of(
    legal_fragments,
    legal_fragments.map(nfd),
    legal_fragments.map(nfc),
)


# --- checks -------------------------------------------------------------------------------


def check_invariants(text: str, result: Extraction) -> None:
    for c in result.citations:
        assert isinstance(c, Citation)
        assert 0 <= c.start < c.end <= len(text), (c.start, c.end, len(text))
        assert text[c.start : c.end] == c.text, (text[c.start : c.end], c.text)
        assert c.relation in RELATIONS, c.relation
        if c.date is not None:
            parsed = dt.date.fromisoformat(c.date)
            assert parsed.isoformat() == c.date, c.date
        assert isinstance(c.id, str) and c.id, c.id


@PROPERTY_SETTINGS
@given(st.text())
def test_any_text(text: str) -> None:
    check_invariants(text, extract(text))


@PROPERTY_SETTINGS
@given(legal_text)
def test_legal_fragments(text: str) -> None:
    check_invariants(text, extract(text))


# --- NFD reads as NFC ---------------------------------------------------------------------


def _summary(c: Citation) -> tuple[str | None, ...]:
    return (c.kind, c.type, c.symbol, c.date, c.relation, c.id)


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_nfd_matches_nfc(path: Path) -> None:
    composed = nfc(path.read_bytes().decode("utf-8"))
    decomposed = nfd(composed)
    assert composed != decomposed, "seed has no accented characters: the test would prove nothing"
    want = extract(composed)
    got = extract(decomposed)
    check_invariants(composed, want)
    check_invariants(decomposed, got)
    assert want.citations, f"no citations in {path.name}"
    assert [_summary(c) for c in got.citations] == [_summary(c) for c in want.citations]
    for g, w in zip(got.citations, want.citations, strict=True):
        assert decomposed[g.start : g.end] == nfd(w.text), (g.text, w.text)


def test_seeds_exist() -> None:
    assert SEEDS, "no seed texts under corpora/seeds"
