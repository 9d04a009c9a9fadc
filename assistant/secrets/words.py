"""Recovery-phrase detection for the secret scanner: wordlists, lookup tables and runs of list words.


Every wordlist is one bit in a mask, so one dict lookup tells which lists a token belongs to. The tables
are built on first use (about 0.2 s) and cached for the life of the process. `secret_scan` tokenises the
text and feeds each token's mask to `PhraseRuns`; unseparated Chinese goes to `chinese_segment`.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from assistant.secrets.language import natural_english

# Order fixes the bit of each list: the 12 lists shipped by Trezor's `mnemonic`, then SLIP-39 (Shamir shares).
BIP39_LANGUAGES = (
    "english",
    "spanish",
    "french",
    "italian",
    "czech",
    "portuguese",
    "turkish",
    "russian",
    "japanese",
    "korean",
    "chinese_simplified",
    "chinese_traditional",
)
SLIP39 = "slip39"
LANGUAGES = (*BIP39_LANGUAGES, SLIP39)
BIT = {lang: 1 << i for i, lang in enumerate(LANGUAGES)}
CHINESE = ("chinese_simplified", "chinese_traditional")
CHINESE_MASK = BIT[CHINESE[0]] | BIT[CHINESE[1]]
LATIN_MASK = sum(BIT[lang] for lang in ("english", "spanish", "french", "italian", "czech", "portuguese"))

# Research §c: 12+ list words is a phrase; 8-11 is a partial phrase (split messages, a phrase typed half),
# still blocked; 5-7 only counts after a seed keyword, and the user confirms.
PHRASE_WORDS = 12
PARTIAL_WORDS = 8
HINTED_WORDS = 5
PHRASE_LENGTHS = (12, 15, 18, 21, 24)
SEED_WORDS = re.compile(
    r"seed|phrase|mnemonic|recovery|backup|words|write\s+(?:these|them|it)\s+down|助记词|助記詞|种子|種子|恢复|恢復|备份|備份|抄写|抄寫"
    r"|シード|ニーモニック|リカバリー|フレーズ|復元|バックアップ|書き留め|시드|니모닉|복구|문구|백업|적어",
    re.I,
)

# Lists whose words are unique by their first four letters, so steel backups keep only those.
# (Turkish, Russian, Japanese and Korean are not, so a 4-letter stub says too little there.)
_PREFIX_LANGUAGES = ("english", "spanish", "french", "italian", "czech", "portuguese", SLIP39)
# Typo tolerance only for alphabetic lists: one wrong kana, hangul or hanzi is another word entirely.
_FUZZY_LANGUAGES = (*_PREFIX_LANGUAGES, "turkish", "russian")
_FUZZY_MASK = sum(1 << LANGUAGES.index(lang) for lang in _FUZZY_LANGUAGES)
FUZZY_MIN_LEN = 5
FUZZY_MAX_LEN = 12
SHORT_FUZZY_MIN_LEN = 2  # a misspelt short word counts only between two words of the same list

_ENGLISH_LISTS = ("english", SLIP39)
_SENTENCE_MARKS = re.compile(r"[,.!?;:'’]")
_KANA_VOICING = "\u3099\u309a"  # dakuten/handakuten: dropping them would merge distinct Japanese words
_WILDCARD = "\x00"


def fold(token: str) -> str:
    """Lower-case, NFKD and accent-free form of a token, so 'Ábaco', 'abaco' and 'ABACO' compare equal."""
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFKD", token.lower())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c in _KANA_VOICING)
    return kept.replace("ı", "i")  # Turkish dotless i, which upper-cases to plain I


@dataclass(frozen=True, slots=True)
class WordTables:
    exact: dict[str, int]  # folded word -> language mask
    prefix4: dict[str, int]  # folded 4-letter stub -> mask (only lists unique by 4 letters)
    deleted: dict[str, int]  # word with one letter removed -> mask (the user dropped a letter)
    wildcard: dict[str, int]  # word with one letter replaced by a wildcard -> mask (one wrong letter)
    index: dict[str, dict[str, int]]  # language -> folded word or unique 4-letter stub -> position


@cache
def tables() -> WordTables:
    """Build (once) the lookup tables from every wordlist."""
    from embit.wordlists.slip39 import SLIP39_WORDS
    from mnemonic import Mnemonic

    lists = {lang: Mnemonic(lang).wordlist for lang in BIP39_LANGUAGES}
    lists[SLIP39] = list(SLIP39_WORDS)

    exact: dict[str, int] = {}
    prefix4: dict[str, int] = {}
    deleted: dict[str, int] = {}
    wildcard: dict[str, int] = {}
    index: dict[str, dict[str, int]] = {}
    for lang, words in lists.items():
        bit = BIT[lang]
        positions: dict[str, int] = {}
        for i, word in enumerate(words):
            key = fold(word)
            positions.setdefault(key, i)
            exact[key] = exact.get(key, 0) | bit
            if lang in _PREFIX_LANGUAGES and len(key) > 4:
                stub = key[:4]
                prefix4[stub] = prefix4.get(stub, 0) | bit
                positions.setdefault(stub, i)
            if "\ufffd" in key:
                # mnemonic 0.21's Russian list holds one word with a mis-decoded letter ("сно\ufffd\ufffdа");
                # let a person's spelling of that letter match it like a one-letter typo.
                j = key.index("\ufffd")
                wild = key[:j] + _WILDCARD + key[j:].lstrip("\ufffd")
                wildcard[wild] = wildcard.get(wild, 0) | bit
            if lang in _FUZZY_LANGUAGES:
                for j in range(len(key)):
                    gone = key[:j] + key[j + 1 :]
                    deleted[gone] = deleted.get(gone, 0) | bit
                    wild = key[:j] + _WILDCARD + key[j + 1 :]
                    wildcard[wild] = wildcard.get(wild, 0) | bit
        index[lang] = positions
    return WordTables(exact, prefix4, deleted, wildcard, index)


def fuzzy_mask(key: str, t: WordTables) -> int:
    """Lists holding a word one edit from `key`: a letter missing, extra or wrong, or two letters swapped."""
    mask = t.deleted.get(key, 0)  # one letter missing from the token
    exact, wildcard = t.exact, t.wildcard
    for j in range(len(key)):
        head, tail = key[:j], key[j + 1 :]
        mask |= exact.get(head + tail, 0) | wildcard.get(head + _WILDCARD + tail, 0)  # one extra / one wrong
        if tail and tail[0] != key[j]:
            mask |= exact.get(head + tail[0] + key[j] + tail[1:], 0)  # "jucie": two neighbours swapped
    return mask & _FUZZY_MASK & ~exact.get(key, 0)


def checksum_ok(lang: str, keys: list[str] | str) -> bool | None:
    """BIP39 checksum of folded words in `lang`; None when it cannot be computed (length, unknown word)."""
    n = len(keys)
    if lang == SLIP39 or n not in PHRASE_LENGTHS:
        return None
    positions = tables().index[lang]
    bits = 0
    for key in keys:
        pos = positions.get(key)
        if pos is None:
            return None
        bits = (bits << 11) | pos
    check_bits = n // 3
    entropy = (bits >> check_bits).to_bytes(n * 11 // 33 * 4, "big")
    expected = hashlib.sha256(entropy).digest()[0] >> (8 - check_bits)
    return expected == bits & ((1 << check_bits) - 1)


def best_checksum(lang: str, keys: list[str]) -> bool | None:
    """Checksum of the words, or of the words less up to three neighbours at either end (prose around it)."""
    result = None
    for lead in range(4):
        for tail in range(4):
            ok = checksum_ok(lang, keys[lead : len(keys) - tail])
            if ok:
                return True
            if ok is not None:
                result = False
    return result


class PhraseHit(NamedTuple):
    start: int
    end: int
    block: bool  # False: the user confirms
    detail: str


class PhraseRuns:
    """Per wordlist, the current run of consecutive list words; long runs become hits when they end."""

    def __init__(self, text: str, need_checksum: bool = False) -> None:
        self.text = text
        self.need_checksum = need_checksum  # report only runs whose BIP39 checksum holds
        self.hits: list[PhraseHit] = []
        # Tokens since the oldest open run: start, end, folded key, stub-only mask, typo-only mask.
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.keys: list[str] = []
        self.stubs: list[int] = []
        self.typos: list[int] = []
        self.run_from = [0] * len(LANGUAGES)  # buffer index where each open run began
        self.active = 0

    def push(self, mask: int, start: int = 0, end: int = 0, key: str = "", stub: int = 0, typo: int = 0) -> None:
        """Feed one token's list mask (0 for a non-word); runs of the lists it is not in end here."""
        ended = self.active & ~mask
        n = len(self.starts)
        while ended:
            low = ended & -ended
            ended ^= low
            lang_i = low.bit_length() - 1
            if n - self.run_from[lang_i] >= HINTED_WORDS:
                self._close(lang_i, self.run_from[lang_i], n)
        if not mask:
            self.active = 0
            for buf in (self.starts, self.ends, self.keys, self.stubs, self.typos):
                buf.clear()
            return
        started = mask & ~self.active
        while started:
            low = started & -started
            started ^= low
            self.run_from[low.bit_length() - 1] = n
        self.active = mask
        self.starts.append(start)
        self.ends.append(end)
        self.keys.append(key)
        self.stubs.append(stub)
        self.typos.append(typo)

    def _close(self, lang_i: int, first: int, stop: int) -> None:
        bit = 1 << lang_i
        lang = LANGUAGES[lang_i]
        typos = self.typos
        # Near-misses at the edges are usually the prose around a phrase ("thanks" ~ "thank"): judge the
        # run without them, but keep them in the span in case they were the phrase's own misspelt words.
        lo, hi = first, stop
        while lo < hi and typos[lo] & bit:
            lo += 1
        while hi > lo and typos[hi - 1] & bit:
            hi -= 1
        n = hi - lo
        if n < HINTED_WORDS:
            return
        keys = self.keys[lo:hi]
        misspelt = sum(1 for i in range(lo, hi) if typos[i] & bit)
        if misspelt > max(1, n // 4):
            return  # many near-misses: prose in a language close to the list
        if lang in _ENGLISH_LISTS and natural_english(keys, self._sentence_marks(lo, hi)):
            return  # an English sentence made of list words ("Thank you, please check again tomorrow…")
        checksum = best_checksum(lang, keys)
        if self.need_checksum and not checksum:
            return
        if len(set(keys)) < n * 3 / 4 and not checksum:
            return  # many repeats ("Unknown error, Unknown host, …"), unless it is a weak but valid phrase
        start, end = self.starts[first], self.ends[stop - 1]
        stubs = sum(1 for i in range(lo, hi) if self.stubs[i] & bit)
        whole = stop - first  # with the near-misses at the edges: a phrase length says they belong to it
        if n >= PHRASE_WORDS or self._spelled_out(bit, lo, hi) >= PARTIAL_WORDS or (
                whole in PHRASE_LENGTHS and misspelt + whole - n <= 2):
            block = True
        elif SEED_WORDS.search(self.text, max(0, start - 80), start) or (n >= PARTIAL_WORDS and not stubs and not misspelt):
            # Unhinted partial runs must be spelled out: stubs and near-misses make ordinary prose match.
            block = False
        else:
            return
        edge_typos = (lo - first) + (stop - hi)
        parts = [f"{stop - first} words", lang.replace("_", " ")]
        if stubs:
            parts.append(f"{stubs} as 4-letter stubs")
        if misspelt + edge_typos:
            parts.append(f"{misspelt + edge_typos} misspelt")
        if checksum is not None:
            parts.append("checksum ok" if checksum else "checksum failed")
        self.hits.append(PhraseHit(start, end, block, ", ".join(parts)))

    def _sentence_marks(self, first: int, stop: int) -> bool:
        """Punctuation between the words or a capital letter: what a sentence has and a bare phrase lacks."""
        text = self.text[self.starts[first] : self.ends[stop - 1]]
        return _SENTENCE_MARKS.search(text) is not None or text[:1].isupper()

    def _spelled_out(self, bit: int, lo: int, hi: int) -> int:
        """Longest stretch of whole list words (no stubs, no typos): a partial phrase is blocked on that."""
        best = current = 0
        for i in range(lo, hi):
            current = 0 if (self.stubs[i] | self.typos[i]) & bit else current + 1
            best = max(best, current)
        return best
