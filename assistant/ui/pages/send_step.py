"""The send stage of the review page: how the email will leave, the numbered steps of that route with one button
each, what the route loses, the other exits, and "I've sent it" with the ticket number.

A view of `assistant.app.send.SendModel`: it shows the model and reports what was clicked; the review page turns
each signal into one model call (copy a part, write the attachments, record the sending).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from assistant.app.send import Action, Part, Route, SendModel
from assistant.ui.pages.review_exports import ExportBox
from assistant.ui.widgets.labels import Heading, ToneLabel, WrapLabel
from assistant.ui.widgets.scroll import VScroll
from assistant.ui.widgets.wrap_button import WrapButton

HINT_PROVIDERS = 3  # the webmail route's hint names the UI language's three most used services
PROVIDER_COLUMNS = 4  # radio buttons per row: seven services in one row would not fit a narrow window


class SendStep(VScroll):
    copy_requested = Signal(str)  # a Part
    action_requested = Signal(str)  # an Action
    route_chosen = Signal(str)
    webmail_chosen = Signal(str)
    ticket_saved = Signal(str)  # the pasted ticket number
    follow_up_requested = Signal(bool)

    def __init__(self, model: SendModel, other_exits: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent, margin=0)
        self.setObjectName("send_step")
        self.model = model
        self._ui: Callable[..., str] = lambda key, **_p: key
        self._where = ""
        column = self.column
        self.intro = WrapLabel()
        self.routes_heading = Heading(scale=1.1)
        self.route_buttons: dict[Route, WrapButton] = {}
        group = QButtonGroup(self)
        for route in model.routes:
            button = WrapButton(large=True)
            button.setObjectName(f"route_{route}")
            button.setCheckable(True)
            button.setProperty("choice", True)
            button.clicked.connect(lambda _=False, r=route: self.route_chosen.emit(str(r)))
            group.addButton(button)
            self.route_buttons[route] = button
        self.provider_label = QLabel()
        self.provider_buttons: dict[str, QRadioButton] = {}  # provider id → its button, in the locale's order
        self.provider_group = QButtonGroup(self)
        self.providers = QWidget(objectName="webmail_providers")
        self.provider_grid = QGridLayout(self.providers)
        self.provider_grid.setContentsMargins(0, 0, 0, 0)
        self.provider_grid.addWidget(self.provider_label, 0, 0, 1, PROVIDER_COLUMNS)
        self.provider_grid.setColumnStretch(PROVIDER_COLUMNS, 1)
        self._place_providers()
        self.steps_heading = Heading(scale=1.1)
        self.steps_box = QWidget(objectName="send_steps")
        self.steps_grid = QGridLayout(self.steps_box)
        self.steps_grid.setContentsMargins(0, 0, 0, 0)
        self.steps_grid.setColumnStretch(1, 1)
        self.step_buttons: dict[str, QPushButton] = {}  # Part or Action → its button, for the route shown
        self.loses_heading = Heading(scale=1.0)
        self.loses = ToneLabel("notice")
        self.loses.setObjectName("send_loses")
        self.other_heading = Heading(scale=1.0)
        self.other = ExportBox(other_exits)
        self.other.setObjectName("other_exits")

        self.done_heading = Heading(scale=1.1)
        self.ticket_label = QLabel()
        self.ticket_edit = QLineEdit(objectName="sent_ticket")
        self.ticket_label.setBuddy(self.ticket_edit)
        self.ticket_example = WrapLabel()
        self.ticket_error = ToneLabel("error")
        self.ticket_error.setObjectName("sent_ticket_error")
        self.save_ticket = QPushButton(objectName="sent_save_ticket")
        self.save_ticket.clicked.connect(lambda: self.ticket_saved.emit(self.ticket_edit.text()))
        self.ticket_edit.returnPressed.connect(self.save_ticket.click)
        self.recorded = WrapLabel()
        self.recorded.setObjectName("sent_recorded")
        self.follow_up = WrapButton(large=False)
        self.follow_up.setObjectName("follow_up_button")
        self.follow_up.clicked.connect(lambda: self.follow_up_requested.emit(not self.model.review.follow_up))
        ticket_row = QHBoxLayout()
        ticket_row.addWidget(self.ticket_edit, 1)
        ticket_row.addWidget(self.save_ticket)

        routes = QHBoxLayout()
        for button in self.route_buttons.values():
            routes.addWidget(button, 1, Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.intro)
        column.addWidget(self.routes_heading)
        column.addLayout(routes)
        for widget in (self.providers,
                       self.steps_heading, self.steps_box, self.loses_heading, self.loses, self.done_heading,
                       self.ticket_label):
            column.addWidget(widget)
        column.addLayout(ticket_row)
        for widget in (self.ticket_example, self.ticket_error, self.recorded, self.follow_up, self.other_heading,
                       self.other):
            column.addWidget(widget)
        column.addStretch(1)
        self.ticket_error.hide()
        model.changed.connect(lambda _none: self.render())

    # ---- texts ---------------------------------------------------------------------------------------------
    def retranslate(self, ui, where: str) -> None:
        self._ui, self._where = ui, where
        self.intro.setText(ui("send.intro"))
        self.routes_heading.setText(ui("send.routes_heading"))
        providers = ui("send.provider_separator").join(ui(f"send.webmail.{p}")
                                                       for p in self.model.provider_ids[:HINT_PROVIDERS])
        for route, button in self.route_buttons.items():
            button.set_texts(ui(f"send.route.{route}"), ui(f"send.route.{route}_hint", where=where, providers=providers))
        self.provider_label.setText(ui("send.provider_label"))
        self._place_providers()
        for provider, radio in self.provider_buttons.items():
            radio.setText(ui(f"send.webmail.{provider}"))
            radio.setAccessibleName(radio.text())
        self.steps_heading.setText(ui("send.steps_heading"))
        self.loses_heading.setText(ui("send.loses_heading"))
        self.other_heading.setText(ui("send.other_heading"))
        self.other.retranslate(ui)
        self.other.setTitle("")
        self.done_heading.setText(ui("send.done.heading"))
        self.ticket_label.setText(ui("send.done.ticket"))
        self.ticket_edit.setAccessibleName(ui("send.done.ticket"))
        self.ticket_example.setText(ui("send.done.ticket_example"))
        self.ticket_edit.setAccessibleDescription(ui("send.done.ticket_example"))
        self.save_ticket.setText(ui("send.done.save_ticket"))
        self.save_ticket.setAccessibleName(self.save_ticket.text())
        self.render()

    # ---- the model on screen -------------------------------------------------------------------------------
    def render(self) -> None:
        ui, model = self._ui, self.model
        for route, button in self.route_buttons.items():
            button.setChecked(model.route is route)
        self.providers.setVisible(model.route is Route.WEBMAIL)
        radio = self.provider_buttons.get(model.webmail)
        if radio is not None and not radio.isChecked():
            radio.blockSignals(True)
            radio.setChecked(True)
            radio.blockSignals(False)
        self._render_steps()
        shown = model.route is not None
        for widget in (self.steps_heading, self.steps_box, self.loses_heading, self.loses):
            widget.setVisible(shown)
        self.loses.show_text(ui(f"send.loses.{model.route}") if shown else "")
        record = model.record
        if record is None:
            self.recorded.setText("")
        elif record.ticket:
            self.recorded.setText(ui("send.done.recorded_ticket", date=record.sent_on.isoformat(), ticket=record.ticket))
        else:
            self.recorded.setText(ui("send.done.recorded", date=record.sent_on.isoformat()))
        self.recorded.setVisible(record is not None)
        if record is not None and not self.ticket_edit.text():
            self.ticket_edit.setText(record.ticket)
        follow = model.review.follow_up
        self.follow_up.set_texts(ui("send.done.first_email" if follow else "send.done.follow_up"),
                                 "" if follow else ui("send.done.follow_up_hint"))
        self.follow_up.setVisible(record is not None and record.can_follow_up)

    def _place_providers(self) -> None:
        """One radio button per webmail service, in the model's order (the UI language's common ones first)."""
        order = self.model.provider_ids
        if tuple(self.provider_buttons) == order:
            return
        for provider in order:
            if provider not in self.provider_buttons:
                radio = QRadioButton(objectName=f"webmail_{provider}")
                radio.toggled.connect(lambda on, p=provider: on and self.webmail_chosen.emit(p))
                self.provider_group.addButton(radio)
                self.provider_buttons[provider] = radio
            self.provider_grid.removeWidget(self.provider_buttons[provider])
        self.provider_buttons = {p: self.provider_buttons[p] for p in order}
        for index, radio in enumerate(self.provider_buttons.values()):
            self.provider_grid.addWidget(radio, 1 + index // PROVIDER_COLUMNS, index % PROVIDER_COLUMNS)
            if index:
                QWidget.setTabOrder(list(self.provider_buttons.values())[index - 1], radio)

    def _render_steps(self) -> None:
        ui, model = self._ui, self.model
        while self.steps_grid.count():
            item = self.steps_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.step_buttons = {}
        words = {"site": model.site, "compose": ui(f"send.compose.{model.webmail}"),
                 "attach": ui(f"send.attach.{model.webmail}"), "where": self._where}
        previous: QWidget | None = None
        for row, step in enumerate(model.steps()):
            number = QLabel(f"{row + 1}.")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            text = WrapLabel(ui(f"send.step.{step.key}", **words))
            text.setObjectName(f"send_step_{step.key}")
            self.steps_grid.addWidget(number, row, 0)
            self.steps_grid.addWidget(text, row, 1)
            if step.action is None:
                continue
            if isinstance(step.action, Part):
                button = QPushButton(ui(f"send.copy.{step.action}"), objectName=f"copy_{step.action}")
                button.clicked.connect(lambda _=False, p=step.action: self.copy_requested.emit(str(p)))
            else:
                button = QPushButton(ui(f"send.action.{step.action}"), objectName=f"send_{step.action}")
                button.clicked.connect(lambda _=False, a=step.action: self.action_requested.emit(str(a)))
            button.setAutoDefault(True)
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(text.text())
            self.steps_grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignVCenter)
            self.step_buttons[str(step.action)] = button
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button

    def button(self, action: Part | Action | str) -> QPushButton:
        return self.step_buttons[str(action)]

    def show_ticket_error(self, text: str) -> None:
        self.ticket_error.show_text(text)
        self.ticket_edit.setProperty("invalid", bool(text))
        if text:
            self.ensureWidgetVisible(self.ticket_error)
            self.ticket_edit.setFocus()
