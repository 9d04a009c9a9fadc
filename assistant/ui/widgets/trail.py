"""The trail of answers so far, collapsed behind one toggle: one button per answered node; clicking one asks to
revisit it. The buttons look like buttons (bordered, with an arrow), not like text."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

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
        self.toggle = QPushButton(objectName="trail_toggle")
        self.toggle.setCheckable(True)
        self.toggle.setProperty("secondary", True)
        self.toggle.setAutoDefault(True)
        self.toggle.toggled.connect(self._on_toggled)
        self._texts = ("", "")
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self._heading)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self._body)
        self._body.hide()
        self._buttons: list[WrapButton] = []

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def _on_toggled(self, on: bool) -> None:
        self._body.setVisible(on)
        self._label_toggle()

    def _label_toggle(self) -> None:
        self.toggle.setText(self._texts[1] if self.expanded else self._texts[0])
        self.toggle.setAccessibleName(self.toggle.text())

    def set_items(self, items: list[TrailItem], heading: str, describe: Callable[[TrailItem], str],
                  show: str = "", hide: str = "") -> None:
        """`describe` gives each entry's accessible name, e.g. "Change your answer: <question> — <answer>";
        `show`/`hide` label the toggle that opens and closes the list (collapsed at first)."""
        self._heading.setText(heading)
        self._texts = (show or heading, hide or heading)
        self._label_toggle()
        # Reuse the buttons already there: the trail changes by one entry per answer.
        while len(self._buttons) > len(items):
            button = self._buttons.pop()
            self._layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        while len(self._buttons) < len(items):
            button = WrapButton(parent=self._body, large=False)
            button.clicked.connect(lambda _=False, b=button: self.revisit_requested.emit(b.property("node_id")))
            self._layout.addWidget(button)
            self._buttons.append(button)
        for index, (item, button) in enumerate(zip(items, self._buttons, strict=True), start=1):
            button.setProperty("node_id", item.node_id)
            button.setObjectName(f"trail_{item.node_id}")
            button.set_texts(f"{index}. {item.question}  ›", f"→ {item.answer}")
            button.setAccessibleName(describe(item))
        self.setVisible(bool(items))

    def buttons(self) -> list[WrapButton]:
        return list(self._buttons)
