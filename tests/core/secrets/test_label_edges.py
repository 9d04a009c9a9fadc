"""Labels work where ASCII meets CJK, and the list and key shapes people use that a plain word boundary misses.

Python's `\\b` treats Chinese characters as word characters, so "TxID是<hash>" or "钱包密码Abc…" had no boundary;
labels now end at the edge of an ASCII word instead. Every secret here is generated from a seeded source.
"""
from __future__ import annotations

import random

import pytest
from mnemonic import Mnemonic

from assistant.secrets.scan import Severity, find_secrets

RNG = random.Random(2611)


def verdict(text: str) -> str:
    found = find_secrets(text)
    if any(f.severity is Severity.BLOCK for f in found):
        return "block"
    return "confirm" if found else "allow"


def hex_key() -> str:
    return RNG.randbytes(32).hex()


def words(lang: str = "english") -> list[str]:
    return Mnemonic(lang).to_mnemonic(RNG.randbytes(16)).split()


def test_a_transaction_label_glued_to_chinese_clears_the_hash():
    for text in (f"U转不出去，TxID是{hex_key()}，白扣了27个TRX", f"交易的txid：{hex_key()}，麻烦看一下",
                 f"这是我的Tx hash{hex_key()}谢谢"):
        assert verdict(text) == "allow", text


@pytest.mark.parametrize("template", [
    "Could you import this key and check it? {key}", "my key is {key}", "priv key -> {key}",
    "the wallet key below\n{key}", "钱包私钥{key}",
])
def test_a_key_label_in_everyday_words_blocks_the_key(template):
    assert verdict(template.format(key=hex_key())) == "block"


@pytest.mark.parametrize("separator", [".", " - ", ":", " "])
def test_a_key_grouped_in_eights_or_sixteens_with_any_separator_is_one_key(separator):
    raw = hex_key()
    for size in (8, 16):
        grouped = separator.join(raw[i:i + size] for i in range(0, 64, size))
        assert verdict(f"private key: {grouped}") == "block", grouped


def test_a_version_number_or_an_ip_address_is_not_a_grouped_key():
    assert verdict("App version 1.8.6 on iOS 18.1, node 10.0.0.12, build 2026.11.20") == "allow"


@pytest.mark.parametrize("numbering", ["No.{n}:{w}", "No. {n} {w}", "Nr.{n} {w}", "№{n}: {w}"])
def test_a_phrase_listed_with_number_abbreviations_is_seen(numbering):
    for lang in ("english", "french", "chinese_traditional"):
        listed = "\n".join(numbering.format(n=i, w=w) for i, w in enumerate(words(lang), 1))
        assert verdict(listed) == "block", listed


def test_passwords_glued_to_chinese_labels_and_short_english_labels_are_blocked():
    for text in ("钱包密码Abc15573!打不开", "支付密码Qw8812zz忘了", "login pass T0k3np0ck3t#8",
                 "credentials: user123 / Wangfang1982"):
        assert verdict(text) == "block", text


def test_password_words_in_ordinary_sentences_are_not_blocked():
    for text in ("密码是对的，但是打不开钱包", "I will pass 2 documents to the exchange", "密码输入3次都提示错误",
                 "Passwords do not work since version 2.3.1", "Solscan: https://solscan.io/account/Bguujji5B6VZJLLJauQHK73q16Pw5tJ1AH"):
        assert verdict(text) == "allow", text


def test_one_time_codes_in_traditional_chinese_and_plain_english_are_blocked():
    for text in ("動態碼 788731", "安全碼：402913", "the 6-digit code is 347499"):
        assert verdict(text) == "block", text


def test_a_code_label_inside_a_hash_is_not_a_label():
    link = "https://polygonscan.com/tx/0x170cf9ec6f0b316a4fa786cd1b835c33d531ce98ca3b212fa220992d3ac19b4d"
    assert verdict(f"Here is the link: {link} My TRON address: TC9hvCedyi6G3Gmi2Qvdhj3W81EWVkw7y8") == "allow"


def test_a_korean_phrase_in_decomposed_jamo_is_seen_glued_or_spaced():
    import unicodedata

    phrase = Mnemonic("korean").to_mnemonic(RNG.randbytes(16))
    composed = [unicodedata.normalize("NFC", w) for w in phrase.split()]
    for text in (" ".join(composed), "".join(composed)):
        assert verdict(unicodedata.normalize("NFD", text)) == "block"
        assert verdict("제 지갑 문구는 " + text + " 입니다") == "block"


def test_a_phrase_or_key_wrapped_in_base64_or_a_byte_literal_is_seen():
    import base64

    phrase = " ".join(words())
    key = RNG.randbytes(32)
    encoded_phrase = base64.b64encode(phrase.encode()).decode()
    assert verdict(f"support asked me to encode it first: {encoded_phrase}") == "block"
    assert verdict(f"private key (base64): {base64.b64encode(key).decode()}") == "block"
    literal = "b'" + "".join(f"\\x{b:02x}" for b in key) + "'"
    assert verdict(f"key = {literal}") == "block"
    assert verdict(f"here it is: {base64.b64encode(key).decode()}") == "confirm"  # key-sized, no label: ask


def test_hashes_addresses_and_base64_of_ordinary_text_are_not_secrets():
    import base64

    note = base64.b64encode("提现显示已完成，但钱包里没有到账，请帮忙查一下。".encode()).decode()
    for text in (f"TxID {RNG.randbytes(32).hex()} on TRON", "Solana address 7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV",
                 f"the exchange sent this reference: {note}"):
        assert verdict(text) == "allow", text
