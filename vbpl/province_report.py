"""The province table: per current province, its plans in the corpus, the national documents they implement
(with lag) and the numeric targets each plan sets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from vbpl.graph import CitationGraph
from vbpl.provinces import Dating, Lag, current_provinces, dating, document_label, lag, province_now
from vbpl.queries import cites
from vbpl.store import Store
from vbpl.targets import Target, targets
from vbpl.vocab import NAMED_TYPES

PLAN_TYPES = ("Kế hoạch", "Chương trình", "Đề án")  # documents that set tasks and targets
IMPLEMENTING = ("implements", "basis")


@dataclass(frozen=True, slots=True)
class Implemented:
    label: str
    relation: str
    lag: Lag | None


@dataclass(slots=True)
class PlanSummary:
    document_id: int
    label: str
    province: str  # as the plan names it
    date: Dating
    implements: list[Implemented] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


@dataclass(slots=True)
class ProvinceRow:
    province: str
    plans: list[PlanSummary] = field(default_factory=list)


def province_table(cg: CitationGraph, store: Store, *, all_provinces: bool = False) -> list[ProvinceRow]:
    """One row per current province that has plans in the corpus (every province with `all_provinces`)."""
    by_province: dict[str, list[PlanSummary]] = defaultdict(list)
    for document in store.documents():
        current = province_now(document.province, document.province_now)
        if current is None or document.type not in PLAN_TYPES or document.id not in cg.document_nodes:
            continue
        when = dating(store, document)
        summary = PlanSummary(document.id, document_label(document), document.province or "", when,
                              targets=targets(store.text(document)))
        for relation, items in cites(cg, store, cg.document_nodes[document.id]).rows:
            if relation not in IMPLEMENTING:
                continue
            for item in items:
                node = cg.graph.nodes[item.node] if item.node else {}
                if not item.node or "@" in item.node or node.get("type") in NAMED_TYPES:
                    continue
                national = node.get("date")
                summary.implements.append(Implemented(
                    item.label, relation, lag(_date(national), when)))
        summary.implements = _strongest(summary.implements)
        by_province[current].append(summary)
    names = list(current_provinces()) + sorted(set(by_province) - set(current_provinces()))
    return [ProvinceRow(p, sorted(by_province.get(p, []), key=lambda s: (str(s.date), s.label)))
            for p in names if all_provinces or by_province.get(p)]


def _strongest(found: list[Implemented]) -> list[Implemented]:
    """One entry per national document: 'implements' over 'basis'."""
    best: dict[str, Implemented] = {}
    for item in found:
        if item.label not in best or (item.relation == "implements" and best[item.label].relation != "implements"):
            best[item.label] = item
    return sorted(best.values(), key=lambda i: i.label)


def _date(value: str | None):
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None
