"""Which province's documents cite which national document: the coverage matrix and a per-province comparison."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from vbpl.graph import CitationGraph
from vbpl.web.labels import NATIONAL_LEVELS

COLUMNS = 16  # national documents shown: those cited from the most provinces


@dataclass(slots=True)
class ProvinceRow:
    province: str
    documents: int = 0
    citations: int = 0
    implements: int = 0
    nationals: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None


@dataclass(slots=True)
class Coverage:
    columns: list[str]  # national node ids, most provinces first
    rows: list[ProvinceRow]
    cells: dict[tuple[str, str], dict[str, Any]]  # (province, node) -> {"documents": n, "first": date}
    peak: int


def coverage(cg: CitationGraph, columns: int = COLUMNS) -> Coverage:
    """Walk every citation once; a cell counts the province's documents citing the national document."""
    graph = cg.graph
    provinces: dict[str, ProvinceRow] = {}
    citing: dict[tuple[str, str], set[str]] = defaultdict(set)
    first: dict[tuple[str, str], str] = {}
    for node_id in cg.document_nodes.values():
        attributes = graph.nodes[node_id]
        province = attributes.get("province")
        if not province:
            continue
        row = provinces.setdefault(province, ProvinceRow(province))
        row.documents += 1
        date = attributes.get("date")
        if date:
            row.first = min(row.first or date, date)
            row.last = max(row.last or date, date)
        for _, target, data in graph.out_edges(node_id, data=True):
            if data.get("derived"):
                continue
            row.citations += 1
            row.implements += data["relation"] == "implements"
            target_attributes = graph.nodes[target]
            if target_attributes.get("province") or target_attributes.get("level") not in NATIONAL_LEVELS:
                continue
            row.nationals.add(target)
            citing[(province, target)].add(node_id)
            if date:
                first[(province, target)] = min(first.get((province, target), date), date)
    reach: dict[str, int] = defaultdict(int)
    for (_, target) in citing:
        reach[target] += 1
    chosen = sorted(reach, key=lambda n: (-reach[n], graph.nodes[n].get("date") or "", n))[:columns]
    cells: dict[tuple[str, str], dict[str, Any]] = {
        key: {"documents": len(nodes), "first": first.get(key)} for key, nodes in citing.items() if key[1] in chosen
    }
    return Coverage(chosen, sorted(provinces.values(), key=lambda r: (-len(r.nationals), r.province)), cells,
                    max((c["documents"] for c in cells.values()), default=0))


def heat(count: int, peak: int) -> str:
    """A cell's background on a white → deep blue scale (0 stays white)."""
    if count <= 0 or peak <= 0:
        return "#ffffff"
    share = 0.25 + 0.75 * (count / peak)
    low, high = (232, 240, 250), (21, 76, 145)
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in zip(low, high, strict=True))


def ink(count: int, peak: int) -> str:
    return "#ffffff" if peak and count / peak > 0.45 else "#1a1a1a"
