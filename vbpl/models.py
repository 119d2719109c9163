"""Plain data classes for what the extractor finds."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

RELATIONS = ("basis", "implements", "replaces", "repeals", "amends", "attached", "proposal", "mentions")


@dataclass(slots=True)
class Citation:
    """One mention of another document, with the span it occupies in the original text."""

    start: int
    end: int
    text: str
    kind: str  # "number" | "name"
    form: str  # "full" | "short" | "defined" | "list" | "number_only" | "name"
    type: str | None
    symbol: str | None
    date: str | None
    year: int | None
    issuer: str | None
    title: str | None
    relation: str
    id: str
    name: str | None = None
    scope: str | None = None
    pinpoint: str | None = None
    issuer_now: str | None = None
    amended_by: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class DocumentIdentity:
    """The citing document's own identity, read from its header."""

    type: str | None
    symbol: str | None
    date: str | None
    issuer: str | None
    place: str | None
    title: str | None
    placeholder: bool = False
    province: str | None = None
    province_now: str | None = None  # the province's 2025 successor when it was merged
    level: str | None = None  # "central_party", "quoc_hoi", "chinh_phu", "thu_tuong", "bo", "tinh_uy", ...
    signer: str | None = None
    attached_to: str | None = None  # id of the document that issues this one ("Ban hành kèm theo …")
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Placeholder:
    """A blank-number draft reference ("Kế hoạch số /KH-UBND"): not a citation."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Extraction:
    document: DocumentIdentity | None
    citations: list[Citation]
    placeholders: list[Placeholder] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict() if self.document else None,
            "citations": [c.to_dict() for c in self.citations],
            "placeholders": [asdict(p) for p in self.placeholders],
        }
