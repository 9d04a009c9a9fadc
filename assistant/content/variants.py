"""Body text that applies only on some paths: `[nodes.<id>.variants.<name>]` tables in a locale's flow file.

A variant has a `body` and a condition on earlier answers (`when = { network = ["tron"] }`, or `unless`);
the page shows the node's `body` followed by every variant whose condition holds, in file order. So a TRON
user never reads EVM-only advice. Conditions are written in the source language's file; a translation copies
them unchanged (`check` compares them: E026), and the source's conditions are the ones applied.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from assistant.flows.model import Condition

VARIANTS = "variants"
CONDITION_KEYS = ("when", "unless")
VARIANT_KEYS = frozenset({"body", *CONDITION_KEYS})


@dataclass(frozen=True, slots=True)
class Variant:
    id: str
    conditions: tuple[Condition, ...]
    path: Path
    line: int  # the variant's table header (or its first key)
    problem: str = ""  # why it cannot be applied, if so (reported by `check` as E027)


def is_condition_key(path: tuple[str, ...]) -> bool:
    """`nodes.<id>.variants.<name>.when` / `.unless`: structure, not text to translate."""
    return len(path) == 5 and path[0] == "nodes" and path[2] == VARIANTS and path[4] in CONDITION_KEYS


def read_variants(data: Mapping, path: Path, line_of) -> dict[tuple[str, str], tuple[Variant, ...]]:
    """(node id, variant id) order per node: {("nodes", node id): variants} from one locale file's data."""
    found: dict[tuple[str, str], tuple[Variant, ...]] = {}
    nodes = data.get("nodes", {})
    if not isinstance(nodes, Mapping):
        return found
    for nid, table in nodes.items():
        raw = table.get(VARIANTS) if isinstance(table, Mapping) else None
        if raw is None:
            continue
        if not isinstance(raw, Mapping):
            found[("nodes", nid)] = (Variant("", (), path, line_of("nodes", nid, VARIANTS),
                                             "`variants` must be tables like [nodes.x.variants.tron]"),)
            continue
        found[("nodes", nid)] = tuple(_variant(vid, spec, path, line_of("nodes", nid, VARIANTS, vid)) for vid, spec in raw.items())
    return found


def _variant(vid: str, spec: object, path: Path, line: int) -> Variant:
    if not isinstance(spec, Mapping):
        return Variant(vid, (), path, line, f"variant {vid!r} must be a table with `when` (or `unless`) and `body`")
    unknown = sorted(set(spec) - VARIANT_KEYS)
    if unknown:
        return Variant(vid, (), path, line, f"variant {vid!r}: unknown key {unknown[0]!r}; a variant has `when` or `unless`, and `body`")
    conditions: list[Condition] = []
    for key in CONDITION_KEYS:
        table = spec.get(key, {})
        if not isinstance(table, Mapping):
            return Variant(vid, (), path, line, f"variant {vid!r}: `{key}` must be a table like {{ network = [\"tron\"] }}")
        for node, values in table.items():
            values = [values] if isinstance(values, str) else values
            if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
                return Variant(vid, (), path, line, f"variant {vid!r}: `{key}.{node}` must be a list of choice ids like [\"tron\"]")
            conditions.append(Condition(node, tuple(values), key == "unless"))
    if not conditions:
        return Variant(vid, (), path, line, f"variant {vid!r} has no `when` or `unless`, so it would always show; "
                                            "put its text in `body` instead")
    return Variant(vid, tuple(conditions), path, line)
