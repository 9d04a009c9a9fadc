"""A follow-up on a ticket that is already open, and the official channels to escalate through.

The follow-up states the ticket number, the date of the first request, what changed and what is still needed,
then repeats the case's details so the agent does not have to find the first email. It quotes the first request's
reference only when that reference is known (recorded when it was sent, or given): one worked out again from today's
details would match the first email only if nothing had changed, and a reference the ticket does not hold misleads.

The channels come from the wallet profile in content/contacts.toml (developer-owned) and are worded in
email_labels.toml: only what the official site publishes, never a contact someone offered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from assistant.content.catalog import Catalog
from assistant.email.case import derive_case
from assistant.email.draft import BILINGUAL_LOCALE, FOLLOW_UP_TEMPLATE, Draft, build_context, compose, wants_english
from assistant.email.wording import Wording
from assistant.flows.engine import Session
from assistant.validation.fields import EARLIEST, FieldProblem, validate


class FollowUpError(ValueError):
    """A ticket number, date or text that cannot be right. `problem` is a field problem whose text lives in
    content (`ui.field_error.<code>`, worded by Texts.field_error); `field` names the input."""

    def __init__(self, field: str, problem: FieldProblem) -> None:
        super().__init__(f"{field}: {problem.code} {dict(problem.params)}")
        self.field = field
        self.problem = problem


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


DATE_EXAMPLE = "2026-11-20"
REFERENCE_EXAMPLE = "WSA-1A2B3C"
_REFERENCE = re.compile(r"WSA-[0-9A-F]{6}")


def error_text(catalog: Catalog, locale: str, error: FollowUpError) -> str:
    """The problem in the person's language: `ui.follow_up.<code>` for the follow-up's own checks, else the
    field error every form uses."""
    from assistant.i18n.texts import Texts, fill

    own = catalog.text(locale, f"ui.follow_up.{error.problem.code}")
    return fill(own, dict(error.problem.params)) if own else Texts(catalog, locale).field_error(error.problem)


def parse_first_sent(text: str, today: date) -> date:
    if not text.strip():
        raise FollowUpError("first_sent", FieldProblem("required"))
    try:
        sent = date.fromisoformat(text.strip())
    except ValueError:
        raise FollowUpError("first_sent", FieldProblem("date_format", {"example": DATE_EXAMPLE})) from None
    _check_date(sent, today)
    return sent


def _check_date(sent: date, today: date) -> None:
    if sent > today:
        raise FollowUpError("first_sent", FieldProblem("datetime_in_future", {"example": today.isoformat()}))
    if sent < EARLIEST.date():
        raise FollowUpError("first_sent", FieldProblem("datetime_too_early", {"earliest": EARLIEST.date().isoformat(),
                                                                              "example": DATE_EXAMPLE}))


def clean_ticket(text: str) -> str:
    if not text.strip():
        raise FollowUpError("ticket", FieldProblem("required"))
    value, problem = validate("ticket", text.strip())
    if problem is not None:
        raise FollowUpError("ticket", problem)
    return value


def clean_reference(text: str) -> str:
    """The first request's reference as the email printed it (WSA- and six hex digits), or "" when not given."""
    value = text.strip().upper()
    if not value:
        return ""
    if not _REFERENCE.fullmatch(value):
        raise FollowUpError("first_reference", FieldProblem("reference_format", {"example": REFERENCE_EXAMPLE}))
    return value


def _free_text(text: str, field: str) -> str:
    if not text.strip():
        return ""
    value, problem = validate("multiline", text.strip())
    if problem is not None:
        raise FollowUpError(field, problem)
    return value


def build_follow_up(session: Session, catalog: Catalog, locale: str, *, ticket: str, first_sent: str | date,
                    changed: str = "", needed: str = "", first_reference: str = "", now: datetime | None = None,
                    excluded: frozenset[str] = frozenset(), attachments: tuple[str, ...] = (),
                    bilingual: bool = False, to: str | None = None) -> Draft:
    """The follow-up email for `ticket`, first sent on `first_sent` (ISO date or date); `first_reference` is the
    first request's reference, left out of the email when empty."""
    now = now or datetime.now(UTC).astimezone()
    sent = first_sent if isinstance(first_sent, date) else parse_first_sent(first_sent, now.date())
    _check_date(sent, now.date())
    extra = {"ticket": clean_ticket(ticket), "first_sent": sent.isoformat(),
             "changed": _free_text(changed, "changed"), "needed": _free_text(needed, "needed"),
             "reference": clean_reference(first_reference)}
    case = derive_case(session)
    languages = (locale, BILINGUAL_LOCALE) if wants_english(catalog, locale, bilingual) else (locale,)
    contexts = {}
    for code in languages:
        context = build_context(case, catalog, code, now=now, excluded=excluded, attachments=attachments)
        context.update(extra)
        contexts[code] = context
    return compose(case, catalog, locale, contexts, template=FOLLOW_UP_TEMPLATE, bilingual=bilingual, to=to,
                   excluded=excluded, attachments=attachments)
