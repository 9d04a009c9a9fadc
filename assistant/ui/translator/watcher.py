"""Watch content/ for saves, including the write-temp-then-rename saves most editors do.

QFileSystemWatcher forgets a file once it is replaced by a rename, so directories are watched too and every
path is re-added after each change; bursts of events are folded into one `changed` signal (debounced).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 300


class ContentWatcher(QObject):
    changed = Signal()

    def __init__(self, root: Path, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.root = root
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._timer.timeout.connect(self._fire)
        self.rewatch()

    def paths(self) -> list[str]:
        found = [self.root]
        for folder in (self.root / "flows", self.root / "locales"):
            if folder.is_dir():
                found.append(folder)
        locales = self.root / "locales"
        if locales.is_dir():
            found.extend(p for p in sorted(locales.iterdir()) if p.is_dir())
        for folder in list(found):
            found.extend(p for p in sorted(folder.glob("*.toml")) if not p.name.startswith("."))
        return [str(p) for p in found]

    def rewatch(self) -> None:
        """Watch every current path again (renamed-over files drop out of QFileSystemWatcher)."""
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [p for p in self.paths() if p not in watched]
        if missing:
            self._watcher.addPaths(missing)

    def _poke(self, _path: str = "") -> None:
        self._timer.start()

    def _fire(self) -> None:
        self.rewatch()
        self.changed.emit()
