"""`cited-by` answers from the citers columns are the ones a walk over the graph's edges gives, filters included."""

from __future__ import annotations

from typing import Any

import pytest

from vbpl.graph import load_graph
from vbpl.queries import CitingRows, cited_by
from vbpl.text import fold


def _walk(cg: Any, node: str, relation: str | None = None, province: str | None = None, level: str | None = None,
          type_: str | None = None, since: str | None = None, until: str | None = None) -> list[tuple[Any, ...]]:
    """Who cites `node` by walking networkx in-edges: the plain definition the columns must agree with."""
    found = []
    for source, _, data in cg.graph.in_edges(node, data=True):
        citing = cg.graph.nodes[source]
        date = citing.get("date") or (str(citing["year"]) if citing.get("year") else "")
        if relation and data["relation"] != relation:
            continue
        if province and fold(province) not in (fold(citing.get("province") or "-"),
                                               fold(citing.get("province_now") or "-")):
            continue
        if (level and citing.get("level") != level) or (type_ and citing.get("type") != type_):
            continue
        if (since and (not date or date < since)) or (until and (not date or date[: len(until)] > until)):
            continue
        found.append((citing.get("date") or "", source, data["start"], data["citation"], data["relation"],
                      bool(data.get("derived")), data["document_id"], data.get("page"), data["method"]))
    return sorted(found)


def _rows(rows: CitingRows) -> list[tuple[Any, ...]]:
    return [(r.date or "", r.node, r.start, r.citation, r.relation, r.derived, r.document_id, r.page, r.method)
            for r in rows]


def test_every_node_is_answered_as_a_walk_over_its_edges(corpus):
    _, store, cg = corpus
    for node in cg.graph.nodes:
        rows = cited_by(cg, store, node, sentences=False).rows
        assert _rows(rows) == _walk(cg, node), node  # same citations, in answer order (date, citer, position)


@pytest.mark.parametrize("filters", [
    {"relation": "implements"}, {"relation": "basis"}, {"province": "dong nai"}, {"province": "Đồng Nai"},
    {"province": "Bình Phước"}, {"level": "ubnd_tinh"}, {"type_": "Kế hoạch"}, {"since": "2024"},
    {"until": "2023"}, {"since": "2021-06", "until": "2025-03"}, {"province": "no such place"},
    {"relation": "nonsense"},
])
def test_filters_agree_with_the_walk(corpus, filters):
    _, store, cg = corpus
    for ref in ("1322/QĐ-TTg", "36/QĐ-TTg", "38-CT/TW"):
        node = cited_by(cg, store, ref, sentences=False).target.node
        assert node is not None
        assert _rows(cited_by(cg, store, ref, sentences=False, **filters).rows) == _walk(cg, node, **filters)


def test_rows_are_a_sequence_made_on_reading(corpus):
    _, store, cg = corpus
    rows = cited_by(cg, store, "1322/QĐ-TTg", sentences=False).rows
    assert len(rows) >= 3 and rows[0] == next(iter(rows)) and rows[-1] == list(rows)[-1]
    assert list(rows[1:3]) == list(rows)[1:3]
    assert set(rows.values("relation")) == {r.relation for r in rows}
    assert set(rows.values("province")) == {r.province for r in rows if r.province}


def test_the_kept_columns_are_read_back_by_the_next_build(corpus):
    _, store, cg = corpus
    again = load_graph(store)  # from the kept resolution this time
    for node in ("quyet-dinh/1322-qd-ttg/2020", "chi-thi/38-ct-tw"):
        assert _rows(cited_by(again, store, node, sentences=False).rows) == _rows(
            cited_by(cg, store, node, sentences=False).rows)
