"""`vbpl serve`: the web UI and JSON API over the corpus database, with uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vbpl.store import StoreError


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="The corpus database, one SQLite file.")] = Path("vbpl.sqlite"),
    host: Annotated[str, typer.Option(help="Address to listen on; loopback unless you mean to share it.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the web UI (search, documents, cited-by, check, provinces, graph) and /api; read-only."""
    import uvicorn

    from vbpl.web import create_app

    try:
        app = create_app(db)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"vbpl: http://{host}:{port}/  (API: http://{host}:{port}/docs) — {db}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
