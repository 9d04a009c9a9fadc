"""Read-only Markdown text that never loads anything and hands link clicks to the window.

Rendering goes through assistant.content.markdown (raw HTML escaped, links filtered by domain), imported
on first use so Python-Markdown stays off the start-up path.
"""
from __future__ import annotations

from PySide6.QtCore import QSizeF, Qt, QUrl, Signal
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget


class MarkdownView(QTextBrowser):
    """Shows rendered Markdown. `fit_content` grows the view to its text instead of scrolling inside."""

    link_activated = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None, *, fit_content: bool = True) -> None:
        super().__init__(parent)
        self._fit = fit_content
        self._allowed: tuple[str, ...] = ()
        self._markdown = ""
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_activated)
        if fit_content:  # reads like the labels around it: no frame, no margin, no own background
            self.document().setDocumentMargin(0)
            self.setFrameShape(QFrame.Shape.NoFrame)
            self.viewport().setAutoFillBackground(False)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
            self.document().documentLayout().documentSizeChanged.connect(self._fit_height)

    def set_markdown(self, text: str, allowed_domains: tuple[str, ...]) -> None:
        from assistant.content.markdown import render, to_plain

        self._markdown = text
        self._allowed = tuple(allowed_domains)
        html = render(text, self._allowed) if text.strip() else ""
        self.setHtml(html)
        self.setAccessibleDescription(to_plain(text) if text.strip() else "")
        has_links = "<a " in html
        # Tab stops only where there is something to activate; screen readers still read the text.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if has_links or not self._fit else Qt.FocusPolicy.NoFocus)
        self.setVisible(bool(text.strip()))

    def markdown(self) -> str:
        return self._markdown

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 - Qt override
        return None  # never fetch images, style sheets or anything else

    def _fit_height(self, size: QSizeF) -> None:
        margins = self.contentsMargins()
        self.setFixedHeight(int(size.height()) + margins.top() + margins.bottom() + 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._fit:
            self.document().setTextWidth(self.viewport().width())
