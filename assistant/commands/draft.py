"""`draft`: walk a flow headlessly with given answers and write the support request (.eml or .txt).

The same builder and the same secret firewall as the review page: a blocked secret exits 3 and nothing is written.
`--sample` walks to an escalation with public sample values that fit the case (assistant.email.samples), so
translators can read the email their template produces. `--follow-up` writes the follow-up on an open ticket
instead, and lists the official channels to escalate through.
"""
from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from assistant.content.catalog import Catalog, load_catalog
from assistant.email.draft import build_draft
from assistant.email.followup import FollowUpError, build_follow_up, error_text, official_channels
from assistant.email.samples import sample_walk as sample_walk
from assistant.errors import AssistantError, ExportBlocked, FieldErrors, FlowError
from assistant.flows.engine import Session
from assistant.flows.model import NodeKind, OutcomeKind
from assistant.i18n.texts import Texts
from assistant.paths import content_dir

USAGE_ERROR = 2
BLOCKED = 3
FAILED = 1


def add_parser(sub) -> None:
    p = sub.add_parser("draft", help="walk a flow with given answers and write the support draft")
    p.add_argument("--flow", required=True)
    p.add_argument("--locale", default=None, help="language of the email (default: the source language)")
    p.add_argument("--bilingual", action="store_true", help="add an English version below the email")
    p.add_argument("--answer", action="append", default=[], metavar="NODE=CHOICE")
    p.add_argument("--field", action="append", default=[], metavar="NAME=VALUE")
    p.add_argument("--exclude", action="append", default=[], metavar="NAME", help="leave this detail out")
    p.add_argument("--attach", action="append", default=[], type=Path, metavar="FILE",
                   help="attach a picture (metadata removed) or a text file; .eml only")
    p.add_argument("--to", default=None, help="recipient (needed for exchange requests: copy it from the exchange's official site)")
    p.add_argument("--sample", action="store_true", help="fill unanswered nodes and fields with sample public values")
    p.add_argument("--out", type=Path, help="write here: FILE.eml (draft with attachments) or FILE.txt; default: standard output")
    f = p.add_argument_group("follow-up on an open ticket")
    f.add_argument("--follow-up", action="store_true", help="write the follow-up for an existing ticket instead")
    f.add_argument("--ticket", default="", help="the ticket number support gave the first request")
    f.add_argument("--first-sent", default="", metavar="YYYY-MM-DD", help="the date the first request was sent")
    f.add_argument("--changed", default="", metavar="TEXT", help="what changed since the first request")
    f.add_argument("--needed", default="", metavar="TEXT", help="what is still needed from support")
    f.add_argument("--first-reference", default="", metavar="WSA-XXXXXX",
                   help="the reference the first request carried (left out of the email when not given)")
    p.add_argument("--confirm-public", action="append", default=[], metavar="VALUE",
                   help="VALUE is public (e.g. a transaction hash the firewall asks about), like the review page's "
                        "Keep button; a recovery phrase or key is blocked all the same")
    p.add_argument("--confirm-unchecked-pictures", action="store_true",
                   help="attach pictures that could not be read for a recovery phrase (no OCR installed, or it failed) "
                        "after you looked at them yourself; a picture found to show a phrase or key is refused all the same")


def safe(message: str) -> str:
    """A message for the terminal with anything that looks like a secret cut out: messages may quote what the
    user typed (a recipient, a field value), and a terminal is a log."""
    from assistant.secrets.scan import find_secrets, redact

    return redact(message, find_secrets(message), "[hidden]")


def _pairs(items: list[str], what: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise FlowError(f"--{what} {item!r} must look like NAME=VALUE")
        pairs[name.strip()] = value
    return pairs


def walk(session: Session, answers: dict[str, str], values: dict[str, str]) -> None:
    """Drive the session to an outcome; raise FlowError naming what is missing or wrong."""
    while not session.finished:
        node = session.current
        if node.kind is NodeKind.FORM:
            mine = {f.name: values[f.name] for f in session.visible_fields() if f.name in values}
            session.submit(mine)
            continue
        if node.id not in answers:
            valid = ", ".join(c.id for c in session.visible_choices())
            raise FlowError(f"no answer for node {node.id!r}; add --answer {node.id}=CHOICE with CHOICE one of: {valid}")
        session.choose(answers[node.id])


# ---- command -----------------------------------------------------------------------------------------------------
def run(args) -> int:
    catalog = load_catalog(content_dir())
    locale = args.locale or catalog.source_locale
    if args.flow not in catalog.flows:
        reason = catalog.disabled_flows.get(args.flow)
        known = ", ".join(catalog.flows)
        print(f"error: flow {args.flow!r} " + (f"is disabled: {reason}" if reason else f"does not exist; flows: {known}"), file=sys.stderr)
        return USAGE_ERROR
    if locale not in catalog.locales:
        print(f"error: unknown locale {locale!r}; use one of: {', '.join(catalog.locales)}", file=sys.stderr)
        return USAGE_ERROR
    out = getattr(args, "out", None)
    if out is not None and out.suffix.lower() not in (".eml", ".txt"):
        print(f"error: --out {out}: the name must end in .eml (draft with attachments) or .txt (plain text)", file=sys.stderr)
        return USAGE_ERROR
    to = getattr(args, "to", None)
    if to is not None:
        from assistant.secrets.addresses import RecipientRejected, parse_to
        from assistant.secrets.scan import is_blocked

        if is_blocked(to):  # never echoed back: say where, not what
            print("error: blocked: nothing was written, because --to holds what looks like a secret. Real support "
                  "never asks for a recovery phrase, private key or password.", file=sys.stderr)
            return BLOCKED
        try:
            parse_to(to)
        except RecipientRejected as exc:
            print(f"error: --to: {exc}", file=sys.stderr)
            return USAGE_ERROR
    flow = catalog.flows[args.flow]
    texts = Texts(catalog, locale)
    try:
        answers = _pairs(args.answer, "answer")
        values = _pairs(args.field, "field")
        unknown = [n for n in answers if n not in flow.nodes]
        if unknown:
            raise FlowError(f"--answer names unknown node(s) {', '.join(unknown)}; nodes: {', '.join(flow.nodes)}")
        session = Session(flow)
        if getattr(args, "sample", False):
            if not sample_walk(session, answers, values, locale=locale, now=datetime.now(UTC).astimezone()):
                raise FlowError("no escalation outcome is reachable with these answers")
        else:
            walk(session, answers, values)
    except FieldErrors as exc:
        for name, problem in exc.errors.items():
            print(safe(f"error: field {name!r}: {texts.field_error(problem)}"), file=sys.stderr)
        return USAGE_ERROR
    except FlowError as exc:
        print(safe(f"error: {exc}"), file=sys.stderr)
        return USAGE_ERROR
    outcome = session.current
    if outcome.outcome is OutcomeKind.RESOLVED:
        print(f"{texts.node_title(flow.id, outcome.id)}\n\n{texts.node_body(flow.id, outcome.id, session.answers)}")
        print("(this path ends resolved: no support request is needed)", file=sys.stderr)
        return 0
    return export(session, catalog, locale, args)


def export(session: Session, catalog: Catalog, locale: str, args) -> int:
    from assistant.email import attachments as att
    from assistant.email.exports import Message, save, text_for
    from assistant.secrets.guard import Exit, describe
    from assistant.secrets.recipient import check_recipient

    files: list[att.Attachment] = []
    try:
        for path in getattr(args, "attach", []) or []:
            item = att.load(path)
            att.check_total(files, item)
            files.append(item)
    except att.AttachmentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    files = list(att.with_unique_names(files))
    out: Path | None = getattr(args, "out", None)
    if files and (out is None or out.suffix.lower() != ".eml"):
        print("error: attachments need --out FILE.eml (a text export cannot carry them)", file=sys.stderr)
        return USAGE_ERROR
    refusal = check_pictures(files, bool(getattr(args, "confirm_unchecked_pictures", False)))
    if refusal:
        return refusal
    excluded = frozenset(getattr(args, "exclude", []) or [])
    names = tuple(f.filename for f in files)
    bilingual, to = bool(getattr(args, "bilingual", False)), getattr(args, "to", None)
    follow_up = getattr(args, "follow_up", False)
    try:
        if follow_up:
            draft = build_follow_up(session, catalog, locale, ticket=args.ticket, first_sent=args.first_sent,
                                    changed=args.changed, needed=args.needed, excluded=excluded, attachments=names,
                                    first_reference=args.first_reference,
                                    bilingual=bilingual, to=to)
        else:
            draft = build_draft(session, catalog, locale, excluded=excluded, attachments=names, bilingual=bilingual, to=to)
    except FollowUpError as exc:
        option = "--" + exc.field.replace("_", "-")
        print(f"error: {option}: {error_text(catalog, locale, exc)}", file=sys.stderr)
        return USAGE_ERROR
    if draft.template_fault:
        print(f"warning: {draft.template_fault}; the email uses the built-in layout (run `check` for details)",
              file=sys.stderr)
    profile = catalog.profile if catalog.profiles else None
    official = profile.domains if profile else ()
    names = (profile.name, *profile.aliases) if profile else ()
    for warning in check_recipient(draft.to, official, recipient=draft.recipient, names=names):
        print(safe(f"warning: recipient: {warning.message}"), file=sys.stderr)
    message = Message.from_draft(draft, files, accepted=tuple(getattr(args, "confirm_public", []) or ()))
    try:
        if out is None:
            sys.stdout.write(text_for(message, Exit.TXT))
            if follow_up:
                print_channels(catalog, locale, draft.recipient)
            return 0
        save(message, out)
    except ExportBlocked as exc:
        texts = Texts(catalog, locale)
        print(f"error: blocked: {texts.ui('review.secret.blocked')}", file=sys.stderr)
        for hit in exc.findings:
            print(f"  - {describe(hit, texts.ui(f'review.secret.why.{hit.finding.kind}'))}", file=sys.stderr)
        if not any(hit.blocking for hit in exc.findings):
            print("(if a value it asks about is public, e.g. a transaction hash, pass it with --confirm-public VALUE)",
                  file=sys.stderr)
        return BLOCKED
    except AssistantError as exc:
        print(safe(f"error: {exc}"), file=sys.stderr)
        return FAILED
    print(f"wrote {out}", file=sys.stderr)
    if follow_up:
        print_channels(catalog, locale, draft.recipient)
    return 0


def check_pictures(files, confirmed_unchecked: bool) -> int:
    """Read every picture: one showing a recovery phrase or key blocks the draft (exit 3, nothing written), and so
    does one that could not be read, unless the person says they looked at it (--confirm-unchecked-pictures)."""
    from assistant.vision.check import PictureState, check_picture

    status = 0
    for item in files:
        if not item.is_image:
            continue
        result = check_picture(item.data)
        if result.state is PictureState.REFUSED:
            what = "a private key" if result.kind != "mnemonic" else "a recovery phrase"
            print(f"error: blocked: nothing was written: the picture {item.filename} shows what looks like {what} "
                  f"({result.detail}). Remove it: real support never needs it.", file=sys.stderr)
            status = BLOCKED
        elif result.state is PictureState.UNCHECKED and not confirmed_unchecked:
            why = "text recognition is not installed (the ocr extra)" if result.detail == "unavailable" else \
                "its text could not be read"
            print(f"error: blocked: nothing was written: the picture {item.filename} could not be checked for a "
                  f"recovery phrase, because {why}. Look at it: if it shows no recovery phrase, private key or "
                  "password, run again with --confirm-unchecked-pictures.", file=sys.stderr)
            status = BLOCKED
    return status


def print_channels(catalog: Catalog, locale: str, recipient: str) -> None:
    """The official channels, in order, for when the follow-up gets no answer either."""
    for number, channel in enumerate(official_channels(catalog, locale, recipient), 1):
        target = f" <{channel.target}>" if channel.target else ""
        mark = f"{number}." if channel.id != "never" else "!"
        print(f"{mark} {channel.purpose}{target}", file=sys.stderr)
