PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint evaluate bench clean browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Ingest the bundled corpus into vbpl.sqlite, list its documents, and print the accuracy against its gold.
run: $(STAMP)
	$(BIN)/vbpl ingest corpora/seeds corpora/docs --db vbpl.sqlite
	$(BIN)/vbpl docs --db vbpl.sqlite
	$(BIN)/python scripts/evaluate.py

## Debian's Chromium for the browser tests of the web UI: installed when missing and we are root (as in CI).
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium for the browser tests"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
			|| echo "WARNING: could not install chromium; the browser tests will be skipped"; \
	fi

## Lint, type-check and run the whole test suite.
test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -q

evaluate: $(STAMP)
	$(BIN)/python scripts/evaluate.py

bench: $(STAMP)
	$(BIN)/python scripts/bench_extract.py
	$(BIN)/python scripts/bench_ingest.py

clean:
	rm -rf $(VENV) build *.egg-info
