"""Human-readable messages in English (the command line) or Vietnamese (the web UI), rendered at the edge.

The checker, the status book and the readers' errors never write sentences: they build a `Message` (a key from
vbpl/data/messages.csv and its parameters), and whoever shows it picks the language. The texts are data
(key, en, vi, with `str.format` placeholders), loaded once; parameters are plain values or other renderable
things (a `Date`, a phrase from a data file given in each language, a list, a nested message).
"""

from __future__ import annotations

import csv
import io
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, Protocol, TypeAlias

Lang: TypeAlias = Literal["en", "vi"]
LANGUAGES: tuple[Lang, ...] = ("en", "vi")


class Renderable(Protocol):
    def render(self, lang: Lang) -> str: ...


Param: TypeAlias = "str | int | Renderable | None"


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """key -> {language: template}, from vbpl/data/messages.csv."""
    text = resources.files("vbpl.data").joinpath("messages.csv").read_text(encoding="utf-8")
    return {row["key"]: {lang: row[lang] for lang in LANGUAGES} for row in csv.DictReader(io.StringIO(text))}


def placeholders(template: str) -> set[str]:
    """The names a template expects: 'was replaced{when} by {successor}' → {'when', 'successor'}."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(value: Param, lang: Lang = "en") -> str:
    """Any parameter as text in `lang`."""
    if value is None:
        return ""
    if isinstance(value, str | int):
        return str(value)
    return value.render(lang)


@dataclass(frozen=True, slots=True)
class Message:
    """A sentence kept as data until shown: the key of its text and its parameters (as name, value pairs)."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    def render(self, lang: Lang = "en") -> str:
        if lang not in LANGUAGES:
            raise ValueError(f"no messages in '{lang}'; languages: {', '.join(LANGUAGES)}")
        return catalogue()[self.key][lang].format_map({name: render(v, lang) for name, v in self.params})

    def __str__(self) -> str:
        return self.render("en")


def msg(key: str, **params: Param) -> Message:
    """The message `key` with its parameters; an unknown key or a missing or extra parameter fails here."""
    known = catalogue().get(key)
    if known is None:
        raise KeyError(f"no message '{key}' in vbpl/data/messages.csv")
    if (expected := placeholders(known["en"])) != set(params):
        raise TypeError(f"message '{key}' takes {sorted(expected)}, given {sorted(params)}")
    return Message(key, tuple(params.items()))


def date_text(iso: str | int | None, lang: Lang = "vi") -> str:
    """'2021-01-11' as written in that language: '11/01/2021' in Vietnamese, ISO in English; a bare year stays."""
    text = str(iso or "")
    parts = text.split("-")
    return "/".join(reversed(parts)) if lang == "vi" and len(parts) == 3 else text


@dataclass(frozen=True, slots=True)
class Date:
    iso: str

    def render(self, lang: Lang) -> str:
        return date_text(self.iso, lang)


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words given in each language: by a data file (a note beside a source, say), or by the code (a library's
    English detail that Vietnamese leaves out)."""

    en: str
    vi: str

    @classmethod
    def of(cls, row: Mapping[str, str], column: str) -> Phrase:
        """The `<column>_en` and `<column>_vi` cells of a CSV row."""
        return cls(row[f"{column}_en"], row[f"{column}_vi"])

    def render(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en


@dataclass(frozen=True, slots=True)
class Joined:
    """Items in a row: '; ' between them, or a message as the separator (' or ' / ' hoặc ')."""

    items: tuple[Param, ...]
    separator: str | Message = "; "

    def render(self, lang: Lang) -> str:
        return render(self.separator, lang).join(render(i, lang) for i in self.items)
