# Two commands do everything on a fresh machine with Python 3.11+, git and make:
#   make serve   build the sample playbook and preview it at http://127.0.0.1:8000
#   make test    run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install build serve check test lint golden clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

check: $(STAMP)
	$(BIN)/playbook check

build: $(STAMP)
	$(BIN)/playbook build

serve: $(STAMP)
	$(BIN)/playbook serve

test: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Regenerate the golden Markdown after an intended change to the templates.
golden: $(STAMP)
	$(BIN)/python tests/golden.py --write

clean:
	rm -rf build site .pytest_cache .mypy_cache .ruff_cache
