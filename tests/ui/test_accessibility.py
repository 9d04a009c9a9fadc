"""What assistive technology and keyboard users get: the accessible tree (every interactive element named,
headings and an alert present), text contrast from the palettes, a visible focus ring at every Tab stop of the
review and send step, text size and the first window's size."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from assistant.app.send import Route
from assistant.flows.model import NodeKind, OutcomeKind
from assistant.ui.style import DARK, FOCUS_WIDTH, LIGHT, contrast, dark_palette, theme_for
from assistant.ui.widgets.labels import ToneLabel
from tests.ui.driver import click, start_flow, type_into, valid_value

INTERACTIVE = {QAccessible.Role.Button, QAccessible.Role.CheckBox, QAccessible.Role.RadioButton,
               QAccessible.Role.ComboBox, QAccessible.Role.EditableText, QAccessible.Role.List,
               QAccessible.Role.Link, QAccessible.Role.SpinBox, QAccessible.Role.Slider, QAccessible.Role.PageTab}


def walk_tree(root: QWidget):
    """Every element of the accessible tree under `root` that is on screen: (role, name, interface)."""
    found = []
    stack = [QAccessible.queryAccessibleInterface(root)]
    while stack:
        node = stack.pop()
        if node is None or not node.isValid():
            continue
        state = node.state()
        if state.invisible or state.offscreen:
            continue
        found.append((node.role(), node.text(QAccessible.Text.Name), node))
        stack.extend(node.child(i) for i in range(node.childCount()))
    return found


def unnamed(root: QWidget) -> list[str]:
    return [f"{role.name} {node.object().objectName() if node.object() else ''}"
            for role, name, node in walk_tree(root) if role in INTERACTIVE and not name.strip()]


def roles(root: QWidget) -> set:
    return {role for role, name, _node in walk_tree(root) if name.strip()}


def fill_required(window) -> None:
    """What a person must type (the optional fields stay empty, as most people leave them)."""
    view, session = window.flow_page.view, window.flow_page.session
    for f in session.visible_fields(view.node):
        if f.required:
            type_into(view.rows[f.name].editor, valid_value(f, session.chain(f)))


PERSONA = {"network": "tron", "direction": "to_wallet", "exchange_status": "processing"}  # stuck USDT on TRON


def reach(window, want, pick=lambda ids: ids[-1], calm=True) -> None:
    for _ in range(40):
        view = window.flow_page.view
        if want(view.node):
            return
        assert view.node.kind is not NodeKind.OUTCOME, view.node.id
        if view.node.kind is NodeKind.FORM:
            fill_required(window)
            click(view.continue_button)
        else:
            ids = list(view.choice_buttons)
            safe = [c for c in ("no", "nothing", "none", "not_solved") if c in ids] if calm else []
            if calm and PERSONA.get(view.node.id) in ids:
                safe = [PERSONA[view.node.id]]
            click(view.choice_buttons[safe[0] if safe else pick(ids)])
    raise AssertionError("not reached")


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_every_interactive_element_is_named_and_titles_are_headings(make_window, locale):
    window = make_window(locale)
    assert unnamed(window) == []
    assert QAccessible.Role.Heading in roles(window)
    start_flow(window, "stuck_withdrawal")
    assert unnamed(window) == [] and QAccessible.Role.Heading in roles(window)
    window.flow_page.trail.toggle.click()
    reach(window, lambda n: n.kind is NodeKind.FORM)
    click(window.flow_page.view.continue_button)  # errors: each field invalid, a summary alert
    assert unnamed(window) == [] and QAccessible.Role.AlertMessage in roles(window)
    reach(window, lambda n: n.kind is NodeKind.OUTCOME)
    window.flow_page.view.email_button.click()
    page = window._side_page
    assert unnamed(window) == []
    page.go_to_send()
    page.send_step.route_buttons[Route.WEBMAIL].click()
    assert unnamed(window) == [] and QAccessible.Role.Heading in roles(window)


def test_the_urgent_banner_is_an_alert(make_window):
    window = make_window("zh-CN")
    start_flow(window, "stuck_withdrawal")
    reach(window, lambda n: n.kind is NodeKind.OUTCOME and n.outcome is OutcomeKind.URGENT,
          pick=lambda ids: ids[0], calm=False)
    names = [name for role, name, _n in walk_tree(window) if role is QAccessible.Role.AlertMessage]
    assert names and window.flow_page.view.title.text() in names[0]


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_text_contrast_is_at_least_4_5_to_1(palette):
    pal = QApplication.style().standardPalette() if palette == "light" else dark_palette()
    theme = theme_for(pal)
    assert theme is (LIGHT if palette == "light" else DARK)
    c = pal.color
    r = QPalette.ColorRole
    pairs = {
        "text on window": (c(r.WindowText), c(r.Window)),
        "text on fields": (c(r.Text), c(r.Base)),
        "button text": (c(r.ButtonText), c(r.Button)),
        "button text on hover": (c(r.ButtonText), c(r.AlternateBase)),
        "safety line": (c(r.WindowText), c(r.AlternateBase)),
        "primary button": (QColor(theme.accent_text), QColor(theme.accent)),
        "links": (c(r.Link), c(r.Base)),
        "selected text": (QColor(theme.accent_text), QColor(theme.accent)),  # the window's own selection colours
        "urgent banner": ("#ffffff", "#9f1c14"),
    }
    dark = palette == "dark"
    for tone, (light_colour, dark_colour) in ToneLabel._COLOURS.items():
        pairs[f"{tone} line"] = (QColor(dark_colour if dark else light_colour), c(r.Window))
        pairs[f"{tone} line on fields"] = (QColor(dark_colour if dark else light_colour), c(r.Base))
    low = {name: round(contrast(a, b), 2) for name, (a, b) in pairs.items() if contrast(a, b) < 4.5}
    assert low == {}
    # the focus ring is a non-text indicator: at least 3:1 against the window
    assert contrast(theme.focus, c(r.Window)) >= 3 and contrast(theme.accent_focus, c(r.Window)) >= 3


def ring_visible(widget: QWidget, colour: str) -> bool:
    """At least FOCUS_WIDTH rows of the focus colour along the top edge of the focused widget."""
    image = widget.grab().toImage()
    target = QColor(colour)
    width = image.width()
    hits = 0
    for y in range(0, FOCUS_WIDTH + 2):
        row = sum(1 for x in range(4, width - 4)
                  if max(abs(QColor(image.pixel(x, y)).red() - target.red()),
                         abs(QColor(image.pixel(x, y)).green() - target.green()),
                         abs(QColor(image.pixel(x, y)).blue() - target.blue())) < 40)
        hits += row > (width - 8) * 0.6
    return hits >= FOCUS_WIDTH


def test_keyboard_only_reaches_every_export_with_a_visible_focus(make_window, qtbot):
    window = make_window("en")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    start_flow(window, "stuck_withdrawal")
    reach(window, lambda n: n.kind is NodeKind.OUTCOME and n.outcome is OutcomeKind.ESCALATE)
    button = window.flow_page.view.email_button
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Return)  # Enter activates a focused button
    page = window._side_page
    assert page is not None and page.isVisible()
    QTest.keyClick(page.to_edit, Qt.Key.Key_A)
    page.to_edit.setText("support@tokenpocket.pro")
    page.next_button.setFocus()
    QTest.keyClick(page.next_button, Qt.Key.Key_Return)
    assert page.sending
    want = {f"route_{r}" for r in Route} | {"export_clipboard", "export_txt", "export_pdf", "export_print",
                                            "review_next", "review_close"}
    reached: dict[str, bool] = {}
    colours = {LIGHT.focus, LIGHT.accent_focus}
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for route in Route:
        page.send_step.route_buttons[route].setFocus()
        QTest.keyClick(page.send_step.route_buttons[route], Qt.Key.Key_Space)
        QApplication.processEvents()
        want |= set(page.send_step.step_buttons and {b.objectName() for b in page.send_step.step_buttons.values()})
        for _ in range(60):
            focused = QApplication.focusWidget()
            name = focused.objectName() if focused else ""
            if name in want and name not in reached:
                page.send_step.ensureWidgetVisible(focused) if page.send_step.isAncestorOf(focused) else None
                QApplication.processEvents()
                colour = LIGHT.accent_focus if focused.property("primary") else LIGHT.focus
                reached[name] = ring_visible(focused, colour)
            QTest.keyClick(focused or page, Qt.Key.Key_Tab)
    assert colours and want <= set(reached), sorted(want - set(reached))
    assert all(reached.values()), [n for n, ok in reached.items() if not ok]


def test_text_size_is_remembered_and_the_first_window_fits_the_screen(make_window, tmp_path):
    window = make_window("en")
    localizer = window.localizer
    try:
        assert window.change_text_size(1) > 1.0
        assert window.settings.text_scale() == localizer.scale > 1.0
        window.fit_to(QRect(0, 0, 800, 500))
        assert window.frameGeometry().width() <= 800 and window.frameGeometry().height() <= 500
    finally:
        window.change_text_size(0)
    assert localizer.scale == 1.0 and window.settings.text_scale() == 1.0


def test_ctrl_n_on_the_review_asks_before_discarding_edits(make_window, dialogs):
    window = make_window("en")
    start_flow(window, "stuck_withdrawal")
    reach(window, lambda n: n.kind is NodeKind.OUTCOME and n.outcome is OutcomeKind.ESCALATE)
    window.flow_page.view.email_button.click()
    page = window._side_page
    page.subject_edit.setText("My own subject")
    asked = []
    page.confirm = lambda title, question: asked.append(title) or False
    window.start_over_action.trigger()
    assert asked and window._side_page is page  # kept
    page.confirm = lambda title, question: True
    window.start_over_action.trigger()
    assert window._side_page is None and window.stack.currentWidget() is window.home
