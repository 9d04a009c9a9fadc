"""The left column of the review page: To, Subject, email language, Body, and the recipient warnings.

It shows and edits text only; the review model decides what the text is and when it is scanned.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.app.review import splice
from assistant.secrets.guard import Hit
from assistant.ui.widgets.labels import ToneLabel

BAD_LINE = "QLineEdit { border: 2px solid #c62828; }"


def _u16(text: str, index: int) -> int:
    """Python index → QString (UTF-16) position."""
    return len(text[:index].encode("utf-16-le")) // 2


class EmailEditor(QWidget):
    PARTS = ("to", "subject", "body")  # the firewall's names for the texts edited here
    body_grown = Signal()  # the typing point in the body moved: the page keeps it in view

    def __init__(self, languages: Iterable[tuple[str, str]], parent: QWidget | None = None) -> None:
        """`languages`: (shown name, locale code) for the email-language box."""
        super().__init__(parent)
        self.to_edit = QLineEdit(objectName="review_to")
        self.subject_edit = QLineEdit(objectName="review_subject")
        self.exchange_hint = ToneLabel("notice")
        self.recipient_warning = ToneLabel("error")
        self.recipient_warning.setObjectName("recipient_warning")
        self.language_box = QComboBox(objectName="email_language")
        for name, code in languages:
            self.language_box.addItem(name, code)
        self.bilingual_box = QCheckBox(objectName="bilingual")
        self.to_label, self.subject_label, self.language_label = QLabel(), QLabel(), QLabel()
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_box)
        language_row.addWidget(self.bilingual_box, 1)
        for label, field in ((self.to_label, self.to_edit), (self.subject_label, self.subject_edit),
                             (self.language_label, self.language_box)):
            label.setBuddy(field)
        form = self.form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.to_label, self.to_edit)
        for label in (self.exchange_hint, self.recipient_warning):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            form.addRow(label)  # spans the form: long warnings wrap over the full width
        form.addRow(self.subject_label, self.subject_edit)
        form.addRow(self.language_label, language_row)
        self.body_label = QLabel()
        self.body_edit = QPlainTextEdit(objectName="review_body")
        self.body_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.body_edit.setTabChangesFocus(True)  # keyboard users must be able to leave the body with Tab
        self.body_edit.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        # The body is as tall as its text: the page is the one scroll area (no box scrolling inside a box).
        self.body_edit.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_edit.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit_body())
        self.body_edit.cursorPositionChanged.connect(self.body_grown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addLayout(form)
        layout.addWidget(self.body_label)
        layout.addWidget(self.body_edit, 1)
        self.lines = {"to": self.to_edit, "subject": self.subject_edit}
        self.body_label.setBuddy(self.body_edit)
        self._fit_body()

    def _fit_body(self) -> None:
        body = self.body_edit
        lines = max(8, int(body.document().documentLayout().documentSize().height()) + 1)
        margins = body.contentsMargins()
        height = lines * body.fontMetrics().lineSpacing() + int(2 * body.document().documentMargin()) \
            + margins.top() + margins.bottom()
        if body.height() != height:
            body.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override: a new width wraps the body anew
        super().resizeEvent(event)
        self._fit_body()

    def retranslate(self, ui) -> None:
        self.to_label.setText(ui("review.to"))
        self.subject_label.setText(ui("review.subject"))
        self.language_label.setText(ui("review.email_language"))
        self.body_label.setText(ui("review.body"))
        for widget, key in ((self.to_edit, "review.to"), (self.subject_edit, "review.subject"),
                            (self.body_edit, "review.body"), (self.language_box, "review.email_language")):
            widget.setAccessibleName(ui(key))
        self.bilingual_box.setText(ui("review.bilingual"))
        self.bilingual_box.setToolTip(ui("review.bilingual_tip"))
        self.exchange_hint.setText(ui("review.exchange_hint"))

    # ---- shown without telling the page (it set or refused the value itself) ----------------------------------
    def show_language(self, code: str) -> None:
        with QSignalBlocker(self.language_box):
            self.language_box.setCurrentIndex(max(0, self.language_box.findData(code)))

    def show_bilingual(self, on: bool) -> None:
        with QSignalBlocker(self.bilingual_box):
            self.bilingual_box.setChecked(on)

    def show_exchange_hint(self, visible: bool) -> None:
        self.form.setRowVisible(self.exchange_hint, visible)

    def show_recipient_warning(self, text: str) -> None:
        self.recipient_warning.setText(text)
        self.form.setRowVisible(self.recipient_warning, bool(text))

    # ---- secrets ------------------------------------------------------------------------------------------------
    def mark(self, hits: Sequence[Hit]) -> None:
        """Red background on each find in the body, a red border on To/Subject when they hold one."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffcdd2"))
        fmt.setForeground(QColor("#000000"))
        body = self.body_edit.toPlainText()
        marks = []
        for hit in hits:
            if hit.part.name == "body":
                sel = QTextEdit.ExtraSelection()
                sel.cursor, sel.format = self._select(body, hit.finding.start, hit.finding.end), fmt
                marks.append(sel)
        self.body_edit.setExtraSelections(marks)
        for name, edit in self.lines.items():
            edit.setStyleSheet(BAD_LINE if any(h.part.name == name for h in hits) else "")

    def replace(self, part: str, start: int, end: int, new: str) -> None:
        """Put `new` over [start, end) of "to", "subject" or "body"; the old text leaves the undo history too."""
        if part == "body":
            self._select(self.body_edit.toPlainText(), start, end).insertText(new)
            self.body_edit.document().clearUndoRedoStacks()
        else:
            edit = self.lines[part]
            edit.setText(splice(edit.text(), start, end, new))  # setText clears a line edit's undo

    def _select(self, body: str, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.body_edit.document())
        cursor.setPosition(_u16(body, start))
        cursor.setPosition(_u16(body, end), QTextCursor.MoveMode.KeepAnchor)
        return cursor
