"""Say only what applies: along every path of the shipped flows, in every language, a TRON user never reads
EVM-only advice (0x addresses, BEP-20, nonce) and an EVM user never reads TRON energy advice (body variants)."""
from __future__ import annotations

import re

import pytest

from assistant.i18n.texts import Texts
from tests.content.test_flows_content import FLOWS, Walk, walk_all


@pytest.fixture(scope="module")
def walks(catalog) -> dict[str, list[Walk]]:
    return {flow_id: walk_all(catalog.flows[flow_id]) for flow_id in FLOWS}


EVM_NETWORKS = frozenset({"ethereum", "bsc", "polygon", "arbitrum", "base", "optimism", "other_evm"})
EVM_ONLY = re.compile(r"0x|BEP-20|\bnonce\b|\bEVM\b", re.I)
TRON_ENERGY = re.compile(r"能量|エネルギー|에너지|\benergy\b|带宽|頻寬|帶寬|帯域幅|대역폭|\bbandwidth\b", re.I)
ALL_LOCALES = ("zh-CN", "en", "zh-TW", "ja", "ko")


def _pages_after_the_network(walk: Walk):
    """(node id, answers given before it) for every page shown once the network is known."""
    answers: dict[str, object] = {}
    for entry, node_id in zip(walk.session.path, walk.path, strict=False):
        if "network" in answers:
            yield node_id, dict(answers)
        answers[entry.node_id] = entry.answer
    if "network" in answers:
        yield walk.path[-1], dict(answers)


@pytest.mark.parametrize("flow_id", FLOWS)
def test_a_tron_path_never_shows_evm_advice_and_an_evm_path_never_tron_energy(walks, catalog, flow_id):
    texts = {locale: Texts(catalog, locale) for locale in ALL_LOCALES}
    seen: set[tuple[str, str]] = set()
    for walk in walks[flow_id]:
        for node_id, answers in _pages_after_the_network(walk):
            network = answers["network"]
            wrong = EVM_ONLY if network == "tron" else TRON_ENERGY if network in EVM_NETWORKS else None
            if wrong is None or (node_id, str(network)) in seen:
                continue
            seen.add((node_id, str(network)))
            for locale, words in texts.items():
                body = words.node_body(flow_id, node_id, answers)
                assert not wrong.search(body), f"{flow_id}/{node_id} on {network} ({locale}): {wrong.findall(body)}"
    assert {n for n, net in seen if net == "tron"} and {n for n, net in seen if net in EVM_NETWORKS}


def test_the_shared_withdrawal_step_tells_each_network_its_own_way(catalog):
    words = Texts(catalog, "en")
    tron = words.node_body("stuck_withdrawal", "check_network", {"network": "tron"})
    evm = words.node_body("stuck_withdrawal", "check_network", {"network": "bsc"})
    assert "TRON wallet" in tron and "starting with T" in tron
    assert "BEP-20" in evm and "0x" in evm and "TRON" not in evm
    assert EVM_ONLY.search(catalog.text("en", "stuck_withdrawal.nodes.check_network.variants.evm.body"))


@pytest.mark.parametrize("flow_id", ["pending_transaction", "stuck_withdrawal", "lost_wallet"])
def test_the_support_email_of_a_tron_path_words_nothing_evm_only_and_vice_versa(walks, catalog, flow_id):
    from assistant.email.draft import build_draft
    from assistant.flows.model import OutcomeKind

    drafted = {"tron": 0, "evm": 0}
    for walk in walks[flow_id]:
        network = walk.session.answers.get("network")
        kind = "tron" if network == "tron" else "evm" if network in EVM_NETWORKS else None
        if kind is None or walk.session.current.outcome is OutcomeKind.RESOLVED or drafted[kind] >= 12:
            continue
        drafted[kind] += 1
        for locale in ("zh-CN", "en"):
            draft = build_draft(walk.session, catalog, locale)
            text = f"{draft.subject}\n{draft.body}"
            for value in walk.session.form_values().values():  # what the person typed (a bridge's 0x target) is theirs
                text = text.replace(value, "")
            if kind == "tron":
                assert not re.search(r"0x|BEP-20|\bnonce\b", text, re.I), (walk.path, locale)
            else:
                assert not TRON_ENERGY.search(text), (walk.path, locale)
    assert drafted["tron"] and drafted["evm"]
