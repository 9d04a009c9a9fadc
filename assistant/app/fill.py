"""Filling a form from a screenshot: which value found on the picture may go into which EMPTY field.

Each offer is checked the way the field itself checks what is typed (chain checksums, the network the person
chose, the secret firewall), so an offer can always be accepted as it is. Fields that already hold something are
never offered: what the person typed wins. A picture that shows a recovery phrase or key offers nothing.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from assistant.app.forms import local_zone, with_default_zone
from assistant.validation.fields import check_value
from assistant.vision.check import PictureCheck, PictureState, check_picture
from assistant.vision.engine import Recogniser
from assistant.vision.fields import Found, FoundKind, extract

# Field names (as the flows spell them) that say whose address a field holds.
_SENDER_WORDS = ("from", "your", "sender", "old")
_RECIPIENT_WORDS = ("to_", "deposit", "recipient", "scammer", "attacker", "receiver", "destination")
_KIND_OF_FIELD = {FoundKind.TX_HASH: "tx_hash", FoundKind.AMOUNT: "amount", FoundKind.TIME: "datetime",
                  FoundKind.FROM_ADDRESS: "address", FoundKind.TO_ADDRESS: "address", FoundKind.ADDRESS: "address"}


@dataclass(frozen=True, slots=True)
class FormField:
    name: str
    kind: str
    chain: str | None = None


@dataclass(frozen=True, slots=True)
class Offer:
    found: FoundKind
    value: str
    field: str  # the empty field it would fill; "" for what only informs (the network)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a screenshot gave: the picture's verdict and the offers (none when it was refused or unread)."""

    check: PictureCheck
    offers: tuple[Offer, ...]

    @property
    def refused(self) -> bool:
        return self.check.state is PictureState.REFUSED


def _candidates(found: FoundKind, fields: Sequence[FormField]) -> list[FormField]:
    kind = _KIND_OF_FIELD.get(found)
    same = [f for f in fields if f.kind == kind]
    if found is FoundKind.FROM_ADDRESS:
        return [f for f in same if any(w in f.name for w in _SENDER_WORDS)]
    if found is FoundKind.TO_ADDRESS:
        return [f for f in same if any(w in f.name for w in _RECIPIENT_WORDS)]
    if found is FoundKind.ADDRESS:
        return same if len(same) == 1 else []  # which of several it belongs in is the person's call
    return same


def offers(found: Sequence[Found], fields: Sequence[FormField], values: Mapping[str, str]) -> list[Offer]:
    """One offer per value found, into the first empty field of its kind where the field accepts it."""
    out: list[Offer] = []
    taken: set[str] = set()
    zone = local_zone()  # a time on a screenshot is in the phone's zone, which the field assumes is this computer's
    for item in found:
        if item.kind is FoundKind.NETWORK:
            out.append(Offer(item.kind, item.value, ""))
            continue
        for f in _candidates(item.kind, fields):
            if f.name in taken or values.get(f.name, "").strip():
                continue
            _value, problem = check_value(f.kind, with_default_zone(f.kind, item.value, zone), f.chain)
            if problem is None:
                out.append(Offer(item.kind, item.value, f.name))
                taken.add(f.name)
                break
    return out


def read_screenshot(data: bytes, fields: Sequence[FormField], values: Mapping[str, str],
                    recognise: Recogniser | None = None) -> Reading:
    """Read a picture and make the offers for this form (a pure function another thread may run)."""
    check = check_picture(data, recognise)
    if check.state is not PictureState.CLEAR or check.reading is None:
        return Reading(check, ())
    return Reading(check, tuple(offers(extract(check.reading.lines), fields, values)))


def accept(offer: Offer, values: Mapping[str, str], set_value: Callable[[str, str], None]) -> bool:
    """Put an offer into its field, only while that field is still empty; False when it no longer is."""
    if not offer.field or values.get(offer.field, "").strip():
        return False
    set_value(offer.field, offer.value)
    return True
