"""A synthetic corpus store for graph benchmarks: provinces, years, repeated local symbols, hot national decisions.

No extraction runs: rows are written in bulk (`Store.bulk_insert`) as an ingest would have written them, with
each citation's text at its offsets so that sentences can be read back. Deterministic for a given seed.

    .venv/bin/python scripts/make_synthetic_corpus.py /tmp/synthetic.sqlite --documents 100000 --citations 10

What it looks like (and why):
- Documents: plans, decisions, resolutions and letters of 64 provincial bodies, 2015-2025; 1% are national
  documents whose text is in the corpus (the most cited among them). Local numbers run 1-3000, so the same symbol
  (186/QĐ-UBND) recurs across provinces and years, never twice for one body and year. Citations per document are
  uniform in 1 .. 2m-1 (mean m).
- 55% of citations name a national document (20,000 of them: 5 types x 16 years x 250). Popularity is
  Zipf-Mandelbrot, weight 1/(rank + 15): the head is a few decisions every province implements, the tail is long.
  Measured at 1M citations (seed 4): the most cited (901/QĐ-TTg of 2016, rank 2 but citable by more years than
  1322/QĐ-TTg of 2020) has 19,812 citations (2%, not 11% as before; still heavy: a smaller offset or more
  national documents would bring it to the few thousand a real programme gets), a median national one about 10.
  A text never cites a document issued after it.
- 37% name an earlier document of the same province (repeated local symbols resolve by province and year).
- 4% are partial ("Quyết định 186"), 4% laws by name and year, 0.5% of national symbols are damaged ("NĐCP"):
  resolution has the same kinds of work to do as on real text.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vbpl.identity import slug
from vbpl.store import Store
from vbpl.vocab import vocabulary

# type, code, whether the symbol carries the year, issuer
NATIONAL = [("Quyết định", "QĐ-TTg", False, "Thủ tướng Chính phủ"), ("Nghị định", "NĐ-CP", True, "Chính phủ"),
            ("Thông tư", "TT-BTC", True, "Bộ Tài chính"), ("Chỉ thị", "CT-TTg", False, "Thủ tướng Chính phủ"),
            ("Nghị quyết", "NQ-CP", False, "Chính phủ")]
NATIONAL_YEARS = range(2010, 2026)
PER_TYPE_YEAR = 250
ZIPF_OFFSET = 15  # Zipf-Mandelbrot q: flattens the head so the top decision has thousands of citers, not 10%
LOCAL = [("Quyết định", "QĐ-UBND", "ubnd_tinh"), ("Kế hoạch", "KH-UBND", "ubnd_tinh"),
         ("Nghị quyết", "NQ-HĐND", "hdnd_tinh"), ("Công văn", "UBND-VX", "ubnd_tinh")]
LAWS = ["Luật Ngân sách nhà nước", "Luật Khoa học và Công nghệ", "Luật Đầu tư công",
        "Luật Tổ chức chính quyền địa phương"]
RELATIONS = ["basis"] * 4 + ["implements"] * 3 + ["mentions"] * 3 + ["replaces", "amends", "proposal"]
CUES = {"basis": "Căn cứ", "implements": "Thực hiện", "mentions": "Theo", "replaces": "Thay thế",
        "amends": "Sửa đổi", "proposal": "Xét"}
HOT = ("Quyết định", "1322/QĐ-TTg", 2020, "Thủ tướng Chính phủ", "quyet-dinh/1322-qd-ttg/2020")  # every province
# implements it
NATIONAL_SHARE, LOCAL_SHARE, PARTIAL_SHARE = 0.55, 0.92, 0.96  # cumulative: national, local, partial, else law
DAMAGED = 0.005
CHUNK = 5000  # documents per transaction

DOCUMENT_COLUMNS = ("id", "source", "sha256", "size", "format", "text", "type", "symbol", "date", "issuer", "title",
                    "province", "province_now", "level", "ingested_at")
CITATION_COLUMNS = ("document_id", "ordinal", "start", "end", "line", "col", "text", "kind", "form", "type",
                    "symbol", "date", "year", "issuer", "title", "relation", "cited_id", "name", "scope")

National = tuple[str, str, int, str, str]  # type, symbol, year, issuer, id
Cited = tuple[str, str, str, str | None, str | None, int | None, str | None, str | None, str, str | None,
              str | None]  # text, kind, form, type, symbol, year, date, issuer, cited_id, name, scope


def citation_id(type_: str, symbol: str, year: int, province: str | None) -> str:
    """The id `vbpl.identity` gives: type/symbol[/year][@province]."""
    ident = f"{slug(type_)}/{slug(symbol)}"
    if str(year) not in symbol:
        ident += f"/{year}"
    return ident + (f"@{slug(province)}" if province else "")


class Corpus:
    """The generator's state: the national documents by popularity, and what each province has issued so far."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.provinces = vocabulary().provinces
        self.nationals = [HOT, *self._nationals()]
        self.cumulative = list(itertools.accumulate(1 / (rank + ZIPF_OFFSET) for rank in
                                                    range(1, len(self.nationals) + 1)))
        self.issued: dict[str, list[tuple[str, str, int, str]]] = {p: [] for p in self.provinces}
        self.laws = [(name, year, f"luat/{slug(name)}/{year}") for name in LAWS for year in (2013, 2015, 2019)]
        self.taken: set[tuple[str, int, str]] = set()

    def _nationals(self) -> list[National]:
        seen = {HOT[1]}
        out = []
        for type_, code, with_year, issuer in NATIONAL:
            for year in NATIONAL_YEARS:
                for _ in range(PER_TYPE_YEAR):
                    number = self.rng.randint(1, 2500)
                    symbol = f"{number}/{year}/{code}" if with_year else f"{number}/{code}"
                    if symbol + str(year) not in seen:
                        seen.add(symbol + str(year))
                        out.append((type_, symbol, year, issuer, citation_id(type_, symbol, year, None)))
        self.rng.shuffle(out)  # popularity does not depend on type or year
        return out

    def national(self, before: int) -> National:
        """A national document issued no later than `before`, by Zipf-Mandelbrot popularity."""
        for _ in range(4):
            pick = self.nationals[bisect.bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]
            if pick[2] <= before:
                return pick
        return HOT if HOT[2] <= before else self.nationals[-1]

    def local_symbol(self, province: str, year: int, code: str) -> str:
        """A number not yet used by that body in that year: numbers restart each year, per issuer."""
        while True:
            number = self.rng.randint(1, 3000)
            if (province, year, f"{number}/{code}") not in self.taken:
                self.taken.add((province, year, f"{number}/{code}"))
                return f"{number}/{code}"

    def cite(self, province: str | None, year: int) -> Cited:
        roll, rng = self.rng.random(), self.rng
        if roll < NATIONAL_SHARE or (province is None and roll < PARTIAL_SHARE):
            type_, symbol, cited_year, issuer, ident = self.national(year)
            if roll < DAMAGED:  # as OCR or hasty typing leaves it
                symbol = symbol.replace("-", "", 1)
                ident = citation_id(type_, symbol, cited_year, None)
            return (f"{type_} số {symbol}", "number", "full", type_, symbol, cited_year, f"{cited_year}-06-01",
                    issuer if roll < NATIONAL_SHARE / 2 else None, ident, None, None)
        if roll < LOCAL_SHARE:
            earlier = [d for d in (rng.choice(self.issued[province]) for _ in range(3)) if d[2] <= year] \
                if self.issued[province] else []
            if earlier:
                type_, symbol, cited_year, ident = earlier[0]
            else:
                type_, symbol, cited_year = "Quyết định", f"{rng.randint(1, 3000)}/QĐ-UBND", year - 1
                ident = citation_id(type_, symbol, cited_year, province)
            return (f"{type_} số {symbol}", "number", "full", type_, symbol, cited_year, f"{cited_year}-03-01", None,
                    ident, None, ident.rpartition("@")[2])
        if roll < PARTIAL_SHARE:
            number = str(rng.randint(1, 3000))
            return (f"Quyết định {number}", "number", "short", "Quyết định", number, None, None, None,
                    f"quyet-dinh/{number}", None, None)
        name, law_year, ident = rng.choice(self.laws)
        return (f"{name} năm {law_year}", "name", "name", "Luật", None, law_year, f"{law_year}-06-18", None, ident,
                name, None)


def generate(corpus: Corpus, documents: int, per_document: int) -> Iterator[tuple[list[tuple], list[tuple]]]:
    """Chunks of (document rows, citation rows) in `DOCUMENT_COLUMNS` / `CITATION_COLUMNS` order."""
    rng = corpus.rng
    ingested_nationals = iter(corpus.nationals[: documents // 100])
    provinces = list(corpus.provinces)
    docs: list[tuple] = []
    cites: list[tuple] = []
    for n in range(1, documents + 1):
        national = next(ingested_nationals, None) if n % 100 == 0 else None
        if national:
            type_, symbol, year, issuer, _ = national
            province = level = None
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        else:
            province = rng.choice(provinces)
            year = rng.randint(2015, 2025)
            type_, code, level = rng.choice(LOCAL)
            symbol = corpus.local_symbol(province, year, code)
            issuer = f"Ủy ban nhân dân tỉnh {province}"
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines = [f"{type_} số {symbol}"]
        offset = len(lines[0]) + 1
        for ordinal in range(rng.randint(1, 2 * per_document - 1)):
            text, kind, form, ctype, csymbol, cyear, cdate, cissuer, ident, name, scope = corpus.cite(province, year)
            relation = rng.choice(RELATIONS)
            cue = CUES[relation] + " "
            title = f"về nhiệm vụ năm {cyear}" if kind == "number" and form == "full" \
                and rng.random() < 0.2 else None
            start = offset + len(cue)
            cites.append((n, ordinal, start, start + len(text), ordinal + 2, len(cue) + 1, text, kind, form, ctype,
                          csymbol, cdate, cyear, cissuer, title, relation, ident, name, scope))
            line = f"{cue}{text}{' ' + title if title else ''};"
            lines.append(line)
            offset += len(line) + 1
        body = "\n".join(lines) + "\n"
        docs.append((n, f"/synthetic/{province or 'Trung ương'}/{n}.txt",
                     hashlib.sha256(body.encode()).hexdigest(), len(body.encode()), "txt", body, type_, symbol, date,
                     issuer, f"Kế hoạch thực hiện số {n}", province,
                     corpus.provinces[province] if province else None, level, "2026-01-01T00:00:00+00:00"))
        if province:
            recent = corpus.issued[province]
            recent.append((type_, symbol, year, citation_id(type_, symbol, year, province)))
            if len(recent) > 400:
                del recent[:200]
        if len(docs) == CHUNK or n == documents:
            yield docs, cites
            docs, cites = [], []


def make(path: Path, documents: int, per_document: int, seed: int) -> dict[str, Any]:
    """Write a new store at `path` (replacing any) and return its row counts."""
    for stale in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", ".graph.pickle"))):
        stale.unlink(missing_ok=True)
    corpus = Corpus(random.Random(seed))
    started = time.perf_counter()
    with Store.open(path) as store:
        # Index pages of a million rows do not fit SQLite's default 2 MB cache; evicting them is most of the cost.
        store.connection.execute("PRAGMA cache_size = -1000000")
        run = store.begin_run({"synthetic": True, "seed": seed})
        for docs, cites in generate(corpus, documents, per_document):
            store.bulk_insert("documents", DOCUMENT_COLUMNS, docs)
            store.bulk_insert("citations", CITATION_COLUMNS, cites)
        store.finish_run(run)
        counts = store.counts()
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--citations", type=int, default=10, help="per document, on average")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    print(make(args.db, args.documents, args.citations, args.seed))


if __name__ == "__main__":
    main()
