"""Command line: the GUI by default, plus check, draft, scan and l10n. Qt is imported only for the GUI."""
from __future__ import annotations

import argparse
import importlib
import sys

from assistant import app_version

# name → module in assistant.commands providing add_parser(subparsers) and run(args) -> int
COMMANDS = ("check", "draft", "scan", "l10n")


class _Version(argparse.Action):
    """--version, looked up only when asked for (package metadata costs a start-up import)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"Wallet Support Assistant {app_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Wallet Support Assistant — offline troubleshooting")
    parser.add_argument("--locale", dest="ui_locale", help="UI language for the app window, e.g. zh-CN or en")
    parser.add_argument("--version", action=_Version, help="show the version and exit")
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
    from assistant.ui.platform_check import check_or_explain  # Qt-free: runs before Qt can abort

    if problem := check_or_explain(locale):
        return problem
    from assistant.ui.app import run_app

    return run_app(sys.argv[:1], locale)
