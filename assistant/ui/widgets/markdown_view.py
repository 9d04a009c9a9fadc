"""Read-only Markdown text that never loads anything and hands link clicks to the window.

Rendering goes through assistant.content.markdown (raw HTML escaped, links filtered by domain), imported
on first use so Python-Markdown stays off the start-up path.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSizeF, Qt, QUrl, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

if TYPE_CHECKING:
    from assistant.i18n.jargon import Explanations


class MarkdownView(QTextBrowser):
    """Shows rendered Markdown. `fit_content` grows the view to its text instead of scrolling inside."""

    link_activated = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None, *, fit_content: bool = True) -> None:
        super().__init__(parent)
        self._fit = fit_content
        self._allowed: tuple[str, ...] = ()
        self._markdown = ""
        self.terms_explained: list[str] = []  # ids of the terms the note under the text explains
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

    def set_markdown(self, text: str, allowed_domains: tuple[str, ...], terms: Explanations | None = None) -> None:
        """Show `text`; with `terms`, the first use of each explained word is underlined with dots and a note
        under the text explains it: plain text in the same view, so keyboard and screen-reader users get it too."""
        from assistant.content.markdown import render, render_marked, to_plain

        self._markdown = text
        self._allowed = tuple(allowed_domains)
        html, used = render_marked(text, self._allowed, terms.patterns() if terms else ()) if text.strip() else ("", [])
        note = terms.note(used) if terms and used else ""
        self.terms_explained = list(used) if note else []
        if note:
            html += render(note, self._allowed)
        self.setHtml(html)
        self._dot_underline_terms()
        plain = "\n\n".join(to_plain(part) for part in (text, note) if part.strip())
        self.setAccessibleDescription(plain)
        has_links = "<a href" in html  # a marked term is a named anchor, not a link
        # Tab stops only where there is something to activate; screen readers still read the text.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if has_links or not self._fit else Qt.FocusPolicy.NoFocus)
        self.setVisible(bool(text.strip()))

    def markdown(self) -> str:
        return self._markdown

    def _dot_underline_terms(self) -> None:
        """Dots under each marked term. Qt names only the anchor's first character; the rest of the term follows
        underlined, without a name or link of its own."""
        from assistant.content.markdown import TERM_ANCHOR

        dotted = QTextCharFormat()
        dotted.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        document = self.document()
        block = document.begin()
        while block.isValid():
            fragments, in_term = block.begin(), False
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fmt = fragment.charFormat()
                names = fmt.anchorNames()
                in_term = (any(n.startswith(TERM_ANCHOR) for n in names)
                           or (in_term and fmt.fontUnderline() and not names and not fmt.anchorHref()))
                if in_term:
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(dotted)
                fragments += 1
            block = block.next()

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 - Qt override
        return None  # never fetch images, style sheets or anything else

    def _fit_height(self, size: QSizeF) -> None:
        margins = self.contentsMargins()
        self.setFixedHeight(int(size.height()) + margins.top() + margins.bottom() + 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._fit:
            self.document().setTextWidth(self.viewport().width())
