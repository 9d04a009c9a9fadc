"""The six ways out of the review page: save .eml / .txt / .pdf, copy, open the mail app, print.

Every exit first asks the review model to prepare it (secrets, then recipient, then the screenshot checklist),
and `assistant.email.exports` runs the secret firewall once more on what it writes, copies or hands over.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QGuiApplication,
)
from PySide6.QtWidgets import QFileDialog, QGroupBox, QPushButton, QVBoxLayout, QWidget

from assistant.email import exports
from assistant.errors import AssistantError, ExportBlocked
from assistant.secrets.guard import Exit
from assistant.ui.pdf import document, write_pdf
from assistant.ui.widgets.labels import WrapLabel

CJK_FONTS = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC")


class ExportBox(QGroupBox):
    """One button per exit, each with a short note under it saying where the email goes."""

    def __init__(self, actions: dict[Exit, Callable[[], object]], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="export_group")
        layout = QVBoxLayout(self)
        self.buttons: dict[Exit, QPushButton] = {}
        self.notes: dict[Exit, WrapLabel] = {}
        for exit_, action in actions.items():
            button = QPushButton(objectName=f"export_{exit_}")
            button.clicked.connect(lambda _checked=False, act=action: act())
            note = WrapLabel()
            note.setObjectName(f"export_{exit_}_note")
            small = QFont(note.font())
            small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
            note.setFont(small)
            layout.addWidget(button)
            layout.addWidget(note)
            self.buttons[exit_], self.notes[exit_] = button, note

    def retranslate(self, ui) -> None:
        self.setTitle(ui("review.export.heading"))
        for exit_, button in self.buttons.items():
            button.setText(ui(f"review.export.{exit_}"))
            self.notes[exit_].setText(ui(f"review.export.{exit_}_note"))
            button.setToolTip(ui(f"review.export.{exit_}_note"))


class ExportActions:
    """Mixed into ReviewPage, which provides `review` (the model), checklist_box, texts, catalog, the confirm()
    hook and _set_status/_show_error."""

    def _ready(self, exit_: Exit) -> exports.Message | None:
        """The message for `exit_`, or None with the reason shown."""
        self._show_error("")
        prepared = self.review.prepare(exit_)
        if prepared.blocker is not None:
            self.show_blocker(prepared.blocker)
        return prepared.message

    def _run(self, exit_: Exit, action: Callable[[exports.Message], bool]) -> bool:
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
            write_pdf(exports.text_for(message, Exit.PDF), target, self._pdf_fonts(), message.subject)
        return self._save(Exit.PDF, path, ".pdf", writer)

    def _pdf_fonts(self) -> list[str]:
        families: list[str] = []
        for code in self.review.draft.languages:
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
            doc = document(text, self._pdf_fonts())
            doc.print_(printer)
            self._set_status(self.texts.ui("review.status_printed"))
            return True
        return self._run(Exit.PRINT, act)

    # ---- hooks (tests replace these) -----------------------------------------------------------------------
    def choose_path(self, exit_: Exit, suffix: str) -> str | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"{self.review.draft.reference or 'support-request'}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, self.texts.ui(f"review.export.{exit_}"), suggested,
                                              self.texts.ui(f"review.export.{exit_}_filter"))
        return path or None

    def open_url(self, url: str) -> bool:
        return QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii")))
