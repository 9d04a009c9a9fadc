"""Checks on the text itself, each pointing at the exact line and column in the file.

E040  raw HTML in Markdown text (shown as plain text; and a way to hide where a link goes)
E041  invisible or text-direction (bidi) control characters
E042-E044  links, URLs, emails, addresses and numbers against the source text (see check_tokens)
W050, W051  Chinese typography (see check_cjk)
W052  a translation identical to the source text (probably not translated yet)
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from assistant.checks.cjk import ascii_punctuation, is_cjk_locale, soft_breaks
from assistant.content.catalog import Catalog, TextEntry
from assistant.errors import line_col
from assistant.i18n.tokens import JINJA, PLACEHOLDER, allowed_message, compare, disallowed_links
from assistant.problems import Problem, Severity

_RAW_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", re.S)
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W_]+(?:[ .'\-][^\W_]+)*")
TEMPLATE_PREFIX = "email."
# A text made only of these (plus the wallet profile names) may stay as it is in every language.
DEFAULT_KEEP = ("TokenPocket", "TP Wallet", "TP", "WhatsApp", "Telegram", "Ethereum", "Bitcoin", "TRON",
                "Solana", "BNB", "BSC", "ETH", "BTC", "USDT", "TRX", "SOL", "RBF", "nonce", "Polygon",
                "Arbitrum", "Base", "Optimism", "MetaMask", "Binance", "OKX", "Coinbase", "DApp", "ID", "URL")


class Locator:
    """Turn an offset inside a text value into file line:col, reading each file once."""

    def __init__(self) -> None:
        self._lines: dict[Path, list[str]] = {}

    def lines(self, path: Path) -> list[str]:
        if path not in self._lines:
            try:
                self._lines[path] = path.read_text(encoding="utf-8").splitlines()
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


def keep_words(catalog: Catalog) -> tuple[str, ...]:
    src = catalog.sources.get(catalog.content_dir / "locales.toml")
    extra = src.data.get("glossary", {}).get("keep", []) if src else []
    names = [n for p in catalog.profiles.values() for n in (p.name, *p.aliases)]
    words = {w for w in (*DEFAULT_KEEP, *names, *extra) if isinstance(w, str) and w}
    return tuple(sorted(words, key=len, reverse=True))


def looks_untranslated(value: str, source: str, keep: Iterable[str]) -> bool:
    """Identical to the source and more than a brand name, a number or a very short word."""
    if value.strip() != source.strip():
        return False
    rest = PLACEHOLDER.sub(" ", JINJA.sub(" ", value))
    for word in keep:
        rest = rest.replace(word, " ")
    return len(_LETTER.findall(rest)) > 3


def check_texts(catalog: Catalog, locales: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    locator = Locator()
    source_texts = catalog.texts.get(catalog.source_locale, {})
    allowed = catalog.link_domains
    keep = keep_words(catalog)

    def add(entry: TextEntry, value: str, offset: int | None, severity: Severity, code: str, message: str) -> None:
        line, col = locator.find(entry, value, offset) if offset is not None else (entry.line, 1)
        problems.append(Problem(entry.path, line, col, severity, code, message))

    for locale in locales:
        is_source = locale == catalog.source_locale
        cjk = is_cjk_locale(locale)
        chain = [c for c in catalog.chain(locale) if c != locale]
        for key, entry in catalog.texts.get(locale, {}).items():
            template = key.startswith(TEMPLATE_PREFIX)
            for value in _values(entry):
                if not template:
                    for m in _RAW_HTML.finditer(value):
                        add(entry, value, m.start(), Severity.ERROR, "E040",
                            f"raw HTML {m.group()[:30]!r} is not allowed in content (it is shown as plain text and can hide "
                            "where a link goes); use Markdown: **bold**, [text](https://…), lists")
                for m in _INVISIBLE.finditer(value):
                    add(entry, value, m.start(), Severity.ERROR, "E041",
                        f"invisible or text-direction character U+{ord(m.group()):04X} in {key!r}; delete it "
                        "(it can make text or addresses look different from what they are)")
                for t in disallowed_links(value, allowed):
                    add(entry, value, t.offset, Severity.ERROR, "E043", allowed_message(t, allowed))
                if cjk:
                    for offset, message in ascii_punctuation(value):
                        add(entry, value, offset, Severity.WARNING, "W050", message)
                    if not template and "\n" in value.strip():
                        for offset, message in soft_breaks(value):
                            add(entry, value, offset, Severity.WARNING, "W051", message)
            if is_source:
                continue
            source = source_texts.get(key)
            if source is None:
                continue  # obsolete; coverage reports it
            text = _joined(entry)
            for code, token, message in compare(_joined(source), text):
                add(entry, text, token.offset if token else None, Severity.ERROR, code, message)
            for other in chain:
                ref = catalog.texts.get(other, {}).get(key)
                if ref is not None and looks_untranslated(text, _joined(ref), keep):
                    add(entry, text, None, Severity.WARNING, "W052",
                        f"{key.split('.', 1)[1]!r} is identical to the {other} text, so it is probably not translated yet; "
                        "translate it (or add `# check: ignore[W052]` after it if it is meant to stay the same)")
                    break
    return problems
