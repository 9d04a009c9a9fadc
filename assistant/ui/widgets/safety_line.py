"""The calm, always-visible reminder that real support never asks for secrets."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from assistant.ui.widgets.labels import WrapLabel


class SafetyLine(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safety_line")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        # An information bar: an "i" mark and a blue edge on the left, the text beside it.
        self.setStyleSheet("#safety_line { border: none; border-left: 4px solid #0b57d0; }")
        self.mark = QLabel("ℹ")
        self.mark.setAccessibleName("")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = WrapLabel()
        self.label.setObjectName("safety_text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 12, 6)
        layout.addWidget(self.mark)
        layout.addWidget(self.label, 1)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.setAccessibleName(text)

    def text(self) -> str:
        return self.label.text()
