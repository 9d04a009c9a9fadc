"""Realistic cases walked through the FlowController, as a person would answer them. No Qt anywhere here."""
from __future__ import annotations

import random
from collections.abc import Mapping

from mnemonic import Mnemonic

from assistant.app.session import FlowController
from assistant.flows.model import STEP_UNSOLVED, Node, NodeKind

CALM = ("no", "nothing", "none")  # the safety gate: nobody contacted me, nothing was shared

# A USDT (TRC-20) transfer stuck on TRON, told in Chinese.
TRON_PENDING = {"network": "tron", "explorer_status": "pending"}
TRON_VALUES = {
    "tx_hash": "05429c4641193661397ae3a912f20230532562f877da60a9a52898f626992292",
    "from_address": "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9",
    "to_address": "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7",
    "amount": "250 USDT",
    "token_contract": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",  # USDT on TRON
    "time": "2026-11-20 14:05 +08:00",
    "app_version": "2.3.1",
    "device_os": "小米 14，Android 14",
    "earlier_tickets": "TP-20261120-0042",
    "description": "转账已经过了六个小时，钱包里一直显示“打包中”，区块浏览器上也查不到这笔交易。",
}

# The same story on Ethereum: EIP-55 checksummed addresses, USDT's ERC-20 contract.
ETHEREUM_PENDING = {"network": "ethereum", "explorer_status": "pending"}
ETHEREUM_VALUES = {
    **TRON_VALUES,
    "tx_hash": "0x1f56e1ef9956875ce5aeb0dcf724de2744d34b6449be05008cf00186b7f560bd",
    "from_address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "to_address": "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "token_contract": "0xdAC17F958D2ee523a2206206994597C13D831ec7",
}

LOOKALIKE_RECIPIENT = "service@tokenpocket-support.com"


def recovery_phrase(seed: int, language: str = "english") -> str:
    """A valid BIP39 phrase (12 words, checksum included) from a seeded generator."""
    return Mnemonic(language).to_mnemonic(random.Random(seed).randbytes(16))


def answer_for(controller: FlowController, node: Node, answers: Mapping[str, str]) -> str:
    if node.kind is NodeKind.STEP:
        return STEP_UNSOLVED
    visible = [c.id for c in controller.session.visible_choices(node)]
    if node.id in answers and answers[node.id] in visible:
        return answers[node.id]
    return next((c for c in CALM if c in visible), visible[0])


def walk(controller: FlowController, answers: Mapping[str, str], values: Mapping[str, str],
         until=lambda node: node.kind is NodeKind.OUTCOME, limit: int = 40) -> Node:
    """Answer node after node until `until(node)` holds; forms get the values their visible fields ask for."""
    for _ in range(limit):
        node = controller.shown_node
        if until(node):
            return node
        if node.kind is NodeKind.OUTCOME:
            raise AssertionError(f"the walk ended at {node.id!r} before reaching what it was looking for")
        if node.kind is NodeKind.FORM:
            fields = controller.session.visible_fields(node)
            controller.submit({f.name: values[f.name] for f in fields if f.name in values})
        else:
            controller.choose(answer_for(controller, node, answers))
    raise AssertionError(f"no stop after {limit} answers")
