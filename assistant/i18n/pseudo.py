"""The pseudo-locale en-XA: English with accents, brackets and ~40 % padding, made from `en` at load time.

It shows at a glance which interface strings do not come from content (they stay plain), and which labels
clip or overflow (the closing bracket goes missing). It is never written to content/: it is synthesised by
the loader when WSA_PSEUDO_LOCALE=1 is set (the main window's language menu then lists it) and is always
offered by the translator window. `check` skips it.

Data must survive: template code, {placeholders}, link targets, URLs, emails, domains, addresses and
numbers are left untouched, so an email rendered in en-XA still carries real values.
"""
from __future__ import annotations

import math
import re

from assistant.content.catalog import Catalog, LocaleInfo, TextEntry
from assistant.i18n.tokens import ADDRESS, AUTOLINK, DOMAIN, EMAIL, JINJA, MD_LINK, PLACEHOLDER, URL

PSEUDO_CODE = "en-XA"
PSEUDO_NAME = "English (pseudo, en-XA)"
EXPANSION = 0.4
_ACCENTS = str.maketrans(
    "abcdefghijklnoprstuwyzABCDEFGHIJKLNOPRSTUWYZ",
    "áƀçďéƒĝĥíĵķĺñöþŕšţüŵýžÀƁÇĎÉƑĜĤÎĴĶĹÑÖÞŔŠŢÜŴÝŽ",
)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_PROTECTED = (JINJA, PLACEHOLDER, _CODE_SPAN, AUTOLINK, URL, EMAIL, DOMAIN, ADDRESS)
_LINK_TARGET = MD_LINK



def _protected_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span(1) for m in _LINK_TARGET.finditer(text)]
    for pattern in _PROTECTED:
        spans.extend(m.span() for m in pattern.finditer(text))
    return sorted(spans)


def accent(text: str) -> str:
    """Accent every letter outside protected spans."""
    out: list[str] = []
    pos = 0
    for start, end in _protected_spans(text):
        if start < pos:
            start = pos
        if end <= pos:
            continue
        out.append(text[pos:start].translate(_ACCENTS))
        out.append(text[start:end])
        pos = end
    out.append(text[pos:].translate(_ACCENTS))
    return "".join(out)


def _pad(line: str) -> str:
    visible = len(JINJA.sub("", line).strip())
    return "~" * math.ceil(visible * EXPANSION) if visible else ""


def pseudo_text(text: str, *, template: bool = False) -> str:
    """en → en-XA for one value; multi-line values (Markdown, templates) are padded line by line."""
    if "\n" not in text and not template:
        return f"[{accent(text)} {_pad(text)}]" if text.strip() else text
    lines = []
    for line in text.split("\n"):
        if not JINJA.sub("", line).strip():
            lines.append(line)  # blank, or template code only
        else:
            lines.append(f"{accent(line)} {_pad(line)}")
    return "\n".join(lines)


def add_pseudo_locale(catalog: Catalog, base: str = "en", code: str = PSEUDO_CODE) -> None:
    """Synthesise `code` from `base` (through its fallback chain) into an already loaded catalog."""
    if base not in catalog.texts:
        base = catalog.source_locale
    keys = dict.fromkeys([*catalog.texts.get(catalog.source_locale, {}), *catalog.texts.get(base, {})])
    table: dict[str, TextEntry] = {}
    for key in keys:
        entry = catalog.entry(base, key)
        if entry is None:
            continue
        template = key.startswith("email.")
        value = (pseudo_text(entry.value, template=template) if isinstance(entry.value, str)
                 else tuple(pseudo_text(v) for v in entry.value))
        table[key] = TextEntry(value, entry.path, entry.line, entry.unit)
    catalog.texts[code] = table
    catalog.locks[code] = {}
    catalog.locales[code] = LocaleInfo(code, PSEUDO_NAME, (base,), catalog.locales.get(base, LocaleInfo(base, base)).fonts,
                                       pseudo=True)
