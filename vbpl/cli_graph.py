"""Graph commands: `vbpl cited-by`, `cites`, `chain` and `export`, registered on the main Typer app."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.tree import Tree

from vbpl.cli_common import DEFAULT_DB, Database, fail, stdout_console
from vbpl.export import ExportFormat, export
from vbpl.graph import CitationGraph, load_graph
from vbpl.queries import Answer, Lineage, chain, cited_by, cites
from vbpl.render import RELATION_STYLES
from vbpl.store import Store, StoreError


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _open(db: Path) -> tuple[Store, CitationGraph]:
    try:
        store = Store.open(db, create=False)
    except StoreError as exc:
        raise fail(str(exc), 2) from exc
    return store, load_graph(store)


def _require(answer: Answer, cg: CitationGraph, ref: str) -> str:
    """The node the answer is about; otherwise say why (unknown or ambiguous) and exit 1."""
    target = answer.target
    if target.node is not None:
        return target.node
    if target.candidates:
        lines = "\n".join(f"  {cg.index.nodes[i].label()}  [{i}]" for i, _ in target.candidates)
        raise fail(f"{ref!r} may mean {len(target.candidates)} documents; be more specific:\n{lines}", 1)
    closest = "\n".join(f"  {cg.index.nodes[i].label()}  [{i}]" for i, _ in cg.index.closest(ref))
    raise fail(f"no document {ref!r} is known in the corpus; the closest known documents are:\n{closest}", 1)


def cited_by_command(
    ref: Annotated[str, typer.Argument(help="'1322/QĐ-TTg', 'qd 1322 ttg', 'Quyết định 1322/2020', a title …")],
    db: Database = DEFAULT_DB,
    province: Annotated[str | None, typer.Option(help="Citing document's province (then or 2025 successor).")] = None,
    relation: Annotated[str | None, typer.Option(help="basis, implements, replaces, repeals, amends, …")] = None,
    level: Annotated[str | None, typer.Option(help="Citing document's level: ubnd_tinh, hdnd_tinh, so, bo …")] = None,
    since: Annotated[str | None, typer.Option(help="Citing documents dated on or after (YYYY or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Citing documents dated on or before (YYYY or YYYY-MM-DD).")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """The documents that cite REF, with relation, date, province, level and the sentence."""
    store, cg = _open(db)
    with store:
        answer = cited_by(cg, store, ref, province=province, relation=relation, level=level, since=since,
                          until=until)
        node = _require(answer, cg, ref)
    rows = [asdict(r) for r in answer.rows]
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps({"document": node, "resolution": asdict(answer.target), "cited_by": rows},
                                    ensure_ascii=False, indent=2) + "\n")
    elif output_format is OutputFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["document_id"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=f"{cg.index.nodes[node].label()} is cited {len(rows)} times", title_justify="left")
        for column in ("citing document", "relation", "level", "sentence", "how"):
            table.add_column(column, overflow="fold")
        for r in answer.rows:
            how = f"{r.method} {r.confidence:.2f}" + (f" (stated in document {r.document_id})" if r.derived else "")
            table.add_row(r.label, f"[{RELATION_STYLES.get(r.relation, '')}]{r.relation}", r.level or "", r.sentence,
                          how)
        stdout_console().print(table)


def cites_command(
    document: Annotated[str, typer.Argument(help="Numeric id, file name, symbol or any loose reference.")],
    db: Database = DEFAULT_DB,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """What DOCUMENT cites, grouped by relation, each resolved document with how sure the resolution is."""
    store, cg = _open(db)
    with store:
        answer = cites(cg, store, document)
        node = _require(answer, cg, document)
    if output_format is not OutputFormat.table:
        data = {relation: [asdict(c) for c in items] for relation, items in answer.rows}
        sys.stdout.write(json.dumps({"document": node, "cites": data}, ensure_ascii=False, indent=2) + "\n")
        return
    tree = Tree(f"[bold]{cg.index.nodes[node].label()}[/bold] cites")
    for relation, items in answer.rows:
        branch = tree.add(f"[{RELATION_STYLES.get(relation, '')}]{relation}[/] ({len(items)})")
        for c in items:
            status = "in corpus" if c.in_corpus else "cited only"
            if c.node is None:
                status = "ambiguous: " + ", ".join(i for i, _ in c.candidates)
            branch.add(f"{c.label} — ×{c.count}, {c.method} {c.confidence:.2f}, {status}")
    stdout_console().print(tree)


def chain_command(
    document: Annotated[str, typer.Argument(help="Numeric id, file name, symbol or any loose reference.")],
    db: Database = DEFAULT_DB,
    down: Annotated[bool, typer.Option("--down", help="Who implements DOCUMENT, not what it implements.")] = False,
    depth: Annotated[int, typer.Option(min=1, help="Levels to follow.")] = 6,
) -> None:
    """The implementation lineage of DOCUMENT as a tree: plan → provincial plan → national decision → directive."""
    store, cg = _open(db)
    with store:
        answer = chain(cg, store, document, up=not down, depth=depth)
        _require(answer, cg, document)
    root: Lineage = answer.rows[0]
    tree = Tree(_lineage_label(root))
    _grow(tree, root)
    stdout_console().print(tree)


def _lineage_label(item: Lineage) -> str:
    relation = f"[{RELATION_STYLES.get(item.relation or '', '')}]{item.relation}[/] " if item.relation else ""
    where = "" if item.in_corpus else " [dim](cited only)[/dim]"
    return f"{relation}{item.label}{where}" + (" [dim]↑ shown above[/dim]" if item.repeated else "")


def _grow(tree: Tree, item: Lineage) -> None:
    for child in item.children:
        _grow(tree.add(_lineage_label(child)), child)


def export_command(
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.graphml,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File (a folder for neo4j-csv).")] = None,
    db: Database = DEFAULT_DB,
) -> None:
    """Write the citation graph for Gephi, Neo4j and other tools."""
    store, cg = _open(db)
    store.close()
    suffix = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json", "neo4j-csv": "-neo4j"}[output_format.value]
    written = export(cg, output_format, output or Path(f"vbpl-graph{suffix}"))
    stdout_console().print(f"{cg.graph.number_of_nodes()} documents, {cg.graph.number_of_edges()} citations → "
                     + ", ".join(str(p) for p in written))


def register(app: typer.Typer) -> None:
    app.command("cited-by")(cited_by_command)
    app.command("cites")(cites_command)
    app.command("chain")(chain_command)
    app.command("export")(export_command)
