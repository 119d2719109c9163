"""Corpus-wide resolution: every stored citation to one document node, or to ranked candidates.

Extraction already gives each citation an id (`type/symbol[/year][@province]`) from what its own
text says. Here the whole corpus is known, so a reference that says less ("Nghị quyết 20/2021",
"Luật Ngân sách nhà nước", "61/2018/NĐCP") is matched against every document the corpus knows of:
ingested ones (their header) and ones only cited. A match that is not unique stays a list of
candidates: a wrong silent guess would put a plan under the wrong national decision.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex
from rapidfuzz import fuzz

from vbpl.document import issuer_from_symbol, level_of
from vbpl.find import find_mentions
from vbpl.identity import link, slug, symbol_slug
from vbpl.store import CITATION_ROW
from vbpl.text import fold, name_key, rx, same_name, squash
from vbpl.vocab import NAMED_TYPES, vocabulary

# Confidence of each way a reference can be tied to its document.
CONFIDENCE = {"header": 1.0, "exact": 1.0, "symbol": 0.9, "partial": 0.85, "name": 0.9, "name-only": 0.7}
FUZZY_FLOOR = 85.0  # rapidfuzz ratio below which a damaged symbol is not matched at all
TITLE_FLOOR = 80.0  # partial-ratio below which a title is not taken as naming a document
TITLE_WORDS = 6  # a typed reference longer than this is read as a title, not a number
# Words of a trích yếu before the title of what the document itself issues (folded).
ISSUING_VERBS = ("phe duyet", "ban hanh")
_NUMBER = regex.compile(r"^\s*(\d+)")
_LETTER = regex.compile(r"\p{L}")
_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# A symbol as officials write it: 1322/QĐ-TTg, 35/2021/TT-BTC, 38-CT/TW, 90/2025/UBTVQH15.
_WELL_FORMED = regex.compile(r"^\d+(?:/(?:19|20)\d\d)?(?:/|-)\p{Lu}[\p{L}\d&.]*(?:[-/]\p{Lu}?[\p{L}\d&.]*)*$")
# Digits that OCR reads as letters, in the number part of a symbol.
_OCR_DIGITS = str.maketrans({"o": "0", "O": "0", "l": "1", "I": "1", "i": "1", "S": "5", "B": "8"})
C = {name.strip('"'): i for i, name in enumerate(CITATION_ROW)}  # column -> position in a citation row


@dataclass(slots=True)
class Node:
    """One document: ingested (it has a header) or known only because something cites it."""

    id: str
    type: str | None = None
    symbol: str | None = None
    year: int | None = None
    name: str | None = None
    province: str | None = None
    province_now: str | None = None
    level: str | None = None
    document_id: int | None = None  # the ingested document, when its text is in the corpus
    dates: Counter[str] = field(default_factory=Counter)
    issuers: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    header: dict[str, Any] = field(default_factory=dict)  # what the document's own header says
    aliases: set[str] = field(default_factory=set)  # other ids merged into this node

    @property
    def in_corpus(self) -> bool:
        return self.document_id is not None

    @property
    def number(self) -> str | None:
        return _number(self.symbol or "")

    def _pick(self, attribute: str, observed: Counter[str]) -> tuple[Any, str | None]:
        if self.header.get(attribute):
            return self.header[attribute], "header"
        if observed:
            value, count = observed.most_common(1)[0]
            return value, f"{count} of {sum(observed.values())} citations"
        return None, None

    @property
    def date(self) -> str | None:
        return self._pick("date", self.dates)[0]

    @property
    def issuer(self) -> str | None:
        return self._pick("issuer", self.issuers)[0]

    @property
    def title(self) -> str | None:
        return self._pick("title", self.titles)[0]

    def attributes(self) -> dict[str, Any]:
        """Flat attributes for the graph, with where each came from (`source_<attr>`)."""
        out: dict[str, Any] = {
            "type": self.type,
            "symbol": self.symbol,
            "name": self.name,
            "year": self.year,
            "province": self.province,
            "province_now": self.province_now,
            "level": self.level or level_of(self.issuer),
            "in_corpus": self.in_corpus,
            "document_id": self.document_id,
        }
        for attribute, observed in (("date", self.dates), ("issuer", self.issuers), ("title", self.titles)):
            value, source = self._pick(attribute, observed)
            out[attribute], out[f"source_{attribute}"] = value, source
        if len(self.dates) > 1:
            out["dates_observed"] = dict(self.dates)
        return out

    def dump(self, attributes: Mapping[str, Any] | None) -> str:
        """The node as JSON for the kept resolution (`Store.save_graph`): observations in the order they were
        made, so that `load` gives back the same majority and tie-breaks; the graph's attributes (`attributes()`)
        when it is in the graph (computed once at resolution rather than at every build)."""
        return json.dumps([self.type, self.symbol, self.year, self.name, self.province, self.province_now,
                           self.level, self.document_id, list(self.dates.items()), list(self.issuers.items()),
                           list(self.titles.items()), self.header, sorted(self.aliases),
                           attributes], ensure_ascii=False)

    @classmethod
    def load(cls, node_id: str, data: list[Any]) -> tuple[Node, dict[str, Any] | None]:
        """A node from `dump` (parsed), and its graph attributes (None: only in the index, for lookups)."""
        (type_, symbol, year, name, province, province_now, level, document_id, dates, issuers, titles, header,
         aliases, attributes) = data
        return cls(node_id, type_, symbol, year, name, province, province_now, level, document_id, _counter(dates),
                   _counter(issuers), _counter(titles), header, set(aliases)), attributes

    def label(self) -> str:
        """How a person names the document: 'Quyết định 1322/QĐ-TTg (2020-08-31)'."""
        what = self.symbol or self.name or self.id
        head = f"{self.type} {what}" if self.type and not (self.name and not self.symbol) else what
        when = self.date or (str(self.year) if self.year else "")
        return f"{head} ({when})" if when else head


def _counter(pairs: list[list[Any]]) -> Counter[Any]:
    """A Counter from (value, count) pairs in their order; `Counter.__init__` costs more than the data here,
    for the ~200k nodes a build loads (the three counters of every node)."""
    counter: Counter[Any] = Counter.__new__(Counter)
    dict.update(counter, pairs)  # type: ignore[arg-type]  # JSON's [value, count] lists are pairs to dict.update
    return counter


@dataclass(frozen=True, slots=True)
class Resolution:
    """Which node a citation means, how that was decided and how sure it is."""

    node: str | None
    method: str
    confidence: float
    candidates: tuple[tuple[str, float], ...] = ()


@dataclass(slots=True)
class RefQuery:
    """What a reference (or what a person typed) says about a document: any part may be missing."""

    type: str | None = None
    number: str | None = None
    year: int | None = None
    codes: tuple[str, ...] = ()  # folded codes: ('qd', 'ttg')
    province: str | None = None  # slug, for local codes
    issuer: str | None = None  # as written: its level must agree with the node's ('Nghị quyết 15 của Quốc hội')
    text: str = ""


@dataclass(slots=True)
class Context:
    """What the citing document tells about an incomplete reference: where, when, and what else it cites."""

    province: str | None = None
    year: int | None = None
    cited: frozenset[str] = frozenset()


# A merged id's own dated citations, its symbol, whether it was ingested, its name and year.
AliasFacts = tuple[int, str | None, bool, str | None, int | None]


def alias_facts(node: Node) -> AliasFacts:
    """What a merge of `node` into another was decided on (its own counts: those of the node it merged into
    include its own), so that a later addition can tell whether the merge still holds."""
    return node.dates.total(), node.symbol, node.in_corpus, node.name, node.year


@dataclass(slots=True)
class Resolved:
    """The corpus after resolution: its nodes and one resolution per citation row id."""

    nodes: dict[str, Node]
    resolutions: dict[int, Resolution]
    document_nodes: dict[int, str]  # store document id -> node id
    index: NodeIndex
    merged: dict[str, Resolution] = field(default_factory=dict)  # ids merged into another node -> how
    facts: dict[str, AliasFacts] = field(default_factory=dict)  # what decided each merge (`alias_facts`)


# --- ids ---------------------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _local(type_: str, codes: str) -> bool:
    """Whether a symbol's codes are issued by a local body, decided by the extractor's own rules."""
    records = link(find_mentions(f"{type_} số 1{codes}"), "Hà Nội")
    return bool(records) and "@" in records[0].id


def header_node_id(document_id: int, type_: str | None, symbol: str | None, year: int | None,
                   province: str | None) -> str:
    """The id a citation of this document would carry, so that citations of an ingested document land on it.

    A document without a number (a draft plan) cannot be cited by number; it gets an id of its own.
    """
    kind = slug(type_ or "van-ban")
    number = _NUMBER.match(symbol) if symbol else None
    if not symbol or number is None:
        ident = f"{kind}/so-chua-co-{document_id}"
        return ident + (f"@{slug(province)}" if province else "")
    ident = f"{kind}/{symbol_slug(symbol)}"
    if year and str(year) not in symbol:
        ident += f"/{year}"
    if _local(type_ or "Văn bản", symbol[len(number.group(1)) :]):
        ident += f"@{slug(province) if province else 'unknown'}"
    return ident


def split_id(node_id: str) -> tuple[str, str, int | None, str | None]:
    """'nghi-quyet/20-2021-nq-hdnd@dong-nai' -> ('nghi-quyet', '20-2021-nq-hdnd', None, 'dong-nai')."""
    body, _, province = node_id.partition("@")
    parts = body.split("/")
    year = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
    return parts[0], parts[1] if len(parts) > 1 else "", year, province or None


@lru_cache(maxsize=1 << 18)
def _number(symbol: str) -> str | None:
    m = _NUMBER.match(symbol)
    return m.group(1) if m else None


@lru_cache(maxsize=1 << 18)
def compact(symbol: str) -> str:
    """Symbol key that survives lost separators and OCR digits: '61/2018/NĐCP' ~ '61/2018/NĐ-CP'."""
    m = _NUMBER.match(symbol)
    head = ""
    if m is None:
        digits = rx(r"^\s*([0-9oOlIiSB]+)(?=[/-])").match(symbol)
        if digits:
            head, symbol = digits.group(1).translate(_OCR_DIGITS), symbol[digits.end() :]
    return head + rx(r"[^a-z0-9]").sub("", fold(symbol))


@lru_cache(maxsize=1 << 16)
def well_formed(symbol: str) -> bool:
    return bool(_WELL_FORMED.match(symbol.strip()))


# --- the index of known documents ---------------------------------------------------------------------------


class NodeIndex:
    """Lookups over the known nodes: by number, by compact symbol, by law name, by title."""

    def __init__(self, nodes: dict[str, Node]) -> None:
        self.nodes = nodes
        self.by_number: dict[str, list[str]] = defaultdict(list)
        self.by_compact: dict[str, list[str]] = defaultdict(list)
        self.laws: dict[str, list[str]] = defaultdict(list)  # first word of the name key -> law nodes
        # What `_fit` needs of a query alone, memoised: a million citations ask a few thousand distinct questions.
        self._fits: dict[tuple[Any, ...], list[tuple[str, float, str | None, int | None]]] = {}
        for node in nodes.values():
            self.add(node)

    def add(self, node: Node) -> None:
        """Index a node; a partial reference ('20/2021') is not a document of its own and is left out."""
        if node.number and _LETTER.search(node.symbol or ""):
            self.by_number[node.number].append(node.id)
            self.by_compact[compact(node.symbol or "")].append(node.id)
        if node.name:
            self.laws[_law_bucket(node.name)].append(node.id)
        self._fits.clear()

    def forget(self) -> None:
        """Forget what was memoised of the nodes (their type or year changed)."""
        self._fits.clear()

    def index_laws(self) -> None:
        """Index law names again, in node order (merging gives names to nodes that had none)."""
        self.laws.clear()
        for node in self.nodes.values():
            if node.name:
                self.laws[_law_bucket(node.name)].append(node.id)

    def discard(self, node: Node) -> None:
        """Take a node out (it was merged into another), keeping the order of the others."""
        for table, key in ((self.by_number, node.number), (self.by_compact, compact(node.symbol or "")),
                           (self.laws, _law_bucket(node.name) if node.name else None)):
            if key is not None and node.id in table.get(key, ()):
                table[key].remove(node.id)
        self.nodes.pop(node.id, None)
        self._fits.clear()

    def match(self, query: RefQuery, context: Context | None = None) -> list[tuple[str, float]]:
        """Nodes that fit every part the query gives, best first, with a score in [0, 1]."""
        if not query.number:
            return []
        key = (query.type, query.number, query.year, query.codes, query.issuer)
        fits = self._fits.get(key)
        if fits is None:
            fits = self._fits[key] = [
                (node_id, score, split_id(node_id)[3], self.nodes[node_id].year)
                for node_id in self.by_number.get(query.number, ())
                if (score := _fit_alone(self.nodes[node_id], query)) > 0
            ]
        scored = []
        for node_id, score, node_province, node_year in fits:
            score = _fit_context(score, node_id, node_province, node_year, query, context)
            if score > 0:
                scored.append((node_id, score))
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        return scored

    def similar_symbols(self, symbol: str, type_: str | None, limit: int = 5) -> list[tuple[str, float]]:
        """Known numbered nodes whose symbol is close to a damaged one, by rapidfuzz ratio (0-100)."""
        key = compact(symbol)
        number = rx(r"\d+").match(key)
        pool = self.by_number.get(number.group(0), ()) if number else ()
        scored = [
            (node_id, fuzz.ratio(key, compact(self.nodes[node_id].symbol or "")))
            for node_id in pool
            if type_ is None or self.nodes[node_id].type in (type_, None)
        ]
        return sorted((p for p in scored if p[1] >= FUZZY_FLOOR), key=lambda p: (-p[1], p[0]))[:limit]

    def laws_named(self, name: str) -> list[str]:
        return [i for i in self.laws.get(_law_bucket(name), ()) if same_name(self.nodes[i].name or "", name)]

    def by_title(self, title: str, limit: int = 5) -> list[tuple[str, float]]:
        """Nodes whose known title (header or trích yếu) contains the given title, by rapidfuzz score."""
        wanted = fold(squash(title))
        if len(wanted) < 20:
            return []
        scored = []
        for node in self.nodes.values():
            titles = set(node.titles) | ({node.header["title"]} if node.header.get("title") else set())
            best = max((_title_score(wanted, fold(squash(t))) for t in titles), default=0.0)
            if best >= TITLE_FLOOR:
                scored.append((node.id, best))
        return sorted(scored, key=lambda p: (-p[1], p[0]))[:limit]

    def closest(self, text: str, limit: int = 5) -> list[tuple[str, float]]:
        """Suggestions for something that matched nothing: closest labels, by rapidfuzz WRatio."""
        from rapidfuzz import process

        labels = {node_id: fold(node.label()) for node_id, node in self.nodes.items()}
        found = process.extract(fold(text), labels, scorer=fuzz.WRatio, limit=limit)
        return [(key, score) for _, score, key in found]


def _title_score(wanted: str, title: str) -> float:
    """A trích yếu that issues the named thing ('phê duyệt Chương trình …') beats one that only uses it."""
    score = fuzz.partial_ratio(wanted, title)
    issues = regex.search(rf"(?:{'|'.join(ISSUING_VERBS)})\s+{regex.escape(wanted[:15])}", title)
    return score if issues else score * 0.9


def _law_bucket(name: str) -> str:
    words = name_key(name).split()
    return " ".join(words[:2])


def _fit_alone(node: Node, query: RefQuery) -> float:
    """How well a node fits a loose reference, before the citing text's context; 0 when some part contradicts it."""
    if query.type and node.type and fold(query.type) != fold(node.type):
        return 0.0
    if query.year and node.year and query.year != node.year:
        return 0.0
    node_codes = set(rx(r"[-/]").split(fold(node.symbol or ""))[1:])
    if any(code not in node_codes for code in query.codes):
        return 0.0
    if query.issuer and node.symbol:
        mine, theirs = level_of(query.issuer), level_of(issuer_from_symbol(node.symbol))
        if mine and theirs and mine != theirs:
            return 0.0
    return 0.6 + 0.1 * bool(query.type) + 0.1 * bool(query.year) + 0.05 * len(query.codes)


def _fit_context(score: float, node_id: str, node_province: str | None, node_year: int | None, query: RefQuery,
                 context: Context | None) -> float:
    """The context-free score adjusted for where and when the citing text was written, and what else it cites."""
    province = query.province or (context.province if context else None)
    if node_province and province:
        if node_province != province:
            return 0.0 if query.province else score * 0.3
        score += 0.1
    if context:
        if context.year and node_year and node_year > context.year:
            return 0.0  # a text cannot cite a document issued after it
        if node_id in context.cited:
            score += 0.1
    return min(score, 1.0)


# --- parsing what people type ------------------------------------------------------------------------------


def parse_ref(text: str) -> RefQuery:
    """Read a loose reference: '1322/QĐ-TTg', 'qd 1322 ttg', 'Quyết định 1322/2020', 'nghị quyết 20/2021'."""
    vocab = vocabulary()
    folded = fold(squash(text))
    query = RefQuery(text=text)
    for word in sorted(vocab.type_by_word, key=len, reverse=True):
        if regex.match(rf"{regex.escape(word)}(?!\w)", folded):
            query.type = vocab.type_by_word[word]
            folded = folded[len(word) :]
            break
    number = regex.search(r"(?<![\w])(\d+)(?!\d)", folded)
    if number is None:
        return query
    query.number = number.group(1)
    rest = folded[: number.start()] + " " + folded[number.end() :]
    year = _YEAR.search(rest)
    if year:
        query.year = int(year.group(1))
        rest = rest[: year.start()] + rest[year.end() :]
    rest = regex.sub(r"\b(so|ngay)\b", " ", rest)
    codes = tuple(c for c in regex.split(r"[^a-z0-9]+", rest) if c)
    query.codes = codes
    if query.type is None:
        for code in codes:
            if code in vocab.type_by_code and code not in vocab.issuers:
                query.type = vocab.type_by_code[code]
                break
    return query


def lookup(text: str, index: NodeIndex) -> Resolution:
    """What a person means by `text`: a node id, a symbol in any spelling, a title or a law's name."""
    text = text.strip()
    if text in index.nodes:
        return Resolution(text, "exact", 1.0)
    query = parse_ref(text)
    if query.number and len(text.split()) <= TITLE_WORDS:
        found = index.match(query)
        if not found:
            fuzzy = index.similar_symbols(text, query.type)
            if fuzzy:
                return _decide([(i, s / 100) for i, s in fuzzy], "fuzzy")
        best = [f for f in found if f[1] == found[0][1]] if found else []
        exact = [i for i, _ in found if compact(index.nodes[i].symbol or "") == compact(text)]
        if len(exact) == 1:
            return Resolution(exact[0], "exact", 1.0)
        return _decide(best if len(best) == 1 else found, "partial")
    laws = index.laws_named(text)
    if laws:
        return _decide([(i, CONFIDENCE["name"]) for i in laws], "name")
    titled = index.by_title(text)
    if len(titled) > 1 and titled[0][1] > titled[1][1]:
        titled = titled[:1]
    return _decide([(i, s / 100) for i, s in titled], "title")


def _decide(scored: Sequence[tuple[str, float]], method: str) -> Resolution:
    if not scored:
        return Resolution(None, "unresolved", 0.0)
    if len(scored) == 1:
        return Resolution(scored[0][0], method, round(scored[0][1], 3))
    return Resolution(None, method, 0.0, tuple((i, round(s, 3)) for i, s in scored))


# --- the corpus --------------------------------------------------------------------------------------------


def resolve_corpus(documents: Iterable[Any], citations: Sequence[tuple[Any, ...]]) -> Resolved:
    """Resolve every citation row (`Store.citation_rows`) against the documents (`Store.document_rows`).

    Work is done per distinct cited id and per distinct question, not per row: a million citations name a
    few hundred thousand documents, and most of them resolve without looking at the citing text.
    """
    nodes: dict[str, Node] = {}
    document_nodes: dict[int, str] = {}
    contexts: dict[int, Context] = {}
    for d in documents:
        document_nodes[d["id"]] = apply_header(nodes, d)
        contexts[d["id"]] = document_context(d)
    columns = list(zip(*citations, strict=True)) or [()] * len(C)
    _observe(nodes, columns)
    cited_by_doc: dict[int, set[str]] = defaultdict(set)
    for document_id, cited_id in dict.fromkeys(zip(columns[C["document_id"]], columns[C["cited_id"]], strict=True)):
        cited_by_doc[document_id].add(cited_id)
    for document_id, cited in cited_by_doc.items():
        context = contexts.setdefault(document_id, Context())
        context.cited = frozenset(cited)
    del columns, cited_by_doc  # ~250 MB at 1M citations that the rest does not need (peak memory is the bar here)
    merged, index = _merge_spellings(nodes)
    recount(nodes, citations, merged)
    resolutions: dict[int, Resolution] = {}
    alone: dict[tuple[Any, ...], Resolution | None] = {}  # resolutions that do not depend on the citing text
    used: set[str] = set()
    for row in citations:
        key = (row[C["cited_id"]], row[C["symbol"]], row[C["kind"]])
        resolution = alone.get(key, _ASK)
        if resolution is _ASK:
            resolution = alone[key] = _resolve_alone(row, index, merged)
            if resolution is not None:
                used.add(resolution.node or "")
                used.update(i for i, _ in resolution.candidates)
        if resolution is None:
            resolution = _resolve_row(row, index, merged, contexts.get(row[C["document_id"]]))
            used.add(resolution.node or "")
            used.update(i for i, _ in resolution.candidates)
        resolutions[row[C["id"]]] = resolution
    facts = {old: alias_facts(nodes[old]) for old in merged}
    for node_id in list(nodes):
        if node_id in merged or (node_id not in used and not nodes[node_id].in_corpus):
            del nodes[node_id]
    return Resolved(nodes, resolutions, document_nodes, index, merged, facts)


def apply_header(nodes: dict[str, Node], d: Any) -> str:
    """Make (or complete) the node of an ingested document from its header row (`Store.document_rows`)."""
    node_id = header_node_id(d["id"], d["type"], None if d["placeholder"] else d["symbol"], d["year"],
                             d["province"])
    node = nodes.get(node_id) or nodes.setdefault(node_id, Node(node_id))
    node.type, node.symbol, node.year = d["type"], d["symbol"], d["year"]
    node.province, node.province_now, node.level = d["province"], d["province_now"], d["level"]
    node.document_id = d["id"]
    node.header = {"date": d["date"], "issuer": d["issuer"], "title": d["title"]}
    return node_id


def document_context(d: Any) -> Context:
    """What a document's header tells about its incomplete references: its province and year."""
    return Context(slug(d["province"]) if d["province"] else None, d["year"])


def resolve_row(row: tuple[Any, ...], index: NodeIndex, merged: dict[str, Resolution],
                context: Context | None) -> Resolution:
    """One citation row's resolution (what `resolve_corpus` decides for it, asked of one row)."""
    resolution = _resolve_alone(row, index, merged)
    return resolution if resolution is not None else _resolve_row(row, index, merged, context)


_ASK = Resolution(None, "", 0.0)  # marks a question not asked yet (None is an answer: "ask in context")


def _observe(nodes: dict[str, Node], columns: list[tuple[Any, ...]]) -> None:
    """Record what the citations say about the node each one's own id names (columns of citation rows).

    A node first seen in a citation takes that citation's type, symbol and year; a missing symbol, name or year
    is filled from the first citation that gives one; dates, issuers and titles are counted in citation order.
    """
    cited = columns[C["cited_id"]]
    first = dict(zip(reversed(cited), range(len(cited) - 1, -1, -1), strict=True))
    provinces = vocabulary().provinces
    for node_id in dict.fromkeys(cited):  # in order of first citation, as the index lists them
        if node_id not in nodes:
            at = first[node_id]
            _, _, year, province = split_id(node_id)
            node = nodes[node_id] = Node(node_id, columns[C["type"]][at], columns[C["symbol"]][at],
                                         columns[C["year"]][at] or year, columns[C["name"]][at])
            node.province = _province_name(province)
            if node.province:
                node.province_now = provinces.get(node.province)
    for attribute in ("name", "symbol", "year"):
        values = columns[C[attribute]]
        given = dict(itertools.compress(zip(reversed(cited), reversed(values), strict=True), reversed(values)))
        for node_id, value in given.items():
            node = nodes[node_id]
            if not getattr(node, attribute):
                setattr(node, attribute, value)
    for attribute, clean in (("dates", None), ("issuers", None), ("titles", squash)):
        values = columns[C[attribute[:-1]]]
        for (node_id, value), count in Counter(itertools.compress(zip(cited, values, strict=True), values)).items():
            getattr(nodes[node_id], attribute)[clean(value) if clean else value] += count


@lru_cache(maxsize=1)
def _province_slugs() -> dict[str, str]:
    return {slug(name): name for name in vocabulary().provinces}


def _province_name(province_slug: str | None) -> str | None:
    return _province_slugs().get(province_slug or "")


def _merge_spellings(nodes: dict[str, Node]) -> tuple[dict[str, Resolution], NodeIndex]:
    """Ids that are another node written differently: damaged symbols, and one law's names and number.

    Returns merged id -> the resolution that replaces it, and the index of the surviving nodes, which absorb
    the observations of the nodes merged into them.
    """
    merged: dict[str, Resolution] = {}
    groups: dict[tuple[str | None, str, int | None, str | None], list[Node]] = defaultdict(list)
    for node in nodes.values():
        if node.number and node.symbol:
            kind, _, year, province = split_id(node.id)
            groups[(kind, compact(node.symbol), year, province)].append(node)
    for group in groups.values():
        if len(group) < 2:
            continue
        keep = max(group, key=lambda n: (n.in_corpus, well_formed(n.symbol or ""), n.dates.total(), n.id))
        for node in group:
            if node is not keep:
                score = fuzz.ratio(fold(node.symbol or ""), fold(keep.symbol or "")) / 100
                merged[node.id] = Resolution(keep.id, "fuzzy", round(score, 3))
    survivors = {i: n for i, n in nodes.items() if i not in merged}
    index = NodeIndex(survivors)
    for node in survivors.values():
        if node.symbol and node.number and not node.in_corpus and not well_formed(node.symbol):
            close = [(i, s) for i, s in index.similar_symbols(node.symbol, node.type) if i != node.id]
            close = [(i, s) for i, s in close if well_formed(nodes[i].symbol or "")]
            if len(close) == 1 or (len(close) > 1 and close[0][1] > close[1][1]):
                merged[node.id] = Resolution(close[0][0], "fuzzy", round(close[0][1] / 100, 3))
    _merge_laws(nodes, merged)
    for old in merged:
        target = nodes[final(merged, old)]
        source = nodes[old]
        target.aliases |= {old, *source.aliases}
        target.name = target.name or source.name
    for old in merged:
        if old in index.nodes:
            index.discard(nodes[old])
    index.index_laws()
    return merged, index


def recount(nodes: dict[str, Node], rows: Sequence[tuple[Any, ...]], merged: dict[str, Resolution]) -> None:
    """Count again, in citation order, what the citations say about each node others merged into.

    A merged node's dates, issuers and titles are then those of every citation of it or of an id merged into
    it, each value in the order it was first observed, as for any other node: the majority and its tie-break
    do not depend on which spelling a citation used, and counting the citations of a later ingest on top of
    them gives the counters a resolution from scratch gives (`vbpl.resolve_delta`).
    """
    finals = {old: final(merged, old) for old in merged}
    targets = set(finals.values())
    for node_id in targets:
        node = nodes[node_id]
        node.dates, node.issuers, node.titles = Counter(), Counter(), Counter()
    observe_rows(nodes, rows, finals, targets)


def observe_rows(nodes: dict[str, Node], rows: Iterable[tuple[Any, ...]], finals: dict[str, str],
                 only: set[str] | None = None) -> None:
    """Add what each row says of its node's date, issuer and title (rows citing a merged id count for the node
    it merged into; `only` limits the nodes counted)."""
    i_cited, i_date, i_issuer, i_title = C["cited_id"], C["date"], C["issuer"], C["title"]
    for row in rows:
        node_id = finals.get(row[i_cited], row[i_cited])
        if only is not None and node_id not in only:
            continue
        node = nodes[node_id]
        if row[i_date]:
            node.dates[row[i_date]] += 1
        if row[i_issuer]:
            node.issuers[row[i_issuer]] += 1
        if row[i_title]:
            node.titles[squash(row[i_title])] += 1


def final(merged: dict[str, Resolution], node_id: str) -> str:
    seen = set()
    while node_id in merged and node_id not in seen:
        seen.add(node_id)
        node_id = merged[node_id].node or node_id
    return node_id


def _merge_laws(nodes: dict[str, Node], merged: dict[str, Resolution]) -> None:
    """One node per law: name+year ids merge into the numbered law of that name and year, spellings into one."""
    laws = [law_name(node, node.dates.total()) for node in nodes.values()
            if node.name and node.id not in merged and (node.type in NAMED_TYPES or node.type is None)]
    for old, into in law_merges(laws).items():
        merged[old] = Resolution(into, "name", CONFIDENCE["name"])


@dataclass(frozen=True, slots=True)
class LawName:
    """What decides whether a law's node is another's: its name, year, dated citations of its own, number."""

    id: str
    name: str
    year: int | None
    total: int
    numbered: bool


def law_name(node: Node, total: int) -> LawName:
    return LawName(node.id, node.name or "", node.year, total, bool(node.number))


def law_merges(laws: Iterable[LawName]) -> dict[str, str]:
    """Which laws named without a number are another node, and which: the numbered law of that name and year
    (the most cited, if several), else the most cited other unnumbered spelling of that name and year cited at
    least as often. Spellings are taken most cited first; the answer does not depend on the order given."""
    numbered: dict[str, list[LawName]] = defaultdict(list)
    by_name: dict[str, list[LawName]] = defaultdict(list)
    for law in laws:
        (numbered if law.numbered else by_name)[_law_bucket(law.name)].append(law)
    merges: dict[str, str] = {}

    def rank(law: LawName) -> tuple[int, str]:
        return law.total, law.id

    for bucket, named in by_name.items():
        for law in sorted(named, key=lambda n: (-n.total, n.id)):
            if law.id in merges or law.year is None:
                continue
            target = max((n for n in numbered.get(bucket, ()) if n.year == law.year and same_name(n.name, law.name)),
                         key=rank, default=None) or max(
                (n for n in named if n is not law and n.id not in merges and n.year == law.year
                 and same_name(n.name, law.name) and n.total >= law.total), key=rank, default=None)
            if target is not None:
                merges[law.id] = target.id
    return merges


def _resolve_alone(row: tuple[Any, ...], index: NodeIndex, merged: dict[str, Resolution]) -> Resolution | None:
    """The resolution when the cited id, symbol and kind decide it alone; None when the citing text's context does."""
    cited_id, symbol = row[C["cited_id"]], row[C["symbol"]]
    if cited_id in merged:
        return _resolve_row(row, index, merged, None)
    node = index.nodes[cited_id]
    if row[C["kind"]] == "name" and not symbol:
        return Resolution(node.id, "name", CONFIDENCE["name"]) if node.year else None
    if symbol and not _LETTER.search(symbol):
        return None
    if node.in_corpus or node.year or (symbol and _YEAR.search(symbol)):
        return Resolution(cited_id, "exact", CONFIDENCE["exact"])
    return None


def _resolve_row(row: tuple[Any, ...], index: NodeIndex, merged: dict[str, Resolution],
                 context: Context | None) -> Resolution:
    cited_id = row[C["cited_id"]]
    if cited_id in merged:
        first = merged[cited_id]
        return Resolution(final(merged, cited_id), first.method, first.confidence)
    node = index.nodes[cited_id]
    symbol = row[C["symbol"]]
    if row[C["kind"]] == "name" and not symbol:
        return _resolve_law_name(node, index, context)
    if symbol and not _LETTER.search(symbol):
        return _resolve_partial(row, node, index, context)
    if node.in_corpus or node.year or (symbol and _YEAR.search(symbol)):
        return Resolution(cited_id, "exact", CONFIDENCE["exact"])
    # A symbol without its year ("68/NQ-CP"): the unique dated document of that symbol, if the corpus has one.
    kind, _, _, province = split_id(cited_id)
    same = [
        i for i in index.by_compact.get(compact(symbol or ""), ())
        if i != cited_id and split_id(i)[0] == kind and split_id(i)[3] == province
        and (context is None or context.year is None or (index.nodes[i].year or 0) <= context.year)
    ]
    if len(same) == 1:
        return Resolution(same[0], "symbol", CONFIDENCE["symbol"])
    if len(same) > 1:
        return _candidates(same, index, context, "symbol")
    return Resolution(cited_id, "exact", CONFIDENCE["symbol"])


def _candidates(ids: Sequence[str], index: NodeIndex, context: Context | None, method: str) -> Resolution:
    """Several documents fit: rank them (already cited by the same text, then newest before the citing text)."""
    cited = context.cited if context else frozenset()
    ranked = sorted(ids, key=lambda i: (i not in cited, -(index.nodes[i].year or 0), i))
    total = len(ranked)
    return Resolution(None, method, 0.0, tuple((i, round(1 / total, 3)) for i in ranked))


def _resolve_partial(row: tuple[Any, ...], own: Node, index: NodeIndex, context: Context | None) -> Resolution:
    """'Nghị quyết 20/2021', 'Chỉ thị 20': the unique document of that number, year, type and scope."""
    symbol = row[C["symbol"]]
    year = _YEAR.search(symbol.split("/", 1)[1]) if "/" in symbol else None
    query = RefQuery(type=row[C["type"]], number=n.group(1) if (n := _NUMBER.match(symbol)) else None,
                     year=int(year.group(1)) if year else row[C["year"]], issuer=row[C["issuer"]])
    found = [(i, s) for i, s in index.match(query, context) if i != own.id and index.nodes[i].symbol != symbol]
    if not found:
        return Resolution(own.id, "partial", 0.5)
    top = [f for f in found if f[1] == found[0][1]]
    if len(top) == 1:
        return Resolution(top[0][0], "partial", round(CONFIDENCE["partial"] * top[0][1], 3))
    return Resolution(None, "partial", 0.0, tuple(found))


def _resolve_law_name(own: Node, index: NodeIndex, context: Context | None) -> Resolution:
    """A law by name: with its year it is that law; without, the versions known by that name, or itself."""
    if own.year:
        return Resolution(own.id, "name", CONFIDENCE["name"])
    versions = [i for i in index.laws_named(own.name or "") if index.nodes[i].year and i != own.id]
    if context and context.year:
        versions = [i for i in versions if (index.nodes[i].year or 0) <= context.year]
    if len(versions) == 1:
        return Resolution(versions[0], "name-only", CONFIDENCE["name-only"])
    if len(versions) > 1:
        return _candidates(versions, index, context, "name-only")
    return Resolution(own.id, "name", CONFIDENCE["name-only"])
