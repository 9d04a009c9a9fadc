"""Hostile input met by the window: the To box refuses hostile recipients without a crash, a broken source template
still opens the review, crash logs are private and scrubbed, the PDF shows what was typed, two windows."""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from assistant.email import exports
from assistant.secrets.guard import Exit
from assistant.storage import lock
from assistant.storage.autosave import AutosaveStore
from assistant.ui.autosave_binding import AutosaveBinding
from assistant.ui.pages.review import ReviewPage
from tests.core.hostile.test_templates import BROKEN, break_templates, finished
from tests.ui.test_review_page import asked, page, walk_to_escalation  # noqa: F401 - fixtures

HOSTILE_TO = ["=?utf-8?b?QmNjOiBldmlsQHguY29t?= <service@tokenpocket.pro>", "service@tokenpocket.pro\nBcc: evil@x.com",
              '"service@tokenpocket.pro" <evil@x.com>', "\u202emoc.x@live"]


@pytest.mark.parametrize("to", HOSTILE_TO)
def test_the_to_box_names_the_fault_and_no_exit_takes_it(page, asked, dialogs, tmp_path, monkeypatch, to):  # noqa: F811
    page.to_edit.setText(to)
    shown = page.recipient_warning.text()
    assert shown and "[review.recipient" not in shown and "name@example.com" in shown
    monkeypatch.setattr(page, "open_url", lambda url: pytest.fail(f"mail app opened with {url}"))
    for export in (lambda: page.export_eml(tmp_path / "a.eml"), lambda: page.export_txt(tmp_path / "a.txt"),
                   lambda: page.export_pdf(tmp_path / "a.pdf"), page.copy_to_clipboard, page.open_mail_app):
        assert export() is False
    assert list(tmp_path.iterdir()) == [] and "crash_dialog" not in dialogs.names()
    assert asked == []  # a refusal is not a question: no "send anyway?" for a To line no export can take
    assert page.error.text() == shown


def test_a_broken_source_template_still_opens_a_usable_review(qtbot, content_copy, asked, dialogs, tmp_path):  # noqa: F811
    catalog = break_templates(content_copy, BROKEN["unclosed"])
    widget = ReviewPage(catalog, "zh-CN", finished(catalog))
    qtbot.addWidget(widget)
    assert "== Details ==" in widget.body_edit.toPlainText() and widget.review.draft.template_fault
    assert widget.export_eml(tmp_path / "a.eml") is True
    assert "crash_dialog" not in dialogs.names()


def test_crash_logs_are_private_and_hold_no_addresses(make_window, catalog, monkeypatch):
    from assistant.paths import log_dir
    from assistant.ui.crash import CrashHandler

    log_dir().mkdir(parents=True)
    log_dir().chmod(0o755)  # as an older version left it
    window = make_window("en")
    handler = CrashHandler(lambda: None, lambda: ("t", "m", "{path}"))
    monkeypatch.setattr(handler, "_show", lambda details: None)
    try:
        raise ValueError("could not send to alex.chen@example.com from 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed "
                         "(tx 0x" + "ab" * 32 + ", TRON TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t)")
    except ValueError:
        handler.handle(*sys.exc_info())
    written = handler.last_log.read_text(encoding="utf-8")
    for personal in ("alex.chen@example.com", "5aAeb6053F3E94C9", "ab" * 32, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"):
        assert personal not in written
    assert "[email]" in written and "[address]" in written and "ValueError" in written
    assert stat.S_IMODE(os.stat(handler.last_log).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(log_dir()).st_mode) == 0o700
    window.close()


def test_the_pdf_shows_direction_controls_and_names_undrawable_emoji(page, tmp_path):  # noqa: F811
    from assistant.ui.pdf import Coverage, document, latin_family

    page.body_edit.setPlainText("file: \u202egpj.exe 42\nHe said “it is stuck” 👍🏽\n")
    text = exports.text_for(page.review.message(), Exit.PDF)
    families = page._pdf_fonts()
    doc = document(text, families)
    plain = doc.toPlainText()
    assert "[U+202E]gpj.exe 42" in plain and "\u202e" not in plain
    if not Coverage([*families]).supports("\U0001F44D"):
        assert "[thumbs up sign]" in plain
    latin = latin_family(families)
    if latin:
        cursor = QTextCursor(doc)
        cursor.setPosition(plain.index("“") + 1)
        assert cursor.charFormat().fontFamilies()[0] == latin
    pdf = tmp_path / "a.pdf"
    assert page.export_pdf(pdf) and pdf.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(pdf).st_mode) == 0o600


def test_a_second_window_says_it_does_not_save_and_leaves_the_first_ones_session(make_window, monkeypatch):
    store = AutosaveStore()
    store.save({"format": 1, "flow": "pending_transaction", "answers": []}, "en")
    before = store.path.read_bytes()
    monkeypatch.setattr(lock, "claim", lambda path: False)  # another running copy owns the folder
    window = make_window("en")
    window.autosave = AutosaveBinding(window)
    assert "already open in another window" in window.statusBar().currentMessage()
    window.start_over_action.trigger()
    assert store.path.read_bytes() == before


HEAD = '{"save_format": 1, "flow": "pending_transaction", "locale": "en", "format": 1, '


@pytest.mark.parametrize("content", [HEAD + '"saved_at": 1e300, "answers": []}', HEAD + '"saved_at": NaN, "answers": []}',
                                     HEAD + '"saved_at": 1, "answers": null}', HEAD + '"saved_at": 1, "answers": 5}'])
def test_a_hostile_autosave_never_reaches_resume(make_window, dialogs, content):
    store = AutosaveStore()
    store.folder.mkdir(parents=True, exist_ok=True)
    store.path.write_text(content, encoding="utf-8")
    window = make_window("en")
    window.autosave = AutosaveBinding(window)
    window.home.resume_requested.emit()
    assert window.session is None and "crash_dialog" not in dialogs.names()
    assert not Path(store.path).exists()
