"""Latin-script phrases written as one word: `abandonabilityable…`, `AbandonAbilityAble…`, `ABANDONABILITY…`.

A token long enough to hold twelve list words is split by dynamic programming into the longest chain of whole
words of one wordlist (English, Spanish, French, Italian, Portuguese, Czech). Twelve or more chained words that
make up nearly the whole token, or whose BIP39 checksum holds, are a phrase: ordinary words glued together
(a hashtag, a URL slug, an identifier) almost never chain that far, and the checksum vouches for a phrase
glued to other letters.

Cost: one dictionary lookup per letter (the last three letters must end some list word) and, where that
passes, one per possible word length; only tokens of 36 letters or more are looked at.
"""
from __future__ import annotations

import re
from functools import cache

from assistant.secrets.words import BIT, PHRASE_WORDS, PhraseHit, best_checksum, fold

LATIN_LISTS = ("english", "spanish", "french", "italian", "portuguese", "czech")
MIN_LETTERS = PHRASE_WORDS * 3  # twelve of the shortest list words
_WHOLE_SHARE = 0.9  # a chain covering this share of the token is the token
_LATIN_TOKEN = re.compile("[A-Za-z\u00c0-\u024f\u0300-\u036f]+")


@cache
def _lexicon() -> tuple[dict[str, int], frozenset[str], tuple[int, ...]]:
    """Folded word -> mask of the Latin lists holding it; every list word's last three letters; word lengths."""
    from mnemonic import Mnemonic

    words: dict[str, int] = {}
    for lang in LATIN_LISTS:
        for w in Mnemonic(lang).wordlist:
            key = fold(w)
            words[key] = words.get(key, 0) | BIT[lang]
    endings = frozenset(w[-3:] for w in words)
    return words, endings, tuple(sorted({len(w) for w in words}))


def latin_phrase(token: str, start: int) -> PhraseHit | None:
    """A phrase glued into `token` (at `start` in the text), or None."""
    if len(token) < MIN_LETTERS or not _LATIN_TOKEN.fullmatch(token):
        return None
    key = fold(token)
    n = len(key)
    if n < MIN_LETTERS:
        return None
    words, endings, sizes = _lexicon()
    # Per list: chain[i] = (words in the longest chain ending exactly at i, where the last word began).
    chains: dict[int, list[tuple[int, int]]] = {}
    best: dict[int, tuple[int, int]] = {}  # bit -> (count, end) of the longest chain
    for i in range(3, n + 1):
        if key[i - 3 : i] not in endings:
            continue
        for size in sizes:
            if size > i:
                break
            mask = words.get(key[i - size : i], 0)
            while mask:
                bit = mask & -mask
                mask ^= bit
                chain = chains.get(bit)
                if chain is None:
                    chain = chains[bit] = [(0, -1)] * (n + 1)
                count = chain[i - size][0] + 1
                if count > chain[i][0]:
                    chain[i] = (count, i - size)
                    if count > best.get(bit, (0, 0))[0]:
                        best[bit] = (count, i)
    found: PhraseHit | None = None
    for lang in LATIN_LISTS:
        count, end = best.get(BIT[lang], (0, 0))
        if count < PHRASE_WORDS:
            continue
        chain = chains[BIT[lang]]
        cuts = [end]
        while chain[cuts[-1]][0]:
            cuts.append(chain[cuts[-1]][1])
        cuts.reverse()
        keys = [key[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
        checksum = best_checksum(lang, keys)
        whole = (cuts[-1] - cuts[0]) >= _WHOLE_SHARE * n
        if not (checksum or whole):
            continue
        same = n == len(token)  # else (accents decomposed) the finding covers the whole token
        a, b = (cuts[0], cuts[-1]) if same else (0, len(token))
        detail = f"{count} words glued together, {lang}, checksum {'ok' if checksum else 'failed'}"
        hit = PhraseHit(start + a, start + b, True, detail)
        if found is None or checksum:
            found = hit
        if checksum:
            break
    return found
