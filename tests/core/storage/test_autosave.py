"""Autosave: atomic, owner-only, never a secret, corrupt files set aside, old ones expire."""
import hashlib
import json
import os
import stat

from mnemonic import Mnemonic

from assistant.flows.engine import Session
from assistant.storage.autosave import MAX_AGE_SECONDS, AutosaveStore, LoadStatus
from tests.core.flow_fixtures import make_flow
from tests.seeded import random_bytes

TXID = hashlib.sha256(b"tron withdrawal").hexdigest()


def finished_session(tmp_path):
    flow = make_flow(tmp_path)
    s = Session(flow)
    for answer in ("no", "tron", "completed", "unsolved"):
        s.choose(answer)
    s.submit({"tx_hash": TXID, "note": "币安显示提现完成，钱包没到账"})
    return flow, s


def test_save_then_load_restores_the_same_session(tmp_path):
    flow, session = finished_session(tmp_path)
    store = AutosaveStore(tmp_path / "data")
    store.save(session.to_dict(), "zh-CN", public=session.public_values())
    loaded = store.load()
    assert loaded.status is LoadStatus.OK and loaded.state["locale"] == "zh-CN"
    assert Session.from_dict(flow, loaded.state).to_dict() == session.to_dict()


def test_files_are_owner_only(tmp_path):
    _, session = finished_session(tmp_path)
    store = AutosaveStore(tmp_path / "data")
    store.save(session.to_dict(), "en")
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(store.folder).st_mode) == 0o700


def test_a_secret_is_never_written_even_if_it_reached_the_state(tmp_path):
    phrase = Mnemonic("english").generate(128)
    store = AutosaveStore(tmp_path / "data")
    state = {"format": 1, "flow": "withdrawal", "answers": [["details", {"note": phrase, "tx_hash": TXID}]]}
    store.save(state, "en", public=[TXID])
    raw = store.path.read_text(encoding="utf-8")
    assert phrase.split()[0] + " " + phrase.split()[1] not in raw
    assert TXID in raw


def test_no_temporary_files_are_left_behind(tmp_path):
    _, session = finished_session(tmp_path)
    store = AutosaveStore(tmp_path / "data")
    for _ in range(3):
        store.save(session.to_dict(), "en")
    assert sorted(p.name for p in store.folder.iterdir()) == ["session.json"]


def test_corrupt_autosave_is_moved_aside_not_fatal(tmp_path):
    store = AutosaveStore(tmp_path / "data")
    store.folder.mkdir(parents=True)
    store.path.write_text('{"flow": "withdrawal", "answers": [', encoding="utf-8")
    loaded = store.load()
    assert loaded.status is LoadStatus.CORRUPT
    assert loaded.moved_to is not None and loaded.moved_to.exists()
    assert not store.path.exists()
    assert store.load().status is LoadStatus.NONE


def test_incompatible_format_counts_as_unreadable(tmp_path):
    store = AutosaveStore(tmp_path / "data")
    store.folder.mkdir(parents=True)
    store.path.write_text(json.dumps({"save_format": 0, "flow": "x", "saved_at": 1.0}), encoding="utf-8")
    assert store.load().status is LoadStatus.CORRUPT


def test_old_autosave_expires_with_a_notice(tmp_path):
    _, session = finished_session(tmp_path)
    store = AutosaveStore(tmp_path / "data")
    store.save(session.to_dict(), "en", now=1_000_000.0)
    loaded = store.load(now=1_000_000.0 + MAX_AGE_SECONDS + 1)
    assert loaded.status is LoadStatus.EXPIRED
    assert not store.path.exists()


def test_delete_all_removes_everything(tmp_path):
    _, session = finished_session(tmp_path)
    store = AutosaveStore(tmp_path / "data")
    store.save(session.to_dict(), "en")
    (store.folder / "attachments").mkdir()
    (store.folder / "attachments" / "shot.png").write_bytes(b"\x89PNG")
    store.delete_all()
    assert not store.folder.exists()


def test_attachment_copies_are_kept_owner_only_and_restored(tmp_path):
    store = AutosaveStore(tmp_path / "data")
    png = b"\x89PNG\r\n\x1a\n" + random_bytes(64)
    store.save_attachments([("交易截图.png", png, True), ("notes.txt", "交易所回复：请等待24小时".encode(), False)])
    assert store.load_attachments() == [("交易截图.png", png, True), ("notes.txt", "交易所回复：请等待24小时".encode(), False)]
    for path in (store.folder / "attachments").iterdir():
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    store.save_attachments([("交易截图.png", png, True)])  # one removed: its copy goes too
    assert len(list((store.folder / "attachments").glob("*.bin"))) == 1


def test_a_text_attachment_holding_a_phrase_is_never_copied(tmp_path):
    store = AutosaveStore(tmp_path / "data")
    phrase = Mnemonic("english").generate(128)
    store.save_attachments([("backup.txt", phrase.encode(), True)])
    assert store.load_attachments() == []
    assert all(phrase.split()[0] not in p.read_text(errors="ignore") for p in (store.folder / "attachments").iterdir())


def test_discard_removes_the_attachment_copies_too(tmp_path):
    store = AutosaveStore(tmp_path / "data")
    store.save_attachments([("a.png", b"\x89PNG", True)])
    store.discard()
    assert store.load_attachments() == [] and not (store.folder / "attachments").exists()


def test_email_edits_are_kept_with_secrets_cut_out(tmp_path):
    store = AutosaveStore(tmp_path / "data")
    phrase = Mnemonic("english").generate(128)
    store.save_review({"to": "service@tokenpocket.pro", "subject": "提现没到账",
                       "body": f"您好，\n我的助记词是 {phrase}\n交易哈希见下。"})
    saved = store.load_review()
    assert saved["to"] == "service@tokenpocket.pro" and saved["subject"] == "提现没到账"
    assert saved["body"].startswith("您好，") and saved["body"].endswith("交易哈希见下。")
    assert phrase.split()[3] not in saved["body"]
    store.discard()
    assert store.load_review() == {}
