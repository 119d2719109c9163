"""Analysis commands: `vbpl gaps`, `peers`, `compare` and `provinces`, registered on the main Typer app."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from vbpl.cli_common import DEFAULT_DB, Database, fail, stdout_console
from vbpl.cli_graph import OutputFormat, _open
from vbpl.compare import compare
from vbpl.gaps import gaps
from vbpl.peers import peers
from vbpl.province_report import province_table
from vbpl.read import UnreadableError, read_document
from vbpl.store import AmbiguousKeyError, Store
from vbpl.tasks import Task, parse_tasks


def _emit(rows: list[dict], output_format: OutputFormat, head: dict | None = None) -> bool:
    """Print rows as json or csv; False when the caller should print its table."""
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps({**(head or {}), "rows": rows}, ensure_ascii=False, indent=2) + "\n")
    elif output_format is OutputFormat.csv:
        names = list(dict.fromkeys(k for r in rows for k in r)) or ["province"]
        writer = csv.DictWriter(sys.stdout, fieldnames=names)
        writer.writeheader()
        writer.writerows({k: "; ".join(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows)
    else:
        return False
    return True


def gaps_command(
    national: Annotated[str, typer.Option("--national", help="The national document: '36/QĐ-TTg', 'qd 1322 ttg' …")],
    db: Database = DEFAULT_DB,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """Which of the 34 provinces have a document implementing or citing NATIONAL, when, and which have none."""
    store, cg = _open(db)
    with store:
        report = gaps(cg, store, national)
    if report.target.node is None:
        raise fail(f"no single document {national!r} is known in the corpus; try `vbpl cited-by {national}`", 1)
    rows = [{"province": p.province, "covered": p.covered, "implements": p.implements,
             "corpus_documents": p.corpus_documents, "documents": [d.to_dict() for d in p.documents]}
            for p in report.provinces]
    if output_format is OutputFormat.csv:
        rows = [{"province": p.province, **d} for p in report.provinces
                for d in ([d.to_dict() for d in p.documents] or [{"label": None}])]
    head = {"national": report.target.node, "label": report.label,
            "date": report.date.isoformat() if report.date else None}
    if _emit(rows, output_format, head):
        return
    table = Table(title=f"{report.label}: {len(report.covered)} of {len(report.provinces)} provinces have a "
                  "document citing it", title_justify="left")
    for column in ("province", "document", "relation", "date", "lag"):
        table.add_column(column, overflow="fold")
    for p in report.covered:
        for i, d in enumerate(p.documents):
            name = d.label + (f" [dim](stated in document {d.stated_in})[/dim]" if d.stated_in else "")
            if d.province and d.province != p.province:
                name += f" [dim]({d.province})[/dim]"
            table.add_row(p.province if i == 0 else "", name, d.relation, str(d.date), str(d.lag or ""))
    console = stdout_console()
    console.print(table)
    console.print(f"[bold]No document in the corpus[/bold] ({len(report.missing)}): "
                  + ", ".join(p.province + (f" ({p.corpus_documents} other documents)" if p.corpus_documents else "")
                              for p in report.missing))


def peers_command(
    document: Annotated[str, typer.Argument(help="The plan: numeric id, file name, symbol or loose reference.")],
    db: Database = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1, help="Recommendations to show.")] = 15,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """National documents that peer plans (same national parent, or same type and subject) cite, DOCUMENT not."""
    store, cg = _open(db)
    with store:
        report = peers(cg, store, document, limit=limit)
    if report.target.node is None:
        raise fail(f"no single document {document!r} in the corpus; list them with `vbpl docs`", 1)
    rows = [{"document": r.node, "label": r.label, "peers": r.peers, "cited_by": list(r.cited_by)}
            for r in report.recommendations]
    if _emit(rows, output_format, {"target": report.target.node, "parents": report.parents, "peers": report.peers}):
        return
    console = stdout_console()
    console.print(f"[bold]{len(report.peers)} peers[/bold] (via {', '.join(report.parents) or 'title only'}): "
                  + "; ".join(report.peers))
    table = Table(title="Cited by peers, not by this document", title_justify="left")
    for column in ("document", "peers", "cited by"):
        table.add_column(column, overflow="fold")
    for r in report.recommendations:
        table.add_row(r.label, str(r.peers), "; ".join(r.cited_by))
    console.print(table)


def _plan_tasks(ref: str, db: Path) -> tuple[str, list[Task]]:
    """A plan's tasks, from a file or from the corpus database (id, symbol or file name)."""
    path = Path(ref)
    if path.is_file():
        try:
            return path.name, parse_tasks(read_document(path).text)
        except UnreadableError as exc:
            raise fail(str(exc), 2) from exc
    if not db.is_file():
        raise fail(f"{ref!r} is not a file and there is no database at {db}", 2)
    with Store.open(db, create=False) as store:
        try:
            found = store.document(ref)
        except AmbiguousKeyError as exc:
            raise fail(str(exc), 2) from exc
        if found is None:
            raise fail(f"no document {ref!r} in {db}", 1)
        return Path(found.source).name, parse_tasks(store.text(found))


def compare_command(
    plan_a: Annotated[str, typer.Argument(help="A plan: a file, or a document of the database.")],
    plan_b: Annotated[str, typer.Argument(help="The plan to compare it with.")],
    db: Database = DEFAULT_DB,
    floor: Annotated[float, typer.Option(help="Lowest score (0-100) of a match.")] = 60.0,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """Task coverage of two plans: matched tasks with their scores, and the tasks of each with no counterpart."""
    name_a, tasks_a = _plan_tasks(plan_a, db)
    name_b, tasks_b = _plan_tasks(plan_b, db)
    coverage = compare(tasks_a, tasks_b, floor)
    if output_format is not OutputFormat.table:
        data = {"a": name_a, "b": name_b,
                "pairs": [{"a": p.a.to_dict(), "b": p.b.to_dict(), "score": p.score} for p in coverage.pairs],
                "only_a": [t.to_dict() for t in coverage.only_a], "only_b": [t.to_dict() for t in coverage.only_b]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    console = stdout_console()
    table = Table(title=f"{len(coverage.pairs)} matched tasks: A = {name_a} ({len(tasks_a)} tasks), "
                  f"B = {name_b} ({len(tasks_b)} tasks)", title_justify="left")
    for column in ("A", "task A", "B", "task B", "score"):
        table.add_column(column, overflow="fold")
    for p in coverage.pairs:
        table.add_row(p.a.key, _short(p.a), p.b.key, _short(p.b), f"{p.score:.0f}")
    console.print(table)
    for name, only in ((f"A ({name_a})", coverage.only_a), (f"B ({name_b})", coverage.only_b)):
        console.print(f"[bold]Only in {name}[/bold]: {len(only)}")
        for t in only:
            console.print(f"  {t.key}  {_short(t)}", highlight=False)


def _short(task: Task, width: int = 110) -> str:
    text = task.text if len(task.text) <= width else task.text[: width - 1] + "…"
    return text + (f" [dim](lead: {'; '.join(task.lead)})[/dim]" if task.lead else "")


def provinces_command(
    db: Database = DEFAULT_DB,
    all_provinces: Annotated[bool, typer.Option("--all", help="List provinces without plans too.")] = False,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """Per province: its plans in the corpus, the national documents they implement (with lag), their targets."""
    store, cg = _open(db)
    with store:
        rows = province_table(cg, store, all_provinces=all_provinces)
    records = [{"province": r.province, "plan": p.label, "plan_province": p.province,
                "date": p.date.date.isoformat() if p.date.date else None, "date_precision": p.date.precision,
                "implements": [f"{i.label} [{i.relation}] {i.lag or ''}".strip() for i in p.implements],
                "targets": [str(t) for t in p.targets]}
               for r in rows for p in r.plans] + [
               {"province": r.province, "plan": None} for r in rows if not r.plans]
    if output_format is OutputFormat.json:
        data = [{"province": r.province, "plans": [{
            "document_id": p.document_id, "label": p.label, "province": p.province,
            "date": p.date.date.isoformat() if p.date.date else None, "date_precision": p.date.precision,
            "implements": [{"label": i.label, "relation": i.relation, "lag_days": i.lag.days if i.lag else None,
                            "lag_months": i.lag.months if i.lag else None} for i in p.implements],
            "targets": [t.to_dict() for t in p.targets]} for p in r.plans]} for r in rows]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if _emit(records, output_format):
        return
    table = Table(title=f"Plans by province ({sum(len(r.plans) for r in rows)} plans)", title_justify="left")
    for column in ("province", "plan", "date", "implements (lag)", "targets"):
        table.add_column(column, overflow="fold")
    for r in rows:
        for i, p in enumerate(r.plans or [None]):
            if p is None:
                table.add_row(r.province, "[dim]none in the corpus[/dim]", "", "", "")
                continue
            where = f" [dim]({p.province})[/dim]" if p.province and p.province != r.province else ""
            table.add_row(r.province if i == 0 else "", p.label + where, str(p.date),
                          "\n".join(f"{x.label} {x.relation} {x.lag or ''}" for x in p.implements),
                          "\n".join(str(t) for t in p.targets))
    stdout_console().print(table)


def register(app: typer.Typer) -> None:
    app.command("gaps")(gaps_command)
    app.command("peers")(peers_command)
    app.command("compare")(compare_command)
    app.command("provinces")(provinces_command)
