"""The installed `wallet-support-gui` program takes the same options as `wallet-support` (the desktop entry and
people starting it from a terminal pass --locale)."""
import sys

import assistant.cli as cli


def test_the_gui_program_opens_the_window_in_the_language_asked_for(monkeypatch):
    opened = []
    monkeypatch.setattr(cli, "gui_main", lambda locale=None: opened.append(locale) or 0)
    monkeypatch.setattr(sys, "argv", ["wallet-support-gui", "--locale", "ja"])
    assert cli.gui_entry() == 0
    monkeypatch.setattr(sys, "argv", ["wallet-support-gui"])
    assert cli.gui_entry() == 0
    assert opened == ["ja", None]
