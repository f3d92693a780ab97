# Two commands do everything on a fresh machine with Python 3.11:
#   make lab    build .venv and open JupyterLab on notebooks/
#   make test   build .venv and run every test, notebooks included
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-cell-timeout=300

.PHONY: install lab test unit lint notebooks e2e rerun bench clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

lab: install
	$(BIN)/jupyter lab notebooks/

LINT := $(BIN)/ruff check lib tests bench conftest.py jupyter_nbconvert_config.py

test: install
	$(LINT)
	$(BIN)/pytest tests notebooks $(NBVAL)
	$(BIN)/pytest tests/e2e

unit: install
	$(LINT)
	$(BIN)/pytest tests

lint: install
	$(LINT)

notebooks: install
	$(BIN)/pytest notebooks $(NBVAL)

# Every notebook in JupyterLab in headless Chromium (/usr/bin/chromium; see tests/e2e/README.md).
# tests/e2e is collected only when named, so `pytest tests` and `make unit` never start a browser.
e2e: install
	$(BIN)/pytest tests/e2e

# Re-execute every notebook in place after a change that alters outputs (no timing metadata).
# jupyter_nbconvert_config.py keeps nbconvert from stalling at a cell that displays into a widget
# Output, and bounds a cell at 300 s (nbconvert's default is to wait forever).
rerun: install
	$(BIN)/jupyter nbconvert --config jupyter_nbconvert_config.py --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False notebooks/*.ipynb

bench: install
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/timeline.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
