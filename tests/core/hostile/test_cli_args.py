"""Hostile command-line arguments: bytes that are not UTF-8 exit 2 naming the option, never a traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main

ROOT = Path(__file__).resolve().parents[3]
BAD = "\udcff"  # how Python keeps the byte 0xFF of an argument that is not UTF-8 (surrogateescape)
DRAFT = ["draft", "--flow", "pending_transaction", "--sample"]
CASES = [
    (["draft", "--flow", f"pend{BAD}ing"], "--flow"),
    ([*DRAFT, "--locale", f"en{BAD}"], "--locale"),
    ([*DRAFT, "--answer", f"network=tron{BAD}"], "--answer network"),
    ([*DRAFT, "--answer", f"net{BAD}work=tron"], "--answer"),
    ([*DRAFT, "--field", f"nonce=4{BAD}2"], "--field nonce"),
    ([*DRAFT, "--field", f"memo={BAD}"], "--field memo"),
    ([*DRAFT, "--exclude", f"nonce{BAD}"], "--exclude"),
    ([*DRAFT, "--to", f"service@tokenpocket.pro{BAD}"], "--to"),
    ([*DRAFT, "--out", f"draft{BAD}.eml"], "--out"),
    ([*DRAFT, "--attach", f"shot{BAD}.png", "--out", "x.eml"], "--attach"),
    (["scan", f"notes{BAD}.txt"], "file"),
    (["check", "--locale", f"zh{BAD}"], "--locale"),
    (["--locale", f"zh{BAD}", "check"], "--locale"),
]


@pytest.mark.parametrize("argv, named", CASES, ids=[n for _a, n in CASES])
def test_an_argument_that_is_not_utf8_exits_2_naming_the_option(capsys, tmp_path, monkeypatch, argv, named):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {named}: ") and "not valid UTF-8" in err and "byte 0xFF" in err
    assert "Traceback" not in err and list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_real_bytes_on_a_real_command_line(tmp_path):
    """The way a shell passes them: raw bytes in argv, decoded by Python at start-up."""
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "draft", "--flow", "pending_transaction", "--sample",
                             "--field", b"nonce=4\xff\xfe2", "--out", str(tmp_path / "x.eml")], capture_output=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("error: --field nonce: the value is not valid UTF-8 text (byte 0xFF")
    assert not (tmp_path / "x.eml").exists()


@pytest.mark.parametrize("to, named", [
    ("=?utf-8?b?QmNjOiBldmlsQHguY29t?= <service@tokenpocket.pro>", "encoded text"),
    ("service@tokenpocket.pro\r\nBcc: evil@x.com", "line break"),
    ('"service@tokenpocket.pro" <evil@x.com>', "the name in front of the address"),
])
def test_a_hostile_to_exits_2_before_anything_is_written(capsys, tmp_path, to, named):
    out = tmp_path / "x.eml"
    assert main([*DRAFT, "--to", to, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --to: Recipient refused") and named in err and "name@example.com" in err
    assert not out.exists()
