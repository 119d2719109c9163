"""End to end in a real headless Chromium (Debian's `chromium`, driven by Playwright): the path a legal officer takes.

Search "36/QĐ-TTg" → open the result → follow a citation → filter who cites it → upload a draft to check; a
screenshot of each page goes to tests/artifacts/. Skipped only when no Chromium is installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_corpus import ROOT, build_corpus

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[dev]')")

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = os.environ.get("VBPL_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (apt-get install chromium, or set "
                                                         "VBPL_CHROMIUM); `make test` installs it when run as root")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from vbpl.web import create_app

    db = build_corpus(tmp_path_factory.mktemp("browser"))
    port = _free_port()
    instance = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(server: str):
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)  # a fresh profile each launch
        context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="vi-VN")
        context.set_default_timeout(15_000)
        yield context.new_page()
        browser.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_a_legal_officer_finds_who_cites_36_and_checks_a_draft(server: str, page) -> None:
    page.goto(server + "/")
    page.fill("#q", "36/QĐ-T")
    page.wait_for_selector("#suggestions li a")
    assert "36/QĐ-TTg" in page.inner_text("#suggestions")
    _shot(page, "1-search-suggestions")
    page.fill("#q", "36/QĐ-TTg")
    page.press("#q", "Enter")
    page.wait_for_selector(".best")
    _shot(page, "2-search-result")

    # Two clicks from the search box: search, then "được trích dẫn bởi": who cites 36/QĐ-TTg.
    page.click(".best a.button.primary")
    page.wait_for_selector("table.cited-by")
    assert page.locator("table.cited-by tbody tr").count() >= 5
    _shot(page, "3-cited-by")

    for name, value in (("type", "Kế hoạch"), ("province", "Ninh Thuận")):
        with page.expect_navigation():
            page.select_option(f"select[name={name}]", value)  # a filter applies as soon as it is chosen
    rows = page.locator("table.cited-by tbody tr")
    assert rows.count() >= 1
    assert all("Ninh Thuận" in rows.nth(i).inner_text() for i in range(rows.count()))
    _shot(page, "4-cited-by-filtered")

    page.goto(server + "/?q=36/QĐ-TTg")
    page.click(".best h2 a")
    page.wait_for_selector(".facts")
    _shot(page, "5-document-36")

    page.goto(server + "/van-ban/12015%2FKH-UBND")
    page.wait_for_selector(".doc-text a.cite")
    _shot(page, "6-document-plan")
    link = page.locator(".doc-text a.cite.rel-basis", has_text="1322/QĐ-TTg").first
    link.scroll_into_view_if_needed()
    assert "độ tin cậy" in (link.get_attribute("title") or "")
    link.click()
    page.wait_for_selector("h1:has-text('1322/QĐ-TTg')")
    _shot(page, "7-followed-citation")

    page.goto(server + "/kiem-tra")
    page.set_input_files("input[type=file]", str(ROOT / "corpora/seeds/001_cf20e38e42f47376.txt"))
    page.click("button:has-text('Kiểm tra')")
    page.wait_for_selector("ol.findings li")
    assert "VB103" in page.inner_text("ol.findings")
    _shot(page, "8-check")

    page.goto(server + "/tinh-thanh")
    page.wait_for_selector("table.heatmap")
    _shot(page, "9-provinces")
    page.goto(server + "/do-thi?ref=36/QĐ-TTg")
    page.wait_for_selector("svg.graph .box")
    _shot(page, "10-graph")
