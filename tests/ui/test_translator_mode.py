"""Translator mode: jump anywhere, side by side, email preview, diagnostics that open files, live reload,
a language added by files alone, and the pseudo-locale."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices

from assistant.content.catalog import load_catalog
from assistant.i18n.pseudo import PSEUDO_CODE
from assistant.ui.translator.window import UNIT_ROLE


def append(path: Path, text: str) -> None:
    old = path.read_text(encoding="utf-8")
    path.write_text(old + ("\n" if not old.endswith("\n") else "") + text, encoding="utf-8")


def save_by_rename(path: Path, text: str) -> None:
    """Save the way many editors do: write a temporary file, then rename it over the original."""
    tmp = path.with_name(f".{path.name}.swp.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def reload(qtbot, window) -> None:
    """Reload the way the button does (in a worker) and wait until the window shows the result."""
    with qtbot.waitSignal(window.reloaded, timeout=30000):
        window.reload()


@pytest.fixture
def content(content_copy, monkeypatch):
    append(content_copy / "locales" / "zh-CN" / "ui.toml", '[wsa_test]\ntitle = "测试标题"\nbody = "第一句。"\n')
    append(content_copy / "locales" / "en" / "ui.toml", '[wsa_test]\ntitle = "Test title"\nbody = "First <b>bold</b>."\n')
    monkeypatch.setenv("WSA_CONTENT_DIR", str(content_copy))
    return content_copy


@pytest.fixture
def opened(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: calls.append(url.toLocalFile()) or True)
    return calls


@pytest.fixture
def window(qtbot, content):
    from assistant.ui.translator.window import TranslatorWindow

    win = TranslatorWindow(parent=None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_jump_to_any_node_in_any_locale_side_by_side(window, content):
    catalog = load_catalog(content)
    flow = next(iter(catalog.flows.values()))
    node = list(flow.nodes)[-1]
    unit = f"{flow.id}.nodes.{node}"
    assert window.select_unit(unit, "en")
    assert window.locale == "en" and window.compare == catalog.source_locale
    zh_title = catalog.texts[catalog.source_locale].get(f"{unit}.title")
    en_title = catalog.texts["en"].get(f"{unit}.title")
    if zh_title:
        assert zh_title.value in window.side_view.column_text(0)
    if en_title:
        assert en_title.value in window.side_view.column_text(1)
    assert window.tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1) == unit


def test_email_preview_uses_sample_data(window, content):
    if not load_catalog(content).flows:
        pytest.fail("no enabled flow in the shipped content")
    window.select_unit("ui.wsa_test", "en")
    text = window.email_view.toPlainText()
    assert "WSA-1A2B3C" in text and text.startswith(window.ui("translator.subject"))


def test_missing_translation_shows_fallback_note(qtbot, window, content):
    append(content / "locales" / "zh-CN" / "ui.toml", '[wsa_only_source]\ntitle = "只有源文"\n')
    reload(qtbot, window)
    window.select_unit("ui.wsa_only_source", "en")
    assert "只有源文" in window.side_view.column_text(1)
    assert window.ui("translator.missing", fallback="简体中文")[:10] in window.side_view.column_text(1)


def test_diagnostics_click_opens_file_and_jumps(qtbot, window, content, opened):
    window.select_unit("ui.nav" if "ui.nav" in window.catalog.unit_hashes else "ui.wsa_test", "en")
    tree = window.diagnostics.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    row = next(r for r in rows if r.text(2) == "E040")
    en_ui = content / "locales" / "en" / "ui.toml"
    assert row.text(0).startswith("content/locales/en/ui.toml:")
    tree.scrollToItem(row)
    rect = tree.visualItemRect(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, rect.center().y()))
    assert opened == [str(en_ui)]
    window.diagnostics._on_clicked(row, 3)
    assert window.unit == "ui.wsa_test"


def test_live_reload_after_save_by_rename(qtbot, window, content):
    window.select_unit("ui.wsa_test", "en")
    en_ui = content / "locales" / "en" / "ui.toml"
    start = window.reload_count
    save_by_rename(en_ui, en_ui.read_text(encoding="utf-8").replace("Test title", "Renamed save one"))
    qtbot.waitUntil(lambda: "Renamed save one" in window.side_view.column_text(1), timeout=30000)
    assert window.unit == "ui.wsa_test" and window.locale == "en"
    # the watcher must still see the file after it was replaced by a rename
    save_by_rename(en_ui, en_ui.read_text(encoding="utf-8").replace("Renamed save one", "Renamed save two"))
    qtbot.waitUntil(lambda: "Renamed save two" in window.side_view.column_text(1), timeout=30000)
    assert window.reload_count >= start + 2


def test_accept_button_refuses_a_unit_with_errors_then_writes_lock(qtbot, window, content):
    window.select_unit("ui.wsa_test", "en")
    assert window.accept_button.isEnabled()
    qtbot.mouseClick(window.accept_button, Qt.MouseButton.LeftButton)  # the planted <b> is an error (E040)
    path = content / "locales" / "en" / "ui.toml"
    assert "lock =" not in path.read_text(encoding="utf-8").split("[wsa_test]")[1]
    assert "E040" in window.statusBar().currentMessage()
    path.write_text(path.read_text(encoding="utf-8").replace("First <b>bold</b>.", "First **bold**."), encoding="utf-8")
    reload(qtbot, window)
    window.select_unit("ui.wsa_test", "en")
    qtbot.mouseClick(window.accept_button, Qt.MouseButton.LeftButton)
    text = path.read_text(encoding="utf-8")
    assert f'[wsa_test]\nlock = "{window.catalog.unit_hashes["ui.wsa_test"]}"' in text


def test_tree_marks_units_and_searches_their_text(window):
    window.select_unit("ui.wsa_test", "en")
    item = next(item for _top, item in window._items() if item.data(0, UNIT_ROLE) == "ui.wsa_test")
    assert item.text(0).endswith("✗")  # the raw HTML error
    window.filter_edit.setText("first <b>")  # a word of the text, not of the id
    visible = [i.data(0, UNIT_ROLE) for _t, i in window._items() if not i.isHidden()]
    assert visible == ["ui.wsa_test"]


def test_diagnostics_list_errors_first(window):
    severities = [str(p.severity) for p in window.diagnostics.visible()]
    shown = [window.diagnostics.tree.topLevelItem(i).text(1) for i in range(window.diagnostics.tree.topLevelItemCount())]
    assert shown == sorted(shown, key=lambda s: s != "error") and len(shown) == len(severities)


def test_pseudo_locale_is_offered(window):
    index = window.locale_box.findData(PSEUDO_CODE)
    assert index >= 0
    window.select_unit("ui.wsa_test", PSEUDO_CODE)
    shown = window.side_view.column_text(1)
    assert "Ţéšţ ţíţĺé" in shown and "~" in shown


def _add_private_use_locale(content: Path) -> None:
    shutil.copytree(content / "locales" / "en", content / "locales" / "qaa")
    append(content / "locales.toml", '[locales.qaa]\nname = "Testisch"\nfallback = ["en", "zh-CN"]\n')


def test_new_locale_by_files_appears_in_translator_window(qtbot, content):
    from assistant.ui.translator.window import TranslatorWindow

    _add_private_use_locale(content)
    win = TranslatorWindow()
    qtbot.addWidget(win)
    assert win.locale_box.findData("qaa") >= 0
    assert "Testisch (qaa)" in [win.locale_box.itemText(i) for i in range(win.locale_box.count())]


def test_new_locale_by_files_appears_in_language_menu(qtbot, content, make_window):
    _add_private_use_locale(content)
    window = make_window("en", content=load_catalog(content))
    actions = window.language_actions
    assert "qaa" in actions and actions["qaa"].text() == "Testisch"
    actions["qaa"].trigger()
    assert window.texts.locale == "qaa"


def test_main_window_opens_translator_mode(qtbot, content, make_window):
    window = make_window("en", content=load_catalog(content))
    action = window.translator_action
    action.trigger()
    from assistant.ui.translator.window import TranslatorWindow

    opened = window.findChild(TranslatorWindow)
    assert opened is not None and opened.isVisible()
    assert opened.windowTitle() == opened.ui("translator.title")


def test_screenshot(window, tmp_path):
    window.select_unit("ui.wsa_test", "en")
    path = tmp_path / "translator.png"
    assert window.grab().save(str(path)) and path.stat().st_size > 1000


def test_opens_on_the_translators_locale(qtbot, content):
    from assistant.ui.translator.window import TranslatorWindow

    win = TranslatorWindow(parent=None, ui_locale="zh-TW")
    qtbot.addWidget(win)
    assert win.locale == "zh-TW"
    source = TranslatorWindow(parent=None, ui_locale="zh-CN")  # the source language: compare with a translation
    qtbot.addWidget(source)
    assert source.locale == "en"


def test_side_by_side_rows_stay_aligned(qtbot, window, content):
    """Each key is one row: its source and its translation side by side, however long either is."""
    append(content / "locales" / "zh-CN" / "ui.toml", '[wsa_rows]\nlong = "很长的源文。' + "句子。" * 80 + '"\nshort = "短"\n')
    append(content / "locales" / "en" / "ui.toml", '[wsa_rows]\nlong = "Long one."\nshort = "Short but ' + "longer " * 60 + '"\n')
    reload(qtbot, window)
    window.select_unit("ui.wsa_rows", "en")
    rows = window.side_view.rows()[1:]  # the heading row first
    assert [row[0].split("\n")[0] for row in rows] == ["ui.wsa_rows.long", "ui.wsa_rows.short"]
    assert [row[1].split("\n")[0] for row in rows] == ["ui.wsa_rows.long", "ui.wsa_rows.short"]
    assert "很长的源文" in rows[0][0] and "Long one." in rows[0][1]
    assert "短" in rows[1][0] and "Short but longer" in rows[1][1]


def test_edit_in_place_saves_only_that_value_and_reloads(qtbot, window, content):
    path = content / "locales" / "en" / "ui_translator.toml"
    before = path.read_text(encoding="utf-8")
    window.select_unit("ui_translator.translator", "en")
    window.tabs.setCurrentWidget(window.editor)
    field = window.editor.fields["ui.translator.reload"]
    field.setPlainText("Reload all")
    with qtbot.waitSignal(window.reloaded, timeout=30000):
        qtbot.mouseClick(window.editor.save_button, Qt.MouseButton.LeftButton)
    after = path.read_text(encoding="utf-8")
    assert after == before.replace('reload = "Reload"\n', 'reload = "Reload all"\n')
    assert window.catalog.texts["en"]["ui.translator.reload"].value == "Reload all"  # reloaded
    assert window.unit == "ui_translator.translator" and window.locale == "en"
    assert window.editor.fields["ui.translator.reload"].toPlainText() == "Reload all"


def test_edit_that_breaks_the_unit_is_refused_with_the_reason(qtbot, window, content):
    path = content / "locales" / "en" / "ui_translator.toml"
    before = path.read_bytes()
    window.select_unit("ui_translator.translator", "en")
    window.editor.fields["ui.translator.source_head"].setPlainText("Source: {nmae}")
    assert not window.editor.save()
    assert path.read_bytes() == before
    assert "not saved" in window.editor.message.text() and "nmae" in window.editor.message.text()
    assert window.editor.fields["ui.translator.source_head"].toPlainText() == "Source: {nmae}"  # the edit is kept


def test_email_preview_switches_between_cases(window, content):
    flow = next(iter(window.catalog.flows))
    window.select_unit(f"{flow}.flow", "en")
    preview = window.email_preview
    assert [preview.case_box.itemData(i) for i in range(preview.case_box.count())] == ["normal", "urgent", "exchange"]
    assert preview.case_box.itemText(1) == window.ui("translator.case_urgent")
    shown = {}
    for case in ("normal", "urgent", "exchange"):
        preview.set_case(case)
        shown[case] = window.email_view.toPlainText()
        assert shown[case].startswith(window.ui("translator.subject")) and "WSA-1A2B3C" in shown[case]
    assert len(set(shown.values())) == 3  # three different emails


def test_reload_runs_in_a_worker_with_a_visible_busy_state(qtbot, window, content):
    """The window keeps answering while content is re-read and checked, shows that it is busy, and folds saves
    made meanwhile into one more run, so the last save is what it shows."""
    window.select_unit("ui.wsa_test", "en")
    en_ui = content / "locales" / "en" / "ui.toml"
    window.watcher.blockSignals(True)  # only the reloads asked for below, not the watcher's after the save
    start = window.reload_count
    window.reload()
    assert window.busy and window.busy_bar.isVisibleTo(window) and not window.reload_button.isEnabled()
    assert window.statusBar().currentMessage() == window.ui("translator.reloading")
    assert not window.editor.isEnabled()  # no save against the content being replaced
    en_ui.write_text(en_ui.read_text(encoding="utf-8").replace("Test title", "Saved while busy"), encoding="utf-8")
    window.reload()  # two more requests while the first runs: folded into one more run
    window.reload()
    qtbot.waitUntil(lambda: not window.busy, timeout=60000)
    assert window.reload_count == start + 2
    assert "Saved while busy" in window.side_view.column_text(1)
    assert window.reload_button.isEnabled() and window.editor.isEnabled() and not window.busy_bar.isVisibleTo(window)


def test_a_reload_that_fails_says_why_and_keeps_what_was_shown(qtbot, window, content, monkeypatch):
    import assistant.ui.translator.reloader as reloader

    def broken(*_args, **_kwargs):
        raise OSError("content/locales/en/ui.toml: permission denied")

    monkeypatch.setattr(reloader, "load_catalog", broken)
    window.select_unit("ui.wsa_test", "en")
    catalog = window.catalog
    with qtbot.waitSignal(window.reloader.failed, timeout=30000):
        window.reload()
    assert window.catalog is catalog and window.unit == "ui.wsa_test"
    assert "permission denied" in window.statusBar().currentMessage()
    assert window.reload_button.isEnabled()
