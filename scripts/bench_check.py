"""Time `vbpl check` over a 1,000-document corpus built by repeating the bundled texts (bar: seconds)."""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    texts = sorted((ROOT / "corpora").glob("*/*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, source in zip(range(args.documents), itertools.cycle(texts), strict=False):
            path = Path(tmp) / f"{i:04d}_{source.name}"
            path.write_bytes(source.read_bytes())
            paths.append(str(path))
        size = sum(Path(p).stat().st_size for p in paths)
        vbpl = Path(sys.executable).with_name("vbpl")
        started = time.perf_counter()
        done = subprocess.run([str(vbpl), "check", *paths, "--format", "json"], capture_output=True, text=True)
        elapsed = time.perf_counter() - started
    findings = done.stdout.count('"code"')
    print(f"vbpl check: {len(paths)} documents, {size / 1e6:.1f} MB, {findings} findings, "
          f"exit {done.returncode}, {elapsed:.2f} s ({len(paths) / elapsed:.0f} documents/s)")


if __name__ == "__main__":
    main()
