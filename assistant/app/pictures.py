"""What each attached picture was found to show: the reading runs off the GUI thread, the verdicts live here.

A picture is keyed by its cleaned bytes, so renaming or re-ticking it keeps its verdict. Until it is read it
holds the .eml back; a picture showing a recovery phrase or key holds it back until it is removed; one that
could not be read (no OCR installed, or it failed) holds it back until the person confirms they looked at it.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import partial

from assistant.app.review_types import Blocker
from assistant.email.attachments import Attachment
from assistant.vision.check import PictureCheck, PictureState, check_picture
from assistant.vision.engine import Recogniser


def digest(attachment: Attachment) -> str:
    return hashlib.sha256(attachment.data).hexdigest()


class PictureChecks:
    def __init__(self, recogniser: Recogniser | None = None) -> None:
        self.recogniser = recogniser  # None: the OCR engine (tests inject a fake one for speed)
        self.results: dict[str, PictureCheck] = {}
        self.running: set[str] = set()
        self.confirmed: set[str] = set()  # unchecked pictures the person says show no secret

    def jobs(self, files: Iterable[Attachment]) -> list[tuple[str, Callable[[], PictureCheck]]]:
        """A job per picture not read yet and not being read: (key, function another thread may run)."""
        out: list[tuple[str, Callable[[], PictureCheck]]] = []
        for a in files:
            key = digest(a)
            if a.is_image and key not in self.results and key not in self.running:
                self.running.add(key)
                out.append((key, partial(check_picture, a.data, self.recogniser)))
        return out

    def apply(self, key: str, result: PictureCheck) -> None:
        self.running.discard(key)
        self.results[key] = result

    def run_now(self, files: Iterable[Attachment]) -> None:
        """Read every picture not read yet, on this thread."""
        for key, job in self.jobs(files):
            self.apply(key, job())

    def of(self, attachment: Attachment) -> PictureCheck | None:
        """The verdict on a picture; None while it is being read (and for text files, which are scanned as text)."""
        return self.results.get(digest(attachment)) if attachment.is_image else None

    def pending(self, files: Iterable[Attachment]) -> bool:
        return any(a.is_image and digest(a) not in self.results for a in files)

    def confirm(self, attachment: Attachment, confirmed: bool) -> None:
        (self.confirmed.add if confirmed else self.confirmed.discard)(digest(attachment))

    def is_confirmed(self, attachment: Attachment) -> bool:
        return digest(attachment) in self.confirmed

    def blocker(self, files: Iterable[Attachment]) -> Blocker | None:
        """Why these pictures cannot leave yet, the most serious reason first; None when they may."""
        found: Blocker | None = None
        for a in files:
            if not a.is_image:
                continue
            result = self.of(a)
            if result is not None and result.state is PictureState.REFUSED:
                return Blocker.PICTURE_REFUSED
            if result is None:
                found = Blocker.PICTURE_PENDING
            elif result.state is PictureState.UNCHECKED and not self.is_confirmed(a) and found is None:
                found = Blocker.PICTURE_UNCHECKED
        return found
