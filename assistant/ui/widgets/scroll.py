"""A vertical-only scroll area: content wraps to the width and scrolls when text is large (200 %)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


class VScroll(QScrollArea):
    def __init__(self, parent: QWidget | None = None, margin: int = 18) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop of its own; it follows the focused child
        self.inner = QWidget()
        self.column = QVBoxLayout(self.inner)
        self.column.setContentsMargins(margin, margin, margin, margin)
        self.column.setSpacing(10)
        self.setWidget(self.inner)
