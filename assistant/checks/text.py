"""Checks on the text itself, each pointing at the exact line and column in the file.

E033  malformed placeholders (full-width braces or digits, non-ASCII names) — see checks.markup
E025  an empty text;  E035  a literal `\n`
E040  raw HTML in Markdown text (shown as plain text; and a way to hide where a link goes)
E041  invisible or text-direction (bidi) control characters
E042-E044  links, URLs, emails, addresses and numbers against the source text (see i18n.tokens)
E045, W040  glossary names translated or lost (content/glossary.toml, see i18n.glossary)
W050, W051, W054  typography for Chinese, Japanese and Korean (see checks.typography)
W052  a translation identical to the source text (probably not translated yet)
W055  unbalanced Markdown;  W056  a menu accelerator (&F) dropped or doubled
"""
from __future__ import annotations

import re
from pathlib import Path

from assistant.checks.markup import accelerators, bad_placeholders, is_empty, literal_newlines, markdown_balance
from assistant.checks.typography import is_cjk_locale, korean_spacing, language, punctuation, soft_breaks
from assistant.content.catalog import Catalog, TextEntry
from assistant.errors import line_col
from assistant.i18n.glossary import keep_words, load_glossary, looks_untranslated, term_problems
from assistant.i18n.tokens import allowed_message, compare, disallowed_links
from assistant.problems import Problem, Severity

_RAW_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", re.S)
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
TEMPLATE_PREFIX = "email."
LABELS_PREFIX = "email_labels."
_EMPTY = ("{name} is empty, so the screen shows a blank or the raw id; write the text, or delete the key so the "
          "fallback language is shown until you translate it")
_NEWLINE = ("literal \\n in {name} is shown as a backslash and an n; inside ''' … ''' press Enter for a new line "
            "(an empty line starts a new paragraph)")


class Locator:
    """Turn an offset inside a text value into file line:col, reading each file once."""

    def __init__(self) -> None:
        self._lines: dict[Path, list[str]] = {}

    def lines(self, path: Path) -> list[str]:
        if path not in self._lines:
            try:
                self._lines[path] = path.read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeError):
                self._lines[path] = []
        return self._lines[path]

    def find(self, entry: TextEntry, value: str, offset: int) -> tuple[int, int]:
        lines = self.lines(entry.path)
        k, column = line_col(value, offset)
        start = offset - column + 1
        end = value.find("\n", offset)
        vline = value[start: len(value) if end < 0 else end]
        first = entry.line - 1 + k
        window = range(max(0, entry.line - 1), min(len(lines), first + (40 if k == 0 else 2)))
        if vline.strip():
            for n in window:
                pos = lines[n].find(vline)
                if pos >= 0:
                    return n + 1, pos + offset - start + 1
        snippet = value[offset: offset + 6].split("\n")[0]
        if snippet.strip():
            for n in window:
                pos = lines[n].find(snippet)
                if pos >= 0:
                    return n + 1, pos + 1
        return entry.line + k, 1


def _values(entry: TextEntry) -> tuple[str, ...]:
    return (entry.value,) if isinstance(entry.value, str) else entry.value


def _joined(entry: TextEntry | None) -> str:
    return "" if entry is None else "\n".join(_values(entry))


def check_texts(catalog: Catalog, locales: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    locator = Locator()
    source_texts = catalog.texts.get(catalog.source_locale, {})
    allowed = catalog.link_domains
    keep = keep_words(catalog)
    glossary = load_glossary(catalog.content_dir)

    def add(entry: TextEntry, value: str, offset: int | None, severity: Severity, code: str, message: str,
            token: str | None = None) -> None:
        line, col = locator.find(entry, value, offset) if offset is not None and offset >= 0 else (entry.line, 1)
        problems.append(Problem(entry.path, line, col, severity, code, message, token))

    for locale in locales:
        is_source = locale == catalog.source_locale
        cjk = is_cjk_locale(locale)
        korean = language(locale) == "ko"
        chain = [c for c in catalog.chain(locale) if c != locale]
        for key, entry in catalog.texts.get(locale, {}).items():
            template = key.startswith(TEMPLATE_PREFIX)
            source = source_texts.get(key)
            src_values = _values(source) if source is not None else ()
            name = repr(key.split(".", 1)[1])
            for index, value in enumerate(_values(entry)):
                src_value = src_values[index] if index < len(src_values) else (src_values[0] if src_values else "")
                if is_empty(value):
                    # in email_labels.toml an empty text deliberately leaves a line out of the email
                    if (is_source or not is_empty(src_value)) and not key.startswith(LABELS_PREFIX):
                        add(entry, value, None, Severity.ERROR, "E025", _EMPTY.format(name=name))
                    continue
                for offset in literal_newlines(value) if is_source or not any(True for _ in literal_newlines(src_value)) else ():
                    add(entry, value, offset, Severity.ERROR, "E035", _NEWLINE.format(name=name), "\\n")
                if not template:
                    for offset, written, message in bad_placeholders(value):
                        add(entry, value, offset, Severity.ERROR, "E033", f"{message} (in {name})", written)
                    for m in _RAW_HTML.finditer(value):
                        add(entry, value, m.start(), Severity.ERROR, "E040",
                            f"raw HTML {m.group()[:30]!r} is not allowed in content (it is shown as plain text and can hide "
                            "where a link goes); use Markdown: **bold**, [text](https://…), lists", m.group())
                    if is_source or not any(True for _ in markdown_balance(src_value)):
                        for offset, mark, message in markdown_balance(value):
                            add(entry, value, offset, Severity.WARNING, "W055", message, mark)
                    if not is_source:
                        want, have = accelerators(src_value), accelerators(value)
                        if want == 1 and have != 1:
                            what = "is missing, so the menu has no Alt+letter shortcut" if have == 0 else \
                                f"is written {have} times, but only one letter can be the shortcut"
                            add(entry, value, None, Severity.WARNING, "W056",
                                f"the menu accelerator '&' of {name} {what}; mark exactly one letter as the source does "
                                f"({src_value!r}), e.g. 'ファイル(&F)'", "&")
                for m in _INVISIBLE.finditer(value):
                    add(entry, value, m.start(), Severity.ERROR, "E041",
                        f"invisible or text-direction character U+{ord(m.group()):04X} in {key!r}; delete it "
                        "(it can make text or addresses look different from what they are)", f"U+{ord(m.group()):04X}")
                for t in disallowed_links(value, allowed):
                    add(entry, value, t.offset, Severity.ERROR, "E043", allowed_message(t, allowed), t.value)
                for offset, mark, message in punctuation(value, locale):
                    add(entry, value, offset, Severity.WARNING, "W050", message, mark)
                if korean:
                    for offset, mark, message in korean_spacing(value):
                        add(entry, value, offset, Severity.WARNING, "W054", message, mark)
                if cjk and not template and "\n" in value.strip():
                    for offset, message in soft_breaks(value, locale):
                        add(entry, value, offset, Severity.WARNING, "W051", message)
            if is_source or source is None:
                continue  # obsolete keys: coverage reports them
            text = _joined(entry)
            if is_empty(text):
                continue
            for code, token, message in compare(_joined(source), text):
                add(entry, text, token.offset if token else None, Severity.ERROR, code, message,
                    token.value if token else None)
            for code, at, term, message in term_problems(glossary, _joined(source), text):
                if code == "W040" and not isinstance(entry.value, str):
                    continue  # search keywords need not repeat every name
                add(entry, text, at, Severity.ERROR if code.startswith("E") else Severity.WARNING, code,
                    f"{message} (in {name})", term)
            for other in chain:
                ref = catalog.texts.get(other, {}).get(key)
                if ref is not None and looks_untranslated(text, _joined(ref), keep):
                    add(entry, text, None, Severity.WARNING, "W052",
                        f"{name} is identical to the {other} text, so it is probably not translated yet; "
                        "translate it (or add `# check: ignore[W052]` after it if it is meant to stay the same)")
                    break
    return problems
