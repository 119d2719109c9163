"""What every command module of the CLI shares: the --db option, output consoles, and the way to fail."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

DEFAULT_DB = Path("vbpl.sqlite")
Database = Annotated[Path, typer.Option("--db", help="The corpus database, one SQLite file.")]


def stdout_console() -> Console:
    """Rich output on stdout; a wide fixed width when piped, so tables are not squeezed to 80 columns."""
    console = Console()
    return console if console.is_terminal else Console(width=160)


def fail(message: str, code: int) -> typer.Exit:
    """Print `message` as an error on stderr and return the exit to raise: `raise fail("…", 2)`."""
    Console(stderr=True).print(f"[red]error[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)
