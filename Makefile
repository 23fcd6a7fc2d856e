# The two commands of the README are `make run` and `make test`; the rest are their steps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# make run PORT=8201
PORT ?= 8000
# Links in the demo's emails point to the port it serves.
CAMINO_BASE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test setup catalogue lint typecheck translations check-deploy

# The demo runs with DEBUG off, to show Camino's own 404 and 500 pages (portal/settings/dev.py),
# and runs beat's periodic tasks in the server process (apps/core/scheduler.py).
run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	DJANGO_DEBUG=false CAMINO_BASE_URL=$(CAMINO_BASE_URL) $(MANAGE) run_demo 127.0.0.1:$(PORT)

# Tests run in one process per core, up to four (pytest-xdist), a test file to a process;
# TEST_PROCESSES=0 runs them all in this one.
TEST_PROCESSES ?= auto
test: setup
	$(BIN)/pytest --numprocesses=$(TEST_PROCESSES) --maxprocesses=4 --dist=loadfile $(PYTEST_ARGS)

setup: $(VENV)/.installed catalogue

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# Compiles locale/*/LC_MESSAGES/*.po into .mo files in Python (no GNU gettext needed).
catalogue: $(VENV)/.installed
	$(MANAGE) build_catalogue

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy with django-stubs over apps/ and portal/ (configured in pyproject.toml).
typecheck: $(VENV)/.installed
	$(BIN)/mypy

# Needs GNU gettext (xgettext) to re-extract the strings from the code.
translations: $(VENV)/.installed
	$(MANAGE) check_translations

check-deploy: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=portal.settings.production $(MANAGE) check --deploy --fail-level WARNING
