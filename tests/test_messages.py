"""Messages as data: every message in English and Vietnamese with the same placeholders; rendering by language."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from vbpl.messages import LANGUAGES, Date, Joined, catalogue, msg, placeholders
from vbpl.registry import STATUSES
from vbpl.status import ACTS

PACKAGE = Path(__file__).resolve().parent.parent / "vbpl"


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    texts = catalogue()[key]
    assert all(texts[lang].strip() for lang in LANGUAGES), key
    assert placeholders(texts["en"]) == placeholders(texts["vi"]), key


def test_every_key_the_code_names_exists() -> None:
    named = {m for path in PACKAGE.rglob("*.py")
             for m in regex.findall(r"""\bmsg\(\s*"([\w.]+)"\s*[,)]""", path.read_text(encoding="utf-8"))}
    named |= {f"status.{s}" for s in STATUSES if s not in ("replaced", "amended")}
    named |= {f"evidence.{k}" for k in (*ACTS.values(), "expired")}
    named |= {f"evidence.planned_{k}" for k in ACTS.values()}
    named |= {"check.repealed", "check.expired"}
    assert len(named) > 40
    assert sorted(named - set(catalogue())) == []


def test_vietnamese_is_written_with_its_diacritics() -> None:
    vietnamese = " ".join(t["vi"] for t in catalogue().values())
    for phrase in ("đã được thay thế bởi", "được viện dẫn mà không kèm văn bản sửa đổi",
                   "đang dự thảo văn bản thay thế", "hết hiệu lực", "bãi bỏ"):
        assert phrase in vietnamese


def test_rendering_picks_the_language_and_writes_dates_as_its_readers_do() -> None:
    said = msg("check.replaced", label="Luật KH&CN (2013)", when=msg("check.since", date=Date("2025-10-01")),
               successor="Luật số 93/2025/QH15", follows=None, evidence=Joined(("a", "b")))
    assert said.render("en") == "Luật KH&CN (2013) was replaced from 2025-10-01 by Luật số 93/2025/QH15 — a; b"
    assert said.render("vi") == "Luật KH&CN (2013) đã được thay thế bởi Luật số 93/2025/QH15 từ ngày 01/10/2025 — a; b"
    assert str(said) == said.render("en")
    with pytest.raises(ValueError):
        said.render("fr")  # type: ignore[arg-type]


def test_a_message_refuses_unknown_keys_and_wrong_parameters() -> None:
    with pytest.raises(KeyError):
        msg("check.no_such_message")
    with pytest.raises(TypeError):
        msg("check.unresolved")  # {label} missing
    with pytest.raises(TypeError):
        msg("check.unresolved", label="x", extra="y")
