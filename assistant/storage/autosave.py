"""Crash-safe persistence of the session in progress: atomic, owner-only, never holding a secret.

One JSON file in the user data folder, replaced atomically after every step, so a kill at any moment
leaves either the previous step or the new one on disk; temporary files a kill leaves behind are removed on
the next start and by Start over.

Loading never trusts the file: it is checked against its whole schema (types of every value, finite times,
sizes, text that can be written back), and anything unexpected is put aside with a notice instead of reaching
the engine, so a damaged or hand-edited file can never cause a crash on every start. A save time that is not
a finite number counts as expired.

Two copies of the app at once: the first to start owns the folder (a lock file beside it, dropped by the
operating system when that process ends, even on kill -9). Only the owner writes, moves aside or deletes, so
two windows never interleave their sessions, edits and attachments; the other window reads the saved session
but saves nothing (`AutosaveBusy`) until the owner is gone.
"""
from __future__ import annotations

import errno
import logging
import math
import os
import shutil
import time
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from assistant.paths import user_data_dir
from assistant.storage import lock
from assistant.storage.atomic import write_bytes_atomic, write_text_atomic

log = logging.getLogger(__name__)
SAVE_FORMAT = 1
MAX_AGE_SECONDS = 30 * 24 * 3600
FILE_NAME = "session.json"
ATTACHMENTS = "attachments"  # copies of the (already cleaned) attachments, with a manifest
REVIEW_FILE = "review.json"  # the review of the email: the person's own wording, ticks, email language
MAX_FILE_BYTES = 4 * 1024 * 1024  # a saved session is a few kilobytes; anything this big is not ours
MAX_ANSWERS = 2000
MAX_TEXT = 200_000  # characters of one saved value
FUTURE_SLACK = 24 * 3600  # a clock set back by up to a day still resumes
TEMP_PATTERN = ".*.tmp"  # write_bytes_atomic's temporary files: ".<name>.<random>.tmp"


class LoadStatus(StrEnum):
    NONE = "none"
    OK = "ok"
    EXPIRED = "expired"
    CORRUPT = "corrupt"


class Loaded(NamedTuple):
    status: LoadStatus
    state: dict | None = None  # Session.to_dict() plus "locale" and "saved_at"
    moved_to: Path | None = None  # where a corrupt file was put aside
    reason: str = ""  # what was wrong with a corrupt or expired file (no saved values in it)


class AutosaveBusy(OSError):
    """Another running copy of the app owns the autosave folder; this one saves nothing."""

    def __init__(self, folder: Path) -> None:
        super().__init__(errno.EBUSY, "another window of the app is saving its session here", str(folder))


def _text_ok(value: object) -> bool:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return False
    try:
        value.encode("utf-8")  # lone surrogates from "\udcff" escapes could never be written back
    except UnicodeEncodeError:
        return False
    return True


def _review_ok(data: object) -> bool:
    """The saved review has the shape the review model writes; anything else is ignored as a whole."""
    if not isinstance(data, dict) or not all(_text_ok(k) for k in data):
        return False
    texts = all(_text_ok(data[k]) for k in ("to", "subject", "body", "email_locale") if k in data)
    lists = all(isinstance(data[k], list) and all(_text_ok(v) for v in data[k]) for k in ("excluded", "accepted")
                if k in data)
    return texts and lists and isinstance(data.get("bilingual", False), bool)


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def schema_problem(state: object) -> str | None:
    """What is wrong with a loaded autosave, or None when every value has the type and shape save() writes.
    Names keys and types only, never saved values (they may be personal). Unknown extra keys are allowed."""
    if not isinstance(state, dict):
        return f"the file holds {type(state).__name__}, not an object"
    if state.get("save_format") != SAVE_FORMAT or not _number(state.get("save_format")):
        return f"save_format is {state.get('save_format')!r}, this version reads {SAVE_FORMAT}"
    if not _number(state.get("saved_at")):
        return f"saved_at is {type(state.get('saved_at')).__name__}, not a number"
    for key in ("flow", "locale"):
        if not _text_ok(state.get(key)) or not state[key]:
            return f"{key} is {type(state.get(key)).__name__}, not a name"
    if not _number(state.get("format")):
        return f"format is {type(state.get('format')).__name__}, not a number"
    answers = state.get("answers")
    if not isinstance(answers, list):
        return f"answers is {type(answers).__name__}, not a list"
    if len(answers) > MAX_ANSWERS:
        return f"answers has {len(answers)} entries (at most {MAX_ANSWERS})"
    for index, item in enumerate(answers):
        if not (isinstance(item, list) and len(item) == 2 and _text_ok(item[0])):
            return f"answers[{index}] is not a [node, answer] pair"
        answer = item[1]
        if isinstance(answer, dict):
            if not all(_text_ok(k) and _text_ok(v) for k, v in answer.items()):
                return f"answers[{index}] has a field value that is not text"
        elif not _text_ok(answer):
            return f"answers[{index}] is {type(answer).__name__}, not a choice or form values"
    return None


def _strings(value, out: list[str], typed: list[bool], in_form: bool, depth: int = 0) -> None:
    """Every string in order; `typed` marks those the person typed (values of a nested dict: form values and
    review edits), as opposed to the app's own ids (flow, node and choice ids)."""
    if isinstance(value, str):
        out.append(value)
        typed.append(in_form)
    elif isinstance(value, dict):
        for v in value.values():
            _strings(v, out, typed, in_form or depth > 0, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out, typed, False, depth + 1)


def _rebuild(value, strings: list[str], at: list[int]):
    if isinstance(value, str):
        at[0] += 1
        return strings[at[0] - 1]
    if isinstance(value, dict):
        return {k: _rebuild(v, strings, at) for k, v in value.items()}
    if isinstance(value, list):
        return [_rebuild(v, strings, at) for v in value]
    return value


def _scrub(value, public: Iterable[str] = (), flat: bool = False):
    """Cut every secret out of the strings: autosave must never write one, whatever got past the forms.

    Everything the firewall flags goes, "confirm" findings too (a 64-hex value may be a key), unless the user
    said the value is public (`public`: transaction hashes from the tx-hash field, values kept on the review
    page). The strings are also read joined in order, so a phrase split over two fields goes as well."""
    from assistant.secrets.guard import accepted_set, normalised_value
    from assistant.secrets.request import spanning
    from assistant.secrets.scan import Finding, SecretKind, Severity, find_secrets, redact

    ok = accepted_set(public)
    strings: list[str] = []
    typed: list[bool] = []
    _strings(value, strings, typed, flat)
    mine = [i for i, t in enumerate(typed) if t]
    spans: list[list[tuple[int, int]]] = [[] for _ in strings]
    for i, text in enumerate(strings):
        for f in find_secrets(text):
            if f.severity is Severity.BLOCK or normalised_value(text[f.start:f.end]) not in ok:
                spans[i].append((f.start, f.end))
    for found in spanning([strings[i] for i in mine]):
        if found.finding.severity is Severity.BLOCK or not all(normalised_value(strings[mine[i]][a:b]) in ok
                                                               for i, a, b in found.pieces):
            for i, a, b in found.pieces:
                spans[mine[i]].append((a, b))
    cut = [[Finding(SecretKind.MNEMONIC, a, b, Severity.BLOCK) for a, b in pieces] for pieces in spans]
    cleaned = [redact(text, cut[i]) if cut[i] else text for i, text in enumerate(strings)]
    return _rebuild(value, cleaned, [0])


class AutosaveStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder else user_data_dir() / "autosave"

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    @property
    def lock_path(self) -> Path:
        """Beside the folder, so deleting the folder never deletes a lock someone holds."""
        return self.folder.with_name(f".{self.folder.name}.lock")

    def claim(self) -> bool:
        """True when this process owns the folder (the first copy of the app to start does); never waits."""
        try:
            return lock.claim(self.lock_path)
        except OSError as exc:
            log.warning("autosave lock unavailable: %s", exc.strerror)
            return False

    def _owned(self) -> None:
        if not self.claim():
            raise AutosaveBusy(self.folder)

    def remove_leftovers(self) -> list[Path]:
        """Temporary files of writes a crash or kill cut short (the owner only: others may be mid-write)."""
        if not self.claim():
            return []
        removed = []
        for folder in (self.folder, self.folder / ATTACHMENTS):
            for leftover in folder.glob(TEMP_PATTERN) if folder.is_dir() else ():
                try:
                    leftover.unlink()
                    removed.append(leftover)
                except OSError:
                    log.warning("could not remove a leftover temporary file %s", leftover.name)
        return removed

    def _ensure_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)

    def save(self, session_state: dict, locale: str, now: float | None = None, public: Iterable[str] = ()) -> None:
        import json  # loaded with the first save or saved session, not on every start

        state = _scrub(dict(session_state), public)
        state.update({"save_format": SAVE_FORMAT, "locale": locale, "saved_at": now if now is not None else time.time()})
        self._owned()
        self._ensure_folder()
        write_text_atomic(self.path, json.dumps(state, ensure_ascii=False, indent=1), mode=0o600)

    def load(self, now: float | None = None) -> Loaded:
        """The saved session, checked against its schema; a file that fails is put aside (CORRUPT) and an old one,
        or one whose time is not a finite number, removed (EXPIRED). Only the owner moves or removes files."""
        self.remove_leftovers()
        try:
            with open(self.path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return Loaded(LoadStatus.NONE)
        except OSError as exc:
            return self._corrupt(f"it cannot be read ({exc.strerror})")
        if len(data) > MAX_FILE_BYTES:
            return self._corrupt(f"it is larger than {MAX_FILE_BYTES} bytes")
        import json  # loaded when there is a saved session, not on every start

        try:
            state = json.loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            return self._corrupt("it is not UTF-8 text")
        except (ValueError, RecursionError):
            return self._corrupt("it is not valid JSON")
        problem = schema_problem(state)
        if problem:
            return self._corrupt(problem)
        current = now if now is not None else time.time()
        saved_at = float(state["saved_at"])
        if not math.isfinite(saved_at) or current - saved_at > MAX_AGE_SECONDS:
            if self.claim():
                self.discard()
            return Loaded(LoadStatus.EXPIRED, state, reason="saved_at is not a time" if not math.isfinite(saved_at)
                          else "older than the limit")
        if saved_at - current > FUTURE_SLACK:
            return self._corrupt("saved_at lies in the future")
        return Loaded(LoadStatus.OK, state)

    def _corrupt(self, reason: str) -> Loaded:
        log.warning("autosave put aside: %s", reason)
        return Loaded(LoadStatus.CORRUPT, moved_to=self._move_aside() if self.claim() else None, reason=reason)

    def incompatible(self) -> Path | None:
        """The saved session no longer fits the flow (content changed): put it aside, never crash."""
        return self._move_aside() if self.claim() else None

    def discard(self) -> None:
        """Start over: the saved session, its attachments and edits, and leftover temporary files go (owner only:
        another window's session is never deleted from here)."""
        if not self.claim():
            log.info("autosave owned by another window; nothing discarded")
            return
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("could not remove the saved session: %s", exc.strerror)
        self.discard_attachments()
        self.remove_leftovers()

    def discard_attachments(self) -> None:
        """Forget what belongs to the review page: attachment copies and email edits."""
        if not self.claim():
            return
        shutil.rmtree(self.folder / ATTACHMENTS, ignore_errors=True)
        try:
            (self.folder / REVIEW_FILE).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove the saved email edits: %s", exc.strerror)

    def save_review(self, state: dict[str, object], public: Iterable[str] = ()) -> None:
        """The review's state; values it lists as confirmed public ("accepted") and `public` stay in it."""
        import json  # loaded with the first save or saved session, not on every start

        self._owned()
        self._ensure_folder()
        accepted = state.get("accepted")
        kept = [*public, *(v for v in accepted if isinstance(v, str))] if isinstance(accepted, list) else list(public)
        write_text_atomic(self.folder / REVIEW_FILE, json.dumps(_scrub(dict(state), kept, flat=True), ensure_ascii=False),
                          mode=0o600)

    def load_review(self) -> dict[str, object]:
        """The saved review as written; its reader checks each value (an unreadable file is an empty review)."""
        import json  # loaded with the first save or saved session, not on every start

        try:
            data = json.loads((self.folder / REVIEW_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return {}
        return data if _review_ok(data) else {}

    def save_attachments(self, files: list[tuple[str, bytes, bool]]) -> None:
        """Keep copies of the attachments (name, cleaned bytes, included); a text one holding a secret is left out."""
        import json  # loaded with the first save or saved session, not on every start

        from assistant.secrets.scan import find_secrets, has_blocking

        folder = self.folder / ATTACHMENTS
        self._owned()
        self._ensure_folder()
        folder.mkdir(exist_ok=True)
        os.chmod(folder, 0o700)
        manifest = []
        for index, (name, data, included) in enumerate(files):
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = ""
            if text and has_blocking(find_secrets(text)):
                continue
            stored = f"{index:03d}.bin"
            write_bytes_atomic(folder / stored, data, mode=0o600)
            manifest.append({"name": _scrub(name), "file": stored, "included": bool(included)})
        write_text_atomic(folder / "manifest.json", json.dumps(manifest, ensure_ascii=False), mode=0o600)
        for old in folder.glob("*.bin"):
            if old.name not in {m["file"] for m in manifest}:
                old.unlink(missing_ok=True)

    def load_attachments(self) -> list[tuple[str, bytes, bool]]:
        """The saved copies; anything unreadable is skipped (an attachment is never worth a crash)."""
        import json  # loaded with the first save or saved session, not on every start

        folder = self.folder / ATTACHMENTS
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return []
        files = []
        for item in manifest if isinstance(manifest, list) else []:
            try:
                if not (isinstance(item, dict) and _text_ok(item["name"]) and _text_ok(item["file"])):
                    raise TypeError("not a manifest entry")
                data = (folder / Path(item["file"]).name).read_bytes()
                files.append((item["name"], data, item.get("included", True) is not False))
            except (OSError, KeyError, TypeError, ValueError):
                log.warning("a saved attachment could not be read; skipped")
        return files

    def delete_all(self) -> None:
        """'Delete my data': the autosave folder with everything in it (set-aside files, attachment copies)."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def _move_aside(self) -> Path | None:
        target = self.folder / f"{FILE_NAME}.unreadable-{int(time.time())}"
        try:
            os.replace(self.path, target)
        except OSError:
            log.warning("could not move the unreadable autosave aside")
            return None
        log.warning("unreadable autosave moved to %s", target.name)
        return target
