"""Score the extractor against gold annotations (the format of corpora/README.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vbpl.extract import extract
from vbpl.models import Citation
from vbpl.text import fold, same_name, strip_diacritics, symbol_key

SELF_FIELDS = ("type", "symbol", "date", "placeholder")
# The same texts as people also write them. Each keeps every character at its offset, so the gold spans still hold.
VARIANTS: dict[str, Callable[[str], str]] = {
    "upper": str.upper,
    "lower": str.lower,
    "no-diacritics": strip_diacritics,
    "one-line": lambda t: t.replace("\n", " "),
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "Ð (U+00D0)": lambda t: t.replace("Đ", "Ð"),
}


@dataclass(slots=True)
class Score:
    """Counts over one or many gold files."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    date_ok: int = 0
    type_ok: int = 0
    relation_ok: int = 0
    relation_total: int = 0
    self_ok: int = 0
    self_total: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in (
            "tp",
            "fp",
            "fn",
            "date_ok",
            "type_ok",
            "relation_ok",
            "relation_total",
            "self_ok",
            "self_total",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_ok / self.tp if self.tp else 1.0

    @property
    def type_accuracy(self) -> float:
        return self.type_ok / self.tp if self.tp else 1.0

    @property
    def relation_accuracy(self) -> float:
        return self.relation_ok / self.relation_total if self.relation_total else 1.0

    @property
    def self_accuracy(self) -> float:
        return self.self_ok / self.self_total if self.self_total else 1.0

    def figures(self) -> dict[str, float]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "date": self.date_accuracy,
            "type": self.type_accuracy,
            "relation": self.relation_accuracy,
            "self": self.self_accuracy,
        }


def _predicted_documents(citations: list[Citation]) -> dict[str, Citation]:
    """One representative citation per predicted document id (the fullest)."""
    docs: dict[str, Citation] = {}
    for c in citations:
        if c.id not in docs or (c.date and not docs[c.id].date):
            docs[c.id] = c
    return docs


def _match(gold: dict, pred: Citation) -> bool:
    if gold.get("symbol") and pred.symbol:
        return symbol_key(gold["symbol"]) == symbol_key(pred.symbol)
    if gold.get("name") and pred.name:
        gy, py = gold.get("year"), pred.year
        return same_name(gold["name"], pred.name) and (gy is None or py is None or gy == py)
    return False


def score_file(gold_path: Path, variant: str | None = None) -> Score:
    """The extractor's score on one gold file, on its text as written or as a variant of it (see VARIANTS)."""
    text_path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")
    text = text_path.read_bytes().decode("utf-8")
    if variant is not None:
        changed = VARIANTS[variant](text)
        if len(changed) != len(text):
            raise ValueError(f"{text_path.name}: the {variant} variant moves characters")
        text = changed
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = extract(text)
    score = Score()
    name = text_path.name
    pred_docs = _predicted_documents(result.citations)
    matched_pred: dict[str, str] = {}
    for key, doc in gold["documents"].items():
        hit = next((pid for pid, c in pred_docs.items() if pid not in matched_pred and _match(doc, c)), None)
        if hit is None:
            score.fn += 1
            score.errors.append(f"{name}: missed {doc.get('type')} {doc.get('symbol') or doc.get('name')}")
            continue
        matched_pred[hit] = key
        score.tp += 1
        c = pred_docs[hit]
        if (doc.get("date") or None) == c.date:
            score.date_ok += 1
        else:
            score.errors.append(
                f"{name}: date of {doc.get('symbol') or doc.get('name')}: {c.date} != {doc.get('date')}"
            )
        if doc.get("type") == c.type:
            score.type_ok += 1
        else:
            score.errors.append(
                f"{name}: type of {doc.get('symbol') or doc.get('name')}: {c.type} != {doc.get('type')}"
            )
    for pid, c in pred_docs.items():
        if pid not in matched_pred:
            score.fp += 1
            score.errors.append(f"{name}: spurious {c.type} {c.symbol or c.name} at {c.start} {c.text!r}")
    for g in gold["citations"]:
        over = next((c for c in result.citations if c.start < g["end"] and g["start"] < c.end), None)
        if over is None:
            continue
        score.relation_total += 1
        if over.relation == g["relation"]:
            score.relation_ok += 1
        else:
            score.errors.append(
                f"{name}: relation at {g['start']} {g['text']!r}: {over.relation} != {g['relation']}"
            )
    gdoc = gold.get("document")
    pdoc = result.document
    for fname in SELF_FIELDS:
        want = (gdoc or {}).get(fname)
        got = getattr(pdoc, fname) if pdoc else None
        if fname == "placeholder":
            want, got = bool(want), bool(got)
        score.self_total += 1
        if (fold(want) if isinstance(want, str) else want) == (fold(got) if isinstance(got, str) else got):
            score.self_ok += 1
        else:
            score.errors.append(f"{name}: document {fname}: {got!r} != {want!r}")
    return score


def gold_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.gold.json"))
