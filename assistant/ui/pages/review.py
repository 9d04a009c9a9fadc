"""Review and export the support email: edit To/Subject/Body, choose what goes in, attach screenshots, export.

Every keystroke or paste in To, Subject or Body is scanned at once: a secret shows a red box saying what was found,
why it is dangerous and a button that removes it. Every export goes through `assistant.exports`, which runs the
same firewall again, so nothing with a secret is written, copied, printed or handed to the mail app.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextCharFormat, QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QFrame, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSplitter,
                               QTextEdit, QVBoxLayout, QWidget)

from ... import attachments as att
from ... import exports
from ...content import Catalog
from ...draft import Draft, build_draft, collect_details
from ...errors import AssistantError, ExportBlocked
from ...firewall import Exit, Hit, Part, check_recipient, scan_parts
from ...flows.engine import Session
from ...texts import Texts
from ..widgets.attachment_list import AttachmentList
from ..widgets.labels import Heading, ToneLabel, WrapLabel

log = logging.getLogger(__name__)
CJK_FONTS = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC")
LIVE_SCAN_LIMIT = 200_000  # characters; longer texts are still guarded at export


def _u16(text: str, index: int) -> int:
    """Python index → QString (UTF-16) position."""
    return len(text[:index].encode("utf-16-le")) // 2


def _short(value: str, keep: int = 30) -> str:
    """Middle-elided one-line form of a value for a tick box (the full value is in the tooltip and the body)."""
    flat = " ".join(value.split())
    if len(flat) <= keep:
        return flat
    return flat[: keep * 2 // 3 - 1] + "…" + flat[-(keep // 3):]


def write_pdf(text: str, path: Path, families: list[str], title: str = "") -> Path:
    """Lay out `text` on A4 pages with a CJK-capable font and save it atomically (via exports.write_file)."""
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(families)
    font.setPointSize(10)
    doc.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long hashes and links
    doc.setDefaultTextOption(option)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Wallet Support Assistant")
    # Lay the text out on the writer's own page, so lines use the full printable width.
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.setPlainText(text)
    doc.print_(writer)
    del writer
    return exports.write_file(path, bytes(buffer.data()))


class ReviewPage(QWidget):
    closed = Signal()

    def __init__(self, catalog: Catalog, locale: str, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_page")
        self.catalog, self.session = catalog, session
        self.texts = Texts(catalog, locale)
        self.email_locale = self.texts.locale
        self.bilingual = False
        self.excluded: set[str] = set()
        self.files: list[tuple[att.Attachment, bool]] = []
        self.accepted: set[str] = set()  # values the user confirmed are public (transaction hashes)
        self.recipient_ok: set[str] = set()  # To values whose warnings the user accepted
        self.hits: list[Hit] = []
        self._hit_key: tuple = ()
        self._generated = ("", "")
        self._build_ui()
        self.draft: Draft = build_draft(session, catalog, self.email_locale)
        self.to_edit.setText(self.draft.to)
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.email_locale)))
        self.language_box.blockSignals(False)
        self.bilingual_box.setEnabled(self.email_locale != "en")
        self._apply_draft()
        self.retranslate(self.texts)

    # ---- layout ------------------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.heading = Heading(scale=1.3)
        self.intro = WrapLabel()
        self.safety = ToneLabel("notice")
        self.secret_box = QFrame()
        self.secret_box.setObjectName("secret_box")
        self.secret_box.setFrameShape(QFrame.Shape.Box)
        self.secret_box.setStyleSheet("#secret_box { border: 2px solid #c62828; border-radius: 4px; }")
        self.secret_layout = QVBoxLayout(self.secret_box)
        self.secret_box.hide()

        self.to_edit = QLineEdit(objectName="review_to")
        self.subject_edit = QLineEdit(objectName="review_subject")
        self.exchange_hint = ToneLabel("notice")
        self.recipient_warning = ToneLabel("error")
        self.recipient_warning.setObjectName("recipient_warning")
        self.language_box = QComboBox(objectName="email_language")
        for code, info in self.catalog.locales.items():
            if code in self.catalog.texts:
                self.language_box.addItem(info.name, code)
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
        self.body_edit.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self.body_label)
        left_layout.addWidget(self.body_edit, 1)

        self.details_group = QGroupBox(objectName="details_group")
        details_layout = QVBoxLayout(self.details_group)
        self.details_hint = WrapLabel()
        self.details_list = QListWidget(objectName="details_list")
        self.details_list.setTextElideMode(Qt.TextElideMode.ElideRight)  # long values shrink, never widen the page
        self.details_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_list.setFrameShape(QFrame.Shape.NoFrame)
        self.details_list.itemChanged.connect(self._on_detail_item)
        details_layout.addWidget(self.details_hint)
        details_layout.addWidget(self.details_list)
        self.detail_items: dict[str, QListWidgetItem] = {}
        self.attach_group = QGroupBox(objectName="attachments_group")
        self.attach_list = AttachmentList()
        self.checklist = WrapLabel()
        self.checklist_box = QCheckBox(objectName="checklist_confirm")
        attach_layout = QVBoxLayout(self.attach_group)
        attach_layout.addWidget(self.attach_list)
        attach_layout.addWidget(self.checklist)
        attach_layout.addWidget(self.checklist_box)
        self.export_group = QGroupBox(objectName="export_group")
        export_layout = QVBoxLayout(self.export_group)
        self.export_buttons: dict[Exit, QPushButton] = {}
        self.export_notes: dict[Exit, QLabel] = {}
        actions = {Exit.EML: self.export_eml, Exit.MAILTO: self.open_mail_app, Exit.CLIPBOARD: self.copy_to_clipboard,
                   Exit.TXT: self.export_txt, Exit.PDF: self.export_pdf, Exit.PRINT: self.print_draft}
        for exit_, action in actions.items():
            button = QPushButton(objectName=f"export_{exit_}")
            button.clicked.connect(lambda _checked=False, act=action: act())
            note = WrapLabel()
            note.setObjectName(f"export_{exit_}_note")
            small = QFont(note.font())
            small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
            note.setFont(small)
            export_layout.addWidget(button)
            export_layout.addWidget(note)
            self.export_buttons[exit_], self.export_notes[exit_] = button, note
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 6, 0)
        side_layout.addWidget(self.details_group)
        side_layout.addWidget(self.attach_group)
        side_layout.addWidget(self.export_group)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(side)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.status = WrapLabel()
        self.status.setObjectName("review_status")
        self.error = ToneLabel("error")
        self.error.setObjectName("review_error")
        self.close_button = QPushButton(objectName="review_close")
        self.close_button.clicked.connect(self.closed)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.safety)
        layout.addWidget(self.secret_box)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        self.error.hide()

        self.to_edit.textChanged.connect(self._on_to_changed)
        self.subject_edit.textChanged.connect(self.scan_now)
        self.body_edit.textChanged.connect(self.scan_now)
        self.language_box.currentIndexChanged.connect(self._on_language)
        self.bilingual_box.toggled.connect(self._on_bilingual)
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
        self.safety.setText(ui("safety.line"))
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
        self.form.setRowVisible(self.exchange_hint, self.draft.recipient != "wallet")
        self.details_group.setTitle(ui("review.details"))
        self.details_hint.setText(ui("review.details_hint"))
        self.attach_group.setTitle(ui("review.attach.heading"))
        self.attach_list.set_texts(ui("review.attach.add"), ui("review.attach.remove"), ui("review.attach.include"),
                                   ui("review.attach.cleaned"), ui("review.attach.shrunk"))
        self.checklist.setText(ui("review.attach.checklist"))
        self.checklist_box.setText(ui("review.attach.checklist_confirm"))
        self.export_group.setTitle(ui("review.export.heading"))
        for exit_, button in self.export_buttons.items():
            button.setText(ui(f"review.export.{exit_}"))
            self.export_notes[exit_].setText(ui(f"review.export.{exit_}_note"))
            button.setToolTip(ui(f"review.export.{exit_}_note"))
        self.close_button.setText(ui("review.close"))
        self._fill_details()
        self.attach_list.set_items(self.files)
        self._update_recipient()
        self._hit_key = ()
        self.scan_now()

    def _fill_details(self) -> None:
        """One tick per collected detail, in the UI language; the full value is in the tooltip."""
        self.details_list.blockSignals(True)
        self.details_list.clear()
        self.detail_items.clear()
        for detail, _derived in collect_details(self.session, self.catalog, self.texts.locale):
            item = QListWidgetItem(f"{detail.label}: {_short(detail.value, 80)}")
            item.setData(Qt.ItemDataRole.UserRole, detail.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if detail.name in self.excluded else Qt.CheckState.Checked)
            item.setToolTip(f"{detail.label}:\n{detail.value}")
            self.details_list.addItem(item)
            self.detail_items[detail.name] = item
        self.details_list.blockSignals(False)
        rows = self.details_list.count()
        height = sum(self.details_list.sizeHintForRow(i) for i in range(rows)) + 2 * self.details_list.frameWidth() + 4
        self.details_list.setFixedHeight(max(height, 8))
        self.details_group.setVisible(bool(rows))

    def _on_detail_item(self, item: QListWidgetItem) -> None:
        self.set_detail_included(item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked)

    # ---- the draft -----------------------------------------------------------------------------------------
    def _apply_draft(self) -> None:
        self.subject_edit.setText(self.draft.subject)
        self.subject_edit.setCursorPosition(0)
        self.body_edit.setPlainText(self.draft.body)
        self._generated = (self.draft.subject, self.draft.body)

    def edited(self) -> bool:
        return (self.subject_edit.text(), self.body_edit.toPlainText()) != self._generated

    def rebuild(self, ask: bool = True) -> bool:
        """Render the email again from the session and the current choices; asks before replacing edits."""
        if ask and self.edited() and not self.confirm(self.texts.ui("review.rebuild_title"), self.texts.ui("review.rebuild_question")):
            return False
        names = tuple(a.filename for a, included in self.files if included)
        self.draft = build_draft(self.session, self.catalog, self.email_locale, excluded=frozenset(self.excluded),
                                 attachments=names, bilingual=self.bilingual, to=self.to_edit.text())
        self._apply_draft()
        return True

    def set_detail_included(self, name: str, included: bool) -> bool:
        before = set(self.excluded)
        (self.excluded.discard if included else self.excluded.add)(name)
        if self.excluded != before and not self.rebuild():
            self.excluded = before
            item = self.detail_items.get(name)
            if item is not None:
                self.details_list.blockSignals(True)
                item.setCheckState(Qt.CheckState.Unchecked if name in self.excluded else Qt.CheckState.Checked)
                self.details_list.blockSignals(False)
            return False
        return True

    def _on_language(self, index: int) -> None:
        code = self.language_box.itemData(index)
        if code and code != self.email_locale:
            previous, self.email_locale = self.email_locale, code
            if not self.rebuild():
                self.email_locale = previous
                self.language_box.blockSignals(True)
                self.language_box.setCurrentIndex(self.language_box.findData(previous))
                self.language_box.blockSignals(False)
        self.bilingual_box.setEnabled(self.email_locale != "en")

    def set_email_locale(self, code: str) -> None:
        self.language_box.setCurrentIndex(self.language_box.findData(code))

    def _on_bilingual(self, on: bool) -> None:
        if on != self.bilingual:
            self.bilingual = on
            if not self.rebuild():
                self.bilingual = not on
                self.bilingual_box.blockSignals(True)
                self.bilingual_box.setChecked(self.bilingual)
                self.bilingual_box.blockSignals(False)

    # ---- attachments ---------------------------------------------------------------------------------------
    def _on_add_files(self) -> None:
        pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        paths, _ = QFileDialog.getOpenFileNames(self, self.texts.ui("review.attach.add"), pictures,
                                                self.texts.ui("review.attach.file_filter"))
        if paths:
            self.add_attachment_files(paths)

    def add_attachment_files(self, paths) -> list[str]:
        """Add files (pictures re-encoded without metadata); returns the problems shown to the user."""
        problems: list[str] = []
        for path in paths:
            try:
                item = att.load(path)
                att.check_total([a for a, inc in self.files if inc], item)
            except att.AttachmentError as exc:
                problems.append(self.texts.ui(f"review.attach.error.{exc.code}", **exc.params))
                continue
            self.files.append((item, True))
        if len(self.files):
            renamed = att.with_unique_names([a for a, _inc in self.files])
            self.files = [(a, inc) for a, (_old, inc) in zip(renamed, self.files)]
        self.attach_list.set_items(self.files)
        self.rebuild()
        self._show_error("\n".join(problems))
        self.scan_now()
        return problems

    def remove_attachment(self, index: int) -> None:
        if 0 <= index < len(self.files):
            del self.files[index]
            self.attach_list.set_items(self.files)
            self.rebuild()
            self.scan_now()

    def set_attachment_included(self, index: int, included: bool) -> None:
        if 0 <= index < len(self.files):
            self.files[index] = (self.files[index][0], included)
            self.rebuild()
            self.scan_now()

    def included_files(self) -> tuple[att.Attachment, ...]:
        return tuple(a for a, inc in self.files if inc)

    # ---- live secret check ---------------------------------------------------------------------------------
    def _parts(self) -> list[Part]:
        parts = [Part("to", self.to_edit.text()), Part("subject", self.subject_edit.text()),
                 Part("body", self.body_edit.toPlainText())]
        for a in self.included_files():
            parts.append(Part("attachment_name", a.filename, a.filename))
            if a.is_text:
                parts.append(Part("attachment_text", a.text(), a.filename))
        return parts

    def accepted_values(self) -> tuple[str, ...]:
        return (*self.draft.public_values, *self.accepted)

    def scan_now(self) -> list[Hit]:
        parts = self._parts()
        if sum(len(p.text) for p in parts) > LIVE_SCAN_LIMIT:
            return self.hits  # too long to scan on every keystroke; the export guard still scans it
        self.hits = scan_parts(parts, self.accepted_values(), self.draft.trusted_texts)
        key = tuple((h.part.name, h.part.label, h.finding.kind, h.finding.start, h.finding.end) for h in self.hits)
        if key != self._hit_key:
            self._hit_key = key
            self._render_hits()
        return self.hits

    def _where(self, hit: Hit) -> str:
        ui = self.texts.ui
        return ui(f"review.secret.where_{hit.part.name}", line=hit.line, name=hit.part.label)

    def _render_hits(self) -> None:
        while self.secret_layout.count():
            item = self.secret_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        ui = self.texts.ui
        if self.hits:
            title = Heading(ui("review.secret.heading"), scale=1.1)
            title.setObjectName("secret_heading")
            self.secret_layout.addWidget(title)
            intro = ToneLabel("error")
            intro.setObjectName("secret_intro")
            intro.setText(ui("review.secret.intro"))
            self.secret_layout.addWidget(intro)
        for i, hit in enumerate(self.hits):
            kind = str(hit.finding.kind)
            row = QHBoxLayout()
            text = WrapLabel(ui("review.secret.hit", kind=ui(f"review.secret.kind.{kind}"), where=self._where(hit),
                                why=ui(f"review.secret.why.{kind}")))
            text.setObjectName(f"secret_hit_{i}")
            row.addWidget(text, 1)
            remove = QPushButton(ui("review.secret.remove"), objectName=f"secret_remove_{i}")
            remove.clicked.connect(lambda _c=False, n=i: self.remove_hit(n))
            row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
            if not hit.blocking:
                keep = QPushButton(ui("review.secret.keep_hash" if kind == "private_key_hex" else "review.secret.keep"),
                                   objectName=f"secret_keep_{i}")
                keep.clicked.connect(lambda _c=False, n=i: self.accept_hit(n))
                row.addWidget(keep, 0, Qt.AlignmentFlag.AlignTop)
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            self.secret_layout.addWidget(holder)
        self.secret_box.setVisible(bool(self.hits))
        self._highlight()

    def _highlight(self) -> None:
        body = self.body_edit.toPlainText()
        marks = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffcdd2"))
        fmt.setForeground(QColor("#000000"))
        for hit in self.hits:
            if hit.part.name != "body":
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.body_edit.document())
            cursor.setPosition(_u16(body, hit.finding.start))
            cursor.setPosition(_u16(body, hit.finding.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor, sel.format = cursor, fmt
            marks.append(sel)
        self.body_edit.setExtraSelections(marks)
        for name, edit in (("to", self.to_edit), ("subject", self.subject_edit)):
            bad = any(h.part.name == name for h in self.hits)
            edit.setStyleSheet("QLineEdit { border: 2px solid #c62828; }" if bad else "")

    def remove_hit(self, index: int) -> None:
        """One click: replace the finding with "[removed]" where it was found (and forget it from undo)."""
        if not 0 <= index < len(self.hits):
            return
        hit = self.hits[index]
        placeholder = self.texts.ui("review.secret.removed")
        start, end = hit.finding.start, hit.finding.end
        if hit.part.name == "body":
            body = self.body_edit.toPlainText()
            cursor = QTextCursor(self.body_edit.document())
            cursor.setPosition(_u16(body, start))
            cursor.setPosition(_u16(body, end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(placeholder)
            self.body_edit.document().clearUndoRedoStacks()
        elif hit.part.name in ("to", "subject"):
            edit = self.to_edit if hit.part.name == "to" else self.subject_edit
            text = edit.text()
            edit.setText(text[:start] + placeholder + text[end:])
        else:
            self._redact_attachment(hit, placeholder)
        self.scan_now()

    def _redact_attachment(self, hit: Hit, placeholder: str) -> None:
        from dataclasses import replace

        for i, (a, inc) in enumerate(self.files):
            if a.filename != hit.part.label:
                continue
            s, e = hit.finding.start, hit.finding.end
            if hit.part.name == "attachment_name":
                a = replace(a, filename=att.safe_filename(a.filename[:s] + placeholder + a.filename[e:]))
            else:
                text = a.text()
                a = replace(a, data=(text[:s] + placeholder + text[e:]).encode("utf-8"))
            self.files[i] = (a, inc)
            break
        self.attach_list.set_items(self.files)

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

    def _on_to_changed(self) -> None:
        self._update_recipient()
        self.scan_now()

    def _update_recipient(self) -> None:
        text = "\n".join(self._warning_text(w) for w in self.recipient_warnings() if w.code != "exchange_verify")
        self.recipient_warning.setText(text)
        self.form.setRowVisible(self.recipient_warning, bool(text))

    def _recipient_confirmed(self) -> bool:
        warnings = self.recipient_warnings()
        to = self.to_edit.text().strip()
        if not warnings or to in self.recipient_ok:
            return True
        listed = "\n".join(f"• {self._warning_text(w)}" for w in warnings)
        if self.confirm(self.texts.ui("review.recipient.confirm_title"),
                        self.texts.ui("review.recipient.confirm_question", warnings=listed)):
            self.recipient_ok.add(to)
            return True
        return False

    # ---- exports -------------------------------------------------------------------------------------------
    def message(self) -> exports.Message:
        return exports.Message(self.to_edit.text(), self.subject_edit.text(), self.body_edit.toPlainText(),
                               self.included_files(), self.accepted_values(), self.draft.languages,
                               self.draft.trusted_texts)

    def _ready(self, exit_: Exit) -> exports.Message | None:
        """Secrets, then recipient, then the screenshot checklist; None (with a message shown) if not ready."""
        self._show_error("")
        self.scan_now()
        message = self.message()
        try:
            exports.checked(message, exit_)
        except ExportBlocked:
            self._show_error(self.texts.ui("review.secret.blocked"))
            return None
        if not self._recipient_confirmed():
            self._set_status(self.texts.ui("review.status_cancelled"))
            return None
        if exit_ is Exit.EML and any(a.is_image for a in message.attachments) and not self.checklist_box.isChecked():
            self._show_error(self.texts.ui("review.attach.checklist_needed"))
            self.checklist_box.setFocus()
            return None
        return message

    def _run(self, exit_: Exit, action) -> bool:
        message = self._ready(exit_)
        if message is None:
            return False
        try:
            return action(message)
        except ExportBlocked:
            self._show_error(self.texts.ui("review.secret.blocked"))
        except exports.ExportFailed as exc:
            self._show_error(self.texts.ui("review.failed.message", path=str(exc.path), reason=exc.reason))
        except (AssistantError, OSError, ValueError) as exc:
            self._show_error(str(exc))
        return False

    def _save(self, exit_: Exit, path, suffix: str, writer) -> bool:
        def act(message: exports.Message) -> bool:
            target = path or self.choose_path(exit_, suffix)
            if not target:
                self._set_status(self.texts.ui("review.status_cancelled"))
                return False
            target = Path(target)
            if target.suffix.lower() != suffix:
                target = target.with_name(target.name + suffix)
            writer(message, target)
            self._set_status(self.texts.ui("review.status_saved", path=str(target)))
            return True
        return self._run(exit_, act)

    def export_eml(self, path=None) -> bool:
        return self._save(Exit.EML, path, ".eml", exports.save_eml)

    def export_txt(self, path=None) -> bool:
        return self._save(Exit.TXT, path, ".txt", exports.save_txt)

    def export_pdf(self, path=None) -> bool:
        def writer(message, target):
            text = exports.text_for(message, Exit.PDF)
            write_pdf(text, target, self._pdf_fonts(), message.subject)
        return self._save(Exit.PDF, path, ".pdf", writer)

    def _pdf_fonts(self) -> list[str]:
        families: list[str] = []
        for code in self.draft.languages:
            info = self.catalog.locales.get(code)
            families.extend(info.fonts if info else ())
        return list(dict.fromkeys([*families, *CJK_FONTS, QFont().defaultFamily()]))

    def copy_to_clipboard(self) -> bool:
        def act(message):
            QGuiApplication.clipboard().setText(exports.clipboard_text(message))
            self._set_status(self.texts.ui("review.status_copied"))
            return True
        return self._run(Exit.CLIPBOARD, act)

    def open_mail_app(self) -> bool:
        def act(message):
            link = exports.mailto(message, note=self.texts.ui("review.export.mailto_clipboard_note"))
            if link.shortened:
                QGuiApplication.clipboard().setText(link.full_body)
            if not self.open_url(link.url):
                self._show_error(self.texts.ui("review.status_mailto_failed"))
                return False
            self._set_status(self.texts.ui("review.status_mailto_short" if link.shortened else "review.status_opened"))
            return True
        return self._run(Exit.MAILTO, act)

    def print_draft(self) -> bool:
        def act(message):
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter

            text = exports.text_for(message, Exit.PRINT)
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                self._set_status(self.texts.ui("review.status_cancelled"))
                return False
            doc = QTextDocument()
            font = QFont()
            font.setFamilies(self._pdf_fonts())
            doc.setDefaultFont(font)
            doc.setPlainText(text)
            doc.print_(printer)
            self._set_status(self.texts.ui("review.status_printed"))
            return True
        return self._run(Exit.PRINT, act)

    # ---- hooks (tests replace these) -----------------------------------------------------------------------
    def confirm(self, title: str, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("review_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def choose_path(self, exit_: Exit, suffix: str) -> str | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"{self.draft.reference or 'support-request'}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, self.texts.ui(f"review.export.{exit_}"), suggested,
                                              self.texts.ui(f"review.export.{exit_}_filter"))
        return path or None

    def open_url(self, url: str) -> bool:
        return QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii")))

    # ---- feedback ------------------------------------------------------------------------------------------
    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _show_error(self, text: str) -> None:
        self.error.show_text(text)
        if text:
            self.status.setText("")

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)
