"""Views of one node each: question, step, outcome. They show text and emit what the person picked.

A view never calls the engine; the flow page turns its signals into one FlowController call and renders
the node that results. `retranslate()` swaps every string in place, so nothing typed or chosen is lost.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from assistant.flows.engine import Answer, Session
from assistant.flows.model import Node, NodeKind, OutcomeKind
from assistant.i18n.jargon import explanations
from assistant.i18n.texts import Texts
from assistant.ui.widgets.labels import Heading, WrapLabel
from assistant.ui.widgets.markdown_view import MarkdownView
from assistant.ui.widgets.wrap_button import WrapButton

URGENT_BACKGROUND = "#9f1c14"  # dark red with white text: legible in light and dark palettes alike
URGENT_TEXT = "#ffffff"


class NodeView(QWidget):
    answered = Signal(str)  # choice id
    submitted = Signal(dict)  # field name → value
    guide_requested = Signal(str)  # guide id
    link_activated = Signal(QUrl)
    prepare_email_requested = Signal()

    def __init__(self, node: Node, session: Session, texts: Texts, allowed: tuple[str, ...],
                 answer: Answer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.node, self.session, self.allowed, self.previous = node, session, allowed, answer
        self.flow_id = session.flow.id
        self.setObjectName(f"node_{node.id}")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(10)
        self.title = Heading(scale=1.4)
        self.title.setObjectName("node_title")
        self.body = MarkdownView()
        self.body.setObjectName("node_body")
        self.body.link_activated.connect(self.link_activated)
        self.guide_buttons: dict[str, WrapButton] = {}
        for guide_id in node.guides:
            button = WrapButton(large=False)
            button.setObjectName(f"guide_button_{guide_id}")
            button.clicked.connect(lambda _=False, gid=guide_id: self.guide_requested.emit(gid))
            self.guide_buttons[guide_id] = button
        self.guides_label = WrapLabel(selectable=False)
        self.guides_label.setVisible(bool(node.guides))

    def add_guides(self) -> None:
        self.column.addWidget(self.guides_label)
        for button in self.guide_buttons.values():
            self.column.addWidget(button)

    def retranslate(self, texts: Texts) -> None:
        self.texts = texts
        self.title.setText(texts.node_title(self.flow_id, self.node.id))
        self.body.set_markdown(texts.node_body(self.flow_id, self.node.id, self.session.answers), self.allowed,
                               explanations(texts))
        self.body.setAccessibleName(texts.node_title(self.flow_id, self.node.id))
        self.guides_label.setText(texts.ui("flow.guides"))
        for guide_id, button in self.guide_buttons.items():
            button.set_texts(texts.guide_title(guide_id))

    def focus_first(self) -> None:
        self.focusNextChild()

    def show_field_errors(self, errors: dict) -> None:  # forms override
        pass

    def values(self) -> dict[str, str]:  # forms override: what is typed in them
        return {}


class ChoiceView(NodeView):
    """A question (its choices) or a step ("Try this", then "Did it solve the problem?")."""

    def __init__(self, node: Node, session: Session, texts: Texts, allowed: tuple[str, ...],
                 answer: Answer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(node, session, texts, allowed, answer, parent)
        self.is_step = node.kind is NodeKind.STEP
        self.kicker = WrapLabel(selectable=False)
        self.kicker.setObjectName("step_kicker")
        self.kicker.setVisible(self.is_step)
        self.prompt = Heading(scale=1.1)
        self.prompt.setObjectName("step_prompt")
        self.prompt.setVisible(self.is_step)
        self.choice_buttons: dict[str, WrapButton] = {}
        for choice in session.visible_choices(node):
            button = WrapButton()
            button.setObjectName(f"choice_{choice.id}")
            button.clicked.connect(lambda _=False, cid=choice.id: self.answered.emit(cid))
            self.choice_buttons[choice.id] = button
        for widget in (self.kicker, self.title, self.body, self.prompt, *self.choice_buttons.values()):
            self.column.addWidget(widget)
        self.add_guides()
        self.retranslate(texts)

    def retranslate(self, texts: Texts) -> None:
        super().retranslate(texts)
        self.kicker.setText(texts.ui("step.try_this"))
        self.prompt.setText(texts.ui("step.question"))
        for choice_id, button in self.choice_buttons.items():
            label = texts.choice(self.flow_id, self.node.id, choice_id, self.node.kind)
            button.set_texts(label, texts.ui("flow.your_answer") if choice_id == self.previous else "")

    def focus_first(self) -> None:
        """Focus the first answer, except on a safety question: no answer may look picked for the person
        (the view holds the focus; Tab goes to the first answer)."""
        buttons = list(self.choice_buttons.values())
        if self.node.critical:
            self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        elif buttons:
            buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)


class OutcomeView(NodeView):
    """Resolved, escalate or urgent. Urgent: a red banner and its act-now text straight after it."""

    def __init__(self, node: Node, session: Session, texts: Texts, allowed: tuple[str, ...],
                 answer: Answer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(node, session, texts, allowed, answer, parent)
        self.kind = node.outcome or OutcomeKind.RESOLVED
        self.kicker = WrapLabel(selectable=False)
        self.kicker.setObjectName("outcome_kicker")
        self.email_button: WrapButton | None = None
        if self.kind in (OutcomeKind.ESCALATE, OutcomeKind.URGENT):
            self.email_button = WrapButton()
            self.email_button.setObjectName("prepare_email_button")
            self.email_button.clicked.connect(self.prepare_email_requested)
        if self.kind is OutcomeKind.URGENT:
            self.banner = QFrame()
            self.banner.setObjectName("urgent_banner")
            self.banner.setProperty("a11y_role", "alert")  # read out at once (assistant.ui.a11y)
            self.banner.setStyleSheet(
                f"#urgent_banner {{ background: {URGENT_BACKGROUND}; border-radius: 6px; }}"
                f"#urgent_banner QLabel {{ color: {URGENT_TEXT}; background: transparent; }}")
            inner = QVBoxLayout(self.banner)
            inner.setContentsMargins(16, 12, 16, 12)
            inner.addWidget(self.kicker)
            inner.addWidget(self.title)
            self.column.addWidget(self.banner)
        else:
            self.column.addWidget(self.kicker)
            self.column.addWidget(self.title)
        self.column.addWidget(self.body)
        if self.email_button is not None:
            self.column.addWidget(self.email_button)
        self.add_guides()
        self.retranslate(texts)

    def retranslate(self, texts: Texts) -> None:
        super().retranslate(texts)
        self.kicker.setText(texts.ui(f"outcome.{self.kind.value}"))
        self.setAccessibleName(f"{texts.ui(f'outcome.{self.kind.value}')} {texts.node_title(self.flow_id, self.node.id)}")
        if self.kind is OutcomeKind.URGENT:
            self.banner.setAccessibleName(self.accessibleName())
        if self.email_button is not None:
            self.email_button.set_texts(texts.ui("outcome.prepare_email"), texts.ui("outcome.prepare_email_hint"))

    def focus_first(self) -> None:
        target = self.email_button or next(iter(self.guide_buttons.values()), None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
