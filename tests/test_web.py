"""The web UI and JSON API through FastAPI's TestClient, on the bundled corpus: every page, escaping, errors, CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from web_corpus import HOSTILE, ROOT, build_corpus

from vbpl.web import create_app

SEED = ROOT / "corpora/seeds/001_cf20e38e42f47376.txt"  # Đồng Nai's 12015/KH-UBND


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = build_corpus(tmp_path_factory.mktemp("web"))
    return TestClient(create_app(db), raise_server_exceptions=False)


def _node(client: TestClient, ref: str) -> str:
    found = client.get("/api/suggest", params={"q": ref}).json()
    assert found, ref
    return found[0]["node"]


@pytest.mark.parametrize("url", [
    "/", "/?q=36/QĐ-TTg", "/?q=nghị quyết 20/2021", "/?q=năng suất", "/kiem-tra", "/tinh-thanh",
    "/trich-dan?ref=36/QĐ-TTg", "/do-thi?ref=36/QĐ-TTg", "/van-ban/12015/KH-UBND", "/docs", "/openapi.json",
])
def test_every_page_answers(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]


def test_search_finds_36_and_links_to_who_cites_it(client: TestClient) -> None:
    page = client.get("/", params={"q": "36/QĐ-TTg"}).text
    assert "Quyết định 36/QĐ-TTg" in page
    assert "/trich-dan?ref=quyet-dinh/36-qd-ttg/2021" in page.replace("%2F", "/")


def test_documents_are_named_with_dates_as_vietnamese_readers_write_them(client: TestClient) -> None:
    node = _node(client, "36/QĐ-TTg")
    page = client.get("/trich-dan", params={"ref": node}).text
    assert "Quyết định 36/QĐ-TTg (11/01/2021)" in page and "2021-01-11" not in page
    assert client.get("/api/suggest", params={"q": "36/QĐ-TTg"}).json()[0]["label"].endswith("(11/01/2021)")


def test_suggestions_for_loose_references(client: TestClient) -> None:
    assert client.get("/api/suggest", params={"q": "qd 1322 ttg"}).json()[0]["label"].startswith(
        "Quyết định 1322/QĐ-TTg")
    assert "20/2021" in client.get("/api/suggest", params={"q": "nghị quyết 20/2021"}).json()[0]["label"]
    worded = client.get("/api/suggest", params={"q": "nâng cao năng su"}).json()
    assert any("36/QĐ-TTg" in s["label"] for s in worded)
    assert client.get("/api/suggest", params={"q": ""}).json() == []


def test_document_page_highlights_citations_with_links_and_tooltips(client: TestClient) -> None:
    page = client.get("/van-ban/12015/KH-UBND", follow_redirects=True)
    assert page.status_code == 200
    html = page.text
    assert 'class="cite rel-basis' in html and 'class="cite rel-implements' in html
    assert f'href="/van-ban/{quote("quyet-dinh/36-qd-ttg/2021", safe="")}"' in html
    assert "độ tin cậy 100%" in html
    assert "⚠" in html or "outdated" in html  # 734/QĐ-TTg's period ended: an outdated reference is marked


def test_document_api_has_status_findings_and_resolved_citations(client: TestClient) -> None:
    data = client.get("/api/documents/12015/KH-UBND").json()
    assert data["document"]["symbol"] == "12015/KH-UBND"
    assert {f["code"] for f in data["findings"]} >= {"VB103"}
    assert any(c["href"] and "36-qd-ttg" in c["href"] for c in data["citations"])
    replaced = client.get("/api/documents/" + quote("luat/luat-khoa-hoc-va-cong-nghe/2013", safe="")).json()
    assert replaced["status"]["status"] == "replaced" and "93/2025/QH15" in replaced["status"]["successor"]


def test_document_text_is_escaped(client: TestClient) -> None:
    html = client.get("/van-ban/777/KH-UBND", follow_redirects=True).text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>đậm</b>" not in html
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    cited = client.get("/trich-dan", params={"ref": "36/QĐ-TTg"}).text
    assert "<img src=x" not in cited and "&lt;img src=x" in cited


def test_cited_by_filters_and_csv(client: TestClient) -> None:
    every = client.get("/api/cited-by", params={"ref": "36/QĐ-TTg"}).json()
    provinces = {r["province"] for r in every["rows"]}
    assert {"Đồng Nai", "Ninh Thuận", "Quảng Ngãi"} <= provinces
    ninh = client.get("/api/cited-by", params={"ref": "36/QĐ-TTg", "province": "Ninh Thuận",
                                               "relation": "implements"}).json()
    assert ninh["rows"] and all(r["province"] == "Ninh Thuận" and r["relation"] == "implements" for r in ninh["rows"])
    plans = client.get("/api/cited-by", params={"ref": "36/QĐ-TTg", "type": "Kế hoạch"}).json()
    assert plans["rows"] and all(r["type"] == "Kế hoạch" for r in plans["rows"])
    response = client.get("/trich-dan.csv", params={"ref": "36/QĐ-TTg", "province": "Ninh Thuận"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Văn bản trích dẫn", "Loại văn bản", "Ngày ban hành", "Tỉnh, thành phố"]
    assert len(rows) - 1 == len(client.get("/api/cited-by", params={"ref": "36/QĐ-TTg",
                                                                    "province": "Ninh Thuận"}).json()["rows"])
    assert all(r[3] == "Ninh Thuận" for r in rows[1:])


@pytest.mark.parametrize(("url", "status"), [
    ("/trich-dan?ref=36/QĐ-TTg&relation=bogus", 422),
    ("/trich-dan?ref=36/QĐ-TTg&since=yesterday", 422),
    ("/trich-dan", 422),
    ("/api/cited-by?ref=", 422),
    ("/api/cited-by?ref=99999/XYZ-ABC", 404),
    ("/van-ban/99999", 404),
    ("/van-ban/khong-co-van-ban-nay", 404),
    ("/do-thi?ref=" + "x" * 400, 422),
    ("/api/suggest?q=36&limit=0", 422),
    ("/api/suggest?q=36&limit=abc", 422),
    ("/khong-co-trang", 404),
])
def test_bad_parameters_get_a_4xx_with_a_message(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert "Traceback" not in response.text
    if url.startswith("/api/"):
        assert response.json()["detail"]
    else:
        assert "<h1>" in response.text


def test_post_without_a_draft_is_a_400(client: TestClient) -> None:
    assert client.post("/kiem-tra", data={"text": "  "}).status_code == 400
    assert client.post("/api/check", data={}).status_code == 400
    unreadable = client.post("/api/check", files={"file": ("scan.pdf", b"%PDF-1.4 broken")})
    assert unreadable.status_code == 422 and "Không đọc được" in unreadable.json()["detail"]


BROKEN = ROOT / "tests/fixtures/broken"


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("du-thao.txt", b"", "tệp rỗng (0 byte)"),
    ("du-thao.txt", (BROKEN / "junk.bin").read_bytes(), "tệp nhị phân (có byte NUL), không phải tệp văn bản"),
    ("du-thao.pdf", (ROOT / "tests/fixtures/002_47c691eb81eaec76.pdf").read_bytes()[:4000], "tệp PDF bị cắt cụt"),
    ("du-thao.doc", (BROKEN / "word97.doc").read_bytes(), "hãy chuyển tệp sang .docx hoặc .pdf"),
    ("du-thao.pdf", (BROKEN / "scanned.pdf").read_bytes(), "có thể là bản quét (2 trang)"),
])
@pytest.mark.parametrize("url", ["/kiem-tra", "/api/check"])
def test_an_unreadable_upload_is_explained_in_vietnamese(client: TestClient, url: str, name: str, data: bytes,
                                                         reason: str) -> None:
    from message_fragments import foreign_words, spoken

    response = client.post(url, files={"file": (name, data)})
    assert response.status_code == 422
    said = response.json()["detail"] if url.startswith("/api/") else " ".join(_said(response.text).split())
    assert f"Không đọc được tệp {name}: " in said and reason in said
    assert spoken(said, "en") == [] and foreign_words(said, "vi") == []
    if not url.startswith("/api/"):  # said on the check form itself, ready for another file
        assert 'class="form-error"' in response.text and 'action="/kiem-tra"' in response.text


def test_upload_a_draft_to_check(client: TestClient) -> None:
    response = client.post("/kiem-tra", files={"file": (SEED.name, SEED.read_bytes(), "text/plain")})
    assert response.status_code == 200
    assert "VB103" in response.text and 'class="cite rel-basis' in response.text
    pasted = client.post("/api/check", data={"text": "Căn cứ Luật Khoa học và Công nghệ ngày 18/6/2013;\n"
                                                     "Sở Khoa học và Công nghệ tỉnh Bình Phước"}).json()
    assert {f["code"] for f in pasted["findings"]} >= {"VB101", "VB202"}


def test_provinces_heatmap_and_comparison(client: TestClient) -> None:
    data = client.get("/api/provinces").json()
    assert any(c["symbol"] == "36/QĐ-TTg" for c in data["columns"])
    assert {"Đồng Nai", "Ninh Thuận"} <= {p["province"] for p in data["provinces"]}
    html = client.get("/tinh-thanh").text
    assert 'class="heatmap"' in html and "So sánh các tỉnh" in html


def test_graph_picture_has_both_directions(client: TestClient) -> None:
    html = client.get("/do-thi", params={"ref": "36/QĐ-TTg"}).text
    assert "<svg" in html and html.count('class="box') >= 3
    assert "Văn bản trích dẫn" in html and "Văn bản được trích dẫn" in html


def test_an_ingest_shows_up_without_a_restart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store is looked at off the request path; a new document is served once the background reload ends."""
    import time

    from vbpl.ingest import collect, ingest
    from vbpl.store import Store
    from vbpl.web import corpus as web_corpus

    db = tmp_path / "one.sqlite"
    with Store.open(db) as store:
        ingest(store, collect([str(SEED)]).files)
    with TestClient(create_app(db)) as served:  # `with`: the lifespan loads the graph before the first request
        assert served.get("/api/suggest", params={"q": "777/KH-UBND"}).json() == []
        hostile = tmp_path / "hostile.txt"
        hostile.write_text(HOSTILE, encoding="utf-8")
        with Store.open(db) as store:
            ingest(store, collect([str(hostile)]).files)
        monkeypatch.setattr(web_corpus, "STATE_CHECK_SECONDS", 0.0)
        deadline = time.monotonic() + 30
        while not served.get("/api/suggest", params={"q": "777/KH-UBND"}).json():
            assert time.monotonic() < deadline, "the new document never showed up"
            time.sleep(0.1)


# --- what the checker and the status book say, in Vietnamese on every page ---------------------------------------

SUPERSEDED_DRAFT = ("Số: /KH-UBND\nĐồng Nai, ngày tháng 11 năm 2025\nKẾ HOẠCH\n"
                    "Căn cứ Luật Khoa học và Công nghệ ngày 18/6/2013;\nSở Kế hoạch và Đầu tư chủ trì.\n")


def _said(html: str) -> str:
    """What a reader sees of a page: its text and its tooltips, unescaped."""
    import html as markup
    import re

    return markup.unescape(re.sub(r"<[^>]+>", " ", html) + " ".join(re.findall(r'title="([^"]*)"', html)))


def test_check_page_says_in_vietnamese_that_a_cited_law_was_replaced(client: TestClient) -> None:
    from message_fragments import spoken

    html = client.post("/kiem-tra", data={"text": SUPERSEDED_DRAFT}).text
    said = _said(html)
    assert ("Luật Khoa học và Công nghệ (2013) đã được thay thế bởi Luật Khoa học, công nghệ và đổi mới sáng tạo số "
            "93/2025/QH15 từ ngày 01/10/2025") in " ".join(said.split())
    assert "danh mục hiệu lực: đã được thay thế bởi" in said  # the evidence, with its source
    assert "“Sở Kế hoạch và Đầu tư” không còn tồn tại: từ ngày 01/03/2025, đơn vị kế thừa là Sở Tài chính" in said
    assert "các sở hợp nhất từ 01/03/2025" in said  # the note beside the source of the merger
    assert spoken(said, "en") == []
    assert "2025-10-01" not in said
    api = client.post("/api/check", data={"text": SUPERSEDED_DRAFT}).json()
    assert any(f["code"] == "VB101" and "đã được thay thế bởi" in f["message"] for f in api["findings"])


def test_candidates_of_an_ambiguous_reference_are_dated_as_vietnamese_readers_write(client: TestClient) -> None:
    draft = "Số: 15/KH-UBND\nĐồng Nai, ngày 10 tháng 9 năm 2025\n\nKẾ HOẠCH\n\nCăn cứ Luật Ngân sách nhà nước;\n"
    api = client.post("/api/check", data={"text": draft}).json()
    said = " ".join(f["message"] for f in api["findings"] if f["code"] == "VB401")
    # A law's label is spelled as most texts spell it ("Nhà nước" or "nhà nước"): compare without case.
    said = said.lower()
    assert "luật ngân sách nhà nước (25/06/2015)" in said and "luật ngân sách nhà nước (16/12/2002)" in said
    html = " ".join(_said(client.post("/kiem-tra", data={"text": draft}).text).split())
    assert "luật ngân sách nhà nước (25/06/2015)" in html.lower()
    assert "2015-06-25" not in said + html


def test_outdated_marks_and_status_on_document_pages_are_vietnamese(client: TestClient) -> None:
    import re

    from message_fragments import spoken

    html = client.get("/van-ban/12015/KH-UBND", follow_redirects=True).text
    tips = [t for t in re.findall(r'class="cite[^"]* outdated"[^>]*title="([^"]*)"', html)]
    assert tips and all("⚠" in t for t in tips)
    assert any("đặt ra chương trình có giai đoạn đã kết thúc năm 2020" in t for t in tips)
    assert spoken(_said(html), "en") == []
    law = client.get("/van-ban/" + quote("luat/luat-khoa-hoc-va-cong-nghe/2013", safe="")).text
    assert "danh mục hiệu lực: đã được thay thế bởi Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15 " \
           "từ ngày 01/10/2025" in _said(law)
    assert spoken(_said(law), "en") == []


def test_a_parameter_that_does_not_validate_is_explained_in_vietnamese(client: TestClient) -> None:
    page = client.get("/trich-dan", params={"ref": "36/QĐ-TTg", "since": "hôm qua"}).text
    assert "since: không đúng định dạng" in page and "String should" not in page
    assert client.get("/api/suggest", params={"q": "36", "limit": 0}).json()["detail"] == (
        "Tham số không hợp lệ — limit: phải lớn hơn hoặc bằng 1")
