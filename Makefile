# Two commands do all the set-up: `make run` starts the app, `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint check bench bundle bundle-smoke screenshots clean

$(STAMP): pyproject.toml constraints.txt
	bash scripts/install-system-deps.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,lint]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# The one-folder app for people without Python: dist/wallet-support/ (packaging/wallet-support.spec, README).
BUNDLE_STAMP := $(VENV)/.bundle-installed
$(BUNDLE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,lint,bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	rm -rf build/bundle dist/wallet-support
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --workpath build/bundle --distpath dist packaging/wallet-support.spec
	@du -sh dist/wallet-support

bundle-smoke:
	bash scripts/bundle-smoke.sh dist/wallet-support/wallet-support

check: $(STAMP)
	$(PY) main.py check

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis
