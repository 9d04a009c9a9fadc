"""The command line and the secret firewall: no flagged word is echoed, public values are confirmed with
--confirm-public, and `scan` reads UTF-16 and byte-order marks."""
from __future__ import annotations

import json
import random

import pytest
from mnemonic import Mnemonic

from assistant.cli import main

RNG = random.Random(4242)


def words() -> list[str]:
    return Mnemonic("english").to_mnemonic(RNG.randbytes(16)).split()


def draft(capsys, *args):
    code = main(["draft", "--flow", "pending_transaction", "--sample", "--locale", "en", *args])
    return code, capsys.readouterr()


def test_a_phrase_given_as_recipient_is_never_echoed(capsys, tmp_path):
    w = words()
    code, cap = draft(capsys, "--to", ", ".join(w), "--out", str(tmp_path / "x.txt"))
    assert code == 3 and not (tmp_path / "x.txt").exists()
    shown = cap.out + cap.err
    assert sum(word in shown.split() or f"{word}," in shown for word in w) <= 1, shown


def test_confirm_public_keeps_an_asked_about_value(capsys, tmp_path):
    value = RNG.randbytes(32).hex()
    out = tmp_path / "x.txt"
    field = f"description=The app shows {value} and nothing else"
    code, cap = draft(capsys, "--field", field, "--out", str(out))
    if code == 2:
        pytest.skip("this path has no free-text field: " + cap.err)
    assert code == 3 and "--confirm-public" in cap.err
    code, cap = draft(capsys, "--field", field, "--confirm-public", value, "--out", str(out))
    assert code == 0, cap.err
    assert value in out.read_text(encoding="utf-8")


def test_confirm_public_never_releases_a_phrase(capsys, tmp_path):
    phrase = " ".join(words())
    code, _ = draft(capsys, "--to", phrase, "--confirm-public", phrase, "--out", str(tmp_path / "x.txt"))
    assert code == 3


def test_scan_reads_utf16_and_boms(capsys, tmp_path):
    phrase = " ".join(words())
    for name, data in (("le.txt", ("\ufeff" + phrase).encode("utf-16-le")), ("be.txt", phrase.encode("utf-16-be")),
                       ("bom8.txt", ("\ufeff" + phrase).encode("utf-8")), ("utf16.txt", phrase.encode("utf-16"))):
        path = tmp_path / name
        path.write_bytes(data)
        assert main(["scan", "--format", "json", str(path)]) == 1, name
        rows = json.loads(capsys.readouterr().out)
        assert [r["kind"] for r in rows] == ["mnemonic"] and rows[0]["why"], name
        assert phrase.split()[3] not in json.dumps(rows)
