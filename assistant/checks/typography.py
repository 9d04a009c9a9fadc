"""Typography by language: Chinese, Japanese and Korean each follow their own rules, and say which.

W050  punctuation of the wrong kind for the language:
        Chinese  — ASCII `, . : ; ? !` or `...` next to Chinese characters: use `，。：；？！……`
        Japanese — ASCII punctuation next to Japanese: use `、。：？！……`; the Chinese comma `，` → `、`;
                   “…” or "…" quotes around Japanese → 「…」
        Korean   — full-width `，。、：；？！` in Korean text: Korean uses `, . : ; ? !` followed by a space
W051  a line break inside a Chinese or Japanese Markdown paragraph, which Qt shows as a stray space
W054  Korean spacing: a space before `. , ? ! :` or none after it before the next word

Not reported: URLs, emails, domains, version and decimal numbers (2.3.1, 14:05), Markdown list markers
("1."), template code, and ASCII punctuation between Latin words (", Solana").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.i18n.tokens import AUTOLINK, DOMAIN, EMAIL, JINJA, LIST_MARKER, MD_LINK, PLACEHOLDER, URL, blank, mask_markup

LANGUAGE_NAMES = {"zh": "Chinese", "ja": "Japanese", "ko": "Korean"}
# Han, kana, CJK symbols and punctuation, full-width forms
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_ASCII_PUNCT = re.compile(r"\.{2,}|[,.:;?!]")
_FULL = {
    "zh": {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！"},
    "ja": {",": "、", ".": "。", ":": "：", ";": "。", "?": "？", "!": "！"},
}
_KO_FULL = {"，": ",", "、": ",", "。": ".", "．": ".", "：": ":", "；": ";", "？": "?", "！": "!"}
_KO_FULL_RE = re.compile("[" + "".join(_KO_FULL) + "]")
_JA_QUOTES = re.compile(r"[“”]|(?<=[\u3040-\u30ff\u4e00-\u9fff])\"|\"(?=[\u3040-\u30ff\u4e00-\u9fff])")
_OPENING = "（「『“‘(\"'"
_CLOSING = "）」』”’)\"'"
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d{1,3}[.)]\s|#|>|```|~~~|\|)")


def language(code: str) -> str:
    return code.split("-")[0].lower()


def is_cjk_locale(code: str) -> bool:
    """Chinese and Japanese: no spaces between words, full-width punctuation, no soft line breaks."""
    return language(code) in ("zh", "ja")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK.match(ch))


def _is_hangul(ch: str) -> bool:
    return bool(ch) and bool(_HANGUL.match(ch))


def _masked(text: str) -> str:
    work = mask_markup(text)
    for pattern in (_CODE_SPAN, MD_LINK, AUTOLINK, EMAIL, URL, DOMAIN, LIST_MARKER):
        work = blank(work, pattern)
    return work


def punctuation(text: str, code: str) -> Iterator[tuple[int, str, str]]:
    """(offset, mark, message) for punctuation of the wrong kind for the locale's language."""
    lang = language(code)
    if lang == "ko":
        yield from _korean_punctuation(text)
        return
    if lang not in _FULL:
        return
    name = LANGUAGE_NAMES[lang]
    work = _masked(text) if (_ASCII_PUNCT.search(text) or lang == "ja") else text
    for m in _ASCII_PUNCT.finditer(work):
        start, end = m.span()
        before = work[start - 1] if start else ""
        after = work[end] if end < len(work) else ""
        if not (_is_cjk(before) or _is_cjk(after)):
            continue
        mark = m.group()
        if len(mark) > 1:
            yield start, mark, f"ASCII {mark!r} in {name} text; write the ellipsis as '……'"
            continue
        if before.isdigit() and after.isdigit():
            continue
        if mark == "!" and after == "[":
            continue  # Markdown image
        if mark == "." and after.isascii() and after.isalpha():
            continue  # a file extension or a name: .eml, .txt
        if before in _OPENING and after in _CLOSING:
            continue  # the mark itself, quoted: （.）「,」
        yield start, mark, f"ASCII {mark!r} in {name} text; use the full-width {_FULL[lang][mark]!r}"
    if lang == "ja" and _KANA.search(work):
        for m in re.finditer("，", work):
            yield m.start(), "，", "Chinese comma '，' in Japanese text; use the Japanese '、'"
        for m in _JA_QUOTES.finditer(work):
            yield m.start(), m.group(), f"quotation mark {m.group()!r} in Japanese text; use 「…」 (and 『…』 inside them)"


def _korean_punctuation(text: str) -> Iterator[tuple[int, str, str]]:
    if not _KO_FULL_RE.search(text) or not _HANGUL.search(text):
        return
    work = _masked(text)
    for m in _KO_FULL_RE.finditer(work):
        start = m.start()
        before = work[start - 1] if start else ""
        after = work[start + 1] if start + 1 < len(work) else ""
        if _is_hangul(before) or _is_hangul(after) or before.isalnum():
            yield start, m.group(), (f"full-width {m.group()!r} in Korean text; Korean uses the ASCII "
                                     f"{_KO_FULL[m.group()]!r} followed by a space")


_KO_SPACE_BEFORE = re.compile(r"(?<=[\uac00-\ud7a3]) +(?=[.,?!:;](?:\s|$))", re.M)
_KO_NO_SPACE_AFTER = re.compile(r"(?<=[\uac00-\ud7a3])[.,?!;](?=[\uac00-\ud7a3])")


def korean_spacing(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, mark, message) for Korean spacing around punctuation."""
    if not _HANGUL.search(text):
        return
    # a placeholder, link or domain stands for a word: "{name}," or "tpwallet.io," is not a space before the comma
    work = text
    for pattern in (JINJA, PLACEHOLDER, _CODE_SPAN, MD_LINK, AUTOLINK, EMAIL, URL, DOMAIN):
        work = pattern.sub(lambda m: "x" * len(m.group()), work)
    for m in _KO_SPACE_BEFORE.finditer(work):
        mark = work[m.end()]
        yield m.start(), mark, f"space before {mark!r} in Korean text; write it right after the word (…합니다{mark})"
    for m in _KO_NO_SPACE_AFTER.finditer(work):
        yield m.start(), m.group(), f"no space after {m.group()!r} in Korean text; put a space before the next word"


def soft_breaks(text: str, code: str = "zh") -> Iterator[tuple[int, str]]:
    """(offset of the line end, message) for single line breaks between two CJK characters."""
    name = LANGUAGE_NAMES.get(language(code), "Chinese")
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
            yield end, (f"line break inside a {name} paragraph is shown as a space; join the two lines, "
                        "or leave an empty line to start a new paragraph")
