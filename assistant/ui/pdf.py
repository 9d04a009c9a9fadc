"""Lay the exported text out for PDF and print: every character drawable, Latin punctuation in a Latin font.

The rules are Qt-free in `assistant.email.printable`; this module asks the installed fonts what they can draw
and applies the formats. An emoji on a machine without an emoji font is written as its name (`[grinning face]`)
rather than an empty box; a curly quote in an English sentence gets a Latin glyph instead of a full-width CJK one.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QRawFont,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from assistant.email import exports
from assistant.email.printable import drawable, is_cjk, latin_punctuation

EMOJI_FONTS = ("Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", "Noto Emoji", "Twemoji Mozilla", "Symbola")
LATIN_FONTS = ("DejaVu Sans", "Liberation Sans", "Noto Sans", "Segoe UI", "Helvetica Neue", "Helvetica", "Arial")


class Coverage:
    """Which characters the installed fonts among `families` can draw (asked once per character)."""

    def __init__(self, families: list[str]) -> None:
        installed = set(QFontDatabase.families())
        self.fonts = [QRawFont.fromFont(QFont(f)) for f in dict.fromkeys(families) if f in installed]
        self._known: dict[str, bool] = {}

    def supports(self, c: str) -> bool:
        if c not in self._known:
            self._known[c] = any(font.isValid() and font.supportsCharacter(ord(c)) for font in self.fonts)
        return self._known[c]


def latin_family(families: list[str]) -> str | None:
    """An installed font for Latin text that draws the quote as a Latin glyph (not a CJK one)."""
    installed = set(QFontDatabase.families())
    for family in (*LATIN_FONTS, QFont().defaultFamily()):
        if family in installed and not QFontDatabase.writingSystems(family).count(QFontDatabase.WritingSystem.SimplifiedChinese):
            return family
    return None


def document(text: str, families: list[str], point_size: int = 0) -> QTextDocument:
    """A plain-text document of `text` in `families` (plus emoji fonts), with the fallbacks above applied."""
    every = list(dict.fromkeys([*families, *EMOJI_FONTS]))
    latin = latin_family(families)
    text = drawable(text, Coverage([*every, *([latin] if latin else [])]).supports)
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(every)
    if point_size:
        font.setPointSize(point_size)
    doc.setDefaultFont(font)
    doc.setPlainText(text)
    if latin:
        fmt = QTextCharFormat()
        fmt.setFontFamilies([latin, *every])
        cursor = QTextCursor(doc)
        wanted = set(latin_punctuation(text))
        offset = 0  # QTextDocument counts UTF-16 code units
        for index, c in enumerate(text):
            width = 2 if ord(c) > 0xFFFF else 1
            if index in wanted:
                cursor.setPosition(offset)
                cursor.setPosition(offset + width, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
            offset += width
    return doc


def write_pdf(text: str, path: Path, families: list[str], title: str = "") -> Path:
    """Lay `text` out on A4 pages and save it atomically (owner-only, via exports.write_file)."""
    doc = document(text, families, 10)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long hashes and links
    doc.setDefaultTextOption(option)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Wallet Support Assistant")
    # Lay the text out on the writer's own page, so lines use the full printable width.
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    del writer
    return exports.write_file(path, bytes(buffer.data()))


__all__ = ["Coverage", "document", "is_cjk", "latin_family", "write_pdf"]
