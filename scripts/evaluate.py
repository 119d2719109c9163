"""Score the extractor on every gold file under corpora/ and print the figures.

python scripts/evaluate.py [-v] [--variant NAME | --variants] [GOLD_FILE ...]

--variant scores the texts as people also write them (upper or lower case, without diacritics, on one
line, with NBSP or Ð): the same gold, since each variant keeps every character at its offset. --variants prints one
row of figures per variant.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vbpl.evaluation import VARIANTS, Score, gold_files, score_file

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="gold files (default: all under corpora/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--variant", choices=sorted(VARIANTS), help="score the texts written this way")
    which.add_argument("--variants", action="store_true", help="one row of figures per variant")
    args = parser.parse_args()
    files = args.files or gold_files(ROOT / "corpora")
    if args.variants:
        return _variants(files)
    total = Score()
    for path in files:
        s = score_file(path, args.variant)
        total.add(s)
        flag = "" if s.fp == s.fn == 0 else "  <-"
        print(
            f"{path.name:48} tp={s.tp:3} fp={s.fp:2} fn={s.fn:2} rel={s.relation_ok}/{s.relation_total}{flag}"
        )
    if args.verbose:
        for e in total.errors:
            print("  " + e)
    print(
        f"\n{len(files)} documents, {total.tp + total.fn} cited documents in gold, {total.relation_total} mentions"
        + (f", written {args.variant}" if args.variant else "")
    )
    for name, value in total.figures().items():
        print(f"{name:10} {value:.4f}")
    return 0


def _variants(files: list[Path]) -> int:
    rows = {"as written": None, **{name: name for name in VARIANTS}}
    names = list(Score().figures())
    print(f"{'text':16}" + "".join(f"{n:>10}" for n in names))
    for label, variant in rows.items():
        total = Score()
        for path in files:
            total.add(score_file(path, variant))
        print(f"{label:16}" + "".join(f"{v:10.4f}" for v in total.figures().values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
