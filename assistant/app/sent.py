"""The "I've sent it" record: the day the request left, the route it took, the reference the sent email carried and,
once support replied, the ticket number. The follow-up email is written from it. It holds nothing secret (a date, a
route name, a reference and a ticket number the validators accepted), so autosave may keep it with the review.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from assistant.email.followup import FollowUpError, clean_reference, clean_ticket

ROUTES = ("mail_app", "webmail", "in_app", "")  # "" when the route was not recorded


@dataclass(frozen=True, slots=True)
class SentRecord:
    sent_on: date
    route: str = ""
    ticket: str = ""
    reference: str = ""  # the reference of the email that was sent, quoted by the follow-up

    @classmethod
    def make(cls, sent_on: date, route: str, ticket_text: str = "", reference: str = "") -> SentRecord:
        """A new record; a pasted ticket number is checked (FollowUpError says why it cannot be one)."""
        ticket = clean_ticket(ticket_text) if ticket_text.strip() else ""
        return cls(sent_on, route if route in ROUTES else "", ticket, clean_reference(reference))

    def with_ticket(self, ticket_text: str) -> SentRecord:
        """The same record with the ticket number support gave (empty text clears it)."""
        return SentRecord.make(self.sent_on, self.route, ticket_text, self.reference)

    @property
    def can_follow_up(self) -> bool:
        return bool(self.ticket)

    def to_dict(self) -> dict[str, str]:
        return {"sent_on": self.sent_on.isoformat(), "route": self.route, "ticket": self.ticket,
                "reference": self.reference}

    @classmethod
    def from_dict(cls, data: object, today: date) -> SentRecord | None:
        """A saved record, or None when anything in it is not what `to_dict` writes (never a guess)."""
        if not isinstance(data, Mapping):
            return None
        sent_on, route, ticket = data.get("sent_on"), data.get("route", ""), data.get("ticket", "")
        reference = data.get("reference", "")  # absent in records saved before it was kept
        if not (isinstance(sent_on, str) and isinstance(route, str) and isinstance(ticket, str)
                and isinstance(reference, str)):
            return None
        try:
            day = date.fromisoformat(sent_on)
            record = cls.make(day, route, ticket, reference)
        except (ValueError, FollowUpError):
            return None
        return record if day <= today else None
