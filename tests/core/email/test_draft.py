"""The support-request draft: every detail verbatim, steps tried, bilingual body, recipients, and the CLI exits."""
from __future__ import annotations

import json
from email import policy
from email.parser import BytesParser

import pytest
from mnemonic import Mnemonic

from assistant.checks.templates import check_templates
from assistant.cli import main
from assistant.email.draft import TEMPLATE_VARIABLES, _utc_of, build_draft
from assistant.email.samples import sample_walk
from assistant.flows.engine import Session
from assistant.flows.model import NodeKind, OutcomeKind
from tests.seeded import random_bytes

LOCALES = ("zh-CN", "en")


def walked(catalog, flow_id: str, targets=(OutcomeKind.ESCALATE,)) -> Session:
    session = Session(catalog.flows[flow_id])
    assert sample_walk(session, targets=targets), f"no {targets} outcome reachable in {flow_id}"
    return session


def exchange_session(catalog) -> Session | None:
    """Any flow walked to an escalation addressed to the exchange."""
    for flow in catalog.flows.values():
        session = Session(flow)
        if sample_walk(session, want=lambda n: n.outcome is OutcomeKind.ESCALATE and n.recipient == "exchange"):
            return session
    return None


@pytest.fixture(scope="module")
def session(catalog):
    return walked(catalog, "pending_transaction")


@pytest.mark.parametrize("locale", LOCALES)
def test_body_holds_every_detail_verbatim_with_steps_and_acknowledgement(catalog, session, locale):
    draft = build_draft(session, catalog, locale)
    values = session.form_values()
    assert values, "the walk should have filled a form"
    for name, _value in values.items():
        detail = next(d for d in draft.details if d.name == name)
        assert detail.value in draft.body, name
    for entry in session.path:
        if entry.kind is NodeKind.STEP:  # what was done, in the agent's words; never the advice heading
            assert catalog.text(locale, f"email_labels.steps.{entry.node_id}") in draft.body
            assert catalog.text(locale, f"pending_transaction.nodes.{entry.node_id}.title") not in draft.body
    assert draft.reference in draft.subject and draft.reference in draft.body
    assert draft.to == catalog.profile.support_email
    ack = {"zh-CN": "绝不会索要助记词", "en": "never asks for a recovery phrase"}[locale]
    assert ack in draft.body


def test_subject_states_the_case_network_and_reference_not_the_home_title(catalog, session):
    draft = build_draft(session, catalog, "en")
    assert catalog.text("en", "pending_transaction.flow.title") not in draft.subject
    assert draft.context["case"] and draft.context["case"] in draft.subject
    assert draft.context["network"] and draft.context["network"] in draft.subject
    assert "\n" not in draft.subject


def test_excluded_detail_and_its_derived_rows_leave_the_body(catalog, session):
    tx = next(d for d in build_draft(session, catalog, "en").details if d.kind == "tx_hash")
    draft = build_draft(session, catalog, "en", excluded=frozenset({tx.name}))
    assert tx.value not in draft.body  # the explorer link holding the hash went with it
    assert next(d for d in draft.details if d.name == tx.name).included is False
    assert tx.value not in draft.public_values


def test_explorer_link_follows_a_transaction_hash(catalog, session):
    draft = build_draft(session, catalog, "en")
    tx = next(d for d in draft.details if d.kind == "tx_hash")
    assert f"/tx/{tx.value}" in draft.body


def test_utc_is_added_only_when_missing():
    assert _utc_of("2026-11-20T14:05+08:00") == "2026-11-20T06:05Z"
    assert _utc_of("2026-11-20T14:05+08:00 (UTC 2026-11-20T06:05Z)") is None
    assert _utc_of("2026-11-20 14:05") is None  # no zone: nothing to convert
    assert _utc_of("yesterday") is None


def test_bilingual_body_has_both_languages_and_one_reference(catalog, session):
    draft = build_draft(session, catalog, "zh-CN", bilingual=True)
    assert draft.bilingual and draft.languages == ("zh-CN", "en")
    zh, en = draft.body.split("English version below", 1)
    assert "尊敬的" in zh and "Hello" in en
    assert draft.context["case"] in draft.subject
    assert build_draft(session, catalog, "en").context["case"] in draft.subject
    assert draft.body.count(draft.reference) == 2


def test_bilingual_is_ignored_for_an_english_email(catalog, session):
    draft = build_draft(session, catalog, "en", bilingual=True)
    assert not draft.bilingual and "English version below" not in draft.body


def test_attachments_and_earlier_tickets_are_listed(catalog, session):
    draft = build_draft(session, catalog, "en", attachments=("screen 1.png",))
    assert "- screen 1.png" in draft.body
    tickets = session.form_values().get("earlier_tickets")
    if tickets:
        assert tickets.split(",")[0].strip() in draft.body


def test_exchange_requests_start_without_recipient(catalog):
    session = exchange_session(catalog)
    if session is None:
        pytest.skip("no flow ends with an exchange escalation in the shipped content")
    draft = build_draft(session, catalog, "en")
    assert draft.recipient == "exchange" and draft.to == ""
    assert build_draft(session, catalog, "en", to="support@exchange.example").to == "support@exchange.example"


def test_templates_use_only_allowed_variables_and_render(catalog):
    assert {"details", "steps", "attachments", "tickets", "reference"} <= TEMPLATE_VARIABLES
    assert check_templates(catalog, list(LOCALES)) == []


# ---- command line -----------------------------------------------------------------------------------------------
def _run(capsys, *args):
    code = main(["draft", "--flow", "pending_transaction", "--sample", *args])
    return code, capsys.readouterr()


def test_cli_writes_eml_by_suffix(capsys, tmp_path):
    out = tmp_path / "request.eml"
    code, cap = _run(capsys, "--locale", "zh-CN", "--out", str(out))
    assert code == 0, cap.err
    msg = BytesParser(policy=policy.default).parsebytes(out.read_bytes())
    assert msg["X-Unsent"] == "1" and msg["To"] == "service@tokenpocket.pro"
    assert "尊敬的" in msg.get_body(("plain",)).get_content()


def test_cli_writes_txt_by_suffix(capsys, tmp_path):
    out = tmp_path / "request.txt"
    code, cap = _run(capsys, "--locale", "en", "--bilingual", "--out", str(out))
    assert code == 0, cap.err
    assert out.read_text(encoding="utf-8").startswith("To: service@tokenpocket.pro\nSubject: [TokenPocket]")


def test_cli_rejects_other_suffixes(capsys, tmp_path):
    code, cap = _run(capsys, "--out", str(tmp_path / "request.docx"))
    assert code == 2 and ".eml" in cap.err


def test_cli_exits_3_when_an_attachment_holds_a_phrase(capsys, tmp_path):
    phrase = Mnemonic("english").to_mnemonic(random_bytes(16))
    notes = tmp_path / "notes.txt"
    notes.write_text(f"backup:\n{phrase}\n", encoding="utf-8")
    out = tmp_path / "request.eml"
    code, cap = _run(capsys, "--attach", str(notes), "--out", str(out))
    assert code == 3
    assert not out.exists()
    assert "blocked" in cap.err and "mnemonic" in cap.err
    assert phrase not in cap.err and phrase not in cap.out


def test_cli_exits_3_for_an_unconfirmed_key_in_free_text(capsys, tmp_path):
    key = random_bytes(32).hex()
    out = tmp_path / "request.txt"
    code, cap = _run(capsys, "--field", f"description=I copied this from the app: {key}", "--out", str(out))
    if code == 2:
        pytest.skip("this path has no free-text field: " + cap.err)
    assert code == 3 and not out.exists()
    assert key not in cap.err and key not in cap.out


def test_cli_exits_3_on_stdout_too(capsys):
    code, cap = _run(capsys, "--to", "help@tokenpocket.pro, " + Mnemonic("english").to_mnemonic(random_bytes(16)))
    assert code == 3 and cap.out == ""


def test_cli_warns_about_a_lookalike_recipient(capsys, tmp_path):
    code, cap = _run(capsys, "--to", "help@tokenpocket-support.com", "--out", str(tmp_path / "r.txt"))
    assert code == 0 and "imitates" in cap.err


def test_scan_reports_positions_without_the_secret(capsys, tmp_path):
    phrase = Mnemonic("english").to_mnemonic(random_bytes(32))
    path = tmp_path / "paste.txt"
    path.write_text(f"hello\nmy phrase: {phrase}\n", encoding="utf-8")
    assert main(["scan", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:2:" in out and "block[mnemonic]" in out
    assert phrase not in out and " ".join(phrase.split()[:3]) not in out
    assert main(["scan", str(path), "--format", "json"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["kind"] == "mnemonic" and rows[0]["line"] == 2 and rows[0]["severity"] == "block"


def test_scan_exits_0_on_public_data(capsys, tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("TRON TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\nhttps://etherscan.io/tx/0x" + random_bytes(32).hex() + "\n",
                    encoding="utf-8")
    assert main(["scan", str(path)]) == 0


def test_scan_missing_file_is_a_usage_error(capsys, tmp_path):
    assert main(["scan", str(tmp_path / "nope.txt")]) == 2


def test_a_broken_email_template_falls_back_to_the_source_language(content_copy, monkeypatch):
    from assistant.commands.draft import sample_walk
    from assistant.content.catalog import load_catalog
    from assistant.email.draft import build_draft

    en = content_copy / "locales" / "en" / "email.toml"
    en.write_text(en.read_text(encoding="utf-8").replace("{{ case }}", "{{ case", 1), encoding="utf-8")
    from assistant.flows.engine import Session

    catalog = load_catalog(content_copy)
    session = Session(catalog.flows["pending_transaction"])
    assert sample_walk(session)
    draft = build_draft(session, catalog, "en")
    assert "我知道" in draft.body  # the zh-CN template rendered the email instead


def test_the_reference_stays_the_same_when_the_draft_is_rebuilt(catalog):
    from datetime import datetime, timedelta, timezone

    from assistant.commands.draft import sample_walk
    from assistant.email.draft import build_draft
    from assistant.flows.engine import Session

    session = Session(catalog.flows["pending_transaction"])
    assert sample_walk(session)
    morning = datetime(2026, 11, 20, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    first = build_draft(session, catalog, "zh-CN", now=morning)
    again = build_draft(session, catalog, "en", now=morning + timedelta(hours=3), bilingual=True)
    assert first.context["reference"] == again.context["reference"]
    assert first.context["reference"] in again.subject


def test_an_impostor_link_in_the_email_is_defanged_but_exact():
    from assistant.email.draft import defang

    assert defang("https://tokenpocket-support.example/verify?id=7") == "hxxps://tokenpocket-support[.]example/verify?id=7"
    assert defang("not a url") == "not a url"


def test_urgent_emails_say_so_in_subject_and_summary(catalog):
    from assistant.commands.draft import sample_walk
    from assistant.email.draft import build_draft
    from assistant.flows.engine import Session
    from assistant.flows.model import OutcomeKind

    session = Session(catalog.flows["stuck_withdrawal"])
    assert sample_walk(session, {"safety_contact": "yes"}, targets=(OutcomeKind.URGENT,))
    zh = build_draft(session, catalog, "zh-CN")
    en = build_draft(session, catalog, "en")
    assert zh.subject.startswith("【紧急】") and "【紧急】" in zh.body
    assert en.subject.startswith("[URGENT]") and "URGENT:" in en.body
