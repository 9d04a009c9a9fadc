"""Build the support-request draft from a finished session; render the locale's Jinja2 email template.

Templates run in an immutable sandbox with StrictUndefined, so a translator's typo fails loudly in `check`
instead of silently leaving a blank in someone's support request.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from .content import Catalog
from .flows.engine import Session
from .flows.model import NodeKind, STEP_SOLVED
from .texts import Texts

# Every name a template may use; `check` verifies templates against exactly this set.
TEMPLATE_VARIABLES = frozenset({
    "wallet", "support_email", "problem", "outcome_title", "recipient", "network", "reference", "date",
    "details", "fields", "steps", "answers", "attachments", "tickets",
})
TICKET_FIELD = "earlier_tickets"
NETWORK_NODE = "network"


@dataclass(frozen=True, slots=True)
class Detail:
    name: str
    label: str
    value: str
    included: bool = True


@dataclass(frozen=True, slots=True)
class Draft:
    locale: str
    to: str
    subject: str
    body: str
    details: tuple[Detail, ...] = ()
    attachments: tuple[str, ...] = ()
    recipient: str = "wallet"
    context: dict = field(default_factory=dict, compare=False, repr=False)


def _environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True
    )


_ENV = None


def environment():
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    return _ENV


def render_template(source: str, context: dict) -> str:
    return environment().from_string(source).render(**context)


def reference_for(session: Session, when: datetime) -> str:
    """A short, non-secret reference so later emails about the same problem can be matched."""
    seed = f"{session.flow.id}|{when.isoformat()}".encode()
    return "WSA-" + hashlib.sha256(seed).hexdigest()[:6].upper()


def build_context(session: Session, catalog: Catalog, locale: str, *, now: datetime | None = None,
                  excluded: frozenset[str] = frozenset(), attachments: tuple[str, ...] = ()) -> dict:
    texts = Texts(catalog, locale)
    flow_id = session.flow.id
    now = now or datetime.now(timezone.utc).astimezone()
    details: list[dict] = []
    steps: list[dict] = []
    answers: list[dict] = []
    fields: dict[str, str] = {}
    for entry in session.path:
        node = session.flow.node(entry.node_id)
        if entry.kind is NodeKind.FORM:
            for f in node.fields:
                value = entry.answer.get(f.name)  # type: ignore[union-attr]
                if not value or f.name in excluded:
                    continue
                shown = texts.option(flow_id, node.id, f.name, value) if f.kind == "select" else value
                details.append({"name": f.name, "label": texts.field(flow_id, node.id, f.name), "value": shown})
                fields[f.name] = shown
        elif entry.kind is NodeKind.STEP:
            steps.append({"title": texts.node_title(flow_id, node.id),
                          "result": texts.ui("step.result_solved" if entry.answer == STEP_SOLVED else "step.result_unsolved")})
        else:
            answers.append({"question": texts.node_title(flow_id, node.id),
                            "answer": texts.choice(flow_id, node.id, str(entry.answer), node.kind)})
    network_answer = session.answers.get(NETWORK_NODE)
    network = texts.choice(flow_id, NETWORK_NODE, network_answer) if isinstance(network_answer, str) else ""
    outcome = session.current
    tickets = [t.strip() for t in fields.get(TICKET_FIELD, "").replace("，", ",").split(",") if t.strip()]
    return {
        "wallet": catalog.profile.name if catalog.profiles else "",
        "support_email": catalog.profile.support_email if catalog.profiles else "",
        "problem": texts.flow_title(flow_id),
        "outcome_title": texts.node_title(flow_id, outcome.id),
        "recipient": outcome.recipient,
        "network": network,
        "reference": reference_for(session, now),
        "date": now.date().isoformat(),
        "details": details,
        "fields": fields,
        "steps": steps,
        "answers": answers,
        "attachments": list(attachments),
        "tickets": tickets,
    }


def build_draft(session: Session, catalog: Catalog, locale: str, *, now: datetime | None = None,
                excluded: frozenset[str] = frozenset(), attachments: tuple[str, ...] = ()) -> Draft:
    context = build_context(session, catalog, locale, now=now, excluded=excluded, attachments=attachments)
    subject_src = catalog.text(locale, "email.template.subject")
    body_src = catalog.text(locale, "email.template.body")
    subject = " ".join(render_template(subject_src, context).split())
    body = render_template(body_src, context)
    to = context["support_email"] if session.current.recipient == "wallet" else ""
    all_details = tuple(Detail(d["name"], d["label"], d["value"]) for d in context["details"])
    return Draft(locale, to, subject, body, all_details, attachments, session.current.recipient, context)


def with_body(draft: Draft, body: str) -> Draft:
    return replace(draft, body=body)
