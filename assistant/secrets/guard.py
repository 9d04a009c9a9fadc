"""The last check before anything leaves the app: secrets in any outgoing text.

`guard(parts, exit_name)` is called by every export path (.eml, mailto, clipboard, .txt, print/PDF) right before
it writes or hands over anything; it raises `ExportBlocked` when a secret is found, so a secret is never written.
Messages describe what was found and where, never the secret itself.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from assistant.errors import ExportBlocked
from assistant.secrets.scan import Finding, Severity, find_secrets


class Exit(StrEnum):
    EML = "eml"
    MAILTO = "mailto"
    CLIPBOARD = "clipboard"
    TXT = "txt"
    PRINT = "print"
    PDF = "pdf"


EXIT_NAMES = {Exit.EML: ".eml file", Exit.MAILTO: "mail app", Exit.CLIPBOARD: "clipboard", Exit.TXT: "text file",
              Exit.PRINT: "printer", Exit.PDF: "PDF file"}

# Why each kind of secret must not be sent (English; the UI has translated versions under ui.review.secret.*).
WHY = {
    "mnemonic": "a recovery phrase is the wallet itself: whoever reads it can take every coin, and real support never asks for it",
    "private_key_hex": "64 hexadecimal characters may be a private key, which gives full control of the funds",
    "wif": "a WIF private key gives full control of the Bitcoin funds",
    "extended_private_key": "an extended private key (xprv) unlocks every address of the wallet",
    "keystore_json": "a keystore file can be cracked offline and, with its password, gives full control",
    "solana_secret_key": "a Solana secret key gives full control of the account",
    "password_line": "a password or PIN belongs to you alone; support never needs it",
    "totp_code": "a one-time (2FA / verification) code lets someone log in as you",
}
PART_NAMES = {"to": "recipient", "subject": "subject", "body": "body", "attachment_name": "attachment name",
              "attachment_text": "attached text file"}


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of outgoing text: `name` is to/subject/body/attachment_name/attachment_text."""

    name: str
    text: str = field(repr=False)  # never in a repr: it may hold the secret, and reprs end up in logs
    label: str = ""  # e.g. the attachment's file name, to say where a finding is
    context: str = "free_text"


@dataclass(frozen=True, slots=True)
class Hit:
    part: Part
    finding: Finding
    line: int
    col: int

    @property
    def blocking(self) -> bool:
        return self.finding.severity is Severity.BLOCK


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _norm_value(value: str) -> str:
    v = value.strip().lower()
    return v[2:] if v.startswith("0x") else v


def accepted_set(values: Iterable[str]) -> frozenset[str]:
    """Values the user has said are public (transaction hashes entered in the tx-hash field)."""
    return frozenset(_norm_value(v) for v in values if v and v.strip())


def scan_parts(parts: Sequence[Part], accepted: Iterable[str] = (), trusted: Iterable[str] = ()) -> list[Hit]:
    """Every finding that stops an export. A CONFIRM finding whose text is an accepted value (a transaction hash
    from the tx-hash field, or one the user confirmed), or lies wholly inside text the app wrote from its content
    files (`trusted`: template, labels, step titles), is dropped; a BLOCK finding never is."""
    ok = accepted_set(accepted)
    known = tuple(t for t in trusted if t)
    hits: list[Hit] = []
    for part in parts:
        if not part.text:
            continue
        for f in find_secrets(part.text, context=part.context):
            if f.severity is Severity.CONFIRM:
                found = part.text[f.start:f.end]
                if _norm_value(found) in ok or any(found in t for t in known):
                    continue
            line, col = position(part.text, f.start)
            hits.append(Hit(part, f, line, col))
    return hits


def describe(hit: Hit) -> str:
    """English one-liner for logs and the command line; never contains the secret."""
    where = PART_NAMES.get(hit.part.name, hit.part.name)
    if hit.part.label:
        where += f" {hit.part.label!r}"
    why = WHY.get(str(hit.finding.kind), "it may give someone control of your funds")
    what = "must be removed" if hit.blocking else "must be removed, or confirmed as a transaction hash"
    return f"{where}, line {hit.line}, column {hit.col}: {hit.finding.kind} ({hit.finding.detail}) {what}: {why}"


def guard(parts: Sequence[Part], exit_name: str, *, accepted: Iterable[str] = (), trusted: Iterable[str] = ()) -> None:
    """Raise ExportBlocked if any outgoing text holds a secret; return quietly otherwise."""
    hits = scan_parts(parts, accepted, trusted)
    if hits:
        target = EXIT_NAMES.get(exit_name, exit_name)  # type: ignore[call-overload]
        lines = "\n".join(f"  - {describe(h)}" for h in hits)
        message = (f"Nothing was sent to the {target}: the text holds {len(hits)} possible secret(s). Real support "
                   f"never asks for a recovery phrase, private key or password.\n{lines}")
        raise ExportBlocked(hits, message)
