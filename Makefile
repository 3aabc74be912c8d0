# CHSD Portal. `make run` serves the portal with demo data; `make test` runs every check.
# Nothing else is needed on a fresh machine with Python 3.11+ and make: the database is started
# by the project itself (see README.md).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# The Nu HTML Checker, from the npm registry, for `make test` (tests/chsd_portal/test_valid_html.py).
VNU_VERSION := 26.9.27
VNU_JAR := .data/npm/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: run serve test lint format install install-dev browser html-checker demo messages bench clean-db help

help:
	@echo "make run    - serve the portal with demo data at http://$(HOST):$(PORT)/"
	@echo "make test   - run every check (ruff, djLint, django-upgrade, Django checks, the whole pytest suite)"
	@echo "make serve  - serve production-style (gunicorn, DEBUG off, whitenoise)"
	@echo "make bench  - throughput benchmark of the main pages"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_demo

run: demo
	@echo ""
	@echo "  CHSD Portal: http://$(HOST):$(PORT)/"
	@echo "  Demo logins (password: $${DEMO_PASSWORD:-chsd-demo}): admin, staff, mentor, mentor2, member"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

serve: install
	DJANGO_SETTINGS_MODULE=chsd_portal.settings.prod $(MANAGE) collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=chsd_portal.settings.prod $(MANAGE) migrate --noinput -v 0
	DJANGO_SETTINGS_MODULE=chsd_portal.settings.prod $(BIN)/gunicorn chsd_portal.wsgi:application \
		--workers 2 --bind $(HOST):$(PORT) --access-logfile -

# Debian's Chromium and Thai fonts for the browser tests (Playwright cannot download browsers here),
# Java and npm for the Nu HTML Checker.
APT_TEST_PACKAGES := chromium fonts-thai-tlwg default-jre-headless npm
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "tlwg\|garuda\|loma" \
		|| ! command -v java >/dev/null || ! command -v npm >/dev/null; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing $(APT_TEST_PACKAGES) with apt-get ..."; \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_TEST_PACKAGES) >/dev/null) \
				|| { echo "ERROR: apt-get could not install $(APT_TEST_PACKAGES)."; exit 1; }; \
		else \
			echo "ERROR: the browser and HTML tests need Debian's packages. Run as root, or: sudo apt-get install $(APT_TEST_PACKAGES)"; \
			exit 1; \
		fi; \
	fi

html-checker: $(VNU_JAR)
$(VNU_JAR):
	npm install --prefix .data/npm --no-save --no-audit --no-fund --loglevel=error vnu-jar@$(VNU_VERSION)
	@test -f $@ || { echo "ERROR: npm did not install $@"; exit 1; }

# Python files django-upgrade checks (it rewrites old idioms and fails when it had to).
PY_FILES = find . -name '*.py' -not -path './.venv/*' -not -path './.data/*'
DJANGO_TARGET := 5.2

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint
	$(PY_FILES) | xargs $(BIN)/django-upgrade --target-version $(DJANGO_TARGET)

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: install-dev browser html-checker
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint
	$(PY_FILES) | xargs $(BIN)/django-upgrade --target-version $(DJANGO_TARGET)
	DJANGO_SETTINGS_MODULE=chsd_portal.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=chsd_portal.settings.test $(MANAGE) makemigrations --check --dry-run
	SECRET_KEY=check-deploy-$$(printf '%064d' 0) ALLOWED_HOSTS=portal.example.org \
		DJANGO_SETTINGS_MODULE=chsd_portal.settings.prod $(MANAGE) check --deploy --fail-level WARNING
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest

# Regenerate the Thai catalog from the sources (needs GNU gettext) and compile it (no gettext needed).
messages: install-dev
	flock locale/.lock $(MANAGE) makemessages -l th --no-obsolete --ignore=.venv --ignore=.data --ignore=bench --ignore=tests -v 0
	$(BIN)/python scripts/merge_pending.py

bench: install-dev
	$(BIN)/python bench/run.py

clean-db:
	rm -rf .data/pg .data/pg-system
