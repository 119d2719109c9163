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

from vbpl.text import fold

Ints = npt.NDArray[np.int64]
# One kept edge: source seq, target seq, citation id, document id, relation, start, end, page, method, confidence.
EdgeRow = tuple[int, int, int, int, str, int, int, int | None, str, float]
_LATEST = "\U0010ffff"  # after every character: 'date[:len(until)] <= until' is 'date <= until + _LATEST'
_EDGE_COLUMNS = ("source", "citation", "document", "relation", "start", "end", "page", "method", "confidence",
                 "derived")
_NODE_COLUMNS = ("node_date", "node_province", "node_province_now", "node_level", "node_type")
_VOCABULARIES = ("relations", "methods", "provinces", "words")
# Array type codes of the collected columns (numpy reads them as these dtypes): narrow where the values allow.
_TYPECODES = {"source": "i", "target": "i", "citation": "q", "document": "i", "relation": "b", "start": "i",
              "end": "i", "page": "i", "method": "b", "confidence": "d"}
_WORDS = "vocabularies"  # the kept blob holding the code -> word lists, as JSON


@dataclass(slots=True)
class Citers:
    """The citation edges as columns in answer order; `offsets[seq]:offsets[seq + 1]` are node seq's citations.

    Edge columns: source (citing node seq), citation id, citing document id, relation, start, end, page (-1: none),
    method, confidence, derived. Node columns (by seq) describe a citing document: its date (or year), province as
    written and its 2025 successor, level and type. Words are stored as codes into `vocabularies` (0: none).
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
            dates = c["node_date"][sources]
            keep &= dates != ""
            if since:
                keep &= dates >= since
            if until:
                keep &= dates <= until + _LATEST
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

    def __init__(self) -> None:
        self._codes = {name: _Codes() for name in _VOCABULARIES}
        self._ints = {name: array(_TYPECODES[name]) for name in ("source", "target", "citation", "document",
                                                                "relation", "start", "end", "page", "method")}
        self._confidence = array("d")
        self._nodes: list[tuple[Any, ...]] = []  # by seq: date, year, province, province_now, level, type

    def node(self, attributes: dict[str, Any] | None) -> dict[str, Any] | None:
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
        for u, v, _, data in derived:
            list(self.passing([(seq[u], seq[v], data["citation"], data["document_id"], data["relation"],
                                data["start"], data["end"], data.get("page"), data["method"], data["confidence"])]))
        collected, self._ints = self._ints, {}
        collected["confidence"] = self._confidence
        columns = self._node_columns(ids)
        source, target = (np.frombuffer(collected[name], dtype=_TYPECODES[name]) for name in ("source", "target"))
        start = np.frombuffer(collected["start"], dtype=_TYPECODES["start"])
        order = np.lexsort((start, columns.pop("rank")[source], target))
        offsets = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(target, minlength=len(ids)), out=offsets[1:])
        columns["offsets"] = offsets
        columns["derived"] = (order >= kept)
        del source, target, start, collected["target"]
        for name in _EDGE_COLUMNS[:-1]:  # one at a time, each collected buffer freed once it is ordered
            columns[name] = np.frombuffer(collected.pop(name), dtype=_TYPECODES[name])[order]
        return Citers(ids, columns, {name: codes.words for name, codes in self._codes.items()})

    def _node_columns(self, ids: list[str]) -> dict[str, np.ndarray]:
        """Node columns of the citing side, and each node's rank in answer order (its date, then its id)."""
        if len(self._nodes) != len(ids):
            raise ValueError(f"{len(self._nodes)} nodes passed for {len(ids)} ids")
        dates, years, province, province_now, level, type_ = (list(c) for c in zip(*self._nodes, strict=True)) \
            if ids else ([], [], [], [], [], [])
        self._nodes = []
        rank = np.empty(len(ids), dtype=np.int64)
        rank[np.lexsort((np.array(ids, dtype=np.str_), np.array([d or "" for d in dates], dtype=np.str_)))] = \
            np.arange(len(ids))
        provinces, words = self._codes["provinces"], self._codes["words"]
        return {
            "node_date": np.array([d or (str(y) if y else "") for d, y in zip(dates, years, strict=True)],
                                  dtype=np.str_),
            "node_province": provinces.column(province),
            "node_province_now": provinces.column(province_now),
            "node_level": words.column(level),
            "node_type": words.column(type_),
            "rank": rank,
        }
