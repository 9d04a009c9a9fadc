"""Find secrets (recovery phrases, private keys, keystores, passwords) in text a user is about to send.

Pure Python and offline. Every finding carries a span in the ORIGINAL text, so the UI can highlight it and
`redact()` can remove it. Details describe a finding without ever repeating the secret.

The text is first normalised (`normalise`: invisible characters, compatibility forms, homoglyphs, markup,
letter spacing, list fillers), the detectors run on that form, and spans are mapped back to the original.
Words are also read the ways people hide them: glued into one token (`glued`), in leetspeak or broken by a
line break (`variants`), in ROT13, backwards or between junk tokens (`channels`).

Time is linear in the text: each normalising step is one pass, then one tokenising pass (a regex with no
nested overlapping quantifiers) and a few single-pass regexes for keys, JSON shapes and labelled values.
Every window looked at around a finding is bounded.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from assistant.secrets import channels, cjk, decode, glued, keys, labels, variants
from assistant.secrets import words as sw
from assistant.secrets.normalise import fold_homoglyphs, normalise


class Severity(StrEnum):
    BLOCK = "block"  # never leaves the app
    CONFIRM = "confirm"  # ambiguous (e.g. 64 hex may be a tx hash): the user must say what it is


class SecretKind(StrEnum):
    MNEMONIC = "mnemonic"
    PRIVATE_KEY_HEX = "private_key_hex"
    WIF = "wif"
    EXTENDED_PRIVATE_KEY = "extended_private_key"
    KEYSTORE_JSON = "keystore_json"
    SOLANA_SECRET_KEY = "solana_secret_key"
    PASSWORD_LINE = "password_line"
    TOTP_CODE = "totp_code"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: SecretKind
    start: int
    end: int
    severity: Severity
    detail: str = ""  # never contains the secret itself


CONTEXTS = ("free_text", "tx_hash")


_LOOKAHEAD = 2  # tokens; lets a phrase start with two misspelt words

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Combining marks (NFD input), plus U+FFFD, which one word of mnemonic's Russian list contains.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a\ufffd"
# A token is a run of CJK ideographs (group 1) or of letters/digits with any combining marks after them
# (NFD input). Written as an unrolled loop over disjoint classes, so the regex cannot backtrack.
_TOKEN = re.compile(f"([{_CJK}]+)|[^\\W_{_CJK}]+(?:[{_MARKS}]+[^\\W_{_CJK}]*)*")
_ASCII_RUN = re.compile(r"[0-9A-Za-z]{50,}")
_GLUED_SCRIPT = re.compile("[\u3041-\u309f\u30fc]{24,}|[\uac00-\ud7a3\u1100-\u11ff]{24,}")  # kana or hangul (also as jamo)


def find_secrets(text: str, *, context: str = "free_text", addresses: Iterable[str] = (), named: Iterable[str] = (),
                 _inner: bool = False) -> list[Finding]:
    """All secrets in `text`, sorted by start; spans index the original text.

    `context` is "free_text" (a description box) or "tx_hash" (the field meant for a transaction hash,
    where a bare 64-hex value is accepted unless the text itself calls it a key). `addresses` are the
    user's own public addresses: a 64-hex value that is the private key of one of them is always blocked.
    `named` are addresses written elsewhere in the request; they and those in `text` only ever add blocks:
    an ambiguous 64-hex value that derives one of them is a key.
    """
    if context not in CONTEXTS:
        raise ValueError(f"context must be one of {CONTEXTS}, not {context!r}")
    own = keys.addresses_of(addresses)
    norm = normalise(text)
    t = norm.text
    found: list[Finding] = []
    found += _TokenScan(t, context, own).run()
    mentioned = keys.addresses_in(t) | keys.addresses_of(named)
    hits = keys.hex_keys(t, context, own, mentioned) + keys.keystores(t) + keys.byte_arrays(t, own) + keys.split_base58(t)
    found += [Finding(SecretKind(h.kind), h.start, h.end, _severity(h.block), h.detail) for h in hits]
    for v in labels.labelled_values(t):
        detail = "labelled password" if v.kind == "password_line" else "one-time code"
        found.append(Finding(SecretKind(v.kind), v.start, v.end, _severity(not v.confirm), detail))
    if norm.changed:
        found = [_back(norm.original, t, norm.back(f.start, f.end), f) for f in found]
    if not _inner:
        found += _encoded(text, context, addresses)  # on the text as written: unescaping would garble it
    return _tidy(found)


def _encoded(text: str, context: str, addresses: Iterable[str]) -> list[Finding]:
    """A secret inside base64 or a byte literal: the encoded token is the finding (one level deep)."""
    out: list[Finding] = []
    for w in decode.wrapped(text):
        if w.text is not None:
            inner = find_secrets(w.text, context=context, addresses=addresses, _inner=True)
            if inner:
                worst = min(inner, key=lambda f: f.severity is not Severity.BLOCK)
                out.append(Finding(worst.kind, w.start, w.end, worst.severity, f"{worst.detail}; encoded"))
        else:
            kind = SecretKind.PRIVATE_KEY_HEX if w.key_bytes == 32 else SecretKind.SOLANA_SECRET_KEY
            keyed = labels.cue_before(text, w.start, w.end).key
            out.append(Finding(kind, w.start, w.end, _severity(keyed), f"{w.key_bytes} encoded bytes, the size of a key"))
    return out


def _back(original: str, normalised: str, span: tuple[int, int], f: Finding) -> Finding:
    """The finding over the original text. Hidden characters, look-alikes or wide forms inside an ambiguous
    value are a sign it is being smuggled past the check (nobody disguises a transaction hash), so it is blocked."""
    start, end = span
    severity, detail = f.severity, f.detail
    if severity is Severity.CONFIRM and original[start:end] != normalised[f.start:f.end]:
        severity, detail = Severity.BLOCK, f"{detail}; disguised with hidden or look-alike characters"
    return Finding(f.kind, start, end, severity, detail)


def _severity(block: bool) -> Severity:
    return Severity.BLOCK if block else Severity.CONFIRM


def has_blocking(findings: Iterable[Finding]) -> bool:
    """True when any finding must be removed before the text may leave the app."""
    return any(f.severity is Severity.BLOCK for f in findings)


def is_blocked(text: str, *, context: str = "free_text") -> bool:
    """Shortcut for has_blocking(find_secrets(text, context=context))."""
    return has_blocking(find_secrets(text, context=context))


def redact(text: str, findings: Iterable[Finding], placeholder: str = "[REMOVED]") -> str:
    """`text` with every finding's span replaced by `placeholder` (overlapping spans merge into one)."""
    merged: list[list[int]] = []
    for start, end in sorted((f.start, f.end) for f in findings):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    pos = 0
    for start, end in merged:
        out.append(text[pos:start])
        out.append(placeholder)
        pos = end
    out.append(text[pos:])
    return "".join(out)


_RANK = {Severity.CONFIRM: 0, Severity.BLOCK: 1}


def _tidy(found: list[Finding]) -> list[Finding]:
    """Sort; drop findings inside an at least as severe one (a keystore's 64-hex mac, say); and make
    overlapping phrase findings from different wordlists (English and SLIP-39 share 553 words) one."""
    found.sort(key=lambda f: (f.start, -f.end, -_RANK[f.severity]))
    kept: list[Finding] = []
    for f in found:
        recent = kept[-8:]
        if any(k.start <= f.start and f.end <= k.end and _RANK[k.severity] >= _RANK[f.severity] for k in recent):
            continue
        if f.kind is SecretKind.MNEMONIC:
            at = next(
                (i for i in range(len(kept) - 1, max(-1, len(kept) - 9), -1)
                 if kept[i].kind is f.kind and kept[i].end > f.start),
                None,
            )
            if at is not None:
                other = kept[at]
                if _RANK[other.severity] > _RANK[f.severity]:
                    continue  # the weaker list's run is a shadow of the phrase already found
                del kept[at]
                if _RANK[other.severity] == _RANK[f.severity]:
                    longer = max(other, f, key=lambda x: x.end - x.start)
                    f = Finding(f.kind, other.start, max(other.end, f.end), f.severity, longer.detail)
        kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


Pending = tuple[int, int, str, int, int]  # start, end, folded key, exact mask, stub mask


class _TokenScan:
    """One pass over the tokens: runs of list words go to PhraseRuns; long alphanumerics are key-checked."""

    def __init__(self, text: str, context: str, addresses: frozenset[str]) -> None:
        self.text = text
        self.context = context
        self.addresses = addresses
        self.t = sw.tables()
        self.found: list[Finding] = []
        self.runs = sw.PhraseRuns(text)
        self.memo: dict[str, tuple[str, int, int]] = {}
        self.typo_memo: dict[str, int] = {}
        # Word tokens waiting for the next _LOOKAHEAD tokens (None: a token that breaks every run).
        self.pending: deque[Pending | None] = deque()
        self.prev_mask = 0
        self.side = channels.SideChannels(text)
        self.after_leet = False  # the last word token was written in leetspeak
        self.leet_held: Pending | None = None  # a leet word waiting for a leet neighbour
        self.leet_memo: dict[str, tuple[str, int, int] | None | tuple[()]] = {}

    def run(self) -> list[Finding]:
        pending, settle = self.pending, self._settle
        for m in _TOKEN.finditer(self.text):
            start, end = m.span()
            item: Pending | None = None
            if m.lastindex == 1 and _numbering(self.text, start, end):
                continue  # "一、abandon", "十二、buyer": Chinese numerals numbering a list of words
            if m.lastindex == 1 and end - start > 1:
                for hit in cjk.chinese_segment(self.text, start, end):
                    self._add_phrase(hit)
            else:
                token = m.group()
                if len(token) >= 24:
                    self._long_token(token, start)
                if token.isdigit() and len(token) <= 3:
                    continue  # list numbering ("1." "12)") does not interrupt a phrase
                if len(token) == 2 and variants.numbering_word(self.text, token, end):
                    continue  # "No.3"
                if not token.isalpha():
                    core = _strip_digits(token)  # "1abandon", "①abandon": numbering glued to the word
                    if core is not None:
                        at = start + token.index(core)
                        item = (at, at + len(core), *self._lookup(core))
                    if (item is None or not item[3]) and variants.leetish(token):
                        item = self._leet(token, start, end) or item
                else:
                    item = (start, end, *self._lookup(token))
                    self.after_leet, self.leet_held = False, None
                    if self._joined_break(item):
                        continue
            self.side.feed(item, end - start <= channels.JUNK_LEN and channels.is_junk(item, m.group()))
            if item is not None and not (item[3] | item[4]) and len(pending) == 2 and _repeated(pending, item[2]):
                del pending[0]  # "w1 and w2 and w3", "w1 the w2 the": one token repeated between every word
                continue
            # Tokens wait in `pending` so that a token's neighbours on both sides are known when it settles.
            pending.append(item)
            if len(pending) > _LOOKAHEAD:
                settle(pending.popleft())
        while pending:
            settle(pending.popleft())
        self.runs.push(0)
        for hit in self.runs.hits:
            self._add_phrase(hit)
        for hit in self.side.hits():
            self._add_phrase(hit)
        return self.found

    def _leet(self, token: str, start: int, end: int) -> Pending | None:
        """A word with digits for letters ("d357r0y") whose plain form is a list word. Leetspeak is a style of the
        whole phrase, so a word counts once its neighbour is leet too: a lone "l10n" or "k8s" is no "lion"."""
        if token.isdigit() and not self.after_leet:
            return None  # a number is leet ("70457") only after a leet word
        plain = self.leet_memo.get(token, ())
        if plain == ():
            plain = next((hit for hit in map(self._lookup, variants.leet_forms(token, token.isdigit())) if hit[1]), None)
            if len(self.leet_memo) < 100_000:
                self.leet_memo[token] = plain
        found = (start, end, *plain) if plain else None
        held, self.leet_held = self.leet_held, found
        if found is None or (not self.after_leet and held is None):
            self.after_leet = False
            return None
        last = self.pending[-1] if self.pending else None
        if held is not None and not self.after_leet and (last is None or held[0] <= last[0] < held[1]):
            self.pending[-1] = held  # the word before was leet too: it counts now
        self.after_leet = True
        return found

    def _joined_break(self, item: Pending) -> bool:
        """A word broken by a line break ("destr" / "oy"): when the halves join into a list word that they are not
        both words of, the waiting half becomes the whole word. True when `item` was joined that way."""
        prev = self.pending[-1] if self.pending else None
        if prev is None or not variants.broken_word(self.text, prev[1], item[0]):
            return False
        key, exact, stub = self._lookup(self.text[prev[0] : prev[1]] + self.text[item[0] : item[1]])
        if not exact or exact & prev[3] & item[3]:
            return False
        self.pending[-1] = (prev[0], item[1], key, exact, stub)
        return True


    def _long_token(self, token: str, start: int) -> None:
        if len(token) >= 50:
            runs = [(token, start)] if token.isascii() else [(m.group(), start + m.start()) for m in _ASCII_RUN.finditer(token)]
            for run, at in runs:
                for h in keys.token_keys(self.text, run, at, self.context, self.addresses):
                    self.found.append(Finding(SecretKind(h.kind), h.start, h.end, _severity(h.block), h.detail))
        if len(token) >= glued.MIN_LETTERS and token.isalpha():
            hit = glued.latin_phrase(token, start)
            if hit:
                self._add_phrase(hit)
        for m in _GLUED_SCRIPT.finditer(token):
            hit = cjk.glued_words(m.group(), start + m.start())
            if hit:
                self._add_phrase(hit)

    def _add_phrase(self, hit: sw.PhraseHit) -> None:
        self.found.append(Finding(SecretKind.MNEMONIC, hit.start, hit.end, _severity(hit.block), hit.detail))

    def _lookup(self, token: str) -> tuple[str, int, int]:
        """Folded key, exact-match mask and 4-letter-stub mask of a word token."""
        hit = self.memo.get(token)
        if hit is None:
            key = sw.fold(token)
            exact = self.t.exact.get(key, 0)
            if not exact and not key.isascii():
                exact = self.t.exact.get(sw.fold(fold_homoglyphs(token)), 0)  # a word drawn wholly in look-alikes
            stub = self.t.prefix4.get(key, 0) & ~exact if len(key) == 4 else 0
            hit = (key, exact, stub)
            if len(self.memo) < 100_000:
                self.memo[token] = hit
        return hit

    def _settle(self, token: Pending | None) -> None:
        if token is None:
            self.prev_mask = 0
            if self.runs.active:
                self.runs.push(0)
            return
        start, end, key, exact, stub = token
        typo = 0
        # The typo lookup is the costly part. It only matters for a list that a neighbour is in and this
        # token is not ("bronz" is Turkish, but a typo inside an English phrase); runs with more than a
        # quarter of misspelt words are dropped anyway. A short word (2-4 letters) counts as misspelt only
        # between two words of the same list, so a typo in "sand" does not split the phrase in two.
        size = len(key)
        if sw.SHORT_FUZZY_MIN_LEN <= size <= sw.FUZZY_MAX_LEN:
            after = 0
            for p in self.pending:
                if p is not None:
                    after |= p[3] | p[4]
            around = self.prev_mask | after if size >= sw.FUZZY_MIN_LEN else self.prev_mask & after
            if around & ~(exact | stub):
                typo = self.typo_memo.get(key, -1)
                if typo < 0:
                    typo = self.typo_memo[key] = sw.fuzzy_mask(key, self.t)
                typo &= ~stub
                if size < sw.FUZZY_MIN_LEN:
                    typo &= around
        mask = self.prev_mask = exact | stub | typo
        if mask or self.runs.active:
            self.runs.push(mask, start, end, key, stub, typo)
_CN_NUMERALS = frozenset("一二三四五六七八九十廿零〇两兩")
_CN_NUMBERING_AFTER = re.compile(r"[、.．)）:：]?[ \t]*[A-Za-z\u00c0-\u024f\u0400-\u04ff\u3041-\u30ff\uac00-\ud7a3\u1100-\u11ff]")


def _numbering(text: str, start: int, end: int) -> bool:
    """A Chinese numeral (一 to 二十四) before a word in another script: it numbers a list, it is no word."""
    return end - start <= 3 and all(c in _CN_NUMERALS for c in text[start:end]) and \
        _CN_NUMBERING_AFTER.match(text, end) is not None


def _repeated(pending: deque[Pending | None], key: str) -> bool:
    """True when the token two back is the same non-list word and a list word stands between them."""
    first, word = pending[0], pending[1]
    return first is not None and word is not None and first[2] == key and not (first[3] | first[4]) \
        and bool(word[3] | word[4])


def _strip_digits(token: str) -> str | None:
    """`token` without leading/trailing digits, or None when digits remain inside or nothing is left."""
    i, j = 0, len(token)
    while i < j and token[i].isdigit():
        i += 1
    while j > i and token[j - 1].isdigit():
        j -= 1
    core = token[i:j]
    if not core or any(c.isdigit() for c in core):
        return None
    return core


