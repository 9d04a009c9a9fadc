"""The installed `wallet-support-gui` program takes the same options as `wallet-support` (the desktop entry and
people starting it from a terminal pass --locale)."""
import sys

import assistant.cli as cli


def test_the_gui_program_opens_the_window_in_the_language_asked_for(monkeypatch):
    opened = []
    monkeypatch.setattr(cli, "gui_main", lambda locale=None, end_process=False: opened.append((locale, end_process)) or 0)
    monkeypatch.setattr(sys, "argv", ["wallet-support-gui", "--locale", "ja"])
    assert cli.gui_entry() == 0
    monkeypatch.setattr(sys, "argv", ["wallet-support-gui"])
    assert cli.gui_entry() == 0
    assert opened == [("ja", True), (None, True)]  # the program itself: the window may end the process


def test_a_caller_handing_in_arguments_gets_control_back_after_the_window(monkeypatch):
    opened = []
    monkeypatch.setattr(cli, "gui_main", lambda locale=None, end_process=False: opened.append((locale, end_process)) or 0)
    assert cli.main(["--locale", "en"]) == 0
    assert cli.main(["gui"]) == 0
    assert opened == [("en", False), (None, False)]
