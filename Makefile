# The commands in the README. `make help` lists them.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: help serve test setup assets check budget lint test-setup

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

serve: setup ## Set up (if needed) and serve the guide on http://127.0.0.1:5000
	$(VENV)/bin/flask --app journey_app run --host 127.0.0.1 --port 5000

test: setup test-setup ## Set up (if needed) and run every test
	$(VENV)/bin/ruff check journey_app tests scripts
	$(PY) -m journey_app check
	$(PY) -m pytest

setup: $(STAMP) assets ## Install Python and npm packages and build the front end

$(STAMP): pyproject.toml package.json package-lock.json
	python3.11 -m venv $(VENV) 2>/dev/null || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

assets: $(STAMP) ## Build the CSS and JavaScript into static/build
	node journey_app/assets/build.mjs

test-setup: ## Install Debian's Chromium, Java (for the HTML checker) and the Noto fonts
	@scripts/install-test-tools.sh

check: $(STAMP) ## Check the content folder and name every problem
	$(PY) -m journey_app check

budget: setup ## Print each page's size (HTML + CSS, gzip) against the 14 KB budget
	$(PY) scripts/budget.py

lint: $(STAMP) ## Ruff, as the tests run it
	$(VENV)/bin/ruff check journey_app tests scripts
