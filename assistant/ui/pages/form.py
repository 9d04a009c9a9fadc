"""A form node: typed fields validated as the person types; Continue submits all of them at once."""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from assistant.flows.engine import Answer, Session
from assistant.flows.model import Node
from assistant.i18n.texts import Texts
from assistant.ui.pages.node_views import NodeView
from assistant.ui.widgets.field_row import FieldRow
from assistant.ui.widgets.labels import ToneLabel
from assistant.ui.widgets.wrap_button import WrapButton


class FormView(NodeView):
    def __init__(self, node: Node, session: Session, texts: Texts, allowed: tuple[str, ...],
                 answer: Answer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(node, session, texts, allowed, answer, parent)
        self.summary = ToneLabel("error")
        self.summary.setObjectName("form_errors")
        self.summary.hide()
        self.rows: dict[str, FieldRow] = {}
        for field in session.visible_fields(node):
            row = FieldRow(field.name, field.kind, session.chain(field), field.required, field.options)
            self.rows[field.name] = row
        self.continue_button = WrapButton(large=False)
        self.continue_button.setObjectName("form_continue")
        self.continue_button.clicked.connect(self._on_continue)
        for row in self.rows.values():
            if hasattr(row.editor, "returnPressed"):  # Enter in a one-line field submits, as in any dialog
                row.editor.returnPressed.connect(self.continue_button.click)
        self.column.addWidget(self.title)
        self.column.addWidget(self.body)
        self.column.addWidget(self.summary)
        for row in self.rows.values():
            self.column.addWidget(row)
        self.column.addWidget(self.continue_button)
        self.add_guides()
        self.retranslate(texts)
        if isinstance(answer, Mapping):
            for name, value in answer.items():
                if name in self.rows:
                    self.rows[name].set_value(value)

    def retranslate(self, texts: Texts) -> None:
        super().retranslate(texts)
        fid, nid = self.flow_id, self.node.id
        for name, row in self.rows.items():
            options = {o: texts.option(fid, nid, name, o) for o in row.options}
            placeholder = texts.field(fid, nid, name, "placeholder")
            if row.kind == "select" and not placeholder:
                placeholder = texts.ui("form.choose")
            if row.kind == "datetime":
                from assistant.app.forms import local_zone

                row.zone = local_zone()
            zone_note = texts.ui("hint.zone", zone=row.zone) if row.kind == "datetime" else ""
            row.retranslate(texts.field(fid, nid, name), texts.field(fid, nid, name, "hint"), placeholder,
                            options, texts.field_error, texts.ui("form.optional"), texts.ui("hint.example"),
                            zone_note)
        self.continue_button.set_texts(texts.ui("form.continue"))
        if self.summary.text():
            self._show_summary()

    def values(self) -> dict[str, str]:
        return {name: row.value() for name, row in self.rows.items()}

    def _on_continue(self) -> None:
        self.submitted.emit(self.values())

    def show_field_errors(self, errors: dict) -> None:
        """Errors from the engine's own validation on submit: one message under each field."""
        for name, row in self.rows.items():
            row.show_problem(errors.get(name))
        self._show_summary()
        first = self.first_error()
        if first is not None:
            first.focus_editor()

    def _show_summary(self) -> None:
        """"Please check: <field>, <field>" naming each field with a problem, above the fields."""
        wrong = [row for row in self.rows.values() if row.problem_text()]
        names = "、".join(row.label.text() for row in wrong) if self.texts.locale.startswith("zh") \
            else ", ".join(row.label.text() for row in wrong)
        self.summary.show_text(f"{self.texts.ui('form.fix_errors')} {names}" if wrong else "")

    def first_error(self):
        return next((row for row in self.rows.values() if row.problem_text()), None)

    def focus_first(self) -> None:
        first = next(iter(self.rows.values()), None)
        if first is not None:
            first.focus_editor()
