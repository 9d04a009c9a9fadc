"""Turn a flow TOML file into a Flow and report structural and graph problems with their positions."""
from __future__ import annotations

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

_NODE_KEYS = {"kind", "critical", "choices", "next", "solved", "unsolved", "fields", "outcome", "guides", "recipient"}


def parse_flow(src: TomlSource, field_kinds: frozenset[str]) -> Flow:
    """Build a Flow; raises ContentError at the first structural problem (the flow is then disabled)."""
    head = src.data.get("flow")
    if not isinstance(head, dict):
        raise src.error("E010", "missing [flow] table with `start = \"<node id>\"`; add it at the top", "flow")
    flow_id = src.path.stem
    start = head.get("start")
    nodes_raw = src.data.get("nodes")
    if not isinstance(nodes_raw, dict) or not nodes_raw:
        raise src.error("E010", "no [nodes.<id>] tables; a flow needs at least one node", "nodes")
    if not isinstance(start, str) or start not in nodes_raw:
        raise src.error("E012", f"`start` names {start!r}, which is not a node; use one of the [nodes.<id>] ids", "flow", "start")
    nodes = {nid: _parse_node(src, nid, raw, field_kinds) for nid, raw in nodes_raw.items()}
    keywords = head.get("keywords", [])
    order = head.get("order", 0)
    if not isinstance(order, int):
        raise src.error("E010", "`order` must be a whole number", "flow", "order")
    return Flow(flow_id, start, nodes, order, src.path, tuple(str(k) for k in keywords))


def _parse_node(src: TomlSource, nid: str, raw: object, field_kinds: frozenset[str]) -> Node:
    at = ("nodes", nid)
    if not isinstance(raw, dict):
        raise src.error("E010", f"node {nid!r} must be a table [nodes.{nid}]", *at)
    unknown = set(raw) - _NODE_KEYS
    if unknown:
        raise src.error("E010", f"node {nid!r} has unknown key(s) {', '.join(sorted(unknown))}; "
                                f"allowed: {', '.join(sorted(_NODE_KEYS))}", *at, sorted(unknown)[0])
    try:
        kind = NodeKind(str(raw.get("kind")))
    except ValueError:
        raise src.error("E011", f"node {nid!r} has kind {raw.get('kind')!r}; use question, step, form or outcome", *at, "kind") from None
    common: dict[str, Any] = {"id": nid, "kind": kind, "line": src.line_of(*at), "critical": bool(raw.get("critical", False)),
              "guides": tuple(_strings(src, raw.get("guides", []), *at, "guides"))}
    if kind is NodeKind.QUESTION:
        choices = raw.get("choices")
        if not isinstance(choices, list) or not choices:
            raise src.error("E010", f"question {nid!r} needs `choices = [{{ id = \"…\", next = \"…\" }}, …]`", *at)
        parsed = tuple(_parse_choice(src, nid, i, c) for i, c in enumerate(choices))
        ids = [c.id for c in parsed]
        if len(set(ids)) != len(ids):
            raise src.error("E010", f"question {nid!r} repeats a choice id; ids must be unique", *at, "choices")
        return Node(choices=parsed, **common)
    if kind is NodeKind.STEP:
        solved = _routes(src, raw.get("solved"), *at, "solved")
        unsolved = _routes(src, raw.get("unsolved"), *at, "unsolved")
        return Node(choices=(Choice(STEP_SOLVED, solved), Choice(STEP_UNSOLVED, unsolved)), **common)
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


def _parse_choice(src: TomlSource, nid: str, index: int, raw: object) -> Choice:
    at = ("nodes", nid, "choices")
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise src.error("E010", f"choice {index + 1} of {nid!r} needs `id = \"…\"` and `next = \"…\"`", *at)
    return Choice(raw["id"], _routes(src, raw.get("next"), *at), _conditions(src, raw, *at))


def _parse_field(src: TomlSource, nid: str, index: int, raw: object, field_kinds: frozenset[str]) -> Field:
    at = ("nodes", nid, "fields")
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise src.error("E010", f"field {index + 1} of {nid!r} needs `name = \"…\"` and `kind = \"…\"`", *at)
    kind = raw.get("kind")
    if kind not in field_kinds:
        raise src.error("E017", f"field {raw['name']!r} has kind {kind!r}; use one of {', '.join(sorted(field_kinds))}", *at)
    options = tuple(_strings(src, raw.get("options", []), *at))
    if kind == "select" and not options:
        raise src.error("E010", f"select field {raw['name']!r} needs `options = [\"…\", …]`", *at)
    return Field(raw["name"], kind, bool(raw.get("required", True)), raw.get("chain_from"), options,
                 _conditions(src, raw, *at), src.line_of(*at))


def _routes(src: TomlSource, raw: object, *at: str) -> tuple[Route, ...]:
    if isinstance(raw, str):
        return (Route(raw),)
    if isinstance(raw, list) and raw and all(isinstance(r, dict) and isinstance(r.get("to"), str) for r in raw):
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


def graph_problems(flow: Flow, src: TomlSource) -> list[ContentError]:
    """Dangling targets, unknown condition references, dead ends, cycles and unreachable nodes."""
    problems: list[ContentError] = []
    edges: dict[str, list[str]] = {nid: [] for nid in flow.nodes}
    for node in flow.nodes.values():
        at = ("nodes", node.id)
        route_sets = [(c.id, c.routes) for c in node.choices] + ([("next", node.routes)] if node.routes else [])
        conditions = [cond for c in node.choices for cond in c.when] + [cond for f in node.fields for cond in f.when]
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
            if f.chain_from and f.chain_from not in flow.nodes:
                problems.append(src.error("E016", f"field {f.name!r}: chain_from names {f.chain_from!r}, which is not a node", *at))
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
    problems.extend(_cycle_and_reach(flow, src, edges))
    return problems


def _cycle_and_reach(flow: Flow, src: TomlSource, edges: dict[str, list[str]]) -> list[ContentError]:
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
            problems.append(src.error("E015", f"{nid!r} leads back to {child!r}: a loop without an exit; "
                                              f"flows must move forward", "nodes", nid))
        elif child not in state:
            state[child] = 1
            stack.append((child, iter(edges[child])))
    for nid in flow.nodes:
        if nid not in state:
            problems.append(src.error("E013", f"node {nid!r} cannot be reached from `start`; link to it or delete it", "nodes", nid))
    return problems
