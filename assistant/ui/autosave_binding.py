"""Connects the main window to the autosave store: save after every step, offer to resume, delete my data."""
from __future__ import annotations

import logging
import shutil

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from assistant.errors import FlowError
from assistant.flows.model import OutcomeKind
from assistant.paths import user_data_dir
from assistant.storage.autosave import AutosaveBusy, AutosaveStore, LoadStatus

log = logging.getLogger(__name__)
NOTICE_MS = 15000
EDIT_DEBOUNCE_MS = 600


class AutosaveBinding(QObject):
    def __init__(self, window, store: AutosaveStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.store = store or AutosaveStore()
        self._session = None  # the session the saved attachments belong to
        self.delete_action = QAction(window)
        self.delete_action.setObjectName("delete_my_data")
        self.delete_action.triggered.connect(self._on_delete_my_data)
        window.file_menu.insertAction(window.quit_action, self.delete_action)
        window.session_changed.connect(self._on_session_changed)
        window.resume_requested.connect(self._on_resume)
        window.review_opened.connect(self._on_review_opened)
        window.start_over_action.triggered.connect(self.store.discard)
        window.language_changed.connect(lambda _code: self.retranslate())
        self.retranslate()
        self._check_saved()

    def retranslate(self) -> None:
        self.delete_action.setText(self.window.texts.ui("autosave.delete_action"))

    def _notice(self, key: str, **params) -> None:
        self.window.statusBar().showMessage(self.window.texts.ui(key, **params), NOTICE_MS)

    def _check_saved(self) -> None:
        if not self.store.claim():  # the app is open twice: the first window keeps the progress
            self._notice("autosave.other_window")
        loaded = self.store.load()
        if loaded.status is LoadStatus.OK:
            self.window.home.set_resume_available(True)
        elif loaded.status is LoadStatus.EXPIRED:
            self._notice("autosave.expired")
        elif loaded.status is LoadStatus.CORRUPT:
            self._notice("autosave.unreadable", name=loaded.moved_to.name if loaded.moved_to else "")

    def _on_session_changed(self) -> None:
        session = self.window.session
        if session is None or not session.path:
            return  # a flow just opened: keep any earlier saved session until something is answered
        if session is not self._session:
            self._session = session
            self.store.discard_attachments()  # they belonged to the session this one replaces
        if session.finished and session.current.outcome is OutcomeKind.RESOLVED:
            self.store.discard()
            return
        try:
            self.store.save(session.to_dict(), self.window.texts.locale)
        except AutosaveBusy:
            self._notice("autosave.other_window")
        except OSError as exc:
            log.warning("autosave failed: %s", exc.strerror)
            self._notice("autosave.save_failed")

    def _on_review_opened(self, page) -> None:
        saved = self.store.load_attachments()
        if saved:
            page.restore_attachments(saved)
        edits = self.store.load_review()
        if edits:
            page.restore_edits(edits)
        page.attachments_changed.connect(lambda: self._save_attachments(page))
        timer = QTimer(page)  # typing saves once it pauses, not on every key
        timer.setSingleShot(True)
        timer.setInterval(EDIT_DEBOUNCE_MS)
        timer.timeout.connect(lambda: self._save_edits(page))
        page.edits_changed.connect(timer.start)

    def _save_edits(self, page) -> None:
        try:
            self.store.save_review(page.edits())
        except AutosaveBusy:
            pass  # said when the window opened and at every step
        except OSError as exc:
            log.warning("email edits not saved: %s", exc.strerror)
            self._notice("autosave.save_failed")

    def _save_attachments(self, page) -> None:
        try:
            self.store.save_attachments([(a.filename, a.data, inc) for a, inc in page.attach_group.files])
        except AutosaveBusy:
            pass
        except OSError as exc:
            log.warning("attachment copies not saved: %s", exc.strerror)
            self._notice("autosave.save_failed")

    def _on_resume(self) -> None:
        if self.window.session is not None:
            return  # the window went back to the session it still holds
        loaded = self.store.load()
        if loaded.status is not LoadStatus.OK:
            self.window.home.set_resume_available(False)
            return
        from assistant.flows.engine import Session  # the engine and its validators stay off the start-up path

        flow = self.window.catalog.flows.get(loaded.state.get("flow"))
        try:
            if flow is None:
                raise FlowError(f"flow {loaded.state.get('flow')!r} is not available")
            session = Session.from_dict(flow, loaded.state)
        except FlowError as exc:
            log.warning("saved session no longer fits the content: %s", exc)
            self.store.incompatible()
            self.window.home.set_resume_available(False)
            self._notice("autosave.incompatible")
            return
        self._session = session  # resumed: its saved attachments stay
        self.window.show_session(session)

    def _on_delete_my_data(self) -> None:
        t = self.window.texts
        answer = QMessageBox.question(self.window, t.ui("autosave.delete_title"), t.ui("autosave.delete_question"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete_everything()
        self._notice("autosave.deleted")

    def delete_everything(self) -> None:
        self.store.delete_all()
        for folder in ("logs", "cache"):
            shutil.rmtree(user_data_dir() / folder, ignore_errors=True)
        if self.window.settings is not None:
            self.window.settings.clear()
        self.window.home.set_resume_available(False)
