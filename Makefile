# Two commands do everything on a fresh machine with Python 3.11:
#   make lab    build .venv and open JupyterLab on working copies of notebooks/ (in lab/)
#   make test   build .venv and run every test, notebooks included
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-cell-timeout=300

.PHONY: install lab lab-reset test unit lint notebooks e2e rerun bench clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

# JupyterLab on working copies: notebooks/*.ipynb are the regression references nbval compares
# against, so `make lab` copies each into lab/ (git ignores it) the first time and never again:
# your edits and outputs stay yours, and `git status` stays clean. `make lab-reset` copies them
# afresh. The server listens on LAB_IP:LAB_PORT (127.0.0.1:8888) without opening a browser when
# there is no display, runs as root when it must (containers, CI boxes), and prints the URL to
# open; from another machine: ssh -L 8888:127.0.0.1:8888 HOST, then open that URL locally.
# Widget state is saved with a notebook (saveState), so widgets render again after a reopen.
LAB_DIR ?= lab
LAB_IP ?= 127.0.0.1
LAB_PORT ?= 8888

lab: install
	@mkdir -p $(LAB_DIR)/.settings
	@for nb in notebooks/*.ipynb; do \
		[ -e "$(LAB_DIR)/$$(basename $$nb)" ] || { cp "$$nb" "$(LAB_DIR)/" && echo "copied $$nb to $(LAB_DIR)/"; }; \
	done
	@printf '{"@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": true}}\n' > $(LAB_DIR)/.settings/overrides.json
	@echo "JupyterLab on $(LAB_DIR)/ (working copies of notebooks/); open the URL printed below."
	@echo "From another machine: ssh -L $(LAB_PORT):127.0.0.1:$(LAB_PORT) <this host>, then open it there."
	$(BIN)/jupyter lab --ServerApp.root_dir=$(LAB_DIR) --ServerApp.ip=$(LAB_IP) --ServerApp.port=$(LAB_PORT) \
		--LabApp.app_settings_dir=$(LAB_DIR)/.settings \
		$$([ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && echo --no-browser) $$([ "$$(id -u)" = 0 ] && echo --allow-root)

lab-reset:
	@mkdir -p $(LAB_DIR)
	cp notebooks/*.ipynb $(LAB_DIR)/

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
