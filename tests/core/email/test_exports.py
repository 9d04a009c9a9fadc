"""Exports: .eml read back (and by mutt), no header injection, secrets blocked at every exit, mailto length,
recipient guard, attachment metadata and size limits, clear errors on failed writes."""
from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import subprocess
from email import policy
from email.parser import BytesParser
from urllib.parse import unquote, urlsplit

import pytest
from embit import base58
from mnemonic import Mnemonic
from PIL import Image

from assistant.email import attachments as att
from assistant.email import exports
from assistant.email.exports import Message
from assistant.errors import ExportBlocked
from assistant.secrets.guard import Exit
from assistant.secrets.recipient import RecipientIssue, RecipientRejected, check_recipient
from tests.seeded import random_bytes

OFFICIAL = ("tokenpocket.pro", "tpwallet.io")
NAMES = ("TokenPocket", "TP Wallet", "TP钱包")


# ---- generated public data (every address format) and secrets -----------------------------------------------------
def _b58check(payload: bytes) -> str:
    return base58.encode(payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4])


def public_values() -> dict[str, str]:
    from embit import bech32

    h160 = random_bytes(20)
    prog32 = random_bytes(32)
    return {
        "evm": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "evm_lower": "0x" + random_bytes(20).hex(),
        "tron": _b58check(b"\x41" + h160),
        "btc_p2pkh": _b58check(b"\x00" + h160),
        "btc_p2sh": _b58check(b"\x05" + random_bytes(20)),
        "btc_p2wpkh": bech32.encode("bc", 0, list(h160)),
        "btc_p2tr": bech32.encode("bc", 1, list(prog32)),
        "solana": base58.encode(random_bytes(32)),
        "solana_signature": base58.encode(random_bytes(64)),
    }


def tx_hashes() -> list[str]:
    return ["0x" + random_bytes(32).hex(), random_bytes(32).hex(), random_bytes(32).hex().upper()]


def secrets() -> dict[str, str]:
    """Real-format secrets made now: nothing fixed, nothing that ever held funds."""
    key = random_bytes(32)
    wif = _b58check(b"\x80" + key + b"\x01")
    xprv = _b58check(bytes.fromhex("0488ADE4") + bytes(9) + random_bytes(32) + b"\x00" + key)
    return {
        "en12": Mnemonic("english").to_mnemonic(random_bytes(16)),
        "en24": Mnemonic("english").to_mnemonic(random_bytes(32)),
        "zh": Mnemonic("chinese_simplified").to_mnemonic(random_bytes(16)).replace(" ", ""),
        "ja": Mnemonic("japanese").to_mnemonic(random_bytes(16)),
        "numbered": " ".join(f"{i}. {w}" for i, w in enumerate(Mnemonic("english").to_mnemonic(random_bytes(16)).split(), 1)),
        "labelled_key": "private key: " + key.hex(),
        "wif": wif,
        "xprv": xprv,
    }


def realistic(locale: str, hashes: list[str]) -> Message:
    values = public_values()
    if locale == "zh-CN":
        lines = ["您好，", "", "概要：我在使用 TokenPocket 时遇到问题：交易一直在等待确认。", "", "【问题信息】"]
        lines += [f"地址（{k}）：{v}" for k, v in values.items()]
        lines += [f"交易哈希：{h}" for h in hashes]
        lines += ["时间：2026-11-20T14:05+08:00 (UTC 2026-11-20T06:05Z)", "金额：120.5 USDT",
                  "我知道官方客服绝不会索要助记词、私钥或密码。本邮件不包含这些信息。"]
        subject = "[TokenPocket] 交易一直在等待确认 · 以太坊（Ethereum） · WSA-1A2B3C"
    else:
        lines = ["Hello,", "", "Summary: my transfer has been pending for hours.", "", "== Details =="]
        lines += [f"Address ({k}): {v}" for k, v in values.items()]
        lines += [f"Transaction hash: {h}" for h in hashes]
        lines += ["  ↳ on the explorer: https://etherscan.io/tx/" + hashes[0],
                  "Time: 2026-11-20T14:05+08:00 (UTC 2026-11-20T06:05Z)",
                  "I understand that real support never asks for a recovery phrase, private key or password."]
        subject = "[TokenPocket] My transaction is stuck pending · Ethereum · WSA-1A2B3C"
    return Message("service@tokenpocket.pro", subject, "\n".join(lines) + "\n", (), tuple(hashes), (locale,))


def jpeg_with_gps(orientation: int = 1, size=(40, 20)) -> bytes:
    img = Image.new("RGB", size, "navy")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone X"  # Model
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (31.0, 14.0, 22.5)
    gps[3], gps[4] = "E", (121.0, 28.0, 5.0)
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def parse(data: bytes):
    return BytesParser(policy=policy.default).parsebytes(data)


def body_of(msg) -> str:
    """The plain-text body with the wire's CRLF line ends read as LF, as every mail client shows it."""
    return msg.get_body(("plain",)).get_content().replace("\r\n", "\n")


@pytest.fixture
def picture() -> att.Attachment:
    return att.from_bytes(jpeg_with_gps(), "截图 1.jpg")


@pytest.fixture
def message(picture) -> Message:
    base = realistic("zh-CN", tx_hashes())
    log = att.from_bytes(b"app log: started\n", "app.log")
    return Message(base.to, base.subject, base.body, (picture, log), base.accepted, ("zh-CN", "en"))


# ---- .eml ------------------------------------------------------------------------------------------------------------
def test_eml_reads_back_field_by_field(message, tmp_path):
    path = exports.save_eml(message, tmp_path / "draft.eml")
    msg = parse(path.read_bytes())
    assert msg["To"] == "service@tokenpocket.pro"
    assert msg["Subject"] == message.subject  # CJK through RFC 2047
    assert msg["X-Unsent"] == "1"
    assert msg["Content-Language"] == "zh-CN, en"
    assert msg["From"] is None  # the mail client fills it in
    assert msg["Date"].datetime.tzinfo is not None  # a draft shows when it was written
    assert body_of(msg) == message.body
    files = [(p.get_filename(), p.get_content_type(), p.get_payload(decode=True)) for p in msg.iter_attachments()]
    assert files == [("截图 1.jpg", "image/jpeg", message.attachments[0].data),
                     ("app.log", "text/plain", b"app log: started\n")]


def test_eml_lines_stay_within_rfc5322(message):
    data = exports.eml_bytes(message)
    assert data.count(b"\r\n") > 10 and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 998


def test_eml_with_a_very_long_line_still_reads_back():
    body = "x" * 3000 + " 中文\n"
    msg = parse(exports.eml_bytes(Message("a@tokenpocket.pro", "s", body)))
    assert body_of(msg) == body


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("mutt") is None, reason="mutt is not installed")
def test_mutt_opens_the_draft_with_recipient_subject_body_and_attachments(message, tmp_path):
    """mutt -H reads the .eml as a draft; in batch mode it hands the composed mail to $sendmail, which here is a
    script that only saves it, so we see exactly what mutt understood (nothing is sent)."""
    draft = exports.save_eml(message, tmp_path / "draft.eml")
    captured = tmp_path / "as_mutt_would_send.eml"
    sendmail = tmp_path / "sendmail.sh"
    sendmail.write_text(f'#!/bin/sh\ncat > "{captured}"\n', encoding="utf-8")
    sendmail.chmod(0o755)
    env = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    result = subprocess.run(
        ["mutt", "-F", "/dev/null", "-n", "-e", f'set sendmail="{sendmail}"; set charset=utf-8; set from=me@example.org',
         "-H", str(draft)], stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    got = parse(captured.read_bytes())
    assert got["To"] == "service@tokenpocket.pro"
    assert got["Subject"] == message.subject
    assert body_of(got).rstrip("\n") == message.body.rstrip("\n")
    files = [(p.get_filename(), p.get_content_type(), p.get_payload(decode=True)) for p in got.iter_attachments()]
    assert files[0] == ("截图 1.jpg", "image/jpeg", message.attachments[0].data)
    assert files[1][0] == "app.log"


def test_crlf_in_any_user_value_never_adds_a_header(picture):
    evil = "x\r\nBcc: victim@example.com\r\nX-Evil: 1"
    bad_file = att.Attachment("shot\r\nX-Evil: 1.png", "image/png", picture.data)
    with pytest.raises(RecipientRejected, match="line break"):  # the recipient is refused, never repaired
        exports.eml_bytes(Message("service@tokenpocket.pro\r\nBcc: a@b.c", "s", "b\n"))
    m = Message("service@tokenpocket.pro", f"Hello {evil}", f"Body\r\nFrom: x@y.z\n\n{evil}\n", (bad_file,))
    msg = parse(exports.eml_bytes(m))
    assert set(msg.keys()) == {"To", "Subject", "Date", "X-Unsent", "MIME-Version", "Content-Type"}
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert msg["Subject"] == "Hello x Bcc: victim@example.com X-Evil: 1"
    part = next(msg.iter_attachments())
    assert set(part.keys()) <= {"Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "MIME-Version"}
    assert "\n" not in part.get_filename() and "\r" not in part.get_filename()


def test_detail_values_with_line_breaks_stay_in_the_body(catalog):
    from assistant.commands.draft import sample_walk
    from assistant.email.draft import build_draft
    from assistant.flows.engine import Session

    session = Session(catalog.flows["pending_transaction"])
    assert sample_walk(session)
    draft = build_draft(session, catalog, "en")
    body = draft.body + "Extra: 1\r\nTo: attacker@example.com\r\n\r\nX-Injected: yes\n"
    msg = parse(exports.eml_bytes(Message(draft.to, draft.subject, body, (), draft.public_values)))
    assert msg["X-Injected"] is None and msg.get_all("To") == [draft.to]
    assert "X-Injected: yes" in body_of(msg)


# ---- secrets at every exit -------------------------------------------------------------------------------------
EXITS = {
    "eml": lambda m, p: exports.save_eml(m, p / "out.eml"),
    "txt": lambda m, p: exports.save_txt(m, p / "out.txt"),
    "mailto": lambda m, p: exports.mailto(m),
    "clipboard": lambda m, p: exports.clipboard_text(m),
    "print": lambda m, p: exports.text_for(m, Exit.PRINT),
    "pdf": lambda m, p: exports.text_for(m, Exit.PDF),
}


@pytest.mark.parametrize("exit_name", EXITS)
@pytest.mark.parametrize("kind", ["en12", "en24", "zh", "ja", "numbered", "labelled_key", "wif", "xprv"])
def test_every_exit_blocks_a_secret_and_writes_nothing(tmp_path, exit_name, kind):
    secret = secrets()[kind]
    base = realistic("en", tx_hashes())
    m = Message(base.to, base.subject, base.body + f"\nHere it is: {secret}\n", (), base.accepted)
    with pytest.raises(ExportBlocked) as info:
        EXITS[exit_name](m, tmp_path)
    assert list(tmp_path.iterdir()) == []
    assert secret not in str(info.value) and secret[:20] not in str(info.value)
    assert info.value.findings and secret not in repr(info.value.findings)


@pytest.mark.parametrize("where", ["to", "subject", "attachment_text", "attachment_name"])
def test_secrets_are_found_outside_the_body_too(tmp_path, where):
    phrase = secrets()["en12"]
    base = realistic("en", tx_hashes())
    fields = {"to": base.to, "subject": base.subject, "files": ()}
    if where == "to":
        fields["to"] = f"{base.to}, {phrase}"
    elif where == "subject":
        fields["subject"] = f"{base.subject} {phrase}"
    elif where == "attachment_text":
        fields["files"] = (att.from_bytes(f"seed:\n{phrase}\n".encode(), "notes.txt"),)
    else:
        fields["files"] = (att.Attachment(f"{phrase}.png", "image/png", b"\x89PNG"),)
    m = Message(fields["to"], fields["subject"], base.body, fields["files"], base.accepted)
    with pytest.raises(ExportBlocked):
        exports.save_eml(m, tmp_path / "out.eml")
    assert not (tmp_path / "out.eml").exists()


def test_a_bare_64_hex_needs_confirming_unless_it_came_from_the_tx_hash_field(tmp_path):
    value = random_bytes(32).hex()
    body = f"Hello\nSomething I copied: {value}\n"
    with pytest.raises(ExportBlocked):
        exports.save_txt(Message("service@tokenpocket.pro", "s", body), tmp_path / "a.txt")
    exports.save_txt(Message("service@tokenpocket.pro", "s", body, (), (value,)), tmp_path / "a.txt")
    assert value in (tmp_path / "a.txt").read_text(encoding="utf-8")


def test_a_labelled_key_is_blocked_even_if_accepted(tmp_path):
    key = random_bytes(32).hex()
    m = Message("service@tokenpocket.pro", "s", f"my private key: {key}\n", (), (key,))
    with pytest.raises(ExportBlocked):
        exports.clipboard_text(m)


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
@pytest.mark.parametrize("exit_name", EXITS)
def test_realistic_drafts_pass_every_exit(tmp_path, locale, exit_name):
    m = realistic(locale, tx_hashes())
    EXITS[exit_name](m, tmp_path)


def test_shipped_drafts_pass_with_their_tx_hashes(catalog, tmp_path):
    from assistant.commands.draft import sample_walk
    from assistant.email.draft import build_draft
    from assistant.flows.engine import Session

    for flow_id in catalog.flows:
        session = Session(catalog.flows[flow_id])
        if not sample_walk(session):
            continue
        for locale in ("zh-CN", "en"):
            draft = build_draft(session, catalog, locale, bilingual=True)
            exports.save_eml(Message.from_draft(draft), tmp_path / f"{flow_id}-{locale}.eml")


# ---- mailto ------------------------------------------------------------------------------------------------------
def _query(url: str) -> dict[str, str]:
    parts = urlsplit(url)
    return {k: unquote(v) for k, _, v in (pair.partition("=") for pair in parts.query.split("&"))}


def test_mailto_follows_rfc6068():
    m = Message("service@tokenpocket.pro", "交易 & fee?", "第一行\n100% sure\n")
    link = exports.mailto(m)
    assert not link.shortened
    assert link.url.startswith("mailto:service@tokenpocket.pro?subject=")
    assert "%0D%0A" in link.url and "\n" not in link.url and " " not in link.url
    q = _query(link.url)
    assert q["subject"] == "交易 & fee?" and q["body"] == "第一行\r\n100% sure\r\n"


def test_mailto_shortens_a_long_body_and_returns_the_full_one():
    body = "".join(f"Line {i}: 0x{random_bytes(20).hex()} 交易详情\n" for i in range(200))
    m = Message("service@tokenpocket.pro", "[TokenPocket] 交易 · WSA-1A2B3C", body)
    link = exports.mailto(m, note="[FULL TEXT ON CLIPBOARD]")
    assert link.shortened and len(link.url) <= exports.MAILTO_LIMIT
    assert link.full_body == body
    short = _query(link.url)["body"].replace("\r\n", "\n")
    assert short.startswith("[FULL TEXT ON CLIPBOARD]\n\nLine 0:")
    assert short.endswith("[…]") and "Line 199" not in short


def test_mailto_with_a_huge_subject_still_fits():
    link = exports.mailto(Message("a@tokenpocket.pro", "长" * 2000, "body\n"), note="[clipboard]")
    assert link.shortened and len(link.url) <= exports.MAILTO_LIMIT


def test_mailto_without_recipient_is_valid():
    assert exports.mailto(Message("", "s", "b\n")).url.startswith("mailto:?subject=s")


# ---- recipient guard -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("to", ["service@tokenpocket.pro", "help@support.tokenpocket.pro", "a@tpwallet.io",
                                "TokenPocket <service@tokenpocket.pro>", "SERVICE@TOKENPOCKET.PRO"])
def test_official_addresses_pass(to):
    assert check_recipient(to, OFFICIAL, names=NAMES) == []


@pytest.mark.parametrize("to, code", [
    ("help@tokenpocket-support.com", RecipientIssue.LOOKALIKE),
    ("service@tokenpocket.pro.example.net", RecipientIssue.LOOKALIKE),
    ("service@tokenpöcket.pro", RecipientIssue.LOOKALIKE),
    ("service@xn--tokenpcket-jcb.pro", RecipientIssue.LOOKALIKE),
    ("service@xn--tokenpcket-zzz.pro", RecipientIssue.LOOKALIKE),
    ("service@t0kenpocket.pro", RecipientIssue.LOOKALIKE),
    ("service@tokenpocket.co", RecipientIssue.LOOKALIKE),
    ("support@tp-wallet.io", RecipientIssue.LOOKALIKE),
    ("tokenpocket.pro@evil.example", RecipientIssue.UNOFFICIAL),
    ("service@tokenpocket.pro@evil.example", RecipientIssue.INVALID),
    ("help@wallet-helpdesk.example", RecipientIssue.UNOFFICIAL),
    ("tokenpocket.help@gmail.com", RecipientIssue.FREE_MAIL),
    ("not an address", RecipientIssue.INVALID),
    ("", RecipientIssue.EMPTY),
])
def test_lookalike_and_unofficial_recipients_are_warned(to, code):
    codes = {w.code for w in check_recipient(to, OFFICIAL, names=NAMES)}
    assert code in codes


def test_homoglyph_domains_show_their_real_form():
    cyrillic = "service@tokenp\u043ecket.pro"  # Cyrillic o
    warnings = check_recipient(cyrillic, OFFICIAL, names=NAMES)
    assert {w.code for w in warnings} >= {RecipientIssue.NON_ASCII, RecipientIssue.LOOKALIKE}
    shown = next(w for w in warnings if w.code is RecipientIssue.NON_ASCII)
    assert shown.ascii_domain.startswith("xn--") and shown.ascii_domain in shown.message


def test_exchange_recipients_get_a_reminder_not_a_phishing_alarm():
    warnings = check_recipient("support@exchange.example", OFFICIAL, recipient="exchange", names=NAMES)
    assert [w.code for w in warnings] == [RecipientIssue.EXCHANGE_VERIFY]
    assert {w.code for w in check_recipient("", OFFICIAL, recipient="exchange")} == {RecipientIssue.EMPTY}
    assert RecipientIssue.LOOKALIKE in {w.code for w in check_recipient("x@tokenpocket-help.com", OFFICIAL,
                                                                         recipient="exchange", names=NAMES)}


# ---- attachments -----------------------------------------------------------------------------------------------
def test_jpeg_exif_and_gps_are_stripped(tmp_path):
    raw = jpeg_with_gps()
    with Image.open(io.BytesIO(raw)) as before:
        assert before.getexif().get_ifd(0x8825)  # the test picture really has GPS
    src = tmp_path / "IMG_0001.jpg"
    src.write_bytes(raw)
    cleaned = att.load(src)
    assert cleaned.cleaned and cleaned.content_type == "image/jpeg" and cleaned.filename == "IMG_0001.jpg"
    with Image.open(io.BytesIO(cleaned.data)) as after:
        assert not after.getexif() and "exif" not in after.info and "icc_profile" not in after.info
    assert b"Exif" not in cleaned.data and b"PhoneMaker" not in cleaned.data


def test_orientation_is_applied_before_exif_goes():
    cleaned = att.from_bytes(jpeg_with_gps(orientation=6, size=(40, 20)), "rotated.jpg")
    with Image.open(io.BytesIO(cleaned.data)) as img:
        assert img.size == (20, 40)


def test_png_text_chunks_are_dropped():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "owner: alex, seed backup screen")
    out = io.BytesIO()
    Image.new("RGBA", (10, 10), (255, 0, 0, 128)).save(out, "PNG", pnginfo=info)
    cleaned = att.from_bytes(out.getvalue(), "a.png")
    assert cleaned.content_type == "image/png" and b"owner: alex" not in cleaned.data


def test_size_limits_have_clear_messages(monkeypatch):
    monkeypatch.setattr(att, "MAX_EACH", 2000)
    noise = Image.frombytes("RGBA", (120, 120), random_bytes(120 * 120 * 4))
    out = io.BytesIO()
    noise.save(out, "PNG")
    with pytest.raises(att.AttachmentError) as info:
        att.from_bytes(out.getvalue(), "big.png")
    assert info.value.code is att.AttachmentProblem.TOO_BIG
    assert "over the limit of 2.0 KB per file" in str(info.value) or "per file" in str(info.value)
    monkeypatch.setattr(att, "MAX_EACH", 5 * 1024 * 1024)
    monkeypatch.setattr(att, "MAX_TOTAL", 100)
    small = att.from_bytes(jpeg_with_gps(), "a.jpg")
    with pytest.raises(att.AttachmentError) as info:
        att.check_total([small], small)
    assert info.value.code is att.AttachmentProblem.TOTAL_TOO_BIG and "per email" in str(info.value)


def test_other_files_are_refused_and_names_made_safe(tmp_path):
    with pytest.raises(att.AttachmentError) as info:
        att.from_bytes(b"%PDF-1.7", "statement.pdf")
    assert info.value.code is att.AttachmentProblem.UNSUPPORTED
    with pytest.raises(att.AttachmentError) as info:
        att.load(tmp_path / "gone.png")
    assert info.value.code is att.AttachmentProblem.MISSING
    assert att.safe_filename("../../etc/pass\r\nwd.txt") == "pass_wd.txt"
    assert att.unique_names(["a.png", "A.png", "a.png"]) == ["a.png", "A (2).png", "a (3).png"]


# ---- failed writes -----------------------------------------------------------------------------------------------
def test_missing_folder_gives_a_clear_error_and_leaves_the_message(message, tmp_path):
    before = message
    with pytest.raises(exports.ExportFailed) as info:
        exports.save_eml(message, tmp_path / "gone" / "draft.eml")
    assert "folder does not exist" in str(info.value) and "Nothing was changed" in str(info.value)
    assert message == before


def test_disk_full_leaves_no_partial_file(message, tmp_path, monkeypatch):
    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(exports.ExportFailed) as info:
        exports.save_txt(message, tmp_path / "draft.txt")
    assert info.value.reason == "the disk is full"
    assert list(tmp_path.iterdir()) == []


def test_permission_denied_is_reported(message, tmp_path, monkeypatch):
    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(exports.ExportFailed) as info:
        exports.save_eml(message, tmp_path / "draft.eml")
    assert info.value.reason == "permission denied"
    assert list(tmp_path.iterdir()) == []


def test_existing_file_is_replaced_whole(message, tmp_path):
    target = tmp_path / "draft.txt"
    target.write_text("old", encoding="utf-8")
    exports.save(message, target)
    assert target.read_text(encoding="utf-8").startswith("To: service@tokenpocket.pro\nSubject: ")
    with pytest.raises(ValueError):
        exports.save(message, tmp_path / "draft.doc")


def test_ambiguous_finds_inside_app_written_text_are_not_asked_about(tmp_path):
    # e.g. a translator put an example hash into a label: app text, not typed by the user
    label = "Hash of the replacement, like " + random_bytes(32).hex()
    m = Message("service@tokenpocket.pro", "s", f"{label}: 0x{random_bytes(32).hex()}\n", accepted=())
    with pytest.raises(ExportBlocked):
        exports.save_txt(m, tmp_path / "a.txt")
    exports.save_txt(Message(m.to, m.subject, m.body, accepted=(m.body.split(": ")[1].strip(),), trusted=(label,)),
                     tmp_path / "a.txt")
    phrase = secrets()["en12"]
    with pytest.raises(ExportBlocked):  # a blocking find is never excused, even inside "trusted" text
        exports.save_txt(Message(m.to, m.subject, f"{phrase}\n", trusted=(phrase,)), tmp_path / "b.txt")
