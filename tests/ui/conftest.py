"""Fixtures that build the real MainWindow offscreen, with settings and dialogs kept out of the way."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

COMPLETE_LOCALES = ("zh-CN", "en", "zh-TW")


class DialogLog:
    """Modal dialogs never block a test: each one is recorded and answered with `answer`."""

    def __init__(self) -> None:
        self.boxes: list[tuple[str, str, str]] = []  # (object name, text, informative text)
        self.answer = QMessageBox.StandardButton.Ok

    def names(self) -> list[str]:
        return [name for name, _text, _info in self.boxes]


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> DialogLog:
    log = DialogLog()

    def fake_box_exec(box: QMessageBox) -> int:
        log.boxes.append((box.objectName(), box.text(), box.informativeText()))
        return int(log.answer.value) if hasattr(log.answer, "value") else int(log.answer)

    def fake_dialog_exec(dialog: QDialog) -> int:
        log.boxes.append((dialog.objectName(), dialog.windowTitle(), ""))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_box_exec)
    monkeypatch.setattr(QDialog, "exec", fake_dialog_exec)
    return log


def reads_nothing_secret(_data: bytes):
    """A stand-in for the OCR engine (a real reading takes seconds): every picture reads as a plain screen."""
    from assistant.vision.engine import Line, Reading, ReadStatus

    return Reading(ReadStatus.READ, (Line("交易详情", (40, 80, 200, 120), 0.99),))


@pytest.fixture(autouse=True)
def fast_picture_reading(monkeypatch):
    """UI tests read pictures with the stand-in; tests/vision reads real pictures with the real engine."""
    from assistant.ui.pages.review import ReviewPage

    monkeypatch.setattr(ReviewPage, "recogniser", staticmethod(reads_nothing_secret))


@pytest.fixture
def make_window(qtbot, catalog, tmp_path, request):
    """make_window(locale) -> a shown MainWindow with its own settings file and the app's Localizer."""
    from assistant.ui.locale_support import Localizer
    from assistant.ui.main_window import MainWindow
    from assistant.ui.settings import UiSettings

    def make(locale: str = "en", content=None):
        cat = content or catalog
        settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        localizer = Localizer(QApplication.instance(), cat)
        localizer.apply(locale)
        # Qt's translators are application-wide: take this one out again so later tests start in English.
        request.addfinalizer(lambda: localizer.apply("en"))
        window = MainWindow(cat, locale, settings, localizer)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make
