"""The command line: `vbpl extract PATH... [--format table|json|jsonl]`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from vbpl.extract import extract
from vbpl.models import Extraction
from vbpl.read import UnreadableError, decode, read_text

app = typer.Typer(
    help="Find and resolve citations between Vietnamese legal documents.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def main() -> None:
    """vbpl: citations between Vietnamese legal documents (văn bản pháp luật)."""


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _record(source: str, result: Extraction) -> dict:
    doc = result.document
    return {
        "source": source,
        "document": (
            {
                k: getattr(doc, k)
                for k in ("type", "symbol", "date", "issuer", "place", "title", "placeholder")
            }
            if doc
            else None
        ),
        "citations": [c.to_dict() for c in result.citations],
        "placeholders": [{"start": p.start, "end": p.end, "text": p.text} for p in result.placeholders],
    }


@app.command("extract")
def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Text files to read; '-' reads standard input.")],
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="table for people, json or jsonl for programs.")
    ] = Format.table,
) -> None:
    """Extract every citation from each file, with the document's own identity from its header."""
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    errors = Console(stderr=True)
    failed = False
    records = []
    for source in paths:
        try:
            text = decode(sys.stdin.buffer.read(), "<stdin>") if source == "-" else read_text(Path(source))
        except UnreadableError as exc:
            errors.print(f"[red]skipped[/red] {exc}", highlight=False)
            failed = True
            continue
        result = extract(text)
        if output_format is Format.table:
            _print_table(console, source, result, text)
        elif output_format is Format.jsonl:
            sys.stdout.write(json.dumps(_record(source, result), ensure_ascii=False) + "\n")
        else:
            records.append(_record(source, result))
    if output_format is Format.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(1 if failed else 0)


def _print_table(console: Console, source: str, result: Extraction, text: str) -> None:
    doc = result.document
    head = f"[bold]{source}[/bold]"
    if doc:
        ident = doc.symbol or ("(draft, no number)" if doc.placeholder else "(no number)")
        head += f" — {doc.type or '?'} {ident}" + (f", {doc.date}" if doc.date else "")
    table = Table(title=head, title_justify="left")
    for col in ("line", "citation", "type", "symbol / name", "date", "issuer", "relation"):
        table.add_column(col, overflow="fold")
    for c in result.citations:
        when = c.date or (str(c.year) if c.year else "")
        table.add_row(
            str(text.count("\n", 0, c.start) + 1),
            c.text.replace("\n", " "),
            c.type or "",
            c.symbol or c.name or "",
            when,
            c.issuer or "",
            c.relation,
        )
    console.print(table)
    console.print(f"{len(result.citations)} citations of {len({c.id for c in result.citations})} documents\n")
