"""`vbpl check` (a linter for legal drafts, output like ruff) and `vbpl registry import`."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from vbpl.check import CHECKS, Finding, check_document, select_findings
from vbpl.extract import extract
from vbpl.read import UnreadableError, read_document
from vbpl.read.legacy import nfc
from vbpl.registry import RegistryError, import_file, load_registry, user_dir
from vbpl.status import StatusBook

registry_app = typer.Typer(help="The registry of known document statuses.", no_args_is_help=True)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"


def _codes(value: str | None) -> set[str]:
    return {c.strip().upper() for c in (value or "").split(",") if c.strip()}


def run_check(
    paths: list[Path], *, db: Path | None = None, as_of: str | None = None, registries: list[Path] | None = None
) -> tuple[list[Finding], list[str]]:
    """Findings for every readable file and the errors for the others; the files are read once."""
    book = StatusBook(load_registry(registries or []))
    as_of = as_of or dt.date.today().isoformat()
    errors: list[str] = []
    documents = []
    for path in paths:
        try:
            written = read_document(path, compose=False).text
        except (UnreadableError, OSError) as exc:
            errors.append(f"{path}:1:1: E902 {exc}")
            continue
        text = nfc(written)
        extraction = extract(text)
        book.add_document(str(path), extraction.document, text, extraction.citations)
        documents.append((path, text, written, extraction))
    resolver = None
    if db is not None:
        from vbpl.check_corpus import load_store
        from vbpl.store import Store

        with Store.open(db, create=False) as store:
            resolver = load_store(store, book)
    findings = []
    for path, text, written, extraction in documents:
        findings += check_document(str(path), text, extraction, book, as_of, resolver=resolver, written=written)
    return findings, errors


def sarif(findings: list[Finding]) -> dict:
    """SARIF 2.1.0, for code-scanning tools."""
    level = {"error": "error", "warning": "warning", "info": "note"}
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "vbpl check",
                "informationUri": "https://github.com/vbpl/vbpl/blob/main/docs/checks.md",
                "rules": [{"id": c.code, "name": c.name, "shortDescription": {"text": c.summary},
                           "defaultConfiguration": {"level": level[c.severity]}} for c in CHECKS.values()],
            }},
            "results": [{
                "ruleId": f.code,
                "level": level[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": f.path},
                    "region": {"startLine": f.line, "startColumn": f.col, "endLine": f.end_line,
                               "endColumn": f.end_col},
                }}],
            } for f in findings],
        }],
    }


def check_command(
    paths: Annotated[list[Path], typer.Argument(help="Files to check (txt, md, html, pdf, docx).")],
    db: Annotated[Path | None, typer.Option("--db", help="Corpus database: its documents' acts count as evidence, "
                                            "and unresolvable or ambiguous references are reported.")] = None,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.text,
    select: Annotated[str | None, typer.Option("--select", help="Only these codes or prefixes (VB1,VB203).")] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="Leave out these codes or prefixes.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Judge statuses as of this date (today).")] = None,
    registry: Annotated[list[Path] | None, typer.Option("--registry", help="Extra registry CSV or folder.")] = None,
) -> None:
    """Check documents for outdated references and inconsistent citations; exit 1 on findings, 2 on errors."""
    if db is not None and not db.exists():
        typer.echo(f"{db}: no such database", err=True)
        raise typer.Exit(2)
    try:
        findings, errors = run_check(paths, db=db, as_of=as_of, registries=registry)
    except RegistryError as exc:
        typer.echo(f"registry: {exc}", err=True)
        raise typer.Exit(2) from exc
    findings = select_findings(findings, _codes(select), _codes(ignore))
    for error in errors:
        typer.echo(error, err=True)
    if output_format is CheckFormat.json:
        typer.echo(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=1))
    elif output_format is CheckFormat.sarif:
        typer.echo(json.dumps(sarif(findings), ensure_ascii=False, indent=1))
    else:
        for f in findings:
            typer.echo(str(f))
        counted = sum(f.severity != "info" for f in findings)
        typer.echo(f"Found {counted} problem{'s' * (counted != 1)}"
                   f"{f' and {len(findings) - counted} notes' if len(findings) > counted else ''}.", err=True)
    if errors:
        raise typer.Exit(2)
    if any(f.severity != "info" for f in findings):
        raise typer.Exit(1)


@registry_app.command("import")
def registry_import(
    file: Annotated[Path, typer.Argument(help="A registry CSV in the format of corpora/registry/README.md.")],
    directory: Annotated[Path | None, typer.Option("--dir", help="User registry folder (default $VBPL_REGISTRY "
                                                    "or ~/.local/share/vbpl/registry).")] = None,
) -> None:
    """Validate a registry file and add it to the user registry, which `vbpl check` reads after the bundled one."""
    try:
        target, count = import_file(file, directory)
    except (RegistryError, OSError) as exc:
        typer.echo(f"not imported: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"imported {count} entries into {target} (user registry: {directory or user_dir()})")


def register(app: typer.Typer) -> None:
    """Add `check` and `registry` to the main command line."""
    app.command("check")(check_command)
    app.add_typer(registry_app, name="registry")
