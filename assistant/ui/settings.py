"""UI state only (window geometry, chosen language, text size), kept in an INI file in the user data folder."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from assistant.paths import user_data_dir


class UiSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        if settings is None:
            folder = user_data_dir()
            settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
        self._s = settings

    def language(self) -> str | None:
        value = self._s.value("ui/language")
        return str(value) if value else None

    def set_language(self, code: str) -> None:
        self._s.setValue("ui/language", code)

    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, data: QByteArray) -> None:
        self._s.setValue("window/geometry", data)

    def text_scale(self) -> float:
        try:
            value = float(self._s.value("ui/text_scale", 1.0))
        except (TypeError, ValueError):
            return 1.0
        return value if 0.5 <= value <= 3.0 else 1.0

    def set_text_scale(self, scale: float) -> None:
        self._s.setValue("ui/text_scale", scale)

    def sync(self) -> None:
        self._s.sync()

    def clear(self) -> None:
        """'Delete my data': forget the language and window geometry too."""
        self._s.clear()
        self._s.sync()
