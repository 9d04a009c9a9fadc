"""A form node: typed fields validated as the person types; Continue submits all of them at once."""
from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from assistant.flows.engine import Answer, Session
from assistant.flows.model import Node
from assistant.i18n.texts import Texts
from assistant.ui.pages.node_views import NodeView
from assistant.ui.widgets.field_row import FieldRow
from assistant.ui.widgets.fill_panel import FillPanel  # imports nothing of the OCR path until a picture is read
from assistant.ui.widgets.labels import ToneLabel
from assistant.ui.widgets.wrap_button import WrapButton


class FormView(NodeView):
    fill_read = Signal(str, object)  # (picture name, fill.Reading) from the thread that read the screenshot
    recogniser = None  # None: the OCR engine; tests put a fast stand-in here

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
        self.fill_button = QPushButton(objectName="form_fill")
        self.fill_button.clicked.connect(self._on_fill)
        self.fill_panel = FillPanel()
        self.fill_panel.use_requested.connect(self.use_offer)
        self.fill_read.connect(self._on_fill_read)
        self._reading = None  # the last screenshot's assistant.app.fill.Reading
        self.continue_button = WrapButton(large=False)
        self.continue_button.setObjectName("form_continue")
        self.continue_button.clicked.connect(self._on_continue)
        for row in self.rows.values():
            if hasattr(row.editor, "returnPressed"):  # Enter in a one-line field submits, as in any dialog
                row.editor.returnPressed.connect(self.continue_button.click)
        self.column.addWidget(self.title)
        self.column.addWidget(self.body)
        self.column.addWidget(self.summary)
        if any(row.kind in ("tx_hash", "address", "amount", "datetime") for row in self.rows.values()):
            self.column.addWidget(self.fill_button)
            self.column.addWidget(self.fill_panel)
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
        self.fill_button.setText(texts.ui("form.fill.button"))
        if self.summary.text():
            self._show_summary()

    def values(self) -> dict[str, str]:
        return {name: row.value() for name, row in self.rows.items()}

    # ---- fill from a screenshot ----------------------------------------------------------------------------
    def _on_fill(self) -> None:
        path = self.choose_screenshot()
        if path:
            self.fill_from(path)

    def choose_screenshot(self) -> str | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _ = QFileDialog.getOpenFileName(self, self.texts.ui("form.fill.choose"), folder,
                                              self.texts.ui("form.fill.filter"))
        return path or None

    def fill_from(self, path: str) -> None:
        """Read the screenshot on a worker thread; its values are offered when it is done."""
        name = Path(path).name
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.fill_panel.show_message(self.texts.ui("form.fill.unreadable", name=name, reason=exc.strerror or ""))
            return
        from assistant.app import fill  # on first use: the OCR path is no start-up cost

        fields = [fill.FormField(n, row.kind, row.chain) for n, row in self.rows.items()]
        job = (data, fields, self.values(), self.recogniser)
        self.fill_button.setEnabled(False)
        self.fill_panel.show_busy(self.texts.ui("form.fill.reading", name=name))
        threading.Thread(target=self._read_screenshot, args=(name, job), name="fill-read", daemon=True).start()

    def _read_screenshot(self, name: str, job) -> None:
        from assistant.app import fill

        reading = fill.read_screenshot(*job)
        try:
            self.fill_read.emit(name, reading)
        except RuntimeError:  # the form was left meanwhile
            pass

    def _on_fill_read(self, name: str, reading) -> None:
        self._reading = reading
        self.fill_button.setEnabled(True)
        labels = {n: row.label.text() for n, row in self.rows.items()}
        self.fill_panel.show_reading(name, reading, labels, self.texts.ui)

    def use_offer(self, index: int) -> bool:
        """Put one found value into its field, if that field is still empty (what the person typed wins)."""
        if self._reading is None or not 0 <= index < len(self._reading.offers):
            return False
        from assistant.app import fill

        used = fill.accept(self._reading.offers[index], self.values(), lambda n, v: self.rows[n].set_value(v))
        self.fill_panel.mark_used(index, self.texts.ui("form.fill.used" if used else "form.fill.not_empty"))
        return used

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
