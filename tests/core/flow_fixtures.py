"""A small but complete flow (every node kind, conditions) for engine tests, independent of shipped content."""
from pathlib import Path

from assistant.flows.parse import parse_flow
from assistant.toml_positions import read_toml
from assistant.validation.fields import FIELD_KINDS

WITHDRAWAL_FLOW = '''
[flow]
start = "safety"

[nodes.safety]
kind = "question"
choices = [{ id = "yes", next = "scam" }, { id = "no", next = "network" }]

[nodes.scam]
kind = "outcome"
outcome = "urgent"

[nodes.network]
kind = "question"
choices = [
    { id = "ethereum", next = "status" },
    { id = "tron", next = "status" },
    { id = "bitcoin", next = "status" },
    { id = "solana", next = "status" },
]

[nodes.status]
kind = "question"
choices = [
    { id = "completed", next = [{ when = { network = ["tron"] }, to = "energy" }, { to = "add_token" }] },
    { id = "processing", next = "wait" },
    { id = "memo", next = "details", unless = { network = ["bitcoin"] } },
]

[nodes.energy]
kind = "step"
solved = "fixed"
unsolved = "details"

[nodes.add_token]
kind = "step"
solved = "fixed"
unsolved = "details"

[nodes.wait]
kind = "step"
solved = "fixed"
unsolved = "details"

[nodes.details]
kind = "form"
next = "escalate"
fields = [
    { name = "tx_hash", kind = "tx_hash", chain_from = "network" },
    { name = "note", kind = "multiline", required = false },
]

[nodes.fixed]
kind = "outcome"
outcome = "resolved"

[nodes.escalate]
kind = "outcome"
outcome = "escalate"
'''


def make_flow(tmp_path: Path, text: str = WITHDRAWAL_FLOW, name: str = "withdrawal"):
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return parse_flow(read_toml(path), FIELD_KINDS)
