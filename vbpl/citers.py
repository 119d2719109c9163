"""Who cites each document, as columns sorted by cited document: `cited-by` without walking the graph's edges.

At a million citations a national decision has a hundred thousand citations. Walking its in-edges in networkx,
ordering them and making a row object for each costs more than a second on the first question; here the edges are
numpy columns ordered by (cited node, citing date, citing node, position), so the citations of a node are one slice
and a filter (province, level, relation, type, dates) is a vector comparison over it. Rows are made only for the
citations a caller actually reads (`queries.CitingRows`).

The columns are made when the resolution is kept (`CitersBuilder`, fed the edges as they are written) and kept with
it as arrays (`Citers.dump`), so a build reads them back in milliseconds (`Citers.load`).
"""

from __future__ import annotations

import io
import json
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import regex

from vbpl.text import fold

Ints = npt.NDArray[np.int64]
# One kept edge: source seq, target seq, citation id, document id, relation, start, end, page, method, confidence.
EdgeRow = tuple[int, int, int, int, str, int, int, int | None, str, float]
_DAY = regex.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_EDGE_COLUMNS = ("source", "citation", "document", "relation", "start", "end", "page", "method", "confidence",
                 "derived")
_NODE_COLUMNS = ("node_day", "node_order_date", "node_province", "node_province_now", "node_level", "node_type")
_VOCABULARIES = ("relations", "methods", "provinces", "words")
# Array type codes of the collected columns (numpy reads them as these dtypes): narrow where the values allow.
_TYPECODES = {"source": "i", "target": "i", "citation": "q", "document": "i", "relation": "b", "start": "i",
              "end": "i", "page": "i", "method": "b", "confidence": "d"}
_WORDS = "vocabularies"  # the kept blob holding the code -> word lists, as JSON


@dataclass(slots=True)
class Citers:
    """The citation edges as columns in answer order; `offsets[seq]:offsets[seq + 1]` are node seq's citations.

    Edge columns: source (citing node seq), citation id, citing document id, relation, start, end, page (-1: none),
    method, confidence, derived. Node columns (by seq) describe a citing document: its day (`day`: its date or year
    as an integer, for date filters), its date alone (for the answer order), province as written and its 2025
    successor, level and type. Words are stored as codes into `vocabularies` (0: none).
    """

    ids: list[str]
    columns: dict[str, np.ndarray]
    vocabularies: dict[str, list[str | None]]
    seq: dict[str, int] = field(init=False)
    codes: dict[str, dict[str | None, int]] = field(init=False)
    province_folded: dict[str, list[int]] = field(init=False)  # folded province -> codes of its spellings

    def __post_init__(self) -> None:
        self.seq = {node_id: at for at, node_id in enumerate(self.ids)}
        self.codes = {name: {word: code for code, word in enumerate(words) if word}
                      for name, words in self.vocabularies.items()}
        self.province_folded = {}
        for code, word in enumerate(self.vocabularies["provinces"]):
            if word:
                self.province_folded.setdefault(fold(word), []).append(code)

    def positions(self, node: str) -> Ints:
        """Positions (into the edge columns) of the citations of `node`, in answer order."""
        at = self.seq.get(node)
        offsets = self.columns["offsets"]
        if at is None:
            return np.arange(0, dtype=np.int64)
        return np.arange(offsets[at], offsets[at + 1], dtype=np.int64)

    def word(self, vocabulary: str, code: int) -> str | None:
        return self.vocabularies[vocabulary][code]

    def filter(self, positions: Ints, *, relation: str | None = None, province: str | None = None,
               level: str | None = None, type_: str | None = None, since: str | None = None,
               until: str | None = None) -> Ints:
        """The positions whose citation and citing document pass every filter given.

        Province matches the citing document's province then or its 2025 successor, whatever the case and
        diacritics; a citing document without a date (or year) passes no date filter.
        """
        c = self.columns
        keep = np.ones(len(positions), dtype=np.bool_)
        if relation:
            keep &= c["relation"][positions] == self.codes["relations"].get(relation, -1)
        sources = c["source"][positions]
        if province:
            codes = self.province_folded.get(fold(province), [-1])
            keep &= np.isin(c["node_province"][sources], codes) | np.isin(c["node_province_now"][sources], codes)
        for wanted, column in ((level, "node_level"), (type_, "node_type")):
            if wanted:
                keep &= c[column][sources] == self.codes["words"].get(wanted, -1)
        if since or until:
            days = c["node_day"][sources]
            keep &= days != 0
            if since:
                keep &= days >= day(since, 0)
            if until:
                keep &= days <= day(until, 99)
        return positions[keep]

    def documents(self, positions: Ints) -> int:
        """How many distinct citing nodes the positions come from."""
        return len(np.unique(self.columns["source"][positions]))

    def values(self, positions: Ints, column: str) -> list[str]:
        """The distinct values of 'relation', or of the citing documents' 'province', 'level' or 'type'."""
        c = self.columns
        if column == "relation":
            codes, words = c["relation"][positions], self.vocabularies["relations"]
        else:
            codes = c[f"node_{column}"][c["source"][positions]]
            words = self.vocabularies["provinces" if column == "province" else "words"]
        return [word for code in np.unique(codes).tolist() if code and (word := words[code]) is not None]

    def dump(self) -> dict[str, bytes]:
        """The columns as `.npy` bytes, to keep in the store beside the resolution (`Store.save_graph`)."""
        blobs = {}
        for name, column in self.columns.items():
            buffer = io.BytesIO()
            np.save(buffer, column, allow_pickle=False)
            blobs[name] = buffer.getvalue()
        blobs[_WORDS] = json.dumps(self.vocabularies, ensure_ascii=False).encode()
        return blobs

    @classmethod
    def load(cls, ids: list[str], blobs: Mapping[str, bytes]) -> Citers | None:
        """The index from `dump`'s bytes; None when they are missing (kept by an older version)."""
        if _WORDS not in blobs:
            return None
        columns = {name: np.load(io.BytesIO(blob), allow_pickle=False) for name, blob in blobs.items()
                   if name != _WORDS}
        return cls(ids, columns, json.loads(blobs[_WORDS]))


class _Codes:
    """Small integer codes for the few distinct words of a column (relations, methods, provinces …); 0 is none."""

    def __init__(self) -> None:
        self.words: list[str | None] = [None]
        self.code: dict[str | None, int] = {None: 0, "": 0}

    def __call__(self, word: str | None) -> int:
        code = self.code.get(word)
        if code is None:
            code = self.code[word] = len(self.words)
            self.words.append(word)
        return code

    def column(self, words: list[str | None]) -> Ints:
        for word in dict.fromkeys(words):
            self(word)
        return np.fromiter(map(self.code.__getitem__, words), dtype=np.int64, count=len(words))


class CitersBuilder:
    """Collects the edges' columns while they pass on their way into the store, then orders them (`finish`)."""

    def __init__(self, vocabularies: Mapping[str, list[str | None]] | None = None) -> None:
        self._codes = {name: _Codes() for name in _VOCABULARIES}
        for name, words in (vocabularies or {}).items():
            for word in words[1:]:
                self._codes[name](word)
        self._ints = {name: array(_TYPECODES[name]) for name in ("source", "target", "citation", "document",
                                                                "relation", "start", "end", "page", "method")}
        self._confidence = array("d")
        self._nodes: list[tuple[Any, ...]] = []  # by seq: date, year, province, province_now, level, type

    def node(self, attributes: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
        """The next node's graph attributes (None: not in the graph), unchanged, with what the columns need kept."""
        a = attributes or {}
        self._nodes.append((a.get("date"), a.get("year"), a.get("province"), a.get("province_now"), a.get("level"),
                            a.get("type")))
        return attributes

    def passing(self, edges: Iterable[EdgeRow]) -> Iterator[EdgeRow]:
        """The kept edges, unchanged, with their columns collected on the way."""
        i = self._ints
        source, target, citation, document, relation, start, end, page, method = (
            i[name].append for name in ("source", "target", "citation", "document", "relation", "start", "end",
                                        "page", "method"))
        confidence = self._confidence.append
        relations, methods = self._codes["relations"], self._codes["methods"]
        for edge in edges:
            u, v, citation_id, document_id, relation_word, begin, finish, page_no, method_word, score = edge
            source(u)
            target(v)
            citation(citation_id)
            document(document_id)
            relation(relations(relation_word))
            start(begin)
            end(finish)
            page(-1 if page_no is None else page_no)
            method(methods(method_word))
            confidence(score)
            yield edge

    def finish(self, ids: list[str], derived: Iterable[tuple[str, str, Any, dict[str, Any]]]) -> Citers:
        """The index, from the collected nodes (`ids` in seq order) and edges, and the edges texts state between
        what they cite (ends as node ids)."""
        seq = {node_id: at for at, node_id in enumerate(ids)}
        kept = len(self._confidence)
        self._consume(derived_rows(derived, seq))
        columns = self._collected(kept)
        columns.update(self._node_columns(ids))
        return self._assemble(ids, columns)

    def update(self, citers: Citers, ids: list[str], attributes: Mapping[str, Mapping[str, Any] | None],
               unlinked: Iterable[int], restated_by: Iterable[int], edges: Iterable[EdgeRow],
               derived: Iterable[EdgeRow]) -> Citers:
        """`citers` after a change (this builder made with its vocabularies): `ids` are its ids then the new nodes',
        `attributes` those of the nodes that are new or changed; the edges of `unlinked` citations and the derived
        edges of `restated_by` documents are taken out, `edges` and `derived` (ends as seqs) added."""
        old = citers.columns
        self._consume(edges)
        kept = len(self._confidence)
        self._consume(derived)
        new = self._collected(kept)
        gone = (~old["derived"] & np.isin(old["citation"], np.fromiter(unlinked, dtype=np.int64))) | (
            old["derived"] & np.isin(old["document"], np.fromiter(restated_by, dtype=np.int64)))
        stay = ~gone
        columns = {"target": np.concatenate([np.repeat(np.arange(len(citers.ids)), np.diff(old["offsets"]))[stay],
                                             new["target"]])}
        for name in _EDGE_COLUMNS:
            columns[name] = np.concatenate([old[name][stay], new[name]])
        added = len(ids) - len(citers.ids)
        for name in _NODE_COLUMNS:
            column = old[name]
            columns[name] = np.concatenate([column, np.zeros(added, dtype=column.dtype)])
        seq = {node_id: at for at, node_id in enumerate(ids)}
        for node_id, a in attributes.items():
            at = seq[node_id]
            for name, value in self._node_values(a or {}).items():
                columns[name][at] = value
        return self._assemble(ids, columns)

    def _consume(self, edges: Iterable[EdgeRow]) -> None:
        for _ in self.passing(edges):
            pass

    def _collected(self, kept: int) -> dict[str, np.ndarray]:
        """The collected edge columns as arrays (their buffers handed over); edges after the `kept` first are
        derived."""
        collected, self._ints = self._ints, {name: array(code) for name, code in _TYPECODES.items()
                                             if name != "confidence"}
        columns = {name: np.frombuffer(values, dtype=_TYPECODES[name]) for name, values in collected.items()}
        columns["confidence"] = np.frombuffer(self._confidence, dtype=np.float64)
        self._confidence = array("d")
        columns["derived"] = np.arange(len(columns["confidence"])) >= kept
        return columns

    def _assemble(self, ids: list[str], columns: dict[str, np.ndarray]) -> Citers:
        """Order the edges by (cited node, citing node's date, its id, position) and cut them by cited node."""
        rank = np.empty(len(ids), dtype=np.int64)
        rank[np.lexsort((np.array(ids, dtype=np.str_), columns["node_order_date"]))] = np.arange(len(ids))
        target = columns.pop("target")
        order = np.lexsort((columns["start"], rank[columns["source"]], target))
        offsets = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(target, minlength=len(ids)), out=offsets[1:])
        del target
        for name in _EDGE_COLUMNS:  # one at a time, each unordered column freed once ordered
            columns[name] = columns[name][order]
        columns["offsets"] = offsets
        return Citers(ids, columns, {name: codes.words for name, codes in self._codes.items()})

    def _node_values(self, a: Mapping[str, Any]) -> dict[str, Any]:
        provinces, words = self._codes["provinces"], self._codes["words"]
        return {"node_day": day(a.get("date") or str(a.get("year") or "")),
                "node_order_date": a.get("date") or "", "node_province": provinces(a.get("province")),
                "node_province_now": provinces(a.get("province_now")), "node_level": words(a.get("level")),
                "node_type": words(a.get("type"))}

    def _node_columns(self, ids: list[str]) -> dict[str, np.ndarray]:
        """Node columns of the citing side: date (or year), date alone (for the answer order), province, 2025
        province, level, type."""
        if len(self._nodes) != len(ids):
            raise ValueError(f"{len(self._nodes)} nodes passed for {len(ids)} ids")
        dates, years, province, province_now, level, type_ = (list(c) for c in zip(*self._nodes, strict=True)) \
            if ids else ([], [], [], [], [], [])
        self._nodes = []
        provinces, words = self._codes["provinces"], self._codes["words"]
        return {
            "node_day": np.array([day(d or str(y or "")) for d, y in zip(dates, years, strict=True)],
                                 dtype=np.int32),
            "node_order_date": np.array([d or "" for d in dates], dtype="U16"),
            "node_province": provinces.column(province),
            "node_province_now": provinces.column(province_now),
            "node_level": words.column(level),
            "node_type": words.column(type_),
        }


def day(date: str, fill: int = 0) -> int:
    """'2021-06-15' -> 20210615; a year or month alone has `fill` for the parts it lacks ('2021', 99 -> 20219999: the
    last day a filter 'until 2021' admits); 0 for no date."""
    m = _DAY.match(date)
    if m is None:
        return 0
    year, month, day_ = m.group(1), m.group(2), m.group(3)
    return int(year) * 10000 + (int(month) if month else fill) * 100 + (int(day_) if day_ else fill)


def derived_rows(derived: Iterable[tuple[str, str, Any, dict[str, Any]]], seq: Mapping[str, int]) -> list[EdgeRow]:
    """Derived edges (ends as node ids, attributes as a dict) as edge rows."""
    return [(seq[u], seq[v], data["citation"], data["document_id"], data["relation"], data["start"], data["end"],
             data.get("page"), data["method"], data["confidence"]) for u, v, _, data in derived]
