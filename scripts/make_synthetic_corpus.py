"""A synthetic corpus store for graph benchmarks: provinces, years, repeated local symbols, hot national decisions.

No extraction runs: rows are written through `Store.upsert_document` as an ingest would write them.
Citation ids follow `vbpl.identity` (type/symbol[/year][@province]); a few references are partial, damaged
or laws by name, so that resolution has real work to do. Deterministic for a given seed.

    .venv/bin/python scripts/make_synthetic_corpus.py /tmp/synthetic.sqlite --documents 100000 --citations 10
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from pathlib import Path

from vbpl.identity import slug
from vbpl.models import Citation, DocumentIdentity
from vbpl.store import Location, ParsedFile, Store
from vbpl.vocab import vocabulary

NATIONAL = [("Quyết định", "QĐ-TTg", False), ("Nghị định", "NĐ-CP", True), ("Thông tư", "TT-BTC", True),
            ("Chỉ thị", "CT-TTg", False), ("Nghị quyết", "NQ-CP", False)]
LOCAL = [("Quyết định", "QĐ-UBND"), ("Kế hoạch", "KH-UBND"), ("Nghị quyết", "NQ-HĐND"), ("Công văn", "UBND-VX")]
LAWS = ["Luật Ngân sách nhà nước", "Luật Khoa học và Công nghệ", "Luật Đầu tư công",
        "Luật Tổ chức chính quyền địa phương"]
RELATIONS = ["basis"] * 4 + ["implements"] * 3 + ["mentions"] * 3 + ["replaces", "amends", "proposal"]
HOT = ("Quyết định", "1322/QĐ-TTg", 2020)  # the national decision every province implements


def national_symbol(number: int, code: str, year: int, with_year: bool) -> str:
    return f"{number}/{year}/{code}" if with_year else f"{number}/{code}"


def citation_id(type_: str, symbol: str, year: int, province: str | None) -> str:
    ident = f"{slug(type_)}/{slug(symbol)}"
    if str(year) not in symbol:
        ident += f"/{year}"
    return ident + (f"@{slug(province)}" if province else "")


def make(path: Path, documents: int, per_document: int, seed: int) -> None:
    rng = random.Random(seed)
    provinces = list(vocabulary().provinces)
    nationals = [HOT] + [
        (t, national_symbol(rng.randint(1, 2000), code, y, wy), y)
        for t, code, wy in NATIONAL for y in range(2010, 2026) for _ in range(60)
    ]
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(nationals))]
    weights[0] = weights[1] * 3
    issued: dict[str, list[tuple[str, str, int, str]]] = {p: [] for p in provinces}  # recent, by province
    started = time.perf_counter()
    with Store.open(path) as store:
        run = store.begin_run({"synthetic": True, "seed": seed})
        for n in range(documents):
            province = rng.choice(provinces)
            year = rng.randint(2015, 2025)
            type_, code = rng.choice(LOCAL)
            symbol = f"{rng.randint(1, 3000)}/{code}"
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            identity = DocumentIdentity(type_, symbol, date, f"Ủy ban nhân dân tỉnh {province}", province, None,
                                        province=province, province_now=vocabulary().provinces[province],
                                        level="ubnd_tinh")
            citations = [_citation(rng, nationals, weights, issued, province, year) for _ in range(per_document)]
            text = f"{type_} {symbol}\n"
            store.upsert_document(ParsedFile(
                source=f"/synthetic/{province}/{n}.txt", sha256=hashlib.sha256(str(n).encode()).hexdigest(),
                size=len(text), format="txt", encoding=None, text=text, pages=[], notes=[], identity=identity,
                citations=citations, locations=[Location(None, 1, 1)] * len(citations),
            ), run)
            recent = issued[province]
            recent.append((type_, symbol, year, province))
            if len(recent) > 400:
                del recent[:200]
            if n % 10000 == 0 and n:
                print(f"{n} documents, {time.perf_counter() - started:.0f} s", flush=True)
        store.finish_run(run)
        print(store.counts(), f"{time.perf_counter() - started:.0f} s")


def _citation(rng: random.Random, nationals, weights, issued, province: str, year: int) -> Citation:
    roll = rng.random()
    relation = rng.choice(RELATIONS)
    if roll < 0.55:
        type_, symbol, cited_year = rng.choices(nationals, weights)[0]
        if roll < 0.005:  # a damaged symbol, as OCR or hasty typing leaves it
            symbol = symbol.replace("-", "", 1)
        return _make(type_, symbol, cited_year, None, relation)
    if roll < 0.92:  # a document of the same province: an earlier one when the corpus has it
        recent = issued[province]
        local = [d for d in (rng.choice(recent) for _ in range(3)) if d[2] <= year] if recent else []
        type_, symbol, cited_year, _ = local[0] if local else (*LOCAL[0], year - 1, province)
        if not local:
            symbol = f"{rng.randint(1, 3000)}/QĐ-UBND"
        return _make(type_, symbol, cited_year, province, relation)
    if roll < 0.96:  # a partial reference: "Quyết định 186"
        number = str(rng.randint(1, 3000))
        cited = Citation(0, 10, f"Quyết định {number}", "number", "short", "Quyết định", number, None, None, None,
                         None, relation, f"quyet-dinh/{number}")
        return cited
    name = rng.choice(LAWS)
    law_year = rng.choice([2013, 2015, 2019])
    return Citation(0, 10, name, "name", "name", "Luật", None, f"{law_year}-06-18", law_year, None, None, relation,
                    f"luat/{slug(name)}/{law_year}", name=name)


def _make(type_: str, symbol: str, year: int, province: str | None, relation: str) -> Citation:
    return Citation(0, 10, f"{type_} số {symbol}", "number", "full", type_, symbol, f"{year}-06-01", year, None,
                    None, relation, citation_id(type_, symbol, year, province),
                    scope=slug(province) if province else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--citations", type=int, default=10, help="per document")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    make(args.db, args.documents, args.citations, args.seed)


if __name__ == "__main__":
    main()
