"""Connects the main window to the autosave: the flow controller saves each step, this offers to resume,
keeps the review (debounced while typing) and runs "delete my data" after asking."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from assistant.app.autosave_news import AutosaveNews, News, saved_session_waiting
from assistant.storage.autosave import AutosaveBusy, AutosaveStore

log = logging.getLogger(__name__)
NOTICE_MS = 15000
EDIT_DEBOUNCE_MS = 600


class AutosaveBinding(QObject):
    def __init__(self, window, store: AutosaveStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.store = store or AutosaveStore()
        window.autosave_store = self.store  # the flow controller, now or once created, saves each step there
        self.delete_action = QAction(window)
        self.delete_action.setObjectName("delete_my_data")
        self.delete_action.triggered.connect(self._on_delete_my_data)
        window.file_menu.insertAction(window.quit_action, self.delete_action)
        window.autosave_news.connect(self._on_news)
        window.resume_requested.connect(self._on_resume)
        window.review_opened.connect(self._on_review_opened)
        window.language_changed.connect(lambda _code: self.retranslate())
        self.retranslate()
        if saved_session_waiting(self.store, self._on_news):
            window.home.set_resume_available(True)

    def retranslate(self) -> None:
        self.delete_action.setText(self.window.texts.ui("autosave.delete_action"))

    def _on_news(self, news: News) -> None:
        params = {"name": news.name} if news.kind is AutosaveNews.UNREADABLE else {}
        self.window.statusBar().showMessage(self.window.texts.ui(f"autosave.{news.kind}", **params), NOTICE_MS)

    def _on_resume(self) -> None:
        if self.window.session is not None:
            return  # the window went back to the session it still holds
        session = self.window.flow.resume()
        if session is None:
            self.window.home.set_resume_available(False)
            return
        self.window.show_session(session)

    def _on_review_opened(self, page) -> None:
        page.restore(self.store.load_review(), self.store.load_attachments())
        page.attachments_changed.connect(lambda: self._save(lambda: self.store.save_attachments(
            page.review.attachment_files())))
        timer = QTimer(page)  # typing saves once it pauses, not on every key
        timer.setSingleShot(True)
        timer.setInterval(EDIT_DEBOUNCE_MS)
        timer.timeout.connect(lambda: self._save(lambda: self.store.save_review(
            page.review.to_dict(), public=page.review.accepted_values())))
        page.edits_changed.connect(timer.start)

    def _save(self, write) -> None:
        try:
            write()
        except AutosaveBusy:
            pass  # the other window keeps the progress; said when this one opened and at every step
        except OSError as exc:
            log.warning("review not saved: %s", exc.strerror)
            self._on_news(News(AutosaveNews.SAVE_FAILED))

    def _on_delete_my_data(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        t = self.window.texts
        answer = QMessageBox.question(self.window, t.ui("autosave.delete_title"), t.ui("autosave.delete_question"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete_everything()

    def delete_everything(self) -> None:
        self.window.flow.delete_my_data()
        if self.window.settings is not None:
            self.window.settings.clear()
        self.window.home.set_resume_available(False)
