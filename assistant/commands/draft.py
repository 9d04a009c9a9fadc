"""`draft`: walk a flow headlessly with given answers and write the support request."""
from __future__ import annotations

import sys
from pathlib import Path

from ..content import load_catalog
from ..draft import build_draft
from ..errors import FieldErrors, FlowError
from ..flows.engine import Session
from ..flows.model import NodeKind, OutcomeKind
from ..paths import content_dir
from ..texts import Texts

USAGE_ERROR = 2


def add_parser(sub) -> None:
    p = sub.add_parser("draft", help="walk a flow with given answers and write the support draft")
    p.add_argument("--flow", required=True)
    p.add_argument("--locale", default=None, help="language of the email (default: the source language)")
    p.add_argument("--answer", action="append", default=[], metavar="NODE=CHOICE")
    p.add_argument("--field", action="append", default=[], metavar="NAME=VALUE")
    p.add_argument("--out", type=Path, help="write here (.txt); default: standard output")


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
    flow = catalog.flows[args.flow]
    texts = Texts(catalog, locale)
    try:
        answers = _pairs(args.answer, "answer")
        values = _pairs(args.field, "field")
        unknown = [n for n in answers if n not in flow.nodes]
        if unknown:
            raise FlowError(f"--answer names unknown node(s) {', '.join(unknown)}; nodes: {', '.join(flow.nodes)}")
        session = Session(flow)
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
    draft = build_draft(session, catalog, locale)
    return write_draft(draft, args.out)


def write_draft(draft, out: Path | None) -> int:
    text = f"To: {draft.to}\nSubject: {draft.subject}\n\n{draft.body}"
    if out is None:
        sys.stdout.write(text)
        return 0
    from ..atomic import write_text_atomic

    write_text_atomic(out, text)
    print(f"wrote {out}", file=sys.stderr)
    return 0
