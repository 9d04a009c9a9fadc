"""Build the support-request draft from a finished session; render the locale's Jinja2 email template.

Templates run in an immutable sandbox with StrictUndefined, so a translator's typo fails loudly in `check`
instead of silently leaving a blank in someone's support request.

The email language is chosen independently of the UI language, and the body may be bilingual (the chosen
language, then English) so any support desk can read it. Every collected detail goes into the data block
verbatim; derived rows (time in UTC, explorer links) follow the detail they come from and disappear with it.
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import NamedTuple

from assistant.content.catalog import Catalog
from assistant.flows.engine import Session
from assistant.flows.model import STEP_SOLVED, NodeKind, OutcomeKind
from assistant.i18n.texts import Texts

log = logging.getLogger(__name__)

# Every name a template may use; `check` verifies templates against exactly this set.
TEMPLATE_VARIABLES = frozenset({
    "wallet", "support_email", "problem", "outcome_title", "urgent", "recipient", "network", "reference", "date",
    "details", "fields", "steps", "answers", "attachments", "tickets",
})
TICKET_FIELD = "earlier_tickets"
NETWORK_NODE = "network"
BILINGUAL_LOCALE = "en"
SEPARATOR = "-" * 40

# Email-only wording outside the Jinja template (content/locales/<locale>/email.toml), with English defaults.
_EMAIL_LABELS = {
    "explorer_tx": "on the explorer",
    "explorer_address": "on the explorer",
    "utc": "in UTC",
}
DERIVED_MARK = "  ↳ "  # derived rows follow their detail, indented
_BILINGUAL_HEADING = "English version below"


@dataclass(frozen=True, slots=True)
class Detail:
    name: str
    label: str
    value: str
    included: bool = True
    kind: str = "text"


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
    reference: str = ""
    bilingual: bool = False
    trusted: tuple[str, ...] = field(default=(), compare=False, repr=False)
    template_fault: str = ""  # "file:line: …" when every template on the chain was broken (built-in layout used)

    @property
    def public_values(self) -> tuple[str, ...]:
        """Values entered in transaction-hash fields: public by the user's own statement, so the export
        firewall accepts them where a bare 64-hex string would otherwise need confirming."""
        return tuple(d.value for d in self.details if d.kind == "tx_hash" and d.included)

    @property
    def trusted_texts(self) -> tuple[str, ...]:
        """Text the app wrote from content files (template, labels, step titles, answers), never typed by the
        user; the firewall does not ask about ambiguous finds that lie wholly inside it."""
        return self.trusted

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.locale, BILINGUAL_LOCALE) if self.bilingual and self.locale != BILINGUAL_LOCALE else (self.locale,)


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
    # Same answers on the same day give the same reference, so rebuilding the draft (another language, a
    # detail left out, an attachment) keeps it; no secret can be in the path (the forms reject secrets).
    path = json.dumps(session.to_dict(), ensure_ascii=False, sort_keys=True)
    seed = f"{session.flow.id}|{when.date().isoformat()}|{path}".encode()
    return "WSA-" + hashlib.sha256(seed).hexdigest()[:6].upper()


def _label(catalog: Catalog, locale: str, key: str) -> str:
    return catalog.text(locale, f"email.labels.{key}", _EMAIL_LABELS[key])


def _utc_of(value: str) -> str | None:
    """'2026-11-20T14:05+08:00' → '2026-11-20T06:05Z'; None when the value already shows UTC or has no zone."""
    if "UTC" in value.upper() or value.rstrip().endswith("Z"):
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None or moment.utcoffset() is None:
        return None
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ" if utc.second else "%Y-%m-%dT%H:%MZ")


def _explorer_url(kind: str, chain: str | None, value: str) -> str | None:
    """Explorer link for a tx hash or address when the network has a known explorer."""
    if not chain or kind not in ("tx_hash", "address"):
        return None
    from assistant.validation import chains

    maker = getattr(chains, "explorer_tx_url" if kind == "tx_hash" else "explorer_address_url", None)
    if maker is None:
        return None
    try:
        return maker(chain, value)
    except Exception:  # noqa: BLE001 - a link is a convenience; never let it break the draft
        log.exception("explorer link for %s failed", kind)
        return None


def defang(url: str) -> str:
    """Evidence links (an impostor's site) are kept exact but made unclickable: hxxps://evil[.]example/x."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    host, slash, path = rest.partition("/")
    return scheme.lower().replace("http", "hxxp") + sep + host.replace(".", "[.]") + slash + path


def collect_details(session: Session, catalog: Catalog, locale: str) -> list[tuple[Detail, list[dict]]]:
    """Every form value on the path, in path order, each with its derived rows (UTC time, explorer link)."""
    texts = Texts(catalog, locale)
    flow_id = session.flow.id
    out: list[tuple[Detail, list[dict]]] = []
    for entry in session.path:
        if entry.kind is not NodeKind.FORM:
            continue
        node = session.flow.node(entry.node_id)
        for f in node.fields:
            value = entry.answer.get(f.name)  # type: ignore[union-attr]
            if not value:
                continue
            shown = texts.option(flow_id, node.id, f.name, value) if f.kind == "select" else value
            if f.kind == "url":
                shown = defang(shown)
            # Labels are written as questions to the user; in the email they head a value.
            label = texts.field(flow_id, node.id, f.name).rstrip("?？:： ")
            detail = Detail(f.name, label, shown, True, f.kind)
            derived: list[dict] = []
            if f.kind == "datetime":
                utc = _utc_of(value)
                if utc:
                    derived.append({"name": f"{f.name}.utc", "label": DERIVED_MARK + _label(catalog, locale, "utc"), "value": utc})
            url = _explorer_url(f.kind, session.chain(f), value)
            if url:
                key = "explorer_tx" if f.kind == "tx_hash" else "explorer_address"
                derived.append({"name": f"{f.name}.explorer", "label": DERIVED_MARK + _label(catalog, locale, key), "value": url})
            out.append((detail, derived))
    return out


def build_context(session: Session, catalog: Catalog, locale: str, *, now: datetime | None = None,
                  excluded: frozenset[str] = frozenset(), attachments: tuple[str, ...] = ()) -> dict:
    texts = Texts(catalog, locale)
    flow_id = session.flow.id
    now = now or datetime.now(UTC).astimezone()
    details: list[dict] = []
    fields: dict[str, str] = {}
    for detail, derived in collect_details(session, catalog, locale):
        if detail.name in excluded:
            continue
        fields[detail.name] = detail.value
        if detail.name == TICKET_FIELD:
            continue  # shown in its own "earlier tickets" line
        details.append({"name": detail.name, "label": detail.label, "value": detail.value})
        details.extend(derived)
    steps: list[dict] = []
    answers: list[dict] = []
    for entry in session.path:
        node = session.flow.node(entry.node_id)
        if entry.kind is NodeKind.STEP:
            steps.append({"title": texts.node_title(flow_id, node.id),
                          "result": texts.ui("step.result_solved" if entry.answer == STEP_SOLVED else "step.result_unsolved")})
        elif entry.kind is NodeKind.QUESTION and node.id != NETWORK_NODE:  # the network has its own line
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
        "urgent": outcome.outcome is OutcomeKind.URGENT,
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


class Rendered(NamedTuple):
    subject: str
    body: str
    fault: str = ""  # set when the built-in layout stood in for a broken template chain


def _render(catalog: Catalog, locale: str, context: dict) -> Rendered:
    """Render with the locale's template; a broken one falls back along the chain to the source's, and a broken
    source template to a minimal built-in layout (reported with file:line, never raised)."""
    from assistant.email import fallback

    chain = catalog.chain(locale)
    fault = ""
    for code in chain:
        table = catalog.texts.get(code, {})
        subject_src, body_src = (table.get(k) for k in ("email.template.subject", "email.template.body"))
        if subject_src is None or body_src is None:
            continue
        key, entry = "email.template.subject", subject_src
        try:
            subject = render_template(str(subject_src.value), context)
            key, entry = "email.template.body", body_src
            body = render_template(str(body_src.value), context)
        except Exception as exc:  # a template can raise anything (ZeroDivisionError…); none may stop the draft
            fault = fallback.locate(entry, key, exc)
            log.warning("%s; trying the next template on the chain of %s", fault, locale)
            continue
        return Rendered(" ".join(subject.split()), body.strip("\n") + "\n")
    if not fault:
        raise LookupError(f"no email template for {locale!r} or its fallbacks")
    log.error("%s; the email uses the built-in layout", fault)
    return Rendered(*fallback.minimal_layout(context), fault)


def build_draft(session: Session, catalog: Catalog, locale: str, *, now: datetime | None = None,
                excluded: frozenset[str] = frozenset(), attachments: tuple[str, ...] = (),
                bilingual: bool = False, to: str | None = None) -> Draft:
    """The support request in `locale` (plus English below it when `bilingual`).

    `to` overrides the recipient (exchange requests start empty: the user enters the exchange's address).
    """
    now = now or datetime.now(UTC).astimezone()
    context = build_context(session, catalog, locale, now=now, excluded=excluded, attachments=attachments)
    second = bilingual and locale != BILINGUAL_LOCALE and BILINGUAL_LOCALE in catalog.texts
    if second:
        en_context = build_context(session, catalog, BILINGUAL_LOCALE, now=now, excluded=excluded, attachments=attachments)
        en_body, en_fault = _render(catalog, BILINGUAL_LOCALE, en_context)[1:]
        # The subject names the problem in both languages; the rest of it (network, reference) is shared.
        both = dict(context, problem=f"{context['problem']} / {en_context['problem']}")
        subject = _render(catalog, locale, both)[0]
        rendered = _render(catalog, locale, context)
        body, fault = rendered.body, rendered.fault or en_fault
        heading = catalog.text(locale, "email.bilingual.heading", _BILINGUAL_HEADING)
        body = f"{body}\n{SEPARATOR}\n{heading}\n{SEPARATOR}\n\n{en_body}"
    else:
        subject, body, fault = _render(catalog, locale, context)
    if to is None:
        to = context["support_email"] if session.current.recipient == "wallet" else ""
    all_details = tuple(replace(d, included=d.name not in excluded)
                        for d, _derived in collect_details(session, catalog, locale))
    trusted = _trusted(catalog, context, *( (en_context,) if second else ()))
    return Draft(locale, to, subject, body, all_details, tuple(attachments), session.current.recipient, context,
                 context["reference"], bool(second), trusted, fault)


def _trusted(catalog: Catalog, *contexts: dict) -> tuple[str, ...]:
    """Every piece of draft text that comes from content files rather than from the user."""
    found: list[str] = []
    for ctx in contexts:
        locale_texts = [catalog.text(code, key) for code in catalog.texts
                        for key in ("email.template.subject", "email.template.body", "email.bilingual.heading")]
        found += locale_texts
        found += [ctx["problem"], ctx["outcome_title"], ctx["network"], ctx["wallet"]]
        found += [d["label"] for d in ctx["details"]]
        found += [v for s in ctx["steps"] for v in (s["title"], s["result"])]
        found += [v for a in ctx["answers"] for v in (a["question"], a["answer"])]
    return tuple(dict.fromkeys(t for t in found if t))
