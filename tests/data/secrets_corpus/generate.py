#!/usr/bin/env python3
"""Generate labelled test corpora for the support-email "secret firewall".

    python generate.py [--out DIR] [--seed N] [--heldout-seed N]

Writes, under --out (default: the folder holding this script):

    paste_shapes.jsonl   label "block":      recovery phrases, keys, passwords, 2FA codes as users paste them
    disguises.jsonl      label "block":      the same secrets hidden with Unicode tricks and layouts
    prose.jsonl          label "allow":      ordinary support prose, incl. public tx hashes/addresses
    confirm.jsonl        label "confirm_ok": ambiguous values where asking the user is acceptable
    heldout/{paste_shapes,disguises,prose}.jsonl
                         an independent ~30% set: other seed, other templates (templates_heldout.py)

One JSON object per line: {"id", "class", "label", "text", "note"}.

Every secret is created here from seeded randomness (BIP39 phrases from random entropy via
mnemonic.Mnemonic.to_mnemonic, keys from random bytes).  None of them is a real, funded key.
Output is deterministic for a given seed.  Needs: mnemonic, base58, embit, pycryptodome, PyNaCl.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import base58
from Crypto.Cipher import AES
from Crypto.Hash import SHA256, keccak
from Crypto.Protocol.KDF import PBKDF2, scrypt
from embit import bech32, bip32, ec
from mnemonic import Mnemonic
from nacl.signing import SigningKey

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import templates_main  # noqa: E402

try:  # the held-out templates stay outside the repository: the project is checked against a corpus it has not seen
    import templates_heldout  # noqa: E402
except ImportError:
    templates_heldout = None

MAIN_SEED = 120_601
HELDOUT_SEED = 987_113
HELDOUT_SCALE = 0.30

# --------------------------------------------------------------------------------------
# Languages
# --------------------------------------------------------------------------------------
# The 10 BIP39 lists used for generation.  mnemonic 0.21 also ships russian and turkish, but
# its check() rejects most of its own phrases in those two (their lists are stored NFC while
# check() NFKD-normalises the input), so they cannot be validated as required and are left out.
LANG_NAMES = {
    "en": "english", "zh-CN": "chinese_simplified", "zh-TW": "chinese_traditional",
    "ja": "japanese", "ko": "korean", "es": "spanish", "fr": "french", "it": "italian",
    "pt": "portuguese", "cs": "czech",
}
MNEMO = {code: Mnemonic(name) for code, name in LANG_NAMES.items()}
WORDSETS = {code: frozenset(m.wordlist) for code, m in MNEMO.items()}  # NFKD, as stored
DEFAULT_LANG_WEIGHTS = {"en": 30, "zh-CN": 14, "zh-TW": 8, "ja": 8, "ko": 8, "es": 8, "fr": 8,
                        "it": 4, "pt": 4, "cs": 4}
LATIN = ["en", "es", "fr", "it", "pt", "cs"]
CASED = LATIN
ZH = ["zh-CN", "zh-TW"]
LENGTH_WEIGHTS = {12: 50, 15: 8, 18: 12, 21: 4, 24: 26}
ENTROPY_BYTES = {12: 16, 15: 20, 18: 24, 21: 28, 24: 32}

SECP256K1_N = int("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16)
XPRV_VERSIONS = {"xprv": "0488ade4", "yprv": "049d7878", "zprv": "04b2430c", "tprv": "04358394"}
XPRV_PATHS = {"xprv": "m/44h/0h/0h", "yprv": "m/49h/0h/0h", "zprv": "m/84h/0h/0h", "tprv": "m/84h/1h/0h"}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def nfkd(s: str) -> str:
    return unicodedata.normalize("NFKD", s)


def keccak256(b: bytes) -> bytes:
    h = keccak.new(digest_bits=256)
    h.update(b)
    return h.digest()


def eip55(addr20: bytes) -> str:
    h = addr20.hex()
    hh = keccak256(h.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(hh[i], 16) >= 8 else c for i, c in enumerate(h))


def eth_address(key: bytes) -> bytes:
    pub = ec.PrivateKey(key).get_public_key()
    pub.compressed = False
    return keccak256(pub.sec()[1:])[-20:]


SLOT_RE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def fill(template: str, values) -> str:
    """Replace {name} placeholders; values is a mapping (may create values lazily)."""
    return SLOT_RE.sub(lambda m: str(values[m.group(1)]), template)


# --------------------------------------------------------------------------------------
# Secret and public-data factories (all randomness comes from one seeded rng)
# --------------------------------------------------------------------------------------
@dataclass
class Phrase:
    lang: str
    words: list  # NFC, as a user would type them

    def joined(self, sep: str = " ") -> str:
        return sep.join(self.words)

    @property
    def n(self) -> int:
        return len(self.words)


class Secrets:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.validated: list[tuple[str, str]] = []  # (lang, phrase) for the final re-check

    # ---- BIP39
    def phrase(self, lang: str, n: int, need=None) -> Phrase:
        m = MNEMO[lang]
        for _ in range(5000):
            raw = m.to_mnemonic(self.rng.randbytes(ENTROPY_BYTES[n]))
            words = [nfc(w) for w in raw.split(m.delimiter)]
            if need is not None and not need(words):
                continue
            if not (m.check(raw) and m.check(" ".join(words))):
                raise AssertionError(f"generated {lang} phrase failed its checksum")
            self.validated.append((lang, " ".join(words)))
            return Phrase(lang, words)
        raise RuntimeError(f"no {lang} phrase satisfied the constraint")

    # ---- secp256k1 and derived formats
    def privkey(self) -> bytes:
        while True:
            k = self.rng.randbytes(32)
            if 1 <= int.from_bytes(k, "big") < SECP256K1_N:
                return k

    def wif(self, compressed: bool) -> str:
        k = self.privkey()
        s = base58.b58encode_check(b"\x80" + k + (b"\x01" if compressed else b"")).decode()
        assert s[0] in ("KL" if compressed else "5") and len(s) == (52 if compressed else 51)
        return s

    def ext_priv(self, kind: str) -> str:
        root = bip32.HDKey.from_seed(self.rng.randbytes(64))
        path = XPRV_PATHS[kind] if self.rng.random() < 0.7 else "m"
        key = root.derive(path) if path != "m" else root
        s = key.to_base58(version=bytes.fromhex(XPRV_VERSIONS[kind]))
        assert s.startswith(kind) and len(s) == 111 and bip32.HDKey.from_base58(s).is_private
        return s

    def keystore(self) -> tuple[dict, str, str]:
        """A real, decryptable Web3 Secret Storage v3 file; returns (json, password, address)."""
        key = self.privkey()
        password = self.password()
        salt, iv = self.rng.randbytes(32), self.rng.randbytes(16)
        kdf = self.rng.choices(["scrypt-light", "pbkdf2", "scrypt-std"], [6, 3, 1])[0]
        if kdf == "scrypt-light":  # geth --lightkdf
            params = {"dklen": 32, "n": 4096, "p": 6, "r": 8, "salt": salt.hex()}
            dk = scrypt(password.encode(), salt, 32, N=4096, r=8, p=6)
        elif kdf == "scrypt-std":
            params = {"dklen": 32, "n": 262144, "p": 1, "r": 8, "salt": salt.hex()}
            dk = scrypt(password.encode(), salt, 32, N=262144, r=8, p=1)
        else:
            params = {"c": 262144, "dklen": 32, "prf": "hmac-sha256", "salt": salt.hex()}
            dk = PBKDF2(password.encode(), salt, 32, count=262144, hmac_hash_module=SHA256)
        ct = AES.new(dk[:16], AES.MODE_CTR, nonce=b"", initial_value=iv).encrypt(key)
        u = bytearray(self.rng.randbytes(16))
        u[6] = (u[6] & 0x0F) | 0x40
        u[8] = (u[8] & 0x3F) | 0x80
        uid = u.hex()
        addr = eth_address(key).hex()
        doc = {
            "address": addr,
            "crypto": {
                "cipher": "aes-128-ctr",
                "ciphertext": ct.hex(),
                "cipherparams": {"iv": iv.hex()},
                "kdf": "scrypt" if kdf.startswith("scrypt") else "pbkdf2",
                "kdfparams": params,
                "mac": keccak256(dk[16:32] + ct).hex(),
            },
            "id": f"{uid[:8]}-{uid[8:12]}-{uid[12:16]}-{uid[16:20]}-{uid[20:]}",
            "version": 3,
        }
        return doc, password, addr

    # ---- ed25519 / Solana
    def sol_keypair(self) -> tuple[bytes, bytes]:
        seed = self.rng.randbytes(32)
        return seed, bytes(SigningKey(seed).verify_key)

    # ---- passwords and one-time codes
    def password(self) -> str:
        r = self.rng
        words = ["Summer", "Dragon", "Lucky", "Sunshine", "Tiger", "Happy", "Monkey", "Star", "Ocean", "Panda"]
        pinyin = ["woaini", "zhangwei", "liuyang", "wangfang", "chenjie", "xiaoming", "lina"]
        kind = r.randrange(6)
        if kind == 0:
            return r.choice(words) + str(r.randrange(10, 99999)) + r.choice("!@#$%&*")
        if kind == 1:
            leet = str.maketrans({"o": "0", "a": "4", "e": "3", "i": "1", "s": "5"})
            return r.choice(["troubador", "password", "bitcoin", "tokenpocket", "wallet"]).capitalize().translate(leet) \
                + r.choice("&!#") + str(r.randrange(10))
        if kind == 2:
            return r.choice(pinyin) + str(r.randrange(1960, 2010))
        if kind == 3:
            alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#$%"
            return "".join(r.choice(alphabet) for _ in range(r.randrange(10, 17)))
        if kind == 4:
            return r.choice(words).lower() + r.choice(["_", ".", ""]) + r.choice(pinyin) + str(r.randrange(100))
        return "Abc" + str(r.randrange(10000, 99999)) + r.choice("!.")

    def totp(self) -> str:
        return f"{self.rng.randrange(10**6):06d}"


class Public:
    """Public, allowed data in real formats (hashes, addresses, links, amounts, times)."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def hex(self, n: int) -> str:
        return self.rng.randbytes(n).hex()

    def evm_addr(self) -> str:
        return eip55(self.rng.randbytes(20))

    def tron_addr(self) -> str:
        return base58.b58encode_check(b"\x41" + self.rng.randbytes(20)).decode()

    def btc_addr(self) -> str:
        r = self.rng.random()
        if r < 0.6:
            return bech32.encode("bc", 0, self.rng.randbytes(20))
        return base58.b58encode_check((b"\x00" if r < 0.85 else b"\x05") + self.rng.randbytes(20)).decode()

    def sol_addr(self) -> str:
        return base58.b58encode(bytes(SigningKey(self.rng.randbytes(32)).verify_key)).decode()

    def sol_sig(self) -> str:
        # a genuine ed25519 signature: 64 bytes, same base58 shape as a secret key, but not a keypair
        sk = SigningKey(self.rng.randbytes(32))
        return base58.b58encode(sk.sign(self.rng.randbytes(120)).signature).decode()

    def time(self, lang: str) -> str:
        r = self.rng
        mo, d, h, mi = r.randrange(1, 13), r.randrange(1, 29), r.randrange(0, 24), r.randrange(60)
        y = r.choice([2024, 2025])
        if lang == "en":
            return r.choice([
                f"around {h:02d}:{mi:02d} UTC+8", f"at {(h % 12) or 12}:{mi:02d} {'PM' if h >= 12 else 'AM'} (GMT+1)",
                f"on {y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d} UTC", f"yesterday at {h:02d}:{mi:02d} Beijing time (UTC+8)",
                f"on {y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}-05:00"])
        if lang == "zh-CN":
            return r.choice([f"北京时间{mo}月{d}日 {h:02d}:{mi:02d}", f"今天下午{r.randrange(1, 6)}点{mi}分（UTC+8）",
                             f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}（北京时间）"])
        return r.choice([f"台灣時間 {mo}/{d} 下午 {r.randrange(1, 6)}:{mi:02d}", f"{y}/{mo:02d}/{d:02d} {h:02d}:{mi:02d}（UTC+8）"])

    def amount(self, kind: str) -> str:
        r = self.rng
        if kind == "usdt":
            return r.choice([f"{r.randrange(1, 9)},{r.randrange(1000):03d}", str(r.randrange(20, 999)), f"{r.randrange(10, 500)}.5"])
        if kind == "eth":
            return f"{r.randrange(1, 300) / 100:.2f}"
        if kind == "btc":
            return f"{r.randrange(10, 5000) / 10000:.4f}"
        if kind == "sol":
            return f"{r.randrange(5, 400) / 10:.1f}"
        return f"{r.randrange(1, 30)},{r.randrange(1000):03d}"  # trx

    def exchange(self, lang: str) -> str:
        if lang == "zh-CN":
            return self.rng.choice(["币安", "欧易", "火币", "Gate", "Bitget", "OKX", "Binance"])
        if lang == "zh-TW":
            return self.rng.choice(["幣安", "MAX", "BitoPro", "OKX", "Binance"])
        return self.rng.choice(["Binance", "OKX", "Bybit", "Coinbase", "Kraken", "KuCoin", "Gate.io", "HTX", "Bitget"])

    def wd_id(self) -> str:
        r = self.rng
        return r.choice([str(r.randrange(10**9, 10**10)), str(r.randrange(10**17, 10**18)),
                         r.randbytes(16).hex()[:24], f"W{r.randrange(10**11, 10**12)}"])

    def slots(self, lang: str) -> "Slots":
        return Slots(self, lang)


class Slots(dict):
    """Lazily creates slot values; the same name gives the same value within one item."""

    def __init__(self, pub: Public, lang: str):
        super().__init__()
        self.pub, self.lang = pub, lang

    def __missing__(self, key: str):
        p, r, lang = self.pub, self.pub.rng, self.lang
        gen = {
            "evm_tx": lambda: "0x" + p.hex(32),
            "tron_tx": lambda: p.hex(32),
            "btc_tx": lambda: p.hex(32),
            "sol_sig": p.sol_sig,
            "evm_link": lambda: r.choice(["https://etherscan.io/tx/", "https://bscscan.com/tx/",
                                          "https://polygonscan.com/tx/", "https://arbiscan.io/tx/"]) + "0x" + p.hex(32),
            "etherscan_link": lambda: "https://etherscan.io/tx/0x" + p.hex(32),
            "tronscan_link": lambda: "https://tronscan.org/#/transaction/" + p.hex(32),
            "btc_link": lambda: "https://www.blockchain.com/explorer/transactions/btc/" + p.hex(32),
            "mempool_link": lambda: "https://mempool.space/tx/" + p.hex(32),
            "solscan_link": lambda: "https://solscan.io/tx/" + p.sol_sig(),
            "evm_addr": p.evm_addr, "tron_addr": p.tron_addr, "btc_addr": p.btc_addr, "sol_addr": p.sol_addr,
            "usdt": lambda: p.amount("usdt"), "eth": lambda: p.amount("eth"), "btc": lambda: p.amount("btc"),
            "sol": lambda: p.amount("sol"), "trx": lambda: p.amount("trx"),
            "time": lambda: p.time(lang), "exchange": lambda: p.exchange(lang), "wd_id": p.wd_id,
            "uid": lambda: str(r.randrange(10**7, 10**9)),
            "ticket": lambda: str(r.randrange(10**5, 10**7)),
            "ticket6": lambda: str(r.randrange(10**5, 10**6)),
            "err6": lambda: str(r.randrange(10**5, 10**6)),
            "order": lambda: f"{r.choice([2024, 2025])}{r.randrange(10**9, 10**10)}",
            "ver": lambda: r.choice(["1.8.6", "2.1.4", "2.5.0", "2.9.1", "3.0.2"]),
            "os": lambda: r.choice(["Android 14", "Android 13", "iOS 17.5", "iOS 18.1", "HarmonyOS 4"]),
            "device": lambda: r.choice(["Pixel 7", "iPhone 13", "iPhone 15 Pro", "Samsung S23", "小米13", "华为Mate 60", "OPPO Reno10"]),
            "gwei": lambda: str(r.randrange(2, 40)), "nonce": lambda: str(r.randrange(0, 900)),
            "satvb": lambda: str(r.randrange(1, 9)), "fee_trx": lambda: str(r.randrange(8, 40)),
            "n_conf": lambda: str(r.randrange(1, 6)),
            "hours": lambda: str(r.randrange(2, 49)), "mins": lambda: str(r.randrange(10, 90)),
            "days": lambda: str(r.randrange(2, 11)),
            "tg": lambda: "@" + r.choice(["TP_Support_", "TokenPocket_Help", "tp_admin_", "Wallet_Service"]) + str(r.randrange(10, 999)),
            "scam_site": lambda: r.choice(["wallet-rectify-support.xyz", "tp-sync-node.top", "dapp-validate.site",
                                           "tokenpocket-verify.help", "walletconnect-fix.online"]),
            "memo": lambda: str(r.randrange(10**8, 10**9)),
            "date": lambda: f"{r.choice([2023, 2024])}-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d}T{r.randrange(24):02d}-{r.randrange(60):02d}-{r.randrange(60):02d}.{r.randrange(10**9):09d}Z",
        }
        base = key if key in gen else re.sub(r"\d+$", "", key)  # evm_addr2 -> a second evm_addr
        if base not in gen:
            raise KeyError(f"unknown template slot {{{key}}}")
        v = gen[base]()
        self[key] = v
        return v


# --------------------------------------------------------------------------------------
# Text analysis used for notes and sanity checks (mirrors the detector sketch in the
# research notes: NFKD, lowercase, punctuation and digits are separators, CJK per character)
# --------------------------------------------------------------------------------------
def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def tokens(text: str) -> list[str]:
    out, cur = [], []
    for ch in nfkd(text).lower():
        cat = unicodedata.category(ch)
        if _is_cjk(ch):
            if cur:
                out.append("".join(cur)); cur = []
            out.append(ch)
        elif cat[0] in "LM":
            cur.append(ch)
        elif cur:  # digits, punctuation, spaces and symbols separate tokens
            out.append("".join(cur)); cur = []
    if cur:
        out.append("".join(cur))
    return out


def runs(toks: list[str], lang: str) -> list[list[str]]:
    """Maximal runs of consecutive tokens that are words of one list."""
    ws, res, cur = WORDSETS[lang], [], []
    for t in toks:
        if t in ws:
            cur.append(t)
        else:
            if cur:
                res.append(cur)
            cur = []
    if cur:
        res.append(cur)
    return res


def text_stats(text: str, langs=("en", "zh-CN", "zh-TW")) -> dict:
    """Longest wordlist run per language and number of checksum-valid 12..24-word windows."""
    toks = tokens(text)
    st = {}
    for lang in langs:
        rs = runs(toks, lang)
        longest = max((len(x) for x in rs), default=0)
        valid = 0
        for run in rs:
            for size in (12, 15, 18, 21, 24):
                for i in range(0, len(run) - size + 1):
                    if MNEMO[lang].check(" ".join(run[i:i + size])):
                        valid += 1
        st[lang] = (longest, valid)
    return st


def stats_note(st: dict) -> str:
    parts = [f"{k}={v[0]}" + (f"(ck{v[1]})" if v[1] else "") for k, v in st.items() if v[0]]
    return "wordlist runs " + (" ".join(parts) if parts else "none")


# --------------------------------------------------------------------------------------
# Disguise transforms
# --------------------------------------------------------------------------------------
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
CYRILLIC = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "s": "ѕ",
            "j": "ј", "h": "һ", "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М",
            "O": "О", "P": "Р", "T": "Т", "X": "Х"}
GREEK = {"o": "ο", "i": "ι", "v": "ν", "u": "υ", "k": "κ", "a": "α", "y": "γ", "n": "η", "A": "Α", "B": "Β",
         "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν", "O": "Ο", "P": "Ρ", "T": "Τ", "X": "Χ", "Z": "Ζ"}
UNICODE_SPACES = ["\u00a0", "\u2003", "\u3000", "\u2009", "\u202f", "\u2002"]


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in s)


def insert_inside(rng, word: str, chars: list[str], k: int = 1) -> str:
    if len(word) < 2:
        return word + rng.choice(chars)
    w = list(word)
    for _ in range(k):
        pos = rng.randrange(1, len(w))
        w.insert(pos, rng.choice(chars))
    return "".join(w)


def homoglyph(rng, word: str, table: dict, share: float = 0.6) -> tuple[str, int]:
    out, n = [], 0
    for ch in word:
        if ch in table and rng.random() < share:
            out.append(table[ch]); n += 1
        else:
            out.append(ch)
    if n == 0:  # force at least one substitution where possible
        for i, ch in enumerate(word):
            if ch in table:
                out[i] = table[ch]; n = 1
                break
    return "".join(out), n


def mixed_case(rng, word: str) -> str:
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in word)


def typo(rng, word: str, lang: str) -> str | None:
    """Adjacent letter swap or dropped letter; None if every attempt lands on a real word."""
    for _ in range(20):
        w = list(word)
        if rng.random() < 0.5 and len(w) >= 2:
            i = rng.randrange(len(w) - 1)
            if w[i] == w[i + 1]:
                continue
            w[i], w[i + 1] = w[i + 1], w[i]
        else:
            del w[rng.randrange(len(w))]
        cand = "".join(w)
        if cand != word and nfkd(cand) not in WORDSETS[lang]:
            return cand
    return None


# --------------------------------------------------------------------------------------
# Corpus bookkeeping
# --------------------------------------------------------------------------------------
@dataclass
class Corpus:
    prefix: str
    label: str
    items: list = field(default_factory=list)
    seen: set = field(default_factory=set)

    def add(self, cls: str, text: str, note: str, label: str | None = None) -> bool:
        if text in self.seen:
            return False
        self.seen.add(text)
        n = sum(1 for it in self.items if it["class"] == cls) + 1
        self.items.append({"id": f"{self.prefix}-{cls}-{n:03d}", "class": cls, "label": label or self.label,
                           "text": text, "note": note})
        return True

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="\n") as f:
            for it in self.items:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")


@dataclass
class Ctx:
    rng: random.Random
    sec: Secrets
    pub: Public
    T: ModuleType

    def pick(self, seq):
        return self.rng.choice(seq)

    def lang(self, allowed=None) -> str:
        pool = {k: v for k, v in DEFAULT_LANG_WEIGHTS.items() if allowed is None or k in allowed}
        return self.rng.choices(list(pool), list(pool.values()))[0]

    def length(self, allowed=None) -> int:
        pool = {k: v for k, v in LENGTH_WEIGHTS.items() if allowed is None or k in allowed}
        return self.rng.choices(list(pool), list(pool.values()))[0]

    def phrase(self, langs=None, lengths=None, need=None) -> Phrase:
        return self.sec.phrase(self.lang(langs), self.length(lengths), need)

    def space(self, p: Phrase) -> str:
        if p.lang == "ja":
            return self.pick(["\u3000", " "])
        return " "

    def wrap(self, key: str, lang_or_group: str, x: str) -> str:
        table = getattr(self.T, key)
        pool = table.get(lang_or_group) or table["en"]
        return fill(self.pick(pool), {"x": x, "phrase": x})


def pnote(p: Phrase, extra: str, valid: bool = True) -> str:
    return f"{p.lang} {p.n} words; {extra}; " + ("BIP39 checksum valid" if valid else "valid phrase before the change")


def sentence_group(lang: str) -> str:
    return "zh" if lang in ZH else "en"


# --------------------------------------------------------------------------------------
# paste_shapes builders: each returns (text, note)
# --------------------------------------------------------------------------------------
def b_space(c: Ctx):
    p = c.phrase()
    sep = c.space(p)
    return p.joined(sep), pnote(p, "single-space separated" if sep == " " else "U+3000 separated")


def b_sep(kind: str, langs=None):
    def build(c: Ctx):
        p = c.phrase(langs)
        sep = c.pick(getattr(c.T, kind))
        text = p.joined(sep)
        if kind == "NEWLINE_SEPS" and c.rng.random() < 0.3:
            text += sep
        return text, pnote(p, f"separator {sep!r}")
    return build


def b_cjk_comma(c: Ctx):
    p = c.phrase(["zh-CN", "zh-TW", "ja", "en"])
    sep = c.pick(c.T.CJK_SEPS)
    return p.joined(sep), pnote(p, f"CJK separator {sep!r}")


def b_numbered(cls: str):
    def build(c: Ctx):
        p = c.phrase()
        style, joiner = c.pick(c.T.NUMBER_STYLES[cls]), c.pick(c.T.NUMBER_JOINERS)
        text = joiner.join(fill(style, {"i": i, "i2": f"{i:02d}", "w": w}) for i, w in enumerate(p.words, 1))
        return text, pnote(p, f"numbered {style!r} joined by {joiner!r}")
    return build


GRIDS = {12: [(2, 6), (3, 4), (4, 3), (6, 2)], 15: [(3, 5), (5, 3)], 18: [(3, 6), (6, 3)],
         21: [(3, 7), (7, 3)], 24: [(4, 6), (6, 4), (3, 8), (8, 3)]}


def render_grid(words, rows, cols, cell, colsep, column_major=False) -> str:
    cells = [[""] * cols for _ in range(rows)]
    for r in range(rows):
        for col in range(cols):
            idx = col * rows + r if column_major else r * cols + col
            cells[r][col] = fill(cell, {"i": idx + 1, "w": words[idx]})
    widths = [max(len(cells[r][col]) for r in range(rows)) for col in range(cols)]
    lines = []
    for r in range(rows):
        if colsep == "\t":
            lines.append("\t".join(cells[r]))
        else:
            lines.append(colsep.join(cells[r][col].ljust(widths[col]) for col in range(cols)).rstrip())
    return "\n".join(lines)


def b_grid(c: Ctx):
    p = c.phrase(lengths=[12, 12, 12, 24, 18])
    rows, cols = c.pick(GRIDS[p.n])
    cell, colsep = c.pick(c.T.GRID_CELLS), c.pick(c.T.GRID_COL_SEPS)
    return render_grid(p.words, rows, cols, cell, colsep), pnote(p, f"grid {rows}x{cols} read row-wise, cell {cell!r}")


def b_table(c: Ctx):
    p = c.phrase(lengths=[12, 24])
    kind, (h1, h2) = c.pick(c.T.TABLE_KINDS), c.pick(c.T.TABLE_HEADERS)
    if kind == "pairs":
        per = c.pick([2, 3])
        rows = (p.n + per - 1) // per
        lines = ["| " + " | ".join([h1, h2] * per) + " |", "|" + "---|" * (2 * per)]
        for r in range(rows):
            cells = []
            for k in range(per):
                i = r * per + k
                if i < p.n:
                    cells += [str(i + 1), p.words[i]]
            lines.append("| " + " | ".join(cells) + " |")
    else:
        per = c.pick([3, 4, 6])
        lines = ["| " + " | ".join(p.words[i:i + per]) + " |" for i in range(0, p.n, per)]
        if c.rng.random() < 0.5:
            lines.insert(1, "|" + "---|" * per)
    return "\n".join(lines), pnote(p, f"pipe table ({kind})")


def b_md_list(c: Ctx):
    p = c.phrase()
    bullet = c.pick(c.T.MD_BULLETS)
    return "\n".join(bullet + w for w in p.words), pnote(p, f"markdown list {bullet!r}")


def b_html(c: Ctx):
    p = c.phrase()
    start, item, joiner, end = c.pick(c.T.HTML_STYLES)
    return start + joiner.join(fill(item, {"w": w}) for w in p.words) + end, pnote(p, f"HTML {item!r}")


def _json_words(c: Ctx, p: Phrase, ensure_ascii: bool) -> tuple[str, str]:
    key = c.pick(c.T.JSON_KEYS)
    obj = p.words if key is None else {key: p.words}
    if key and key.startswith("phrase"):
        obj = {key: " ".join(p.words)}
    indent = c.pick([None, 2])
    return json.dumps(obj, ensure_ascii=ensure_ascii, indent=indent), f"JSON {'array' if key is None else 'key ' + key}"


def b_json(c: Ctx):
    p = c.phrase()
    text, desc = _json_words(c, p, ensure_ascii=False)
    return text, pnote(p, desc)


def b_json_escaped(c: Ctx):
    p = c.phrase(["zh-CN", "zh-TW", "ja", "ko", "es", "fr", "en", "en"])
    if p.lang == "en":  # escape every letter so no plain-text word survives
        body = ", ".join('"' + "".join(f"\\u{ord(ch):04x}" for ch in w) + '"' for w in p.words)
        return "[" + body + "]", pnote(p, "JSON array, every character \\uXXXX-escaped")
    if p.lang == "es" or p.lang == "fr":  # only non-ASCII is escaped by json.dumps: escape the NFKD form
        p2 = Phrase(p.lang, [nfkd(w) if c.rng.random() < 0.5 else w for w in p.words])
        text, desc = _json_words(c, p2, ensure_ascii=True)
        return text, pnote(p, desc + ", non-ASCII \\uXXXX-escaped (mixed NFC/NFKD)")
    text, desc = _json_words(c, p, ensure_ascii=True)
    return text, pnote(p, desc + ", \\uXXXX escapes")


def b_quoted(c: Ctx):
    p = c.phrase()
    q, j = c.pick(c.T.QUOTE_STYLES), c.pick(c.T.QUOTE_JOINERS)
    return j.join(fill(q, {"w": w}) for w in p.words), pnote(p, f"quoted {q!r}")


def b_upper(c: Ctx):
    p = c.phrase(CASED)
    sep = c.pick(c.T.BASIC_SEPS)
    return sep.join(w.upper() for w in p.words), pnote(p, "UPPERCASE")


def b_capital(c: Ctx):
    p = c.phrase(CASED)
    sep = c.pick(c.T.BASIC_SEPS)
    return sep.join(w[:1].upper() + w[1:] for w in p.words), pnote(p, "Capitalised")


def b_in_sentence(c: Ctx):
    p = c.phrase(lengths=[12, 12, 24, 18])
    pool = c.T.PHRASE_SENTENCES.get(p.lang) or c.T.PHRASE_SENTENCES["en"]
    if p.lang in ZH:
        joined = p.joined(c.pick(["", " ", ""]))
    else:
        joined = p.joined(c.space(p))
    tpl = c.pick(pool)
    return fill(tpl, {"phrase": joined}), pnote(p, "embedded in a sentence")


def b_zh_glued(c: Ctx):
    p = c.phrase(ZH, [12, 12, 12, 24])
    pre, suf = c.pick(c.T.ZH_GLUE[p.lang])
    return pre + p.joined("") + suf, pnote(p, "glued inside a Chinese sentence, no separators, no keyword")


def b_zh_nosep(c: Ctx):
    p = c.phrase(ZH, [12, 12, 24, 18])
    text = p.joined("")
    if p.n == 24 and c.rng.random() < 0.5:
        text = p.joined("")[:12] + "\n" + p.joined("")[12:]
    return text, pnote(p, "Chinese characters with no separators, no keyword")


def b_typo(n_typos: int, short: bool):
    def need(words):
        if short:
            return any(len(w) <= 4 for w in words)
        return sum(len(w) >= 5 for w in words) >= n_typos

    def build(c: Ctx):
        langs = ["en", "en", "en", "es", "it", "pt", "cs"] + ([] if short else ["fr"])  # French words are all 5+ letters
        p = c.phrase(langs, need=need)
        words = list(p.words)
        cand = [i for i, w in enumerate(words) if (len(w) <= 4 if short else len(w) >= 5)]
        done = []
        for i in c.rng.sample(cand, len(cand)):
            t = typo(c.rng, words[i], p.lang)
            if t:
                words[i] = t
                done.append(i + 1)
            if len(done) == n_typos:
                break
        assert len(done) == n_typos
        sep = c.pick([" ", " ", "\n", ", "])
        kind = "short word (<=4 letters)" if short else ("1 typo" if n_typos == 1 else f"{n_typos} typos")
        return sep.join(words), pnote(p, f"{kind} at position(s) {sorted(done)}", valid=False)
    return build


def b_filler(c: Ctx):
    p = c.phrase(["en", "en", "zh-CN", "zh-TW", "es", "fr"], [12, 12, 12, 24])
    group = p.lang if p.lang in c.T.FILLERS else "en"
    spec = c.pick(c.T.FILLERS[group])
    ords = c.T.ORDINALS["en"]
    parts = [fill(spec["item"], {"i": i, "w": w, "ord": ords[i - 1]}) for i, w in enumerate(p.words, 1)]
    return spec["pre"] + spec["join"].join(parts) + spec["post"], pnote(p, f"filler between words: {spec['item']!r} / {spec['join']!r}")


def b_ja_nosep(c: Ctx):
    p = c.phrase(["ja"], [12, 12, 24])
    return p.joined(""), pnote(p, "Japanese kana, no separators")


def b_split6(c: Ctx):
    p = c.phrase(lengths=[12])
    sep = c.space(p) if p.lang not in ZH else c.pick([" ", ""])
    a, b = sep.join(p.words[:6]), sep.join(p.words[6:])
    return fill(c.pick(c.T.SPLIT_LAYOUTS), {"a": a, "b": b}), pnote(p, "split across two lines of 6")


# ---- private keys --------------------------------------------------------------------------
def b_hex(variant: str):
    def build(c: Ctx):
        k = c.sec.privkey().hex()
        if variant == "labelled":
            return c.pick(c.T.KEY_LABELS) + k if c.rng.random() < 0.7 else fill(c.pick(c.T.KEY_SENTENCES), {"key": k}), \
                "secp256k1 private key, 64 hex, no 0x, labelled"
        if variant == "0x":
            return c.pick(c.T.KEY_LABELS) + "0x" + k if c.rng.random() < 0.7 else fill(c.pick(c.T.KEY_SENTENCES), {"key": "0x" + k}), \
                "secp256k1 private key, 0x + 64 hex, labelled"
        if variant == "upper":
            v = c.pick(["", "0x"]) + k.upper()
            return c.pick(c.T.KEY_LABELS) + v, "private key, uppercase hex, labelled"
        if variant == "glued":
            return fill(c.pick(c.T.KEY_GLUED), {"k": c.pick(["", "0x"]) + k}), "private key glued to its label"
        if variant == "grouped":
            size, sep = c.pick([8, 16]), c.pick(c.T.GROUP_SEPS)
            v = sep.join(k[i:i + size] for i in range(0, 64, size))
            return c.pick(c.T.KEY_LABELS) + v, f"private key in groups of {size} separated by {sep!r}, labelled"
        if variant == "split":
            cut = c.pick([32, 32, c.rng.randrange(10, 54)])
            v = c.pick(["", "0x"]) + k
            cut += len(v) - 64
            return c.pick(c.T.KEY_LABELS).rstrip() + "\n" + v[:cut] + "\n" + v[cut:], f"private key split over two lines at {cut}"
        if variant == "far":
            group = c.pick(["en", "zh"])
            fill_lines = c.rng.sample(c.T.FAR_FILLER[group], 3)
            return "\n".join([c.pick(c.T.FAR_LABELS[group])] + fill_lines + [c.pick(["", "0x"]) + k]), \
                "label, then 3 lines of prose, then the 64-hex key"
        raise ValueError(variant)
    return build


def b_wif(compressed: bool):
    def build(c: Ctx):
        w = c.sec.wif(compressed)
        return fill(c.pick(c.T.WIF_CONTEXTS), {"k": w}), f"WIF mainnet {'compressed (K/L)' if compressed else 'uncompressed (5)'}"
    return build


def b_xprv(kind: str):
    def build(c: Ctx):
        return fill(c.pick(c.T.XPRV_CONTEXTS), {"k": c.sec.ext_priv(kind)}), f"BIP32 extended private key {kind} (111 chars)"
    return build


def b_keystore(c: Ctx):
    doc, pw, addr = c.sec.keystore()
    if c.rng.random() < 0.2:  # old geth files use "Crypto"
        doc = {("Crypto" if k == "crypto" else k): v for k, v in doc.items()}
    indent = c.pick([None, None, 2, 4])
    seps = c.pick([(",", ":"), (", ", ": ")]) if indent is None else (",", ": ")
    text = json.dumps(doc, indent=indent, separators=seps)
    note = f"Ethereum keystore v3 ({doc.get('crypto', doc.get('Crypto'))['kdf']}), decryptable"
    return fill(c.pick(c.T.KEYSTORE_CONTEXTS), {"json": text, "addr": addr, "date": c.pub.slots("en")["date"]}), note


def byte_array(c: Ctx, data: bytes) -> str:
    style = c.pick(["compact", "spaced", "lines"])
    if style == "compact":
        return "[" + ",".join(map(str, data)) + "]"
    if style == "spaced":
        return "[" + ", ".join(map(str, data)) + "]"
    rows = [", ".join(map(str, data[i:i + 16])) for i in range(0, len(data), 16)]
    return "[\n  " + ",\n  ".join(rows) + "\n]"


def b_sol(variant: str):
    def build(c: Ctx):
        seed, pub = c.sec.sol_keypair()
        if variant == "b58":
            k = base58.b58encode(seed + pub).decode()
            return fill(c.pick(c.T.SOL_B58_CONTEXTS), {"k": k}), f"Solana 64-byte keypair, base58 ({len(k)} chars); last 32 = ed25519 pub of first 32"
        if variant == "array":
            return fill(c.pick(c.T.SOL_ARRAY_CONTEXTS), {"arr": byte_array(c, seed + pub)}), "Solana keypair as JSON array of 64 numbers (ed25519-consistent)"
        if variant == "hex":
            h = (seed + pub).hex()
            return fill(c.pick(c.T.SOL_HEX_CONTEXTS), {"k": h if c.rng.random() < 0.8 else h.upper()}), "Solana keypair as 128 hex (ed25519-consistent)"
        if variant == "seed32":
            return fill(c.pick(c.T.SEED32_CONTEXTS), {"arr": byte_array(c, seed)}), "32-byte ed25519 seed as byte array, with context"
        raise ValueError(variant)
    return build


def b_password(c: Ctx):
    return fill(c.pick(c.T.PASSWORD_TEMPLATES), {"pw": c.sec.password(), "pin": f"{c.rng.randrange(10**6):06d}"}), "labelled password"


def b_totp(c: Ctx):
    return fill(c.pick(c.T.TOTP_TEMPLATES), {"code": c.sec.totp()}), "labelled 2FA / verification code"


PASTE_PLAN = [
    ("mn_space", 16, b_space),
    ("mn_comma", 12, b_sep("COMMA_SEPS")),
    ("mn_newline", 12, b_sep("NEWLINE_SEPS")),
    ("mn_tab", 10, b_sep("TAB_SEPS")),
    ("mn_cjk_comma", 12, b_cjk_comma),
    ("mn_num_dot", 12, b_numbered("mn_num_dot")),
    ("mn_num_paren", 10, b_numbered("mn_num_paren")),
    ("mn_num_dash", 10, b_numbered("mn_num_dash")),
    ("mn_num_suffix", 10, b_numbered("mn_num_suffix")),
    ("mn_num_colon", 10, b_numbered("mn_num_colon")),
    ("mn_grid", 16, b_grid),
    ("mn_table_pipe", 10, b_table),
    ("mn_md_list", 10, b_md_list),
    ("mn_html", 12, b_html),
    ("mn_json_array", 10, b_json),
    ("mn_json_escaped", 12, b_json_escaped),
    ("mn_quoted", 10, b_quoted),
    ("mn_uppercase", 10, b_upper),
    ("mn_capitalised", 10, b_capital),
    ("mn_in_sentence", 16, b_in_sentence),
    ("mn_zh_glued_sentence", 14, b_zh_glued),
    ("mn_zh_nosep", 10, b_zh_nosep),
    ("mn_typo1", 12, b_typo(1, False)),
    ("mn_typo2", 12, b_typo(2, False)),
    ("mn_typo_short_word", 10, b_typo(1, True)),
    ("mn_filler_words", 14, b_filler),
    ("mn_ja_kana_nosep", 10, b_ja_nosep),
    ("mn_split_two_lines", 10, b_split6),
    ("pk_hex_labelled", 12, b_hex("labelled")),
    ("pk_hex_0x", 10, b_hex("0x")),
    ("pk_hex_upper", 10, b_hex("upper")),
    ("pk_hex_glued", 10, b_hex("glued")),
    ("pk_hex_grouped", 12, b_hex("grouped")),
    ("pk_hex_split_lines", 10, b_hex("split")),
    ("pk_hex_label_far", 10, b_hex("far")),
    ("wif_compressed", 10, b_wif(True)),
    ("wif_uncompressed", 10, b_wif(False)),
    ("ext_xprv", 10, b_xprv("xprv")),
    ("ext_yprv", 10, b_xprv("yprv")),
    ("ext_zprv", 10, b_xprv("zprv")),
    ("ext_tprv", 10, b_xprv("tprv")),
    ("eth_keystore_v3", 12, b_keystore),
    ("sol_secret_base58", 12, b_sol("b58")),
    ("sol_secret_json_array", 12, b_sol("array")),
    ("sol_keypair_hex128", 10, b_sol("hex")),
    ("sol_seed_byte_array32", 10, b_sol("seed32")),
    ("password_labelled", 14, b_password),
    ("totp_labelled", 12, b_totp),
]


# --------------------------------------------------------------------------------------
# disguises builders
# --------------------------------------------------------------------------------------
def d_wrap(c: Ctx, p_lang: str, x: str) -> str:
    return c.wrap("DISGUISE_WRAPPERS", sentence_group(p_lang), x)


def d_zero_width(c: Ctx):
    p = c.phrase()
    chars = c.rng.sample(ZERO_WIDTH, c.rng.randrange(1, 4))
    words = [insert_inside(c.rng, w, chars, c.pick([1, 1, 2])) if c.rng.random() < 0.7 or len(w) == 1 else w for w in p.words]
    sep = c.pick([" ", ", ", "\n"]) if p.lang not in ZH else c.pick(["", " "])
    names = ",".join(f"U+{ord(ch):04X}" for ch in chars)
    return d_wrap(c, p.lang, sep.join(words)), pnote(p, f"zero-width chars {names} inserted inside words")


def d_zw_cjk(c: Ctx):
    p = c.phrase(ZH + ["ja"], [12, 12, 24])
    ch = c.pick(ZERO_WIDTH)
    return d_wrap(c, p.lang, ch.join(p.words)), pnote(p, f"U+{ord(ch):04X} between every word (no visible separator)")


def d_soft_hyphen(c: Ctx):
    p = c.phrase(LATIN)
    words = [insert_inside(c.rng, w, ["\u00ad"], c.pick([1, 2])) if len(w) > 3 else w for w in p.words]
    return d_wrap(c, p.lang, " ".join(words)), pnote(p, "soft hyphen U+00AD inside words")


def d_fullwidth_latin(c: Ctx):
    p = c.phrase(["en", "en", "es", "fr", "it", "pt", "cs"])
    words = [fullwidth(w) if c.rng.random() < 0.85 else w for w in p.words]
    sep = c.pick(["\u3000", " ", "，"])
    return d_wrap(c, p.lang, sep.join(words)), pnote(p, f"full-width Latin letters, separator {sep!r}")


def d_fullwidth_digits(c: Ctx):
    p = c.phrase()
    style = c.pick(["{i}．{w}", "{i}）{w}", "（{i}）{w}", "{i}：{w}"])
    words = [fullwidth(w) if p.lang in LATIN and c.rng.random() < 0.5 else w for w in p.words]
    lines = [fill(style, {"i": fullwidth(str(i)), "w": w}) for i, w in enumerate(words, 1)]
    return d_wrap(c, p.lang, c.pick(["\n", "  "]).join(lines)), pnote(p, "numbered with full-width digits")


def d_nfkd(c: Ctx):
    p = c.phrase(["ko", "ko", "ja", "es", "fr"],
                 need=lambda ws: sum(nfkd(w) != w for w in ws) >= 3)
    text = nfkd(c.pick([" ", "\n", ", "]).join(p.words))
    return d_wrap(c, p.lang, text) if c.rng.random() < 0.5 else text, pnote(p, "NFKD-decomposed (combining marks / Hangul jamo)")


def d_homoglyph(table: dict, name: str):
    def build(c: Ctx):
        p = c.phrase(["en", "en", "en", "es", "fr", "it", "pt"])
        n_sub, words = 0, []
        for w in p.words:
            if c.rng.random() < 0.5:
                hw, k = homoglyph(c.rng, w, table)
                words.append(hw); n_sub += k
            else:
                words.append(w)
        if n_sub == 0:
            words[0], n_sub = homoglyph(c.rng, words[0], table)
        return d_wrap(c, p.lang, c.pick([" ", "\n", ", "]).join(words)), pnote(p, f"{name} homoglyphs substituted ({n_sub} letters)")
    return build


def d_letter_spaced(c: Ctx):
    p = c.phrase(LATIN, [12, 12, 24])
    wsep = c.pick(["   ", " / ", "  |  ", "\n"])
    return d_wrap(c, p.lang, wsep.join(" ".join(w) for w in p.words)), pnote(p, f"letter-spaced words, word separator {wsep!r}")


def d_mixed_case(c: Ctx):
    p = c.phrase(CASED)
    return d_wrap(c, p.lang, " ".join(mixed_case(c.rng, w) for w in p.words)), pnote(p, "random mixed case")


def d_mixed_separators(c: Ctx):
    p = c.phrase()
    seps = [" ", ", ", "\n", ";", " | ", " - ", "\t", "，", "、", " / ", ".", "  "]
    out = p.words[0]
    for w in p.words[1:]:
        out += c.pick(seps) + w
    return d_wrap(c, p.lang, out), pnote(p, "mixed separators")


def d_unicode_spaces(c: Ctx):
    p = c.phrase()
    out = p.words[0]
    for w in p.words[1:]:
        out += c.pick(UNICODE_SPACES) + w
    return out, pnote(p, "separated by NBSP / em / ideographic / thin spaces")


def d_zh_grid_colwise(c: Ctx):
    p = c.phrase(ZH, [12])
    rows, cols = c.pick([(2, 6), (4, 3), (3, 4), (6, 2)])
    cell = c.pick(["{w}", "{i}.{w}", "{i} {w}"])
    grid = render_grid(p.words, rows, cols, cell, c.pick(["  ", " ", "\t"]), column_major=True)
    return grid, pnote(p, f"grid {rows}x{cols}, phrase order runs down the columns (column-major); row-wise reading is scrambled")


def d_zw_grid(c: Ctx):
    p = c.phrase(lengths=[12, 24])
    rows, cols = c.pick(GRIDS[p.n])
    colmajor = c.rng.random() < 0.4
    zw = c.pick(ZERO_WIDTH)
    words = [insert_inside(c.rng, w, [zw]) if len(w) > 1 else w + zw for w in p.words]
    grid = render_grid(words, rows, cols, c.pick(["{w}", "{i}. {w}"]), "  ", column_major=colmajor)
    return grid, pnote(p, f"grid {rows}x{cols} ({'column' if colmajor else 'row'}-major) with U+{ord(zw):04X} inside words")


def d_key_fullwidth(c: Ctx):
    k = c.sec.privkey().hex()
    v = c.pick(["", "0x"]) + (k if c.rng.random() < 0.7 else k.upper())
    v = fullwidth(v) if c.rng.random() < 0.7 else "".join(fullwidth(ch) if c.rng.random() < 0.5 else ch for ch in v)
    return c.pick(c.T.KEY_LABELS) + v, "private key with full-width hex digits (partly or fully), labelled"


def d_key_zero_width(c: Ctx):
    kind = c.pick(["hex", "wif", "xprv", "sol"])
    if kind == "hex":
        v = c.sec.privkey().hex()
    elif kind == "wif":
        v = c.sec.wif(c.rng.random() < 0.7)
    elif kind == "xprv":
        v = c.sec.ext_priv(c.pick(["xprv", "zprv"]))
    else:
        seed, pub = c.sec.sol_keypair()
        v = base58.b58encode(seed + pub).decode()
    zw = c.pick(ZERO_WIDTH)
    step = c.pick([4, 8, 16])
    lab = c.pick(c.T.KEY_LABELS) if c.rng.random() < 0.6 else ""
    name = {"hex": "64-hex private key", "wif": "WIF", "xprv": v[:4], "sol": "Solana base58 keypair"}[kind]
    return lab + zw.join(v[i:i + step] for i in range(0, len(v), step)), f"{name} with U+{ord(zw):04X} every {step} chars"


def d_key_homoglyph(c: Ctx):
    k = c.sec.privkey().hex()
    table = c.pick([{"a": "а", "c": "с", "e": "е"}, {"0": "О", "1": "l"}, {"b": "Ь", "e": "е", "0": "о"}])
    v = "".join(table.get(ch, ch) if c.rng.random() < 0.6 else ch for ch in k)
    if v == k:  # make sure at least one character was swapped
        i = next(i for i, ch in enumerate(k) if ch in table)
        v = k[:i] + table[k[i]] + k[i + 1:]
    return c.pick(c.T.KEY_LABELS) + v, "labelled private key with homoglyphs for hex digits/letters"


DISGUISE_PLAN = [
    ("dz_zero_width", 22, d_zero_width),
    ("dz_zero_width_cjk", 14, d_zw_cjk),
    ("dz_soft_hyphen", 16, d_soft_hyphen),
    ("dz_fullwidth_latin", 16, d_fullwidth_latin),
    ("dz_fullwidth_digits", 14, d_fullwidth_digits),
    ("dz_nfkd", 18, d_nfkd),
    ("dz_homoglyph_cyrillic", 18, d_homoglyph(CYRILLIC, "Cyrillic")),
    ("dz_homoglyph_greek", 16, d_homoglyph(GREEK, "Greek")),
    ("dz_letter_spaced", 16, d_letter_spaced),
    ("dz_mixed_case", 14, d_mixed_case),
    ("dz_mixed_separators", 18, d_mixed_separators),
    ("dz_unicode_spaces", 14, d_unicode_spaces),
    ("dz_zh_grid_colwise", 18, d_zh_grid_colwise),
    ("dz_zw_grid", 16, d_zw_grid),
    ("dz_key_fullwidth_hex", 16, d_key_fullwidth),
    ("dz_key_zero_width", 14, d_key_zero_width),
    ("dz_key_homoglyph_hex", 12, d_key_homoglyph),
]


# --------------------------------------------------------------------------------------
# prose
# --------------------------------------------------------------------------------------
PROSE_LANG_WEIGHTS = {"en": 40, "zh-CN": 38, "zh-TW": 22}
HEX64 = re.compile(r"(?<![0-9a-fA-F])(?:0x)?[0-9a-fA-F]{64}(?![0-9a-fA-F])")
HASH_CUES = re.compile(r"(hash|txid|tx\b|tx:|tx |transaction|交易|哈希|/tx/|#/transaction/|btc/|链接|連結|link)", re.I)
CODE_CUES = re.compile(r"(验证码|驗證碼|\b2fa\b|authenticator|\botp\b|\bcode\b)", re.I)


def check_prose(text: str, hard_code: bool) -> None:
    """Guard rails: every 64-hex value in prose must carry a hash label or be inside an explorer URL."""
    for m in HEX64.finditer(text):
        before = text[max(0, m.start() - 45):m.start()]
        if not HASH_CUES.search(before):
            raise AssertionError(f"unlabelled 64-hex in prose: {text!r}")
    if not hard_code:
        for m in re.finditer(r"(?<![0-9A-Za-z])\d{6}(?![0-9A-Za-z])", text):
            if CODE_CUES.search(text[max(0, m.start() - 20):m.start()]):
                raise AssertionError(f"6-digit number next to a code keyword in prose: {text!r}")


def prose_lang(c: Ctx) -> str:
    return c.rng.choices(list(PROSE_LANG_WEIGHTS), list(PROSE_LANG_WEIGHTS.values()))[0]


def compose(c: Ctx, lang: str, core: str) -> str:
    T = c.T
    parts = []
    if c.rng.random() < 0.45:
        parts.append(c.pick(T.GREETINGS[lang]))
    parts.append(core)
    # optional details; skip ones that would repeat a slot the core sentence already uses
    used = set(SLOT_RE.findall(core))
    extras = [e for e in T.EXTRAS[lang] if not set(SLOT_RE.findall(e)) & used]
    parts += c.rng.sample(extras, min(len(extras), c.pick([0, 0, 1, 1, 2])))
    if c.rng.random() < 0.45:
        parts.append(c.pick(T.CLOSINGS[lang]))
    if lang == "en":
        return (" " if c.rng.random() < 0.7 else "\n").join(parts)
    # Chinese: no space between sentences, but never glue two sentences without punctuation
    out = parts[0]
    for part in parts[1:]:
        if "\n" in out or "\n" in part or c.rng.random() < 0.25:
            out += "\n" + part
        elif out[-1] in "。！？，：；!?,:":
            out += part
        else:
            out += c.pick(["。", "，", " "]) + part
    return out


def make_prose(c: Ctx, topic: str):
    for _ in range(60):
        lang = prose_lang(c)
        pool = c.T.PROSE[topic].get(lang)
        if not pool:
            continue
        slots = c.pub.slots(lang)
        text = fill(compose(c, lang, c.pick(pool)), slots)
        st = text_stats(text)
        if lang == "en" and (st["en"][0] > 11 or st["en"][1]):
            continue
        check_prose(text, False)
        return text, f"{lang}; {topic}; {stats_note(st)}"
    raise RuntimeError(f"could not build prose for {topic}")


def make_numbered_list(c: Ctx, _topic: str):
    lang = prose_lang(c)
    items = c.rng.sample(c.T.LIST_ITEMS[lang], c.rng.randrange(3, 8))
    numbering = c.pick(c.T.LIST_NUMBERING[lang])
    body = "\n".join(fill(numbering, {"i": i, "x": x}) for i, x in enumerate(items, 1))
    text = c.pick(c.T.LIST_INTROS[lang]) + "\n" + body
    if c.rng.random() < 0.4:
        text += "\n" + c.pick(c.T.CLOSINGS[lang])
    st = text_stats(text)
    return text, f"{lang}; numbered list of {len(items)} ordinary items; {stats_note(st)}"


def expand_frame(c: Ctx, frame) -> str:
    text, alternatives = frame
    return fill(text, {k: c.pick(v) for k, v in alternatives.items()})


def make_heavy_en(c: Ctx, _topic: str):
    for _ in range(200):
        text = expand_frame(c, c.pick(c.T.HEAVY_EN_FRAMES))
        st = text_stats(text)
        if 8 <= st["en"][0] <= 11 and not st["en"][1]:
            return text, f"en; everyday words that are BIP39 words; {stats_note(st)}"
    raise RuntimeError("could not build a wordlist-heavy English sentence")


def make_heavy_zh(c: Ctx, _topic: str):
    lang = c.pick(["zh-CN", "zh-CN", "zh-TW"])
    text = expand_frame(c, c.pick(c.T.HEAVY_ZH_FRAMES[lang]))
    cjk = [ch for ch in text if _is_cjk(ch)]
    share = sum(ch in WORDSETS[lang] for ch in cjk) / len(cjk)
    assert share >= 0.8, f"too few wordlist characters ({share:.0%}): {text}"
    st = text_stats(text)
    return text, f"{lang}; line of everyday characters, {share:.0%} in the {lang} wordlist; {stats_note(st)}"


def make_hard(key: str, lang_of):
    def build(c: Ctx, _topic: str):
        pool = getattr(c.T, key)
        text = fill(c.pick(pool), c.pub.slots("en"))
        st = text_stats(text)
        if key == "HARD_EN_RUNS":
            assert st["en"][0] >= 12, f"hard EN run too short ({st['en'][0]}): {text}"
            assert st["en"][1] == 0, f"hard EN sentence has a checksum-valid window: {text}"
        if key == "HARD_EN_CHECKSUM_VALID":
            assert st["en"][0] >= 12 and st["en"][1] >= 1, f"expected a checksum-valid window: {text}"
        check_prose(text, key == "HARD_CODE_NUMBER")
        return text, f"{lang_of(text)}; hard but allowed; {stats_note(st)}"
    build.pool_key = key  # a fixed list: never ask for more items than it holds
    return build


def guess_lang(text: str) -> str:
    if any(_is_cjk(ch) for ch in text):
        trad = set("錢幣鍵碼記詞裡聯絡個們還沒為")
        return "zh-TW" if any(ch in trad for ch in text) else "zh-CN"
    return "en"


PROSE_PLAN = [
    ("transfer_failed", 50, make_prose),
    ("tx_pending", 50, make_prose),
    ("withdrawal_not_arrived", 55, make_prose),
    ("deposit_not_credited", 40, make_prose),
    ("login_failure", 50, make_prose),
    ("lost_phone", 45, make_prose),
    ("scam_report", 50, make_prose),
    ("approval_drain", 40, make_prose),
    ("wrong_address", 40, make_prose),
    ("secret_mention", 45, make_prose),
    ("steps_list", 35, make_prose),
    ("numbered_word_list", 30, make_numbered_list),
    ("wordlist_heavy_en", 35, make_heavy_en),
    ("wordlist_heavy_zh", 35, make_heavy_zh),
    ("hard_en_12plus_run", 14, make_hard("HARD_EN_RUNS", guess_lang)),
    ("hard_en_run_checksum_valid", 4, make_hard("HARD_EN_CHECKSUM_VALID", guess_lang)),
    ("hard_secret_keyword_context", 10, make_hard("HARD_KEYWORD_CONTEXT", guess_lang)),
    ("hard_password_wording", 8, make_hard("HARD_PASSWORD_WORDING", guess_lang)),
    ("hard_code_number", 6, make_hard("HARD_CODE_NUMBER", guess_lang)),
]


# --------------------------------------------------------------------------------------
# confirm (main set only)
# --------------------------------------------------------------------------------------
def c_bare_hex(c: Ctx):
    k = c.pub.hex(32)
    v = c.pick(["", "", "0x"]) + (k if c.rng.random() < 0.8 else k.upper())
    return c.pick(["{x}", "{x}\n", "  {x}  ", "\n{x}\n"]).replace("{x}", v), "bare 64 hex, no label (tx hash or key: ask)"


def c_hex_in_text(c: Ctx):
    v = c.pick(["", "0x"]) + c.pub.hex(32)
    return fill(c.pick(c.T.CONFIRM_WRAPPERS), {"x": v}), "64 hex inside neutral text without any label"


def c_bare_array(c: Ctx):
    # 64 random bytes: NOT an ed25519 keypair (last 32 != pub(first 32))
    data = c.pub.rng.randbytes(64)
    seed, rest = data[:32], data[32:]
    assert bytes(SigningKey(seed).verify_key) != rest
    return byte_array(c, data), "bare 64-number byte array, no label, not an ed25519 keypair"


def c_array_in_text(c: Ctx):
    data = c.pub.rng.randbytes(64)
    return fill(c.pick(c.T.CONFIRM_WRAPPERS), {"x": byte_array(c, data)}), "64-number byte array in neutral text, no label, not a keypair"


CONFIRM_PLAN = [
    ("bare_hex64", 24, c_bare_hex),
    ("hex64_unlabelled_in_text", 14, c_hex_in_text),
    ("bare_byte_array64", 16, c_bare_array),
    ("byte_array64_unlabelled_in_text", 10, c_array_in_text),
]


# --------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------
def build(plan, corpus: Corpus, c: Ctx, scale: float = 1.0, min_n: int = 3, topic_arg: bool = False) -> None:
    for cls, n, fn in plan:
        target = n if scale == 1.0 else max(min_n, round(n * scale))
        if hasattr(fn, "pool_key"):
            target = min(target, len(getattr(c.T, fn.pool_key)))
        made, tries = 0, 0
        while made < target:
            tries += 1
            if tries > target * 50:
                raise RuntimeError(f"{corpus.prefix}/{cls}: only {made} distinct items")
            text, note = fn(c, cls) if topic_arg else fn(c)
            if corpus.add(cls, text, note):
                made += 1


def build_set(seed: int, T: ModuleType, scale: float, prefix: str, with_confirm: bool):
    rng = random.Random(seed)
    c = Ctx(rng, Secrets(rng), Public(rng), T)
    paste = Corpus(f"{prefix}paste", "block")
    build(PASTE_PLAN, paste, c, scale)
    disg = Corpus(f"{prefix}disg", "block")
    build(DISGUISE_PLAN, disg, c, scale)
    prose = Corpus(f"{prefix}prose", "allow")
    build(PROSE_PLAN, prose, c, scale, topic_arg=True)
    out = {"paste_shapes": paste, "disguises": disg, "prose": prose}
    if with_confirm:
        conf = Corpus(f"{prefix}confirm", "confirm_ok")
        build(CONFIRM_PLAN, conf, c, scale)
        out["confirm"] = conf
    return out, c.sec


def revalidate(sec: Secrets) -> int:
    for lang, phrase in sec.validated:
        if not MNEMO[lang].check(phrase):
            raise AssertionError(f"invalid {lang} phrase in registry")
    return len(sec.validated)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: this script's folder)")
    ap.add_argument("--seed", type=int, default=MAIN_SEED)
    ap.add_argument("--heldout-seed", type=int, default=HELDOUT_SEED)
    args = ap.parse_args(argv)

    main_set, sec_main = build_set(args.seed, templates_main, 1.0, "", with_confirm=True)
    if templates_heldout is None:
        held_set, sec_held = {}, Secrets(random.Random(0))
    else:
        held_set, sec_held = build_set(args.heldout_seed, templates_heldout, HELDOUT_SCALE, "ho-", with_confirm=False)

    # the held-out set must not repeat a main text
    main_texts = {it["text"] for corp in main_set.values() for it in corp.items}
    overlap = sum(it["text"] in main_texts for corp in held_set.values() for it in corp.items)

    for name, corp in main_set.items():
        corp.write(args.out / f"{name}.jsonl")
    for name, corp in held_set.items():
        corp.write(args.out / "heldout" / f"{name}.jsonl")

    n_main, n_held = revalidate(sec_main), revalidate(sec_held)
    print(f"BIP39 phrases generated and checksum-validated before any change: main {n_main}, held-out {n_held}")
    print(f"held-out texts identical to a main text: {overlap}")
    for title, group in (("main", main_set), ("heldout", held_set)):
        for name, corp in group.items():
            counts = Counter(it["class"] for it in corp.items)
            rel = f"{'heldout/' if title == 'heldout' else ''}{name}.jsonl"
            print(f"\n{rel}: {len(corp.items)} items, label {corp.label}, {len(counts)} classes")
            for cls, n in counts.items():
                print(f"  {cls:34s} {n:4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
