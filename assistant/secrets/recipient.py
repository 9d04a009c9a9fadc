"""The recipient guard: the To line is exactly what the user confirmed, and it is checked against the wallet
profile's official domains.

`parse_to()` accepts only plain addresses, each optionally after a display name holding no address-like text,
and refuses everything a mail program could read differently from what the user sees (line breaks and control
characters, RFC 2047 encoded words, invisible or direction-changing characters, names that look like addresses,
parts longer than RFC 5321 allows). `check_recipient()` reports those refusals first, then warns about
look-alikes (brand names on other domains, official names used as sub-domains elsewhere, punycode/homoglyphs),
free-mail boxes and unofficial domains.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.secrets.addresses import (
    REFUSAL_MESSAGES,
    REFUSALS,
    Recipient,
    RecipientIssue,
    RecipientRejected,
    format_to,
    parse_to,
    visible,
)

__all__ = ["REFUSALS", "Recipient", "RecipientIssue", "RecipientRejected", "RecipientWarning", "check_recipient",
           "format_to", "parse_recipients", "parse_to", "visible"]


@dataclass(frozen=True, slots=True)
class RecipientWarning:
    code: RecipientIssue
    address: str = ""
    domain: str = ""  # as typed (lower case)
    ascii_domain: str = ""  # punycode form, showing what a mail server would really see
    official: str = ""  # the official domains, comma-separated
    detail: str = ""  # refusals: what exactly is wrong (English)

    @property
    def blocking(self) -> bool:
        """A refusal: no export takes this To line, whatever the user answers."""
        return self.code in REFUSALS

    @property
    def message(self) -> str:
        if self.code in REFUSALS and self.detail:
            return REFUSAL_MESSAGES[self.code].format(item=self.address, detail=self.detail)
        return _RECIPIENT_MESSAGES[self.code].format(address=self.address, domain=self.domain,
                                                     ascii_domain=self.ascii_domain, official=self.official)


_RECIPIENT_MESSAGES = {
    RecipientIssue.EMPTY: "No recipient yet. For an exchange, copy the support address from the exchange's official website or app.",
    RecipientIssue.INVALID: "“{address}” is not an email address (name@domain).",
    RecipientIssue.CONTROL: "“{address}” contains a line break or control character; type the address on one line.",
    RecipientIssue.ENCODED: "“{address}” contains encoded text (=?…?=); type the address itself.",
    RecipientIssue.HIDDEN: "“{address}” contains invisible or text-direction characters; retype the address by hand.",
    RecipientIssue.SPOOF: "“{address}”: the name in front of the address looks like an address or domain itself.",
    RecipientIssue.TOO_LONG: "“{address}” is longer than email allows.",
    RecipientIssue.UNOFFICIAL: "{domain} is not an official domain of the wallet ({official}). Check where you found this address.",
    RecipientIssue.LOOKALIKE: (
        "{domain} imitates the wallet's official domain ({official}) but is not it: this is how fake support "
        "collects recovery phrases. Use the address from the official website or the app."
    ),
    RecipientIssue.NON_ASCII: (
        "{domain} contains letters from other alphabets (it is really {ascii_domain}); such addresses are used to "
        "look like official ones."
    ),
    RecipientIssue.FREE_MAIL: "{domain} is a personal webmail service; real support desks do not use personal mailboxes.",
    RecipientIssue.EXCHANGE_VERIFY: (
        "Check this address on the exchange's official website or in its app before sending; never take it from a "
        "search result, a chat or a message someone sent you."
    ),
}

FREE_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com",
    "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "mail.ru", "yandex.ru", "qq.com", "163.com",
    "126.com", "sina.com", "foxmail.com", "yeah.net", "aliyun.com", "naver.com",
})

# Letters that pass for Latin ones at a glance (Cyrillic, Greek, digits) → what they imitate.
_CONFUSABLE = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "к": "k", "т": "t", "н": "h", "м": "m", "в": "b", "ո": "n", "ɡ": "g", "ı": "i", "ℓ": "l",
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "τ": "t", "κ": "k", "ι": "i", "ε": "e", "υ": "u",
    "0": "o", "1": "l", "3": "e", "5": "s", "$": "s", "@": "a",
})


def _unicode_domain(domain: str) -> str:
    labels = []
    for label in domain.split("."):
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except UnicodeError:
                pass
        labels.append(label)
    return ".".join(labels)


def _ascii_domain(domain: str) -> str:
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return domain


def skeleton(text: str) -> str:
    """What a domain looks like to a hurried reader: accents and look-alike letters folded, separators dropped."""
    folded = unicodedata.normalize("NFKD", _unicode_domain(text.lower()))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).translate(_CONFUSABLE)
    plain = plain.replace("rn", "m").replace("vv", "w").replace("l", "i")
    return "".join(c for c in plain if c.isalnum())


def _brands(official: Sequence[str], names: Iterable[str]) -> set[str]:
    brands = {skeleton(d.rsplit(".", 1)[0]) for d in official}
    brands |= {skeleton(n) for n in names if n}
    return {b for b in brands if len(b) >= 4 and b.isascii()}


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=False)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def is_official(domain: str, official: Sequence[str]) -> bool:
    d = domain.lower().rstrip(".")
    return any(d == o.lower() or d.endswith("." + o.lower()) for o in official)


def _punycode_basics(domain: str) -> str:
    """The plain letters of xn-- labels (what precedes the last '-'), even when the label does not decode."""
    return ".".join(lb[4:].rpartition("-")[0] or lb[4:] if lb.startswith("xn--") else lb for lb in domain.split("."))


def _looks_alike(domain: str, official: Sequence[str], brands: set[str]) -> bool:
    if "xn--" in domain and _looks_alike(_punycode_basics(domain), official, brands):
        return True
    sk = skeleton(domain)
    if any(b in sk for b in brands):
        return True
    first = skeleton(domain.rsplit(".", 1)[0]) if "." in domain else sk
    return any(_within_one_edit(first, b) or _within_one_edit(sk, skeleton(o)) for b in brands for o in official)


def parse_recipients(text: str) -> list[str]:
    """Addresses in a To line ("Name <a@b>, c@d"); raises RecipientRejected for anything but plain addresses."""
    return [r.address for r in parse_to(text)]


def check_recipient(to: str, official: Sequence[str], *, recipient: str = "wallet",
                    names: Iterable[str] = ()) -> list[RecipientWarning]:
    """Warnings for the To line. `recipient` is the outcome's recipient ("wallet" or "exchange"); for the
    wallet, every domain outside `official` (sub-domains included) is warned about. `names` are the
    profile's name and aliases, used to spot brand look-alikes."""
    names = tuple(names)
    official_text = ", ".join(official)
    try:
        addresses = [r.address for r in parse_to(to)]
    except RecipientRejected as exc:  # a refusal: the only thing worth saying until the value is plain
        return [RecipientWarning(exc.code, exc.item, official=official_text, detail=exc.detail)]
    warnings: list[RecipientWarning] = []
    if not addresses:
        return [RecipientWarning(RecipientIssue.EMPTY, official=official_text)]
    brands = _brands(official, names)
    for addr in addresses:
        domain = addr.rpartition("@")[2].lower().rstrip(".")
        ascii_domain = _ascii_domain(domain)
        base = dict(address=addr, domain=domain, ascii_domain=ascii_domain, official=official_text)
        non_ascii = not domain.isascii() or any(lb.startswith("xn--") for lb in ascii_domain.split("."))
        if is_official(ascii_domain, official) and not non_ascii:
            continue
        if non_ascii:
            warnings.append(RecipientWarning(RecipientIssue.NON_ASCII, **base))
        if domain in FREE_MAIL_DOMAINS:
            warnings.append(RecipientWarning(RecipientIssue.FREE_MAIL, **base))
        if recipient == "wallet" or _looks_alike(domain, official, brands):
            lookalike = _looks_alike(domain, official, brands)
            code = RecipientIssue.LOOKALIKE if lookalike else RecipientIssue.UNOFFICIAL
            warnings.append(RecipientWarning(code, **base))
    if recipient != "wallet":
        warnings.append(RecipientWarning(RecipientIssue.EXCHANGE_VERIFY, official=official_text))
    return warnings
