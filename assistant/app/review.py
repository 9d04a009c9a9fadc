"""The support email under review: the draft and the person's own edits, which details and files go in, the
recipient and its guard, the live secret check, which exits are ready, and what autosave keeps.

The review page shows this model and turns each widget event into one call here. Questions only the person can
answer (replace my edits? send to this address anyway?) go through `Prompts`, which the page answers with a
dialog and a test answers directly. Every export still passes `assistant.email.exports`, which runs the secret
firewall again on what it writes.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import partial

from assistant.app.attachments import AttachmentShelf
from assistant.app.events import Event
from assistant.app.pictures import PictureChecks
from assistant.app.review_types import Blocker, Prepared, Prompts, Redaction, splice
from assistant.app.sent import SentRecord
from assistant.content.catalog import Catalog
from assistant.email import exports
from assistant.email.attachments import Attachment, AttachmentError
from assistant.email.draft import BILINGUAL_LOCALE, Detail, Draft, build_draft, collect_details
from assistant.email.followup import build_follow_up
from assistant.errors import ExportBlocked
from assistant.flows.engine import Session
from assistant.i18n.texts import Texts
from assistant.secrets.guard import INPUTS, Exit, Hit, scan_parts
from assistant.secrets.recipient import RecipientIssue, RecipientWarning, check_recipient

LIVE_SCAN_LIMIT = 200_000  # characters; longer texts are still guarded at export
TEXT_PARTS = ("to", "subject", "body")  # the firewall's names for the texts the person edits
REVIEW_FORMAT = 2  # format 1 (no "format" key) held only to/subject/body


class ReviewModel:
    """The email being reviewed for one finished session."""

    def __init__(self, catalog: Catalog, session: Session, locale: str, prompts: Prompts,
                 pictures: PictureChecks | None = None) -> None:
        self.catalog, self.session, self.prompts = catalog, session, prompts
        self.email_locale = Texts(catalog, locale).locale
        self.bilingual = False
        self.excluded: set[str] = set()  # details left out
        self.accepted: set[str] = set()  # values the person confirmed are public (transaction hashes)
        self.recipient_ok: set[str] = set()  # To lines whose warnings the person accepted
        self.checklist_confirmed = False  # "no secret in any screenshot", ticked by the person
        self.files = AttachmentShelf()
        self.pictures = pictures or PictureChecks()  # what each attached picture shows (read off the GUI thread)
        self.sent: SentRecord | None = None  # "I've sent it": the day, the route, the ticket number
        self.follow_up = False  # the email is the follow-up on `sent.ticket`, not the first request
        self.hits: list[Hit] = []
        self._hit_key: tuple = ()
        self._version = 0  # counts edits of To, Subject and Body, so a late live check never shows old findings
        self.changed: Event[None] = Event()  # something autosave keeps: wording, ticks, language
        self.attachments_changed: Event[None] = Event()  # added, removed, ticked, redacted
        self.rebuilt: Event[None] = Event()  # subject and body were written again from the answers
        self.hits_changed: Event[list[Hit]] = Event()
        self.draft: Draft = build_draft(session, catalog, self.email_locale)
        self.to = self.draft.to
        self.subject, self.body = self.draft.subject, self.draft.body
        self._generated = (self.subject, self.body)
        self.scan()

    # ---- the wording ---------------------------------------------------------------------------------------
    @property
    def edited(self) -> bool:
        """Subject or body differ from what the app wrote."""
        return (self.subject, self.body) != self._generated

    @property
    def has_work_to_lose(self) -> bool:
        return self.edited or bool(self.files.entries)

    def set_to(self, text: str) -> None:
        self._set_text("to", text)

    def set_subject(self, text: str) -> None:
        self._set_text("subject", text)

    def set_body(self, text: str, *, scan: bool = True) -> None:
        """`scan=False`: the caller runs the live check itself (`scan_job`), e.g. off the GUI thread for a long body."""
        self._set_text("body", text, scan)

    def _set_text(self, part: str, text: str, scan: bool = True) -> None:
        if getattr(self, part) == text:
            return  # a view showing what the model already holds
        setattr(self, part, text)
        self._version += 1
        if scan:
            self.scan()
        self.changed.emit(None)

    def scan_job(self) -> tuple[int, Callable[[], list[Hit]]]:
        """The live secret check of what the model holds now, as a pure function another thread may run; pass
        its result to `apply_scan` with the version (a result for older text is dropped)."""
        message = self.message()
        job = partial(scan_parts, message.parts(), message.accepted, message.trusted, inputs=message.inputs)
        return self._version, job

    def apply_scan(self, version: int, hits: list[Hit]) -> bool:
        """Take the result of a `scan_job`; False when the text changed meanwhile (a newer check is due)."""
        if version != self._version:
            return False
        self._publish(hits)
        return True

    def rebuild(self, ask: bool = True) -> bool:
        """Write subject and body again from the session and the current choices; asks before replacing edits."""
        if ask and self.edited and not self.prompts.replace_edits():
            return False
        excluded, files = frozenset(self.excluded), tuple(a.filename for a in self.files.included())
        if self.follow_up and self.sent is not None and self.sent.ticket:
            self.draft = build_follow_up(self.session, self.catalog, self.email_locale, ticket=self.sent.ticket,
                                         first_sent=self.sent.sent_on, excluded=excluded, attachments=files,
                                         bilingual=self.bilingual, to=self.to)
        else:
            self.draft = build_draft(self.session, self.catalog, self.email_locale, excluded=excluded,
                                     attachments=files, bilingual=self.bilingual, to=self.to)
        self.subject, self.body = self.draft.subject, self.draft.body
        self._generated = (self.subject, self.body)
        self.rebuilt.emit(None)
        self.scan()
        return True

    # ---- sent, and the follow-up -----------------------------------------------------------------------------
    def set_sent(self, record: SentRecord | None) -> None:
        self.sent = record
        self.changed.emit(None)

    def set_follow_up(self, on: bool) -> bool:
        """Write the follow-up on the recorded ticket (or the first request again); asks before replacing edits."""
        if on and (self.sent is None or not self.sent.can_follow_up):
            return False
        if on == self.follow_up:
            return True
        self.follow_up = on
        if not self.rebuild():
            self.follow_up = not on
            return False
        self.changed.emit(None)
        return True

    # ---- what goes in --------------------------------------------------------------------------------------
    def details(self, locale: str) -> list[Detail]:
        """Every collected detail, labelled in `locale` (the UI language), whether ticked or not."""
        return [detail for detail, _derived in collect_details(self.session, self.catalog, locale)]

    # Each choice below is taken back when the person keeps their own edits instead.
    def set_detail_included(self, name: str, included: bool) -> bool:
        before = set(self.excluded)
        (self.excluded.discard if included else self.excluded.add)(name)
        if self.excluded == before:
            return True
        if not self.rebuild():
            self.excluded = before
            return False
        self.changed.emit(None)
        return True

    def set_email_locale(self, code: str) -> bool:
        if not code or code == self.email_locale:
            return True
        previous, self.email_locale = self.email_locale, code
        if not self.rebuild():
            self.email_locale = previous
            return False
        self.changed.emit(None)
        return True

    def set_bilingual(self, on: bool) -> bool:
        if on == self.bilingual:
            return True
        self.bilingual = on
        if not self.rebuild():
            self.bilingual = not on
            return False
        self.changed.emit(None)
        return True

    @property
    def bilingual_available(self) -> bool:
        return self.email_locale != BILINGUAL_LOCALE

    # ---- attachments ---------------------------------------------------------------------------------------
    def add_files(self, paths: Iterable[str]) -> list[AttachmentError]:
        """Add files (pictures re-encoded without metadata); returns the refused ones, each with its reason."""
        problems = self.files.add(paths)
        self._after_files()
        return problems

    def remove_file(self, index: int) -> bool:
        if not self.files.remove(index):
            return False
        self._after_files()
        return True

    def set_file_included(self, index: int, included: bool) -> bool:
        if not self.files.set_included(index, included):
            return False
        self._after_files()
        return True

    def included_files(self) -> tuple[Attachment, ...]:
        return self.files.included()

    def confirm_checklist(self, confirmed: bool) -> None:
        self.checklist_confirmed = confirmed

    def apply_picture_check(self, key: str, result) -> None:
        """Take the reading of one picture (a job from `pictures.jobs`), run on another thread."""
        self.pictures.apply(key, result)
        self.attachments_changed.emit(None)

    def confirm_unchecked_picture(self, index: int, confirmed: bool) -> bool:
        """The person looked at a picture that could not be read: it shows no recovery phrase, key or password."""
        if not 0 <= index < len(self.files.entries):
            return False
        self.pictures.confirm(self.files.entries[index][0], confirmed)
        self.attachments_changed.emit(None)
        return True

    def _after_files(self) -> None:
        self.rebuild()  # the body lists the attached files (kept as it is if the person keeps their edits)
        self.scan()
        self.attachments_changed.emit(None)

    # ---- the live secret check -----------------------------------------------------------------------------
    def message(self) -> exports.Message:
        return exports.Message(self.to, self.subject, self.body, self.files.included(), self.accepted_values(),
                               self.draft.languages, self.draft.trusted_texts, exports.entries_of(self.draft))

    def accepted_values(self) -> tuple[str, ...]:
        return (*self.draft.public_values, *sorted(self.accepted))

    def scan(self) -> list[Hit]:
        """Scan every outgoing text; `hits_changed` fires when what was found changed."""
        message = self.message()
        parts = message.parts()
        if sum(len(p.text) for p in parts) > LIVE_SCAN_LIMIT:
            return self.hits  # too long to scan on every keystroke; the export guard still scans it
        self._publish(scan_parts(parts, message.accepted, message.trusted, inputs=message.inputs))
        return self.hits

    def _publish(self, hits: list[Hit]) -> None:
        self.hits = hits
        key = tuple((h.part.name, h.part.label, h.finding.kind, h.finding.start, h.finding.end) for h in hits)
        if key != self._hit_key:
            self._hit_key = key
            self.hits_changed.emit(hits)

    def remove_hit(self, index: int, placeholder: str) -> Redaction | None:
        """Replace a finding with `placeholder` where it was found (text or attachment)."""
        if not 0 <= index < len(self.hits):
            return None
        hit = self.hits[index]
        if hit.part.name == INPUTS:
            return None  # a secret split over several entries: the person removes the pieces in the text
        redaction = Redaction(hit.part.name, hit.finding.start, hit.finding.end, placeholder)
        if hit.part.name in TEXT_PARTS:
            self._set_text(hit.part.name, splice(getattr(self, hit.part.name), redaction.start, redaction.end,
                                                 placeholder))
        else:
            self.files.redact(hit, placeholder)
            self.scan()
            self.attachments_changed.emit(None)
        return redaction

    def accept_hit(self, index: int) -> bool:
        """The person says an ambiguous value (e.g. 64 hex characters) is public; never for a blocking find."""
        if not 0 <= index < len(self.hits) or self.hits[index].blocking:
            return False
        hit = self.hits[index]
        self.accepted.add(hit.part.text[hit.finding.start:hit.finding.end])
        self.scan()
        self.changed.emit(None)
        return True

    # ---- the recipient -------------------------------------------------------------------------------------
    def recipient_warnings(self) -> list[RecipientWarning]:
        profile = self.catalog.profile if self.catalog.profiles else None
        official = profile.domains if profile else ()
        names = (profile.name, *profile.aliases) if profile else ()
        return check_recipient(self.to, official, recipient=self.draft.recipient, names=names)

    def shown_recipient_warnings(self) -> list[RecipientWarning]:
        """The warnings shown under To; the exchange reminder waits for the export question."""
        return [w for w in self.recipient_warnings() if w.code is not RecipientIssue.EXCHANGE_VERIFY]

    @property
    def for_exchange(self) -> bool:
        """The request goes to an exchange: the person has to enter its address."""
        return self.draft.recipient != "wallet"

    # ---- exits ---------------------------------------------------------------------------------------------
    def blockers(self, exit_: Exit) -> list[Blocker]:
        """Everything that stops `exit_` now, asking nothing (empty: ready to go)."""
        found: list[Blocker] = []
        try:
            exports.checked(self.message(), exit_)
        except ExportBlocked:
            found.append(Blocker.SECRETS)
        recipient = self._recipient_blocker()
        if recipient is Blocker.REFUSED_RECIPIENT or (recipient is not None and self.to.strip() not in self.recipient_ok):
            found.append(recipient)
        pictures = self._picture_blocker(exit_)
        if pictures is not None:
            found.append(pictures)
        if self._checklist_missing(exit_):
            found.append(Blocker.CHECKLIST)
        return found

    def prepare(self, exit_: Exit, recipient: bool = True) -> Prepared:
        """Ready `exit_`: secrets first, then the recipient (asked once per To line it warns about; skipped when
        `recipient` is False: a copied body or a file carries no address), then the screenshot checklist."""
        self.scan()
        message = self.message()
        try:
            exports.checked(message, exit_)
        except ExportBlocked:
            return Prepared(None, Blocker.SECRETS)
        pictures = self._picture_blocker(exit_)
        if pictures is not None:
            return Prepared(None, pictures)
        blocker = self._recipient_blocker() if recipient else None
        if blocker is Blocker.REFUSED_RECIPIENT:
            return Prepared(None, blocker)
        to = self.to.strip()
        if blocker is not None and to not in self.recipient_ok:
            if not self.prompts.send_despite(self.recipient_warnings()):
                return Prepared(None, blocker)
            self.recipient_ok.add(to)
        if self._checklist_missing(exit_):
            return Prepared(None, Blocker.CHECKLIST)
        return Prepared(message)

    def _recipient_blocker(self) -> Blocker | None:
        warnings = self.recipient_warnings()
        if not warnings:
            return None
        if any(w.blocking for w in warnings):
            return Blocker.REFUSED_RECIPIENT
        empty = any(w.code is RecipientIssue.EMPTY for w in warnings)
        return Blocker.NO_RECIPIENT if empty else Blocker.UNSAFE_RECIPIENT

    def _picture_blocker(self, exit_: Exit) -> Blocker | None:
        return self.pictures.blocker(self.files.included()) if exit_ is Exit.EML else None

    def _checklist_missing(self, exit_: Exit) -> bool:
        pictures = any(a.is_image for a in self.files.included())
        return exit_ is Exit.EML and pictures and not self.checklist_confirmed

    # ---- autosave ------------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, object]:
        """What a resume puts back: the recipient, the person's own wording (only where they changed it), the
        ticks, the email language and the values confirmed as public. Confirmations of a risky recipient or of
        the screenshot checklist are asked again."""
        state: dict[str, object] = {"format": REVIEW_FORMAT, "to": self.to, "excluded": sorted(self.excluded),
                                    "email_locale": self.email_locale, "bilingual": self.bilingual,
                                    "accepted": sorted(self.accepted)}
        if self.subject != self._generated[0]:
            state["subject"] = self.subject
        if self.body != self._generated[1]:
            state["body"] = self.body
        if self.sent is not None:
            state.update(sent=self.sent.to_dict(), follow_up=self.follow_up)
        return state

    def restore(self, state: Mapping[str, object], files: Sequence[tuple[str, bytes, bool]] = ()) -> None:
        """Put back a saved review: ticks, language and files first (the draft is rebuilt), then the wording."""
        if not state and not files:
            return
        known = {d.name for d in self.details(self.email_locale)}
        self.excluded = {n for n in _strings(state.get("excluded")) if n in known}
        self.accepted = set(_strings(state.get("accepted")))
        locale = state.get("email_locale")
        if isinstance(locale, str) and locale in self.catalog.texts:
            self.email_locale = locale
        self.bilingual = state.get("bilingual") is True and self.bilingual_available
        self.sent = SentRecord.from_dict(state.get("sent"), date.today())
        self.follow_up = state.get("follow_up") is True and self.sent is not None and self.sent.can_follow_up
        self.files.restore(files)
        self.rebuild(ask=False)
        for part in TEXT_PARTS:
            value = state.get(part)
            if isinstance(value, str) and value:
                setattr(self, part, value)
        self.scan()

    def attachment_files(self) -> list[tuple[str, bytes, bool]]:
        """The attachments as autosave keeps them: (name, cleaned bytes, included)."""
        return [(a.filename, a.data, included) for a, included in self.files.entries]


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
