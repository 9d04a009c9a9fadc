"""Find secrets (recovery phrases, private keys, keystores, passwords) in text a user is about to send.

Pure Python and offline. Every finding carries a span in the ORIGINAL text, so the UI can highlight it and
`redact()` can remove it. Details describe a finding without ever repeating the secret.

Time is linear in the text: one tokenising pass (a regex with no nested overlapping quantifiers), then a
few single-pass regexes for JSON shapes and labelled values.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from embit import base58

from assistant.secrets import words as sw


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
_HEX = re.compile(r"[0-9a-fA-F]+")
_B58 = re.compile(r"[1-9A-HJ-NP-Za-km-z]+")

_SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
_KEY_WORDS = re.compile(
    r"private[\s_-]*key|priv[\s_-]*key|\bsecret\b|export|\bkey\s*[:=：]|私钥|密钥|秘钥|私鑰|密鑰|秘鑰", re.I
)
_TX_URL_TAILS = ("/tx/", "/txs/", "/transaction/", "/transactions/")
_XPRV_VERSIONS = {
    bytes.fromhex(v)
    for v in ("0488ADE4", "049D7878", "04B2430C", "0295B005", "02AA7A99", "04358394", "044A4E28", "045F18BC",
              "024285B5", "02575048")
}
_XPRV_PREFIXES = ("xprv", "yprv", "zprv", "Yprv", "Zprv", "tprv", "uprv", "vprv", "Uprv", "Vprv")


def find_secrets(text: str, *, context: str = "free_text") -> list[Finding]:
    """All secrets in `text`, sorted by start; spans index the original text.

    `context` is "free_text" (a description box) or "tx_hash" (the field meant for a transaction hash,
    where a bare 64-hex value is accepted unless the text itself calls it a key).
    """
    if context not in CONTEXTS:
        raise ValueError(f"context must be one of {CONTEXTS}, not {context!r}")
    found: list[Finding] = []
    found += _TokenScan(text, context).run()
    found += _keystores(text)
    found += _byte_arrays(text)
    found += _labelled_values(text)
    return _tidy(found)


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


def _is_base58(s: str) -> bool:
    return _B58.fullmatch(s) is not None


def _is_keypair(raw: bytes) -> bool:
    """64 bytes that are an ed25519 seed followed by its public key (a Solana secret key, not a signature)."""
    # The binding SigningKey(seed).verify_key wraps, called directly: a page of signatures means thousands.
    from nacl.bindings import crypto_sign_seed_keypair

    return len(raw) == 64 and crypto_sign_seed_keypair(raw[:32])[0] == raw[32:]


class _TokenScan:
    """One pass over the tokens: runs of list words go to PhraseRuns; long alphanumerics are key-checked."""

    def __init__(self, text: str, context: str) -> None:
        self.text = text
        self.context = context
        self.t = sw.tables()
        self.found: list[Finding] = []
        self.runs = sw.PhraseRuns(text)
        self.memo: dict[str, tuple[str, int, int]] = {}
        self.typo_memo: dict[str, int] = {}
        # Word tokens (start, end, key, exact mask, stub mask) waiting for the next _LOOKAHEAD tokens.
        self.pending: deque[tuple[int, int, str, int, int] | None] = deque()
        self.prev_mask = 0

    def run(self) -> list[Finding]:
        pending, settle = self.pending, self._settle
        for m in _TOKEN.finditer(self.text):
            start, end = m.span()
            item: tuple[int, int, str, int, int] | None = None  # None: a token that breaks every run
            if m.lastindex == 1 and end - start > 1:
                hit = sw.chinese_segment(self.text, start, end)
                if hit:
                    self._add_phrase(hit)
            else:
                token = m.group()
                if len(token) >= 50:
                    self._key_shaped(token, start)
                if token.isdigit() and len(token) <= 3:
                    continue  # list numbering ("1." "12)") does not interrupt a phrase
                if not token.isalpha():
                    core = _strip_digits(token)  # "1abandon", "①abandon": numbering glued to the word
                    if core is not None:
                        start += token.index(core)
                        item = (start, start + len(core), *self._lookup(core))
                else:
                    item = (start, end, *self._lookup(token))
            # Tokens wait in `pending` so that a token's neighbours on both sides are known when it settles.
            pending.append(item)
            if len(pending) > _LOOKAHEAD:
                settle(pending.popleft())
        while pending:
            settle(pending.popleft())
        self.runs.push(0)
        for hit in self.runs.hits:
            self._add_phrase(hit)
        return self.found

    def _add_phrase(self, hit: sw.PhraseHit) -> None:
        severity = Severity.BLOCK if hit.block else Severity.CONFIRM
        self.found.append(Finding(SecretKind.MNEMONIC, hit.start, hit.end, severity, hit.detail))

    def _lookup(self, token: str) -> tuple[str, int, int]:
        """Folded key, exact-match mask and 4-letter-stub mask of a word token."""
        hit = self.memo.get(token)
        if hit is None:
            key = sw.fold(token)
            exact = self.t.exact.get(key, 0)
            stub = self.t.prefix4.get(key, 0) & ~exact if len(key) == 4 else 0
            hit = (key, exact, stub)
            if len(self.memo) < 100_000:
                self.memo[token] = hit
        return hit

    def _settle(self, token: tuple[int, int, str, int, int] | None) -> None:
        if token is None:
            self.prev_mask = 0
            if self.runs.active:
                self.runs.push(0)
            return
        start, end, key, exact, stub = token
        typo = 0
        # The typo lookup is the costly part. It only matters for a list that a neighbour is in and this
        # token is not ("bronz" is Turkish, but a typo inside an English phrase); runs with more than a
        # quarter of misspelt words are dropped anyway.
        if sw.FUZZY_MIN_LEN <= len(key) <= sw.FUZZY_MAX_LEN:
            around = self.prev_mask
            for p in self.pending:
                if p is not None:
                    around |= p[3] | p[4]
            if around & ~(exact | stub):
                typo = self.typo_memo.get(key, -1)
                if typo < 0:
                    typo = self.typo_memo[key] = sw.fuzzy_mask(key, self.t)
                typo &= ~stub
        mask = self.prev_mask = exact | stub | typo
        if mask or self.runs.active:
            self.runs.push(mask, start, end, key, stub, typo)

    def _key_shaped(self, token: str, start: int) -> None:
        """Check a long alphanumeric token (or the ASCII runs inside it) against key formats."""
        if not token.isascii():
            for m in _ASCII_RUN.finditer(token):
                self._key_shaped(m.group(), start + m.start())
            return
        end = start + len(token)
        n = len(token)
        if n == 64 or (n == 66 and token[:2] in ("0x", "0X")):
            self._hex_key(token[-64:], start, end)
        elif n in (51, 52) and token[0] in "59KLc":
            self._wif(token, start, end)
        elif token[:4] in _XPRV_PREFIXES and 100 <= n <= 115:
            self._xprv(token, start, end)
        elif 85 <= n <= 88:
            self._solana_b58(token, start, end)

    def _hex_key(self, digits: str, start: int, end: int) -> None:
        if not _HEX.fullmatch(digits) or not 0 < int(digits, 16) < _SECP256K1_N:
            return
        text = self.text
        if _KEY_WORDS.search(text, max(0, start - 40), start):
            detail = "64 hex digits labelled as a key"
            self.found.append(Finding(SecretKind.PRIVATE_KEY_HEX, start, end, Severity.BLOCK, detail))
            return
        if self.context == "tx_hash":
            return
        if text[max(0, start - 16) : start].lower().endswith(_TX_URL_TAILS):
            return  # part of an explorer link: a transaction hash
        detail = "64 hex digits: a private key or a transaction hash"
        self.found.append(Finding(SecretKind.PRIVATE_KEY_HEX, start, end, Severity.CONFIRM, detail))

    def _wif(self, token: str, start: int, end: int) -> None:
        try:
            raw = base58.decode_check(token)
        except ValueError:
            return
        if raw[:1] in (b"\x80", b"\xef") and (len(raw) == 33 or (len(raw) == 34 and raw[-1] == 1)):
            net = "mainnet" if raw[0] == 0x80 else "testnet"
            kind = "compressed" if len(raw) == 34 else "uncompressed"
            self.found.append(Finding(SecretKind.WIF, start, end, Severity.BLOCK, f"WIF, {net}, {kind}"))

    def _xprv(self, token: str, start: int, end: int) -> None:
        if not _is_base58(token):
            return
        try:
            raw = base58.decode_check(token)
            ok = len(raw) == 78 and raw[:4] in _XPRV_VERSIONS and raw[45] == 0
        except ValueError:
            ok = False
        # A mistyped xprv is still nearly the whole key, so the prefix and length are enough to block.
        detail = f"extended private key ({token[:4]}), checksum {'ok' if ok else 'failed'}"
        self.found.append(Finding(SecretKind.EXTENDED_PRIVATE_KEY, start, end, Severity.BLOCK, detail))

    def _solana_b58(self, token: str, start: int, end: int) -> None:
        if not _is_base58(token):
            return
        raw = base58.decode(token)
        if _is_keypair(raw):  # otherwise it is a transaction signature, which is public
            detail = "Solana secret key (base58, 64 bytes)"
            self.found.append(Finding(SecretKind.SOLANA_SECRET_KEY, start, end, Severity.BLOCK, detail))


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


_BYTE_ARRAY = re.compile(r"\[([0-9,\s]*)\]")


def _byte_arrays(text: str) -> list[Finding]:
    """Solana CLI keypair files: a JSON array of 64 byte values (32 when only the seed was saved)."""
    found = []
    for m in _BYTE_ARRAY.finditer(text):
        body = m.group(1)
        if body.count(",") not in (31, 63):
            continue
        try:
            values = [int(v) for v in body.split(",")]
        except ValueError:
            continue
        if any(v > 255 for v in values):
            continue
        if len(values) == 64 and _is_keypair(bytes(values)):
            severity, detail = Severity.BLOCK, "Solana keypair as a JSON byte array"
        else:
            severity, detail = Severity.CONFIRM, f"array of {len(values)} bytes: possibly a secret key"
        found.append(Finding(SecretKind.SOLANA_SECRET_KEY, m.start(), m.end(), severity, detail))
    return found


_KS_TOKEN = re.compile(r"""[{}]|["'](crypto|ciphertext|kdf|kdfparams|mac)["']\s*:""", re.I)
_KS_BIT = {"crypto": 1, "ciphertext": 2, "kdf": 4, "kdfparams": 4, "mac": 8}
_KS_WRAPS = 16  # set on an object whose "crypto" member turned out to be a keystore


def _ks_is_crypto(mask: int) -> bool:
    return bool(mask & 2) and bool(mask & 12)


def _keystores(text: str) -> list[Finding]:
    """Web3 Secret Storage (keystore) JSON, found with a brace stack in one pass; unclosed JSON counts."""
    found = []
    # Only the innermost levels matter, so deep '{' nesting costs bounded memory.
    stack: deque[list[int]] = deque(maxlen=64)
    loose: list[tuple[int, int, int]] = []  # key hits outside any braces: (start, end, bit)

    def close(frame: list[int], end: int) -> None:
        start, mask = frame
        if _ks_is_crypto(mask):
            if stack and stack[-1][1] & 1:
                stack[-1][1] |= _KS_WRAPS  # report the whole keystore, not just its crypto member
                return
            found.append(Finding(SecretKind.KEYSTORE_JSON, start, end, Severity.BLOCK, "keystore JSON"))
        elif mask & _KS_WRAPS:
            found.append(Finding(SecretKind.KEYSTORE_JSON, start, end, Severity.BLOCK, "keystore JSON"))

    for m in _KS_TOKEN.finditer(text):
        ch = text[m.start()]
        if ch == "{":
            stack.append([m.start(), 0])
        elif ch == "}":
            if stack:
                close(stack.pop(), m.end())
        else:
            bit = _KS_BIT[m.group(1).lower()]
            if stack:
                stack[-1][1] |= bit
            else:
                loose.append((m.start(), m.end(), bit))
    while stack:
        close(stack.pop(), len(text))

    # Bare "key": value lines with no braces (a partial paste).
    group_mask, group_start, last_end = 0, 0, -10_000
    for start, end, bit in [*loose, (len(text) + 10_000, 0, 0)]:
        if start - last_end > 300:
            if _ks_is_crypto(group_mask):
                line_end = text.find("\n", last_end)
                stop = line_end if line_end >= 0 else len(text)
                found.append(Finding(SecretKind.KEYSTORE_JSON, group_start, stop, Severity.BLOCK, "keystore fields"))
            group_mask, group_start = 0, start
        group_mask |= bit
        last_end = end
    return found


_PASSWORD = re.compile(
    r"(?:\b(?:password|passwd|passcode|pwd|pw|pin(?:\s*code)?|passphrase|api[\s_-]*secret|secret[\s_-]*key)\b"
    r"|支付密码|交易密码|密码|密碼|口令)"
    # "password: x", "密码是 x", "my password is x"; the value stops at Chinese punctuation
    r"(?:[ \t]*[:：=]|([ \t]*(?:是|为|為)|[ \t]+is\b))[ \t]*([^\s，。；！？、]{1,128})",
    re.I,
)
_TOTP = re.compile(
    r"(?:\b(?:2fa|two[\s-]*factor|otp|totp|google\s*auth\w*|google\s*code|authenticator|verification\s*code)\b"
    r"|谷歌验证码?|验证码|驗證碼|动态码|安全码)"
    r"[^\d\n]{0,20}?(?<!\d)(\d{3}[ \-]?\d{3}|\d{7,8})(?!\d)",
    re.I,
)


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _labelled_values(text: str) -> list[Finding]:
    """Values the user labelled as a password or a one-time code ("password: …", "2FA code 123456")."""
    found = []
    for m in _PASSWORD.finditer(text):
        value = m.group(2).rstrip(".,;:!?。，；！？")
        if not value:
            continue
        start = m.start(2)
        if m.group(1) and value.isalpha():
            continue  # "the password is wrong": in a sentence only a value with digits or symbols is a password
        if all(_is_cjk(c) for c in value):
            continue  # "重新设置密码：未解决" — a Chinese word after the label is prose, not a password
        # A bare word may be prose ("password: forgotten"), so the user confirms that one; a word that a
        # sentence continues after ("Set a new password: did not help") is prose outright.
        plain = value.isalpha()
        rest = text[start + len(value): text.find("\n", start) if "\n" in text[start:] else len(text)]
        if plain and re.match(r"[ \t]+[^\W\d_]", rest):
            continue
        severity = Severity.CONFIRM if plain else Severity.BLOCK
        found.append(Finding(SecretKind.PASSWORD_LINE, start, start + len(value), severity, "labelled password"))
    for m in _TOTP.finditer(text):
        found.append(Finding(SecretKind.TOTP_CODE, m.start(1), m.end(1), Severity.BLOCK, "one-time code"))
    return found
