"""Click through every flow, in every complete locale, from home to an outcome, reading what is shown."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFrame

from assistant.flows.model import NodeKind, OutcomeKind
from assistant.i18n.texts import Texts
from tests.ui.conftest import COMPLETE_LOCALES
from tests.ui.driver import check_node_text, click, outcome_paths, picker, replay, start_flow, walk_to_outcome

STRATEGIES = [("first", 0), ("last", 0), ("random", 1)]


def flow_ids():
    from assistant.content.catalog import load_catalog
    from assistant.paths import content_dir

    return list(load_catalog(content_dir()).flows)


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
@pytest.mark.parametrize("flow_id", flow_ids())
@pytest.mark.parametrize(("strategy", "seed"), STRATEGIES)
def test_walk_flow_to_outcome(make_window, catalog, locale, flow_id, strategy, seed):
    window = make_window(locale)
    texts = Texts(catalog, locale)
    start_flow(window, flow_id)
    seen = walk_to_outcome(window, texts, picker(strategy, seed))
    view = window.flow_page.view
    assert view.node.kind is NodeKind.OUTCOME and seen[-1] == view.node.id
    assert view.kicker.text() == texts.ui(f"outcome.{view.kind.value}")
    urgent = view.kind is OutcomeKind.URGENT
    banner = view.findChild(QFrame, "urgent_banner")
    assert (banner is not None and banner.isVisible()) == urgent
    if urgent:  # the act-now text comes straight after the banner, before any button
        column = [view.column.itemAt(i).widget() for i in range(view.column.count())]
        assert column.index(view.body) == column.index(banner) + 1
    wants_email = view.kind in (OutcomeKind.ESCALATE, OutcomeKind.URGENT)
    assert (view.email_button is not None) == wants_email
    for guide_id, button in view.guide_buttons.items():
        assert button.title() == texts.guide_title(guide_id)
    if wants_email:
        assert view.email_button.title() == texts.ui("outcome.prepare_email")
        click(view.email_button)
        side = window.stack.currentWidget()
        assert side is not window.flow_page and hasattr(side, "closed")
        side.closed.emit()
        assert window.stack.currentWidget() is window.flow_page
    # the progress bar is full at an outcome, except where the email is still to be written
    bar = window.flow_page.bar
    assert (bar.value() < bar.maximum()) if wants_email else (bar.value() == bar.maximum())


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_every_outcome_reachable_by_clicking(make_window, catalog, locale):
    """Every reachable outcome of every flow, reached by clicking the shortest answers that lead there."""
    window = make_window(locale)
    texts = Texts(catalog, locale)
    for flow_id, flow in catalog.flows.items():
        paths = outcome_paths(flow)
        assert paths, flow_id
        for outcome_id, answers in paths.items():
            start_flow(window, flow_id)
            replay(window, answers)
            check_node_text(window, texts)
            assert window.flow_page.view.node.id == outcome_id
            click(window.flow_page.home_button)


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_safety_contact_is_the_first_question(make_window, catalog, locale):
    flow_id = "pending_transaction"
    if flow_id not in catalog.flows:
        pytest.fail("pending_transaction is disabled in the current content")
    window = make_window(locale)
    texts = Texts(catalog, locale)
    start_flow(window, flow_id)
    view = window.flow_page.view
    assert view.node.id == "safety_contact" and view.node.critical
    check_node_text(window, texts)
    assert view.title.text() == texts.node_title(flow_id, "safety_contact") != "safety_contact"
    assert set(view.choice_buttons) >= {"yes", "no"}
    assert view.choice_buttons["yes"].title() == texts.get(f"{flow_id}.nodes.safety_contact.choices.yes")
    page = window.flow_page
    assert page.step_label.text() == texts.ui("progress.step_of", n=1, m=page.bar.maximum())
    assert not window.flow_page.back_button.isEnabled()
    # the body is rendered Markdown: the bold word shows as text, not as asterisks
    assert "**" not in view.body.toPlainText() and view.body.toPlainText().strip()
    click(view.choice_buttons["no"])
    assert window.flow_page.session.path[0].node_id == "safety_contact"
    assert window.flow_page.trail.buttons()[0].summary().endswith(
        texts.get(f"{flow_id}.nodes.safety_contact.choices.no"))
