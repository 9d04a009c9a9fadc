"""Per-language application state: font fallback, Qt's own translations (the start locale: i18n.choice)."""
from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from assistant.content.catalog import Catalog

log = logging.getLogger(__name__)
_SYSTEM_FONT: QFont | None = None


def _system_font(app: QApplication) -> QFont:
    """The application font before any locale changed it (one per process, whatever Localizers come)."""
    global _SYSTEM_FONT
    if _SYSTEM_FONT is None:
        _SYSTEM_FONT = QFont(app.font())
    return _SYSTEM_FONT


class Localizer:
    """Applies a locale to the application: fonts from LocaleInfo.fonts, qtbase_<lang>.qm, direction."""

    def __init__(self, app: QApplication, catalog: Catalog) -> None:
        self._app = app
        self._catalog = catalog
        system = _system_font(app)
        self._base_families = list(system.families()) or [system.family()]
        self._base_size = system.pointSizeF()
        self._translator: QTranslator | None = None
        self.code = ""
        self.scale = 1.0

    def apply(self, code: str) -> None:
        self.code = code
        info = self._catalog.locales.get(code)
        font = QFont(self._app.font())
        families = [*(info.fonts if info else ()), *self._base_families]
        font.setFamilies(list(dict.fromkeys(families)))
        if self._base_size > 0:
            font.setPointSizeF(self._base_size * self.scale)
        self._app.setFont(font)
        qlocale = QLocale(code.replace("-", "_"))
        QLocale.setDefault(qlocale)
        self._app.setLayoutDirection(qlocale.textDirection())
        self._install_qt_translation(qlocale)

    def set_scale(self, factor: float) -> None:
        """Text size relative to the system font (2.0 = 200 %), re-applied with the current locale."""
        self.scale = factor
        self.apply(self.code)

    def _install_qt_translation(self, qlocale: QLocale) -> None:
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        if qlocale.language() == QLocale.Language.English:
            return
        translator = QTranslator(self._app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(qlocale, "qtbase", "_", folder):
            self._app.installTranslator(translator)
            self._translator = translator
        else:
            log.info("no Qt translation for %s in %s", qlocale.name(), folder)
