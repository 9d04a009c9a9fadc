"""The flow page: one node at a time, with progress, the trail of answers, Back and Start over.

A view of `assistant.app.session.FlowController`: each slot makes one controller call and renders what it
now says to show. Revisiting an earlier answer shows the node with the old answer marked; picking again
changes it, and the answers that no longer fit are named in a notice.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from assistant.app.session import FlowController, Notice, NoticeKind
from assistant.content.catalog import Catalog
from assistant.errors import FieldErrors
from assistant.flows.engine import PathEntry, Session
from assistant.flows.model import NodeKind, OutcomeKind
from assistant.i18n.texts import Texts
from assistant.ui.pages.form import FormView
from assistant.ui.pages.node_views import ChoiceView, NodeView, OutcomeView
from assistant.ui.widgets.labels import ToneLabel, WrapLabel
from assistant.ui.widgets.scroll import VScroll
from assistant.ui.widgets.trail import Trail, TrailItem

VIEWS = {NodeKind.QUESTION: ChoiceView, NodeKind.STEP: ChoiceView, NodeKind.FORM: FormView,
         NodeKind.OUTCOME: OutcomeView}


def notice_text(notice: Notice, flow_id: str, t: Texts) -> str:
    """The notice in whatever language is current."""
    if notice.kind is NoticeKind.SEARCH_TARGET:
        return t.ui("flow.search_target", title=t.node_title(flow_id, notice.node_ids[0]))
    names = "; ".join(t.node_title(flow_id, n) for n in notice.node_ids)
    return t.ui("flow.dropped", count=len(notice.node_ids), names=names)


class FlowPage(QWidget):
    prepare_email_requested = Signal()
    guide_requested = Signal(str)
    link_activated = Signal(QUrl)
    home_requested = Signal()

    def __init__(self, catalog: Catalog, texts: Texts, controller: FlowController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flow_page")
        self.catalog, self.texts, self.flow = catalog, texts, controller
        self.view: NodeView | None = None

        self.flow_label = WrapLabel()
        self.flow_label.setObjectName("flow_title")
        self.step_label = WrapLabel(selectable=False)
        self.step_label.setObjectName("step_label")
        self.bar = QProgressBar()
        self.bar.setObjectName("progress_bar")
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.notice = ToneLabel("notice")
        self.notice.setObjectName("flow_notice")
        self.notice.hide()
        self.cancel_edit = QPushButton()
        self.cancel_edit.setObjectName("cancel_edit")
        self.cancel_edit.clicked.connect(self._on_cancel_edit)
        self.cancel_edit.hide()
        self.scroll = VScroll()
        self.view_slot = QVBoxLayout()
        self.scroll.column.addLayout(self.view_slot)
        self.scroll.column.addSpacing(12)
        self.trail = Trail()
        self.trail.setObjectName("trail")
        self.trail.revisit_requested.connect(self._on_revisit)
        self.scroll.column.addWidget(self.trail)
        self.scroll.column.addStretch(1)

        self.back_button = QPushButton()
        self.back_button.setObjectName("back_button")
        self.back_button.clicked.connect(self._on_back)
        self.restart_button = QPushButton()
        self.restart_button.setObjectName("restart_button")
        self.restart_button.clicked.connect(self._on_restart)
        self.home_button = QPushButton()
        self.home_button.setObjectName("home_button")
        self.home_button.clicked.connect(self.home_requested)
        for button in (self.back_button, self.restart_button, self.home_button, self.cancel_edit):
            button.setAutoDefault(True)
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Back)):
            QShortcut(keys, self, self._on_escape, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        header = QVBoxLayout()
        header.setContentsMargins(18, 12, 18, 0)
        header.addWidget(self.flow_label)
        header.addWidget(self.step_label)
        header.addWidget(self.bar)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.notice, 1)
        edit_row.addWidget(self.cancel_edit, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(edit_row)
        nav = QHBoxLayout()
        nav.setContentsMargins(18, 6, 18, 12)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.restart_button)
        nav.addWidget(self.home_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(nav)

    # public ------------------------------------------------------------------------------------------
    @property
    def session(self) -> Session | None:
        return self.flow.session

    def start(self, session: Session, notice: Notice | None = None) -> None:
        self.flow.start(session, notice)
        self._render()

    def show_current(self) -> None:
        """Render what the controller holds (after the window started a flow through it)."""
        self._render()

    def retranslate(self, texts: Texts) -> None:
        self.texts = texts
        self.back_button.setText(texts.ui("nav.back"))
        self.restart_button.setText(texts.ui("nav.restart"))
        self.home_button.setText(texts.ui("nav.home"))
        self.cancel_edit.setText(texts.ui("flow.cancel_edit"))
        for button in (self.back_button, self.restart_button, self.home_button, self.cancel_edit):
            button.setAccessibleName(button.text())
        self.bar.setAccessibleName(texts.ui("flow.progress"))
        if self.flow.session is None or self.view is None:
            return
        self.view.retranslate(texts)
        self._render_frame()

    def shown_node_id(self) -> str:
        return self.flow.shown_node.id

    # slots: one controller call each, then render -------------------------------------------------------
    def _on_answered(self, choice_id: str) -> None:
        self.flow.choose(choice_id)
        self._render()

    def _on_submitted(self, values: dict) -> None:
        try:
            self.flow.submit(values)
        except FieldErrors as errors:
            self.view.show_field_errors(errors.errors)
            first = self.view.first_error() if hasattr(self.view, "first_error") else None
            if first is not None:  # the first problem in view, its field focused
                self.scroll.ensureWidgetVisible(first, 0, 40)
            return
        self._render()

    def _on_escape(self) -> None:
        """Esc goes back, except over a form with something typed in it: a stray key must not lose that."""
        if self.view is not None and self.flow.would_lose_typing(self.view.values()):
            return
        self._on_back()

    def _on_back(self) -> None:
        if self.flow.session is None or not self.isVisible():
            return
        self.flow.back()
        self._render()

    def _on_restart(self) -> None:
        self.flow.restart()
        self._render()

    def _on_revisit(self, node_id: str) -> None:
        self.flow.revisit(node_id)
        self._render()

    def _on_cancel_edit(self) -> None:
        self.flow.cancel_edit()
        self._render()

    # rendering ----------------------------------------------------------------------------------------
    def _render(self) -> None:
        flow = self.flow
        node, answer = flow.shown_node, flow.shown_answer
        if self.view is not None:  # hide at once: deleteLater only acts when the event loop gets to it
            self.view_slot.removeWidget(self.view)
            self.view.hide()
            self.view.deleteLater()
        self.view = VIEWS[node.kind](node, flow.session, self.texts, self.catalog.link_domains, answer)
        self.view.answered.connect(self._on_answered)
        self.view.submitted.connect(self._on_submitted)
        self.view.guide_requested.connect(self.guide_requested)
        self.view.link_activated.connect(self.link_activated)
        self.view.prepare_email_requested.connect(self.prepare_email_requested)
        self.view_slot.addWidget(self.view)
        self._render_frame()
        self.scroll.verticalScrollBar().setValue(0)
        self.view.focus_first()

    def _render_frame(self) -> None:
        """Everything around the node view: flow title, step and progress, notice, trail, buttons."""
        texts, flow = self.texts, self.flow
        session = flow.session
        flow_id = session.flow.id
        self.flow_label.setText(texts.flow_title(flow_id))
        progress = flow.progress()
        node = flow.shown_node
        # The email is a step of its own: an outcome that leads to it is not the end (never 100 % before it).
        email_ahead = node.kind is NodeKind.OUTCOME and node.outcome in (OutcomeKind.ESCALATE, OutcomeKind.URGENT)
        total = max(progress.maximum, progress.answered) + (1 if email_ahead else 0)
        if email_ahead:
            step_text = texts.ui("progress.email_step")
        else:
            step_text = texts.ui("progress.step_of", n=progress.step, m=max(total, progress.step))
        self.step_label.setText(step_text)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(progress.answered if total else 1)
        self.bar.setAccessibleDescription(step_text)
        if flow.editing:
            self.notice.show_text(texts.ui("flow.editing"))
        else:
            self.notice.show_text(notice_text(flow.notice, flow_id, texts) if flow.notice else "")
        self.cancel_edit.setVisible(bool(flow.editing))
        self.back_button.setEnabled(flow.can_go_back)
        items = [TrailItem(e.node_id, texts.node_title(flow_id, e.node_id), self._answer_text(e)) for e in session.path]
        self.trail.set_items(items, texts.ui("flow.trail_heading"),
                             lambda i: texts.ui("flow.trail_item", question=i.question, answer=i.answer),
                             texts.ui("trail.show", count=len(items)), texts.ui("trail.hide"))

    def _answer_text(self, entry: PathEntry) -> str:
        if entry.kind is NodeKind.FORM:
            return self.texts.ui("flow.form_answered", count=len(entry.answer))
        return self.texts.choice(self.flow.session.flow.id, entry.node_id, str(entry.answer), entry.kind)
