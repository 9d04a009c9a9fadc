"""Drive the real window the way a person would, and read back what is on screen. Walks are generic:
they follow a choice by position and fill forms with a valid value per field kind and chain, so they
keep working while the flows are being rewritten.
"""
from __future__ import annotations

import random
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QScrollArea

from assistant.flows.model import NodeKind
from assistant.i18n.texts import Texts
from assistant.validation.fields import validate_values

SAMPLES = {
    "text": ["iPhone 15, iOS 18.1", "Android 14"],
    "multiline": ["The balance shows zero since this morning.\nNothing else changed."],
    "version": ["2.3.1", "1.8.0"],
    "ticket": ["TP-20261120-0042"],
    "url": ["https://tokenpocket-support.example/verify"],
    "exchange_uid": ["35871942"],
    "amount": ["120.5 USDT", "0.5"],
    "datetime": ["2026-11-20 14:05 +08:00", "2026-11-20 06:05 UTC"],
    "email": ["alex.chen@example.com"],
}


def chain_samples(kind: str) -> list[str]:
    try:
        from assistant.validation.chains import EXAMPLES
    except ImportError:  # before chains.py existed
        EXAMPLES = {}
    part = "address" if kind == "address" else "tx"
    found = [v for (_fam, k), v in EXAMPLES.items() if k == part]
    if kind == "address":  # networks named after "another network" have shapes of their own
        from assistant.validation.named_networks import ADDRESS_SHAPES
        found += [example for _name, _shape, example in ADDRESS_SHAPES.values()]
    return found + ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
                    "0x1f56e1ef9956875ce5aeb0dcf724de2744d34b6449be05008cf00186b7f560bd"]


def valid_value(field, chain: str | None) -> str:
    """The first sample the real validator accepts for this field kind and chain."""
    if field.kind == "select":
        return field.options[0]
    candidates = chain_samples(field.kind) if field.kind in ("address", "tx_hash") else SAMPLES.get(field.kind, ["x"])
    for value in candidates:
        _clean, errors = validate_values([field], {field.name: value}, {field.name: chain})
        if not errors:
            return value
    raise AssertionError(f"no valid sample for field {field.name!r} of kind {field.kind!r} on chain {chain!r}")


def click(widget) -> None:
    """Scroll the widget into view, as a person would, then click its middle."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
            QApplication.processEvents()
        parent = parent.parentWidget()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def type_into(editor, text: str) -> None:
    """Clear the editor, then paste-like insert, the way a person pastes a copied value."""
    editor.setFocus()
    if isinstance(editor, QComboBox):
        index = editor.findData(text)
        assert index >= 0, f"{text!r} is not an option"
        editor.setCurrentIndex(index)
    elif isinstance(editor, QLineEdit):
        editor.clear()
        editor.insert(text)
    else:
        editor.clear()
        editor.insertPlainText(text)
    QApplication.processEvents()


def check_node_text(window, texts: Texts) -> None:
    """Everything on the flow page matches what Texts says for the node now shown."""
    page = window.flow_page
    view, session = page.view, page.session
    flow_id, node = session.flow.id, view.node
    assert window.stack.currentWidget() is page
    assert view.title.text() == texts.node_title(flow_id, node.id)
    assert page.flow_label.text() == texts.flow_title(flow_id)
    assert view.body.markdown() == texts.node_body(flow_id, node.id, session.answers)
    assert window.safety.text() == texts.ui("safety.line")
    if node.kind in (NodeKind.QUESTION, NodeKind.STEP):
        visible = [c.id for c in session.visible_choices(node)]
        assert list(view.choice_buttons) == visible
        for cid, button in view.choice_buttons.items():
            assert button.title() == texts.choice(flow_id, node.id, cid, node.kind)
            assert button.isVisible() and button.accessibleName()
        if node.kind is NodeKind.STEP:
            assert view.kicker.text() == texts.ui("step.try_this")
            assert view.prompt.text() == texts.ui("step.question")
    elif node.kind is NodeKind.FORM:
        for name, row in view.rows.items():
            label = texts.field(flow_id, node.id, name)
            assert row.label.text().startswith(label)
            assert row.editor.accessibleName().startswith(label)
            assert row.hint.text() == texts.field(flow_id, node.id, name, "hint")
        assert view.continue_button.title() == texts.ui("form.continue")
    for entry, button in zip(session.path, page.trail.buttons(), strict=True):
        assert texts.node_title(flow_id, entry.node_id) in button.title()


def fill_form(window) -> dict[str, str]:
    view, session = window.flow_page.view, window.flow_page.session
    values = {}
    for f in session.visible_fields(view.node):
        value = valid_value(f, session.chain(f))
        type_into(view.rows[f.name].editor, value)
        assert view.rows[f.name].problem_text() == "", (f.name, value, view.rows[f.name].problem_text())
        values[f.name] = value
    return values


Pick = Callable[[list[str]], str]


def picker(strategy: str, seed: int = 0) -> Pick:
    if strategy == "first":
        return lambda ids: ids[0]
    if strategy == "last":
        return lambda ids: ids[-1]
    rng = random.Random(seed)
    return lambda ids: rng.choice(ids)


def answer_once(window, pick: Pick) -> None:
    view = window.flow_page.view
    if view.node.kind is NodeKind.FORM:
        fill_form(window)
        click(view.continue_button)
    else:
        click(view.choice_buttons[pick(list(view.choice_buttons))])


def walk_to_outcome(window, texts: Texts, pick: Pick, limit: int = 80) -> list[str]:
    """Answer node after node, checking the visible text each time; returns the node ids seen."""
    seen = []
    for _ in range(limit):
        check_node_text(window, texts)
        node = window.flow_page.view.node
        seen.append(node.id)
        if node.kind is NodeKind.OUTCOME:
            return seen
        before = len(window.flow_page.session.path)
        answer_once(window, pick)
        if len(window.flow_page.session.path) != before + 1:
            shown = {n: r.problem_text() for n, r in getattr(window.flow_page.view, "rows", {}).items()}
            raise AssertionError(f"answer at {node.id!r} did not advance; field errors: {shown}")
    raise AssertionError(f"no outcome after {limit} answers: {seen}")


def walk_until(window, pick: Pick, stop: Callable[[object], bool], limit: int = 80) -> bool:
    for _ in range(limit):
        node = window.flow_page.view.node
        if stop(node):
            return True
        if node.kind is NodeKind.OUTCOME:
            return False
        answer_once(window, pick)
    return False


def start_flow(window, flow_id: str) -> None:
    """From wherever the window is: Home, then the flow's big button."""
    if window.stack.currentWidget() is not window.home:
        click(window.flow_page.home_button)
    assert window.home.flow_buttons[flow_id].isVisible()
    click(window.home.flow_buttons[flow_id])


def outcome_paths(flow) -> dict[str, list[tuple[str, object]]]:
    """Breadth-first over the engine (no UI): for each reachable outcome, the shortest list of answers."""
    from collections import deque

    from assistant.flows.engine import Session

    found: dict[str, list[tuple[str, object]]] = {}
    queue = deque([[]])
    seen: set[tuple] = set()
    while queue:
        answers = queue.popleft()
        session = Session(flow)
        for _node_id, answer in answers:
            session.submit(answer) if isinstance(answer, dict) else session.choose(answer)
        node = session.current
        key = (node.id, tuple(sorted((k, v) for k, v in session.answers.items() if isinstance(v, str))))
        if key in seen:
            continue
        seen.add(key)
        if node.kind is NodeKind.OUTCOME:
            found.setdefault(node.id, answers)
            continue
        if node.kind is NodeKind.FORM:
            values = {f.name: valid_value(f, session.chain(f)) for f in session.visible_fields(node) if f.required}
            queue.append([*answers, (node.id, values)])
        else:
            queue.extend([*answers, (node.id, c.id)] for c in session.visible_choices(node))
    return found


def replay(window, answers) -> None:
    """Click the given answers, in order, on the flow page."""
    for node_id, answer in answers:
        view = window.flow_page.view
        shown = [e.node_id for e in window.flow_page.session.path]
        assert view.node.id == node_id, f"expected {node_id!r}, shown {view.node.id!r} after {shown}"
        if isinstance(answer, dict):
            for name, value in answer.items():
                type_into(view.rows[name].editor, value)
            click(view.continue_button)
        else:
            click(view.choice_buttons[answer])
