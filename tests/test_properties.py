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

# Real text damaged the way copies and PDF extraction damage it: characters inserted, dropped or replaced.
CORPUS = [p.read_text(encoding="utf-8") for p in [*SEEDS, *sorted((ROOT / "corpora" / "docs").glob("*.txt"))]]
EDITS = [*"/-–.,;:()|*#\n\t 0123456789Ðđ\u00a0\u0300\u0301\u0323", "số ", "ngày ", " tháng ", " năm ", "QĐ-UBND"]


def _damaged(start: int, edits: list[tuple[int, int, str]]) -> str:
    text = CORPUS[start % len(CORPUS)]
    begin = start % max(1, len(text) - 2000)
    chars = list(text[begin : begin + 2000])
    for where, how, what in edits:
        k = where % (len(chars) + 1)
        if how == 0:
            chars.insert(k, what)
        elif chars:
            chars[min(k, len(chars) - 1)] = what if how == 1 else ""
    return "".join(chars)


damaged_corpus = st.builds(
    _damaged,
    st.integers(min_value=0, max_value=10**7),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 2), st.sampled_from(EDITS)), max_size=30),
)

legal_text = st.one_of(
    legal_fragments,
    legal_fragments.map(nfd),
    legal_fragments.map(nfc),
)


# --- checks -------------------------------------------------------------------------------


def check_invariants(text: str, result: Extraction) -> None:
    if result.document is not None and result.document.date is not None:
        assert dt.date.fromisoformat(result.document.date).isoformat() == result.document.date
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


@PROPERTY_SETTINGS
@given(damaged_corpus)
def test_damaged_corpus_text(text: str) -> None:
    check_invariants(text, extract(text))


@pytest.mark.parametrize(
    "line", ["ngày 01 tháng 02 năm 3024", "ngày 01 tháng 02 năm 20245", "Số: 12/QĐ-UBND ngày 1 tháng 2 năm 1024"]
)
def test_a_date_line_with_no_possible_year_is_no_date(line: str) -> None:
    """A header date line whose year cannot be one (found by damaging corpus text) is not read as a date."""
    result = extract(line + "\n")
    assert result.document is None or result.document.date is None


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
