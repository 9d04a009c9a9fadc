"""Body variants (`[nodes.<id>.variants.<name>]`, see assistant.content.variants), checked like routes.

E018  a variant's condition names a node the flow does not have, or a choice that node does not offer
E019  a variant's condition names a node that is never answered before this one (on no path to it)
E026  a translation's variants differ from the source's: one missing or extra, or a different condition
E027  a variant that cannot be read: not a table, an unknown key, no condition
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.content.catalog import Catalog
from assistant.content.variants import Variant
from assistant.flows.model import Condition, Flow
from assistant.problems import Problem, Severity


def check_variants(catalog: Catalog, locales: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    source = catalog.variants.get(catalog.source_locale, {})
    for locale in locales:
        for base, variants in catalog.variants.get(locale, {}).items():
            for variant in variants:
                if variant.problem:
                    problems.append(Problem(variant.path, variant.line, 1, Severity.ERROR, "E027", variant.problem))
            if locale == catalog.source_locale:
                problems += _conditions(catalog, base, variants)
            else:
                problems += _compare(catalog, locale, base, variants, source.get(base, ()))
        if locale != catalog.source_locale:
            problems += _missing(catalog, locale, source)
    return problems


def _flows_of(catalog: Catalog, base: str) -> list[tuple[Flow, str]]:
    """The flows whose node this text base words: its own flow, or every flow including the shared part."""
    stem, _nodes, node_id = base.split(".", 2)
    return [(flow, node_id) for flow in catalog.flows.values()
            if node_id in flow.nodes and (flow.id == stem or flow.nodes[node_id].origin == stem)]


def _conditions(catalog: Catalog, base: str, variants: tuple[Variant, ...]) -> Iterator[Problem]:
    flows = _flows_of(catalog, base)
    if not flows:
        return
    for variant in variants:
        for cond in variant.conditions:
            where = _position(catalog, variant, cond)
            unknown = [f.id for f, _ in flows if cond.node not in f.nodes]
            if unknown:
                yield Problem(variant.path, *where, Severity.ERROR, "E018",
                              f"variant {variant.id!r}: condition refers to {cond.node!r}, which is not a node of flow "
                              f"{unknown[0]!r}; name a question asked earlier on the way here")
                continue
            for value in cond.any_of:
                offered = {c.id for f, _ in flows for c in f.nodes[cond.node].choices}
                if value not in offered:
                    yield Problem(variant.path, *_position(catalog, variant, cond, value), Severity.ERROR, "E018",
                                  f"variant {variant.id!r}: {cond.node!r} has no choice {value!r} "
                                  f"({', '.join(sorted(offered))})")
            if not any(cond.node in _ancestors(f, nid) for f, nid in flows):
                yield Problem(variant.path, *where, Severity.ERROR, "E019",
                              f"variant {variant.id!r}: {cond.node!r} is not answered before {base.split('.')[-1]!r} on any "
                              f"path, so this condition can never hold; name a question asked earlier on the way here")


def _compare(catalog: Catalog, locale: str, base: str, mine: tuple[Variant, ...],
             theirs: tuple[Variant, ...]) -> Iterator[Problem]:
    wanted = {v.id: v for v in theirs}
    src = catalog.source_locale
    for variant in mine:
        if variant.problem:
            continue
        expected = wanted.get(variant.id)
        if expected is None:
            yield Problem(variant.path, variant.line, 1, Severity.ERROR, "E026",
                          f"variant {variant.id!r} is not in the source ({src}); the variants of a node are the source's "
                          f"({', '.join(wanted) or 'none'}) — rename or delete it")
        elif _key(variant.conditions) != _key(expected.conditions):
            yield Problem(variant.path, variant.line, 1, Severity.ERROR, "E026",
                          f"variant {variant.id!r}: its condition differs from the source's ({_show(expected.conditions)}); "
                          f"copy `when`/`unless` exactly as {src} writes them — only `body` is translated")
    have = {v.id for v in mine}
    first = mine[0] if mine else None
    for vid in wanted:
        if vid not in have and first is not None:
            yield Problem(first.path, first.line, 1, Severity.ERROR, "E026",
                          f"variant {vid!r} of the source ({src}) is missing here, so people on its path would read "
                          f"the {src} text; copy [{base.split('.', 1)[1]}.variants.{vid}] and translate its body")


def _missing(catalog: Catalog, locale: str, source: dict[str, tuple[Variant, ...]]) -> Iterator[Problem]:
    """A node the translation words without any of the source's variants."""
    mine = catalog.variants.get(locale, {})
    for base, variants in source.items():
        if base in mine or not variants:
            continue
        entry = catalog.texts.get(locale, {}).get(f"{base}.body")
        if entry is None:
            continue  # the whole node is missing: W020 says so
        yield Problem(entry.path, entry.line, 1, Severity.ERROR, "E026",
                      f"{base.split('.', 1)[1]!r} has variants in the source ({', '.join(v.id for v in variants)}) "
                      f"but none here, so people on those paths would read the {catalog.source_locale} text; "
                      f"copy the [….variants.…] tables and translate their bodies")


def _key(conditions: tuple[Condition, ...]) -> frozenset:
    return frozenset((c.node, frozenset(c.any_of), c.negate) for c in conditions)


def _show(conditions: tuple[Condition, ...]) -> str:
    return "; ".join(f"{'unless' if c.negate else 'when'} {c.node} = {list(c.any_of)}" for c in conditions)


def _position(catalog: Catalog, variant: Variant, cond: Condition, value: str | None = None) -> tuple[int, int]:
    src = catalog.sources.get(variant.path)
    if src is None:
        return variant.line, 1
    marks = [rf"\b{'unless' if cond.negate else 'when'}\b", rf"\b{re.escape(cond.node)}\s*="]
    if value is not None:
        marks.append(rf"[\"']{re.escape(value)}[\"']")
    return src.find(variant.line, *marks)


def _ancestors(flow: Flow, node_id: str) -> frozenset[str]:
    """Every node some path from the start passes before reaching `node_id`."""
    parents: dict[str, set[str]] = {nid: set() for nid in flow.nodes}
    for node in flow.nodes.values():
        for route in [r for c in node.choices for r in c.routes] + list(node.routes):
            if route.to in parents:
                parents[route.to].add(node.id)
    seen: set[str] = set()
    todo = [node_id]
    while todo:
        for parent in parents[todo.pop()]:
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return frozenset(seen)
