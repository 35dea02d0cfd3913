# MIPA: two commands, `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: run test test-dates lint typecheck pytest bench package doctor sandbox clean cards

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
	$(VENV)/bin/mypy app.py clock.py config.py bots dialogs graph language cards sandbox storage notify bench doctor devkit appPackage/build.py appPackage/draw_icons.py

pytest: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -q $(PYTEST_ARGS)

test: lint typecheck pytest

# The date-sensitive suites at pinned instants: a Saturday evening (under libfaketime, the whole process and
# its children), the European and US daylight-saving days, New Year's Eve at 23:10 UTC (already 1 January in
# Paris) and a leap day. The two scale-out tests are left out: they need redis-server, which does not run under
# libfaketime, and the alerts one waits minutes on the real clock (make test runs both). Tests marked `undated`
# wait on durations only (a 10 s timeout, an expiry): make test runs them once. Tests marked `redis` start a
# redis-server, which does not run under libfaketime: the faketime run leaves them out. MIPA_TEST_NOW moves the bot, the
# sandbox and the tests together (tests/support/clock.py).
DATED_SUITES := tests/e2e tests/sandbox tests/graph --ignore=tests/e2e/test_scale_out.py --ignore=tests/e2e/test_alerts_scale_out.py
PINNED_INSTANTS := 2027-03-28T00:30:00Z 2027-03-14T09:30:00Z 2026-12-31T23:10:00Z 2028-02-29T08:00:00Z
FAKETIME_INSTANT := 2026-12-05 21:40:00
test-dates: $(STAMP) $(NODE_STAMP)
	@failed=""; for now in $(PINNED_INSTANTS); do \
	  echo "== MIPA_TEST_NOW=$$now"; MIPA_TEST_NOW=$$now $(PY) -m pytest -q -p no:cacheprovider $(DATED_SUITES) -m "not undated" || failed="$$failed $$now"; done; \
	off=$$(( $$(date -u -d '$(FAKETIME_INSTANT)' +%s) - $$(date -u +%s) )); \
	echo "== faketime -f +$${off}s ($(FAKETIME_INSTANT) UTC)"; \
	faketime -f "+$${off}s" $(PY) -m pytest -q -p no:cacheprovider $(DATED_SUITES) -m "not undated and not redis" || failed="$$failed faketime"; \
	if [ -n "$$failed" ]; then echo "test-dates failed at:$$failed"; exit 1; fi

# Every card in English and French as PNGs (Teams host config, Teams' message width) and an index.html to review.
cards: $(STAMP) $(NODE_STAMP)
	$(PY) -m tests.cards.gallery --out test-artifacts/cards

bench: $(STAMP)
	$(PY) -m bench

package: $(STAMP)
	$(PY) appPackage/build.py

doctor: $(STAMP)
	$(PY) -m doctor

clean:
	rm -rf $(VENV) node_modules appPackage/build test-artifacts
