"""Terminal renderings of the corpus database for people: ingest progress and summary, document
lists, one document with its citations highlighted. Rich does the drawing; nothing here writes
to the database or parses text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from vbpl.ingest import IngestReport
from vbpl.models import RELATIONS
from vbpl.store import FileOutcome, Outcome, StoredCitation, StoredDocument

# How a citation is highlighted in `vbpl show`, by what the citing text does with it.
RELATION_STYLES = {
    "basis": "bold green",
    "implements": "bold cyan",
    "replaces": "bold magenta",
    "repeals": "bold red",
    "amends": "bold yellow",
    "attached": "bold blue",
    "proposal": "bold bright_white on grey23",
    "mentions": "underline",
}
OUTCOME_STYLES = {
    Outcome.ingested: "green",
    Outcome.replaced: "yellow",
    Outcome.unchanged: "dim",
    Outcome.skipped: "red",
}


def shown_path(source: str) -> str:
    """A stored (absolute) source path, relative to the working directory when it lies below it."""
    try:
        return str(Path(source).relative_to(Path.cwd()))
    except ValueError:
        return source


@contextmanager
def ingest_progress(console: Console, total: int) -> Iterator[Callable[[FileOutcome], None]]:
    """A progress bar for `total` files; yields the callback that advances it by one handled file."""
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[last]}", style="dim"),
    )
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("ingesting", total=total, last="")

        def advance(outcome: FileOutcome) -> None:
            progress.update(task, advance=1, last=Path(outcome.path).name)

        yield advance


def print_ingest_summary(console: Console, report: IngestReport, db: Path, counts: dict[str, int]) -> None:
    """Counts per outcome, every file with a reason (skipped ones first), and what the database now holds."""
    shown = [o for o in Outcome if report.count(o) or o is Outcome.ingested]
    parts = [f"[{OUTCOME_STYLES[o]}]{report.count(o)} {o.value}[/]" for o in shown]
    console.print(f"[bold]{len(report.outcomes)} files[/bold]: " + ", ".join(parts), highlight=False)
    noted = sorted((o for o in report.outcomes if o.reason), key=lambda o: (o.outcome is not Outcome.skipped, o.path))
    for o in noted:
        style = OUTCOME_STYLES[o.outcome]
        where = escape(f"{shown_path(o.path)}: {o.reason}")
        console.print(f"  [{style}]{o.outcome.value:9}[/] {where}", highlight=False)
    if report.ignored:
        kinds = ", ".join(f"{n} {suffix}" for suffix, n in report.ignored.most_common())
        console.print(f"  [dim]left out by file type: {kinds}[/dim]", highlight=False)
    console.print(
        f"{escape(str(db))}: {counts['documents']} documents, {counts['citations']} citations (run {report.run_id})",
        highlight=False,
    )


def documents_table(documents: Sequence[StoredDocument], title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("id", justify="right", min_width=len(str(max((d.id for d in documents), default=0))))
    table.add_column("type")
    table.add_column("symbol", no_wrap=True)
    table.add_column("date", min_width=10)
    table.add_column("province")
    table.add_column("cites", justify="right", min_width=5)
    table.add_column("source", overflow="fold", min_width=20)
    table.add_column("title")
    for d in documents:
        symbol = d.symbol or ("(draft)" if d.placeholder else "")
        table.add_row(
            str(d.id),
            d.type or "",
            symbol,
            d.date or "",
            d.province or "",
            str(d.citation_count),
            shown_path(d.source),
            _shortened(d.title or "", 60),
        )
    return table


def _shortened(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def print_document(console: Console, document: StoredDocument, text: str, citations: Sequence[StoredCitation]) -> None:
    """The document's metadata, then its text with every citation coloured by its relation."""
    console.print(_metadata(document, citations))
    body = Text(text)
    for c in citations:
        body.stylize(RELATION_STYLES.get(c.relation, "underline"), c.start, c.end)
    if document.header_start is not None and document.header_end is not None:
        body.stylize("reverse", document.header_start, document.header_end)
    if len(document.pages) > 1:
        for number, page in enumerate(body.divide(document.pages[1:]), start=1):
            console.print(Rule(f"page {number}", style="dim"))
            console.print(page)
    else:
        console.print(body)
    console.print(_legend(citations))


def _metadata(document: StoredDocument, citations: Sequence[StoredCitation]) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column(overflow="fold")
    rows = {
        "id": str(document.id),
        "type": document.type,
        "symbol": document.symbol or ("(draft, no number)" if document.placeholder else None),
        "date": document.date,
        "issuer": document.issuer,
        "place": document.place,
        "province": " → ".join(p for p in (document.province, document.province_now) if p) or None,
        "level": document.level,
        "signer": document.signer,
        "attached to": document.attached_to,
        "title": document.title,
        "source": f"{shown_path(document.source)} ({document.format}"
        + (f", {document.encoding}" if document.encoding else "")
        + (f", {len(document.pages)} pages" if document.pages else "")
        + ")",
        "citations": f"{len(citations)} of {len({c.cited_id for c in citations})} documents",
        "notes": "; ".join(document.notes) or None,
    }
    for key, value in rows.items():
        if value:
            grid.add_row(key, Text(value))
    return Panel(grid, title=shown_path(document.source), title_align="left")


def _legend(citations: Sequence[StoredCitation]) -> Group:
    counts = {r: sum(1 for c in citations if c.relation == r) for r in RELATIONS}
    legend = Text("relations: ")
    for relation, n in counts.items():
        if n:
            legend.append(f"{relation} {n}", style=RELATION_STYLES.get(relation, "underline"))
            legend.append("  ")
    return Group(Text(""), legend)
