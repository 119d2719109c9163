"""A plan's tasks: numbered sections ("I.", "1.", "2.1."), lettered items ("a)") and annex task tables.

Comparing two plans task by task needs the tasks themselves, not the text: the leaves of the task sections
("NHIỆM VỤ VÀ GIẢI PHÁP", "NỘI DUNG THỰC HIỆN"), each with the headings above it, and the lead agency,
partners and deadline that the annex table (tab- or `|`-separated rows) assigns to it. Objectives, budget
and "tổ chức thực hiện" sections are not tasks. The cue words are data (vbpl/data/tasks.csv).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import regex
from rapidfuzz import fuzz

from vbpl.text import fold, squash

ANNEX_MATCH = 80.0  # rapidfuzz token-set score above which an annex row is the body task it lists
LABEL_WORDS = 6  # a leaf whose text starts with a label this short ("Mục tiêu:") is named by it
HEADING_CHARS = 120  # a heading's cue words are read in its first characters (or up to its colon)
_MARKUP = regex.compile(r"<[^>]{1,80}>|[*#>]+|^\s*\|\s*|\s*\|\s*$")
_ROMAN = regex.compile(r"^([IVX]{1,5})[.\s]\s*(\S.*)?$")
_NUMBERED = regex.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.\s+(\S.*)$|^(\d{1,2}(?:\.\d{1,2})+)\s+(\S.*)$")
_LETTERED = regex.compile(r"^([a-zđ])\)\s*(\S.*)$")
_BULLET = regex.compile(r"^[-+•]\s*(\S.*)$")
_END_OF_BODY = regex.compile(r"^(?:noi nhan|phu luc|trên đây)", regex.I)
_CELL_SPLIT = regex.compile(r"\t|\s+\|\s+")


@dataclass(slots=True)
class Task:
    """One task of a plan, with who leads it, who takes part and when it is due, where the plan says so."""

    key: str  # where it sits: "IV.2.b", or "annex 3" for a row with no counterpart in the body
    text: str
    section: str = ""  # the headings above it, outermost first
    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    deadline: str | None = None
    start: int = 0

    def to_dict(self) -> dict:
        return {"key": self.key, "text": self.text, "section": self.section, "lead": self.lead,
                "partners": self.partners, "deadline": self.deadline, "start": self.start}


@dataclass(slots=True)
class _Item:
    marker: str
    level: int
    heading: str
    start: int
    lines: list[str] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)
    parent: _Item | None = None
    deadline: str | None = None

    @property
    def key(self) -> str:
        chain: list[str] = []
        item: _Item | None = self
        while item is not None and item.level > 0:
            if not (chain and chain[-1].startswith(item.marker + ".")):  # "2.1" under "2" reads II.2.1
                chain.append(item.marker)
            item = item.parent
        return ".".join(reversed(chain))

    @property
    def text(self) -> str:
        return squash(" ".join([self.heading, *self.lines]))


@dataclass(frozen=True, slots=True)
class _Cues:
    by_role: dict[str, tuple[str, ...]]

    def has(self, role: str, folded: str) -> bool:
        return any(regex.search(rf"(?<!\w){regex.escape(c)}(?!\w)", folded) for c in self.by_role.get(role, ()))


@cache
def _cues() -> _Cues:
    roles: dict[str, list[str]] = defaultdict(list)
    with resources.files("vbpl.data").joinpath("tasks.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            roles[row["role"]].append(fold(row["cue"]))
    return _Cues({k: tuple(v) for k, v in roles.items()})


def parse_tasks(text: str) -> list[Task]:
    """The plan's tasks in text order: body tasks enriched from the annex, then annex rows the body lacks."""
    root, body_end = _outline(text)
    tasks: list[Task] = []
    groups: list[tuple[_Item, list[Task]]] = []
    _collect(root, tasks, groups, inside=False)
    for row in _annex_rows(text, body_end):
        if not _assign(row, tasks, groups):
            tasks.append(row)
    return tasks


def _clean(line: str) -> str:
    return _MARKUP.sub("", line).strip()


def _marker(line: str) -> tuple[str, int, str] | None:
    """(marker, level, heading) of a line that opens an item; None for a continuation line."""
    if m := _ROMAN.match(line):
        return m.group(1), 1, m.group(2) or ""
    if m := _NUMBERED.match(line):
        number = m.group(1) or m.group(3)
        return number, 1 + number.count(".") + 1, m.group(2) or m.group(4)
    if m := _LETTERED.match(line):
        return m.group(1), 5, m.group(2)
    return None


def _outline(text: str) -> tuple[_Item, int]:
    """The body's items as a tree; table rows (two or more cells) and the end matter are left out."""
    root = _Item("", 0, "", 0)
    current = root
    offset = 0
    body_end = len(text)
    for raw in text.splitlines(keepends=True):
        start, offset = offset, offset + len(raw)
        if len(_CELL_SPLIT.findall(raw)) >= 2:
            continue
        line = _clean(raw)
        if not line:
            continue
        if _END_OF_BODY.match(fold(line)) and current is not root:
            body_end = start
            break
        opened = _marker(line)
        if opened is None:
            bullet = _BULLET.match(line)
            if current is not root:
                current.lines.append(bullet.group(1) if bullet else line)
            continue
        marker, level, heading = opened
        parent = current
        while parent.level >= level:
            parent = parent.parent or root
        item = _Item(marker, level, heading, start, parent=parent)
        parent.children.append(item)
        current = item
    return root, body_end


def _heading_cue(item: _Item) -> str | None:
    """'task' or 'other' when the heading names a kind of section ("NHIỆM VỤ …", "MỤC TIÊU"), else None."""
    heading = fold(item.heading.split(":")[0][:HEADING_CHARS])
    cues = _cues()
    if cues.has("task_section", heading):
        return "task"
    if cues.has("other_section", heading):
        return "other"
    return None


def _field(item: _Item) -> str | None:
    """A sub-item that is an attribute of its parent ("1.1. Thời gian thực hiện: …"), not a task."""
    label = fold(item.heading.split(":")[0][:40])
    for role in ("deadline_field", "content_field", "audience_field"):
        if any(label.startswith(c) for c in _cues().by_role.get(role, ())):
            return role
    return None


def _collect(item: _Item, tasks: list[Task], groups: list[tuple[_Item, list[Task]]], inside: bool,
             path: tuple[str, ...] = ()) -> list[Task]:
    """Leaves of task sections become tasks; returns the tasks under `item`."""
    for child in item.children:
        role = _field(child)
        if role == "deadline_field":
            item.deadline = squash(" ".join([child.heading.split(":", 1)[-1], *child.lines])).strip(" :")
        elif role == "content_field":
            item.lines.extend([child.heading.split(":", 1)[-1], *child.lines, *(c.text for c in child.children)])
    children = [c for c in item.children if _field(c) is None]
    label = item.heading.split(":")[0] if ":" in item.heading else ""
    # A leaf's own words ("… các nhiệm vụ …") do not make its section, but a short label ("Mục tiêu:") does.
    if item.level > 0 and (children or 0 < len(label.split()) <= LABEL_WORDS):
        cue = _heading_cue(item)
        inside = cue == "task" if cue else inside
    if not children:
        if not inside or item.level == 0:
            return []
        task = Task(item.key, item.text, " › ".join(path), deadline=item.deadline, start=item.start)
        tasks.append(task)
        return [task]
    below: list[Task] = []
    heading = squash(item.heading.split(":")[0]) if item.level > 0 else ""
    for child in children:
        below += _collect(child, tasks, groups, inside, (*path, heading) if heading else path)
    if item.level > 0 and below:
        groups.append((item, below))
    return below


def _annex_rows(text: str, start: int) -> list[Task]:
    """Rows of the annex task tables: a header with a lead-agency column, then numbered rows.

    A row whose number is a Roman numeral is a group heading; a row without a number continues the one
    above (a cell broken across pages).
    """
    rows: list[Task] = []
    columns: dict[str, int] | None = None
    section = ""
    offset = start
    for raw in text[start:].splitlines(keepends=True):
        at, offset = offset, offset + len(raw)
        cells = [_clean(c) for c in _CELL_SPLIT.split(raw.rstrip("\n"))]
        if len(cells) < 3:
            continue
        header = _header(cells)
        if header is not None:
            columns = header if "lead" in header else None
            continue
        if columns is None:
            continue
        number = cells[0].rstrip(".")
        if regex.fullmatch(r"[IVX]{1,5}(?:\.\d+)?", number):
            section = squash(cells[columns.get("content", 1)] if len(cells) > 1 else "")
            continue
        values = {name: cells[i] if i < len(cells) else "" for name, i in columns.items()}
        if not regex.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", number):
            if rows:
                _continue(rows[-1], values)
            continue
        rows.append(Task(f"annex {number}", squash(values.get("content", "")), section,
                         _agencies(values.get("lead", "")), _agencies(values.get("partner", "")),
                         values.get("deadline") or None, at))
    return rows


def _header(cells: list[str]) -> dict[str, int] | None:
    folded = [fold(c) for c in cells]
    if not any(c in _cues().by_role["number_column"] for c in folded):
        return None
    columns: dict[str, int] = {}
    for i, cell in enumerate(folded):
        for name in ("lead", "partner", "deadline", "result", "content"):
            if name not in columns and _cues().has(f"{name}_column", cell):
                columns[name] = i
                break
    return columns


def _continue(task: Task, values: dict[str, str]) -> None:
    task.text = squash(f"{task.text} {values.get('content', '')}")
    task.lead += _agencies(values.get("lead", ""))
    task.partners += _agencies(values.get("partner", ""))


def _agencies(cell: str) -> list[str]:
    """'Sở Khoa học và Công nghệ; các sở, ban, ngành' → one agency per item (semicolons and line items)."""
    parts = (squash(p).strip(" .,") for p in regex.split(r"\s*;\s*|\s+-\s+|^\s*-\s*", cell))
    return [p for p in parts if p[:1].isupper()]  # a lower-case start is a cell broken across pages


def _assign(row: Task, tasks: list[Task], groups: list[tuple[_Item, list[Task]]]) -> bool:
    """Give an annex row's agencies and deadline to the body task (or group of tasks) it lists."""
    key = fold(row.text)
    if not key:
        return True
    best_score, best = 0.0, None
    for task in tasks:
        score = fuzz.token_set_ratio(key, fold(task.text))
        if score > best_score:
            best_score, best = score, [task]
    for group, below in groups:
        score = fuzz.token_set_ratio(key, fold(group.text))
        if score > best_score:
            best_score, best = score, below
    if best is None or best_score < ANNEX_MATCH:
        return False
    for task in best:
        task.lead = task.lead or list(row.lead)
        task.partners = task.partners or list(row.partners)
        task.deadline = task.deadline or row.deadline
    return True
