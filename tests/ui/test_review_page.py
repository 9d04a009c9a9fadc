"""ReviewPage, driven as a person would: toggle details, paste a phrase, remove it, attach, export."""
from __future__ import annotations

import io
from email import policy
from email.parser import BytesParser

import pytest
from mnemonic import Mnemonic
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from assistant.commands.draft import sample_walk
from assistant.email import exports
from assistant.flows.engine import Session
from assistant.flows.model import OutcomeKind
from assistant.i18n.texts import Texts
from assistant.ui.pages.review import ReviewPage
from tests.seeded import random_bytes


def walk_to_escalation(catalog, flow_id="pending_transaction", want=None) -> Session:
    """Walk the flow generically (any node ids) to its escalate outcome with sample public values."""
    session = Session(catalog.flows[flow_id])
    assert sample_walk(session, targets=(OutcomeKind.ESCALATE,), want=want)
    assert session.current.outcome is OutcomeKind.ESCALATE
    return session


@pytest.fixture
def asked(monkeypatch):
    """Record every confirmation question; answer with `asked.answer` (yes by default)."""
    class Asked(list):
        answer = True

    record = Asked()

    def confirm(self, title, question):
        record.append((title, question))
        return record.answer

    monkeypatch.setattr(ReviewPage, "confirm", confirm)
    return record


@pytest.fixture
def page(qtbot, catalog, asked):
    widget = ReviewPage(catalog, "zh-CN", walk_to_escalation(catalog))
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def parse(path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def body_of(msg) -> str:
    return msg.get_body(("plain",)).get_content().replace("\r\n", "\n")


def paste(qtbot, page, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    page.body_edit.setFocus()
    page.body_edit.moveCursor(page.body_edit.textCursor().MoveOperation.End)
    page.body_edit.paste()


def detail_with_kind(page, kind: str):
    return next(d for d in page.review.draft.details if d.kind == kind)


def toggle(page, name: str) -> None:
    """Click the tick box of a detail, as a person would."""
    item = page.detail_items[name]
    rect = page.details_list.visualItemRect(item)
    page.details_list.scrollToItem(item)
    box = QPoint(rect.left() + rect.height() // 2, rect.center().y())
    QTest.mouseClick(page.details_list.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, box)


def ticked(page, name: str) -> bool:
    return page.detail_items[name].checkState() == Qt.CheckState.Checked


def test_unticking_a_detail_takes_it_out_of_the_body(page, qtbot):
    tx = detail_with_kind(page, "tx_hash")
    assert tx.value in page.body_edit.toPlainText()
    toggle(page, tx.name)
    assert not ticked(page, tx.name)
    assert tx.value not in page.body_edit.toPlainText()
    toggle(page, tx.name)
    assert ticked(page, tx.name)
    assert tx.value in page.body_edit.toPlainText()


def test_manual_edits_are_kept_unless_the_person_agrees(page, asked):
    page.body_edit.appendPlainText("我的补充说明")
    tx = detail_with_kind(page, "tx_hash")
    asked.answer = False
    toggle(page, tx.name)
    assert asked and "我的补充说明" in page.body_edit.toPlainText()
    assert ticked(page, tx.name) and tx.name not in page.review.excluded
    asked.answer = True
    toggle(page, tx.name)
    assert "我的补充说明" not in page.body_edit.toPlainText() and tx.value not in page.body_edit.toPlainText()


def test_pasted_phrase_is_explained_blocks_export_and_goes_in_one_click(page, qtbot, tmp_path):
    phrase = Mnemonic("english").to_mnemonic(random_bytes(16))
    paste(qtbot, page, f"\n客服让我填的：{phrase}\n")
    assert not page.secret_box.isHidden()
    assert page.review.hits and str(page.review.hits[0].finding.kind) == "mnemonic"
    texts = Texts(page.catalog, "zh-CN")
    shown = " ".join(w.text() for w in page.secret_box.findChildren(type(page.intro)))
    assert texts.ui("review.secret.why.mnemonic") in shown and texts.ui("review.secret.intro") in shown
    assert phrase not in shown

    target = tmp_path / "draft.eml"
    assert page.export_eml(target) is False
    assert not target.exists()
    assert page.error.text() == texts.ui("review.secret.blocked")
    assert page.copy_to_clipboard() is False and phrase in QGuiApplication.clipboard().text()  # clipboard untouched

    qtbot.mouseClick(page.secret_box.findChild(QPushButton, "secret_remove_0"), Qt.MouseButton.LeftButton)
    body = page.body_edit.toPlainText()
    assert phrase not in body and texts.ui("review.secret.removed") in body
    assert page.secret_box.isHidden() and not page.review.hits
    page.body_edit.undo()  # the removed words are not in the undo history either
    assert phrase not in page.body_edit.toPlainText()

    assert page.export_eml(target) is True
    msg = parse(target)
    assert msg["X-Unsent"] == "1" and msg["To"] == page.to_edit.text() and msg["Subject"] == page.subject_edit.text()
    assert body_of(msg) == exports.clean_body(page.body_edit.toPlainText())


def test_a_phrase_in_the_subject_or_recipient_is_caught_too(page, tmp_path):
    phrase = Mnemonic("chinese_simplified").to_mnemonic(random_bytes(16))
    page.subject_edit.setText(page.subject_edit.text() + " 助记词：" + phrase)
    assert any(h.part.name == "subject" for h in page.review.hits)
    assert page.export_txt(tmp_path / "a.txt") is False and not (tmp_path / "a.txt").exists()
    page.remove_hit(0)
    page.subject_edit.undo()
    assert phrase not in page.subject_edit.text()
    assert not page.review.hits and page.export_txt(tmp_path / "a.txt") is True


def test_ambiguous_hex_can_be_kept_as_a_transaction_hash(page, tmp_path):
    value = random_bytes(32).hex()
    paste(None, page, f"\n另外还有这个：{value}\n")  # no transaction label: the firewall asks
    assert page.review.hits and not page.review.hits[0].blocking
    page.findChild(QPushButton, "secret_keep_0").click()
    assert not page.review.hits and value in page.body_edit.toPlainText()
    assert page.export_eml(tmp_path / "a.eml") is True


def test_lookalike_recipient_warns_and_asks_before_any_export(page, asked, tmp_path):
    page.to_edit.setText("help@tokenpocket-support.com")
    assert not page.recipient_warning.isHidden() and "tokenpocket-support.com" in page.recipient_warning.text()
    asked.answer = False
    assert page.export_txt(tmp_path / "a.txt") is False and not (tmp_path / "a.txt").exists()
    assert asked and "tokenpocket-support.com" in asked[-1][1]
    asked.answer = True
    assert page.export_txt(tmp_path / "a.txt") is True
    page.to_edit.setText("service@tokenpocket.pro")
    assert page.recipient_warning.isHidden()


def test_screenshot_is_cleaned_listed_and_needs_the_checklist(page, tmp_path, qtbot):
    img = Image.new("RGB", (64, 48), "teal")
    exif = Image.Exif()
    exif.get_ifd(0x8825)[2] = (31.0, 14.0, 22.5)
    src = tmp_path / "截图.jpg"
    img.save(src, "JPEG", exif=exif.tobytes())
    assert page.add_attachment_files([str(src)]) == []
    assert page.attach_list.list.count() == 1
    assert "截图.jpg" in page.body_edit.toPlainText()
    qtbot.waitUntil(lambda: not page.review.pictures.pending(page.included_files()))
    target = tmp_path / "with_picture.eml"
    assert page.export_eml(target) is False and not target.exists()
    assert page.error.text() == Texts(page.catalog, "zh-CN").ui("review.attach.checklist_needed")
    page.checklist_box.setChecked(True)
    assert page.export_eml(target) is True
    part = next(parse(target).iter_attachments())
    assert part.get_filename() == "截图.jpg"
    with Image.open(io.BytesIO(part.get_payload(decode=True))) as sent:
        assert not sent.getexif()
    page.attach_list.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert "截图.jpg" not in page.body_edit.toPlainText() and page.included_files() == ()


def test_refused_file_shows_a_clear_message(page, tmp_path):
    bad = tmp_path / "statement.pdf"
    bad.write_bytes(b"%PDF-1.7")
    problems = page.add_attachment_files([str(bad)])
    assert problems and "statement.pdf" in problems[0] and page.error.text() == problems[0]


def test_mail_app_gets_a_short_link_and_the_clipboard_the_full_body(page, monkeypatch):
    opened = []
    monkeypatch.setattr(ReviewPage, "open_url", lambda self, url: opened.append(url) or True)
    page.bilingual_box.setChecked(True)  # zh + en: far longer than a mail link may be
    assert page.open_mail_app() is True
    assert opened[-1].startswith("mailto:service@tokenpocket.pro?subject=") and len(opened[-1]) <= 2000
    assert QGuiApplication.clipboard().text() == exports.clean_body(page.body_edit.toPlainText())
    assert page.status.text() == Texts(page.catalog, "zh-CN").ui("review.status_mailto_short")


def test_copy_pdf_and_failed_save(page, tmp_path):
    assert page.copy_to_clipboard() is True
    assert QGuiApplication.clipboard().text().startswith("To: service@tokenpocket.pro\nSubject: ")
    pdf = tmp_path / "request.pdf"
    assert page.export_pdf(pdf) is True and pdf.read_bytes().startswith(b"%PDF")
    body = page.body_edit.toPlainText()
    assert page.export_eml(tmp_path / "missing" / "x.eml") is False
    assert "missing" in page.error.text() and page.body_edit.toPlainText() == body


def test_email_language_bilingual_and_ui_language_are_separate(page):
    page.set_email_locale("en")
    assert page.body_edit.toPlainText().startswith("Hello")
    assert page.heading.text() == Texts(page.catalog, "zh-CN").ui("review.title")
    page.retranslate("en")
    assert page.heading.text() == Texts(page.catalog, "en").ui("review.title")
    assert page.body_edit.toPlainText().startswith("Hello")
    page.set_email_locale("zh-CN")
    page.bilingual_box.setChecked(True)
    body = page.body_edit.toPlainText()
    assert body.startswith("尊敬的") and "Hello" in body
    page.retranslate(Texts(page.catalog, "zh-CN"))  # the main window passes a Texts
    assert page.heading.text() == Texts(page.catalog, "zh-CN").ui("review.title")


def test_close_signal(page, qtbot):
    with qtbot.waitSignal(page.closed, timeout=1000):
        page.close_button.click()


def test_exchange_request_asks_for_the_exchange_address(qtbot, catalog, asked, tmp_path):
    def exchange(node):
        return node.outcome is OutcomeKind.ESCALATE and node.recipient == "exchange"

    flow = next((f for f in catalog.flows.values() if any(exchange(n) for n in f.nodes.values())), None)
    if flow is None:
        pytest.skip("no exchange escalation in the shipped content")
    widget = ReviewPage(catalog, "en", walk_to_escalation(catalog, flow.id, want=exchange))
    qtbot.addWidget(widget)
    assert widget.to_edit.text() == "" and not widget.exchange_hint.isHidden()
    assert Texts(catalog, "en").ui("review.recipient.empty") in widget.recipient_warning.text()
    widget.to_edit.setText("support@exchange.example")
    assert widget.export_txt(tmp_path / "x.txt") is True
    assert "official website" in asked[-1][1]


def test_escape_asks_before_throwing_away_edits(page, qtbot, monkeypatch):
    from PySide6.QtCore import Qt as _Qt

    asked_titles = []
    monkeypatch.setattr(ReviewPage, "confirm", lambda self, title, q: asked_titles.append(title) or False)
    page.body_edit.setFocus()
    page.body_edit.appendPlainText("补充：交易所客服让我等 24 小时。")
    closed = []
    page.closed.connect(lambda: closed.append(True))
    QTest.keyClick(page.body_edit, _Qt.Key.Key_Escape)
    assert asked_titles == [page.texts.ui("review.leave_title")] and closed == []
    assert "交易所客服让我等 24 小时" in page.body_edit.toPlainText()


def test_tab_leaves_the_body_instead_of_typing_a_tab(page):
    from PySide6.QtCore import Qt as _Qt

    before = page.body_edit.toPlainText()
    page.body_edit.setFocus()
    QTest.keyClick(page.body_edit, _Qt.Key.Key_Tab)
    assert page.body_edit.toPlainText() == before and "\t" not in page.body_edit.toPlainText()
