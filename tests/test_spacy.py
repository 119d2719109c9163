"""The spaCy component: registered by entry point, spans over tokens, fields as extensions, displaCy."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import spacy
from spacy import displacy
from spacy.language import Language
from spacy.tokens import DocBin

from vbpl import extract
from vbpl.spacy_component import RELATION_COLORS, SPANS_KEY, displacy_options

SEED = Path(__file__).parent.parent / "corpora" / "seeds" / "000_2ee7c834c98d6cc5.txt"


def blank() -> Language:
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = blank()
    nlp.add_pipe("vbpl_citations")
    return nlp


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_registered_through_the_entry_point() -> None:
    """`add_pipe` by name in a fresh pipeline, with no import of vbpl by the caller."""
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert "vbpl_citations" in names
    nlp = blank()
    nlp.add_pipe("vbpl_citations", config={"label": "type"})
    assert nlp.pipe_names == ["vbpl_citations"]
    doc = nlp("Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ;")
    assert [s.label_ for s in doc.spans[SPANS_KEY]] == ["Quyết định"]


def test_bad_label_option_is_refused() -> None:
    with pytest.raises(ValueError, match="label"):
        blank().add_pipe("vbpl_citations", config={"label": "colour"})


def test_spans_and_fields_on_a_seed_plan(nlp: Language, seed_text: str) -> None:
    doc = nlp(seed_text)
    citations = extract(seed_text).citations
    spans = list(doc.spans[SPANS_KEY])
    assert len(spans) == len(citations) >= 7
    for span, c in zip(spans, citations, strict=True):
        assert span.start_char <= c.start < c.end <= span.end_char
        assert (span._.vbpl_start, span._.vbpl_end, span._.vbpl_text) == (c.start, c.end, c.text)
        assert span.label_ == c.relation
        assert span._.vbpl_citation == c
    first = spans[0]
    assert first.text == "Quyết định số 1322/QĐ-TTg"
    assert (first._.vbpl_type, first._.vbpl_symbol, first._.vbpl_date) == ("Quyết định", "1322/QĐ-TTg", "2020-08-31")
    assert (first._.vbpl_relation, first._.vbpl_id) == ("basis", "quyet-dinh/1322-qd-ttg/2020")
    assert doc._.vbpl_document.province == "Đồng Nai"
    assert doc._.vbpl_document.type == "Kế hoạch"


def test_fields_survive_a_docbin(nlp: Language, seed_text: str) -> None:
    """Extension values are plain data, so a DocBin with user data keeps them."""
    doc = nlp(seed_text)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(blank().vocab)
    assert [s._.vbpl_citation for s in back.spans[SPANS_KEY]] == [s._.vbpl_citation for s in doc.spans[SPANS_KEY]]
    assert back._.vbpl_document == doc._.vbpl_document


def test_displacy_renders_every_citation(nlp: Language, seed_text: str) -> None:
    doc = nlp(seed_text)
    html = displacy.render(doc, style="span", options=displacy_options())
    highlighted = re.findall(r'<span style="font-weight: bold[^>]*>\s*(\S+)', html)
    assert highlighted == [t.text for s in doc.spans[SPANS_KEY] for t in s if not _inside_earlier(s, t, doc)]
    for relation in {s.label_ for s in doc.spans[SPANS_KEY]}:
        assert re.search(rf"background: {RELATION_COLORS[relation]};[^>]*>\s*{relation}\s*</span>", html)


def _inside_earlier(span: spacy.tokens.Span, token: spacy.tokens.Token, doc: spacy.tokens.Doc) -> bool:
    """displaCy draws a token once, however many spans cover it."""
    return any(o.start <= token.i < o.end for o in doc.spans[SPANS_KEY] if o.start < span.start)


def test_nfd_and_nbsp_input_keeps_exact_spans(nlp: Language, seed_text: str) -> None:
    """Decomposed accents and no-break spaces change every offset; spans must still land on the citations."""
    messy = unicodedata.normalize("NFD", seed_text.replace("số ", "số\u00a0").replace("định ", "định\u00a0"))
    assert messy != seed_text
    doc = nlp(messy)
    spans = list(doc.spans[SPANS_KEY])
    clean_doc = nlp(seed_text)
    clean = list(clean_doc.spans[SPANS_KEY])
    assert [s._.vbpl_id for s in spans] == [s._.vbpl_id for s in clean]
    for span in spans:
        assert messy[span._.vbpl_start : span._.vbpl_end] == span._.vbpl_text
        assert span.start_char <= span._.vbpl_start < span._.vbpl_end <= span.end_char
        assert unicodedata.normalize("NFC", span._.vbpl_text).replace("\u00a0", " ") in {s._.vbpl_text for s in clean}
    assert spans[0].text == unicodedata.normalize("NFD", "Quyết định\u00a0số\u00a01322/QĐ-TTg")
