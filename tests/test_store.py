"""The corpus database: schema versions, idempotent and atomic writes, and the lookups later stages use."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from vbpl import store as store_module
from vbpl.ingest import parse
from vbpl.store import AmbiguousKeyError, Outcome, ParsedFile, Store, StoreError

PLAN = """ỦY BAN NHÂN DÂN
TỈNH ĐỒNG NAI
Số: 12015/KH-UBND
Đồng Nai, ngày 01 tháng 10 năm 2021

KẾ HOẠCH
Thực hiện Chương trình quốc gia về năng suất

Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ;
Thực hiện Kế hoạch số 407-KH/TU ngày 02/3/2021 của Tỉnh ủy;
Căn cứ Quyết định số 186/QĐ-UBND ngày 20/01/2021 của Ủy ban nhân dân tỉnh.
"""
DECISION = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 186/QĐ-UBND
An Giang, ngày 20 tháng 01 năm 2018

QUYẾT ĐỊNH
Về việc ban hành kế hoạch

Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ;
"""


def parsed(tmp_path: Path, name: str, text: str) -> ParsedFile:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    result = parse(str(path.resolve()))
    assert isinstance(result, ParsedFile), result
    return result


@pytest.fixture
def db(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "corpus.sqlite") as opened:
        yield opened


def test_a_new_database_has_the_current_schema_wal_and_foreign_keys(db: Store) -> None:
    assert db.version == len(store_module.MIGRATIONS) >= 1
    assert db.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    tables = {r[0] for r in db.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "citations", "ingest_runs", "ingest_files"} <= tables
    indexes = {r[0] for r in db.connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"citations_cited_id", "citations_symbol", "documents_province", "documents_type_year"} <= indexes


def test_a_newer_database_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {len(store_module.MIGRATIONS) + 5}")
    with pytest.raises(StoreError, match="newer than this vbpl knows"):
        Store.open(path)


def test_an_older_database_is_migrated_in_place_and_keeps_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "corpus.sqlite"
    with Store.open(path) as old:
        old.upsert_document(parsed(tmp_path, "plan.txt", PLAN))
    version = len(store_module.MIGRATIONS)
    monkeypatch.setattr(
        store_module,
        "MIGRATIONS",
        [*store_module.MIGRATIONS, "ALTER TABLE documents ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;"],
    )
    with Store.open(path) as new:
        assert new.version == version + 1
        rows = new.connection.execute("SELECT symbol, reviewed FROM documents").fetchall()
        assert [tuple(r) for r in rows] == [("12015/KH-UBND", 0)]


def test_a_failing_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "corpus.sqlite"
    Store.open(path).close()
    version = len(store_module.MIGRATIONS)
    broken = "CREATE TABLE notes (body TEXT);\nINSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, broken])
    with pytest.raises(StoreError):
        Store.open(path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == version
        assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'notes'").fetchone()[0] == 0


def test_a_file_that_is_not_a_database_and_a_missing_one_give_clear_errors(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable vbpl database"):
        Store.open(junk)
    with pytest.raises(StoreError, match="no database at"):
        Store.open(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


def test_upsert_is_idempotent_and_a_changed_file_replaces_its_rows(db: Store, tmp_path: Path) -> None:
    first = parsed(tmp_path, "plan.txt", PLAN)
    created = db.upsert_document(first)
    assert created.outcome is Outcome.ingested
    assert db.upsert_document(first).outcome is Outcome.unchanged
    assert db.counts()["documents"] == 1
    assert len(db.citations_of(created.document_id)) == len(first.citations) == 3

    without_party_plan = PLAN.replace("Thực hiện Kế hoạch số 407-KH/TU ngày 02/3/2021 của Tỉnh ủy;\n", "")
    second = parsed(tmp_path, "plan.txt", without_party_plan)
    replaced = db.upsert_document(second)
    assert replaced.outcome is Outcome.replaced
    assert replaced.document_id == created.document_id
    assert (db.counts()["documents"], db.counts()["citations"]) == (1, 2)
    assert db.text(created.document_id) == second.text
    assert db.upsert_document(second, force=True).outcome is Outcome.replaced


def test_a_replacement_that_fails_half_way_leaves_the_old_rows(db: Store, tmp_path: Path) -> None:
    first = parsed(tmp_path, "plan.txt", PLAN)
    document_id = db.upsert_document(first).document_id
    broken = replace(first, sha256="0" * 64, text="changed", locations=first.locations[:1])  # citations without places
    with pytest.raises(ValueError):
        db.upsert_document(broken)
    assert db.text(document_id) == first.text
    assert [c.text for c in db.citations_of(document_id)] == [c.text for c in first.citations]
    assert db.connection.execute("SELECT sha256 FROM documents").fetchone()[0] == first.sha256


def test_a_new_file_that_fails_half_way_leaves_no_row(db: Store, tmp_path: Path) -> None:
    plan = parsed(tmp_path, "plan.txt", PLAN)
    run_id = db.begin_run({})
    with pytest.raises(ValueError):
        db.upsert_document(replace(plan, locations=plan.locations[:1]), run_id)
    assert db.counts() == {"documents": 0, "citations": 0, "ingest_runs": 1, "ingest_files": 0}


def test_deleting_a_document_deletes_its_citations(db: Store, tmp_path: Path) -> None:
    document_id = db.upsert_document(parsed(tmp_path, "plan.txt", PLAN)).document_id
    with db.transaction() as connection:
        connection.execute("DELETE FROM documents WHERE id = ?", (document_id,))
    assert db.counts()["citations"] == 0


def test_stored_citations_keep_spans_locations_and_every_field(db: Store, tmp_path: Path) -> None:
    plan = parsed(tmp_path, "plan.txt", PLAN)
    document_id = db.upsert_document(plan).document_id
    stored = db.citations_of(document_id)
    for original, row in zip(plan.citations, stored, strict=True):
        assert PLAN[row.start : row.end] == row.text == original.text
        assert (row.cited_id, row.relation, row.symbol, row.date, row.amended_by) == (
            original.id,
            original.relation,
            original.symbol,
            original.date,
            original.amended_by,
        )
        line_start = PLAN.rfind("\n", 0, row.start) + 1
        assert (row.line, row.col, row.page) == (PLAN.count("\n", 0, row.start) + 1, row.start - line_start + 1, None)
    assert stored[0].line == 9 and stored[0].col == 8


def test_lookups_by_province_type_year_key_and_cited_id(db: Store, tmp_path: Path) -> None:
    plan_id = db.upsert_document(parsed(tmp_path, "plan.txt", PLAN)).document_id
    decision_id = db.upsert_document(parsed(tmp_path, "decision.txt", DECISION)).document_id
    db.upsert_document(parsed(tmp_path, "other/decision.txt", DECISION.replace("TỈNH AN GIANG", "TỈNH NGHỆ AN")))

    assert [d.id for d in db.documents(province="Đồng Nai")] == [plan_id]
    assert [d.id for d in db.documents(type="Kế hoạch", year=2021)] == [plan_id]
    assert [d.id for d in db.documents(year=2018)][:1] == [decision_id]
    assert db.documents(year=1999) == []
    plan = db.document(str(plan_id))
    assert plan is not None and plan.symbol == "12015/KH-UBND" and plan.province == "Đồng Nai"
    assert plan.year == 2021 and plan.citation_count == 3 and plan.format == "txt"
    assert db.document("12015/KH-UBND") == plan
    assert db.document(str(tmp_path / "plan.txt")) == plan
    assert db.document("plan.txt") == plan
    assert db.document("nothing-like-this") is None
    with pytest.raises(AmbiguousKeyError) as ambiguous:
        db.document("186/QĐ-UBND")
    assert len(ambiguous.value.candidates) == 2
    with pytest.raises(AmbiguousKeyError):
        db.document("decision.txt")

    national = db.citations_of(plan_id)[0].cited_id
    assert {c.document_id for c in db.citing(national)} == {d.id for d in db.documents()}
    assert db.citing("no-such-id") == []
