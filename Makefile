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
	$(BIN)/ruff check soteneg tests build.py
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check soteneg tests build.py
	$(BIN)/ruff format --check soteneg tests build.py

bench: $(STAMP)
	$(BIN)/python bench/packets.py
	$(BIN)/python bench/serve.py

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
		tests/a11y/node_modules tests/.artifacts
