"""`vbpl serve`: the web UI and JSON API over the corpus database, with uvicorn."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from vbpl.store import StoreError


def log_config() -> dict[str, Any]:
    """uvicorn's logging, plus vbpl's own messages (graph loaded, reloaded) at INFO, in every worker process."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["vbpl"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="The corpus database, one SQLite file.")] = Path("vbpl.sqlite"),
    host: Annotated[str, typer.Option(help="Address to listen on; loopback unless you mean to share it.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help=(
        "Server processes. Each holds its own copy of the citation graph (about 1.8 GB of memory at 1M "
        "citations) and answers on its own CPU."))] = 1,
) -> None:
    """Serve the web UI (search, documents, cited-by, check, provinces, graph) and /api; read-only.

    The citation graph is loaded before the first connection is accepted (the log says when).
    """
    import uvicorn

    from vbpl.web import create_app
    from vbpl.web.app import DB_VARIABLE

    try:
        app = create_app(db)  # checks the database now, with the store's message
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"vbpl: http://{host}:{port}/  (API: http://{host}:{port}/docs) — {db}", err=True)
    options: dict[str, Any] = {"host": host, "port": port, "log_level": "warning", "log_config": log_config()}
    if workers == 1:
        uvicorn.run(app, **options)
        return
    os.environ[DB_VARIABLE] = str(db.resolve())
    uvicorn.run("vbpl.web.app:app_from_environment", factory=True, workers=workers, **options)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
