"""The review page's two stages and its bar: Back on the left, one primary action on the right; the send stage's
slots (copy one part, write the attachments and open their folder, "I've sent it", the follow-up); and every
refusal shown next to what must be done.

Mixed into ReviewPage, which provides the widgets, `review` (the model), `send` (the send model), texts and the
`confirm`/`open_url` hooks.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from assistant.app.review import Blocker
from assistant.app.send import Action, Part
from assistant.email.followup import FollowUpError, error_text


class SendActions:
    # ---- stages --------------------------------------------------------------------------------------------
    @property
    def sending(self) -> bool:
        return self.stages.currentWidget() is self.send_step

    def _where(self) -> str:
        if self.review.for_exchange or not self.catalog.profiles:
            return self.texts.ui("send.where_exchange")
        return self.texts.ui("send.where_wallet", name=self.catalog.profile.name)

    def _show_stage(self) -> None:
        ui = self.texts.ui
        self.heading.setText(ui("send.title" if self.sending else "review.title"))
        self.close_button.setText(ui("send.back" if self.sending else "review.close"))
        self.next_button.setText(ui("send.done.mark" if self.sending else "send.next"))
        for button in (self.close_button, self.next_button):
            button.setAccessibleName(button.text())

    def go_to_send(self) -> bool:
        """The primary action of the check stage: on to sending, unless something must be fixed first."""
        blocker = self.send.blocker()
        if blocker is not None:
            self.show_blocker(blocker)
            return False
        self._show_error("")
        self.send_step.render()  # the steps follow the email as it is now (a To line added or not)
        self.stages.setCurrentWidget(self.send_step)
        self._show_stage()
        self.send_step.verticalScrollBar().setValue(0)
        first = next((b for b in self.send_step.route_buttons.values() if b.isChecked()),
                     next(iter(self.send_step.route_buttons.values())))
        first.setFocus()
        return True

    def go_to_check(self) -> None:
        self.stages.setCurrentWidget(self.check_stage)
        self._show_stage()

    def _on_next(self) -> None:
        if self.sending:
            self.mark_sent(self.send_step.ticket_edit.text())
        else:
            self.go_to_send()

    def _on_back(self) -> None:
        if self.sending:
            self.go_to_check()
            self.next_button.setFocus()
        else:
            self.request_close()

    # ---- the send stage's slots: one model call each -------------------------------------------------------
    def copy_part(self, part: str) -> bool:
        copied = self.send.copy(Part(part))
        if copied.text is None:
            self.show_blocker(copied.blocker)
            return False
        QGuiApplication.clipboard().setText(copied.text)
        self._set_status(self.texts.ui(f"send.copied.{part}"))
        return True

    def _on_send_action(self, action: str) -> None:
        if action == Action.OPEN_MAIL_APP:
            self.open_mail_app()
        elif action == Action.SAVE_EML:
            self.export_eml()
        elif action == Action.OPEN_FOLDER:
            self.open_attachments_folder()

    def open_attachments_folder(self) -> Path | None:
        """Write the included files into a folder of their own and show it in the file manager."""
        try:
            folder, blocker = self.send.write_attachments(Path(self.attachments_parent()))
        except OSError as exc:
            self._show_error(self.texts.ui("send.folder_failed", path=str(exc.filename or exc.strerror)))
            return None
        if folder is None:
            self.show_blocker(blocker)
            return None
        url = QUrl.fromLocalFile(str(folder)).toEncoded().data().decode("ascii")
        if not self.open_url(url):
            self._show_error(self.texts.ui("send.folder_failed", path=str(folder)))
            return folder
        self._set_status(self.texts.ui("send.folder_opened", path=str(folder)))
        return folder

    def mark_sent(self, ticket_text: str = "") -> bool:
        """ "I've sent it": today, and the ticket number when one was pasted."""
        try:
            self.send.mark_sent(date.today(), ticket_text)
        except FollowUpError as error:
            self.send_step.show_ticket_error(error_text(self.catalog, self.texts.locale, error))
            return False
        self.send_step.show_ticket_error("")
        self._set_status(self.send_step.recorded.text())
        return True

    def _on_follow_up(self, on: bool) -> None:
        if self.review.set_follow_up(on):
            self.go_to_check()
            self.subject_edit.setFocus()

    # ---- refusals, next to what must be done ---------------------------------------------------------------
    def show_blocker(self, blocker: Blocker | None) -> None:
        ui = self.texts.ui
        if blocker is Blocker.UNSAFE_RECIPIENT or blocker is None:
            self._set_status(ui("review.status_cancelled"))
            return
        self.go_to_check()
        if blocker is Blocker.SECRETS:
            self._show_error(ui("review.secret.blocked"), near=self.secret_box)
            self.check_stage.ensureWidgetVisible(self.secret_box)
        elif blocker is Blocker.REFUSED_RECIPIENT:
            self._show_error(self.recipient_warning.text())  # the same words as under the To box
            self.to_edit.setFocus()
        elif blocker is Blocker.NO_RECIPIENT:
            self._show_error(ui("send.no_recipient"), near=self.secret_box)
            self.to_edit.setFocus()
        elif blocker in (Blocker.PICTURE_REFUSED, Blocker.PICTURE_PENDING, Blocker.PICTURE_UNCHECKED):
            self._show_error(ui(f"review.attach.ocr.blocked_{blocker.value.removeprefix('picture_')}"),
                             near=self.attach_group.pictures)
        elif blocker is Blocker.CHECKLIST:
            self._show_error(ui("review.attach.checklist_needed"), near=self.checklist_box)
            self.checklist_box.setFocus()

    def _show_error(self, text: str, near: QWidget | None = None) -> None:
        """The refusal under `near` (in the check stage), or in the bar when it concerns the whole email."""
        for holder in (self.bar, self.check_stage.column, self.attach_group.layout()):
            holder.removeWidget(self.error)  # a no-op where it is not
        if near is None:
            self.bar.insertWidget(2, self.error, 1)
        else:
            layout = near.parentWidget().layout()
            layout.insertWidget(layout.indexOf(near) + 1, self.error)
        self.error.show_text(text)
        if text:
            self.status.setText("")
            self.status.hide()
            if near is not None:
                self.check_stage.ensureWidgetVisible(self.error)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        if text:
            self.error.show_text("")

    def _keep_cursor_visible(self) -> None:
        """The body grows instead of scrolling inside the page: keep the typing point in view."""
        body = self.body_edit
        rect = body.cursorRect()
        point = body.viewport().mapTo(self.check_stage.widget(), rect.center())
        self.check_stage.ensureVisible(point.x(), point.y(), 0, rect.height())

    # ---- hooks (tests replace these) -----------------------------------------------------------------------
    def attachments_parent(self) -> str:
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
