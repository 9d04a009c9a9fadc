"""`draft`: walk a flow headlessly with given answers and write the support request (.eml or .txt).

The same builder and the same secret firewall as the review page: a blocked secret exits 3 and nothing is written.
`--sample` walks to an escalation with realistic public sample values, so translators can read the email their
template produces.
"""
from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from assistant.content.catalog import Catalog, load_catalog
from assistant.email.draft import build_draft
from assistant.errors import AssistantError, ExportBlocked, FieldErrors, FlowError
from assistant.flows.engine import Session
from assistant.flows.model import STEP_UNSOLVED, Field, NodeKind, OutcomeKind
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


# ---- sample walk -------------------------------------------------------------------------------------------------
_SAMPLE_BY_NAME = {
    "nonce": "42", "fee": "3 gwei", "exchange_name": "Binance", "withdrawal_id": "1234567890", "coin": "USDT",
    "token": "USDT", "memo": "102938", "device_os": "Android 14, Pixel 7", "error_text": "Network error, please retry",
    "police_report": "2026-1120-0077", "original_app": "MetaMask", "impostor_contact": "@tp_support_helpdesk",
}


def sample_value(field: Field, chain: str | None) -> str:
    """A realistic PUBLIC value for a field (hashes are random, so no two samples share one)."""
    from assistant.validation import chains, fields

    fam = chains.family(chain)
    known = fam if fam in chains.KNOWN_FAMILIES else chains.EVM
    if field.kind == "select":
        return field.options[0] if field.options else ""
    if field.kind == "address":
        return chains.EXAMPLES[(known, "address")]
    if field.kind == "tx_hash":
        if known is chains.SOLANA:
            return chains.EXAMPLES[(known, "tx")]
        digits = os.urandom(32).hex()
        return "0x" + digits if known is chains.EVM else digits
    if field.kind == "datetime":
        when = datetime.now(timezone(timedelta(hours=8))) - timedelta(days=1, minutes=17)
        return when.strftime("%Y-%m-%d %H:%M +08:00")
    if field.kind == "multiline":
        return "The transfer still shows as pending in the wallet."
    if field.name in _SAMPLE_BY_NAME:
        return _SAMPLE_BY_NAME[field.name]
    examples = getattr(fields, "EXAMPLES", {})
    if field.kind in examples:
        return examples[field.kind].split(",")[0].strip()
    return {"version": "2.4.1", "email": "alex.chen@example.com", "amount": "120.5 USDT"}.get(field.kind, "Android 14, Pixel 7")


def _choice_order(session: Session) -> list[str]:
    ids = [c.id for c in session.visible_choices()]
    calm = ("no", "nothing", "none")  # prefer the path without a scam or leak
    return sorted(ids, key=lambda c: (calm.index(c) if c in calm else len(calm), ids.index(c)))


def sample_walk(session: Session, answers: dict[str, str] | None = None, values: dict[str, str] | None = None,
                targets: tuple[OutcomeKind, ...] = (OutcomeKind.ESCALATE, OutcomeKind.URGENT), limit: int = 5000,
                want=None) -> bool:
    """Depth-first walk to an outcome of one of `targets` (or one `want(node)` accepts), using given answers and
    values first, samples otherwise. Steps are answered "not solved". False when no such outcome is reachable."""
    answers, values = answers or {}, values or {}
    budget = [limit]

    def fill() -> bool:
        shown = session.visible_fields()
        data = {f.name: values.get(f.name) or sample_value(f, session.chain(f)) for f in shown}
        for _attempt in range(3):
            try:
                session.submit(data)
                return True
            except FieldErrors as exc:
                optional = {f.name for f in shown if not f.required}
                if not set(exc.errors) <= optional:
                    return False
                for name in exc.errors:
                    data.pop(name, None)
        return False

    def dfs() -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return False
        node = session.current
        if node.kind is NodeKind.OUTCOME:
            return want(node) if want is not None else node.outcome in targets
        if node.kind is NodeKind.FORM:
            options: list[str | None] = [None]
        elif node.kind is NodeKind.STEP:
            options = [STEP_UNSOLVED]
        else:
            options = [answers[node.id]] if node.id in answers else [*_choice_order(session)]
        for option in options:
            if option is None:
                if not fill():
                    return False
            else:
                try:
                    session.choose(option)
                except FlowError:
                    continue
            if dfs():
                return True
            session.back()
        return False

    return dfs()


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
            if not sample_walk(session, answers, values):
                raise FlowError("no escalation outcome is reachable with these answers")
        else:
            walk(session, answers, values)
    except FieldErrors as exc:
        for name, problem in exc.errors.items():
            print(f"error: field {name!r}: {texts.field_error(problem)}", file=sys.stderr)
        return USAGE_ERROR
    except FlowError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    outcome = session.current
    if outcome.outcome is OutcomeKind.RESOLVED:
        print(f"{texts.node_title(flow.id, outcome.id)}\n\n{texts.node_body(flow.id, outcome.id)}")
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
    draft = build_draft(session, catalog, locale, excluded=frozenset(getattr(args, "exclude", []) or []),
                        attachments=tuple(f.filename for f in files), bilingual=getattr(args, "bilingual", False),
                        to=getattr(args, "to", None))
    profile = catalog.profile if catalog.profiles else None
    official = profile.domains if profile else ()
    names = (profile.name, *profile.aliases) if profile else ()
    for warning in check_recipient(draft.to, official, recipient=draft.recipient, names=names):
        print(f"warning: recipient: {warning.message}", file=sys.stderr)
    message = Message.from_draft(draft, files)
    try:
        if out is None:
            sys.stdout.write(text_for(message, Exit.TXT))
            return 0
        save(message, out)
    except ExportBlocked as exc:
        print("error: blocked: nothing was written, because the draft holds what looks like a secret.", file=sys.stderr)
        for hit in exc.findings:
            print(f"  - {describe(hit)}", file=sys.stderr)
        print("Real support never asks for a recovery phrase, private key or password. Remove it (and if it is a "
              "transaction hash, give it with --field for the transaction-hash field).", file=sys.stderr)
        return BLOCKED
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return FAILED
    print(f"wrote {out}", file=sys.stderr)
    return 0
