"""The command line: usage errors exit 2, `draft` names what is missing, `check` speaks like a compiler."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from tests.core.content_fixture import write_content

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def content(tmp_path, monkeypatch):
    root = write_content(tmp_path / "content")
    monkeypatch.setenv("WSA_CONTENT_DIR", str(root))
    return root


def test_unknown_argument_prints_usage_and_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--no-such-option"])
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_check_exits_0_on_clean_content(content, capsys):
    assert main(["check"]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().err


def test_check_reports_path_line_col_and_exits_1(content, capsys):
    flow = content / "flows" / "app_crash.toml"
    flow.write_text(flow.read_text(encoding="utf-8").replace('solved = "fixed"', 'solved = "fixd"'), encoding="utf-8")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "content/flows/app_crash.toml:14:1: error[E012]:" in out


def test_check_json_lists_problems(content, capsys):
    en = content / "locales" / "en" / "app_crash.toml"
    en.write_text(en.read_text(encoding="utf-8").replace('choices.no = "No"\n', ""), encoding="utf-8")
    assert main(["check", "--format", "json"]) == 0  # a missing translation is a warning
    data = json.loads(capsys.readouterr().out)
    assert [(d["code"], d["severity"], d["path"]) for d in data] == [("W020", "warning", "content/locales/en/app_crash.toml")]
    assert main(["check", "--strict"]) == 1


def test_draft_names_the_missing_answer_and_lists_valid_choices(content, capsys):
    assert main(["draft", "--flow", "app_crash"]) == 2
    assert "no answer for node 'gate'" in capsys.readouterr().err


def test_draft_rejects_an_unknown_choice(content, capsys):
    assert main(["draft", "--flow", "app_crash", "--answer", "gate=perhaps"]) == 2
    assert "valid choices: yes, no" in capsys.readouterr().err


def test_draft_rejects_an_unknown_node(content, capsys):
    assert main(["draft", "--flow", "app_crash", "--answer", "nowhere=yes"]) == 2
    assert "unknown node(s) nowhere" in capsys.readouterr().err


def test_draft_writes_the_support_request_with_steps_tried(content, tmp_path, capsys):
    out = tmp_path / "draft.txt"
    code = main(["draft", "--flow", "app_crash", "--locale", "en", "--answer", "gate=no",
                 "--answer", "restart_app=unsolved", "--out", str(out)])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    # This content has no agent wording (email_labels.toml): neutral names of the ids, never the advice heading.
    assert text.startswith("To: service@tokenpocket.pro\nSubject: [TokenPocket] App crash WSA-")
    assert "- Restart app: no" in text and "Restart the phone" not in text




def test_main_py_is_runnable_as_a_script():
    result = subprocess.run([sys.executable, "main.py", "check", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "--format" in result.stdout


def test_the_window_starts_without_importing_any_command_module():
    code = ("import sys\nfrom assistant.cli import build_parser, chosen_command\n"
            "build_parser(chosen_command(['--locale', 'zh-CN']))\n"
            "print(sorted(m for m in sys.modules if m.startswith('assistant.commands.')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_each_command_is_listed_with_the_help_line_its_module_gives():
    import argparse
    import importlib

    from assistant.cli import COMMANDS

    for name, help_line in COMMANDS.items():
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"assistant.commands.{name}").add_parser(sub)
        assert sub._choices_actions[0].help == help_line, name


def test_the_command_is_found_after_the_locale_option():
    from assistant.cli import chosen_command

    assert chosen_command(["--locale", "check", "draft", "--flow", "x"]) == "draft"
    assert chosen_command(["--locale", "en"]) is None and chosen_command(["gui"]) is None
