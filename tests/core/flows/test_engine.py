import hashlib

import pytest

from assistant.errors import FieldErrors, FlowError
from assistant.flows.engine import Session
from assistant.flows.model import NodeKind, OutcomeKind
from tests.core.flow_fixtures import make_flow

TRON_TXID = hashlib.sha256(b"withdrawal 120 USDT").hexdigest()
EVM_TX = "0x" + hashlib.sha256(b"eth transfer").hexdigest()


@pytest.fixture
def flow(tmp_path):
    return make_flow(tmp_path)


def test_starts_at_the_flow_start_with_an_empty_path(flow):
    s = Session(flow)
    assert s.current.id == "safety"
    assert s.path == ()
    assert not s.finished


def test_condition_routes_tron_to_the_energy_step(flow):
    s = Session(flow)
    s.choose("no")
    s.choose("tron")
    assert s.choose("completed").id == "energy"


def test_condition_routes_other_networks_to_the_default(flow):
    s = Session(flow)
    s.choose("no")
    s.choose("ethereum")
    assert s.choose("completed").id == "add_token"


def test_choice_hidden_by_unless_is_not_offered_and_cannot_be_chosen(flow):
    s = Session(flow)
    s.choose("no")
    s.choose("bitcoin")
    assert [c.id for c in s.visible_choices()] == ["completed", "processing"]
    with pytest.raises(FlowError, match="valid choices: completed, processing"):
        s.choose("memo")


def test_step_result_and_form_values_are_recorded_on_the_path(flow):
    s = Session(flow)
    for answer in ("no", "tron", "completed", "unsolved"):
        s.choose(answer)
    s.submit({"tx_hash": TRON_TXID, "note": "交易所显示已完成，但钱包没有到账"})
    assert s.finished and s.current.outcome is OutcomeKind.ESCALATE
    kinds = [(e.node_id, e.kind) for e in s.path]
    assert kinds == [("safety", NodeKind.QUESTION), ("network", NodeKind.QUESTION), ("status", NodeKind.QUESTION),
                     ("energy", NodeKind.STEP), ("details", NodeKind.FORM)]
    assert s.path[3].answer == "unsolved"
    assert s.form_values()["note"] == "交易所显示已完成，但钱包没有到账"


def test_misuse_raises_flow_error(flow):
    s = Session(flow)
    with pytest.raises(FlowError, match="needs a form"):
        s.submit({})
    with pytest.raises(FlowError, match="not a choice"):
        s.choose("maybe")
    s.choose("yes")
    with pytest.raises(FlowError, match="is a outcome"):
        s.choose("no")


def test_submit_rejects_unknown_fields_and_reports_missing_required(flow):
    s = Session(flow)
    for answer in ("no", "ethereum", "processing", "unsolved"):
        s.choose(answer)
    with pytest.raises(FlowError, match="no field"):
        s.submit({"tx_hash": EVM_TX, "password": "x"})
    with pytest.raises(FieldErrors) as info:
        s.submit({"note": "only a note"})
    assert set(info.value.errors) == {"tx_hash"}
    assert info.value.errors["tx_hash"].code == "required"
    assert s.current.id == "details"


def test_back_restores_the_previous_state_exactly(flow):
    s = Session(flow)
    s.choose("no")
    before = s.to_dict()
    s.choose("tron")
    assert s.back() is True
    assert s.to_dict() == before and s.current.id == "network"


def test_back_at_the_start_returns_false(flow):
    assert Session(flow).back() is False


def test_changing_an_earlier_answer_keeps_answers_that_still_fit(flow):
    s = Session(flow)
    for answer in ("no", "ethereum", "processing"):
        s.choose(answer)
    dropped = s.change_answer("network", "tron")
    assert dropped == []  # "processing" → wait does not depend on the network
    assert [e.node_id for e in s.path] == ["safety", "network", "status"]
    assert s.current.id == "wait"


def test_changing_an_earlier_answer_drops_the_answers_that_depended_on_it(flow):
    s = Session(flow)
    for answer in ("no", "tron", "completed", "unsolved"):
        s.choose(answer)
    s.submit({"tx_hash": TRON_TXID})
    dropped = s.change_answer("network", "ethereum")
    # completed now leads to add_token, so the energy step's answer and the form no longer apply
    assert s.current.id == "add_token"
    assert "energy" in dropped and "details" in dropped


def test_changing_the_network_drops_a_form_whose_hash_no_longer_fits(flow):
    s = Session(flow)
    for answer in ("no", "ethereum", "processing", "unsolved"):
        s.choose(answer)
    s.submit({"tx_hash": EVM_TX})
    dropped = s.change_answer("network", "solana")  # a 0x hash is no Solana signature
    assert s.current.id == "details"
    assert dropped == ["details"]


def test_goto_answered_reopens_a_node_and_drops_what_followed(flow):
    s = Session(flow)
    for answer in ("no", "tron", "completed"):
        s.choose(answer)
    assert s.goto_answered("network") == ["network", "status"]
    assert s.current.id == "network"


def test_restart_clears_everything(flow):
    s = Session(flow)
    s.choose("no")
    s.restart()
    assert s.current.id == "safety" and s.path == ()


def test_to_dict_from_dict_round_trip(flow):
    s = Session(flow)
    for answer in ("no", "tron", "completed", "unsolved"):
        s.choose(answer)
    s.submit({"tx_hash": TRON_TXID, "note": "已经等了两个小时"})
    data = s.to_dict()
    restored = Session.from_dict(flow, data)
    assert restored.to_dict() == data
    assert restored.current.id == s.current.id


def test_from_dict_rejects_foreign_or_inconsistent_state(flow):
    with pytest.raises(FlowError, match="format"):
        Session.from_dict(flow, {"format": 99, "flow": flow.id, "answers": []})
    with pytest.raises(FlowError, match="for flow"):
        Session.from_dict(flow, {"format": 1, "flow": "other", "answers": []})
    with pytest.raises(FlowError, match="does not follow"):
        Session.from_dict(flow, {"format": 1, "flow": flow.id, "answers": [["status", "completed"]]})
