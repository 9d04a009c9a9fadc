"""Phishing guard: a translation must carry exactly the links, URLs, emails, addresses and numbers of its source.

E042  a Markdown link target differs from the source text's link targets
E043  a link or URL points outside the official and allow-listed domains (or is not https)
E044  a URL, domain, email, wallet address or number differs from the source text

Markup that is not text — Jinja `{{ … }}`/`{% … %}`, `{placeholders}`, Markdown list markers — is masked
first, and each kind of token is blanked out once found, so the digits of a URL are not counted as numbers.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from assistant.content.markdown import host_allowed

JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
MD_LINK = re.compile(r"\]\(\s*<?([^()\s<>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]+)>", re.I)
URL = re.compile(r"\b(?:https?|ftp)://[^\s<>()\[\]{}\"'，。、；：！？（）「」『』【】“”‘’]+", re.I)
EMAIL = re.compile(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b")
DOMAIN = re.compile(r"(?<![\w.@/\-])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}(?![\w\-])")
ADDRESS = re.compile(
    r"\b0x[0-9a-fA-F]{8,}\b"  # EVM addresses, tx hashes
    r"|\b(?:bc1|tb1|ltc1)[02-9ac-hj-np-z]{8,}\b"  # bech32
    r"|\b[1-9A-HJ-NP-Za-km-z]{25,}\b"  # base58 (TRON, Solana, legacy Bitcoin)
)
LIST_MARKER = re.compile(r"^[ \t]*\d{1,3}[.)](?=[ \t])", re.M)
NUMBER = re.compile(r"\d+(?:\.\d+)*")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_TRAILING = ".,;:!?"


def blank(text: str, pattern: re.Pattern, group: int = 0) -> str:
    """Replace each match (or one group of it) with spaces, keeping every offset."""
    if group == 0:
        return pattern.sub(lambda m: " " * (m.end() - m.start()), text)

    def repl(m: re.Match) -> str:
        s, e = m.span(group)
        whole = m.group()
        return whole[: s - m.start()] + " " * (e - s) + whole[e - m.start():]

    return pattern.sub(repl, text)


def mask_markup(text: str) -> str:
    """Blank out template code and placeholders; same length as `text`."""
    return blank(blank(text, JINJA), PLACEHOLDER)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "link", "url", "email", "domain", "address", "number"
    value: str
    offset: int


def _clean_url(url: str) -> str:
    return url.rstrip(_TRAILING)


_MAYBE_DATA = re.compile(r"[0-9０-９.@:<(]")


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[Token, ...]:
    """Every data token in `text`, each kind found after the earlier kinds are blanked out."""
    if not _MAYBE_DATA.search(text):
        return ()
    found: list[Token] = []
    work = mask_markup(text.translate(_FULLWIDTH_DIGITS))
    for pattern in (MD_LINK, AUTOLINK):
        for m in pattern.finditer(work):
            found.append(Token("link", m.group(1), m.start(1)))
        work = blank(work, pattern, 1)
    for kind, pattern in (("email", EMAIL), ("url", URL), ("domain", DOMAIN), ("address", ADDRESS)):
        for m in pattern.finditer(work):
            value = _clean_url(m.group()) if kind in ("url", "domain") else m.group()
            found.append(Token(kind, value, m.start()))
        work = blank(work, pattern)
    work = blank(work, LIST_MARKER)
    found.extend(Token("number", m.group(), m.start()) for m in NUMBER.finditer(work))
    return tuple(found)


def link_allowed(target: str, allowed: tuple[str, ...]) -> bool:
    if target.lower().startswith("mailto:"):
        domain = target.split("@")[-1].split("?")[0].lower()
        return any(domain == d or domain.endswith("." + d) for d in allowed)
    return host_allowed(target, allowed)


def _host(target: str) -> str:
    return urlsplit(target).hostname or target


def compare(source: str, translation: str) -> Iterator[tuple[str, Token | None, str]]:
    """(code, token in the translation or None, message) for every difference from the source."""
    src = tokens(source)
    dst = tokens(translation)
    src_links = {t.value for t in src if t.kind == "link"}
    dst_links = {t.value for t in dst if t.kind == "link"}
    for t in dst:
        if t.kind == "link" and t.value not in src_links:
            shown = ", ".join(sorted(src_links)) or "none"
            yield "E042", t, (f"link target {t.value!r} is not a link target of the source text (source links: {shown}); "
                              "point the link exactly where the source points")
    for value in sorted(src_links - dst_links):
        yield "E042", None, f"the source links to {value!r} but this translation does not; keep the link with the same target"
    for kind, what in (("url", "URL"), ("domain", "domain name"), ("email", "email address"),
                       ("address", "wallet address or hash"), ("number", "number")):
        src_values = {t.value for t in src if t.kind == kind}
        dst_values = {t.value for t in dst if t.kind == kind}
        seen: set[str] = set()
        for t in dst:
            if t.kind == kind and t.value not in src_values and t.value not in seen:
                seen.add(t.value)
                shown = ", ".join(sorted(src_values)) or "none"
                yield "E044", t, (f"{what} {t.value!r} is not in the source text (source has: {shown}); "
                                  "copy numbers, addresses, emails and URLs exactly from the source")
        for value in sorted(src_values - dst_values):
            yield "E044", None, f"the source text has the {what} {value!r}, which this translation lacks; keep it exactly as in the source"


def disallowed_links(text: str, allowed: tuple[str, ...]) -> Iterator[Token]:
    if "](" not in text and "://" not in text and "<" not in text:
        return
    for t in tokens(text):
        if t.kind in ("link", "url") and not link_allowed(t.value, allowed):
            yield t


def allowed_message(token: Token, allowed: tuple[str, ...]) -> str:
    target = token.value
    if not target.lower().startswith(("https://", "mailto:")):
        return f"link {target!r} is not an https:// address; links may only point to https pages of the allowed domains"
    return (f"link {target!r} leaves the official and allow-listed domains ({_host(target)} is not one of them); "
            "link only to domains listed in content/contacts.toml")
