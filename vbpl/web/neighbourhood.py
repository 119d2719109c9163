"""The neighbourhood of a document, two citation steps each way, laid out in columns for an SVG picture.

Citing documents stand left, cited ones right, so every arrow runs left to right (citer → cited); a column
keeps its most connected documents and says how many more there are, so the picture stays readable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from vbpl.graph import CitationGraph
from vbpl.models import RELATIONS

PER_COLUMN = 10
BOX_WIDTH, BOX_HEIGHT, COLUMN_GAP, ROW_GAP, MARGIN = 230, 44, 90, 14, 30


@dataclass(slots=True)
class Box:
    node: str
    column: int  # -2 … 2; 0 is the document itself
    x: int = 0
    y: int = 0
    title: str = ""
    subtitle: str = ""
    tooltip: str = ""
    in_corpus: bool = False


@dataclass(slots=True)
class Arrow:
    source: Box
    target: Box
    relation: str

    @property
    def path(self) -> str:
        x1, y1 = self.source.x + BOX_WIDTH, self.source.y + BOX_HEIGHT // 2
        x2, y2 = self.target.x - 6, self.target.y + BOX_HEIGHT // 2
        middle = (x1 + x2) // 2
        return f"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}"


@dataclass(slots=True)
class Picture:
    center: str
    boxes: list[Box]
    arrows: list[Arrow]
    hidden: dict[int, int] = field(default_factory=dict)  # column -> documents left out
    width: int = 0
    height: int = 0
    box_width: int = BOX_WIDTH
    box_height: int = BOX_HEIGHT


def _strongest(relations: Iterable[str]) -> str:
    return min(relations, key=lambda r: RELATIONS.index(r) if r in RELATIONS else len(RELATIONS))


def neighbourhood(cg: CitationGraph, center: str, labels: Callable[[str], tuple[str, str, str]],
                  per_column: int = PER_COLUMN) -> Picture:
    """Columns -2 … 2 around `center`; `labels` gives each node's (title, subtitle, tooltip)."""
    graph = cg.graph
    columns: dict[int, list[str]] = {0: [center]}
    placed = {center}
    hidden: dict[int, int] = {}
    for step, neighbours in ((1, graph.successors), (-1, graph.predecessors)):
        frontier = [center]
        for depth in (1, 2):
            found = dict.fromkeys(n for f in frontier for n in neighbours(f) if n not in placed)
            ranked = sorted(found, key=lambda n: (-(graph.in_degree(n) + graph.out_degree(n)), n))
            columns[step * depth] = ranked[:per_column]
            if len(ranked) > per_column:
                hidden[step * depth] = len(ranked) - per_column
            placed.update(columns[step * depth])
            frontier = columns[step * depth]
    tallest = max(len(v) for v in columns.values())
    height = 2 * MARGIN + tallest * (BOX_HEIGHT + ROW_GAP) + 24
    boxes: dict[str, Box] = {}
    for column, nodes in columns.items():
        offset = (tallest - len(nodes)) * (BOX_HEIGHT + ROW_GAP) // 2
        for row, node in enumerate(nodes):
            title, subtitle, tooltip = labels(node)
            boxes[node] = Box(node, column, MARGIN + (column + 2) * (BOX_WIDTH + COLUMN_GAP),
                              MARGIN + 24 + offset + row * (BOX_HEIGHT + ROW_GAP), title, subtitle, tooltip,
                              bool(graph.nodes[node].get("in_corpus")))
    arrows = []
    for source, target_box in ((s, t) for s in boxes.values() for t in boxes.values()
                               if t.column == s.column + 1 and graph.has_edge(s.node, t.node)):
        relations = [d["relation"] for d in graph.get_edge_data(source.node, target_box.node).values()]
        arrows.append(Arrow(source, target_box, _strongest(relations)))
    width = 2 * MARGIN + 5 * BOX_WIDTH + 4 * COLUMN_GAP
    return Picture(center, list(boxes.values()), arrows, hidden, width, height)
