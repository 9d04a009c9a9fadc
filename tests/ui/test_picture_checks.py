"""The review page reads attached pictures on a worker thread: a busy bar while it reads, a phrase picture named
with a Remove button, an unreadable one with a confirmation tick; the .eml waits for all of them. The OCR engine is
replaced by readings given here (tests/vision reads real pictures with the real engine)."""
from __future__ import annotations

import threading

import pytest
from PIL import Image

from assistant.i18n.texts import Texts
from assistant.ui.pages.review import ReviewPage
from assistant.vision.engine import Line, Reading, ReadStatus
from tests.ui.test_review_page import asked, walk_to_escalation  # noqa: F401 - `asked` is a fixture
from tests.vision.screens import phrase_words

WORDS = phrase_words("english", 12, 71)
PHRASE_LINES = tuple(Line(f"{n}. {w}", (40 + 340 * ((n - 1) // 6), 300 + 70 * ((n - 1) % 6), 300 + 340 * ((n - 1) // 6),
                                        330 + 70 * ((n - 1) % 6)), 0.97) for n, w in enumerate(WORDS, 1))


class Readings:
    """Reads a picture by its width: 100 px shows a phrase, 200 px cannot be read, others are a plain screen.
    `gate` holds the reading back until the test lets it go, so the busy state can be seen."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self, data: bytes) -> Reading:
        import io

        self.gate.wait(10)
        width = Image.open(io.BytesIO(data)).width
        if width == 100:
            return Reading(ReadStatus.READ, PHRASE_LINES)
        if width == 200:
            return Reading(ReadStatus.FAILED, reason="test")
        return Reading(ReadStatus.READ, (Line("Transaction Details", (40, 80, 400, 120), 0.99),))


@pytest.fixture
def readings(monkeypatch):
    fake = Readings()
    monkeypatch.setattr(ReviewPage, "recogniser", staticmethod(fake))
    return fake


@pytest.fixture
def page(qtbot, catalog, asked, readings):  # noqa: F811
    widget = ReviewPage(catalog, "en", walk_to_escalation(catalog))
    qtbot.addWidget(widget)
    widget.resize(900, 900)
    widget.show()
    widget.checklist_box.setChecked(True)
    return widget


def png(tmp_path, name: str, width: int) -> str:
    path = tmp_path / name
    Image.new("RGB", (width, 80), "white").save(path)
    return str(path)


def test_the_page_is_busy_while_pictures_are_read_and_the_eml_waits(page, readings, qtbot, tmp_path):
    readings.gate.clear()
    page.add_attachment_files([png(tmp_path, "transfer.png", 300)])
    panel = page.attach_group.pictures
    assert panel.busy.isVisible() and "0 of 1" in panel.busy_label.text()
    assert page.export_eml(tmp_path / "out.eml") is False
    assert page.error.text() == Texts(page.catalog, "en").ui("review.attach.ocr.blocked_pending")
    readings.gate.set()
    qtbot.waitUntil(lambda: not panel.busy.isVisible())
    assert "no recovery phrase" in page.attach_list.list.item(0).text()
    assert page.export_eml(tmp_path / "out.eml") is True


def test_a_phrase_picture_is_named_and_removed_with_one_click(page, qtbot, tmp_path):
    page.add_attachment_files([png(tmp_path, "transfer.png", 300), png(tmp_path, "my backup.png", 100)])
    panel = page.attach_group.pictures
    qtbot.waitUntil(lambda: len(panel.refusals) == 1)
    label, button = panel.refusals[0]
    assert "my backup.png" in label.text() and "recovery phrase" in label.text()
    assert not any(w in label.text().split() for w in WORDS)
    assert page.export_eml(tmp_path / "out.eml") is False and not (tmp_path / "out.eml").exists()
    button.click()
    assert [a.filename for a in page.included_files()] == ["transfer.png"]
    assert page.export_eml(tmp_path / "out.eml") is True


def test_an_unreadable_picture_leaves_only_after_the_confirmation_tick(page, qtbot, tmp_path):
    page.add_attachment_files([png(tmp_path, "blurry.png", 200)])
    panel = page.attach_group.pictures
    qtbot.waitUntil(lambda: len(panel.confirmations) == 1)
    box = panel.confirmations[0]
    assert "blurry.png" in box.text()
    assert page.export_eml(tmp_path / "out.eml") is False
    assert page.error.text() == Texts(page.catalog, "en").ui("review.attach.ocr.blocked_unchecked")
    box.setChecked(True)
    assert page.export_eml(tmp_path / "out.eml") is True
