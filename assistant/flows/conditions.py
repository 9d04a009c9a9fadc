"""Evaluate conditions and routes against the answers so far. Data only, never eval()."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from assistant.flows.model import Condition, Route


def holds(condition: Condition, answers: Mapping[str, object]) -> bool:
    answer = answers.get(condition.node)
    matched = isinstance(answer, str) and answer in condition.any_of
    return matched != condition.negate


def all_hold(conditions: Iterable[Condition], answers: Mapping[str, object]) -> bool:
    return all(holds(c, answers) for c in conditions)


def resolve(routes: Iterable[Route], answers: Mapping[str, object]) -> str | None:
    """The target of the first route whose conditions hold, or None when none does."""
    for route in routes:
        if all_hold(route.when, answers):
            return route.to
    return None
