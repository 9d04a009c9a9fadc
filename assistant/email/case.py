"""The case: the facts of a finished session, derived once, in no language.

Everything that speaks about a support case reads this instead of walking the session again: the email body and
its subject, the follow-up email, the review page. The case keeps ids (node, choice, field, option) and the values
typed by the person; `assistant.email.wording` turns them into agent-facing text in a language.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from assistant.flows.engine import Session
from assistant.flows.model import STEP_SOLVED, NodeKind, OutcomeKind

NETWORK_NODE = "network"
# A more specific network, asked after "another network": a question whose choice names it, or a typed name.
NETWORK_DETAIL_NODE = "which_network"
NETWORK_NAME_FIELD = "network_name"
UNNAMED_NETWORKS = frozenset({"other", "other_evm"})
TICKET_FIELD = "earlier_tickets"
# Fields that describe an impostor (someone posing as support): reported in a section of their own.
IMPOSTOR_FIELDS = frozenset({"contact_channel", "first_contact_time", "paid_amount", "paid_tx", "scammer_address"})
IMPOSTOR_PREFIX = "impostor_"
# Where the amount, the asset and the transaction of the case are found, most telling first.
AMOUNT_FIELDS = ("amount", "stolen_amount", "paid_amount")
ASSET_FIELDS = ("coin", "token")
TX_FIELDS = ("tx_hash", "theft_tx", "paid_tx", "source_tx", "replacement_tx", "approval_tx")
_AMOUNT_HAS_UNIT = re.compile(r"[^\d\s.,]")


@dataclass(frozen=True, slots=True)
class Value:
    """One form value on the path, as validated (select values are option ids)."""

    name: str
    form: str
    kind: str
    value: str
    chain: str | None = None

    @property
    def impostor(self) -> bool:
        return self.name in IMPOSTOR_FIELDS or self.name.startswith(IMPOSTOR_PREFIX)


@dataclass(frozen=True, slots=True)
class Answer:
    """A question answered (`choice`) or a self-help step tried (`solved`) on the way."""

    node: str
    kind: NodeKind
    choice: str

    @property
    def solved(self) -> bool:
        return self.kind is NodeKind.STEP and self.choice == STEP_SOLVED


@dataclass(frozen=True, slots=True)
class Case:
    flow: str
    outcome: str
    outcome_kind: OutcomeKind
    recipient: str  # "wallet" or "exchange"
    network: str | None  # the network question's choice id
    network_detail: str  # a more specific network: a choice id of NETWORK_DETAIL_NODE, or the typed name
    network_detail_typed: bool
    values: tuple[Value, ...]
    answers: tuple[Answer, ...]
    path_key: str  # the answers as canonical JSON: same answers, same case

    # ---- reading ----------------------------------------------------------------------------------------------
    @property
    def urgent(self) -> bool:
        return self.outcome_kind is OutcomeKind.URGENT

    @property
    def fields(self) -> dict[str, str]:
        """Every value by field name; a later form overrides an earlier one."""
        return {v.name: v.value for v in self.values}

    def value(self, *names: str) -> Value | None:
        """The first of `names` that has a value (the latest one when a name occurs twice)."""
        for name in names:
            found = [v for v in self.values if v.name == name]
            if found:
                return found[-1]
        return None

    def choice(self, node: str) -> str | None:
        return next((a.choice for a in self.answers if a.node == node), None)

    @property
    def questions(self) -> tuple[Answer, ...]:
        return tuple(a for a in self.answers if a.kind is NodeKind.QUESTION)

    @property
    def steps(self) -> tuple[Answer, ...]:
        return tuple(a for a in self.answers if a.kind is NodeKind.STEP)

    @property
    def impostor(self) -> tuple[Value, ...]:
        return tuple(v for v in self.values if v.impostor)

    @property
    def tickets(self) -> tuple[str, ...]:
        raw = self.fields.get(TICKET_FIELD, "")
        return tuple(t.strip() for t in raw.replace("，", ",").split(",") if t.strip())

    @property
    def tx_hash(self) -> str:
        found = self.value(*TX_FIELDS)
        return found.value if found else ""

    @property
    def amount(self) -> str:
        """The amount with its asset: "120.5 USDT" (the asset added from the coin/token field when missing)."""
        found = self.value(*AMOUNT_FIELDS)
        if found is None:
            return ""
        amount = found.value.strip()
        asset = self.value(*ASSET_FIELDS)
        if asset and not _AMOUNT_HAS_UNIT.search(amount):
            return f"{amount} {asset.value.strip()}"
        return amount

    @property
    def asset(self) -> str:
        found = self.value(*ASSET_FIELDS)
        return found.value.strip() if found else ""

    @property
    def situation_keys(self) -> tuple[str, ...]:
        """What the case is, most general first: every answer as `node.choice`, every step tried as `node`, then
        the outcome. The wording picks the last key it has a sentence for."""
        keys = [f"{a.node}.{a.choice}" if a.kind is NodeKind.QUESTION else a.node for a in self.answers]
        return (*keys, self.outcome)

    def reference(self, when: datetime) -> str:
        """A short, non-secret reference so later emails about the same problem can be matched."""
        # Same answers on the same day give the same reference, so rebuilding the draft (another language, a
        # detail left out, an attachment) keeps it; no secret can be in the path (the forms reject secrets).
        seed = f"{self.flow}|{when.date().isoformat()}|{self.path_key}".encode()
        return "WSA-" + hashlib.sha256(seed).hexdigest()[:6].upper()


def derive_case(session: Session) -> Case:
    """The facts of a finished session (or of the path so far, for a preview)."""
    values: list[Value] = []
    answers: list[Answer] = []
    for entry in session.path:
        node = session.flow.node(entry.node_id)
        if entry.kind is NodeKind.FORM:
            given: Mapping[str, str] = entry.answer  # type: ignore[assignment]
            for f in node.fields:
                value = given.get(f.name)
                if value:
                    values.append(Value(f.name, node.id, f.kind, value, session.chain(f)))
        elif isinstance(entry.answer, str):
            answers.append(Answer(node.id, entry.kind, entry.answer))
    network = session.answers.get(NETWORK_NODE)
    detail = session.answers.get(NETWORK_DETAIL_NODE)
    typed = next((v.value for v in values if v.name == NETWORK_NAME_FIELD), "")
    outcome = session.current
    return Case(
        flow=session.flow.id,
        outcome=outcome.id,
        outcome_kind=outcome.outcome or OutcomeKind.ESCALATE,
        recipient=outcome.recipient,
        network=network if isinstance(network, str) else None,
        network_detail=typed or (detail if isinstance(detail, str) else ""),
        network_detail_typed=bool(typed),
        values=tuple(values),
        answers=tuple(answers),
        path_key=json.dumps(session.to_dict(), ensure_ascii=False, sort_keys=True),
    )
