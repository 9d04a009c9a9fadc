"""Review and export the support email: edit To/Subject/Body, choose what goes in, attach screenshots, export.

A view of `assistant.app.review.ReviewModel`, which holds the state and the rules: every keystroke or paste in
To, Subject or Body goes to the model, which scans it at once (a long body when typing pauses, off the GUI
thread); a secret shows a red box saying what was found,
why it is dangerous and a button that removes it. Every export goes through `assistant.email.exports`, which runs
the same firewall again, so nothing with a secret is written, copied, printed or handed to the mail app.

The parts live next door: `review_editor` (To/Subject/Body), `review_details` (detail and attachment ticks),
`review_exports` (the exits), `widgets.secret_panel` (the red box).
"""
from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.app.pictures import PictureChecks
from assistant.app.review import TEXT_PARTS, ReviewModel
from assistant.app.send import SendModel
from assistant.content.catalog import Catalog
from assistant.email import attachments as att
from assistant.flows.engine import Session
from assistant.i18n.texts import Texts
from assistant.secrets.guard import Exit
from assistant.secrets.recipient import RecipientWarning
from assistant.ui.pages.review_details import AttachBox, DetailsBox
from assistant.ui.pages.review_editor import EmailEditor
from assistant.ui.pages.review_exports import ExportActions
from assistant.ui.pages.review_pictures import PictureActions
from assistant.ui.pages.review_send import SendActions
from assistant.ui.pages.send_step import SendStep
from assistant.ui.widgets.labels import Heading, ToneLabel, WrapLabel
from assistant.ui.widgets.scroll import VScroll
from assistant.ui.widgets.secret_panel import SecretPanel

SYNC_SCAN_CHARS = 20_000  # a body up to this long is checked on every key (a few milliseconds)
SCAN_PAUSE_MS = 300  # a longer one once typing pauses this long


class ReviewPage(PictureActions, SendActions, ExportActions, QWidget):
    closed = Signal()
    picture_checked = Signal(str, object)  # (picture key, PictureCheck) from the thread that read it
    scan_done = Signal(int, list)  # (edit version, findings) from the thread that checked a long body
    attachments_changed = Signal()  # added, removed, ticked in or out, redacted (autosave keeps copies)
    edits_changed = Signal()  # wording, a detail tick or the email language changed (autosave keeps them)

    def __init__(self, catalog: Catalog, locale: str, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_page")
        self.catalog = catalog
        self.texts = Texts(catalog, locale)
        self._scan_timer = QTimer(self)
        self._scan_timer.setSingleShot(True)
        self._scan_timer.setInterval(SCAN_PAUSE_MS)
        self._scan_timer.timeout.connect(self._start_scan)
        self._scan_thread: threading.Thread | None = None
        self.scan_done.connect(self._on_scan_done)
        self._build_ui()
        self.review = ReviewModel(catalog, session, locale, self, PictureChecks(self.recogniser))
        self.picture_checked.connect(self._on_picture_checked)
        self._build_send()
        self._render()
        self._connect()
        self.retranslate(self.texts)

    # ---- layout ------------------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        """Two stages, each one scroll area, over a bar that never scrolls: Back on the left, the one primary
        action on the right (visible at 1024×640 and at 200 % text)."""
        self.heading = Heading(scale=1.3)
        self.heading.setObjectName("review_heading")
        self.intro = WrapLabel()
        self.secret_box = SecretPanel()
        self.editor = EmailEditor((info.name, code) for code, info in self.catalog.locales.items()
                                  if code in self.catalog.texts)
        ed = self.editor  # its widgets keep their old names on the page: tests and callers use them
        self.to_edit, self.subject_edit, self.body_edit = ed.to_edit, ed.subject_edit, ed.body_edit
        self.language_box, self.bilingual_box = ed.language_box, ed.bilingual_box
        self.exchange_hint, self.recipient_warning = ed.exchange_hint, ed.recipient_warning
        self.details_group = DetailsBox()
        self.details_list, self.detail_items = self.details_group.list, self.details_group.items
        self.attach_group = AttachBox()
        self.attach_list, self.checklist_box = self.attach_group.list, self.attach_group.checklist_box
        self.error = ToneLabel("error")
        self.error.setObjectName("review_error")
        self.error.setProperty("alert", True)
        self.check_stage = VScroll(margin=0)
        self.check_stage.setObjectName("review_check")
        for widget in (self.intro, self.secret_box, self.editor, self.details_group, self.attach_group):
            self.check_stage.column.addWidget(widget)
        self.check_stage.column.addStretch(1)
        ed.body_grown.connect(self._keep_cursor_visible)

        self.status = WrapLabel()
        self.status.setObjectName("review_status")
        self.close_button = QPushButton(objectName="review_close")
        self.close_button.setProperty("secondary", True)
        self.close_button.clicked.connect(self._on_back)
        self.next_button = QPushButton(objectName="review_next")
        self.next_button.setProperty("primary", True)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._on_next)
        for button in (self.close_button, self.next_button):
            button.setAutoDefault(True)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.bar.addWidget(self.status, 1)
        self.bar.addWidget(self.error, 1)
        self.bar.addStretch(0)
        self.bar.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.stages = QStackedWidget()
        self.stages.addWidget(self.check_stage)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.stages, 1)
        layout.addLayout(self.bar)
        self.error.hide()
        self.status.hide()

    def _build_send(self) -> None:
        """The send stage, once the model exists."""
        self.send = SendModel(self.review, self.texts.locale)
        self.send_step = SendStep(self.send, {Exit.CLIPBOARD: self.copy_to_clipboard, Exit.TXT: self.export_txt,
                                              Exit.PDF: self.export_pdf, Exit.PRINT: self.print_draft})
        self.export_group = self.send_step.other
        self.stages.addWidget(self.send_step)
        step = self.send_step
        step.route_chosen.connect(self.send.choose_route)
        step.webmail_chosen.connect(self.send.choose_webmail)
        step.copy_requested.connect(self.copy_part)
        step.action_requested.connect(self._on_send_action)
        step.ticket_saved.connect(self.mark_sent)
        step.follow_up_requested.connect(self._on_follow_up)

    def _connect(self) -> None:
        """Widget events to the model, and model events to the widgets (after both hold the same values)."""
        review = self.review
        review.changed.connect(lambda _none: self.edits_changed.emit())
        review.attachments_changed.connect(lambda _none: self.attachments_changed.emit())
        review.rebuilt.connect(lambda _none: self._show_draft())
        review.hits_changed.connect(lambda _hits: self._show_hits())
        self.secret_box.remove_requested.connect(self.remove_hit)
        self.secret_box.keep_requested.connect(self.accept_hit)
        self.to_edit.textChanged.connect(self._on_to_changed)
        self.subject_edit.textChanged.connect(review.set_subject)
        self.body_edit.textChanged.connect(self._on_body_changed)
        self.language_box.currentIndexChanged.connect(self._on_language)
        self.bilingual_box.toggled.connect(self._on_bilingual)
        self.details_group.include_toggled.connect(self._on_detail_toggled)
        self.attach_list.add_requested.connect(self._on_add_files)
        self.attach_list.remove_requested.connect(self.remove_attachment)
        self.attach_list.include_toggled.connect(review.set_file_included)
        self.checklist_box.toggled.connect(review.confirm_checklist)
        self.attach_group.pictures.remove_requested.connect(self.remove_attachment)
        self.attach_group.pictures.confirm_toggled.connect(self._on_picture_confirmed)

    # ---- texts ---------------------------------------------------------------------------------------------
    def retranslate(self, locale) -> None:
        """Apply the UI language (a locale code or a Texts); the email language stays as chosen."""
        self.texts = locale if isinstance(locale, Texts) else Texts(self.catalog, str(locale))
        ui = self.texts.ui
        self.intro.setText(ui("review.intro"))
        self.editor.retranslate(ui)
        self.editor.show_exchange_hint(self.review.for_exchange)
        for box in (self.details_group, self.attach_group):
            box.retranslate(ui)
        self.send.set_locale(self.texts.locale)  # the UI language's common webmail services first
        self.send_step.retranslate(ui, self._where())
        self._show_stage()
        self.details_group.fill(self.review.details(self.texts.locale), self.review.excluded)
        self._show_recipient()
        self._show_hits()  # the red box is drawn again in the new language

    # ---- rendering the model -------------------------------------------------------------------------------
    def _render(self) -> None:
        """Every widget from the model: on opening and after autosave put a review back."""
        review = self.review
        self.to_edit.setText(review.to)
        self._show_draft()
        self.editor.show_language(review.email_locale)
        self.editor.show_bilingual(review.bilingual)
        self.bilingual_box.setEnabled(review.bilingual_available)
        self.start_picture_checks()
        self.details_group.fill(review.details(self.texts.locale), review.excluded)

    def _show_draft(self) -> None:
        self.subject_edit.setText(self.review.subject)
        self.subject_edit.setCursorPosition(0)
        self.body_edit.setPlainText(self.review.body)

    def _show_hits(self) -> None:
        self.secret_box.show_hits(self.review.hits, self.texts.ui)
        self.editor.mark(self.review.hits)

    def _show_recipient(self) -> None:
        self.editor.show_recipient_warning(
            "\n".join(self._warning_text(w) for w in self.review.shown_recipient_warnings()))

    def _warning_text(self, warning: RecipientWarning) -> str:
        return self.texts.ui(f"review.recipient.{warning.code}", address=warning.address, domain=warning.domain,
                             ascii_domain=warning.ascii_domain, official=warning.official)

    def restore(self, state: dict, files: Sequence[tuple[str, bytes, bool]]) -> None:
        """Put back a review kept by autosave (secrets were already cut out of it)."""
        self.review.restore(state, files)
        self._render()

    # ---- slots: one model call each ------------------------------------------------------------------------
    def _on_body_changed(self) -> None:
        """A short body is checked at once; a long one when typing pauses, off the GUI thread, so keys never wait."""
        text = self.body_edit.toPlainText()
        at_once = len(text) <= SYNC_SCAN_CHARS
        self.review.set_body(text, scan=at_once)
        if not at_once:
            self._scan_timer.start()

    def _start_scan(self) -> None:
        if self._scan_thread is not None and self._scan_thread.is_alive():
            self._scan_timer.start()  # one check at a time; the newest text is checked after this one
            return
        version, job = self.review.scan_job()
        self._scan_thread = threading.Thread(target=lambda: self.scan_done.emit(version, job()), daemon=True)
        self._scan_thread.start()

    def _on_scan_done(self, version: int, hits: list) -> None:
        self.review.apply_scan(version, hits)

    def scan_running(self) -> bool:
        """A live check of a long body is waiting or running (the benchmark waits for it)."""
        return self._scan_timer.isActive() or (self._scan_thread is not None and self._scan_thread.is_alive())

    def _on_to_changed(self, text: str) -> None:
        self.review.set_to(text)
        self._show_recipient()

    def _on_detail_toggled(self, name: str, included: bool) -> None:
        if not self.review.set_detail_included(name, included):
            self.details_group.set_ticked(name, name not in self.review.excluded)

    def _on_language(self, index: int) -> None:
        if not self.review.set_email_locale(self.language_box.itemData(index)):
            self.editor.show_language(self.review.email_locale)
        self.bilingual_box.setEnabled(self.review.bilingual_available)

    def set_email_locale(self, code: str) -> None:
        self.language_box.setCurrentIndex(self.language_box.findData(code))

    def _on_bilingual(self, on: bool) -> None:
        if not self.review.set_bilingual(on):
            self.editor.show_bilingual(self.review.bilingual)

    def _on_add_files(self) -> None:
        pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        paths, _ = QFileDialog.getOpenFileNames(self, self.texts.ui("review.attach.add"), pictures,
                                                self.texts.ui("review.attach.file_filter"))
        if paths:
            self.add_attachment_files(paths)

    def add_attachment_files(self, paths) -> list[str]:
        """Add files (pictures re-encoded without metadata); returns the problems shown to the user."""
        refused = self.review.add_files(paths)
        problems = [self.texts.ui(f"review.attach.error.{exc.code}", **exc.params) for exc in refused]
        self.start_picture_checks()
        self._show_error("\n".join(problems))
        return problems

    def remove_attachment(self, index: int) -> None:
        if self.review.remove_file(index):
            self.show_pictures()

    def included_files(self) -> tuple[att.Attachment, ...]:
        return self.review.included_files()

    def remove_hit(self, index: int) -> None:
        """One click: replace the finding with "[removed]" where it was found (and forget it from undo)."""
        redaction = self.review.remove_hit(index, self.texts.ui("review.secret.removed"))
        if redaction is None:
            return
        if redaction.part in TEXT_PARTS:
            self.editor.replace(redaction.part, redaction.start, redaction.end, redaction.placeholder)
        else:
            self.start_picture_checks()  # a redacted file is new bytes
        self._show_hits()  # marks again, now that the widget shows the text the hits were found in

    def accept_hit(self, index: int) -> None:
        """The user says an ambiguous value (e.g. 64 hex characters) is public; only for confirm-level finds."""
        self.review.accept_hit(index)

    # ---- the model's questions, asked with a dialog --------------------------------------------------------
    def replace_edits(self) -> bool:
        ui = self.texts.ui
        return self.confirm(ui("review.rebuild_title"), ui("review.rebuild_question"))

    def send_despite(self, warnings: Sequence[RecipientWarning]) -> bool:
        listed = "\n".join(f"• {self._warning_text(w)}" for w in warnings)
        return self.confirm(self.texts.ui("review.recipient.confirm_title"),
                            self.texts.ui("review.recipient.confirm_question", warnings=listed))

    # ---- hook (tests replace it) and feedback ----------------------------------------------------------------
    def confirm(self, title: str, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("review_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def focus_first(self) -> None:
        """An empty To line first (an exchange's address is the one thing the person must add), else Next."""
        (self.next_button if self.review.to.strip() else self.to_edit).setFocus()

    def request_close(self) -> None:
        """Leave the page; edits and attachments would be lost, so ask first when there are any."""
        if self.review.has_work_to_lose and not self.confirm(
                self.texts.ui("review.leave_title"), self.texts.ui("review.leave_question")):
            return
        self.closed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self._on_back()
            return
        super().keyPressEvent(event)
