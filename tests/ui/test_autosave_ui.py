"""Autosave in the window: every step is saved, a restart offers to resume, broken saves never crash."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from assistant.paths import user_data_dir
from assistant.storage.autosave import AutosaveStore, LoadStatus
from assistant.ui.autosave_binding import AutosaveBinding
from tests.ui.driver import answer_once, picker, start_flow


def bind(window):
    window.autosave = AutosaveBinding(window)
    return window.autosave


def test_each_answer_is_saved_and_a_restart_resumes_at_the_same_node(make_window):
    window = make_window("zh-CN")
    bind(window)
    start_flow(window, "pending_transaction")
    answer_once(window, picker("last"))
    answer_once(window, picker("first"))
    state = AutosaveStore().load().state
    assert [a[0] for a in state["answers"]] == [e.node_id for e in window.session.path]
    node_before = window.session.current.id

    restarted = make_window("zh-CN")
    assert not restarted.home.resume_button.isVisible()
    bind(restarted)
    assert restarted.home.resume_button.isVisible()
    restarted.home.resume_button.click()
    assert restarted.session is not None and restarted.session.current.id == node_before
    assert [e.node_id for e in restarted.session.path] == [a[0] for a in state["answers"]]


def test_a_corrupt_save_is_put_aside_with_a_notice(make_window):
    store = AutosaveStore()
    store.folder.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{ not json", encoding="utf-8")
    window = make_window("en")
    bind(window)
    assert "could not be read" in window.statusBar().currentMessage()
    assert store.load().status is LoadStatus.NONE
    assert list(store.folder.glob("session.json.unreadable-*"))


def test_a_save_that_no_longer_fits_the_content_is_put_aside(make_window):
    store = AutosaveStore()
    store.save({"format": 1, "flow": "pending_transaction", "answers": [["no_such_node", "yes"]]}, "en")
    window = make_window("en")
    bind(window)
    window.home.resume_requested.emit()
    assert window.session is None
    assert "no longer matches" in window.statusBar().currentMessage()


def test_start_over_discards_the_saved_session(make_window):
    window = make_window("en")
    bind(window)
    start_flow(window, "lost_wallet")
    answer_once(window, picker("first"))
    assert AutosaveStore().load().status is LoadStatus.OK
    window.start_over_action.trigger()
    assert AutosaveStore().load().status is LoadStatus.NONE


def test_start_over_after_a_restart_forgets_the_save_it_offered(make_window):
    window = make_window("en")
    bind(window)
    start_flow(window, "lost_wallet")
    answer_once(window, picker("first"))
    restarted = make_window("en")  # the app opened again: "continue where you left off" is offered
    bind(restarted)
    assert restarted.home.resume_button.isVisible() and restarted.session is None
    restarted.start_over_action.trigger()  # from the home page, before resuming anything
    assert not restarted.home.resume_button.isVisible()
    assert AutosaveStore().load().status is LoadStatus.NONE


def test_delete_my_data_removes_saves_logs_and_cache(make_window, monkeypatch):
    window = make_window("en")
    binding = bind(window)
    start_flow(window, "login_failure")
    answer_once(window, picker("first"))
    (user_data_dir() / "logs").mkdir(parents=True, exist_ok=True)
    (user_data_dir() / "logs" / "crash.log").write_text("x", encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    binding.delete_action.trigger()
    assert not AutosaveStore().folder.exists()
    assert not (user_data_dir() / "logs").exists()
    assert "deleted" in window.statusBar().currentMessage()


def test_the_delete_action_is_translated_with_the_window(make_window):
    window = make_window("en")
    binding = bind(window)
    assert binding.delete_action.text() == "Delete my data…"
    window.set_language("zh-CN")
    assert binding.delete_action.text() == "删除我的数据…"


def test_attachments_survive_a_restart_with_the_session(make_window, tmp_path):
    import io

    from PIL import Image

    from assistant.flows.model import OutcomeKind
    from tests.ui.driver import walk_until

    picture = tmp_path / "转账详情.png"
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "PNG")
    picture.write_bytes(buffer.getvalue())

    window = make_window("zh-CN")
    bind(window)
    start_flow(window, "pending_transaction")
    assert walk_until(window, picker("last"), lambda n: n.outcome in (OutcomeKind.ESCALATE, OutcomeKind.URGENT))
    window._on_prepare_email()
    page = window._side_page
    assert page.add_attachment_files([str(picture)]) == []

    restarted = make_window("zh-CN")
    bind(restarted)
    restarted.home.resume_button.click()
    restarted._on_prepare_email()
    names = [a.filename for a, _included in restarted._side_page.review.files.entries]
    assert names == ["转账详情.png"]


def test_email_edits_survive_a_restart(make_window, qtbot):
    from assistant.flows.model import OutcomeKind
    from tests.ui.driver import walk_until

    window = make_window("en")
    bind(window)
    start_flow(window, "lost_wallet")
    assert walk_until(window, picker("first"), lambda n: n.outcome in (OutcomeKind.ESCALATE, OutcomeKind.URGENT))
    window._on_prepare_email()
    page = window._side_page
    page.body_edit.appendPlainText("I also reported it to the police, case 2026-1187.")
    qtbot.waitUntil(lambda: "case 2026-1187" in AutosaveStore().load_review().get("body", ""), timeout=3000)

    restarted = make_window("en")
    bind(restarted)
    restarted.home.resume_button.click()
    restarted._on_prepare_email()
    assert "case 2026-1187" in restarted._side_page.body_edit.toPlainText()


def test_detail_ticks_and_the_email_language_survive_a_restart(make_window, qtbot):
    from PySide6.QtCore import Qt

    from assistant.flows.model import OutcomeKind
    from tests.ui.driver import walk_until

    window = make_window("zh-CN")
    bind(window)
    start_flow(window, "pending_transaction")
    assert walk_until(window, picker("last"), lambda n: n.outcome in (OutcomeKind.ESCALATE, OutcomeKind.URGENT))
    window._on_prepare_email()
    page = window._side_page
    name, item = next(iter(page.detail_items.items()))
    item.setCheckState(Qt.CheckState.Unchecked)
    page.set_email_locale("zh-TW")
    qtbot.waitUntil(lambda: AutosaveStore().load_review().get("excluded") == [name], timeout=3000)

    restarted = make_window("zh-CN")
    bind(restarted)
    restarted.home.resume_button.click()
    restarted._on_prepare_email()
    page = restarted._side_page
    assert page.detail_items[name].checkState() == Qt.CheckState.Unchecked
    assert page.language_box.currentData() == "zh-TW" and page.body_edit.toPlainText() == page.review.body
    assert page.review.excluded == {name}
