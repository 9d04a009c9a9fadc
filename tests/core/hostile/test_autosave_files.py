"""Hostile autosave files: anything unexpected is put aside (or expires) with a reason, once, never a crash loop;
leftover temporary files go; two copies of the app at once never interleave their saves."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from assistant.errors import FlowError
from assistant.flows.engine import Session
from assistant.storage import lock
from assistant.storage.autosave import MAX_FILE_BYTES, AutosaveBusy, AutosaveStore, LoadStatus
from tests.core.flow_fixtures import make_flow
from tests.seeded import random_bytes

ROOT = Path(__file__).resolve().parents[3]
NOW = 1_800_000_000.0
GOOD = {"format": 1, "flow": "withdrawal", "answers": [["safety", "no"], ["network", "tron"]], "save_format": 1,
        "locale": "en", "saved_at": NOW - 60}


def variant(**changes) -> str:
    state = dict(GOOD)
    for key, value in changes.items():
        if value is KeyError:
            state.pop(key)
        else:
            state[key] = value
    return json.dumps(state)


CORRUPT = {
    "answers null": variant(answers=None),
    "answers number": variant(answers=7),
    "answers string": variant(answers="safety=no"),
    "answers object": variant(answers={"safety": "no"}),
    "answer not a pair": variant(answers=[["safety"]]),
    "answer triple": variant(answers=[["safety", "no", "x"]]),
    "answer node number": variant(answers=[[1, "no"]]),
    "answer null": variant(answers=[["safety", None]]),
    "answer number": variant(answers=[["safety", 1]]),
    "answer list": variant(answers=[["safety", ["no"]]]),
    "form value number": variant(answers=[["details", {"tx_hash": 1}]]),
    "form value nested": variant(answers=[["details", {"tx_hash": {"a": "b"}}]]),
    "too many answers": variant(answers=[["safety", "no"]] * 5000),
    "lone surrogate": variant(answers=[["safety", "\udcff"]]),
    "saved_at string": variant(saved_at="yesterday"),
    "saved_at bool": variant(saved_at=True),
    "saved_at missing": variant(saved_at=KeyError),
    "saved_at far future": variant(saved_at=NOW + 10 * 24 * 3600),
    "save_format bool": variant(save_format=True),
    "save_format other": variant(save_format=2),
    "flow missing": variant(flow=KeyError),
    "flow number": variant(flow=3),
    "flow empty": variant(flow=""),
    "locale null": variant(locale=None),
    "format string": variant(format="1"),
    "top-level list": "[1, 2, 3]",
    "top-level null": "null",
    "empty file": "",
    "truncated": variant()[:40],
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "not json": "{ not json",
}
EXPIRED = {
    "saved_at NaN": variant(saved_at=float("nan")),
    "saved_at Infinity": variant(saved_at=float("inf")),
    "saved_at -Infinity": variant(saved_at=float("-inf")),
    "saved_at very old": variant(saved_at=0),
}


@pytest.fixture
def store(tmp_path):
    s = AutosaveStore(tmp_path / "data")
    s.folder.mkdir(parents=True)
    return s


@pytest.mark.parametrize("name", CORRUPT)
def test_an_unexpected_file_is_put_aside_once_with_a_reason(store, name):
    store.path.write_text(CORRUPT[name], encoding="utf-8", errors="surrogatepass")
    loaded = store.load(now=NOW)
    assert loaded.status is LoadStatus.CORRUPT and loaded.reason
    assert loaded.moved_to is not None and loaded.moved_to.exists()
    assert store.load(now=NOW).status is LoadStatus.NONE  # next start: nothing left to trip over


@pytest.mark.parametrize("name", EXPIRED)
def test_a_save_time_that_is_no_time_expires(store, name):
    store.path.write_text(EXPIRED[name], encoding="utf-8")
    assert store.load(now=NOW).status is LoadStatus.EXPIRED
    assert not store.path.exists() and store.load(now=NOW).status is LoadStatus.NONE


@pytest.mark.parametrize("data", [b"\xff\xfe{\x00", b"\x00" * 100, random_bytes(2048), b"{" + b" " * (MAX_FILE_BYTES + 1) + b"}"],
                         ids=["utf16", "nul", "random", "huge"])
def test_binary_or_huge_files_are_put_aside(store, data):
    store.path.write_bytes(data)
    assert store.load(now=NOW).status is LoadStatus.CORRUPT
    assert store.load(now=NOW).status is LoadStatus.NONE


def test_a_folder_in_place_of_the_file_is_put_aside(store):
    store.path.mkdir()
    assert store.load(now=NOW).status is LoadStatus.CORRUPT


@pytest.mark.parametrize("answers", [
    [["nope", "no"]], [["safety", "maybe"]], [["safety", {"x": "y"}]], [["safety", "no"], ["network", {"a": "b"}]],
    [["safety", "no"], ["network", "tron"], ["status", "completed"], ["energy", "unsolved"], ["details", {"tx_hash": "zz"}]],
    [["safety", "no"], ["safety", "no"]],
])
def test_a_well_typed_file_that_does_not_fit_the_flow_raises_only_flow_error(store, tmp_path, answers):
    store.path.write_text(variant(answers=answers), encoding="utf-8")
    loaded = store.load(now=NOW)
    assert loaded.status is LoadStatus.OK
    with pytest.raises(FlowError):
        Session.from_dict(make_flow(tmp_path), loaded.state)


@pytest.mark.parametrize("review", ["null", "[1]", '{"to": 5}', '{"to": "\\udcff"}', "{", '"x"'])
def test_hostile_review_edits_are_ignored(store, review):
    (store.folder / "review.json").write_text(review, encoding="utf-8")
    assert store.load_review() == {}


@pytest.mark.parametrize("manifest", ["null", "[1]", '["a"]', '[{"file": 3, "name": "x"}]', '[{"file": "../../etc/passwd", "name": "x"}]',
                                      '[{"name": "x"}]', '[{"file": "000.bin", "name": null}]', "{"])
def test_hostile_attachment_manifests_are_skipped(store, manifest):
    folder = store.folder / "attachments"
    folder.mkdir()
    (folder / "manifest.json").write_text(manifest, encoding="utf-8")
    assert store.load_attachments() == []


def test_leftover_temporary_files_are_removed_on_start_and_by_start_over(store):
    leftovers = [store.folder / ".session.json.k2j3.tmp", store.folder / ".review.json.x9.tmp"]
    (store.folder / "attachments").mkdir()
    leftovers += [store.folder / "attachments" / ".manifest.json.a1.tmp", store.folder / "attachments" / ".000.bin.b2.tmp"]
    for path in leftovers:
        path.write_text("half a write", encoding="utf-8")
    store.load(now=NOW)
    assert not any(p.exists() for p in leftovers)
    for path in leftovers[:2]:
        path.write_text("half a write", encoding="utf-8")
    store.discard()
    assert not any(p.exists() for p in leftovers)


# ---- two copies of the app at once ---------------------------------------------------------------------------
WRITER = textwrap.dedent('''
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from pathlib import Path
    from assistant.storage.autosave import AutosaveBusy, AutosaveStore
    store = AutosaveStore(Path(sys.argv[2]))
    me, saved, busy = sys.argv[3], 0, 0
    print("owner" if store.claim() else "other", flush=True)
    deadline = time.monotonic() + float(sys.argv[4])
    while time.monotonic() < deadline:
        try:
            store.save({"format": 1, "flow": me, "answers": [["safety", "no"]] * (saved % 7)}, "en")
            store.save_review({"to": me + "@example.com", "subject": me})
            store.save_attachments([(me + ".txt", me.encode(), True)])
            saved += 1
        except AutosaveBusy:
            busy += 1
        time.sleep(0.002)
    print(saved, busy, flush=True)
''')


def start_writer(folder: Path, name: str, seconds: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(ROOT), str(folder), name, str(seconds)],
                            stdout=subprocess.PIPE, text=True)


def consistent(folder: Path) -> str | None:
    """Whose session is on disk, after checking that the session, the edits and the attachments agree."""
    store = AutosaveStore(folder)
    try:
        state = json.loads(store.path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    owner = state["flow"]
    assert json.loads((folder / "review.json").read_text(encoding="utf-8"))["subject"] == owner
    manifest = json.loads((folder / "attachments" / "manifest.json").read_text(encoding="utf-8"))
    assert [m["name"] for m in manifest] == [owner + ".txt"]
    return owner


@pytest.mark.slow
def test_two_running_copies_never_interleave_or_corrupt_the_autosave(tmp_path):
    folder = tmp_path / "data"
    first = start_writer(folder, "first", 4.0)
    assert first.stdout.readline().strip() == "owner"
    second = start_writer(folder, "second", 3.0)
    try:
        assert second.stdout.readline().strip() == "other"
        deadline = time.monotonic() + 30
        while not (folder / "attachments" / "manifest.json").exists() and time.monotonic() < deadline:
            time.sleep(0.005)  # the owner's first round: session, edits, then attachments
        seen = set()
        while first.poll() is None:  # read while both write: always whole, always one window's
            try:
                seen.add(consistent(folder))
            except (FileNotFoundError, json.JSONDecodeError):
                pytest.fail("a reader saw a missing or half-written file while both copies were saving")
            time.sleep(0.01)
        saved_first, _busy = map(int, first.stdout.readline().split())
        saved_second, busy_second = map(int, second.stdout.readline().split())
        second.wait(timeout=30)
    finally:
        for child in (first, second):
            if child.poll() is None:
                child.kill()
    assert saved_first > 0 and saved_second == 0 and busy_second > 0
    assert seen <= {"first", None} and consistent(folder) == "first"
    assert AutosaveStore(folder).load().status is LoadStatus.OK
    assert sorted(p.name for p in folder.iterdir()) == ["attachments", "review.json", "session.json"]


@pytest.mark.slow
def test_the_second_copy_takes_over_once_the_first_has_gone(tmp_path):
    folder = tmp_path / "data"
    first = start_writer(folder, "first", 0.5)
    assert first.stdout.readline().strip() == "owner"
    first.wait(timeout=30)
    second = start_writer(folder, "second", 0.5)
    assert second.stdout.readline().strip() == "owner"
    second.wait(timeout=30)
    assert consistent(folder) == "second"


def test_a_window_that_does_not_own_the_folder_saves_moves_and_deletes_nothing(tmp_path, monkeypatch):
    store = AutosaveStore(tmp_path / "data")
    store.save({"format": 1, "flow": "withdrawal", "answers": []}, "en")
    before = store.path.read_bytes()
    monkeypatch.setattr(lock, "claim", lambda path: False)  # as if another process held the lock
    with pytest.raises(AutosaveBusy):
        store.save({"format": 1, "flow": "other", "answers": []}, "en")
    with pytest.raises(AutosaveBusy):
        store.save_review({"to": "x@example.com"})
    store.discard()
    (store.folder / ".session.json.zz.tmp").write_text("another window is writing", encoding="utf-8")
    assert store.load().status is LoadStatus.OK
    assert store.path.read_bytes() == before and (store.folder / ".session.json.zz.tmp").exists()
