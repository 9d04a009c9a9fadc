"""Home: the problems as large labelled choices, disabled ones explained, search in either language."""
from __future__ import annotations

import pytest

from assistant.content.catalog import load_catalog
from assistant.i18n.texts import Texts
from tests.ui.conftest import COMPLETE_LOCALES
from tests.ui.driver import click, start_flow


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_home_lists_every_flow_in_order_with_summary(make_window, catalog, locale):
    window = make_window(locale)
    texts = Texts(catalog, locale)
    home = window.home
    assert window.stack.currentWidget() is home
    assert window.windowTitle() == texts.ui("app.title")
    assert home.heading.text() == texts.ui("home.heading")
    assert window.safety.text() == texts.ui("safety.line") and window.safety.isVisible()
    assert list(home.flow_buttons)[: len(catalog.flows)] == list(catalog.flows)
    for flow_id in catalog.flows:
        button = home.flow_buttons[flow_id]
        assert button.isVisible() and button.isEnabled()
        assert button.title() == texts.flow_title(flow_id) != flow_id
        assert button.summary() == texts.flow_summary(flow_id)
        assert button.accessibleName() == button.title()
    assert not home.resume_button.isVisible()


def test_broken_flow_is_shown_disabled_with_the_reason(make_window, content_copy):
    victim = sorted((content_copy / "flows").glob("[!_]*.toml"))[0]  # a flow, not a shared part
    victim.write_text(victim.read_text(encoding="utf-8") + "\n[nodes.broken\n", encoding="utf-8")
    catalog = load_catalog(content_copy)
    assert victim.stem in catalog.disabled_flows
    window = make_window("en", content=catalog)
    button = window.home.flow_buttons[victim.stem]
    texts = Texts(catalog, "en")
    assert button.isVisible() and not button.isEnabled()
    assert button.summary() == texts.ui("home.disabled")
    assert button.toolTip() == catalog.disabled_flows[victim.stem]
    # Its icon is drawn in the disabled text colour, and stays so when the palette changes (dark mode and back).
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from assistant.ui.style import dark_palette

    def ink() -> set[str]:
        image = button.picture().toImage()
        return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
                if image.pixelColor(x, y).alpha() == 255}

    app = QApplication.instance()
    before = app.palette()
    disabled = QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText
    try:
        for palette in (dark_palette(), before):
            app.setPalette(palette)
            assert ink() == {palette.color(*disabled).name()}
    finally:
        app.setPalette(before)


@pytest.mark.parametrize(("query", "wanted"), [
    ("pending", "pending_transaction"),
    ("交易卡住", "pending_transaction"),
    ("提现没到账", "stuck_withdrawal"),
    ("withdrawal not received", "stuck_withdrawal"),
    ("forgot password", "login_failure"),
    ("忘记密码", "login_failure"),
    ("lost my phone", "lost_wallet"),
])
@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_search_finds_the_flow_in_either_language(make_window, catalog, locale, query, wanted):
    if wanted not in catalog.flows:
        pytest.fail(f"{wanted} is not enabled in the current content")
    window = make_window(locale)
    window.home.search.setText(query)
    hits = window.home.result_buttons()
    assert hits, f"no result for {query!r}"
    assert any(h.title() == Texts(catalog, locale).flow_title(wanted) or wanted in h.objectName()
               or h.summary().endswith(Texts(catalog, locale).flow_title(wanted)) for h in hits[:3]), \
        [h.title() for h in hits]


def test_search_result_for_a_step_starts_its_flow_with_a_notice(make_window, catalog):
    window = make_window("en")
    texts = Texts(catalog, "en")
    flow_id, flow = next(iter(catalog.flows.items()))
    node_id = next(n for n in flow.nodes if n != flow.start)
    window.home.search.setText(texts.node_title(flow_id, node_id))
    buttons = window.home.result_buttons()
    step_hits = [b for b, hit in zip(buttons, window.home._hits, strict=True) if hit.node_id == node_id]
    assert step_hits, [b.title() for b in buttons]
    click(step_hits[0])
    page = window.flow_page
    assert window.stack.currentWidget() is page
    assert page.session.flow.id == flow_id and page.view.node.id == flow.start
    assert page.notice.isVisible()
    assert page.notice.text() == texts.ui("flow.search_target", title=texts.node_title(flow_id, node_id))


def test_search_with_no_match_says_so_and_enter_picks_the_first_hit(make_window, catalog):
    window = make_window("en")
    home = window.home
    home.search.setText("zzzqqq")
    assert home.no_results.isVisible() and not home.results.isVisible()
    home.search.setText("pending")
    assert not home.no_results.isVisible()
    first = home._hits[0]
    home.search.returnPressed.emit()
    assert window.stack.currentWidget() is window.flow_page
    assert window.flow_page.session.flow.id == first.flow_id


def test_resume_button_appears_after_leaving_a_flow_and_continues_it(make_window, catalog):
    window = make_window("en")
    flow_id = next(iter(catalog.flows))
    start_flow(window, flow_id)
    view = window.flow_page.view
    click(next(iter(view.choice_buttons.values())))
    node_before = window.flow_page.view.node.id
    click(window.flow_page.home_button)
    assert window.stack.currentWidget() is window.home
    assert window.home.resume_button.isVisible()
    requests = []
    window.resume_requested.connect(lambda: requests.append(True))
    click(window.home.resume_button)
    assert requests == [True]
    assert window.stack.currentWidget() is window.flow_page
    assert window.flow_page.view.node.id == node_before


def test_set_resume_available_hook(make_window):
    window = make_window("en")
    window.home.set_resume_available(True)
    assert window.home.resume_button.isVisible()
    window.home.set_resume_available(False)
    assert not window.home.resume_button.isVisible()


def test_tab_order_follows_the_screen_from_resume_to_search(make_window):
    window = make_window("en")
    home = window.home
    home.set_resume_available(True)
    home.resume_button.setFocus()
    order = [home.resume_button]
    for _ in range(len(home.flow_buttons) + 1):
        order.append(order[-1].nextInFocusChain())
        while not order[-1].isEnabled() or order[-1].focusPolicy() == 0:  # skip disabled and non-focusable
            order[-1] = order[-1].nextInFocusChain()
    assert order[1:-1] == [b for b in home.flow_buttons.values() if b.isEnabled()]
    assert order[-1] is home.search


def test_each_problem_has_its_own_icon_in_the_button_text_colour_and_keeps_its_name(make_window, catalog):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from assistant.ui.pages.home import problem_icon
    from assistant.ui.style import dark_palette

    window = make_window("zh-CN")
    buttons = window.home.flow_buttons
    texts = Texts(catalog, "zh-CN")
    pictures = set()
    for flow_id, button in buttons.items():
        assert not button.picture().isNull(), flow_id
        assert button.accessibleName() == texts.flow_title(flow_id)  # the picture is decoration only
        image = button.picture().toImage()
        pictures.add(bytes(image.constBits()))
    assert len(pictures) == len(buttons) == 4  # four different drawings

    def ink(color: str) -> set[str]:
        image = problem_icon("lost_wallet", color, 48).toImage()
        return {image.pixelColor(x, y).name() for x in range(48) for y in range(48) if image.pixelColor(x, y).alpha() == 255}

    assert ink("#000000") == {"#000000"} and ink("#ffffff") == {"#ffffff"}
    app = QApplication.instance()
    before = app.palette()
    app.setPalette(dark_palette())
    try:
        button = buttons["lost_wallet"]
        light_text = button.palette().color(QPalette.ColorRole.ButtonText)
        assert light_text.lightness() > 128  # a dark palette: light ink
        image = button.picture().toImage()
        inked = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())
                 if image.pixelColor(x, y).alpha() == 255]
        assert inked and all(c.name() == light_text.name() for c in inked)
    finally:
        app.setPalette(before)
