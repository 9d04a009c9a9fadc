"""The red box above the email that lists every secret the live check found, each with its "remove it" button.

Confirm-level finds (e.g. 64 hex characters, which may be a transaction hash) also get a "keep" button. The panel
only shows hits and reports clicks by index; the page owns the texts and does the removing.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from assistant.secrets.guard import Hit
from assistant.ui.widgets.labels import Heading, ToneLabel, WrapLabel


class SecretPanel(QFrame):
    remove_requested = Signal(int)
    keep_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secret_box")
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet("#secret_box { border: 2px solid #c62828; border-radius: 4px; }")
        self.rows = QVBoxLayout(self)
        self.hide()

    def show_hits(self, hits: Sequence[Hit], ui: Callable[..., str]) -> None:
        """Replace the listed hits; hidden when there are none."""
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if hits:
            title = Heading(ui("review.secret.heading"), scale=1.1)
            title.setObjectName("secret_heading")
            self.rows.addWidget(title)
            intro = ToneLabel("error")
            intro.setObjectName("secret_intro")
            intro.setText(ui("review.secret.intro"))
            self.rows.addWidget(intro)
        for i, hit in enumerate(hits):
            self.rows.addWidget(self._row(i, hit, ui))
        self.setVisible(bool(hits))

    def _row(self, i: int, hit: Hit, ui: Callable[..., str]) -> QWidget:
        kind = str(hit.finding.kind)
        where = ui(f"review.secret.where_{hit.part.name}", line=hit.line, name=hit.part.label)
        row = QHBoxLayout()
        text = WrapLabel(ui("review.secret.hit", kind=ui(f"review.secret.kind.{kind}"), where=where,
                            why=ui(f"review.secret.why.{kind}")))
        text.setObjectName(f"secret_hit_{i}")
        row.addWidget(text, 1)
        remove = QPushButton(ui("review.secret.remove"), objectName=f"secret_remove_{i}")
        remove.clicked.connect(lambda _c=False: self.remove_requested.emit(i))
        row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        if not hit.blocking:
            keep = QPushButton(ui("review.secret.keep_hash" if kind == "private_key_hex" else "review.secret.keep"),
                               objectName=f"secret_keep_{i}")
            keep.clicked.connect(lambda _c=False: self.keep_requested.emit(i))
            row.addWidget(keep, 0, Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        return holder
