"""Under the attachments: the pictures being read (a busy bar), each refused picture by name with a Remove
button, and a confirmation tick for each picture that could not be read."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from assistant.email.attachments import Attachment
from assistant.ui.widgets.labels import ToneLabel, WrapLabel

if TYPE_CHECKING:
    from assistant.vision.check import PictureCheck

# (file, included, verdict or None while it is read, confirmed by the person)
PictureRow = tuple[Attachment, bool, "PictureCheck | None", bool]


class PictureChecks(QWidget):
    remove_requested = Signal(int)
    confirm_toggled = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="picture_checks")
        self.busy_label = WrapLabel()
        self.busy_label.setObjectName("picture_busy_label")
        self.busy = QProgressBar(objectName="picture_busy")
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.body = QWidget()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.busy_label)
        self.layout_.addWidget(self.busy)
        self.layout_.addWidget(self.body)
        self.refusals: list[tuple[ToneLabel, QPushButton]] = []
        self.confirmations: list[QCheckBox] = []
        self.busy_label.hide()
        self.busy.hide()

    def show_rows(self, rows: Sequence[PictureRow], ui: Callable[..., str]) -> None:
        """Draw the state of every picture again (a handful of widgets, so rebuilding is simplest)."""
        from assistant.vision.check import PictureState

        old, self.body = self.body, QWidget()
        self.layout_.replaceWidget(old, self.body)
        old.deleteLater()
        rows_layout = QVBoxLayout(self.body)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        self.refusals, self.confirmations = [], []
        pictures = [r for r in rows if r[0].is_image]
        waiting = sum(1 for r in pictures if r[2] is None)
        self.busy_label.setVisible(waiting > 0)
        self.busy.setVisible(waiting > 0)
        if waiting:
            done = len(pictures) - waiting
            self.busy_label.setText(ui("review.attach.ocr.checking", done=done, total=len(pictures)))
            self.busy.setRange(0, 0)  # busy: one picture takes a few seconds, with no finer progress to show
        for index, (attachment, _included, result, confirmed) in enumerate(rows):
            if result is None or not attachment.is_image:
                continue
            name = attachment.filename
            if result.state is PictureState.REFUSED:
                what = ui("review.attach.ocr.what_mnemonic" if result.kind == "mnemonic" else "review.attach.ocr.what_key")
                label = ToneLabel("error")
                label.show_text(ui("review.attach.ocr.refused", name=name, what=what))
                button = QPushButton(ui("review.attach.ocr.remove", name=name), objectName=f"picture_remove_{index}")
                button.clicked.connect(lambda _checked=False, i=index: self.remove_requested.emit(i))
                line = QHBoxLayout()
                line.addWidget(label, 1)
                line.addWidget(button)
                rows_layout.addLayout(line)
                self.refusals.append((label, button))
            elif result.state is PictureState.UNCHECKED:
                why = WrapLabel(ui(f"review.attach.ocr.unchecked_{result.detail}", name=name))
                box = QCheckBox(ui("review.attach.ocr.confirm", name=name), objectName=f"picture_confirm_{index}")
                box.setChecked(confirmed)
                box.toggled.connect(lambda on, i=index: self.confirm_toggled.emit(i, on))
                rows_layout.addWidget(why)
                rows_layout.addWidget(box)
                self.confirmations.append(box)


def status(result: PictureCheck | None, attachment: Attachment, ui: Callable[..., str]) -> str:
    """The short note under a file's name in the list."""
    if not attachment.is_image:
        return ""
    if result is None:
        return ui("review.attach.ocr.status_checking")
    return ui(f"review.attach.ocr.status_{result.state.value}")
