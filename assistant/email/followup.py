"""A follow-up on a ticket that is already open, and the official channels to escalate through.

The follow-up states the ticket number, the date of the first request, what changed and what is still needed,
then repeats the case's details so the agent does not have to find the first email. Its reference is the one the
first request had (the same answers on the day it was sent), so both emails match.

The channels come from the wallet profile in content/contacts.toml (developer-owned) and are worded in
email_labels.toml: only what the official site publishes, never a contact someone offered.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from assistant.content.catalog import Catalog
from assistant.email.case import derive_case
from assistant.email.draft import BILINGUAL_LOCALE, FOLLOW_UP_TEMPLATE, Draft, build_context, compose, wants_english
from assistant.email.wording import Wording
from assistant.flows.engine import Session
from assistant.validation.fields import EARLIEST, validate


class FollowUpError(ValueError):
    """A ticket number or date that cannot be right; the message says what a valid one looks like."""


@dataclass(frozen=True, slots=True)
class Channel:
    id: str
    target: str  # the address or link as the profile publishes it ("" for in-app)
    purpose: str  # what it is for, in the person's language


def official_channels(catalog: Catalog, locale: str, recipient: str = "wallet") -> list[Channel]:
    """The escalation ladder, in order. For an exchange: its own app and site (no address is pre-filled, since
    a stale one would itself be a phishing risk)."""
    words = Wording(catalog, locale)
    if recipient == "exchange":
        ids: list[tuple[str, str]] = [("exchange_app", ""), ("exchange_site", "")]
    else:
        profile = catalog.profile if catalog.profiles else None
        ids = [(c.id, c.target) for c in profile.channels] if profile else []
    ladder = [Channel(cid, target, words.label("channels", cid) or "") for cid, target in ids]
    ladder.append(Channel("never", "", words.label("channels", "never") or ""))
    return [c for c in ladder if c.purpose]


def parse_first_sent(text: str, today: date) -> date:
    try:
        sent = date.fromisoformat(text.strip())
    except ValueError:
        raise FollowUpError(f"the date of the first request must look like 2026-11-20, not {text!r}") from None
    if sent > today:
        raise FollowUpError(f"the first request cannot be sent in the future ({sent} is after {today})")
    if sent < EARLIEST.date():
        raise FollowUpError(f"{sent} is before any wallet existed; give the date the first request was sent")
    return sent


def clean_ticket(text: str) -> str:
    value, problem = validate("ticket", text.strip()) if text.strip() else (text, None)
    if not text.strip():
        raise FollowUpError("a follow-up needs the ticket number support gave the first request")
    if problem is not None:
        raise FollowUpError(problem.message.format(**problem.params))
    return value


def _free_text(text: str, what: str) -> str:
    if not text.strip():
        return ""
    value, problem = validate("multiline", text.strip())
    if problem is not None:
        raise FollowUpError(f"{what}: " + problem.message.format(**problem.params))
    return value


def build_follow_up(session: Session, catalog: Catalog, locale: str, *, ticket: str, first_sent: str | date,
                    changed: str = "", needed: str = "", now: datetime | None = None,
                    excluded: frozenset[str] = frozenset(), attachments: tuple[str, ...] = (),
                    bilingual: bool = False, to: str | None = None) -> Draft:
    """The follow-up email for `ticket`, first sent on `first_sent` (ISO date or date)."""
    now = now or datetime.now(UTC).astimezone()
    sent = first_sent if isinstance(first_sent, date) else parse_first_sent(first_sent, now.date())
    if sent > now.date():
        raise FollowUpError(f"the first request cannot be sent in the future ({sent} is after {now.date()})")
    extra = {"ticket": clean_ticket(ticket), "first_sent": sent.isoformat(),
             "changed": _free_text(changed, "what changed"), "needed": _free_text(needed, "what is still needed")}
    case = derive_case(session)
    first = datetime(sent.year, sent.month, sent.day, tzinfo=now.tzinfo)
    languages = (locale, BILINGUAL_LOCALE) if wants_english(catalog, locale, bilingual) else (locale,)
    contexts = {}
    for code in languages:
        context = build_context(case, catalog, code, now=now, excluded=excluded, attachments=attachments)
        context.update(extra, reference=case.reference(first))
        contexts[code] = context
    return compose(case, catalog, locale, contexts, template=FOLLOW_UP_TEMPLATE, bilingual=bilingual, to=to,
                   excluded=excluded, attachments=attachments)
