"""The bundled corpus, plus one hostile document, ingested once for the web tests (TestClient and browser)."""

from __future__ import annotations

from pathlib import Path

from vbpl.ingest import collect, ingest
from vbpl.store import Store

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = """ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI
Số: 777/KH-UBND
Đồng Nai, ngày 05 tháng 3 năm 2022

KẾ HOẠCH
Thử nghiệm <script>alert("xss")</script> hiển thị

Căn cứ Quyết định số 36/QĐ-TTg ngày 11/01/2021 của Thủ tướng Chính phủ <b>đậm</b> & <img src=x onerror=alert(1)>;
"""


def build_corpus(folder: Path) -> Path:
    """A database with the seeds, the public documents and a plan whose text holds HTML that must stay text."""
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    db = folder / "web.sqlite"
    with Store.open(db) as store:
        paths = [str(ROOT / "corpora/seeds"), str(ROOT / "corpora/docs"), str(hostile)]
        ingest(store, collect(paths).files)
    return db
