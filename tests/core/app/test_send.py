"""The send step without Qt: routes and their steps, one copy per part through the firewall, the attachment
folder, "I've sent it" and the follow-up written from it."""
from __future__ import annotations

import io
import stat
from datetime import date, timedelta

import pytest
from PIL import Image

from assistant.app.review import Blocker, ReviewModel
from assistant.app.send import Action, Part, Route, SendModel, steps
from assistant.app.sent import SentRecord
from assistant.app.session import FlowController
from assistant.email.followup import FollowUpError
from tests.core.app.cases import TRON_PENDING, TRON_VALUES, recovery_phrase, walk
from tests.core.app.test_review import Answers

OFFICIAL = "support@tokenpocket.pro"


@pytest.fixture
def person():
    return Answers()


@pytest.fixture
def review(catalog, person):
    controller = FlowController(catalog, "zh-CN")
    controller.open_flow("pending_transaction")
    walk(controller, TRON_PENDING, TRON_VALUES)
    return ReviewModel(catalog, controller.session, "zh-CN", person)


@pytest.fixture
def send(review):
    return SendModel(review, "zh-CN")


def picture(tmp_path, name="截图.png"):
    path = tmp_path / name
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 20, 20)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_nothing_is_chosen_for_the_person_and_webmail_starts_with_the_local_provider(send, review):
    assert send.route is None and send.steps() == ()
    assert send.webmail == "qq" and SendModel(review, "en").webmail == "gmail"


def test_each_route_has_numbered_steps_with_one_copy_per_part():
    webmail = steps(Route.WEBMAIL, attachments=False)
    assert [s.action for s in webmail if isinstance(s.action, Part)] == [Part.TO, Part.SUBJECT, Part.BODY]
    assert Action.OPEN_FOLDER not in [s.action for s in webmail]
    assert Action.OPEN_FOLDER in [s.action for s in steps(Route.WEBMAIL, attachments=True)]
    assert [s.action for s in steps(Route.IN_APP, attachments=False) if s.action] == [Part.DESCRIPTION]
    mail = [s.action for s in steps(Route.MAIL_APP, attachments=True)]
    assert mail[0] is Action.OPEN_MAIL_APP and Action.SAVE_EML in mail and Action.OPEN_FOLDER in mail


def test_parts_are_copied_as_reviewed_and_to_is_guarded(send, review, person):
    assert send.copy(Part.TO).blocker is Blocker.NO_RECIPIENT or review.to
    review.set_to(OFFICIAL)
    assert send.copy(Part.TO).text == OFFICIAL
    review.set_subject("我的转账卡住了")
    assert send.copy(Part.SUBJECT).text == "我的转账卡住了"
    assert send.copy(Part.BODY).text == review.body.rstrip("\n") + "\n"
    assert send.copy(Part.DESCRIPTION).text.startswith("我的转账卡住了\n\n")
    review.set_to("客服 <support@tokenpocket.pro>\nBcc: x@evil.example")
    assert send.copy(Part.TO).blocker is Blocker.REFUSED_RECIPIENT
    assert send.copy(Part.BODY).text  # the body carries no address: the To line does not stop it


def test_no_part_leaves_with_a_secret(send, review):
    review.set_body(review.body + "\n" + recovery_phrase(7))
    for part in Part:
        if part is not Part.TO:
            assert send.copy(part) == send.copy(part).__class__(None, Blocker.SECRETS)


def test_attachments_go_to_an_owner_only_folder_after_the_checklist(send, review, tmp_path):
    assert not review.add_files([str(picture(tmp_path))])
    out = tmp_path / "Documents"
    assert send.write_attachments(out) == (None, Blocker.PICTURE_PENDING)  # not read yet
    review.pictures.run_now(review.included_files())
    review.confirm_unchecked_picture(0, True)  # where no OCR is installed, the person says they looked at it
    folder, blocker = send.write_attachments(out)
    assert folder is None and blocker is Blocker.CHECKLIST
    review.confirm_checklist(True)
    folder, blocker = send.write_attachments(out)
    assert blocker is None and folder.name.endswith("-attachments")
    files = list(folder.iterdir())
    assert [f.name for f in files] == [review.included_files()[0].filename]
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600


def test_i_have_sent_it_records_the_day_and_a_checked_ticket(send, review):
    send.choose_route(Route.WEBMAIL)
    today = date(2026, 11, 21)
    record = send.mark_sent(today)
    assert record == SentRecord(today, "webmail", "") and not record.can_follow_up
    with pytest.raises(FollowUpError):
        send.mark_sent(today + timedelta(days=3), "助记词 abandon abandon")
    record = send.mark_sent(today + timedelta(days=3), " TP-20261121-0007 ")
    assert record.sent_on == today and record.ticket == "TP-20261121-0007"  # the day it left stays


def test_the_follow_up_uses_the_ticket_and_the_day_and_autosave_keeps_the_record(send, review, catalog, person):
    assert review.set_follow_up(True) is False  # no ticket yet
    send.choose_route(Route.MAIL_APP)
    send.mark_sent(date.today() - timedelta(days=2), "TP-20261121-0007")
    first_subject = review.subject
    assert review.set_follow_up(True)
    assert "TP-20261121-0007" in review.subject + review.body and review.subject != first_subject
    assert (date.today() - timedelta(days=2)).isoformat() in review.body
    state = review.to_dict()
    assert state["sent"]["ticket"] == "TP-20261121-0007" and state["follow_up"] is True
    again = ReviewModel(catalog, review.session, "zh-CN", person)
    again.restore(state)
    assert again.sent == review.sent and again.follow_up and again.body == review.body


@pytest.mark.parametrize("saved", [None, "x", {"sent_on": "2999-01-01"}, {"sent_on": 3}, {"sent_on": "nope"},
                                   {"sent_on": "2026-01-02", "ticket": "助记词"}])
def test_a_saved_record_that_is_not_what_was_written_is_dropped(saved):
    assert SentRecord.from_dict(saved, date(2026, 12, 1)) is None
