"""The synthetic corpus generator writes a store the graph can trust, at a tiny size (the benchmarks use 1M rows)."""

from __future__ import annotations

from vbpl.graph import build_graph
from vbpl.queries import cited_by
from vbpl.store import Store


def test_a_tiny_synthetic_corpus_is_consistent(tmp_path, synthetic):
    generator = synthetic
    db = tmp_path / "synthetic.sqlite"
    counts = generator.make(db, documents=300, per_document=6, seed=1)
    assert counts["documents"] == 300 and 300 <= counts["citations"] <= 300 * 11
    with Store.open(db, create=False) as store:
        orphans = store.connection.execute(
            "SELECT count(*) FROM citations c LEFT JOIN documents d ON d.id = c.document_id WHERE d.id IS NULL")
        assert orphans.fetchone()[0] == 0
        for row in store.connection.execute(
                "SELECT c.text, c.start, c.\"end\", d.text FROM citations c JOIN documents d ON d.id = c.document_id"):
            assert row[3][row[1] : row[2]] == row[0]  # spans point into the text, as the extractor's do
        keys = store.connection.execute("SELECT province, symbol, date FROM documents").fetchall()
        assert len({(p, s, d[:4]) for p, s, d in keys}) == len(keys)  # one number per body and year
        cg = build_graph(store)
        hot = generator.HOT[4]
        answer = cited_by(cg, store, hot, sentences=False)
        assert answer.target.node == hot
        direct = store.connection.execute("SELECT count(*) FROM citations WHERE cited_id = ?", (hot,)).fetchone()[0]
        # its own citations, and partial or damaged ones that resolution ties to it
        assert len([r for r in answer.rows if not r.derived]) >= direct > 0
        assert max(cg.graph.in_degree(n) for n in cg.graph) < counts["citations"] // 10  # no node takes 10%
