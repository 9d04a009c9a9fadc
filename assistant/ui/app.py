"""The only composition root: QApplication, language, crash handler, settings and the main window."""
from __future__ import annotations

import logging
import os

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication

from assistant.content.catalog import Catalog
from assistant.i18n.loading import load_catalog
from assistant.i18n.texts import Texts
from assistant.paths import APP_NAME, content_dir
from assistant.ui.autosave_binding import AutosaveBinding
from assistant.ui.crash import CrashHandler
from assistant.ui.locale_support import Localizer, pick_locale
from assistant.ui.main_window import MainWindow
from assistant.ui.settings import UiSettings

log = logging.getLogger(__name__)


def build_app(argv: list[str], locale: str | None = None, catalog: Catalog | None = None,
              ) -> tuple[QApplication, MainWindow]:
    """Create (or reuse) the QApplication and a ready, not yet shown, main window."""
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    catalog = catalog or load_catalog(content_dir(), use_cache=True)
    for problem in catalog.problems:
        log.warning("%s", problem.render())
    settings = UiSettings()
    code = pick_locale(catalog, locale, settings.language(), QLocale.system().name())
    localizer = Localizer(app, catalog)
    localizer.apply(code)
    window = MainWindow(catalog, code, settings, localizer)

    def crash_texts() -> tuple[str, str, str]:
        texts: Texts = window.texts
        return texts.ui("crash.title"), texts.ui("crash.message"), texts.ui("crash.log_saved")

    handler = CrashHandler(lambda: window, crash_texts)
    handler.install()
    window.crash_handler = handler
    window.destroyed.connect(handler.uninstall)
    window.autosave = AutosaveBinding(window)
    return app, window


def run_app(argv: list[str], locale: str | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app, window = build_app(argv, locale)
    window.show()
    quit_after = os.environ.get("WSA_QUIT_AFTER_MS")  # smoke tests of an installed copy or a bundle
    if quit_after:
        QTimer.singleShot(int(quit_after), app.quit)
    return app.exec()
