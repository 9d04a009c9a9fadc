"""Translator mode window: every text of every flow in every language, side by side with its source.

Left: a navigator (flows → nodes, interface, guides, email) to jump anywhere without clicking through a flow.
Right: source | translation for the chosen unit (each key one row), the unit's texts to edit and save in place,
the email rendered with sample data of a normal, urgent or exchange case, and what changed in the source since
the translation was accepted. Bottom: the `check` diagnostics. The window reloads itself when a file under
content/ is saved.
"""
from __future__ import annotations

import html
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.checks.catalog import check_catalog
from assistant.content.catalog import Catalog
from assistant.i18n.l10n import L10nError, accept, status, units_with_errors
from assistant.i18n.loading import load_catalog
from assistant.i18n.snapshots import unit_diff
from assistant.i18n.texts import Texts
from assistant.paths import content_dir
from assistant.problems import Severity
from assistant.ui.translator.diagnostics import DiagnosticsPane, open_in_editor
from assistant.ui.translator.editor import UnitEditor
from assistant.ui.translator.email_preview import EmailPreview
from assistant.ui.translator.reloader import ContentReloader, Reloaded
from assistant.ui.translator.side_by_side import SideBySideView
from assistant.ui.translator.tree import LABEL_ROLE, STATE_ROLE, UNIT_ROLE, UnitTree
from assistant.ui.translator.watcher import ContentWatcher

__all__ = ["LABEL_ROLE", "STATE_ROLE", "UNIT_ROLE", "TranslatorWindow"]
log = logging.getLogger(__name__)
TABS = ("tab_side", "tab_edit", "tab_email", "tab_changes")


class TranslatorWindow(QMainWindow):
    reloaded = Signal()

    def __init__(self, parent: QWidget | None = None, *, content: Path | None = None, ui_locale: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("translator_window")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.content = Path(content) if content else content_dir()
        parent_texts = getattr(parent, "texts", None)
        self._ui_locale = ui_locale or getattr(parent_texts, "locale", None) or "en"
        self.catalog: Catalog = load_catalog(self.content, pseudo=True)
        self.problems = []
        self.ignored = 0
        self.unit: str | None = None
        self.reload_count = 0
        self._saved_message = ""  # shown once the reload after an in-place edit has finished
        self._build()
        self.reloader = ContentReloader(self.content, self)
        self.reloader.loaded.connect(self._apply_reload)
        self.reloader.failed.connect(self._on_reload_failed)
        self.reloader.busy_changed.connect(self._show_busy)
        self.watcher = ContentWatcher(self.content, self)
        self.watcher.changed.connect(self.reload)
        self._fill_locales(self._start_locale(), self.catalog.source_locale)
        self._fill_tree()
        self._run_check()
        self.retranslate()
        self.resize(1280, 820)
        first = self._first_unit()
        if first:
            self.select_unit(first)

    def _start_locale(self) -> str:
        """The translator's own language (the app's, when it is a translation), else English."""
        cat = self.catalog
        ui_locale = self._ui_locale
        if ui_locale in cat.locales and ui_locale != cat.source_locale and not cat.locales[ui_locale].pseudo:
            return ui_locale
        return "en" if "en" in cat.locales else cat.source_locale

    # building ------------------------------------------------------------------------------------------
    def _build(self) -> None:
        bar = QToolBar(objectName="translator_toolbar", movable=False)
        self.addToolBar(bar)
        self.locale_label, self.compare_label = QLabel(), QLabel()
        self.locale_box = QComboBox(objectName="translator_locale")
        self.compare_box = QComboBox(objectName="translator_compare")
        self.reload_button = QPushButton(objectName="translator_reload")
        self.accept_button = QPushButton(objectName="translator_accept")
        for widget in (self.locale_label, self.locale_box, self.compare_label, self.compare_box):
            bar.addWidget(widget)
        bar.addSeparator()
        bar.addWidget(self.reload_button)
        bar.addWidget(self.accept_button)
        self.locale_box.currentIndexChanged.connect(self._on_locale_changed)
        self.compare_box.currentIndexChanged.connect(lambda _i: self._render())
        self.reload_button.clicked.connect(self.reload)
        self.accept_button.clicked.connect(self._on_accept)

        self.filter_edit = QLineEdit(objectName="translator_filter", clearButtonEnabled=True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.tree = UnitTree()
        self.tree.currentItemChanged.connect(self._on_item)
        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(0, 0, 0, 0)
        left_col.addWidget(self.filter_edit)
        left_col.addWidget(self.tree, 1)

        self.state_label = QLabel(objectName="translator_state", wordWrap=True)
        self.file_label = QLabel(objectName="translator_file", textFormat=Qt.TextFormat.RichText)
        self.file_label.linkActivated.connect(self._open_link)
        self.side_view = SideBySideView()
        side_page = QWidget()
        side_col = QVBoxLayout(side_page)
        side_col.setContentsMargins(4, 4, 4, 4)
        head = QHBoxLayout()
        head.addWidget(self.state_label, 1)
        head.addWidget(self.file_label)
        side_col.addLayout(head)
        side_col.addWidget(self.side_view, 1)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.editor = UnitEditor()
        self.editor.saved.connect(self._on_saved)
        self.email_preview = EmailPreview()
        self.email_view = self.email_preview.view
        self.changes_view = QPlainTextEdit(objectName="translator_changes", readOnly=True)
        self.changes_view.setFont(mono)
        self.tabs = QTabWidget(objectName="translator_tabs")
        for page in (side_page, self.editor, self.email_preview, self.changes_view):
            self.tabs.addTab(page, "")

        self.diagnostics = DiagnosticsPane(self)
        self.diagnostics.problem_selected.connect(self.jump_to)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.tabs)
        right.addWidget(self.diagnostics)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(left)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setSizes([300, 980])
        self.setCentralWidget(main)
        self.busy_bar = QProgressBar(objectName="translator_busy", maximumWidth=120, textVisible=False)
        self.busy_bar.setRange(0, 0)  # moving without a percentage: reading and checking has no known length
        self.busy_bar.hide()
        self.statusBar().addPermanentWidget(self.busy_bar)

    def ui(self, key: str, **params) -> str:
        return Texts(self.catalog, self._ui_locale).ui(key, **params)

    def retranslate(self, texts: Texts | None = None) -> None:
        """Re-apply every string; the main window calls this with its Texts on a language change."""
        if texts is not None:
            self._ui_locale = texts.locale
        ui = self.ui
        self.setWindowTitle(ui("translator.title"))
        self.locale_label.setText(ui("translator.locale") + " ")
        self.compare_label.setText(" " + ui("translator.compare") + " ")
        self.reload_button.setText(ui("translator.reloading" if self.busy else "translator.reload"))
        self.busy_bar.setAccessibleName(ui("translator.reloading"))
        self.accept_button.setText(ui("translator.accept"))
        self.accept_button.setToolTip(ui("translator.accept_tip"))
        self.filter_edit.setPlaceholderText(ui("translator.filter"))
        for index, key in enumerate(TABS):
            self.tabs.setTabText(index, ui(f"translator.{key}"))
        self.diagnostics.retranslate(ui)
        self.editor.retranslate(ui)
        self.email_preview.retranslate(ui)
        self._show_summary()
        self._render()

    # data ------------------------------------------------------------------------------------------------
    @property
    def locale(self) -> str:
        return self.locale_box.currentData() or self.catalog.source_locale

    @property
    def compare(self) -> str:
        return self.compare_box.currentData() or self.catalog.source_locale

    def _fill_locales(self, locale: str, compare: str) -> None:
        for box, chosen in ((self.locale_box, locale), (self.compare_box, compare)):
            box.blockSignals(True)
            box.clear()
            for code, info in self.catalog.locales.items():
                box.addItem(f"{info.name} ({code})", code)
            index = box.findData(chosen)
            box.setCurrentIndex(index if index >= 0 else 0)
            box.blockSignals(False)

    def _fill_tree(self) -> None:
        self.tree.fill(self.catalog, Texts(self.catalog, self._ui_locale))

    def _items(self):
        return self.tree.items()

    def _first_unit(self) -> str | None:
        return self.tree.first_unit()

    def _mark_tree(self) -> None:
        self.tree.mark(self.catalog, self.locale, self.problems)

    def _apply_filter(self, text: str) -> None:
        self.tree.apply_filter(text)

    # navigation --------------------------------------------------------------------------------------------
    def select_unit(self, unit: str, locale: str | None = None) -> bool:
        """Jump to a unit (e.g. 'pending_transaction.nodes.network'), optionally in another locale."""
        if locale and self.locale_box.findData(locale) >= 0:
            self.locale_box.setCurrentIndex(self.locale_box.findData(locale))
        if not self.tree.select(unit):
            return False
        self.unit = unit
        self._render()
        return True

    def jump_to(self, path: str, line: int) -> None:
        """Show the unit a diagnostic points at (the text nearest above that line)."""
        where = Path(path)
        best = None
        for code, table in self.catalog.texts.items():
            for entry in table.values():
                if entry.path == where and entry.line <= line and (best is None or entry.line > best[1].line):
                    best = (code, entry)
        if best:
            code = where.parent.name if where.parent.parent.name == "locales" else None
            self.select_unit(best[1].unit, code)

    def _on_item(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        unit = current.data(0, UNIT_ROLE) if current is not None else None
        if unit:
            self.unit = unit
            self._render()

    def _on_locale_changed(self, _index: int) -> None:
        self._show_diagnostics()
        if self.tree.topLevelItemCount():
            self._mark_tree()
        self._render()

    # rendering --------------------------------------------------------------------------------------------
    def _render(self) -> None:
        if not hasattr(self, "side_view") or self.unit is None:
            return
        self._render_side()
        self.editor.show_unit(self.catalog, self.unit, self.locale, self.compare, self.problems)
        self.email_preview.show_email(self.catalog, self.locale, self._flow_id(), self.ui)
        self._render_changes()

    def _render_side(self) -> None:
        cat, loc = self.catalog, self.locale
        self.side_view.show_unit(cat, self.unit, loc, self.compare, self.ui)
        self.state_label.setText(self._state_text())
        entry = next((e for e in cat.texts.get(loc, {}).values() if e.unit == self.unit), None)
        if entry is not None and not cat.locales[loc].pseudo:
            rel = self._rel(entry.path)
            self.file_label.setText(f"<a href='{entry.path.as_uri()}#{entry.line}'>{html.escape(rel)}:{entry.line}</a>")
        else:
            self.file_label.setText("")
        editable = loc != cat.source_locale and not cat.locales[loc].pseudo and entry is not None
        self.accept_button.setEnabled(editable and cat.locks.get(loc, {}).get(self.unit) != cat.unit_hashes.get(self.unit))

    def _state_text(self) -> str:
        cat, loc = self.catalog, self.locale
        if cat.locales[loc].pseudo:
            return self.ui("translator_state.pseudo")
        if loc == cat.source_locale:
            return self.ui("translator_state.source")
        state = next((u.state for u in status(cat, loc).units if u.unit == self.unit), "missing")
        return self.ui(f"translator_state.{state}")

    def _flow_id(self) -> str | None:
        head = (self.unit or "").split(".", 1)[0]
        return head if head in self.catalog.flows else next(iter(self.catalog.flows), None)

    def _render_changes(self) -> None:
        cat, loc = self.catalog, self.locale
        if loc == cat.source_locale or cat.locales[loc].pseudo or self.unit not in cat.unit_hashes:
            self.changes_view.setPlainText(self.ui("translator.no_changes"))
            return
        try:
            summary, lines = unit_diff(cat, loc, self.unit)
        except L10nError as exc:
            summary, lines = str(exc), []
        self.changes_view.setPlainText("\n".join([summary, "", *lines]))

    # check and reload --------------------------------------------------------------------------------------------
    def _run_check(self) -> None:
        self.problems, self.ignored = check_catalog(self.catalog)
        self._show_diagnostics()
        self._show_summary()
        if self.tree.topLevelItemCount():
            self._mark_tree()

    def _show_diagnostics(self) -> None:
        locales = self.content / "locales"
        loc_dir = None if self.catalog.locales.get(self.locale) and self.catalog.locales[self.locale].pseudo \
            else locales / self.locale
        self.diagnostics.show_problems(self.problems, self.content.parent, loc_dir, locales)

    def _show_summary(self) -> None:
        errors = sum(p.severity is Severity.ERROR for p in self.problems)
        texts = sum(len(t) for c, t in self.catalog.texts.items() if not self.catalog.locales[c].pseudo)
        self.statusBar().showMessage(self.ui("translator.summary", texts=texts, errors=errors,
                                             warnings=len(self.problems) - errors,
                                             time=datetime.now().strftime("%H:%M:%S")))

    @property
    def busy(self) -> bool:
        reloader = getattr(self, "reloader", None)
        return bool(reloader and reloader.busy)

    def reload(self) -> None:
        """Re-read content/ and check it in a worker, then keep the place: same language, comparison and unit."""
        self.reloader.start()

    def _show_busy(self, busy: bool) -> None:
        self.reload_button.setEnabled(not busy)
        self.accept_button.setEnabled(not busy)
        self.editor.setEnabled(not busy)  # a save now would be checked against the content being replaced
        self.busy_bar.setVisible(busy)
        self.reload_button.setText(self.ui("translator.reloading" if busy else "translator.reload"))
        if busy:
            self.statusBar().showMessage(self.ui("translator.reloading"))
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _on_reload_failed(self, error: str) -> None:
        self.statusBar().showMessage(self.ui("translator.reload_failed", error=error))

    def _apply_reload(self, result: Reloaded) -> None:
        locale, compare, unit = self.locale, self.compare, self.unit
        self.catalog, self.problems, self.ignored = result.catalog, result.problems, result.ignored
        self._fill_locales(locale, compare)
        self._fill_tree()
        self._show_diagnostics()
        self._show_summary()
        self._mark_tree()
        if not (unit and self.select_unit(unit)):
            first = self._first_unit()
            if first:
                self.select_unit(first)
        if self._saved_message:
            self.statusBar().showMessage(self._saved_message)
            self._saved_message = ""
        self.reload_count += 1
        self.reloaded.emit()

    def _on_accept(self) -> None:
        try:
            accept(self.catalog, self.locale, [self.unit], units_with_errors(self.catalog, self.locale, self.problems))
        except L10nError as exc:
            self.statusBar().showMessage(str(exc))
            return
        self.reload()

    def _on_saved(self, keys: list[str]) -> None:
        self._saved_message = self.ui("translator.edit_saved", count=len(keys))
        self.reload()

    def _open_link(self, url: str) -> None:
        open_in_editor(Path(url.split("#")[0].removeprefix("file://")))

    def _rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.content.parent))
        except ValueError:
            return str(path)
