"""The follow-up on an open ticket, the official channels, the sample cases, and wording that never falls back to a
question."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from assistant.cli import main
from assistant.email import samples
from assistant.email.draft import build_draft
from assistant.email.followup import FollowUpError, build_follow_up, error_text, official_channels
from assistant.email.wording import Wording, addresses_reader
from assistant.flows.engine import Session
from assistant.validation.fields import validate

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=timezone(timedelta(hours=8)))


@pytest.fixture
def withdrawal(catalog) -> Session:
    session = Session(catalog.flows["stuck_withdrawal"])
    assert samples.sample_walk(session, {"direction": "to_wallet", "exchange_status": "completed",
                                         "txid_lookup": "success", "compare_address": "same", "network": "tron"},
                               now=NOW)
    return session


@pytest.mark.parametrize("locale", ("en", "zh-CN", "zh-TW"))
def test_follow_up_states_ticket_first_date_change_and_need(catalog, withdrawal, locale):
    first = build_draft(withdrawal, catalog, locale, now=datetime(2026, 11, 20, 9, 0, tzinfo=NOW.tzinfo))
    draft = build_follow_up(withdrawal, catalog, locale, ticket="TP-20261120-0042", first_sent="2026-11-20",
                            changed="The exchange now marks it completed.", needed="Where the funds are.", now=NOW,
                            first_reference=first.reference.lower())
    assert "TP-20261120-0042" in draft.subject and "TP-20261120-0042" in draft.body
    assert "2026-11-20" in draft.body
    assert "The exchange now marks it completed." in draft.body and "Where the funds are." in draft.body
    assert draft.reference == first.reference and draft.reference in draft.subject  # matches the first request
    assert draft.context["case"] in draft.subject
    for value in withdrawal.form_values().values():
        if len(value) > 30:
            assert value in draft.body
    text = draft.subject + draft.body
    for value in (*withdrawal.form_values().values(), "The exchange now marks it completed.", "Where the funds are."):
        text = text.replace(value, "")
    assert not any(addresses_reader(line) for line in text.splitlines())


@pytest.mark.parametrize("locale", ("en", "zh-CN", "zh-TW", "ja", "ko"))
def test_a_follow_up_without_the_first_reference_quotes_none(catalog, withdrawal, locale):
    """Working the reference out again from today's details would name one the ticket does not hold."""
    draft = build_follow_up(withdrawal, catalog, locale, ticket="TP-20261120-0042", first_sent="2026-11-20", now=NOW)
    assert draft.reference == "" and "WSA-" not in draft.subject + draft.body
    assert "TP-20261120-0042" in draft.subject and "2026-11-20" in draft.body


def test_a_first_reference_that_is_not_one_is_refused(catalog, withdrawal):
    with pytest.raises(FollowUpError) as caught:
        build_follow_up(withdrawal, catalog, "en", ticket="#318842", first_sent="2026-11-20", now=NOW,
                        first_reference="TP-20261120-0042")
    assert caught.value.field == "first_reference"
    assert "WSA-1A2B3C" in error_text(catalog, "zh-CN", caught.value)


def test_follow_up_without_changes_says_so(catalog, withdrawal):
    draft = build_follow_up(withdrawal, catalog, "en", ticket="#318842", first_sent=date(2026, 11, 20), now=NOW)
    assert "Nothing: the problem is unchanged." in draft.body


@pytest.mark.parametrize(("ticket", "first_sent", "message"), [
    ("", "2026-11-20", "required"),
    ("ticket no. 5!", "2026-11-20", "ticket_format"),
    ("#318842", "20/11/2026", "date_format"),
    ("#318842", "", "required"),
    ("#318842", "2026-12-01", "datetime_in_future"),
    ("#318842", "2001-01-01", "datetime_too_early"),
])
def test_follow_up_rejects_a_ticket_or_date_that_cannot_be_right(catalog, withdrawal, ticket, first_sent, message):
    with pytest.raises(FollowUpError) as caught:
        build_follow_up(withdrawal, catalog, "en", ticket=ticket, first_sent=first_sent, now=NOW)
    assert caught.value.problem.code == message
    for locale in ("en", "zh-CN", "zh-TW"):  # worded in content, in every language
        text = error_text(catalog, locale, caught.value)
        assert text and not text.startswith("[") and "{" not in text


def test_follow_up_from_the_command_line_lists_the_official_channels(capsys):
    code = main(["draft", "--flow", "pending_transaction", "--sample", "--locale", "en", "--follow-up",
                 "--ticket", "#318842", "--first-sent", "2026-01-05", "--changed", "Still pending after 3 days."])
    cap = capsys.readouterr()
    assert code == 0, cap.err
    assert "Follow-up on ticket #318842" in cap.out and "first sent on 2026-01-05" in cap.out
    assert "Still pending after 3 days." in cap.out
    assert "<service@tokenpocket.pro>" in cap.err and "<https://help.tokenpocket.pro>" in cap.err
    assert "no phone support" in cap.err


def test_follow_up_needs_a_ticket_on_the_command_line(capsys):
    code = main(["draft", "--flow", "pending_transaction", "--sample", "--follow-up", "--first-sent", "2026-01-05",
                 "--locale", "en"])
    assert code == 2 and "--ticket: This field is required." in capsys.readouterr().err


def test_channels_come_only_from_the_profile_and_end_with_what_is_never_official(catalog):
    ladder = official_channels(catalog, "zh-CN")
    domains = catalog.profile.domains
    assert [c.id for c in ladder][-1] == "never"
    for channel in ladder:
        assert channel.purpose
        if channel.target:
            host = channel.target.split("@")[-1].split("://")[-1].split("/")[0]
            assert any(host == d or host.endswith("." + d) for d in domains), channel.target
    assert [c.id for c in official_channels(catalog, "en", "exchange")][:2] == ["exchange_app", "exchange_site"]
    assert all(not c.target for c in official_channels(catalog, "en", "exchange"))  # never a pre-filled address


# ---- samples -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("network", ("ethereum", "tron", "bitcoin", "solana", "base"))
def test_a_sample_fits_its_network(catalog, network):
    session = Session(catalog.flows["pending_transaction"])
    assert samples.sample_walk(session, {"network": network, "explorer_status": "pending"}, now=NOW)
    values = session.form_values()
    shown = {f.name: f for e in session.path for f in session.flow.node(e.node_id).fields}
    for name, value in values.items():
        field = shown[name]
        assert validate(field.kind, value, network if field.chain_from else None)[1] is None, (name, value)
    symbol, _amount = samples.asset(network)
    assert values["amount"].endswith(" " + symbol)
    assert values["from_address"] != values.get("to_address")
    assert "dapp_url" not in values and "earlier_tickets" not in values  # nothing the case does not call for
    if network == "bitcoin":
        assert "token_contract" not in values and values["fee"].endswith("sat/vB")


def test_a_sample_leaves_out_what_the_case_does_not_have(catalog):
    session = Session(catalog.flows["stuck_withdrawal"])
    assert samples.sample_walk(session, {"direction": "to_wallet", "exchange_status": "processing"}, now=NOW)
    values = session.form_values()
    assert "tx_hash" not in values  # a withdrawal still processing has no TxID yet
    assert "memo" not in values


@pytest.mark.parametrize("locale", ("en", "zh-CN", "zh-TW"))
def test_the_sample_description_is_in_the_email_language(catalog, locale):
    session = Session(catalog.flows["login_failure"])
    assert samples.sample_walk(session, {"problem": "crash"}, locale=locale, now=NOW)
    assert session.form_values()["description"] == samples.DESCRIPTIONS["login_failure"][locale]


def test_samples_are_repeatable(catalog):
    first, again = (Session(catalog.flows["lost_wallet"]) for _ in range(2))
    assert samples.sample_walk(first, now=NOW) and samples.sample_walk(again, now=NOW)
    assert first.form_values() == again.form_values()


# ---- wording fallbacks ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("locale", ("en", "zh-CN", "zh-TW"))
def test_a_name_without_agent_wording_never_falls_back_to_the_question(catalog, locale):
    words = Wording(catalog, locale)
    # a field a flow might add tomorrow: the neutral name of its id
    assert words.field("pending_transaction", "tx_report", "impostor_telegram_id") == "Impostor telegram id"
    # a question's own label is a question: never used
    label = words.fact("pending_transaction", "new_question", "maybe")
    assert not addresses_reader(label)
    assert words.step("pending_transaction", "brand_new_step") == "Brand new step"


def test_a_typed_network_name_is_used_for_another_network(catalog):
    from assistant.email.case import derive_case

    # "Another network" always asks which one now; the answer "none of these" leads to a typed name.
    session = Session(catalog.flows["pending_transaction"])
    assert samples.sample_walk(session, {"network": "other", "which_network": "typed", "explorer_status": "pending"},
                               now=NOW)
    case = derive_case(session)
    typed = session.form_values()["network_name"]
    assert typed and Wording(catalog, "en").network(case) == typed
    draft = build_draft(session, catalog, "en")
    assert f"Network: {typed}" in draft.body and "not identified" not in draft.body
    named = type(case)(**{**{f: getattr(case, f) for f in case.__dataclass_fields__},
                          "network_detail": "TON", "network_detail_typed": True})
    assert Wording(catalog, "en").network(named) == "TON"


def test_check_warns_about_a_flow_name_without_agent_wording(content_copy):
    from assistant.checks.catalog import run_checks

    labels = content_copy / "locales" / "zh-CN" / "email_labels.toml"
    labels.write_text(labels.read_text(encoding="utf-8").replace('tx_hash = "交易哈希"\n', ""), encoding="utf-8")
    found = [p for p in run_checks(content_copy) if p.code == "W034"]
    assert found and all("tx_hash" in p.message for p in found)
