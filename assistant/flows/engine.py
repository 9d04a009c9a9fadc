"""Pull-based session over one flow: the host asks for `current`, then calls `choose()` or `submit()`.

State is just the answers given along the path, in path order. The path is re-derived from them, so
`back()` and edits cannot leave stale answers behind.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from assistant.errors import FieldErrors, FlowError
from assistant.flows.conditions import all_hold, resolve
from assistant.flows.model import Choice, Field, Flow, Node, NodeKind
from assistant.validation.chains import is_network
from assistant.validation.fields import split_secret_fields, validate_values

Answer = str | Mapping[str, str]
STATE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class PathEntry:
    node_id: str
    kind: NodeKind
    answer: Answer


class Session:
    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self._answers: dict[str, Answer] = {}
        self._path: list[PathEntry] = []
        self._current: Node = flow.node(flow.start)

    # ---- reading -------------------------------------------------------------------------------
    @property
    def current(self) -> Node:
        return self._current

    @property
    def finished(self) -> bool:
        return self._current.kind is NodeKind.OUTCOME

    @property
    def path(self) -> tuple[PathEntry, ...]:
        return tuple(self._path)

    @property
    def answers(self) -> Mapping[str, Answer]:
        return MappingProxyType(self._answers)

    def visible_choices(self, node: Node | None = None) -> list[Choice]:
        node = node or self._current
        return [c for c in node.choices if all_hold(c.when, self._answers)]

    def visible_fields(self, node: Node | None = None) -> list[Field]:
        """The fields shown for the answers so far, each required or not as those answers make it."""
        node = node or self._current
        return _shown_fields(node, self._answers)

    def form_values(self) -> dict[str, str]:
        """Every field value collected on the path, later forms overriding earlier ones."""
        values: dict[str, str] = {}
        for entry in self._path:
            if entry.kind is NodeKind.FORM:
                values.update(entry.answer)  # type: ignore[arg-type]
        return values

    def public_values(self) -> tuple[str, ...]:
        """Values entered in transaction-hash fields: public by the user's own statement."""
        return tuple(entry.answer[f.name] for entry in self._path if isinstance(entry.answer, Mapping)
                     for f in self.flow.node(entry.node_id).fields if f.kind == "tx_hash" and entry.answer.get(f.name))

    def chain(self, field: Field) -> str | None:
        return _chain(field, self._answers)

    # ---- driving -------------------------------------------------------------------------------
    def choose(self, choice_id: str) -> Node:
        node = self._current
        if node.kind not in (NodeKind.QUESTION, NodeKind.STEP):
            raise FlowError(f"node {node.id!r} is a {node.kind}; choose() needs a question or step")
        self._next_for_choice(node, choice_id, self._answers)
        self._answers[node.id] = choice_id
        self._rewalk()
        return self._current

    def submit(self, values: Mapping[str, str]) -> Node:
        node = self._current
        if node.kind is not NodeKind.FORM:
            raise FlowError(f"node {node.id!r} is a {node.kind}; submit() needs a form")
        clean = self._validated_form(node, values, self._answers)
        self._answers[node.id] = MappingProxyType(clean)
        self._rewalk()
        return self._current

    def back(self) -> bool:
        """Undo the last answer. False when already at the start."""
        if not self._path:
            return False
        del self._answers[self._path[-1].node_id]
        self._rewalk()
        return True

    def restart(self) -> None:
        self._answers.clear()
        self._rewalk()

    def change_answer(self, node_id: str, answer: Answer) -> list[str]:
        """Replace an earlier answer; later answers that no longer fit are dropped and returned."""
        index = next((i for i, e in enumerate(self._path) if e.node_id == node_id), None)
        if index is None:
            raise FlowError(f"node {node_id!r} has not been answered on this path")
        before = {e.node_id: e.answer for e in self._path[:index]}
        node = self.flow.node(node_id)
        if node.kind is NodeKind.FORM:
            if not isinstance(answer, Mapping):
                raise FlowError(f"node {node_id!r} is a form; give a mapping of field values")
            answer = MappingProxyType(self._validated_form(node, answer, before))
        else:
            if not isinstance(answer, str):
                raise FlowError(f"node {node_id!r} takes a choice id")
            self._next_for_choice(node, answer, before)
        old_ids = [e.node_id for e in self._path]
        self._answers[node_id] = answer
        self._rewalk(revalidate=True)
        kept = set(self._answers)
        return [n for n in old_ids if n not in kept]

    def goto_answered(self, node_id: str) -> list[str]:
        """Make an answered node current again, dropping its answer and everything after it."""
        index = next((i for i, e in enumerate(self._path) if e.node_id == node_id), None)
        if index is None:
            raise FlowError(f"node {node_id!r} has not been answered on this path")
        dropped = [e.node_id for e in self._path[index:]]
        for entry in self._path[index:]:
            del self._answers[entry.node_id]
        self._rewalk()
        return dropped

    # ---- persistence ---------------------------------------------------------------------------
    def to_dict(self) -> dict:
        answers = [[e.node_id, e.answer if isinstance(e.answer, str) else dict(e.answer)] for e in self._path]
        return {"format": STATE_FORMAT, "flow": self.flow.id, "answers": answers}

    @classmethod
    def from_dict(cls, flow: Flow, data: Mapping) -> Session:
        if data.get("format") != STATE_FORMAT:
            raise FlowError(f"saved session has format {data.get('format')!r}; this version reads {STATE_FORMAT}")
        if data.get("flow") != flow.id:
            raise FlowError(f"saved session is for flow {data.get('flow')!r}, not {flow.id!r}")
        session = cls(flow)
        for item in data.get("answers", []):
            if not (isinstance(item, (list, tuple)) and len(item) == 2):
                raise FlowError(f"saved answer {item!r} is not a [node, answer] pair")
            node_id, answer = item
            if node_id != session.current.id:
                raise FlowError(f"saved answer for {node_id!r} does not follow the path (now at {session.current.id!r})")
            if isinstance(answer, Mapping):
                session.submit(answer)
            elif isinstance(answer, str):
                session.choose(answer)
            else:
                raise FlowError(f"saved answer for {node_id!r} has type {type(answer).__name__}")
        return session

    # ---- internals -----------------------------------------------------------------------------
    def _next_for_choice(self, node: Node, choice_id: str, answers: Mapping[str, Answer]) -> str:
        choice = node.choice(choice_id)
        visible = [c.id for c in node.choices if all_hold(c.when, answers)]
        if choice is None or choice_id not in visible:
            raise FlowError(f"{choice_id!r} is not a choice at node {node.id!r}; valid choices: {', '.join(visible)}")
        target = resolve(choice.routes, {**answers, node.id: choice_id})
        if target is None:
            raise FlowError(f"choice {choice_id!r} at node {node.id!r} has no route for the answers so far")
        return target

    def _validated_form(self, node: Node, values: Mapping[str, str], answers: Mapping[str, Answer]) -> dict[str, str]:
        fields = _shown_fields(node, answers)
        unknown = set(values) - {f.name for f in fields}
        if unknown:
            raise FlowError(f"form {node.id!r} has no field(s) {', '.join(sorted(unknown))}")
        chains = {f.name: _chain(f, answers) for f in fields}
        earlier = [v for a in answers.values() if isinstance(a, Mapping) for v in a.values()]
        addresses = [v for n_id, a in answers.items() if isinstance(a, Mapping)
                     for f in self.flow.node(n_id).fields if f.kind == "address" and a.get(f.name)
                     for v in (a[f.name],)]
        addresses += [str(values.get(f.name, "")).strip() for f in fields if f.kind == "address" and values.get(f.name)]
        clean, errors = validate_values(fields, values, chains, addresses)
        if not errors:  # a secret split over this form and earlier ones (or over two fields of this one)
            errors = split_secret_fields(earlier, fields, clean)
        if errors:
            raise FieldErrors(errors)
        return clean

    def _next(self, node: Node, answer: Answer, answers: Mapping[str, Answer], revalidate: bool) -> str | None:
        """Where an answer leads, or None when it no longer fits the answers before it."""
        try:
            if node.kind is NodeKind.FORM:
                if not isinstance(answer, Mapping):
                    return None
                if revalidate:  # only an edited earlier answer can invalidate stored field values
                    self._validated_form(node, answer, answers)
                return resolve(node.routes, answers)
            if not isinstance(answer, str):
                return None
            return self._next_for_choice(node, answer, answers)
        except FlowError:
            return None

    def _rewalk(self, revalidate: bool = False) -> None:
        path: list[PathEntry] = []
        kept: dict[str, Answer] = {}
        node = self.flow.node(self.flow.start)
        while node.id in self._answers and node.id not in kept:
            answer = self._answers[node.id]
            target = self._next(node, answer, kept, revalidate)
            if target is None:
                break
            kept[node.id] = answer
            path.append(PathEntry(node.id, node.kind, answer))
            node = self.flow.node(target)
        self._answers = kept
        self._path = path
        self._current = node


def _chain(field: Field, answers: Mapping[str, Answer]) -> str | None:
    """The network a value must fit: the first `chain_from` node answered with a network the validators know
    ("xrp" after "another network"), else the last one answered ("typed" names none, so "other" decides)."""
    answered = [a for a in (answers.get(n) for n in field.chain_from) if isinstance(a, str)]
    return next((a for a in answered if is_network(a)), answered[-1] if answered else None)


def _shown_fields(node: Node, answers: Mapping[str, Answer]) -> list[Field]:
    """Fields whose `when` holds; an optional field whose `required_when` holds is required here."""
    shown = [f for f in node.fields if all_hold(f.when, answers)]
    return [replace(f, required=True) if f.required_when and all_hold(f.required_when, answers) else f for f in shown]
