"""Vietnamese words for the domain codes the library uses internally (relations, levels, statuses, check codes).

The library speaks English identifiers; legal staff read Vietnamese. Kept here, as data, so every page and
the CSV export name things the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vbpl.messages import date_text

RELATIONS: dict[str, str] = {
    "basis": "Căn cứ",
    "implements": "Thực hiện",
    "replaces": "Thay thế",
    "repeals": "Bãi bỏ",
    "amends": "Sửa đổi, bổ sung",
    "attached": "Ban hành kèm theo",
    "proposal": "Tờ trình, đề nghị",
    "mentions": "Nhắc đến",
}

LEVELS: dict[str, str] = {
    "central_party": "Trung ương Đảng",
    "quoc_hoi": "Quốc hội",
    "chu_tich_nuoc": "Chủ tịch nước",
    "chinh_phu": "Chính phủ",
    "thu_tuong": "Thủ tướng Chính phủ",
    "bo": "Bộ, ngành trung ương",
    "ban": "Ban (Đảng)",
    "tinh_uy": "Tỉnh ủy",
    "dang_uy": "Đảng ủy",
    "huyen_uy": "Huyện ủy",
    "hdnd": "HĐND",
    "hdnd_tinh": "HĐND tỉnh",
    "ubnd": "UBND",
    "ubnd_tinh": "UBND tỉnh",
    "so": "Sở, ngành tỉnh",
}
NATIONAL_LEVELS = frozenset({"central_party", "quoc_hoi", "chu_tich_nuoc", "chinh_phu", "thu_tuong", "bo"})

STATUSES: dict[str, str] = {
    "in_force": "Còn hiệu lực",
    "replaced": "Đã bị thay thế",
    "repealed": "Đã bị bãi bỏ",
    "amended": "Đã được sửa đổi, bổ sung",
    "expired": "Hết hiệu lực",
    "replacement_planned": "Đang dự thảo văn bản thay thế",
    "superseded_by_reorganisation": "Cơ quan ban hành đã được sắp xếp lại (2025)",
    "unknown": "Chưa có thông tin",
}

SEVERITIES: dict[str, str] = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Lưu ý"}

CHECKS: dict[str, str] = {
    "VB001": "Điều khoản dẫn chiếu động (tự áp dụng văn bản mới)",
    "VB101": "Trích dẫn văn bản đã bị thay thế",
    "VB102": "Trích dẫn văn bản đã bị bãi bỏ hoặc hết hiệu lực",
    "VB103": "Trích dẫn chương trình, kế hoạch đã hết giai đoạn",
    "VB104": "Trích dẫn văn bản đã sửa đổi mà không nêu văn bản sửa đổi",
    "VB105": "Văn bản được trích dẫn đang được dự thảo thay thế",
    "VB201": "Tên bộ, sở đã hợp nhất năm 2025",
    "VB202": "Tên tỉnh đã sáp nhập từ 01/7/2025",
    "VB203": "Cấp huyện đã chấm dứt hoạt động từ 01/7/2025",
    "VB301": "Ngày ban hành không khớp với số ký hiệu",
    "VB302": "Trích dẫn văn bản ban hành sau văn bản này",
    "VB303": "Loại văn bản không khớp với ký hiệu",
    "VB304": "Cơ quan ban hành không khớp với ký hiệu",
    "VB401": "Tham chiếu có thể chỉ nhiều văn bản",
    "VB402": "Không tìm thấy văn bản được tham chiếu",
}
OUTDATED_CODES = frozenset({"VB101", "VB102", "VB103", "VB104", "VB105"})

METHODS: dict[str, str] = {
    "header": "số hiệu trong văn bản",
    "exact": "khớp số ký hiệu",
    "document": "văn bản trong kho",
    "symbol": "khớp số ký hiệu",
    "partial": "khớp một phần",
    "fuzzy": "gần đúng (lỗi chính tả)",
    "name": "khớp tên luật",
    "name-only": "chỉ khớp tên",
    "title": "khớp trích yếu",
    "amended_by": "nêu trong văn bản trích dẫn",
    "ambiguous": "chưa xác định (nhiều khả năng)",
    "unresolved": "không xác định",
}


def relation(code: str | None) -> str:
    return RELATIONS.get(code or "", code or "")


def level(code: str | None) -> str:
    return LEVELS.get(code or "", code or "")


def status(code: str | None) -> str:
    return STATUSES.get(code or "", code or "")


def method(code: str | None) -> str:
    return METHODS.get(code or "", code or "")


def date(iso: str | int | None) -> str:
    """'2021-01-11' → '11/01/2021', as dates are written in Vietnamese documents; a bare year stays."""
    return date_text(iso, "vi")


def document(node_id: str, attributes: Mapping[str, Any]) -> str:
    """'Quyết định 36/QĐ-TTg (11/01/2021)'; a document without a number by its type, title, date and province."""
    kind, symbol, name = attributes.get("type"), attributes.get("symbol"), attributes.get("name")
    when = date(attributes.get("date") or attributes.get("year"))
    if symbol or name:
        head = f"{kind} {symbol or name}" if kind and (symbol or not name) else str(symbol or name)
        return f"{head} ({when})" if when else head
    if not attributes:
        return node_id
    title = " ".join((attributes.get("title") or "").split())
    title = title if len(title) <= 70 else title[:69].rsplit(" ", 1)[0] + " …"
    where = ", ".join(p for p in (date(attributes.get("date")), attributes.get("province")) if p)
    return f"{kind or 'Văn bản'} (chưa có số) {title}" + (f" ({where})" if where else "")
