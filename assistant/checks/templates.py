"""Email templates and `{placeholders}`.

E030  Jinja syntax error in an email template
E031  a template uses a variable outside the allow-list (assistant.email.draft.TEMPLATE_VARIABLES)
E032  a template fails to render against sample data of some flow (with full and with empty optional data)
E033  a `{placeholder}` in a text differs from the source text's placeholders
W034  a form field, choice option, answer or self-help step has no agent-facing wording in email_labels.toml
      (the email then shows a neutral form of its id)

Every string under `email.` (content/locales/<locale>/email.toml) is a Jinja2 template.
"""
from __future__ import annotations

import re

from assistant.content.catalog import Catalog
from assistant.email import samples
from assistant.email.draft import TEMPLATE_VARIABLES, environment
from assistant.email.wording import PREFIX as LABELS
from assistant.flows.model import NodeKind
from assistant.problems import Problem, Severity

TEMPLATE_PREFIX = "email."
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

# Sample template variables come from the one sample-data module (also behind `draft --sample`).
sample_context = samples.sample_context


def template_entries(catalog: Catalog, locale: str):
    for key, entry in catalog.texts.get(locale, {}).items():
        if key.startswith(TEMPLATE_PREFIX) and isinstance(entry.value, str):
            yield key, entry


def check_templates(catalog: Catalog, locales: list[str]) -> list[Problem]:
    from jinja2 import TemplateSyntaxError, UndefinedError, meta
    from jinja2.exceptions import SecurityError

    problems: list[Problem] = []
    cache: dict[str, list] = {}
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
            contexts = _contexts(catalog, locale, cache)
            problems.extend(_render_all(key, entry, ast, contexts, (UndefinedError, SecurityError, TypeError, ValueError,
                                                                   AttributeError, LookupError)))
    problems.extend(check_placeholders(catalog, locales))
    if catalog.source_locale in locales:
        problems.extend(check_agent_wording(catalog))
    return problems


_VARIANTS = {"full sample data": {}, "empty optional data": {"minimal": True}, "an urgent case": {"urgent": True}}


def _contexts(catalog: Catalog, locale: str, cache: dict) -> list[tuple[str, str, dict]]:
    """(flow, what, context) for every flow and variant, also as an email to an exchange; built once per locale."""
    if locale not in cache:
        found = []
        for flow_id in catalog.flows:
            for what, options in _VARIANTS.items():
                context = sample_context(catalog, flow_id, locale=locale, **options)
                found.append((flow_id, what, context))
                if what == "full sample data":
                    found.append((flow_id, "full sample data (recipient 'exchange')", {**context, "recipient": "exchange"}))
        cache[locale] = found
    return cache[locale]


def _starts_multiline(entry) -> bool:
    try:
        line = entry.path.read_text(encoding="utf-8-sig").splitlines()[entry.line - 1]
    except (OSError, UnicodeError, IndexError):
        return False
    return line.rstrip().endswith(("'''", '"""'))


def _render_all(key: str, entry, ast, contexts: list[tuple[str, str, dict]], errors: tuple) -> list[Problem]:
    """Render against every flow's sample data; compiled once from the already parsed template."""
    try:
        template = environment().from_string(ast)
    except errors as exc:
        return [Problem(entry.path, entry.line, 1, Severity.ERROR, "E032", f"template {key!r} cannot be compiled: {exc}")]
    for flow_id, what, context in contexts:
        try:
            template.render(**context)
        except errors as exc:
            return [Problem(entry.path, entry.line, 1, Severity.ERROR, "E032",
                            f"template {key!r} fails to render for flow {flow_id!r} with {what}: {exc}; "
                            "use only the listed variables and test optional ones with {% if … %}")]
    return []


def check_agent_wording(catalog: Catalog) -> list[Problem]:
    """Every name a flow can put into an email has agent-facing wording in the source language."""
    source = catalog.texts.get(catalog.source_locale, {})
    where = catalog.content_dir / "locales" / catalog.source_locale / "email_labels.toml"
    if not where.exists():
        return []  # content without agent wording at all: every email line uses the neutral form of its id

    def has(table: str, flow_id: str, *parts: str) -> bool:
        tail = ".".join(parts)
        return (bool(flow_id) and f"{LABELS}.{table}.{flow_id}.{tail}" in source) or f"{LABELS}.{table}.{tail}" in source

    problems: list[Problem] = []
    for flow_id, flow in catalog.flows.items():
        for node in flow.nodes.values():
            missing: list[str] = []
            if node.kind is NodeKind.FORM:
                for f in node.fields:
                    if not (has("form_fields", flow_id, node.id, f.name) or has("fields", "", f.name)):
                        missing.append(f"[fields] {f.name}")
                    missing += [f"[options] {f.name}.{o}" for o in f.options if not has("options", "", f.name, o)]
            elif node.kind is NodeKind.QUESTION and node.id not in ("network", "which_network"):
                missing += [f"[facts] {node.id}.{c.id}" for c in node.choices if not has("facts", flow_id, node.id, c.id)]
            elif node.kind is NodeKind.STEP and not has("steps", flow_id, node.id):
                missing.append(f"[steps] {node.id}")
            for item in missing:
                table, name = item.split(" ", 1)
                problems.append(Problem(flow.path, node.line, 1, Severity.WARNING, "W034",
                                        f"{flow_id}: {name} has no agent-facing wording for the support email; add "
                                        f"`{name} = \"…\"` under {table} in {where.relative_to(catalog.content_dir.parent)} "
                                        "(a fact or label, never the question)"))
    return problems


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
