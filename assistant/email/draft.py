"""Render the support request from the case: body and subject from the locale's Jinja2 template.

The case (assistant.email.case) is derived once from the finished session; this module only words it
(assistant.email.wording) and renders. Templates run in an immutable sandbox with StrictUndefined, so a
translator's typo fails loudly in `check` instead of silently leaving a blank in someone's support request.

The email language is chosen independently of the UI language, and the body may be bilingual (the chosen
language, then English) so any support desk can read it. Every collected detail goes into the data block
verbatim; derived rows (time in UTC, explorer links) follow the detail they come from and disappear with it.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import NamedTuple

from assistant.content.catalog import Catalog
from assistant.email.case import AMOUNT_FIELDS, ASSET_FIELDS, TICKET_FIELD, TX_FIELDS, Case, Value, derive_case
from assistant.email.wording import Wording
from assistant.flows.engine import Session

log = logging.getLogger(__name__)

# Every name a template may use; `check` verifies templates against exactly this set.
TEMPLATE_VARIABLES = frozenset({
    "wallet", "support_email", "addressee", "recipient", "urgent", "case", "network", "network_named", "asset",
    "txid", "app_version", "reference", "date", "details", "impostor", "fields", "facts", "steps", "attachments",
    "tickets",
    # the follow-up email
    "ticket", "first_sent", "changed", "needed",
})
BILINGUAL_LOCALE = "en"
SEPARATOR = "-" * 40
TEMPLATE = "email.template"
FOLLOW_UP_TEMPLATE = "email.followup"

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
        """Text the app wrote from content files (template, labels, facts, steps), never typed by the user;
        the firewall does not ask about ambiguous finds that lie wholly inside it."""
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


_COMPILED: dict[str, object] = {}


def render_template(source: str, context: dict) -> str:
    """Render `source`; templates are compiled once (a support request renders several per language)."""
    template = _COMPILED.get(source)
    if template is None:
        if len(_COMPILED) > 256:
            _COMPILED.clear()
        template = _COMPILED[source] = environment().from_string(source)
    return template.render(**context)  # type: ignore[attr-defined]


def reference_for(session: Session, when: datetime) -> str:
    """A short, non-secret reference so later emails about the same problem can be matched."""
    return derive_case(session).reference(when)


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
    from assistant.validation import explorers

    maker = explorers.explorer_tx_url if kind == "tx_hash" else explorers.explorer_address_url
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


def _detail(case: Case, value: Value, words: Wording, catalog: Catalog, locale: str) -> tuple[Detail, list[dict]]:
    shown = words.shown(case, value)
    if value.kind == "url":
        shown = defang(shown)
    detail = Detail(value.name, words.field(case.flow, value.form, value.name), shown, True, value.kind)
    derived: list[dict] = []
    if value.kind == "datetime":
        utc = _utc_of(value.value)
        if utc:
            derived.append({"name": f"{value.name}.utc", "label": DERIVED_MARK + _label(catalog, locale, "utc"), "value": utc})
    url = _explorer_url(value.kind, value.chain, value.value)
    if url:
        key = "explorer_tx" if value.kind == "tx_hash" else "explorer_address"
        derived.append({"name": f"{value.name}.explorer", "label": DERIVED_MARK + _label(catalog, locale, key), "value": url})
    return detail, derived


def case_details(case: Case, catalog: Catalog, locale: str) -> list[tuple[Detail, list[dict]]]:
    """Every form value of the case, in path order, each with its derived rows (UTC time, explorer link)."""
    words = Wording(catalog, locale)
    return [_detail(case, v, words, catalog, locale) for v in case.values]


def collect_details(session: Session, catalog: Catalog, locale: str) -> list[tuple[Detail, list[dict]]]:
    return case_details(derive_case(session), catalog, locale)


def addressee(case: Case, catalog: Catalog, locale: str) -> str:
    wallet = catalog.profile.name if catalog.profiles else ""
    if case.recipient != "exchange":
        return wallet
    words = Wording(catalog, locale)
    return case.fields.get("exchange_name", "").strip() or words.label("words", "exchange") or "Exchange"


def build_context(case: Case, catalog: Catalog, locale: str, *, now: datetime | None = None,
                  excluded: frozenset[str] = frozenset(), attachments: tuple[str, ...] = ()) -> dict:
    words = Wording(catalog, locale)
    now = now or datetime.now(UTC).astimezone()
    details: list[dict] = []
    impostor: list[dict] = []
    fields: dict[str, str] = {}
    for value in case.values:
        if value.name in excluded:
            continue
        detail, derived = _detail(case, value, words, catalog, locale)
        fields[detail.name] = detail.value
        if detail.name == TICKET_FIELD:
            continue  # shown in its own "earlier tickets" line
        rows = [{"name": detail.name, "label": detail.label, "value": detail.value}, *derived]
        (impostor if value.impostor else details).extend(rows)
    facts = [text for a in case.questions if a.node != "network" and (text := words.fact(case.flow, a.node, a.choice))]
    steps = [{"done": words.step(case.flow, a.node), "result": words.result(a.solved)} for a in case.steps]
    network = words.network(case)
    if not network and words.network_unnamed(case):
        network = words.label("words", "network_unnamed") or ""
    tx_value = case.value(*TX_FIELDS)
    tx = tx_value.value if tx_value is not None and tx_value.name not in excluded else ""
    return {
        "wallet": catalog.profile.name if catalog.profiles else "",
        "support_email": catalog.profile.support_email if catalog.profiles else "",
        "addressee": addressee(case, catalog, locale),
        "recipient": case.recipient,
        "urgent": case.urgent,
        "case": words.situation(case),
        "network": network,
        "network_named": not words.network_unnamed(case) and bool(network),
        "asset": _asset(case, excluded),
        "txid": tx,
        "app_version": "" if "app_version" in excluded else fields.get("app_version", ""),
        "reference": case.reference(now),
        "date": now.date().isoformat(),
        "details": details,
        "impostor": impostor,
        "fields": fields,
        "facts": facts,
        "steps": steps,
        "attachments": list(attachments),
        "tickets": [] if TICKET_FIELD in excluded else list(case.tickets),
        "ticket": "", "first_sent": "", "changed": "", "needed": "",
    }


class Rendered(NamedTuple):
    subject: str
    body: str
    fault: str = ""  # set when the built-in layout stood in for a broken template chain


def _asset(case: Case, excluded: frozenset[str]) -> str:
    amount = case.value(*AMOUNT_FIELDS)
    if amount is not None and amount.name not in excluded:
        return case.amount
    coin = case.value(*ASSET_FIELDS)
    return coin.value.strip() if coin is not None and coin.name not in excluded else ""


def render(catalog: Catalog, locale: str, context: dict, template: str = TEMPLATE) -> Rendered:
    """Render with the locale's template; a broken one falls back along the chain to the source's, and a broken
    source template to a minimal built-in layout (reported with file:line, never raised)."""
    from assistant.email import fallback

    chain = catalog.chain(locale)
    fault = ""
    for code in chain:
        table = catalog.texts.get(code, {})
        subject_src, body_src = (table.get(f"{template}.{k}") for k in ("subject", "body"))
        if subject_src is None or body_src is None:
            continue
        key, entry = f"{template}.subject", subject_src
        try:
            subject = render_template(str(subject_src.value), context)
            key, entry = f"{template}.body", body_src
            body = render_template(str(body_src.value), context)
        except Exception as exc:  # a template can raise anything (ZeroDivisionError…); none may stop the draft
            fault = fallback.locate(entry, key, exc)
            log.warning("%s; trying the next template on the chain of %s", fault, locale)
            continue
        return Rendered(" ".join(subject.split()), body.strip("\n") + "\n")
    if not fault:
        raise LookupError(f"no email template {template!r} for {locale!r} or its fallbacks")
    log.error("%s; the email uses the built-in layout", fault)
    return Rendered(*fallback.minimal_layout(context), fault)


def compose(case: Case, catalog: Catalog, locale: str, contexts: dict[str, dict], *, template: str = TEMPLATE,
            bilingual: bool = False, to: str | None = None, excluded: frozenset[str] = frozenset(),
            attachments: tuple[str, ...] = ()) -> Draft:
    """The draft from one context per language (`contexts[locale]`, plus English when `bilingual`)."""
    context = contexts[locale]
    second = bilingual and locale != BILINGUAL_LOCALE and BILINGUAL_LOCALE in contexts
    if second:
        en_context = contexts[BILINGUAL_LOCALE]
        english = render(catalog, BILINGUAL_LOCALE, en_context, template)
        # The subject states the case in both languages; the rest of it (asset, network, reference) is shared.
        both = dict(context, case=f"{context['case']} / {en_context['case']}")
        subject = render(catalog, locale, both, template).subject
        own = render(catalog, locale, context, template)
        heading = catalog.text(locale, "email.bilingual.heading", _BILINGUAL_HEADING)
        body = f"{own.body}\n{SEPARATOR}\n{heading}\n{SEPARATOR}\n\n{english.body}"
        fault = own.fault or english.fault
    else:
        subject, body, fault = render(catalog, locale, context, template)
    if to is None:
        to = context["support_email"] if case.recipient == "wallet" else ""
    all_details = tuple(replace(d, included=d.name not in excluded) for d, _derived in case_details(case, catalog, locale))
    trusted = _trusted(catalog, case, *contexts.values() if second else (context,))
    return Draft(locale, to, subject, body, all_details, tuple(attachments), case.recipient, context,
                 context["reference"], bool(second), trusted, fault)


def wants_english(catalog: Catalog, locale: str, bilingual: bool) -> bool:
    return bilingual and locale != BILINGUAL_LOCALE and BILINGUAL_LOCALE in catalog.texts


def build_draft(session: Session, catalog: Catalog, locale: str, *, now: datetime | None = None,
                excluded: frozenset[str] = frozenset(), attachments: tuple[str, ...] = (),
                bilingual: bool = False, to: str | None = None) -> Draft:
    """The support request in `locale` (plus English below it when `bilingual`).

    `to` overrides the recipient (exchange requests start empty: the user enters the exchange's address).
    """
    now = now or datetime.now(UTC).astimezone()
    case = derive_case(session)
    languages = (locale, BILINGUAL_LOCALE) if wants_english(catalog, locale, bilingual) else (locale,)
    contexts = {code: build_context(case, catalog, code, now=now, excluded=excluded, attachments=attachments)
                for code in languages}
    return compose(case, catalog, locale, contexts, bilingual=bilingual, to=to, excluded=excluded,
                   attachments=attachments)


def _trusted(catalog: Catalog, case: Case, *contexts: dict) -> tuple[str, ...]:
    """Every piece of draft text that comes from content files rather than from the user."""
    found: list[str] = []
    keys = [f"{t}.{part}" for t in (TEMPLATE, FOLLOW_UP_TEMPLATE) for part in ("subject", "body")]
    for ctx in contexts:
        found += [catalog.text(code, key) for code in catalog.texts for key in (*keys, "email.bilingual.heading")]
        found += [ctx["case"], "" if case.network_detail_typed else ctx["network"], ctx["wallet"]]
        found += [d["label"] for d in (*ctx["details"], *ctx["impostor"])]
        found += [v for s in ctx["steps"] for v in (s["done"], s["result"])]
        found += list(ctx["facts"])
    return tuple(dict.fromkeys(t for t in found if t))
