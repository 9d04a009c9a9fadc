"""Labels that stay readable: word-wrapped, scaled from the application font, palette-aware colours.

Font and colour follow run-time changes (language switch, 200 % text, light/dark) through the
application's fontChanged/paletteChanged signals rather than event overrides, which keeps the many
QEvent wrapper types out of start-up.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class WrapLabel(QLabel):
    """A plain-text, word-wrapped, selectable label; the default for any text from content files."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, selectable: bool = True) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if selectable:
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


class Heading(WrapLabel):
    """Bold text `scale` times the application font; follows run-time font changes (200 % text size)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, scale: float = 1.3) -> None:
        super().__init__(text, parent)
        self._scale = scale
        self.setProperty("a11y_role", "heading")  # exposed as a heading (assistant.ui.a11y)
        self.setAccessibleName(text)
        self.apply_font()
        QApplication.instance().fontChanged.connect(self.apply_font)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setAccessibleName(text)

    def apply_font(self, _font: QFont | None = None) -> None:
        font = QFont(QApplication.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * self._scale)
        else:
            font.setPixelSize(round(font.pixelSize() * self._scale))
        font.setBold(True)
        self.setFont(font)


class ToneLabel(WrapLabel):
    """A word-wrapped label whose colour marks its tone ("error" or "notice"), chosen for light or dark."""

    _COLOURS = {"error": ("#a4161a", "#ff8a80"), "notice": ("#7a4b00", "#ffd180")}

    def __init__(self, tone: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self._tone = tone
        if tone == "error":
            self.setProperty("a11y_role", "alert")  # a refusal or a field problem is announced (assistant.ui.a11y)
        self.apply_colour()
        QApplication.instance().paletteChanged.connect(self.apply_colour)

    def apply_colour(self, _palette: QPalette | None = None) -> None:
        light, dark = self._COLOURS[self._tone]
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(dark if is_dark(QApplication.palette()) else light))
        self.setPalette(palette)

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))
