"""Mistakes that used to pass silently and then showed on screen.

E025  an empty text (a blank title, or the raw choice id where a label belongs)
E035  a literal `\\n` (backslash + n), shown as those two characters — inside ''' … ''' nothing is escaped
E033  a malformed placeholder: full-width braces or digits (`｛n｝`, `{ｎ}`), or a name that is not ASCII
      (`{länge}`); the app would show it as it is (reported with the other placeholder differences)
W055  unbalanced Markdown: an odd number of `**` or backticks, a `[link](` without its `)`, or `＊＊`
W056  a menu accelerator (`&F`) the source has is dropped, or written twice
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.i18n.tokens import JINJA, blank

PLACEHOLDER_NAME = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
# Something written like a placeholder that the app will not replace.
_LOOKS_PLACEHOLDER = re.compile(r"[{｛]\s*([^\s{}｛｝]{1,40}?)\s*[}｝]")
_LITERAL_NEWLINE = re.compile(r"\\n")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_BOLD = re.compile(r"\*\*")
_OPEN_LINK = re.compile(r"\]\([^)\n]*$", re.M)
_ACCEL = re.compile(r"(?<!&)&(?!&)(?=[^\s&])")


def is_empty(value: str) -> bool:
    return not value.strip()


def literal_newlines(value: str) -> Iterator[int]:
    if "\\n" not in value:
        return
    work = blank(value, JINJA)
    for m in _LITERAL_NEWLINE.finditer(work):
        if m.start() and work[m.start() - 1] == "\\":
            continue  # "\\n" is a written backslash
        yield m.start()


def bad_placeholders(value: str) -> Iterator[tuple[int, str, str]]:
    """(offset, placeholder as written, message) for placeholders the app will not fill."""
    if "{" not in value and "｛" not in value:
        return
    work = blank(value, JINJA)
    for m in _LOOKS_PLACEHOLDER.finditer(work):
        text = m.group()
        if PLACEHOLDER_NAME.fullmatch(text):
            continue
        name = m.group(1)
        fixed = name.translate(_FULL_TO_ASCII)
        if text[0] == "｛" or text[-1] == "｝" or fixed != name:
            hint = "{" + fixed + "}" if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", fixed) else "ASCII { } and an ASCII name"
            yield m.start(), text, f"placeholder {text!r} is written with full-width characters; write {hint}"
        elif re.fullmatch(r"\w+", name):
            yield m.start(), text, (f"placeholder {text!r} has a name that is not plain ASCII letters, digits or _; "
                                    "copy the placeholder's name exactly from the source")


_FULL_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for part in re.split(r"(\n\s*\n)", text):
        if part.strip() and not re.fullmatch(r"\n\s*\n", part):
            yield offset, part
        offset += len(part)


def markdown_balance(value: str) -> Iterator[tuple[int, str, str]]:
    """(offset, mark, message) for Markdown that will show its markup instead of formatting."""
    if not any(mark in value for mark in ("*", "`", "](", "＊")):
        return
    work = blank(value, JINJA)
    if work.count("`") % 2:
        yield work.rfind("`"), "`", "odd number of backticks: a `code` span is not closed; add the missing `"
    work = blank(work, _CODE_SPAN)
    for start, para in _paragraphs(work):
        bold = [m.start() for m in _BOLD.finditer(para)]
        if len(bold) % 2:
            yield start + bold[-1], "**", "unbalanced **bold**: an opening ** has no closing ** in this paragraph, so the stars are shown"
    for m in _OPEN_LINK.finditer(work):
        yield m.start(), "](", "a Markdown link [text](target) is not closed with ')'; add the missing ')'"
    for m in re.finditer("＊＊", work):
        yield m.start(), "＊＊", "full-width ＊＊ is not Markdown; write ASCII **bold**"


def accelerators(value: str) -> int:
    return len(_ACCEL.findall(value))
