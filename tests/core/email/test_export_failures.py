"""Every export failure names what went wrong in plain words, writes nothing partial and keeps the draft."""
import errno
import os

import pytest

from assistant.email import exports
from assistant.email.exports import ExportFailed, Message

BODY = "您好，\n我从币安提现 120 USDT 到 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t，交易所显示已完成，钱包没有到账。\n"


@pytest.fixture
def message():
    return Message("service@tokenpocket.pro", "[TokenPocket] 提现没到账 · TRON · WSA-1A2B3C", BODY).cleaned()


def _fail_with(code):
    def raiser(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))
    return raiser


@pytest.mark.parametrize("save", [exports.save_eml, exports.save_txt])
def test_read_only_folder_is_reported_and_nothing_is_written(message, tmp_path, monkeypatch, save):
    monkeypatch.setattr("assistant.storage.atomic.tempfile.mkstemp", _fail_with(errno.EROFS))
    before = message
    with pytest.raises(ExportFailed) as info:
        save(message, tmp_path / "draft.out")
    assert info.value.reason == "the disk is read-only"
    assert "choose another folder" in str(info.value)
    assert list(tmp_path.iterdir()) == [] and message == before


def test_folder_removed_after_choosing_it(message, tmp_path):
    folder = tmp_path / "导出"
    folder.mkdir()
    folder.rmdir()  # gone between the file dialog and the write
    with pytest.raises(ExportFailed) as info:
        exports.save_eml(message, folder / "draft.eml")
    assert info.value.reason.startswith("the folder does not exist")


def test_a_folder_in_the_way_is_reported(message, tmp_path):
    (tmp_path / "draft.eml").mkdir()
    with pytest.raises(ExportFailed) as info:
        exports.save_eml(message, tmp_path / "draft.eml")
    assert info.value.reason == "a folder with that name exists"
    assert (tmp_path / "draft.eml").is_dir()


@pytest.mark.parametrize("name", ["客服邮件 草稿 (1).eml", "it's \"mine\" #2 & more.eml", "emoji 🙂 draft.eml",
                                  " leading and trailing .eml", "ünïcödé—draft.eml"])
def test_odd_but_legal_file_names_are_written_as_given(message, tmp_path, name):
    path = exports.save_eml(message, tmp_path / name)
    assert path.name == name and path.read_bytes().startswith(b"To: service@tokenpocket.pro")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_a_file_name_that_is_too_long_gets_a_clear_reason(message, tmp_path):
    with pytest.raises(ExportFailed) as info:
        exports.save_txt(message, tmp_path / ("很长的名字" * 60 + ".txt"))
    assert info.value.reason == "the file name is too long"
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_can_be_retried_elsewhere_with_the_same_draft(message, tmp_path):
    with pytest.raises(ExportFailed):
        exports.save_txt(message, tmp_path / "missing" / "draft.txt")
    path = exports.save_txt(message, tmp_path / "draft.txt")
    assert "钱包没有到账" in path.read_text(encoding="utf-8")
