"""Strict To-line syntax: plain addresses only, so the recipient is exactly what the user sees and confirms.

Mail programs read a To line by RFC 5322, which lets text that looks like one address send to another:
an encoded word (`=?utf-8?b?…?=`) that decodes to `Bcc: evil@x.com`, a line break that starts a new header,
a display name that is itself an address (`"service@tokenpocket.pro" <evil@x.com>`), a comment, a group,
a right-to-left override that reverses what is shown. None of that is needed to write to a support desk, so
`parse_to()` accepts only

    name@example.com, other@example.org           plain addresses, separated by commas (or semicolons)
    Support Team <name@example.com>               a name in front, holding no address or domain

and refuses anything else with `RecipientRejected`, whose message says what was wrong and what a valid value
looks like. Lengths follow RFC 5321: at most 64 octets before the @, 255 after it, 254 for the whole address.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from assistant.errors import AssistantError

MAX_LOCAL = 64  # RFC 5321 §4.5.3.1.1
MAX_DOMAIN = 255  # RFC 5321 §4.5.3.1.2
MAX_LABEL = 63  # RFC 1035
MAX_PATH = 254  # RFC 5321 §4.5.3.1.3: 256 octets for the path, less the angle brackets
MAX_NAME = 100  # characters of a display name: longer ones only hide the address in mail programs
EXAMPLE = "name@example.com"


class RecipientIssue(StrEnum):
    EMPTY = "empty"  # nothing entered (exchange requests: the user must add the exchange's address)
    INVALID = "invalid"  # not an email address
    CONTROL = "control"  # refused: a line break or another control character (can add hidden recipients)
    ENCODED = "encoded"  # refused: an RFC 2047 encoded word, which mail programs decode into other text
    HIDDEN = "hidden"  # refused: invisible or direction-changing characters (U+202E…)
    SPOOF = "spoof"  # refused: the display name holds an address or a domain that is not where mail goes
    TOO_LONG = "too_long"  # refused: longer than RFC 5321 allows
    UNOFFICIAL = "unofficial"  # a domain that is not the wallet's
    LOOKALIKE = "lookalike"  # a domain imitating the wallet's (brand name elsewhere, homoglyphs, extra words)
    NON_ASCII = "non_ascii"  # internationalised/punycode domain: letters that may only look like the real ones
    FREE_MAIL = "free_mail"  # a personal webmail box: no real support desk writes from one
    EXCHANGE_VERIFY = "exchange_verify"  # reminder: take the exchange's address from its official site


# Values that can never be exported (the others are warnings the user may accept).
REFUSALS = frozenset({RecipientIssue.INVALID, RecipientIssue.CONTROL, RecipientIssue.ENCODED, RecipientIssue.HIDDEN,
                      RecipientIssue.SPOOF, RecipientIssue.TOO_LONG})

_VALID = f"Enter plain addresses like {EXAMPLE}, separated by commas; a name may come first: Support <{EXAMPLE}>."
REFUSAL_MESSAGES = {
    RecipientIssue.INVALID: "“{item}” is not an email address: {detail}. " + _VALID,
    RecipientIssue.CONTROL: ("“{item}” contains a line break or control character ({detail}); a line break can add "
                             "hidden recipients. Type the address on one line. " + _VALID),
    RecipientIssue.ENCODED: ("“{item}” contains encoded text ({detail}) that mail programs turn into other characters, "
                             "even into another address. Type the address itself. " + _VALID),
    RecipientIssue.HIDDEN: ("“{item}” contains invisible or text-direction characters ({detail}) that make an address "
                            "look like another one. Retype the address by hand. " + _VALID),
    RecipientIssue.SPOOF: ("“{item}”: the name in front of the address shows {detail}, but the email would go to the "
                           "address in <…>. Enter the address alone, or a name without an address or domain in it. "
                           + _VALID),
    RecipientIssue.TOO_LONG: "“{item}” is longer than email allows: {detail}. " + _VALID,
}


class RecipientRejected(AssistantError):
    """The To line is not a plain list of addresses; `code` says why, `item` is the offending part (made visible)."""

    def __init__(self, code: RecipientIssue, item: str, detail: str) -> None:
        self.code = code
        self.item = visible(item)
        self.detail = detail
        super().__init__("Recipient refused: " + REFUSAL_MESSAGES[code].format(item=self.item, detail=detail))


@dataclass(frozen=True, slots=True)
class Recipient:
    """One confirmed recipient: the display name ("" for none) and the address as typed."""

    name: str
    address: str

    @property
    def local(self) -> str:
        return self.address.rpartition("@")[0]

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2]

    @property
    def ascii_address(self) -> str:
        """The address a mail server sees: the domain in IDNA (punycode) form, lower case."""
        return f"{self.local}@{ascii_domain(self.domain)}"

    def key(self) -> tuple[str, str]:
        """What must survive a round trip through a mail file: the name and the address (domain case-insensitive)."""
        return self.name, self.ascii_address

    def __str__(self) -> str:
        return f"{quote_name(self.name)} <{self.address}>" if self.name else self.address


def visible(text: str) -> str:
    """`text` with every control, invisible or direction-changing character shown as [U+XXXX]."""
    return "".join(f"[U+{ord(c):04X}]" if _hidden_char(c) else c for c in text)


def _hidden_char(c: str) -> bool:
    return unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")


def ascii_domain(domain: str) -> str:
    """IDNA form of a domain (raises UnicodeError when it has none)."""
    labels = domain.rstrip(".").split(".")
    return ".".join(lb.lower() if lb.isascii() else lb.encode("idna").decode("ascii").lower() for lb in labels)


def quote_name(name: str) -> str:
    """A display name as written in a To line: bare when it is only words, otherwise in double quotes."""
    return name if re.fullmatch(r"[\w -]+", name) else f'"{name}"'


def format_to(recipients: Iterable[Recipient]) -> str:
    """The canonical To line people see (in the review, text exports and the clipboard)."""
    return ", ".join(str(r) for r in recipients)


# ---- parsing -----------------------------------------------------------------------------------------------------
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[A-Za-z]\?[^?\s]*\?=|=\?")
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
_LOCAL = re.compile(rf"{_ATEXT}+(?:\.{_ATEXT}+)*")
_LABEL = re.compile(r"[^\W_](?:[\w-]*[^\W_])?")
_ADDRESS_LIKE = re.compile(r"@|\b[^\W_][\w-]*(?:\.[^\W_][\w-]*)*\.[^\W\d_]{2,}\b|https?:|www\.", re.IGNORECASE)


def _split_items(text: str) -> list[str]:
    """Items separated by commas or semicolons outside double quotes and angle brackets."""
    items: list[str] = []
    current: list[str] = []
    quoted, angle = False, 0
    for c in text:
        if c == '"' and not angle:
            quoted = not quoted
        elif c == "<" and not quoted:
            angle += 1
        elif c == ">" and not quoted:
            angle -= 1
        if c in ",;" and not quoted and angle <= 0:
            items.append("".join(current))
            current = []
            continue
        current.append(c)
    items.append("".join(current))
    return [i.strip(" \t") for i in items if i.strip(" \t")]


def check_address(item: str, address: str) -> str:
    """`address` when it is a plain addr-spec within RFC 5321 limits; raises RecipientRejected naming the fault."""
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        raise RecipientRejected(RecipientIssue.INVALID, item, f"an address needs a name, an @ and a domain, like {EXAMPLE}")
    if "@" in local:
        raise RecipientRejected(RecipientIssue.INVALID, item, "it has more than one @")
    if any(c.isspace() for c in address):
        raise RecipientRejected(RecipientIssue.INVALID, item, "an address has no spaces in it")
    if not _LOCAL.fullmatch(local):
        raise RecipientRejected(RecipientIssue.INVALID, item, f"the part before the @ (“{local}”) may hold only Latin letters, "
                                "digits and . _ - + (no quotes, brackets or other alphabets)")
    labels = domain.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(lb) for lb in labels) or labels[-1].isdigit():
        raise RecipientRejected(RecipientIssue.INVALID, item, f"“{domain}” after the @ is not a domain like example.com")
    if len(local.encode("utf-8")) > MAX_LOCAL:
        raise RecipientRejected(RecipientIssue.TOO_LONG, item, f"{len(local)} characters before the @ (at most {MAX_LOCAL})")
    try:
        wire = ascii_domain(domain)
    except UnicodeError:
        raise RecipientRejected(RecipientIssue.INVALID, item, f"the domain “{domain}” cannot be written for mail servers") from None
    if len(wire) > MAX_DOMAIN:
        raise RecipientRejected(RecipientIssue.TOO_LONG, item, f"the domain has {len(wire)} characters (at most {MAX_DOMAIN})")
    longest = max(wire.split("."), key=len)
    if len(longest) > MAX_LABEL:
        raise RecipientRejected(RecipientIssue.TOO_LONG, item, f"a part of the domain between dots has {len(longest)} "
                                f"characters (at most {MAX_LABEL})")
    if len(local) + 1 + len(wire) > MAX_PATH:
        raise RecipientRejected(RecipientIssue.TOO_LONG, item, f"the address has {len(local) + 1 + len(wire)} characters "
                                f"(at most {MAX_PATH})")
    return address


def _name_char(c: str) -> bool:
    if c.isascii():
        return c.isalnum() or c in " .'-_&+"
    return unicodedata.category(c)[0] in "LMNP"


def _check_name(item: str, raw: str) -> str:
    """The display name without its quotes. It may hold letters of any script, digits, spaces, . ' - _ & + and
    non-Latin punctuation: never an address or a domain, and nothing a mail program could read as syntax once it
    decodes a non-ASCII name (commas, colons, brackets, quotes)."""
    name = raw[1:-1] if len(raw) >= 2 and raw[0] == raw[-1] == '"' else raw
    name = " ".join(name.split())
    found = _ADDRESS_LIKE.search(unicodedata.normalize("NFKC", name))
    if found:
        raise RecipientRejected(RecipientIssue.SPOOF, item, f"“{found.group(0)}”, which looks like an address or a domain"
                                if found.group(0) != "@" else "an @, as if it were an address")
    bad = "".join(sorted({c for c in name if not _name_char(c)}))
    if bad:
        raise RecipientRejected(RecipientIssue.INVALID, item, f"the name holds {' '.join(bad)}; a name may hold only letters, "
                                "digits, spaces and . ' - _ & +")
    if len(name) > MAX_NAME:
        raise RecipientRejected(RecipientIssue.TOO_LONG, item, f"the name has {len(name)} characters (at most {MAX_NAME})")
    return name


def _parse_item(item: str) -> Recipient:
    if "<" not in item and ">" not in item:
        return Recipient("", check_address(item, item))
    match = re.fullmatch(r"(?P<name>[^<>]*?)\s*<(?P<addr>[^<>]*)>", item)
    if match is None:
        raise RecipientRejected(RecipientIssue.INVALID, item, "it has < or > outside one pair around the address")
    address = check_address(item, match["addr"].strip(" \t"))
    return Recipient(_check_name(item, match["name"]) if match["name"] else "", address)


def parse_to(text: str) -> tuple[Recipient, ...]:
    """The recipients of a To line, or RecipientRejected naming what is wrong. An empty line gives ()."""
    for c in text:
        if c in " \t":
            continue
        category = unicodedata.category(c)
        if category in ("Cc", "Zl", "Zp", "Cs"):
            raise RecipientRejected(RecipientIssue.CONTROL, text, f"U+{ord(c):04X} {_char_name(c)}")
        if category in ("Cf", "Co", "Cn"):
            raise RecipientRejected(RecipientIssue.HIDDEN, text, f"U+{ord(c):04X} {_char_name(c)}")
    encoded = _ENCODED_WORD.search(text)
    if encoded:
        raise RecipientRejected(RecipientIssue.ENCODED, text, f"“{encoded.group(0)}”")
    return tuple(_parse_item(item) for item in _split_items(text))


def _char_name(c: str) -> str:
    return {"\r": "carriage return", "\n": "line feed", "\x00": "NUL"}.get(c) or unicodedata.name(c, "control character").lower()
