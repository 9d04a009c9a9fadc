"""Private keys in any layout: 64 hex (plain, 0x, glued to a label, grouped, split over lines), 128-hex and
base58 Solana keypairs, WIF, extended private keys, byte arrays, keystore JSON.

A bare 64-hex value cannot be told from a transaction hash by its shape. The label that governs it decides
(see `labels.cue_before`); when the session knows the user's own addresses, the value is also tried as a
private key and blocked when it derives one of them (secp256k1 for EVM, TRON and Bitcoin; ed25519 for Solana).
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from typing import NamedTuple

from embit import base58

from assistant.secrets import labels
from assistant.secrets.keccak import keccak256

SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
_XPRV_VERSIONS = {
    bytes.fromhex(v)
    for v in ("0488ADE4", "049D7878", "04B2430C", "0295B005", "02AA7A99", "04358394", "044A4E28", "045F18BC",
              "024285B5", "02575048")
}
XPRV_PREFIXES = ("xprv", "yprv", "zprv", "Yprv", "Zprv", "tprv", "uprv", "vprv", "Uprv", "Vprv")
_B58 = re.compile(r"[1-9A-HJ-NP-Za-km-z]+")
_HEX = re.compile(r"[0-9a-fA-F]+")
_HEXISH_FOLD = str.maketrans("oOlI", "0011")  # digits drawn as letters: O for 0, l/I for 1


class KeyHit(NamedTuple):
    kind: str  # a SecretKind value
    start: int
    end: int
    block: bool
    detail: str


def is_keypair(raw: bytes) -> bool:
    """64 bytes that are an ed25519 seed followed by its public key (a Solana secret key, not a signature)."""
    from nacl.bindings import crypto_sign_seed_keypair

    return len(raw) == 64 and crypto_sign_seed_keypair(raw[:32])[0] == raw[32:]


# ---- derive-and-compare --------------------------------------------------------------------------------------
def normalise_address(address: str) -> str:
    a = address.strip()
    return a.lower() if a[:2].lower() == "0x" or a[:3].lower() in ("bc1", "tb1") else a


def derived_addresses(key: bytes) -> set[str]:
    """Addresses `key` controls as a private key: EVM, TRON, Bitcoin (P2PKH, P2WPKH) and Solana."""
    from embit import ec, script
    from nacl.bindings import crypto_sign_seed_keypair

    out = {base58.encode(crypto_sign_seed_keypair(key)[0])}
    if 0 < int.from_bytes(key, "big") < SECP256K1_N:
        private = ec.PrivateKey(key)
        public = private.get_public_key()
        public.compressed = False
        digest = keccak256(public.sec()[1:])[-20:]
        out.add("0x" + digest.hex())
        out.add(base58.encode_check(b"\x41" + digest))
        for compressed in (True, False):
            public.compressed = compressed
            out.add(script.p2pkh(public).address())
            if compressed:
                out.add(script.p2wpkh(public).address())
    return out


def controls(key: bytes, addresses: frozenset[str]) -> bool:
    return bool(addresses) and not derived_addresses(key).isdisjoint(addresses)


# ---- hex in any layout -----------------------------------------------------------------------------------------
_GROUP = r"(?:0[xX])?[0-9a-fA-FoOlI]{2,}(?![0-9A-Za-z])"
_SEP = r"(?:[ \t]{1,3}|[ \t]?[-:.][ \t]?|[ \t]*\r?\n[ \t]*)"
_HEX_CHAIN = re.compile(f"(?<![0-9A-Za-z]){_GROUP}(?:{_SEP}{_GROUP})*")
_GROUP_RE = re.compile(_GROUP)


def _hex_value(text: str) -> str | None:
    """The hex digits of a group (0x dropped, drawn-alike digits folded) or None when it is not hex."""
    digits = text[2:] if text[:2] in ("0x", "0X") else text
    digits = digits.translate(_HEXISH_FOLD)
    return digits if _HEX.fullmatch(digits) else None


# Addresses written in a text (EVM, TRON, Bitcoin, Solana): a 64-hex value that derives one of them is its key.
_CHAIN_ADDRESS = re.compile(
    r"(?<![0-9A-Za-z])(?:0[xX][0-9a-fA-F]{40}|bc1[02-9ac-hj-np-zAC-HJ-NP-Z]{39,59}|[1-9A-HJ-NP-Za-km-z]{25,44})(?![0-9A-Za-z])")
NAMED_TRIES = 16  # values per scan tried against the named addresses (each try derives five addresses)


def addresses_in(text: str, limit: int = 64) -> frozenset[str]:
    """Up to `limit` address-shaped values written in `text`, normalised like the user's own addresses."""
    found: set[str] = set()
    for m in _CHAIN_ADDRESS.finditer(text):
        value = m.group()
        if value[:2] in ("0x", "0X") or value[:3].lower() == "bc1" or not value.isdigit():
            found.add(normalise_address(value))
            if len(found) >= limit:
                break
    return frozenset(found)


class _Named:
    """Addresses named in the request, and how many values may still be tried against them."""

    def __init__(self, addresses: frozenset[str]) -> None:
        self.addresses = addresses
        self.tries = NAMED_TRIES if addresses else 0

    def derives(self, key: bytes) -> bool:
        if self.tries <= 0:
            return False
        self.tries -= 1
        return controls(key, self.addresses)


def hex_keys(text: str, context: str, addresses: frozenset[str], named: frozenset[str] = frozenset()) -> list[KeyHit]:
    """64/128-hex values judged by their labels; `named` are addresses written in the request, whose key is
    blocked even where it would only be asked about."""
    found: list[KeyHit] = []
    known = _Named(named - addresses)
    for m in _HEX_CHAIN.finditer(text):
        if m.end() - m.start() < 64:
            continue
        groups = [(g.start(), g.end(), _hex_value(g.group())) for g in _GROUP_RE.finditer(m.group())]
        found += _chains(text, m.start(), groups, context, addresses, known)
    return found


def _chains(text: str, base: int, groups: list[tuple[int, int, str | None]], context: str,
            addresses: frozenset[str], named: _Named | None = None) -> list[KeyHit]:
    """Runs of consecutive groups holding exactly 128 or 64 hex digits (longest first)."""
    out: list[KeyHit] = []
    free = 0
    for i in range(len(groups)):
        if i < free:
            continue
        total, ends = 0, {}
        for j in range(i, min(len(groups), i + 64)):
            value = groups[j][2]
            if value is None:
                break
            total += len(value)
            if total in (64, 128):
                ends[total] = j + 1
            if total >= 128:
                break
        for target in (128, 64):
            j = ends.get(target, 0)
            if not j:
                continue
            digits = "".join(g[2] or "" for g in groups[i:j])
            start, end = base + groups[i][0], base + groups[j - 1][1]
            hit = _judge_hex(text, start, end, digits, text[start:end], j - i, context, addresses)
            if hit and not hit.block and named is not None and len(digits) == 64 and named.derives(bytes.fromhex(digits)):
                hit = hit._replace(block=True, detail="64 hex digits that are the private key of an address in the request")
            if hit:
                out.append(hit)
                free = j
                break
    return out


def _judge_hex(text: str, start: int, end: int, digits: str, raw: str, n_groups: int, context: str,
               addresses: frozenset[str], glued_label: bool = False) -> KeyHit | None:
    drawn = any(c in "oOlI" for c in raw.replace("0x", "").replace("0X", ""))
    if len(digits) == 128:
        data = bytes.fromhex(digits)
        if is_keypair(data):
            return KeyHit("solana_secret_key", start, end, True, "Solana keypair as 128 hex digits")
        cue = labels.cue_before(text, start, end)
        if cue.key or glued_label:
            return KeyHit("private_key_hex", start, end, True, "128 hex digits labelled as a key")
        return None
    value = int(digits, 16)
    if not 0 < value < SECP256K1_N:
        return None
    key = bytes.fromhex(digits)
    if controls(key, addresses):
        return KeyHit("private_key_hex", start, end, True, "64 hex digits that are the private key of your own address")
    layout = "in groups" if n_groups > 1 else "64 hex digits"
    if glued_label:
        return KeyHit("private_key_hex", start, end, True, f"{layout} glued to a key label")
    if labels.in_url(text, start):
        return None  # part of an explorer link: a transaction hash
    cue = labels.cue_before(text, start, end)
    if cue.key:
        return KeyHit("private_key_hex", start, end, True, f"{layout} labelled as a key")
    if drawn or cue.tx:
        return None
    if context == "tx_hash":
        if addresses:
            return None  # tried as a key: it is not the key of the user's addresses, so it is the hash it claims to be
        detail = ("64 hex digits in the transaction-hash field: a private key copied by mistake looks exactly the same; "
                  "with your wallet address given, it is checked offline")
        return KeyHit("private_key_hex", start, end, False, detail)
    detail = f"{layout}: a private key or a transaction hash"
    if addresses:
        detail += "; it is not the key of the addresses you gave"
    return KeyHit("private_key_hex", start, end, False, detail)


# ---- long tokens: glued labels, WIF, xprv, base58 Solana keys ----------------------------------------------------
_GLUED = re.compile(r"([A-Za-z_]{1,24}?)(0[xX])?([0-9a-fA-F]{64}|[0-9a-fA-F]{128})")
_LABEL_WORD = re.compile(r"key|priv|secret|pk|sk", re.I)


def token_keys(text: str, token: str, start: int, context: str, addresses: frozenset[str]) -> list[KeyHit]:
    """Key formats in one long ASCII alphanumeric token of the text."""
    end = start + len(token)
    n = len(token)
    glued = _GLUED.fullmatch(token)
    if glued and _LABEL_WORD.search(glued.group(1)):
        hit = _judge_hex(text, start + glued.start(3), end, glued.group(3), glued.group(3), 1, context, addresses, True)
        return [hit] if hit else []
    if n in (51, 52) and token[0] in "59KLc":
        return _wif(token, start, end)
    if token[:4] in XPRV_PREFIXES and 100 <= n <= 115:
        return _xprv(token, start, end)
    if 85 <= n <= 88:
        return _solana_b58(token, start, end)
    return []


def _wif(token: str, start: int, end: int) -> list[KeyHit]:
    try:
        raw = base58.decode_check(token)
    except ValueError:
        return []
    if raw[:1] in (b"\x80", b"\xef") and (len(raw) == 33 or (len(raw) == 34 and raw[-1] == 1)):
        net = "mainnet" if raw[0] == 0x80 else "testnet"
        kind = "compressed" if len(raw) == 34 else "uncompressed"
        return [KeyHit("wif", start, end, True, f"WIF, {net}, {kind}")]
    return []


def _xprv(token: str, start: int, end: int) -> list[KeyHit]:
    if not _B58.fullmatch(token):
        return []
    try:
        raw = base58.decode_check(token)
        ok = len(raw) == 78 and raw[:4] in _XPRV_VERSIONS and raw[45] == 0
    except ValueError:
        ok = False
    # A mistyped xprv is still nearly the whole key, so the prefix and length are enough to block.
    detail = f"extended private key ({token[:4]}), checksum {'ok' if ok else 'failed'}"
    return [KeyHit("extended_private_key", start, end, True, detail)]


def _solana_b58(token: str, start: int, end: int) -> list[KeyHit]:
    if not _B58.fullmatch(token):
        return []
    if is_keypair(base58.decode(token)):  # otherwise it is a transaction signature, which is public
        return [KeyHit("solana_secret_key", start, end, True, "Solana secret key (base58, 64 bytes)")]
    return []


# ---- base58 keys split into pieces ---------------------------------------------------------------------------
_B58_PIECE = re.compile(r"[1-9A-HJ-NP-Za-km-z]{3,}")
_B58_GAP = re.compile(r"""[\s"'`+,\-]{1,12}""")
_B58_STARTS = ("5", "K", "L", *XPRV_PREFIXES)


def split_base58(text: str) -> list[KeyHit]:
    """A WIF or extended private key split over lines, grouped in fours or glued from quoted pieces: adjacent
    base58 pieces are joined, and only a join that passes its Base58Check checksum counts (prose never does)."""
    found: list[KeyHit] = []
    pieces = [(m.start(), m.end()) for m in _B58_PIECE.finditer(text)]
    free = 0
    for i, (a, _) in enumerate(pieces):
        if a < free or not text.startswith(_B58_STARTS, a):
            continue
        joined, j, end = "", i, a
        while j < len(pieces) and len(joined) < 112:
            pa, pb = pieces[j]
            if j > i and not _B58_GAP.fullmatch(text, end, pa):
                break
            joined += text[pa:pb]
            end = pb
            j += 1
            if j - i < 2:
                continue
            hit = _joined_key(joined, a, end)
            if hit:
                found.append(hit)
                free = end
                break
    return found


def _joined_key(joined: str, start: int, end: int) -> KeyHit | None:
    if len(joined) in (51, 52) and joined[0] in "5KL":
        for h in _wif(joined, start, end):
            return KeyHit(h.kind, start, end, True, h.detail + ", in pieces")
    if len(joined) == 111 and joined[:4] in XPRV_PREFIXES:
        hit = _xprv(joined, start, end)
        if hit and hit[0].detail.endswith("checksum ok"):
            return KeyHit(hit[0].kind, start, end, True, hit[0].detail + ", in pieces")
    return None


# ---- byte arrays and keystores -----------------------------------------------------------------------------------
_BYTE_ARRAY = re.compile(r"\[([0-9,\s]*)\]")


def byte_arrays(text: str, addresses: frozenset[str] = frozenset()) -> list[KeyHit]:
    """Solana CLI keypair files: a JSON array of 64 byte values, or 32 when only the seed was saved."""
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
        data = bytes(values)
        seeded = labels.SEED_CUES.search(text, max(0, m.start() - 80), m.start()) is not None
        if len(values) == 64 and is_keypair(data):
            block, detail = True, "Solana keypair as a JSON byte array"
        elif len(values) == 32 and controls(data, addresses):
            block, detail = True, "32-byte seed of your own address as a byte array"
        elif seeded:
            block, detail = True, f"array of {len(values)} bytes labelled as a key or seed"
        else:
            block, detail = False, f"array of {len(values)} bytes: possibly a secret key"
        found.append(KeyHit("solana_secret_key", m.start(), m.end(), block, detail))
    return found


_KS_TOKEN = re.compile(r"""[{}]|["'](crypto|ciphertext|kdf|kdfparams|mac)["']\s*:""", re.I)
_KS_BIT = {"crypto": 1, "ciphertext": 2, "kdf": 4, "kdfparams": 4, "mac": 8}
_KS_WRAPS = 16  # set on an object whose "crypto" member turned out to be a keystore


def _ks_is_crypto(mask: int) -> bool:
    return bool(mask & 2) and bool(mask & 12)


def keystores(text: str) -> list[KeyHit]:
    """Web3 Secret Storage (keystore) JSON, found with a brace stack in one pass; unclosed JSON counts."""
    found: list[KeyHit] = []
    stack: deque[list[int]] = deque(maxlen=64)  # only the innermost levels matter
    loose: list[tuple[int, int, int]] = []  # key hits outside any braces: (start, end, bit)

    def close(frame: list[int], end: int) -> None:
        start, mask = frame
        if _ks_is_crypto(mask):
            if stack and stack[-1][1] & 1:
                stack[-1][1] |= _KS_WRAPS  # report the whole keystore, not just its crypto member
                return
            found.append(KeyHit("keystore_json", start, end, True, "keystore JSON"))
        elif mask & _KS_WRAPS:
            found.append(KeyHit("keystore_json", start, end, True, "keystore JSON"))

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

    group_mask, group_start, last_end = 0, 0, -10_000  # bare "key": value lines with no braces
    for start, end, bit in [*loose, (len(text) + 10_000, 0, 0)]:
        if start - last_end > 300:
            if _ks_is_crypto(group_mask):
                line_end = text.find("\n", last_end)
                stop = line_end if line_end >= 0 else len(text)
                found.append(KeyHit("keystore_json", group_start, stop, True, "keystore fields"))
            group_mask, group_start = 0, start
        group_mask |= bit
        last_end = end
    return found


def addresses_of(values: Iterable[str]) -> frozenset[str]:
    return frozenset(normalise_address(v) for v in values if v and v.strip())
