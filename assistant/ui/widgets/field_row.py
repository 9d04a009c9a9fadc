"""One form field: label, typed editor, "where do I find this?" hint and an error line under it.

The row validates as the person types through assistant.validation.fields.check_value; the engine validates again on
submit. Pasted values are trimmed, so a stray space or newline from a copied address does no harm.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from assistant.ui.widgets.labels import ToneLabel, WrapLabel

MONOSPACE_KINDS = frozenset({"address", "tx_hash"})
MULTILINE_KINDS = frozenset({"multiline"})


class FieldRow(QWidget):
    edited = Signal(str)  # field name

    def __init__(self, name: str, kind: str, chain: str | None, required: bool,
                 options: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name, self.kind, self.chain, self.required = name, kind, chain, required
        self.options = options
        self._message_for: Callable[[object], str] = lambda problem: getattr(problem, "message", "")
        self.label = WrapLabel(selectable=False)
        self.editor = self._make_editor(kind, options)
        self.editor.setObjectName(f"field_{name}")
        self.label.setBuddy(self.editor)
        self.hint = WrapLabel()
        self.hint.setObjectName(f"hint_{name}")
        small = QFont()
        small.setItalic(True)
        self.hint.setFont(small)
        self.example = WrapLabel()  # "For example …": under the field, never a placeholder that looks filled in
        self.example.setObjectName(f"example_{name}")
        self.example.hide()
        self.zone = ""  # the zone a time without one is read in (datetime fields)
        self.error = ToneLabel("error")
        self.error.setObjectName(f"error_{name}")
        # One line is always kept for the problem, so a message appearing never moves what is under the pointer.
        self.error.setText("X")
        self.error.setMinimumHeight(self.error.sizeHint().height())
        self.error.setText("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(3)
        for widget in (self.label, self.editor, self.error, self.example, self.hint):  # the problem under the value
            layout.addWidget(widget)

    def _make_editor(self, kind: str, options: tuple[str, ...]) -> QWidget:
        if kind == "select":
            editor = QComboBox(self)
            editor.addItem("", "")
            for option in options:
                editor.addItem(option, option)
            editor.currentIndexChanged.connect(lambda _i: self._on_edited())
            return editor
        if kind in MULTILINE_KINDS:
            editor = QPlainTextEdit(self)
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(QLabel().fontMetrics().lineSpacing() * 4)
            editor.textChanged.connect(self._on_edited)
            return editor
        editor = QLineEdit(self)
        if kind in MONOSPACE_KINDS:
            editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        editor.textChanged.connect(lambda _t: self._on_edited())
        editor.editingFinished.connect(self._trim)
        return editor

    # text ----------------------------------------------------------------------------------------
    def _show_error_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.setAccessibleName(text)

    def retranslate(self, label: str, hint: str, placeholder: str, option_labels: dict[str, str],
                    message_for: Callable[[object], str], optional_mark: str, example: str = "",
                    zone_note: str = "") -> None:
        """`placeholder` is the example value: shown as `example` (e.g. "For example {example}") under the field;
        `zone_note` says which zone a time without one is read in."""
        self._message_for = message_for
        shown = label if self.required else f"{label} {optional_mark}"
        self.label.setText(shown)
        self.editor.setAccessibleName(shown)  # the name keeps "(optional)"
        self.editor.setProperty("required", self.required)
        self.editor.setAccessibleDescription(hint)
        if self.kind != "select":
            lines = [example.replace("{example}", placeholder) if example and placeholder else placeholder,
                     zone_note]
            self.example.setText("\n".join(line for line in lines if line))
            self.example.setVisible(bool(self.example.text()))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        if isinstance(self.editor, QComboBox):
            for index in range(1, self.editor.count()):
                self.editor.setItemText(index, option_labels.get(self.editor.itemData(index), self.editor.itemData(index)))
            self.editor.setItemText(0, placeholder)
        self._on_edited()

    # value ---------------------------------------------------------------------------------------
    def value(self) -> str:
        editor = self.editor
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        return editor.text().strip()

    def set_value(self, value: str) -> None:
        editor = self.editor
        if isinstance(editor, QComboBox):
            index = editor.findData(value)
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        else:
            editor.setText(value)

    def _trim(self) -> None:
        editor = self.editor
        if isinstance(editor, QLineEdit) and editor.text() != editor.text().strip():
            editor.setText(editor.text().strip())

    # validation ----------------------------------------------------------------------------------
    def _on_edited(self) -> None:
        text = self.value()
        problem = None
        if text and self.kind != "select":
            from assistant.app.forms import with_default_zone
            from assistant.validation.fields import (
                check_value,  # with the secret check: a pasted phrase is explained at once
            )

            _clean, problem = check_value(self.kind, with_default_zone(self.kind, text, self.zone), self.chain)
        self.show_problem(problem)
        self.edited.emit(self.name)

    def show_problem(self, problem) -> None:
        message = self._message_for(problem) if problem is not None else ""
        self._show_error_text(message)
        if bool(self.editor.property("invalid")) != bool(message):
            self.editor.setProperty("invalid", bool(message))
            self.editor.style().unpolish(self.editor)  # the red border follows the property
            self.editor.style().polish(self.editor)
        description = self.hint.text() if not message else f"{message} {self.hint.text()}".strip()
        self.editor.setAccessibleDescription(description)

    def problem_text(self) -> str:
        return self.error.text()

    def focus_editor(self) -> None:
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
