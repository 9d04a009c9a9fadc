"""Below "Fill from screenshot…": what the picture showed, each value with its own Use button (into an empty
field only), or why nothing can be used (the picture shows a recovery phrase, or could not be read)."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from assistant.ui.widgets.labels import ToneLabel, WrapLabel

if TYPE_CHECKING:
    from assistant.app.fill import Reading


class FillPanel(QWidget):
    use_requested = Signal(int)  # index of the offer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fill_panel")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.body = QWidget()
        self.layout_.addWidget(self.body)
        self.message: WrapLabel | None = None
        self.buttons: list[QPushButton | None] = []  # one per offer; None for what only informs
        self.hide()

    def _fresh(self) -> QVBoxLayout:
        old, self.body = self.body, QWidget()
        self.layout_.replaceWidget(old, self.body)
        old.deleteLater()
        self.buttons = []
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.show()
        return layout

    def show_message(self, text: str) -> None:
        layout = self._fresh()
        self.message = ToneLabel("error")
        self.message.show_text(text)
        layout.addWidget(self.message)

    def show_busy(self, text: str) -> None:
        layout = self._fresh()
        self.message = WrapLabel(text)
        busy = QProgressBar(objectName="fill_busy")
        busy.setRange(0, 0)
        busy.setTextVisible(False)
        busy.setMaximumHeight(8)
        layout.addWidget(self.message)
        layout.addWidget(busy)

    def show_reading(self, name: str, reading: Reading, field_labels: Mapping[str, str], ui: Callable[..., str]) -> None:
        from assistant.vision.check import PictureState

        layout = self._fresh()
        state = reading.check.state
        if state is PictureState.REFUSED:
            self.message = ToneLabel("error")
            self.message.show_text(ui("form.fill.refused", name=name))
        elif state is PictureState.UNCHECKED:
            self.message = ToneLabel("error")
            self.message.show_text(ui(f"form.fill.{reading.check.detail}", name=name))
        elif not [o for o in reading.offers if o.field]:
            self.message = WrapLabel(ui("form.fill.nothing", name=name))
        else:
            self.message = WrapLabel(ui("form.fill.found", name=name))
        layout.addWidget(self.message)
        for i, offer in enumerate(reading.offers):
            what = ui(f"form.fill.kind.{offer.found.value}")
            line = QHBoxLayout()
            if not offer.field:
                line.addWidget(WrapLabel(ui("form.fill.info", what=what, value=offer.value)), 1)
                self.buttons.append(None)
            else:
                text = ui("form.fill.offer", what=what, field=field_labels.get(offer.field, offer.field), value=offer.value)
                line.addWidget(WrapLabel(text), 1)
                button = QPushButton(ui("form.fill.use"), objectName=f"fill_use_{offer.field}")
                button.clicked.connect(lambda _checked=False, index=i: self.use_requested.emit(index))
                line.addWidget(button)
                self.buttons.append(button)
            layout.addLayout(line)

    def mark_used(self, index: int, text: str) -> None:
        button = self.buttons[index] if 0 <= index < len(self.buttons) else None
        if button is not None:
            button.setEnabled(False)
            button.setText(text)
