"""The citation graph in the formats other tools read: GraphML and GEXF (Gephi), node-link JSON, Neo4j CSV."""

from __future__ import annotations

import csv
import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import networkx as nx

from vbpl.graph import CitationGraph


class ExportFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    neo4j_csv = "neo4j-csv"


def _scalar(value: Any) -> Any:
    """GraphML and GEXF take strings, numbers and booleans only; missing values are left out."""
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value


def _present(attributes: dict[str, Any]) -> dict[str, Any]:
    return {k: _scalar(v) for k, v in attributes.items() if v is not None}


def _plain(cg: CitationGraph) -> nx.MultiDiGraph:
    plain: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    plain.add_nodes_from((n, _present(a)) for n, a in cg.graph.nodes(data=True))
    # Keyed (u, v, key, data) edges in one call; the stubs know only (u, v) and (u, v, data).
    plain.add_edges_from(
        (u, v, str(k), _present(d)) for u, v, k, d in cg.graph.edges(keys=True, data=True)  # type: ignore[misc]
    )
    return plain


def export(cg: CitationGraph, fmt: ExportFormat, path: Path) -> list[Path]:
    """Write the graph to `path` (a folder for neo4j-csv); returns the files written."""
    if fmt is ExportFormat.graphml:
        nx.write_graphml(_plain(cg), path)
    elif fmt is ExportFormat.gexf:
        nx.write_gexf(_plain(cg), path)
    elif fmt is ExportFormat.json:
        data = nx.node_link_data(cg.graph, edges="edges")
        path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    else:
        return _neo4j(cg, path)
    return [path]


def _neo4j(cg: CitationGraph, folder: Path) -> list[Path]:
    """nodes.csv and citations.csv with the headers `neo4j-admin database import` expects."""
    folder.mkdir(parents=True, exist_ok=True)
    node_keys = sorted({k for _, a in cg.graph.nodes(data=True) for k in a})
    edge_keys = sorted({k for _, _, a in cg.graph.edges(data=True) for k in a})
    nodes, edges = folder / "nodes.csv", folder / "citations.csv"
    with nodes.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id:ID", *node_keys, ":LABEL"])
        for node, a in cg.graph.nodes(data=True):
            writer.writerow([node, *(_cell(a.get(k)) for k in node_keys), "Document"])
    with edges.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow([":START_ID", ":END_ID", *edge_keys, ":TYPE"])
        for u, v, a in cg.graph.edges(data=True):
            writer.writerow([u, v, *(_cell(a.get(k)) for k in edge_keys), a["relation"].upper()])
    return [nodes, edges]


def _cell(value: Any) -> Any:
    return "" if value is None else _scalar(value)
