"""The send step's webmail services on screen: a Korean reader sees Naver and Daum first with their own sites and
buttons, a Japanese reader Gmail and Yahoo! JAPAN; switching the UI language reorders them."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from assistant.app.send import Route
from assistant.ui.pages.review import ReviewPage
from tests.ui.test_review_page import asked, walk_to_escalation  # noqa: F401 - the fixture is used by name


@pytest.fixture
def korean_page(qtbot, catalog, asked):  # noqa: F811 - the imported fixture
    widget = ReviewPage(catalog, "ko", walk_to_escalation(catalog))
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    widget.next_button.click()
    widget.send_step.route_buttons[Route.WEBMAIL].click()
    return widget


def radios_in_order(step) -> list[str]:
    grid = step.provider_grid
    placed = [(grid.getItemPosition(grid.indexOf(radio)), pid) for pid, radio in step.provider_buttons.items()]
    return [pid for (_pos, pid) in sorted((pos[:2], pid) for pos, pid in placed)]


def step_text(step, key: str) -> str:
    grid = step.steps_grid  # the steps shown now (an earlier rendering's labels wait for deletion)
    shown = [grid.itemAt(i).widget() for i in range(grid.count())]
    return next(w.text() for w in shown if isinstance(w, QLabel) and w.objectName() == f"send_step_{key}")


def test_korean_reader_sees_naver_and_daum_first_with_their_own_steps(korean_page):
    step = korean_page.send_step
    assert radios_in_order(step)[:3] == ["naver", "daum", "gmail"]
    assert step.provider_buttons["naver"].isChecked() and step.provider_buttons["naver"].text() == "네이버 메일"
    assert "네이버 메일" in step.route_buttons[Route.WEBMAIL].summary()
    assert "mail.naver.com" in step_text(step, "webmail_open")
    assert "'메일 쓰기'" in step_text(step, "webmail_compose")
    step.provider_buttons["daum"].click()
    assert korean_page.send.webmail == "daum"
    assert "mail.daum.net" in step_text(step, "webmail_open")


def test_japanese_ui_puts_gmail_and_yahoo_japan_first(korean_page):
    korean_page.retranslate("ja")
    step = korean_page.send_step
    assert radios_in_order(step)[:3] == ["gmail", "yahoo_japan", "outlook"]
    assert step.provider_buttons["gmail"].isChecked()
    step.provider_buttons["yahoo_japan"].click()
    assert step.provider_buttons["yahoo_japan"].text() == "Yahoo!メール"
    assert "mail.yahoo.co.jp" in step_text(step, "webmail_open")
    assert "Yahoo!メール" in step.route_buttons[Route.WEBMAIL].summary()
