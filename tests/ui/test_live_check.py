"""A long email body is checked for secrets when typing pauses, off the GUI thread; findings still arrive."""
from __future__ import annotations

from mnemonic import Mnemonic

from assistant.ui.pages.review import SYNC_SCAN_CHARS
from tests.seeded import random_bytes
from tests.ui.test_review_page import asked, page, walk_to_escalation  # noqa: F401 - fixtures

FILLER = "提现显示已完成，但钱包里没有到账，交易所客服让我等待。The exchange says it was sent on TRON. "


def test_a_phrase_in_a_long_body_is_found_after_typing_pauses(page, qtbot):  # noqa: F811
    phrase = Mnemonic("english").to_mnemonic(random_bytes(16))
    body = FILLER * (2 * SYNC_SCAN_CHARS // len(FILLER)) + "\nmy words: " + phrase + "\n"
    page.body_edit.setPlainText(body)
    assert page.scan_running()  # deferred: the key that changed the text did not wait for the check
    qtbot.waitUntil(lambda: not page.scan_running() and bool(page.review.hits), timeout=20000)
    assert any(h.part.name == "body" for h in page.review.hits)
    assert page.secret_box.isVisible()


def test_a_result_for_text_that_changed_meanwhile_is_dropped(page):  # noqa: F811
    review = page.review
    version, job = review.scan_job()
    review.set_body(review.body + "\nmore words", scan=False)
    assert review.apply_scan(version, job()) is False
    version, job = review.scan_job()
    assert review.apply_scan(version, job()) is True
