"""Fallback when the review page is not installed: the draft email as read-only text."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ...content import Catalog
from ...flows.engine import Session
from ...texts import Texts
from ..widgets.labels import Heading, WrapLabel


class DraftView(QWidget):
    closed = Signal()

    def __init__(self, catalog: Catalog, locale: str, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draft_view")
        self.catalog, self.session = catalog, session
        self.heading = Heading(scale=1.3)
        self.intro = WrapLabel()
        self.text = QPlainTextEdit()
        self.text.setObjectName("draft_text")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.close_button = QPushButton()
        self.close_button.setObjectName("draft_close")
        self.close_button.setAutoDefault(True)
        self.close_button.clicked.connect(self.closed)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.retranslate(Texts(catalog, locale))

    def retranslate(self, texts: Texts) -> None:
        """Re-render the draft in the new language too: it is read-only, so nothing is lost."""
        from ...draft import build_draft

        self.draft = build_draft(self.session, self.catalog, texts.locale)
        self.text.setPlainText(f"{self.draft.to}\n{self.draft.subject}\n\n{self.draft.body}".lstrip())
        self.heading.setText(texts.ui("draft.heading"))
        self.intro.setText(texts.ui("draft.intro"))
        self.text.setAccessibleName(texts.ui("draft.heading"))
        self.close_button.setText(texts.ui("draft.close"))
        self.close_button.setAccessibleName(texts.ui("draft.close"))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)
