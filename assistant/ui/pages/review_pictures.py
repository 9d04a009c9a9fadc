"""The review page's picture checks: each attached picture is read off the GUI thread (a few seconds each), and
the verdicts are shown under the attachments. Mixed into ReviewPage, which provides `review` (the model),
`attach_group`, `texts` and the `picture_checked` signal; the rules live in `assistant.app.pictures`."""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.vision.check import PictureCheck
    from assistant.vision.engine import Recogniser


class PictureActions:
    recogniser: Recogniser | None = None  # None: the OCR engine; tests put a fast stand-in here

    def start_picture_checks(self) -> None:
        """Read every picture not read yet, one after another on a worker thread, and show the busy state."""
        jobs = self.review.pictures.jobs(a for a, _included in self.review.files.entries)
        if jobs:
            threading.Thread(target=self._read_pictures, args=(jobs,), name="picture-check", daemon=True).start()
        self.show_pictures()

    def _read_pictures(self, jobs) -> None:
        from assistant.vision.check import PictureCheck, PictureState

        for key, job in jobs:
            try:
                result = job()
            except Exception:  # any failure means the same thing to the person: this picture was not checked
                result = PictureCheck(PictureState.UNCHECKED, detail="failed")
            try:
                self.picture_checked.emit(key, result)
            except RuntimeError:  # the page was closed meanwhile
                return

    def _on_picture_checked(self, key: str, result: PictureCheck) -> None:
        self.review.apply_picture_check(key, result)
        self.show_pictures()

    def show_pictures(self) -> None:
        review = self.review
        rows = [(a, included, review.pictures.of(a), review.pictures.is_confirmed(a)) for a, included in review.files.entries]
        self.attach_group.show_files(review.files.entries, rows, self.texts.ui)

    def _on_picture_confirmed(self, index: int, confirmed: bool) -> None:
        self.review.confirm_unchecked_picture(index, confirmed)
