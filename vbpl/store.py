"""The corpus database: documents, their citations and ingest runs in one SQLite file.

Every later stage (graph, checker, web UI) reads this store, so it keeps what extraction found
verbatim, with indexes for the questions they ask: who cites an id, which documents carry a
symbol, what a province issued in a year. This module does SQL only: it never reads files or
runs the extractor; `vbpl.ingest` hands it parsed files.

The schema is versioned with `PRAGMA user_version`: `MIGRATIONS[i]` takes a database from
version i to i + 1, so opening an older file upgrades it in place and a newer one is refused.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from enum import StrEnum
from operator import attrgetter
from pathlib import Path
from typing import Any, Self, TypeVar

from vbpl.models import Citation, DocumentIdentity, Placeholder

MIGRATIONS: list[str] = [
    # 1: documents, citations, ingest runs and per-file outcomes.
    """
    CREATE TABLE documents (
        id            INTEGER PRIMARY KEY,
        source        TEXT NOT NULL UNIQUE,        -- absolute path of the file
        sha256        TEXT NOT NULL,               -- of the file's bytes
        size          INTEGER NOT NULL,            -- bytes
        format        TEXT NOT NULL,               -- txt | html | pdf | docx ...
        encoding      TEXT,                        -- when it was not plain UTF-8
        text          TEXT NOT NULL,               -- what the reader produced; offsets point into it
        pages         TEXT NOT NULL DEFAULT '[]',  -- JSON: offset where each page starts
        notes         TEXT NOT NULL DEFAULT '[]',  -- JSON: what the reader repaired or dropped
        placeholders  TEXT NOT NULL DEFAULT '[]',  -- JSON: blank-number drafts {start, end, text}
        type          TEXT,
        symbol        TEXT,
        date          TEXT,                        -- ISO yyyy-mm-dd
        year          INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) VIRTUAL,
        issuer        TEXT,
        place         TEXT,
        title         TEXT,
        placeholder   INTEGER NOT NULL DEFAULT 0,  -- the header's own number is blank (a draft)
        province      TEXT,
        province_now  TEXT,                        -- the province's 2025 successor
        level         TEXT,
        signer        TEXT,
        attached_to   TEXT,                        -- id of the document that issues this one
        header_start  INTEGER,
        header_end    INTEGER,
        ingested_at   TEXT NOT NULL
    );
    CREATE INDEX documents_symbol ON documents(symbol);
    CREATE INDEX documents_province ON documents(province);
    CREATE INDEX documents_province_now ON documents(province_now);
    CREATE INDEX documents_type_year ON documents(type, year);
    CREATE INDEX documents_year ON documents(year);

    CREATE TABLE citations (
        id           INTEGER PRIMARY KEY,
        document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal      INTEGER NOT NULL,             -- position among the document's citations
        start        INTEGER NOT NULL,
        "end"        INTEGER NOT NULL,
        page         INTEGER,                      -- 1-based; NULL when the format has no pages
        line         INTEGER NOT NULL,             -- 1-based
        col          INTEGER NOT NULL,             -- 1-based, in characters
        text         TEXT NOT NULL,
        kind         TEXT NOT NULL,
        form         TEXT NOT NULL,
        type         TEXT,
        symbol       TEXT,
        date         TEXT,
        year         INTEGER,
        issuer       TEXT,
        title        TEXT,
        relation     TEXT NOT NULL,
        cited_id     TEXT NOT NULL,
        name         TEXT,
        scope        TEXT,
        pinpoint     TEXT,
        issuer_now   TEXT,
        amended_by   TEXT NOT NULL DEFAULT '[]',   -- JSON list of ids
        UNIQUE (document_id, ordinal)
    );
    CREATE INDEX citations_cited_id ON citations(cited_id);
    CREATE INDEX citations_symbol ON citations(symbol);

    CREATE TABLE ingest_runs (
        id           INTEGER PRIMARY KEY,
        started_at   TEXT NOT NULL,
        finished_at  TEXT,                         -- NULL: the run was interrupted
        options      TEXT NOT NULL DEFAULT '{}'    -- JSON: paths, workers, force, version
    );
    CREATE TABLE ingest_files (
        id           INTEGER PRIMARY KEY,
        run_id       INTEGER NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
        path         TEXT NOT NULL,
        outcome      TEXT NOT NULL CHECK (outcome IN ('ingested', 'unchanged', 'replaced', 'skipped')),
        reason       TEXT,
        document_id  INTEGER REFERENCES documents(id) ON DELETE SET NULL
    );
    CREATE INDEX ingest_files_run ON ingest_files(run_id, outcome);
    CREATE INDEX ingest_files_document ON ingest_files(document_id);
    """,
    # 2: the citation graph's resolution, kept so that a build reads it instead of resolving a million citations
    # again (valid for the store state in graph_meta); symbols looked up whatever their case without a scan.
    """
    CREATE TABLE graph_meta (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL                       -- JSON
    );
    CREATE TABLE graph_nodes (
        seq    INTEGER PRIMARY KEY,                -- the order resolution met them in (index and graph order)
        id     TEXT NOT NULL UNIQUE,
        data   TEXT NOT NULL                       -- JSON: the node's fields and observations
    );
    CREATE TABLE resolutions (
        citation_id  INTEGER PRIMARY KEY,          -- citations.id
        node         TEXT,                         -- NULL: ambiguous or unresolved
        method       TEXT NOT NULL,
        confidence   REAL NOT NULL,
        candidates   TEXT NOT NULL DEFAULT '[]'    -- JSON [[node, score], ...] when node is NULL
    );
    CREATE INDEX resolutions_node ON resolutions(node);
    CREATE TABLE graph_derived (
        seq    INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        key    TEXT NOT NULL,
        data   TEXT NOT NULL                       -- JSON edge attributes
    );
    CREATE INDEX documents_symbol_nocase ON documents(symbol COLLATE NOCASE);
    """,
    # 3: the graph's edges as narrow rows in document order, ends as graph_nodes.seq: a build reads them in one
    # scan of integers instead of joining a million wide citation rows.
    """
    CREATE TABLE graph_edges (
        seq          INTEGER PRIMARY KEY,
        source       INTEGER NOT NULL,             -- graph_nodes.seq of the citing document
        target       INTEGER NOT NULL,             -- graph_nodes.seq of the resolved document
        citation_id  INTEGER NOT NULL,
        document_id  INTEGER NOT NULL,
        relation     TEXT NOT NULL,
        start        INTEGER NOT NULL,
        "end"        INTEGER NOT NULL,
        page         INTEGER,
        method       TEXT NOT NULL,
        confidence   REAL NOT NULL
    );
    """,
    # 4: who cites each node, as arrays (vbpl.citers): cited-by of a node with a hundred thousand citations is a
    # slice, and a build reads the arrays back instead of ordering a million edges again.
    """
    CREATE TABLE graph_columns (
        name   TEXT PRIMARY KEY,
        data   BLOB NOT NULL                       -- one .npy array, or JSON
    );
    """,
]

# A kept edge is stored at its citation's id: edges stay in citation order when some are written again.
_INSERT_EDGE = ('INSERT OR REPLACE INTO graph_edges (source, target, citation_id, seq, document_id, relation, start,'
                ' "end", page, method, confidence) VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)')

# A derived edge is stored at (stating document id) * DERIVED_PER_DOCUMENT + its place among that document's.
DERIVED_PER_DOCUMENT = 1 << 16
_INSERT_DERIVED = "INSERT INTO graph_derived (seq, source, target, key, data) VALUES (?, ?, ?, ?, ?)"

# Column name -> attribute of the extractor's data class, where the two differ.
_IDENTITY_COLUMNS = {
    "type": "type",
    "symbol": "symbol",
    "date": "date",
    "issuer": "issuer",
    "place": "place",
    "title": "title",
    "placeholder": "placeholder",
    "province": "province",
    "province_now": "province_now",
    "level": "level",
    "signer": "signer",
    "attached_to": "attached_to",
    "header_start": "start",
    "header_end": "end",
}
_CITATION_COLUMNS = {
    "start": "start",
    '"end"': "end",
    "text": "text",
    "kind": "kind",
    "form": "form",
    "type": "type",
    "symbol": "symbol",
    "date": "date",
    "year": "year",
    "issuer": "issuer",
    "title": "title",
    "relation": "relation",
    "cited_id": "id",
    "name": "name",
    "scope": "scope",
    "pinpoint": "pinpoint",
    "issuer_now": "issuer_now",
}
_citation_values = attrgetter(*_CITATION_COLUMNS.values())
# Columns of `Store.citation_rows`, in order.
CITATION_ROW = (
    "id", "document_id", "start", '"end"', "page", "kind", "form", "type", "symbol", "date", "year", "issuer",
    "title", "relation", "cited_id", "name", "scope", "amended_by",
)


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do."""


class AmbiguousKeyError(StoreError):
    """A symbol or file name names several documents (186/QĐ-UBND exists in every province)."""

    def __init__(self, key: str, candidates: list[StoredDocument]) -> None:
        super().__init__(f"{key!r} names {len(candidates)} documents; use the numeric id")
        self.key = key
        self.candidates = candidates


class Outcome(StrEnum):
    """What an ingest run did with one file."""

    ingested = "ingested"
    replaced = "replaced"
    unchanged = "unchanged"
    skipped = "skipped"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a citation starts, for people and checkers (`path:line:col`)."""

    page: int | None
    line: int
    col: int


@dataclass(slots=True)
class ParsedFile:
    """One file after reading and extraction: everything `upsert_document` writes."""

    source: str
    sha256: str
    size: int
    format: str
    encoding: str | None
    text: str
    pages: list[int]
    notes: list[str]
    identity: DocumentIdentity | None
    citations: list[Citation]
    locations: list[Location]  # one per citation, in the same order
    placeholders: list[Placeholder] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A row of `documents` without its text (ask `Store.text` for that)."""

    id: int
    source: str
    sha256: str
    size: int
    format: str
    encoding: str | None
    type: str | None
    symbol: str | None
    date: str | None
    year: int | None
    issuer: str | None
    place: str | None
    title: str | None
    placeholder: bool
    province: str | None
    province_now: str | None
    level: str | None
    signer: str | None
    attached_to: str | None
    header_start: int | None
    header_end: int | None
    pages: list[int]
    notes: list[str]
    placeholders: list[dict[str, Any]]
    ingested_at: str
    citation_count: int


@dataclass(frozen=True, slots=True)
class StoredCitation:
    """A row of `citations`: one mention of `cited_id` inside document `document_id`."""

    id: int
    document_id: int
    ordinal: int
    start: int
    end: int
    page: int | None
    line: int
    col: int
    text: str
    kind: str
    form: str
    type: str | None
    symbol: str | None
    date: str | None
    year: int | None
    issuer: str | None
    title: str | None
    relation: str
    cited_id: str
    name: str | None
    scope: str | None
    pinpoint: str | None
    issuer_now: str | None
    amended_by: list[str]


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """A row of `ingest_files`."""

    path: str
    outcome: Outcome
    reason: str | None = None
    document_id: int | None = None


_JSON_FIELDS = frozenset({"pages", "notes", "placeholders", "amended_by"})
_DOCUMENT_SELECT = (
    "SELECT d.id, d.source, d.sha256, d.size, d.format, d.encoding, "
    + ", ".join(f"d.{c}" for c in _IDENTITY_COLUMNS)
    + ", d.year, d.pages, d.notes, d.placeholders, d.ingested_at,"
    " (SELECT count(*) FROM citations c WHERE c.document_id = d.id) AS citation_count FROM documents d"
)


_T = TypeVar("_T")


def _row_to(cls: type[_T], row: sqlite3.Row) -> _T:
    values = {}
    for f in fields(cls):  # type: ignore[arg-type]
        value = row[f.name]
        if f.name in _JSON_FIELDS:
            value = json.loads(value)
        elif f.name == "placeholder":
            value = bool(value)
        elif f.name == "outcome":
            value = Outcome(value)
        values[f.name] = value
    return cls(**values)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """An open corpus database. Use `Store.open(path)`; close it or use it as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Self:
        """Open (and migrate) the database at `path`; with `create=False` a missing file is an error."""
        path = Path(path)
        if not create and not path.is_file():
            raise StoreError(f"no database at {path}; create it with `vbpl ingest PATH... --db {path}`")
        try:
            connection = sqlite3.connect(path, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {path}: {exc}") from exc
        connection.row_factory = sqlite3.Row
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL loses nothing on a process crash, only (the last commits) on power loss.
            connection.execute("PRAGMA synchronous = NORMAL")
            # Checkpoints are where WAL mode syncs to disk; fewer, larger ones keep per-file commits cheap.
            connection.execute("PRAGMA wal_autocheckpoint = 10000")
            _migrate(connection, path)
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise StoreError(f"{path} is not a usable vbpl database: {exc}") from exc
        except StoreError:
            connection.close()
            raise
        return cls(connection, path)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return self.connection.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: committed on success, rolled back on any exception."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    # --- writing -------------------------------------------------------------------------------------------

    def begin_run(self, options: Mapping[str, Any]) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO ingest_runs (started_at, options) VALUES (?, ?)",
                (_now(), json.dumps(options, ensure_ascii=False)),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int) -> None:
        with self.transaction() as db:
            db.execute("UPDATE ingest_runs SET finished_at = ? WHERE id = ?", (_now(), run_id))

    def known_files(self) -> dict[str, tuple[int, str]]:
        """source -> (document id, sha256) of every stored document, so unchanged files need not be parsed."""
        rows = self.connection.execute("SELECT source, id, sha256 FROM documents")
        return {source: (document_id, sha256) for source, document_id, sha256 in rows}

    def upsert_document(
        self, parsed: ParsedFile, run_id: int | None = None, *, force: bool = False, reason: str | None = None
    ) -> FileOutcome:
        """Store one parsed file in its own transaction: new, replaced (same path, new bytes) or unchanged.

        A replaced document keeps its numeric id; its citations are rewritten. With `force` an
        unchanged file is rewritten too (after the extractor improved). `reason` is recorded with
        the outcome of a run.
        """
        with self.transaction() as db:
            row = db.execute("SELECT id, sha256 FROM documents WHERE source = ?", (parsed.source,)).fetchone()
            if row is not None and row["sha256"] == parsed.sha256 and not force:
                outcome = FileOutcome(parsed.source, Outcome.unchanged, reason, row["id"])
            else:
                values = self._document_values(parsed)
                if row is None:
                    columns = ", ".join(values)
                    marks = ", ".join("?" * len(values))
                    cursor = db.execute(f"INSERT INTO documents ({columns}) VALUES ({marks})", tuple(values.values()))
                    outcome = FileOutcome(parsed.source, Outcome.ingested, reason, cursor.lastrowid)
                else:
                    assignments = ", ".join(f"{c} = ?" for c in values)
                    db.execute(f"UPDATE documents SET {assignments} WHERE id = ?", (*values.values(), row["id"]))
                    db.execute("DELETE FROM citations WHERE document_id = ?", (row["id"],))
                    outcome = FileOutcome(parsed.source, Outcome.replaced, reason, row["id"])
                self._insert_citations(db, outcome.document_id or 0, parsed)
            if run_id is not None:
                self._record(db, run_id, outcome)
        return outcome

    def record_outcome(self, run_id: int, outcome: FileOutcome) -> None:
        """Record a file the run did not write (skipped, or found unchanged before parsing)."""
        with self.transaction() as db:
            self._record(db, run_id, outcome)

    @staticmethod
    def _record(db: sqlite3.Connection, run_id: int, outcome: FileOutcome) -> None:
        db.execute(
            "INSERT INTO ingest_files (run_id, path, outcome, reason, document_id) VALUES (?, ?, ?, ?, ?)",
            (run_id, outcome.path, outcome.outcome.value, outcome.reason, outcome.document_id),
        )

    @staticmethod
    def _document_values(parsed: ParsedFile) -> dict[str, Any]:
        identity = parsed.identity
        values: dict[str, Any] = {
            "source": parsed.source,
            "sha256": parsed.sha256,
            "size": parsed.size,
            "format": parsed.format,
            "encoding": parsed.encoding,
            "text": parsed.text,
            "pages": json.dumps(parsed.pages),
            "notes": json.dumps(parsed.notes, ensure_ascii=False),
            "placeholders": json.dumps(
                [{"start": p.start, "end": p.end, "text": p.text} for p in parsed.placeholders], ensure_ascii=False
            ),
            "ingested_at": _now(),
        }
        for column, attribute in _IDENTITY_COLUMNS.items():
            values[column] = getattr(identity, attribute, None) if identity is not None else None
        values["placeholder"] = bool(values["placeholder"])
        return values

    @staticmethod
    def _insert_citations(db: sqlite3.Connection, document_id: int, parsed: ParsedFile) -> None:
        columns = ["document_id", "ordinal", "page", "line", "col", *_CITATION_COLUMNS, "amended_by"]
        marks = ", ".join("?" * len(columns))
        db.executemany(
            f"INSERT INTO citations ({', '.join(columns)}) VALUES ({marks})",
            (
                (
                    document_id,
                    ordinal,
                    where.page,
                    where.line,
                    where.col,
                    *_citation_values(c),
                    json.dumps(c.amended_by, ensure_ascii=False) if c.amended_by else "[]",
                )
                for ordinal, (c, where) in enumerate(zip(parsed.citations, parsed.locations, strict=True))
            ),
        )

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert rows as they are, in one transaction: for generated corpora, where a transaction per file
        and a data class per citation cost more than the data."""
        if table not in ("documents", "citations"):
            raise ValueError(f"bulk_insert writes documents or citations, not {table}")
        names = ", ".join('"end"' if c == "end" else c for c in columns)
        with self.transaction() as db:
            db.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows)

    # --- reading -------------------------------------------------------------------------------------------

    def documents(
        self, *, province: str | None = None, type: str | None = None, year: int | None = None
    ) -> list[StoredDocument]:
        """Documents in source order, filtered by province (then or now), type word and year."""
        where: list[str] = []
        params: list[str | int] = []
        if province:
            province = unicodedata.normalize("NFC", province)
            where.append("(d.province = ? COLLATE NOCASE OR d.province_now = ? COLLATE NOCASE)")
            params += [province, province]
        if type:
            where.append("d.type = ? COLLATE NOCASE")
            params.append(unicodedata.normalize("NFC", type))
        if year is not None:
            where.append("d.year = ?")
            params.append(year)
        sql = _DOCUMENT_SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.source"
        return [_row_to(StoredDocument, r) for r in self.connection.execute(sql, params)]

    def document(self, key: int | str) -> StoredDocument | None:
        """The document a person means by `key`: its numeric id, a source path, a symbol or a file name.

        Raises AmbiguousKeyError when a symbol or file name matches several documents.
        """
        if isinstance(key, int) or key.isdigit():
            return self._one(" WHERE d.id = ?", (int(key),), str(key))
        key = unicodedata.normalize("NFC", key.strip())
        found = self._one(" WHERE d.source = ?", (str(Path(key).resolve()),), key)
        found = found or self._one(" WHERE d.symbol = ? COLLATE NOCASE", (key,), key)
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return found or self._one(" WHERE d.source LIKE ? ESCAPE '\\'", ("%/" + escaped,), key)

    def _one(self, where: str, params: Sequence[Any], key: str) -> StoredDocument | None:
        rows = self.connection.execute(_DOCUMENT_SELECT + where + " ORDER BY d.source", params).fetchall()
        if len(rows) > 1:
            raise AmbiguousKeyError(key, [_row_to(StoredDocument, r) for r in rows])
        return _row_to(StoredDocument, rows[0]) if rows else None

    def text(self, document: StoredDocument | int) -> str:
        """The document's text, as the reader produced it; citation offsets point into it."""
        row = self.connection.execute("SELECT text FROM documents WHERE id = ?", (_id(document),)).fetchone()
        if row is None:
            raise KeyError(_id(document))
        return row[0]

    def citations_of(self, document: StoredDocument | int) -> list[StoredCitation]:
        """The document's citations, in text order."""
        rows = self.connection.execute(
            'SELECT * FROM citations WHERE document_id = ? ORDER BY ordinal', (_id(document),)
        )
        return [_row_to(StoredCitation, r) for r in rows]

    def citing(self, cited_id: str) -> list[StoredCitation]:
        """Every citation of the document `cited_id`, across the corpus (who relies on it, and how)."""
        rows = self.connection.execute(
            "SELECT * FROM citations WHERE cited_id = ? ORDER BY document_id, ordinal", (cited_id,)
        )
        return [_row_to(StoredCitation, r) for r in rows]

    def counts(self) -> dict[str, int]:
        """Row counts, for summaries."""
        return {
            table: self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "citations", "ingest_runs", "ingest_files")
        }

    # --- bulk reads for the citation graph ---------------------------------------------------------------

    def state(self) -> tuple[int, ...]:
        """A fingerprint of the stored contents: changes whenever a document or citation is written or removed.

        Cached results derived from the whole store (the citation graph) are valid while it stays the same.
        """
        row = self.connection.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT coalesce(max(id), 0) FROM documents),"
            " (SELECT count(*) FROM citations), (SELECT coalesce(max(id), 0) FROM citations),"
            " (SELECT coalesce(sum(length(ingested_at) + id), 0) FROM documents),"
            " (SELECT coalesce(max(id), 0) FROM ingest_runs)"
        ).fetchone()
        return tuple(row)

    def document_rows(self, after: int = 0, ids: Sequence[int] | None = None) -> list[sqlite3.Row]:
        """Identity columns of the documents (those with an id above `after`, or of `ids`), without text: what the
        graph needs for its nodes."""
        columns = ("SELECT id, source, type, symbol, date, year, issuer, title, placeholder, province, province_now,"
                   " level FROM documents")
        if ids is not None:
            return self._chunked(f"{columns} WHERE id IN ({{}})", ids, "id")
        return self.connection.execute(f"{columns} WHERE id > ? ORDER BY id", (after,)).fetchall()

    def citation_rows(self, after: int = 0) -> list[tuple[Any, ...]]:
        """The citations (with an id above `after`) as plain tuples in `CITATION_ROW` order: millions of rows
        without per-row objects."""
        return self.connection.execute(
            f"SELECT {', '.join(CITATION_ROW)} FROM citations WHERE id > ? ORDER BY document_id, ordinal", (after,)
        ).fetchall()

    def citation_rows_where(self, column: str, values: Sequence[Any], up_to: int) -> list[tuple[Any, ...]]:
        """Citation rows (`CITATION_ROW`, id at most `up_to`) whose `column` ('cited_id', 'document_id') is one of
        `values`, in document order."""
        if column not in ("cited_id", "document_id"):
            raise ValueError(column)
        rows = self._chunked(f"SELECT {', '.join(CITATION_ROW)}, ordinal FROM citations WHERE {column} IN ({{}})"
                             f" AND id <= {int(up_to)}", values, None)
        rows.sort(key=lambda row: (row[1], row[-1]))
        return [tuple(row)[:-1] for row in rows]

    def _chunked(self, query: str, values: Sequence[Any], order: str | None) -> list[Any]:
        """`query` (with `{}` for the placeholders of an IN list) over `values` in chunks SQLite accepts."""
        rows: list[Any] = []
        values = list(values)
        for at in range(0, len(values), 500):
            chunk = values[at : at + 500]
            rows += self.connection.execute(query.format(", ".join("?" * len(chunk))), chunk).fetchall()
        if order:
            rows.sort(key=lambda row: row[order])
        return rows

    def extent(self, documents_up_to: int | None = None, citations_up_to: int | None = None) -> list[Any]:
        """What the stored rows are, to tell later whether rows were only added since: count, max id and a digest
        (of every file's hash and ingest time) of the documents, count and max id of the citations; of the rows
        with ids up to the given ones."""
        up_to = 1 << 62
        count, top, listed = self.connection.execute(
            "SELECT count(*), coalesce(max(id), 0), coalesce(group_concat(id || ':' || sha256 || ':' || ingested_at,"
            " ';'), '') FROM (SELECT id, sha256, ingested_at FROM documents WHERE id <= ? ORDER BY id)",
            (documents_up_to if documents_up_to is not None else up_to,)).fetchone()
        digest = hashlib.sha1(listed.encode())
        citations = self.connection.execute(
            "SELECT count(*), coalesce(max(id), 0) FROM citations WHERE id <= ?",
            (citations_up_to if citations_up_to is not None else up_to,)).fetchone()
        return [count, top, digest.hexdigest(), *citations]

    def citation_rows_by_id(self, ids: Sequence[int]) -> list[sqlite3.Row]:
        """Citations by row id, with the line and column people quote."""
        return self._chunked("SELECT * FROM citations WHERE id IN ({})", ids, None)

    def text_slice(self, document_id: int, start: int, end: int) -> str:
        """Part of a document's text, without reading the whole text into Python."""
        row = self.connection.execute(
            "SELECT substr(text, ?, ?) FROM documents WHERE id = ?", (start + 1, max(0, end - start), document_id)
        ).fetchone()
        return row[0] if row else ""

    # --- the citation graph's kept resolution ------------------------------------------------------------

    def graph_meta(self, key: str) -> Any:
        """A value kept with the resolution (its store state, document nodes), None when absent."""
        row = self.connection.execute("SELECT value FROM graph_meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def save_graph(self, meta: Mapping[str, Any], nodes: Iterable[tuple[int, str, str]],
                   resolutions: Iterable[tuple[int, str | None, str, float, str]],
                   edges: Iterable[tuple[int, int, int, int, str, int, int, int | None, str, float]],
                   derived: Iterable[tuple[int, str, str, str, str]],
                   columns: Callable[[], Mapping[str, bytes]] = dict) -> None:
        """Replace the kept resolution in one transaction: readers see the old one or the new one, never a mix.

        `columns` gives the arrays made from the edges (`vbpl.citers`), called once the edges are written.

        The node index of `resolutions` is made again after its million rows are in (one sort, not a million
        B-tree inserts), and the page cache is raised meanwhile: evicting index pages is most of the cost otherwise.
        """
        cache_size = self.connection.execute("PRAGMA cache_size").fetchone()[0]
        self.connection.execute("PRAGMA cache_size = -150000")
        try:
            self._save_graph(meta, nodes, resolutions, edges, derived, columns)
        finally:
            self.connection.execute(f"PRAGMA cache_size = {int(cache_size)}")

    def _save_graph(self, meta: Mapping[str, Any], nodes: Iterable[tuple[int, str, str]],
                    resolutions: Iterable[tuple[int, str | None, str, float, str]],
                    edges: Iterable[tuple[int, int, int, int, str, int, int, int | None, str, float]],
                    derived: Iterable[tuple[int, str, str, str, str]],
                    columns: Callable[[], Mapping[str, bytes]]) -> None:
        with self.transaction() as db:
            for table in ("graph_meta", "graph_nodes", "resolutions", "graph_edges", "graph_derived", "graph_columns"):
                db.execute(f"DELETE FROM {table}")
            db.execute("DROP INDEX IF EXISTS resolutions_node")
            db.executemany("INSERT INTO graph_nodes (seq, id, data) VALUES (?, ?, ?)", nodes)
            db.executemany(
                "INSERT INTO resolutions (citation_id, node, method, confidence, candidates) VALUES (?, ?, ?, ?, ?)",
                resolutions)
            db.executemany(_INSERT_EDGE, edges)
            db.executemany(_INSERT_DERIVED, derived)
            db.executemany("INSERT INTO graph_columns (name, data) VALUES (?, ?)", columns().items())
            db.execute("CREATE INDEX resolutions_node ON resolutions(node)")
            db.executemany("INSERT INTO graph_meta (key, value) VALUES (?, ?)",
                           ((k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()))

    def update_graph(self, meta: Mapping[str, Any], nodes: Iterable[tuple[int, str, str]],
                     resolutions: Iterable[tuple[int, str | None, str, float, str]], unlinked: Sequence[int],
                     edges: Iterable[tuple[int, int, int, int, str, int, int, int | None, str, float]],
                     restated_by: Iterable[int], derived: Iterable[tuple[int, str, str, str, str]],
                     columns: Callable[[], Mapping[str, bytes]]) -> None:
        """Change the kept resolution in one transaction (after an ingest that added documents): nodes written
        (new or changed, by seq), resolutions written, the edges of `unlinked` citations removed and `edges`
        written, the derived edges of `restated_by` documents replaced by `derived`, the columns replaced."""
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO graph_nodes (seq, id, data) VALUES (?, ?, ?)", nodes)
            db.executemany("INSERT OR REPLACE INTO resolutions (citation_id, node, method, confidence, candidates)"
                           " VALUES (?, ?, ?, ?, ?)", resolutions)
            db.executemany("DELETE FROM graph_edges WHERE seq = ?", ((i,) for i in unlinked))
            db.executemany(_INSERT_EDGE, edges)
            db.executemany("DELETE FROM graph_derived WHERE seq >= ? AND seq < ?",
                           ((d * DERIVED_PER_DOCUMENT, (d + 1) * DERIVED_PER_DOCUMENT) for d in restated_by))
            db.executemany(_INSERT_DERIVED, derived)
            db.execute("DELETE FROM graph_columns")
            db.executemany("INSERT INTO graph_columns (name, data) VALUES (?, ?)", columns().items())
            db.executemany("INSERT OR REPLACE INTO graph_meta (key, value) VALUES (?, ?)",
                           ((k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()))

    def kept_resolutions(self, citation_ids: Sequence[int]) -> dict[int, tuple[str | None, str, float, str]]:
        """citation id -> (node, method, confidence, JSON candidates) as the kept resolution has them."""
        rows = self._chunked("SELECT citation_id, node, method, confidence, candidates FROM resolutions"
                             " WHERE citation_id IN ({})", citation_ids, None)
        return {row[0]: (row[1], row[2], row[3], row[4]) for row in rows}

    def nodes_still_used(self, nodes: set[str], besides: set[int]) -> set[str]:
        """Which of `nodes` some kept resolution (of a citation not in `besides`) names or lists as a candidate."""
        used = {row[0] for row in self._chunked("SELECT node, citation_id FROM resolutions WHERE node IN ({})",
                                                 sorted(nodes), None) if row[1] not in besides}
        for node in nodes - used:
            listing = self.connection.execute(
                "SELECT citation_id FROM resolutions WHERE node IS NULL AND instr(candidates, ?)",
                (json.dumps(node, ensure_ascii=False),))
            if any(row[0] not in besides for row in listing):
                used.add(node)
        return used

    def graph_nodes(self) -> tuple[list[str], str]:
        """The kept nodes in resolution order: their ids, and their data as one JSON array (one parse for all)."""
        ids = [row[0] for row in self.connection.execute("SELECT id FROM graph_nodes ORDER BY seq")]
        data = self.connection.execute(
            "SELECT '[' || coalesce(group_concat(data, ','), '') || ']'"
            " FROM (SELECT data FROM graph_nodes ORDER BY seq)").fetchone()[0]
        return ids, data

    def graph_edge_rows(self) -> sqlite3.Cursor:
        """The kept edges in document order: (source seq, target seq, citation_id, document_id, relation, start, end,
        page, method, confidence)."""
        cursor = self.connection.execute(
            'SELECT source, target, citation_id, document_id, relation, start, "end", page, method, confidence'
            " FROM graph_edges ORDER BY seq")
        cursor.row_factory = None
        return cursor

    def unresolved_citations(self) -> list[tuple[int, str]]:
        """(citation id, JSON candidates) of the citations the kept resolution left ambiguous (from `resolutions`
        alone: a scratch store in memory has no citations)."""
        cursor = self.connection.execute(
            "SELECT citation_id, candidates FROM resolutions WHERE node IS NULL ORDER BY citation_id")
        cursor.row_factory = None
        return cursor.fetchall()

    def graph_columns(self) -> dict[str, bytes]:
        """The arrays kept with the resolution (`vbpl.citers`), by name."""
        return dict(self.connection.execute("SELECT name, data FROM graph_columns").fetchall())

    def derived_edge_rows(self) -> list[tuple[str, str, str, str]]:
        """(source, target, key, JSON data) of the kept edges that texts state between documents they cite."""
        return self.connection.execute("SELECT source, target, key, data FROM graph_derived ORDER BY seq").fetchall()

    def run_outcomes(self, run_id: int) -> list[FileOutcome]:
        rows = self.connection.execute(
            "SELECT path, outcome, reason, document_id FROM ingest_files WHERE run_id = ? ORDER BY id", (run_id,)
        )
        return [_row_to(FileOutcome, r) for r in rows]


def _id(document: StoredDocument | int) -> int:
    return document if isinstance(document, int) else document.id


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the schema to the newest version, one migration per transaction."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise StoreError(
            f"{path} has schema version {version}, newer than this vbpl knows ({len(MIGRATIONS)}); upgrade vbpl"
        )
    while version < len(MIGRATIONS):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the write lock.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version < len(MIGRATIONS):
                for statement in _statements(MIGRATIONS[version]):
                    connection.execute(statement)
                version += 1
                connection.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements (`executescript` would commit on its own, breaking atomicity)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
    if pending.strip():
        raise StoreError(f"unterminated statement in migration: {pending.strip()[:80]}")
