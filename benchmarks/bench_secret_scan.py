"""Time the secret scanner on 1 MB, 4 MB and 10 MB of mixed and adversarial text.

Run: python -m benchmarks.bench_secret_scan
Prints CPU seconds per input and size, the 4 MB / 1 MB and 10 MB / 1 MB ratios (about 4 and 10 when the scan
is linear), the export guard on the same 1 MB (it adds line/column positions to every finding) and, for scale,
the time `str.lower()` takes on the same text. Targets: any 1 MB under 1.5 s, 10 MB of mixed prose under 10 s.
"""
from __future__ import annotations

import json
import os
import random
import sys
import time
from collections.abc import Callable
from functools import partial

from embit import base58
from mnemonic import Mnemonic

from assistant.secrets.guard import Part, scan_parts
from assistant.secrets.scan import find_secrets

MB = 1 << 20
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _fill(size: int, piece: Callable[[random.Random], str], seed: int = 1) -> str:
    """Concatenate pieces from `piece` until `size` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        p = piece(rng)
        parts.append(p)
        total += len(p)
    return "".join(parts)[:size]


def _words(lang: str) -> list[str]:
    return Mnemonic(lang).wordlist


def mixed(size: int) -> str:
    """What a busy support thread could hold: prose in two scripts, hashes, addresses, JSON, lists."""
    english, chinese = _words("english"), _words("chinese_simplified")
    prose_en = (
        "I withdrew 120 USDT from Binance to my TP wallet on TRON yesterday but it has not arrived. "
        "My transaction has been pending for two hours, I tried to speed up but it failed.\n"
    )
    prose_zh = "我昨天从币安提现了500 USDT到我的TP钱包，交易哈希显示成功但是钱包里没有到账，请帮我看看是什么原因。\n"

    def piece(rng: random.Random) -> str:
        kind = rng.randrange(8)
        if kind == 0:
            return prose_en
        if kind == 1:
            return prose_zh
        if kind == 2:
            return f"TxID: 0x{os.urandom(32).hex()}\n"
        if kind == 3:
            return f"address 0x{os.urandom(20).hex()} and {base58.encode_check(b'A' + os.urandom(20))}\n"
        if kind == 4:
            return " ".join(rng.choice(english) for _ in range(rng.randrange(3, 30))) + "\n"
        if kind == 5:
            return " ".join(rng.choice(chinese) for _ in range(rng.randrange(3, 30))) + "\n"
        if kind == 6:
            return json.dumps({"crypto": {"ciphertext": os.urandom(32).hex(), "kdf": "scrypt", "mac": "00"}}) + "\n"
        return f"signature {base58.encode(os.urandom(64))}\n"

    return _fill(size, piece)


def long_hex(size: int) -> str:
    return _fill(size, lambda rng: os.urandom(4096).hex())


def hex_tokens(size: int) -> str:
    return _fill(size, lambda rng: os.urandom(32).hex() + " ")


def long_base58(size: int) -> str:
    return _fill(size, lambda rng: "".join(rng.choices(_B58, k=4096)))


def base58_tokens(size: int) -> str:
    """Signature-shaped tokens: each one costs a base58 decode and an ed25519 keypair check."""
    return _fill(size, lambda rng: base58.encode(rng.randbytes(64)) + "\n")


def words_and_junk(size: int) -> str:
    """List words separated by non-words, so runs keep starting and stopping."""
    english = _words("english")
    return _fill(size, lambda rng: f"{rng.choice(english)} {rng.choice(english)} x{rng.randrange(99)} ")


def near_miss_words(size: int) -> str:
    """Unique misspelt-looking tokens: each one needs the fuzzy lookup, nothing is memoised."""
    english = _words("english")

    def piece(rng: random.Random) -> str:
        w = rng.choice(english)
        i = rng.randrange(len(w))
        return w[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + w[i:] + rng.choice("bcdfg") + " "

    return _fill(size, piece)


def endless_phrase(size: int) -> str:
    """One run of list words the whole length of the text."""
    english = _words("english")
    return _fill(size, lambda rng: rng.choice(english) + " ")


def deep_braces(size: int) -> str:
    return _fill(size, lambda rng: '{"crypto": ' * 50 + "[1, 2, " * 20)


def cjk_prose(size: int) -> str:
    chinese = _words("chinese_simplified")
    return _fill(size, lambda rng: "".join(rng.choices(chinese, k=rng.randrange(5, 30))) + rng.choice("，。\n"))


def password_lines(size: int) -> str:
    """`pw: a1` lines: every line a finding (the labelled-value scan and the guard's positions were quadratic)."""
    return _fill(size, lambda rng: rng.choice(["pw: a1\n", "password:\n", "pw: a1 \n"]))


_PROSE = (
    "Hello, I withdrew {n} USDT from Binance to my TP wallet on TRON yesterday but it has not arrived. Tx hash: 0x{h}\n",
    "My ETH transfer has been pending for {n} hours, nonce {n}. I never shared my private key. TxID {h}\n",
    "我昨天从币安提现了{n} USDT到我的TP钱包，交易哈希：{h}，钱包里没有到账，请帮我看看是什么原因。\n",
    "授权以后资产全部被转走了怎么办？我的地址：0x{a}，链接 https://etherscan.io/tx/0x{h}\n",
    "比特幣交易一直未確認：https://www.blockchain.com/explorer/transactions/btc/{h}，請協助處理，謝謝。\n",
    "Thank you, please check again tomorrow morning because that transfer still will not arrive.\n",
)


def support_prose(size: int) -> str:
    """Mixed Chinese and English support prose with labelled hashes, addresses and explorer links."""
    return _fill(size, lambda rng: rng.choice(_PROSE).format(n=rng.randrange(1, 999), h=rng.randbytes(32).hex(),
                                                               a=rng.randbytes(20).hex()))


def grouped_hex(size: int) -> str:
    """64-hex values in groups of 8 and split over lines: every group chain is checked for 64/128 digits."""
    return _fill(size, lambda rng: " ".join(rng.randbytes(4).hex() for _ in range(rng.randrange(2, 20))) + "\n")


def glued_chinese(size: int) -> str:
    """Long unbroken runs of list characters: every phrase-length window inside them is considered."""
    chinese = _words("chinese_simplified")
    return _fill(size, lambda rng: "".join(rng.choices(chinese, k=rng.randrange(30, 400))) + "\n")


def glued_latin(size: int) -> str:
    """List words glued into long camelCase tokens: every token is split into words by dynamic programming."""
    english = _words("english")
    return _fill(size, lambda rng: "".join(w.capitalize() for w in rng.choices(english, k=rng.randrange(10, 300))) + "\n")


def leet_words(size: int) -> str:
    """List words in leetspeak and ROT13: each token is read three ways."""
    english = _words("english")
    leet, rot13 = str.maketrans("aeost", "43057"), str.maketrans("abcdefghijklmnopqrstuvwxyz", "nopqrstuvwxyzabcdefghijklm")

    def piece(rng: random.Random) -> str:
        w = rng.choice(english)
        return (w.translate(leet) if rng.random() < 0.5 else w.translate(rot13)) + " "
    return _fill(size, piece)


INPUTS: dict[str, Callable[[int], str]] = {
    "support prose": support_prose,
    "pw: a1 lines": password_lines,
    "grouped hex": grouped_hex,
    "glued Chinese": glued_chinese,
    "mixed": mixed,
    "long hex run": long_hex,
    "64-hex tokens": hex_tokens,
    "long base58 run": long_base58,
    "base58 signatures": base58_tokens,
    "words + junk": words_and_junk,
    "near-miss words": near_miss_words,
    "one endless run": endless_phrase,
    "deep '{' nesting": deep_braces,
    "CJK prose": cjk_prose,
    "glued Latin words": glued_latin,
    "leet / ROT13 words": leet_words,
}


def _time(fn: Callable[[], object]) -> float:
    """CPU seconds, which other busy processes on the machine do not inflate the way wall time is."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> int:
    find_secrets("warm up the wordlists 我换手机以后把脂费啦征泉众渗拒线便磁苯输进去就没币了")
    print("CPU seconds of find_secrets() per size; ratios 4 MB/1 MB and 10 MB/1 MB (4 and 10 when linear);")
    print("guard: scan_parts() on the same 1 MB (adds positions); lower(): str.lower() on 1 MB for scale")
    print(f"{'input':<20} {'1 MB':>7} {'4 MB':>7} {'10 MB':>7} {'4/1':>5} {'10/1':>5} {'guard 1MB':>10} {'x lower':>8}")
    worst = 0.0
    for name, build in INPUTS.items():
        sizes = {mb: build(mb * MB) for mb in (1, 4, 10)}
        t = {mb: _time(partial(find_secrets, text)) for mb, text in sizes.items()}
        g = _time(partial(scan_parts, [Part("body", sizes[1])]))
        base = _time(sizes[1].lower)
        worst = max(worst, t[1], g)
        print(f"{name:<20} {t[1]:7.3f} {t[4]:7.3f} {t[10]:7.3f} {t[4] / t[1]:5.1f} {t[10] / t[1]:5.1f} {g:10.3f} "
              f"{t[1] / max(base, 1e-6):8.0f}")
        sys.stdout.flush()
    print(f"slowest 1 MB: {worst:.2f} s (target < 1.5 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
