"""The composition root and cross-cutting promises: language choice, Qt's own translations, start-up
imports, accessibility names, 200 % text without clipping, dark palette, localised field errors."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QWidget,
)

from assistant.i18n.choice import pick_locale
from assistant.ui.locale_support import Localizer
from assistant.ui.widgets.wrap_button import WrapButton
from tests.ui.conftest import COMPLETE_LOCALES
from tests.ui.driver import click, outcome_paths, picker, replay, start_flow, walk_until

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("requested", "saved", "system", "expected"), [
    ("en", "zh-CN", "zh_CN", "en"),
    (None, "en", "zh_CN", "en"),
    (None, None, "zh_CN", "zh-CN"),
    (None, None, "zh_SG", "zh-CN"),
    (None, None, "de_DE", "en"),
    (None, None, "en_US", "en"),
    ("xx", None, "fr_FR", "en"),
])
def test_pick_locale(catalog, requested, saved, system, expected):
    assert pick_locale(catalog, requested, saved, system) == expected


def test_qt_dialogs_are_translated_with_the_language(qapp, catalog):
    app = QApplication.instance()
    localizer = Localizer(app, catalog)
    localizer.apply("zh-CN")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    fonts = app.font().families()
    assert fonts[: len(catalog.locales["zh-CN"].fonts)] == list(catalog.locales["zh-CN"].fonts)
    localizer.apply("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def run_child(code: str, tmp_path) -> subprocess.CompletedProcess:
    env = {"QT_QPA_PLATFORM": "offscreen", "WSA_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


PARSING = ("assistant.flows.parse", "tomllib", "_hashlib")  # a first start parses content/ (then cached)


def test_start_up_loads_no_heavy_or_network_module(tmp_path):
    code = """
        import atexit
        import sys
        import os
        os.environ["WSA_QUIT_AFTER_MS"] = "0"
        sys.argv = ["main.py", "--locale", "zh-CN"]
        from assistant.cli import main
        watched = ("jinja2", "markdown", "email", "assistant.secrets.scan", "assistant.secrets.words",
                   "assistant.email.draft", "assistant.flows.engine", "assistant.validation.fields",
                   "assistant.checks.catalog", "assistant.commands.check", "assistant.commands.draft",
                   "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtSvg",
                   "assistant.vision.phrase", "rapidocr_onnxruntime", "onnxruntime", "cv2", "numpy", *PARSING)
        # The program ends its own process after the window (assistant.ui.app.leave); exit handlers still run.
        atexit.register(lambda: print("LOADED:" + ",".join(m for m in watched if m in sys.modules)))
        main()  # as people start it: the command line, the platform check, the window, one event-loop turn
        print("not reached: the program ends the process itself")
    """.replace("*PARSING", repr(PARSING))
    first = run_child(code, tmp_path)
    assert first.returncode == 0, first.stderr
    assert [m for m in first.stdout.strip().split(":", 1)[1].split(",") if m and m not in PARSING] == []
    again = run_child(code, tmp_path)  # the usual start: content parsed before, read from the cache
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().splitlines() == ["LOADED:"]


def test_the_program_ends_its_process_after_saving_what_it_keeps(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WSA_DATA_DIR": str(tmp_path), "WSA_QUIT_AFTER_MS": "0"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--locale", "ja"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    saved = (tmp_path / "ui.ini").read_text(encoding="utf-8")
    assert "geometry=" in saved  # the window's size and place, written before the quick exit


def test_run_app_starts_and_quits_cleanly(tmp_path):
    result = run_child("""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from assistant.ui.app import run_app
        app = QApplication(["t"])  # run_app reuses it; the timer needs a running application
        QTimer.singleShot(300, app.quit)
        sys.exit(run_app(["t"], "en"))
    """, tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ui.ini").exists()  # geometry and language are remembered


CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox)


def visible_pages(window, catalog):
    """Yield after showing: home, a question, a step (if any), a form (if any), an outcome."""
    yield "home"
    flow_id, flow = next(iter(catalog.flows.items()))
    start_flow(window, flow_id)
    yield "question"
    for flow_id in catalog.flows:
        start_flow(window, flow_id)
        if walk_until(window, picker("last"), lambda n: n.kind.value == "form"):
            yield "form"
            break
    paths = outcome_paths(flow)
    start_flow(window, next(iter(catalog.flows)))
    replay(window, next(iter(paths.values())))
    yield "outcome"


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_every_visible_control_has_an_accessible_name(make_window, catalog, locale):
    window = make_window(locale)
    for page in visible_pages(window, catalog):
        current = window.stack.currentWidget()
        for widget in current.findChildren(QWidget):
            if isinstance(widget, CONTROLS) and widget.isVisible():
                assert widget.accessibleName().strip(), (page, widget.objectName(), type(widget).__name__)
        for browser in current.findChildren(QTextBrowser):
            if browser.isVisible():
                assert browser.accessibleName().strip(), (page, browser.objectName())


def assert_nothing_clipped(window, where: str) -> None:
    current = window.stack.currentWidget()
    for label in current.findChildren(QLabel) + window.safety.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            need = label.heightForWidth(label.width())
            assert label.height() >= need - 1, (where, label.text()[:40], label.height(), need)
    for button in current.findChildren(WrapButton):
        if button.isVisible():
            assert button.height() >= button.heightForWidth(button.width()) - 1, (where, button.title()[:40])


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_readable_and_unclipped_at_200_percent_text(make_window, catalog, locale):
    window = make_window(locale)
    window.localizer.set_scale(2.0)
    try:
        window.resize(640, 560)
        for page in visible_pages(window, catalog):
            for _ in range(3):  # a font change posts layout requests that post more of them
                QApplication.processEvents()
            assert window.home.heading.font().pointSizeF() > 2 * 9 * 1.4  # headings grew with the text
            assert_nothing_clipped(window, page)
    finally:
        window.localizer.set_scale(1.0)


def test_dark_palette_is_followed(make_window, catalog):
    app = QApplication.instance()
    original = app.palette()
    window = make_window("en")
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#2b2c2f"), (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.Button, "#303134"), (QPalette.ColorRole.ButtonText, "#e8eaed"),
                         (QPalette.ColorRole.AlternateBase, "#35363a")):
        dark.setColor(role, QColor(colour))
    try:
        app.setPalette(dark)
        start_flow(window, next(iter(catalog.flows)))
        click(window.flow_page.back_button)
        page = window.flow_page
        page.notice.show_text("x")
        assert page.notice.palette().color(QPalette.ColorRole.WindowText).lightness() > 128
        assert window.safety.palette().color(QPalette.ColorRole.Window).lightness() < 128
    finally:
        app.setPalette(original)
    assert window.flow_page.notice.palette().color(QPalette.ColorRole.WindowText).lightness() < 128
