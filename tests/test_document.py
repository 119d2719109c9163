"""The citing document's metadata: level, issuer spelling, province successor, signer, attached_to."""

import pytest

from vbpl import extract
from vbpl.document import issuer_from_symbol, level_of


@pytest.mark.parametrize(
    ("issuer", "level"),
    [
        ("Ủy ban nhân dân tỉnh Đồng Nai", "ubnd_tinh"),
        ("UỶ BAN NHÂN DÂN HUYỆN CẦN GIỜ", "ubnd_huyen"),
        ("Ủy ban nhân dân xã Tân Phú", "ubnd_xa"),
        ("Hội đồng nhân dân tỉnh Tiền Giang", "hdnd_tinh"),
        ("Bộ Tài chính", "bo"),
        ("Thủ tướng Chính phủ", "thu_tuong"),
        ("Chính phủ", "chinh_phu"),
        ("Ủy ban Thường vụ Quốc hội", "quoc_hoi"),
        ("Ban Chấp hành Trung ương", "central_party"),
        ("Tỉnh ủy Yên Bái", "tinh_uy"),
        ("Sở Khoa học và Công nghệ tỉnh Đồng Nai", "so"),
        (None, None),
        ("Công ty ABC", None),
    ],
)
def test_level_of(issuer: str | None, level: str | None) -> None:
    assert level_of(issuer) == level


@pytest.mark.parametrize(
    ("symbol", "issuer"),
    [
        ("/KH-SKHCN", "Sở Khoa học và Công nghệ"),
        ("12015/KH-UBND", "Ủy ban nhân dân"),
        ("22/2011/TTLT-BTC-BKHCN", "Bộ Tài chính, Bộ Khoa học và Công nghệ"),
        ("1322/QĐ-TTg", "Thủ tướng Chính phủ"),
        ("27-CTr/TU", "Tỉnh ủy"),
    ],
)
def test_issuer_from_symbol(symbol: str, issuer: str) -> None:
    assert issuer_from_symbol(symbol) == issuer


PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM
Số: 120/KH-UBND

Quảng Nam, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Triển khai Chương trình chuyển đổi số
(Ban hành kèm theo Quyết định số 45/QĐ-UBND ngày 01/3/2024 của UBND tỉnh)

Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

(Đã ký)

Nguyễn Văn Thanh
"""


def test_plan_metadata() -> None:
    result = extract(PLAN)
    doc = result.document
    assert doc is not None
    assert doc.issuer == "Ủy ban nhân dân tỉnh Quảng Nam"
    assert doc.level == "ubnd_tinh"
    assert (doc.province, doc.province_now) == ("Quảng Nam", "Đà Nẵng")
    assert doc.signer == "Nguyễn Văn Thanh"
    attached = next(c for c in result.citations if c.symbol == "45/QĐ-UBND")
    assert doc.attached_to == attached.id
    assert attached.id.endswith("@quang-nam")


def test_central_document_has_no_province() -> None:
    doc = extract("CHÍNH PHỦ\nSố: 15/2024/NĐ-CP\nHà Nội, ngày 10 tháng 2 năm 2024\nNGHỊ ĐỊNH\nQuy định\n").document
    assert doc is not None
    assert (doc.level, doc.province, doc.signer, doc.attached_to) == ("chinh_phu", None, None, None)
