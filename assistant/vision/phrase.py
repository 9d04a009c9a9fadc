"""Does a picture show a recovery phrase or a private key? Judged on the text read from it, allowing for OCR slips.

The secret firewall runs on the text as read, and again with the words put back in their numbered order. OCR
breaks what the firewall relies on, so the words are also counted without regard to order: a token counts as a
list word when it is one, or is one letter off one (OCR drops, adds or misreads letters), once numbering glued
to it ("1abandon", "1.abandon") is cut off, and when two glued words or a word split in two are taken apart or
together. A page with many distinct list words standing alone (a grid or a numbered list, not sentences) is a
phrase page; public screens hold a few list words too ("amount", "network"), so it takes density and layout.
Chinese phrases are single characters standing alone, a shape Chinese UI text (words of 2+ characters) lacks.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from assistant.secrets import words as sw
from assistant.secrets.scan import Finding, SecretKind, Severity, find_secrets
from assistant.vision.engine import Line, rows

_LATIN = ("english", "spanish", "french", "italian", "czech", "portuguese")
_CHINESE = sw.CHINESE
_WILD = "\x00"
NUMBERED_WORDS = 8  # distinct list words that carry a number 1-24
LOOSE_WORDS = 11  # distinct list words without numbers, alone on their lines
HINTED_WORDS = 7  # with a phrase heading on the page ("recovery phrase", "助记词") and numbers
HINTED_LOOSE_WORDS = 9  # with a phrase heading, standing alone without numbers
_PROSE_TOKENS = 4  # a line of this many words is a sentence unless nearly all are list words
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_KEY_LABEL = re.compile(r"private\s*key|secret\s*key|私钥|私鑰|秘密鍵|개인\s*키|export\s*key|导出私钥|wif", re.I)
_HEXISH = re.compile(r"(?:0x)?[0-9a-fA-FOolIiSs]{8,}")
_SLIPS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "i": "1", "S": "5", "s": "5"})
# A backup page's shape even when its words cannot be read (kana, hangul, a script the model lacks): list numbers
# 1, 2, 3 … each alone or beside a fragment of at most 3 characters (what an unreadable word comes out as; readable
# list words are judged by the rules above, and a numbered list of real words or Chinese phrases is no phrase grid).
# A list number needs its mark ("7." "7)" "#7" "(7)") or a word glued to it: bare numbers are dates and keypads.
_SLOT = re.compile(r"\s*(?:[#(（](\d{1,2})[)）]?|(\d{1,2})[.)）、．])\s*(?!\d)(\S{0,3})\s*|\s*(\d{1,2})([^\W\d_]{1,3})\s*")
SLOTS = 10  # distinct list numbers 1-24, each alone or beside one short word: a numbered phrase grid
_BARE_SLOT = re.compile(r"\s*(\d{1,2})\s*(?:\s(?!\d)\S{1,3})?\s*")  # "07" or "7 word": counted under a phrase heading
_ENGLISH_UI = frozenset({"amount", "network", "address", "confirm", "total", "wallet", "coin", "detail", "success",
                         "transfer", "fee", "time", "type", "status", "receive", "send", "copy", "cancel", "token"})


@dataclass(frozen=True, slots=True)
class PhraseVerdict:
    refused: bool
    kind: str = ""  # a SecretKind value ("mnemonic", "private_key_hex", "wif", …) when refused
    detail: str = ""  # neutral: how many words, which list; never a word


@dataclass(frozen=True, slots=True)
class _Cell:
    word: str  # the list word it was taken for
    number: int | None  # the list number in front of it (1-24), if any


@cache
def _near(lang: str) -> dict[str, str]:
    """One-letter-off forms of each word of a Latin list -> the word ("" when two words share the form)."""
    from mnemonic import Mnemonic

    out: dict[str, str] = {}

    def put(form: str, word: str) -> None:
        out[form] = word if out.get(form, word) == word else ""

    for word in Mnemonic(lang).wordlist:
        w = sw.fold(word)
        for j in range(len(w)):
            put(w[:j] + w[j + 1:], w)  # OCR dropped a letter
            put(w[:j] + _WILD + w[j + 1:], w)  # OCR misread a letter
    return out


@cache
def _exact(lang: str) -> frozenset[str]:
    from mnemonic import Mnemonic

    return frozenset(sw.fold(w) for w in Mnemonic(lang).wordlist)


def match(token: str, lang: str, loose: bool = False) -> str | None:
    """The list word `token` was read for: itself, or one letter off when it is long enough to tell."""
    key = sw.fold(token)
    if key in _exact(lang):
        return key
    if len(key) < (4 if loose else 5):
        return None
    near = _near(lang)
    found = {near.get(key[:j] + _WILD + key[j + 1:], "") for j in range(len(key))}
    found |= {key[:j] + key[j + 1:] for j in range(len(key)) if key[:j] + key[j + 1:] in _exact(lang)}  # one added
    found.add(near.get(key, ""))
    found.discard("")
    return found.pop() if len(found) == 1 else None


def _split(token: str, lang: str) -> list[str]:
    """List words read as one token with the spaces lost ("abandonability", "diamantanaphoreecole"): the token
    cut wholly into list words of 3+ letters, or [] when it cannot be."""
    key = sw.fold(token)
    words = _exact(lang)
    # best[i]: a cut of key[:i] into list words, or None; cuts are tried from the longest piece, lists are short
    best: list[list[str] | None] = [[]] + [None] * len(key)
    for end in range(3, len(key) + 1):
        for start in range(max(0, end - 12), end - 2):
            head = best[start]
            if head is not None and key[start:end] in words:
                best[end] = [*head, key[start:end]]
                break
    found = best[len(key)]
    return found if found is not None and len(found) >= 2 else []


def _latin_cells(lines: Sequence[Sequence[Line]], lang: str) -> tuple[list[_Cell], int]:
    """List words standing alone (not in sentences), and how many word tokens those word lines hold."""
    cells: list[_Cell] = []
    tokens_seen = 0
    for row in lines:
        number: int | None = None
        for line in row:
            tokens = _TOKEN.findall(unicodedata.normalize("NFC", line.text))
            words = [t for t in tokens if not t.isdigit() and not _CJK.fullmatch(t)]
            matched = [match(t, lang) for t in words]
            if len(words) >= _PROSE_TOKENS and sum(m is not None for m in matched) < len(words) * 0.75:
                number = None
                continue  # a sentence
            tokens_seen += len(words)
            i = 0
            while i < len(tokens):
                t = tokens[i]
                if t.isdigit():
                    # A phrase cell holds one word; "3. Check network" is a numbered tip, not a cell.
                    segment = 0
                    while i + 1 + segment < len(tokens) and not tokens[i + 1 + segment].isdigit():
                        segment += 1
                    number = int(t) if 1 <= int(t) <= 24 and segment <= 1 else None
                    i += 1
                    continue
                word = match(t, lang, loose=number is not None)
                if word is None and i + 1 < len(tokens) and not tokens[i + 1].isdigit():
                    word = match(t + tokens[i + 1], lang)  # one word read as two pieces
                    if word is not None:
                        i += 1
                if word is not None:
                    cells.append(_Cell(word, number))
                elif len(t) >= 6:
                    cells += [_Cell(w, None) for w in _split(t, lang)]
                number = None
                i += 1
    return cells, tokens_seen


def _spread(line: Line, tokens: list[str]) -> bool:
    """Characters far apart on their line (a grid row without numbers read as one run), not a word: in text
    each character is about as wide as the line is high."""
    chars = sum(len(t) for t in tokens if not t.isdigit())
    if len(tokens) != 1 or chars < 2:
        return False
    width = line.box[2] - line.box[0]
    if line.height > 1.6 * width:
        return True  # a grid column read top to bottom: characters stacked, which no line of text is
    return chars <= 6 and width > 2.2 * chars * max(line.height, 1.0)  # a grid row: side by side, far apart


def _chinese_cells(lines: Sequence[Sequence[Line]], lang: str) -> list[_Cell]:
    """Single list characters standing alone (a grid of characters), with the number in front of them."""
    words = _exact(lang)
    cells: list[_Cell] = []
    for row in lines:
        number: int | None = None
        for line in row:
            tokens = re.findall(r"\d+|[\u3400-\u9fff\uf900-\ufaff]+|[^\W\d_]+", line.text)
            spread = _spread(line, tokens)
            for t in tokens:
                if t.isdigit():
                    number = int(t) if 1 <= int(t) <= 24 else None
                    continue
                if len(t) == 1 and t in words:
                    cells.append(_Cell(t, number))
                elif spread and all(c in words for c in t):
                    cells += [_Cell(c, None) for c in t]  # a grid row read as one run: far apart, not a word
                number = None
    return cells


def _judge(cells: list[_Cell], tokens_seen: int, hinted: bool) -> tuple[bool, int, int]:
    distinct = {c.word for c in cells}
    numbered = {c.word for c in cells if c.number is not None}
    numbers = {c.number for c in cells if c.number is not None}
    plain = distinct - _ENGLISH_UI
    dense = tokens_seen == 0 or len(cells) >= 0.7 * tokens_seen
    refused = (len(numbered) >= NUMBERED_WORDS and len(numbers) >= NUMBERED_WORDS) or \
        (len(plain) >= LOOSE_WORDS and dense) or \
        (hinted and len(numbered) >= HINTED_WORDS and len(numbers) >= HINTED_WORDS) or \
        (hinted and len(plain) >= HINTED_LOOSE_WORDS and dense)
    return refused, len(distinct), len(numbered)


def _in_order(cells: list[_Cell]) -> str:
    """The numbered words in the order of their numbers, for the firewall's checksum."""
    by_number: dict[int, str] = {}
    for c in cells:
        if c.number is not None:
            by_number.setdefault(c.number, c.word)
    return " ".join(by_number[n] for n in sorted(by_number))


def _blocking(text: str) -> Finding | None:
    return next((f for f in find_secrets(text) if f.severity is Severity.BLOCK), None)


def _hex_rejoined(lines: Sequence[Line]) -> str:
    """Hex-looking pieces on consecutive lines joined (a key wraps over lines), with O/0, l/1, S/5 slips undone."""
    pieces: list[str] = []
    current = ""
    for line in lines:
        compact = line.text.replace(" ", "")
        if _HEXISH.fullmatch(compact):
            current += compact.translate(_SLIPS) if not compact.startswith("0x") else "0x" + compact[2:].translate(_SLIPS)
            continue
        if current:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return "\n".join(pieces)


def judge(lines: Sequence[Line]) -> PhraseVerdict:
    """Refuse a picture whose text shows a recovery phrase or a private key."""
    text = "\n".join(line.text for line in lines)
    found = _blocking(text)
    if found is not None:
        return PhraseVerdict(True, found.kind, found.detail)
    keyed = _KEY_LABEL.search(text) is not None
    rejoined = _hex_rejoined(lines)
    if rejoined:
        found = _blocking(("private key: " if keyed else "") + rejoined.replace("\n", "\nprivate key: " if keyed else "\n"))
        if found is not None:
            return PhraseVerdict(True, found.kind, found.detail)
    if keyed and re.search(r"[0-9A-Za-z]{50,}", text.replace("\n", "").replace(" ", "")):
        return PhraseVerdict(True, SecretKind.PRIVATE_KEY_HEX, "a long code under a private-key heading")
    hinted = sw.SEED_WORDS.search(text) is not None
    grid = rows(list(lines))
    for lang in _LATIN:
        cells, seen = _latin_cells(grid, lang)
        refused, distinct, numbered = _judge(cells, seen, hinted)
        ordered = _in_order(cells)
        if refused or (ordered and _blocking(ordered) is not None):
            return PhraseVerdict(True, SecretKind.MNEMONIC, _detail(lang, distinct, numbered))
    for lang in _CHINESE:
        cells = _chinese_cells(grid, lang)
        refused, distinct, numbered = _judge(cells, 0, hinted)
        if refused:
            return PhraseVerdict(True, SecretKind.MNEMONIC, _detail(lang, distinct, numbered))
    slots = numbered_slots(lines, bare=hinted)
    if slots >= SLOTS:
        return PhraseVerdict(True, SecretKind.MNEMONIC, f"a numbered grid of {slots} short words, the layout of a phrase backup")
    return PhraseVerdict(False)


_MARKED = re.compile(r"[#(（](\d{1,2})(?!\d)|(?<![\d.,])(\d{1,2})(?:[)）、]|[.．](?!\d))")
_RUN = re.compile(r"(?<![\d.,:/-])\d{3,}(?![\d.,:/-])")  # not part of an amount, a time or a date


def _consecutive(digits: str) -> list[int]:
    """"1234" -> 1, 2, 3, 4; "101112" -> 10, 11, 12; "0203" -> 2, 3: list numbers the engine read without gaps."""
    for width in (1, 2):
        first = int(digits[:width])
        if not 1 <= first <= 24:
            continue
        found, at = [first], width
        while at < len(digits):
            following = found[-1] + 1
            step = next((form for form in (str(following), f"{following:02d}") if digits.startswith(form, at)), "")
            if not step or following > 24:
                break
            found.append(following)
            at += len(step)
        if at == len(digits) and len(found) >= 2:
            return found
    return []


def _run_numbers(text: str) -> set[int]:
    """List numbers on a line that is mostly numbers: "10)11)12)", "1234", "09 101112" (a row of a phrase card)."""
    compact = text.replace(" ", "")
    if not compact or sum(ch.isdigit() or ch in ".)）、．#(（" for ch in compact) < 0.5 * len(compact):
        return set()
    numbers = {int(a or b) for a, b in _MARKED.findall(text)}
    for digits in _RUN.findall(text):
        numbers.update(_consecutive(digits))
    return {n for n in numbers if 1 <= n <= 24}


def numbered_slots(lines: Sequence[Line], bare: bool = False) -> int:
    """How many distinct list numbers (1-24) stand alone or beside one short word; `bare` also counts numbers
    without a mark (under a recovery-phrase heading, where they cannot be a date picker or a keypad).

    Wallets lay a recovery phrase out as 12 or 24 numbered cells; read by an engine that does not know the
    script (Japanese, Korean), the numbers survive while the words come out as nothing or a few wrong characters.
    Numbered instructions do not look like this: their items are sentences.
    """
    numbers: set[int] = set()
    for line in lines:
        found = _SLOT.fullmatch(line.text)
        number = found and next((int(g) for g in (found.group(1), found.group(2), found.group(4)) if g), 0)
        if not number and bare:
            plain = _BARE_SLOT.fullmatch(line.text)
            number = int(plain.group(1)) if plain else 0
        if number and 1 <= number <= 24:
            numbers.add(number)
        else:
            numbers |= _run_numbers(line.text)
    return len(numbers)


def _detail(lang: str, distinct: int, numbered: int) -> str:
    return f"{distinct} words of the {lang.replace('_', ' ')} list on the picture, {numbered} of them numbered"
