"""The analyst notebooks run top to bottom on the bundled corpus, and are committed without outputs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


def test_the_notebooks_are_there() -> None:
    assert {p.name for p in NOTEBOOKS} >= {"provinces.ipynb", "outdated.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs"


@pytest.fixture
def kernel_manager(tmp_path: Path) -> KernelManager:
    """A kernel on this interpreter, whatever kernel specs the machine (or a fresh CI venv) has installed."""
    spec = tmp_path / "kernels" / "vbpl-test"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "vbpl", "language": "python"}))
    return KernelManager(kernel_name="vbpl-test", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec.parent)]))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_top_to_bottom(path: Path, kernel_manager: KernelManager, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(path, as_version=4)
    resources = {"metadata": {"path": str(path.parent)}}  # the notebooks import notebooks/bundled.py
    NotebookClient(notebook, km=kernel_manager, timeout=120, resources=resources).execute()  # raises on a failing cell
