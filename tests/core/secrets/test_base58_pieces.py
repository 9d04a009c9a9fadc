"""A WIF or extended private key split over lines, grouped, or glued from quoted pieces is joined and
checked: only a join that passes Base58Check counts. Keys come from a seeded random source."""
from __future__ import annotations

import hashlib
import random

import pytest
from embit import base58

from assistant.secrets.scan import find_secrets, has_blocking

RNG = random.Random(5858)


def b58check(payload: bytes) -> str:
    return base58.encode(payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4])


def wif() -> str:
    return b58check(b"\x80" + RNG.randbytes(32) + b"\x01")


def xprv() -> str:
    return b58check(bytes.fromhex("0488ADE4") + bytes(9) + RNG.randbytes(32) + b"\x00" + RNG.randbytes(32))


def layouts(key: str) -> list[str]:
    half = len(key) // 2
    return [
        f"paper wallet key:\n{key[:half]}\n{key[half:]}",
        "WIF " + " ".join(key[i:i + 4] for i in range(0, len(key), 4)),
        " + ".join(f'"{key[i:i + 40]}"' for i in range(0, len(key), 40)),
        f"{key[:20]}-{key[20:]}",
    ]


@pytest.mark.parametrize("make", [wif, xprv])
def test_a_base58_key_in_pieces_is_blocked(make):
    for text in layouts(make()):
        assert has_blocking(find_secrets(text)), text


def test_a_broken_checksum_in_pieces_is_not_a_key():
    key = wif()
    bad = key[:-1] + ("2" if key[-1] != "2" else "3")
    for text in layouts(bad):
        assert not has_blocking(find_secrets(text)), text


def test_prose_of_base58_words_is_never_joined():
    text = "Kindly Let me know Why my KYC failed twice yesterday Because I uploaded my passport " * 200
    assert find_secrets(text) == []
