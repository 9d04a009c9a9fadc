"""Text made safe to lay out on paper (print and PDF), Qt-free: what the reader sees is what was written.

- Bidi controls were already made visible by `exports.clean_body` (`[U+202E]`), so no override can reverse text.
- A character no installed font can draw (an emoji on a machine without an emoji font) becomes its name in
  brackets, `[grinning face]`, instead of an empty box; the joiners and modifiers of an emoji sequence go with it.
- Curly quotes, apostrophes and dashes in Latin text are marked for a Latin font: a CJK font draws them
  full-width, which looks like a wide gap in an English sentence. In Chinese text they stay CJK.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable

# Punctuation shared by Latin and CJK text whose glyph width depends on the font.
SHARED_PUNCTUATION = frozenset("‘’‚‛“”„‟…–—′″")
_SEQUENCE_PARTS = frozenset({0x200D, 0xFE0E, 0xFE0F, 0x20E3}) | set(range(0x1F3FB, 0x1F400)) | set(range(0xE0020, 0xE0080))


def is_cjk(c: str) -> bool:
    cp = ord(c)
    return (0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF
            or 0x20000 <= cp <= 0x3FFFF)


def _letter(c: str) -> bool:
    return unicodedata.category(c)[0] in "LN"


def latin_punctuation(text: str) -> list[int]:
    """Indexes (in code points) of shared punctuation whose nearest letters on both sides are not CJK, and at least
    one of them is Latin-script (a quote around English words)."""
    found = []
    for i, c in enumerate(text):
        if c not in SHARED_PUNCTUATION:
            continue
        before = next((x for x in reversed(text[max(0, i - 40):i]) if _letter(x) or x == "\n"), "")
        after = next((x for x in text[i + 1:i + 41] if _letter(x) or x == "\n"), "")
        near = [x for x in (before, after) if x and x != "\n"]
        if near and not any(is_cjk(x) for x in near) and any(x.isascii() or "LATIN" in unicodedata.name(x, "") for x in near):
            found.append(i)
    return found


def drawable(text: str, supported: Callable[[str], bool]) -> str:
    """`text` with every character `supported` rejects written as its name in brackets (emoji sequences as one)."""
    out: list[str] = []
    for c in text:
        if c in "\n\t " or supported(c):
            out.append(c)
        elif ord(c) in _SEQUENCE_PARTS:
            continue  # a joiner, variation selector or skin tone: part of the character named just before
        else:
            out.append(f"[{unicodedata.name(c, f'U+{ord(c):04X}').lower()}]")
    return "".join(out)
