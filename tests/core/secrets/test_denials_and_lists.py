"""Honest tickets that mention keys only to deny or explain: the mention labels no value, and the words
around a hash are read whole (no "key" inside "keys", "keyboard" or "the key point").
Every hash is drawn from a seeded random source."""
from __future__ import annotations

import random

import pytest

from assistant.secrets.scan import find_secrets, has_blocking

RNG = random.Random(7070)


def h() -> str:
    return "0x" + RNG.randbytes(32).hex()


@pytest.mark.parametrize("template", [
    "我的助记词和私钥都没有泄露过，被盗交易：{a}，{b}",
    "I never shared my seed phrase or private key, stolen transactions: {a}, {b}",
    "- {a}\nThese are tx hashes, not keys.",
    "- {a}\n以上都是交易哈希，不是私鑰。",
    "{a}\nkeyboard froze after that",
    "{a}\nKeychain asked for my login again",
    "the key point is {a}",
    "my key takeaway: {a} was never confirmed",
])
def test_a_denied_or_everyday_key_word_does_not_make_a_hash_a_key(template):
    assert not has_blocking(find_secrets(template.format(a=h(), b=h())))


@pytest.mark.parametrize("template", [
    "my private key: {a}",
    "私钥：{a}",
    "{a} <- this is my private key",
    "never share this private key: {a}",
    "key\n{a}",
])
def test_a_key_label_still_labels(template):
    assert has_blocking(find_secrets(template.format(a=h())))


@pytest.mark.parametrize("head", ["Tx hashes:", "請幫忙查詢以下交易：", "Transactions I need help with:"])
@pytest.mark.parametrize("bullet", ["{i}. ", "- ", ""])
def test_a_transaction_label_covers_its_whole_list_of_hashes(head, bullet):
    lines = [bullet.format(i=i) + h() + (" (pending)" if i == 2 else "") for i in range(1, 5)]
    assert find_secrets(head + "\n" + "\n".join(lines)) == []


@pytest.mark.parametrize("label", ["approval", "sha256 of installer:", "checksum", "request id", "State root",
                                   "授权交易"])
def test_more_public_hash_labels(label):
    assert find_secrets(f"{label} {h()[2:]}") == []


def test_a_list_under_a_key_label_is_still_blocked():
    assert has_blocking(find_secrets("private keys:\n1. " + h() + "\n2. " + h()))
