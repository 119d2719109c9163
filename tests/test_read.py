"""Readers: the same citations come out of a PDF/DOCX/HTML as out of its source text; broken files say why."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from message_fragments import foreign_words, spoken

from vbpl import extract
from vbpl.read import ReadText, UnreadableError, decode, read_data, read_document
from vbpl.read.legacy import detect

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BROKEN = FIXTURES / "broken"
SOURCES = {
    "002_47c691eb81eaec76": ROOT / "corpora" / "seeds",
    "prov_quangtri_qd_41_2019": ROOT / "corpora" / "docs",
    "central_ubtvqh_nq_90_2025": ROOT / "corpora" / "docs",
}
MADE = [(stem, path.suffix[1:]) for stem in SOURCES for path in sorted(FIXTURES.glob(f"{stem}.*"))]


def citations(text: str) -> list[tuple]:
    found = extract(text).citations
    return sorted((c.symbol or c.name or "", c.type or "", c.date or "", c.relation, c.id) for c in found)


def identity(text: str) -> tuple:
    doc = extract(text).document
    return (doc.type, doc.symbol, doc.date, doc.issuer) if doc else ()


def test_every_source_has_its_fixtures() -> None:
    assert {fmt for _, fmt in MADE} == {"pdf", "docx", "html"}
    assert len(MADE) == 7


@pytest.mark.parametrize(("stem", "fmt"), MADE)
def test_same_citations_as_the_source_text(stem: str, fmt: str) -> None:
    source = (SOURCES[stem] / f"{stem}.txt").read_text(encoding="utf-8")
    read = read_document(FIXTURES / f"{stem}.{fmt}")
    assert read.format == fmt
    expected = citations(source)
    assert expected, "a fixture without citations proves nothing"
    assert citations(read.text) == expected
    assert identity(read.text) == identity(source)


def test_pdf_pages_and_furniture() -> None:
    read = read_document(FIXTURES / "002_47c691eb81eaec76.pdf")
    assert len(read.pages) == 8
    assert read.pages[0] == 0 and read.pages == sorted(read.pages)
    assert read.page_of(0) == 1
    assert read.page_of(len(read.text) - 1) == 8
    for number, start in enumerate(read.pages, 1):
        assert read.page_of(start) == number
        if number > 1:
            assert read.page_of(start - 1) == number - 1
    # running header and "- N -" page numbers are gone, the text is not
    assert "Tài liệu thử nghiệm vbpl" not in read.text
    assert "- 3 -" not in read.text
    assert "Căn cứ Chỉ thị số 38-CT/TW" in read.text


def test_pdf_wrapped_lines_joined_and_columns_kept() -> None:
    read = read_document(FIXTURES / "prov_quangtri_qd_41_2019.pdf")
    lines = read.text.splitlines()
    assert "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Số: 41/2019/QĐ-UBND | Quảng Trị, ngày 22 tháng 10 năm 2019" in lines
    wrapped = "thay thế Quyết định số 1090/QĐ-UBND ngày 01/6/2015 của UBND tỉnh Quảng Trị về việc ban hành"
    assert any(wrapped in line for line in lines)


def test_pdf_ruled_table_rows() -> None:
    lines = read_document(FIXTURES / "central_ubtvqh_nq_90_2025.pdf").text.splitlines()
    assert "Số hiệu | 90/2025/UBTVQH15" in lines
    assert "Cơ quan ban hành | Uỷ ban Thường vụ Quốc hội" in lines


def test_docx_tables_in_document_order() -> None:
    lines = read_document(FIXTURES / "prov_quangtri_qd_41_2019.docx").text.splitlines()
    assert lines[:2] == [
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 41/2019/QĐ-UBND | Quảng Trị, ngày 22 tháng 10 năm 2019",
    ]
    assert lines.index("- Như Điều 3; | TM. ỦY BAN NHÂN DÂN") > lines.index("QUYẾT ĐỊNH:")


def test_html_charset_tables_and_dropped_navigation() -> None:
    read = read_document(FIXTURES / "prov_quangtri_qd_41_2019.html")
    assert read.encoding == "cp1258"
    assert "Số: 41/2019/QĐ-UBND | Quảng Trị, ngày 22 tháng 10 năm 2019" in read.text.splitlines()
    for planted in ("111/QĐ-TTg", "222/2020/NĐ-CP", "333/QĐ-UBND", "44/2019/TT-BTC", "Trang chủ"):
        assert planted not in read.text


def test_html_declared_charset_wins_over_guessing(tmp_path: Path) -> None:
    markup = "<html><head><meta charset='windows-1252'></head><body><p>São Paulo</p></body></html>".encode("cp1252")
    assert "Săo" in decode(markup)  # guessing alone reads 0xE3 as Windows-1258 'ă'
    page = tmp_path / "page.htm"
    page.write_bytes(markup)
    assert read_document(page).text == "São Paulo"


# --- legacy encodings ---------------------------------------------------------------------------

UNICODE = (FIXTURES / "legacy_unicode.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "encoding"), [("legacy_tcvn3.txt", "tcvn3"), ("legacy_vni.txt", "vni")])
def test_legacy_text_converts(name: str, encoding: str) -> None:
    read = read_document(FIXTURES / name)
    assert read.encoding == encoding
    assert read.text == UNICODE
    assert citations(read.text) == citations(UNICODE)


def test_legacy_docx_runs_convert() -> None:
    read = read_document(FIXTURES / "legacy_tcvn3.docx")
    assert read.encoding == "tcvn3"
    assert read.text == UNICODE.rstrip("\n")


def test_legacy_font_text_inside_utf8_converts() -> None:
    copied = "C¨n cø QuyÕt ®Þnh sè 1322/Q§-TTg ngµy 31/8/2020 cña Thñ t−íng ChÝnh phñ phª duyÖt Ch­¬ng tr×nh"
    text = decode(copied.encode("utf-8"))
    assert text.startswith("Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt")


@pytest.mark.parametrize("path", sorted((ROOT / "corpora").glob("*/*.txt")), ids=lambda p: p.name)
def test_detection_leaves_unicode_vietnamese_alone(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert detect(text) is None
    assert read_document(path).encoding is None


@pytest.mark.parametrize(
    "text",
    [
        "The Prime Minister approved the national programme on productivity on 31 August 2020. " * 20,
        "Résumé: café, naïve façade — déjà vu; the coöperation of Zürich and São Paulo. " * 5,
        "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ; Điều 1. Phê duyệt.",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc — ngày 31 tháng 12 năm 2024",
    ],
)
def test_detection_does_not_fire_on_good_text(text: str) -> None:
    assert detect(text) is None
    assert decode(text.encode("utf-8")) == text


# --- encodings of plain text --------------------------------------------------------------------

SAMPLE = "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), None),
        (SAMPLE.encode("utf-8-sig"), None),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings(tmp_path: Path, data: bytes, encoding: str | None) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    read = read_document(path)
    assert (read.text, read.encoding, read.format) == (SAMPLE, encoding, "txt")


def test_cp1258_with_combining_marks_reads_as_nfc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    from make_fixtures import cp1258

    path = tmp_path / "old.txt"
    path.write_bytes(cp1258(SAMPLE * 3))
    read = read_document(path)
    assert (read.text, read.encoding) == (SAMPLE * 3, "cp1258")


def test_nfd_input_becomes_nfc(tmp_path: Path) -> None:
    import unicodedata

    path = tmp_path / "nfd.md"
    path.write_text(unicodedata.normalize("NFD", SAMPLE), encoding="utf-8")
    assert read_document(path).text == SAMPLE


def test_twenty_megabytes_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = SAMPLE.strip() + " "
    path.write_text(line * (20_000_000 // len(line.encode())), encoding="utf-8")
    start = time.perf_counter()
    read = read_document(path)
    assert time.perf_counter() - start < 10
    assert "\n" not in read.text and len(read.text) > 15_000_000


# --- detection by content -----------------------------------------------------------------------


@pytest.mark.parametrize(("fixture", "fmt"), [("002_47c691eb81eaec76.pdf", "pdf"), ("legacy_tcvn3.docx", "docx"),
                                              ("prov_quangtri_qd_41_2019.html", "html")])
def test_format_comes_from_content_not_name(tmp_path: Path, fixture: str, fmt: str) -> None:
    renamed = tmp_path / "document.txt"
    shutil.copy(FIXTURES / fixture, renamed)
    read = read_document(renamed)
    assert read.format == fmt
    assert read.text == read_document(FIXTURES / fixture).text


# --- broken files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file (0 bytes)"),
        ("whitespace.txt", "no text (only whitespace)"),
        ("junk.bin", "binary data"),
        ("truncated.pdf", "truncated PDF"),
        ("encrypted.pdf", "encrypted PDF"),
        ("zero_pages.pdf", "PDF has no pages"),
        ("image.pdf", "unsupported format (PNG image); convert to .docx or .pdf"),
        ("word97.doc", "unsupported format (binary Office document (OLE2: .doc, .xls or .ppt)); convert to .docx"),
        ("scanned.pdf", "no text layer (scanned?), 2 pages"),
    ],
)
def test_broken_files_say_why(name: str, reason: str) -> None:
    with pytest.raises(UnreadableError) as error:
        read_document(BROKEN / name)
    assert str(error.value).startswith(f"{BROKEN / name}: ")
    assert reason in str(error.value)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "tệp rỗng (0 byte)"),
        ("whitespace.txt", "tệp không có nội dung (chỉ có khoảng trắng)"),
        ("junk.bin", "tệp nhị phân (có byte NUL), không phải tệp văn bản"),
        ("truncated.pdf", "tệp PDF bị cắt cụt"),
        ("encrypted.pdf", "tệp PDF được mã hóa (cần mật khẩu để mở)"),
        ("zero_pages.pdf", "tệp PDF không có trang nào"),
        ("image.pdf", "định dạng không được hỗ trợ (ảnh PNG); hãy chuyển tệp sang .docx hoặc .pdf"),
        ("word97.doc", "(tài liệu Office nhị phân .doc, .xls hoặc .ppt); hãy chuyển tệp sang .docx hoặc .pdf"),
        ("scanned.pdf", "tệp PDF không có lớp văn bản, có thể là bản quét (2 trang)"),
    ],
)
def test_broken_files_say_why_in_vietnamese_too(name: str, reason: str) -> None:
    """The reason is a message: English for `str()` (the command line), Vietnamese for the web."""
    with pytest.raises(UnreadableError) as error:
        read_document(BROKEN / name)
    assert (error.value.source, str(error.value)) == (str(BROKEN / name), error.value.message.render("en"))
    said = error.value.message.render("vi")
    assert said.startswith(f"Không đọc được tệp {BROKEN / name}: ") and reason in said
    reason_said = said.removeprefix(f"Không đọc được tệp {BROKEN / name}")  # the path has "broken" in it
    assert spoken(reason_said, "en") == [] and foreign_words(reason_said, "vi") == []


def test_a_library_s_english_detail_is_left_out_of_vietnamese() -> None:
    with pytest.raises(UnreadableError) as error:
        read_data(b"PK\x03\x04 not a zip", "draft.docx")
    assert str(error.value) == "draft.docx: damaged or truncated ZIP/DOCX archive (File is not a zip file)"
    assert error.value.message.render("vi") == "Không đọc được tệp draft.docx: tệp nén ZIP/DOCX bị hỏng hoặc bị cắt cụt"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(UnreadableError, match="is a directory"):
        read_document(tmp_path)


def test_decode_refuses_pdf_bytes() -> None:
    with pytest.raises(UnreadableError, match="a PDF file, not plain text"):
        decode((FIXTURES / "002_47c691eb81eaec76.pdf").read_bytes(), "<stdin>")


def test_read_text_result_type() -> None:
    read = read_document(FIXTURES / "legacy_unicode.txt")
    assert isinstance(read, ReadText) and read.pages == [] and read.page_of(10) is None
