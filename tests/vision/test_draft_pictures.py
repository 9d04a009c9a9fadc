"""`draft --attach`: a picture of a recovery phrase exits 3 and writes nothing; a picture nobody could read needs
--confirm-unchecked-pictures; a public screenshot goes into the email."""
from email import policy
from email.parser import BytesParser

import pytest

from assistant.cli import main
from assistant.vision import engine
from tests.vision import screens as s
from tests.vision.conftest import require_engine

WORDS = s.phrase_words("english", 12, 41)


def draft(capsys, *args):
    code = main(["draft", "--flow", "pending_transaction", "--sample", "--locale", "en", *args])
    return code, capsys.readouterr()


@pytest.fixture
def phrase_png(tmp_path):
    path = tmp_path / "backup 1.png"
    s.phrase_page(WORDS, s.Style(dark=True)).save(path)
    return path


@pytest.fixture
def tx_png(tmp_path):
    path = tmp_path / "transfer.png"
    s.tx_details(s.transfer(42)).save(path)
    return path


def test_a_phrase_picture_exits_3_writes_nothing_and_names_the_picture_not_the_words(capsys, tmp_path, phrase_png):
    require_engine()
    out = tmp_path / "request.eml"
    code, cap = draft(capsys, "--attach", str(phrase_png), "--out", str(out))
    assert code == 3 and not out.exists()
    assert "backup 1.png" in cap.err and "recovery phrase" in cap.err
    assert not any(word in (cap.err + cap.out).split() for word in WORDS)


def test_a_public_screenshot_goes_into_the_email(capsys, tmp_path, tx_png):
    require_engine()
    out = tmp_path / "request.eml"
    code, cap = draft(capsys, "--attach", str(tx_png), "--out", str(out))
    assert code == 0, cap.err
    msg = BytesParser(policy=policy.default).parsebytes(out.read_bytes())
    assert [part.get_filename() for part in msg.iter_attachments()] == ["transfer.png"]


def test_without_ocr_a_picture_is_refused_unless_the_person_confirms_they_checked_it(capsys, tmp_path, tx_png,
                                                                                      monkeypatch):
    monkeypatch.setattr(engine, "available", lambda: False)
    out = tmp_path / "request.eml"
    code, cap = draft(capsys, "--attach", str(tx_png), "--out", str(out))
    assert code == 3 and not out.exists()
    assert "transfer.png" in cap.err and "--confirm-unchecked-pictures" in cap.err
    code, cap = draft(capsys, "--attach", str(tx_png), "--out", str(out), "--confirm-unchecked-pictures")
    assert code == 0 and out.exists(), cap.err


def test_confirming_unchecked_pictures_does_not_let_a_phrase_picture_through(capsys, tmp_path, phrase_png):
    require_engine()
    out = tmp_path / "request.eml"
    code, _ = draft(capsys, "--attach", str(phrase_png), "--out", str(out), "--confirm-unchecked-pictures")
    assert code == 3 and not out.exists()
