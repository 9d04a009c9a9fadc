"""The window's few styles: a visible focus ring on everything that takes focus, one accent for the primary
action, quiet secondary buttons, chosen cards, invalid fields. Colours come from the palette (light or dark) and
every text colour here keeps at least 4.5:1 contrast with its background (tests/ui/test_accessibility.py).
"""
from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette

FOCUS_WIDTH = 2  # px, WCAG 2.4.11: a focus indicator at least 2 px thick


class Theme(NamedTuple):
    focus: str  # the focus ring
    accent: str  # the primary action's background
    accent_text: str
    accent_focus: str  # the ring around a focused primary button
    error: str
    notice: str
    border: str


LIGHT = Theme(focus="#0b57d0", accent="#0b57d0", accent_text="#ffffff", accent_focus="#000000",
              error="#a4161a", notice="#7a4b00", border="#8a8f98")
DARK = Theme(focus="#8ab4f8", accent="#8ab4f8", accent_text="#202124", accent_focus="#ffffff",
             error="#ff8a80", notice="#ffd180", border="#80868b")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def theme_for(palette: QPalette) -> Theme:
    return DARK if is_dark(palette) else LIGHT


def stylesheet(palette: QPalette) -> str:
    t = theme_for(palette)
    w = FOCUS_WIDTH
    button = palette.color(QPalette.ColorRole.Button).name()
    base = palette.color(QPalette.ColorRole.Base).name()
    alternate = palette.color(QPalette.ColorRole.AlternateBase).name()
    return f"""
* {{ selection-background-color: {t.accent}; selection-color: {t.accent_text}; }}
QPushButton {{ border: 1px solid {t.border}; border-radius: 4px; padding: {w + 3}px 12px; background: {button}; }}
QPushButton:hover {{ background: {alternate}; }}
QPushButton:focus {{ border: {w}px solid {t.focus}; padding: {w + 2}px 11px; }}
QPushButton:flat {{ border-color: transparent; background: transparent; }}
QPushButton:flat:focus {{ border: {w}px solid {t.focus}; }}
QPushButton:checked {{ border: {w}px solid {t.accent}; background: {alternate}; padding: {w + 2}px 11px; }}
QPushButton[primary="true"] {{ background: {t.accent}; color: {t.accent_text}; border-color: {t.accent};
    font-weight: bold; }}
QPushButton[primary="true"] QLabel {{ color: {t.accent_text}; }}
QPushButton[primary="true"]:focus {{ border: {w}px solid {t.accent_focus}; }}
QPushButton[secondary="true"] {{ background: transparent; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QListWidget {{ border: 1px solid {t.border}; border-radius: 3px;
    padding: {w}px; background: {base}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QListWidget:focus {{
    border: {w}px solid {t.focus}; padding: 1px; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{ border: {w}px solid {t.error}; padding: 1px; }}
QCheckBox, QRadioButton {{ border: {w}px solid transparent; border-radius: 3px; padding: 1px 2px; }}
QCheckBox:focus, QRadioButton:focus {{ border: {w}px solid {t.focus}; }}
QTextBrowser:focus {{ border: {w}px solid {t.focus}; }}
"""


def dark_palette() -> QPalette:
    """A dark palette for screenshots and tests (the system's own is used when the desktop is dark)."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#2b2c2f", QPalette.ColorRole.AlternateBase: "#35363a",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#303134",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#202124", QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.ToolTipBase: "#303134", QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7f8388"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#7f8388"))
    return palette


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)
