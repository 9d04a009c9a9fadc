"""Autosave in the window: every step is saved, a restart offers to resume, broken saves never crash."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from assistant.autosave import AutosaveStore, LoadStatus
from assistant.paths import user_data_dir
from assistant.ui.autosave_binding import AutosaveBinding

from .driver import answer_once, picker, start_flow


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
