"""FlowController: Back keeps what was typed, edits name what they drop and can be undone, progress, search,
autosave and "delete my data". No Qt."""
from __future__ import annotations

import pytest

from assistant.app.session import AutosaveNews, FlowController, NoticeKind
from assistant.errors import FieldErrors
from assistant.flows.model import NodeKind, OutcomeKind
from assistant.flows.progress import remaining_depth
from assistant.paths import user_data_dir
from assistant.storage.autosave import AutosaveStore, LoadStatus
from tests.core.app.cases import (
    CALM,
    ETHEREUM_PENDING,
    ETHEREUM_VALUES,
    TRON_PENDING,
    TRON_VALUES,
    walk,
)


def is_form(node) -> bool:
    return node.kind is NodeKind.FORM


@pytest.fixture
def controller(catalog):
    return FlowController(catalog, "zh-CN")


@pytest.fixture
def events(controller):
    fired: list[None] = []
    controller.changed.connect(fired.append)
    return fired


def at_outcome_after_form(controller, answers=ETHEREUM_PENDING, values=ETHEREUM_VALUES):
    controller.open_flow("pending_transaction")
    walk(controller, answers, values)
    form = controller.session.path[-1]
    assert form.kind is NodeKind.FORM and controller.shown_node.kind is NodeKind.OUTCOME
    return form


# ---- Back keeps typed values (issue 11, item 7) -------------------------------------------------------------
def test_back_from_the_outcome_shows_the_form_with_everything_submitted(controller):
    form = at_outcome_after_form(controller)
    assert controller.back()
    assert controller.shown_node.id == form.node_id
    assert controller.shown_answer == dict(form.answer)
    assert controller.shown_answer["from_address"] == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    assert controller.shown_answer["description"] == ETHEREUM_VALUES["description"]


def test_values_stay_through_several_steps_back_and_forward_again(controller):
    form = at_outcome_after_form(controller)
    for _ in range(3):
        controller.back()
    assert not is_form(controller.shown_node) and controller.shown_answer is None
    walk(controller, ETHEREUM_PENDING, {}, until=is_form)  # the same answers again, nothing typed this time
    assert controller.shown_answer == dict(form.answer)


def test_an_earlier_answer_that_makes_values_invalid_drops_only_those(controller):
    form = at_outcome_after_form(controller)
    controller.revisit("network")
    controller.choose("tron")  # an Ethereum address is no TRON address
    assert controller.notice.kind is NoticeKind.DROPPED and form.node_id in controller.notice.node_ids
    walk(controller, TRON_PENDING, {}, until=is_form)
    kept = controller.shown_answer
    for name in ("from_address", "to_address", "token_contract"):
        assert name not in kept, name
    assert kept["amount"] == "250 USDT" and kept["device_os"] == "小米 14，Android 14"
    assert kept["description"] == ETHEREUM_VALUES["description"]


def test_a_field_hidden_by_an_earlier_answer_is_not_prefilled(controller):
    at_outcome_after_form(controller, {**ETHEREUM_PENDING}, {**ETHEREUM_VALUES, "nonce": "42"})
    controller.back()
    assert controller.shown_answer["nonce"] == "42"
    while controller.shown_node.id != "network":
        assert controller.back()
    walk(controller, TRON_PENDING, {}, until=is_form)  # TRON has no nonce field
    assert "nonce" not in controller.shown_answer


def test_start_over_forgets_the_typed_values(controller):
    at_outcome_after_form(controller)
    controller.restart()
    walk(controller, ETHEREUM_PENDING, {}, until=is_form)
    assert controller.shown_answer is None


def test_back_over_a_prefilled_form_loses_nothing_but_new_typing_would(controller):
    at_outcome_after_form(controller)
    controller.back()
    start = dict(controller.shown_answer)
    assert not controller.would_lose_typing(start)
    assert controller.would_lose_typing({**start, "description": start["description"] + " 还试过重启手机。"})
    assert not controller.would_lose_typing({name: "" for name in start})


# ---- answering, editing, undo ----------------------------------------------------------------------------
def test_changed_fires_once_per_change_and_not_for_looking(controller, events):
    controller.open_flow("pending_transaction")
    assert len(events) == 1
    controller.choose(CALM[0])
    controller.choose(CALM[0])
    assert len(events) == 3
    controller.revisit("safety_contact")
    controller.cancel_edit()
    assert len(events) == 3
    assert controller.back() and len(events) == 4
    controller.restart()
    assert len(events) == 5 and not controller.back() and len(events) == 5


def test_invalid_values_raise_and_change_nothing(controller, events):
    controller.open_flow("pending_transaction")
    walk(controller, ETHEREUM_PENDING, {}, until=is_form)
    path, fired = controller.session.path, len(events)
    with pytest.raises(FieldErrors) as raised:
        controller.submit({**{k: ETHEREUM_VALUES[k] for k in ("amount", "time")}, "from_address": "0x12345"})
    assert "from_address" in raised.value.errors
    assert controller.session.path == path and len(events) == fired


def test_an_edit_names_what_it_dropped_and_can_be_undone(controller):
    controller.open_flow("pending_transaction")
    walk(controller, ETHEREUM_PENDING, ETHEREUM_VALUES)
    before = [(e.node_id, e.answer) for e in controller.session.path]
    controller.revisit("explorer_status")
    assert controller.editing == "explorer_status" and controller.shown_answer == "pending"
    controller.choose("not_found")
    dropped = [n for n, _a in before if n not in controller.session.answers]
    assert dropped and controller.notice.node_ids == tuple(dropped)
    assert controller.can_undo_edit
    assert controller.undo_edit()
    assert [(e.node_id, e.answer) for e in controller.session.path] == before
    assert controller.shown_node.kind is NodeKind.OUTCOME and not controller.can_undo_edit


def test_a_new_answer_after_an_edit_ends_its_undo(controller):
    controller.open_flow("pending_transaction")
    controller.choose("no")
    controller.revisit("safety_contact")
    controller.choose("no")
    assert controller.can_undo_edit
    controller.choose("no")
    assert not controller.can_undo_edit and not controller.undo_edit()


def test_progress_counts_answers_against_the_longest_way_left(controller, catalog):
    flow = catalog.flows["pending_transaction"]
    controller.open_flow("pending_transaction")
    longest = remaining_depth(flow, flow.start)
    assert (controller.progress().answered, controller.progress().maximum) == (0, longest)
    controller.choose("no")
    assert controller.progress().answered == 1 and controller.progress().step == 2
    assert controller.progress().maximum == 1 + remaining_depth(flow, controller.session.current.id)
    controller.revisit("safety_contact")
    assert controller.progress().answered == 0  # the bar shows where the revisited node was


def test_a_search_hit_opens_its_flow_with_a_notice(controller):
    hits = controller.search("OUT_OF_ENERGY")
    assert hits and hits[0].flow_id == "pending_transaction"
    assert controller.search("提现没到账")[0].flow_id == "stuck_withdrawal"
    assert controller.search("   ") == []
    step = next(h for h in hits if h.node_id)
    controller.open_search_hit(step.flow_id, step.node_id)
    assert controller.notice.kind is NoticeKind.SEARCH_TARGET and controller.notice.node_ids == (step.node_id,)
    controller.choose("no")
    assert controller.notice is None


# ---- autosave ----------------------------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path):
    return AutosaveStore(tmp_path / "autosave")


def test_every_step_is_saved_and_resumes_on_the_same_node(catalog, store):
    controller = FlowController(catalog, "zh-CN", store)
    controller.open_flow("pending_transaction")
    assert store.load().status is LoadStatus.NONE  # nothing answered yet: an older save would stay
    walk(controller, TRON_PENDING, TRON_VALUES, until=is_form)
    saved = store.load()
    assert saved.status is LoadStatus.OK and saved.state["locale"] == "zh-CN"

    later = FlowController(catalog, "en", store)
    assert later.saved_session_waiting()
    session = later.resume()
    assert [e.node_id for e in session.path] == [e.node_id for e in controller.session.path]
    assert session.current.id == controller.session.current.id


def test_a_resolved_case_leaves_no_save_behind(catalog, store):
    controller = FlowController(catalog, "en", store)
    controller.open_flow("pending_transaction")
    walk(controller, {"network": "ethereum", "explorer_status": "success"}, {},
         until=lambda n: n.kind is NodeKind.STEP)
    assert store.load().status is LoadStatus.OK
    controller.choose("solved")
    assert controller.shown_node.outcome is OutcomeKind.RESOLVED
    assert store.load().status is LoadStatus.NONE


def test_a_failed_save_is_reported(catalog, store, monkeypatch):
    controller = FlowController(catalog, "en", store)
    news = []
    controller.news.connect(news.append)

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save", full_disk)
    controller.open_flow("lost_wallet")
    controller.choose("no")
    assert [n.kind for n in news] == [AutosaveNews.SAVE_FAILED]


def test_a_save_that_no_longer_fits_is_put_aside(catalog, store):
    store.save({"format": 1, "flow": "pending_transaction", "answers": [["no_such_node", "yes"]]}, "en")
    controller = FlowController(catalog, "en", store)
    news = []
    controller.news.connect(news.append)
    assert controller.saved_session_waiting() and controller.resume() is None
    assert [n.kind for n in news] == [AutosaveNews.INCOMPATIBLE]
    assert store.load().status is LoadStatus.NONE


def test_an_unreadable_save_is_reported_by_the_name_it_was_moved_to(catalog, store):
    store.folder.mkdir(parents=True)
    store.path.write_text("{ not json", encoding="utf-8")
    controller = FlowController(catalog, "en", store)
    news = []
    controller.news.connect(news.append)
    assert not controller.saved_session_waiting()
    assert news[0].kind is AutosaveNews.UNREADABLE and (store.folder / news[0].name).exists()


def test_a_new_case_drops_the_review_files_of_the_old_one(catalog, store):
    controller = FlowController(catalog, "en", store)
    controller.open_flow("lost_wallet")
    controller.choose("no")
    store.save_review({"to": "service@tokenpocket.pro", "body": "旧的补充说明"})
    controller.open_flow("login_failure")
    assert store.load_review()  # nothing answered in the new flow yet
    controller.choose("no")
    assert store.load_review() == {}


def test_start_over_and_delete_my_data(catalog, store):
    controller = FlowController(catalog, "en", store)
    controller.open_flow("lost_wallet")
    controller.choose("no")
    logs = user_data_dir() / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    (logs / "crash.log").write_text("Traceback (most recent call last): …", encoding="utf-8")
    controller.delete_my_data()
    assert not store.folder.exists() and not logs.exists()
    assert controller.session is not None  # the case on screen stays; only what was kept on disk goes
    controller.choose("no")
    assert store.load().status is LoadStatus.OK
    controller.close()
    assert controller.session is None and store.load().status is LoadStatus.NONE
