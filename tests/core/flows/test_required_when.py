"""A field that is optional in general but required after a given answer: the memo of an XRP deposit becomes
required once the missing memo was the problem, and the transaction hash once the person sent it themselves."""
from pathlib import Path

import pytest

from assistant.errors import ContentError, FieldErrors
from assistant.flows.engine import Session
from assistant.flows.parse import graph_problems, parse_flow
from assistant.toml_positions import read_toml
from assistant.validation.fields import FIELD_KINDS

DEPOSIT_FLOW = '''[flow]
start = "problem"

[nodes.problem]
kind = "question"
next = "details"
choices = [{ id = "memo" }, { id = "late" }]

[nodes.details]
kind = "form"
next = "done"
fields = [
    { name = "memo", kind = "text", required = false, required_when = { problem = ["memo"] } },
    { name = "deposit_address", kind = "text" },
]

[nodes.done]
kind = "outcome"
outcome = "escalate"
'''
ADDRESS = "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"


def parse(tmp_path: Path, text: str):
    path = tmp_path / "deposit.toml"
    path.write_text(text, encoding="utf-8")
    source = read_toml(path)
    return parse_flow(source, FIELD_KINDS, lambda part: None), source


def test_a_field_is_required_only_after_the_answer_that_calls_for_it(tmp_path):
    flow, _ = parse(tmp_path, DEPOSIT_FLOW)
    memo_case = Session(flow)
    memo_case.choose("memo")
    assert {f.name: f.required for f in memo_case.visible_fields()} == {"memo": True, "deposit_address": True}
    with pytest.raises(FieldErrors) as caught:
        memo_case.submit({"deposit_address": ADDRESS})
    assert set(caught.value.errors) == {"memo"} and caught.value.errors["memo"].code == "required"
    memo_case.submit({"memo": "104857", "deposit_address": ADDRESS})
    assert memo_case.current.id == "done"

    late_case = Session(flow)
    late_case.choose("late")
    assert not next(f for f in late_case.visible_fields() if f.name == "memo").required
    late_case.submit({"deposit_address": ADDRESS})
    assert late_case.current.id == "done"


def test_changing_the_earlier_answer_to_the_one_that_requires_the_field_drops_the_form_without_it(tmp_path):
    flow, _ = parse(tmp_path, DEPOSIT_FLOW)
    session = Session(flow)
    session.choose("late")
    session.submit({"deposit_address": ADDRESS})
    dropped = session.change_answer("problem", "memo")
    assert dropped == ["details"] and session.current.id == "details"


def test_required_when_on_a_field_that_is_always_required_is_an_error(tmp_path):
    text = DEPOSIT_FLOW.replace('required = false, required_when', 'required_when')
    with pytest.raises(ContentError) as caught:
        parse(tmp_path, text)
    assert caught.value.code == "E010" and "required = false" in caught.value.message


def test_required_when_naming_an_unknown_answer_is_reported_by_check(tmp_path):
    flow, source = parse(tmp_path, DEPOSIT_FLOW.replace('problem = ["memo"]', 'problem = ["tag"]'))
    problems = graph_problems(flow, source)
    assert [p.code for p in problems] == ["E016"] and "'tag'" in problems[0].message
