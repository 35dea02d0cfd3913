# MIPA: two commands, `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: run test lint typecheck pytest bench package doctor sandbox clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --disable-pip-version-check -q -r requirements-dev.txt
	touch $(STAMP)

# Node packages used only by tests (Adaptive Card renderer, Teams manifest schemas).
$(NODE_STAMP): package.json
	@if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi
	touch $(NODE_STAMP)

run: $(STAMP)
	$(PY) app.py

sandbox: $(STAMP)
	$(PY) -m sandbox --port 3979

lint: $(STAMP)
	$(VENV)/bin/ruff check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy app.py clock.py config.py bots dialogs graph language cards sandbox storage bench doctor appPackage/build.py appPackage/draw_icons.py

pytest: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -q $(PYTEST_ARGS)

test: lint typecheck pytest

bench: $(STAMP)
	$(PY) -m bench

package: $(STAMP)
	$(PY) appPackage/build.py

doctor: $(STAMP)
	$(PY) -m doctor

clean:
	rm -rf $(VENV) node_modules appPackage/build test-artifacts
