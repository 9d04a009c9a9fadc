"""The review model holds an email with pictures back until each is read: a phrase picture until it is removed, a
picture that could not be read until the person confirms it. Read with the real OCR engine."""
import pytest

from assistant.app.review import Blocker, ReviewModel
from assistant.secrets.guard import Exit
from assistant.vision import engine
from tests.core.app.test_review import Answers, session  # noqa: F401 - the fixture is used by name
from tests.vision import screens as s


@pytest.fixture
def review(catalog, session):  # noqa: F811
    model = ReviewModel(catalog, session, "zh-CN", Answers())
    model.confirm_checklist(True)
    return model


def picture(tmp_path, name, img):
    path = tmp_path / name
    img.save(path)
    return str(path)


def test_a_phrase_picture_holds_the_eml_back_until_it_is_removed(review, tmp_path, ocr):
    review.add_files([picture(tmp_path, "转账.png", s.tx_details(s.transfer(61))),
                      picture(tmp_path, "备份.png", s.phrase_page(s.phrase_words("chinese_simplified", 12, 61), texts="zh"))])
    assert review.prepare(Exit.EML).blocker is Blocker.PICTURE_PENDING
    review.pictures.run_now(review.included_files())
    states = [review.pictures.of(a).state for a in review.included_files()]
    assert [str(x) for x in states] == ["clear", "refused"]
    assert review.prepare(Exit.EML).blocker is Blocker.PICTURE_REFUSED
    assert review.prepare(Exit.TXT).blocker is None  # a text export carries no picture
    assert review.remove_file(1)
    assert review.prepare(Exit.EML).message is not None


def test_an_unreadable_picture_needs_the_persons_confirmation(review, tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "available", lambda: False)
    review.add_files([picture(tmp_path, "转账.png", s.tx_details(s.transfer(62)))])
    review.pictures.run_now(review.included_files())
    assert str(review.pictures.of(review.included_files()[0]).state) == "unchecked"
    assert review.prepare(Exit.EML).blocker is Blocker.PICTURE_UNCHECKED
    assert review.confirm_unchecked_picture(0, True)
    assert review.prepare(Exit.EML).message is not None
    review.confirm_unchecked_picture(0, False)
    assert review.blockers(Exit.EML) == [Blocker.PICTURE_UNCHECKED]
