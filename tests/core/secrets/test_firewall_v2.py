"""Secret firewall v2: disguises seen through with spans in the original text, the whole request read
(inputs joined in order) at the form, every export, autosave and the command line, and keys derived offline.

Every phrase and key is generated here from a seeded random source; none is a real secret.
"""
from __future__ import annotations

import json
import random

import pytest
from embit import base58, ec
from mnemonic import Mnemonic
from nacl.bindings import crypto_sign_seed_keypair

from assistant.email.exports import Message, clipboard_text, save_eml, text_for
from assistant.errors import ExportBlocked, FieldErrors
from assistant.flows.engine import Session
from assistant.secrets.guard import INPUTS, Exit, Part, scan_parts
from assistant.secrets.keccak import keccak256
from assistant.secrets.normalise import normalise
from assistant.secrets.request import spanning
from assistant.secrets.scan import SecretKind, Severity, find_secrets, has_blocking, redact
from assistant.storage.autosave import AutosaveStore
from tests.core.flow_fixtures import make_flow

RNG = random.Random(1212)


def phrase(lang: str = "english", strength: int = 128) -> list[str]:
    words = Mnemonic(lang).to_mnemonic(RNG.randbytes(strength // 8))
    return words.split("\u3000" if lang == "japanese" else " ")


def key() -> bytes:
    return RNG.randbytes(32)


def evm_address(k: bytes) -> str:
    pub = ec.PrivateKey(k).get_public_key()
    pub.compressed = False
    return "0x" + keccak256(pub.sec()[1:])[-20:].hex()


# ---- disguises: found, and reported over the original text --------------------------------------------------
@pytest.mark.parametrize("disguise", [
    lambda w: "\u200b".join(w),
    lambda w: "\u00ad".join(w),
    lambda w: w.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)}),
    lambda w: w.replace("a", "\u0430").replace("e", "\u0435").replace("o", "\u03bf"),
    lambda w: " ".join(w),
])
def test_disguised_words_are_found_and_redacted_in_the_original(disguise):
    words = phrase()
    text = "my backup:\n" + "   ".join(disguise(w) for w in words) + "\n谢谢"
    found = find_secrets(text)
    assert has_blocking(found)
    cleaned = redact(text, found)
    assert cleaned.startswith("my backup:\n") and cleaned.endswith("\n谢谢")
    assert not any(w in normalise(cleaned).text for w in words[1:-1])


def test_normalised_offsets_map_back_through_markup_and_escapes():
    words = phrase()
    html = "<ol>" + "".join(f"<li>{w}</li>" for w in words) + "</ol>"
    escaped = json.dumps(words, ensure_ascii=True).replace("a", "\\u0061")
    for text in (f"see {html} ok", f"data={escaped} ok"):
        f = next(f for f in find_secrets(text) if f.kind is SecretKind.MNEMONIC)
        assert text[: f.start].startswith(text[:4]) and text[f.end :].endswith(" ok")
        assert f.severity is Severity.BLOCK


def test_hidden_characters_inside_an_ambiguous_value_block_it():
    digits = key().hex()
    plain = find_secrets(f"it shows {digits}")
    hidden = find_secrets("it shows " + "\u200c".join(digits[i : i + 8] for i in range(0, 64, 8)))
    assert [f.severity for f in plain] == [Severity.CONFIRM]
    assert [f.severity for f in hidden] == [Severity.BLOCK]


# ---- shapes -------------------------------------------------------------------------------------------------
def test_chinese_phrase_glued_inside_a_sentence_is_blocked_and_chinese_prose_is_not():
    words = phrase("chinese_simplified")
    assert has_blocking(find_secrets(f"我换手机以后把{''.join(words)}输进去就没币了"))
    for prose in ("授权以后资产全部被转走了怎么办", "我昨天从币安提现到钱包，交易一直没有到账，请帮我看看是什么原因"):
        assert find_secrets(prose) == []


def test_japanese_kana_without_separators_is_blocked():
    assert has_blocking(find_secrets("".join(phrase("japanese"))))


def test_english_sentences_of_list_words_are_not_flagged():
    for prose in ("Thank you, that will help. Sorry again, have a good day.",
                  "Thank you, please call again tomorrow morning because that phone number will change soon."):
        assert find_secrets(prose) == []


@pytest.mark.parametrize("layout", [
    lambda h: " ".join(h[i : i + 8] for i in range(0, 64, 8)),
    lambda h: "-".join(h[i : i + 16] for i in range(0, 64, 16)),
    lambda h: h[:29] + "\n" + h[29:],
    lambda h: "key" + h,
])
def test_labelled_key_in_any_layout_is_blocked(layout):
    assert has_blocking(find_secrets("私钥：" + layout(key().hex()) if not layout("x" * 64).startswith("key")
                                     else layout(key().hex())))


def test_solana_keypair_as_128_hex_and_seed_array_with_a_label():
    seed = key()
    pair = seed + crypto_sign_seed_keypair(seed)[0]
    assert has_blocking(find_secrets(pair.hex()))
    assert has_blocking(find_secrets(f"Keypair.fromSeed(Uint8Array.from({list(seed)}))"))
    assert not has_blocking(find_secrets(str(list(seed))))  # a bare 32-byte array is only asked about


def test_transaction_labels_and_explorer_links_are_never_flagged():
    h = RNG.randbytes(32).hex()
    for text in (f"I never shared my private key. Tx hash: 0x{h}", f"https://www.blockchain.com/explorer/transactions/btc/{h}",
                 f"交易哈希：0x{h}", f"Link: https://tronscan.org/#/transaction/{h}"):
        assert find_secrets(text) == []


# ---- derive and compare -------------------------------------------------------------------------------------
def test_a_private_key_in_the_tx_hash_field_is_blocked_when_it_derives_the_users_address():
    k = key()
    own = evm_address(k)
    tron = base58.encode_check(b"\x41" + bytes.fromhex(own[2:]))
    for address in (own, own.upper().replace("0X", "0x"), tron):
        f = find_secrets(k.hex(), context="tx_hash", addresses=[address])
        assert has_blocking(f) and "your own address" in f[0].detail
    other = RNG.randbytes(32).hex()
    assert find_secrets(other, context="tx_hash", addresses=[own]) == []
    assert [f.severity for f in find_secrets(other, context="tx_hash")] == [Severity.CONFIRM]


def test_a_solana_seed_is_checked_against_the_users_solana_address():
    seed = key()
    address = base58.encode(crypto_sign_seed_keypair(seed)[0])
    assert has_blocking(find_secrets(seed.hex(), context="tx_hash", addresses=[address]))


# ---- the whole request ----------------------------------------------------------------------------------------
def test_a_phrase_split_over_two_values_is_found_only_when_read_together():
    words = phrase()
    a, b = " ".join(words[:6]), " ".join(words[6:])
    assert not has_blocking(find_secrets(a)) and not has_blocking(find_secrets(b))
    found = spanning(["备注", a, b])
    assert found and found[0].indexes == (1, 2) and found[0].finding.severity is Severity.BLOCK


def test_a_chinese_phrase_split_over_two_values_is_found():
    words = phrase("chinese_simplified")
    assert spanning(["".join(words[:6]), "".join(words[6:])])


TWO_FIELDS = """
[flow]
start = "first"

[nodes.first]
kind = "form"
next = "second"
fields = [{ name = "note", kind = "multiline" }]

[nodes.second]
kind = "form"
next = "done"
fields = [{ name = "more", kind = "multiline" }, { name = "extra", kind = "text", required = false }]

[nodes.done]
kind = "outcome"
outcome = "escalate"
"""


def test_the_form_rejects_the_second_half_of_a_split_phrase(tmp_path):
    words = phrase()
    session = Session(make_flow(tmp_path, TWO_FIELDS, "split"))
    session.submit({"note": " ".join(words[:6])})
    with pytest.raises(FieldErrors) as caught:
        session.submit({"more": " ".join(words[6:])})
    assert set(caught.value.errors) == {"more"}
    with pytest.raises(FieldErrors):  # two fields of one form
        Session(make_flow(tmp_path, TWO_FIELDS, "split")).submit({"note": " ".join(words)})
    session.submit({"more": "the app shows an error", "extra": "since Monday"})
    assert session.finished


def split_message() -> tuple[Message, list[str]]:
    words = phrase()
    body = f"备注：{' '.join(words[:6])}\n补充：{' '.join(words[6:])}\n"
    return Message("service@tokenpocket.pro", "help", body, entries=(" ".join(words[:6]), " ".join(words[6:]))), words


@pytest.mark.parametrize("exit_name", [Exit.TXT, Exit.PRINT, Exit.PDF, Exit.CLIPBOARD])
def test_a_split_phrase_reaches_no_export(exit_name, tmp_path):
    message, _ = split_message()
    with pytest.raises(ExportBlocked) as caught:
        text_for(message, exit_name)
    assert any(h.part.name == INPUTS for h in caught.value.findings)
    with pytest.raises(ExportBlocked):
        clipboard_text(message)
    with pytest.raises(ExportBlocked):
        save_eml(message, tmp_path / "x.eml")
    assert not (tmp_path / "x.eml").exists()


def test_the_review_scan_reports_the_split_phrase():
    message, _ = split_message()
    hits = scan_parts(message.parts(), inputs=message.inputs)
    assert [h.part.name for h in hits if h.blocking] == [INPUTS]
    removed = Message(message.to, message.subject, "备注：(removed)\n", entries=message.entries)
    assert scan_parts(removed.parts(), inputs=removed.inputs) == []


def test_autosave_cuts_a_split_phrase_and_ask_first_values_unless_public(tmp_path):
    words = phrase()
    h = RNG.randbytes(32).hex()
    other = RNG.randbytes(32).hex()
    state = {"format": 1, "flow": "split", "answers": [["first", {"note": " ".join(words[:6])}],
                                                       ["second", {"more": " ".join(words[6:]), "extra": f"{h} {other}"}]]}
    store = AutosaveStore(tmp_path / "data")
    store.save(state, "en", public=[h])
    raw = store.path.read_text(encoding="utf-8")
    assert not any(f" {w} " in raw for w in words[1:5]) and h in raw and other not in raw
    assert '"first"' in raw and '"second"' in raw  # the app's own ids stay
    store.save_review({"to": " ".join(words[:6]), "subject": " ".join(words[6:]), "body": "hi"})
    review = (store.folder / "review.json").read_text(encoding="utf-8")
    assert words[2] not in review and words[8] not in review


def test_the_crash_log_scrub_removes_secrets():
    from assistant.ui.crash import scrub

    words = phrase()
    log = "Traceback: value=" + " ".join(w[:2] + "\u200b" + w[2:] for w in words)
    assert not any(w[2:] in scrub(log) for w in words[2:10])


def test_a_part_repr_never_holds_the_text():
    assert "abandon" not in repr(Part("body", "abandon " * 12))
