# The commands in the README. `make help` lists them.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: help serve test setup runtime-libs assets check budget lint test-setup flow-diagram catalogues translations coverage

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

serve: setup ## Set up (if needed) and serve the guide on http://127.0.0.1:5000
	$(VENV)/bin/flask --app journey_app run --host 127.0.0.1 --port 5000

test: setup test-setup ## Set up (if needed) and run every test
	$(VENV)/bin/ruff check journey_app tests scripts
	$(PY) -m journey_app check
	$(PY) -m pytest

setup: $(STAMP) runtime-libs assets catalogues ## Install Python and npm packages and build the front end

# Debian's Pango, HarfBuzz, fontconfig and Noto fonts: the PDF downloads (WeasyPrint) need them.
runtime-libs:
	@scripts/install-runtime-libs.sh

# The interface words: compiled catalogues (.mo, not committed) are built from the .po files.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/messages.po))
catalogues: $(CATALOGUES)
%/LC_MESSAGES/messages.mo: %/LC_MESSAGES/messages.po | $(STAMP)
	$(VENV)/bin/pybabel -q compile -i $< -o $@ -l $(notdir $*)

# Every language but English (the source), from the one list in journey_app/config.py.
OTHER_LOCALES = $(shell $(PY) -c "from journey_app.config import LANGUAGES; print(*(l.code for l in LANGUAGES if l.code != 'en'))")

translations: $(STAMP) ## Extract the interface words, update each language's catalogue, compile them
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -k lazy_gettext --add-location=file \
	  --ignore-dirs=".* ._ node_modules static" --project="A guide for families" \
	  -o translations/messages.pot .
	@for locale in $(OTHER_LOCALES); do \
	  if [ -f translations/$$locale/LC_MESSAGES/messages.po ]; then \
	    $(VENV)/bin/pybabel update --ignore-obsolete -i translations/messages.pot -d translations -l $$locale; \
	  else \
	    $(VENV)/bin/pybabel init -i translations/messages.pot -d translations -l $$locale; \
	  fi; \
	done
	$(VENV)/bin/pybabel compile --statistics -d translations

coverage: $(STAMP) ## Print how much of each language is translated and reviewed
	$(PY) -m journey_app coverage

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

flow-diagram: $(STAMP) ## Print the "Where am I?" questions as a Mermaid chart
	@$(PY) -m journey_app flow-diagram

budget: setup ## Print each page's size (HTML + CSS, gzip) against the 14 KB budget
	$(PY) scripts/budget.py

.PHONY: fuzz
fuzz: setup ## Send 50,000 random requests to every route (FUZZ_EXAMPLES=...); none may fail
	$(PY) scripts/fuzz.py

.PHONY: export serve-production bench
EXPORT_DIR ?= build/site
export: setup ## Write the whole guide as static files into build/site (EXPORT_DIR=...)
	$(PY) -m journey_app export $(EXPORT_DIR)

serve-production: setup ## Serve the guide under gunicorn (gunicorn.conf.py; BIND, WEB_CONCURRENCY)
	$(VENV)/bin/gunicorn --config gunicorn.conf.py

bench: setup ## Load-test app, hello-world, export and nginx on loopback (LIGHTHOUSE=1 adds Lighthouse)
	$(PY) scripts/bench.py

lint: $(STAMP) ## Ruff, as the tests run it
	$(VENV)/bin/ruff check journey_app tests scripts
