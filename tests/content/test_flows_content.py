"""The shipped troubleshooting flows, walked end to end in every complete locale.

Every path of every flow (every combination of visible choices, each form filled with realistic PUBLIC values for
its network) must end in an outcome whose text exists in that locale itself, not through a fallback. On top of
that: the safety gate opens every flow and leads straight to urgent help; urgent outcomes start with an act-now
list; forms never ask for anything secret; escalations go through a form and link the support guide; and
`main.py check` is silent for both locales.
"""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from embit import base58

from assistant.flows.engine import Session
from assistant.flows.model import Field, Flow, NodeKind, OutcomeKind
from assistant.i18n.texts import VARIANTS_MARK, Texts
from assistant.validation.named_networks import ADDRESS_SHAPES

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ("zh-CN", "en")
FLOWS = ("login_failure", "pending_transaction", "stuck_withdrawal", "lost_wallet")
NETWORKS = frozenset({"ethereum", "bsc", "polygon", "arbitrum", "base", "optimism", "other_evm",
                      "tron", "bitcoin", "solana", "other"})
EVM = frozenset({"ethereum", "bsc", "polygon", "arbitrum", "base", "optimism", "other_evm"})
GATE = ("safety_contact", "safety_phrase")
SAFETY_GUIDE = "before_support"

# Words that must never name or label a form field: a form asking for one of these is asking for a secret.
SECRET_WORDS = re.compile(
    r"phrase|mnemonic|seed|private|password|passphrase|passcode|secret|keystore|\bkeys?\b|2fa|\botp\b|\bpin\b"
    r"|verification code|authenticator|wif|xprv"
    r"|助记词|私钥|密钥|秘钥|密码|口令|验证码|种子|谷歌验证|二次验证",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")


# ---- realistic public values ------------------------------------------------------------------------------------
def _digest(tag: str, size: int = 32) -> bytes:
    """Deterministic bytes that belong to no real key or transaction."""
    return hashlib.sha512(tag.encode()).digest()[:size] if size > 32 else hashlib.sha256(tag.encode()).digest()[:size]


ADDRESSES = {
    "evm": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",  # EIP-55 test vector
    "tron": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",  # the USDT-TRC20 contract
    "bitcoin": "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",  # BIP-173 test vector
    "solana": base58.encode(_digest("solana public key")),  # 32 bytes, like an ed25519 public key
}


def _family(network: str | None) -> str:
    if network in ("tron", "bitcoin", "solana"):
        return network
    return "evm"  # EVM networks, "other" (lenient) and no network at all accept an EVM address


def tx_hash(network: str | None, tag: str) -> str:
    family = _family(network)
    if family == "solana":
        return base58.encode(_digest(tag, 64))  # a 64-byte signature
    hex64 = hashlib.sha256(tag.encode()).hexdigest()
    return "0x" + hex64 if family == "evm" else hex64


TEXT_SAMPLES = {
    "exchange_name": "Binance", "coin": "USDT", "token": "USDT", "withdrawal_id": "W2026031500042",
    "memo": "104729", "nonce": "42", "fee": "3 gwei", "device_os": "Android 14 / Pixel 7",
    "error_text": "App stopped unexpectedly", "original_app": "MetaMask", "police_report": "CR-2025-0315-77",
    "impostor_contact": "@tp_support_desk88", "network_name": "Sui", "bridge_name": "Stargate",
    "destination_network": "Arbitrum", "destination_address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "receiving_exchange": "Binance",
}
KIND_SAMPLES = {
    "amount": "120.5 USDT", "datetime": "2025-03-02 14:05 +08:00", "email": "alex.chen@example.com",
    "version": "2.3.1", "ticket": "#318842, TP-20250302-0042", "url": "https://tokenpocket-sync.example/verify",
    "exchange_uid": "35871942", "multiline": "I refreshed the wallet and switched the node; nothing changed.",
}


def sample(field: Field, network: str | None, chain: str | None = None) -> str:
    if field.kind == "select":
        return field.options[-1]
    if field.kind == "address":
        if chain in ADDRESS_SHAPES:  # a network named after "another network" (XRP, TON, …): its own shape
            return ADDRESS_SHAPES[chain][2]
        return ADDRESSES[_family(network)]
    if field.kind == "tx_hash":
        return tx_hash(network, f"{field.name}/{network}")
    if field.kind == "text":
        return TEXT_SAMPLES.get(field.name, "Sample text")
    return KIND_SAMPLES[field.kind]


# ---- walking every path -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Walk:
    path: tuple[str, ...]  # node ids from the start to the outcome, the outcome included
    answers: tuple[tuple[str, str], ...]  # (question/step id, choice id) along the way
    session: Session


def _copy(session: Session) -> Session:
    return Session.from_dict(session.flow, session.to_dict())


def _fill(session: Session, only_required: bool) -> dict[str, str]:
    network = session.answers.get("network")
    shown = session.visible_fields()
    return {f.name: sample(f, network if isinstance(network, str) else None, session.chain(f))
            for f in shown if f.required or not only_required}


def walk_all(flow: Flow) -> list[Walk]:
    """Depth-first over every visible choice; every form is submitted twice (all fields, required fields only)."""
    done: list[Walk] = []
    stack = [Session(flow)]
    while stack:
        session = stack.pop()
        node = session.current
        if session.finished:
            path = tuple(e.node_id for e in session.path) + (node.id,)
            answers = tuple((e.node_id, e.answer) for e in session.path if isinstance(e.answer, str))
            done.append(Walk(path, answers, session))
            continue
        if node.kind is NodeKind.FORM:
            for only_required in (False, True):
                branch = _copy(session)
                branch.submit(_fill(branch, only_required))
                stack.append(branch)
            continue
        choices = session.visible_choices()
        assert choices, f"{flow.id}: node {node.id!r} shows no choice after {[e.node_id for e in session.path]}"
        for choice in choices:
            branch = _copy(session)
            branch.choose(choice.id)
            stack.append(branch)
    return done


@pytest.fixture(scope="module")
def walks(catalog) -> dict[str, list[Walk]]:
    return {flow_id: walk_all(catalog.flows[flow_id]) for flow_id in FLOWS}


def own(catalog, locale: str, key: str) -> str:
    """The text stored in this locale itself (no fallback to another locale), or ''. A node a flow includes from a
    shared part has its text in that part's file; the flow's own file may word it differently."""
    entry = catalog.texts[locale].get(key)
    if entry is None and catalog.shared_key(key):
        entry = catalog.texts[locale].get(catalog.shared_key(key))
    return entry.value.strip() if entry is not None and isinstance(entry.value, str) else ""


# ---- the flows exist and are complete -----------------------------------------------------------------------------
def test_all_four_flows_load_in_order(catalog):
    assert not catalog.disabled_flows, catalog.disabled_flows
    assert [fid for fid in catalog.flows if fid in FLOWS] == list(FLOWS)
    assert [catalog.flows[fid].order for fid in FLOWS] == [1, 2, 3, 4]


@pytest.mark.parametrize("flow_id", FLOWS)
def test_every_path_ends_in_an_outcome(walks, catalog, flow_id):
    flow = catalog.flows[flow_id]
    found = walks[flow_id]
    assert len(found) >= 20, f"{flow_id}: only {len(found)} paths"
    reached = {n for w in found for n in w.path}
    assert reached == set(flow.nodes), f"{flow_id}: never reached {sorted(set(flow.nodes) - reached)}"
    kinds = {flow.node(w.path[-1]).outcome for w in found}
    assert {OutcomeKind.RESOLVED, OutcomeKind.ESCALATE, OutcomeKind.URGENT} <= kinds


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("flow_id", FLOWS)
def test_every_path_has_its_own_text_in_the_locale(walks, catalog, flow_id, locale):
    """Titles, bodies, choice labels, field labels and hints along every path, without any fallback."""
    flow = catalog.flows[flow_id]
    assert own(catalog, locale, f"{flow_id}.flow.title") and own(catalog, locale, f"{flow_id}.flow.summary")
    checked: set[str] = set()
    for walk in walks[flow_id]:
        outcome = flow.node(walk.path[-1])
        base = f"{flow_id}.nodes.{outcome.id}"
        assert own(catalog, locale, f"{base}.title"), f"{locale}: no title for outcome {outcome.id}"
        assert own(catalog, locale, f"{base}.body"), f"{locale}: no body for outcome {outcome.id}"
        for node_id in walk.path:
            if node_id in checked:
                continue
            checked.add(node_id)
            node = flow.node(node_id)
            base = f"{flow_id}.nodes.{node_id}"
            assert own(catalog, locale, f"{base}.title"), f"{locale}: {base}.title"
            if node.kind in (NodeKind.STEP, NodeKind.OUTCOME, NodeKind.FORM):
                assert own(catalog, locale, f"{base}.body"), f"{locale}: {base}.body"
            if node.kind is NodeKind.QUESTION:
                for choice in node.choices:
                    assert own(catalog, locale, f"{base}.choices.{choice.id}"), f"{locale}: {base}.choices.{choice.id}"
            for f in node.fields:
                for part in ("label", "hint"):
                    assert own(catalog, locale, f"{base}.fields.{f.name}.{part}"), f"{locale}: {base}.fields.{f.name}.{part}"
                for option in f.options:
                    assert own(catalog, locale, f"{base}.fields.{f.name}.options.{option}"), f"{locale}: {f.name}.{option}"
    assert checked == set(flow.nodes)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("flow_id", FLOWS)
def test_every_escalation_builds_a_draft_the_secret_firewall_lets_out(walks, catalog, flow_id, locale):
    """Each distinct set of answers, as an email: the flow's own titles and labels must never look like a secret
    (a step title ending in "password" became "password: not solved" in the email, and was taken for one)."""
    from assistant.email.draft import build_draft
    from assistant.email.exports import as_message, checked
    from assistant.secrets.guard import Exit

    flow = catalog.flows[flow_id]
    seen: set[tuple] = set()
    for walk in walks[flow_id]:
        outcome = flow.node(walk.path[-1])
        if outcome.outcome is OutcomeKind.RESOLVED or walk.answers in seen:
            continue
        seen.add(walk.answers)
        draft = build_draft(walk.session, catalog, locale)
        assert draft.subject.strip() and draft.body.strip()
        assert draft.recipient == outcome.recipient
        assert (draft.to == catalog.profile.support_email) == (outcome.recipient == "wallet")
        for value in walk.session.form_values().values():
            if value.startswith(("0x", "T", "bc1")) and len(value) > 30:
                assert value in draft.body, f"{flow_id}/{outcome.id}: {value} missing from the draft"
        checked(as_message(draft), Exit.TXT)  # raises ExportBlocked on anything that looks like a secret
    assert seen


@pytest.mark.parametrize("locale", LOCALES)
def test_search_keywords_cover_what_people_type(catalog, locale):
    wanted = {
        "zh-CN": {"login_failure": "忘记密码", "pending_transaction": "等待中", "stuck_withdrawal": "提现没到账",
                  "lost_wallet": "被盗"},
        "en": {"login_failure": "forgot password", "pending_transaction": "pending",
               "stuck_withdrawal": "withdrawal not received", "lost_wallet": "stolen"},
    }[locale]
    for flow_id, word in wanted.items():
        keywords = catalog.words(locale, f"{flow_id}.flow.keywords")
        assert catalog.texts[locale].get(f"{flow_id}.flow.keywords") is not None
        assert len(keywords) >= 10 and word in keywords, (flow_id, keywords)


# ---- the safety gate --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("flow_id", FLOWS)
def test_every_flow_opens_with_the_safety_gate(catalog, flow_id):
    flow = catalog.flows[flow_id]
    contact, phrase = flow.node(GATE[0]), flow.node(GATE[1])
    assert flow.start == GATE[0]
    assert contact.kind is phrase.kind is NodeKind.QUESTION and contact.critical and phrase.critical
    assert [c.id for c in contact.choices] == ["yes", "no"]
    assert contact.choice("no").routes[0].to == GATE[1]
    assert {c.id for c in phrase.choices} == {"yes", "not_sure", "no"}


@pytest.mark.parametrize("flow_id", FLOWS)
def test_a_leak_or_payment_at_the_gate_leads_to_urgent_help_with_the_act_now_list_first(walks, catalog, flow_id):
    """Something shared, signed or paid (or a phrase typed elsewhere) is urgent; contact alone is not (test_advice)."""
    flow = catalog.flows[flow_id]
    gated = [w for w in walks[flow_id] if dict(w.answers).get("scam_act_now") in ("shared", "signed", "paid")
             or dict(w.answers).get(GATE[1]) in ("yes", "not_sure")]
    assert gated
    for walk in gated:
        assert flow.node(walk.path[-1]).outcome is OutcomeKind.URGENT, walk.path
        after_gate = walk.path[1] if walk.path[1] != GATE[1] else walk.path[2]
        first = flow.node(after_gate)
        assert first.critical and first.kind is NodeKind.QUESTION, walk.path
        forms = [i for i, n in enumerate(walk.path) if flow.node(n).kind is NodeKind.FORM and n != "impostor_note"]
        assert forms and forms[0] > walk.path.index(after_gate), "the act-now page must come before any report form"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("flow_id", FLOWS)
def test_act_now_pages_and_urgent_outcomes_start_with_a_checklist(catalog, flow_id, locale):
    flow = catalog.flows[flow_id]
    for node in flow.nodes.values():
        if node.outcome is OutcomeKind.URGENT:
            assert node.critical, node.id
            written = own(catalog, locale, f"{flow_id}.nodes.{node.id}.body")
            # a body whose first step depends on the network: as each network's path shows it
            shown = [Texts(catalog, locale).node_body(flow_id, node.id, {"network": n}) for n in ("ethereum", "tron", "bitcoin")]
            for body in shown if VARIANTS_MARK in written else [written]:
                lines = [ln for ln in body.splitlines() if ln.strip()]
                assert re.match(r"1\. \S", lines[0]), f"{locale}/{flow_id}/{node.id} must open with the act-now list"
                assert len(lines) > 2 and re.match(r"2\. \S", lines[1]), node.id
    for act_now in ("scam_act_now", "leak_act_now"):
        body = own(catalog, locale, f"{flow_id}.nodes.{act_now}.body")
        assert re.search(r"^1\. .+\n2\. ", body, re.M), f"{locale}/{flow_id}/{act_now} has no checklist"
    move = own(catalog, locale, f"{flow_id}.nodes.leak_act_now.body")
    assert ("新建" if locale == "zh-CN" else "Create") in move  # a fresh wallet, never the exposed one


# ---- forms ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("flow_id", FLOWS)
def test_forms_never_ask_for_a_secret(catalog, flow_id):
    flow = catalog.flows[flow_id]
    for node in flow.nodes.values():
        for f in node.fields:
            assert not SECRET_WORDS.search(f.name), f"{flow_id}/{node.id}: field name {f.name!r}"
            for locale in LOCALES:
                base = f"{flow_id}.nodes.{node.id}.fields.{f.name}"
                for part in ("label", "placeholder"):
                    text = own(catalog, locale, f"{base}.{part}")
                    assert not SECRET_WORDS.search(text), f"{locale} {base}.{part}: {text!r}"


@pytest.mark.parametrize("flow_id", FLOWS)
def test_every_escalation_goes_through_a_form_that_asks_the_right_things(walks, catalog, flow_id):
    flow = catalog.flows[flow_id]
    for walk in walks[flow_id]:
        outcome = flow.node(walk.path[-1])
        if outcome.outcome is OutcomeKind.RESOLVED:
            continue
        form = flow.node(walk.path[-2])
        assert form.kind is NodeKind.FORM, f"{flow_id}: {outcome.id} is reached without a form: {walk.path}"
        tickets = form.field("earlier_tickets")
        assert tickets is not None and tickets.kind == "ticket" and not tickets.required, form.id
        assert SAFETY_GUIDE in outcome.guides, outcome.id
        for f in form.fields:
            if f.kind in ("address", "tx_hash"):
                assert f.chain_from[-1] == "network" and "network" in walk.path, (form.id, f.name)


def test_exchange_cases_are_addressed_to_the_exchange_with_what_it_needs(catalog):
    flow = catalog.flows["stuck_withdrawal"]
    to_exchange = [n for n in flow.nodes.values() if n.kind is NodeKind.OUTCOME and n.recipient == "exchange"]
    assert {n.id for n in to_exchange} >= {"exchange_escalate", "wrong_address_urgent"}
    report = flow.node("exchange_report")
    kinds = {f.name: f.kind for f in report.fields}
    assert kinds["exchange_uid"] == "exchange_uid" and kinds["tx_hash"] == "tx_hash" and kinds["time"] == "datetime"
    assert {"exchange_name", "withdrawal_id", "coin", "amount", "memo", "withdrawal_address", "deposit_address"} <= set(kinds)


@pytest.mark.parametrize("flow_id", FLOWS)
def test_network_question_uses_the_shared_ids(catalog, flow_id):
    network = catalog.flows[flow_id].node("network")
    assert network.kind is NodeKind.QUESTION
    assert {c.id for c in network.choices} == NETWORKS


@pytest.mark.parametrize("network", sorted(NETWORKS))
def test_sample_values_are_valid_for_every_network(network):
    from assistant.validation.fields import validate

    for kind in ("address", "tx_hash"):
        value = ADDRESSES[_family(network)] if kind == "address" else tx_hash(network, "probe")
        _, problem = validate(kind, value, network)
        assert problem is None, (network, kind, problem)


# ---- text quality ---------------------------------------------------------------------------------------------
def _my_files() -> list[Path]:
    files = [ROOT / "content" / "locales" / loc / f"{name}.toml" for loc in LOCALES for name in (*FLOWS, "guides")]
    return files + [ROOT / "content" / "flows" / f"{name}.toml" for name in FLOWS]


@pytest.mark.parametrize("locale", LOCALES)
def test_markdown_lists_start_after_a_blank_line(catalog, locale):
    """Python-Markdown runs a list glued to a paragraph into that paragraph."""
    for key, entry in catalog.texts[locale].items():
        if not key.endswith(".body") or entry.path not in _my_files():
            continue
        lines = entry.value.splitlines()
        for before, line in zip(lines, lines[1:], strict=False):
            if _LIST_ITEM.match(line) and before.strip() and not _LIST_ITEM.match(before) and before.strip() != VARIANTS_MARK:
                pytest.fail(f"{key}: list item after a paragraph line without a blank line: {line[:40]!r}")


@pytest.mark.parametrize("locale", LOCALES)
def test_guides_cover_channels_preparation_and_waiting(catalog, locale):
    body = own(catalog, locale, "guides.before_support.body")
    for must in ("tokenpocket.pro", "tpwallet.io", "service@tokenpocket.pro"):
        assert must in body
    words = {"zh-CN": ("电话", "主动", "工单", "截图", "时区", "几天", "升级"),
             "en": ("phone", "first", "ticket", "Screenshots", "time zone", "days", "escalated")}[locale]
    for word in words:
        assert word in body, word
    assert own(catalog, locale, "guides.scam_signs.body").count("\n- ") >= 8


def test_no_leftover_flows_or_texts_from_the_old_draft(catalog):
    for locale in LOCALES:
        for key in catalog.texts[locale]:
            flow_id, _, rest = key.partition(".")
            if flow_id in FLOWS and rest.startswith("nodes."):
                node_id = rest.split(".")[1]
                assert node_id in catalog.flows[flow_id].nodes, f"{locale}: text for unknown node {key}"


@cache
def _check_output(locale: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "check", "--locale", locale],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("locale", LOCALES)
def test_check_is_silent(locale):
    result = _check_output(locale)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout
    assert "0 error(s), 0 warning(s)" in result.stderr and "ignored" not in result.stderr, result.stderr
