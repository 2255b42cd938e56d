# K3B Wissensportal: set-up, build, test.
# `make serve` and `make test` create .venv on first use and install the pinned dependencies.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The build engine: mkdocs (default) or properdocs, a maintained fork of MkDocs 1.x that runs
# Material and our hooks unchanged, in its own environment without MkDocs (ENGINE.md).
ENGINE ?= mkdocs
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed
ifeq ($(ENGINE),properdocs)
ENGINE_BIN := $(PROPERDOCS_VENV)/bin/properdocs
ENGINE_STAMP := $(PROPERDOCS_STAMP)
else ifeq ($(ENGINE),mkdocs)
ENGINE_BIN := $(BIN)/mkdocs
ENGINE_STAMP := $(STAMP)
else
$(error ENGINE=$(ENGINE) gibt es nicht – erlaubt: mkdocs, properdocs)
endif
# The engine's own English lines („Documentation built in …“, „Aborted with a BuildError!“)
# in German, like everything our hooks print (tools/engine_run.py).
ENGINE_RUN = $(dir $(ENGINE_BIN))python tools/engine_run.py $(ENGINE_BIN)
SIZE ?= S
# Extra options for bench/run.py, e.g. BENCH_ARGS="--runs 5", "--no-browser", "--pubs", "--with-l".
BENCH_ARGS ?=
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast lint bench bench-scaling golden properdocs-env clean system-serve system-test system-deploy

# System packages (Chromium, rsync) through apt-get, or one German line saying what to install
# (tools/system_packages.py). Listed first, so a machine that lacks them stops before pip runs.
system-serve system-test system-deploy:
	@$(PYTHON) tools/system_packages.py $(@:system-%=%)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,bench]"
	@touch $(STAMP)

# ProperDocs without MkDocs: everything Material and the project need (tools/engine_deps.py),
# then both without their dependencies (both name mkdocs).
PD_PIP := $(PROPERDOCS_VENV)/bin/python -m pip
$(PROPERDOCS_STAMP): pyproject.toml constraints.txt tools/engine_deps.py
	@test -x $(PROPERDOCS_VENV)/bin/python || $(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PD_PIP) install --quiet --upgrade pip
	$(PD_PIP) install --quiet --dry-run --no-deps --report - -c constraints.txt mkdocs-material \
		| $(PROPERDOCS_VENV)/bin/python tools/engine_deps.py pyproject.toml > $(PROPERDOCS_VENV)/requirements.txt
	$(PD_PIP) install --quiet -c constraints.txt properdocs -r $(PROPERDOCS_VENV)/requirements.txt
	$(PD_PIP) install --quiet --no-deps -c constraints.txt mkdocs-material
	$(PD_PIP) install --quiet --no-deps -e .
	@! $(PROPERDOCS_VENV)/bin/python -m pip show --quiet mkdocs 2>/dev/null || \
		{ echo "MkDocs ist in $(PROPERDOCS_VENV) installiert worden"; exit 1; }
	@touch $(PROPERDOCS_STAMP)

serve: system-serve $(ENGINE_STAMP)
	$(ENGINE_RUN) serve --dev-addr 127.0.0.1:8000 --livereload

build: $(ENGINE_STAMP)
	$(ENGINE_RUN) build --strict --site-dir site

test: system-test $(STAMP) $(PROPERDOCS_STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Without the browser tests, for a quick round while writing code.
test-fast: $(STAMP) $(PROPERDOCS_STAMP)
	$(BIN)/python -m pytest -m "not browser"

lint: $(STAMP)
	$(BIN)/ruff check .

# Our site against plain Material on the same generated corpus (bench/README.md).
bench: $(STAMP)
	$(BIN)/python -m bench.run --size $(SIZE) $(BENCH_ARGS)

# Sizes S and M (add BENCH_ARGS=--with-l for L): does the cost per page stay flat?
bench-scaling: $(STAMP)
	$(BIN)/python -m bench.run --scaling $(BENCH_ARGS)

# The environment of the second engine (the two-engine test in make test uses it too).
properdocs-env: $(PROPERDOCS_STAMP)

clean:
	rm -rf site .pytest_cache

# Rewrite the output snapshots in tests/golden/ after a deliberate change; review `git diff`.
golden: $(STAMP)
	K3B_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

# --- Staff publishing (issue 14, REDAKTION.md) ------------------------------------------
TYP ?= artikel
TITEL ?=
# Handed over in the environment, not pasted into the command: a title with "…" or ` stays as written.
export TYP TITEL
# make deploy: where site/ goes (rsync), e.g. k3b@server.example:/srv/k3b (then /srv/k3b/site/).
DEPLOY_TARGET ?=
RSYNC ?= rsync
.PHONY: check neu hooks deploy

# Everything a build checks, without rendering: seconds instead of a full build.
check: $(STAMP)
	$(BIN)/python -m k3b.check $(if $(ALLE),--alle)

# A new article, case study … from the schema: make neu TYP=fallbeispiel TITEL="…"
neu: $(STAMP)
	@$(BIN)/python -m k3b.scaffold "$$TYP" "$$TITEL"

# The commit-time check (.pre-commit-config.yaml): git commit runs make check's test first.
hooks: $(STAMP)
	$(BIN)/pre-commit install

# Publish to an own server: build for the public address, then rsync site/ and the header
# files of deploy/ (Apache reads site/.htaccess; nginx includes deploy/nginx.conf).
# Never the preview: K3B_PREVIEW left set in the shell would publish drafts.
deploy: system-deploy $(ENGINE_STAMP)
	@test -n "$(DEPLOY_TARGET)" || { echo "DEPLOY_TARGET fehlt – z. B. make deploy DEPLOY_TARGET=k3b@server:/srv/k3b K3B_SITE_URL=https://wissen.k3b.example/"; exit 2; }
	@case "$$K3B_SITE_URL" in https://*|http://*) ;; *) echo "K3B_SITE_URL fehlt – die öffentliche Adresse der Seite, z. B. K3B_SITE_URL=https://wissen.k3b.example/"; exit 2;; esac
	K3B_PREVIEW= $(ENGINE_RUN) build --strict --site-dir site
	cp deploy/apache.htaccess site/.htaccess
	$(RSYNC) -rlptz --mkpath --delete --delay-updates --chmod=D755,F644 site/ "$(DEPLOY_TARGET)/site/"
	$(RSYNC) -rlptz --mkpath --chmod=D755,F644 deploy/nginx.conf deploy/apache.htaccess "$(DEPLOY_TARGET)/deploy/"

# make check against a full build at S and M (bench/check.py; target: at most 20 %).
.PHONY: bench-check
bench-check: $(STAMP)
	$(BIN)/python -m bench.check $(BENCH_ARGS)
