"""Command line: the GUI by default, plus check, draft, scan and l10n. Qt is imported only for the GUI.

The bundle (packaging/wallet-support.spec) declares every assistant module as a hidden import, because the
subcommands below are imported by name.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# name → module in assistant.commands providing add_parser(subparsers) and run(args) -> int
COMMANDS = ("check", "draft", "scan", "l10n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Wallet Support Assistant — offline troubleshooting")
    parser.add_argument("--locale", dest="ui_locale", help="UI language for the app window, e.g. zh-CN or en")
    sub = parser.add_subparsers(dest="command", metavar="{gui," + ",".join(COMMANDS) + "}")
    sub.add_parser("gui", help="start the app window (the default)")
    for name in COMMANDS:
        module = importlib.import_module(f"assistant.commands.{name}")
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        return gui_main(args.ui_locale)
    module = importlib.import_module(f"assistant.commands.{args.command}")
    return module.run(args)


def gui_main(locale: str | None = None) -> int:
    from assistant.ui.app import run_app

    return run_app(sys.argv[:1], locale)
