"""The flow format without copy-paste: a question's default route, unknown keys as errors with their position,
and shared parts (the safety gate) written once and included by every flow, positions kept through the include."""
import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.checks.catalog import run_checks
from assistant.content.catalog import load_catalog
from assistant.errors import ContentError
from assistant.flows.engine import Session
from assistant.flows.parse import parse_flow
from assistant.i18n import l10n
from assistant.toml_positions import read_toml
from assistant.validation.fields import FIELD_KINDS
from tests.core.content_fixture import line_of

ROOT = Path(__file__).resolve().parents[3]

NETWORK_FLOW = '''[flow]
start = "network"

[nodes.network]
kind = "question"
next = [
    { when = { network = ["tron"] }, to = "energy" },
    { to = "explorer" },
]
choices = [
    { id = "ethereum" },
    { id = "tron" },
    { id = "other", next = "ask" },
]

[nodes.energy]
kind = "outcome"
outcome = "resolved"

[nodes.explorer]
kind = "outcome"
outcome = "resolved"

[nodes.ask]
kind = "outcome"
outcome = "escalate"
'''


def parse(tmp_path: Path, text: str, name: str = "withdrawal", parts: dict[str, str] | None = None):
    for part, body in (parts or {}).items():
        (tmp_path / f"{part}.toml").write_text(body, encoding="utf-8")
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")

    def read_part(part: str):
        file = tmp_path / f"{part}.toml"
        return read_toml(file) if file.exists() else None

    return parse_flow(read_toml(path), FIELD_KINDS, read_part)


def error_of(tmp_path: Path, text: str, **kw) -> ContentError:
    with pytest.raises(ContentError) as caught:
        parse(tmp_path, text, **kw)
    return caught.value


def position(path: Path, needle: str, occurrence: int = 1) -> tuple[int, int]:
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        col = line.find(needle)
        if col >= 0:
            seen += 1
            if seen == occurrence:
                return number, col + 1
    raise AssertionError(needle)


# ---- default route of a question ---------------------------------------------------------------------------------
def test_a_question_default_route_serves_every_choice_without_its_own(tmp_path):
    flow = parse(tmp_path, NETWORK_FLOW)
    outcomes = {}
    for choice in ("ethereum", "tron", "other"):
        session = Session(flow)
        session.choose(choice)
        outcomes[choice] = session.current.id
    assert outcomes == {"ethereum": "explorer", "tron": "energy", "other": "ask"}


def test_a_choice_without_next_and_no_default_names_its_position(tmp_path):
    text = NETWORK_FLOW.replace('next = [\n    { when = { network = ["tron"] }, to = "energy" },\n    { to = "explorer" },\n]\n', "")
    err = error_of(tmp_path, text)
    assert (err.code, err.line, err.col) == ("E010", *position(tmp_path / "withdrawal.toml", 'id = "ethereum"'))
    assert "ethereum" in err.message and "next" in err.message


def test_a_default_route_no_choice_uses_is_an_error(tmp_path):
    text = NETWORK_FLOW.replace('{ id = "ethereum" }', '{ id = "ethereum", next = "explorer" }').replace(
        '{ id = "tron" }', '{ id = "tron", next = "energy" }')
    err = error_of(tmp_path, text)
    assert err.code == "E010" and "never" in err.message
    assert (err.line, err.col) == position(tmp_path / "withdrawal.toml", "next = [")


def test_steps_without_their_own_routes_use_the_flow_defaults(tmp_path):
    text = NETWORK_FLOW.replace('start = "network"', 'start = "refresh"\nsteps = { solved = "explorer", unsolved = "ask" }')
    text += '\n[nodes.refresh]\nkind = "step"\nsolved = "energy"\n\n[nodes.check]\nkind = "step"\n'
    text = text.replace('{ id = "other", next = "ask" }', '{ id = "other", next = "check" }')
    flow = parse(tmp_path, text)
    assert [r.to for r in flow.node("refresh").choice("solved").routes] == ["energy"]
    assert [r.to for r in flow.node("refresh").choice("unsolved").routes] == ["ask"]
    assert [r.to for r in flow.node("check").choice("solved").routes] == ["explorer"]


def test_a_step_with_no_route_and_no_default_is_an_error(tmp_path):
    err = error_of(tmp_path, NETWORK_FLOW + '\n[nodes.check]\nkind = "step"\nsolved = "ask"\n')
    assert err.code == "E010" and "unsolved" in err.message
    assert err.line == position(tmp_path / "withdrawal.toml", "[nodes.check]")[0]


# ---- keys the parser does not use ------------------------------------------------------------------------------
@pytest.mark.parametrize(("before", "after", "needle"), [
    # `next` on a step used to be ignored silently: the step's routes are solved/unsolved
    ('[nodes.energy]\nkind = "outcome"', '[nodes.energy]\nkind = "outcome"\nnext = "explorer"', 'next = "explorer"'),
    # a misspelt key inside a choice's inline table
    ('{ id = "tron" }', '{ id = "tron", nxt = "energy" }', "nxt ="),
    # a misspelt condition on a route
    ('{ to = "explorer" }', '{ to = "explorer", whn = { network = ["tron"] } }', "whn ="),
    # a misplaced top-level table
    ("[flow]", '[flows]\nstart = "x"\n\n[flow]', "[flows]"),
])
def test_unknown_keys_are_errors_at_their_line_and_column(tmp_path, before, after, needle):
    assert before in NETWORK_FLOW
    err = error_of(tmp_path, NETWORK_FLOW.replace(before, after, 1))
    line, col = position(tmp_path / "withdrawal.toml", needle)
    assert (err.code, err.line) == ("E010", line)
    assert err.col == (1 if needle.startswith("[") else col)
    assert "unknown key" in err.message


def test_an_unknown_field_key_is_found_in_its_own_inline_table(tmp_path):
    text = '''[flow]
start = "details"

[nodes.details]
kind = "form"
next = "done"
fields = [
    { name = "tx_hash", kind = "tx_hash" },
    { name = "memo", kind = "text", requierd = false },
]

[nodes.done]
kind = "outcome"
outcome = "escalate"
'''
    err = error_of(tmp_path, text)
    assert (err.code, err.line, err.col) == ("E010", *position(tmp_path / "withdrawal.toml", "requierd"))
    assert "'memo'" in err.message


# ---- shared parts -------------------------------------------------------------------------------------------------
GATE = '''[part]
parameters = ["after_gate"]

[nodes.gate]
kind = "question"
critical = true
choices = [{ id = "yes", next = "scam" }, { id = "no", next = "$after_gate" }]

[nodes.scam]
kind = "outcome"
outcome = "urgent"
critical = true
'''

USES_GATE = '''[flow]
start = "gate"

[include._gate]
after_gate = [{ when = { gate = ["no"] }, to = "fix" }, { to = "fix" }]

[nodes.fix]
kind = "outcome"
outcome = "resolved"
'''


def test_an_included_part_adds_its_nodes_with_the_parameters_filled_in(tmp_path):
    flow = parse(tmp_path, USES_GATE, parts={"_gate": GATE})
    assert set(flow.nodes) == {"gate", "scam", "fix"}
    assert flow.node("gate").origin == "_gate" and flow.node("fix").origin == ""
    assert flow.path_of(flow.node("gate")) == tmp_path / "_gate.toml"
    assert flow.text_base(flow.node("gate")) == "_gate.nodes.gate"
    assert [r.to for r in flow.node("gate").choice("no").routes] == ["fix", "fix"]
    session = Session(flow)
    session.choose("no")
    assert session.current.id == "fix"


@pytest.mark.parametrize(("change", "needle", "in_part"), [
    (lambda f, g: (f.replace("after_gate = [", "after_gat = ["), g), "after_gat =", False),
    (lambda f, g: (f.replace('after_gate = [{ when = { gate = ["no"] }, to = "fix" }, { to = "fix" }]\n', ""), g),
     "[include._gate]", False),
    (lambda f, g: (f.replace('{ to = "fix" }]', '{ to = "fixx" }]'), g), "after_gate =", False),
    (lambda f, g: (f.replace("[include._gate]", "[include._gone]"), g), "[include._gone]", False),
    (lambda f, g: (f, g.replace('"$after_gate"', '"$after"')), '"$after"', True),
    (lambda f, g: (f + '\n[nodes.scam]\nkind = "outcome"\noutcome = "resolved"\n', g), "[nodes.scam]", False),
])
def test_include_mistakes_are_errors_where_they_are_made(tmp_path, change, needle, in_part):
    flow_text, gate_text = change(USES_GATE, GATE)
    err = error_of(tmp_path, flow_text, parts={"_gate": gate_text})
    file = tmp_path / ("_gate.toml" if in_part else "withdrawal.toml")
    assert err.path == file and err.line == position(file, needle)[0], err


def test_check_reports_a_problem_in_the_shared_gate_once_at_its_own_line(content_copy):
    gate = content_copy / "flows" / "_safety_gate.toml"
    text = gate.read_text(encoding="utf-8")
    gate.write_text(text.replace('next = "leak_urgent"', 'next = "leak_urgnet"'), encoding="utf-8")
    problems = [p for p in run_checks(content_copy) if p.code == "E012"]
    assert [(p.path, p.line) for p in problems] == [(gate, line_of(gate, 'next = "leak_urgnet"'))]
    assert problems[0].col == line_of_col(gate, 'next = "leak_urgnet"')


def line_of_col(path: Path, needle: str) -> int:
    return position(path, needle)[1]


def test_check_reports_a_missing_shared_text_in_the_shared_file_once(content_copy):
    zh = content_copy / "locales" / "zh-CN" / "_safety_gate.toml"
    text = zh.read_text(encoding="utf-8")
    zh.write_text(re.sub(r'(\[nodes\.leak_act_now\]\n)title = "[^"]*"\n', r"\1", text), encoding="utf-8")
    missing = [p for p in run_checks(content_copy) if p.code == "E020"]
    assert [(p.path, p.line) for p in missing] == [(zh, line_of(zh, "[nodes.leak_act_now]"))]
    assert "shared part" in missing[0].message


def test_a_shared_text_is_written_once_and_a_flow_may_word_it_its_own_way(catalog):
    gate_title = catalog.text("en", "_safety_gate.nodes.safety_contact.title")
    assert gate_title
    for flow_id, flow in catalog.flows.items():
        assert catalog.text("en", f"{flow_id}.nodes.safety_contact.title") == gate_title
        assert flow.node("safety_contact").origin == "_safety_gate"
    # the network's choices are shared; pending_transaction asks about "the transaction"
    assert catalog.text("en", "pending_transaction.nodes.network.choices.tron") == \
        catalog.text("en", "_safety_gate.nodes.network.choices.tron")
    assert "transaction" in catalog.text("en", "pending_transaction.nodes.network.title")
    assert "_safety_gate.nodes.safety_contact" in catalog.critical_units


def test_outdated_shared_safety_text_falls_back_and_l10n_accept_locks_it(content_copy):
    zh = content_copy / "locales" / "zh-CN" / "_safety_gate.toml"
    text = zh.read_text(encoding="utf-8")
    zh.write_text(text.replace("真正的客服从不主动联系你", "真正的客服从来不会主动联系你", 1), encoding="utf-8")
    catalog = load_catalog(content_copy)
    unit = "_safety_gate.nodes.safety_contact"
    assert catalog.is_outdated("en", unit)
    shown = catalog.text("en", "login_failure.nodes.safety_contact.body")
    assert "真正的客服从来不会主动联系你" in shown  # critical and outdated: the source is shown, in every flow
    assert any(u.unit == unit and u.state == "outdated" for u in l10n.status(catalog, "en").units)
    assert l10n.accept(catalog, "en", [unit]) == [unit]
    catalog = load_catalog(content_copy)
    assert not catalog.is_outdated("en", unit)
    assert "Real support never contacts you first" in catalog.text("en", "stuck_withdrawal.nodes.safety_contact.body")


# ---- the shipped flows --------------------------------------------------------------------------------------------
FLOW_FILES = sorted((ROOT / "content" / "flows").glob("*.toml"))


@pytest.mark.parametrize("path", FLOW_FILES, ids=lambda p: p.name)
def test_no_flow_file_repeats_a_routing_line_more_than_three_times(path):
    routing = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
               if re.search(r"\b(next|to|solved|unsolved)\s*=", ln)]
    repeated = {ln: n for ln, n in Counter(routing).items() if n > 3}
    assert not repeated, repeated


def test_the_safety_gate_is_written_once(catalog):
    defining = [p.name for p in FLOW_FILES if "[nodes.safety_contact]" in p.read_text(encoding="utf-8")]
    assert defining == ["_safety_gate.toml"]
    for locale in ("zh-CN", "en", "zh-TW"):
        folder = ROOT / "content" / "locales" / locale
        texts = [p.name for p in folder.glob("*.toml") if "[nodes.safety_contact]" in p.read_text(encoding="utf-8")]
        assert texts == ["_safety_gate.toml"], (locale, texts)
    assert all(f.node("safety_contact").origin == "_safety_gate" for f in catalog.flows.values())
    assert len(catalog.flows) == 4 and "_safety_gate" not in catalog.flows
