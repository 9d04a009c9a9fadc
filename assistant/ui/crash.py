"""Last-resort error handling: any uncaught exception becomes one friendly dialog and a log file.

The window keeps running (PySide6 returns to the event loop after an exception in a slot). The log text
goes through the secret scanner first, so a pasted recovery phrase that ended up in an error message never
reaches the disk, and loses email addresses, wallet addresses and hashes too. Logs are private: 0600 files
in a 0700 folder.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from assistant.paths import log_dir
from assistant.storage.atomic import write_text_atomic

log = logging.getLogger(__name__)

# (title, message, "log saved to {path}") in the current language; English if the texts fail.
CrashTexts = Callable[[], tuple[str, str, str]]
_FALLBACK = ("Something went wrong",
             "The assistant hit an unexpected problem. Your answers so far are kept; you can keep going.",
             "Details were saved to {path}")


WITHHELD = "[details withheld: the secret check could not run]"
LOG_FOLDER_MODE, LOG_FILE_MODE = 0o700, 0o600


def scrub(text: str) -> str:
    """Redact anything that looks like a secret; when the check cannot run, keep nothing of the text."""
    try:
        from assistant.secrets.personal import redact_personal
        from assistant.secrets.scan import find_secrets, redact

        return redact_personal(redact(text, find_secrets(text)))
    except Exception:  # noqa: BLE001 - the crash path must never raise, and must not leak what it could not check
        log.error("secret check failed on the crash report; details withheld")
        return WITHHELD


def write_log(details: str) -> Path | None:
    from datetime import datetime

    try:
        folder = log_dir()
        folder.mkdir(mode=LOG_FOLDER_MODE, parents=True, exist_ok=True)
        os.chmod(folder, LOG_FOLDER_MODE)  # also closes a folder an older version left readable to others
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
        write_text_atomic(path, details, mode=LOG_FILE_MODE)
        return path
    except OSError:
        log.exception("could not write the crash log")
        return None


class CrashHandler:
    def __init__(self, parent: Callable[[], QWidget | None], texts: CrashTexts) -> None:
        self._parent = parent
        self._texts = texts
        self._showing = False
        self._previous = sys.excepthook
        self.last_log: Path | None = None

    def install(self) -> None:
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        import traceback  # only here: it pulls in several modules start-up does not need

        details = scrub("".join(traceback.format_exception(exc_type, exc, tb)))
        sys.stderr.write(details)
        self.last_log = write_log(details)
        if threading.current_thread() is threading.main_thread() and QApplication.instance() and not self._showing:
            self._show(details)

    def _show(self, details: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._showing = True
        try:
            try:
                title, message, saved = self._texts()
            except Exception:
                title, message, saved = _FALLBACK
            box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, self._parent())
            if self.last_log is not None:
                box.setInformativeText(saved.replace("{path}", str(self.last_log)))
            box.setDetailedText(details)
            box.setObjectName("crash_dialog")
            box.exec()
        finally:
            self._showing = False
