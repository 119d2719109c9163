"""The citation graph on the bundled corpus: answers written from reading the seed plans, not from the code."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from vbpl.cli import app
from vbpl.graph import build_graph, load_graph
from vbpl.ingest import ingest
from vbpl.queries import chain, cited_by, cites
from vbpl.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {
    "000": "000_2ee7c834c98d6cc5.txt",  # Sở KH&CN Đồng Nai, plan for 2026 (no number yet)
    "001": "001_cf20e38e42f47376.txt",  # Kế hoạch 12015/KH-UBND Đồng Nai, 2021
    "002": "002_47c691eb81eaec76.txt",  # Quyết định 1295/QĐ-UBND Đồng Nai, 2025
    "003": "003_4aef5daab40e0d48.txt",  # Quảng Ngãi plan, 2025 (no number yet)
    "004": "004_34544d3a8a892a37.txt",  # Ninh Thuận plan, 2024 (no number yet)
}


def _seed(store: Store, key: str) -> int:
    return store.document(SEEDS[key]).id


def _citing_seeds(store, cg, ref: str, **filters) -> dict[str, set[str]]:
    """seed key -> relations it cites `ref` with (direct citations only)."""
    by_id = {_seed(store, k): k for k in SEEDS}
    found: dict[str, set[str]] = {}
    for row in cited_by(cg, store, ref, **filters).rows:
        if not row.derived and row.document_id in by_id:
            found.setdefault(by_id[row.document_id], set()).add(row.relation)
    return found


def test_who_cites_1322(corpus):
    _, store, cg = corpus
    # 000: "Căn cứ Quyết định số 1322/QĐ-TTg"; 001: listed under "Căn cứ pháp lý" and "thực hiện … theo Quyết định
    # số 1322/QĐ-TTg". The Quảng Ngãi, Ninh Thuận plans and 1295/QĐ-UBND do not cite it.
    assert _citing_seeds(store, cg, "1322/QĐ-TTg") == {"000": {"basis"}, "001": {"basis", "implements"}}
    assert cited_by(cg, store, "qd 1322 ttg").target.node == "quyet-dinh/1322-qd-ttg/2020"
    assert cited_by(cg, store, "Quyết định 1322/2020").target.node == "quyet-dinh/1322-qd-ttg/2020"


def test_who_cites_36(corpus):
    _, store, cg = corpus
    found = _citing_seeds(store, cg, "36/QĐ-TTg")
    assert set(found) == {"000", "001", "003", "004"}
    assert found["003"] == {"implements"}  # "Thực hiện Quyết định số 36/QĐ-TTg"
    assert "basis" in found["004"] and "implements" in found["004"]
    assert _citing_seeds(store, cg, "36/QĐ-TTg", province="Ninh Thuận") == {"004": found["004"]}
    assert set(_citing_seeds(store, cg, "36/QĐ-TTg", relation="implements")) == {"001", "003", "004"}


def test_who_cites_38_ct_tw(corpus):
    _, store, cg = corpus
    answer = cited_by(cg, store, "38-CT/TW")
    direct = {r.node for r in answer.rows if not r.derived}
    assert direct == {"quyet-dinh/1295-qd-ubnd/2025@dong-nai"}
    assert {"basis", "implements"} <= {r.relation for r in answer.rows if not r.derived}
    # 1295's text says 1703/QĐ-TTg and Kế hoạch 407-KH/TU were issued to carry out Chỉ thị 38-CT/TW.
    stated = {r.node for r in answer.rows if r.derived and r.relation == "implements"}
    assert {"quyet-dinh/1703-qd-ttg/2024", "ke-hoach/407-kh-tu/2024@dong-nai"} <= stated


def _cited(cg, store, ref: str) -> dict[str, set[str]]:
    return {relation: {c.node for c in items} for relation, items in cites(cg, store, ref).rows}


def test_what_seed_plans_cite(corpus):
    _, store, cg = corpus
    assert _cited(cg, store, SEEDS["000"])["basis"] == {
        "quyet-dinh/1322-qd-ttg/2020", "quyet-dinh/36-qd-ttg/2021", "ke-hoach/39-kh-ubnd/2026@dong-nai",
        "cong-van/8143-ubnd-kgvx/2025@dong-nai",
    }
    assert _cited(cg, store, SEEDS["000"])["replaces"] == {"nghi-quyet/20-2021-nq-hdnd@dong-nai"}
    c001 = _cited(cg, store, "12015/KH-UBND")
    assert {"quyet-dinh/734-qd-ttg/2015", "quyet-dinh/1322-qd-ttg/2020", "quyet-dinh/36-qd-ttg/2021",
            "quyet-dinh/157-qd-ttg/2021", "thong-tu/35-2021-tt-btc",
            "luat/luat-khoa-hoc-va-cong-nghe/2013"} <= c001["basis"]
    assert {"quyet-dinh/1322-qd-ttg/2020", "quyet-dinh/36-qd-ttg/2021"} <= c001["implements"]
    c002 = _cited(cg, store, "1295/QĐ-UBND")
    assert {"chi-thi/38-ct-tw/2024", "nghi-quyet/57-nq-tw/2024", "ke-hoach/433-kh-tu/2025@dong-nai",
            "quyet-dinh/1703-qd-ttg/2024", "ke-hoach/407-kh-tu/2024@dong-nai"} <= c002["basis"]
    assert c002["proposal"] == {"to-trinh/16-ttr-sokhcn/2025@dong-nai"}
    c003 = _cited(cg, store, SEEDS["003"])
    assert c003["implements"] == {"quyet-dinh/36-qd-ttg/2021"}
    assert c003["proposal"] == {"to-trinh/1326-ttr-skhcn/2025@quang-ngai"}
    c004 = _cited(cg, store, SEEDS["004"])
    assert c004["basis"] == {"quyet-dinh/36-qd-ttg/2021", "nghi-quyet/14-nq-tu/2022@ninh-thuan"}
    assert c004["implements"] == {"quyet-dinh/36-qd-ttg/2021", "ke-hoach/4009-kh-ubnd/2023@ninh-thuan"}


def _tree(item) -> dict:
    return {child.node: _tree(child) for child in item.children}


def test_chain_up_from_the_dong_nai_decision(corpus):
    _, store, cg = corpus
    tree = _tree(chain(cg, store, "1295/QĐ-UBND").rows[0])
    # plan → provincial party plan / national decision → party directive
    assert "chi-thi/38-ct-tw/2024" in tree["quyet-dinh/1703-qd-ttg/2024"]
    assert "chi-thi/38-ct-tw/2024" in tree["ke-hoach/407-kh-tu/2024@dong-nai"]
    assert "nghi-quyet/57-nq-tw/2024" in tree["ke-hoach/433-kh-tu/2025@dong-nai"]
    assert not any(node.startswith("luat/") for node in tree)  # laws are the legal frame, not the lineage


def test_chain_of_each_seed(corpus):
    _, store, cg = corpus
    assert set(_tree(chain(cg, store, SEEDS["003"]).rows[0])) == {"quyet-dinh/36-qd-ttg/2021"}
    assert set(_tree(chain(cg, store, SEEDS["004"]).rows[0])) == {
        "quyet-dinh/36-qd-ttg/2021", "ke-hoach/4009-kh-ubnd/2023@ninh-thuan", "nghi-quyet/14-nq-tu/2022@ninh-thuan"}
    assert {"quyet-dinh/1322-qd-ttg/2020", "quyet-dinh/36-qd-ttg/2021"} <= set(
        _tree(chain(cg, store, SEEDS["001"]).rows[0]))
    assert {"quyet-dinh/1322-qd-ttg/2020", "quyet-dinh/36-qd-ttg/2021"} <= set(
        _tree(chain(cg, store, SEEDS["000"]).rows[0]))
    down = _tree(chain(cg, store, "36/QĐ-TTg", up=False).rows[0])
    assert {store.document(SEEDS[k]).id for k in SEEDS if k != "002"} == {
        cg.graph.nodes[n]["document_id"] for n in down}


def test_amendment_inside_a_citation_is_an_edge(corpus):
    _, _, cg = corpus
    edges = cg.graph.get_edge_data("quyet-dinh/10-2020-qd-ubnd@dong-nai", "quyet-dinh/27-2018-qd-ubnd@dong-nai")
    assert edges and {e["relation"] for e in edges.values()} == {"amends"}
    assert not cg.graph.has_edge("quyet-dinh/27-2018-qd-ubnd@dong-nai", "quyet-dinh/10-2020-qd-ubnd@dong-nai")


def test_cache_is_used_until_the_store_changes(corpus):
    _, store, cg = corpus
    assert store.graph_meta("state") == list(store.state())  # the resolution is kept in the store
    assert load_graph(store).state == cg.state == store.state()
    assert build_graph(store).graph.number_of_edges() == cg.graph.number_of_edges()


def test_cli(corpus, tmp_path):
    db, _, _ = corpus
    runner = CliRunner()
    result = runner.invoke(app, ["cited-by", "nghị quyết 20/2021", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"nghi-quyet/20-2021-nq-hdnd@dong-nai"' in result.output
    result = runner.invoke(app, ["cited-by", "Quyết định 9999/QĐ-TTg", "--db", str(db)])
    assert result.exit_code == 1 and "closest" in result.output
    assert runner.invoke(app, ["cites", "x", "--db", str(tmp_path / "none.sqlite")]).exit_code == 2
    assert runner.invoke(app, ["chain", "1295/QĐ-UBND", "--db", str(db)]).exit_code == 0
    for fmt in ("graphml", "gexf", "json", "neo4j-csv"):
        out = tmp_path / f"graph-{fmt}"
        result = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert out.exists()


def test_the_kept_resolution_gives_the_graph_resolving_again_gives(corpus):
    _, store, cg = corpus
    for other in (load_graph(store), load_graph(store, cache=False)):
        assert list(other.graph.nodes(data=True)) == list(cg.graph.nodes(data=True))
        assert list(other.graph.edges(keys=True, data=True)) == list(cg.graph.edges(keys=True, data=True))
        assert list(other.graph.in_edges(keys=True)) == list(cg.graph.in_edges(keys=True))  # citers' order
        assert (other.ambiguous, other.document_nodes) == (cg.ambiguous, cg.document_nodes)
        assert [n.attributes() for n in other.index.nodes.values()] == [n.attributes() for n in cg.index.nodes.values()]
    found = store.connection.execute(
        "SELECT count(*) FROM resolutions WHERE node = ?", ("quyet-dinh/36-qd-ttg/2021",)).fetchone()[0]
    assert found == len([r for r in cited_by(cg, store, "36/QĐ-TTg").rows if not r.derived])


def test_an_ingest_makes_the_kept_resolution_stale(tmp_path):
    seeds = ROOT / "corpora/seeds"

    def citing_36(store: Store, cg) -> set[str]:
        return {Path(store.document(r.document_id).source).name for r in cited_by(cg, store, "36/QĐ-TTg").rows}

    with Store.open(tmp_path / "two.sqlite") as store:
        ingest(store, [seeds / SEEDS["000"], seeds / SEEDS["003"]])
        assert citing_36(store, load_graph(store)) == {SEEDS["000"], SEEDS["003"]}
        ingest(store, [seeds / SEEDS["004"]])
        assert store.graph_meta("state") != list(store.state())
        after = load_graph(store)
        assert store.graph_meta("state") == list(store.state())
        assert citing_36(store, after) == {SEEDS["000"], SEEDS["003"], SEEDS["004"]}


def test_a_store_that_cannot_be_written_still_gets_its_graph(corpus, tmp_path):
    db, _, cg = corpus
    with Store.open(db) as store:
        store.connection.execute("PRAGMA query_only = ON")  # as a read-only file would (root ignores file modes)
        store.state = lambda: (-1,)  # the kept resolution looks stale: it must resolve and cannot keep it
        other = load_graph(store)
    assert list(other.graph.edges(keys=True, data=True)) == list(cg.graph.edges(keys=True, data=True))
    assert other.ambiguous == cg.ambiguous and other.state == (-1,)
