"""ReviewModel without Qt: wording, ticks, attachments, the recipient guard, the secret check, readiness, autosave."""
from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from assistant.app.review import Blocker, ReviewModel
from assistant.app.session import FlowController
from assistant.flows.model import OutcomeKind
from assistant.i18n.texts import Texts
from assistant.secrets.guard import Exit
from assistant.secrets.recipient import RecipientIssue
from tests.core.app.cases import LOOKALIKE_RECIPIENT, TRON_PENDING, TRON_VALUES, recovery_phrase, walk


class Answers:
    """The person's answers to the model's questions, and a record of what was asked."""

    def __init__(self) -> None:
        self.replace = True
        self.send = True
        self.asked: list[tuple[str, tuple]] = []

    def replace_edits(self) -> bool:
        self.asked.append(("replace_edits", ()))
        return self.replace

    def send_despite(self, warnings) -> bool:
        self.asked.append(("send_despite", tuple(w.code for w in warnings)))
        return self.send


@pytest.fixture
def session(catalog):
    controller = FlowController(catalog, "zh-CN")
    controller.open_flow("pending_transaction")
    outcome = walk(controller, TRON_PENDING, TRON_VALUES)
    assert outcome.outcome is OutcomeKind.ESCALATE
    return controller.session


@pytest.fixture
def person():
    return Answers()


@pytest.fixture
def review(catalog, session, person):
    return ReviewModel(catalog, session, "zh-CN", person)


def screenshot(tmp_path, name: str = "转账记录.png"):
    """A PNG carrying a GPS position in its EXIF, as phone screenshots may."""
    exif = Image.Exif()
    exif.get_ifd(0x8825)[2] = (31.0, 14.0, 22.5)
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 120, 200)).save(buffer, "PNG", exif=exif.tobytes())
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path


def test_the_draft_holds_the_case_and_goes_to_the_official_address(review, catalog):
    assert review.to == catalog.profile.support_email and not review.for_exchange
    for name in ("tx_hash", "from_address", "token_contract"):
        assert TRON_VALUES[name] in review.body
    assert "打包中" in review.body and not review.edited and not review.hits
    assert review.blockers(Exit.EML) == [] and review.prepare(Exit.EML).message is not None


def test_own_wording_is_kept_unless_the_person_lets_it_go(review, person):
    fired = []
    review.changed.connect(fired.append)
    review.set_body(review.body + "\n我已经联系过 TRON 的节点客服，没有回复。\n")
    assert review.edited and fired
    person.replace = False
    assert not review.set_detail_included("from_address", False)
    assert "from_address" not in review.excluded and "没有回复" in review.body
    person.replace = True
    assert review.set_detail_included("from_address", False)
    assert TRON_VALUES["from_address"] not in review.body and "没有回复" not in review.body
    assert person.asked == [("replace_edits", ()), ("replace_edits", ())]


def test_a_ticked_out_detail_leaves_the_body_and_comes_back(review):
    rebuilt = []
    review.rebuilt.connect(rebuilt.append)
    assert review.set_detail_included("to_address", False)
    assert TRON_VALUES["to_address"] not in review.body and rebuilt
    assert review.set_detail_included("to_address", True)
    assert TRON_VALUES["to_address"] in review.body


def test_email_language_and_bilingual(review):
    assert review.set_email_locale("en") and review.body.startswith("Hello") and not review.bilingual_available
    assert review.set_email_locale("zh-TW") and review.bilingual_available
    assert review.set_bilingual(True)
    assert "Hello" in review.body and review.draft.languages == ("zh-TW", "en")


def test_a_lookalike_recipient_warns_and_asks_once_before_export(review, person):
    review.set_to(LOOKALIKE_RECIPIENT)
    codes = [w.code for w in review.shown_recipient_warnings()]
    assert codes == [RecipientIssue.LOOKALIKE]
    assert review.blockers(Exit.TXT) == [Blocker.UNSAFE_RECIPIENT]
    person.send = False
    assert review.prepare(Exit.TXT).blocker is Blocker.UNSAFE_RECIPIENT
    person.send = True
    assert review.prepare(Exit.TXT).blocker is None
    assert review.prepare(Exit.CLIPBOARD).blocker is None
    assert [a for a in person.asked if a[0] == "send_despite"] == [("send_despite", (RecipientIssue.LOOKALIKE,))] * 2
    review.set_to("service@tokenpocket.pro")
    assert review.shown_recipient_warnings() == [] and review.blockers(Exit.TXT) == []


def test_an_empty_recipient_is_a_missing_one(review, person):
    review.set_to("")
    assert review.blockers(Exit.MAILTO) == [Blocker.NO_RECIPIENT]
    person.send = False
    assert review.prepare(Exit.MAILTO).blocker is Blocker.NO_RECIPIENT


def test_a_recovery_phrase_blocks_every_exit_until_removed(review, catalog):
    phrase = recovery_phrase(seed=2026, language="chinese_simplified")
    review.set_body(review.body + f"\n客服让我提供助记词：{phrase}\n")
    assert [str(h.finding.kind) for h in review.hits] == ["mnemonic"] and review.hits[0].blocking
    for exit_ in Exit:
        assert Blocker.SECRETS in review.blockers(exit_)
    prepared = review.prepare(Exit.EML)
    assert prepared.message is None and prepared.blocker is Blocker.SECRETS
    assert not review.accept_hit(0)  # a phrase can never be waved through
    placeholder = Texts(catalog, "zh-CN").ui("review.secret.removed")
    redaction = review.remove_hit(0, placeholder)
    assert redaction.part == "body" and phrase not in review.body and placeholder in review.body
    assert not review.hits and review.blockers(Exit.EML) == []


def test_an_ambiguous_hex_value_can_be_confirmed_as_public(review):
    value = random.Random(7).randbytes(32).hex()
    review.set_body(review.body + f"\n另外还有这个：{value}\n")  # no transaction label: the firewall asks
    assert review.hits and not review.hits[0].blocking
    assert review.accept_hit(0) and not review.hits and value in review.body
    assert value in review.to_dict()["accepted"]


def test_a_screenshot_is_cleaned_listed_and_needs_the_checklist(review, tmp_path):
    fired = []
    review.attachments_changed.connect(fired.append)
    assert review.add_files([str(screenshot(tmp_path))]) == []
    (picture, included), = review.files.entries
    assert included and picture.cleaned and "转账记录.png" in review.body and fired
    with Image.open(io.BytesIO(picture.data)) as cleaned:
        assert not cleaned.getexif()
    assert review.blockers(Exit.EML) == [Blocker.PICTURE_PENDING, Blocker.CHECKLIST]
    review.pictures.run_now(review.included_files())
    review.confirm_unchecked_picture(0, True)  # where no OCR is installed, the person says they looked at it
    assert review.blockers(Exit.EML) == [Blocker.CHECKLIST] and review.blockers(Exit.TXT) == []
    review.confirm_checklist(True)
    assert review.prepare(Exit.EML).message.attachments == (picture,)
    assert review.set_file_included(0, False)
    assert "转账记录.png" not in review.body and review.included_files() == ()


def test_a_refused_file_says_why(review, tmp_path):
    statement = tmp_path / "statement.pdf"
    statement.write_bytes(b"%PDF-1.7")
    (problem,) = review.add_files([str(statement)])
    assert problem.code == "unsupported" and problem.params["name"] == "statement.pdf"
    assert review.files.entries == []


def test_a_secret_in_an_attached_text_file_is_cut_out_of_it(review, tmp_path, catalog):
    phrase = recovery_phrase(seed=11)
    notes = tmp_path / "notes.txt"
    notes.write_text(f"wallet backup: {phrase}\n", encoding="utf-8")
    assert review.add_files([str(notes)]) == []
    assert review.hits and review.hits[0].part.name == "attachment_text"
    redaction = review.remove_hit(0, "[removed]")
    assert redaction.part == "attachment_text"
    assert phrase not in review.files.entries[0][0].text() and not review.hits


def test_the_saved_review_puts_every_edit_and_tick_back(catalog, session, review, person, tmp_path):
    review.set_to(LOOKALIKE_RECIPIENT)
    review.set_detail_included("token_contract", False)
    review.set_email_locale("zh-TW")
    review.add_files([str(screenshot(tmp_path))])
    review.set_file_included(0, False)
    review.set_subject(review.subject + "（第二次联系）")
    state, files = review.to_dict(), review.attachment_files()

    again = ReviewModel(catalog, session, "zh-CN", Answers())
    again.restore(state, files)
    assert (again.to, again.subject, again.body) == (review.to, review.subject, review.body)
    assert again.excluded == {"token_contract"} and again.email_locale == "zh-TW"
    assert [(a.filename, inc) for a, inc in again.files.entries] == [("转账记录.png", False)]
    assert again.recipient_ok == set() and not again.checklist_confirmed  # safety confirmations are asked again


def test_an_old_or_broken_save_is_read_as_far_as_it_goes(catalog, session):
    review = ReviewModel(catalog, session, "zh-CN", Answers())
    review.restore({"to": "service@tokenpocket.pro", "body": "旧版本保存的正文"})  # format 1: wording only
    assert review.body == "旧版本保存的正文" and review.excluded == set()
    review.restore({"excluded": ["no_such_detail", 7], "email_locale": "xx-PRIVATE", "bilingual": "yes"})
    assert review.excluded == set() and review.email_locale == "zh-CN" and not review.bilingual
