"""Query parameters shared by the pages and the API, validated by FastAPI (a bad value is a 422 with the reason)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, File, Form, HTTPException, Query, UploadFile

from vbpl.web.views import CitedByFilters

MAX_UPLOAD = 10 * 1024 * 1024
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty: the form field left blank

Relation = Literal["basis", "implements", "replaces", "repeals", "amends", "attached", "proposal", "mentions"]
Ref = Annotated[str, Query(min_length=1, max_length=300, description="Số ký hiệu, tên, trích yếu hoặc mã văn bản: "
                                                                     "'36/QĐ-TTg', 'nghị quyết 20/2021' …")]
SearchText = Annotated[str, Query(max_length=300, description="Số ký hiệu, tên văn bản hoặc từ trong văn bản.")]


async def cited_by_filters(
    province: Annotated[str | None, Query(max_length=100, description="Tỉnh của văn bản trích dẫn.")] = None,
    relation: Annotated[Relation | Literal[""] | None, Query(description="Quan hệ trích dẫn.")] = None,
    level: Annotated[str | None, Query(max_length=40, description="Cấp ban hành: ubnd_tinh, so, bo …")] = None,
    type: Annotated[str | None, Query(max_length=60, description="Loại văn bản trích dẫn: 'Kế hoạch' …")] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="Từ ngày (YYYY hoặc YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="Đến ngày (YYYY hoặc YYYY-MM-DD).")] = None,
) -> CitedByFilters:
    """Empty form fields (a filter left at 'all') count as absent. Async only so that FastAPI runs it on the
    event loop rather than handing it to a thread."""
    return CitedByFilters(province or None, relation or None, level or None, type or None, since or None,
                          until or None)


Filters = Annotated[CitedByFilters, Depends(cited_by_filters)]


async def draft(
    text: Annotated[str | None, Form(max_length=2_000_000, description="Văn bản dán vào.")] = None,
    file: Annotated[UploadFile | None, File(description="Tệp txt, pdf, docx, html.")] = None,
) -> tuple[str, bytes | None, str | None]:
    """(name, bytes of an uploaded file, pasted text): one of the two must be given."""
    if file is not None and file.filename:
        data = await file.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            raise HTTPException(413, f"Tệp quá lớn (tối đa {MAX_UPLOAD // 1024 // 1024} MB).")
        return file.filename, data, None
    if text and text.strip():
        return "dự thảo", None, text
    raise HTTPException(400, "Hãy dán nội dung dự thảo hoặc chọn một tệp để kiểm tra.")


Draft = Annotated[tuple[str, bytes | None, str | None], Depends(draft)]
