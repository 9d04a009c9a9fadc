"""What goes into the email besides its text: one tick per collected detail, and the attached files with
the screenshot checklist. The boxes only show and report ticks; the review model keeps them.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from assistant.email import attachments as att
from assistant.email.draft import Detail
from assistant.ui.widgets.attachment_list import AttachmentList
from assistant.ui.widgets.labels import WrapLabel
from assistant.ui.widgets.picture_checks import PictureChecks, status


def _short(value: str, keep: int = 30) -> str:
    """Middle-elided one-line form of a value for a tick box (the full value is in the tooltip and the body)."""
    flat = " ".join(value.split())
    if len(flat) <= keep:
        return flat
    return flat[: keep * 2 // 3 - 1] + "…" + flat[-(keep // 3):]


class DetailsBox(QGroupBox):
    include_toggled = Signal(str, bool)  # detail name, ticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="details_group")
        layout = QVBoxLayout(self)
        self.hint = WrapLabel()
        self.list = QListWidget(objectName="details_list")
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # long values shrink, never widen the page
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.itemChanged.connect(self._on_item)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        self.items: dict[str, QListWidgetItem] = {}

    def retranslate(self, ui) -> None:
        self.setTitle(ui("review.details"))
        self.list.setAccessibleName(ui("review.details"))
        self.hint.setText(ui("review.details_hint"))

    def fill(self, details: Iterable[Detail], excluded: Collection[str]) -> None:
        """One tick per detail; the full value is in the tooltip. The list is as tall as its rows."""
        with QSignalBlocker(self.list):
            self.list.clear()
            self.items.clear()
            for detail in details:
                item = QListWidgetItem(f"{detail.label}: {_short(detail.value, 80)}")
                item.setData(Qt.ItemDataRole.UserRole, detail.name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setToolTip(f"{detail.label}:\n{detail.value}")
                self.list.addItem(item)
                self.items[detail.name] = item
                self.set_ticked(detail.name, detail.name not in excluded)
        rows = self.list.count()
        height = sum(self.list.sizeHintForRow(i) for i in range(rows)) + 2 * self.list.frameWidth() + 4
        self.list.setFixedHeight(max(height, 8))
        self.setVisible(bool(rows))

    def set_ticked(self, name: str, ticked: bool) -> None:
        item = self.items.get(name)
        if item is not None:
            with QSignalBlocker(self.list):
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _on_item(self, item: QListWidgetItem) -> None:
        self.include_toggled.emit(item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked)


class AttachBox(QGroupBox):
    """The attached files, each ticked in or out, and the "no secret in any screenshot" confirmation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="attachments_group")
        self._shown: list[tuple[att.Attachment, bool]] = []  # (file, included), in the order shown
        self.list = AttachmentList()
        self.pictures = PictureChecks()
        self.checklist = WrapLabel()
        self.checklist_box = QCheckBox(objectName="checklist_confirm")
        self._rows: list = []
        self._ui = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.pictures)
        layout.addWidget(self.checklist)
        layout.addWidget(self.checklist_box)

    def retranslate(self, ui) -> None:
        self.setTitle(ui("review.attach.heading"))
        self.list.list.setAccessibleName(ui("a11y.attachment_list"))
        self.list.set_texts(ui("review.attach.add"), ui("review.attach.remove"), ui("review.attach.include"),
                            ui("review.attach.cleaned"), ui("review.attach.shrunk"))
        self.checklist.setText(ui("review.attach.checklist"))
        self.checklist_box.setText(ui("review.attach.checklist_confirm"))
        self._ui = ui
        self._show()

    def show_files(self, entries: Sequence[tuple[att.Attachment, bool]], rows: Sequence = (), ui=None) -> None:
        """The files, and with `rows` (file, included, verdict, confirmed) what each picture was found to show."""
        self._shown, self._rows = list(entries), list(rows)
        self._ui = ui or self._ui
        self._show()

    def _show(self) -> None:
        ui = self._ui
        notes = [status(r[2], r[0], ui) for r in self._rows] if ui and len(self._rows) == len(self._shown) else None
        self.list.set_items(self._shown, notes)
        if ui is not None:
            self.pictures.show_rows(self._rows, ui)
