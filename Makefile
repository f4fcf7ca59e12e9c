# Two commands for everyone:  make lab   and   make test
# Both create .venv with the pinned requirements and histkit on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: lab test notebooks bench check-python clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(MAKE) --no-print-directory check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $(STAMP)

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "histkit needs Python 3.11 or newer; this is " + sys.version.split()[0] + ". Install a newer Python or run: make PYTHON=python3.11 lab")'

## Open JupyterLab on the lessons
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/00-start-here.ipynb

## Run every test: histkit, the data, every notebook (nbval), and the browser tests
test: $(STAMP)
	$(BIN)/python -m pytest

## Re-execute every notebook in place, in order, from a fresh kernel
notebooks: $(STAMP)
	$(BIN)/python tools/execute_notebooks.py

## Measure import, load, notebook and redraw times (prints JSON)
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
