"""`vbpl serve`: the web UI and JSON API over a corpus database (read-only)."""

from vbpl.web.app import create_app

__all__ = ["create_app"]
