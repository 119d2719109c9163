"""Resolution as a table: citation rows in, the node (or candidates) and method out."""

from __future__ import annotations

import json
from typing import Any

from vbpl.resolve import CITATION_ROW, lookup, parse_ref, resolve_corpus

_ROW = [c.strip('"') for c in CITATION_ROW]


def doc(id: int, type: str, symbol: str | None, date: str | None, province: str | None, title: str | None = None):
    return {"id": id, "source": f"/corpus/{id}.txt", "type": type, "symbol": symbol, "date": date,
            "year": int(date[:4]) if date else None, "issuer": None, "title": title, "placeholder": symbol is None,
            "province": province, "province_now": province, "level": "ubnd_tinh"}


def cite(row_id: int, document_id: int, cited_id: str, **fields: Any) -> tuple[Any, ...]:
    values = {"id": row_id, "document_id": document_id, "start": 0, "end": 10, "page": None, "kind": "number",
              "form": "full", "type": None, "symbol": None, "date": None, "year": None, "issuer": None,
              "title": None, "relation": "basis", "cited_id": cited_id, "name": None, "scope": None,
              "amended_by": json.dumps(fields.pop("amended_by", []))}
    values.update(fields)
    return tuple(values[c] for c in _ROW)


DOCS = [
    doc(1, "Quyết định", "186/QĐ-UBND", "2018-01-26", "An Giang"),
    doc(2, "Quyết định", "186/QĐ-UBND", "2019-03-01", "Đồng Nai"),
    doc(3, "Kế hoạch", None, "2022-05-01", "Lâm Đồng"),
    doc(4, "Kế hoạch", "12/KH-UBND", "2022-06-01", "Đồng Nai"),
    doc(5, "Nghị quyết", "20/2021/NQ-HĐND", "2021-07-09", "Đồng Nai"),
]
ROWS = [
    cite(1, 3, "quyet-dinh/186", type="Quyết định", symbol="186", form="short"),  # a third province
    cite(2, 4, "nghi-quyet/20-2021", type="Nghị quyết", symbol="20/2021", form="short"),
    cite(3, 4, "nghi-dinh/61-2018-ndcp", type="Nghị định", symbol="61/2018/NĐCP", year=2018),
    cite(4, 3, "nghi-dinh/61-2018-nd-cp", type="Nghị định", symbol="61/2018/NĐ-CP", year=2018, date="2018-04-23"),
    cite(5, 1, "nghi-dinh/61-2018-nd-cp", type="Nghị định", symbol="61/2018/NĐ-CP", year=2018, date="2018-04-23"),
    cite(6, 2, "nghi-dinh/61-2018-nd-cp", type="Nghị định", symbol="61/2018/NĐ-CP", year=2018, date="2018-04-24"),
    cite(7, 4, "thong-tu/31-2013tt-bgddt", type="Thông tư", symbol="31/2013TT-BGDĐT", year=2013),
    cite(8, 1, "thong-tu/31-2013-tt-bgddt", type="Thông tư", symbol="31/2013/TT-BGDĐT", year=2013),
    cite(9, 4, "luat/29-2013-qh13", kind="name", form="number_only", type="Luật", symbol="29/2013/QH13",
         name="Luật Khoa học và Công nghệ", year=2013),
    cite(10, 3, "luat/luat-khoa-hoc-va-cong-nghe/2013", kind="name", form="name", type="Luật",
         name="Luật Khoa học và Công nghệ", year=2013, date="2013-06-18"),
    cite(11, 3, "luat/luat-khoa-hoc-va-cong-nghe/2000", kind="name", form="name", type="Luật",
         name="Luật Khoa học và Công nghệ", year=2000, date="2000-06-09"),
    cite(12, 4, "luat/luat-khoa-hoc-va-cong-nghe", kind="name", form="name", type="Luật",
         name="Luật Khoa học và Công nghệ"),
    cite(13, 1, "quyet-dinh/1322-qd-ttg/2020", type="Quyết định", symbol="1322/QĐ-TTg", year=2020,
         title="phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, "
               "hàng hóa giai đoạn 2021 - 2030"),
]
R = resolve_corpus(DOCS, ROWS)


def test_same_symbol_in_two_provinces_stays_two_nodes():
    assert {"quyet-dinh/186-qd-ubnd/2018@an-giang", "quyet-dinh/186-qd-ubnd/2019@dong-nai"} <= set(R.nodes)
    assert R.nodes["quyet-dinh/186-qd-ubnd/2018@an-giang"].in_corpus


def test_partial_reference_from_a_third_province_is_ambiguous():
    resolution = R.resolutions[1]
    assert resolution.node is None and resolution.method == "partial"
    assert {c for c, _ in resolution.candidates} == {
        "quyet-dinh/186-qd-ubnd/2018@an-giang", "quyet-dinh/186-qd-ubnd/2019@dong-nai"}


def test_partial_reference_with_a_year_is_unique():
    assert R.resolutions[2].node == "nghi-quyet/20-2021-nq-hdnd@dong-nai"
    assert R.resolutions[2].method == "partial"


def test_damaged_symbols_are_matched_with_their_score():
    for row_id, node in ((3, "nghi-dinh/61-2018-nd-cp"), (7, "thong-tu/31-2013-tt-bgddt")):
        resolution = R.resolutions[row_id]
        assert (resolution.node, resolution.method) == (node, "fuzzy")
        assert 0.8 < resolution.confidence < 1.0


def test_contradicting_dates_keep_both_and_the_majority_wins():
    attributes = R.nodes["nghi-dinh/61-2018-nd-cp"].attributes()
    assert attributes["date"] == "2018-04-23"
    assert attributes["dates_observed"] == {"2018-04-23": 2, "2018-04-24": 1}
    assert attributes["source_date"] == "2 of 3 citations"


def test_a_law_by_name_and_year_merges_with_its_number():
    assert R.resolutions[10].node == "luat/29-2013-qh13"
    assert R.resolutions[10].method == "name"
    assert R.resolutions[11].node == "luat/luat-khoa-hoc-va-cong-nghe/2000"  # another law of the same name
    yearless = R.resolutions[12]  # cited by a 2022 plan without a year: either law, ranked newest first
    assert yearless.node is None
    assert [c for c, _ in yearless.candidates] == ["luat/29-2013-qh13", "luat/luat-khoa-hoc-va-cong-nghe/2000"]


def test_loose_forms_people_type():
    for typed in ("1322/QĐ-TTg", "qd 1322 ttg", "Quyết định 1322/2020", "QD-TTG 1322", "quyet dinh 1322"):
        assert lookup(typed, R.index).node == "quyet-dinh/1322-qd-ttg/2020", typed
    assert lookup("nghị quyết 20/2021", R.index).node == "nghi-quyet/20-2021-nq-hdnd@dong-nai"
    assert lookup("Quyết định 186", R.index).candidates


def test_title_only_reference():
    found = lookup("Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa "
                   "giai đoạn 2021-2030", R.index)
    assert (found.node, found.method) == ("quyet-dinh/1322-qd-ttg/2020", "title")
    assert found.confidence > 0.9


def test_parse_ref():
    query = parse_ref("nghị quyết 20/2021")
    assert (query.type, query.number, query.year, query.codes) == ("Nghị quyết", "20", 2021, ())
    query = parse_ref("qd 1322 ttg")
    assert (query.type, query.number, query.codes) == ("Quyết định", "1322", ("qd", "ttg"))
