"""Hypothesis: whatever people type, the .eml reads back to the same values and never grows a header;
mailto links stay within their length and carry the body exactly when they say they do."""
from __future__ import annotations

from email import policy
from email.parser import BytesParser
from urllib.parse import unquote, urlsplit

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assistant.email import exports
from assistant.email.attachments import Attachment, safe_filename
from assistant.email.exports import Message, clean_body, clean_header
from assistant.secrets.scan import find_secrets

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
BASE_HEADERS = {"To", "Subject", "Date", "X-Unsent", "MIME-Version", "Content-Type"}
# Anything a keyboard or a paste can produce, line breaks and control characters included.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
NOISY = st.lists(st.one_of(st.characters(blacklist_categories=("Cs",)),
                           st.sampled_from(["\r\n", "\r", "\n", "Bcc: x@y.z", "=?utf-8?q?x?=", " ", "中文"])),
                 max_size=60).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def no_secret(*texts: str) -> bool:
    return not any(find_secrets(t) for t in texts)


def parse(data: bytes):
    return BytesParser(policy=policy.default).parsebytes(data)


@SETTINGS
@given(to=st.emails(), subject=NOISY, body=TEXT, names=st.lists(NOISY, max_size=3))
def test_eml_always_reads_back_to_the_same_values(to, subject, body, names):
    assume("=?" not in to)  # an encoded-word opener is refused even inside an address (see test_recipients)
    files = tuple(Attachment(n or "x", "image/png", PNG + n.encode("utf-8", "replace")) for n in names)
    message = Message(to, subject, body, files)
    clean = message.cleaned()
    assume(no_secret(clean.to, clean.subject, clean.body, *(a.filename for a in clean.attachments)))
    msg = parse(exports.eml_bytes(message))
    expected = (BASE_HEADERS if clean.to else BASE_HEADERS - {"To"}) | (set() if files else {"Content-Transfer-Encoding"})
    assert set(msg.keys()) == expected
    if clean.to:
        assert msg["To"].addresses[0].addr_spec.lower() == clean.to.lower()
    assert str(msg["Subject"]) == exports.reveal_bidi(clean.subject)
    assert msg["X-Unsent"] == "1"
    assert msg.get_body(("plain",)).get_content().replace("\r\n", "\n") == exports.reveal_bidi(clean.body)
    got = [(p.get_filename(), p.get_payload(decode=True)) for p in msg.iter_attachments()]
    assert got == [(a.filename, a.data) for a in clean.attachments]


@SETTINGS
@given(NOISY)
def test_header_values_are_one_line_and_stable(value):
    cleaned = clean_header(value)
    assert "\n" not in cleaned and "\r" not in cleaned and cleaned == cleaned.strip()
    assert clean_header(cleaned) == cleaned


@SETTINGS
@given(TEXT)
def test_body_cleaning_is_idempotent(value):
    cleaned = clean_body(value)
    assert "\r" not in cleaned and cleaned.endswith("\n")
    assert clean_body(cleaned) == cleaned


@SETTINGS
@given(NOISY)
def test_file_names_cannot_carry_paths_or_breaks(name):
    safe = safe_filename(name)
    assert safe and "/" not in safe and "\\" not in safe
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in safe)
    assert len(safe) <= 100


@SETTINGS
@given(subject=TEXT, body=TEXT, limit=st.integers(min_value=300, max_value=4000))
def test_mailto_stays_within_its_limit_and_is_exact_when_not_shortened(subject, body, limit):
    message = Message("service@tokenpocket.pro", subject, body)
    clean = message.cleaned()
    assume(no_secret(clean.subject, clean.body))
    link = exports.mailto(message, limit=limit, note="[full text on the clipboard]")
    assert len(link.url) <= limit
    assert link.full_body == exports.reveal_bidi(clean.body)
    assert all(c.isascii() and not c.isspace() for c in link.url)
    query = dict(pair.split("=", 1) for pair in urlsplit(link.url).query.split("&") if pair)
    if not link.shortened and clean.body:
        assert unquote(query["body"]).replace("\r\n", "\n") == exports.reveal_bidi(clean.body)
    if link.shortened:
        assert unquote(query["body"]).startswith("[full text on the clipboard]")
