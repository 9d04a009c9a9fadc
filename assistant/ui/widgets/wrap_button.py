"""A push button whose text wraps: a bold title and an optional one-line summary under it.

QPushButton cannot wrap its text, which clips long translations and 200 % font sizes; this button lays
out two word-wrapped labels inside itself and reports a height for its width.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class WrapButton(QPushButton):
    def __init__(self, title: str = "", summary: str = "", parent: QWidget | None = None, *, large: bool = True) -> None:
        super().__init__(parent)
        self.setAutoDefault(True)  # Enter on a focused button presses it
        self._title = QLabel(self)
        self._summary = QLabel(self)
        for label in (self._title, self._summary):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if large:
            bold = QFont()
            bold.setBold(True)
            self._title.setFont(bold)
        # An optional picture left of the texts (the home page's problems); decoration only, so the
        # accessible name stays the title.
        self._icon = QLabel(self)
        self._icon.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._icon.hide()
        layout = QHBoxLayout(self)
        pad = 14 if large else 8
        layout.setContentsMargins(pad, pad - 4, pad, pad - 4)
        layout.setSpacing(12)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignVCenter)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self._title)
        texts.addWidget(self._summary)
        layout.addLayout(texts, 1)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_texts(title, summary)

    def set_texts(self, title: str, summary: str = "") -> None:
        self._title.setText(title)
        self._summary.setText(summary)
        self._summary.setVisible(bool(summary))
        self.setAccessibleName(title)
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.updateGeometry()

    def set_icon(self, pixmap: QPixmap | None) -> None:
        if pixmap is None or pixmap.isNull():
            self._icon.clear()
            self._icon.hide()
        else:
            self._icon.setPixmap(pixmap)
            self._icon.setFixedSize(pixmap.deviceIndependentSize().toSize())
            self._icon.show()
        self.updateGeometry()

    def picture(self) -> QPixmap:
        """The icon shown left of the texts (a null pixmap when there is none)."""
        return self._icon.pixmap()

    def title(self) -> str:
        return self._title.text()

    def summary(self) -> str:
        return self._summary.text()

    # size: follow the inner layout, not QPushButton's single-line text metrics ------------------
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.layout().totalHeightForWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = self.layout().totalSizeHint()
        return QSize(hint.width(), self.heightForWidth(hint.width()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        minimum = self.layout().totalMinimumSize()
        return QSize(min(minimum.width(), 120), minimum.height())
