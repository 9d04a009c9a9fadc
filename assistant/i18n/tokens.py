"""Phishing guard: a translation must carry exactly the links, URLs, emails, addresses and numbers of its source.

E042  a Markdown link target differs from the source text's link targets
E043  a link or URL points outside the official and allow-listed domains (or is not https)
E044  a URL, domain, email, wallet address or number differs from the source text

Numbers compare by value, whatever way they are written: `16` equals `十六`, `1` equals `一` (一天 / 1 日),
`하루` (one day) or `one`, so a translation may write a number the way its language does. An example time
zone (`+08:00`) may be localised (`+09:00`), as long as the translation keeps one where the source has one.

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
# Korean particles attach to a word without a space ("tronscan.org에서"): Hangul ends a URL, domain or email.
URL = re.compile(r"\b(?:https?|ftp)://[^\s<>()\[\]{}\"'，。、；：！？（）「」『』【】“”‘’\uac00-\ud7a3]+", re.I)
EMAIL = re.compile(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])")
DOMAIN = re.compile(r"(?<![A-Za-z0-9_.@/\-])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}(?![A-Za-z0-9_\-])")
ADDRESS = re.compile(
    r"\b0x[0-9a-fA-F]{8,}\b"  # EVM addresses, tx hashes
    r"|\b(?:bc1|tb1|ltc1)[02-9ac-hj-np-z]{8,}\b"  # bech32
    r"|\b[1-9A-HJ-NP-Za-km-z]{25,}\b"  # base58 (TRON, Solana, legacy Bitcoin)
)
LIST_MARKER = re.compile(r"^[ \t]*\d{1,3}[.)](?=[ \t])", re.M)
NUMBER = re.compile(r"\d+(?:\.\d+)*")
# A UTC offset in an example date: "14:05 +08:00", "UTC+8", "GMT+09:00".
TIME_ZONE = re.compile(r"(?:\b(?:UTC|GMT)\s?[+\-−]\d{1,2}(?::?[0-5]\d)?|(?<=\d[ \t])[+\-−](?:0\d|1[0-4]):?[0-5]\d"
                       r"|(?<![\w.:+\-−])[+\-−](?:0\d|1[0-4]):[0-5]\d)(?!\d)")
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "兩": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "拾": 10, "百": 100, "千": 1000, "万": 10000, "萬": 10000}
CJK_NUMERAL = re.compile("[" + "".join(_CJK_DIGITS) + "".join(_CJK_UNITS) + "]+")
# Korean native numbers before a counter (한 번, 두 개, 세 가지) and the day words (하루 = 1 day).
_KO_NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
              "스무": 20, "하루": 1, "이틀": 2, "사흘": 3, "나흘": 4}
KO_NUMBER = re.compile(r"(?<![가-힣])(?:(하루|이틀|사흘|나흘)|(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무)"
                       r"(?=\s?(?:번|개|가지|시간|달|명|줄|자리|단계|곳|장|주|차례|글자|단어|군데|분|살)))")
EN_NUMBER = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                       r"hundred|once|twice|a dozen|single|double|half an hour)\b", re.I)
_EN_VALUES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "hundred": 100, "once": 1,
              "twice": 2, "a dozen": 12, "single": 1, "double": 2, "half an hour": 30}
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


def cjk_number(word: str) -> int | None:
    """The value of a Chinese/Japanese numeral (十六 → 16, 二十四 → 24, 两 → 2, 一万 → 10000), or None."""
    total, section, digit = 0, 0, None
    for ch in word:
        if ch in _CJK_DIGITS:
            if digit is not None:  # 二〇二六: digit by digit
                return int("".join(str(_CJK_DIGITS[c]) for c in word)) if all(c in _CJK_DIGITS for c in word) else None
            digit = _CJK_DIGITS[ch]
        elif ch in _CJK_UNITS:
            unit = _CJK_UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
        else:
            return None
    return total + section + (digit or 0)


def number_words(text: str) -> set[str]:
    """Values (as digit strings) of numbers written as words: CJK numerals, Korean native numbers, English words."""
    found: set[str] = set()
    if CJK_NUMERAL.search(text):
        found.update(str(v) for m in CJK_NUMERAL.finditer(text) if (v := cjk_number(m.group())) is not None)
    if any("\uac00" <= ch <= "\ud7a3" for ch in text):
        found.update(str(_KO_NATIVE[m.group(1) or m.group(2)]) for m in KO_NUMBER.finditer(text))
    found.update(str(_EN_VALUES[m.group(1).lower()]) for m in EN_NUMBER.finditer(text))
    return found


def _same_number(value: str) -> str:
    """Numbers compare by value: 05 and 5 are the same number, 2.3.1 stays as written."""
    return value.lstrip("0") or "0" if value.isdigit() else value


def mask_markup(text: str) -> str:
    """Blank out template code and placeholders; same length as `text`."""
    return blank(blank(text, JINJA), PLACEHOLDER)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "link", "url", "email", "domain", "address", "time_zone", "number"
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
    for kind, pattern in (("email", EMAIL), ("url", URL), ("domain", DOMAIN), ("address", ADDRESS), ("time_zone", TIME_ZONE)):
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
    """(code, token, message) for every difference from the source. A value the translation lacks comes as a
    token with offset -1 (it has no place in the translation); ignore comments can name the token's value."""
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
        yield "E042", Token("link", value, -1), \
            f"the source links to {value!r} but this translation does not; keep the link with the same target"
    src_zones = [t for t in src if t.kind == "time_zone"]
    dst_zones = [t for t in dst if t.kind == "time_zone"]
    if src_zones and not dst_zones:
        yield "E044", Token("time_zone", src_zones[0].value, -1), \
            (f"the source's example has the time zone {src_zones[0].value!r}, which this translation lacks; keep a time zone "
             "(it may be your own, e.g. +09:00)")
    for t in dst_zones if not src_zones else ():
        yield "E044", t, f"time zone {t.value!r} is not in the source text; copy the example exactly from the source"
    for kind, what in (("url", "URL"), ("domain", "domain name"), ("email", "email address"),
                       ("address", "wallet address or hash"), ("number", "number")):
        src_values = {t.value for t in src if t.kind == kind}
        dst_values = {t.value for t in dst if t.kind == kind}
        src_same, dst_same = src_values, dst_values
        if kind == "number":  # the same number written as a word or a numeral counts
            src_same = {_same_number(v) for v in src_values} | number_words(source)
            dst_same = {_same_number(v) for v in dst_values} | number_words(translation)
        seen: set[str] = set()
        for t in dst:
            if t.kind == kind and t.value not in src_values and t.value not in seen \
                    and (kind != "number" or _same_number(t.value) not in src_same):
                seen.add(t.value)
                shown = ", ".join(sorted(src_same if kind == "number" else src_values)) or "none"
                yield "E044", t, (f"{what} {t.value!r} is not in the source text (source has: {shown}); "
                                  "copy numbers, addresses, emails and URLs exactly from the source")
        for value in sorted(src_values - dst_values):
            if kind == "number" and _same_number(value) in dst_same:
                continue
            yield "E044", Token(kind, value, -1), \
                f"the source text has the {what} {value!r}, which this translation lacks; keep it exactly as in the source"


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
