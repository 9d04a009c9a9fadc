"""The trail of answers so far: one button per answered node; clicking one asks to revisit it."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from assistant.ui.widgets.labels import WrapLabel
from assistant.ui.widgets.wrap_button import WrapButton


@dataclass(frozen=True, slots=True)
class TrailItem:
    node_id: str
    question: str
    answer: str


class Trail(QWidget):
    revisit_requested = Signal(str)  # node id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heading = WrapLabel(selectable=False)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self._heading)
        self._buttons: list[WrapButton] = []

    def set_items(self, items: list[TrailItem], heading: str, describe: Callable[[TrailItem], str]) -> None:
        """`describe` gives each entry's accessible name, e.g. "Change your answer: <question> — <answer>"."""
        self._heading.setText(heading)
        # Reuse the buttons already there: the trail changes by one entry per answer.
        while len(self._buttons) > len(items):
            button = self._buttons.pop()
            self._layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        while len(self._buttons) < len(items):
            button = WrapButton(parent=self, large=False)
            button.setFlat(True)
            button.clicked.connect(lambda _=False, b=button: self.revisit_requested.emit(b.property("node_id")))
            self._layout.addWidget(button)
            self._buttons.append(button)
        for index, (item, button) in enumerate(zip(items, self._buttons, strict=True), start=1):
            button.setProperty("node_id", item.node_id)
            button.setObjectName(f"trail_{item.node_id}")
            button.set_texts(f"{index}. {item.question}", f"→ {item.answer}")
            button.setAccessibleName(describe(item))
        self.setVisible(bool(items))

    def buttons(self) -> list[WrapButton]:
        return list(self._buttons)
