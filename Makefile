# Two commands do all the set-up: `make run` starts the app, `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint check bench bundle bundle-smoke screenshots clean install-desktop uninstall-desktop \
	validate-desktop

$(STAMP): pyproject.toml constraints.txt
	bash scripts/install-system-deps.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,lint,ocr]'
	# The OCR engine without its declared opencv-python (the GUI build, with a second Qt): the ocr extra brings
	# opencv-python-headless, which provides the same cv2.
	$(PY) -m pip install --quiet -c constraints.txt --no-deps rapidocr-onnxruntime
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen WSA_REQUIRE_OCR=1 $(PY) -m pytest -q

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

# The desktop entry and icons, into the user's XDG folders: the app appears in the desktop's app list and
# starts from this checkout's virtual environment (GUI_BIN). No root needed; uninstall-desktop removes them.
APP_ID := org.walletsupport.WalletSupportAssistant
XDG_DATA_HOME ?= $(HOME)/.local/share
GUI_BIN ?= $(abspath $(VENV))/bin/wallet-support-gui
ICON_SIZES := 16 24 32 48 64 128 256 512

install-desktop: $(STAMP)
	mkdir -p "$(XDG_DATA_HOME)/applications" "$(XDG_DATA_HOME)/metainfo" "$(XDG_DATA_HOME)/icons/hicolor/scalable/apps"
	sed -e 's|^Exec=.*|Exec="$(GUI_BIN)"|' -e 's|^TryExec=.*|TryExec=$(GUI_BIN)|' \
		packaging/$(APP_ID).desktop > "$(XDG_DATA_HOME)/applications/$(APP_ID).desktop"
	cp packaging/$(APP_ID).metainfo.xml "$(XDG_DATA_HOME)/metainfo/"
	cp packaging/icons/$(APP_ID).svg "$(XDG_DATA_HOME)/icons/hicolor/scalable/apps/"
	for size in $(ICON_SIZES); do \
		mkdir -p "$(XDG_DATA_HOME)/icons/hicolor/$${size}x$${size}/apps" && \
		cp assistant/ui/icons/$(APP_ID)-$$size.png "$(XDG_DATA_HOME)/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png"; \
	done
	touch "$(XDG_DATA_HOME)/icons/hicolor"  # tells icon caches to look again
	command -v update-desktop-database >/dev/null && update-desktop-database -q "$(XDG_DATA_HOME)/applications" || true
	@echo "installed $(XDG_DATA_HOME)/applications/$(APP_ID).desktop (starts $(GUI_BIN))"

uninstall-desktop:
	rm -f "$(XDG_DATA_HOME)/applications/$(APP_ID).desktop" "$(XDG_DATA_HOME)/metainfo/$(APP_ID).metainfo.xml" \
		"$(XDG_DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg"
	for size in $(ICON_SIZES); do rm -f "$(XDG_DATA_HOME)/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png"; done
	command -v update-desktop-database >/dev/null && update-desktop-database -q "$(XDG_DATA_HOME)/applications" || true
	@echo "removed the desktop entry and icons of $(APP_ID) from $(XDG_DATA_HOME)"

# The standard validators on the shipped files (CI runs this after lint).
validate-desktop: $(STAMP)
	desktop-file-validate packaging/$(APP_ID).desktop
	appstreamcli validate --no-net packaging/$(APP_ID).metainfo.xml
	$(PY) scripts/make_desktop_files.py --check
	$(PY) scripts/make_icons.py --check

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis
