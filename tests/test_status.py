"""Statuses with evidence: texts at hand, the registry, periods in titles, the 2025 reorganisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbpl.extract import extract
from vbpl.registry import RegistryError, import_file, load_registry, read_entries
from vbpl.reorganisation import body_mentions, province_successor
from vbpl.status import StatusBook, document_date, dynamic_clause, period_of

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
DOCS = ROOT / "corpora" / "docs"
TODAY = "2026-06-01"


def book_of(*paths: Path) -> StatusBook:
    book = StatusBook(load_registry(include_user=False))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        result = extract(text)
        book.add_document(str(path), result.document, text, result.citations)
    return book


def cited(path: Path, symbol_or_name: str):
    result = extract(path.read_text(encoding="utf-8"))
    return next(c for c in result.citations if symbol_or_name in (c.symbol or c.name or ""))


def test_draft_plan_plans_to_replace_nghi_quyet_20_2021():
    seed = next(SEEDS.glob("000_*.txt"))
    c = cited(seed, "20/2021/NQ-HĐND")
    st = book_of(seed).status(c, TODAY)
    assert st.status == "replacement_planned"
    assert "plans to replace" in st.evidence[0].statement and seed.name in st.evidence[0].source
    assert st.evidence[0].planned  # what the status is judged on: a field, not the words of the statement
    assert st.evidence[0].render("vi").startswith("Kế hoạch dự kiến thay thế văn bản này [")


def test_registry_law_replaced_with_its_source():
    seed = next(SEEDS.glob("001_*.txt"))
    c = cited(seed, "Luật Khoa học và Công nghệ")
    st = book_of().status(c, TODAY)
    assert st.status == "replaced" and "93/2025/QH15" in (st.successor or "") and st.since == "2025-10-01"
    assert "vneconomy.vn" in st.evidence[0].source
    assert book_of().status(c, "2025-01-01").status == "unknown"  # not yet replaced then


def test_chain_is_followed_to_the_current_law():
    c = cited(DOCS / "prov_haiduong_qd_01_2010.txt", "Luật Tổ chức HĐND và UBND")
    st = book_of().status(c, TODAY)
    assert st.status == "replaced"
    successor = str(st.successor)  # "B, itself replaced by C" is a message: rendered in English here
    assert "77/2015/QH13" in successor and successor.endswith("65/2025/QH15")


def test_amending_document_at_hand_is_evidence():
    c = cited(DOCS / "prov_baclieu_qd_25_2022.txt", "63/2010/NĐ-CP")
    st = book_of(DOCS / "central_cp_nd_48_2013.txt").status(c, TODAY)
    assert st.status == "amended" and st.amended_by == ["Nghị định 48/2013/NĐ-CP"]


def test_status_header_of_a_document_at_hand():
    c = cited(DOCS / "central_ttlt_btc_bkhcn_22_2011.txt", "28/2008/NĐ-CP")
    st = book_of(DOCS / "central_cp_nd_28_2008.txt").status(c, TODAY)
    assert st.status == "expired" and st.since == "2013-04-20"


@pytest.mark.parametrize(
    ("title", "end"),
    [
        ("phê duyệt Chương trình quốc gia … giai đoạn 2021 – 2030", 2030),
        ("Quy hoạch tổng thể … đến năm 2020, tầm nhìn đến năm 2025", 2020),
        ("về kế hoạch đầu tư công trung hạn 2016 - 2020", None),
        ("định hướng đến năm 2030", None),
    ],
)
def test_period_of_title(title, end):
    period = period_of(title)
    assert (period.end if period else None) == end


@pytest.mark.parametrize(
    ("head", "date", "partial"),
    [
        ("Số: /KH-UBND\nNinh Thuận, ngày tháng 4 năm 2024\n", "2024-04-30", True),
        ("Số: /KH-SKHCN\nĐồng Nai, ngày tháng năm 2026\n", "2026-12-31", True),
        ("Số: 12/KH-UBND\nĐồng Nai, ngày 01 tháng 10 năm 2021\n", "2021-10-01", False),
    ],
)
def test_document_date_of_drafts(head, date, partial):
    when = document_date(extract(head).document, head)
    assert (when.date, when.partial) == (date, partial)


def test_dynamic_reference_clause():
    text = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")
    span = dynamic_clause(text)
    assert span and "dẫn chiếu" in text[span[0] : span[1]]
    assert dynamic_clause("Căn cứ Luật Khoa học và Công nghệ ngày 18/6/2013;") is None


def test_reorganisation_bodies_and_provinces():
    assert province_successor("Ninh Thuận") == "Khánh Hòa"
    assert province_successor("Quảng Ngãi") == "Quảng Ngãi"
    text = "Sở Thông tin và Truyền thông; UBND các huyện; tỉnh Ninh Thuận; Sở Kế hoạch và Đầu tư (cũ); tỉnh Quảng Ngãi"
    found = {(m.text, m.change.successor) for m in body_mentions(text)}
    assert ("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ") in found
    assert any(t == "UBND các huyện" for t, _ in found)
    assert ("tỉnh Ninh Thuận", "tỉnh/thành phố Khánh Hòa") in found
    assert not any("Kế hoạch" in t or "Quảng Ngãi" in t for t, _ in found)


def test_every_bundled_entry_names_its_source():
    entries = read_entries(ROOT / "corpora" / "registry" / "national.csv")
    assert entries and all(e.source for e in entries)


def test_registry_import_validates(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("type,symbol,status,source\nLuật,1/2020/QH14,gone,x\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="status 'gone'"):
        import_file(bad, tmp_path / "reg")
    good = tmp_path / "mine.csv"
    good.write_text("type,symbol,date,status,replaced_by,effective,source\n"
                    "Quyết định,36/QĐ-TTg,2021-01-11,replaced,Quyết định 99/QĐ-TTg,2026-01-01,https://example.org\n",
                    encoding="utf-8")
    target, count = import_file(good, tmp_path / "reg")
    assert count == 1 and target.exists()
    registry = load_registry([tmp_path / "reg"], include_user=False)
    c = cited(next(SEEDS.glob("001_*.txt")), "36/QĐ-TTg")
    assert StatusBook(registry).status(c, TODAY).status == "replaced"


@pytest.mark.parametrize(
    ("path", "symbol", "since", "source"),
    [
        ("messy_sonla_qd_2862_2018.txt", "43/2011/NĐ-CP", "2022-08-15", "vietjack.me"),
        ("messy_thainguyen_qd_15_2014.txt", "60/2003/NĐ-CP", "2017-01-01", "caselaw.vn"),
        ("messy_phutho_qd_1847_2011.txt", "81/2002/NĐ-CP", "2014-03-15", "caselaw.vn"),
    ],
)
def test_registry_rows_for_decrees_the_corpus_cites(path, symbol, since, source):
    st = book_of().status(cited(DOCS / path, symbol), TODAY)
    assert (st.status, st.since) == ("expired", since) and source in st.evidence[0].source


def test_documents_of_a_body_ended_by_the_2025_reorganisation() -> None:
    from vbpl import extract
    from vbpl.status import StatusBook

    text = (
        "Căn cứ Quyết định số 45/QĐ-UBND ngày 01/3/2024 của UBND tỉnh Ninh Thuận; "
        "Căn cứ Quyết định số 36/QĐ-TTg ngày 11/01/2021 của Thủ tướng Chính phủ;"
    )
    provincial, national = extract(text).citations
    book = StatusBook()
    after = book.status(provincial, "2026-01-01")
    assert after.status == "superseded_by_reorganisation"
    assert after.since == "2025-07-01" and "Khánh Hòa" in (after.successor or "")
    assert "stay in force" in after.evidence[0].statement
    assert book.status(provincial, "2025-06-30").status == "unknown"
    assert book.status(national, "2026-01-01").status == "unknown"
