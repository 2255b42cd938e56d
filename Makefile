# K3B Wissensportal: set-up, build, test.
# `make serve` and `make test` create .venv on first use and install the pinned dependencies.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SIZE ?= S
# Extra options for bench/run.py, e.g. BENCH_ARGS="--runs 5", "--no-browser", "--pubs", "--with-l".
BENCH_ARGS ?=
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast lint bench bench-scaling golden clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,bench]"
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

# Our site against plain Material on the same generated corpus (bench/README.md).
bench: $(STAMP)
	$(BIN)/python -m bench.run --size $(SIZE) $(BENCH_ARGS)

# Sizes S and M (add BENCH_ARGS=--with-l for L): does the cost per page stay flat?
bench-scaling: $(STAMP)
	$(BIN)/python -m bench.run --scaling $(BENCH_ARGS)

clean:
	rm -rf site .pytest_cache

# Rewrite the output snapshots in tests/golden/ after a deliberate change; review `git diff`.
golden: $(STAMP)
	K3B_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py
