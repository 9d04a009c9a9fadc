"""Review and export the support email: edit To/Subject/Body, choose what goes in, attach screenshots, export.

Every keystroke or paste in To, Subject or Body is scanned at once: a secret shows a red box saying what was found,
why it is dangerous and a button that removes it. Every export goes through `assistant.email.exports`, which runs the
same firewall again, so nothing with a secret is written, copied, printed or handed to the mail app.

The parts live next door: `review_editor` (To/Subject/Body), `review_details` (detail and attachment ticks),
`review_exports` (the exits), `widgets.secret_panel` (the red box). This page holds the state and the rules.
"""
from __future__ import annotations

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assistant.content.catalog import Catalog
from assistant.email import attachments as att
from assistant.email import exports
from assistant.email.draft import Draft, build_draft, collect_details
from assistant.flows.engine import Session
from assistant.i18n.texts import Texts
from assistant.secrets.guard import INPUTS, Exit, Hit, scan_parts
from assistant.secrets.recipient import check_recipient
from assistant.ui.pages.review_details import AttachBox, DetailsBox
from assistant.ui.pages.review_editor import EmailEditor
from assistant.ui.pages.review_exports import ExportActions, ExportBox
from assistant.ui.widgets.labels import Heading, ToneLabel, WrapLabel
from assistant.ui.widgets.secret_panel import SecretPanel

LIVE_SCAN_LIMIT = 200_000  # characters; longer texts are still guarded at export


class ReviewPage(ExportActions, QWidget):
    closed = Signal()
    attachments_changed = Signal()  # added, removed, ticked in or out, redacted (autosave keeps copies)
    edits_changed = Signal()  # To, Subject or Body typed in (autosave keeps the person's own wording)

    def __init__(self, catalog: Catalog, locale: str, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_page")
        self.catalog, self.session = catalog, session
        self.texts = Texts(catalog, locale)
        self.email_locale = self.texts.locale
        self.bilingual = False
        self.excluded: set[str] = set()
        self.accepted: set[str] = set()  # values the user confirmed are public (transaction hashes)
        self.recipient_ok: set[str] = set()  # To values whose warnings the user accepted
        self.hits: list[Hit] = []
        self._hit_key: tuple = ()
        self._generated = ("", "")
        self._build_ui()
        self.draft: Draft = build_draft(session, catalog, self.email_locale)
        self.to_edit.setText(self.draft.to)
        self.editor.show_language(self.email_locale)
        self.bilingual_box.setEnabled(self.email_locale != "en")
        self._apply_draft()
        self.retranslate(self.texts)

    # ---- layout ------------------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.heading = Heading(scale=1.3)
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
        self.export_group = ExportBox({Exit.EML: self.export_eml, Exit.MAILTO: self.open_mail_app,
                                       Exit.CLIPBOARD: self.copy_to_clipboard, Exit.TXT: self.export_txt,
                                       Exit.PDF: self.export_pdf, Exit.PRINT: self.print_draft})
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 6, 0)
        for box in (self.details_group, self.attach_group, self.export_group):
            side_layout.addWidget(box)
        side_layout.addStretch(1)
        scroll = QScrollArea()  # not VScroll: that is no Tab stop, and the Tab order here stays as it was
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(side)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.status = WrapLabel()
        self.status.setObjectName("review_status")
        self.error = ToneLabel("error")
        self.error.setObjectName("review_error")
        self.close_button = QPushButton(objectName="review_close")
        self.close_button.clicked.connect(self.request_close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        # Everything above the bottom bar scrolls, so 200 % text never squeezes the body or clips a warning.
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.intro, self.secret_box):
            column.addWidget(widget)
        column.addWidget(self.splitter, 1)
        page_scroll = QScrollArea()
        page_scroll.setWidgetResizable(True)
        page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        page_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page_scroll.setWidget(content)
        layout.addWidget(page_scroll, 1)
        layout.addLayout(bottom)
        self.error.hide()

        self.secret_box.remove_requested.connect(self.remove_hit)
        self.secret_box.keep_requested.connect(self.accept_hit)
        self.to_edit.textChanged.connect(self._update_recipient)
        self.to_edit.textChanged.connect(self.scan_now)
        self.subject_edit.textChanged.connect(self.scan_now)
        self.body_edit.textChanged.connect(self.scan_now)
        for edit in (self.to_edit, self.subject_edit):
            edit.textEdited.connect(self.edits_changed)
        self.body_edit.textChanged.connect(self._on_body_changed)
        self.language_box.currentIndexChanged.connect(self._on_language)
        self.bilingual_box.toggled.connect(self._on_bilingual)
        self.details_group.include_toggled.connect(self.set_detail_included)
        self.attach_list.add_requested.connect(self._on_add_files)
        self.attach_list.remove_requested.connect(self.remove_attachment)
        self.attach_list.include_toggled.connect(self.set_attachment_included)

    # ---- texts ---------------------------------------------------------------------------------------------
    def retranslate(self, locale) -> None:
        """Apply the UI language (a locale code or a Texts); the email language stays as chosen."""
        self.texts = locale if isinstance(locale, Texts) else Texts(self.catalog, str(locale))
        ui = self.texts.ui
        self.heading.setText(ui("review.title"))
        self.intro.setText(ui("review.intro"))
        self.editor.retranslate(ui)
        self.editor.show_exchange_hint(self.draft.recipient != "wallet")
        for box in (self.details_group, self.attach_group, self.export_group):
            box.retranslate(ui)
        self.close_button.setText(ui("review.close"))
        self.details_group.fill((d for d, _derived in collect_details(self.session, self.catalog, self.texts.locale)),
                                self.excluded)
        self._update_recipient()
        self._hit_key = ()  # the red box is drawn again in the new language
        self.scan_now()

    # ---- the draft -----------------------------------------------------------------------------------------
    def _apply_draft(self) -> None:
        self.subject_edit.setText(self.draft.subject)
        self.subject_edit.setCursorPosition(0)
        self.body_edit.setPlainText(self.draft.body)
        self._generated = (self.draft.subject, self.draft.body)

    def _on_body_changed(self) -> None:
        if self.edited():  # a rebuilt draft is not the person's wording; only their changes are kept
            self.edits_changed.emit()

    def edits(self) -> dict[str, str]:
        return {"to": self.to_edit.text(), "subject": self.subject_edit.text(), "body": self.body_edit.toPlainText()}

    def restore_edits(self, edits: dict[str, str]) -> None:
        """Put back the person's own wording saved by autosave (secrets were already cut out)."""
        if edits.get("to"):
            self.to_edit.setText(edits["to"])
        if edits.get("subject"):
            self.subject_edit.setText(edits["subject"])
        if edits.get("body"):
            self.body_edit.setPlainText(edits["body"])

    def edited(self) -> bool:
        return (self.subject_edit.text(), self.body_edit.toPlainText()) != self._generated

    def rebuild(self, ask: bool = True) -> bool:
        """Render the email again from the session and the current choices; asks before replacing edits."""
        ui = self.texts.ui
        if ask and self.edited() and not self.confirm(ui("review.rebuild_title"), ui("review.rebuild_question")):
            return False
        self.draft = build_draft(self.session, self.catalog, self.email_locale, excluded=frozenset(self.excluded),
                                 attachments=tuple(a.filename for a in self.included_files()),
                                 bilingual=self.bilingual, to=self.to_edit.text())
        self._apply_draft()
        return True

    # Each choice below is taken back (and its box shown as before) when the person keeps their own edits.
    def set_detail_included(self, name: str, included: bool) -> bool:
        before = set(self.excluded)
        (self.excluded.discard if included else self.excluded.add)(name)
        if self.excluded != before and not self.rebuild():
            self.excluded = before
            self.details_group.set_ticked(name, name not in self.excluded)
            return False
        return True

    def _on_language(self, index: int) -> None:
        code = self.language_box.itemData(index)
        if code and code != self.email_locale:
            previous, self.email_locale = self.email_locale, code
            if not self.rebuild():
                self.email_locale = previous
                self.editor.show_language(previous)
        self.bilingual_box.setEnabled(self.email_locale != "en")

    def set_email_locale(self, code: str) -> None:
        self.language_box.setCurrentIndex(self.language_box.findData(code))

    def _on_bilingual(self, on: bool) -> None:
        if on != self.bilingual:
            self.bilingual = on
            if not self.rebuild():
                self.bilingual = not on
                self.editor.show_bilingual(self.bilingual)

    # ---- attachments ---------------------------------------------------------------------------------------
    def _on_add_files(self) -> None:
        pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        paths, _ = QFileDialog.getOpenFileNames(self, self.texts.ui("review.attach.add"), pictures,
                                                self.texts.ui("review.attach.file_filter"))
        if paths:
            self.add_attachment_files(paths)

    def add_attachment_files(self, paths) -> list[str]:
        """Add files (pictures re-encoded without metadata); returns the problems shown to the user."""
        problems = self.attach_group.add(paths, self.texts.ui)
        self.rebuild()
        self._show_error("\n".join(problems))
        self.scan_now()
        self.attachments_changed.emit()
        return problems

    def restore_attachments(self, files) -> None:
        """Put back attachments kept by autosave: (name, cleaned bytes, included) each."""
        for name, data, included in files:
            try:
                self.attach_group.files.append((att.from_bytes(data, name), included))
            except att.AttachmentError:
                continue
        self.attach_group.list.set_items(self.attach_group.files)
        self.rebuild()
        self.scan_now()

    def remove_attachment(self, index: int) -> None:
        if self.attach_group.remove(index):
            self.rebuild()
            self.scan_now()
            self.attachments_changed.emit()

    def set_attachment_included(self, index: int, included: bool) -> None:
        if self.attach_group.set_included(index, included):
            self.rebuild()
            self.scan_now()
            self.attachments_changed.emit()

    def included_files(self) -> tuple[att.Attachment, ...]:
        return self.attach_group.included()

    # ---- live secret check ---------------------------------------------------------------------------------
    def message(self) -> exports.Message:
        return exports.Message(self.to_edit.text(), self.subject_edit.text(), self.body_edit.toPlainText(),
                               self.included_files(), self.accepted_values(), self.draft.languages,
                               self.draft.trusted_texts, exports.entries_of(self.draft))

    def accepted_values(self) -> tuple[str, ...]:
        return (*self.draft.public_values, *self.accepted)

    def scan_now(self) -> list[Hit]:
        message = self.message()
        parts = message.parts()
        if sum(len(p.text) for p in parts) > LIVE_SCAN_LIMIT:
            return self.hits  # too long to scan on every keystroke; the export guard still scans it
        self.hits = scan_parts(parts, message.accepted, message.trusted, inputs=message.inputs)
        key = tuple((h.part.name, h.part.label, h.finding.kind, h.finding.start, h.finding.end) for h in self.hits)
        if key != self._hit_key:
            self._hit_key = key
            self.secret_box.show_hits(self.hits, self.texts.ui)
            self.editor.mark(self.hits)
        return self.hits

    def remove_hit(self, index: int) -> None:
        """One click: replace the finding with "[removed]" where it was found (and forget it from undo)."""
        if not 0 <= index < len(self.hits):
            return
        hit = self.hits[index]
        placeholder = self.texts.ui("review.secret.removed")
        if hit.part.name == INPUTS:
            return  # a secret split over several entries: the person removes the pieces in the text
        if hit.part.name in self.editor.PARTS:
            self.editor.replace(hit.part.name, hit.finding.start, hit.finding.end, placeholder)
        else:
            self.attach_group.redact(hit, placeholder)
            self.attachments_changed.emit()
        self.scan_now()

    def accept_hit(self, index: int) -> None:
        """The user says an ambiguous value (e.g. 64 hex characters) is public; only for confirm-level finds."""
        if 0 <= index < len(self.hits) and not self.hits[index].blocking:
            hit = self.hits[index]
            self.accepted.add(hit.part.text[hit.finding.start:hit.finding.end])
            self.scan_now()

    # ---- recipient guard -----------------------------------------------------------------------------------
    def recipient_warnings(self):
        profile = self.catalog.profile if self.catalog.profiles else None
        official = profile.domains if profile else ()
        names = (profile.name, *profile.aliases) if profile else ()
        return check_recipient(self.to_edit.text(), official, recipient=self.draft.recipient, names=names)

    def _warning_text(self, warning) -> str:
        return self.texts.ui(f"review.recipient.{warning.code}", address=warning.address, domain=warning.domain,
                             ascii_domain=warning.ascii_domain, official=warning.official)

    def _update_recipient(self) -> None:
        self.editor.show_recipient_warning(
            "\n".join(self._warning_text(w) for w in self.recipient_warnings() if w.code != "exchange_verify"))

    # ---- hook (tests replace it) and feedback ----------------------------------------------------------------
    def confirm(self, title: str, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("review_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _show_error(self, text: str) -> None:
        self.error.show_text(text)
        if text:
            self.status.setText("")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Side by side needs room for about 90 characters; with large text or a narrow window, stack them.
        wide = self.width() >= 90 * self.fontMetrics().averageCharWidth()
        self.splitter.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
        super().resizeEvent(event)

    def request_close(self) -> None:
        """Leave the page; edits and attachments would be lost, so ask first when there are any."""
        if (self.edited() or self.attach_group.files) and not self.confirm(
                self.texts.ui("review.leave_title"), self.texts.ui("review.leave_question")):
            return
        self.closed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.request_close()
            return
        super().keyPressEvent(event)
