PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint evaluate bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Extract every citation of the bundled corpus and print the accuracy against its gold.
run: $(STAMP)
	$(BIN)/vbpl extract corpora/seeds/*.txt corpora/docs/*.txt --format table
	$(BIN)/python scripts/evaluate.py

## Lint and run the whole test suite.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest -q

evaluate: $(STAMP)
	$(BIN)/python scripts/evaluate.py

bench: $(STAMP)
	$(BIN)/python scripts/bench_extract.py

clean:
	rm -rf $(VENV) build *.egg-info
