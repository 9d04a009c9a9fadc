"""Phrases written without separators: Chinese characters glued into a run, Japanese kana or Korean hangul
words glued into one token.

Chinese: every common character is a list word, so a line of prose can consist only of list characters.
The lists are ordered by character frequency, so prose leans on the first few hundred entries while a
generated phrase draws positions uniformly: the mean of log(position) over a window tells them apart, and
adjacent pairs that form common words are a second sign of prose. A phrase glued inside a sentence
("我换手机以后把<12 characters>输进去就没币了") is the best-scoring window of a phrase length inside the run.

Japanese and Korean: list words are several kana/hangul long; a glued run is split by dynamic programming
into list words (the longest chain of whole words); twelve or more words in a chain are a phrase.
"""
from __future__ import annotations

import math
import unicodedata
from bisect import bisect_right
from functools import cache

from assistant.secrets.language import COMMON_ZH_PAIRS, common_pairs
from assistant.secrets.words import (
    BIT,
    CHINESE,
    CHINESE_MASK,
    PHRASE_LENGTHS,
    PHRASE_WORDS,
    SEED_WORDS,
    PhraseHit,
    checksum_ok,
    fold,
    tables,
)

_LOG_POS = [math.log(i + 1) for i in range(2048)]
_LOG_MEAN = sum(_LOG_POS) / 2048
_LOG_SD = math.sqrt(sum((x - _LOG_MEAN) ** 2 for x in _LOG_POS) / 2048)
# A whole run standing alone: at -4 sd a generated 12-character phrase falls below about 6 times in
# 10,000, while about 90% of 12-character lines of prose made only of list characters do.
_RANDOM_Z = -4.0
# A window inside a sentence is one of many tried, so it must look clearly random.
_GLUED_Z = -2.2
_GLUED_BLOCK_Z = -1.0
_MAX_PAIR_SHARE = 0.2  # share of adjacent pairs that are common words, above which a window reads as prose


def z_score(lang: str, chars: str) -> float:
    positions = tables().index[lang]
    mean = sum(_LOG_POS[positions[c]] for c in chars) / len(chars)
    return (mean - _LOG_MEAN) / (_LOG_SD / math.sqrt(len(chars)))


def looks_random(lang: str, chars: str) -> bool:
    """True when the list positions of `chars` look uniformly drawn (a phrase), not frequency-led (prose)."""
    return z_score(lang, chars) >= _RANDOM_Z


def chinese_segment(text: str, start: int, end: int) -> list[PhraseHit]:
    """Chinese phrases inside one unbroken run of ideographs text[start:end]."""
    n = end - start
    if n < PHRASE_WORDS:
        return []
    glued = SEED_WORDS.search(text, start, end) if n > PHRASE_WORDS else None
    if glued:  # "我的助记词是……": the phrase follows the keyword inside the same run
        cut = glued.end()
        hit = _chinese_candidate(text, cut, end, hinted=True)
        if cut < end and text[cut] in "是为為":  # "是" may be the verb or the phrase's first word
            verb_skipped = _chinese_candidate(text, cut + 1, end, hinted=True)
            if verb_skipped is not None and (hit is None or verb_skipped.end > hit.end):
                hit = verb_skipped if hit is None else hit._replace(end=verb_skipped.end)
        if hit is not None:
            return [hit]
    if n in PHRASE_LENGTHS and _chinese_lists(text[start:end]):
        hit = _judge_chinese(text, start, end, SEED_WORDS.search(text, max(0, start - 80), start) is not None)
        if hit:
            return [hit]
    return _glued_windows(text, start, end)


def _chinese_candidate(text: str, start: int, end: int, hinted: bool) -> PhraseHit | None:
    n = end - start
    if n in PHRASE_LENGTHS:
        return _judge_chinese(text, start, end, hinted)
    if hinted:  # prose glued after the phrase ("助记词是<phrase>请帮我"): trust only what the checksum vouches for
        for length in reversed(PHRASE_LENGTHS):
            chars = text[start : start + length]
            if length < n and any(checksum_ok(lang, chars) for lang in _chinese_lists(chars)):
                return PhraseHit(start, start + length, True, f"{length} characters, chinese, checksum ok")
    return None


def _chinese_lists(chars: str) -> list[str]:
    """The Chinese lists holding every one of `chars`."""
    exact = tables().exact
    mask = CHINESE_MASK
    for ch in chars:
        mask &= exact.get(ch, 0)
        if not mask:
            return []
    return [lang for lang in CHINESE if mask & BIT[lang]]


def _pair_share(chars: str) -> float:
    return common_pairs(chars) / max(1, len(chars) - 1)


def _judge_chinese(text: str, start: int, end: int, hinted: bool) -> PhraseHit | None:
    chars = text[start:end]
    langs = _chinese_lists(chars)
    if not langs:
        return None
    checksum = any(checksum_ok(lang, chars) for lang in langs)
    z = max(z_score(lang, chars) for lang in langs)
    wordy = _pair_share(chars) > _MAX_PAIR_SHARE
    random_looking = z >= _RANDOM_Z and not wordy
    alone = hinted or _stands_alone(text, start, end)
    # Most common characters are list words, so a clause of prose can match. Standing alone on its line
    # (or after a seed keyword), a valid checksum and uniform-looking list positions are the evidence:
    # two pieces block, one inside a sentence asks the user, one on a line of its own is taken as prose.
    evidence = alone + (checksum and not wordy) + random_looking + (random_looking and z >= _GLUED_Z)
    if evidence < 2 and not (hinted and evidence):
        return None
    detail = f"{len(chars)} characters, {langs[0].replace('_', ' ')}, checksum {'ok' if checksum else 'failed'}"
    return PhraseHit(start, end, evidence >= 2, detail)


def _glued_windows(text: str, start: int, end: int) -> list[PhraseHit]:
    """Windows of a phrase length inside a longer run that look drawn at random from one Chinese list."""
    hits: list[PhraseHit] = []
    exact = tables().exact
    masks = [exact.get(c, 0) for c in text[start:end]]
    first: list[PhraseHit] = []
    first_starts: list[int] = []
    for lang in CHINESE:
        if hits and not first:
            first, first_starts = list(hits), [h.start for h in hits]
        bit = BIT[lang]
        i = start
        while i < end:
            if not masks[i - start] & bit:
                i += 1
                continue
            j = i
            while j < end and masks[j - start] & bit:
                j += 1
            k = bisect_right(first_starts, i) - 1
            if k >= 0 and first[k].end >= min(j, i + PHRASE_WORDS):
                pass  # the other Chinese list already found a phrase here (1,275 characters are in both)
            elif j - i > 40:
                hits += _random_regions(text, i, j, lang)
            elif j - i >= PHRASE_WORDS:
                hit = _best_window(text, i, j, lang, tables().index[lang])
                if hit:
                    hits.append(hit)
            i = j
    return hits


_MIN = PHRASE_WORDS


def _random_regions(text: str, lo: int, hi: int, lang: str) -> list[PhraseHit]:
    """Regions of text[lo:hi] (all list characters) where every 12-character window looks random: one
    sliding pass; a short region is then narrowed to its best phrase-length window."""
    positions = tables().index[lang]
    logs = [_LOG_POS[positions[c]] for c in text[lo:hi]]
    pairs = [1 if text[k : k + 2] in COMMON_ZH_PAIRS else 0 for k in range(lo, hi - 1)] + [0]
    need = _MIN * _LOG_MEAN + _GLUED_Z * _LOG_SD * math.sqrt(_MIN)  # sum of logs a random-looking window reaches
    max_pairs = _MAX_PAIR_SHARE * (_MIN - 1)
    total, paired = sum(logs[:_MIN]), sum(pairs[: _MIN - 1])
    regions: list[list[int]] = []
    for a in range(0, hi - lo - _MIN + 1):
        if a:
            total += logs[a + _MIN - 1] - logs[a - 1]
            paired += pairs[a + _MIN - 2] - pairs[a - 1]
        if total >= need and paired <= max_pairs:
            if regions and a <= regions[-1][1]:
                regions[-1][1] = a + _MIN
            else:
                regions.append([a, a + _MIN])
    hits = []
    for a, b in regions:
        if b - a > 40:  # a long stretch of random characters: no need to find the exact phrase in it
            hits.append(PhraseHit(lo + a, lo + b, True, f"{b - a} random-looking characters, {lang.replace('_', ' ')}"))
            continue
        hit = _best_window(text, lo + max(0, a - 3), lo + min(hi - lo, b + 3), lang, positions)
        if hit:
            hits.append(hit)
    return hits


_CHECKSUM_TRIES = 3  # windows per region whose checksum is computed (the best-looking ones)


def _best_window(text: str, lo: int, hi: int, lang: str, positions: dict[str, int]) -> PhraseHit | None:
    """The window that best looks like a phrase: random-looking positions, no word pairs, a valid checksum."""
    logs, pairs = [0.0], [0]
    for k in range(lo, hi):
        logs.append(logs[-1] + _LOG_POS[positions[text[k]]])
        pairs.append(pairs[-1] + (1 if text[k : k + 2] in COMMON_ZH_PAIRS and k + 1 < hi else 0))
    scored: list[tuple[float, int, int, float]] = []
    for length in PHRASE_LENGTHS:
        scale = _LOG_SD / math.sqrt(length)
        for a in range(0, hi - lo - length + 1):
            z = ((logs[a + length] - logs[a]) / length - _LOG_MEAN) / scale
            paired = pairs[a + length - 1] - pairs[a]
            if z >= _GLUED_Z and paired <= _MAX_PAIR_SHARE * (length - 1):
                scored.append((z - 1.5 * paired, lo + a, lo + a + length, z))
    if not scored:
        return None
    scored.sort(reverse=True)
    best = scored[0] + (False,)
    for score, a, b, z in scored[:_CHECKSUM_TRIES]:
        if checksum_ok(lang, text[a:b]) and score + 3.0 > best[0]:
            best = (score + 3.0, a, b, z, True)
    _score, a, b, z, checksum = best
    block = checksum or z >= _GLUED_BLOCK_Z or _stands_alone(text, a, b)
    detail = f"{b - a} characters inside a sentence, {lang.replace('_', ' ')}, checksum {'ok' if checksum else 'failed'}"
    return PhraseHit(a, b, block, detail)


_LINE_DECORATION = " \t\u3000\"'“”‘’「」『』（）()[]【】"


def _stands_alone(text: str, start: int, end: int) -> bool:
    """True when only a label, numbering, quotes or punctuation share the line with text[start:end]."""
    window_start = max(0, start - 200)
    line_start = text.rfind("\n", window_start, start) + 1 or window_start
    before = text[line_start:start].rstrip(_LINE_DECORATION)
    if before and before[-1] not in ":：" and any(c.isalpha() for c in before):
        return False
    if not before and start - line_start >= 200:
        return False
    line_end = text.find("\n", end, end + 200)
    after = text[end : line_end if line_end >= 0 else end + 200]
    return not any(c.isalpha() for c in after)


# ---- Japanese and Korean without separators ---------------------------------------------------------------------


@cache
def _glued_words(lang: str) -> tuple[frozenset[str], int, int]:
    # Compared as composed syllables (NFC): a hangul word is 1–4 syllables but 3–12 jamo, so a chain over
    # syllables tries a quarter of the slices and a megabyte of glued hangul stays within the time budget.
    words = frozenset(unicodedata.normalize("NFC", fold(w)) for w in tables_words(lang))
    return words, min(map(len, words)), max(map(len, words))


def tables_words(lang: str) -> list[str]:
    from mnemonic import Mnemonic

    return Mnemonic(lang).wordlist


def glued_words(token: str, start: int) -> PhraseHit | None:
    """The longest chain of whole list words inside a kana or hangul token, when it is 12 words or more."""
    key = unicodedata.normalize("NFC", fold(token))
    same_length = len(key) == len(token)  # else the finding covers the whole token (redacting more, never less)
    if len(key) < PHRASE_WORDS:
        return None
    hangul = "\uac00" <= key[0] <= "\ud7a3"  # composed above, so jamo typed one by one count too
    for lang in ("korean",) if hangul else ("japanese",):  # only the wordlist written in the token's script
        words, shortest, longest = _glued_words(lang)
        # chain[i]: (words, start) of the longest chain of list words ending exactly at i
        chain: list[tuple[int, int]] = [(0, 0)] * (len(key) + 1)
        for i in range(len(key) + 1):
            chain[i] = (0, i)
        best = (0, 0, 0)
        for i in range(shortest, len(key) + 1):
            top = (0, i)
            for size in range(shortest, min(longest, i) + 1):
                if key[i - size : i] in words:
                    count, first = chain[i - size]
                    if count + 1 > top[0]:
                        top = (count + 1, first)
            chain[i] = top
            if top[0] > best[0]:
                best = (top[0], top[1], i)
        count, a, b = best
        if count >= PHRASE_WORDS:
            s, e = (a, b) if same_length else (0, len(token))
            return PhraseHit(start + s, start + e, True, f"{count} words glued together, {lang}")
    return None
