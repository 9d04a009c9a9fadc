"""Links open only after confirmation and only for allowed domains; guides; draft fallback; crash handling."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from assistant.errors import AssistantError
from assistant.flows.model import NodeKind, OutcomeKind
from assistant.i18n.texts import Texts
from assistant.ui.widgets.markdown_view import MarkdownView
from tests.ui.driver import click, outcome_paths, replay, start_flow


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()) or True)
    return urls


def test_markdown_view_keeps_allowed_links_and_loads_nothing(qtbot, catalog):
    view = MarkdownView()
    qtbot.addWidget(view)
    view.set_markdown("See [explorer](https://etherscan.io/tx/0xabc) and [fake](https://tp-support.example/x) "
                      "![img](https://etherscan.io/logo.png) <b>raw</b>", catalog.link_domains)
    html = view.toHtml()
    assert "https://etherscan.io/tx/0xabc" in html and 'href="https://tp-support.example' not in html
    assert "tp-support.example/x" in view.toPlainText()  # a refused link still shows where it pointed
    assert "<b>raw</b>" in view.toPlainText()  # raw HTML is shown as text, never interpreted
    assert not view.openLinks() and not view.openExternalLinks()
    assert view.loadResource(0, QUrl("https://etherscan.io/logo.png")) is None


def test_allowed_link_opens_only_after_confirmation(make_window, catalog, dialogs, opened):
    window = make_window("en")
    texts = Texts(catalog, "en")
    start_flow(window, next(iter(catalog.flows)))
    url = "https://etherscan.io/tx/0x1f56e1ef9956875ce5aeb0dcf724de2744d34b6449be05008cf00186b7f560bd"
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.flow_page.view.body.anchorClicked.emit(QUrl(url))
    assert dialogs.boxes[-1] == ("link_confirm_dialog", texts.ui("link.confirm"), url)
    assert opened == []
    dialogs.answer = QMessageBox.StandardButton.Open
    window.flow_page.view.body.anchorClicked.emit(QUrl(url))
    assert opened == [url]


def test_link_outside_the_allow_list_is_never_opened(make_window, catalog, dialogs, opened):
    window = make_window("zh-CN")
    texts = Texts(catalog, "zh-CN")
    start_flow(window, next(iter(catalog.flows)))
    dialogs.answer = QMessageBox.StandardButton.Open
    for url in ("https://tokenpocket.pro.evil.example/verify", "http://etherscan.io/", "javascript:alert(1)"):
        window.flow_page.view.body.anchorClicked.emit(QUrl(url))
        assert dialogs.boxes[-1][:2] == ("link_blocked_dialog", texts.ui("link.blocked"))
    assert opened == []


def test_guides_from_a_node_and_from_the_help_menu(make_window, catalog):
    window = make_window("en")
    texts = Texts(catalog, "en")
    for guide_id, action in window.guide_actions.items():
        assert action.text() == texts.guide_title(guide_id)
        action.trigger()
        dialog = window._guides[guide_id]
        assert dialog.isVisible() and dialog.heading.text() == texts.guide_title(guide_id)
        assert dialog.body.markdown() == texts.guide_body(guide_id)
        dialog.close()
    for flow in catalog.flows.values():
        paths = outcome_paths(flow)
        target = next((o for o in paths if flow.node(o).guides), None)
        if target:
            break
    else:
        pytest.fail("no outcome links a guide")
    start_flow(window, flow.id)
    replay(window, paths[target])
    view = window.flow_page.view
    guide_id = flow.node(target).guides[0]
    click(view.guide_buttons[guide_id])
    assert window._guides[guide_id].isVisible()
    window.set_language("zh-CN")  # open guides follow the language too
    assert window._guides[guide_id].heading.text() == Texts(catalog, "zh-CN").guide_title(guide_id)


def test_about_box(make_window, catalog, dialogs):
    window = make_window("en")
    window.about_action.trigger()
    assert dialogs.names()[-1] == "about_dialog"


def reach_email_outcome(window, catalog):
    for flow_id, flow in catalog.flows.items():
        for outcome_id, answers in outcome_paths(flow).items():
            if flow.node(outcome_id).outcome in (OutcomeKind.ESCALATE, OutcomeKind.URGENT):
                start_flow(window, flow_id)
                replay(window, answers)
                return window.flow_page.view
    pytest.fail("no escalate or urgent outcome")


def test_urgent_outcome_is_distinct(make_window, catalog):
    window = make_window("en")
    for flow_id, flow in catalog.flows.items():
        urgent = [o for o, a in outcome_paths(flow).items() if flow.node(o).outcome is OutcomeKind.URGENT]
        if urgent:
            start_flow(window, flow_id)
            replay(window, outcome_paths(flow)[urgent[0]])
            view = window.flow_page.view
            assert view.banner.isVisible() and view.title.parent() is view.banner
            assert view.kicker.text() == Texts(catalog, "en").ui("outcome.urgent")
            return
    pytest.fail("no urgent outcome in the current content")


def test_prepare_email_opens_the_review_page(make_window, catalog):
    window = make_window("en")
    view = reach_email_outcome(window, catalog)
    click(view.email_button)
    page = window.stack.currentWidget()
    assert page is not window.flow_page and page.objectName() == "review_page"
    page.closed.emit()
    assert window.stack.currentWidget() is window.flow_page


def test_crash_log_withholds_details_when_the_secret_check_cannot_run(monkeypatch):
    from assistant.ui import crash

    def broken(text, **_):
        raise RuntimeError("scanner unavailable")

    monkeypatch.setattr("assistant.secrets.scan.find_secrets", broken)
    phrase = "legal winner thank year wave sausage worth useful legal winner thank yellow"
    assert crash.scrub(f"Traceback: value={phrase!r}") == crash.WITHHELD


def test_failure_to_build_the_draft_shows_one_error(make_window, catalog, dialogs, monkeypatch):
    import assistant.ui.pages.review as review

    def broken(*_args, **_kwargs):
        raise AssistantError("template problem")

    monkeypatch.setattr(review, "ReviewPage", broken)
    window = make_window("en")
    view = reach_email_outcome(window, catalog)
    click(view.email_button)
    assert dialogs.boxes[-1] == ("error_dialog", Texts(catalog, "en").ui("error.message"), "template problem")
    assert window.stack.currentWidget() is window.flow_page


def test_uncaught_error_gives_one_dialog_a_scrubbed_log_and_the_window_keeps_working(make_window, catalog, dialogs):
    from assistant.paths import log_dir
    from assistant.ui.crash import CrashHandler

    window = make_window("en")
    texts = Texts(catalog, "en")
    handler = CrashHandler(lambda: window, lambda: (texts.ui("crash.title"), texts.ui("crash.message"),
                                                    texts.ui("crash.log_saved")))
    phrase = "abandon ability able about above absent absorb abstract absurd abuse access accident"
    try:
        raise RuntimeError(f"boom while handling {phrase}")
    except RuntimeError:
        handler.handle(*sys.exc_info())
    assert dialogs.boxes[-1][:2] == ("crash_dialog", texts.ui("crash.message"))
    logs = list(log_dir().glob("crash-*.log"))
    assert logs == [handler.last_log]
    written = logs[0].read_text(encoding="utf-8")
    assert "RuntimeError" in written
    try:
        import assistant.secrets.scan  # noqa: F401
    except ImportError:
        pass
    else:
        assert "abandon ability" not in written
    start_flow(window, next(iter(catalog.flows)))  # still usable
    assert window.flow_page.view.node.kind is NodeKind.QUESTION


def test_excepthook_catches_errors_raised_in_slots(make_window, catalog, dialogs, qtbot):
    from assistant.ui.crash import CrashHandler

    window = make_window("en")
    handler = CrashHandler(lambda: window, lambda: ("t", "m", "{path}"))

    def explode() -> None:
        raise ValueError("slot failed")

    window.home.resume_button.clicked.connect(explode)
    window.home.set_resume_available(True)
    with qtbot.capture_exceptions() as leaked:
        handler.install()  # over pytest-qt's own hook, for this block only
        try:
            click(window.home.resume_button)
        finally:
            handler.uninstall()
    assert not leaked
    assert dialogs.names()[-1] == "crash_dialog" and handler.last_log is not None
    assert "slot failed" in handler.last_log.read_text(encoding="utf-8")
