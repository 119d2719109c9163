"""vbpl as a spaCy pipeline component: citations as `doc.spans["vbpl_citations"]`.

Registered under the name ``vbpl_citations`` through the ``spacy_factories`` entry point, so any
pipeline can ``nlp.add_pipe("vbpl_citations")`` once vbpl is installed::

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vbpl_citations")
    doc = nlp(text)
    for span in doc.spans["vbpl_citations"]:
        span.label_, span._.vbpl_symbol, span._.vbpl_date, span._.vbpl_relation, span._.vbpl_id

Every field of `vbpl.models.Citation` is a span extension ``vbpl_<field>`` holding a plain value (so
`DocBin(store_user_data=True)` keeps them); ``span._.vbpl_citation`` rebuilds the `Citation`.
``doc._.vbpl_document`` is the document's own identity from its header. Blank-number drafts go to
``doc.spans["vbpl_placeholders"]``.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc, Span

from vbpl.extract import extract
from vbpl.models import Citation, DocumentIdentity

COMPONENT = "vbpl_citations"
SPANS_KEY = "vbpl_citations"
PLACEHOLDERS_KEY = "vbpl_placeholders"
CITATION_FIELDS = tuple(f.name for f in fields(Citation))

# displaCy colours by relation, the hues of `vbpl show` (vbpl/render.py) as light backgrounds.
RELATION_COLORS = {
    "basis": "#b7e4c7",
    "implements": "#a5e3ec",
    "replaces": "#e5b8f4",
    "repeals": "#f8b4b4",
    "amends": "#fde68a",
    "attached": "#bfd7ff",
    "proposal": "#d6d6d6",
    "mentions": "#eeeeee",
}

Label = Literal["relation", "type"]


def _field(name: str) -> str:
    return f"vbpl_{name}"


def _citation_of(span: Span) -> Citation | None:
    values = {name: span._.get(_field(name)) for name in CITATION_FIELDS}
    if values["start"] is None:
        return None
    values["amended_by"] = list(values["amended_by"] or [])
    return Citation(**values)


def _document_of(doc: Doc) -> DocumentIdentity | None:
    data = doc._.vbpl_document_data
    return DocumentIdentity(**data) if data else None


def register_extensions() -> None:
    """Declare the extensions; idempotent, and done on import so that reading a saved Doc works."""
    for name in CITATION_FIELDS:
        Span.set_extension(_field(name), default=None, force=True)
    Span.set_extension("vbpl_citation", getter=_citation_of, force=True)
    Doc.set_extension("vbpl_document_data", default=None, force=True)
    Doc.set_extension("vbpl_document", getter=_document_of, force=True)


register_extensions()


class CitationComponent:
    """Runs `vbpl.extract` on the whole text and lays the citations over the tokens.

    Offsets from `extract` are characters of ``doc.text`` (whatever NFC/NBSP/look-alike folding
    happened inside), so `Doc.char_span` with ``alignment_mode="expand"`` maps them onto the tokens
    that cover them. The exact character span stays in ``span._.vbpl_start``/``vbpl_end``.
    """

    def __init__(self, name: str = COMPONENT, spans_key: str = SPANS_KEY, label: Label = "relation") -> None:
        if label not in ("relation", "type"):
            raise ValueError(f"label must be 'relation' or 'type', not {label!r}")
        self.name = name
        self.spans_key = spans_key
        self.label = label

    def __call__(self, doc: Doc) -> Doc:
        result = extract(doc.text)
        doc._.vbpl_document_data = result.document.to_dict() if result.document else None
        spans: list[Span] = []
        for citation in result.citations:
            span = doc.char_span(citation.start, citation.end, label=self._label(citation), alignment_mode="expand")
            if span is None or (spans and (spans[-1].start, spans[-1].end) == (span.start, span.end)):
                continue  # two citations inside one token: extension values are keyed by position
            for name, value in asdict(citation).items():
                span._.set(_field(name), value)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc.spans[PLACEHOLDERS_KEY] = [
            span
            for p in result.placeholders
            if (span := doc.char_span(p.start, p.end, label="placeholder", alignment_mode="expand")) is not None
        ]
        return doc

    def _label(self, citation: Citation) -> str:
        if self.label == "type":
            return citation.type or citation.kind
        return citation.relation


@Language.factory(
    COMPONENT,
    default_config={"spans_key": SPANS_KEY, "label": "relation"},
    assigns=["doc.spans", "doc._.vbpl_document_data"],
)
def make_citation_component(nlp: Language, name: str, spans_key: str, label: Label) -> CitationComponent:
    """The factory behind ``nlp.add_pipe("vbpl_citations")``."""
    return CitationComponent(name, spans_key, label)


def displacy_options(spans_key: str = SPANS_KEY, **extra: Any) -> dict[str, Any]:
    """Options for ``displacy.render(doc, style="span", options=...)``: our key and relation colours."""
    return {"spans_key": spans_key, "colors": dict(RELATION_COLORS), **extra}
