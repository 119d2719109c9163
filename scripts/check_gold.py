"""Check that every gold file in corpora/ is well-formed: offsets, text, references, fields."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from vbpl import models

ROOT = Path(__file__).resolve().parent.parent
RELATIONS = set(models.RELATIONS)
FORMS = {"full", "short", "defined", "list", "number_only", "name"}
KINDS = {"number", "name"}


def check(gold_path: Path) -> list[str]:
    errors: list[str] = []
    text_path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")
    if not text_path.exists():
        return [f"{gold_path}: no text file {text_path.name}"]
    text = text_path.read_bytes().decode("utf-8")
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"{gold_path}: invalid JSON: {exc}"]
    for key in ("source", "document", "documents", "citations"):
        if key not in gold:
            errors.append(f"{gold_path}: missing key {key!r}")
    docs = gold.get("documents", {})
    for name, doc in docs.items():
        if doc.get("kind") not in KINDS:
            errors.append(f"{gold_path}: document {name}: kind {doc.get('kind')!r}")
        if not doc.get("symbol") and not doc.get("name"):
            errors.append(f"{gold_path}: document {name}: neither symbol nor name")
    previous = -1
    for i, cit in enumerate(gold.get("citations", [])):
        where = f"{gold_path}: citation {i} {cit.get('text')!r}"
        start, end = cit.get("start"), cit.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
            errors.append(f"{where}: bad span {start}..{end}")
            continue
        if text[start:end] != cit.get("text"):
            errors.append(f"{where}: text[start:end] is {text[start:end]!r}")
        if start < previous:
            errors.append(f"{where}: not in text order")
        previous = start
        if cit.get("doc") not in docs:
            errors.append(f"{where}: unknown doc {cit.get('doc')!r}")
        if cit.get("relation") not in RELATIONS:
            errors.append(f"{where}: relation {cit.get('relation')!r}")
        if cit.get("form") not in FORMS:
            errors.append(f"{where}: form {cit.get('form')!r}")
    for ph in gold.get("placeholders", []):
        if text[ph["start"] : ph["end"]] != ph["text"]:
            errors.append(f"{gold_path}: placeholder {ph['text']!r} does not match its span")
    unused = set(docs) - {c.get("doc") for c in gold.get("citations", [])}
    if unused:
        errors.append(f"{gold_path}: documents never cited: {sorted(unused)}")
    return errors


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted((ROOT / "corpora").rglob("*.gold.json"))
    errors = [e for p in paths for e in check(p)]
    for e in errors:
        print(e)
    print(f"{len(paths)} gold files, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
