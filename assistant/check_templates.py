"""Email templates: Jinja syntax, variables against the allow-list, and a real render with sample data."""
from __future__ import annotations

from .content import Catalog
from .draft import TEMPLATE_VARIABLES, render_template, environment
from .flows.model import NodeKind
from .problems import Problem, Severity

TEMPLATE_KEYS = ("email.template.subject", "email.template.body")


def sample_context(catalog: Catalog, flow_id: str) -> dict:
    flow = catalog.flows[flow_id]
    fields = [f for n in flow.nodes.values() if n.kind is NodeKind.FORM for f in n.fields]
    details = [{"name": f.name, "label": f.name, "value": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"} for f in fields]
    return {
        "wallet": "TokenPocket", "support_email": "service@tokenpocket.pro", "problem": flow_id,
        "outcome_title": "outcome", "recipient": "wallet", "network": "TRON", "reference": "WSA-1A2B3C",
        "date": "2026-11-20", "details": details, "fields": {d["name"]: d["value"] for d in details},
        "steps": [{"title": "重启应用", "result": "no"}], "answers": [{"question": "网络", "answer": "TRON"}],
        "attachments": ["screenshot.png"], "tickets": ["#12345"],
    }


def value_line(entry) -> int:
    """Line where a value's text starts: a multi-line string begins on the line after its opening quotes."""
    try:
        first = entry.path.read_text(encoding="utf-8").splitlines()[entry.line - 1]
    except (OSError, IndexError):
        return entry.line
    return entry.line + 1 if first.rstrip().endswith(("\'\'\'", '"""')) else entry.line


def check_templates(catalog: Catalog, locales: list[str]) -> list[Problem]:
    from jinja2 import TemplateSyntaxError, UndefinedError, meta
    from jinja2.exceptions import SecurityError

    problems: list[Problem] = []
    for locale in locales:
        for key in TEMPLATE_KEYS:
            entry = catalog.texts.get(locale, {}).get(key)
            if entry is None:
                continue  # coverage reports it
            source = entry.value if isinstance(entry.value, str) else ""
            try:
                ast = environment().parse(source)
            except TemplateSyntaxError as exc:
                problems.append(Problem(entry.path, entry.line + (exc.lineno or 1) - 1, 1, Severity.ERROR, "E030",
                                        f"template syntax error: {exc.message}; check {{{{ }}}} and {{% %}} pairs"))
                continue
            unknown = meta.find_undeclared_variables(ast) - TEMPLATE_VARIABLES
            for name in sorted(unknown):
                line = value_line(entry) + next((i for i, text in enumerate(source.splitlines()) if name in text), 0)
                problems.append(Problem(entry.path, line, 1, Severity.ERROR, "E031",
                                        f"unknown template variable {name!r}; use one of: {', '.join(sorted(TEMPLATE_VARIABLES))}"))
            if unknown:
                continue
            for flow_id in catalog.flows:
                try:
                    render_template(source, sample_context(catalog, flow_id))
                except (UndefinedError, SecurityError, TypeError, ValueError) as exc:
                    problems.append(Problem(entry.path, entry.line, 1, Severity.ERROR, "E032",
                                            f"template fails to render for flow {flow_id!r}: {exc}"))
                    break
    return problems
