"""Gap analysis: which of the 34 provinces have a document that implements or cites a national document.

"Which provinces have not implemented Quyết định 36/QĐ-TTg?" is answered from the corpus: a province counts
when one of its documents (or a document of a province merged into it) cites the national document, directly
or as stated by another text ("Kế hoạch 407-KH/TU … thực hiện Chỉ thị 38-CT/TW"). Absence means absence from
the corpus, not from the world; the report says how many documents of each province the corpus holds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from vbpl.graph import CitationGraph
from vbpl.provinces import Dating, Lag, current_provinces, dating, document_label, lag, province_now
from vbpl.queries import Citing, cited_by
from vbpl.resolve import Resolution
from vbpl.store import Store

# Strongest relation first: a document that implements a decision outranks one that only cites it.
RELATION_RANK = ("implements", "basis", "attached", "amends", "replaces", "repeals", "proposal", "mentions")


@dataclass(frozen=True, slots=True)
class ProvinceDocument:
    """One document of a province that cites the national document, with its date and lag."""

    node: str
    label: str
    province: str  # as the document names it (before 2025: possibly a merged province)
    relation: str  # the strongest relation among its citations
    date: Dating
    lag: Lag | None
    in_corpus: bool
    stated_in: int | None = None  # the document that says so, when this one is only cited

    def to_dict(self) -> dict:
        return {
            "node": self.node, "label": self.label, "province": self.province, "relation": self.relation,
            "date": self.date.date.isoformat() if self.date.date else None, "date_precision": self.date.precision,
            "lag_days": self.lag.days if self.lag else None, "lag_months": self.lag.months if self.lag else None,
            "in_corpus": self.in_corpus, "stated_in": self.stated_in,
        }


@dataclass(slots=True)
class ProvinceGap:
    """A current province: its documents that cite the national document (earliest first)."""

    province: str
    documents: list[ProvinceDocument] = field(default_factory=list)
    corpus_documents: int = 0  # documents of this province in the corpus, whatever they cite

    @property
    def covered(self) -> bool:
        return bool(self.documents)

    @property
    def first(self) -> ProvinceDocument | None:
        return self.documents[0] if self.documents else None

    @property
    def implements(self) -> bool:
        return any(d.relation == "implements" for d in self.documents)


@dataclass(slots=True)
class GapReport:
    target: Resolution
    label: str = ""
    date: dt.date | None = None
    provinces: list[ProvinceGap] = field(default_factory=list)

    @property
    def covered(self) -> list[ProvinceGap]:
        return [p for p in self.provinces if p.covered]

    @property
    def missing(self) -> list[ProvinceGap]:
        return [p for p in self.provinces if not p.covered]


def gaps(cg: CitationGraph, store: Store, ref: str) -> GapReport:
    """The 34 provinces, each with its documents that implement or cite `ref` (a national document)."""
    answer = cited_by(cg, store, ref, sentences=False)
    report = GapReport(answer.target)
    if answer.target.node is None:
        return report
    node = cg.node(answer.target.node)
    report.label = cg.index.nodes[answer.target.node].label()
    report.date = dt.date.fromisoformat(node["date"]) if node.get("date") else None
    by_node: dict[str, list[Citing]] = defaultdict(list)
    for row in answer.rows:
        by_node[row.node].append(row)
    by_province: dict[str, list[ProvinceDocument]] = defaultdict(list)
    for node_id, rows in by_node.items():
        attributes = cg.node(node_id)
        current = province_now(attributes.get("province"), attributes.get("province_now"))
        if current is None:
            continue  # a national or unplaced document: not a province's implementation
        by_province[current].append(_document(cg, store, node_id, attributes, rows, report.date))
    counts = _documents_per_province(store)
    for province in current_provinces():
        found = sorted(by_province.pop(province, []), key=_order)
        report.provinces.append(ProvinceGap(province, found, counts.get(province, 0)))
    for province, found in sorted(by_province.items()):  # a successor the province list does not know
        report.provinces.append(ProvinceGap(province, sorted(found, key=_order), counts.get(province, 0)))
    return report


def _document(cg: CitationGraph, store: Store, node_id: str, attributes: dict, rows: list[Citing],
              national: dt.date | None) -> ProvinceDocument:
    direct = [r for r in rows if not r.derived]
    relation = min((r.relation for r in direct or rows), key=_rank)
    document_id = attributes.get("document_id")
    label = cg.index.nodes[node_id].label() if node_id in cg.index.nodes else node_id
    stored = store.document(document_id) if document_id is not None else None
    if stored is not None:
        when = dating(store, stored)
        label = document_label(stored) if not attributes.get("symbol") else label
    elif attributes.get("date"):
        when = Dating(dt.date.fromisoformat(attributes["date"]), "day")
    else:
        when = Dating(None, "none")
    return ProvinceDocument(
        node=node_id,
        label=label,
        province=attributes.get("province") or "",
        relation=relation,
        date=when,
        lag=lag(national, when),
        in_corpus=document_id is not None,
        stated_in=None if direct else rows[0].document_id,
    )


def _rank(relation: str) -> int:
    return RELATION_RANK.index(relation) if relation in RELATION_RANK else len(RELATION_RANK)


def _order(document: ProvinceDocument) -> tuple:
    return (document.date.date or dt.date.max, document.node)


def _documents_per_province(store: Store) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for document in store.documents():
        current = province_now(document.province, document.province_now)
        if current:
            counts[current] += 1
    return counts
