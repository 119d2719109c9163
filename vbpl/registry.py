"""Known statuses of documents, kept as CSV that people can read, correct and extend.

The bundled registry (corpora/registry/national.csv, shipped as vbpl/data/registry.csv) holds only entries
checked against a public source named in the entry. Users add their own files to a registry directory
(`vbpl registry import FILE`); every CSV found there is read after the bundled one, and a later entry for
the same document wins.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from vbpl.models import Citation
from vbpl.text import same_name, strip_year, symbol_key

STATUSES = ("in_force", "replaced", "repealed", "amended", "expired", "superseded_by_reorganisation")
COLUMNS = ("type", "symbol", "name", "date", "status", "replaced_by", "amended_by", "effective", "source", "note")
REQUIRED = ("type", "status", "source")
USER_DIR_ENV = "VBPL_REGISTRY"


class RegistryError(ValueError):
    """A registry file that cannot be used as it is: the message names the file, row and column."""


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    type: str
    symbol: str | None
    name: str | None
    date: str | None  # signing date of the document, YYYY-MM-DD
    status: str
    replaced_by: str | None
    amended_by: tuple[str, ...]
    effective: str | None  # when the status took effect (the replacement's entry into force, ...)
    source: str  # the public source that says so: a URL or a document
    note: str | None
    origin: str  # registry file and row, for the evidence line

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.type, self.symbol or self.name) if p)


def _date(value: str, where: str) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise RegistryError(f"{where}: '{value}' is not a date (YYYY-MM-DD)") from exc


def read_entries(path: Path, origin: str | None = None) -> list[RegistryEntry]:
    """Entries of one registry CSV, validated: unknown columns, statuses, dates or a missing source fail."""
    origin = origin or str(path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        unknown = set(reader.fieldnames or ()) - set(COLUMNS)
        if unknown or not reader.fieldnames:
            expected = ", ".join(COLUMNS)
            raise RegistryError(f"{origin}: unknown or missing columns {sorted(unknown)}; expected {expected}")
        entries = []
        for number, row in enumerate(reader, start=2):
            cell = {k: (row.get(k) or "").strip() for k in COLUMNS}
            where = f"{origin}:{number}"
            for column in REQUIRED:
                if not cell[column]:
                    raise RegistryError(f"{where}: column '{column}' is empty (every entry names its source)")
            if not cell["symbol"] and not cell["name"]:
                raise RegistryError(f"{where}: an entry needs a symbol or a name")
            if cell["status"] not in STATUSES:
                raise RegistryError(f"{where}: status '{cell['status']}' is not one of {', '.join(STATUSES)}")
            entries.append(
                RegistryEntry(
                    type=cell["type"],
                    symbol=cell["symbol"] or None,
                    name=cell["name"] or None,
                    date=_date(cell["date"], where),
                    status=cell["status"],
                    replaced_by=cell["replaced_by"] or None,
                    amended_by=tuple(p.strip() for p in cell["amended_by"].split("|") if p.strip()),
                    effective=_date(cell["effective"], where),
                    source=cell["source"],
                    note=cell["note"] or None,
                    origin=where,
                )
            )
    return entries


def user_dir() -> Path:
    """Where `vbpl registry import` keeps user registries: $VBPL_REGISTRY, else ~/.local/share/vbpl/registry."""
    configured = os.environ.get(USER_DIR_ENV)
    return Path(configured) if configured else Path.home() / ".local" / "share" / "vbpl" / "registry"


def import_file(path: Path, directory: Path | None = None) -> tuple[Path, int]:
    """Validate a user registry file and copy it into the user registry directory (same name replaces)."""
    entries = read_entries(path)
    target_dir = directory or user_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / (path.stem + ".csv")
    shutil.copyfile(path, target)
    return target, len(entries)


class Registry:
    """Entries by symbol key and by law name; the last entry read for a document wins."""

    def __init__(self, entries: Iterable[RegistryEntry] = ()) -> None:
        self.by_symbol: dict[str, RegistryEntry] = {}
        self.by_name: dict[int | None, list[RegistryEntry]] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: RegistryEntry) -> None:
        if entry.symbol:
            self.by_symbol[symbol_key(entry.symbol)] = entry
            self.by_symbol.setdefault(symbol_key(strip_year(entry.symbol)) + f"@{_year(entry)}", entry)
        if entry.name:
            self.by_name.setdefault(_year(entry), []).insert(0, entry)

    def lookup(self, citation: Citation) -> RegistryEntry | None:
        """The entry for the document a citation names: by symbol, else by law name and year."""
        if citation.symbol:
            found = self.by_symbol.get(symbol_key(citation.symbol))
            if found is None and citation.year:
                found = self.by_symbol.get(symbol_key(strip_year(citation.symbol)) + f"@{citation.year}")
            if found is not None:
                return found
        if citation.name and citation.year:
            named = self.by_name.get(citation.year, ())
            return next((e for e in named if same_name(e.name or "", citation.name)), None)
        return None

    def __len__(self) -> int:
        named = [e for entries in self.by_name.values() for e in entries]
        return len({e.origin for e in (*self.by_symbol.values(), *named)})


def _year(entry: RegistryEntry) -> int | None:
    return int(entry.date[:4]) if entry.date else None


def bundled_entries() -> list[RegistryEntry]:
    ref = resources.files("vbpl.data").joinpath("registry.csv")
    with resources.as_file(ref) as path:
        return read_entries(path, origin="registry.csv")


def load_registry(extra: Iterable[Path] = (), *, include_user: bool = True) -> Registry:
    """The bundled registry, then every CSV of the user registry directory, then `extra` files or folders."""
    entries = bundled_entries()
    sources: list[Path] = []
    if include_user and user_dir().is_dir():
        sources.append(user_dir())
    sources.extend(extra)
    for source in sources:
        files = sorted(source.glob("*.csv")) if source.is_dir() else [source]
        for file in files:
            entries.extend(read_entries(file))
    return Registry(entries)
