"""The extractor against the gold annotations of the bundled corpus (corpora/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbpl.evaluation import Score, gold_files, score_file

CORPORA = Path(__file__).resolve().parent.parent / "corpora"

# The bars the extractor is held to: a change that drops any figure below its bar fails.
BARS = {"precision": 0.99, "recall": 0.99, "date": 0.99, "type": 0.99, "relation": 0.95, "self": 0.99}


@pytest.fixture(scope="module")
def total() -> Score:
    files = gold_files(CORPORA)
    assert len(files) >= 45, "the bundled corpus lost gold files"
    score = Score()
    for path in files:
        score.add(score_file(path))
    return score


@pytest.mark.parametrize("figure", sorted(BARS))
def test_bar(total: Score, figure: str) -> None:
    value = total.figures()[figure]
    assert value >= BARS[figure], f"{figure} fell to {value:.4f}:\n" + "\n".join(total.errors[:40])


def test_gold_files_are_well_formed() -> None:
    import subprocess
    import sys

    script = CORPORA.parent / "scripts" / "check_gold.py"
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout


def test_seeds_are_byte_identical_to_the_originals() -> None:
    shared = CORPORA.parent.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("the original seeds are not beside this checkout")
    for original in shared.glob("*.txt"):
        assert (CORPORA / "seeds" / original.name).read_bytes() == original.read_bytes()


# Floors for the same texts written as people also write them (`scripts/evaluate.py --variants`): upper case and no
# diacritics are real (all-caps pages, old web pages and mail); a change that loses what they read fails. Whole
# texts in lower case or on one line are no form people write, so they are measured but not held to a floor.
VARIANT_FLOORS = {
    "upper": {"precision": 0.98, "recall": 0.98, "date": 0.98, "relation": 0.96, "self": 0.98},
    "no-diacritics": {"precision": 0.985, "recall": 0.985, "date": 0.985, "relation": 0.975, "self": 0.98},
    "nbsp": BARS,
    "Ð (U+00D0)": BARS,
}


@pytest.mark.parametrize("variant", sorted(VARIANT_FLOORS))
def test_variant_floor(variant: str) -> None:
    score = Score()
    for path in gold_files(CORPORA):
        score.add(score_file(path, variant))
    figures = score.figures()
    low = {name: round(figures[name], 4) for name, floor in VARIANT_FLOORS[variant].items() if figures[name] < floor}
    assert not low, f"{variant}: {low}\n" + "\n".join(score.errors[:40])
