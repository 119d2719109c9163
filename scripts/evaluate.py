"""Score the extractor on every gold file under corpora/ and print the figures.

python scripts/evaluate.py [-v] [GOLD_FILE ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vbpl.evaluation import Score, gold_files, score_file

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="gold files (default: all under corpora/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    files = args.files or gold_files(ROOT / "corpora")
    total = Score()
    for path in files:
        s = score_file(path)
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
    )
    for name, value in total.figures().items():
        print(f"{name:10} {value:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
