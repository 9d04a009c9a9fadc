"""Forms: typed editors, validation as you type in the UI language, errors per field on Continue."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit

from assistant.flows.model import NodeKind
from assistant.i18n.texts import Texts
from assistant.validation.fields import validate
from tests.ui.conftest import COMPLETE_LOCALES
from tests.ui.driver import click, picker, start_flow, type_into, valid_value, walk_until

INVALID = {"address": ["0x12345", "not an address"], "tx_hash": ["not a hash", "x"], "datetime": ["yesterday"],
           "amount": ["-5"], "version": ["latest"]}


def reach_form(window, catalog, wanted_kind: str | None = None):
    """Walk each flow until a form shows (with a field of `wanted_kind`, if given)."""
    def stop(node):
        if node.kind is not NodeKind.FORM:
            return False
        kinds = {f.kind for f in window.flow_page.session.visible_fields(node)}
        return wanted_kind is None or wanted_kind in kinds

    for flow_id in catalog.flows:
        for strategy in ("last", "first", "random"):
            start_flow(window, flow_id)
            if walk_until(window, picker(strategy, 5), stop):
                return window.flow_page.view
            click(window.flow_page.home_button)
    pytest.fail(f"no flow reaches a form with a {wanted_kind} field")


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_editors_match_field_kinds_with_labels_and_hints(make_window, catalog, locale):
    window = make_window(locale)
    texts = Texts(catalog, locale)
    view = reach_form(window, catalog)
    session = window.flow_page.session
    for f in session.visible_fields(view.node):
        row = view.rows[f.name]
        expected = {"select": QComboBox, "multiline": QPlainTextEdit}.get(f.kind, QLineEdit)
        assert isinstance(row.editor, expected), f.name
        assert row.label.buddy() is row.editor
        assert row.editor.accessibleName().startswith(texts.field(session.flow.id, view.node.id, f.name))
        assert f.required or row.editor.accessibleName().endswith(texts.ui("form.optional"))  # the name keeps it
        hint = texts.field(session.flow.id, view.node.id, f.name, "hint")
        assert row.hint.text() == hint and row.hint.isVisible() == bool(hint)
        if not f.required:
            assert row.label.text().endswith(texts.ui("form.optional"))
        if f.kind == "select":
            shown = [row.editor.itemText(i) for i in range(1, row.editor.count())]
            assert shown == [texts.option(session.flow.id, view.node.id, f.name, o) for o in f.options]


@pytest.mark.parametrize("kind", ["address", "tx_hash", "datetime", "amount", "version"])
@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_validation_as_you_type_shows_the_localised_message(make_window, catalog, locale, kind):
    window = make_window(locale)
    texts = Texts(catalog, locale)
    view = reach_form(window, catalog, kind)
    session = window.flow_page.session
    field = next(f for f in session.visible_fields(view.node) if f.kind == kind)
    row = view.rows[field.name]
    bad, problem = next((v, p) for v in INVALID[kind] if (p := validate(kind, v, session.chain(field))[1]))
    QApplication.processEvents()
    below = [r.mapTo(view, r.rect().topLeft()).y() for r in view.rows.values()]
    type_into(row.editor, bad)
    assert row.error.isVisible() and row.problem_text() == texts.field_error(problem)
    QApplication.processEvents()
    if len(texts.field_error(problem)) < 40:  # a one-line message takes the line kept for it: nothing moves
        assert [r.mapTo(view, r.rect().topLeft()).y() for r in view.rows.values()] == below
    assert f"[{problem.code}]" not in row.problem_text() and "{" not in row.problem_text()
    # pasting a valid value with stray whitespace clears the message
    type_into(row.editor, "  " + valid_value(field, session.chain(field)) + " \n")
    assert row.problem_text() == "" and row.editor.property("invalid") is False


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_continue_with_missing_values_marks_each_field_then_valid_values_go_on(make_window, catalog, locale):
    window = make_window(locale)
    texts = Texts(catalog, locale)
    view = reach_form(window, catalog)
    page, session = window.flow_page, window.flow_page.session
    form_id = view.node.id
    fields = session.visible_fields(view.node)
    click(view.continue_button)
    assert page.view is view and session.current.id == form_id  # did not advance
    for f in fields:
        if f.required:
            assert view.rows[f.name].problem_text() == texts.ui("field_error.required"), f.name
    assert view.summary.isVisible() and view.summary.text().startswith(texts.ui("form.fix_errors"))
    for f in fields:  # the summary names each field to fix
        assert (view.rows[f.name].label.text() in view.summary.text()) == f.required, f.name
    first = next(view.rows[f.name] for f in fields if f.required)
    assert view.window().focusWidget() is first.editor and not first.visibleRegion().isEmpty()  # scrolled to the first error
    for f in fields:
        value = valid_value(f, session.chain(f))
        type_into(view.rows[f.name].editor, value if f.kind in ("select", "multiline") else f"  {value}  ")
    click(view.continue_button)
    assert session.current.id != form_id
    stored = next(e.answer for e in session.path if e.node_id == form_id)
    assert all(v == v.strip() for v in stored.values())


def test_secret_in_a_field_is_refused_with_the_safety_message(make_window, catalog):
    window = make_window("en")
    texts = Texts(catalog, "en")
    view = reach_form(window, catalog)
    name, row = next((n, r) for n, r in view.rows.items() if r.kind in ("text", "multiline"))
    phrase = "abandon ability able about above absent absorb abstract absurd abuse access accident"
    type_into(row.editor, phrase)
    click(view.continue_button)
    assert window.flow_page.view is view
    assert row.problem_text() == texts.ui("field_error.secret_detected")


def test_a_pasted_phrase_is_explained_while_typing_before_continue(make_window, catalog):
    from mnemonic import Mnemonic

    window = make_window("zh-CN")
    texts = Texts(catalog, "zh-CN")
    view = reach_form(window, catalog)
    row = next(r for r in view.rows.values() if r.kind in ("text", "multiline"))
    type_into(row.editor, Mnemonic("english").generate(128))
    assert row.problem_text() == texts.ui("field_error.secret_detected")  # no click on Continue yet


def test_enter_in_a_one_line_field_submits_the_form(make_window, catalog):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    window = make_window("en")
    view = reach_form(window, catalog)
    row = next(r for r in view.rows.values() if isinstance(r.editor, QLineEdit))
    QTest.keyClick(row.editor, Qt.Key.Key_Return)
    # Nothing filled in yet: the submit ran and reported the required fields instead of doing nothing.
    assert view.summary.isVisibleTo(view) or any(r.problem_text() for r in view.rows.values())


def click_until_form(window, prefer: dict[str, str]):
    """Click through questions and steps (preferred answers, else the calm one, steps unsolved) to a form."""
    for _ in range(30):
        view = window.flow_page.view
        if view.node.kind is NodeKind.FORM:
            return view
        ids = list(view.choice_buttons)
        wanted = [prefer.get(view.node.id), "unsolved", "no", "nothing", "none"]
        click(view.choice_buttons[next((c for c in wanted if c in ids), ids[0])])
    raise AssertionError("no form reached")


def test_back_from_the_outcome_keeps_what_was_typed_until_an_earlier_answer_invalidates_it(make_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tests.core.app.cases import ETHEREUM_PENDING, ETHEREUM_VALUES

    window = make_window("zh-CN")
    page = window.flow_page
    start_flow(window, "pending_transaction")
    view = click_until_form(window, ETHEREUM_PENDING)
    form_id = view.node.id
    for name, row in view.rows.items():
        if name in ETHEREUM_VALUES:
            type_into(row.editor, ETHEREUM_VALUES[name])
    click(view.continue_button)
    assert page.view.node.kind is NodeKind.OUTCOME
    submitted = dict(next(e.answer for e in page.session.path if e.node_id == form_id))

    click(page.back_button)
    view = page.view
    assert view.node.id == form_id
    assert {name: row.value() for name, row in view.rows.items() if row.value()} == submitted
    assert view.rows["from_address"].value() == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    assert view.rows["description"].value() == ETHEREUM_VALUES["description"]
    window.activateWindow()  # Esc is a shortcut of the page: the key must reach a focused field in it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.rows["amount"].focus_editor()
    QTest.keyClick(view.rows["amount"].editor, Qt.Key.Key_Escape)  # nothing new typed: Esc goes back
    assert page.view.node.id != form_id

    network = [e.node_id for e in page.session.path].index("network")
    click(page.trail.buttons()[network])
    click(page.view.choice_buttons["tron"])  # an Ethereum address is no TRON address
    view = click_until_form(window, {"explorer_status": "pending"})
    assert view.node.id == form_id
    assert view.rows["from_address"].value() == "" and view.rows["to_address"].value() == ""
    assert view.rows["amount"].value() == "250 USDT"
    assert view.rows["description"].value() == ETHEREUM_VALUES["description"]
