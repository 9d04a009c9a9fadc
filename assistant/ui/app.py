"""The only composition root: QApplication, language, crash handler, settings and the main window."""
from __future__ import annotations

# First of all: every module imported after PySide6 is scanned by PySide6's import hook (see the module).
from assistant.ui import pyside_import_scan  # noqa: F401

# isort: split
import atexit
import logging
import os
import sys
from typing import NoReturn

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from assistant import APP_ID
from assistant.content.catalog import Catalog
from assistant.i18n.choice import pick_locale
from assistant.i18n.loading import load_catalog
from assistant.i18n.texts import Texts
from assistant.paths import APP_NAME, content_dir
from assistant.ui.autosave_binding import AutosaveBinding
from assistant.ui.crash import CrashHandler
from assistant.ui.icon_files import icon_bytes, icon_file
from assistant.ui.locale_support import Localizer
from assistant.ui.main_window import MainWindow
from assistant.ui.settings import UiSettings

log = logging.getLogger(__name__)
GIL_SWITCH_SECONDS = 0.001
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # assistant/ui/icons, drawn by scripts/make_icons.py
ORGANIZATION = "Wallet Support Assistant"


def app_icon() -> QIcon:
    """The app icon in every size it ships in (package data), for the window, the taskbar and dialogs."""
    icon = QIcon()
    for size in ICON_SIZES:
        name = f"{APP_ID}-{size}.png"
        path = icon_file(name)
        if path is not None:
            icon.addFile(str(path))  # read when a size is first drawn
        elif (data := icon_bytes(name)) is not None:  # inside an archive: no file to point at
            pixmap = QPixmap()
            pixmap.loadFromData(data, "PNG")
            icon.addPixmap(pixmap)
    return icon


def build_app(argv: list[str], locale: str | None = None, catalog: Catalog | None = None,
              ) -> tuple[QApplication, MainWindow]:
    """Create (or reuse) the QApplication and a ready, not yet shown, main window."""
    # The live secret check of a long email runs in a thread; handing the interpreter back every millisecond
    # (not every 5) keeps key presses from waiting behind it.
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName(APP_ID)  # Wayland's app id and X11's hint: the taskbar finds the entry and its icon
    app.setWindowIcon(app_icon())
    catalog = catalog or load_catalog(content_dir(), use_cache=True)
    for problem in catalog.problems:
        log.warning("%s", problem.render())
    settings = UiSettings()
    code = pick_locale(catalog, locale, settings.language(), QLocale.system().name())
    localizer = Localizer(app, catalog)
    localizer.apply(code)
    window = MainWindow(catalog, code, settings, localizer)
    app.setApplicationDisplayName(window.texts.ui("app.title"))
    window.language_changed.connect(lambda _code: app.setApplicationDisplayName(window.texts.ui("app.title")))

    def crash_texts() -> tuple[str, str, str]:
        texts: Texts = window.texts
        return texts.ui("crash.title"), texts.ui("crash.message"), texts.ui("crash.log_saved")

    handler = CrashHandler(lambda: window, crash_texts)
    handler.install()
    window.crash_handler = handler
    window.destroyed.connect(handler.uninstall)
    window.autosave = AutosaveBinding(window)
    return app, window


def run_app(argv: list[str], locale: str | None = None, *, end_process: bool = False) -> int:
    """Show the window until it is closed; the exit code. `end_process` (the program's own start, never a
    caller that goes on afterwards) ends the process here once everything is written (see `leave`)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app, window = build_app(argv, locale)
    window.show()
    quit_after = os.environ.get("WSA_QUIT_AFTER_MS")  # smoke tests of an installed copy or a bundle
    if quit_after:
        QTimer.singleShot(int(quit_after), app.quit)
    code = app.exec()
    if end_process:
        if window.settings is not None:
            window.settings.sync()  # written by closeEvent already; nothing may depend on a destructor now
        del window
        leave(app, code)
    return code


def leave(app: QApplication, code: int) -> NoReturn:
    """End the process without Python's object-by-object teardown, which makes closing the window take
    about 20 ms longer for nothing: by now the window has saved its settings (closeEvent) and autosave writes
    as it goes. Qt is still shut down properly first (it hands the clipboard to the desktop, so an email
    copied there survives the app), then exit handlers run and output is flushed."""
    app.shutdown()
    del app
    logging.shutdown()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass  # no console (a windowed program) or it was closed: nothing to flush
    os._exit(code)
