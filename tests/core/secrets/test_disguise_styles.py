"""Phrases and keys written in ways that hide them from a word-by-word reading, and the look-alikes that pass.

Every phrase comes from seeded entropy through `Mnemonic.to_mnemonic` (valid checksum), every key from seeded
bytes; none is a real secret.
"""
from __future__ import annotations

import base64
import codecs
import json
import random

import pytest
from embit import ec, script
from mnemonic import Mnemonic

from assistant.secrets.guard import Part, scan_parts
from assistant.secrets.scan import Severity, find_secrets, is_blocked
from assistant.secrets.words import checksum_ok

RNG = random.Random(7731)


def phrase(lang: str = "english", words: int = 12) -> list[str]:
    return Mnemonic(lang).to_mnemonic(RNG.randbytes(words * 4 // 3)).split()


def severity(text: str) -> Severity | None:
    found = find_secrets(text)
    return max((f.severity for f in found), key=lambda s: s is Severity.BLOCK, default=None)


# ---- glued words ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["english", "spanish", "french", "italian", "portuguese", "czech"])
@pytest.mark.parametrize("style", ["camel", "pascal", "lower", "upper"])
def test_a_phrase_glued_into_one_word_is_blocked_in_every_latin_list(lang, style):
    w = phrase(lang)
    glued = {"camel": w[0] + "".join(x.capitalize() for x in w[1:]), "pascal": "".join(x.capitalize() for x in w),
             "lower": "".join(w), "upper": "".join(w).upper()}[style]
    text = f"My backup, written as one word:\n{glued}\nCan you restore it?"
    found = find_secrets(text)
    assert [f.severity for f in found] == [Severity.BLOCK]
    assert text[found[0].start : found[0].end].lower() in glued.lower()


def test_a_phrase_glued_to_the_words_around_it_is_found_by_its_checksum():
    w = phrase()
    assert is_blocked("myseedis" + "".join(w) + "pleasehelp")


@pytest.mark.parametrize("text", [
    "#NeverShareYourRecoveryPhraseWithAnyoneEvenSupport #StaySafeOnChain",
    "at com.wallet.core.account.AccountManagerImplementationFactory.loadAddressBookFromSecureStorage(Unknown Source)",
    "ERC20InsufficientAllowanceForTransferFromSpenderContract(spender=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed)",
    "https://support.example.com/hc/articles/whyismytransferpendingandhowcaniaccelerateitonthetronnetwork",
])
def test_identifiers_hashtags_and_slugs_made_of_words_pass(text):
    assert find_secrets(text) == []


# ---- words written another way ----------------------------------------------------------------------------------
def test_a_phrase_in_leetspeak_is_blocked_but_a_lone_l10n_is_no_word():
    leet = str.maketrans("aeiost", "431057")
    assert is_blocked("my words: " + " ".join(w.translate(leet) for w in phrase()))
    assert find_secrets("run main.py l10n diff, then k8s and i18n checks") == []


@pytest.mark.parametrize("how", ["rot13", "backwards", "backwards order"])
def test_a_phrase_in_rot13_or_backwards_is_blocked(how):
    w = phrase()
    text = {"rot13": " ".join(codecs.encode(x, "rot13") for x in w), "backwards": " ".join(x[::-1] for x in w),
            "backwards order": " ".join(reversed(w))}[how]
    assert is_blocked(text)


def test_words_broken_by_a_line_break_or_a_symbol_are_read_whole():
    w = phrase("french")
    broken = " ".join(x[:3] + "\n" + x[3:] if i % 2 else x[:2] + "🔑" + x[2:] for i, x in enumerate(w))
    assert is_blocked(broken)


@pytest.mark.parametrize("sep", [".", "-", "\n"])
def test_letters_with_a_separator_between_them_are_joined(sep):
    w = phrase()
    gap = "\n\n" if sep == "\n" else " "
    assert is_blocked(gap.join(sep.join(x) for x in w))


def test_junk_letters_between_the_words_do_not_split_a_phrase_with_a_valid_checksum():
    w = phrase()
    assert is_blocked(" ".join(f"{x} {RNG.choice('xqzkjv')}" for x in w))


def test_junk_between_words_without_a_valid_checksum_is_not_a_phrase():
    english = Mnemonic("english").wordlist
    while True:
        w = RNG.sample(english, 12)
        if checksum_ok("english", w) is False:
            break
    assert not is_blocked(" ".join(f"{x} {RNG.choice('xqzkjv')}" for x in w))


@pytest.mark.parametrize("lang", ["japanese", "korean", "chinese_simplified", "french"])
def test_mixed_numbering_styles_do_not_split_a_phrase(lang):
    styles = [lambda i: f"{i}) ", lambda i: f"No.{i} ", lambda i: f"第{i}个：", lambda i: "四、", lambda i: f"({i}) "]
    w = phrase(lang)
    assert is_blocked(" ".join(styles[i % len(styles)](i + 1) + x for i, x in enumerate(w)))


def test_a_phrase_encoded_as_hex_or_as_base64_of_glued_words_is_blocked():
    w = phrase()
    assert is_blocked(" ".join(w).encode().hex())
    assert is_blocked(base64.b64encode("".join(w).encode()).decode())


# ---- keys under a field name, keys of an address in the request ----------------------------------------------
def key() -> bytes:
    return RNG.randbytes(32)


@pytest.mark.parametrize("name", ["privateKey", "PRIVATE_KEY", "priv", "walletSecret", "signerKey", "clé_privée"])
def test_a_hex_value_under_a_key_named_field_is_blocked(name):
    k = key().hex()
    assert severity(json.dumps({"network": "tron", name: "0x" + k}, ensure_ascii=False)) is Severity.BLOCK
    assert severity(f"const {name} = '{k}';") is Severity.BLOCK


@pytest.mark.parametrize("name", ["blockHash", "transactionHash", "tx_id", "publicKey", "parentHash"])
def test_a_hex_value_under_a_hash_or_public_key_field_passes(name):
    assert find_secrets(json.dumps({name: "0x" + key().hex(), "status": "0x1"})) == []


def test_an_unlabelled_hex_value_is_still_asked_about_not_blocked():
    assert severity(f"Value from my config file: 0x{key().hex()}") is Severity.CONFIRM


def test_a_hex_value_that_controls_an_address_written_in_the_request_is_blocked():
    k = key()
    address = script.p2wpkh(ec.PrivateKey(k).get_public_key()).address()
    assert severity(f"My BTC address is {address}\nis this string important?\n{k.hex()}") is Severity.BLOCK
    hits = scan_parts([Part("subject", f"Funds missing from {address}"), Part("body", f"found this: {k.hex()}")])
    assert [h.finding.severity for h in hits] == [Severity.BLOCK]


def test_a_hash_next_to_an_unrelated_address_is_only_asked_about():
    other = script.p2wpkh(ec.PrivateKey(key()).get_public_key()).address()
    assert severity(f"My BTC address is {other}\nsee {key().hex()}") is Severity.CONFIRM
