"""The email preview: the chosen language's templates filled with sample data of a normal, urgent or exchange case."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from assistant.checks.templates import sample_context
from assistant.content.catalog import Catalog
from assistant.email.draft import render_template
from assistant.email.wording import Wording
from assistant.i18n.texts import Texts

CASES = ("normal", "urgent", "exchange")  # the same cases `check` renders every template against


def case_context(catalog: Catalog, flow_id: str, locale: str, case: str) -> dict:
    """Sample template variables of `flow_id` for one of CASES: the flow's own sample case, an urgent one, or the
    request addressed to an exchange instead of the wallet."""
    context = sample_context(catalog, flow_id, locale=locale, urgent=case == "urgent")
    if case == "exchange" and context["recipient"] != "exchange":
        name = Wording(catalog, locale).label("words", "exchange") or "Exchange"
        context = {**context, "recipient": "exchange", "addressee": name}
    return context


class EmailPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(objectName="translator_email_note", wordWrap=True)
        self.case_label = QLabel()
        self.case_box = QComboBox(objectName="translator_email_case")
        for case in CASES:
            self.case_box.addItem(case, case)
        self.view = QPlainTextEdit(objectName="translator_email", readOnly=True)
        head = QHBoxLayout()
        head.addWidget(self.note, 1)
        head.addWidget(self.case_label)
        head.addWidget(self.case_box)
        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addWidget(self.view, 1)
        self._shown: tuple | None = None
        self.case_box.currentIndexChanged.connect(lambda _i: self._shown and self.show_email(*self._shown))

    @property
    def case(self) -> str:
        return self.case_box.currentData() or CASES[0]

    def set_case(self, case: str) -> None:
        self.case_box.setCurrentIndex(max(0, self.case_box.findData(case)))

    def retranslate(self, ui: Callable[..., str]) -> None:
        self.case_label.setText(ui("translator.email_case") + " ")
        for i, case in enumerate(CASES):
            self.case_box.setItemText(i, ui(f"translator.case_{case}"))

    def show_email(self, catalog: Catalog, locale: str, flow_id: str | None, ui: Callable[..., str]) -> None:
        self._shown = (catalog, locale, flow_id, ui)
        if flow_id is None:
            self.view.setPlainText("")
            return
        self.note.setText(ui("translator.email_sample", flow=Texts(catalog, locale).flow_title(flow_id)))
        try:
            context = case_context(catalog, flow_id, locale, self.case)
            subject = " ".join(render_template(catalog.text(locale, "email.template.subject"), context).split())
            body = render_template(catalog.text(locale, "email.template.body"), context)
        except Exception as exc:  # noqa: BLE001 — any template error is shown to the translator
            self.view.setPlainText(ui("translator.email_error", error=str(exc)))
            return
        self.view.setPlainText(f"{ui('translator.subject')}: {subject}\n\n{body}")
