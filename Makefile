# Two commands do everything on a fresh machine with Python 3.11+, git and make:
#   make serve   build the sample playbook and preview it at http://127.0.0.1:8000
#   make test    run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install build serve check test lint golden clean package-check messages

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
	PLAYBOOK_ENGINE=zensical $(BIN)/python -m pytest -m browser tests/browser/test_axe.py tests/browser/test_links.py tests/browser/test_smoke.py tests/browser/test_spanish_edition.py
	$(MAKE) package-check

# What a collective does: install the built wheel (not this folder) into a fresh
# virtualenv, start a playbook outside the repository, check and build it.
PACKAGE_CHECK := .package-check
package-check: $(STAMP)
	rm -rf $(PACKAGE_CHECK) && mkdir -p $(PACKAGE_CHECK)
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir $(PACKAGE_CHECK)/dist .
	$(PYTHON) -m venv $(PACKAGE_CHECK)/venv
	$(PACKAGE_CHECK)/venv/bin/python -m pip install --quiet $(PACKAGE_CHECK)/dist/*.whl
	cd $$(mktemp -d) && $(CURDIR)/$(PACKAGE_CHECK)/venv/bin/playbook init new-playbook \
		&& cd new-playbook && $(CURDIR)/$(PACKAGE_CHECK)/venv/bin/playbook check \
		&& $(CURDIR)/$(PACKAGE_CHECK)/venv/bin/playbook build
	rm -rf $(PACKAGE_CHECK)

# After changing a message in a template or module: refresh generator/locale/*.po.
messages: $(STAMP)
	$(BIN)/python -m generator.extract

# Regenerate the golden Markdown after an intended change to the templates.
golden: $(STAMP)
	$(BIN)/python tests/golden.py --write

clean:
	rm -rf build site .pytest_cache .mypy_cache .ruff_cache .package-check
