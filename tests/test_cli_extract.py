"""`vbpl extract` as programs and people use it: the JSON contract, stdin, the table, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vbpl.cli import app

PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nSố: 12015/KH-UBND\nĐồng Nai, ngày 01 tháng 10 năm 2021\n\nKẾ HOẠCH\n"
    "Thực hiện Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ\n\n"
    "Căn cứ Luật Khoa học và Công nghệ ngày 18/6/2013;\n"
    "Thực hiện Quyết định 1322/QĐ-TTg, Ủy ban nhân dân tỉnh ban hành Kế hoạch.\n"
)
CITATION_KEYS = {"start", "end", "text", "kind", "type", "symbol", "date", "issuer", "title", "relation", "id"}
DOCUMENT_KEYS = {"type", "symbol", "date", "issuer", "place", "title"}


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_json_is_one_object_per_input_with_honest_spans(tmp_path: Path, runner: CliRunner) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    nfd = tmp_path / "nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", PLAN), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(plan), str(nfd), "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == [str(plan), str(nfd)]
    for record, path in zip(records, (plan, nfd), strict=True):
        text = path.read_text(encoding="utf-8")
        assert record["document"].keys() >= DOCUMENT_KEYS
        assert record["document"]["symbol"] == "12015/KH-UBND"
        assert record["document"]["date"] == "2021-10-01"
        citations = record["citations"]
        assert citations and all(c.keys() >= CITATION_KEYS for c in citations)
        for c in citations:
            assert c["text"] == text[c["start"] : c["end"]]  # offsets into the text as given, NFD too
            assert c["kind"] in {"number", "name"}
        decisions = [c for c in citations if c["symbol"] == "1322/QĐ-TTg"]
        assert len(decisions) == 2 and decisions[0]["id"] == decisions[1]["id"]
        assert [c["relation"] for c in decisions] == ["implements", "implements"]
        assert decisions[0]["date"] == "2020-08-31"
        law = next(c for c in citations if c["kind"] == "name")
        assert law["relation"] == "basis" and law["date"] == "2013-06-18"


def test_jsonl_and_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=PLAN.encode("utf-8"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["source"] == "-"
    assert {c["symbol"] for c in record["citations"] if c["symbol"]} == {"1322/QĐ-TTg"}


def test_table_for_people(tmp_path: Path, runner: CliRunner) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(plan)])
    assert result.exit_code == 0, result.output
    assert "1322/QĐ-TTg" in result.stdout and "implements" in result.stdout
    assert "3 citations of 2 documents" in result.stdout
    one = tmp_path / "one.txt"
    one.write_text("Căn cứ Nghị định số 10/2020/NĐ-CP;\n", encoding="utf-8")
    assert "1 citation of 1 document\n" in runner.invoke(app, ["extract", str(one)]).stdout


def test_bad_inputs_are_said_and_the_others_still_processed(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    paths = [str(tmp_path / "empty.txt"), str(good), str(tmp_path / "binary.txt"), str(tmp_path / "missing.txt")]
    result = runner.invoke(app, ["extract", *paths, "--format", "json"])
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == [str(good)]
    assert "empty file" in result.stderr and "binary data" in result.stderr and "no such file" in result.stderr


def test_the_installed_command_reads_nfd_from_stdin() -> None:
    command = Path(sys.executable).with_name("vbpl")  # the script the install put beside this interpreter
    nfd = unicodedata.normalize("NFD", PLAN)
    done = subprocess.run(
        [str(command), "extract", "-", "--format", "json"], input=nfd.encode("utf-8"), capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    first = json.loads(done.stdout)[0]["citations"][0]
    assert (
        first["text"] == nfd[first["start"] : first["end"]] == unicodedata.normalize("NFD", "Quyết định số 1322/QĐ-TTg")
    )
