"""The send step after the review: how the email will leave (the person's mail app, webmail, or the in-app
feedback form), the numbered steps of that route with the one part each step copies, what the route loses, the
attachments written to a folder the person can open, and "I've sent it".

Every part that is copied and every attachment written passes the review model's `prepare` (the secret firewall,
the recipient guard when the To line is copied, the screenshot checklist for pictures) and then
`assistant.email.exports.checked`, exactly like the other exits.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from assistant.app.events import Event
from assistant.app.review import Blocker, ReviewModel
from assistant.app.sent import SentRecord
from assistant.content.webmail import WebmailProvider
from assistant.email import exports
from assistant.secrets.addresses import format_to
from assistant.secrets.guard import Exit


class Route(StrEnum):
    MAIL_APP = "mail_app"  # mailto: or a saved .eml opened by the mail program on this computer
    WEBMAIL = "webmail"  # a mail service in the browser (content/webmail.toml): paste part by part
    IN_APP = "in_app"  # the feedback form in the wallet's (or the exchange's) own app


class Part(StrEnum):
    """What one copy button puts on the clipboard."""

    TO = "to"
    SUBJECT = "subject"
    BODY = "body"
    DESCRIPTION = "description"  # subject and body together, for a form with a single text box


class Action(StrEnum):
    """What a step's button does besides copying."""

    OPEN_MAIL_APP = "open_mail_app"
    SAVE_EML = "save_eml"
    OPEN_FOLDER = "open_folder"


@dataclass(frozen=True, slots=True)
class Step:
    key: str  # its words: ui.send.step.<key> (webmail steps get the provider's words as parameters)
    action: Part | Action | None = None


def steps(route: Route, *, attachments: bool, recipient: bool = True) -> tuple[Step, ...]:
    """The numbered steps of `route`; the attach step only when files go with the email. Without a recipient in
    the email (an exchange's address the person has not entered), webmail's To step says where to copy it from
    (the exchange's official site or app) instead of copying it back out of this app."""
    attach: tuple[Step, ...] = ()
    if route is Route.WEBMAIL:
        attach = (Step("webmail_attach", Action.OPEN_FOLDER),) if attachments else ()
        to = Step("paste_to", Part.TO) if recipient else Step("paste_to_official")
        return (Step("webmail_open"), Step("webmail_compose"), to,
                Step("paste_subject", Part.SUBJECT), Step("paste_body", Part.BODY), *attach, Step("webmail_send"))
    if route is Route.MAIL_APP:
        attach = (Step("mail_app_attach", Action.OPEN_FOLDER),) if attachments else ()
        return (Step("mail_app_open", Action.OPEN_MAIL_APP), *attach, Step("mail_app_send"),
                Step("mail_app_eml", Action.SAVE_EML))
    attach = (Step("in_app_upload", Action.OPEN_FOLDER),) if attachments else ()
    return (Step("in_app_open"), Step("in_app_paste", Part.DESCRIPTION), *attach, Step("in_app_submit"))


@dataclass(frozen=True, slots=True)
class Copied:
    """The text of one part, or the reason it was not copied."""

    text: str | None
    blocker: Blocker | None = None


class SendModel:
    """The send step for one review: the chosen route and provider, copies, the attachment folder, the record."""

    def __init__(self, review: ReviewModel, locale: str) -> None:
        self.review = review
        self.route: Route | None = None  # nothing is chosen for the person
        self.providers: tuple[WebmailProvider, ...] = ()
        self.webmail = ""  # the provider's id; "" when content defines none (then there is no webmail route)
        self._picked = False
        self.changed: Event[None] = Event()
        self.set_locale(locale)

    def set_locale(self, locale: str) -> None:
        """Order the webmail services for the UI language: the ones its readers use most come first, and the first
        is preselected until the person picks one."""
        catalog = self.review.catalog
        self.providers = catalog.webmail.ordered(catalog.chain(locale))
        if not self._picked or self.webmail not in self.provider_ids:
            self.webmail = self.providers[0].id if self.providers else ""
        self.changed.emit(None)

    @property
    def provider_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.providers)

    @property
    def routes(self) -> tuple[Route, ...]:
        """The routes on offer, the one most people have first; webmail only when a service is defined."""
        return tuple(r for r in (Route.WEBMAIL, Route.MAIL_APP, Route.IN_APP) if r is not Route.WEBMAIL or self.providers)

    # ---- the route -----------------------------------------------------------------------------------------
    def choose_route(self, route: Route) -> None:
        self.route = Route(route)
        self.changed.emit(None)

    def choose_webmail(self, provider: str) -> None:
        self.webmail = self.review.catalog.webmail.provider(str(provider)).id  # ValueError for an unknown one
        self._picked = True
        self.changed.emit(None)

    @property
    def has_attachments(self) -> bool:
        return bool(self.review.included_files())

    def steps(self) -> tuple[Step, ...]:
        if self.route is None:
            return ()
        return steps(self.route, attachments=self.has_attachments, recipient=bool(self.review.to.strip()))

    @property
    def site(self) -> str:
        return self.review.catalog.webmail.provider(self.webmail).site if self.webmail else ""

    def blocker(self) -> Blocker | None:
        """What must be fixed before any route: a secret, or a To line no answer can let through. An empty To
        is fine here (the in-app form needs none); copying it says so."""
        found = self.review.blockers(Exit.CLIPBOARD)
        return next((b for b in (Blocker.SECRETS, Blocker.REFUSED_RECIPIENT) if b in found), None)

    # ---- parts ---------------------------------------------------------------------------------------------
    def copy(self, part: Part) -> Copied:
        """The text of `part` after the firewall; copying To also runs the recipient guard (asked once)."""
        part = Part(part)
        if part is Part.TO and not self.review.to.strip():
            return Copied(None, Blocker.NO_RECIPIENT)
        prepared = self.review.prepare(Exit.CLIPBOARD, recipient=part is Part.TO)
        if prepared.message is None:
            return Copied(None, prepared.blocker)
        message = exports.checked(prepared.message, Exit.CLIPBOARD)
        texts = {Part.SUBJECT: message.subject, Part.BODY: message.body,
                 Part.DESCRIPTION: f"{message.subject}\n\n{message.body}"}
        return Copied(format_to(message.recipients()) if part is Part.TO else texts[part])

    # ---- attachments ---------------------------------------------------------------------------------------
    def folder_name(self) -> str:
        return f"{self.review.draft.reference or 'support-request'}-attachments"

    def write_attachments(self, parent: Path) -> tuple[Path | None, Blocker | None]:
        """Write the included files into <parent>/<reference>-attachments (owner-only); the folder, or why not.
        They pass the same checks as the .eml's attachments (the screenshot checklist for pictures)."""
        prepared = self.review.prepare(Exit.EML, recipient=False)
        if prepared.message is None:
            return None, prepared.blocker
        message = exports.checked(prepared.message, Exit.EML)
        folder = Path(parent) / self.folder_name()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for attachment in message.attachments:
            exports.write_file(folder / attachment.filename, attachment.data)
        return folder, None

    # ---- "I've sent it" ------------------------------------------------------------------------------------
    @property
    def record(self) -> SentRecord | None:
        return self.review.sent

    def mark_sent(self, today: date, ticket_text: str = "") -> SentRecord:
        """Record today as the day it left (kept if already recorded) and the ticket number, when pasted;
        FollowUpError when the text cannot be a ticket number."""
        before = self.review.sent
        record = before.with_ticket(ticket_text) if before else SentRecord.make(today, str(self.route or ""),
                                                                                ticket_text)
        self.review.set_sent(record)
        self.changed.emit(None)
        return record
