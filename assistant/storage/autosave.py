"""Crash-safe persistence of the session in progress: atomic, owner-only, never holding a secret.

One JSON file in the user data folder, replaced atomically after every step, so a kill at any moment
leaves either the previous step or the new one on disk.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from assistant.paths import user_data_dir
from assistant.storage.atomic import write_bytes_atomic, write_text_atomic

log = logging.getLogger(__name__)
SAVE_FORMAT = 1
MAX_AGE_SECONDS = 30 * 24 * 3600
FILE_NAME = "session.json"
ATTACHMENTS = "attachments"  # copies of the (already cleaned) attachments, with a manifest
REVIEW_FILE = "review.json"  # the person's own edits of the email (To, Subject, Body)


class LoadStatus(StrEnum):
    NONE = "none"
    OK = "ok"
    EXPIRED = "expired"
    CORRUPT = "corrupt"


@dataclass(frozen=True, slots=True)
class Loaded:
    status: LoadStatus
    state: dict | None = None  # Session.to_dict() plus "locale" and "saved_at"
    moved_to: Path | None = None  # where a corrupt file was put aside


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
    from assistant.secrets.scan import Severity, find_secrets, redact

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
    cleaned = [redact(text, [_Span(a, b) for a, b in spans[i]]) if spans[i] else text for i, text in enumerate(strings)]
    return _rebuild(value, cleaned, [0])


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


class AutosaveStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder else user_data_dir() / "autosave"

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    def _ensure_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)

    def save(self, session_state: dict, locale: str, now: float | None = None, public: Iterable[str] = ()) -> None:
        state = _scrub(dict(session_state), public)
        state.update({"save_format": SAVE_FORMAT, "locale": locale, "saved_at": now if now is not None else time.time()})
        self._ensure_folder()
        write_text_atomic(self.path, json.dumps(state, ensure_ascii=False, indent=1), mode=0o600)

    def load(self, now: float | None = None) -> Loaded:
        for leftover in self.folder.glob(f".{FILE_NAME}.*.tmp"):  # a write cut short by a crash
            leftover.unlink(missing_ok=True)
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Loaded(LoadStatus.NONE)
        except (OSError, UnicodeDecodeError):
            return Loaded(LoadStatus.CORRUPT, moved_to=self._move_aside())
        try:
            state = json.loads(raw)
            valid = (isinstance(state, dict) and state.get("save_format") == SAVE_FORMAT
                     and isinstance(state.get("saved_at"), (int, float)) and isinstance(state.get("flow"), str))
        except ValueError:
            valid = False
        if not valid:
            return Loaded(LoadStatus.CORRUPT, moved_to=self._move_aside())
        age = (now if now is not None else time.time()) - state["saved_at"]
        if age > MAX_AGE_SECONDS:
            self.discard()
            return Loaded(LoadStatus.EXPIRED, state)
        return Loaded(LoadStatus.OK, state)

    def incompatible(self) -> Path | None:
        """The saved session no longer fits the flow (content changed): put it aside, never crash."""
        return self._move_aside()

    def discard(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        self.discard_attachments()

    def discard_attachments(self) -> None:
        """Forget what belongs to the review page: attachment copies and email edits."""
        shutil.rmtree(self.folder / ATTACHMENTS, ignore_errors=True)
        (self.folder / REVIEW_FILE).unlink(missing_ok=True)

    def save_review(self, edits: dict[str, str], public: Iterable[str] = ()) -> None:
        self._ensure_folder()
        write_text_atomic(self.folder / REVIEW_FILE, json.dumps(_scrub(dict(edits), public, flat=True), ensure_ascii=False), mode=0o600)

    def load_review(self) -> dict[str, str]:
        try:
            data = json.loads((self.folder / REVIEW_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(data, dict) else {}

    def save_attachments(self, files: list[tuple[str, bytes, bool]]) -> None:
        """Keep copies of the attachments (name, cleaned bytes, included); a text one holding a secret is left out."""
        from assistant.secrets.scan import find_secrets, has_blocking

        folder = self.folder / ATTACHMENTS
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
        folder = self.folder / ATTACHMENTS
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        files = []
        for item in manifest if isinstance(manifest, list) else []:
            try:
                data = (folder / Path(str(item["file"])).name).read_bytes()
                files.append((str(item["name"]), data, bool(item.get("included", True))))
            except (OSError, KeyError, TypeError):
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
