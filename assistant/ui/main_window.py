"""The shell: menus, the stack of pages, the safety line and the status bar. Wiring only.

Pages emit typed signals; each slot here makes one call (start a session, open a page, apply a
language) and shows the result. Everything a person reads comes from Texts, so `retranslate()` can
re-apply every string when the language changes without touching the session.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from assistant.content.catalog import Catalog
from assistant.errors import AssistantError
from assistant.i18n.texts import Texts
from assistant.ui.a11y import install_roles
from assistant.ui.locale_support import Localizer
from assistant.ui.pages.home import HomePage
from assistant.ui.settings import UiSettings
from assistant.ui.style import stylesheet
from assistant.ui.widgets.safety_line import SafetyLine

if TYPE_CHECKING:  # types of arguments only: each Qt class costs start-up time when first imported
    from PySide6.QtCore import QRect, QUrl
    from PySide6.QtGui import QCloseEvent

    from assistant.app.session import FlowController
    from assistant.flows.engine import Session
    from assistant.storage.autosave import AutosaveStore

log = logging.getLogger(__name__)
TRANSLATOR_MODULE = Path(__file__).parent / "translator" / "window.py"
HELP_GUIDES = ("before_support", "scam_signs")
TEXT_SCALES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)  # View › Larger/Smaller text, on top of the system size
DEFAULT_SIZE = (900, 680)


class MainWindow(QMainWindow):
    language_changed = Signal(str)  # locale code, after every string was re-applied
    resume_requested = Signal()  # "continue where you left off" (autosave connects here)
    session_changed = Signal()  # a session started, or an answer, edit, Back or Start over changed it
    review_opened = Signal(QWidget)  # the review page for the current session (autosave restores attachments)
    autosave_news = Signal(object)  # News from the flow controller's saving (AutosaveBinding shows it)

    def __init__(self, catalog: Catalog, locale: str, settings: UiSettings | None = None,
                 localizer: Localizer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        install_roles()
        self._apply_style()
        QApplication.instance().paletteChanged.connect(self._apply_style)
        self.catalog = catalog
        self.texts = Texts(catalog, locale)
        self.settings = settings
        self.localizer = localizer
        self._guides: dict[str, QWidget] = {}  # guide id → GuideDialog
        self._side_page: QWidget | None = None  # review page or draft fallback
        self._translator_window: QWidget | None = None
        self.crash_handler = None  # set by app.build_app, the composition root
        self._autosave_store: AutosaveStore | None = None  # set by AutosaveBinding
        self._flow: FlowController | None = None  # created when first needed: the home page needs none of it

        self.safety = SafetyLine()
        self.stack = QStackedWidget()
        self.home = HomePage(catalog, self.texts, lambda query: self.flow.search(query))
        self.stack.addWidget(self.home)
        self._flow_page = None  # built on first use: keeps Markdown and the form widgets off start-up
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.safety)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.home.flow_chosen.connect(self._on_flow_chosen)
        self.home.step_chosen.connect(self._on_step_chosen)
        self.home.resume_requested.connect(self._on_resume)
        self._build_menus()
        self._restore_text_size()
        self._restore_geometry()
        self.retranslate()
        self.home.focus_first()

    # menus -------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.start_over_action = QAction(self, objectName="action_start_over")
        self.start_over_action.setShortcut("Ctrl+N")
        self.start_over_action.triggered.connect(self._on_start_over)
        self.quit_action = QAction(self, objectName="action_quit")
        self.quit_action.setShortcut("Ctrl+Q")
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addActions([self.start_over_action, self.quit_action])

        self.view_menu = bar.addMenu("")
        self.text_actions: dict[int, QAction] = {}
        for step, keys, name in ((1, QKeySequence.StandardKey.ZoomIn, "bigger"),
                                 (-1, QKeySequence.StandardKey.ZoomOut, "smaller"), (0, "Ctrl+0", "reset")):
            action = QAction(self, objectName=f"action_text_{name}")
            action.setShortcuts([QKeySequence(keys)] + ([QKeySequence("Ctrl+=")] if step == 1 else []))
            action.triggered.connect(lambda _=False, s=step: self.change_text_size(s))
            self.view_menu.addAction(action)
            self.text_actions[step] = action

        self.language_menu = bar.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, info in self.catalog.locales.items():
            action = QAction(info.name, self, checkable=True, objectName=f"action_language_{code}")
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.tools_menu = bar.addMenu("")
        self.translator_action = QAction(self, objectName="action_translator")
        self.translator_action.triggered.connect(self._on_translator)
        self.tools_menu.addAction(self.translator_action)
        self.tools_menu.menuAction().setVisible(TRANSLATOR_MODULE.exists())

        self.help_menu = bar.addMenu("")
        self.guide_actions: dict[str, QAction] = {}
        for guide_id in HELP_GUIDES:
            action = QAction(self, objectName=f"action_guide_{guide_id}")
            action.triggered.connect(lambda _=False, g=guide_id: self._on_guide(g))
            self.help_menu.addAction(action)
            self.guide_actions[guide_id] = action
        self.help_menu.addSeparator()
        self.about_action = QAction(self, objectName="action_about")
        self.about_action.triggered.connect(self._on_about)
        self.help_menu.addAction(self.about_action)

    # public ------------------------------------------------------------------------------------------
    @property
    def flow(self) -> FlowController:
        """The session controller (assistant.app.session), created on the first choice, search or resume."""
        if self._flow is None:
            from assistant.app.session import FlowController

            flow = FlowController(self.catalog, self.texts.locale, self._autosave_store)
            flow.changed.connect(lambda _none: self.session_changed.emit())
            flow.news.connect(self.autosave_news.emit)
            self._flow = flow
        return self._flow

    @property
    def autosave_store(self) -> AutosaveStore | None:
        return self._autosave_store

    @autosave_store.setter
    def autosave_store(self, store: AutosaveStore | None) -> None:
        """Where each step is saved, for the flow controller now or whenever it is created."""
        self._autosave_store = store
        if self._flow is not None:
            self._flow.store = store

    @property
    def flow_page(self):
        """The page that shows a session one node at a time (FlowPage), created when first needed."""
        if self._flow_page is None:
            from assistant.ui.pages.flow import FlowPage

            page = FlowPage(self.catalog, self.texts, self.flow)
            page.home_requested.connect(self._on_home)
            page.guide_requested.connect(self._on_guide)
            page.link_activated.connect(self._on_link)
            page.prepare_email_requested.connect(self._on_prepare_email)
            page.retranslate(self.texts)
            self.stack.addWidget(page)
            self._flow_page = page
        return self._flow_page

    @property
    def session(self) -> Session | None:
        return self._flow.session if self._flow is not None else None

    def show_session(self, session: Session) -> None:
        """Show a session (new or restored by autosave) on the flow page."""
        self.flow.start(session)
        self._show_flow_page()

    def _show_flow_page(self) -> None:
        self._close_side_page()
        self.flow_page.show_current()
        self.stack.setCurrentWidget(self.flow_page)

    def set_language(self, code: str) -> None:
        if code not in self.catalog.locales:
            raise ValueError(f"unknown locale {code!r}")
        if self.localizer is not None:
            self.localizer.apply(code)
        self.texts = Texts(self.catalog, code)
        if self._flow is not None:
            self._flow.locale = code
        if self.settings is not None:
            self.settings.set_language(code)
        self.retranslate()
        self.language_changed.emit(code)

    def retranslate(self) -> None:
        t = self.texts
        self.setWindowTitle(t.ui("app.title"))
        self.safety.set_text(t.ui("safety.line"))
        self.file_menu.setTitle(t.ui("menu.file"))
        self.start_over_action.setText(t.ui("menu.start_over"))
        self.quit_action.setText(t.ui("menu.quit"))
        self.language_menu.setTitle(t.ui("menu.language"))
        self.view_menu.setTitle(t.ui("view.menu"))
        for step, key in ((1, "bigger"), (-1, "smaller"), (0, "reset")):
            self.text_actions[step].setText(t.ui(f"view.{key}"))
        self.tools_menu.setTitle(t.ui("menu.tools"))
        self.translator_action.setText(t.ui("menu.translator"))
        self.help_menu.setTitle(t.ui("menu.help"))
        for guide_id, action in self.guide_actions.items():
            action.setText(t.guide_title(guide_id))
        self.about_action.setText(t.ui("menu.about"))
        if t.locale in self.language_actions:
            self.language_actions[t.locale].setChecked(True)
        self.home.retranslate(t)
        for page in (self._flow_page, self._side_page, *self._guides.values(), self._translator_window):
            if page is not None and hasattr(page, "retranslate"):
                page.retranslate(t)

    # slots -------------------------------------------------------------------------------------------
    def _on_flow_chosen(self, flow_id: str) -> None:
        self.flow.open_flow(flow_id)
        self._show_flow_page()

    def _on_step_chosen(self, flow_id: str, node_id: str) -> None:
        self.flow.open_search_hit(flow_id, node_id)
        self._show_flow_page()

    def _on_home(self) -> None:
        session = self.session
        self.home.set_resume_available(session is not None and bool(session.path))
        self.stack.setCurrentWidget(self.home)
        self.home.focus_first()

    def _on_resume(self) -> None:
        if self.session is not None:
            self.stack.setCurrentWidget(self.flow_page)
        self.resume_requested.emit()

    def _on_start_over(self) -> None:
        page = self._side_page
        review = getattr(page, "review", None)
        if review is not None and review.has_work_to_lose and not page.confirm(
                self.texts.ui("a11y.start_over_title"), self.texts.ui("a11y.start_over_question")):
            return
        self._close_side_page()
        self.flow.close()  # also a save offered for resuming and not resumed yet: Start over forgets it too
        self.home.set_resume_available(False)
        self.stack.setCurrentWidget(self.home)
        self.home.focus_first()

    def _on_guide(self, guide_id: str) -> None:
        dialog = self._guides.get(guide_id)
        if dialog is None:
            from assistant.ui.dialogs import GuideDialog

            dialog = GuideDialog(self.texts, guide_id, self.catalog.link_domains, self)
            dialog.link_activated.connect(self._on_link)
            self._guides[guide_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _on_link(self, url: QUrl) -> None:
        from assistant.ui.dialogs import open_link

        open_link(self, self.texts, url, self.catalog.link_domains)

    def _on_about(self) -> None:
        from assistant.ui.dialogs import show_about

        show_about(self, self.texts)

    def _on_prepare_email(self) -> None:
        try:
            page = self._review_page()
        except AssistantError as error:
            from assistant.ui.dialogs import show_error

            show_error(self, self.texts, error)
            return
        self._close_side_page()
        page.closed.connect(self._on_side_page_closed)
        self._side_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        if hasattr(page, "focus_first"):
            page.focus_first()
        if hasattr(page, "attachments_changed"):
            self.review_opened.emit(page)

    def _review_page(self) -> QWidget:
        from assistant.ui.pages.review import ReviewPage

        return ReviewPage(self.catalog, self.texts.locale, self.flow.session, self)

    def _on_side_page_closed(self) -> None:
        self._close_side_page()
        self.stack.setCurrentWidget(self.flow_page)

    def _close_side_page(self) -> None:
        page, self._side_page = self._side_page, None
        if page is not None:
            self.stack.removeWidget(page)
            page.hide()
            page.deleteLater()

    def _on_translator(self) -> None:
        if self._translator_window is None:
            from assistant.ui.translator.window import TranslatorWindow

            self._translator_window = TranslatorWindow(self)
        self._translator_window.show()
        self._translator_window.raise_()

    # text size and style ------------------------------------------------------------------------------
    def _apply_style(self, _palette=None) -> None:
        self.setStyleSheet(stylesheet(QApplication.palette()))

    def _restore_text_size(self) -> None:
        scale = self.settings.text_scale() if self.settings else 1.0
        if self.localizer is not None and scale != self.localizer.scale:
            self.localizer.set_scale(scale)

    def change_text_size(self, step: int) -> float:
        """Ctrl + / Ctrl − / Ctrl 0: the in-app text size, remembered; returns the new scale."""
        if self.localizer is None:
            return 1.0
        current = min(TEXT_SCALES, key=lambda s: abs(s - self.localizer.scale))
        index = TEXT_SCALES.index(current)
        scale = 1.0 if step == 0 else TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, index + step))]
        self.localizer.set_scale(scale)
        if self.settings is not None:
            self.settings.set_text_scale(scale)
        self.statusBar().showMessage(self.texts.ui("view.size_status", percent=round(scale * 100)), 4000)
        return scale

    # geometry ----------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """The saved size and place, or a comfortable default; never larger than the screen it opens on."""
        geometry = self.settings.geometry() if self.settings else None
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        screen = (self.screen() or QGuiApplication.primaryScreen())
        if screen is not None:
            self.fit_to(screen.availableGeometry())

    def fit_to(self, area: QRect) -> None:
        frame = self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), area.width() - extra_w)
        height = min(self.height(), area.height() - extra_h)
        self.setMinimumSize(min(self.minimumWidth(), width), min(self.minimumHeight(), height))
        self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
        y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
        self.move(x, y)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.settings is not None:
            self.settings.set_geometry(self.saveGeometry())
            self.settings.sync()
        super().closeEvent(event)
