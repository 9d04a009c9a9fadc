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
REVIEW_FILE = "review.json"  # the review of the email: the person's own wording, ticks, email language


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


def _scrub(value):
    """Cut every secret out of the strings: autosave must never write one, whatever got past the forms."""
    from assistant.secrets.scan import Severity, find_secrets, redact

    if isinstance(value, str):
        blocking = [f for f in find_secrets(value) if f.severity is Severity.BLOCK]
        return redact(value, blocking) if blocking else value
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


class AutosaveStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder else user_data_dir() / "autosave"

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    def _ensure_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)

    def save(self, session_state: dict, locale: str, now: float | None = None) -> None:
        state = _scrub(dict(session_state))
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

    def save_review(self, state: dict[str, object]) -> None:
        self._ensure_folder()
        write_text_atomic(self.folder / REVIEW_FILE, json.dumps(_scrub(dict(state)), ensure_ascii=False), mode=0o600)

    def load_review(self) -> dict[str, object]:
        """The saved review as written; its reader checks each value (an unreadable file is an empty review)."""
        try:
            data = json.loads((self.folder / REVIEW_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

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
