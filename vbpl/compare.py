"""Task coverage of two plans: which tasks of one have a counterpart in the other, and how close they are.

Tasks are matched one to one with rapidfuzz on folded text (token-based, so word order and the plan's own
phrasing matter less), best pairs first; a pair below the floor is no match, and each plan keeps the tasks
the other does not cover.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex
from rapidfuzz import fuzz, process

from vbpl.tasks import Task
from vbpl.text import fold

MATCH_FLOOR = 60.0  # score (0-100) below which two tasks are not the same task
COMMON_SHARE = 0.4  # a word in more than this share of both plans' tasks says nothing about which task it is


@dataclass(frozen=True, slots=True)
class TaskPair:
    a: Task
    b: Task
    score: float


@dataclass(slots=True)
class Coverage:
    pairs: list[TaskPair] = field(default_factory=list)
    only_a: list[Task] = field(default_factory=list)
    only_b: list[Task] = field(default_factory=list)


def task_score(a: str, b: str, **_: object) -> float:
    """Token-set and token-sort ratio averaged: a short task inside a long one is close, not identical."""
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 2


def _words(task: Task) -> list[str]:
    """What a task is compared by: the words of its own text and of the heading of the group it belongs to."""
    group = task.section.rsplit(" › ", 1)[-1] if " › " in task.section else ""
    return regex.findall(r"\w+", fold(f"{group} {task.text}"))


def _without_common(tasks: list[list[str]]) -> list[str]:
    """Drop the words most tasks share ("năng suất", "chất lượng", "các"): they make every pair look alike."""
    frequency = Counter(w for words in tasks for w in set(words))
    common = {w for w, n in frequency.items() if n > COMMON_SHARE * len(tasks)}
    return [" ".join(w for w in words if w not in common) for words in tasks]


def compare(a: list[Task], b: list[Task], floor: float = MATCH_FLOOR) -> Coverage:
    """Match the tasks of plan A with those of plan B, greedily by score, one to one."""
    coverage = Coverage()
    if not a or not b:
        return Coverage([], list(a), list(b))
    texts = _without_common([_words(t) for t in (*a, *b)])
    scores = process.cdist(texts[: len(a)], texts[len(a) :], scorer=task_score)
    ranked = sorted(((float(scores[i][j]), i, j) for i in range(len(a)) for j in range(len(b))), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for score, i, j in ranked:
        if score < floor:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        coverage.pairs.append(TaskPair(a[i], b[j], round(score, 1)))
    coverage.pairs.sort(key=lambda p: p.a.start)
    coverage.only_a = [t for i, t in enumerate(a) if i not in used_a]
    coverage.only_b = [t for j, t in enumerate(b) if j not in used_b]
    return coverage
