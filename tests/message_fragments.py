"""The fixed words of every message in one language, to tell which language a page or an output speaks."""

from __future__ import annotations

import string

import regex

from vbpl.messages import LANGUAGES, Lang, catalogue


def fragments(lang: Lang, words: int = 2) -> set[str]:
    """Runs of at least `words` words between the placeholders of the messages in `lang`."""
    found = set()
    for texts in catalogue().values():
        for literal, *_ in string.Formatter().parse(texts[lang]):
            for run in regex.split(r"[^\p{L}\s'-]+", literal):
                run = " ".join(run.split())
                if len(run.split()) >= words and any(len(w) >= 3 for w in run.split()):
                    found.add(run)
    return found


def spoken(text: str, lang: Lang, words: int = 2) -> list[str]:
    """The fragments of `lang`'s messages that `text` contains (whole words only)."""
    flat = " ".join(text.split())
    return sorted(f for f in fragments(lang, words) if regex.search(rf"(?<!\w){regex.escape(f)}(?!\w)", flat))


def _words(lang: Lang) -> set[str]:
    return {w.casefold() for texts in catalogue().values()
            for literal, *_ in string.Formatter().parse(texts[lang]) for w in regex.findall(r"\p{L}+", literal)}


def foreign_words(text: str, lang: Lang) -> list[str]:
    """The words of `text` that the messages use only in languages other than `lang` ('file' in Vietnamese)."""
    others = set().union(*(_words(other) for other in LANGUAGES if other != lang)) - _words(lang)
    return sorted({w for w in regex.findall(r"\p{L}+", text) if w.casefold() in others})
