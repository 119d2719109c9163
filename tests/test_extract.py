"""Input text -> the citation a reader sees in it (type, symbol, date, relation)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest

from vbpl import extract
from vbpl.models import Citation, DocumentIdentity

CASES = [
    # text, type, symbol, date, relation
    (
        "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ;",
        "Quyết định",
        "1322/QĐ-TTg",
        "2020-08-31",
        "basis",
    ),
    ("Thực hiện Nghị quyết 20/2021/NQ-HĐND;", "Nghị quyết", "20/2021/NQ-HĐND", None, "implements"),
    (
        "Căn cứ Chỉ thị số 38-CT/TW ngày 30 tháng 7 năm 2024 của Ban Bí thư;",
        "Chỉ thị",
        "38-CT/TW",
        "2024-07-30",
        "basis",
    ),
    (
        "Căn cứ Nghị quyết số 57-NQ/TW, ngày 22 tháng 12 năm 2024 của Bộ Chính trị;",
        "Nghị quyết",
        "57-NQ/TW",
        "2024-12-22",
        "basis",
    ),
    (
        "theo Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương",
        "Quy định",
        "08-QĐi/TW",
        "2018-10-25",
        "mentions",
    ),
    (
        "Căn cứ Thông tư liên tịch số: 183/2010/TTLT/BTC-BNN, ngày 15 tháng 11 năm 2010",
        "Thông tư liên tịch",
        "183/2010/TTLT/BTC-BNN",
        "2010-11-15",
        "basis",
    ),
    (
        "Căn cứ Công văn số 8143/UBND-KGVX ngày 23/10/2025 của UBND tỉnh Đồng Nai",
        "Công văn",
        "8143/UBND-KGVX",
        "2025-10-23",
        "basis",
    ),
    ("Căn cứ Luật Thủ đô số 39/2024/QH15;", "Luật", "39/2024/QH15", None, "basis"),
    (
        "Căn cứ Nghị quyết số 653/2019/UBTVQH14 ngày 12/3/2019;",
        "Nghị quyết",
        "653/2019/UBTVQH14",
        "2019-03-12",
        "basis",
    ),
    (
        "Quyết định này thay thế Quyết định số 40/1998/QĐ-UB ngày 01-10-1997.",
        "Quyết định",
        "40/1998/QĐ-UB",
        "1997-10-01",
        "replaces",
    ),
    (
        "Bãi bỏ Quyết định số 15/2016/QĐ-UBND ngày 27 tháng 7 năm 2016 của Ủy ban nhân dân tỉnh Bạc Liêu.",
        "Quyết định",
        "15/2016/QĐ-UBND",
        "2016-07-27",
        "repeals",
    ),
    (
        "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 160/TTr-STC ngày 30 tháng 12 năm 2022.",
        "Tờ trình",
        "160/TTr-STC",
        "2022-12-30",
        "proposal",
    ),
    ("Quyết định số 131/ QĐ-TTg năm 2022 của Thủ tướng", "Quyết định", "131/QĐ-TTg", None, "mentions"),
    ("theo 5079/QĐ - BVHTTDL Ngày 27/12/2012", "Quyết định", "5079/QĐ-BVHTTDL", "2012-12-27", "mentions"),
    ("Nghị định 111/2017/NĐ–CP ngày 05/10/2017", "Nghị định", "111/2017/NĐ-CP", "2017-10-05", "mentions"),
    ("Căn cứ Quyết định số68/QĐ-UBND ngày 2/1/2020;", "Quyết định", "68/QĐ-UBND", "2020-01-02", "basis"),
    ("Căn cứ Quyet dinh so 88/QD-UBND ngay 15/01/2024;", "Quyết định", "88/QĐ-UBND", "2024-01-15", "basis"),
    (
        "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính \n\nphủ;",
        "Quyết định",
        "1322/QĐ-TTg",
        "2020-08-31",
        "basis",
    ),
    (
        "Căn cứ Quyết \nđịnh số\n1322/QĐ-TTg ngày 31/8/\n2020;",
        "Quyết định",
        "1322/QĐ-TTg",
        "2020-08-31",
        "basis",
    ),
    ("Căn cứ Nghị định 59/2015/NÐ-CP;", "Nghị định", "59/2015/NĐ-CP", None, "basis"),
    (
        "Căn cứ Kế hoạch số 94- KH/BTGDVTW của Ban Tuyên giáo và Dân vận Trung ương",
        "Kế hoạch",
        "94-KH/BTGDVTW",
        None,
        "basis",
    ),
    ("Căn cứ Nghị quyết 09/2026NQ-HĐND;", "Nghị quyết", "09/2026/NQ-HĐND", None, "basis"),
    ("Căn cứ Quyết định số: 1206 /QĐ-HVTC;", "Quyết định", "1206/QĐ-HVTC", None, "basis"),
    ("Căn cứ QUYẾT ĐỊNH SỐ 36/QĐ-TTG;", "Quyết định", "36/QĐ-TTg", None, "basis"),
    # PDF text that lost the hyphen between the type code and the issuer's, and a number with a letter.
    ("Căn cứ Nghị định số 61/2018/NĐCP ngày 23/4/2018;", "Nghị định", "61/2018/NĐ-CP", "2018-04-23", "basis"),
    ("Căn cứ Quyết định số 2468/QĐUBND;", "Quyết định", "2468/QĐ-UBND", None, "basis"),
    ("Căn cứ Nghị quyết số 30c/NQCP ngày 08/11/2011;", "Nghị quyết", "30c/NQ-CP", "2011-11-08", "basis"),
    # The code says which kind of Thông tư.
    ("Căn cứ Thông tư số 03/2008/TTLT-BYT-BNV;", "Thông tư liên tịch", "03/2008/TTLT-BYT-BNV", None, "basis"),
    # A date word glued to the code.
    ("Căn cứ Thông báo số 70-TB/TWngày 06/01/2012;", "Thông báo", "70-TB/TW", "2012-01-06", "basis"),
    # "Chương trình hành động" is a Chương trình.
    ("Triển khai Chương trình hành động số 11 -CTr/QU ngày 12/9/2022;", "Chương trình", "11-CTr/QU", "2022-09-12",
     "implements"),
    # A page glued the next word to the symbol.
    ("Xem Thông tư 19/2023/TT-BTNMTNgày đăng 01/12/2023", "Thông tư", "19/2023/TT-BTNMT", None, "mentions"),
]


def _own_and_cited(text: str) -> tuple[DocumentIdentity, list[Citation]]:
    """The document's own identity (which the text must have) and its citations."""
    result = extract(text)
    assert result.document is not None
    return result.document, result.citations


@pytest.mark.parametrize(("text", "doc_type", "symbol", "date", "relation"), CASES)
def test_numbered_citation(text: str, doc_type: str, symbol: str, date: str | None, relation: str) -> None:
    result = extract(text)
    assert len(result.citations) == 1, result.citations
    c = result.citations[0]
    assert (c.type, c.symbol, c.date, c.relation) == (doc_type, symbol, date, relation)
    assert text[c.start : c.end] == c.text


NAMES = [
    ("Căn cứ Luật Khoa học và Công nghệ ngày 18/6/2013;", "Luật Khoa học và Công nghệ", "2013-06-18", 2013),
    ("Căn cứ Luật Xây dựng năm 2014;", "Luật Xây dựng", None, 2014),
    ("Căn cứ Luật Phòng, chống tham nhũng;", "Luật Phòng, chống tham nhũng", None, None),
    ("Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;", "Bộ luật Lao động", "2019-11-20", 2019),
    ("Căn cứ Hiến pháp năm 2013;", "Hiến pháp", None, 2013),
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
        "ngày 22 tháng 11 năm 2019;",
        "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
        "2019-11-22",
        2019,
    ),
    # Known law names hold stop words ("Ban hành", "của") and survive PDF damage (glued and split words).
    (
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật của HĐND, UBND ngày 03/12/2004;",
        "Luật Ban hành văn bản quy phạm pháp luật của HĐND, UBND",
        "2004-12-03",
        2004,
    ),
    ("Căn cứ Luật Tổ chức HĐND và UBNDngày 26/11/2003;", "Luật Tổ chức HĐND và UBND", "2003-11-26", 2003),
    ("Căn cứ Luật Tổ chức\nChính phủ ngày 19 tháng 6 năm 2015;", "Luật Tổ chức Chính phủ", "2015-06-19", 2015),
    (
        "Căn cứ Luật Tổ chức HĐND và UBND (sửa đổi) ngày 21/6/1994;",
        "Luật Tổ chức HĐND và UBND",
        "1994-06-21",
        1994,
    ),
]


@pytest.mark.parametrize(("text", "name", "date", "year"), NAMES)
def test_law_by_name(text: str, name: str, date: str | None, year: int | None) -> None:
    result = extract(text)
    assert [(c.name, c.date, c.year, c.relation) for c in result.citations] == [(name, date, year, "basis")]


def test_not_citations() -> None:
    text = (
        "theo quy định của pháp luật; Kế hoạch 5 năm; 1/ Mục tiêu; ngày 31/8/2020; KỶ LUẬT TỔ CHỨC ĐẢNG; "
        "Quyết định này có hiệu lực; Luật sư tư vấn; tỷ lệ 2/3 số thành viên"
    )
    assert extract(text).citations == []


def test_short_repeat_shares_the_id_of_its_full_form() -> None:
    text = (
        "Căn cứ Nghị quyết số 20/2021/NQ-HĐND ngày 10/12/2021 của HĐND tỉnh An Giang;\n"
        "Thực hiện Nghị quyết 20/2021 và Chỉ thị 20;"
    )
    cits = extract(text).citations
    assert [c.text for c in cits] == ["Nghị quyết số 20/2021/NQ-HĐND", "Nghị quyết 20/2021", "Chỉ thị 20"]
    assert cits[0].id == cits[1].id != cits[2].id
    assert cits[1].date == "2021-12-10" and cits[1].relation == "implements"


def test_local_codes_are_scoped_by_province() -> None:
    a = extract("Căn cứ Quyết định số 186/QĐ-UBND ngày 26/01/2018 của UBND tỉnh An Giang;").citations[0]
    b = extract("Căn cứ Quyết định số 186/QĐ-UBND ngày 05/3/2020 của UBND tỉnh Nghệ An;").citations[0]
    assert a.id != b.id
    assert a.scope == "an-giang" and b.scope == "nghe-an"
    national = extract("Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020;").citations[0]
    assert national.scope is None


def test_local_scope_falls_back_to_the_citing_documents_province() -> None:
    text = "Số: 12/KH-UBND\n\nĐồng Nai, ngày 01 tháng 10 năm 2021\n\nCăn cứ Kế hoạch số 39/KH-UBND ngày 21/5/2021;"
    result = extract(text)
    assert result.document is not None and result.document.symbol == "12/KH-UBND"
    assert result.document.date == "2021-10-01"
    [c] = result.citations
    assert c.scope == "dong-nai"


def test_header_identity_is_not_a_citation_and_drafts_are_placeholders() -> None:
    text = "Số: /KH-SKHCN\n\nĐồng Nai, ngày tháng năm 2026\n\nDự thảo Kế hoạch số /KH-UBND sẽ trình."
    result = extract(text)
    assert result.document is not None and result.document.placeholder
    assert result.citations == []
    assert [p.text for p in result.placeholders] == ["Kế hoạch số /KH-UBND"]


def test_list_sharing_one_type_word() -> None:
    text = "Căn cứ các Nghị định của Chính phủ: số 78/2025/NĐ-CP ngày 01/4/2025; số 187/2025/NĐ-CP ngày 01/7/2025;"
    cits = extract(text).citations
    assert [(c.type, c.symbol, c.relation) for c in cits] == [
        ("Nghị định", "78/2025/NĐ-CP", "basis"),
        ("Nghị định", "187/2025/NĐ-CP", "basis"),
    ]


def test_amendment_inside_a_citation() -> None:
    text = (
        "Căn cứ Quyết định số 27/2018/QĐ-UBND ngày 13/6/2018 của UBND tỉnh (đã được sửa đổi, bổ sung một số "
        "điều tại Quyết định số 10/2020/QĐ-UBND ngày 24/3/2020);"
    )
    a, b = extract(text).citations
    assert a.amended_by == [b.id]
    assert a.relation == b.relation == "basis"


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ Quyết định số 27/2018/QĐ-UBND ngày 13/6/2018 của UBND tỉnh ban hành Quy định quản lý nhiệm vụ (*đã "
        "được sửa đổi, bổ sung một số điều tại Quyết định số 10/2020/QĐ-UBND ngày 24/3/2020 của UBND tỉnh*);",
        "Sửa đổi Điều 1 Nghị quyết 64/2017/NQ-HĐND quy định chế độ công tác phí tỉnh Thanh Hóa đã được sửa đổi tại "
        "Điều 1 Nghị quyết 29/2024/NQ-HĐND.",
    ],
)
def test_amendment_after_a_title(text: str) -> None:
    a, b = extract(text).citations
    assert a.title is not None and "sửa đổi" not in a.title.removeprefix("Sửa đổi")
    assert a.amended_by == [b.id]
    assert a.relation == b.relation != "mentions"


def test_a_bracketed_repeat_is_a_short_name() -> None:
    text = (
        "Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công "
        "nghệ (Nghị quyết số 57-NQ/TW), Ban Thường vụ ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW."
    )
    full, short, again = extract(text).citations
    assert (short.form, short.relation, short.id) == ("defined", "implements", full.id)
    assert again.relation == "implements"  # the citing text's own programme implements it


def test_nested_in_title_is_mentions_and_renamed_issuer_is_kept() -> None:
    text = (
        "Căn cứ Kế hoạch số 433-KH/TU ngày 28/02/2025 của Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW;\n"
        "Căn cứ Công văn số 8143/UBND-KGVX ngày 23/10/2025 của UBND tỉnh Đồng Nai (nay là UBND thành phố Đồng Nai) "
        "về việc chủ trương."
    )
    a, b, c = extract(text).citations
    assert (a.relation, b.relation, c.relation) == ("basis", "mentions", "basis")
    assert c.issuer_now == "UBND thành phố Đồng Nai"
    assert c.title == "về việc chủ trương"


def test_spans_point_into_nfd_text() -> None:
    text = unicodedata.normalize("NFD", "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020;")
    [c] = extract(text).citations
    assert text[c.start : c.end] == c.text
    assert unicodedata.normalize("NFC", c.text) == "Quyết định số 1322/QĐ-TTg"


def test_every_amending_law_in_a_list_is_recorded() -> None:
    text = "Căn cứ Luật Đấu thầu số 22/2023/QH15 được sửa đổi, bổ sung bởi Luật số 57/2024/QH15, Luật số 90/2025/QH15;"
    base, first, second = extract(text).citations
    assert base.amended_by == [first.id, second.id]
    assert base.relation == first.relation == second.relation == "basis"


def test_laws_named_inside_an_amending_law_are_part_of_its_name() -> None:
    text = "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức số 52/2019/QH14;"
    [c] = extract(text).citations
    assert (c.symbol, c.relation) == ("52/2019/QH14", "basis")
    assert c.name == "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức"


def test_a_partial_repeat_with_another_issuer_is_another_document() -> None:
    text = "thực hiện Nghị quyết 15-NQ/TW của Bộ Chính trị. Hà Nội mở rộng theo Nghị quyết 15 của Quốc hội khoá XII."
    first, second = extract(text).citations
    assert first.id != second.id
    assert second.symbol == "15"
    assert (second.issuer or "").startswith("Quốc hội")


def test_date_written_before_ban_hanh() -> None:
    text = "Ngày 18/9/2024, Chủ tịch Ủy ban nhân dân tỉnh ban hành Công văn số 3319/UBND-HTKT chỉ đạo thực hiện."
    [c] = extract(text).citations
    assert c.date == "2024-09-18"


@pytest.mark.parametrize(
    "text",
    [
        "tổng kết kết quả thực hiện Quyết định số 712/QĐ-TTg ngày 21/5/2010 của Thủ tướng Chính phủ",
        "Ban Thường vụ Tỉnh ủy tổ chức Hội nghị tổng kết việc thực hiện Nghị quyết số 18 ngày 25-10-2017 của Ban "
        "Chấp hành Trung ương Đảng khóa XII",
        "Hội nghị sơ kết thực hiện Chỉ thị số 05-CT/TW",
    ],
)
def test_reporting_on_an_implementation_is_a_mention(text: str) -> None:
    assert [c.relation for c in extract(text).citations] == ["mentions"]


def test_a_directive_opinion_recorded_in_a_letter_is_a_mention() -> None:
    text = (
        "Thủ tướng Chính phủ có ý kiến chỉ đạo đồng ý huyện Vũ Quang (Công văn số 293/TTg-ĐP ngày 11/2/2010 của Thủ "
        "tướng Chính phủ) được hưởng các cơ chế, chính sách."
    )
    assert [c.relation for c in extract(text).citations] == ["mentions"]


def test_a_list_under_one_cue_goes_on_after_a_semicolon_in_the_same_sentence() -> None:
    text = (
        "Thực hiện Nghị quyết số 09/NQ-CP ngày 02/02/2023 của Chính phủ về kinh tế tập thể; chỉ đạo của Ban cán sự "
        "đảng Ủy ban nhân dân tỉnh tại Công văn số 571-CV/UBND ngày 06/12/2022, Ủy ban nhân dân tỉnh xây dựng Kế "
        "hoạch triển khai thực hiện.\nCác sở nghiên cứu Công văn số 12/UBND-KT; nội dung tại Công văn số 13/UBND-KT."
    )
    assert [c.relation for c in extract(text).citations] == ["implements", "implements", "mentions", "mentions"]


def test_carrying_out_an_activity_under_a_law_is_a_mention() -> None:
    text = "Tổ chức, cá nhân thực hiện hoạt động mua bán trái phiếu thuộc phạm vi điều chỉnh của Luật chứng khoán."
    assert [c.relation for c in extract(text).citations] == ["mentions"]


def test_a_title_in_straight_quotes_is_read_whole_and_the_list_goes_on_after_it() -> None:
    text = (
        'Hội nghị quán triệt, triển khai thực hiện Kết luận số 209-KL/TU ngày 22/6/2022 của Ban Thường vụ Thành ủy về '
        '"Xây dựng và phát triển quận Sơn Trà đến năm 2030 và những năm tiếp theo" và Chương trình hành động số '
        "11-CTr/QU ngày 12/9/2022 của Quận ủy Sơn Trà."
    )
    conclusion, programme = extract(text).citations
    assert conclusion.title == 'về "Xây dựng và phát triển quận Sơn Trà đến năm 2030 và những năm tiếp theo"'
    assert (programme.text, programme.relation) == ("Chương trình hành động số 11-CTr/QU", "implements")


def test_hard_wrapped_dates_and_symbols_do_not_end_a_clause() -> None:
    text = (
        "Căn\ncứ các thông tư của Bộ Kế hoạch và Đầu tư: Số 01/2007/TT-BKH ngày 07 tháng 02\n"
        "năm 2007 hướng dẫn thực hiện một số điều của Nghị định\n92/2006/NĐ-CP; số\n"
        "03/2008/TT-BKH ngày 01 tháng 7 năm 2008;"
    )
    relations = {c.symbol: c.relation for c in extract(text).citations}
    assert relations == {"01/2007/TT-BKH": "basis", "92/2006/NĐ-CP": "mentions", "03/2008/TT-BKH": "basis"}


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Bãi bỏ các văn bản sau:\n1. Quyết định số 12/2010/QĐ-UBND ngày 3/4/2010 của UBND tỉnh về việc A.\n"
        "2. Quyết định số 13/2011/QĐ-UBND ngày 3/4/2011 của UBND tỉnh về việc B.\n",
        "Ngày 1/12, Thủ tướng Chính phủ ban hành Quyết định số 44/2025/QĐ-TTg bãi bỏ toàn bộ 2 văn bản gồm:\n\n"
        "1. Quyết định số 104/2000/QĐ-TTg ngày 25/8/2000 của Thủ tướng Chính phủ về việc phê duyệt Chiến lược.\n\n"
        "2. Quyết định số 63/2002/QĐ-TTg ngày 20/5/2002 của Thủ tướng Chính phủ về công tác phòng, chống lụt, bão.\n",
    ],
)
def test_a_numbered_list_under_a_repeal_takes_its_cue(text: str) -> None:
    *_, first, second = extract(text).citations
    assert (first.relation, second.relation) == ("repeals", "repeals")


def test_a_news_lead_without_the_year_is_dated_by_the_symbol() -> None:
    text = "Ngày 1/12, Thủ tướng Chính phủ ban hành Quyết định số 44/2025/QĐ-TTg bãi bỏ 39 văn bản."
    assert [c.date for c in extract(text).citations] == ["2025-12-01"]
    no_year = "Ngày 04/12, UBND tỉnh ban hành Công văn số 2221/UBND-TH tổng hợp ý kiến."
    assert [c.date for c in extract(no_year).citations] == [None]


def test_what_is_done_under_rules_attached_to_a_circular_implements_it_and_its_amendments() -> None:
    text = (
        "Kỳ thi được thực hiện theo Quy chế thi ban hành kèm theo Thông tư số 15/2020/TT-BGDĐT ngày 26/5/2020 được "
        "sửa đổi, bổ sung tại Thông tư số 05/2021/TT-BGDĐT ngày 12/3/2021 và Thông tư số 02/2024/TT-BGDĐT ngày "
        "06/3/2024 của Bộ trưởng Bộ Giáo dục và Đào tạo."
    )
    assert [c.relation for c in extract(text).citations] == ["implements"] * 3


def test_a_page_headline_naming_the_document_by_its_number_is_not_a_citation() -> None:
    text = (
        "Văn bản 1277 2024 về tổ chức thi tốt nghiệp THPT 2024\n\nBỘ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: 1277/BGDĐT-QLCL\n"
        "V/v hướng dẫn tổ chức Kỳ thi\n\nHà Nội, ngày 22 tháng 3 năm 2024\n\n"
        "Thực hiện Công văn 1200/BGDĐT-QLCL ngày 1/3/2024, Bộ hướng dẫn.\n"
    )
    assert [c.symbol for c in extract(text).citations] == ["1200/BGDĐT-QLCL"]


def test_a_minister_heading_a_body_is_one_issuer_and_the_title_follows() -> None:
    text = (
        "Căn cứ Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ "
        "hướng dẫn thi hành một số nội dung của Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ;"
    )
    circular, decree = extract(text).citations
    assert circular.issuer == "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"
    assert (circular.title or "").startswith("hướng dẫn thi hành")
    assert (circular.relation, decree.relation) == ("basis", "mentions")


def test_a_run_of_legal_bases_ends_at_the_enacting_words() -> None:
    text = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Công bố danh mục văn bản sau:\n"
        "1. Quyết định số 12/2010/QĐ-UBND ngày 3/4/2010 của UBND tỉnh về việc A.\n"
    )
    assert [c.relation for c in extract(text).citations] == ["basis", "mentions"]


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        (
            "Thực hiện Luật Hộ tịch năm 2014, Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi "
            "tiết và hướng dẫn thi hành một số điều của Luật Hộ tịch và Quyết định số 101/QĐ-TTg ngày 23/01/2017 của "
            "Thủ tướng Chính phủ về việc phê duyệt Chương trình hành động quốc gia, UBND tỉnh ban hành Kế hoạch.",
            ["implements", "implements", "mentions", "implements"],
        ),
        (
            "Thực hiện Kế hoạch số 25-KH/TU ngày 30/11/2016 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 100-KL/TW "
            "của Ban Bí thư và Kết luận số 111-KL/TU ngày 14/8/2017 của Ban Thường vụ Tỉnh ủy về công tác giáo dục.",
            ["implements", "mentions", "implements"],
        ),
        (  # an earlier document may be named in the title
            "Thực hiện Kế hoạch số 25-KH/TU ngày 30/11/2016 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 100-KL/TW "
            "của Ban Bí thư và Kết luận số 11-KL/TU ngày 14/8/2015 của Ban Thường vụ Tỉnh ủy về công tác giáo dục.",
            ["implements", "mentions", "mentions"],
        ),
    ],
)
def test_a_document_dated_after_a_title_is_not_named_in_it(text: str, relations: list[str]) -> None:
    assert [c.relation for c in extract(text).citations] == relations


def test_a_law_named_in_capitals_ends_before_its_date() -> None:
    text = "CĂN CỨ LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG NGÀY 19 THÁNG 6 NĂM 2015; LUẬT BẢO HIỂM XÃ HỘINĂM 2006;"
    first, second = extract(text).citations
    assert (first.text, first.date, first.relation) == ("LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG", "2015-06-19", "basis")
    assert (second.text, second.year) == ("LUẬT BẢO HIỂM XÃ HỘI", 2006)


def test_text_without_diacritics_keeps_titles_amendments_and_relations() -> None:
    text = (
        "Can cu Luat sua doi, bo sung mot so dieu cua Luat To chuc Chinh phu va Luat To chuc chinh quyen dia phuong "
        "ngay 22 thang 11 nam 2019;\nCan cu Nghi dinh so 53/2013/ND-CP ngay 18/5/2013 cua Chinh phu ve viec thanh "
        "lap Cong ty, da duoc sua doi, bo sung tai Nghi dinh so 34/2015/ND-CP ngay 31/3/2015 cua Chinh phu;"
    )
    law, decree, amendment = extract(text).citations
    assert law.name == (
        "Luat sua doi, bo sung mot so dieu cua Luat To chuc Chinh phu va Luat To chuc chinh quyen dia phuong"
    )
    assert (law.date, law.relation) == ("2019-11-22", "basis")
    assert (decree.title or "").startswith("ve viec thanh lap")
    assert (decree.relation, amendment.relation) == ("basis", "basis")
    assert decree.amended_by == [amendment.id]


def test_text_in_capitals_keeps_titles_amendments_and_relations() -> None:
    text = (
        "CĂN CỨ NGHỊ ĐỊNH SỐ 53/2013/NĐ-CP NGÀY 18/5/2013 CỦA CHÍNH PHỦ VỀ VIỆC THÀNH LẬP CÔNG TY, ĐÃ ĐƯỢC SỬA ĐỔI, "
        "BỔ SUNG TẠI NGHỊ ĐỊNH SỐ 34/2015/NĐ-CP NGÀY 31/3/2015 CỦA CHÍNH PHỦ;\n"
        "THỰC HIỆN VIỆC RÀ SOÁT THEO CÔNG VĂN SỐ 12/UBND-KT NGÀY 02/01/2020 CỦA UBND TỈNH."
    )
    decree, amendment, letter = extract(text).citations
    assert (decree.title or "").startswith("VỀ VIỆC THÀNH LẬP")
    assert (decree.relation, amendment.relation, letter.relation) == ("basis", "basis", "mentions")
    assert decree.amended_by == [amendment.id]


def test_a_blank_number_header_on_one_line_covers_only_itself() -> None:
    text = (
        "Số: /KH-SKHCN Đồng Nai, ngày tháng năm 2026 KẾ HOẠCH Triển khai nhiệm vụ năm 2026 Căn cứ Quyết định số "
        "1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ;"
    )
    result = extract(text)
    assert result.document is not None and result.document.placeholder
    assert [c.symbol for c in result.citations] == ["1322/QĐ-TTg"]


def test_a_header_without_diacritics_is_the_document_and_a_glued_ngay_ends_a_symbol() -> None:
    text = (
        "BO CHINH TRI\nDANG CONG SAN VIET NAM\nNghi quyet so: 11-NQ/TW Ha Noi, ngay 06 thang 01 nam 2012\n"
        "NGHI QUYET\nVE PHUONG HUONG PHAT TRIEN THU DO\n"
        "Thuc hien Thong bao so 70-TB/TWngay 05/4/2012 cua Bo Chinh tri, Luat To chuc HDND va UBNDngay 26/11/2003;"
    )
    result = extract(text)
    own = result.document
    assert own is not None
    assert (own.type, own.symbol, own.date) == ("Nghị quyết", "11-NQ/TW", "2012-01-06")
    notice, law = result.citations
    assert (notice.symbol, notice.date, notice.relation) == ("70-TB/TW", "2012-04-05", "implements")
    assert (law.name, law.date) == ("Luat To chuc HDND va UBND", "2003-11-26")


def test_a_hard_wrapped_line_in_capitals_goes_on() -> None:
    text = (
        "CHÍNH PHỦ BAN HÀNH NGHỊ ĐỊNH SỬA ĐỔI, BỔ SUNG MỘT\nSỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 63/2010/NĐ-CP NGÀY\n"
        "08 THÁNG 6 NĂM 2010 CỦA CHÍNH PHỦ VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH."
    )
    assert [c.relation for c in extract(text).citations] == ["amends"]


def test_a_cue_with_its_capital_after_a_header_opens_a_sentence_on_one_line() -> None:
    text = (
        "Quyết định số 12/2016/QĐ-UBND ngày 3/5/2016 của Ủy ban nhân dân tỉnh Long An về việc ban hành Quy định "
        "đến năm 2020 ỦY BAN NHÂN DÂN TỈNH LONG AN Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; "
        "Thực hiện Nghị quyết số 90/NQ-CP ngày 16/6/2023 của Chính phủ."
    )
    assert [c.relation for c in extract(text).citations] == ["mentions", "basis", "implements"]


def test_capitals_glued_date_word_news_lead_and_a_lone_luat() -> None:
    text = "THỰC HIỆN THÔNG BÁO SỐ 70-TB/TWNGÀY 05/4/2012 CỦA BỘ CHÍNH TRỊ, LUẬT VÀ CÁC VĂN BẢN HƯỚNG DẪN."
    [notice] = extract(text).citations
    assert (notice.symbol, notice.date) == ("70-TB/TW", "2012-04-05")
    news = "NGÀY 23/8/2017, TỈNH ỦY THỪA THIÊN HUẾ ĐÃ BAN HÀNH CHƯƠNG TRÌNH SỐ 27-CTR/TU VỀ THỰC HIỆN CHỈ THỊ 13-CT/TW."
    result = extract(news)
    assert result.document is not None and result.document.symbol == "27-CTr/TU"
    assert [c.symbol for c in result.citations] == ["13-CT/TW"]


def test_letter_suffix_in_capitals_date_before_in_capitals_and_a_number_after_a_heading() -> None:
    [resolution] = extract("CĂN CỨ NGHỊ QUYẾT SỐ 30A/2008/NQ-CP NGÀY 27/12/2008 CỦA CHÍNH PHỦ;").citations
    assert (resolution.symbol, resolution.date) == ("30A/2008/NQ-CP", "2008-12-27")
    lead = "NGÀY 18/9/2024, CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BAN HÀNH CÔNG VĂN SỐ 3319/UBND-HTKT CHỈ ĐẠO."
    assert [c.date for c in extract(lead).citations] == ["2024-09-18"]
    assert extract("Sở Khoa học và Công nghệ hướng dẫn \n3 \n\nKhai thác dữ liệu").citations == []
    assert extract("HƯỚNG DẪN\n3. Sở Tài chính chủ trì").citations == []


def test_a_cue_broken_across_lines_in_capitals_still_leads() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\nCĂN\nCỨ LUẬT ĐẦU TƯ CÔNG NGÀY 13/6/2019;\n"
        "CĂN\nCỨ NGHỊ ĐỊNH SỐ 27/2022/NĐ-CP;"
    )
    assert [c.relation for c in extract(text).citations] == ["basis", "basis"]


def test_a_news_lead_under_a_headline_about_other_documents_is_no_identity() -> None:
    lead = "Ngày 09/12/2015, Chính phủ đã ban hành Nghị định số 126/2015/NĐ-CP sửa đổi Danh mục các chất ma túy.\n"
    assert extract("Một số văn bản pháp luật mới, có hiệu lực trong tháng 02 năm 2016\n\n" + lead).document is None
    own = extract("Nghị định sửa đổi Danh mục các chất ma túy\n\n" + lead).document
    assert own is not None and own.symbol == "126/2015/NĐ-CP"


def test_a_number_after_a_type_word_in_lower_case_with_so_is_a_citation() -> None:
    text = (
        "Phó Thủ tướng đã ký quyết định số 1785 ban hành Kế hoạch, bảo đảm phù hợp với nghị quyết số 66 ngày "
        "30/4/2025 của Bộ Chính trị. Mục tiêu đã được xác định tại Nghị quyết số 66."
    )
    found = [(c.text, c.date, c.relation) for c in extract(text).citations]
    assert found == [
        ("quyết định số 1785", None, "mentions"),
        ("nghị quyết số 66", "2025-04-30", "mentions"),
        ("Nghị quyết số 66", "2025-04-30", "mentions"),
    ]
    assert extract("Kế hoạch 5 năm; quyết định 2 lần; kế hoạch số 3 năm nay").citations == []


def test_what_a_plan_must_conform_to_is_only_mentioned() -> None:
    text = "Mục tiêu là triển khai hiệu quả nghị quyết, bảo đảm phù hợp với Nghị quyết số 66-NQ/TW của Bộ Chính trị."
    assert [c.relation for c in extract(text).citations] == ["mentions"]


def test_laws_that_amend_another_in_the_plural_are_no_citation_and_no_amendment() -> None:
    text = (
        "chưa có căn cứ pháp lý để xác định hết hiệu lực theo quy định tại các Luật Ban hành văn bản quy phạm pháp "
        "luật (năm 1996, năm 2008 và các Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp "
        "luật)."
    )
    found = [(c.text, c.relation) for c in extract(text).citations]
    assert found == [("Luật Ban hành văn bản quy phạm pháp luật", "mentions")] * 2


def test_a_consolidated_text_without_its_number_cell() -> None:
    text = (
        "|\nLUẬT\nTỔ CHỨC CHÍNH\nQUYỀN ĐỊA PHƯƠNG\nLuật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19 tháng "
        "6 năm 2015 của Quốc hội, có hiệu lực kể từ\nngày 01 tháng 01 năm 2016, được sửa đổi, bổ sung bởi:\n"
        "1. Luật số 47/2019/QH14 ngày 22 tháng 11 năm 2019 của\nQuốc hội sửa đổi, bổ sung một số điều của Luật Tổ "
        "chức Chính phủ và Luật Tổ chức chính quyền địa phương, có hiệu lực kể từ ngày 01 tháng 7 năm 2020;\n"
        "2. Nghị quyết số 96/2023/QH15 ngày 23 tháng 6 năm 2023 của Quốc hội về việc lấy phiếu tín nhiệm.\n"
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
    )
    result = extract(text)
    assert result.document is not None
    assert (result.document.type, result.document.date) == ("Văn bản hợp nhất", None)
    relations = {c.text.replace("\n", " "): c.relation for c in result.citations}
    assert relations["Luật Tổ chức Chính phủ"] == "mentions"  # in the amending law's title, across a wrapped line
    assert relations["Nghị quyết số 96/2023/QH15"] == "mentions"
    assert relations["Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"] == "basis"


def test_a_law_in_lower_case_is_read_by_a_known_name_only() -> None:
    text = (
        "căn cứ luật sửa đổi, bổ sung một số điều của luật tổ chức chính phủ và luật tổ chức chính quyền địa phương "
        "ngày 22 tháng 11 năm 2019; theo luật đất đai; các quy định của luật; vi phạm pháp luật đất đai; luật mới."
    )
    found = [(c.text, c.name, c.date) for c in extract(text).citations]
    assert found == [
        (
            "luật sửa đổi, bổ sung một số điều của luật tổ chức chính phủ và luật tổ chức chính quyền địa phương",
            "Luật sửa đổi, bổ sung một số điều của luật tổ chức chính phủ và luật tổ chức chính quyền địa phương",
            "2019-11-22",
        ),
        ("luật đất đai", "Luật đất đai", None),
    ]


def test_a_type_word_defined_as_a_short_name_names_the_document_from_there_on() -> None:
    text = (
        "Căn cứ Nghị quyết số 09-NQ/TW, ngày 28/01/2022 của Bộ Chính trị về xây dựng tỉnh Khánh Hòa (sau đây viết "
        "tắt là Nghị quyết), Ban Chấp hành xây dựng Chương trình hành động.\n"
        "1. Quyết tâm đưa Nghị quyết đi vào cuộc sống; Nghị quyết này có hiệu lực; dự thảo Nghị quyết; các Nghị "
        "quyết; Nghị quyết số 5; Nghị quyết Đại hội.\n"
    )
    found = [(c.text, c.form, c.relation, c.symbol) for c in extract(text).citations]
    assert found == [
        ("Nghị quyết số 09-NQ/TW", "full", "basis", "09-NQ/TW"),
        ("Nghị quyết", "defined", "basis", "09-NQ/TW"),
        ("Nghị quyết", "short", "mentions", "09-NQ/TW"),
        ("Nghị quyết số 5", "short", "mentions", "5"),
    ]


def test_a_law_s_own_text_does_not_cite_itself() -> None:
    text = (
        "QUỐC HỘI\n------Luật số: 77/2015/QH13\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "--------------Hà Nội, ngày 19 tháng 06 năm 2015\nLUẬT\nTỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG\n"
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        "Quốc hội ban hành Luật tổ chức chính quyền địa phương.\nĐiều 1. Áp dụng Luật Đất đai.\n"
    )
    result = extract(text)
    assert result.document is not None
    assert (result.document.type, result.document.symbol) == ("Luật", "77/2015/QH13")
    assert [c.text for c in result.citations] == ["Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Luật Đất đai"]


def test_a_consolidated_text_is_typed_by_its_symbol_over_the_law_it_consolidates() -> None:
    text = (
        "VĂN PHÒNG QUỐC HỘI\n\nSố: 14/VBHN-VPQH\n\nHà Nội, ngày 12 tháng 12 năm 2017\n\nLUẬT\n\n"
        "TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG\n\nLuật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19 tháng 6 năm "
        "2015 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 01 năm 2016, được sửa đổi, bổ sung bởi:\n"
    )
    result = extract(text)
    assert result.document is not None and result.document.type == "Văn bản hợp nhất"
    assert [c.symbol for c in result.citations] == ["77/2015/QH13"]


def test_a_one_line_header_s_place_follows_its_symbol_and_a_title_may_name_bodies() -> None:
    text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 76/2016/NQ-HĐND Lào Cai, ngày 15 tháng 12 "
        "năm 2016 NGHỊ QUYẾT Ban hành quy chế hoạt động HỘI ĐỒNG NHÂN DÂN TỈNH LÀO CAI KHOÁ XV Căn cứ Luật Tổ chức "
        "Chính quyền địa phương ngày 19 tháng 6 năm 2015;"
    )
    own = extract(text).document
    assert own is not None and (own.place, own.date) == ("Lào Cai", "2016-12-15")
    text = (
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 05/2025/NQ-HĐND\nĐắk Lắk, ngày 15 tháng 9 năm 2025\nNGHỊ QUYẾT\n"
        "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA HỘI ĐỒNG NHÂN DÂN TỈNH, THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN TỈNH\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
    )
    own = extract(text).document
    assert own is not None
    assert own.title == "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA HỘI ĐỒNG NHÂN DÂN TỈNH, THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN TỈNH"


def test_laws_the_vocabulary_knows_apart_are_two_documents() -> None:
    text = (
        "Căn cứ Luật Đầu tư, Luật Đầu tư công; Luật Doanh nghiệp, Luật Doanh nghiệp Nhà nước; "
        "Luật Ngân sách nhà nước"
    )
    ids = [c.id for c in extract(text + "; Luật Ngân sách").citations]
    assert len(set(ids[:4])) == 4
    assert ids[4] == ids[5]  # "Luật Ngân sách" is the short name of "Luật Ngân sách nhà nước"


def test_a_date_opening_the_next_line_is_a_table_s_next_row() -> None:
    text = (
        "Ngày Trạng thái Văn bản nguồn\n01/06/2015 Được bổ sung 06/2015/TT-BCT\n"
        "20/07/2016 Được bổ sung 04/2016/TT-BCT\n"
    )
    assert [c.date for c in extract(text).citations] == [None, None]
    (wrapped,) = extract("Căn cứ Quyết định số 12/2020/QĐ-UBND\nngày 15/3/2020 của UBND tỉnh;").citations
    assert wrapped.date == "2020-03-15"


def test_a_news_lead_dates_the_document_someone_signed() -> None:
    text = "Ngày 20/04/2009, Thủ tướng Chính phủ đã ký Quyết định số 62/2009/QĐ-TTg, theo đó cho phép miễn thuế."
    assert [c.date for c in extract(text).citations] == ["2009-04-20"]
    text = "Ngày 24-10-2023, UBND tỉnh có văn bản số 4912/UBND-NC về việc thực hiện Chỉ thị của Thủ tướng Chính phủ."
    assert [c.date for c in extract(text).citations] == ["2023-10-24"]


def test_a_direction_given_in_a_letter_after_a_title_goes_on_with_the_list() -> None:
    text = (
        "Thực hiện Chỉ thị số 22/CT-TW ngày 23/01/2018 của Ban Bí thư về đẩy mạnh các phong trào thi đua yêu nước và "
        "chỉ đạo của UBND tỉnh tại văn bản số 238/UBND-KGVX ngày 19/3/2018 về tổ chức các hoạt động kỷ niệm."
    )
    assert [c.relation for c in extract(text).citations] == ["implements", "implements"]


def test_a_numbered_project_of_a_programme_is_no_citation() -> None:
    text = "kinh phí thực hiện Dự án 3 và Dự án 4 của Chương trình; Phương án 2 được chọn; theo Đề án 06 của Chính phủ."
    assert [c.text for c in extract(text).citations] == ["Đề án 06"]


def test_a_type_word_glued_to_the_word_before_it_in_pdf_text() -> None:
    text = "Thực hiệnQuyết định số 1489/QĐ-TTg ngày 08/10/2012 của Thủ tướng Chính phủ phê duyệtChương trình."
    found = [(c.text, c.relation, c.date) for c in extract(text).citations]
    assert found == [("Quyết định số 1489/QĐ-TTg", "implements", "2012-10-08")]
    assert extract("kèm theoQuyết định này").citations == []


@pytest.mark.parametrize(
    ("text", "issuer", "province", "scope"),
    [
        (  # an issuer cell without its province, completed by the line above the preamble
            "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 63/2006/QĐ-UBND | Phan Thiết, ngày 26 tháng 7 "
            "năm 2006 |\nỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nCăn cứ Quyết định số 871/QĐ-UBND ngày 05/4/2006 của Chủ "
            "tịch UBND tỉnh về việc thành lập Trung tâm Công báo;\n",
            "Ủy ban nhân dân tỉnh Bình Thuận",
            "Bình Thuận",
            "@binh-thuan",
        ),
        (  # a decision of the chairman names his committee
            "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ HOẠT ĐỘNG CỦA BAN CHỈ ĐẠO\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\n"
            "Xét đề nghị của Sở Y tế tại Tờ trình số 66/TTr-SYT ngày 17 tháng 5 năm 2013,\nQUYẾT ĐỊNH:\n",
            "Chủ tịch Ủy ban nhân dân tỉnh Hà Giang",
            "Hà Giang",
            "@ha-giang",
        ),
    ],
)
def test_the_issuer_line_above_the_preamble_gives_the_province_and_the_local_scope(
    text: str, issuer: str, province: str, scope: str
) -> None:
    result = extract(text)
    assert result.document is not None
    assert (result.document.issuer, result.document.province) == (issuer, province)
    assert result.citations[0].id.endswith(scope)


def test_what_a_proposer_carries_out_is_only_mentioned() -> None:
    text = (
        "Xét đề nghị Giám đốc Sở Thông tin và Truyền thông và Tổ trưởng Tổ công tác chuyên trách thực hiện Đề án 30 "
        "của Ủy ban nhân dân tỉnh,\nQUYẾT ĐỊNH:"
    )
    assert [c.relation for c in extract(text).citations] == ["mentions"]
    text = "Xét đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 126/TTr-STP ngày 29 tháng 9 năm 2010,\nQUYẾT ĐỊNH:"
    assert [c.relation for c in extract(text).citations] == ["proposal"]
    text = "Theo đề nghị của Sở Tài chính (cơ quan thực hiện Đề án) tại Tờ trình số 12/TTr-STC ngày 5/3/2020,\n"
    assert [c.relation for c in extract(text).citations] == ["proposal"]


def test_a_symbol_written_with_dashes_as_in_file_names_and_links() -> None:
    text = "Tải về: 18-2019-TT-BGDĐT Thông tư ban hành quy định; Nghị định (15-2020-NĐ-CP)"
    assert [c.symbol for c in extract(text).citations] == ["18/2019/TT-BGDĐT", "15/2020/NĐ-CP"]
    assert extract("ngày 01-10-2020-UBND; GIAI-DOAN-2021-2030-TREN-DIA-BAN; 2021-2030-KH").citations == []


@pytest.mark.parametrize(
    ("header", "place"),
    [
        ("ỦY BAN NHÂN DÂN\n Số:         /KH-UBND           Quảng Ngãi, ngày      tháng 6 năm 2025\n", "Quảng Ngãi"),
        ("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 55/2007/QĐ-UBND\nPhan Rang-Tháp Chàm, ngày 05 tháng 3 năm 2007\n",
         "Phan Rang-Tháp Chàm"),
    ],
)  # fmt: skip
def test_the_place_beside_the_date_is_the_place_only(header: str, place: str) -> None:
    own = extract(header).document
    assert own is not None and own.place == place


def test_a_news_lead_names_the_issuer_of_the_page_s_document() -> None:
    text = (
        "Ngày 23/8/2017, Tỉnh Ủy Thừa Thiên Huế đã ban hành Chương trình số 27-CTr/TU về thực hiện Chỉ thị 13-CT/TW.\n"
        "Thực hiện Kế hoạch số 25-KH/TU ngày 30/11/2016 của Ban Thường vụ Tỉnh ủy;"
    )
    result = extract(text)
    assert result.document is not None
    assert (result.document.issuer, result.document.province) == ("Tỉnh Ủy Thừa Thiên Huế", "Thừa Thiên Huế")
    assert result.citations[-1].id == "ke-hoach/25-kh-tu/2016@thua-thien-hue"


def test_a_list_that_hets_hieu_luc_is_repealed_whole_and_an_issuer_ends_before_nhu_sau() -> None:
    text = "Các Quyết định số 10/2015/QĐ-UBND, số 11/2015/QĐ-UBND và số 12/2016/QĐ-UBND hết hiệu lực thi hành."
    assert [c.relation for c in extract(text).citations] == ["repeals"] * 3
    text = "Sửa đổi Điều 5 Quy định ban hành kèm theo Quyết định số 12/2019/QĐ-UBND của UBND tỉnh như sau:"
    assert [c.issuer for c in extract(text).citations] == ["UBND tỉnh"]


def test_a_table_row_gives_its_symbol_the_date_and_title_of_the_next_cells() -> None:
    text = (
        "STT | Số ký hiệu | Ngày ban hành | Trích yếu\n1 | 12/2020/QĐ-UBND | 15/3/2020 | Về việc ban hành quy chế\n"
        "2 | 345/KH-UBND | 20/4/2021 | Kế hoạch năm 2021\n"
    )
    found = [(c.symbol, c.date, c.title) for c in extract(text).citations]
    assert found == [("12/2020/QĐ-UBND", "2020-03-15", "Về việc ban hành quy chế"), ("345/KH-UBND", "2021-04-20", None)]


@pytest.mark.parametrize(
    ("heading", "relation"),
    [
        ("DANH MỤC VĂN BẢN QUY PHẠM PHÁP LUẬT BỊ BÃI BỎ", "repeals"),
        ("Danh mục văn bản hết hiệu lực toàn bộ", "repeals"),
        ("DANH MỤC VĂN BẢN ĐƯỢC SỬA ĐỔI, BỔ SUNG", "amends"),
        ("DANH MỤC VĂN BẢN CÒN HIỆU LỰC", "mentions"),
    ],
)
def test_the_rows_of_a_list_under_danh_muc_take_what_its_heading_says(heading: str, relation: str) -> None:
    text = (
        "Điều 1. Công bố danh mục (có danh mục kèm theo).\n\n"
        f"{heading}\n(Kèm theo Quyết định số 19/2023/QĐ-UBND ngày 24/4/2023 của UBND tỉnh)\n"
        "STT | Tên loại | Số, ký hiệu | Ngày ban hành | Trích yếu\n"
        "1 | Quyết định | 12/2010/QĐ-UBND | 15/3/2010 | Về việc triển khai Nghị quyết số 57-NQ/TW\n"
        "2 | Chỉ thị | 05/2012/CT-UBND | 20/4/2012 | Về tăng cường\n"
    )
    relations = [c.relation for c in extract(text).citations]
    assert relations == ["attached", relation, "mentions", relation]


def test_a_metadata_table_with_the_number_in_the_next_cell_is_the_document() -> None:
    text = (
        "Quyết định 612/QĐ-UBND năm 2020 về phê duyệt quy trình nội bộ\nSố hiệu: | 612/QĐ-UBND | Loại văn bản: | "
        "Quyết định |\nỦY BAN NHÂN DÂN |\nSố: 612/QĐ-UBND |\nVĩnh Long, ngày 05 tháng 3 năm 2020 |\n"
        "Căn cứ Quyết định số 600/QĐ-UBND ngày 04 tháng 3 năm 2020 của Chủ tịch UBND tỉnh;\n"
    )
    result = extract(text)
    assert result.document is not None and result.document.symbol == "612/QĐ-UBND"
    assert [c.symbol for c in result.citations] == ["600/QĐ-UBND"]


def test_the_enacting_authority_under_a_title_is_not_part_of_it() -> None:
    text = (
        "CHÍNH PHỦ\nSố: 127/NQ-CP\nHà Nội, ngày 08 tháng 10 năm 2021\nNGHỊ QUYẾT\nPHIÊN HỌP CHÍNH PHỦ THƯỜNG KỲ "
        "THÁNG 9 NĂM 2021\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
    )
    own = extract(text).document
    assert own is not None and own.title == "PHIÊN HỌP CHÍNH PHỦ THƯỜNG KỲ THÁNG 9 NĂM 2021"
    text = "BỘ TÀI CHÍNH\nSố: 121/2004/TT-BTC\nTHÔNG TƯ\nHƯỚNG DẪN QUYẾT ĐỊNH SỐ 134 CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
    own = extract(text).document
    assert own is not None and own.title is not None and own.title.endswith("CỦA THỦ TƯỚNG CHÍNH PHỦ")


def test_a_district_plan_is_in_the_province_its_header_names() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\n-------\nSố: 125/KH-UBND\nChâu Thành, ngày 12 tháng 3 năm 2022\nKẾ HOẠCH\n"
        "Triển khai thực hiện Kế hoạch số 45/KH-UBND ngày 01/3/2022 của UBND tỉnh Tiền Giang\n"
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 01/3/2022 của Ủy ban nhân dân tỉnh Tiền Giang; Công văn số "
        "88/SNN-KHTC ngày 5/3/2022 của Sở Nông nghiệp và PTNT;\n"
    )
    result = extract(text)
    own = result.document
    assert own is not None
    assert (own.province, own.level) == ("Tiền Giang", "ubnd_huyen")
    assert own.issuer is not None and own.issuer.startswith("Ủy ban nhân dân huyện Châu Thành")
    assert own.title == "Triển khai thực hiện Kế hoạch số 45/KH-UBND ngày 01/3/2022 của UBND tỉnh Tiền Giang"
    assert result.citations[-1].id == "cong-van/88-snn-khtc/2022@tien-giang"


def test_a_place_broken_across_lines_or_hyphenated_names_its_province() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA-VŨNG TÀU\n|\nSố: 138/KH-UBND\n|\nBà Rịa - Vũng\nTàu, ngày 01 tháng 08 năm 2022\n"
        "KẾ HOẠCH\nTHỰC HIỆN CHIẾN LƯỢC QUỐC GIA\nCăn cứ Luật Công nghệ cao ngày 13 tháng 11 năm 2008;\n"
    )
    own = extract(text).document
    assert own is not None
    assert (own.place, own.province, own.issuer) == (
        "Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu", "Ủy ban nhân dân tỉnh Bà Rịa-Vũng Tàu"
    )


def test_a_title_copied_with_its_capital_sua_doi_holds_what_it_names() -> None:
    text = (
        "Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ; Nghị quyết số 71/NQ-CP ngày 01/4/2025 Sửa "
        "đổi, bổ sung Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024;"
    )
    assert [c.relation for c in extract(text).citations] == ["implements", "implements", "mentions"]


def test_a_header_run_into_one_line_has_its_type_after_the_date() -> None:
    text = (
        "  Số: /KH-SKHCN  Đồng Nai, ngày tháng năm 2026  ## KẾ HOẠCH  ### Triển khai các nhiệm vụ trọng tâm  "
        "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ;"
    )
    own = extract(text).document
    assert own is not None and (own.type, own.placeholder) == ("Kế hoạch", True)


def test_a_title_s_relation_does_not_run_on_into_the_paragraph_under_it() -> None:
    text = (
        "THÔNG TƯ\n\nHƯỚNG DẪN THỰC HIỆN MỘT SỐ ĐIỀU TẠI QUYẾT ĐỊNH SỐ 1405/QĐ-TTG NGÀY 16/10/2007 CỦA THỦ TƯỚNG CHÍNH "
        "PHỦ VỀ ĐIỀU KIỆN ẤP TRỨNG\n\nThông tư số 92/2007/TT-BNN ngày 19/11/2007 của Bộ Nông nghiệp và Phát triển "
        "nông thôn, có hiệu lực kể từ ngày 12/12/2007, được sửa đổi, bổ sung bởi:\n\n1. Thông tư số 60/2008/TT-BNN "
        "ngày 15/5/2008 của Bộ Nông nghiệp và Phát triển nông thôn.\n"
    )
    assert [c.relation for c in extract(text).citations] == ["implements", "mentions", "mentions"]
    wrapped = "Căn cứ Quyết định số 1/QĐ-TTg ngày 1/1/2020 và\n\nQuyết định số 2/QĐ-TTg ngày 2/2/2020;"
    assert [c.relation for c in extract(wrapped).citations] == ["basis", "basis"]


def test_a_law_called_new_or_in_force_is_named_without_that_word_and_a_title_ends_before_kinh_gui() -> None:
    found = [c.name for c in extract("Nay Hiến pháp mới và Luật Tổ chức Chính phủ mới đã được ban hành.").citations]
    assert found == ["Hiến pháp", "Luật Tổ chức Chính phủ"]
    text = "VĂN PHÒNG CHÍNH PHỦ\nSố: 12/TTr-VPCP\nTỜ TRÌNH\nVề dự thảo Nghị định\nKính gửi: Chính phủ\n"
    own = extract(text).document
    assert own is not None and own.title == "Về dự thảo Nghị định"


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (  # "số" left blank before the date
            "Căn cứ Luật Quy hoạch đô thị số ngày 17/6/2009;",
            {"text": "Luật Quy hoạch đô thị", "date": "2009-06-17", "relation": "basis"},
        ),
        (  # a law named with its number is a law, whatever words its name holds
            "1. Luật Quy hoạch số 21/2017/QH14 ngày 24 tháng 11 năm 2017 của Quốc hội;",
            {"type": "Luật", "symbol": "21/2017/QH14"},
        ),
        (  # the 2003 local government law written with a comma
            "Căn cứ Luật Tổ chức Hội đồng nhân dân, Uỷ ban nhân dân ngày 26 tháng 11 năm 2003;",
            {"text": "Luật Tổ chức Hội đồng nhân dân, Uỷ ban nhân dân", "date": "2003-11-26"},
        ),
        (  # a year written after a law's name
            "theo Khoản 2 Điều 129 Luật tổ chức chính quyền địa phương 2015, theo đó:",
            {"text": "Luật tổ chức chính quyền địa phương", "year": 2015, "pinpoint": "Khoản 2 Điều 129"},
        ),
        ("13/07/1981 Bị thay thế 3-LCT/HĐNN7", {"symbol": "3-LCT/HĐNN7", "type": "Lệnh"}),  # Lệnh Chủ tịch
        (  # the "/" after the number lost
            "Căn cứ Quyết định số 12QĐ-UBND ngày 1/2/2020 của UBND tỉnh Nghệ An;",
            {"text": "Quyết định số 12QĐ-UBND", "symbol": "12/QĐ-UBND", "date": "2020-02-01", "relation": "basis"},
        ),
        (  # an urgency word between the type word and the number
            "Bộ Y tế vừa có Công văn hỏa tốc số 2598/BYT-DP gửi các tỉnh",
            {"text": "Công văn hỏa tốc số 2598/BYT-DP", "type": "Công văn"},
        ),
        ("Bộ Y tế vừa có Công văn khẩn số 5995 gửi Chủ tịch", {"text": "Công văn khẩn số 5995", "symbol": "5995"}),
        (  # a concluding notice is a notice
            "Thực hiện Thông báo kết luận số 123-TB/TU ngày 5/3/2021 của Ban Thường vụ Tỉnh ủy;",
            {"text": "Thông báo kết luận số 123-TB/TU", "type": "Thông báo"},
        ),
    ],
)
def test_one_citation_reads(text: str, fields: dict[str, object]) -> None:
    (citation,) = extract(text).citations
    assert {name: getattr(citation, name) for name in fields} == fields


def test_symbols_before_1993_and_a_title_that_restates_the_number() -> None:
    text = (
        "BỘ TÀI CHÍNH\nSố: 15-BTC/TT\nHà Nội, ngày 16 tháng 3 năm 1991\nTHÔNG TƯ\n"
        "SỐ 15-BTC/TT NGÀY 16-3-1991 CỦA BỘ TÀI CHÍNH QUY ĐỊNH CHẾ ĐỘ QUẢN LÝ TÀI CHÍNH\n"
        "Thi hành Nghị định số\n196-HĐBT ngày 11-12-1989 của Hội đồng Bộ trưởng, Quyết định số 115-CT;\n"
        "Kèm theo Mẫu số 01-KK.\n"
    )
    result = extract(text)
    assert result.document is not None and result.document.title == "QUY ĐỊNH CHẾ ĐỘ QUẢN LÝ TÀI CHÍNH"
    found = [(c.symbol, c.type, c.date, c.relation) for c in result.citations]
    assert found == [
        ("196-HĐBT", "Nghị định", "1989-12-11", "implements"),
        ("115-CT", "Quyết định", None, "implements"),
    ]  # a form's number is no document


def test_a_title_naming_two_bodies_joined_by_a_dash_is_whole() -> None:
    text = (
        "THƯỜNG TRỰC\nHĐND - UBND TỈNH HÒA BÌNH\nSố: 06/QC-TT.HĐND-UBND\nHòa Bình, ngày 20 tháng 3 năm 2019\n"
        "QUY CHẾ\nPHỐI HỢP CÔNG TÁC GIỮA THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN TỈNH - ỦY BAN NHÂN DÂN TỈNH\n"
        "Căn cứ Luật Tiếp công dân ngày 25\ntháng 11 năm 2013;\n"
    )
    own = extract(text).document
    assert own is not None and own.title == (
        "PHỐI HỢP CÔNG TÁC GIỮA THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN TỈNH - ỦY BAN NHÂN DÂN TỈNH"
    )


def test_laws_amending_many_laws_are_told_apart_by_their_count() -> None:
    text = (
        "Căn cứ Luật sửa đổi, bổ\nsung một số điều của 11 Luật có liên quan đến quy hoạch ngày 15 tháng 6 năm\n2018;\n"
        "Căn cứ Luật sửa đổi, bổ\nsung một số điều của 37 Luật có liên quan đến quy hoạch ngày 20 tháng 11 năm\n2018;\n"
        "Căn cứ Luật Khoáng sản; Luật sửa đổi, bổ xung một số điều của Luật khoáng sản ngày 14 tháng 6 năm 2005;\n"
    )
    found = [(c.name, c.date) for c in extract(text).citations]
    assert found == [
        ("Luật sửa đổi, bổ sung một số điều của 11 Luật có liên quan đến quy hoạch", "2018-06-15"),
        ("Luật sửa đổi, bổ sung một số điều của 37 Luật có liên quan đến quy hoạch", "2018-11-20"),
        ("Luật Khoáng sản", None),
        ("Luật sửa đổi, bổ xung một số điều của Luật khoáng sản", "2005-06-14"),  # "xung": a common misspelling
    ]
    assert len({c.id for c in extract(text).citations}) == 4


def test_a_line_break_inside_a_citation_does_not_end_its_clause() -> None:
    text = "Căn cứ Nghị quyết số\n11/NQ-CP ngày 05/02/2018 của Chính phủ về triển khai thi hành Luật\nQuy hoạch;"
    assert [c.relation for c in extract(text).citations] == ["basis", "mentions"]  # the law is in its title


def test_what_replaces_another_document_is_not_replaced_by_the_citing_text() -> None:
    text = "Quyết định số 45/2007/QĐ-UBND bị bãi bỏ, thay thế bởi Quyết định số 579/2014/QĐ-UBND ngày 31/12/2014."
    assert [c.relation for c in extract(text).citations] == ["mentions", "mentions"]
    assert extract("Quyết định này thay thế Quyết định số 579/2014/QĐ-UBND.").citations[0].relation == "replaces"


def test_the_date_a_law_was_passed_or_a_decision_signed_is_its_date() -> None:
    text = (
        "Căn cứ Luật Đất đai được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp thứ 6 thông qua"
        " ngày 29 tháng 11 năm 2013;\nCăn cứ Pháp lệnh kế toán - thống kê do Hội đồng Nhà nước ban hành ngày\n"
        "20-5-1988;\nCăn cứ Quyết định số 12/QĐ-UBND được sửa đổi bởi Quyết định số 13/QĐ-UBND ký ngày 1/2/2020;\n"
    )
    found = [(c.text, c.date) for c in extract(text).citations]
    assert found == [
        ("Luật Đất đai", "2013-11-29"),
        ("Pháp lệnh kế toán - thống kê", "1988-05-20"),
        ("Quyết định số 12/QĐ-UBND", None),  # the date told after the next citation is that one's
        ("Quyết định số 13/QĐ-UBND", "2020-02-01"),
    ]


def test_a_short_line_in_capitals_that_opens_with_a_cue_is_wrapped() -> None:
    text = (
        "CĂN CỨ NGHỊ QUYẾT SỐ 66-NQ/CP NGÀY 01 THÁNG 7 NĂM 2021;\nTHEO ĐỀ NGHỊ CỦA BỘ\n"
        "TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TẠI TỜ TRÌNH SỐ 34/TTR-LĐTBXH NGÀY 02 THÁNG 6 NĂM 2021.\n"
    )
    assert [c.relation for c in extract(text).citations] == ["basis", "proposal"]


def test_a_ministry_code_written_in_two_parts_is_one_code() -> None:
    text = (
        "Căn cứ Thông tư số 23/2015/TTLT-BGD ĐT-BNV ngày 12/9/2015; Thông tư liên tịch 23/2015/TTLT-BGD&ĐT-BNV;"
        " Quyết định số 12/QĐ-UBND TP-HCM"
    )
    first, second, third = extract(text).citations
    assert (first.text, first.symbol) == ("Thông tư số 23/2015/TTLT-BGD ĐT-BNV", "23/2015/TTLT-BGDĐT-BNV")
    assert first.date == "2015-09-12"
    assert second.id == first.id  # "BGD&ĐT", "BGD ĐT" and "BGDĐT" are one ministry
    assert third.symbol == "12/QĐ-UBND"  # "UBNDTP" is no code: the symbol ends before it


def test_a_page_s_metadata_lines_name_its_document_and_date() -> None:
    text = (
        "Thông tư số 20/2010/TT-BNNPTNT ngày 02/04/2010 của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn Sửa đổi "
        "Thông tư 15/2009/TT-BNN về danh mục thuốc\n- Số hiệu văn bản: 20/2010/TT-BNNPTNT\n- Loại văn bản: Thông tư\n"
        "- Ngày ban hành: 02-04-2010\n"
    )
    result = extract(text)
    assert result.document is not None
    assert (result.document.symbol, result.document.date) == ("20/2010/TT-BNNPTNT", "2010-04-02")
    assert [(c.symbol, c.relation) for c in result.citations] == [("15/2009/TT-BNN", "amends")]


def test_the_body_named_right_after_a_local_code_gives_date_and_scope() -> None:
    text = (
        "Sửa đổi Nghị quyết 10/2016/NQ-HĐND tỉnh ngày 7/12/2016 của HĐND tỉnh; Quyết định số 13/QĐ-UBND tỉnh Bình "
        "Định ngày 1/2/2019 về việc A."
    )
    found = [(c.date, c.id) for c in extract(text).citations]
    assert found == [
        ("2016-12-07", "nghi-quyet/10-2016-nq-hdnd@unknown"),
        ("2019-02-01", "quyet-dinh/13-qd-ubnd/2019@binh-dinh"),
    ]


def test_a_note_that_a_code_was_amended_is_part_of_its_citation_not_a_cue() -> None:
    text = (
        "Căn cứ Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017) và Luật Tố tụng hình sự năm 2015;\n"
        "Theo Luật Xử lý vi phạm hành chính năm 2012 (được sửa đổi, bổ sung năm 2020), Nghị định số "
        "100/2019/NĐ-CP quy định mức phạt.\n"
        "Sau khi Tòa án xét xử vào ngày 27/4/2017 ra bản án số 53/2017/HSPT hủy bản án sơ thẩm.\n"
    )
    found = [(c.name or c.symbol, c.relation) for c in extract(text).citations]
    assert found == [
        ("Bộ luật Hình sự", "basis"),
        ("Luật Tố tụng hình sự", "basis"),
        ("Luật Xử lý vi phạm hành chính", "mentions"),
        ("100/2019/NĐ-CP", "mentions"),
        ("53/2017/HSPT", "mentions"),  # "xét xử" (to try a case) proposes nothing
    ]


def test_a_header_in_small_letters_keeps_its_place_and_date() -> None:
    text = (
        "chính phủ\nsố: 69/2016/nđ-cp\nhà nội, ngày 01 tháng 7 năm 2016\nnghị định\n"
        "căn cứ luật đầu tư ngày 26/11/2014;\n"
    )
    own = extract(text).document
    assert own is not None and (own.place, own.date) == ("hà nội", "2016-07-01")
    in_a_sentence = "Theo báo cáo, ngày 01 tháng 7 năm 2016 hội đồng đã họp.\n"
    own = extract(in_a_sentence).document
    assert own is None or own.date is None


def test_in_capitals_an_issuer_broken_inside_a_body_s_name_goes_on_and_an_amending_title_is_a_title() -> None:
    text = (
        "CĂN CỨ NGHỊ QUYẾT SỐ 26/2022/UBTVQH15 NGÀY 21 THÁNG 9 NĂM 2022 CỦA ỦY\nBAN THƯỜNG VỤ QUỐC HỘI SỬA ĐỔI, BỔ "
        "SUNG MỘT SỐ ĐIỀU CỦA NGHỊ QUYẾT SỐ\n1210/2016/UBTVQH13;\n"
        "CĂN CỨ THÔNG TƯ SỐ 42/2022/TT-BTC NGÀY 06 THÁNG 7 NĂM 2022 CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH SỬA\nĐỔI, BỔ SUNG MỘT "
        "SỐ ĐIỀU CỦA THÔNG TƯ SỐ\n338/2016/TT-BTC;\n"
    )
    found = [(c.symbol, c.issuer, c.relation) for c in extract(text).citations]
    assert found == [
        ("26/2022/UBTVQH15", "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "basis"),
        ("1210/2016/UBTVQH13", None, "mentions"),
        ("42/2022/TT-BTC", "BỘ TRƯỞNG BỘ TÀI CHÍNH", "basis"),
        ("338/2016/TT-BTC", None, "mentions"),
    ]


def test_in_capitals_a_long_line_that_ends_in_a_comma_goes_on() -> None:
    text = (
        "CĂN CỨ NGHỊ QUYẾT SỐ\n27/2022/UBTVQH15 NGÀY 21 THÁNG 9 NĂM 2022 CỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI SỬA ĐỔI,\n"
        "BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ QUYẾT SỐ 1211/2016/UBTVQH13 NGÀY 25 THÁNG 5 NĂM\n2016;\n"
    )
    assert [c.relation for c in extract(text).citations] == ["basis", "mentions"]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 81/2023/QH15 VỀ QUY HOẠCH ĐẾN NĂM 2050 Thực hiện Nghị quyết số 90/NQ-CP "
         "ngày 16 tháng 6 năm 2023 của Chính phủ, UBND tỉnh ban hành Kế hoạch.", "implements"),
        ("HƯỚNG DẪN THỰC HIỆN QUY ĐỊNH SỐ 07-QĐI/TW VỀ XỬ LÝ KỶ LUẬT TỔ CHỨC ĐẢNG VI PHẠM - Căn cứ Quy định số "
         "30-QĐ/TW, ngày 26/7/2016 của Ban Chấp hành Trung ương;", "basis"),
        ("HƯỚNG DẪN MỘT SỐ ĐIỂM QUY ĐỊNH BAN HÀNH KÈM THEO QUYẾT ĐỊNH SỐ 99-QĐ/TW NGÀY 30-5-2012 CỦA BAN BÍ THƯ VỀ "
         "CHẾ ĐỘ CHI ----------- - Căn cứ Quyết định số 99-QĐ/TW ngày 30-5-2012 của Ban Bí thư;", "basis"),
    ],
)  # fmt: skip
def test_a_header_run_into_one_line_ends_before_a_cue_after_its_year_or_rule(text: str, relation: str) -> None:
    assert extract(text).citations[-1].relation == relation


def test_a_law_amending_the_laws_on_a_subject_and_words_run_into_a_date_or_number() -> None:
    text = (
        "Căn cứ Luật Xây dựng ngày26/11/2003;\n"
        "Căn cứ Luật Sửa đổi, bổ sung mộtsố điều của các Luật liên quan đến đầu tư xây dựng cơ bản ngày 19/6/2009;\n"
        "Căn cứ Luật sửa đổi, bổ sung một số điều của ;\n"
    )
    found = [(c.name, c.date) for c in extract(text).citations]
    assert found[:2] == [
        ("Luật Xây dựng", "2003-11-26"),
        ("Luật Sửa đổi, bổ sung mộtsố điều của các Luật liên quan đến đầu tư xây dựng cơ bản", "2009-06-19"),
    ]
    assert all(not c.text.endswith(" ") for c in extract(text).citations)


def test_a_list_goes_on_after_a_title_with_semicolons_and_a_review_of_implementation_is_a_mention() -> None:
    text = (
        "Thực hiện Văn bản số 979/BTP-PBGDPL ngày 19/3/2020 của Bộ Tư pháp về việc hướng dẫn công tác phổ biến, "
        "giáo dục pháp luật; hòa giải ở cơ sở; xây dựng cấp xã đạt chuẩn tiếp cận pháp luật năm 2020 và Văn bản số "
        "1445/UBND-NCPC ngày 23/3/2020 của UBND tỉnh, Sở Tư pháp hướng dẫn như sau:\n"
        "1. Trên cơ sở kết quả tổng kết 15 năm thực hiện Chỉ thị số 32-CT/TW ngày 09/12/2003 của Ban Bí thư, đề nghị "
        "các sở tiếp tục quan tâm.\n"
    )
    assert [c.relation for c in extract(text).citations] == ["implements", "implements", "mentions"]


def test_an_issuer_broken_inside_a_body_s_name_and_a_code_before_a_date_is_no_place() -> None:
    text = (
        "ĐỊNH HƯỚNG TUYÊN TRUYỀN\n\nThực hiện Kế hoạch số 172-KH/TU, ngày 21/01/2020 của Ban Thường vụ\n"
        "Tỉnh ủy Bắc Kạn về công tác tuyên giáo năm 2020; căn cứ Hướng dẫn số 115-HD/BTGTW, ngày 08 tháng 01 năm\n"
        "2020 của Ban Tuyên giáo Trung ương.\n"
    )
    result = extract(text)
    assert result.document is None or result.document.date is None
    assert result.citations[0].issuer == "Ban Thường vụ Tỉnh ủy Bắc Kạn"
    assert result.citations[0].id.endswith("@bac-kan")


def test_in_capitals_a_title_after_an_issuer_may_open_with_thuc_hien() -> None:
    text = (
        "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 29-CTR/TU NGÀY 26/7/2022 CỦA TỈNH ỦY THỰC HIỆN NGHỊ QUYẾT SỐ\n"
        "13-NQ/TW NGÀY 02/4/2022 CỦA BỘ CHÍNH TRỊ\n"
    )
    found = [(c.symbol, c.issuer, c.relation) for c in extract(text).citations]
    assert found == [("29-CTr/TU", "TỈNH ỦY", "implements"), ("13-NQ/TW", "BỘ CHÍNH TRỊ", "mentions")]


_DAK_NONG_TITLE = (
    "BAN HÀNH QUY ĐỊNH QUẢN LÝ, THANH TOÁN, QUYẾT TOÁN VỐN ĐẦU TƯ NGUỒN NGÂN SÁCH NHÀ NƯỚC GIAO CHO CỘNG ĐỒNG TỰ "
    "THỰC HIỆN XÂY DỰNG CÔNG TRÌNH THEO ĐỊNH MỨC HỖ TRỢ (BẰNG HIỆN VẬT HOẶC BẰNG TIỀN) THUỘC CÁC CHƯƠNG TRÌNH MỤC "
    "TIÊU QUỐC GIA TRÊN ĐỊA BÀN TỈNH ĐẮK NÔNG"
)


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # a long title in capitals, wrapped over six lines, up to the issuer's line
        ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\nSố:\n08/2023/QĐ-UBND\nĐắk Nông, ngày 21\ntháng 02 năm 2023\nQUYẾT ĐỊNH\nBAN\n"
         "HÀNH QUY ĐỊNH QUẢN LÝ, THANH TOÁN, QUYẾT TOÁN VỐN ĐẦU TƯ NGUỒN NGÂN SÁCH NHÀ NƯỚC\n"
         "GIAO CHO CỘNG ĐỒNG TỰ THỰC HIỆN XÂY DỰNG CÔNG TRÌNH THEO ĐỊNH MỨC HỖ TRỢ (BẰNG\n"
         "HIỆN VẬT HOẶC BẰNG TIỀN) THUỘC CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA TRÊN ĐỊA BÀN\nTỈNH ĐẮK NÔNG\n"
         "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG\nCăn cứ Luật Tổ chức chính quyền địa phương ngày\n19 tháng 6 năm 2015;\n",
         _DAK_NONG_TITLE),
        # the body in small letters under a title in capitals
        ("BỘ CHÍNH TRỊ\nNghị quyết số: 11-NQ/TW Hà Nội, ngày 06 tháng 01 năm 2012\nNGHỊ QUYẾT\n"
         "VỀ PHƯƠNG HƯỚNG, NHIỆM VỤ PHÁT TRIỂN THỦ ĐÔ HÀ NỘI GIAI ĐOẠN\n2011-2020\n"
         "I- Tình hình và kết quả 10 năm thực hiện Nghị quyết 15-NQ/TW của Bộ Chính trị\n",
         "VỀ PHƯƠNG HƯỚNG, NHIỆM VỤ PHÁT TRIỂN THỦ ĐÔ HÀ NỘI GIAI ĐOẠN 2011-2020"),
        # a preamble without diacritics
        ("UY BAN NHAN DAN\nTINH LAM ĐONG\nSo: 8124/KH-UBND\nLam Đong, ngay 20 thang 12 nam 2023\nKE HOACH\n"
         "PHAT TRIEN HA TANG SO\nCan cu Quyet đinh so 749/QĐ-TTg ngay 03/6/2020 cua Thu tuong Chinh phu;\n",
         "PHAT TRIEN HA TANG SO"),
        # enacting words, not a header
        ("Căn cứ Luật Đất đai;\nQUYẾT ĐỊNH\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n", None),
        ("Căn cứ Luật Đất đai;\nQUYẾT ĐỊNH này có hiệu lực từ ngày ký.\n", None),
        # an issuer on the type line, on one line or over lines in capitals
        ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/QĐ-UB\nAn Giang, ngày 3 tháng 4 năm 2003\n"
         "QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH\nVề việc phê duyệt quy hoạch\nCăn cứ Luật Đất đai năm 2003;\n",
         "Về việc phê duyệt quy hoạch"),
        ("QUYẾT ĐỊNH CỦA BỘ TRƯỞNG\n\nBỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\n\nVề việc ban hành Quy chế tổ chức\n\n"
         "BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\n\nCăn cứ Nghị định số 73/CP ngày 01/11/1995;\n",
         "Về việc ban hành Quy chế tổ chức"),
        ("Số: 12/QĐ-BTC\nQUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH\nVỀ VIỆC BAN HÀNH QUY CHẾ\nCăn cứ Luật;\n",
         "VỀ VIỆC BAN HÀNH QUY CHẾ"),
        # bodies the title itself names
        ("NGHỊ QUYẾT LIÊN TỊCH\nVỀ\nCÔNG TÁC PHỐI HỢP GIỮA CHÍNH PHỦ VỚI ĐOÀN CHỦ TỊCH ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ\n"
         "QUỐC VIỆT NAM\nCăn cứ Luật Tổ chức\nChính phủ ngày 19 tháng 6 năm 2015;\n",
         "VỀ CÔNG TÁC PHỐI HỢP GIỮA CHÍNH PHỦ VỚI ĐOÀN CHỦ TỊCH ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM"),
        # pages with a blank line under every line; a blank line ending a title
        ("ỦY BAN NHÂN DÂN\n\nTỈNH THÁI NGUYÊN\n\nSố: 15/2014/QĐ-UBND\n\nQUYẾT ĐỊNH\n\n"
         "Ban hành Quy định quản lý, sử dụng và thanh quyết toán kinh phí\n\nbảo đảm trật tự an toàn giao thông\n\n"
         "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN\n\nCăn cứ Luật Ngân sách nhà nước;\n",
         "Ban hành Quy định quản lý, sử dụng và thanh quyết toán kinh phí bảo đảm trật tự an toàn giao thông"),
        ("Số: 8124/KH-UBND\n\nKẾ HOẠCH\n\nPHÁT TRIỂN HẠ TẦNG SỐ\n\nTRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG GIAI ĐOẠN\n\n"
         "2023 - 2025\n\n-----------\n\nI. MỤC ĐÍCH\n",
         "PHÁT TRIỂN HẠ TẦNG SỐ TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG GIAI ĐOẠN 2023 - 2025"),
        ("Số: 36/KH-UBND\nKẾ HOẠCH\nNâng cao năng suất lao động\n\nThực hiện Quyết định số 36/QĐ-TTg;\n",
         "Nâng cao năng suất lao động"),
    ],
)  # fmt: skip
def test_the_title_under_a_type_line(header: str, title: str | None) -> None:
    own = extract(header).document
    assert (own.title if own is not None else None) == title


def test_a_title_or_law_in_capitals_ends_where_the_sentence_after_it_begins_on_the_same_line() -> None:
    text = (
        "NGHỊ ĐỊNH SỬA ĐỔI NGHỊ ĐỊNH SỐ 90/2017/NĐ-CP NGÀY 31 THÁNG 7 NĂM 2017 CỦA CHÍNH PHỦ QUY ĐỊNH XỬ PHẠT VI PHẠM "
        "HÀNH CHÍNH TRONG LĨNH VỰC THÚ Y Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; "
        "CHI TIẾT THI HÀNH LUẬT ĐẤT ĐAI Căn cứ Luật Đất đai ngày 09 tháng 12 năm 2013; "
        "CHỈ THỊ SỐ 38-CT/TW VỀ ĐẨY MẠNH CÔNG TÁC TIÊU CHUẨN (Kèm theo Quyết định số 12/QĐ-UBND)"
    )
    decree, law, land, land_again, directive, decision = extract(text).citations
    assert decree.title == "QUY ĐỊNH XỬ PHẠT VI PHẠM HÀNH CHÍNH TRONG LĨNH VỰC THÚ Y"
    assert (decree.relation, law.relation) == ("amends", "basis")
    assert (land.text, land_again.text, land_again.relation) == ("LUẬT ĐẤT ĐAI", "Luật Đất đai", "basis")
    assert directive.title == "VỀ ĐẨY MẠNH CÔNG TÁC TIÊU CHUẨN"
    assert decision.symbol == "12/QĐ-UBND"


def test_a_party_header_run_into_one_line_with_so_mid_line_is_the_document() -> None:
    text = (
        "BỘ CHÍNH TRỊ ĐẢNG CỘNG SẢN VIỆT NAM Nghị quyết số: 11-NQ/TW Hà Nội, ngày 06 tháng 01 năm 2012 NGHỊ QUYẾT "
        "VỀ PHƯƠNG HƯỚNG PHÁT TRIỂN THỦ ĐÔ I- Kết quả thực hiện Nghị quyết 15-NQ/TW của Bộ Chính trị 1- Thủ đô Hà Nội "
        "có bề dày lịch sử. Theo Quyết định số: 12/QĐ-UBND ngày 3/4/2012, …"
    )
    own, (resolution, decision) = _own_and_cited(text)
    assert (own.symbol, own.date) == ("11-NQ/TW", "2012-01-06")
    assert (resolution.symbol, resolution.issuer) == ("15-NQ/TW", "Bộ Chính trị")
    assert decision.symbol == "12/QĐ-UBND"  # "số:" in running text, with no place before its date


def test_a_title_ends_where_a_dated_news_lead_runs_on_after_it() -> None:
    text = (
        "Chương trình thực hiện Chỉ thị 13-CT/TW của Ban Bí thư về tăng cường quản lý rừng "
        "Ngày 23/8/2017, Tỉnh ủy đã ban hành văn bản."
    )
    [directive] = extract(text).citations
    assert directive.title == "về tăng cường quản lý rừng"


def test_text_without_diacritics_keeps_lists_of_laws_and_codes_after_a_space() -> None:
    text = (
        "Can cu Luat Ngan sach Nha nuoc va Nghi dinh so 60/2003/ND-CP ngay 06/6/2003 cua Chinh phu; "
        "Luat so 47/2019/QH14 sua doi Luat To chuc chinh quyen dia phuong, co hieu luc ke tu ngay 01/7/2020; "
        "ban hanh kem theo Quyet dinh so 84 QD/TWDTN ngay 22/02/2013; Thuc hien Nghi đinh so 94/2013/NĐ-CP."
    )
    budget, decree, amending, local, decision, kept_dd = extract(text).citations
    assert (budget.text, budget.relation) == ("Luat Ngan sach Nha nuoc", "basis")
    assert (decree.text, decree.date, decree.relation) == ("Nghi dinh so 60/2003/ND-CP", "2003-06-06", "basis")
    assert amending.symbol == "47/2019/QH14"
    assert local.text == "Luat To chuc chinh quyen dia phuong"
    assert (decision.symbol, decision.date) == ("84-QĐ/TWDTN", "2013-02-22")
    assert (kept_dd.text, kept_dd.relation) == ("Nghi đinh so 94/2013/NĐ-CP", "implements")  # marks stripped, "đ" kept


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("căn cứ hiến pháp nước cộng hòa xã hội chủ nghĩa việt nam;",
         ["hiến pháp nước cộng hòa xã hội chủ nghĩa việt nam"]),
        ("CĂN CỨ HIẾN PHÁP NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM;",
         ["HIẾN PHÁP NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
        ("căn cứ hiến pháp năm 2013;", ["hiến pháp"]),
        ("theo hiến pháp và pháp luật", []),  # the word, not the document
        ("ban hành kèm theo quyết định số 84 qđ/twđtn ngày 22/02/2013", ["quyết định số 84 qđ/twđtn"]),
    ],
)  # fmt: skip
def test_the_constitution_and_codes_after_a_space_in_lower_case_or_capitals(text: str, spans: list[str]) -> None:
    assert [c.text for c in extract(text).citations] == spans


@pytest.mark.parametrize("case", [str.upper, str.lower, lambda t: t.replace("\n", " ")])
def test_a_legal_basis_after_a_title_on_the_next_line_in_any_case(case: Callable[[str], str]) -> None:
    text = case(
        "THÔNG TƯ SỬA ĐỔI THÔNG TƯ 19/2013/TT-NHNN NGÀY 06 THÁNG 9 NĂM 2013 QUY ĐỊNH VỀ VIỆC MUA, BÁN NỢ XẤU\n"
        "Căn cứ Luật Ngân hàng Nhà nước Việt Nam ngày 16 tháng 6 năm 2010;\n"
    )
    circular, law = extract(text).citations
    assert (circular.relation, law.relation) == ("amends", "basis")


def test_a_law_the_guiding_texts_carry_out_is_only_mentioned_and_an_issuer_ends_before_can_cu() -> None:
    text = (
        "HƯỚNG DẪN THỰC HIỆN QUYẾT ĐỊNH SỐ 134/2004/QĐ-TTG NGÀY 20/7/2004 CỦA THỦ TƯỚNG CHÍNH PHỦ "
        "Căn cứ Luật Ngân sách nhà nước ngày 16/12/2002 và các văn bản hướng dẫn thi hành Luật Ngân sách nhà nước;"
    )
    decision, law, law_again = extract(text).citations
    assert decision.issuer == "THỦ TƯỚNG CHÍNH PHỦ"
    assert [c.relation for c in (decision, law, law_again)] == ["implements", "basis", "mentions"]


def test_a_metadata_table_run_into_one_line_gives_the_document() -> None:
    text = (
        "Nghị quyết 73/2012/NQ-HĐND quy định chế độ chi tiêu tỉnh Phú Yên Số hiệu: | 73/2012/NQ-HĐND | "
        "Loại văn bản: | Nghị quyết | Ngày ban hành: | 13/12/2012 | Căn cứ Luật Ngân sách nhà nước ngày 16/12/2002;"
    )
    own, cited = _own_and_cited(text)
    assert own.symbol == "73/2012/NQ-HĐND"
    assert [c.text for c in cited] == ["Luật Ngân sách nhà nước"]


@pytest.mark.parametrize(
    ("header", "title"),
    [
        ("Số: 76/2016/NQ-HĐND Lào Cai, ngày 15 tháng 12 năm 2016 NGHỊ QUYẾT Ban hành quy chế hoạt động, nhiệm kỳ "
         "2016 - 2021 HỘI ĐỒNG NHÂN DÂN TỈNH LÀO CAI KHOÁ XV Căn cứ Luật Tổ chức chính quyền địa phương;",
         "Ban hành quy chế hoạt động, nhiệm kỳ 2016 - 2021"),
        ("Số: 27/CT-TTg Hà Nội, ngày 17 tháng 9 năm 2018 CHỈ THỊ VỀ MỘT SỐ GIẢI PHÁP CẤP BÁCH Trong những năm qua, "
         "Nhà nước đã cho phép nhập khẩu phế liệu.", "VỀ MỘT SỐ GIẢI PHÁP CẤP BÁCH"),
        ("Số: 11-NQ/TW Hà Nội, ngày 06 tháng 01 năm 2012 NGHỊ QUYẾT VỀ PHÁT TRIỂN THỦ ĐÔ - I- Tình hình thực hiện",
         "VỀ PHÁT TRIỂN THỦ ĐÔ"),
    ],
)  # fmt: skip
def test_the_title_of_a_header_run_into_one_line(header: str, title: str) -> None:
    own = extract(header).document
    assert own is not None and own.title == title


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        # a heading "Căn cứ thực hiện" over items that open with a pinpoint
        ("Căn cứ thực hiện\n\n- Điều 1 Điều lệ Đảng;\n\n- Mục 1, 3, 4 Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban "
         "Chấp hành Trung ương (khóa XIII)\n\nMục 1, 3 Hướng dẫn số 01-HD/TW ngày 28/9/2021 của Ban Bí thư.\n\n"
         "- Mục 1, phần I của Hướng dẫn số 12-HD/BTCTW ngày 18/01/2022\n", ["basis", "basis", "basis"]),
        # a rule followed, not a document implemented or proposed
        ("1.3. Về tiêu chuẩn chính trị: Thực hiện theo Quy định số 58-QĐ/TW, ngày 8/2/2022 của Bộ Chính trị.",
         ["mentions"]),
        ("Chỉ xem xét kết nạp những người trên 60 tuổi khi đủ điều kiện theo điểm 1.1 mục 1 Hướng dẫn số 01-HD/TW.",
         ["mentions"]),
        ("Xét đề nghị của Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 3/4/2020;", ["proposal"]),
        # a later document after one named in a title is the list's next item
        ("Căn cứ Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 10-CT/TW của Ban "
         "Bí thư (khóa X) về nâng cao chất lượng và Hướng dẫn số 12-HD/BTCTW, ngày 06/7/2018 của Ban Tổ chức Trung "
         "ương;", ["basis", "mentions", "basis"]),
    ],
)  # fmt: skip
def test_lists_under_a_heading_rules_followed_and_later_items(text: str, relations: list[str]) -> None:
    assert [c.relation for c in extract(text).citations] == relations


def test_a_party_header_on_one_line_with_so_and_no_colon_and_its_place_after_capitals() -> None:
    text = (
        "ĐẢNG BỘ TỈNH THÁI NGUYÊN ĐẢNG ỦY KHỐI CÁC CƠ QUAN * Số 29-HD/ĐUK ĐẢNG CỘNG SẢN VIỆT NAM Thái Nguyên, ngày 16 "
        "tháng 4 năm 2024 HƯỚNG DẪN Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị; QUYẾT ĐỊNH SỐ 99-QĐ/TW"
    )
    own, cited = _own_and_cited(text)
    assert (own.symbol, own.place) == ("29-HD/ĐUK", "Thái Nguyên")
    assert [c.symbol for c in cited] == ["05-CT/TW", "99-QĐ/TW"]  # "SỐ" in capitals opens a citation


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Yêu cầu nghiêm túc thực hiện chỉ đạo của Thủ tướng Chính phủ tại Thông báo số 31/TB-VPCP ngày 25/2/2021.",
         "implements"),
        ("Các đơn vị tổ chức thực hiện đúng quy định tại Nghị định số 15/2020/NĐ-CP ngày 3/2/2020.", "mentions"),
    ],
)  # fmt: skip
def test_a_direction_carried_out_where_it_is_written_and_a_rule_followed(text: str, relation: str) -> None:
    assert [c.relation for c in extract(text).citations] == [relation]


def test_an_article_on_the_next_line_ends_a_title_and_a_cue_broken_at_a_line_end_goes_on() -> None:
    text = (
        "CĂN CỨ NGHỊ ĐỊNH SỐ 55/2011/NĐ-CP NGÀY 04 THÁNG 7 NĂM 2011 CỦA CHÍNH PHỦ QUY ĐỊNH CHỨC NĂNG CỦA TỔ CHỨC PHÁP\n"
        "CHẾ,\nĐIỀU 1. SỬA ĐỔI, BỔ SUNG, BÃI\nBỎ MỘT SỐ ĐIỀU, KHOẢN CỦA NGHỊ ĐỊNH SỐ 63/2010/NĐ-CP NGÀY 08/6/2010\n"
    )
    basis, amended = extract(text).citations
    assert basis.title == "QUY ĐỊNH CHỨC NĂNG CỦA TỔ CHỨC PHÁP CHẾ,"
    assert (basis.relation, amended.relation) == ("basis", "amends")


def test_a_short_name_defined_in_capitals() -> None:
    text = (
        "SỬA ĐỔI THÔNG TƯ SỐ 145/2013/TT-BTC NGÀY 21/10/2013 CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH HƯỚNG DẪN KẾ HOẠCH DỰ TRỮ "
        "QUỐC GIA (SAU ĐÂY GỌI LÀ THÔNG TƯ SỐ 145/2013/TT-BTC) NHƯ SAU"
    )
    circular, defined = extract(text).citations
    assert (defined.form, defined.relation, defined.id) == ("defined", circular.relation, circular.id)


def test_a_numbered_item_in_capitals_ending_in_cua_goes_on_on_the_next_line() -> None:
    text = (
        "ĐƯỢC SỬA ĐỔI, BỔ SUNG BỞI:\n2. LUẬT SỐ 47/2019/QH14 NGÀY 22 THÁNG 11 NĂM 2019 CỦA\nQUỐC HỘI SỬA ĐỔI, BỔ SUNG "
        "MỘT SỐ ĐIỀU CỦA LUẬT TỔ CHỨC CHÍNH PHỦ, CÓ HIỆU LỰC KỂ TỪ NGÀY 01 THÁNG 7 NĂM 2020;\n"
    )
    amending, named = extract(text).citations
    assert amending.issuer == "QUỐC HỘI"
    assert named.relation == "mentions"  # named in the amending law's title


def test_on_one_line_the_last_capitalised_cue_before_a_first_mention_governs_it() -> None:
    text = (
        "THÔNG TƯ Sửa đổi và bãi bỏ một số thông tư thuộc thẩm quyền của Bộ trưởng _____________ "
        "Căn cứ Luật Khoáng sản ngày 17 tháng 11 năm 2010;"
    )
    [law] = extract(text).citations
    assert law.relation == "basis"


def test_on_one_line_a_capitalised_cue_after_a_title_s_last_year_opens_a_sentence() -> None:
    text = (
        "## KẾ HOẠCH ### Triển khai các nhiệm vụ trọng tâm về nâng cao năng suất năm 2026 "
        "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ;"
    )
    assert [c.relation for c in extract(text).citations] == ["basis"]


def test_what_the_enacting_words_after_a_proposal_say_of_a_document() -> None:
    text = (
        "Theo đề nghị của Vụ trưởng Vụ Pháp chế, Bộ trưởng Bộ Tài chính ban hành Thông tư quy định chi tiết một số "
        "điều của Quyết định số 20/2016/QĐ-TTg ngày 11 tháng 5 năm 2016 của Thủ tướng Chính phủ."
    )
    assert [c.relation for c in extract(text).citations] == ["implements"]


def test_html_tags_left_in_a_text_and_a_code_broken_at_a_line_without_its_hyphen() -> None:
    text = (
        "Căn cứ Nghị định số 27/2018/NĐCP ngày 01 <br />\ntháng 3 năm 2018 của Chính phủ sửa đổi một số điều của "
        "Nghị định số 72/2013/NĐ<br />\nCP và Nghị định số 150/2018/NĐCP ngày 07/11/2018 của Chính phủ;"
    )
    amending, amended, later = extract(text).citations
    assert (amending.date, amending.relation) == ("2018-03-01", "basis")
    assert (amended.symbol, amended.relation) == ("72/2013/NĐ-CP", "mentions")
    assert amended.text == "Nghị định số 72/2013/NĐ<br />\nCP"  # the span in the text as written
    assert later.relation == "basis"


def test_the_next_item_of_a_list_whose_first_item_s_title_names_others() -> None:
    text = (
        "THÔNG TƯ SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 149/2020/TT-BCA NGÀY 31 THÁNG 12 NĂM 2020 CỦA BỘ TRƯỞNG "
        "BỘ CÔNG AN QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 136/2020/NĐ-CP NGÀY 24 THÁNG 11 NĂM 2020 CỦA\n"
        "CHÍNH PHỦ QUY ĐỊNH CHI TIẾT LUẬT PHÒNG CHÁY VÀ CHỮA CHÁY VÀ THÔNG TƯ SỐ 08/2018/TT-BCA NGÀY 05 THÁNG 3 NĂM "
        "2018 CỦA BỘ TRƯỞNG BỘ\nCÔNG AN QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 83/2017/NĐ-CP NGÀY 18 THÁNG 7 "
        "NĂM 2017\nCăn cứ Luật Phòng cháy và chữa cháy ngày 29 tháng 6 năm 2001;"
    )
    relations = [(c.symbol or c.text, c.relation) for c in extract(text).citations]
    assert relations == [
        ("149/2020/TT-BCA", "amends"), ("136/2020/NĐ-CP", "mentions"), ("LUẬT PHÒNG CHÁY VÀ CHỮA CHÁY", "mentions"),
        ("08/2018/TT-BCA", "amends"), ("83/2017/NĐ-CP", "mentions"), ("Luật Phòng cháy và chữa cháy", "basis"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        ("NGHỊ QUYẾT VỀ CHÍNH SÁCH PHÁT TRIỂN CÂY CAO SU HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA Căn cứ Luật Đất đai;",
         "Nghị quyết"),
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT SỐ 09-NQ/TW L.T.S: NGÀY 23-2, TỈNH ỦY BAN HÀNH …", None),
        ("CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024 GỒM CÁC NỘI DUNG SAU", None),  # no preamble: a headline
    ],
)  # fmt: skip
def test_a_type_line_opening_a_text_on_one_line_before_its_preamble(text: str, doc_type: str | None) -> None:
    own = extract(text).document
    assert (own.type if own is not None else None) == doc_type


def test_a_law_a_rule_follows_is_named_in_passing_and_the_list_after_it_keeps_its_cue() -> None:
    text = (
        "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH VỀ PHÂN CẤP NGUỒN THU THEO QUY ĐỊNH CỦA LUẬT NGÂN SÁCH NHÀ NƯỚC BAN "
        "HÀNH KÈM THEO NGHỊ QUYẾT SỐ 36/2021/NQ-HĐND NGÀY 08 THÁNG 12 NĂM 2021 VÀ NGHỊ QUYẾT SỐ 37/2022/NQ-HĐND "
        "NGÀY 09 THÁNG 12 NĂM 2022 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH"
    )
    assert [c.relation for c in extract(text).citations] == ["mentions", "amends", "amends"]
