"""Re-read content/ and run `check` off the GUI thread: together they take about a second, which would freeze
the translator window after every save. Requests made while one runs are folded into one more run."""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from assistant.checks.catalog import check_catalog
from assistant.content.catalog import Catalog
from assistant.i18n.loading import load_catalog
from assistant.problems import Problem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reloaded:
    catalog: Catalog
    problems: list[Problem]
    ignored: int


class ContentReloader(QObject):
    loaded = Signal(object)  # Reloaded, in the GUI thread
    failed = Signal(str)  # what went wrong, in the GUI thread; the window keeps the content it has
    busy_changed = Signal(bool)
    _done = Signal(object)  # from the worker thread: Reloaded or the exception

    def __init__(self, content: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.busy = False
        self._again = False
        self._done.connect(self._finish)  # queued: the worker emits, the GUI thread runs _finish

    def start(self) -> None:
        if self.busy:
            self._again = True  # a file was saved while reading: read once more when this run ends
            return
        self.busy = True
        self.busy_changed.emit(True)
        threading.Thread(target=self._work, name="translator-reload", daemon=True).start()

    def _work(self) -> None:
        try:
            catalog = load_catalog(self.content, pseudo=True)
            problems, ignored = check_catalog(catalog)
            result: object = Reloaded(catalog, problems, ignored)
        except Exception as exc:  # noqa: BLE001 - a half-saved file must not close the window
            log.exception("reloading content failed")
            result = exc
        try:
            self._done.emit(result)
        except RuntimeError:  # the window was closed while reading
            pass

    def _finish(self, result: object) -> None:
        self.busy = False
        if isinstance(result, Reloaded):
            self.loaded.emit(result)
        else:
            self.failed.emit(str(result) or type(result).__name__)
        if self._again:
            self._again = False
            self.start()
        else:
            self.busy_changed.emit(False)
