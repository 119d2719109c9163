"""Regenerate the reader fixtures in tests/fixtures/ from bundled corpus texts (deterministic output).

PDF and DOCX files are made from the corpus .txt so that tests can compare the citations found in
the reader's text with those found in the original. Lines holding " | " become table rows (ruled
when they form a block of 4 or more, borderless like a document's two-column header otherwise).
Also made: TCVN3 and VNI samples, an HTML page (Windows-1258, with navigation and a script to drop),
and the broken files each reader must refuse with a clear reason.

    .venv/bin/python scripts/make_fixtures.py
"""

from __future__ import annotations

import io
import random
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml.ns import qn
from PIL import Image
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from viparse.normalize.tcvn3 import TCVN3
from viparse.normalize.vni import VNI

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# Source text -> formats made from it. The seed is long (several PDF pages); the two others hold tables.
SOURCES = {
    "corpora/seeds/002_47c691eb81eaec76.txt": ("pdf", "docx"),
    "corpora/docs/prov_quangtri_qd_41_2019.txt": ("pdf", "docx", "html"),
    "corpora/docs/central_ubtvqh_nq_90_2025.txt": ("pdf", "docx"),
}
LEGACY_SOURCE = "corpora/seeds/000_2ee7c834c98d6cc5.txt"
LEGACY_LINES = slice(9, 16)  # the "Căn cứ …" paragraphs: no upper-case accented letters, which TCVN3 lacks
RULED_ROWS = 4
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

rl_config.invariant = 1  # no timestamps or random ids in the PDFs


def blocks(text: str) -> list[str | list[list[str]]]:
    """Paragraphs (str) and tables (rows of cells) in the order of the source text."""
    out: list[str | list[list[str]]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if "|" in line:
            cells = [cell.strip() for cell in line.split("|")]
            if cells[-1] == "":
                cells.pop()
            row = cells or [""]
            if out and isinstance(out[-1], list):
                out[-1].append(row)
            else:
                out.append([row])
        else:
            out.append(line.strip())
    return out


def square(rows: list[list[str]]) -> list[list[str]]:
    width = max(len(row) for row in rows)
    return [row + [""] * (width - len(row)) for row in rows]


# --- PDF ---------------------------------------------------------------------------------


def make_pdf(text: str, path: Path, title: str, encrypt: StandardEncryption | None = None) -> None:
    pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13, alignment=TA_JUSTIFY, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=body, alignment=0, spaceAfter=0)
    story = []
    for block in blocks(text):
        if isinstance(block, str):
            story.append(Paragraph(escape(block), body))
            continue
        rows = [[Paragraph(escape(c), cell) for c in row] for row in square(block)]
        table = Table(rows, colWidths=[(A4[0] - 4 * cm) / len(rows[0])] * len(rows[0]))
        if len(rows) >= RULED_ROWS:
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story.append(table)

    def first_page(c: canvas.Canvas, doc: SimpleDocTemplate) -> None:
        """A page number, which the reader must drop."""
        c.setFont("DejaVuSans", 8)
        c.drawCentredString(A4[0] / 2, 1.2 * cm, f"- {doc.page} -")

    def later_pages(c: canvas.Canvas, doc: SimpleDocTemplate) -> None:
        """From page 2 on, as in real documents, a running header too."""
        first_page(c, doc)
        c.drawString(2 * cm, A4[1] - 1.2 * cm, f"Tài liệu thử nghiệm vbpl — {title}")

    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm,
        title=title, encrypt=encrypt,
    )
    doc.build(story, onFirstPage=first_page, onLaterPages=later_pages)


def make_scanned_pdf(path: Path) -> None:
    """Two pages holding only an image, as a scanner makes them: no text layer."""
    image = Image.new("L", (120, 160), 255)
    for y in range(20, 150, 8):
        for x in range(15, 105):
            image.putpixel((x, y), 0)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        c.drawInlineImage(Image.open(io.BytesIO(buffer.getvalue())), 2 * cm, 2 * cm, A4[0] - 4 * cm, A4[1] - 4 * cm)
        c.showPage()
    c.save()


def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# --- DOCX --------------------------------------------------------------------------------


def make_docx(text: str, path: Path) -> None:
    document = docx.Document()
    for block in blocks(text):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        rows = square(block)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    save_docx(document, path)


def make_legacy_docx(lines: list[str], path: Path) -> None:
    """Paragraphs typed in .VnTime: the runs hold TCVN3 code points, as Word stores them."""
    document = docx.Document()
    for line in lines:
        run = document.add_paragraph().add_run(encode_legacy(line, TCVN3_OUT))
        run.font.name = ".VnTime"
        run._element.rPr.rFonts.set(qn("w:hAnsi"), ".VnTime")
    save_docx(document, path)


def save_docx(document: docx.document.Document, path: Path) -> None:
    """Save with fixed ZIP timestamps so that the bytes do not change from run to run."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))


# --- legacy encodings and HTML --------------------------------------------------------------

TCVN3_OUT = {unicode: legacy for legacy, unicode in TCVN3.pairs}
VNI_OUT = {unicode: legacy for legacy, unicode in VNI.pairs}
TONES = "\u0300\u0301\u0303\u0309\u0323"


def encode_legacy(text: str, table: dict[str, str]) -> str:
    """Unicode -> the code points a legacy font uses; fails on a letter the encoding cannot write."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        if ord(char) < 128:
            out.append(char)
        elif char in table:
            out.append(table[char])
        else:
            raise ValueError(f"{char!r} has no legacy form")
    return "".join(out)


def cp1258(text: str, errors: str = "strict") -> bytes:
    """Windows-1258 bytes: a base letter plus a combining tone mark where no precomposed byte exists."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
            out += (base + "".join(p for p in parts if p in TONES)).encode("cp1258", errors)
    return bytes(out)


def make_html(text: str, path: Path, title: str) -> None:
    """A portal page: charset meta, navigation, a script and a footer that cite documents the body does not."""
    body = []
    for block in blocks(text):
        if isinstance(block, str):
            body.append(f"<p>{escape(block)}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td><p>{escape(c)}</p></td>" for c in row) + "</tr>" for row in block)
            body.append(f"<table border='0'>{rows}</table>")
    page = f"""<!DOCTYPE html>
<html lang="vi"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>{escape(title)}</title>
<style>p {{ margin: 0 }} /* Quyết định số 111/QĐ-TTg */</style>
<script>var related = "Nghị định số 222/2020/NĐ-CP";</script>
</head><body>
<header><nav><ul><li><a href="/">Trang chủ</a></li>
<li><a href="/vb">Văn bản mới: Quyết định số 333/QĐ-UBND</a></li></ul></nav></header>
<div id="content">
{chr(10).join(body)}
</div>
<footer>Cổng thông tin điện tử — xem thêm Thông tư số 44/2019/TT-BTC</footer>
</body></html>
"""
    path.write_bytes(cp1258(page, "xmlcharrefreplace"))  # what Windows-1258 lacks becomes &#NNN;


# --- broken files ----------------------------------------------------------------------------


def tiny_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def ole_header() -> bytes:
    """The start of a binary Word file: the OLE2 compound-document signature and header."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + bytes(480)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for source, formats in SOURCES.items():
        path = ROOT / source
        text = path.read_text(encoding="utf-8")
        for fmt in formats:
            target = OUT / f"{path.stem}.{fmt}"
            if fmt == "pdf":
                make_pdf(text, target, path.stem)
            elif fmt == "docx":
                make_docx(text, target)
            else:
                make_html(text, target, path.stem)

    lines = (ROOT / LEGACY_SOURCE).read_text(encoding="utf-8").splitlines()[LEGACY_LINES]
    lines = [line.replace("–", "-") for line in lines if line.strip()]  # legacy fonts have no en dash
    (OUT / "legacy_unicode.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (OUT / "legacy_tcvn3.txt").write_bytes(encode_legacy("\n".join(lines) + "\n", TCVN3_OUT).encode("latin-1"))
    (OUT / "legacy_vni.txt").write_bytes(encode_legacy("\n".join(lines) + "\n", VNI_OUT).encode("latin-1"))
    make_legacy_docx(lines, OUT / "legacy_tcvn3.docx")

    quangtri = OUT / "prov_quangtri_qd_41_2019.pdf"
    broken = OUT / "broken"
    broken.mkdir(exist_ok=True)
    (broken / "empty.txt").write_bytes(b"")
    (broken / "whitespace.txt").write_bytes(b"  \r\n\t\n   \n")
    (broken / "junk.bin").write_bytes(random.Random(7).randbytes(4096))
    (broken / "truncated.pdf").write_bytes(quangtri.read_bytes()[: quangtri.stat().st_size * 6 // 10])
    make_pdf("Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020.", broken / "encrypted.pdf", "encrypted",
             StandardEncryption("mat-khau", canPrint=0))
    (broken / "zero_pages.pdf").write_bytes(zero_page_pdf())
    (broken / "image.pdf").write_bytes(tiny_png())
    (broken / "word97.doc").write_bytes(ole_header())
    make_scanned_pdf(broken / "scanned.pdf")
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"{sum(1 for p in OUT.rglob('*') if p.is_file())} fixtures, {total / 1024:.0f} KiB in {OUT}")


if __name__ == "__main__":
    main()
