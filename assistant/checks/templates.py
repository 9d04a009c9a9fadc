"""Email templates and `{placeholders}`.

E030  Jinja syntax error in an email template
E031  a template uses a variable outside the allow-list (assistant.email.draft.TEMPLATE_VARIABLES)
E032  a template fails to render against sample data of some flow (with full and with empty optional data)
E033  a `{placeholder}` in a text differs from the source text's placeholders

Every string under `email.` (content/locales/<locale>/email.toml) is a Jinja2 template.
"""
from __future__ import annotations

import re

from assistant.content.catalog import Catalog
from assistant.email.draft import TEMPLATE_VARIABLES, environment
from assistant.flows.model import NodeKind
from assistant.problems import Problem, Severity

TEMPLATE_PREFIX = "email."
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SAMPLE_BY_KIND = {  # public, made-up values
    "tx_hash": "0x3f1c9a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4",
    "address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "datetime": "2026-11-20 14:05 +08:00",
    "version": "2.3.1",
    "amount": "120.5 USDT",
    "email": "me@example.com",
    "url": "https://tokenpocket.pro",
    "ticket": "#12345",
    "exchange_uid": "UID 10293847",
}


def sample_context(catalog: Catalog, flow_id: str, *, minimal: bool = False, locale: str | None = None) -> dict:
    """Plausible (public, made-up) data for rendering a template for `flow_id`, labelled in `locale`;
    `minimal` leaves optional parts empty."""
    loc = locale or catalog.source_locale
    flow = catalog.flows[flow_id]
    details: list[dict] = []
    seen: set[str] = set()
    for node in flow.nodes.values():
        if node.kind is not NodeKind.FORM:
            continue
        for f in node.fields:
            if f.name in seen or (minimal and not f.required):
                continue
            seen.add(f.name)
            base = f"{flow_id}.nodes.{node.id}.fields.{f.name}"
            if f.kind == "select" and f.options:
                value = catalog.text(loc, f"{base}.options.{f.options[0]}", f.options[0])
            else:
                value = _SAMPLE_BY_KIND.get(f.kind, f"({f.name})")
            details.append({"name": f.name, "label": catalog.text(loc, f"{base}.label", f.name), "value": value})
    step = next((n for n in flow.nodes.values() if n.kind is NodeKind.STEP), None)
    question = next((n for n in flow.nodes.values() if n.kind is NodeKind.QUESTION and not n.critical), None)
    outcome = next((n for n in flow.nodes.values() if n.kind is NodeKind.OUTCOME and str(n.outcome) != "resolved"), None)
    title = lambda node: catalog.text(loc, f"{flow_id}.nodes.{node.id}.title", node.id)  # noqa: E731
    profile = catalog.profile if catalog.profiles else None
    return {
        "wallet": profile.name if profile else "TokenPocket",
        "support_email": profile.support_email if profile else "service@tokenpocket.pro",
        "problem": catalog.text(loc, f"{flow_id}.flow.title", flow_id),
        "outcome_title": title(outcome) if outcome else "",
        "urgent": outcome is not None and str(outcome.outcome) == "urgent",
        "recipient": outcome.recipient if outcome else "wallet",
        "network": "" if minimal else "TRON", "reference": "WSA-1A2B3C", "date": "2026-11-20",
        "details": details, "fields": {d["name"]: d["value"] for d in details},
        "steps": [] if minimal or step is None else [{"title": title(step), "result": catalog.text(loc, "ui.step.result_unsolved", "no")}],
        "answers": [] if minimal or question is None else [{"question": title(question), "answer": question.choices[0].id}],
        "attachments": [] if minimal else ["screenshot.png"], "tickets": [] if minimal else ["#12345"],
    }


def template_entries(catalog: Catalog, locale: str):
    for key, entry in catalog.texts.get(locale, {}).items():
        if key.startswith(TEMPLATE_PREFIX) and isinstance(entry.value, str):
            yield key, entry


def check_templates(catalog: Catalog, locales: list[str]) -> list[Problem]:
    from jinja2 import TemplateSyntaxError, UndefinedError, meta
    from jinja2.exceptions import SecurityError

    problems: list[Problem] = []
    for locale in locales:
        for key, entry in template_entries(catalog, locale):
            source = entry.value
            offset = 1 if _starts_multiline(entry) else 0
            try:
                ast = environment().parse(source)
            except TemplateSyntaxError as exc:
                problems.append(Problem(entry.path, entry.line + (exc.lineno or 1) - 1 + offset, 1, Severity.ERROR, "E030",
                                        f"template syntax error in {key!r}: {exc.message}; check that every {{{{ … }}}}, "
                                        "{% … %} and {% if/for %} … {% end… %} pair is complete"))
                continue
            unknown = meta.find_undeclared_variables(ast) - TEMPLATE_VARIABLES
            for name in sorted(unknown):
                index = next((i for i, text in enumerate(source.splitlines()) if re.search(rf"\b{re.escape(name)}\b", text)), 0)
                problems.append(Problem(entry.path, entry.line + index + offset, 1, Severity.ERROR, "E031",
                                        f"unknown template variable {name!r} in {key!r}; use one of: "
                                        f"{', '.join(sorted(TEMPLATE_VARIABLES))}"))
            if unknown:
                continue
            problems.extend(_render_all(catalog, locale, key, entry, ast, (UndefinedError, SecurityError, TypeError, ValueError,
                                                                   AttributeError, LookupError)))
    problems.extend(check_placeholders(catalog, locales))
    return problems


def _starts_multiline(entry) -> bool:
    try:
        line = entry.path.read_text(encoding="utf-8-sig").splitlines()[entry.line - 1]
    except (OSError, UnicodeError, IndexError):
        return False
    return line.rstrip().endswith(("'''", '"""'))


def _render_all(catalog: Catalog, locale: str, key: str, entry, ast, errors: tuple) -> list[Problem]:
    """Render against every flow's sample data; compiled once from the already parsed template."""
    try:
        template = environment().from_string(ast)
    except errors as exc:
        return [Problem(entry.path, entry.line, 1, Severity.ERROR, "E032", f"template {key!r} cannot be compiled: {exc}")]
    for flow_id in catalog.flows:
        for minimal, recipient in ((False, "wallet"), (False, "exchange"), (True, "wallet")):
            context = {**sample_context(catalog, flow_id, minimal=minimal, locale=locale), "recipient": recipient}
            try:
                template.render(**context)
            except errors as exc:
                data = "empty optional data" if minimal else f"full sample data (recipient {recipient!r})"
                return [Problem(entry.path, entry.line, 1, Severity.ERROR, "E032",
                                f"template {key!r} fails to render for flow {flow_id!r} with {data}: {exc}; "
                                "use only the listed variables and test optional ones with {% if … %}")]
    return []


def check_placeholders(catalog: Catalog, locales: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    source = catalog.texts.get(catalog.source_locale, {})
    for locale in locales:
        if locale == catalog.source_locale:
            continue
        for key, entry in catalog.texts.get(locale, {}).items():
            ref = source.get(key)
            if key.startswith(TEMPLATE_PREFIX) or ref is None or not isinstance(entry.value, str) \
                    or not isinstance(ref.value, str):
                continue
            want = set(_PLACEHOLDER.findall(ref.value))
            have = set(_PLACEHOLDER.findall(entry.value))
            if want == have:
                continue
            extra = ", ".join("{" + p + "}" for p in sorted(have - want))
            lost = ", ".join("{" + p + "}" for p in sorted(want - have))
            what = "; ".join(part for part in (f"unknown {extra}" if extra else "", f"missing {lost}" if lost else "") if part)
            shown = ", ".join("{" + p + "}" for p in sorted(want)) or "none"
            problems.append(Problem(entry.path, entry.line, 1, Severity.ERROR, "E033",
                                    f"placeholders in {key.split('.', 1)[1]!r} differ from the source ({what}); "
                                    f"use exactly the source's placeholders: {shown}"))
    return problems
