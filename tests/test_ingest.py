"""`vbpl ingest`, `docs` and `show` end to end: walking, idempotence, bad inputs, a killed run, the corpus."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vbpl import extract
from vbpl.cli import app
from vbpl.ingest import PathError, collect, ingest
from vbpl.store import Outcome, Store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(ROOT.glob("corpora/**/*.txt"))
PLAN = (ROOT / "corpora/seeds/001_cf20e38e42f47376.txt").read_text(encoding="utf-8")
runner = CliRunner()


def run(*args: str | Path, env: dict[str, str] | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def database_is_sound(db: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    return connection


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three plans, one in a subfolder, beside files a walk must leave out or try."""
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text(PLAN, encoding="utf-8")
    (root / "b.md").write_text(PLAN.replace("12015/KH-UBND", "12016/KH-UBND"), encoding="utf-8")
    (root / "sub" / "c.txt").write_text(CORPUS[0].read_text(encoding="utf-8"), encoding="utf-8")
    (root / "a.gold.json").write_text("{}", encoding="utf-8")
    (root / ".secret.txt").write_text(PLAN, encoding="utf-8")
    (root / ".hidden" / "d.txt").write_text(PLAN, encoding="utf-8")
    return root


def test_collect_walks_folders_leaves_out_hidden_and_non_documents_and_tries_unknown_types(folder: Path) -> None:
    (folder / "notes.rtf").write_text(PLAN, encoding="utf-8")
    found = collect([str(folder)])
    assert [p.relative_to(folder).as_posix() for p in found.files] == ["a.txt", "b.md", "notes.rtf", "sub/c.txt"]
    assert found.ignored == {".json": 1}
    named = collect([str(folder / "a.gold.json"), str(folder / "a.txt"), str(folder)])
    assert named.files[0].name == "a.gold.json" and len(named.files) == 5  # named explicitly: tried; no duplicates
    assert [p.name for p in collect([f"{folder}/**/*.txt"]).files] == ["a.txt", "c.txt"]
    assert collect([str(folder)], exclude=[folder / "a.txt"]).files[0].name == "b.md"
    with pytest.raises(PathError, match="no such file or folder"):
        collect([str(folder / "missing.txt")])
    with pytest.raises(PathError, match="matches no file"):
        collect([f"{folder}/*.pdf"])


def test_ingest_twice_changes_nothing_and_a_changed_file_is_replaced(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.sqlite"
    first = run("ingest", folder, "--db", db)
    assert first.exit_code == 0, first.output
    assert "3 files: 3 ingested" in first.output
    assert "left out by file type: 1 .json" in first.output

    again = run("ingest", folder, "--db", db)
    assert again.exit_code == 0, again.output
    assert "3 files: 0 ingested, 3 unchanged" in again.output

    (folder / "a.txt").write_text(PLAN.replace("Căn cứ", "Theo"), encoding="utf-8")
    changed = run("ingest", folder, "--db", db)
    assert changed.exit_code == 0, changed.output
    assert "3 files: 0 ingested, 1 replaced, 2 unchanged" in changed.output

    connection = database_is_sound(db)
    assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    outcomes = connection.execute(
        "SELECT run_id, outcome, count(*) FROM ingest_files GROUP BY run_id, outcome ORDER BY run_id, outcome"
    ).fetchall()
    assert outcomes == [(1, "ingested", 3), (2, "unchanged", 3), (3, "replaced", 1), (3, "unchanged", 2)]
    assert connection.execute("SELECT count(*) FROM ingest_runs WHERE finished_at IS NULL").fetchone()[0] == 0
    with Store.open(db) as store:
        replaced = store.document(str(folder / "a.txt"))
        assert replaced is not None
        assert store.text(replaced).count("Theo") >= 1
        assert len(store.citations_of(replaced)) == len(extract(store.text(replaced)).citations)


def test_bad_files_are_skipped_with_reasons_and_the_rest_is_ingested(folder: Path, tmp_path: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "image.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "plan.xyz").write_text(PLAN.replace("12015/KH-UBND", "12017/KH-UBND"), encoding="utf-8")
    db = tmp_path / "corpus.sqlite"
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == 0, result.output
    assert "7 files: 4 ingested, 3 skipped" in result.output
    assert "plan.xyz: unknown file type, read as txt" in result.output
    connection = database_is_sound(db)
    skipped = dict(connection.execute("SELECT path, reason FROM ingest_files WHERE outcome = 'skipped'").fetchall())
    assert {Path(p).name for p in skipped} == {"empty.txt", "junk.bin", "image.pdf"}
    assert all(reason and len(reason) > 4 for reason in skipped.values()), skipped
    assert "empty" in skipped[str(folder / "empty.txt")]
    for name in ("empty.txt", "junk.bin", "image.pdf"):
        assert name in result.output
    assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 4


@pytest.mark.skipif(not (ROOT / "tests/fixtures/broken").is_dir(), reason="scripts/make_fixtures.py writes them")
def test_the_reader_fixtures_ingest_and_the_broken_ones_are_skipped_with_reasons(tmp_path: Path) -> None:
    fixtures = ROOT / "tests/fixtures"
    db = tmp_path / "corpus.sqlite"
    result = run("ingest", fixtures, "--db", db, "--workers", "2")
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        outcomes = {Path(o.path): o for o in store.run_outcomes(1)}
    for path, outcome in outcomes.items():
        broken = path.parent.name == "broken"
        assert outcome.outcome is (Outcome.skipped if broken else Outcome.ingested), outcome
        assert bool(outcome.reason) == broken or path.suffix not in {".txt", ".pdf", ".docx", ".html"}
    assert sum(p.parent.name == "broken" for p in outcomes) == len(list((fixtures / "broken").iterdir()))
    database_is_sound(db)
    with Store.open(db) as store:
        paged = [d for d in store.documents() if d.format == "pdf" and len(d.pages) > 1]
        if paged:
            pages = [c.page for c in store.citations_of(paged[0])]
            assert pages == sorted(pages) and pages[0] >= 1 and None not in pages
            assert "page 2" in run("show", str(paged[0].id), "--db", db).output


def test_a_missing_path_or_an_unusable_database_fails_the_run_with_a_clear_message(tmp_path: Path) -> None:
    result = run("ingest", tmp_path / "nowhere", "--db", tmp_path / "corpus.sqlite")
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
    assert not (tmp_path / "corpus.sqlite").exists()
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "broken.sqlite").write_bytes(b"not sqlite" * 1000)
    result = run("ingest", tmp_path / "plan.txt", "--db", tmp_path / "broken.sqlite")
    assert result.exit_code == 2
    assert "not a usable vbpl database" in result.output


def test_two_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    rows = []
    for workers in (1, 2):
        with Store.open(tmp_path / f"w{workers}.sqlite") as store:
            report = ingest(store, CORPUS, workers=workers)
            assert report.count(Outcome.ingested) == len(CORPUS)
            rows.append(
                store.connection.execute(
                    "SELECT d.source, d.symbol, d.province, c.ordinal, c.start, c.cited_id, c.relation, c.line"
                    " FROM documents d LEFT JOIN citations c ON c.document_id = d.id ORDER BY d.source, c.ordinal"
                ).fetchall()
            )
    assert [tuple(r) for r in rows[0]] == [tuple(r) for r in rows[1]]


def test_a_reader_or_extractor_bug_costs_one_file_not_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vbpl.ingest

    real_reader, real_extract = vbpl.ingest.read_document, vbpl.ingest.extract

    def buggy_reader(path: Path):
        if path.name == "reader.txt":
            raise TypeError("lines_of() takes 1 positional argument but 2 were given")
        return real_reader(path)

    def buggy_extract(text: str):
        if "EXTRACTOR" in text:
            raise IndexError("list index out of range")
        return real_extract(text)

    monkeypatch.setattr(vbpl.ingest, "read_document", buggy_reader)
    monkeypatch.setattr(vbpl.ingest, "extract", buggy_extract)
    for name, text in (("good.txt", PLAN), ("reader.txt", PLAN), ("extractor.txt", PLAN + "EXTRACTOR")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "corpus.sqlite") as store:
        report = ingest(store, collect([str(tmp_path)]).files)
        reasons = {Path(o.path).name: o.reason for o in report.outcomes if o.outcome is Outcome.skipped}
        assert reasons == {
            "reader.txt": "reader failed: TypeError: lines_of() takes 1 positional argument but 2 were given",
            "extractor.txt": "extractor failed: IndexError: list index out of range",
        }
        assert report.count(Outcome.ingested) == 1


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers must inherit the patched reader")
def test_a_file_that_kills_its_worker_process_is_skipped_and_the_others_are_ingested(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vbpl.ingest

    real_reader = vbpl.ingest.read_document

    def crashing_reader(path: Path):
        if path.name == "crash.txt":
            os._exit(1)  # what a segfault in a PDF library looks like to the pool
        return real_reader(path)

    monkeypatch.setattr(vbpl.ingest, "read_document", crashing_reader)
    for i in range(30):
        (tmp_path / f"plan{i:02d}.txt").write_text(PLAN + f"\n{i}\n", encoding="utf-8")
    (tmp_path / "crash.txt").write_text(PLAN, encoding="utf-8")
    with Store.open(tmp_path / "corpus.sqlite") as store:
        report = ingest(store, collect([str(tmp_path)]).files, workers=2)
        assert report.count(Outcome.ingested) == 30
        [skipped] = [o for o in report.outcomes if o.outcome is Outcome.skipped]
        assert Path(skipped.path).name == "crash.txt" and "killed the worker process" in (skipped.reason or "")
        assert len(report.outcomes) == 31 == len({o.path for o in report.outcomes})


def test_every_bundled_corpus_file_ingests_with_all_its_citations(tmp_path: Path) -> None:
    assert len(CORPUS) >= 40
    with Store.open(tmp_path / "corpus.sqlite") as store:
        report = ingest(store, CORPUS)
        assert [o for o in report.outcomes if o.outcome is not Outcome.ingested] == []
        for path in CORPUS:
            document = store.document(str(path))
            assert document is not None
            text = path.read_text(encoding="utf-8")
            expected = extract(text)
            stored = store.citations_of(document)
            assert [(c.start, c.end, c.cited_id) for c in stored] == [
                (c.start, c.end, c.id) for c in expected.citations
            ]
            assert all(text[c.start : c.end] == c.text for c in stored)
            if expected.document is not None:
                assert (document.symbol, document.date) == (expected.document.symbol, expected.document.date)


def _generate(folder: Path, count: int) -> dict[str, int]:
    """`count` corpus texts, each made unique by a trailing line; file name -> expected citation count."""
    folder.mkdir()
    bases = [p.read_text(encoding="utf-8") for p in CORPUS]
    citations = [len(extract(text).citations) for text in bases]
    expected = {}
    for i in range(count):
        name = f"doc{i:04d}_{i % len(bases):02d}.txt"
        (folder / name).write_text(bases[i % len(bases)] + f"\n\nBản sao số {i}.\n", encoding="utf-8")
        expected[name] = citations[i % len(bases)]
    return expected


def _ingest_process(folder: Path, db: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", "from vbpl.cli import app; app()", "ingest", str(folder), "--db", str(db)]
    return subprocess.Popen(
        [*command, "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, so the kill reaches the workers too
        cwd=ROOT,
    )


def _committed(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as reader:
            return reader.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_run_killed_with_sigkill_leaves_a_sound_database_and_a_rerun_finishes(tmp_path: Path) -> None:
    folder, db = tmp_path / "many", tmp_path / "corpus.sqlite"
    expected = _generate(folder, 400)
    process = _ingest_process(folder, db)
    deadline = time.monotonic() + 60
    while _committed(db) < 25 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert process.poll() is None, "the run finished before it could be killed; generate more files"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL

    connection = database_is_sound(db)
    committed = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 25 <= committed < len(expected)
    recorded = connection.execute("SELECT count(*) FROM ingest_files WHERE outcome = 'ingested'").fetchone()[0]
    assert recorded == committed  # a file's outcome row commits with its document, never apart
    assert connection.execute("SELECT finished_at FROM ingest_runs").fetchall() == [(None,)]
    counts = connection.execute(
        "SELECT d.source, count(c.id) FROM documents d LEFT JOIN citations c ON c.document_id = d.id GROUP BY d.id"
    ).fetchall()
    assert {Path(source).name: n for source, n in counts} == {Path(s).name: expected[Path(s).name] for s, _ in counts}
    connection.close()

    rerun = _ingest_process(folder, db)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert f"{len(expected)} files: {len(expected) - committed} ingested, {committed} unchanged" in out
    connection = database_is_sound(db)
    assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == len(expected)
    assert connection.execute("SELECT count(*) FROM citations").fetchone()[0] == sum(expected.values())
    assert connection.execute("SELECT count(*) FROM ingest_runs WHERE finished_at IS NOT NULL").fetchone()[0] == 1


@pytest.fixture
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "corpus.sqlite"
    with Store.open(db) as store:
        ingest(store, CORPUS)
    return db


def test_docs_lists_and_filters_documents_as_a_table_or_json(corpus_db: Path) -> None:
    table = run("docs", "--db", corpus_db)
    assert table.exit_code == 0, table.output
    assert f"{len(CORPUS)} documents in" in table.output
    assert "12015/KH-UBND" in table.output

    dong_nai = run("docs", "--db", corpus_db, "--province", "Đồng Nai", "--format", "json")
    assert dong_nai.exit_code == 0, dong_nai.output
    documents = json.loads(dong_nai.output)
    assert documents and all("Đồng Nai" in (d["province"], d["province_now"]) for d in documents)
    assert {d["province"] for d in documents} >= {"Đồng Nai", "Bình Phước"}  # merged into Đồng Nai in 2025
    assert "12015/KH-UBND" in {d["symbol"] for d in documents}

    plans_2021 = json.loads(run("docs", "--db", corpus_db, "--type", "Kế hoạch", "--year", "2021", "-f", "json").output)
    assert plans_2021 and all(d["type"] == "Kế hoạch" and d["year"] == 2021 for d in plans_2021)
    assert json.loads(run("docs", "--db", corpus_db, "--year", "1900", "-f", "json").output) == []


def test_show_prints_metadata_and_text_with_citations_coloured_by_relation(corpus_db: Path) -> None:
    plain = run("show", "12015/KH-UBND", "--db", corpus_db)
    assert plain.exit_code == 0, plain.output
    assert "Đồng Nai" in plain.output and "2021-10-01" in plain.output
    assert "Quyết định số 1322/QĐ-TTg" in plain.output
    assert "relations:" in plain.output and "basis" in plain.output

    coloured = run("show", "001_cf20e38e42f47376.txt", "--db", corpus_db, env={"FORCE_COLOR": "1", "TERM": "xterm"})
    assert coloured.exit_code == 0, coloured.output
    assert "\x1b[1;32m" in coloured.output  # basis: bold green
    assert "\x1b[1;32mQuyết định số 1322/QĐ-TTg" in coloured.output.replace("\n", " ").replace("\x1b[0m\x1b[1;32m", "")


def test_docs_and_show_explain_a_missing_database_or_document(tmp_path: Path, corpus_db: Path) -> None:
    for command in (["docs"], ["show", "1"]):
        result = run(*command, "--db", tmp_path / "none.sqlite")
        assert result.exit_code == 2
        assert "no database at" in result.output and "vbpl ingest" in result.output
        assert not (tmp_path / "none.sqlite").exists()
    missing = run("show", "999/QĐ-XYZ", "--db", corpus_db)
    assert missing.exit_code == 1 and "vbpl docs" in missing.output
