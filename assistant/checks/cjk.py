"""CJK typography for Chinese (and Japanese) text.

W050  ASCII `, . : ; ? !` (or `...`) written next to Chinese characters; use the full-width form
W051  a line break inside a Chinese Markdown paragraph, which Qt shows as a stray space

Not reported: URLs, emails, domains, version and decimal numbers (2.3.1, 14:05), Markdown list markers
("1."), template code, and ASCII punctuation between Latin words (", Solana").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.i18n.tokens import AUTOLINK, DOMAIN, EMAIL, LIST_MARKER, MD_LINK, URL, blank, mask_markup

CJK_LANGUAGES = frozenset({"zh", "ja"})
# Han, kana, CJK symbols and punctuation, full-width forms
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_ASCII_PUNCT = re.compile(r"\.{2,}|[,.:;?!]")
_FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！"}
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d{1,3}[.)]\s|#|>|```|~~~|\|)")


def is_cjk_locale(code: str) -> bool:
    return code.split("-")[0].lower() in CJK_LANGUAGES


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK.match(ch))


def _masked(text: str) -> str:
    work = mask_markup(text)
    for pattern in (_CODE_SPAN, MD_LINK, AUTOLINK, EMAIL, URL, DOMAIN, LIST_MARKER):
        work = blank(work, pattern)
    return work


def ascii_punctuation(text: str) -> Iterator[tuple[int, str]]:
    """(offset, message) for ASCII punctuation that touches Chinese characters."""
    if not _ASCII_PUNCT.search(text):
        return
    work = _masked(text)
    for m in _ASCII_PUNCT.finditer(work):
        start, end = m.span()
        before = work[start - 1] if start else ""
        after = work[end] if end < len(work) else ""
        if not (_is_cjk(before) or _is_cjk(after)):
            continue
        mark = m.group()
        if len(mark) > 1:
            yield start, f"ASCII {mark!r} in Chinese text; write the ellipsis as '……'"
            continue
        if before.isdigit() and after.isdigit():
            continue
        if mark == "!" and after == "[":
            continue  # Markdown image
        yield start, f"ASCII {mark!r} in Chinese text; use the full-width {_FULL[mark]!r}"


def soft_breaks(text: str) -> Iterator[tuple[int, str]]:
    """(offset of the line end, message) for single line breaks between two CJK characters."""
    lines = text.split("\n")
    offset = 0
    fenced = False
    for i, line in enumerate(lines[:-1]):
        end = offset + len(line)
        offset = end + 1
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        nxt = lines[i + 1]
        if fenced or not line.strip() or not nxt.strip() or _BLOCK_START.match(nxt):
            continue
        if line.endswith(("  ", "\\")):
            continue  # Markdown hard line break
        if _is_cjk(line.rstrip()[-1:]) and _is_cjk(nxt.lstrip()[:1]):
            yield end, ("line break inside a Chinese paragraph is shown as a space; join the two lines, "
                        "or leave an empty line to start a new paragraph")
