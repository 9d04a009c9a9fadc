"""Frozen, locale-independent structure of a flow: nodes, choices, routes, fields. Text lives elsewhere."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class NodeKind(StrEnum):
    QUESTION = "question"
    STEP = "step"
    FORM = "form"
    OUTCOME = "outcome"


class OutcomeKind(StrEnum):
    RESOLVED = "resolved"
    ESCALATE = "escalate"
    URGENT = "urgent"


# A step is answered like a question with these two fixed choices.
STEP_SOLVED = "solved"
STEP_UNSOLVED = "unsolved"


@dataclass(frozen=True, slots=True)
class Condition:
    """True when the answer given at `node` is one of `any_of` (inverted by `negate`)."""

    node: str
    any_of: tuple[str, ...]
    negate: bool = False


@dataclass(frozen=True, slots=True)
class Route:
    """Go to `to` when every condition holds; a flow tries routes in order and takes the first match."""

    to: str
    when: tuple[Condition, ...] = ()


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    routes: tuple[Route, ...]
    when: tuple[Condition, ...] = ()


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str
    required: bool = True
    # nodes whose answer names the chain (address / tx-hash validation), most specific first
    chain_from: tuple[str, ...] = ()
    options: tuple[str, ...] = ()  # for kind = "select"
    when: tuple[Condition, ...] = ()
    line: int = 0
    # An optional field becomes required when all of these hold (e.g. the memo once the memo was the problem).
    required_when: tuple[Condition, ...] = ()


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    kind: NodeKind
    line: int = 0
    critical: bool = False
    choices: tuple[Choice, ...] = ()
    routes: tuple[Route, ...] = ()  # form: where to go after submit
    fields: tuple[Field, ...] = ()
    outcome: OutcomeKind | None = None
    guides: tuple[str, ...] = ()  # ids of guide pages linked from this node
    recipient: str = "wallet"  # outcome: who the support request is for ("wallet" or "exchange")
    origin: str = ""  # the shared part (content/flows/_<part>.toml) that defines this node; "" = the flow's own file

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True, slots=True)
class Flow:
    id: str
    start: str
    nodes: dict[str, Node]
    order: int = 0
    path: Path = field(default_factory=Path)
    keywords: tuple[str, ...] = ()
    parts: dict[str, Path] = field(default_factory=dict)  # included shared parts: name → file

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    def path_of(self, node: Node) -> Path:
        """The file that defines `node`: the flow's own, or the shared part it was included from."""
        return self.parts.get(node.origin, self.path)

    def text_base(self, node: Node) -> str:
        """Where the node's text lives in a locale: `<flow>.nodes.<id>`, or `<part>.nodes.<id>` for shared nodes."""
        return f"{node.origin or self.id}.nodes.{node.id}"
