"""How far along a session is: answered steps and the longest way still possible. Pure Python."""
from __future__ import annotations

from assistant.flows.model import Flow, Node


def targets(node: Node) -> set[str]:
    """Every node an answer at `node` may lead to, whatever the conditions."""
    routes = [r for c in node.choices for r in c.routes] + list(node.routes)
    return {r.to for r in routes}


def remaining_depth(flow: Flow, node_id: str) -> int:
    """Edges on the longest path from `node_id` to an outcome (a cycle, if any, is walked once)."""
    memo: dict[str, int] = {}

    def depth(nid: str, stack: frozenset[str]) -> int:
        if nid not in memo:
            node = flow.nodes.get(nid)
            nexts = [t for t in targets(node) if t not in stack] if node else []
            memo[nid] = max((1 + depth(t, stack | {t}) for t in nexts), default=0)
        return memo[nid]

    return depth(node_id, frozenset({node_id}))


def progress(flow: Flow, answered: int, node_id: str) -> tuple[int, int]:
    """(value, maximum) for a progress bar: answers so far out of answers so far plus the longest rest."""
    return answered, answered + remaining_depth(flow, node_id)
