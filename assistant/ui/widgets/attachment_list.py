"""Attachments of the support email: thumbnails, an include tick per file, add and remove buttons."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from assistant.email.attachments import Attachment, human_size

THUMB = 56


def thumbnail(attachment: Attachment, style: QStyle, size: int = THUMB) -> QIcon:
    """A small picture of an image attachment, or the file icon for text."""
    if attachment.is_image:
        pixmap = QPixmap()
        if pixmap.loadFromData(attachment.data):
            return QIcon(pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation))
    return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)


class AttachmentList(QWidget):
    add_requested = Signal()
    remove_requested = Signal(int)
    include_toggled = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("attachment_list")
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(THUMB + 16)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.add_button = QPushButton()
        self.add_button.setObjectName("attachment_add")
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("attachment_remove")
        self.remove_button.clicked.connect(self._on_remove)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._filling = False
        self._notes = ("", "")
        self._update_buttons()

    def set_texts(self, add: str, remove: str, include: str, cleaned: str, shrunk: str) -> None:
        self.add_button.setText(add)
        self.remove_button.setText(remove)
        self._include = include
        self._notes = (cleaned, shrunk)

    def set_items(self, items: list[tuple[Attachment, bool]], checks: list[str] | None = None) -> None:
        """Show `items` (attachment, included) in order, with what each picture's check found; keeps the current
        row when possible."""
        row = self.list.currentRow()
        self._filling = True
        try:
            self.list.clear()
            for i, (attachment, included) in enumerate(items):
                notes = [human_size(attachment.size)]
                if checks:
                    notes.append(checks[i])
                if attachment.cleaned:
                    notes.append(self._notes[0])
                if attachment.shrunk:
                    notes.append(self._notes[1])
                item = QListWidgetItem(thumbnail(attachment, self.style()), f"{attachment.filename}\n{' · '.join(n for n in notes if n)}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)
                item.setToolTip(getattr(self, "_include", ""))
                self.list.addItem(item)
            height = max(THUMB + 16, min(3, len(items)) * (THUMB + 10) + 8)
            self.list.setFixedHeight(height if items else THUMB + 16)
        finally:
            self._filling = False
        if items:
            self.list.setCurrentRow(min(max(row, 0), len(items) - 1))
        self._update_buttons()

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.include_toggled.emit(self.list.row(item), item.checkState() == Qt.CheckState.Checked)

    def _on_remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.remove_requested.emit(row)

    def _update_buttons(self, *_args) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)
