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
