"""Command line: the GUI by default, plus check, draft, scan and l10n. Qt is imported only for the GUI.

The bundle (packaging/wallet-support.spec) declares every assistant module as a hidden import, because the
subcommands below are imported by name.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from assistant import app_version

# name → module in assistant.commands providing add_parser(subparsers) and run(args) -> int; the help line is
# repeated here so the window starts without importing any command (each pulls in the checker, the email, …).
COMMANDS = {
    "check": "validate the content files (exit 1 on errors)",
    "draft": "walk a flow with given answers and write the support draft",
    "scan": "look for recovery phrases, private keys and passwords in a text",
    "l10n": "translation status, source diffs, locks, new languages",
}


class _Version(argparse.Action):
    """--version, looked up only when asked for (package metadata costs a start-up import)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"Wallet Support Assistant {app_version()}")
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only `command`'s module is imported and knows its options (the others are listed by name)."""
    parser = argparse.ArgumentParser(description="Wallet Support Assistant — offline troubleshooting")
    parser.add_argument("--locale", dest="ui_locale", help="UI language for the app window, e.g. zh-CN or en")
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="{gui," + ",".join(COMMANDS) + "}")
    sub.add_parser("gui", help="start the app window (the default)")
    for name, help_line in COMMANDS.items():
        if name == command:
            importlib.import_module(f"assistant.commands.{name}").add_parser(sub)
        else:
            sub.add_parser(name, help=help_line)
    return parser


def chosen_command(argv: list[str]) -> str | None:
    """The subcommand named in `argv` (the first word that is not an option or the value of --locale)."""
    words = iter(argv)
    for word in words:
        if word == "--locale":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def undecodable_argument(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str | None:
    """The first argument that was not valid UTF-8 (Python keeps such bytes as lone surrogates), as an error
    naming its option (and the NAME of a NAME=VALUE pair); None when every argument is text."""
    options = {a.dest: (a.option_strings[-1] if a.option_strings else a.dest) for a in _chosen_actions(parser, args)}
    for dest, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            text = str(item) if item is not None else ""
            bad = next((i for i, c in enumerate(text) if "\ud800" <= c <= "\udfff"), None)
            if bad is None:
                continue
            name, sep, _rest = text.partition("=")
            what = options.get(dest, dest)
            if sep and not any("\ud800" <= c <= "\udfff" for c in name):
                what = f"{what} {name}"
            byte = ord(text[bad]) - 0xDC00 if 0xDC80 <= ord(text[bad]) <= 0xDCFF else None
            detail = f"byte 0x{byte:02X} at character {bad + 1}" if byte is not None else f"character {bad + 1}"
            return (f"{what}: the value is not valid UTF-8 text ({detail}). Retype it, or save the text in a UTF-8 "
                    "file and copy it from there.")
    return None


def _chosen_actions(parser: argparse.ArgumentParser, args: argparse.Namespace):
    """The actions of `parser` and of the sub-command (and sub-sub-command) the arguments chose."""
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            chosen = action.choices.get(getattr(args, action.dest, None) or "")
            if chosen is not None:
                yield from _chosen_actions(chosen, args)


def main(argv: list[str] | None = None) -> int:
    started_as_program = argv is None
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(chosen_command(argv))
    args = parser.parse_args(argv)
    bad = undecodable_argument(parser, args)
    if bad:
        print(f"error: {bad}", file=sys.stderr)
        return 2
    if args.command in (None, "gui"):
        # Started as the program (no argument list handed in): the window may end the process itself.
        return gui_main(args.ui_locale, end_process=started_as_program)
    module = importlib.import_module(f"assistant.commands.{args.command}")
    return module.run(args)


def gui_entry() -> int:
    """The `wallet-support-gui` program: the window, with the same options as `wallet-support` (e.g. --locale)."""
    return main()


def gui_main(locale: str | None = None, *, end_process: bool = False) -> int:
    from assistant.ui.platform_check import check_or_explain  # Qt-free: runs before Qt can abort

    if problem := check_or_explain(locale):
        return problem
    from assistant.ui.app import run_app

    return run_app(sys.argv[:1], locale, end_process=end_process)
