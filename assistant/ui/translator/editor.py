"""Edit the chosen unit in place: one row per text, the source beside its editable translation; Save writes only
the changed values into the locale's file (assistant.i18n.edit), and is refused with the reason when the edit
would give the unit new `check` errors."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assistant.checks.catalog import check_catalog
from assistant.content.catalog import Catalog
from assistant.i18n.edit import EditRefused, save_unit, unit_values
from assistant.problems import Problem


def _plain(value: str | tuple[str, ...] | None) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else "\n".join(value)


class UnitEditor(QWidget):
    saved = Signal(list)  # the text keys that changed; the window reloads

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel(objectName="translator_edit_hint", wordWrap=True)
        self.message = QLabel(objectName="translator_edit_message", wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("color:#c01c28")
        self.save_button = QPushButton(objectName="translator_save")
        self.revert_button = QPushButton(objectName="translator_revert")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.scroll = QScrollArea(widgetResizable=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.addLayout(buttons)
        column.addWidget(self.message)
        column.addWidget(self.scroll, 1)
        self.fields: dict[str, QPlainTextEdit] = {}
        self.original: dict[str, str | tuple[str, ...]] = {}
        self._where: tuple[Catalog, str, str, list[Problem]] | None = None
        self.ui: Callable[..., str] = lambda key, **_: key

    def retranslate(self, ui: Callable[..., str]) -> None:
        self.ui = ui
        self.hint.setText(ui("translator.edit_hint"))
        self.save_button.setText(ui("translator.save"))
        self.revert_button.setText(ui("translator.revert"))

    def values(self) -> dict[str, str | list[str]]:
        """The edited texts by key; a list (choices, keywords) has one item a line."""
        out: dict[str, str | list[str]] = {}
        for key, edit in self.fields.items():
            text = edit.toPlainText()
            out[key] = text if isinstance(self.original[key], str) else [line for line in text.split("\n") if line.strip()]
        return out

    def dirty(self) -> bool:
        return any((v if isinstance(v, str) else tuple(v)) != self.original[k] for k, v in self.values().items())

    def show_unit(self, catalog: Catalog, unit: str, locale: str, compare: str, problems: list[Problem]) -> None:
        """The unit's texts in `locale`, each beside its `compare` text; unsaved edits of the same unit are kept."""
        same = self._where is not None and self._where[1:3] == (unit, locale)
        self._where = (catalog, unit, locale, problems)
        if same and self.dirty():
            return
        self.message.setText("")
        editable = not catalog.locales[locale].pseudo
        self.original = dict(unit_values(catalog, locale, unit)) if editable else {}
        self.fields = {}
        host = QWidget()
        grid = QGridLayout(host)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        for index, (key, value) in enumerate(self.original.items()):
            label = QLabel(key, objectName="translator_edit_key")
            label.setStyleSheet("color:#6a6a6a;font-family:monospace")
            entry = catalog.texts.get(compare, {}).get(key)
            source = QLabel(_plain(entry.value if entry else None), wordWrap=True, textFormat=Qt.TextFormat.PlainText)
            source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            source.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            edit = QPlainTextEdit(_plain(value), objectName=f"translator_edit:{key}")
            lines = min(12, max(2, _plain(value).count("\n") + 2))
            edit.setFixedHeight(lines * edit.fontMetrics().lineSpacing() + 14)
            grid.addWidget(label, 2 * index, 0, 1, 2)
            grid.addWidget(source, 2 * index + 1, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(edit, 2 * index + 1, 1)
            self.fields[key] = edit
        grid.setRowStretch(2 * len(self.original), 1)
        self.scroll.setWidget(host)
        self.save_button.setEnabled(bool(self.fields))
        self.revert_button.setEnabled(bool(self.fields))
        if editable and not self.fields:
            self.message.setText(self.ui("translator.edit_missing"))

    def revert(self) -> None:
        for key, edit in self.fields.items():
            edit.setPlainText(_plain(self.original[key]))
        self.message.setText("")

    def save(self) -> bool:
        """Write the edits; False (and the reason shown) when nothing could be written."""
        if self._where is None:
            return False
        catalog, unit, locale, problems = self._where
        try:
            changed = save_unit(catalog, locale, unit, self.values(),
                                check=lambda c: check_catalog(c, locale)[0], before=problems)
        except EditRefused as exc:
            self.message.setText(str(exc))
            return False
        if not changed:
            self.message.setText(self.ui("translator.edit_nothing"))
            return False
        self.original, self.fields, self._where = {}, {}, None  # saved: the reload shows the file as written
        self.saved.emit(changed)
        return True
