"""The files attached to the support email under review, in the order shown, each ticked in or out."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from assistant.email import attachments as att
from assistant.secrets.guard import Hit


class AttachmentShelf:
    def __init__(self) -> None:
        self.entries: list[tuple[att.Attachment, bool]] = []  # (file, included)

    def included(self) -> tuple[att.Attachment, ...]:
        return tuple(a for a, included in self.entries if included)

    def add(self, paths: Iterable[str]) -> list[att.AttachmentError]:
        """Load files (pictures re-encoded without metadata); returns the refused ones."""
        problems: list[att.AttachmentError] = []
        for path in paths:
            try:
                item = att.load(path)
                att.check_total(self.included(), item)
            except att.AttachmentError as exc:
                problems.append(exc)
                continue
            self.entries.append((item, True))
        renamed = att.with_unique_names([a for a, _included in self.entries])
        self.entries = [(a, included) for a, (_old, included) in zip(renamed, self.entries, strict=True)]
        return problems

    def restore(self, files: Sequence[tuple[str, bytes, bool]]) -> None:
        """Files kept by autosave: (name, cleaned bytes, included); one that no longer loads is skipped."""
        for name, data, included in files:
            try:
                self.entries.append((att.from_bytes(data, name), included))
            except att.AttachmentError:
                continue

    def remove(self, index: int) -> bool:
        if not 0 <= index < len(self.entries):
            return False
        del self.entries[index]
        return True

    def set_included(self, index: int, included: bool) -> bool:
        if not 0 <= index < len(self.entries):
            return False
        self.entries[index] = (self.entries[index][0], included)
        return True

    def redact(self, hit: Hit, placeholder: str) -> None:
        """Put `placeholder` over the find in the file's name or text."""
        for i, (a, included) in enumerate(self.entries):
            if a.filename != hit.part.label:
                continue
            s, e = hit.finding.start, hit.finding.end
            if hit.part.name == "attachment_name":
                a = replace(a, filename=att.safe_filename(a.filename[:s] + placeholder + a.filename[e:]))
            else:
                text = a.text()
                a = replace(a, data=(text[:s] + placeholder + text[e:]).encode("utf-8"))
            self.entries[i] = (a, included)
            return
