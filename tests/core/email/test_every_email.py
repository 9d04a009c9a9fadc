"""Every path of every flow to every escalation, as the email a support agent receives, in every shipped language.

The email is written by the person to the agent: no line speaks to the person ("your wallet", 你/您), no question
from the flow is copied (nor its question mark), no advice heading stands in for what was done, the subject states
the case (never the home page's problem title; a failed transfer is never "pending"), and every public value the
person typed (hashes, addresses, amounts) is in the body exactly as typed.
"""
from __future__ import annotations

import dataclasses
import re

import pytest

from assistant.email import samples
from assistant.email.case import derive_case
from assistant.email.draft import build_draft, defang
from assistant.email.wording import addresses_reader
from assistant.flows.engine import Session
from assistant.flows.model import NodeKind, OutcomeKind
from tests.walking import finished_sessions

LOCALES = ("en", "zh-CN", "zh-TW")
FLOWS = ("login_failure", "pending_transaction", "stuck_withdrawal", "lost_wallet")
PENDING = re.compile(r"pending|unconfirmed|待确认|未确认|待確認|未確認", re.IGNORECASE)
# Answers after which the transfer is known to have failed, not to be waiting.
FAILED = {("explorer_status", "failed"), ("deposit_status", "failed"), ("exchange_status", "failed"),
          ("tron_result", "out_of_energy"), ("tron_result", "other_error"), ("tron_result", "expired")}
FAMILY = {"ethereum": "evm", "bsc": "evm", "polygon": "evm", "arbitrum": "evm", "base": "evm", "optimism": "evm",
          "other_evm": "other_evm"}


def _values(session: Session) -> dict[str, str]:
    """Every visible field filled (optional ones too), with values that fit the network."""
    out = {}
    for f in session.visible_fields():
        value = samples.sample_value(dataclasses.replace(f, required=True), session, "en", samples.SAMPLE_NOW, f.name)
        if value:
            out[f.name] = value
    return out


_WALKED: dict[str, tuple[Session, ...]] = {}


def escalations(catalog, flow_id: str) -> tuple[Session, ...]:
    if flow_id not in _WALKED:
        _WALKED[flow_id] = _escalations(catalog, flow_id)
    return _WALKED[flow_id]


def _escalations(catalog, flow_id: str) -> tuple[Session, ...]:
    """One finished session per distinct path to an escalate/urgent outcome; EVM networks count as one."""
    seen: dict[tuple, Session] = {}
    for session in finished_sessions(catalog.flows[flow_id], _values):
        if session.current.outcome is OutcomeKind.RESOLVED:
            continue
        key = tuple((e.node_id, FAMILY.get(str(e.answer), e.answer) if e.node_id == "network" else e.answer)
                    for e in session.path if isinstance(e.answer, str))
        seen.setdefault(key, session)
    return tuple(seen.values())


def _typed(session: Session, draft) -> list[str]:
    """Everything in the email the person typed or the app derived from it (links, UTC times)."""
    values = [v for v in session.form_values().values()]
    values += [d.value for d in draft.details]
    values += [row["value"] for row in (*draft.context["details"], *draft.context["impostor"])]
    return sorted(set(values), key=len, reverse=True)


def _app_text(session: Session, draft) -> str:
    """Subject and body with every typed value cut out: what is left was written by the app."""
    text = draft.subject + "\n" + draft.body
    for value in _typed(session, draft):
        text = text.replace(value, "⟨value⟩")
    return text


def _flow_texts(catalog, flow_id: str, locale: str, kinds: tuple[NodeKind, ...]) -> list[str]:
    flow = catalog.flows[flow_id]
    found = [catalog.text(locale, f"{flow_id}.nodes.{n.id}.title") for n in flow.nodes.values() if n.kind in kinds]
    return [t for t in found if len(t) > 6]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("flow_id", FLOWS)
def test_every_escalation_email_is_written_to_the_agent(catalog, flow_id, locale):
    questions_and_steps = _flow_texts(catalog, flow_id, locale, (NodeKind.QUESTION, NodeKind.STEP))
    outcomes = _flow_texts(catalog, flow_id, locale, (NodeKind.OUTCOME,))
    home = catalog.text(locale, f"{flow_id}.flow.title")
    sessions = escalations(catalog, flow_id)
    assert len(sessions) >= 10, f"{flow_id}: only {len(sessions)} escalations"
    for session in sessions:
        draft = build_draft(session, catalog, locale)
        where = f"{flow_id}/{locale}: {[e.node_id + '=' + str(e.answer) for e in session.path if isinstance(e.answer, str)]}"
        text = _app_text(session, draft)
        for line in text.splitlines():
            assert not addresses_reader(line), f"{where}: line speaks to the reader or asks: {line!r}"
        for title in questions_and_steps + outcomes:
            assert title not in draft.body, f"{where}: flow text copied into the email: {title!r}"
        assert home not in draft.subject and home not in draft.body, f"{where}: home page title used"
        assert draft.reference in draft.subject
        answers = {(e.node_id, e.answer) for e in session.path if isinstance(e.answer, str)}
        if answers & FAILED:
            assert not PENDING.search(draft.subject), f"{where}: a failed transfer called pending: {draft.subject}"
        case = derive_case(session)
        for v in case.values:
            if v.kind == "url":  # evidence links stay exact but unclickable
                assert defang(v.value) in draft.body and v.value not in draft.body, f"{where}: {v.value}"
            elif v.kind in ("address", "tx_hash", "amount") or len(v.value) >= 26:
                assert v.value in draft.body, f"{where}: {v.value} is not in the email verbatim"
        if case.amount:
            assert case.amount in draft.subject, f"{where}: the subject leaves out the amount"
        if case.tx_hash:
            assert case.tx_hash[:10] in draft.subject, f"{where}: the subject leaves out the TxID"


@pytest.mark.parametrize("locale", LOCALES)
def test_urgent_subjects_state_what_happened_not_the_advice(catalog, locale):
    for flow_id in FLOWS:
        urgent_titles = [catalog.text(locale, f"{flow_id}.nodes.{n.id}.title")
                         for n in catalog.flows[flow_id].nodes.values() if n.outcome is OutcomeKind.URGENT]
        for session in escalations(catalog, flow_id):
            if session.current.outcome is not OutcomeKind.URGENT:
                continue
            draft = build_draft(session, catalog, locale)
            assert draft.subject.startswith(("[URGENT]", "【紧急】", "【緊急】")), draft.subject
            assert not any(t in draft.subject for t in urgent_titles), draft.subject


def test_a_failed_tron_transfer_is_named_by_its_error(catalog):
    session = Session(catalog.flows["pending_transaction"])
    assert samples.sample_walk(session, {"network": "tron", "explorer_status": "failed", "tron_result": "out_of_energy"})
    draft = build_draft(session, catalog, "en")
    assert "OUT_OF_ENERGY" in draft.subject and "USDT" in draft.subject and "TRON" in draft.subject
    assert not PENDING.search(draft.subject)


def test_an_impostor_who_got_nothing_is_a_section_not_the_subject(catalog):
    """The person's own problem stays the case; the impostor is reported beside it."""
    session = Session(catalog.flows["pending_transaction"])
    if not samples.sample_walk(session, {"safety_contact": "yes", "scam_act_now": "nothing"}):
        pytest.skip("no escalation after an impostor who got nothing")
    draft = build_draft(session, catalog, "en")
    assert "== Impostor posing as support ==" in draft.body
    handle = session.form_values()["impostor_contact"]
    section = draft.body.split("== Impostor posing as support ==", 1)[1]
    assert handle in section
    assert "Someone contacted me" in draft.body and "I gave the impostor nothing" in draft.body


@pytest.mark.parametrize("locale", LOCALES)
def test_every_name_a_flow_can_put_in_an_email_has_agent_wording(catalog, locale):
    """Field labels, options, answers and steps of every flow, in the locale's own email_labels.toml."""
    own = catalog.texts[locale]

    def has(table: str, flow_id: str, *parts: str) -> bool:
        tail = ".".join(parts)
        return f"email_labels.{table}.{flow_id}.{tail}" in own or f"email_labels.{table}.{tail}" in own

    missing = []
    for flow_id, flow in catalog.flows.items():
        for node in flow.nodes.values():
            if node.kind is NodeKind.FORM:
                missing += [f.name for f in node.fields if not (has("form_fields", flow_id, node.id, f.name)
                                                                 or has("fields", "-", f.name))]
                missing += [f"{f.name}.{o}" for f in node.fields for o in f.options if not has("options", "-", f.name, o)]
            elif node.kind is NodeKind.QUESTION and node.id != "network":
                missing += [f"{node.id}.{c.id}" for c in node.choices if not has("facts", flow_id, node.id, c.id)]
            elif node.kind is NodeKind.STEP and not has("steps", flow_id, node.id):
                missing.append(node.id)
    assert not missing, f"{locale}: no agent wording for {missing}"
    for key, entry in own.items():
        if key.startswith("email_labels.") and not key.startswith("email_labels.channels."):
            assert not addresses_reader(str(entry.value)), f"{locale}: {key} speaks to the reader: {entry.value!r}"
