"""Turn a flow TOML file into a Flow and report structural and graph problems with their positions."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant.errors import ContentError
from assistant.flows.model import (
    STEP_SOLVED,
    STEP_UNSOLVED,
    Choice,
    Condition,
    Field,
    Flow,
    Node,
    NodeKind,
    OutcomeKind,
    Route,
)
from assistant.toml_positions import TomlSource

PARAMETER = "$"  # a route to "$name" in a shared part is filled in by each flow that includes the part
_TOP_KEYS = {"flow", "nodes", "include"}
_PART_TOP_KEYS = {"part", "nodes"}
_FLOW_KEYS = {"start", "order", "keywords", "steps"}
_STEP_KEYS = (STEP_SOLVED, STEP_UNSOLVED)
_COMMON_KEYS = {"kind", "critical", "guides"}
_KIND_KEYS = {
    NodeKind.QUESTION: {"choices", "next"},  # `next` on a question: the default for choices without their own
    NodeKind.STEP: {"solved", "unsolved"},
    NodeKind.FORM: {"fields", "next"},
    NodeKind.OUTCOME: {"outcome", "recipient"},
}
_CHOICE_KEYS = {"id", "next", "when", "unless"}
_FIELD_KEYS = {"name", "kind", "required", "required_when", "chain_from", "options", "when", "unless"}
_ROUTE_KEYS = {"to", "when", "unless"}

ReadPart = Callable[[str], TomlSource | None]


def parse_flow(src: TomlSource, field_kinds: frozenset[str], read_part: ReadPart | None = None) -> Flow:
    """Build a Flow, shared parts included; raises ContentError at the first structural problem (the flow is
    then disabled). `read_part(name)` returns the parsed `content/flows/<name>.toml`, or None if it is missing."""
    _no_unknown(src, src.data, _TOP_KEYS, (), "a flow file has [flow], [nodes.<id>] and [include.<part>] tables")
    head = src.data.get("flow")
    if not isinstance(head, dict):
        raise src.error("E010", "missing [flow] table with `start = \"<node id>\"`; add it at the top", "flow")
    _no_unknown(src, head, _FLOW_KEYS, ("flow",), "[flow] holds start, order, keywords and steps")
    flow_id = src.path.stem
    nodes_raw = src.data.get("nodes")
    if not isinstance(nodes_raw, dict) or not nodes_raw:
        raise src.error("E010", "no [nodes.<id>] tables; a flow needs at least one node", "nodes")
    steps = _step_defaults(src, head, nodes_raw)
    nodes = {nid: _parse_node(src, nid, raw, field_kinds, steps=steps) for nid, raw in nodes_raw.items()}
    parts = _include(src, nodes, field_kinds, read_part)
    start = head.get("start")
    if not isinstance(start, str) or start not in nodes:
        raise src.error("E012", f"`start` names {start!r}, which is not a node; use one of the [nodes.<id>] ids", "flow", "start")
    keywords = head.get("keywords", [])
    order = head.get("order", 0)
    if not isinstance(order, int):
        raise src.error("E010", "`order` must be a whole number", "flow", "order")
    return Flow(flow_id, start, nodes, order, src.path, tuple(str(k) for k in keywords), parts)


def _no_unknown(src: TomlSource, table: dict, allowed: set[str], at: tuple[str, ...], hint: str) -> None:
    """Keys the parser does not use are errors: a misspelt or misplaced key would otherwise be ignored."""
    for key in table:
        if key not in allowed:
            raise src.error("E010", f"unknown key {key!r} in {'.'.join(at) or 'the file'}: nothing reads it; "
                                    f"{hint} (allowed: {', '.join(sorted(allowed))})", *at, key)


def _step_defaults(src: TomlSource, head: dict, nodes_raw: dict) -> dict[str, tuple[Route, ...]]:
    """`steps = { solved = "…", unsolved = "…" }` in [flow]: where a step without its own `solved`/`unsolved` leads."""
    raw = head.get("steps", {})
    if not isinstance(raw, dict):
        raise src.error("E010", "`steps` must be a table like { solved = \"resolved\", unsolved = \"report\" }", "flow", "steps")
    defaults: dict[str, tuple[Route, ...]] = {}
    for key, value in raw.items():
        if key not in _STEP_KEYS:
            pos = src.find(src.line_of("flow", "steps"), r"\bsteps\s*=", rf"(?<![\w-]){re.escape(key)}\s*=")
            raise src.error_at("E010", f"unknown key {key!r} in `steps`: a step has only solved and unsolved", pos)
        if all(not isinstance(n, dict) or n.get("kind") != "step" or key in n for n in nodes_raw.values()):
            raise src.error("E010", f"every step has its own `{key}`, so `steps.{key}` is never used; delete it", "flow", "steps")
        defaults[key] = _routes(src, value, "flow", "steps")
    return defaults


def _include(src: TomlSource, nodes: dict[str, Node], field_kinds: frozenset[str], read_part: ReadPart | None) -> dict[str, Path]:
    """Add the nodes of every [include.<part>] to `nodes`, with the part's `$parameters` filled in."""
    raw = src.data.get("include", {})
    if not isinstance(raw, dict):
        raise src.error("E010", "`include` must be tables like [include._safety_gate]", "include")
    parts: dict[str, Path] = {}
    filled: list[tuple[str, str, tuple[Route, ...]]] = []
    for name, given in raw.items():
        at = ("include", name)
        if not name.startswith("_") or not isinstance(given, dict):
            raise src.error("E010", f"include {name!r}: a shared part is a table [include._<part>] naming "
                                    "content/flows/_<part>.toml; its keys give the part's parameters", *at)
        part = read_part(name) if read_part is not None else None
        if part is None:
            raise src.error("E010", f"include {name!r}: content/flows/{name}.toml does not exist or cannot be read "
                                    "(see its own error)", *at)
        declared = _part_parameters(part)
        for key in given:
            if key not in declared:
                raise src.error("E010", f"include {name!r}: {part.path.name} has no parameter {key!r} "
                                        f"(it has: {', '.join(sorted(declared)) or 'none'})", *at, key)
        missing = [p for p in declared if p not in given]
        if missing:
            raise src.error("E010", f"include {name!r}: give {', '.join(missing)} — where the part leads on in this flow "
                                    "(a node id or a list of routes)", *at)
        values = {key: _routes(src, value, *at, key) for key, value in given.items()}
        filled += [(name, key, routes) for key, routes in values.items()]
        part_raw = part.data.get("nodes")
        if not isinstance(part_raw, dict) or not part_raw:
            raise part.error("E010", "a shared part needs [nodes.<id>] tables", "nodes")
        for nid, node_raw in part_raw.items():
            if nid in nodes:
                raise src.error("E010", f"node {nid!r} is defined here and in the included {part.path.name}; "
                                        "rename one of them", "nodes", nid)
            node = _parse_node(part, nid, node_raw, field_kinds, origin=name)
            nodes[nid] = _fill_parameters(part, node, values)
        parts[name] = part.path
    for name, key, routes in filled:
        for route in routes:
            if route.to not in nodes:
                raise src.error("E012", f"include {name!r}: {key} leads to {route.to!r}, which is not a node; "
                                        f"fix the id or add [nodes.{route.to}]", "include", name, key)
    return parts


def _part_parameters(part: TomlSource) -> list[str]:
    _no_unknown(part, part.data, _PART_TOP_KEYS, (), "a shared part has [part] and [nodes.<id>] tables")
    head = part.data.get("part", {})
    if not isinstance(head, dict):
        raise part.error("E010", "[part] must be a table", "part")
    _no_unknown(part, head, {"parameters"}, ("part",), "[part] lists the parameters every including flow gives")
    return _strings(part, head.get("parameters", []), "part", "parameters")


def _fill_parameters(part: TomlSource, node: Node, values: dict[str, tuple[Route, ...]]) -> Node:
    def fill(routes: tuple[Route, ...], *at: str) -> tuple[Route, ...]:
        out: list[Route] = []
        for route in routes:
            if not route.to.startswith(PARAMETER):
                out.append(route)
                continue
            name = route.to[len(PARAMETER):]
            if name not in values:
                raise part.error("E010", f"{node.id!r} leads to {route.to!r}, but [part] parameters does not list {name!r}",
                                 "nodes", node.id, *at)
            out += [Route(v.to, route.when + v.when) for v in values[name]]
        return tuple(out)

    choices = tuple(replace(c, routes=fill(c.routes, "choices")) for c in node.choices)
    return replace(node, choices=choices, routes=fill(node.routes, "next"))


def _parse_node(src: TomlSource, nid: str, raw: object, field_kinds: frozenset[str], origin: str = "",
                steps: dict[str, tuple[Route, ...]] | None = None) -> Node:
    at = ("nodes", nid)
    if not isinstance(raw, dict):
        raise src.error("E010", f"node {nid!r} must be a table [nodes.{nid}]", *at)
    try:
        kind = NodeKind(str(raw.get("kind")))
    except ValueError:
        raise src.error("E011", f"node {nid!r} has kind {raw.get('kind')!r}; use question, step, form or outcome", *at, "kind") from None
    _no_unknown(src, raw, _COMMON_KEYS | _KIND_KEYS[kind], at, f"a {kind} node does not use it")
    common: dict[str, Any] = {"id": nid, "kind": kind, "line": src.line_of(*at), "critical": bool(raw.get("critical", False)),
                              "guides": tuple(_strings(src, raw.get("guides", []), *at, "guides")), "origin": origin}
    if kind is NodeKind.QUESTION:
        choices = raw.get("choices")
        if not isinstance(choices, list) or not choices:
            raise src.error("E010", f"question {nid!r} needs `choices = [{{ id = \"…\", next = \"…\" }}, …]`", *at)
        default = _routes(src, raw["next"], *at, "next") if "next" in raw else None
        parsed = tuple(_parse_choice(src, nid, i, c, default) for i, c in enumerate(choices))
        ids = [c.id for c in parsed]
        if len(set(ids)) != len(ids):
            raise src.error("E010", f"question {nid!r} repeats a choice id; ids must be unique", *at, "choices")
        if default is not None and all("next" in c for c in choices):
            raise src.error("E010", f"question {nid!r}: every choice has its own `next`, so the question's `next` is never "
                                    "used; delete it", *at, "next")
        return Node(choices=parsed, **common)
    if kind is NodeKind.STEP:
        routes = []
        for key in _STEP_KEYS:
            if key in raw:
                routes.append(_routes(src, raw[key], *at, key))
            elif steps and key in steps:
                routes.append(steps[key])
            else:
                raise src.error("E010", f"step {nid!r} needs `{key} = \"<node id>\"` (or a `steps = {{ {key} = … }}` "
                                        "default in [flow])", *at)
        return Node(choices=(Choice(STEP_SOLVED, routes[0]), Choice(STEP_UNSOLVED, routes[1])), **common)
    if kind is NodeKind.FORM:
        fields = raw.get("fields")
        if not isinstance(fields, list) or not fields:
            raise src.error("E010", f"form {nid!r} needs `fields = [{{ name = \"…\", kind = \"…\" }}, …]`", *at)
        parsed_fields = tuple(_parse_field(src, nid, i, f, field_kinds) for i, f in enumerate(fields))
        return Node(fields=parsed_fields, routes=_routes(src, raw.get("next"), *at, "next"), **common)
    try:
        outcome = OutcomeKind(str(raw.get("outcome")))
    except ValueError:
        raise src.error("E010", f"outcome {nid!r} needs `outcome = \"resolved\" | \"escalate\" | \"urgent\"`", *at, "outcome") from None
    recipient = raw.get("recipient", "wallet")
    if recipient not in ("wallet", "exchange"):
        raise src.error("E010", f"outcome {nid!r}: recipient must be \"wallet\" or \"exchange\"", *at, "recipient")
    return Node(outcome=outcome, recipient=recipient, **common)


def _inline_unknown(src: TomlSource, raw: dict, allowed: set[str], start: int, mark: str, what: str) -> None:
    """Unknown keys inside an inline table, positioned after `mark` (the table's id or name) from line `start`."""
    for key in raw:
        if key not in allowed:
            pos = src.find(start, mark, rf"(?<![\w-]){re.escape(key)}\s*=")
            raise src.error_at("E010", f"unknown key {key!r} in {what}: nothing reads it "
                                       f"(allowed: {', '.join(sorted(allowed))})", pos)


def _parse_choice(src: TomlSource, nid: str, index: int, raw: object, default: tuple[Route, ...] | None) -> Choice:
    at = ("nodes", nid, "choices")
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise src.error("E010", f"choice {index + 1} of {nid!r} needs `id = \"…\"`", *at)
    mark = rf"\bid\s*=\s*[\"']{re.escape(raw['id'])}[\"']"
    _inline_unknown(src, raw, _CHOICE_KEYS, src.line_of(*at), mark, f"choice {raw['id']!r} of {nid!r}")
    if "next" in raw:
        routes = _routes(src, raw["next"], *at)
    elif default is not None:
        routes = default
    else:
        raise src.error_at("E010", f"choice {raw['id']!r} of {nid!r} needs `next = \"…\"`, or give the question a "
                                   "`next` that every choice without its own uses", src.find(src.line_of(*at), mark))
    return Choice(raw["id"], routes, _conditions(src, raw, *at))


def _parse_field(src: TomlSource, nid: str, index: int, raw: object, field_kinds: frozenset[str]) -> Field:
    at = ("nodes", nid, "fields")
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise src.error("E010", f"field {index + 1} of {nid!r} needs `name = \"…\"` and `kind = \"…\"`", *at)
    mark = rf"\bname\s*=\s*[\"']{re.escape(raw['name'])}[\"']"
    _inline_unknown(src, raw, _FIELD_KEYS, src.line_of(*at), mark, f"field {raw['name']!r} of {nid!r}")
    kind = raw.get("kind")
    if kind not in field_kinds:
        raise src.error("E017", f"field {raw['name']!r} has kind {kind!r}; use one of {', '.join(sorted(field_kinds))}", *at)
    options = tuple(_strings(src, raw.get("options", []), *at))
    if kind == "select" and not options:
        raise src.error("E010", f"select field {raw['name']!r} needs `options = [\"…\", …]`", *at)
    if not isinstance(raw.get("required_when", {}), dict):
        raise src.error("E010", f"field {raw['name']!r}: `required_when` must be a table like "
                                "{ deposit_checks = [\"memo\"] }", *at)
    required_when = _conditions(src, {"when": raw.get("required_when", {})}, *at)
    if required_when and raw.get("required", True) is not False:
        raise src.error("E010", f"field {raw['name']!r} has `required_when`, which only makes sense with "
                                "`required = false`", *at)
    chain_from = tuple(_strings(src, raw["chain_from"], *at)) if "chain_from" in raw else ()
    return Field(raw["name"], kind, bool(raw.get("required", True)), chain_from, options,
                 _conditions(src, raw, *at), src.line_of(*at), required_when)


def _routes(src: TomlSource, raw: object, *at: str) -> tuple[Route, ...]:
    if isinstance(raw, str):
        return (Route(raw),)
    if isinstance(raw, list) and raw and all(isinstance(r, dict) and isinstance(r.get("to"), str) for r in raw):
        for r in raw:
            _inline_unknown(src, r, _ROUTE_KEYS, src.line_of(*at), rf"\bto\s*=\s*[\"']{re.escape(r['to'])}[\"']",
                            f"a route to {r['to']!r}")
        return tuple(Route(r["to"], _conditions(src, r, *at)) for r in raw)
    raise src.error("E010", "a target must be a node id or a list like "
                    "[{ when = { network = [\"tron\"] }, to = \"a\" }, { to = \"b\" }]", *at)


def _conditions(src: TomlSource, raw: dict, *at: str) -> tuple[Condition, ...]:
    found: list[Condition] = []
    for key, negate in (("when", False), ("unless", True)):
        table = raw.get(key, {})
        if not isinstance(table, dict):
            raise src.error("E010", f"`{key}` must be a table like {{ network = [\"tron\", \"bitcoin\"] }}", *at)
        for node, values in table.items():
            found.append(Condition(node, tuple(_strings(src, values, *at)), negate))
    return tuple(found)


def _strings(src: TomlSource, raw: object, *at: str) -> list[str]:
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list) and all(isinstance(v, str) for v in raw):
        return list(raw)
    raise src.error("E010", "expected a list of strings like [\"a\", \"b\"]", *at)


def graph_problems(flow: Flow, own: TomlSource, parts: Mapping[str, TomlSource] | None = None) -> list[ContentError]:
    """Dangling targets, unknown condition references, dead ends, cycles and unreachable nodes, each reported in
    the file that defines the node (the flow's own, or the shared part it was included from)."""
    problems: list[ContentError] = []
    edges: dict[str, list[str]] = {nid: [] for nid in flow.nodes}
    source = {nid: (parts or {}).get(n.origin, own) if n.origin else own for nid, n in flow.nodes.items()}
    for node in flow.nodes.values():
        at = ("nodes", node.id)
        src = source[node.id]
        route_sets = [(c.id, c.routes) for c in node.choices] + ([("next", node.routes)] if node.routes else [])
        conditions = [cond for c in node.choices for cond in c.when]
        conditions += [cond for f in node.fields for cond in (*f.when, *f.required_when)]
        for label, routes in route_sets:
            for route in routes:
                conditions.extend(route.when)
                if route.to not in flow.nodes:
                    key = label if node.kind is NodeKind.STEP or label == "next" else "choices"
                    problems.append(src.error("E012", f"{node.id!r} → {label} leads to {route.to!r}, which is not a node; "
                                                      f"fix the id or add [nodes.{route.to}]", *at, key))
                else:
                    edges[node.id].append(route.to)
            if routes and routes[-1].when:
                problems.append(src.error("E014", f"{node.id!r} → {label}: the last route has a condition, so some answers lead nowhere; "
                                                  f"add a final {{ to = \"…\" }} without `when`", *at))
        if node.kind is NodeKind.QUESTION and all(c.when for c in node.choices):
            problems.append(src.error("E014", f"question {node.id!r}: every choice has a condition, so it may show none; "
                                              f"leave at least one unconditional", *at))
        for f in node.fields:
            for origin in f.chain_from:
                if origin not in flow.nodes:
                    problems.append(src.error("E016", f"field {f.name!r}: chain_from names {origin!r}, which is not a node", *at))
        for cond in conditions:
            target = flow.nodes.get(cond.node)
            if target is None:
                problems.append(src.error("E016", f"{node.id!r}: condition refers to {cond.node!r}, which is not a node", *at))
                continue
            known = {c.id for c in target.choices}
            for value in cond.any_of:
                if value not in known:
                    problems.append(src.error("E016", f"{node.id!r}: condition expects {cond.node}={value!r}, "
                                              f"but {cond.node!r} has no such choice ({', '.join(sorted(known))})", *at))
        if node.kind is not NodeKind.OUTCOME and not edges[node.id] and not any(r for _, r in route_sets):
            problems.append(src.error("E014", f"{node.id!r} is a dead end: it is not an outcome and leads nowhere", *at))
    problems.extend(_cycle_and_reach(flow, source, edges))
    return problems


def _cycle_and_reach(flow: Flow, source: Mapping[str, TomlSource], edges: dict[str, list[str]]) -> list[ContentError]:
    problems: list[ContentError] = []
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    stack = [(flow.start, iter(edges[flow.start]))]
    state[flow.start] = 1
    while stack:
        nid, children = stack[-1]
        child = next(children, None)
        if child is None:
            state[nid] = 2
            stack.pop()
        elif state.get(child) == 1:
            problems.append(source[nid].error("E015", f"{nid!r} leads back to {child!r}: a loop without an exit; "
                                              f"flows must move forward", "nodes", nid))
        elif child not in state:
            state[child] = 1
            stack.append((child, iter(edges[child])))
    for nid in flow.nodes:
        if nid not in state:
            problems.append(source[nid].error("E013", f"node {nid!r} cannot be reached from `start`; link to it or delete it",
                                              "nodes", nid))
    return problems
