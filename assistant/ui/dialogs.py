"""The app's few dialogs: show_error, link confirmation, guide pages and About."""
from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from assistant.i18n.jargon import explanations
from assistant.i18n.texts import Texts
from assistant.ui.widgets.labels import Heading
from assistant.ui.widgets.markdown_view import MarkdownView

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, texts: Texts, error: BaseException | str, title: str = "") -> None:
    """The one way to tell a person that something they asked for did not work."""
    box = QMessageBox(QMessageBox.Icon.Warning, title or texts.ui("error.title"), texts.ui("error.message"),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_dialog")
    box.setInformativeText(str(error))
    box.exec()


def open_link(parent: QWidget | None, texts: Texts, url: QUrl, allowed: tuple[str, ...]) -> bool:
    """Open an allow-listed https link in the browser, only after the person saw the full address."""
    from assistant.content.markdown import host_allowed

    address = url.toString()
    if not host_allowed(address, allowed):
        box = QMessageBox(QMessageBox.Icon.Warning, texts.ui("link.title"), texts.ui("link.blocked"),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("link_blocked_dialog")
        box.setInformativeText(address)
        box.exec()
        return False
    box = QMessageBox(QMessageBox.Icon.Question, texts.ui("link.title"), texts.ui("link.confirm"),
                      QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("link_confirm_dialog")
    box.setInformativeText(address)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    if box.exec() != QMessageBox.StandardButton.Open:
        return False
    return QDesktopServices.openUrl(url)


class GuideDialog(QDialog):
    """A guide page (Markdown) with a Close button; links go through `link_activated`."""

    link_activated = Signal(QUrl)

    def __init__(self, texts: Texts, guide_id: str, allowed: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide_id = guide_id
        self.setObjectName(f"guide_{guide_id}")
        self._allowed = allowed
        self.heading = Heading()
        self.body = MarkdownView(fit_content=False)
        self.body.link_activated.connect(self.link_activated)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 460)
        self.retranslate(texts)

    def retranslate(self, texts: Texts) -> None:
        title = texts.guide_title(self.guide_id)
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.body.set_markdown(texts.guide_body(self.guide_id), self._allowed, explanations(texts))
        self.body.setAccessibleName(title)


def show_about(parent: QWidget | None, texts: Texts) -> None:
    from assistant import app_version

    box = QMessageBox(QMessageBox.Icon.Information, texts.ui("about.title"), texts.ui("about.text", version=app_version()),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("about_dialog")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
