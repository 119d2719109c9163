"""The command line: `vbpl extract`, and `vbpl ingest`, `docs`, `show` over the corpus database."""

from __future__ import annotations

import json
import sqlite3
import sys
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from vbpl.cli_common import DEFAULT_DB, Database, fail, stdout_console
from vbpl.extract import extract
from vbpl.ingest import PathError, collect, ingest
from vbpl.lines import Lines
from vbpl.models import Extraction
from vbpl.read import UnreadableError, decode, read_document
from vbpl.render import documents_table, ingest_progress, print_document, print_ingest_summary
from vbpl.store import AmbiguousKeyError, Store, StoreError

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
    paths: Annotated[
        list[str], typer.Argument(help="Files to read (txt, md, html, pdf, docx); '-' reads text from standard input.")
    ],
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="table for people, json or jsonl for programs.")
    ] = Format.table,
) -> None:
    """Extract every citation from each file, with the document's own identity from its header."""
    console = stdout_console()
    errors = Console(stderr=True, soft_wrap=True)
    failed = False
    records = []
    for source in paths:
        try:
            # Offsets are promised into the input as written, so plain text is not composed to NFC here.
            if source == "-":
                text = decode(sys.stdin.buffer.read(), "<stdin>", compose=False)
            else:
                text = read_document(Path(source), compose=False).text
        except UnreadableError as exc:
            errors.print(f"[red]skipped[/red] {escape(str(exc))}", highlight=False)
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
    lines = Lines(text)
    for c in result.citations:
        when = c.date or (str(c.year) if c.year else "")
        table.add_row(
            str(lines.line(c.start)),
            c.text.replace("\n", " "),
            c.type or "",
            c.symbol or c.name or "",
            when,
            c.issuer or "",
            c.relation,
        )
    console.print(table)
    cited = len({c.id for c in result.citations})
    console.print(f"{_count(len(result.citations), 'citation')} of {_count(cited, 'document')}\n")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _open_existing(db: Path) -> Store:
    """The database a reading command asks for; exit 2 when it does not exist or cannot be used."""
    try:
        return Store.open(db, create=False)
    except StoreError as exc:
        raise fail(str(exc), 2) from exc


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (read recursively) and quoted globs such as 'corpora/**/*.txt'."),
    ],
    db: Database = DEFAULT_DB,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Processes that read and extract; one process writes.")
    ] = 1,
    force: Annotated[
        bool, typer.Option("--force", help="Extract again files whose bytes did not change (after upgrading vbpl).")
    ] = False,
) -> None:
    """Read documents into the corpus database: their text, identity and citations, and a record of the run.

    Folders are walked for .txt .md .html .htm .pdf .docx and files of unknown type (tried and
    reported); hidden files and known non-documents (.json, images, archives ...) are left out.
    Re-running is safe and cheap: unchanged files are left alone, changed files are replaced, and an
    interrupted run is finished by running it again. A file that cannot be read is skipped with the
    reason. Exit code 0 when every file was handled, 1 when the run failed, 2 for a bad path or database.
    """
    database_files = [db.with_name(db.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]
    try:
        collected = collect(paths, exclude=database_files)
    except PathError as exc:
        raise fail(str(exc), 2) from exc
    try:
        store = Store.open(db)
    except StoreError as exc:
        raise fail(str(exc), 2) from exc
    with store:
        try:
            with ingest_progress(Console(stderr=True), len(collected.files)) as advance:
                report = ingest(
                    store, collected.files, workers=workers, force=force, options={"paths": paths}, on_outcome=advance
                )
        except KeyboardInterrupt:
            message = "interrupted; every file stored so far is kept, run the same command again to finish"
            raise fail(message, 130) from None
        except (sqlite3.Error, OSError, BrokenProcessPool) as exc:
            raise fail(f"the run failed: {exc}; every file stored so far is kept", 1) from exc
        report.ignored = collected.ignored
        print_ingest_summary(stdout_console(), report, db, store.counts())


class DocsFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("docs")
def docs_command(
    db: Database = DEFAULT_DB,
    province: Annotated[
        str | None,
        typer.Option(help="Issuing body's province, with diacritics ('Đồng Nai'); matches its 2025 successor too."),
    ] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Type word: 'Kế hoạch', 'Quyết định' ...")] = None,
    year: Annotated[int | None, typer.Option(help="Year of the document's date.")] = None,
    output_format: Annotated[
        DocsFormat, typer.Option("--format", "-f", help="table for people, json for programs.")
    ] = DocsFormat.table,
) -> None:
    """List the documents in the corpus database, filtered by province, type and year."""
    with _open_existing(db) as store:
        documents = store.documents(province=province, type=type_, year=year)
    if output_format is DocsFormat.json:
        sys.stdout.write(json.dumps([asdict(d) for d in documents], ensure_ascii=False, indent=2) + "\n")
        return
    stdout_console().print(documents_table(documents, title=f"{len(documents)} documents in {db}"))


@app.command("show")
def show_command(
    document: Annotated[
        str, typer.Argument(help="Numeric id (see `vbpl docs`), symbol ('12015/KH-UBND'), source path or file name.")
    ],
    db: Database = DEFAULT_DB,
) -> None:
    """Print one document's metadata and its text, every citation coloured by its relation."""
    console = stdout_console()
    with _open_existing(db) as store:
        try:
            found = store.document(document)
        except AmbiguousKeyError as exc:
            console.print(documents_table(exc.candidates, title=f"{document} names {len(exc.candidates)} documents"))
            raise fail(f"{exc}", 2) from exc
        if found is None:
            raise fail(f"no document {document!r} in {db}; list them with `vbpl docs`", 1)
        print_document(console, found, store.text(found), store.citations_of(found))


from vbpl.cli_graph import register as _register_graph_commands  # noqa: E402  (graph commands live in their own module)

_register_graph_commands(app)

from vbpl.cli_check import register as _register_check_commands  # noqa: E402  (checker commands: own module)

_register_check_commands(app)

from vbpl.cli_web import register as _register_web_commands  # noqa: E402  (`vbpl serve`: own module)

_register_web_commands(app)

from vbpl.cli_analysis import register as _register_analysis_commands  # noqa: E402  (gaps, peers, compare, provinces)

_register_analysis_commands(app)
