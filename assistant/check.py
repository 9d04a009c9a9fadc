"""Validate content like a compiler: every problem as path:line:col: severity[CODE]: message."""
from __future__ import annotations

from pathlib import Path

from .content import Catalog, load_catalog
from .flows.model import Flow, NodeKind
from .problems import Problem, Severity


def required_keys(flow: Flow) -> list[tuple[str, str | None]]:
    """(text key, node id or None) every locale must hold for this flow."""
    keys: list[tuple[str, str | None]] = [(f"{flow.id}.flow.title", None), (f"{flow.id}.flow.summary", None)]
    for node in flow.nodes.values():
        base = f"{flow.id}.nodes.{node.id}"
        keys.append((f"{base}.title", node.id))
        if node.kind in (NodeKind.STEP, NodeKind.OUTCOME):
            keys.append((f"{base}.body", node.id))
        if node.kind is NodeKind.QUESTION:
            keys.extend((f"{base}.choices.{c.id}", node.id) for c in node.choices)
        for f in node.fields:
            keys.append((f"{base}.fields.{f.name}.label", node.id))
            keys.append((f"{base}.fields.{f.name}.hint", node.id))
            keys.extend((f"{base}.fields.{f.name}.options.{o}", node.id) for o in f.options)
    return keys


def _flow_file(catalog: Catalog, locale: str, flow: Flow) -> Path:
    return catalog.content_dir / "locales" / locale / f"{flow.id}.toml"


def check_coverage(catalog: Catalog, locales: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    source = catalog.texts.get(catalog.source_locale, {})
    for locale in locales:
        table = catalog.texts.get(locale, {})
        is_source = locale == catalog.source_locale
        severity = Severity.ERROR if is_source else Severity.WARNING
        for flow in catalog.flows.values():
            path = _flow_file(catalog, locale, flow)
            for key, node_id in required_keys(flow):
                if key not in table:
                    line = flow.nodes[node_id].line if node_id else 1
                    where = path if path.exists() else flow.path
                    problems.append(Problem(where, _line_for(catalog, where, key, line), 1, severity, "E020" if is_source else "W020",
                                            f"missing text {key.split('.', 1)[1]!r}; add it" + ("" if is_source else " (the source-language text is shown meanwhile)")))
            for node in flow.nodes.values():
                for guide in node.guides:
                    if f"guides.{guide}.title" not in source:
                        problems.append(Problem(flow.path, node.line, 1, Severity.ERROR, "E023",
                                                f"node {node.id!r} links guide {guide!r}, which guides.toml of {catalog.source_locale} does not define"))
        if is_source:
            continue
        for key, entry in table.items():
            if key not in source:
                problems.append(Problem(entry.path, entry.line, 1, Severity.WARNING, "W021",
                                        f"obsolete text {key!r}: the source language no longer has it; delete it"))
        seen: set[str] = set()
        for key, entry in table.items():
            if entry.unit in seen or key not in source:
                continue
            seen.add(entry.unit)
            if catalog.is_outdated(locale, entry.unit):
                problems.append(Problem(entry.path, entry.line, 1, Severity.WARNING, "W022",
                                        f"outdated translation of {entry.unit!r}: the source changed since it was translated; "
                                        f"update it, then run `main.py l10n accept {locale} {entry.unit}`"))
    return problems


def _line_for(catalog: Catalog, path: Path, key: str, default: int) -> int:
    src = catalog.sources.get(path)
    if src is None:
        return default
    parts = key.split(".")[1:]
    return src.line_of(*parts, default=default)


def run_checks(content_dir: Path, locale: str | None = None) -> list[Problem]:
    catalog = load_catalog(content_dir)
    locales = [locale] if locale else list(catalog.locales)
    if locale and locale not in catalog.locales:
        return [Problem(content_dir / "locales.toml", 1, 1, Severity.ERROR, "E020",
                        f"unknown locale {locale!r}; enabled: {', '.join(catalog.locales)}")]
    problems = list(catalog.problems)
    problems += check_coverage(catalog, locales)
    from .check_templates import check_templates

    problems += check_templates(catalog, locales)
    from .check_text import check_texts

    problems += check_texts(catalog, locales)
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.col, p.code))
