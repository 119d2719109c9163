"""Kept for existing imports: the `--db` reference checks live in `vbpl.check_corpus`."""

from vbpl.check_corpus import CorpusRefs, as_citation, load_store

__all__ = ["CorpusRefs", "as_citation", "load_store"]
