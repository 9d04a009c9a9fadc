"""Hostile recipients: every one refused with a message naming what was wrong, at every exit, and nothing written;
every accepted one reaches the .eml, the Python parsers and mutt exactly as confirmed."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
from email import message_from_bytes, policy
from email.utils import getaddresses

import pytest

from assistant.email import exports
from assistant.email.exports import Message
from assistant.email.headers import MAX_LINE, RecipientMismatch
from assistant.secrets.addresses import EXAMPLE, RecipientIssue, RecipientRejected, parse_to
from assistant.secrets.guard import Exit
from assistant.secrets.recipient import check_recipient

OFFICIAL = ("tokenpocket.pro",)
R = RecipientIssue
# (value, expected refusal, a piece of the message that names the fault)
HOSTILE = [
    ("=?utf-8?b?QmNjOiBldmlsQHguY29t?= <service@tokenpocket.pro>", R.ENCODED, "=?utf-8?b?QmNjOiBldmlsQHguY29t?="),
    ("=?utf-8?q?service=40tokenpocket.pro?= <evil@x.com>", R.ENCODED, "encoded text"),
    ("service@tokenpocket.pro =?utf-8?B?LCBldmlsQHguY29t?=", R.ENCODED, "encoded text"),
    ("service@tokenpocket.pro\r\nBcc: evil@x.com", R.CONTROL, "U+000D carriage return"),
    ("service@tokenpocket.pro\nBcc: evil@x.com", R.CONTROL, "U+000A line feed"),
    ("service@tokenpocket.pro\rBcc: evil@x.com", R.CONTROL, "U+000D"),
    ("service@tokenpocket.pro\x00evil@x.com", R.CONTROL, "U+0000 NUL"),
    ("service@tokenpocket.pro\x0bevil@x.com", R.CONTROL, "U+000B"),
    ("service@tokenpocket.pro\x85Bcc: evil@x.com", R.CONTROL, "U+0085"),
    ("service@tokenpocket.pro\u2028Bcc: evil@x.com", R.CONTROL, "U+2028"),
    ('"service@tokenpocket.pro" <evil@x.com>', R.SPOOF, "an @"),
    ("service@tokenpocket.pro <evil@x.com>", R.SPOOF, "an @"),
    ('"service＠tokenpocket.pro" <evil@x.com>', R.SPOOF, "an @"),
    ("tokenpocket.pro <evil@x.com>", R.SPOOF, "“tokenpocket.pro”"),
    ('"TokenPocket support (www.tokenpocket.pro)" <evil@x.com>', R.SPOOF, "looks like an address or a domain"),
    ("TokenPocket www.tokenpocket <evil@x.com>", R.SPOOF, "“www."),
    ("\u202emoc.x@live", R.HIDDEN, "U+202E right-to-left override"),
    ("service@tokenpocket.pro\u200b", R.HIDDEN, "U+200B zero width space"),
    ("serv\u2066ice@tokenpocket.pro", R.HIDDEN, "U+2066"),
    ("service@tokenpocket.pro\ufeff", R.HIDDEN, "U+FEFF"),
    ("x" * 65 + "@tokenpocket.pro", R.TOO_LONG, "65 characters before the @ (at most 64)"),
    ("a@" + "b" * 64 + ".pro", R.TOO_LONG, "64 characters (at most 63)"),
    ("a@" + ".".join(["b" * 60] * 5) + ".pro", R.TOO_LONG, "(at most 255)"),
    ("x" * 64 + "@" + ".".join(["b" * 60] * 4) + ".pro", R.TOO_LONG, "(at most 254)"),
    ("a=?b@tokenpocket.pro", R.ENCODED, "“=?”"),
    ("N" * 101 + " <service@tokenpocket.pro>", R.TOO_LONG, "101 characters (at most 100)"),
    ("Bcc: evil@x.com", R.INVALID, "no spaces"),
    ("support: service@tokenpocket.pro;", R.INVALID, "no spaces"),
    ("service@tokenpocket.pro (evil@x.com)", R.INVALID, "more than one @"),
    ("service@tokenpocket.pro@evil.example", R.INVALID, "more than one @"),
    ("Alex <a@b.com> <evil@x.com>", R.INVALID, "< or >"),
    ("<evil@x.com", R.INVALID, "< or >"),
    ('"a b"@x.com', R.INVALID, "no spaces"),
    ('"evil@x.com"@tokenpocket.pro', R.INVALID, "more than one @"),
    ("a@[127.0.0.1]", R.INVALID, "not a domain"),
    ("a@localhost", R.INVALID, "not a domain"),
    ("a@-x.com", R.INVALID, "not a domain"),
    ("a@x.123", R.INVALID, "not a domain"),
    ("用户@tokenpocket.pro", R.INVALID, "only Latin letters"),
    ('"Chen, Alex" <a@b.com>', R.INVALID, "the name holds ,"),
    ("Alex (support) <a@b.com>", R.INVALID, "the name holds ( )"),
    ("not an address", R.INVALID, "an @ and a domain"),
]
VALID = [
    ("service@tokenpocket.pro", [("", "service@tokenpocket.pro")]),
    ("  service@tokenpocket.pro  ", [("", "service@tokenpocket.pro")]),
    ("TokenPocket Support <service@tokenpocket.pro>", [("TokenPocket Support", "service@tokenpocket.pro")]),
    ('"TokenPocket Support" <service@tokenpocket.pro>', [("TokenPocket Support", "service@tokenpocket.pro")]),
    ("TP 客服 <service@tokenpocket.pro>", [("TP 客服", "service@tokenpocket.pro")]),
    ("O'Brien-Smith Jr. <a@b.com>", [("O'Brien-Smith Jr.", "a@b.com")]),
    ("a@b.com, c@d.org; e@f.net", [("", "a@b.com"), ("", "c@d.org"), ("", "e@f.net")]),
    ("service@tokenpöcket.pro", [("", "service@xn--tokenpcket-jcb.pro")]),
    ("x" * 64 + "@tokenpocket.pro", [("", "x" * 64 + "@tokenpocket.pro")]),
    ("first.last+tag!#$%&'*/=^_`{|}~-?@example.com", [("", "first.last+tag!#$%&'*/=^_`{|}~-?@example.com")]),
]
EXITS = {
    "eml": lambda m, p: exports.save_eml(m, p / "out.eml"),
    "txt": lambda m, p: exports.save_txt(m, p / "out.txt"),
    "mailto": lambda m, p: exports.mailto(m),
    "clipboard": lambda m, p: exports.clipboard_text(m),
    "print": lambda m, p: exports.text_for(m, Exit.PRINT),
    "pdf": lambda m, p: exports.text_for(m, Exit.PDF),
}


@pytest.mark.parametrize("value, code, named", HOSTILE, ids=[f"{c}-{i}" for i, (_v, c, _n) in enumerate(HOSTILE)])
def test_a_hostile_recipient_is_refused_naming_the_fault(value, code, named):
    with pytest.raises(RecipientRejected) as info:
        parse_to(value)
    assert info.value.code is code
    message = str(info.value)
    assert named in message and EXAMPLE in message  # what was wrong, and what a valid value looks like
    assert "\r" not in message and "\n" not in message and "\u202e" not in message  # shown, never obeyed
    warnings = check_recipient(value, OFFICIAL)  # what the review page's To box shows
    assert [w.code for w in warnings] == [code] and warnings[0].blocking


@pytest.mark.parametrize("exit_name", EXITS)
@pytest.mark.parametrize("value", [v for v, _c, _n in HOSTILE[:17]])
def test_every_exit_refuses_a_hostile_recipient_and_writes_nothing(tmp_path, exit_name, value):
    with pytest.raises(RecipientRejected):
        EXITS[exit_name](Message(value, "Pending transaction", "Hello\n"), tmp_path)
    assert list(tmp_path.iterdir()) == []


def mutt_recipients(draft, tmp_path) -> list[str]:
    """What mutt would really send to: it hands the recipients to $sendmail as arguments (nothing is sent)."""
    args = tmp_path / "args"
    sendmail = tmp_path / "sendmail.sh"
    sendmail.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{args}"\ncat > /dev/null\n', encoding="utf-8")
    sendmail.chmod(0o755)
    env = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    result = subprocess.run(["mutt", "-F", "/dev/null", "-n", "-e", f'set sendmail="{sendmail}"; set from=me@example.org',
                             "-H", str(draft)], stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return [a for a in args.read_text(encoding="utf-8").split("\n") if a and not a.startswith("-")]


@pytest.mark.parametrize("value, expected", VALID)
def test_a_valid_recipient_reads_back_exactly(tmp_path, value, expected):
    path = exports.save_eml(Message(value, "s", "b\n"), tmp_path / "draft.eml")
    data = path.read_bytes()
    modern = message_from_bytes(data, policy=policy.default)
    assert [(a.display_name, a.addr_spec.lower()) for a in modern["To"].addresses] == [(n, a.lower()) for n, a in expected]
    legacy = message_from_bytes(data, policy=policy.compat32)
    assert [a.lower() for _n, a in getaddresses(legacy.get_all("To"))] == [a.lower() for _n, a in expected]
    assert all(modern[h] is None for h in ("Cc", "Bcc", "Resent-To", "Reply-To"))
    assert modern["Date"].datetime is not None
    if shutil.which("mutt"):
        assert [a.lower() for a in mutt_recipients(path, tmp_path)] == [a.lower() for _n, a in expected]


@pytest.mark.skipif(shutil.which("mutt") is None, reason="mutt is not installed")
def test_the_reported_bug_no_longer_reaches_mutt(tmp_path):
    """The issue's three values: refused before a file exists, so mutt never sees them."""
    for value in ("=?utf-8?b?QmNjOiBldmlsQHguY29t?= <service@tokenpocket.pro>", "service@tokenpocket.pro\r\nBcc: evil@x.com",
                  '"service@tokenpocket.pro" <evil@x.com>'):
        with pytest.raises(RecipientRejected):
            exports.save_eml(Message(value, "s", "b\n"), tmp_path / "draft.eml")
    assert not (tmp_path / "draft.eml").exists()
    exports.save_eml(Message("service@tokenpocket.pro", "s", "b\n"), tmp_path / "draft.eml")
    assert mutt_recipients(tmp_path / "draft.eml", tmp_path) == ["service@tokenpocket.pro"]


def test_a_draft_whose_recipients_changed_in_writing_is_not_kept(tmp_path, monkeypatch):
    real_write = exports.write_file

    def tampering_write(path, data, mode=None):  # something between our bytes and the disk adds a recipient
        return real_write(path, data.replace(b"X-Unsent: 1", b"Bcc: evil@x.com\r\nX-Unsent: 1"), mode)

    monkeypatch.setattr(exports, "write_file", tampering_write)
    with pytest.raises(RecipientMismatch, match="evil@x.com"):
        exports.save_eml(Message("service@tokenpocket.pro", "s", "b\n"), tmp_path / "draft.eml")
    assert not (tmp_path / "draft.eml").exists()


def test_a_header_built_differently_from_the_confirmed_recipients_is_refused_before_writing(tmp_path, monkeypatch):
    from email.headerregistry import Address

    monkeypatch.setattr(exports, "to_addresses", lambda rs: [Address("", "evil", "x.com") for _r in rs])
    with pytest.raises(RecipientMismatch):
        exports.save_eml(Message("service@tokenpocket.pro", "s", "b\n"), tmp_path / "draft.eml")
    assert list(tmp_path.iterdir()) == []


def test_every_line_stays_within_998_octets_with_many_long_recipients(tmp_path):
    many = ", ".join(f"Support Desk Number {i} <{'x' * 60}{i}@{'d' * 60}.{'e' * 60}.example.com>" for i in range(40))
    data = exports.eml_bytes(Message(many, "长" * 600, ("x" * 5000 + "\n") * 3))
    assert max(len(line) for line in data.split(b"\r\n")) <= MAX_LINE
    modern = message_from_bytes(data, policy=policy.default)
    assert len(modern["To"].addresses) == 40


def test_the_mailto_limit_counts_the_recipients():
    few = exports.mailto(Message("service@tokenpocket.pro", "s", "word " * 2000), limit=400, note="[clipboard]")
    assert few.shortened and len(few.url) <= 400
    crowd = ", ".join(f"{'x' * 60}{i}@tokenpocket.pro" for i in range(40))
    with pytest.raises(exports.MailtoTooLong, match="at most 2000"):
        exports.mailto(Message(crowd, "s", "b\n"))


def test_exported_drafts_are_owner_only_unless_the_user_chose_otherwise(tmp_path):
    message = Message("service@tokenpocket.pro", "s", "b\n")
    for saver, name in ((exports.save_eml, "a.eml"), (exports.save_txt, "a.txt")):
        assert stat.S_IMODE(os.stat(saver(message, tmp_path / name)).st_mode) == 0o600
    chosen = tmp_path / "shared.eml"
    chosen.write_bytes(b"")
    chosen.chmod(0o644)  # the user made this file readable by others: overwriting it keeps that choice
    assert stat.S_IMODE(os.stat(exports.save_eml(message, chosen)).st_mode) == 0o644
    assert stat.S_IMODE(os.stat(exports.save_txt(message, tmp_path / "b.txt", mode=0o640)).st_mode) == 0o640
