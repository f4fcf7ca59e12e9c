# Two commands for everyone:  make lab   and   make test
# Both create .venv with the pinned requirements and histkit on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PROXY  := tools/hub/node_modules/.bin/configurable-http-proxy

.PHONY: lab test lint notebooks bench browser-bench classroom-bench check-python browser clean class-overview worksheets

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml jupyter/lab-overrides.json
	@$(MAKE) --no-print-directory check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $(STAMP)

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "histkit needs Python 3.11 or newer; this is " + sys.version.split()[0] + ". Install a newer Python or run: make PYTHON=python3.11 lab")'

## Open JupyterLab on the lessons (as root, in a container, Jupyter needs --allow-root)
lab: $(STAMP)
	$(BIN)/jupyter lab $$([ "$$(id -u)" = 0 ] && echo --allow-root) notebooks/index.ipynb

## Run every test: the house rules (lint), histkit, the data, every notebook (nbval), the browser tests
## and a class of three on a real JupyterHub
test: $(STAMP) browser $(PROXY) lint
	$(BIN)/python -m pytest

## Check the house rules: ruff's lint rules and its formatting (pyproject.toml [tool.ruff]); fix with
## .venv/bin/ruff check --fix . && .venv/bin/ruff format .
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## A Chromium for the browser tests: the system's, else Debian's package (apt), else Playwright's download
browser: $(STAMP)
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Chromium for the browser tests (apt-get install chromium)"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "No Chromium found: downloading Playwright's (python -m playwright install chromium)"; \
	  $(BIN)/python -m playwright install chromium; \
	fi

## Input -> new chart image in Voilà and JupyterLab, per chart widget, in headless Chromium (prints JSON)
browser-bench: $(STAMP) browser
	$(BIN)/python benchmarks/browser.py

## JupyterHub's proxy for the classroom test, from npm (pinned in tools/hub/package-lock.json)
$(PROXY): tools/hub/package.json tools/hub/package-lock.json
	cd tools/hub && npm ci --no-audit --no-fund --loglevel=error
	touch $(PROXY)

## A class of 10, then 30 students on a real JupyterHub: readiness, memory, CPU, failures (prints JSON)
classroom-bench: $(STAMP) $(PROXY)
	$(BIN)/python tools/hub/classroom.py 10 30

## Bring the Kazakh editions in step with the English (code, new cells), then re-execute every lesson
## in place, in order, from a fresh kernel
notebooks: $(STAMP)
	$(BIN)/python tools/editions.py
	$(BIN)/python tools/execute_notebooks.py

## Measure import, load, notebook and redraw times (prints JSON)
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

## The teachers' class overview of a folder of handed-in answers, as a page:
## make class-overview FOLDER=handed-in LESSON=02-turksib [IN=kk]   (IN: the language of the page)
class-overview: $(STAMP)
	$(BIN)/python -m histkit.ui.classview "$(FOLDER)" "$(LESSON)" --lang "$(or $(IN),en)" --out "class-overview-$(LESSON).html"

## Printable worksheets and teacher's answer keys, per lesson and language, in worksheets/
worksheets: $(STAMP)
	$(BIN)/python -m histkit.ui.worksheets worksheets

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache tools/hub/node_modules
