"""The .eml's envelope-facing headers, written from the confirmed recipients and read back before the file is kept.

`To` is built from `Recipient`s that `assistant.secrets.addresses.parse_to` accepted (plain addresses, names with
no address-like text), with the domain in its IDNA form so no mail program has to decode it. The finished bytes
are then parsed again, by the strict modern parser and by the lenient legacy one many clients resemble: the file
is refused unless both read exactly the confirmed recipients and no other recipient header. Every line stays
within RFC 5322's 998 octets.
"""
from __future__ import annotations

from collections.abc import Sequence
from email import message_from_bytes, policy
from email.headerregistry import Address
from email.utils import getaddresses

from assistant.errors import AssistantError
from assistant.secrets.addresses import Recipient, ascii_domain, format_to

MAX_LINE = 998  # octets per line, CRLF excluded (RFC 5322 §2.1.1)
# Headers that add recipients or re-route a message; a draft carries none of them but To.
RECIPIENT_HEADERS = ("Cc", "Bcc", "Resent-To", "Resent-Cc", "Resent-Bcc", "Apparently-To", "Envelope-To", "Reply-To",
                     "Disposition-Notification-To", "Return-Receipt-To")


class RecipientMismatch(AssistantError):
    """The written draft would not go to exactly the confirmed recipients; it is not kept."""

    def __init__(self, expected: Sequence[Recipient], found: str) -> None:
        self.expected = tuple(expected)
        self.found = found
        super().__init__(f"The draft was not saved: read back, it would go to {found or 'nobody'} instead of exactly "
                         f"{format_to(expected) or 'nobody'}. Enter plain addresses like name@example.com and try again.")


class LineTooLong(AssistantError):
    def __init__(self, where: str, length: int) -> None:
        super().__init__(f"The draft was not saved: a line of its {where} has {length} octets, more than the "
                         f"{MAX_LINE} mail allows. Shorten that value and try again.")


def to_addresses(recipients: Sequence[Recipient]) -> list[Address]:
    """Header objects for `msg["To"]`; the email package quotes and encodes the names, folds the line."""
    return [Address(display_name=r.name, username=r.local, domain=ascii_domain(r.domain)) for r in recipients]


def _key(name: str, addr_spec: str) -> tuple[str, str]:
    local, _at, domain = addr_spec.rpartition("@")
    return " ".join(name.split()), f"{local}@{domain.lower()}"


def verify_recipients(data: bytes, expected: Sequence[Recipient]) -> None:
    """Raise RecipientMismatch unless `data` (a whole .eml) has exactly `expected` as its only recipients."""
    want = [r.key() for r in expected]
    modern = message_from_bytes(data, policy=policy.default)
    headers = modern.get_all("To") or []
    extra = [h for h in RECIPIENT_HEADERS if modern.get_all(h)]
    try:
        got = [_key(a.display_name, a.addr_spec) for h in headers for a in h.addresses]
        defects = [d for h in headers for d in h.defects]
    except (AttributeError, TypeError, ValueError, IndexError):
        got, defects = [], ["unreadable To"]
    legacy = message_from_bytes(data, policy=policy.compat32)
    legacy_got = [addr.lower() for _name, addr in getaddresses([str(v) for v in legacy.get_all("To") or []])]
    found = ", ".join(str(h) for h in headers) + "".join(f"; {h}: {modern[h]}" for h in extra)
    if (len(headers) > (1 if want else 0) or extra or defects or got != want
            or legacy_got != [w[1].lower() for w in want]):
        raise RecipientMismatch(expected, found)


def check_line_lengths(data: bytes) -> None:
    """Raise LineTooLong when any line of the message exceeds MAX_LINE octets."""
    in_headers = True
    for line in data.split(b"\n"):
        line = line.rstrip(b"\r")
        if not line:
            in_headers = False
        if len(line) > MAX_LINE:
            raise LineTooLong("headers" if in_headers else "text", len(line))
