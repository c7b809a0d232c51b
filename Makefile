# CoachReady. Two commands matter: `make demo` runs the product, `make test`
# runs the tests. Both work on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
VNU_VERSION := 26.9.27
HTML_PAGES := var/test-html
# The demo region's website answers on HOST, so every link points back to it.
DEMO_HOSTNAME = $(word 1,$(subst :, ,$(HOST)))
DEMO_PORT = $(or $(word 2,$(subst :, ,$(HOST))),8000)
# Exact versions of every dependency, tested together: installs take them as
# constraints, so a package pyproject.toml names and the lock lacks still
# installs (at its newest allowed version) until `make lock` pins it.
LOCK := requirements.lock

.PHONY: install test-install catalogues lock demo test lint e2e bench migrate clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "CoachReady needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet -c $(LOCK) -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(LOCK) $(VENV)/.installed
	$(BIN)/pip install --quiet -c $(LOCK) -e '.[test]'
	@# The Nu HTML Checker (run with the machine's Java) where npm is at hand.
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund --ignore-scripts --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION); \
	else echo "npm not found: the HTML check will be skipped."; fi
	@touch $@

# The translation catalogues (es, zh-Hant, zh-Hans): compiled on every
# install, so a changed .po is never served from a stale .mo.
catalogues: $(VENV)/.installed
	$(BIN)/python -m coachready.core.catalogues compile

install: $(VENV)/.installed catalogues

test-install: $(VENV)/.installed-test catalogues

# Resolve pyproject.toml afresh (test extras included) in a throw-away venv
# and write what it installed to $(LOCK). Run it after changing dependencies.
lock:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "CoachReady needs Python 3.11 or newer")'
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -e '.[test]'
	@{ echo "# Written by \`make lock\` from pyproject.toml (test extras included); do not edit."; \
	   echo "# make install / make test-install install with it as constraints."; \
	   .lock-venv/bin/pip freeze --exclude-editable; } > $(LOCK).new
	mv $(LOCK).new $(LOCK)
	rm -rf .lock-venv

migrate: install
	$(BIN)/coachready migrate --noinput

demo: migrate
	$(BIN)/coachready load-demo
	$(BIN)/coachready create-region-site --region 60 --hostname $(DEMO_HOSTNAME) --port $(DEMO_PORT)
	@echo "Serving on http://$(HOST)/ with the task worker beside it (Ctrl-C stops both)"
	SITE_URL=$${SITE_URL:-http://$(HOST)} $(BIN)/coachready serve-demo $(HOST)

lint: test-install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy --strict src/coachready/rules

test: lint
	@rm -rf $(HTML_PAGES)
	@if [ -x /usr/bin/chromium ]; then \
		echo "Chromium found: the browser journeys run too."; \
		HTML_CAPTURE_DIR=$(CURDIR)/$(HTML_PAGES) $(BIN)/pytest -n 2 --dist loadfile; \
	else \
		echo "Chromium not found at /usr/bin/chromium: SKIPPING the browser journeys (make e2e needs it)."; \
		HTML_CAPTURE_DIR=$(CURDIR)/$(HTML_PAGES) $(BIN)/pytest -n 2 --dist loadfile -m "not e2e"; \
	fi
	$(BIN)/python tests/check_html.py $(HTML_PAGES)

e2e: test-install
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -m e2e -p no:xdist

bench: test-install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .lock-venv var test-results .pytest_cache .mypy_cache .ruff_cache
