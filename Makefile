# K3B Wissensportal: set-up, build, test.
# `make serve` and `make test` create .venv on first use and install the pinned dependencies.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SIZE ?= S
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast lint bench clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	@touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Without the browser tests, for a quick round while writing code.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser"

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf site .pytest_cache
