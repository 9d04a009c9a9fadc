"""Back, Start over, the trail of answers (revisit and change), language switch mid-flow, keyboard."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from assistant.flows.model import NodeKind
from assistant.i18n.texts import Texts
from tests.ui.conftest import COMPLETE_LOCALES
from tests.ui.driver import check_node_text, click, picker, start_flow, type_into, walk_until


def answer_questions(window, count: int, choose=lambda ids: ids[-1]) -> None:
    """Answer `count` question/step nodes (forms filled on the way) by clicking."""
    from tests.ui.driver import answer_once

    answered = 0
    while answered < count:
        node = window.flow_page.view.node
        assert node.kind is not NodeKind.OUTCOME, "flow ended too early for this test"
        answered += node.kind is not NodeKind.FORM
        answer_once(window, choose)


def longest_flow(catalog):
    return max(catalog.flows, key=lambda f: len(catalog.flows[f].nodes))


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_back_and_start_over(make_window, catalog, locale):
    window = make_window(locale)
    texts = Texts(catalog, locale)
    flow_id = longest_flow(catalog)
    start_flow(window, flow_id)
    page = window.flow_page
    start = page.view.node.id
    answer_questions(window, 3)
    path = [e.node_id for e in page.session.path]
    assert len(page.trail.buttons()) == len(path)
    assert page.step_label.text() == texts.ui("progress.step_of", n=len(path) + 1, m=page.bar.maximum())
    click(page.back_button)
    assert page.view.node.id == path[-1]
    assert [e.node_id for e in page.session.path] == path[:-1]
    check_node_text(window, texts)
    QTest.keyClick(page.view, Qt.Key.Key_Escape)  # Esc is Back too
    QApplication.processEvents()
    assert page.view.node.id == path[-2]
    click(page.restart_button)
    assert page.view.node.id == start and not page.session.path
    assert not page.trail.isVisible() and not page.back_button.isEnabled()
    check_node_text(window, texts)


def test_file_start_over_goes_home_and_forgets_the_session(make_window, catalog):
    window = make_window("en")
    start_flow(window, longest_flow(catalog))
    answer_questions(window, 1)
    window.start_over_action.trigger()
    assert window.stack.currentWidget() is window.home
    assert window.session is None and not window.home.resume_button.isVisible()


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_trail_revisit_cancel_and_change_answer(make_window, catalog, locale):
    window = make_window(locale)
    texts = Texts(catalog, locale)
    flow_id = longest_flow(catalog)
    start_flow(window, flow_id)
    page = window.flow_page
    answer_questions(window, 3, choose=lambda ids: ids[-1])
    path_before = page.session.path
    current_before = page.view.node.id
    first = path_before[0]
    # revisit: the old question is shown with the earlier answer marked; nothing is dropped yet
    click(page.trail.buttons()[0])
    assert page.view.node.id == first.node_id
    assert page.notice.text() == texts.ui("flow.editing") and page.cancel_edit.isVisible()
    assert page.view.choice_buttons[first.answer].summary() == texts.ui("flow.your_answer")
    assert page.session.path == path_before
    click(page.cancel_edit)
    assert page.view.node.id == current_before and page.session.path == path_before
    # change the first answer to another choice: later answers that no longer fit are dropped and named
    click(page.trail.buttons()[0])
    other = next(cid for cid in page.view.choice_buttons if cid != first.answer)
    click(page.view.choice_buttons[other])
    assert page.session.path[0].answer == other
    kept = {e.node_id for e in page.session.path}
    dropped = [e.node_id for e in path_before if e.node_id not in kept]
    if dropped:
        names = "; ".join(texts.node_title(flow_id, n) for n in dropped)
        assert page.notice.isVisible()
        assert page.notice.text() == texts.ui("flow.dropped", count=len(dropped), names=names)
    assert not page.cancel_edit.isVisible()
    check_node_text(window, texts)


def test_language_switch_mid_flow_keeps_the_session(make_window, catalog):
    window = make_window("zh-CN")
    flow_id = longest_flow(catalog)
    start_flow(window, flow_id)
    page = window.flow_page
    answer_questions(window, 2)
    path = page.session.path
    node = page.view.node.id
    check_node_text(window, Texts(catalog, "zh-CN"))
    window.language_actions["en"].trigger()
    en = Texts(catalog, "en")
    assert window.texts.locale == "en" and window.language_actions["en"].isChecked()
    assert page.session.path == path and page.view.node.id == node
    check_node_text(window, en)
    assert window.windowTitle() == en.ui("app.title")
    assert window.file_menu.title() == en.ui("menu.file")
    assert page.back_button.text() == en.ui("nav.back")
    assert window.home.heading.text() == en.ui("home.heading")
    assert window.settings.language() == "en"
    # and back to Chinese, still the same place
    window.language_actions["zh-CN"].trigger()
    check_node_text(window, Texts(catalog, "zh-CN"))
    assert page.session.path == path


def test_language_switch_keeps_typed_form_values(make_window, catalog):
    window = make_window("en")
    for flow_id in catalog.flows:
        start_flow(window, flow_id)
        if walk_until(window, picker("last"), lambda n: n.kind is NodeKind.FORM):
            break
        click(window.flow_page.home_button)
    else:
        pytest.fail("no flow reaches a form")
    view = window.flow_page.view
    name, row = next((n, r) for n, r in view.rows.items() if r.kind != "select")
    type_into(row.editor, "not yet submitted")
    window.set_language("zh-CN")
    assert window.flow_page.view is view and row.value() == "not yet submitted"
    zh = Texts(catalog, "zh-CN")
    assert row.editor.accessibleName() == zh.field(window.flow_page.session.flow.id, view.node.id, name)


def test_every_locale_in_the_catalog_has_a_language_action(make_window, catalog):
    window = make_window("en")
    assert set(window.language_actions) == set(catalog.locales)
    for code, action in window.language_actions.items():
        assert action.isCheckable() and action.text() == catalog.locales[code].name


def test_locale_added_by_content_alone_appears_in_the_menu(make_window, content_copy):
    from assistant.content.catalog import load_catalog

    with (content_copy / "locales.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[locales.eo]\nname = "Esperanto"\nfallback = ["en"]\n')
    (content_copy / "locales" / "eo").mkdir()
    (content_copy / "locales" / "eo" / "ui.toml").write_text('[app]\ntitle = "Monujo-helpanto"\n', encoding="utf-8")
    catalog = load_catalog(content_copy)
    window = make_window("en", content=catalog)
    assert window.language_actions["eo"].text() == "Esperanto"
    window.language_actions["eo"].trigger()
    assert window.windowTitle() == "Monujo-helpanto"
    assert window.safety.text() == Texts(catalog, "en").ui("safety.line")  # falls back along the chain


def test_keyboard_only_walk(make_window, catalog, qtbot):
    """Tab reaches the first flow, Enter starts it; on the safety question no answer is focused for the person:
    Tab reaches the first answer, Tab the next, Enter picks the focused one."""
    window = make_window("en")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    first_flow = next(iter(catalog.flows))
    assert QApplication.focusWidget() is window.home.flow_buttons[first_flow]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    page = window.flow_page
    assert window.stack.currentWidget() is page
    focused = QApplication.focusWidget()
    first_choice = next(iter(page.view.choice_buttons.values()))
    assert page.view.node.critical and focused is page.view
    QTest.keyClick(focused, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first_choice
    QTest.keyClick(first_choice, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in list(page.view.choice_buttons.values())[1:]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert len(page.session.path) == 1


def test_session_changed_fires_for_every_change(make_window, catalog):
    """Autosave listens to this; it must fire on start, answer, Back and Start over, not on a revisit."""
    window = make_window("en")
    fired = []
    window.session_changed.connect(lambda: fired.append(True))
    start_flow(window, longest_flow(catalog))
    assert len(fired) == 1
    answer_questions(window, 2)
    assert len(fired) == 3
    click(window.flow_page.back_button)
    click(window.flow_page.restart_button)
    assert len(fired) == 5
    answer_questions(window, 1)
    click(window.flow_page.trail.buttons()[0])  # only looking
    assert len(fired) == 6


def test_escape_over_a_form_with_typed_text_keeps_it(make_window, catalog, qtbot):
    from tests.ui.test_forms import reach_form

    window = make_window("zh-CN")
    view = reach_form(window, catalog)
    window.activateWindow()  # without the focus in the window, Esc would reach no shortcut and prove nothing
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    row = next(r for r in view.rows.values() if r.kind in ("text", "multiline"))
    type_into(row.editor, "对方自称是官方客服")
    QTest.keyClick(row.editor, Qt.Key.Key_Escape)
    assert window.flow_page.view is view and row.value() == "对方自称是官方客服"
    type_into(row.editor, "")
    QTest.keyClick(row.editor, Qt.Key.Key_Escape)  # nothing typed any more: now Esc is Back
    assert window.flow_page.view is not view
