"""vbpl check: the findings a careful reader makes on the bundled corpus, one table row per code, exit codes, shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vbpl.check import CHECKS, check_document
from vbpl.cli import app
from vbpl.cli_check import run_check
from vbpl.extract import extract
from vbpl.registry import load_registry
from vbpl.status import StatusBook

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
DOCS = ROOT / "corpora" / "docs"
AS_OF = "2026-06-01"
runner = CliRunner()


def findings_of(text: str, path: str = "draft.txt", *others: Path):
    book = StatusBook(load_registry(include_user=False))
    for other in others:
        t = other.read_text(encoding="utf-8")
        r = extract(t)
        book.add_document(str(other), r.document, t, r.citations)
    result = extract(text)
    book.add_document(path, result.document, text, result.citations)
    return check_document(path, text, result, book, AS_OF)


def codes(findings) -> list[str]:
    return [f.code for f in findings]


# --- on the bundled corpus, from reading the texts ----------------------------------------------------------------


def test_dong_nai_2021_plan():
    """12015/KH-UBND (1/10/2021): Luật KH&CN 2013 replaced since 1/10/2025, but the plan's closing note follows
    replacements; the Quy hoạch 'đến năm 2020' (734/QĐ-TTg) and Chương trình 712/QĐ-TTg 'đến năm 2020' had ended."""
    path = next(SEEDS.glob("001_*.txt"))
    findings = run_check([path], as_of=AS_OF)[0]
    by_code = {f.code: f for f in findings}
    law = by_code["VB101"]
    assert law.severity == "info" and "93/2025/QH15" in law.message and "dynamic-reference clause" in law.message
    assert "vneconomy.vn" in law.message  # the evidence the message names
    ended = [f.message for f in findings if f.code == "VB103"]
    assert any("734/QĐ-TTg" in m and "2020" in m for m in ended) and any("712/QĐ-TTg" in m for m in ended)
    assert by_code["VB001"].line == 252


def test_ninh_thuan_draft_of_2024_is_not_flagged_for_2025_changes():
    path = next(SEEDS.glob("004_*.txt"))
    assert not {"VB201", "VB202", "VB203"} & set(codes(run_check([path], as_of=AS_OF)[0]))


def test_ninh_thuan_text_dated_after_july_2025_names_bodies_that_no_longer_exist():
    text = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    text = text.replace("ngày tháng 4 năm 2024", "ngày tháng 8 năm 2025")
    found = findings_of(text)
    messages = {f.code: f.message for f in found}
    assert "Khánh Hòa" in messages["VB202"] and "Ninh Thuận" in messages["VB202"]
    assert any("Sở Thông tin và Truyền thông" in f.message and "Sở Khoa học và Công nghệ" in f.message
               for f in found if f.code == "VB201")
    assert any("Sở Kế hoạch và Đầu tư" in f.message and "Sở Tài chính" in f.message for f in found if f.code == "VB201")
    assert "huyện" in messages["VB203"] and "2025-07-01" in messages["VB203"]
    assert all("[" in f.message for f in found if f.code.startswith("VB2"))  # every one names its source


def test_ninh_thuan_list_of_so_after_the_merger_names_the_successor():
    """Section 8 assigns 'Các Sở: Công Thương, Giao thông vận tải, Xây dựng': the Sở GTVT merged into Sở Xây dựng."""
    text = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    found = findings_of(text.replace("ngày tháng 4 năm 2024", "ngày tháng 8 năm 2025"))
    transport = [f for f in found if f.code == "VB201" and "Giao thông vận tải" in f.message]
    assert len(transport) == 1 and transport[0].line == 99
    assert "(Sở Giao thông vận tải, in a list)" in transport[0].message and "Sở Xây dựng" in transport[0].message
    assert not any("Giao thông vận tải" in f.message for f in findings_of(text))  # April 2024: still there


def test_dong_nai_lists_of_so_re_dated():
    """The 2021 Đồng Nai plan assigns 'Các Sở: Công Thương; Nông nghiệp và Phát triển nông thôn; …; Lao động -
    Thương binh và Xã hội': dated after 1 March 2025, every merged Sở of the list is named with its successor."""
    text = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")
    found = findings_of(text.replace("ngày 01 tháng 10 năm 2021", "ngày 01 tháng 10 năm 2025"))
    merged = {f.message.split(" no longer exists")[0]: f.message for f in found if f.code == "VB201"}
    assert "'Giao thông vận tải' (Sở Giao thông vận tải, in a list)" in merged
    assert "Sở Nội vụ" in merged["'Lao động - Thương binh và Xã hội' (Sở Lao động - Thương binh và Xã hội, in a list)"]
    assert any("Nông nghiệp và Phát triển nông thôn" in k and "Sở Nông nghiệp và Môi trường" in v
               for k, v in merged.items())


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("Các Sở: Khoa học và Công nghệ; Công Thương; Thông tin và Truyền thông phối hợp.",
         ["Thông tin và Truyền thông"]),
        ("Giao Sở Kế hoạch và Đầu tư, Thông tin và Truyền thông thực hiện.",
         ["Sở Kế hoạch và Đầu tư", "Thông tin và Truyền thông"]),
        ("Các Bộ: Công Thương, Giao thông vận tải báo cáo.", ["Giao thông vận tải"]),
        ("Các sở: Tài chính; Tài nguyên và Môi trường; NN&PTNT.", ["Tài nguyên và Môi trường", "NN&PTNT"]),
        ("Sở Tài chính, giao thông vận tải trên địa bàn.", []),  # lower case: a field of work, not a Sở
        ("Các cơ sở đào tạo, Thông tin và Truyền thông.", []),
        ("Sở Tài chính, Thông tin và Truyền thông (cũ).", []),
        ("Sở Tài chính. Thông tin và Truyền thông là lĩnh vực.", []),  # the list ended with the sentence
    ],
)
def test_merged_bodies_in_lists(body, named):
    found = [f for f in findings_of(HEAD + body + "\n") if f.code == "VB201"]
    assert [f.message.split("'")[1] for f in found] == named
    assert all(f.line == 6 for f in found)
    assert all("Sở " in f.message.split("successor is ")[1] or "Bộ " in f.message.split("successor is ")[1]
               for f in found)
    before = "Số: 15/KH-UBND\nĐồng Nai, ngày 10 tháng 9 năm 2024\n\nKẾ HOẠCH\n\n"
    assert not [f for f in findings_of(before + body + "\n") if f.code == "VB201"]


def test_quang_ngai_draft_of_june_2025_keeps_its_districts():
    path = next(SEEDS.glob("003_*.txt"))
    assert "VB203" not in codes(run_check([path], as_of=AS_OF)[0])


def test_draft_citing_nghi_quyet_20_2021_learns_of_the_planned_replacement():
    draft = "Số: /KH-UBND\nĐồng Nai, ngày tháng 7 năm 2026\nCăn cứ Nghị quyết số 20/2021/NQ-HĐND của HĐND tỉnh;\n"
    found = findings_of(draft, "draft.txt", next(SEEDS.glob("000_*.txt")))
    assert "VB105" in codes(found)
    assert any("000_" in f.message and "plans to replace" in f.message for f in found)


def test_laws_replaced_since():
    found = run_check([DOCS / "prov_binhphuoc_qd_15_2017.txt"], as_of=AS_OF)[0]
    messages = [f.message for f in found if f.code == "VB101"]
    assert any("65/2025/QH15" in m for m in messages) and any("64/2025/QH15" in m for m in messages)


# --- one row per code, on small texts -------------------------------------------------------------------------------

HEAD = "Số: 15/KH-UBND\nĐồng Nai, ngày 10 tháng 9 năm 2025\n\nKẾ HOẠCH\n\n"


@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;", "VB101", "64/2025/QH15"),
        ("Căn cứ Nghị định số 28/2008/NĐ-CP ngày 14/3/2008 của Chính phủ;", "VB102", "2013-04-20"),
        ("Căn cứ Quyết định số 12/QĐ-TTg ngày 1/2/2019 của Thủ tướng Chính phủ phê duyệt Chương trình "
         "giai đoạn 2016 - 2020;", "VB103", "2020"),
        ("Căn cứ Nghị định số 120/2020/NĐ-CP ngày 07/10/2020 của Chính phủ;", "VB104", "283/2025/NĐ-CP"),
        ("Giao Sở Thông tin và Truyền thông chủ trì.", "VB201", "Sở Khoa học và Công nghệ"),
        ("Trên địa bàn tỉnh Bình Phước.", "VB202", "Đồng Nai"),
        ("Giao UBND các huyện triển khai.", "VB203", "2025-07-01"),
        ("Căn cứ Luật Tổ chức Chính phủ số 76/2015/QH13 ngày 19 tháng 7 năm 2015;", "VB301", "2015-06-19"),
        ("Căn cứ Quyết định số 5/QĐ-TTg ngày 10/10/2025 của Thủ tướng Chính phủ;", "VB302", "2025-10-10"),
        ("Căn cứ Quyết định số 12/2021/NQ-HĐND ngày 1/2/2021 của HĐND tỉnh;", "VB303", "Nghị quyết"),
        ("Căn cứ Quyết định số 7/QĐ-TTg ngày 1/2/2021 của Bộ Tài chính;", "VB304", "Thủ tướng Chính phủ"),
        ("Trường hợp các văn bản dẫn chiếu tại Kế hoạch này được sửa đổi, bổ sung hoặc thay thế thì thực hiện "
         "theo các văn bản đã được sửa đổi, bổ sung hoặc thay thế đó.", "VB001", "follows the new version"),
    ],
)
def test_each_code(body, code, words):
    found = findings_of(HEAD + body + "\n")
    hits = [f for f in found if f.code == code]
    assert hits, found
    assert words in hits[0].message
    assert hits[0].line == 6


def test_every_code_is_documented():
    doc = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert all(f"## {code}" in doc for code in CHECKS)


# --- the command line ---------------------------------------------------------------------------------------------


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_exit_codes_and_text_output(tmp_path):
    basis = "Căn cứ Quyết định số 36/QĐ-TTg ngày 11/01/2021 của Thủ tướng Chính phủ;\n"
    clean = write(tmp_path, "clean.txt", HEAD + basis)
    dirty = write(tmp_path, "dirty.txt", HEAD + "Giao UBND các huyện triển khai.\n")
    assert runner.invoke(app, ["check", str(clean), "--as-of", AS_OF]).exit_code == 0
    result = runner.invoke(app, ["check", str(dirty), "--as-of", AS_OF])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{dirty}:6:6: VB203 ")
    assert runner.invoke(app, ["check", str(dirty), "--ignore", "VB2"]).exit_code == 0
    assert runner.invoke(app, ["check", str(dirty), "--select", "VB1"]).exit_code == 0
    broken = write(tmp_path, "broken.pdf", "")
    broken.write_bytes(b"%PDF-1.4 garbage")
    result = runner.invoke(app, ["check", str(broken), str(dirty)])
    assert result.exit_code == 2 and "VB203" in result.stdout and "broken.pdf" in result.stderr


def test_columns_of_an_nfd_file_count_its_characters_as_written(tmp_path):
    """An editor shows an NFD file's columns in its own characters (a vowel and its marks are several)."""
    import unicodedata

    line = "Yêu cầu UBND các huyện triển khai.\n"
    nfc = write(tmp_path, "nfc.txt", HEAD + line)
    nfd = tmp_path / "nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", HEAD + line), encoding="utf-8")
    (composed,), _ = run_check([nfc], as_of=AS_OF)
    (decomposed,), _ = run_check([nfd], as_of=AS_OF)
    written = nfd.read_text(encoding="utf-8").splitlines()[decomposed.line - 1]
    assert composed.code == decomposed.code == "VB203" and composed.line == decomposed.line
    assert composed.col < decomposed.col
    assert unicodedata.normalize("NFC", written[decomposed.col - 1 : decomposed.end_col - 1]) == "UBND các huyện"
    assert line[composed.col - 1 : composed.end_col - 1] == "UBND các huyện"


def test_cli_speaks_english_and_the_same_finding_renders_in_vietnamese(tmp_path):
    """`vbpl check` prints English (scripts and tests read it); the web renders the same finding in Vietnamese."""
    from message_fragments import spoken

    draft = write(tmp_path, "draft.txt", HEAD + "Căn cứ Luật Khoa học và Công nghệ ngày 18/6/2013;\n"
                  "Giao UBND các huyện triển khai.\n")
    result = runner.invoke(app, ["check", str(draft), "--as-of", AS_OF])
    assert ("VB101 Luật Khoa học và Công nghệ (2013) was replaced from 2025-10-01 by Luật Khoa học, công nghệ và đổi "
            "mới sáng tạo số 93/2025/QH15 — registry: replaced by") in result.stdout
    assert "VB203 'UBND các huyện' no longer exists: since 2025-07-01 its successor is" in result.stdout
    assert spoken(result.stdout, "vi", words=3) == []
    replaced = next(f for f in findings_of(draft.read_text(encoding="utf-8")) if f.code == "VB101")
    assert replaced.message_in("vi").startswith("Luật Khoa học và Công nghệ (2013) đã được thay thế bởi Luật Khoa học, "
                                                "công nghệ và đổi mới sáng tạo số 93/2025/QH15 từ ngày 01/10/2025")
    assert replaced.to_dict("vi")["message"] == replaced.message_in("vi") != replaced.message


def test_json_and_sarif_shapes(tmp_path):
    dirty = write(tmp_path, "dirty.txt", HEAD + "Giao UBND các huyện triển khai.\n")
    rows = json.loads(runner.invoke(app, ["check", str(dirty), "--format", "json"]).stdout)
    assert rows[0].keys() >= {"path", "line", "col", "end_line", "end_col", "code", "name", "severity", "message"}
    log = json.loads(runner.invoke(app, ["check", str(dirty), "--format", "sarif"]).stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == set(CHECKS)
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert run["results"][0]["ruleId"] == "VB203" and region["startLine"] == 6


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> Path:
    """Two texts citing Luật Ngân sách nhà nước: of 2002 (Thái Nguyên, 2014) and of 2015 (Quảng Nam, 2023)."""
    from vbpl.ingest import ingest
    from vbpl.store import Store

    db = tmp_path_factory.mktemp("corpus") / "c.sqlite"
    with Store.open(db) as store:
        ingest(store, [DOCS / "messy_thainguyen_qd_15_2014.txt", DOCS / "messy_quangnam_qd_216_2023.txt",
                       next(SEEDS.glob("001_*.txt"))])
    return db


def db_findings(tmp_path: Path, db: Path, body: str, head: str = HEAD) -> list:
    draft = write(tmp_path, "d.txt", head + body + "\n")
    return [f for f in run_check([draft], db=db, as_of=AS_OF)[0] if f.code in ("VB401", "VB402")]


def test_db_mode_names_the_candidates_of_an_ambiguous_reference(tmp_path, corpus_db):
    found = db_findings(tmp_path, corpus_db, "Căn cứ Luật Ngân sách nhà nước;")
    assert codes(found) == ["VB401"]
    assert "2 documents" in found[0].message
    assert "Luật Ngân sách nhà nước (2002" in found[0].message and "Luật Ngân sách nhà nước (2015" in found[0].message
    assert "Luật Ngân sách nhà nước (2015-06-25)" in found[0].message  # English keeps ISO dates
    assert "Luật Ngân sách nhà nước (25/06/2015)" in found[0].message_in("vi")
    without_db = run_check([tmp_path / "d.txt"], as_of=AS_OF)[0]
    assert not {"VB401", "VB402"} & set(codes(without_db))  # nothing to resolve against without --db


def test_db_mode_keeps_to_versions_older_than_the_citing_text(tmp_path, corpus_db):
    head = "Số: 15/KH-UBND\nĐồng Nai, ngày 10 tháng 9 năm 2010\n\nKẾ HOẠCH\n\n"
    assert db_findings(tmp_path, corpus_db, "Căn cứ Luật Ngân sách nhà nước;", head) == []  # only 2002 was there


def test_db_mode_reports_what_resolves_to_nothing(tmp_path, corpus_db):
    found = db_findings(tmp_path, corpus_db, "Căn cứ Luật Phòng, chống tham nhũng;\nCăn cứ Quyết định số 999/QĐ-TTg;")
    assert codes(found) == ["VB402", "VB402"]
    assert "Phòng, chống tham nhũng" in found[0].message and "999/QĐ-TTg" in found[1].message


def test_db_mode_is_silent_on_exact_and_uniquely_resolved_references(tmp_path, corpus_db):
    body = ("Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n"
            "Căn cứ Quyết định số 36/QĐ-TTg của Thủ tướng Chính phủ;\n"  # only 36/QĐ-TTg of 2021 is known
            "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ;")
    assert db_findings(tmp_path, corpus_db, body) == []
