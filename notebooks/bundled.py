"""The bundled corpus in a throwaway database, so that the notebooks run anywhere without `make run` first."""

from __future__ import annotations

from pathlib import Path

from vbpl.ingest import collect, ingest
from vbpl.store import Store


def repository_root(start: Path | None = None) -> Path:
    """The checkout holding `corpora/`, found upwards from the notebook's folder."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "corpora" / "seeds").is_dir():
            return folder
    raise FileNotFoundError(f"no corpora/seeds above {here}")


def corpus_files() -> list[Path]:
    """The documents `make run` ingests: the seed plans and the public documents."""
    corpora = repository_root() / "corpora"
    return collect([str(corpora / "seeds"), str(corpora / "docs")]).files


def corpus_db(folder: str | Path) -> Path:
    """Ingest the bundled corpus into `folder`/vbpl.sqlite and return its path."""
    db = Path(folder) / "vbpl.sqlite"
    with Store.open(db) as store:
        ingest(store, corpus_files())
    return db
